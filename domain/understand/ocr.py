"""OCR's pure half: what Tesseract's TSV output means, as text a chair would have typed.

Tesseract (run by `bot/tesseract.py`) returns one row per word with its page, block, paragraph and
line numbers and a confidence from 0 to 100. Here those rows become paragraphs on their own lines
(the conclusion splitter reads a paragraph or a list item per line), the lines the engine was unsure
of are kept aside for the preview, and a page that holds no text (a photo of a person, a chart) is
told apart from a page of writing. Also here: the page's skew, measured on its pixel rows (projection
profile), so that the adapter can straighten a phone photo before reading it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from domain.understand import ocr_compounds
from domain.understand.textnorm import nfc

# A word below this confidence makes its line "unsure": the preview lists such lines for checking.
# Clean 300 dpi print gives 85–96 for nearly every word; a smudged diacritic or a broken glyph falls
# under 60 (measured on the rendered corpus pages of tests/domain/test_ocr_pages.py).
UNSURE_BELOW = 60
# A "word" of punctuation only, below this confidence, is a speck or a rule, and is dropped.
NOISE_BELOW = 45
# A word counts as read when it has two letters and at least this confidence.
READ_AT_LEAST = 50
# Fewer such words than this on a whole document: it is not a page of writing.
MIN_WORDS = 8


@dataclass(frozen=True)
class Word:
    page: int
    block: int
    par: int
    line: int
    conf: float
    text: str
    left: int = 0  # where it is on the page, in pixels (0, 0 when not known)
    right: int = 0
    top: int = 0  # (docs14) its box's top and bottom, in pixels: a scanned table's rows are rebuilt from them
    bottom: int = 0


@dataclass(frozen=True)
class Line:
    page: int
    block: int
    par: int
    text: str
    conf: float  # the lowest word confidence on the line
    left: int = 0  # its first word's left edge and last word's right edge, in pixels
    right: int = 0

    @property
    def unsure(self) -> bool:
        return self.conf < UNSURE_BELOW


@dataclass
class Reading:
    """A document read from images: its text, and what the preview must say about it."""

    text: str
    pages: int  # pages read
    total_pages: int  # pages in the file (more than `pages` when capped)
    unsure: list[str] = field(default_factory=list)  # lines to check, in reading order
    timed_out: bool = False  # stopped early: the time allowed ran out
    compressed: bool = False  # a photo Telegram recompressed (sent as a photo, not as a file)
    table_rows: int = 0  # (docs14) rows of task tables rebuilt from the words' places (`scan_tables`)

    def as_json(self) -> dict[str, object]:
        return {
            "pages": self.pages,
            "total_pages": self.total_pages,
            "unsure": list(self.unsure),
            "timed_out": self.timed_out,
            "compressed": self.compressed,
            "table_rows": self.table_rows,
        }


def parse_tsv(tsv: str, page: int = 1) -> list[Word]:
    """The word rows (level 5) of `tesseract ... tsv` output; `page` numbers the image in its file."""
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        try:
            conf = float(cols[10])
            block, par, line = int(cols[2]), int(cols[3]), int(cols[4])
            left, top, width, height = int(cols[6]), int(cols[7]), int(cols[8]), int(cols[9])
        except ValueError:
            continue
        if conf < NOISE_BELOW and not any(c.isalnum() for c in text):
            continue  # a speck or a ruled line read as "|", "_", "'": not a word of the text
        words.append(Word(page, block, par, line, conf, nfc(text), left, left + width, top, top + height))
    return words


def lines_of(words: Iterable[Word]) -> list[Line]:
    """Words grouped into printed lines, in reading order."""
    grouped: dict[tuple[int, int, int, int], list[Word]] = {}
    for w in words:
        grouped.setdefault((w.page, w.block, w.par, w.line), []).append(w)
    return [
        Line(key[0], key[1], key[2], " ".join(w.text for w in ws), min(w.conf for w in ws),
             min(w.left for w in ws), max(w.right for w in ws))
        for key, ws in grouped.items()
    ]


# A printed line that starts a new item even inside one paragraph of Tesseract's: "1.", "a)", "-", "II."
# (qa7) Numbers of several levels too: "2.1.", "2.1.3." start items as "2." does.
_ITEM_START = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[IVX]{1,4}[.)]|[-–+•*])\s")
# A line that ends a sentence or a heading: the next line is a new paragraph when it starts in capitals.
_ENDS_PARAGRAPH = re.compile(r"[.:;!?]$")
_ENDS_SENTENCE = re.compile(r"[.:!?]$")
# "TP. Hà Nội", "Q. Long Biên": a short capitalised abbreviation's full stop ends no sentence.
_ABBREVIATION_END = re.compile(r"(?<!\w)[A-ZĐ]{1,3}\.$")


def paragraphs(lines: Sequence[Line]) -> list[str]:
    """Printed lines joined back into paragraphs: Tesseract's paragraphs, split again where a line
    starts a list item or a capitalised sentence follows one that ended, joined where a line in small
    letters goes on from one that did not end."""
    out: list[str] = []
    previous: Line | None = None
    extents = _extents(lines)
    pages = _page_extents(lines)
    for ln in lines:
        text = _tidy(ln.text)
        if not text:
            continue
        same_par = previous is not None and (previous.page, previous.block, previous.par) == (
            ln.page,
            ln.block,
            ln.par,
        )
        new_item = bool(_ITEM_START.match(text)) or (
            same_par and previous is not None and text[:1].isupper()
            and (_laid_out_apart(previous, ln, extents) or _heading(_tidy(previous.text), text))
        )
        sentence_break = (
            bool(out)
            and bool(_ENDS_PARAGRAPH.search(out[-1]))
            and not _ABBREVIATION_END.search(out[-1])
            and text[:1].isupper()
        )
        # Tesseract starts a new paragraph at a wide gap too: a line that goes on in small letters
        # after one that did not end a sentence (a semicolon does not) continues it; a list item
        # would start with its mark.
        goes_on = bool(out) and not _ENDS_SENTENCE.search(out[-1]) and text[:1].islower()
        if previous is not None and previous.page != ln.page and not new_item and out:
            goes_on = goes_on or _runs_over_the_page(out[-1], previous, pages)
        if (same_par or goes_on) and not new_item and not sentence_break:
            out[-1] = _join(out[-1], text)
        else:
            out.append(text)
        previous = ln
    return _list_numbers(out)


# (docs16) A list number Tesseract read as a letter: «S.» for «5.» (a lone digit at a line's start, unsure).
_MISREAD_NUMBER = {"S": "5", "s": "5"}
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s")


def _list_numbers(paragraphs: list[str]) -> list[str]:
    """The paragraphs with a numbered item's misread number put back when the item before is numbered one
    less («4. Giao Phòng Y tế …» / «S. Giao Phòng Nội vụ …»): the preview showed «S.» as the item's first word."""
    out: list[str] = []
    last: int | None = None
    for text in paragraphs:
        m = _NUMBERED.match(text)
        digit = _MISREAD_NUMBER.get(text[:1])
        if m is None and digit is not None and text[1:3] == ". " and last == int(digit) - 1:
            text = digit + text[1:]
            m = _NUMBERED.match(text)
        if m is not None:
            last = int(m.group(1))
        out.append(text)
    return out


def _page_extents(lines: Sequence[Line]) -> dict[int, tuple[int, int]]:
    """The left and right edges of each page's printed lines."""
    out: dict[int, tuple[int, int]] = {}
    for ln in lines:
        left, right = out.get(ln.page, (ln.left, ln.right))
        out[ln.page] = (min(left, ln.left), max(right, ln.right))
    return out


def _runs_over_the_page(paragraph: str, last: Line, pages: dict[int, tuple[int, int]]) -> bool:
    """(docs16) Whether a paragraph goes on over the page break: the page's last printed line runs to the
    right margin (a paragraph's last line, a heading, ends short of it) and its sentence has not ended. The
    next page's first line then goes on with it even when it starts with a capital («… phối hợp với» /
    «Ủy ban Mặt trận Tổ quốc huyện …»): a capital after no full stop starts a name, not a paragraph."""
    left, right = pages.get(last.page, (0, 0))
    if right <= left or last.right <= last.left:
        return False  # no positions known
    full = last.right >= right - _SHORT * (right - left)
    return full and not _ENDS_PARAGRAPH.search(paragraph) and not _heading(paragraph, "")


def _extents(lines: Sequence[Line]) -> dict[tuple[int, int, int], tuple[int, int]]:
    """The left and right edges of each of Tesseract's paragraphs (page, block, paragraph)."""
    out: dict[tuple[int, int, int], tuple[int, int]] = {}
    for ln in lines:
        key = (ln.page, ln.block, ln.par)
        left, right = out.get(key, (ln.left, ln.right))
        out[key] = (min(left, ln.left), max(right, ln.right))
    return out


# How far short of its paragraph's right edge a printed line ends, or how far right of the line above
# it starts, in parts of the paragraph's width, to be laid out apart. A wrapped line of Vietnamese
# ends within a syllable or two (5–8 %) of the edge and starts where the line above did.
_SHORT = 0.15
_INDENT = 0.025


def _laid_out_apart(above: Line, line: Line, extents: dict[tuple[int, int, int], tuple[int, int]]) -> bool:
    """Two printed lines Tesseract put in one paragraph that the page shows apart: the line above is
    centred (a title) or ends well before the right edge (a heading, a paragraph's last line: «THÔNG
    BÁO», «1. Đánh giá chung»), or this one starts further right (the first-line indent of a new
    paragraph). Tesseract joins a title with the paragraph under it when the gap is small; joined, the
    title and the meeting's preamble read as one directive a pasted text never gave."""
    left, right = extents.get((line.page, line.block, line.par), (0, 0))
    width = right - left
    if width <= 0 or above.right <= above.left:
        return False  # no positions known
    centred = above.left > left + _INDENT * width and above.right < right - _INDENT * width
    short = centred or above.right < right - _SHORT * width
    return (short and not _wrapped(above, line, right)) or line.left > above.left + _INDENT * width


def _wrapped(above: Line, line: Line, right: int) -> bool:
    """(docs18) The line's first word would not have fitted in what is left of the line above: the line above
    was wrapped there, however short it ends. In a narrow column (a three-column bulletin: 30 letters a line)
    the next word is a fifth of the width («3. Giao Phòng Lao động -» / «Thương binh và Xã hội …»), and an
    item's indented first line looked centred; on a page's width a word never is, and a title or a heading
    leaves room for many. The word's width is measured by the line's own letters."""
    words = line.text.split()
    if not words or line.right <= line.left:
        return False
    letter = (line.right - line.left) / len(line.text)
    return right - above.right < letter * (len(words[0]) + 1)


def _heading(above: str, line: str) -> bool:
    """A line in capitals above one that is not: a title over its text («KẾT LUẬN CUỘC HỌP GIAO BAN
    THÁNG 11/2026» / «Đồng chí Trưởng Ban kết luận …»), wherever the lines end."""
    letters = [c for c in above if c.isalpha()]
    return len(letters) >= 8 and above.isupper() and not line.isupper()


def _join(left: str, right: str) -> str:
    # A word cut with a hyphen at the end of a printed line ("thực hi-" + "ện") is rare in Vietnamese,
    # whose syllables are short; only a hyphen glued to a letter on both sides is taken as such a cut.
    if left.endswith("-") and left[-2:-1].isalpha() and right[:1].islower():
        return left[:-1] + right
    # A full stop after a word in small letters, with the sentence going on in small letters on the
    # next printed line, is a speck at the line's end ("các bộ phận." + "chuyên môn"): a Vietnamese
    # sentence starts with a capital. Abbreviations ("v.v.", "TP.") keep theirs.
    if re.search(r"(?<![.\w])[^\W\d_A-ZĐ]{2,}\.$", left) and right[:1].islower() and not left.endswith("v.v."):
        return f"{left[:-1]} {right}"
    return f"{left} {right}"


# Quotes and dashes as OCR returns them, made the ones a typist uses; the Icelandic eth Tesseract
# often gives for "Đ" made "Đ".
_TIDY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "—": "–", "Ð": "Đ"})


def _tidy(text: str) -> str:
    text = nfc(text).translate(_TIDY)
    text = re.sub(r"Đ{2,}", "Đ", text)  # no Vietnamese word doubles it ("HĐĐND" is a misread "HĐND")
    text = ocr_compounds.mended(text)  # (docs18) «HĐND&YUBND», «KT&(HT»: a glyph OCR added at a compound's «&»
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)  # "ngày 15/12 ." -> "ngày 15/12."
    # A speck after the full stop: "thôi việc).:", "10/12/2026. :" (spaces closed up first: left as
    # ".:", the item read as the lead-in of a list and its task was lost).
    text = re.sub(r"(?<!\.)\.[:;,]$", ".", text)
    # (qa7) A page's edge or a ruled line read as «|» after the last word: «… ngày 10/12/2026. |».
    text = re.sub(r"(?<=[.;:!?)])\s*[|¦]+$", "", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def is_writing(words: Sequence[Word]) -> bool:
    """Whether the words read from a document are writing, not noise found in a picture."""
    read = [w for w in words if w.conf >= READ_AT_LEAST and sum(c.isalpha() for c in w.text) >= 2]
    return len(read) >= MIN_WORDS


def reading(
    words_by_page: Sequence[Sequence[Word]], total_pages: int, *, timed_out: bool = False,
    lines_by_page: Sequence[Sequence[Line] | None] = (),
) -> Reading:
    """The document's text and the lines to check, from the words of each page read; `lines_by_page`
    (docs14) gives a page's printed lines when they were rebuilt (a scanned task table, one line a row)."""
    all_lines = [ln for words in words_by_page for ln in lines_of(words)]
    rebuilt = [ln for k, words in enumerate(words_by_page)
               for ln in ((lines_by_page[k] if k < len(lines_by_page) else None) or lines_of(words))]
    text = "\n".join(paragraphs(rebuilt))
    unsure = [_tidy(ln.text) for ln in all_lines if ln.unsure and sum(c.isalpha() for c in ln.text) >= 3]
    return Reading(text, len(words_by_page), total_pages, unsure, timed_out)


# ------------------------------------------------------------------------------------------ skew
def skew_angle(rows_at: Callable[[float], Sequence[float]], limit: float = 5.0) -> float:
    """The rotation (degrees, counter-clockwise) that makes printed lines horizontal.

    `rows_at(angle)` gives the page's ink per pixel row once rotated by `angle`; printed lines are
    horizontal when those sums vary most (dark text rows, white gaps between them). A coarse search
    by half degrees, then a fine one by 0.1° around the best."""

    def score(angle: float) -> float:
        rows = rows_at(angle)
        if len(rows) < 2:
            return 0.0
        # Sum of squared differences between neighbouring rows: sharp edges between lines and gaps.
        return sum((a - b) ** 2 for a, b in pairwise(rows))

    coarse = [x / 2 for x in range(int(-limit * 2), int(limit * 2) + 1)]
    best = max(coarse, key=score)
    fine = [best + x / 10 for x in range(-4, 5)]
    return max(fine, key=score)

