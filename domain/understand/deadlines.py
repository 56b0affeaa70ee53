"""Vietnamese deadline phrases -> Deadline.

    parse_deadline(text, today)            the deadline that governs the text (or Deadline.none())
    find_deadlines(text, today)            every deadline-like phrase, in text order (the "all" list)
    find_invalid_date(text)                "31/02" when the text names a day that does not exist
    deadline_in_context(text, today, ctx)  the text's deadline, else the one its lead-in sets
    period_end(cadence, day)               the first due day of a recurring task
    fast_fold(text)                        textnorm.fold, fast (the parser's own input)

`today` is the directive's date (the message date, or the meeting date of an imported
conclusion); it resolves "15/12" (the next 15/12 on or after it), "trong tháng này", "trong 10
ngày". Text is accepted with or without diacritics; spans index the NFC form of the input.

What governs (see domain/understand/deadline_grammar.py for the grammar and the scores):
1. A phrase with a deadline word wins: "trước", "hạn", "chậm nhất", "đến hết", "xong",
   "hoàn thành", "cuối", and durations "trong 10 ngày". Then "trong <period>".
2. Then a recurring period ("hàng tháng"), a period heading its clause ("Quý II/2019 tập trung"),
   a future event's day ("dự kiến tổ chức vào ngày 26/12"), "ngay" (immediate), "theo định kỳ",
   and event anchors ("trước khi trình ...").
3. Among equals, the later due day wins (a directive is done when its last step is), else the
   first phrase.
Dates of cited documents, meeting dates, start days ("từ ngày"), as-of days ("tính đến ngày"),
periods that only qualify a noun ("báo cáo tháng 2", "kế hoạch năm 2020") and past periods are not
deadlines. A start day is the date only when it is all a sentence says ("tạm dừng đến trường kể từ
ngày 12/5": the day the measure takes effect, ranked below every other reading); the periods of a
weather forecast, round-the-clock duty ("24/24 giờ trong ngày"), a holiday as the occasion ("dịp nghỉ
lễ 30/4 - 1/5") and a response set for when something happens ("khi xảy ra cháy … dập tắt ngay")
are no deadline either. A reported earlier instruction ("Trước đó, ngày 20/4, UBND TP đã có văn bản
… trước ngày 15/5") resolves its year-less days from its own day. A deadline stated with a deadline
word but already past ("xong trước ngày 15/12/2019" said in 2020) is still returned, last in rank, so
that /giao can say it is past.

Decisions where SPEC.md and the corpus labels differ (the corpus wins, it is what is measured):
- "khẩn trương", "kịp thời", "sớm" are urgency words, not deadlines (kind none); only "ngay",
  "ngay lập tức", "lập tức" are IMMEDIATE.
- "trong tuần này" / "tuần sau" are RELATIVE (deadline_grammar.WEEK_KIND), due the Friday.
- "trước ngày 30/4" is the DATE 30/4 (corpus: "trước ngày X" is due X), and so are "trước
  02/09" (written as a calendar day) and "trước ngày 2/9/2020" (with a year); "trước 30/4",
  "dịp 2/9", "trước ngày Quốc khánh 2/9", "trước Tết" are HOLIDAY, due the day before it.
- "6 tháng đầu/cuối năm" is HALF (SPEC); the corpus has no such label yet.
"""

from __future__ import annotations

import codecs
import re
from datetime import date

from domain.types import Deadline, DeadlineKind
from domain.understand import deadline_grammar as grammar
from domain.understand.deadline_audit16 import cadence_of_another_word, month_six_masked
from domain.understand.deadline_dates import period_end
from domain.understand.deadline_month_words16 import month_words_masked, widened
from domain.understand.deadline_round8 import fold_misreads
from domain.understand.deadline_round9 import start_day_carried
from domain.understand.deadline_round14 import another_task
from domain.understand.deadline_round15 import masked_misread_within
from domain.understand.deadline_round16 import day_noun_read_as_at_once
from domain.understand.deadline_scan import Candidate, Scan
from domain.understand.textnorm import fold, nfc

# Deadline.note: "trong tuần này" written on a Saturday or Sunday, read as the coming working week.
NOTE_WEEKEND_WEEK = grammar.WEEKEND_WEEK

__all__ = [
    "CODE_CHARS",
    "NOTE_WEEKEND_WEEK",
    "deadline_in_context",
    "fast_fold",
    "find_deadlines",
    "find_invalid_date",
    "fold_coded",
    "in_code",
    "parse_deadline",
    "period_end",
]


def _to_deadline(cand: Candidate, text: str) -> Deadline:
    written = text[cand.start : cand.end]
    phrase = written.strip()
    start = cand.start + len(written) - len(written.lstrip())
    return Deadline(cand.kind, cand.due, phrase, cand.cadence, (start, start + len(phrase)), cand.note)


def _best(cands: list[Candidate]) -> Candidate | None:
    if len(cands) <= 1:
        return cands[0] if cands else None
    return max(
        cands,
        key=lambda c: (round(c.score, 6), c.due is not None, c.due.toordinal() if c.due else 0, -c.start),
    )


def _fold_table() -> dict[int, str]:
    """Precomposed Latin letters (Vietnamese lives in U+00C0-U+024F and U+1E00-U+1EFF) -> their
    textnorm.fold form. Other characters keep their code point; lower() does the rest."""
    table: dict[int, str] = {}
    for lo, hi in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for cp in range(lo, hi):
            folded = fold(chr(cp))
            if len(folded) == 1 and folded != chr(cp):
                table[cp] = folded
    return table


_FOLD_TABLE = _fold_table()


class _FoldedWords(dict[str, str]):
    """word -> its fold, filled as words are met (see fast_fold)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 50_000:  # bounded: a stream of odd tokens must not grow it for ever
            self.clear()
        folded = self[word] = word.translate(_FOLD_TABLE).lower()
        return folded


_FOLDED_WORDS = _FoldedWords()


def _fold_by_words(text: str) -> str:
    """textnorm.fold() of an NFC text, through a precomputed table, one space-separated word at a
    time with the words remembered (Vietnamese is written in syllables, a few thousand of them).
    Same length as `text`: the table maps one character to one, and the only character whose
    lower() grows (U+0130 "İ") is in the table."""
    return " ".join(map(_FOLDED_WORDS.__getitem__, text.split(" ")))


# Every letter Vietnamese writes with a diacritic, both cases, and the typographic marks its
# administrative texts use.
_VIETNAMESE = (
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
    "\u2013\u2014\u201c\u201d\u2018\u2019\u2026\u2022\u00a0\u00b0\u00ba\u00bd\u2192\u2264\u2265\u00b1"
)


def _fold_codec() -> tuple[object, str, str]:
    """A one-byte code for the characters Vietnamese administrative text is written in, and the fold
    of each code: ASCII, then the 134 precomposed Vietnamese letters and the usual typographic marks in
    the 128 high bytes and the C0 control bytes that are no whitespace (NUL keeps its place: the code
    is then a C lookup table, codecs.charmap_build). Encoding a text in it and decoding the bytes
    through the folds is textnorm.fold() of the text in two C loops instead of a Python object per
    word (the parser's hottest path: it reads every line of a pasted report); a character outside the
    code (another script, a control byte given a letter's place) raises, and the text is folded word
    by word instead."""
    free = [b for b in range(1, 32) if not chr(b).isspace()] + list(range(128, 256))
    assert len(_VIETNAMESE) <= len(free)
    decoding = [chr(b) for b in range(256)]
    for b in free:
        decoding[b] = "\ufffe"  # no character is encoded as b
    for b, char in zip(free, _VIETNAMESE, strict=False):
        decoding[b] = char
    table = "".join(decoding)
    folds = "".join(c if c == "\ufffe" else _FOLDED_WORDS[c] for c in table)
    assert len(folds) == 256
    return codecs.charmap_build(table), folds, table


_FOLD_CODE, _FOLD_DECODING, CODE_CHARS = _fold_codec()
# The code's bytes mapped to b"1" for an ASCII digit, b"0" for anything else: where a text's first and last
# digits are, in one C pass and two byte searches (the scan reads numbers between them only).
_DIGIT_BYTES = bytes(0x31 if chr(b) in "0123456789" else 0x30 for b in range(256))
_encode, _decode = codecs.charmap_encode, codecs.charmap_decode


def fast_fold(text: str) -> str:
    """textnorm.fold() of an NFC text (same length): through the one-byte code of _fold_codec, else
    word by word."""
    try:
        return _decode(_encode(text, "strict", _FOLD_CODE)[0], "strict", _FOLD_DECODING)[0]
    except UnicodeError:
        return _fold_by_words(text)


def in_code(text: str) -> bytes | None:
    """`text` in the one-byte code (byte b stands for CODE_CHARS[b]), None when a character is outside it."""
    try:
        return _encode(text, "strict", _FOLD_CODE)[0]
    except UnicodeError:
        return None


def fold_coded(text: str) -> str | None:
    """textnorm.fold(text) when every character of `text` is in the one-byte code (such a text is NFC
    already: see _scan), in two C loops; None otherwise. For any text, NFC or not (the conclusion
    splitter folds every line and sentence it reads)."""
    try:
        return _decode(_encode(text, "strict", _FOLD_CODE)[0], "strict", _FOLD_DECODING)[0]
    except UnicodeError:
        return None


def _scan(text: str, today: date) -> tuple[str, Scan]:
    """The NFC form of `text` and its scan. A text written only in the fold's code is already NFC
    (its characters are starters that compose with none of the others: checked by
    tests/domain/test_deadlines.py), so the normalisation is skipped for it."""
    digits: tuple[int, int] | None = None
    try:
        code = _encode(text, "strict", _FOLD_CODE)[0]
    except UnicodeError:
        text = nfc(text)
        scan = grammar.scan(_fold_by_words(text), today)
    else:
        found = code.translate(_DIGIT_BYTES)
        digits = (found.find(b"1"), found.rfind(b"1"))
        scan = grammar.scan(_decode(code, "strict", _FOLD_DECODING)[0], today, digits)
    if scan.found and ("ọng" in text or "ỌNG" in text):  # "quan trọng năm 2026" (branch deadp, deadline_round15)
        masked = masked_misread_within(text, scan.f, [(c.start, c.end) for c in scan.found])
        if masked is not None:
            scan = grammar.scan(masked, today, digits)
    # "tháng sáu" is June, not "tháng sau" (branch deadaudit, deadline_audit16)
    if "thang sau" in scan.f and ("áu" in text or "ÁU" in text):
        masked = month_six_masked(text, scan.f)
        if masked is not None:  # (a figure is written in: the scan finds the digits itself)
            scan = grammar.scan(masked, today)
    # "trong tháng Tư", "trước 15 tháng Tám": a month's number word (branch monthwords, deadline_month_words16)
    if "thang " in scan.f:
        masked_words = month_words_masked(text, scan.f)
        if masked_words is not None:
            scan = grammar.scan(masked_words[0], today)
            scan.found = widened(scan.found, masked_words[1])
    # "xếp hạng tháng trước": «hạng» is no «hằng» (branch deadaudit, deadline_audit16)
    if any(c.kind is DeadlineKind.RECURRING for c in scan.found) and "hang" in scan.f:
        scan.found = [
            c for c in scan.found
            if c.kind is not DeadlineKind.RECURRING or not cadence_of_another_word(text, scan.f, c.start, c.end)
        ]
    # "nghỉ lễ ngày Chiến thắng" is no "ngay" (branch deadq, deadline_round16): only an immediate read from 4 letters
    if any(c.kind is DeadlineKind.IMMEDIATE and c.end - c.start == 4 for c in scan.found):
        scan.found = [
            c for c in scan.found
            if c.kind is not DeadlineKind.IMMEDIATE or not day_noun_read_as_at_once(text, c.start, c.end)
        ]
    # "kíp trực", "Tuấn tới" (branch deadl8), "liên tục thì" (session 11): deadline_round8
    if scan.found and ("kip" in scan.f or "tuan" in scan.f or "tuc thi" in scan.f):
        # (the substring gate: fold_misreads drops only candidates holding one of these words)
        scan.found = fold_misreads(text, scan.f, scan.found)
    return text, scan


# No deadline (an immutable value: one instance serves every text that has none).
_NO_DEADLINE = Deadline.none()


def parse_deadline(text: str, today: date) -> Deadline:
    """Find the deadline that governs `text`, resolved against the directive date `today`."""
    text, scan = _scan(text, today)
    best = _best(scan.found)
    return _to_deadline(best, text) if best is not None else _NO_DEADLINE


def find_deadlines(text: str, today: date) -> list[Deadline]:
    """Every deadline-like phrase of `text` in text order (the governing one is among them)."""
    text, scan = _scan(text, today)
    return [_to_deadline(c, text) for c in sorted(scan.found, key=lambda c: c.start)]


_ANSWER_LEAD = "hạn "


def parse_deadline_answer(text: str, today: date) -> Deadline:
    """The answer to "which deadline?" (/giahan, /sua han, the "Ngày khác…" prompt). There the words are
    a deadline even without a trigger word ("30/12", "cuối tháng", "tuần sau"), so they are read as if
    they followed "hạn"; the first phrase wins, what follows is the reason ("5/1 vì Tết").
    Spans index `text`."""
    text = nfc(text)
    shift = len(_ANSWER_LEAD)
    found = [d for d in find_deadlines(_ANSWER_LEAD + text, today) if d.due is not None and d.span is not None]
    if not found:
        return Deadline.none()
    first = min(found, key=lambda d: d.span[0] if d.span else 0)
    assert first.span is not None
    span = (max(0, first.span[0] - shift), first.span[1] - shift)
    return Deadline(first.kind, first.due, text[span[0] : span[1]], first.cadence, span, first.note)


def find_invalid_date(text: str, today: date | None = None) -> str | None:
    """The first day named in `text` that does not exist ("31/02", "29/2/2021", "ngày 31 tháng 4"),
    as written, or None. Year-less days are checked in the year they would fall in after `today`
    ("29/02" is impossible in 2025 and fine in January 2028); without `today`, in a leap year
    (only days that never exist are reported)."""
    text = nfc(text)
    scan = grammar.scan(fast_fold(text), today or date(2024, 1, 1))
    if not scan.invalid:
        return None
    first = min(scan.invalid, key=lambda i: i.start)
    phrase = text[first.start : first.end]
    return re.sub(r"^(?:ngày|ngay)\s+", "", phrase, flags=re.IGNORECASE)


def find_invalid_date_in_answer(text: str, today: date | None = None) -> str | None:
    """As `find_invalid_date`, for the answer to "which deadline?" (/giahan, /sua han, the "Ngày
    khác…" prompt): there a bare "31/02" is a day even without a trigger word, as in
    `parse_deadline_answer`."""
    text = nfc(text)
    shift = len(_ANSWER_LEAD)
    scan = grammar.scan(fast_fold(_ANSWER_LEAD + text), today or date(2024, 1, 1))
    if not scan.invalid:
        return None
    first = min(scan.invalid, key=lambda i: i.start)
    phrase = text[max(0, first.start - shift) : first.end - shift]
    return re.sub(r"^(?:ngày|ngay)\s+", "", phrase, flags=re.IGNORECASE)


_ITEM_MARKER = re.compile(r"(?:^|(?<=\s))(?P<marker>\d{1,2}[.)]|[a-zđ][.)]|[IVX]{1,4}[.)]|[-+*•–])\s")


def _marker_style(segment: str) -> str | None:
    m = _ITEM_MARKER.match(segment)
    if m is None:
        return None
    marker = m["marker"]
    if marker[0].isdigit():
        return "digit"
    if marker[0] in "IVX" and len(marker) > 1:
        return "roman"
    if marker[0].isalpha():
        return "letter"
    return marker[0]


def _segments(context: str) -> list[str]:
    """Split a lead-in into its list items ("1. ...", "- ...", "a) ..."), in order."""
    bounds = [m.start() for m in _ITEM_MARKER.finditer(context) if m.start() > 0]
    pieces = [context[a:b] for a, b in zip([0, *bounds], [*bounds, len(context)], strict=True)]
    return [p.strip() for p in pieces if p.strip()]


def deadline_in_context(text: str, today: date, context: str | None) -> Deadline:
    """The deadline of a directive `text` read with the lines around it (`context`).

    The text's own deadline wins. Otherwise:
    - when `context` is the paragraph holding the text, a deadline in the sentences after the text
      closes the paragraph and applies to it ("... Hoàn thành trong tháng 4/2018.");
    - otherwise `context` is a lead-in, read from its last segment backwards through the segments
      that head it ("Quý II/2019 tập trung thực hiện: 1. Đối với HĐND: <text>"); a sibling list
      item ("2. Thời gian lấy ý kiến: ... 3. Giao: <text>") does not govern the text.
    A window named in the text and defined in the context ("Trong thời gian lấy ý kiến nêu trên"
    with "Thời gian lấy ý kiến: từ ngày 17/3/2025 đến ngày 05/4/2025") gets the window's end.
    The phrase comes from where it was found; the span is None when that is the context.
    """
    own_text, scan = _scan(text, today)
    best = _best(scan.found)
    if not context:
        return _to_deadline(best, own_text) if best is not None else _NO_DEADLINE
    context = nfc(context)
    if best is not None and best.window and best.due is None:
        due = _window_end(best.window, context, today)
        if due is not None:
            return Deadline(best.kind, due, _to_deadline(best, own_text).phrase, best.cadence, None)
    if best is not None:
        return _to_deadline(best, own_text)
    for source in _governing_parts(own_text.strip(), context):
        found = parse_deadline(source, today)
        if found.kind is not DeadlineKind.NONE:
            if another_task(own_text, fast_fold(own_text), source):  # (deado) "Ngoài ra, …", "tiếp tục theo dõi …"
                return Deadline.none()
            if not start_day_carried(own_text, found, source):  # §30.1: another task's start day; the campaign's
                return Deadline.none()  # other bounds, further back, are not the task's either
            return Deadline(found.kind, found.due, found.phrase, found.cadence, None, found.note)
    return Deadline.none()


def _governing_parts(text: str, context: str) -> list[str]:
    """The parts of `context` that may set the deadline of `text`, nearest first.

    When the context is the paragraph holding the text, the sentences after it (a closing "Hoàn
    thành trong tháng 4/2018.") come first, then what heads it. Heading segments are read from
    the text backwards; an item marked like the text ("- A", "- B" before "- text"), or like an
    item already passed, is a sibling, not a heading, and is skipped.
    """
    parts: list[str] = []
    where = fast_fold(context).find(fast_fold(text)) if text else -1
    if where >= 0:
        parts.append(context[where + len(text) :])
        context = context[:where]
    siblings = {_marker_style(text)} - {None}
    for segment in reversed(_segments(context)):
        style = _marker_style(segment)
        if style in siblings:
            continue
        parts.append(segment)
        if style is not None:
            siblings.add(style)
    return parts


def _window_end(window: str, context: str, today: date) -> date | None:
    folded = fold(context)
    at = folded.find(window)
    if at < 0:
        return None
    end = re.search(r"[.;\n](?:\s|$)", folded[at:])
    stretch = context[at : at + end.start() if end else len(context)]
    dates = [d for d in find_deadlines(stretch, today) if d.kind is DeadlineKind.DATE and d.due]
    return max(d.due for d in dates if d.due) if dates else None
