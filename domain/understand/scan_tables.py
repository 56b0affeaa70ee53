"""(docs14) A task table read from a scan or a photo: its rows and columns rebuilt from where Tesseract
found each word, so that a scanned «Danh mục nhiệm vụ» (STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp |
Thời hạn) gives the tasks the same table gives in a .docx.

Read as text, such a page came out line by line across the cells or column by column (Tesseract takes a
borderless column for a block), the row numbers dropped (a lone digit in a narrow cell is often not read),
so tasks, leads and deadlines mixed. Here:

- `find_rules` finds the page's ruled lines (long dark runs, on Pillow's box-averaged copies of the page:
  no OpenCV needed for straight lines on a deskewed page) and `erase_rules` paints them white before the
  page is read: a cell border read as «|» or «[» glued to a word, and the header row between two rules was
  dropped whole by Tesseract's page layout.
- `table_rows` rebuilds the table from the word boxes: printed lines (bands) from the words' heights,
  columns from the white gutters no word of the table crosses, rows from the horizontal rules between
  bands (a ruled table), or, without rules, from a number in the first column or a gap wider than the
  gap between a cell's own lines. The rows go to `documents._rows_as_lines`, as a .docx table's do.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median
from typing import Any

from domain.understand import ocr
from domain.understand.textnorm import fold

# The header words that make a band a task table's header: the task column and a lead column.
_TASK_HEADER = re.compile(r"\b(noi dung|nhiem vu|cong viec)\b")
_LEAD_HEADER = re.compile(r"\b(chu tri|don vi|thuc hien|phu trach|co quan)\b")
# A row's number as OCR leaves it: «1», «2.», «10_», «7.», a group's «I», «II».
_ROW_NUMBER = re.compile(r"^[|\[(]?(\d{1,3}|[IVX]{1,4})[._)|,]?$")
_DUE_HEADER = re.compile(r"\b(thoi han|thoi gian|han|tien do)\b")
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
# How much darker than the paper around it a pixel is to be ink, and how much of a run of pixels a rule fills.
_DARKER_BY = 40
_RULE_FILL = 0.75
_STEP = 16  # the run (pixels) averaged at a time when looking for rules


@dataclass(frozen=True)
class Rules:
    """A page's ruled lines, in pixels: horizontal ones as (y, left, right), vertical ones as (x, top, bottom)."""

    horizontal: list[tuple[int, int, int, int]] = field(default_factory=list)  # and each one's thickness
    vertical: list[tuple[int, int, int, int]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.horizontal) or bool(self.vertical)


def find_rules(page: Any) -> Rules:
    """The page's long straight rules (a table's borders): a horizontal one at least a sixth of the page
    wide, a vertical one at least a twentieth of its height, both thin. Letters are never that long."""
    from PIL import Image

    ink = _ink(page)
    w, h = ink.size
    across = ink.resize((max(1, w // _STEP), h), Image.Resampling.BOX)
    down = ink.resize((w, max(1, h // _STEP)), Image.Resampling.BOX).transpose(Image.Transpose.TRANSPOSE)
    return Rules(
        _rules(_runs(across.tobytes(), across.width, h, w / 6 / _STEP), h),
        _rules(_runs(down.tobytes(), down.width, w, h / 20 / _STEP), w),
    )


def _ink(page: Any) -> Any:
    """The page's ink, 255 on 0: what is darker than the paper around it (the mean over ~40 pixels, taken
    on a copy an eighth the size: a blur of the whole page cost three times the rest), so that a rule in a
    phone photo's shadow is found and the shadow itself is no rule."""
    from PIL import Image, ImageChops, ImageFilter

    grey = page.convert("L")
    w, h = grey.size
    small = grey.resize((max(1, w // 8), max(1, h // 8)), Image.Resampling.BOX).filter(ImageFilter.BoxBlur(2))
    around = small.resize((w, h), Image.Resampling.BILINEAR)
    return ImageChops.subtract(around, grey).point(lambda v: 255 if v > _DARKER_BY else 0)


def _rules(runs: list[tuple[int, int, int]], size: int) -> list[tuple[int, int, int, int]]:
    """Runs on neighbouring lines made one rule (middle, first pixel, last pixel, thickness); a band thicker
    than a hundredth of the page is a dark area (a photo's shadow, a picture), not a rule."""
    groups: list[list[tuple[int, int, int]]] = []
    for run in runs:
        group = next((g for g in groups if run[0] - g[-1][0] <= 1 and run[1] <= g[-1][2] and run[2] >= g[-1][1]),
                     None)
        if group is None:
            groups.append([run])
        else:
            group.append(run)
    out = []
    for g in groups:
        thickness = g[-1][0] - g[0][0] + 1
        if thickness <= max(3, size // 100):
            out.append(((g[0][0] + g[-1][0]) // 2, min(r[1] for r in g) * _STEP, (max(r[2] for r in g) + 1) * _STEP,
                        thickness))
    return out


def _runs(values: bytes, width: int, lines: int, at_least: float) -> list[tuple[int, int, int]]:
    """Runs of nearly full cells, line by line of a box-averaged copy: (line, first cell, last cell). The
    cells are made 1 (full) or 0 and the runs found by one regular expression over the whole copy (a
    Python loop over its cells cost most of the search)."""
    full = math.ceil(255 * _RULE_FILL)
    marked = values[: width * lines].translate(bytes(int(v >= full) for v in range(256)))
    out: list[tuple[int, int, int]] = []
    for match in re.finditer(rb"\x01{%d,}" % max(1, math.ceil(at_least)), marked):
        first, last = match.start(), match.end() - 1
        for y in range(first // width, last // width + 1):  # a run that wraps past a line's end is cut there
            a, b = max(first, y * width), min(last, (y + 1) * width - 1)
            if b - a + 1 >= at_least:
                out.append((y, a - y * width, b - y * width))
    return out


def erase_rules(page: Any, rules: Rules) -> Any:
    """The page with its rules painted white: a few pixels around each (its grey edges), and one
    run more at its ends (a rule is measured by runs of `_STEP` pixels)."""
    from PIL import ImageDraw

    page = page.copy()
    draw = ImageDraw.Draw(page)
    for y, left, right, thick in rules.horizontal:
        draw.rectangle((left - _STEP, y - thick // 2 - 3, right + _STEP, y + thick // 2 + 3), fill=255)
    for x, top, bottom, thick in rules.vertical:
        draw.rectangle((x - thick // 2 - 3, top - _STEP, x + thick // 2 + 3, bottom + _STEP), fill=255)
    return page


# ------------------------------------------------------------------------------------------ the table
@dataclass
class _Band:
    """A printed line across the page: the words whose middles lie at one height."""

    words: list[ocr.Word]
    top: int
    bottom: int

    @property
    def middle(self) -> float:
        return sum((w.top + w.bottom) / 2 for w in self.words) / len(self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in sorted(self.words, key=lambda w: w.left))


@dataclass
class Table:
    """A scanned table: the lines printed above it, its rows of cells (the header first), the lines below."""

    before: list[ocr.Word]
    rows: list[list[str]]
    after: list[ocr.Word]


def _bands(words: Sequence[ocr.Word]) -> list[_Band]:
    height = median(w.bottom - w.top for w in words)
    bands: list[_Band] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        middle = (w.top + w.bottom) / 2
        if bands and middle - bands[-1].middle <= 0.45 * height:
            bands[-1].words.append(w)
            bands[-1].top, bands[-1].bottom = min(bands[-1].top, w.top), max(bands[-1].bottom, w.bottom)
        else:
            bands.append(_Band([w], w.top, w.bottom))
    return bands


def _is_header(band: _Band) -> bool:
    folded = fold(band.text)
    return bool(_TASK_HEADER.search(folded)) and bool(_LEAD_HEADER.search(folded)) and len(band.words) >= 4


def _gaps(band: _Band, height: float) -> list[tuple[int, int]]:
    """The white spans between the band's words wider than a space between words."""
    words = sorted(band.words, key=lambda w: w.left)
    return [(a.right, b.left) for a, b in pairwise(words) if b.left - a.right > height]


def table_rows(words: Sequence[ocr.Word], rules: Rules | None = None) -> Table | None:
    """The task table on a page, rebuilt from its words' boxes; None when the page holds none."""
    words = [w for w in words if w.bottom > w.top]
    if len(words) < 8:
        return None
    height = median(w.bottom - w.top for w in words)
    # What is left of a border the page's rules did not take (a photo's leaning vertical rule): «|», «[»,
    # a tall «—». Kept, it filled the gutter between two columns or made a band of its own.
    words = [w for w in words if any(c.isalnum() for c in w.text)
             or (w.text.strip("|[]!") and w.bottom - w.top < 1.5 * height)]
    bands = _bands(words)
    start = next((k for k, band in enumerate(bands) if _is_header(band)), None)
    if start is None:
        return None
    left = min(w.left for w in bands[start].words)
    right = max(w.right for w in bands[start].words)
    # The table's bands: down to a printed line that runs across the table without a gutter (a paragraph).
    end = start + 1
    while end < len(bands):
        band = bands[end]
        spread = max(w.right for w in band.words) - min(w.left for w in band.words)
        if spread > 0.6 * (right - left) and not _gaps(band, height):
            break
        end += 1
    table = bands[start:end]
    edges = _columns(table, left, right, height)
    if len(edges) < 3:
        return None

    def column(w: ocr.Word) -> int:
        return sum(1 for edge in edges if w.left >= edge)

    header = [" ".join(w.text for w in table[0].words if column(w) == c) for c in range(len(edges) + 1)]
    folded = [fold(text) for text in header]
    due = next((c for c, text in enumerate(folded) if _DUE_HEADER.search(text)), None)
    task = next((c for c, text in enumerate(folded) if _TASK_HEADER.search(text)), 1)
    lead = next((c for c, text in enumerate(folded)
                 if c != task and _LEAD_HEADER.search(text) and "phoi hop" not in text), None)
    bounds = [left, *edges, right]

    def middle_of(c: int) -> float:
        return (bounds[c] + bounds[c + 1]) / 2

    # A ruled table's rows: a rule across the task column between two printed lines. (docs13's PDF tables
    # read it so too) A lead cell merged down over several rows has no rule under it in the lead column.
    horizontal = [(y, a, b) for y, a, b, _ in (rules.horizontal if rules else []) if a <= middle_of(task) <= b]
    cells: list[list[list[ocr.Word]]] = [[[] for _ in range(len(edges) + 1)]]
    merged_lead: list[bool] = [False]

    def rule_between(above: _Band, band: _Band, x: float) -> bool:
        return any(above.middle < y < band.middle and a <= x <= b for y, a, b in horizontal)

    def starts_row(above: _Band, band: _Band) -> bool:
        if horizontal:
            return rule_between(above, band, middle_of(task))
        first = [w for w in band.words if column(w) == 0]
        numbered = bool(first) and bool(_ROW_NUMBER.match(" ".join(w.text for w in first)))
        # A deadline cell holds one date: a second date in the column is the next row's (its number lost).
        dated = due is not None and any(column(w) == due and _DATE.search(w.text) for w in band.words) and any(
            _DATE.search(w.text) for w in cells[-1][due])
        return numbered or dated or band.top - above.bottom > 0.7 * height

    for k, band in enumerate(table):
        if k and starts_row(table[k - 1], band):
            cells.append([[] for _ in range(len(edges) + 1)])
            merged_lead.append(lead is not None and not rule_between(table[k - 1], band, middle_of(lead)))
        for w in band.words:
            cells[-1][column(w)].append(w)
    rows = [[_cell_text(ws) for ws in row] for row in cells]
    if len(rows) < 2:
        return None
    for r in range(2, len(rows)):  # the header's row (0) and the first row (1) have nothing above to share
        if lead is not None and merged_lead[r] and not rows[r][lead]:
            rows[r][lead] = rows[r - 1][lead]
    used = {id(w) for band in table for w in band.words}
    top = table[0].top
    return Table(
        [w for w in words if id(w) not in used and w.bottom <= top],
        rows,
        [w for w in words if id(w) not in used and w.bottom > top],
    )


def _columns(table: list[_Band], left: int, right: int, height: float) -> list[int]:
    """The columns' left edges but the first: the middles of the white gutters that run down the whole
    table (no word of the header or of a row crosses them)."""
    lo = min(left, *(w.left for band in table for w in band.words))
    hi = max(right, *(w.right for band in table for w in band.words))
    covered = bytearray(hi - lo + 1)
    for band in table:
        for w in band.words:
            covered[w.left - lo : w.right - lo + 1] = b"\x01" * (w.right - w.left + 1)
    edges: list[int] = []
    start = None
    for x, filled in enumerate(covered):
        if not filled and start is None:
            start = x
        elif filled and start is not None:
            if x - start >= 0.6 * height:
                edges.append(lo + (start + x) // 2)
            start = None
    return edges


def _cell_text(words: list[ocr.Word]) -> str:
    """A cell's words in reading order: its printed lines top to bottom, each left to right."""
    if not words:
        return ""
    lines = _bands(words)
    text = " ".join(band.text for band in lines)
    return _without_edge_marks(" ".join(text.replace("|", " ").split()).strip(" _[]"))


# (docs16) What is left of a cell's border at its edge in a photo: a trace of the rule beside the first or last
# letter, read as a quote, an apostrophe or a bar («"Tổng hợp kết quả …», «Công an huyện '»).
_EDGE_MARKS = "\"'“”‘’`|¦"


def _without_edge_marks(text: str) -> str:
    """The cell's text without a lone mark at its start or end: one that no other mark of the cell pairs
    with (a quoted name, «"Ngày chủ nhật xanh"», has both of its quotes and keeps them)."""
    for _ in range(2):
        for at in (0, -1):
            if text and text[at] in _EDGE_MARKS and _unpaired(text, text[at]):
                text = (text[1:] if at == 0 else text[:-1]).strip()
    return text


def _unpaired(text: str, mark: str) -> bool:
    straight = text.count('"') if mark in '"“”' else text.count("'") if mark in "'‘’`" else 1
    curly = sum(text.count(m) for m in "“”") if mark in '"“”' else sum(text.count(m) for m in "‘’")
    return (straight + curly) % 2 == 1
