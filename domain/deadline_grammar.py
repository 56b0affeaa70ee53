"""The grammar of Vietnamese deadline phrases: expressions, their trigger words, their scores.

Everything here reads the *folded* text (lower case, no diacritics, same length as the input), so
"xong truoc ngay 15/12" and "xong trước ngày 15/12" are one case and every span found indexes the
original text too.

How it works
------------
1. Extractors, in a fixed order, find time *expressions* ("15/12/2020", "tháng 4/2018", "quý II",
   "hàng tháng", "Tết Nguyên đán", "trong 10 ngày", "ngay"...). An expression's span is marked
   taken, so later extractors never re-read part of it ("tháng 12" inside "ngày 15 tháng 12 năm
   2020", "2017" inside the document number "68/2017/NĐ-CP").
2. For each expression we read the run of *trigger words* right before it ("xong trước ngày",
   "hoàn thành trong", "chậm nhất là", "từ", "kể từ", "tính đến"...) and, for dates without one,
   the words before that (document words: "Quyết định số 29/QĐ-UBND ngày", "tại cuộc họp
   ngày"...). That gives its strength: a deadline word (STRONG), "trong" (WITHIN), "vào" (WEAK),
   none (BARE), or a start / as-of word that makes it no deadline at all (REJECT).
3. The strength, the kind and whether the day is already past give a score. The caller
   (domain/deadlines.py) keeps the best-scored candidate as the governing deadline.

Why scores and not a first-match rule: one directive often carries several time expressions —
the period of the shortcomings it fixes ("các tồn tại tháng 11"), the date of the letter it cites,
the plan year, and the deadline itself ("xong trước ngày 15/12"). The trigger words are what a
reader uses to tell them apart, so they are what we score.

Speed: the parser runs on every line of a pasted meeting report, and is benchmarked against
dateparser (bench/parse_bench.py). So patterns start with a literal where they can (the regex
engine then skips ahead with a fast search), extractors are skipped when their key words are
absent, and trigger words are read by walking words backwards rather than by a backtracking regex.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import NamedTuple

from domain import deadline_dates as dd
from domain.calendar import add_working_days
from domain.types import Cadence, DeadlineKind

# The corpus labels "trong tuần này" as `relative` (a span of time counted from the directive),
# while the SPEC table calls it `week`; accuracy is measured on corpus labels, so week phrases come out
# as RELATIVE with due = Friday of that week. Switch here if the contract changes.
WEEK_KIND = DeadlineKind.RELATIVE


# Strength of the trigger words before an expression (plain ints: enum member access is slow
# on the parser's hot path).
REJECT = -1  # "từ ngày", "kể từ", "tính đến", "sau", "đầu tháng": a start or as-of day
BARE = 0  # no trigger word at all
WEAK = 1  # "vào ngày", "dịp", "sáng"
WITHIN = 2  # "trong tháng 4", "thời gian thực hiện:"
STRONG = 3  # "trước", "hạn", "chậm nhất", "đến hết", "xong", "hoàn thành", "cuối"

# Kinds as module constants, for the same reason.
DATE, MONTH, QUARTER, HALF, YEAR = (
    DeadlineKind.DATE,
    DeadlineKind.MONTH,
    DeadlineKind.QUARTER,
    DeadlineKind.HALF,
    DeadlineKind.YEAR,
)
RELATIVE, IMMEDIATE, RECURRING, HOLIDAY = (
    DeadlineKind.RELATIVE,
    DeadlineKind.IMMEDIATE,
    DeadlineKind.RECURRING,
    DeadlineKind.HOLIDAY,
)


# Scores. Only their order matters (see the docstring of domain/deadlines.py).
S_STRONG = 3.0
S_WITHIN = 2.6
S_RECURRING = 2.4  # "hàng tháng": beats a soft period, loses to a stated deadline
S_CLAUSE_START = 1.8  # "Quý II/2019 tập trung ...": a time adverbial heading the clause
S_FUTURE_EVENT = 1.8  # "dự kiến tổ chức vào ngày 26/12": ready by then
S_IMMEDIATE = 1.5
S_BARE_FUTURE = 1.3
S_GENERIC_RECURRING = 1.2  # "theo định kỳ" without a period
S_SCOPED_WINDOW = 1.1  # "Trong thời gian lấy ý kiến, ..." heading the sentence
S_ANCHOR = 1.0  # "trước khi trình ...", "trước mùa mưa bão"
S_WINDOW = 0.8
PAST_PENALTY = 2.0  # a stated deadline already past: kept (the bot must say it is past) but last


class Candidate(NamedTuple):
    kind: DeadlineKind
    start: int
    end: int
    score: float
    due: date | None = None
    cadence: Cadence | None = None
    # "trong thời gian lấy ý kiến": the named period, for resolving "nêu trên" from context.
    window: str | None = None


class InvalidDate(NamedTuple):
    start: int
    end: int


# --- trigger words ----------------------------------------------------------------------------

_STRONG_WORDS = frozenset({
    "thoi gian hoan thanh", "thoi han hoan thanh", "han hoan thanh", "trong thoi han", "thoi han",
    "han chot", "han cuoi", "han", "cham nhat", "muon nhat", "khong qua", "khong muon hon",
    "khong cham hon", "den het", "den truoc", "den", "toi", "het", "truoc", "hoan thanh", "hoan tat",
    "xong", "ket thuc", "tien do", "cuoi",
})  # fmt: skip
_WITHIN_WORDS = frozenset({"thoi gian thuc hien", "trong vong", "trong", "thoi gian"})
_WEAK_WORDS = frozenset({"vao luc", "vao", "luc", "ngay", "la", "sang", "chieu", "nhan dip", "dip", "le"})
_REJECT_WORDS = frozenset({"bat dau tu", "ke tu", "tinh tu", "tinh den", "tu", "sau", "dau", "giua"})
_NEUTRAL_WORDS = frozenset({"tu nay"})  # "từ nay đến tháng 9": the "đến" decides
_FILLER_WORDS = frozenset({"ngay", "la", "vao", "vao luc", "luc", "sang", "chieu"})
_TRIGGERS: dict[tuple[str, ...], str] = {
    tuple(w.split()): w for w in _STRONG_WORDS | _WITHIN_WORDS | _WEAK_WORDS | _REJECT_WORDS | _NEUTRAL_WORDS
}
_TRIGGER_LAST_WORDS = frozenset(k[-1] for k in _TRIGGERS)
# last word -> the triggers ending with it, longest first: "han" -> ("thoi han", "han")
_TRIGGERS_BY_LAST: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    last: tuple(sorted(((k, w) for k, w in _TRIGGERS.items() if k[-1] == last), key=lambda kw: -len(kw[0])))
    for last in _TRIGGER_LAST_WORDS
}
_CLOCK_WORDS = frozenset({"gio", "h", "g", "phut"})

_CLOCK = re.compile(r"[0-9]{1,2}[hg][0-9]{0,2}")  # "17h00", "8h"
_DIGIT = re.compile(r"[0-9]")
_DIGIT_RUN = re.compile(r"[0-9]+")
# A run of digits right after these continues a word or another number ("15/12/2020" is one).
_NUMBER_CONTINUES = frozenset("abcdefghijklmnopqrstuvwxyz0123456789/.-")


# "chú trọng", "tôn trọng", "nghiêm trọng" fold to "... trong": not the preposition "trong". (Not
# "quan trọng": folded it is also "quận trong", as in "báo cáo UBND quận trong tháng 12".)
_TRONG_COMPOUND_PREV = frozenset({"chu", "ton", "nghiem", "coi", "tran", "kinh", "tu"})


def _strength(words: tuple[str, ...]) -> int:
    present = frozenset(words)
    if present & _STRONG_WORDS:
        return STRONG
    if present & _WITHIN_WORDS:
        return WITHIN
    if present & _WEAK_WORDS:
        return WEAK
    return BARE


class Tail(NamedTuple):
    """The trigger words right before an expression, outermost first."""

    start: int
    words: tuple[str, ...]
    strength: int
    # "đã"/"vừa" just before: "đã hoàn thành trong quý I" reports the past, it orders nothing.
    past: bool = False

    @property
    def before(self) -> bool:
        """'trước tháng 9' / 'đến trước tháng 9': the period before it ends the time allowed."""
        core = [w for w in self.words if w not in _FILLER_WORDS and w not in ("le", "dip", "nhan dip")]
        return bool(core) and core[-1] in ("truoc", "den truoc")


def _clock_len(toks: list[str], i: int) -> int:
    """How many tokens ending at i spell a time of day ("17h00", "16 giờ", "16 giờ 30 phút")."""

    def tok(j: int) -> str:
        return toks[j] if j >= 0 else ""

    if _CLOCK.fullmatch(tok(i)):
        return 1
    if tok(i) == "phut" and tok(i - 1).isdigit() and tok(i - 2) in ("gio", "h") and tok(i - 3).isdigit():
        return 4
    if tok(i).isdigit() and tok(i - 1) in ("gio", "h") and tok(i - 2).isdigit():
        return 3
    if tok(i) in ("gio", "h", "g") and tok(i - 1).isdigit():
        return 2
    return 0


def _tokens_before(f: str, start: int, width: int, limit: int) -> list[str]:
    """Up to `limit` words right before f[start], nearest last, stopping at punctuation.

    Works on str.split() chunks (fast): a chunk ending in ":" gives its word (a colon is passed
    over: "Thời gian hoàn thành: tháng 6"); a chunk opening with "(" gives its word and ends the
    run; any other punctuation ends the run.
    """
    out: list[str] = []
    for chunk in reversed(f[max(0, start - width) : start].split()):
        if chunk.isalnum():
            out.append(chunk)
        elif chunk == ":":
            continue
        elif chunk[-1] == ":" and chunk[:-1].isalnum():
            out.append(chunk[:-1])
        else:
            opened = chunk.lstrip("(\"'“‘[")
            if opened and opened != chunk and opened.isalnum():
                out.append(opened)
            break
        if len(out) == limit:
            break
    out.reverse()
    return out


def read_tail(f: str, start: int) -> Tail:
    """Trigger words before f[start], read from the expression outwards.

    A start/as-of word next to the expression ("từ ngày", "tính đến", "đầu tháng") rejects it; one
    further out belongs to other words ("Bộ Kế hoạch và Đầu tư trước ngày 28/9") and ends the tail.
    Times of day ("trước 17h00 ngày") and colons ("Thời gian hoàn thành: tháng 6") are passed over.
    """
    toks = _tokens_before(f, start, 48, 8)
    if not toks or not _may_end_tail(toks[-1]):
        return Tail(start, (), BARE, _reports_past(toks))
    kept: list[tuple[int, str]] = []  # (index of the trigger's first word in toks, trigger)
    i = len(toks) - 1
    rejected = False
    while i >= 0:
        tok = toks[i]
        if tok[0].isdigit() or tok in _CLOCK_WORDS:
            clock = _clock_len(toks, i)
            if clock:
                i -= clock
                continue
        found = _trigger_ending_at(toks, i)
        if found is None:
            break
        k, word = found
        if word.startswith("trong") and i - k >= 0 and toks[i - k] in _TRONG_COMPOUND_PREV:
            break  # "chú trọng năm 2021": not the preposition
        if word in _REJECT_WORDS:
            if all(w in _FILLER_WORDS for _, w in kept):
                rejected = True
                kept.append((i - k + 1, word))
            break
        kept.append((i - k + 1, word))
        i -= k
    if not kept:
        return Tail(start, (), BARE, _reports_past(toks))
    # Where the outermost trigger starts: find the words again, backwards from the expression.
    lo = max(0, start - 48)
    at = start
    for tok in reversed(toks[kept[-1][0] :]):
        at = f.rfind(tok, lo, at)
    words = tuple(w for _, w in reversed(kept))
    return Tail(at, words, REJECT if rejected else _strength(words), _reports_past(toks[: kept[-1][0]]))


def _trigger_ending_at(toks: list[str], i: int) -> tuple[int, str] | None:
    """The longest trigger whose last word is toks[i]: (its length in words, the trigger)."""
    for phrase, word in _TRIGGERS_BY_LAST.get(toks[i], ()):
        k = len(phrase)
        if k <= i + 1 and (k == 1 or tuple(toks[i - k + 1 : i + 1]) == phrase):
            return k, word
    return None


def _reports_past(toks: list[str]) -> bool:
    return "da" in toks[-3:] or "vua" in toks[-3:]


def _may_end_tail(tok: str) -> bool:
    return tok in _TRIGGER_LAST_WORDS or tok[0].isdigit() or tok in _CLOCK_WORDS


def words_before(f: str, pos: int, n: int, width: int = 40) -> list[str]:
    """Up to n words right before pos, nearest last; stops at punctuation."""
    if n > 2:
        return _tokens_before(f, pos, width, n)
    word, at = _prev_word(f, pos)
    if not word:
        return []
    if n == 1:
        return [word]
    word2, _ = _prev_word(f, at)
    return [word2, word] if word2 else [word]


def _prev_word(f: str, pos: int) -> tuple[str, int]:
    """The word right before pos (spaces between allowed) and where it starts; "" when
    punctuation comes first."""
    j = pos
    while j > 0 and f[j - 1] == " ":
        j -= 1
    at = f.rfind(" ", 0, j) + 1
    word = f[at:j]
    return (word, at) if word.isalnum() else ("", at)


def _word_start(f: str, pos: int) -> bool:
    return pos == 0 or not f[pos - 1].isalnum()


def _word_end(f: str, pos: int) -> bool:
    return pos >= len(f) or not f[pos].isalnum()


# --- context tests ----------------------------------------------------------------------------

# Words that make the date after them a cited document's or a meeting's date ("Thông báo số
# 16/TB-STTTT ngày ...", "tại cuộc họp ngày ..."), checked as the one or two words before "ngày".
_DOC_WORDS = frozenset({
    "quyet dinh", "thong bao", "cong van", "van ban", "nghi dinh", "nghi quyet", "chi thi", "ke hoach",
    "to trinh", "bao cao", "ket luan", "thong tu", "bien ban", "giay moi", "huong dan", "cong dien", "luat",
    "hop dong", "cuoc hop", "phien hop", "buoi hop", "hoi nghi", "lam viec", "hop", "giao ban", "ky hop",
    "ban hanh", "ky", "dang", "nhan duoc", "tiep nhan", "gui", "cap", "lap", "kiem tra", "chuyen", "trinh",
})  # fmt: skip
# "định hướng đến năm 2030", "giai đoạn ... đến năm 2025": horizons, not deadlines.
_HORIZON_WORDS = ("dinh huong", "tam nhin", "giai doan", "muc tieu", "phan dau")
# Nouns a bare period qualifies: "lịch công tác tuần tới", "báo cáo quý II".
_QUALIFIER_WORDS = frozenset({
    "lich", "chuong trinh", "ke hoach", "bao cao", "giao ban", "hop", "cong tac", "nhiem vu", "tin bai",
    "so ket", "tong ket", "ket qua", "tinh hinh", "so lieu",
})  # fmt: skip


def _last_words_in(f: str, pos: int, words: frozenset[str]) -> bool:
    """Whether the word, or the two words, right before pos are in `words`."""
    last, at = _prev_word(f, pos)
    if not last:
        return False
    return last in words or f"{_prev_word(f, at)[0]} {last}" in words


def _cited_before(f: str, pos: int) -> bool:
    """A document number or a document/meeting word right before pos (a comma allowed)."""
    chunk_end = pos
    while chunk_end > 0 and f[chunk_end - 1] in " ,":
        chunk_end -= 1
    chunk = f[f.rfind(" ", 0, chunk_end) + 1 : chunk_end]
    if any(c.isdigit() for c in chunk) and ("/" in chunk or _prev_word(f, chunk_end - len(chunk))[0] == "so"):
        return True  # "số 16/TB-STTTT ngày", "Văn bản 404/VPUBND ngày", "số 123 ngày"
    return _last_words_in(f, chunk_end, _DOC_WORDS)


_OF_AFTER = re.compile(r"\s*(?:cua|ve viec|v/v)\b")
_PAST_AFTER = re.compile(r"\s+(?:vua qua|qua|vua roi|truoc do|gan day|nam ngoai|nam truoc)\b")
_CLAUSE_START = re.compile(r"(?:[.;:!?\n(]|(?:^|\s)(?:\d{1,2}[.)]|[a-z][.)]|[-+*•–—]))\s*$")
_STAMP_BREAK = re.compile(r"\s*[,:]")
_DONE_SINCE = re.compile(r"\s*,[^.;:]{0,60}\b(?:da|duoc)\b")
_RANGE_GAP = re.compile(r"\s*(?:,|va|hoac|-|–|den|toi)?\s*")


class Scan:
    """One pass over a folded text: taken spans, candidates, impossible dates."""

    def __init__(self, folded: str, today: date) -> None:
        self.f = folded
        self.today = today
        self.has_digit = _DIGIT.search(folded) is not None
        self._digit_starts: list[int] | None = None
        self._tails: dict[int, Tail] = {}
        self.taken: list[tuple[int, int]] = []
        self.found: list[Candidate] = []
        self.invalid: list[InvalidDate] = []

    def free(self, start: int, end: int) -> bool:
        for s, e in self.taken:  # noqa: SIM110 - a plain loop: this runs for every match
            if start < e and end > s:
                return False
        return True

    def take(self, start: int, end: int) -> None:
        self.taken.append((start, end))

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of `pattern` that start a word and overlap no span taken so far (checked as
        they are consumed: the loop over them takes spans)."""
        f = self.f
        for m in pattern.finditer(f):
            if _word_start(f, m.start()) and self.free(m.start(), m.end()):
                yield m

    def digit_matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of a digit-led `pattern` at the start of each number (one scan for all such
        patterns instead of one per pattern). A number right after "/", "." or "-" continues
        another one ("15/12/2020") and is not a start."""
        for pos in self.digit_starts():
            m = pattern.match(self.f, pos)
            if m is not None and self.free(m.start(), m.end()):
                yield m

    def digit_starts(self) -> list[int]:
        if self._digit_starts is None:
            f = self.f
            starts: list[int] = []
            for m in _DIGIT_RUN.finditer(f):
                at = m.start()
                if at == 0 or f[at - 1] not in _NUMBER_CONTINUES:
                    starts.append(at)
            self._digit_starts = starts
        return self._digit_starts

    def tail(self, start: int) -> Tail:
        tail = self._tails.get(start)
        if tail is None:
            tail = self._tails[start] = read_tail(self.f, start)
        return tail

    def clause_before(self, pos: int, width: int = 60) -> str:
        """The text of the clause before pos, at most `width` characters."""
        window = self.f[max(0, pos - width) : pos]
        cut = max(window.rfind("."), window.rfind(";"), window.rfind(":"))
        return window[cut + 1 :]

    def at_clause_start(self, pos: int) -> bool:
        lo = max(0, pos - 8)
        if pos == 0 or (lo == 0 and self.f[:pos].isspace()):
            return True
        return _CLAUSE_START.search(self.f, lo, pos) is not None

    def past_narrative(self, tail: Tail) -> bool:
        """'đã hoàn thành trong quý I', 'vừa triển khai trong tháng 3': a report, not an order."""
        return tail.past

    def stamp_break_after(self, end: int) -> bool:
        """A comma or colon right after: "Ngày 28/5, UBND ...", "Hôm nay: 1" time-stamp what follows."""
        return _STAMP_BREAK.match(self.f, end) is not None

    def as_of(self, tail: Tail, end: int) -> bool:
        """'Đến tháng 12/2020, phường đã có 90% hộ ...': a clause-opening 'đến X,' followed by
        what has been done states progress as of X; it sets no deadline."""
        return (
            tail.words in (("den",), ("toi",))
            and self.at_clause_start(tail.start)
            and _DONE_SINCE.match(self.f, end) is not None
        )

    def coordinated_with(self, start: int) -> Candidate | None:
        """A due-bearing candidate this expression is coordinated with ("X và Y", "X - Y")."""
        for cand in self.found:
            if cand.due is not None and cand.end <= start and _RANGE_GAP.fullmatch(self.f, cand.end, start):
                return cand
        return None

    def add(self, cand: Candidate) -> None:
        self.found.append(cand)


def _scored(
    scan: Scan, tail: Tail, due: date | None, end: int, *, clause_start_ok: bool = False
) -> float | None:
    """The score of a due-bearing period/date expression [tail.start, end), or None when it is no
    deadline (a start day, a past period, a noun's qualifier, an as-of heading)."""
    if tail.strength == REJECT or scan.past_narrative(tail) or scan.as_of(tail, end):
        return None
    past = due is not None and due < scan.today
    if tail.strength == STRONG:
        return S_STRONG - (PAST_PENALTY if past else 0.0)
    if past:
        return None
    if tail.strength == WITHIN:
        return S_WITHIN
    coordinated = scan.coordinated_with(tail.start)
    if coordinated is not None:  # "trong tháng 12/2020 và tháng 1/2021": the trigger covers both
        return coordinated.score
    if clause_start_ok and scan.at_clause_start(tail.start):
        return S_CLAUSE_START
    return None


# --- numbers and years ------------------------------------------------------------------------

_NUMBER_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10,
}  # fmt: skip
_UNIT_WORD = r"(?:mot|hai|ba|bon|nam|sau|bay|tam|chin)"
_ONES_WORD = r"(?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin)"
_NUMBER_IN_WORDS = rf"(?:{_UNIT_WORD}\s+muoi(?:\s+{_ONES_WORD})?|muoi(?:\s+{_ONES_WORD})?|{_UNIT_WORD})"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_WEEKDAYS = {
    "2": 0, "hai": 0, "3": 1, "ba": 1, "4": 2, "tu": 2, "5": 3, "nam": 3, "6": 4, "sau": 4, "7": 5, "bay": 5,
}  # fmt: skip
_CADENCE_UNITS = {
    "ngay": Cadence.DAILY, "tuan": Cadence.WEEKLY, "thang": Cadence.MONTHLY, "quy": Cadence.QUARTERLY,
    "nam": Cadence.YEARLY,
}  # fmt: skip
_COUNT_WORDS = frozenset(_NUMBER_WORDS) | {"vai", "nhieu", "may", "cac"}


def number_value(words: str) -> int:
    """'07' -> 7, '3-5' -> 5 (a range counts to its end), 'hai muoi lam' -> 25."""
    words = " ".join(words.split())
    if words[0].isdigit():
        return max(int(n) for n in re.findall(r"\d+", words))
    parts = words.split(" ")
    if "muoi" in parts:
        i = parts.index("muoi")
        tens = _NUMBER_WORDS[parts[0]] if i == 1 else 1
        ones = _NUMBER_WORDS[parts[i + 1]] if i + 1 < len(parts) else 0
        return tens * 10 + ones
    return _NUMBER_WORDS[parts[0]]


def _year(text: str | None, today: date) -> int | None:
    """A written year: '2020', '20' (-> 2020), 'nay' (this year), 'toi'/'sau' (next), 'ngoai'/'truoc'."""
    if text is None:
        return None
    if text.isdigit():
        return int(text) + (2000 if len(text) == 2 else 0)
    return today.year + {"nay": 0, "toi": 1, "sau": 1, "ngoai": -1, "truoc": -1}[text]


def _counted(scan: Scan, pos: int) -> bool:
    """'6 tháng sau', 'hai tuần tới': the word at pos is a counted unit, not a named period."""
    prev = words_before(scan.f, pos, 1)
    return bool(prev) and (prev[0].isdigit() or prev[0] in _COUNT_WORDS)


# --- extractors -------------------------------------------------------------------------------
# Each takes the Scan and adds candidates / takes spans. They run in the order of EXTRACTORS.

_DOC_NUMBER = re.compile(
    r"[0-9]+(?:[./][0-9]+)*/(?:[0-9]+/)?[a-z][\w./\-]*"  # "29/qd-ubnd", "68/2017/nd-cp"
    r"|[0-9]{4}\s*[-–]\s*[0-9]{4}"  # "giai đoạn 2021-2025", "nhiệm kỳ 2020 - 2025"
)
_NUMBERED = re.compile(r"[0-9][\w./\-]*")  # after "số": "số 123", "số 16/TB-STTTT"


def _doc_numbers(scan: Scan) -> None:
    """Document numbers and programme periods hold digits that are no dates: mark them taken."""
    if not scan.has_digit:
        return
    f = scan.f
    for start in scan.digit_starts():
        m = _DOC_NUMBER.match(f, start)
        if m is None and _prev_word(f, start)[0] == "so":
            m = _NUMBERED.match(f, start)
        if m is not None:
            scan.take(m.start(), m.end())


# "6 tháng đầu năm", "nửa cuối năm", and other runs of months from a year's start or to its end
# ("9 tháng đầu năm", "2 tháng cuối năm").
_PART_OF_YEAR = re.compile(
    r"(?:(?P<n>[0-9]{1,2}|hai|ba|bon|nam|sau|bay|tam|chin|muoi|muoi mot)\s+thang|(?P<half>nua))"
    r"\s+(?P<pos>dau|cuoi)\s+nam\b(?:\s*(?:,\s*)?(?P<y>(?:19|20)[0-9]{2}|nay)\b)?"
)


def _parts_of_year(scan: Scan) -> None:
    """'6 tháng đầu năm' ends 30/6 (HALF), '6 tháng cuối năm' 31/12; other runs of months end
    with their last month ('9 tháng đầu năm' 30/9, MONTH) or with the year ('2 tháng cuối năm')."""
    if "dau nam" not in scan.f and "cuoi nam" not in scan.f:
        return
    for m in scan.matches(_PART_OF_YEAR):
        scan.take(m.start(), m.end())
        months = 6 if m["half"] else number_value(m["n"])
        if not 1 <= months <= 11:
            continue
        year = _year(m["y"], scan.today)
        last_month = months if m["pos"] == "dau" else 12
        if year is None:  # the next such run that has not ended
            year = scan.today.year + (dd.month_end(scan.today.year, last_month) < scan.today)
        due = dd.month_end(year, last_month)
        kind = HALF if months == 6 else MONTH if m["pos"] == "dau" else YEAR
        tail = scan.tail(m.start())
        score = _scored(scan, tail, due, m.end(), clause_start_ok=True)
        if score is not None:
            scan.add(Candidate(kind, tail.start, m.end(), score, due))


_DURATION_DIGITS = re.compile(
    r"(?P<n>[0-9]{1,3}(?:\s*[-–]\s*[0-9]{1,3})?)\s*\)?(?:\s*\([a-z ]+\))?\s+(?P<u>ngay|tuan|thang|nam)\b"
    r"(?P<wd>\s+lam\s+viec)?(?!\s*[0-9])"  # "1 tháng 1 năm 2021" is a day, not a month's time
)
_DURATION_WORDS = re.compile(
    # "trong tám tháng" reads as "trọng tâm tháng" (the month's focus) once folded: no "tám" here.
    rf"trong\s+(?:vong\s+|thoi\s+han\s+|thoi\s+gian\s+)?(?!tam\b)(?P<n>{_NUMBER_IN_WORDS})\s+"
    r"(?P<u>ngay|tuan|thang|nam)\b(?P<wd>\s+lam\s+viec)?(?!\s*[0-9])"
)
_DURATION_TRIGGERS = {
    "trong": "trong", "trong vong": "trong", "trong thoi han": "trong", "trong thoi gian": "trong",
    "cham nhat": "trong", "cham nhat la": "trong", "cham nhat sau": "trong", "cham nhat trong": "trong",
    "muon nhat": "trong", "khong qua": "trong", "toi da": "trong", "thoi han": "trong", "han": "trong",
    "thoi gian": "trong", "sau": "sau", "truoc": "truoc",
}  # fmt: skip
_DURATION_PAST = re.compile(
    r"\s+(?:qua|vua qua|gan day|gan nhat|truoc)\b|\s+(?:dau|cuoi)\s+(?:cua\s+)?(?:nam|thang)\b"
)
_DURATION_ANCHOR = re.compile(r"\s*,?\s*(?:ke\s+tu|tinh\s+tu|tu)\s+(?:ngay\s+)?(?P<anchor>[^.;,\n]{0,60})")
_ANCHOR_DATE = re.compile(
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}|\d{2}))?(?!\d)"
)


def _duration_trigger(scan: Scan, start: int) -> tuple[str, int] | None:
    """The trigger of a duration ('trong', 'chậm nhất'...) ending right before start, and its start."""
    f = scan.f
    toks = _tokens_before(f, start, 30, 3)
    for k in (3, 2, 1):
        if len(toks) >= k:
            trig = _DURATION_TRIGGERS.get(" ".join(toks[-k:]))
            if trig is not None and len(toks) > k and toks[-k - 1] in _TRONG_COMPOUND_PREV:
                return None
            if trig is not None:
                at = start
                for tok in reversed(toks[-k:]):
                    at = f.rfind(tok, 0, at)
                return trig, at
    return None


def _durations(scan: Scan) -> None:
    """'trong 10 ngày', 'trong vòng 07 ngày làm việc', 'trong 30 ngày kể từ ngày 15/3/2020'."""
    found: list[tuple[re.Match[str], str, int]] = []
    if scan.has_digit:
        for m in scan.digit_matches(_DURATION_DIGITS):
            trig = _duration_trigger(scan, m.start())
            if trig is not None:
                found.append((m, *trig))
    if "trong" in scan.f:
        for m in scan.matches(_DURATION_WORDS):
            if _prev_word(scan.f, m.start())[0] not in _TRONG_COMPOUND_PREV:
                found.append((m, "trong", m.start()))
    for m, trig, start in found:
        if _DURATION_PAST.match(scan.f, m.end()):
            continue
        n = number_value(m["n"])
        if n == 0:
            continue
        end = m.end()
        base = scan.today
        anchor = _DURATION_ANCHOR.match(scan.f, end)
        if anchor is not None:
            am = _ANCHOR_DATE.match(anchor["anchor"])
            if am is not None:
                base = _resolve_day_month(am, scan.today) or base
                end = anchor.start("anchor") + am.end()
            else:
                end = anchor.end()
        elif trig == "sau":
            continue  # "sau 15 năm thành lập": an age, not a time allowed
        scan.take(start, end)
        if trig == "truoc":  # "gửi trước 03 ngày": in advance of an event we cannot date
            scan.add(Candidate(RELATIVE, start, end, S_ANCHOR))
            continue
        unit = m["u"]
        if unit == "ngay":
            due = add_working_days(base, n) if m["wd"] else base + timedelta(days=n)
        elif unit == "tuan":
            due = base + timedelta(weeks=n)
        else:
            due = dd.add_months(base, n * (12 if unit == "nam" else 1))
        scan.add(Candidate(RELATIVE, start, end, S_STRONG, due))


def _resolve_day_month(m: re.Match[str], today: date) -> date | None:
    day, month = int(m["d"]), int(m["m"])
    year = _year(m["y"], today) if m["y"] else None
    if year is not None:
        return dd.valid_date(year, month, day)
    return dd.next_day_month(day, month, today)


_CAN_CHI = (
    r"(?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy)\s+(?:ty|suu|dan|mao|thin|ngo|mui|than|dau|tuat|hoi)"
)
# (key word, pattern, holiday): each pattern starts with its key word, so that it is only tried
# where that word occurs. "ngày"/"lễ" before a name are trigger words, read by the tail.
_HOLIDAY_NAMES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (key, re.compile(pattern), holiday)
    for key, pattern, holiday in (
        ("tet", r"tet\s+duong\s+lich", "new_year"),
        ("tet", r"tet\s+trung\s+thu", "mid_autumn"),
        ("tet", r"tet\s+(?:quoc\s+te\s+)?thieu\s+nhi", "children_day"),
        ("tet", r"tet(?!\s+(?:doan|han\s+thuc))(?:\s+(?:nguyen\s+dan|am\s+lich|co\s+truyen))?\b", "tet"),
        ("trung thu", r"trung\s+thu\b", "mid_autumn"),
        ("thieu nhi", r"quoc\s+te\s+thieu\s+nhi", "children_day"),
        ("quoc khanh", r"quoc\s+khanh\b", "national_day"),
        ("gio to", r"gio\s+to(?:\s+hung\s+vuong)?\b", "hung_kings"),
        ("giai phong", r"giai\s+phong\s+(?:hoan\s+toan\s+)?mien\s+nam\b", "reunification"),
        ("thong nhat", r"thong\s+nhat\s+dat\s+nuoc\b", "reunification"),
        ("lao dong", r"quoc\s+te\s+lao\s+dong\b", "labour_day"),
    )
)
_HOLIDAY_SUFFIX = re.compile(
    rf"(?:\s+{_CAN_CHI})?"
    r"(?:\s*\(?\s*[0-9]{1,2}\s*[/.\-]\s*[0-9]{1,2}\s*\)?)?"  # "Quốc khánh 2/9"
    r"(?:\s*(?:[/.\-]|nam)?\s*(?P<y>(?:19|20)[0-9]{2})\b)?"
)
# Fixed-day holidays written as a bare day: "trước 30/4", "dịp 2/9" (not "trước ngày 30/4" nor
# "trước 02/09": those are the date, as the corpus labels "trước ngày X").
_FIXED_HOLIDAY_DAYS = {(30, 4): "reunification", (1, 5): "labour_day", (2, 9): "national_day"}


def _holidays(scan: Scan) -> None:
    f = scan.f
    if not (
        "tet" in f or "trung thu" in f or "thieu nhi" in f or "quoc khanh" in f or "gio to" in f
        or "giai phong" in f or "thong nhat" in f or "lao dong" in f
    ):  # fmt: skip
        return
    for key, pattern, holiday in _HOLIDAY_NAMES:
        if key not in f:
            continue
        for m in scan.matches(pattern):
            suffix = _HOLIDAY_SUFFIX.match(f, m.end())
            end = suffix.end() if suffix else m.end()
            if not scan.free(m.start(), end):
                continue
            scan.take(m.start(), end)
            _holiday_candidate(
                scan, m.start(), end, holiday, int(suffix["y"]) if suffix and suffix["y"] else None
            )


def _holiday_candidate(scan: Scan, start: int, end: int, holiday: str, year: int | None) -> None:
    tail = scan.tail(start)
    if tail.strength == REJECT or scan.past_narrative(tail):
        return
    due = dd.day_before_holiday(holiday, scan.today, year)
    if due is None:
        return
    if tail.strength == STRONG:
        score = S_STRONG - (PAST_PENALTY if due < scan.today else 0.0)
    elif due < scan.today:
        return
    elif tail.strength >= WEAK:
        score = S_WITHIN
    else:
        score = S_BARE_FUTURE
    scan.add(Candidate(HOLIDAY, tail.start, end, score, due))


_NUMERIC_DATE = re.compile(
    r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\d])(?![/.\-]\d)"
)
_AMOUNT_AFTER = re.compile(r"\s*(?:ngay|tuan|thang|nam|gio|phut|%|ty|trieu|nghin|ngan|km|m|ha|lan)\b")
_WRITTEN_DATE = re.compile(
    r"(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\b(?!\s*[/.\-]\s*\d)"
    r"(?:\s*,?\s*nam\s+(?P<y>\d{4}|nay|toi|sau)\b)?"
)
_DAY_OF_THIS_MONTH = re.compile(r"ngay\s+(?P<d>\d{1,2})\s+(?:cua\s+)?thang\s+(?P<rel>nay|toi|sau)\b")
_DAY_ONLY = re.compile(r"ngay\s+(?P<d>\d{1,2})\b(?!\s*(?:[/.\-]\s*\d|thang\b|nam\b|\d))")
_RECURRING_SUFFIX = re.compile(
    r"\s*,?\s*(?:cua\s+)?(?:(?:hang|moi|tung)\s+(?P<u>tuan|thang|quy|nam)"
    r"|thang\s+cuoi\s+(?:cua\s+)?(?:moi\s+|hang\s+)?(?P<q>quy))\b"
)


def _date_candidate(
    scan: Scan, start: int, end: int, due: date | None, *, has_year: bool, has_ngay: bool
) -> None:
    """Score a calendar-day expression at [start, end) resolved to `due`."""
    tail = scan.tail(start)
    ngay = has_ngay or (bool(tail.words) and tail.words[-1] == "ngay")
    suffix = _RECURRING_SUFFIX.match(scan.f, end)
    if suffix is not None:  # "trước ngày 20 hằng tháng", "ngày 15/12 hằng năm"
        cadence = Cadence.QUARTERLY if suffix["q"] else _CADENCE_UNITS[suffix["u"]]
        scan.take(start, suffix.end())
        if tail.strength != REJECT:
            scan.add(Candidate(RECURRING, tail.start, suffix.end(), S_RECURRING, cadence=cadence))
        return
    scan.take(start, end)
    if due is None or tail.strength == REJECT or scan.past_narrative(tail):
        return
    if tail.strength >= WITHIN:
        if ngay and "trong" in tail.words:  # "trong ngày 15/12": that day
            tail = tail._replace(strength=STRONG)
        score = _scored(scan, tail, due, end)
        if score is not None:
            scan.add(Candidate(DATE, tail.start, end, score, due))
        return
    # No deadline word: a date of a cited document, of a meeting, of a narrated event — or of a
    # future event the work must be ready for ("kỳ họp dự kiến tổ chức vào ngày 26/12").
    if not (ngay or has_year) or due <= scan.today:
        return
    vao = "vao" in tail.words or "vao luc" in tail.words
    if _OF_AFTER.match(scan.f, end) or (not vao and _cited_before(scan.f, tail.start)):
        return  # "Thông báo số 16/TB ngày 24/2 của Sở", "tại cuộc họp ngày 10/12"
    if not vao and (scan.at_clause_start(tail.start) or scan.stamp_break_after(end)):
        return  # "Ngày 28/5, UBND TP đã có công văn ...": a narrative time stamp
    scan.add(Candidate(DATE, tail.start, end, S_FUTURE_EVENT if vao else S_BARE_FUTURE, due))


def _holiday_day(scan: Scan, m: re.Match[str], tail: Tail) -> bool:
    """'trước 30/4', 'dịp 2/9': a fixed-day holiday named by its day. True when handled."""
    key = _FIXED_HOLIDAY_DAYS.get((int(m["d"]), int(m["m"])))
    if key is None or m["y"] or not tail.words or tail.words[-1] == "ngay":
        return False
    if m["d"][0] == "0" or m["m"][0] == "0":  # "02/09" is written as a calendar day, "2/9" names the day
        return False
    if not {"truoc", "dip", "nhan dip", "le"} & set(tail.words):
        return False
    scan.take(m.start(), m.end())
    due = dd.day_before_holiday(key, scan.today)
    if due is None:
        return True
    scan.add(Candidate(HOLIDAY, tail.start, m.end(), S_STRONG if "truoc" in tail.words else S_WITHIN, due))
    return True


def _numeric_dates(scan: Scan) -> None:
    f = scan.f
    for m in scan.digit_matches(_NUMERIC_DATE):
        tail = scan.tail(m.start())
        if _holiday_day(scan, m, tail):
            continue
        has_year = m["y"] is not None
        ngay = "ngay" in tail.words
        if not has_year:
            # A year-less d/m needs a trigger ("1/2 số hộ" is a fraction); d.m and d-m need one
            # that is a deadline word or "ngày" ("2.5 tỷ", "3-5 ngày" are amounts and ranges).
            if m["sep"] == "/" and tail.strength < WITHIN and not ngay:
                continue
            if m["sep"] != "/" and tail.strength < STRONG and not ngay:
                continue
            if _AMOUNT_AFTER.match(f, m.end()):
                continue
            if not ngay and (int(m["d"]) > 31 or int(m["m"]) > 12):
                continue  # "hoàn thành 18/20 chỉ tiêu": a score, not a day
        due = _resolve_day_month(m, scan.today)
        if due is None:
            scan.invalid.append(InvalidDate(m.start(), m.end()))
        _date_candidate(scan, m.start(), m.end(), due, has_year=has_year, has_ngay=False)


def _written_dates(scan: Scan) -> None:
    for m in scan.digit_matches(_WRITTEN_DATE):
        prev = words_before(scan.f, m.start(), 1)
        ngay = prev == ["ngay"]
        start = scan.f.rfind("ngay", 0, m.start()) if ngay else m.start()
        tail = scan.tail(start)
        if not ngay and tail.strength < WITHIN:
            continue
        day, month = int(m["d"]), int(m["m"])
        year = _year(m["y"], scan.today)
        due = dd.valid_date(year, month, day) if year else dd.next_day_month(day, month, scan.today)
        if due is None:
            scan.invalid.append(InvalidDate(m.start(), m.end()))
        _date_candidate(scan, start, m.end(), due, has_year=year is not None, has_ngay=ngay)


def _days_of_month(scan: Scan) -> None:
    f = scan.f
    if "thang nay" in f or "thang toi" in f or "thang sau" in f:
        for m in scan.matches(_DAY_OF_THIS_MONTH):  # "trước ngày 25 tháng này"
            year, month = dd.shift_month(scan.today.year, scan.today.month, 0 if m["rel"] == "nay" else 1)
            due = dd.valid_date(year, month, int(m["d"]))
            if due is None:
                scan.invalid.append(InvalidDate(m.start(), m.end()))
            _date_candidate(scan, m.start(), m.end(), due, has_year=False, has_ngay=True)
    for m in scan.matches(_DAY_ONLY):
        # "trước ngày 25": the next 25th. Needs a deadline word; "từ ngày 1 đến ngày 5 hằng
        # tháng" is caught by the recurring suffix.
        tail = scan.tail(m.start())
        if tail.strength < STRONG and _RECURRING_SUFFIX.match(f, m.end()) is None:
            continue
        day = int(m["d"])
        if not 1 <= day <= 31:
            continue
        _date_candidate(
            scan, m.start(), m.end(), _next_day_of_month(day, scan.today), has_year=False, has_ngay=True
        )


def _dates(scan: Scan) -> None:
    if not scan.has_digit:
        return
    _numeric_dates(scan)
    if "thang" in scan.f:
        _written_dates(scan)
    if "ngay" in scan.f:
        _days_of_month(scan)


def _next_day_of_month(day: int, today: date) -> date:
    year, month = today.year, today.month
    while True:
        candidate = dd.valid_date(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
        year, month = dd.shift_month(year, month, 1)


_WEEKDAY_REL = r"(?:\s+(?:cua\s+)?(?:tuan\s+)?(?P<rel>nay|toi|sau|ke\s+tiep)\b)?"
_WEEKDAY = re.compile(r"thu\s+(?P<n>2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)\b" + _WEEKDAY_REL)
_SUNDAY = re.compile(r"chu\s+nhat\b" + _WEEKDAY_REL)
_ORDINAL_WORDS = frozenset({
    "lan", "ky", "khoa", "hop", "phien", "dot", "so", "lop", "hang", "giai", "buoc", "muc", "dieu", "khoan",
    "chuong", "phan", "nguoi", "ngay", "nam", "tuan", "thang", "con", "tang", "nha", "khu", "to", "doi",
    "nhom", "chi", "dung", "xep", "vong", "tiet", "bai", "cau", "y",
})  # fmt: skip
_WEEK_OF_MONTH = re.compile(
    r"\s+(?:cua\s+)?(?:tuan\s+(?:dau|cuoi|thu\s+\w+)|dau|cuoi)\s+(?:cua\s+|trong\s+)?(?:moi\s+|hang\s+)?thang\b"
)
_EVERY_WEEK = re.compile(r"\s*,?\s*(?:hang|moi)\s+tuan\b")
_DATE_FOLLOWS = re.compile(r"\s*[,(]?\s*(?:ngay\s+)?[0-9]{1,2}\s*[/.\-]\s*[0-9]")


def _weekdays(scan: Scan) -> None:
    """'thứ Sáu tuần này', 'trước thứ 6', and the recurring 'sáng thứ 2 tuần đầu của tháng'."""
    found: list[re.Match[str]] = []
    if "thu " in scan.f:
        found += scan.matches(_WEEKDAY)
    if "chu nhat" in scan.f:
        found += scan.matches(_SUNDAY)
    for m in found:
        if not scan.free(m.start(), m.end()):
            continue
        if any(w in _ORDINAL_WORDS for w in words_before(scan.f, m.start(), 1)):
            continue  # "kỳ họp thứ 7", "lần thứ hai": ordinals, not weekdays
        tail = scan.tail(m.start())
        every = _WEEK_OF_MONTH.match(scan.f, m.end()) or _EVERY_WEEK.match(scan.f, m.end())
        if every is not None:
            scan.take(m.start(), every.end())
            cadence = (
                Cadence.WEEKLY
                if "tuan" in every.group() and "thang" not in every.group()
                else Cadence.MONTHLY
            )
            scan.add(Candidate(RECURRING, tail.start, every.end(), S_RECURRING, cadence=cadence))
            continue
        if tail.strength == REJECT or (m["rel"] is None and tail.strength < WEAK):
            continue
        if _DATE_FOLLOWS.match(scan.f, m.end()):
            continue  # "sáng Chủ nhật, ngày 20/6/2021": the date says which one
        scan.take(m.start(), m.end())
        weekday = _WEEKDAYS[m["n"]] if m.re is _WEEKDAY else 6
        if m["rel"] is None:
            due = dd.next_weekday(scan.today, weekday)
        else:
            due = dd.weekday_in_week(scan.today, weekday, 0 if m["rel"] == "nay" else 1)
        if m["rel"] is not None or tail.strength == STRONG:
            score = S_STRONG
        elif tail.strength == WITHIN:
            score = S_WITHIN
        else:
            score = S_FUTURE_EVENT
        scan.add(Candidate(DATE, tail.start, m.end(), score, due))


_EVERY = tuple(re.compile(word + r"\s+(?P<u>ngay|tuan|thang|quy|nam)\b") for word in ("hang", "moi", "tung"))
# "6 tháng/lần", "3 tháng một lần" (the count before "tháng" is read in code) and "1 lần/tháng".
_MONTHS_PER_TIME = re.compile(r"thang\s*(?:/\s*|mot\s+|1\s+|01\s+)lan\b")
_TIMES_PER_PERIOD = re.compile(r"lan\s*(?:/|moi|mot|trong\s+(?:mot|1)?)\s*(?P<u>tuan|thang|quy|nam)\b")
_WEEK_OF_EVERY_MONTH = re.compile(r"tuan\s+(?:dau|cuoi)\s+(?:cua\s+|trong\s+)?(?:moi|hang)\s+thang\b")
_MONTH_OF_EVERY_QUARTER = re.compile(r"thang\s+(?:dau|cuoi)\s+(?:cua\s+)?(?:moi|hang)\s+quy\b")
# "định kỳ" is a recurring deadline as an adverb ("theo định kỳ", "và định kỳ kiểm đếm", at the
# head of a clause), not as a noun's adjective ("tổ chức họp giao ban định kỳ").
_PERIODIC_ADVERB_PREV = frozenset({"theo", "va", "duoc", "phai", "se", "can", "thuc", "hien"})
_PERIODIC = re.compile(r"dinh\s+ky(?:\s+(?P<n>6|06|sau|3|03|ba)\s+thang\b)?")
_BY_PERIOD = re.compile(r"[^.;\n]{0,60}?\btheo\s+(?P<u>tuan|thang|quy|nam)\b")
_HALF_COUNTS = ("6", "06", "sau")


def _with_periodic(scan: Scan, start: int) -> int:
    """Extend a recurring phrase back over 'định kỳ' / 'theo định kỳ' right before it."""
    prev = words_before(scan.f, start, 3)
    if prev[-2:] == ["dinh", "ky"]:
        return scan.f.rfind("theo" if prev[-3:-2] == ["theo"] else "dinh", 0, start)
    return start


_PARTS_OF_PERIODS = (
    (("tuan dau", "tuan cuoi"), _WEEK_OF_EVERY_MONTH, Cadence.MONTHLY),  # "tuần đầu mỗi tháng"
    (("thang dau", "thang cuoi"), _MONTH_OF_EVERY_QUARTER, Cadence.QUARTERLY),  # "tháng cuối hằng quý"
)
_TIMES_GATE = re.compile(r"lan\b")


def _recurrings(scan: Scan) -> None:
    f = scan.f
    hang, moi, tung = "hang " in f, "moi " in f, "tung " in f
    if hang or moi:  # "tuần đầu mỗi tháng", "tháng cuối hằng quý" need "mỗi"/"hằng" too
        for keys, pattern, cadence in _PARTS_OF_PERIODS:
            if keys[0] in f or keys[1] in f:
                for m in scan.matches(pattern):
                    scan.take(m.start(), m.end())
                    scan.add(Candidate(RECURRING, m.start(), m.end(), S_RECURRING, cadence=cadence))
    for present, pattern in zip((hang, moi, tung), _EVERY, strict=True):
        if not present:
            continue
        for m in scan.matches(pattern):
            if words_before(f, m.start(), 1) == ["ngay"] and m["u"] == "ngay":
                continue
            start = _with_periodic(scan, m.start())
            scan.take(start, m.end())
            scan.add(Candidate(RECURRING, start, m.end(), S_RECURRING, cadence=_CADENCE_UNITS[m["u"]]))
    if "lan" in f and _TIMES_GATE.search(f):
        for m in scan.matches(_MONTHS_PER_TIME):  # "6 tháng/lần"
            count = words_before(f, m.start(), 1)
            if count and count[0] in ("6", "06", "sau", "3", "03", "ba"):
                start = _with_periodic(scan, f.rfind(count[0], 0, m.start()))
                cadence = Cadence.HALF_YEARLY if count[0] in _HALF_COUNTS else Cadence.QUARTERLY
                scan.take(start, m.end())
                scan.add(Candidate(RECURRING, start, m.end(), S_RECURRING, cadence=cadence))
        for m in scan.matches(_TIMES_PER_PERIOD):  # "1 lần/tháng"
            count = words_before(f, m.start(), 1)
            if count and count[0] in ("1", "01", "mot"):
                start = _with_periodic(scan, f.rfind(count[0], 0, m.start()))
                scan.take(start, m.end())
                scan.add(Candidate(RECURRING, start, m.end(), S_RECURRING, cadence=_CADENCE_UNITS[m["u"]]))
    if "dinh ky" in f:
        for m in scan.matches(_PERIODIC):
            start = m.start()
            prev = _prev_word(f, start)[0]
            if prev == "theo":
                start = f.rfind("theo", 0, start)
            elif not m["n"] and prev not in _PERIODIC_ADVERB_PREV and not scan.at_clause_start(start):
                continue  # "họp giao ban định kỳ": a meeting's name, no period of its own
            scan.take(start, m.end())
            if m["n"]:  # "định kỳ 6 tháng"
                cadence = Cadence.HALF_YEARLY if m["n"] in _HALF_COUNTS else Cadence.QUARTERLY
                scan.add(Candidate(RECURRING, start, m.end(), S_RECURRING, cadence=cadence))
                continue
            by = _BY_PERIOD.match(f, m.end())  # "định kỳ kiểm đếm kết quả theo tháng, quý"
            cadence = _CADENCE_UNITS[by["u"]] if by else None
            scan.add(Candidate(RECURRING, start, m.end(), S_GENERIC_RECURRING, cadence=cadence))


_CLOSING = r"(?=\s*(?:[,.;:)]|$))"  # a bare "tháng" / "quý" / "tuần" closing its clause
_CLOSING_AFTER = re.compile(_CLOSING)
_BARE = r"(?P<bare>\b)"


def _bare_period_ok(scan: Scan, m: re.Match[str]) -> bool:
    """A period word with no number ("tháng", "quý", "tuần") is the current one after a deadline
    word anywhere ("cuối tháng tổ chức tổng kết", "hoàn thành trong tháng ..."), and after a bare
    "trong" only closing its clause ("khắc phục các tồn tại trong tháng;"): "các hoạt động trong
    tháng tập trung vào ..." is too loose to trust."""
    if m["bare"] is None:
        return True
    if scan.tail(m.start()).strength == STRONG:  # "cuối tháng", "hết quý", "hoàn thành trong tháng"
        return True
    return _CLOSING_AFTER.match(scan.f, m.end()) is not None


_QUARTER = re.compile(
    r"quy(?:\s+(?:(?P<q>iv|i{1,3}|[1-4])\b(?:\s*(?:[/.\-]|,?\s*nam)\s*(?P<y>(?:19|20)\d{2}|nay|toi|sau)\b)?"
    rf"|(?P<rel>nay|toi|sau|ke\s+tiep)\b)|{_BARE})"
)


def _quarters(scan: Scan) -> None:
    if "quy" not in scan.f:
        return
    today = scan.today
    for m in scan.matches(_QUARTER):
        if (m["rel"] and _counted(scan, m.start())) or not _bare_period_ok(scan, m):
            continue
        scan.take(m.start(), m.end())
        tail = scan.tail(m.start())
        if m["q"]:
            quarter = _ROMAN.get(m["q"]) or int(m["q"])
            year = _year(m["y"], today)
            due = dd.quarter_end(year, quarter) if year else dd.next_quarter_end(quarter, today)
            if tail.before:
                due = _month_end_before(due, 3)
        elif m["rel"]:
            year, q = divmod(today.year * 4 + dd.quarter_of(today) - 1 + (m["rel"] != "nay"), 4)
            due = dd.quarter_end(year, q + 1)
        else:
            due = dd.quarter_end(today.year, dd.quarter_of(today))
        bare_ok = bool(m["q"] or m["rel"]) and not _last_words_in(scan.f, tail.start, _QUALIFIER_WORDS)
        score = _scored(scan, tail, due, m.end(), clause_start_ok=bare_ok)
        if score is not None:
            scan.add(Candidate(QUARTER, tail.start, m.end(), score, due))


def _month_end_before(end: date, months: int) -> date:
    year, month = dd.shift_month(end.year, end.month, -months)
    return dd.month_end(year, month)


_MONTH = re.compile(
    r"thang(?:\s+(?:(?P<m>1[0-2]|0?[1-9])\b(?!\s*[/.\-]\s*\d{1,2}(?:\D|$))"
    r"(?:\s*(?:[/.\-]|,?\s*nam)\s*(?P<y>(?:19|20)\d{2}|nay|toi|sau|ngoai|truoc)\b)?"
    rf"|(?P<rel>nay|toi|sau|ke\s+tiep|truoc|qua)\b)|{_BARE})"
)


def _months(scan: Scan) -> None:
    if "thang" not in scan.f:
        return
    today = scan.today
    for m in scan.matches(_MONTH):
        if (m["rel"] and _counted(scan, m.start())) or not _bare_period_ok(scan, m):
            continue  # "6 tháng sau": a duration
        scan.take(m.start(), m.end())
        if m["rel"] in ("truoc", "qua") or _PAST_AFTER.match(scan.f, m.end()):
            continue
        tail = scan.tail(m.start())
        if m["m"]:
            month = int(m["m"])
            year = _year(m["y"], today)
            due = dd.month_end(year, month) if year else dd.next_month_end(month, today)
        elif m["rel"]:
            year, month = dd.shift_month(today.year, today.month, 0 if m["rel"] == "nay" else 1)
            due = dd.month_end(year, month)
        else:
            due = dd.month_end(today.year, today.month)
        if tail.before:
            due = _month_end_before(due, 1)  # "đến trước tháng 9.2020" -> 31/8/2020
        kind = MONTH
        part = _PART_OF_MONTH.search(scan.f, max(0, m.start() - 24), m.start())
        if part is not None and tail.words and tail.words[-1] in ("dau", "giua"):
            # "tuần đầu tháng 01/2021" -> 7/1, "10 ngày đầu tháng 12" -> 10/12, "giữa tháng 5" -> 15/5
            day = 15 if part["mid"] else 7 if part["week"] else number_value(part["n"])
            if not 1 <= day <= 28:
                continue
            due, kind = due.replace(day=day), DATE
            tail = scan.tail(part.start())
        bare_ok = bool(m["m"] and m["y"]) and not _last_words_in(scan.f, tail.start, _QUALIFIER_WORDS)
        score = _scored(scan, tail, due, m.end(), clause_start_ok=bare_ok)
        if score is None and kind is DATE and "vao" in tail.words and due > today:
            score = S_FUTURE_EVENT  # "triển khai vào tuần đầu tháng 01/2021"
        if score is not None:
            scan.add(Candidate(kind, tail.start, m.end(), score, due))


_PART_OF_MONTH = re.compile(
    r"(?:(?P<week>tuan)\s+dau|(?P<n>[0-9]{1,2})\s+ngay\s+dau|(?P<mid>giua))\s+(?:cua\s+)?$"
)
_YEAR = re.compile(
    r"nam(?:\s+(?:(?P<y>(?:19|20)\d{2})\b(?!\s*[-–]\s*\d)|(?P<rel>nay|toi|sau|ke\s+tiep)\b)"
    r"|\b(?!\s+(?:hoc|tai\s+chinh|ngay|thang|tuan|\d)))"
)
_BARE_YEAR_TRIGGERS = frozenset({"cuoi", "het", "trong"})


def _years(scan: Scan) -> None:
    if "nam" not in scan.f:
        return
    today = scan.today
    for m in scan.matches(_YEAR):
        bare = not (m["y"] or m["rel"])
        if bare and _prev_word(scan.f, m.start())[0] not in _BARE_YEAR_TRIGGERS:
            continue  # "Việt Nam", "miền Nam", "năm" as a count: cheap exit before reading the tail
        if m["rel"] and _counted(scan, m.start()):
            continue
        tail = scan.tail(m.start())
        if bare:
            # "cuối năm", "đến hết năm" anywhere; "trong năm" only closing the clause.
            closing = _CLOSING_AFTER.match(scan.f, m.end()) is not None
            if not ({"cuoi", "het", "den het"} & set(tail.words) or (closing and tail.strength >= WITHIN)):
                continue
        scan.take(m.start(), m.end())
        core = [w for w in tail.words if w not in _FILLER_WORDS]
        if core and core[-1] in ("den", "toi") and not bare:
            continue  # "định hướng đến năm 2030", "phấn đấu đến năm 2025": a horizon
        if any(w in scan.clause_before(tail.start) for w in _HORIZON_WORDS):
            continue
        if m["y"]:
            year = int(m["y"])
        elif m["rel"]:
            year = today.year + (m["rel"] != "nay")
        else:
            year = today.year
        due = dd.year_end(year - 1 if tail.before else year)
        score = _scored(scan, tail, due, m.end())
        if score is not None:
            scan.add(Candidate(YEAR, tail.start, m.end(), score, due))


_WEEK = re.compile(rf"tuan(?:\s+(?P<rel>nay|toi|sau|ke\s+tiep)\b|{_BARE})")


def _weeks(scan: Scan) -> None:
    if "tuan" not in scan.f:
        return
    for m in scan.matches(_WEEK):
        if _counted(scan, m.start()) or not _bare_period_ok(scan, m):
            continue  # "2 tuần sau"
        tail = scan.tail(m.start())
        if m["rel"] is None and tail.strength < WITHIN:
            continue
        scan.take(m.start(), m.end())
        if tail.strength == REJECT or scan.past_narrative(tail):
            continue
        ahead = 0 if m["rel"] in (None, "nay") else 1
        due = max(dd.week_friday(scan.today, ahead), scan.today)
        if tail.strength == STRONG:
            score = S_STRONG
        elif tail.strength == WITHIN:
            score = S_WITHIN
        elif _last_words_in(scan.f, m.start(), _QUALIFIER_WORDS):
            continue  # "lịch công tác tuần tới"
        else:
            score = S_CLAUSE_START
        scan.add(Candidate(WEEK_KIND, tail.start, m.end(), score, due))


_NEAR_DAY = re.compile(
    r"(?:ngay\s+)?hom\s+nay\b|(?:ngay|sang|chieu|toi)\s+(?P<mai>mai)\b|ngay\s+(?P<kia>kia)\b"
    rf"|trong\s+ngay{_CLOSING}"
)


def _near_days(scan: Scan) -> None:
    """'hôm nay', 'ngày mai', 'trong ngày' (the day itself)."""
    f = scan.f
    if "hom nay" not in f and "mai" not in f and "ngay kia" not in f and "trong ngay" not in f:
        return
    for m in scan.matches(_NEAR_DAY):
        tail = scan.tail(m.start())
        scan.take(m.start(), m.end())
        if tail.strength == REJECT:
            continue
        due = scan.today + timedelta(days=1 if m["mai"] else 2 if m["kia"] else 0)
        if m.group().startswith("trong") or tail.strength >= WITHIN:
            score = S_STRONG if tail.strength == STRONG else S_WITHIN
        elif m["mai"] or m["kia"]:
            score = S_FUTURE_EVENT
        elif scan.stamp_break_after(m.end()):
            continue  # "Hôm nay, UBND phường tổ chức ...": narrative
        else:
            score = S_BARE_FUTURE
        scan.add(Candidate(DATE, tail.start, m.end(), score, due))


_BEFORE_EVENT = re.compile(
    r"truoc\s+(?:khi\s+[^.;,\n]{1,60}"
    r"|(?:mua\s+[a-z]+(?:\s+(?:bao|lu|kho|mua))?|ky\s+hop|phien\s+hop|cuoc\s+hop|buoi\s+hop"
    r"|hoi\s+nghi|dai\s+hoi|dot\s+[a-z]+|thoi\s+diem\s+[^.;,\n]{1,40}|ky\s+thi|nam\s+hoc\s+moi|bau\s+cu"
    r"|le\s+hoi|ngay\s+khai\s+giang)\b)"
)
_RIGHT_AFTER = re.compile(r"ngay\s+(?:sau\s+)?khi\s+[^.;,\n]{1,60}")
_WINDOW = re.compile(
    r"thoi\s+gian\s+"
    r"(?!(?:toi|qua|som|ngan|nhanh|gan|dai|nay|vua|sap|con\s+lai|quy\s+dinh|cho\s+phep|nhat\s+dinh|den"
    r"|truoc|hien\s+nay|cua|theo|thuc\s+hien\s+nhiem\s+vu)\b)"
    r"(?P<what>[a-z][^.;,\n]{2,60})"
)
_ANAPHORA = re.compile(r"\s+(?:neu\s+tren|tren|noi\s+tren|nay)$")


def _anchors(scan: Scan) -> None:
    """Event anchors: a deadline we cannot date ('trước khi trình', 'trước mùa mưa bão')."""
    f = scan.f
    if "truoc" in f:
        for m in scan.matches(_BEFORE_EVENT):
            scan.take(m.start(), m.end())
            scan.add(Candidate(RELATIVE, m.start(), m.end(), S_ANCHOR))
    if "khi" in f:
        for m in scan.matches(_RIGHT_AFTER):
            scan.take(m.start(), m.end())
            scan.add(Candidate(RELATIVE, m.start(), m.end(), S_ANCHOR))
    if "thoi gian" in f:
        for m in scan.matches(_WINDOW):  # "trong thời gian lấy ý kiến"
            prev = words_before(f, m.start(), 2)
            if not prev or prev[-1] not in ("trong", "suot"):
                continue
            start = f.rfind("trong", 0, m.start())
            what = m["what"].strip()
            named = _ANAPHORA.sub("", what)
            heading = scan.at_clause_start(start)
            if not heading and named == what:
                continue  # "trong thời gian diễn ra hội nghị" mid-sentence: a while, not a deadline
            scan.take(start, m.end())
            score = S_SCOPED_WINDOW if heading else S_WINDOW
            what = named
            scan.add(Candidate(RELATIVE, start, m.end(), score, window=what))


_IMMEDIATE = tuple(
    (word, re.compile(pattern))
    for word, pattern in (
        ("ngay", r"ngay(?:\s+lap\s+tuc)?"),
        ("lap tuc", r"lap\s+tuc"),
        ("tuc thi", r"tuc\s+thi"),
    )
)
# "ngày" (day) and "ngay" (at once) fold alike; the words around tell them apart. A day is
# counted, determined or introduced ("10 ngày", "các ngày", "trước ngày"), or names one ("ngày
# mai", "ngày lễ", "ngày thành lập"); "ngay" follows a verb ("khắc phục ngay", "triển khai ngay").
_DAY_PREV_WORDS = frozenset({
    "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi", "vai", "nhieu", "may", "cac",
    "nhung", "moi", "hang", "tung", "ca", "nua", "cung", "trong", "vao", "tu", "den", "toi", "truoc", "han",
    "nhat", "la", "tai", "theo", "cua", "cho", "voi", "nhan", "dip", "ke", "hom", "sang", "chieu", "dem",
    "buoi", "ngay", "nao", "chon", "ghi", "lui", "doi", "trua", "gio", "hoac", "thu", "mung", "ve",
})  # fmt: skip
_DAY_PREV_PAIRS = frozenset({"ky niem", "huong ung", "chao mung", "an dinh"})
_DAY_NEXT_WORDS = frozenset({
    "mai", "kia", "hom", "lam", "nay", "dau", "cuoi", "le", "tet", "hoi", "thu", "thang", "sinh", "cong",
    "nghi", "quoc", "thanh", "truyen", "phap", "hien", "dem", "ky", "nhan", "hop", "hieu", "gio", "xua",
    "chu", "cao", "hanh", "toan", "bau", "khai", "hoan", "bat", "ket", "het", "giao", "nop", "ban", "thi",
    "doi", "quy", "thuong", "tu", "ca", "tai", "tren", "duoi", "ben", "canh", "gan", "khi", "sau", "trong",
    "dang", "chuyen",
})  # fmt: skip
_NEXT_WORD = re.compile(r"\s*([a-z0-9]+)")


def _is_day_word(scan: Scan, start: int, end: int) -> bool:
    f = scan.f
    prev, at = _prev_word(f, start)
    if prev and (prev.isdigit() or prev in _DAY_PREV_WORDS):
        return True
    nxt = _NEXT_WORD.match(f, end)
    if nxt is not None and (nxt[1][0].isdigit() or nxt[1] in _DAY_NEXT_WORDS):
        return True
    if prev and f"{_prev_word(f, at)[0]} {prev}" in _DAY_PREV_PAIRS:
        return True
    return scan.at_clause_start(start)  # "Ngày đăng ...": the adverb "ngay" never opens a clause


def _immediates(scan: Scan) -> None:
    f = scan.f
    for word, pattern in _IMMEDIATE:
        if word not in f:
            continue
        for m in scan.matches(pattern):
            if not _word_end(f, m.end()):
                continue
            if m.group() == "ngay" and _is_day_word(scan, m.start(), m.end()):
                continue
            scan.take(m.start(), m.end())
            scan.add(Candidate(IMMEDIATE, m.start(), m.end(), S_IMMEDIATE))


Extractor = Callable[[Scan], None]
# Order matters: an expression's span is taken before later extractors could misread its parts.
EXTRACTORS: tuple[Extractor, ...] = (
    _doc_numbers,  # "29/QĐ-UBND", "giai đoạn 2021-2025": never dates
    _parts_of_year,  # "6 tháng đầu năm" before "6 tháng" (a duration) and "cuối năm"
    _durations,  # "trong 30 ngày kể từ ngày 15/3" before the date inside it
    _holidays,  # "Quốc khánh 2/9" before the date inside it
    _weekdays,  # "thứ 2 tuần đầu của tháng" before "tuần", "hàng tuần"
    _dates,
    _recurrings,
    _quarters,
    _months,
    _years,
    _weeks,
    _near_days,
    _anchors,  # "ngay sau khi" before "ngay"
    _immediates,
)


def scan(folded: str, today: date) -> Scan:
    s = Scan(folded, today)
    for extract in EXTRACTORS:
        extract(s)
    s.found = _merge_ranges(s.found, folded)
    return s


_PERIOD_KINDS = frozenset({DATE, MONTH, QUARTER, HALF, YEAR})


def _merge_ranges(found: list[Candidate], folded: str) -> list[Candidate]:
    """'cuối tháng 3 và trong tháng 4/2022', 'tháng 12/2020 và tháng 1/2021': one phrase, the later end."""
    if len(found) < 2:
        return found
    merged: list[Candidate] = []
    for cand in sorted(found, key=lambda c: c.start):
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.kind in _PERIOD_KINDS
            and cand.kind in _PERIOD_KINDS
            and prev.due is not None
            and cand.due is not None
            and prev.end <= cand.start
            and _RANGE_GAP.fullmatch(folded, prev.end, cand.start)
        ):
            later = cand if cand.due >= prev.due else prev
            merged[-1] = later._replace(start=prev.start, end=cand.end, score=max(prev.score, cand.score))
            continue
        merged.append(cand)
    return merged
