"""(docs17) A running header or footer — a line printed at the same place on most pages — taken out of the text.

Offices' templates repeat a line on every page that is not a page number: the notice's number («Thông báo số
123/TB-UBND»), «Kết luận giao ban tháng 12 – trang 2», the unit's name, a confidentiality line. Read with the
body, it sat between the two halves of an item that runs over the page break, which lost its deadline or its
lead. Such a line is told by comparing pages, not by its words: among a page's first or last printed lines, at
the same height as a line of about the same text on other pages (digits aside: the page number changes). OCR
misreads a letter or two on each page, so the texts are compared by similarity (difflib, the standard
library's: a few short lines a page, no dependency needed for it). A line seen on one page only is taken only
when it stands in the top margin above the text (docs18, `_above_the_text`), never the first line of the first
page (the document's own heading).
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from domain.understand.textnorm import fold

_EDGE = 2  # printed lines at a page's head and at its foot that may be furniture (two-line headers exist)
_SIMILAR = 0.8  # difflib's ratio of two readings of one line: OCR's one or two letters wrong in 30
_LETTERS = 3  # a furniture line has words: a lone «1.» at the same place on two pages is the body's


@dataclass(frozen=True)
class Printed:
    """A printed line (or a piece of one) on a page; `top` from the page's top, in parts of its height."""

    text: str
    top: float
    left: float = 0.0


def _key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", fold(text)).split())


def _similar(a: str, b: str) -> bool:
    return a == b or difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= _SIMILAR


def repeated(
    pages: Sequence[Sequence[Printed]],
    *,
    same_band: float,
    tolerance: float,
    keep: Callable[[str], bool] = lambda text: False,
) -> list[set[int]]:
    """For each page, the indices (into its list) of the printed lines that are a running header or footer.
    `same_band`: how far apart two pieces' tops may be and still be one printed line; `tolerance`: how far
    the same header may move from page to page (a scanner's feed moves a page a few millimetres); `keep`:
    a line never taken whatever it is (a task table's header row, repeated on each page by Word)."""
    bands = [_bands(page, same_band) for page in pages]
    edges: list[list[tuple[str, bool, float, str, list[int]]]] = []  # side, first line, top, key, indices
    for number, page_bands in enumerate(bands):
        found = [("head", band) for band in page_bands[:_EDGE]]
        found += [("foot", band) for band in page_bands[-_EDGE:]]
        here = []
        seen: set[int] = set()
        for side, (top, text, indices) in found:
            if id(indices) in seen:
                continue
            seen.add(id(indices))
            if sum(c.isalpha() for c in text) < _LETTERS or keep(text):
                continue
            # the document's first line, its heading, counts as a page's line but is never taken
            first = number == 0 and indices is page_bands[0][2]
            here.append((side, first, top, _key(text), indices))
        edges.append(here)
    at_least = max(2, (len(pages) + 1) // 2)
    out: list[set[int]] = [set() for _ in pages]
    for number, here in enumerate(edges):
        for side, first, top, key, indices in here:
            if first:
                continue
            on = sum(
                1 for other in edges
                if any(s == side and abs(t - top) <= tolerance and _similar(k, key) for s, _, t, k, _ in other)
            )
            if on >= at_least:
                out[number].update(indices)
    for number in range(1, len(pages)):
        head = _above_the_text(bands[0], bands[number], tolerance)
        if head is not None and sum(c.isalpha() for c in head[1]) >= _LETTERS and not keep(head[1]):
            out[number].update(head[2])
    return out


# (docs18) How far a header stands above the body under it, in the page's line steps: Word's header sits in the
# top margin (1.25 cm over a 2–2.5 cm margin: 1.4–2.4 steps of 13 pt text); two lines of a paragraph are one step.
_APART = 1.3


def _above_the_text(
    first: list[tuple[float, str, list[int]]], page: list[tuple[float, str, list[int]]], tolerance: float
) -> tuple[float, str, list[int]] | None:
    """(docs18) A later page's first printed line when it stands in the top margin, above the text: Word's
    «different first page» prints the running header on pages 2 onwards only, so on a two-page notice it is
    seen once and the comparison of pages never takes it. Told by where it is, not by its words: the page's
    body (its second line) starts where page 1's text starts (page 1's first line: its heading, at the top
    margin), or lower (a blank line opening the page), and this line stands above where page 1's text starts,
    further from the body than two lines of a paragraph are apart. A body line at the page's head sits at the
    text's top itself — kept, however often its words come again; a page set a line higher than page 1 has its
    lines one step apart — kept."""
    if not first or len(page) < 3:
        return None
    top = first[0][0]
    steps = sorted(b[0] - a[0] for a, b in itertools.pairwise(page[1:]))  # the body's steps, not the header's gap
    step = steps[len(steps) // 2]
    line, body = page[0], page[1]
    if body[0] >= top - tolerance and line[0] < top - tolerance and body[0] - line[0] >= _APART * step > 0:
        return line
    return None


def _bands(page: Sequence[Printed], same_band: float) -> list[tuple[float, str, list[int]]]:
    """The page's printed lines top to bottom: pieces at one height (a header's left and right parts) joined."""
    order = sorted(range(len(page)), key=lambda i: page[i].top)
    out: list[tuple[float, str, list[int]]] = []
    for i in order:
        if out and page[i].top - out[-1][0] <= same_band:
            out[-1][2].append(i)
        else:
            out.append((page[i].top, "", [i]))
    return [(top, " ".join(page[i].text for i in sorted(ix, key=lambda i: page[i].left)), ix) for top, _, ix in out]
