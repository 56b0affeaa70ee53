"""(docs15) A ruled task table photographed at a slant, squared before it is read.

A phone held below the page sees its top narrower than its bottom (a keystone): the table's vertical rules
lean in, a column's words drift sideways row by row, and at a 4 % keystone the white gutter between two
columns closes, so `scan_tables.table_rows` found no columns and the table was read as plain text.

The table's frame tells the slant: each horizontal rule that runs the table's whole width ends on the left
and right borders. Those ends, found to the pixel, give the two borders as lines (least squares over every
rule, so one badly found end does not tilt a border); the frame's four corners are where the borders meet
the first and last rules, and Pillow's PERSPECTIVE transform maps that trapezoid back to a rectangle. The
whole page goes through the same transform (it was photographed through the same lens), and only when a
ruled table leans: a page without a table, or with an upright one, is read exactly as before.
No OpenCV: the rules are already found (`scan_tables.find_rules`), the corners follow from them, and the
transform is Pillow's; the eight coefficients are one 8×8 linear system (numpy).
"""

from __future__ import annotations

from statistics import linear_regression
from typing import Any

from domain.understand import scan_tables

# A border leaning less than this (pixels across per pixel down; 0.4° is 0.007) is upright: a scan
# deskewed by `prepare_page` keeps up to 0.2° (0.0035), and squaring it would only blur the letters.
_LEAN = 0.006
# Steeper than this (6°) is no photo of a page held up to be read: a misread end, not a lean.
_TOO_STEEP = 0.1
_FULL_WIDTH = 0.8  # a rule at least this part of the longest one runs the table's width (not a split one)
_MISFIT = 6  # pixels: a rule's end this far off its border's line is a bad find, left out of the fit


def straighten(page: Any, rules: scan_tables.Rules) -> Any | None:
    """The page with its ruled table's frame made a rectangle; None when no ruled table leans."""
    spans = sorted((y, a, b) for y, a, b, _ in rules.horizontal)
    if len(spans) < 3:
        return None
    longest = max(b - a for _, a, b in spans)
    spans = [(y, a, b) for y, a, b in spans if b - a >= _FULL_WIDTH * longest]
    top, bottom = spans[0][0], spans[-1][0]
    if len(spans) < 3 or bottom - top < page.height / 10:
        return None
    ink = scan_tables._ink(page)
    left = _border([(y, _end(ink, y, a + 2 * scan_tables._STEP, -1)) for y, a, _ in spans])
    right = _border([(y, _end(ink, y, b - 2 * scan_tables._STEP, 1)) for y, _, b in spans])
    if left is None or right is None or not _LEAN <= max(abs(left[1]), abs(right[1])) <= _TOO_STEEP:
        return None

    def x(border: tuple[float, float], y: float) -> float:
        return border[0] + border[1] * y

    seen = [(x(left, top), top), (x(right, top), top), (x(right, bottom), bottom), (x(left, bottom), bottom)]
    # The rectangle: as wide as the frame's wider end, so the narrow end's letters are stretched, never shrunk.
    x0, x1 = min(seen[0][0], seen[3][0]), max(seen[1][0], seen[2][0])
    square = [(x0, top), (x1, top), (x1, bottom), (x0, bottom)]
    from PIL import Image

    try:
        coefficients = _perspective(square, seen)
    except ValueError:  # numpy's LinAlgError: corners in a line (no frame after all): read the page as it is
        return None
    return page.transform(page.size, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC,
                          fillcolor=255)


def _end(ink: Any, y: int, x: int, step: int) -> int:
    """Where the rule through (x, y) ends, walking `step` by `step` pixel: the last column of the few rows
    around y that holds ink, gaps of a couple of pixels (a photo's JPEG) crossed. `find_rules` gives the end
    to a run of 16 pixels only; a border's lean over a table is a few dozen pixels."""
    rows = 4
    reach = 4 * scan_tables._STEP
    lo, hi = (x - reach, x) if step < 0 else (x, x + reach)
    lo, hi = max(0, lo), min(ink.width - 1, hi)
    strip = ink.crop((lo, max(0, y - rows), hi + 1, min(ink.height, y + rows + 1)))
    data, width = strip.tobytes(), strip.width
    inked = [any(data[r * width + c] for r in range(strip.height)) for c in range(width)]
    last, gap = x, 0
    for col in range(x, lo - 1 if step < 0 else hi + 1, step):
        if inked[col - lo]:
            last, gap = col, 0
        else:
            gap += 1
            if gap > 3:
                break
    return last


def _border(ends: list[tuple[int, int]]) -> tuple[float, float] | None:
    """A border as x = a + b·y, fitted to the rules' ends; an end far off the line is dropped (at most all
    but three). None when fewer than three ends are left."""
    points = list(ends)
    while len(points) >= 3:
        b, a = linear_regression([y for y, _ in points], [x for _, x in points])
        worst = max(points, key=lambda p: abs(p[1] - (a + b * p[0])))
        if abs(worst[1] - (a + b * worst[0])) <= _MISFIT:
            return a, b
        points.remove(worst)
    return None


def _perspective(out: list[tuple[float, float]], source: list[tuple[float, float]]) -> list[float]:
    """Pillow's PERSPECTIVE coefficients: the output point out[i] shows the input point source[i]."""
    import numpy as np

    rows = []
    for (x, y), (u, v) in zip(out, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    solved = np.linalg.solve(np.array(rows, dtype=float), np.array(source, dtype=float).reshape(8))
    return [float(c) for c in solved]
