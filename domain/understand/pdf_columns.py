"""(docs16) A PDF page set in two columns (a bulletin, a newsletter's «Kết luận giao ban» page), read column by
column; (docs18) three or more columns, each side of a gutter read the same way again.

PDFium gives a page's text in the order its content stream draws it. A layout program that draws line by line
across the page (left column's line, then the right column's line at the same height) gave «1. Giao Phòng Tài
chính … chủ trì rà» / «4. Giao Phòng Y tế … soát danh mục dự án …»: every item's halves mixed with another's,
deadlines given to the wrong item. Here the printed lines' boxes say where the columns are: a gutter, a
vertical strip in the middle of the page that most lines keep clear of, with lines on both sides at the same
heights. Lines that cross it (a title, a full-width paragraph) part the page into bands; within a band the left
column is read top to bottom, then the right one.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

_AT_LEAST = 5  # printed lines on each side of the gutter
_SIDE_BY_SIDE = 4  # of them at the same heights as a line across the gutter
_CROSSING_AT_MOST = 0.2  # a part of the page's lines that may cross the gutter (titles, full-width paragraphs)


def reading_order(items: Sequence[T], box: Callable[[T], tuple[float, float, float]]) -> list[T]:
    """The page's printed lines in reading order when it is set in columns, else as they are. `box` gives
    a line's left, right and top (a larger top is higher on the page, as in PDF)."""
    return [item for run in runs(items, box) for item in run]


def runs(items: Sequence[T], box: Callable[[T], tuple[float, float, float]]) -> list[list[T]]:
    """The page's printed lines as the runs a reader reads one after the other: each column of a band top to
    bottom, a line across the page alone; a one-column page is one run, its lines as they are.

    (docs18) Any number of columns: the gutter found parts the page in two, and each side of it is read the same
    way again — a three-column bulletin's first gutter leaves one column on one side and two on the other, whose
    own gutter is then found among that side's lines alone (the middle of their width). A side of one column has
    no strip its lines keep clear of, and is one run. The runs are what a scan's blocks are: a paragraph's
    lines are measured against their own column's width, not the page's (a column's line is short of the page's
    right edge, and read as a paragraph's last line, every item was cut at a capital starting a printed line)."""
    gutter = _gutter(items, box)
    if gutter is None:
        return [list(items)] if items else []
    out: list[list[T]] = []
    left: list[T] = []
    right: list[T] = []
    across: list[T] = []

    def flush() -> None:
        out.extend(runs(sorted(left, key=lambda it: -box(it)[2]), box))
        out.extend(runs(sorted(right, key=lambda it: -box(it)[2]), box))
        left.clear()
        right.clear()

    for item in sorted(items, key=lambda it: -box(it)[2]):
        x0, x1, _ = box(item)
        if x1 < gutter:
            left.append(item)
        elif x0 > gutter:
            right.append(item)
        else:  # a line across the page parts the bands; the lines across, one under the other, are one run
            flush()
            if across and out and out[-1] is across:
                across.append(item)
            else:
                across = [item]
                out.append(across)
    flush()
    return out


def _gutter(items: Sequence[T], box: Callable[[T], tuple[float, float, float]]) -> float | None:
    """The middle of the page's column gutter, or None when the page is one column."""
    boxes = [box(it) for it in items]
    if len(boxes) < 2 * _AT_LEAST:
        return None
    lo, hi = min(b[0] for b in boxes), max(b[1] for b in boxes)
    width = hi - lo
    candidates = sorted({b[1] + 1 for b in boxes} | {b[0] - 1 for b in boxes})
    best: tuple[tuple[int, int], float] | None = None  # the fewest lines crossing, at most lines a side
    for x in candidates:
        if not lo + 0.3 * width <= x <= lo + 0.7 * width:
            continue
        lefts = [b for b in boxes if b[1] < x]
        rights = [b for b in boxes if b[0] > x]
        crossing = len(boxes) - len(lefts) - len(rights)
        if min(len(lefts), len(rights)) < _AT_LEAST or crossing > _CROSSING_AT_MOST * len(boxes):
            continue
        level = {round(b[2]) for b in lefts}
        paired = sum(1 for b in rights if any(abs(round(b[2]) - y) <= 2 for y in level))
        if paired < _SIDE_BY_SIDE:
            continue
        score = (min(len(lefts), len(rights)), -crossing)
        if best is None or score > best[0]:
            best = (score, (max(b[1] for b in lefts) + min(b[0] for b in rights)) / 2)
    return best[1] if best else None


# (docs17) A narrow gutter: its width at least this many parts of a letter's height (a justified line's widest
# word space is about half a letter's height; a 0.5 cm gutter is about one letter at 12 pt) ...
_NARROW_GUTTER = 0.6
# ... kept clear on this many printed lines running one under the other, with letters on both sides.
_GUTTER_LINES = 5


def narrow_gutter(lines: Sequence[Sequence[tuple[float, float]]], height: float) -> tuple[float, float] | None:
    """(docs17) The band between two columns that PDFium runs into one printed line when the gutter is narrower
    than the gap that parts a line's pieces (2.5 letters): a vertical strip free of glyphs on several printed
    lines one under the other, each with letters on both sides of it — a word gap, however wide, lines up
    with the one above on a line or two, never on five. `lines`: each printed line's glyphs (left, right),
    top line first; `height`: a letter's height. The band (left, right), or None."""
    placed = [sorted(line) for line in lines if len(line) >= 2]
    if len(placed) < _GUTTER_LINES:
        return None
    lo = min(line[0][0] for line in placed)
    hi = max(right for line in placed for _, right in line)
    widest = _NARROW_GUTTER * height
    middle = (lo + 0.3 * (hi - lo), lo + 0.7 * (hi - lo))
    candidates = sorted({round((a[1] + b[0]) / 2) for line in placed for a, b in itertools.pairwise(line)
                         if b[0] - a[1] >= widest and middle[0] <= (a[1] + b[0]) / 2 <= middle[1]})
    # each line's glyphs' lefts, and the rightmost right edge up to each glyph (glyph boxes may overlap)
    lefts = [[g[0] for g in line] for line in placed]
    reach = [list(itertools.accumulate((g[1] for g in line), max)) for line in placed]
    best: tuple[int, tuple[float, float]] | None = None
    for x in candidates:
        run, band = 0, (float("-inf"), float("inf"))
        for k in range(len(placed)):
            at = bisect.bisect_right(lefts[k], x)
            if at == 0 or at == len(lefts[k]):
                continue  # letters on one side only: a short line, a column's line alone
            gap = (reach[k][at - 1], lefts[k][at])
            if gap[0] >= x or gap[1] - gap[0] < widest:
                run, band = 0, (float("-inf"), float("inf"))  # a line across the strip ends the run
                continue
            run, band = run + 1, (max(band[0], gap[0]), min(band[1], gap[1]))
            if run >= _GUTTER_LINES and band[1] - band[0] >= widest and (best is None or run > best[0]):
                best = (run, band)
    return best[1] if best else None
