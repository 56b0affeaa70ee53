"""(docs16) A scanned page's number, printed at its head or foot, taken out of the text before it is read.

A notice's pages after the first carry their number at the top (Decree 30/2020: «số trang … chính giữa,
trên đầu trang»), and many offices' templates print «Trang 1/2» or «- 1 -» at the foot. Read by OCR, that
number sat between the two halves of an item that runs over the page break: the item's tail became a
paragraph of its own («2 người có công …», or «Su …» when Tesseract misread the lone «2»), and the item lost
its deadline. Here the number is found by where it is, not by what it says alone: the first or last printed
line of the page, set apart from the body by a blank line's height, short, and either a page number's form
or a single unsure word (what Tesseract makes of a lone digit it cannot read).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from statistics import median

from domain.understand import ocr, running_lines

# «2», «- 2 -», «(2)», «Trang 2», «2/5», «Trang 2/5». A date is never one: its second part is a month ≤ 12 and
# its first a day, but «15/12» reads as page 15 of 12 (refused below: a page of a file has x ≤ y).
_PAGE_NUMBER = re.compile(r"^[-–(]?\s*(?:trang\s*)?(\d{1,3})(?:\s*/\s*(\d{1,3}))?\s*[-–)]?$", re.IGNORECASE)
# Read letters of a misread lone digit: one short word that Tesseract was unsure of («Su» for «2», conf 17).
_MISREAD_AT_MOST = 3  # letters


def _is_page_number(text: str, conf: float) -> bool:
    m = _PAGE_NUMBER.match(text.strip())
    if m:
        return m.group(2) is None or int(m.group(1)) <= int(m.group(2))
    words = text.split()
    return len(words) == 1 and len(words[0]) <= _MISREAD_AT_MOST and conf < ocr.READ_AT_LEAST


def without_page_numbers(words: Sequence[ocr.Word]) -> list[ocr.Word]:
    """The page's words without its printed page number (at the head or the foot, apart from the body)."""
    lines: dict[tuple[int, int, int], list[ocr.Word]] = {}
    for w in words:
        if w.bottom > w.top:
            lines.setdefault((w.block, w.par, w.line), []).append(w)
    if len(lines) < 3:
        return list(words)
    placed = sorted(lines.values(), key=lambda ws: min(w.top for w in ws))
    height = median(max(w.bottom for w in ws) - min(w.top for w in ws) for ws in placed)
    dropped: set[int] = set()

    def apart(ws: list[ocr.Word], neighbour: list[ocr.Word]) -> bool:
        top, bottom = min(w.top for w in ws), max(w.bottom for w in ws)
        other_top, other_bottom = min(w.top for w in neighbour), max(w.bottom for w in neighbour)
        gap = other_top - bottom if other_top >= bottom else top - other_bottom
        return gap >= height

    for ws, neighbour in ((placed[0], placed[1]), (placed[-1], placed[-2])):
        text = " ".join(w.text for w in sorted(ws, key=lambda w: w.left))
        if apart(ws, neighbour) and _is_page_number(text, min(w.conf for w in ws)):
            dropped.update(id(w) for w in ws)
    return [w for w in words if id(w) not in dropped]


# (docs17) How far a scanned page's running header may sit from where it sits on the other pages, in parts of
# the page's height: a scanner's feed and a phone's framing move the page by a few millimetres (A4: 3 % ≈ 9 mm).
_MOVES_AT_MOST = 0.03


def without_running_lines(
    words_by_page: Sequence[Sequence[ocr.Word]], heights: Sequence[int], keep: Callable[[str], bool]
) -> list[list[ocr.Word]]:
    """(docs17) Each scanned page's words without its running header and footer (`running_lines`): a line at
    the same height on most pages, of about the same text as OCR reads it there. `keep`: a line never taken."""
    lines_by_page: list[list[list[ocr.Word]]] = []
    printed: list[list[running_lines.Printed]] = []
    line_heights: list[int] = []
    for words, height in zip(words_by_page, heights, strict=True):
        lines: dict[tuple[int, int, int], list[ocr.Word]] = {}
        for w in words:
            if w.bottom > w.top:
                lines.setdefault((w.block, w.par, w.line), []).append(w)
        lines_by_page.append(list(lines.values()))
        printed.append([running_lines.Printed(" ".join(w.text for w in sorted(ws, key=lambda w: w.left)),
                                              min(w.top for w in ws) / max(height, 1), min(w.left for w in ws))
                        for ws in lines.values()])
        line_heights += [max(w.bottom for w in ws) - min(w.top for w in ws) for ws in lines.values()]
    if not line_heights:
        return [list(words) for words in words_by_page]
    same_band = median(line_heights) / 2 / max(max(heights), 1)
    dropped = running_lines.repeated(printed, same_band=same_band, tolerance=_MOVES_AT_MOST, keep=keep)
    out = []
    for words, lines, gone in zip(words_by_page, lines_by_page, dropped, strict=True):
        taken = {id(w) for i in gone for w in lines[i]}
        out.append([w for w in words if id(w) not in taken])
    return out
