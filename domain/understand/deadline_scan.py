"""Reading the words around a time expression, and the scan that collects candidates.

The deadline grammar (domain/understand/deadline_grammar.py) finds time expressions in the folded text; this
module says how strongly the words right before one make it a deadline, and keeps the state of
one pass over a text:

- the *tail*: the run of trigger words before an expression, read outwards word by word
  ("xong trước ngày", "hoàn thành trong", "chậm nhất là", "Thời gian hoàn thành:"), with its
  strength: a deadline word (STRONG), "trong" (WITHIN), "vào"/"dịp" (WEAK), none (BARE), or a
  start / as-of word that makes it no deadline at all (REJECT: "từ ngày", "tính đến", "đầu tháng");
- context tests: a cited document's or meeting's date ("Thông báo số 16/TB-STTTT ngày"), a
  noun's qualifier ("báo cáo quý II"), a horizon ("định hướng đến năm 2030"), an as-of heading
  ("Đến tháng 12/2020, phường đã ..."), a clause-opening time adverbial ("Quý II/2019 tập trung");
- Scan: the folded text, the spans already read, the candidates found, the impossible dates;
- score_period: the score of a day or period expression from its tail, and whether it is past.

Words are read with str.split() and set lookups rather than end-anchored regex searches: the
parser reads every line of a pasted report and is benchmarked against dateparser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from domain.types import Cadence, DeadlineKind
from domain.understand.deadline_round8 import reported_period

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


# Scores. Only their order matters (see the docstring of domain/understand/deadlines.py).
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
S_START = 0.7  # "kể từ ngày 12/5": the day a measure takes effect, when nothing else is said
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
    # How the phrase was read, when the answer should say so (deadlines.NOTE_WEEKEND_WEEK).
    note: str | None = None


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
# The parts of the day ("sáng", "chiều", "trưa", "đêm"; "tối" folds to "tới", a deadline word) are passed
# over like "vào lúc" between the trigger and the day: "vào lúc 16h chiều thứ bảy ngày 27/12" (A038-01),
# "vào 7h sáng chủ nhật ngày 28/12" (A038-02), "vào tối ngày 7/8/2015" (D008-03), "tiếp cận ngay trong
# đêm 20/11" (D047-01).
_DAY_PARTS = ("sang", "chieu", "trua", "dem")
_WEAK_WORDS = frozenset({"vao luc", "vao", "luc", "ngay", "la", "nhan dip", "dip", "le", *_DAY_PARTS})
_REJECT_WORDS = frozenset({"bat dau tu", "ke tu", "tinh tu", "tinh den", "tu", "sau", "dau", "giua"})
_NEUTRAL_WORDS = frozenset({"tu nay"})  # "từ nay đến tháng 9": the "đến" decides
FILLER_WORDS = frozenset({"ngay", "la", "vao", "vao luc", "luc", *_DAY_PARTS})
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
_WEEKDAY_LAST = frozenset({"2", "3", "4", "5", "6", "7", "hai", "ba", "tu", "nam", "sau", "bay", "nhat"})
_WEEKDAY_PAIRS = frozenset(
    [("thu", w) for w in ("2", "3", "4", "5", "6", "7", "hai", "ba", "tu", "nam", "sau", "bay")] + [("chu", "nhat")]
)

_CLOCK = re.compile(r"[0-9]{1,2}[hg][0-9]{0,2}")  # "17h00", "8h"
_DIGIT = re.compile(r"[0-9]")
_DIGIT_RUN = re.compile(r"[0-9]+")
# A run of digits right after these continues a word or another number ("15/12/2020" is one).
_NUMBER_CONTINUES = frozenset("abcdefghijklmnopqrstuvwxyz0123456789/.-")


# "chú trọng", "tôn trọng", "nghiêm trọng" fold to "... trong": not the preposition "trong". (Not
# "quan trọng": folded it is also "quận trong", as in "báo cáo UBND quận trong tháng 12".)
TRONG_COMPOUND_PREV = frozenset({"chu", "ton", "nghiem", "coi", "tran", "kinh", "tu"})


def _strength(words: tuple[str, ...]) -> int:
    best = BARE
    for w in words:  # a plain loop over a handful of words: no set built on the hot path
        if w in _STRONG_WORDS:
            return STRONG
        if w in _WITHIN_WORDS:
            best = WITHIN
        elif best == BARE and w in _WEAK_WORDS:
            best = WEAK
    return best


# NamedTuple(...) runs a Python-level __new__; the parser makes tuples on its hot path, in C.
_new = tuple.__new__


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
        core = [w for w in self.words if w not in FILLER_WORDS and w not in ("le", "dip", "nhan dip")]
        return bool(core) and core[-1] in ("truoc", "den truoc")


def _clock_len(toks: list[str], i: int) -> int:
    """How many tokens ending at i spell a time of day ("17h00", "16 giờ", "16 giờ 30 phút")."""
    t0 = toks[i]
    if _CLOCK.fullmatch(t0):
        return 1
    t1 = toks[i - 1] if i >= 1 else ""
    t2 = toks[i - 2] if i >= 2 else ""
    if t0 == "phut" and t1.isdigit() and t2 in ("gio", "h") and i >= 3 and toks[i - 3].isdigit():
        return 4
    if t0.isdigit() and t1 in ("gio", "h") and t2.isdigit():
        return 3
    if t0 in ("gio", "h", "g") and t1.isdigit():
        return 2
    return 0


def _clock_word(word: str) -> bool:
    return word in ("gio", "phut") or _CLOCK.fullmatch(word) is not None


_COLON_CLOCK = re.compile(r"([0-9]{1,2})(?::|h\.)([0-9]{2})")


def typed_clock(chunk: str, before_day: bool) -> str:
    """A chunk holding a time of day with typed marks ("20h00'", "14:00", "14h.00", "00'" after "giờ",
    "14h30’," before "ngày"), as the plain token ("20h00", "14h00", "00"); "" when it is none."""
    stem = chunk.rstrip(",")
    if stem != chunk and not before_day:
        return ""
    marked = stem[-1:] in ("'", "’", "′")
    stem = stem.rstrip("'’′")
    if not stem:
        return ""
    if marked and (_CLOCK.fullmatch(stem) or (stem.isdigit() and len(stem) <= 2)):
        return stem
    m = _COLON_CLOCK.fullmatch(stem)
    return f"{m[1]}h{m[2]}" if m and int(m[1]) < 24 and int(m[2]) < 60 else ""


def tokens_before(f: str, start: int, width: int, limit: int) -> list[str]:
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
        elif chunk[-1] == "," and out and out[-1] == "ngay" and _clock_word(chunk[:-1]):
            # "trước 14 giờ, ngày 05/12/2017" (A011-02), "từ 00 giờ, ngày 10/5/2021" (G059-01): a comma
            # between a time of day and its day is part of the time, as in "trước 14 giờ ngày 05/12"
            out.append(chunk[:-1])
        elif chunk[0].isdigit() and (clock := typed_clock(chunk, bool(out) and out[-1] == "ngay")):
            # (branch deadl9) a time of day typed with a minutes mark or a colon: "trước 20h00' ngày 06/9/2024",
            # "07h00’ Thứ Bảy 14/01/2023" (CL04 of corpus L, K024-01 of K), "trước 14:00 ngày 6/9", "14 giờ
            # 00' ngày", "14h30’, ngày" — read as "20h00"
            out.append(clock)
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
    toks = tokens_before(f, start, 48, 8)
    if not toks or not _may_end_tail(toks[-1]):
        return _new(Tail, (start, (), BARE, _reports_past(toks)))
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
        if i > 0 and (toks[i - 1], tok) in _WEEKDAY_PAIRS:
            i -= 2  # "vào lúc 16h chiều thứ bảy ngày 27/12", "trước chủ nhật ngày 15/12": the day's name
            continue
        found = _trigger_ending_at(toks, i)
        if found is None:
            break
        k, word = found
        compound = i - k >= 0 and toks[i - k] in TRONG_COMPOUND_PREV and not _electronic(toks, i - k)
        if word.startswith("trong") and compound:
            break  # "chú trọng năm 2021": not the preposition
        if word in _REJECT_WORDS:
            if word in _TINH_FOLDS and _province_before(toks, i - k):
                kept.append((i, _TINH_FOLDS[word]))  # "báo cáo UBND tỉnh đến ngày 15/12": "đến"
                i -= 1
                continue
            if all(w in FILLER_WORDS for _, w in kept):
                rejected = True
                kept.append((i - k + 1, word))
            break
        kept.append((i - k + 1, word))
        i -= k
    if not kept:
        return _new(Tail, (start, (), BARE, _reports_past(toks)))
    # Where the outermost trigger starts: find the words again, backwards from the expression.
    lo = max(0, start - 48)
    at = start
    for tok in reversed(toks[kept[-1][0] :]):
        at = f.rfind(tok, lo, at)
    words = tuple([w for _, w in reversed(kept)])
    return _new(Tail, (at, words, REJECT if rejected else _strength(words), _reports_past(toks[: kept[-1][0]])))


def _trigger_ending_at(toks: list[str], i: int) -> tuple[int, str] | None:
    """The longest trigger whose last word is toks[i]: (its length in words, the trigger)."""
    for phrase, word in _TRIGGERS_BY_LAST.get(toks[i], ()):
        k = len(phrase)
        if k <= i + 1 and (k == 1 or tuple(toks[i - k + 1 : i + 1]) == phrase):
            if word == "han" and i and toks[i - 1] in _LATE_WORDS:
                return None  # "hồ sơ trễ hạn năm 2026", "các khoản quá hạn tháng 11": what is late, no time allowed
            return k, word
    return None


# "trễ hạn", "quá hạn", "hết hạn" qualify a noun (the files late in 2026, the papers expiring in December):
# the period after them says which, not by when; the task's own deadline comes elsewhere (qa9, sandbox).
_LATE_WORDS = frozenset({"tre", "qua", "het"})


def _reports_past(toks: list[str]) -> bool:
    """ "đã hoàn thành trong quý I", "kết quả đạt được trong năm 2020": the period reports."""
    return "da" in toks[-3:] or "vua" in toks[-3:] or toks[-2:] == ["dat", "duoc"]


def _may_end_tail(tok: str) -> bool:
    return tok in _TRIGGER_LAST_WORDS or tok[0].isdigit() or tok in _CLOCK_WORDS or tok in _WEEKDAY_LAST


def words_before(f: str, pos: int, n: int, width: int = 40) -> list[str]:
    """Up to n words right before pos, nearest last; stops at punctuation."""
    if n > 2:
        return tokens_before(f, pos, width, n)
    word, at = prev_word(f, pos)
    if not word:
        return []
    if n == 1:
        return [word]
    word2, _ = prev_word(f, at)
    return [word2, word] if word2 else [word]


def prev_word(f: str, pos: int) -> tuple[str, int]:
    """The word right before pos (spaces between allowed) and where it starts; "" when
    punctuation comes first. An opening quotation mark glued to the word is no punctuation between
    ("“Những ngày giá rét", "“06 tháng/lần": branch deadl6, see deadline_grammar._quoted_sentence)."""
    j = pos
    while j > 0 and f[j - 1] == " ":
        j -= 1
    at = f.rfind(" ", 0, j) + 1
    word = f[at:j]
    if word.isalnum():
        return word, at
    if word[:1] in '"“' and word[1:].isalnum():  # ('' is in any string, and ''.isalnum() is False)
        return word[1:], at + 1
    return "", at


def _word_start(f: str, pos: int) -> bool:
    return pos == 0 or not f[pos - 1].isalnum()


def word_end(f: str, pos: int) -> bool:
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
HORIZON_WORDS = ("dinh huong", "tam nhin", "giai doan", "muc tieu", "phan dau")
# Nouns a bare period qualifies: "lịch công tác tuần tới", "báo cáo quý II".
QUALIFIER_WORDS = frozenset({
    "lich", "chuong trinh", "ke hoach", "bao cao", "giao ban", "hop", "cong tac", "nhiem vu", "tin bai",
    "so ket", "tong ket", "ket qua", "tinh hinh", "so lieu",
})  # fmt: skip


def last_words_in(f: str, pos: int, words: frozenset[str]) -> bool:
    """Whether the word, or the two words, right before pos are in `words`."""
    last, at = prev_word(f, pos)
    if not last:
        return False
    return last in words or f"{prev_word(f, at)[0]} {last}" in words


def cited_before(f: str, pos: int) -> bool:
    """A document number or a document/meeting word right before pos (a comma allowed)."""
    chunk_end = pos
    while chunk_end > 0 and f[chunk_end - 1] in " ,":
        chunk_end -= 1
    chunk = f[f.rfind(" ", 0, chunk_end) + 1 : chunk_end]
    if any(c.isdigit() for c in chunk) and ("/" in chunk or prev_word(f, chunk_end - len(chunk))[0] == "so"):
        return True  # "số 16/TB-STTTT ngày", "Văn bản 404/VPUBND ngày", "số 123 ngày"
    return last_words_in(f, chunk_end, _DOC_WORDS)


OF_AFTER = re.compile(r"\s*(?:cua|ve viec|v/v)\b")
PAST_AFTER = re.compile(r"\s+(?:vua qua|qua|vua roi|truoc do|gan day|nam ngoai|nam truoc)\b")
# (An opening quotation mark starts a clause too: "… yêu cầu: “Năm 2018 này, xã … phải …”", branch deadl6, see
# deadline_grammar._quoted_sentence.)
_CLAUSE_START = re.compile(r"(?:[.;:!?\n(“]|(?:^|\s)(?:\"|\d{1,2}[.)]|[a-z][.)]|[-+*•–—]))\s*$")
_STAMP_BREAK = re.compile(r"\s*[,:]")
_SINCE_START = re.compile(r"\btu\s+dau\s+(?:nam\s+hoc|nam|thang|quy|ky|vu|mua)(?:\s+(?:19|20)[0-9]{2}|\s+nay)?\s*$")
_DONE_SINCE = re.compile(r"\s*,[^.;:]{0,60}\b(?:da|duoc)\b")
_COORDINATED_BEFORE = re.compile(
    r"\b(?P<trig>trong|truoc|den het|cuoi|het)\s+(?:thang|quy|nam|tuan)\s+[0-9ivx]+(?:\s*[/.\-]\s*[0-9]+)?"
    r"\s*(?:,|va|hoac)\s*$"
)
_FORECAST = re.compile(r"\bdu\s+bao\s+(?:co\s+kha\s+nang|tinh\s+hinh|se)\b|\bco\s+kha\s+nang\s+xay\s+ra\b")
RANGE_GAP = re.compile(r"\s*(?:,|va|hoac|-|–|den|toi)?\s*")


class Number(NamedTuple):
    at: int
    digits: int
    after: str  # the character right after the digits ("" at the end)


class Scan:
    """One pass over a folded text: taken spans, candidates, impossible dates."""

    __slots__ = (
        "_first_digit", "_last_digit", "_numbers", "_tails", "f", "found", "has_digit", "invalid", "taken", "today",
    )  # fmt: skip

    def __init__(self, folded: str, today: date, digits: tuple[int, int] | None = None) -> None:
        """`digits`: where the first and the last digit of the text are ((-1, -1): none), when the caller
        knows (deadlines._scan reads them from the text's one-byte code)."""
        self.f = folded
        self.today = today
        if digits is None:
            # (ten one-character tests run at memchr speed; the regex only says where the first digit is)
            first = (
                _DIGIT.search(folded)
                if "0" in folded or "1" in folded or "2" in folded or "3" in folded or "4" in folded
                or "5" in folded or "6" in folded or "7" in folded or "8" in folded or "9" in folded
                else None
            )  # fmt: skip
            digits = (first.start(), max(map(folded.rfind, "0123456789"))) if first is not None else (-1, -1)
        self.has_digit = digits[0] >= 0
        self._first_digit, self._last_digit = digits if self.has_digit else (0, -1)
        self._numbers: list[Number] | None = None
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
        taken = self.taken
        for m in pattern.finditer(f):
            start = m.start()
            if (start == 0 or not f[start - 1].isalnum()) and (not taken or self.free(start, m.end())):
                yield m

    def digit_matches(
        self, pattern: re.Pattern[str], followed_by: frozenset[str], max_digits: int = 4
    ) -> Iterator[re.Match[str]]:
        """Matches of a digit-led `pattern` at the numbers that may start it: at most `max_digits`
        digits, followed by one of `followed_by` (one scan finds the numbers for all patterns)."""
        f = self.f
        for number in self.numbers():
            if number.digits <= max_digits and number.after in followed_by:
                m = pattern.match(f, number.at)
                if m is not None and (not self.taken or self.free(m.start(), m.end())):
                    yield m

    def numbers(self) -> list[Number]:
        """The numbers of the text, in order. A run of digits right after a letter, "/", "." or
        "-" continues a word or another number ("15/12/2020" is one number, starting at 15)."""
        if self._numbers is None:
            f = self.f
            numbers: list[Number] = []
            # None before the first digit or after the last (the regex engine walks a text slowly).
            for m in _DIGIT_RUN.finditer(f, self._first_digit, self._last_digit + 1):
                at, end = m.span()
                if at == 0 or f[at - 1] not in _NUMBER_CONTINUES:
                    numbers.append(_new(Number, (at, end - at, f[end : end + 1])))
            self._numbers = numbers
        return self._numbers

    def tail(self, start: int) -> Tail:
        tail = self._tails.get(start)
        if tail is None:
            tail = self._tails[start] = read_tail(self.f, start)
        return tail

    def clause_before(self, pos: int, width: int = 60) -> str:
        """The text of the clause before pos, at most `width` characters. A full stop ends a clause when a
        space follows it: the dots of "ngày 10.9", "30.4 - 1.5", "1.200 km", "TP.HCM" do not (branch deadl6:
        the forecast "dự báo … từ ngày 9.9 đến đêm 10.9" and the occasion "dịp nghỉ lễ 30.4 - 1.5 và Lễ giỗ
        Tổ" were cut off from their words when the dates were written with dots, F006-01 and D093-01 so
        rewritten; news texts write days so)."""
        window = self.f[max(0, pos - width) : pos]
        cut = max(window.rfind(". "), window.rfind(";"), window.rfind(":"))
        return window[cut + 1 :]

    def at_clause_start(self, pos: int) -> bool:
        lo = max(0, pos - 8)
        if pos == 0 or (lo == 0 and self.f[:pos].isspace()):
            return True
        return _CLAUSE_START.search(self.f, lo, pos) is not None

    def past_narrative(self, tail: Tail) -> bool:
        """'đã hoàn thành trong quý I', 'vừa triển khai trong tháng 3': a report, not an order."""
        return tail.past

    def forecast(self, pos: int) -> bool:
        """A period of the weather forecast, not of the work: "ứng phó với mưa lớn, lũ quét dự báo có
        khả năng xảy ra từ ngày 9/9 đến đêm 10/9", "chủ động trước dự báo tình hình khô, hạn trong năm
        2019" (D090-04, F006-01; "hạn" there is drought, not a deadline)."""
        if "du bao" not in self.f and "xay ra" not in self.f:  # cheap gate: most texts forecast nothing
            return False
        return _FORECAST.search(self.clause_before(pos, 80)) is not None

    def reports_after(self, end: int) -> bool:
        """ "Năm 2023, toàn huyện đã ...": what follows the comma reports what was done."""
        return _DONE_SINCE.match(self.f, end) is not None

    def stamp_break_after(self, end: int) -> bool:
        """A comma or colon right after: "Ngày 28/5, UBND ...", "Hôm nay: 1" time-stamp what follows."""
        return _STAMP_BREAK.match(self.f, end) is not None

    def as_of(self, tail: Tail, end: int) -> bool:
        """'Đến tháng 12/2020, phường đã có 90% hộ ...': a clause-opening 'đến X,' followed by
        what has been done states progress as of X; it sets no deadline. Nor does the end of a
        running total: "số liệu thu ngân sách từ đầu năm đến ngày 30/9", "tình hình sĩ số từ đầu
        năm học đến ngày 15/10" name the period the figures cover."""
        if tail.words[:1] not in (("den",), ("toi",)):
            return False
        if _SINCE_START.search(self.f, max(0, tail.start - 30), tail.start) is not None:
            return True
        return len(tail.words) == 1 and self.at_clause_start(tail.start) and _DONE_SINCE.match(self.f, end) is not None

    def coordinated_with(self, start: int) -> Candidate | None:
        """A due-bearing candidate this expression is coordinated with ("X và Y", "X - Y")."""
        for cand in self.found:
            if cand.due is not None and cand.end <= start and RANGE_GAP.fullmatch(self.f, cand.end, start):
                return cand
        return None

    def add(self, cand: Candidate) -> None:
        self.found.append(cand)


def score_period(
    scan: Scan, tail: Tail, due: date | None, end: int, *, clause_start_ok: bool = False
) -> float | None:
    """The score of a due-bearing period/date expression [tail.start, end), or None when it is no
    deadline (a start day, a past period, a noun's qualifier, an as-of heading)."""
    if tail.strength == REJECT or scan.past_narrative(tail) or scan.as_of(tail, end):
        return None
    if tail.strength < STRONG and scan.f.startswith(",", end) and reported_period(scan, tail.start, end):
        return None  # "Trong tháng 2, các xã đã tổ chức …" (branch deadl8, deadline_round8)
    if scan.forecast(tail.start):
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
    if not tail.words:
        # "Trong tháng 4 và quý 2 năm 2022": the trigger of a period read later covers this one too.
        before = _COORDINATED_BEFORE.search(scan.f, max(0, tail.start - 40), tail.start)
        if before is not None:
            return S_WITHIN if before["trig"] == "trong" else S_STRONG
    if clause_start_ok and scan.at_clause_start(tail.start):
        return S_CLAUSE_START
    return None


# --- "tỉnh" (province) and "tính" (count) fold alike (branch deadl5) ------------------------------
# "tính đến ngày X" / "tính từ ngày X" (as of, counting from) reject a day; "UBND tỉnh đến ngày X" is the
# province's committee and then "đến ngày X", a deadline ("… theo đúng cam kết của UBND huyện với UBND tỉnh
# đến ngày 31-12", CH03; "Ban Quản lý dự án báo cáo Chủ tịch UBND tỉnh đến ngày 15/12"). The word before
# tells them apart: a body or level that "tỉnh" completes (UBND, HĐND, nhân dân, cấp, toàn, Chủ tịch,
# lãnh đạo, Công an, Quân sự, UBMTTQ) makes it the province.
_TINH_FOLDS = {"tinh den": "den", "tinh tu": "tu"}
_PROVINCE_HEADS = frozenset({"ubnd", "hdnd", "ubmttq", "dan", "cap", "toan", "tich", "dao", "an", "su"})


def _province_before(toks: list[str], at: int) -> bool:
    """Whether toks[at] (the word before "tinh") makes "tinh" the province, "tỉnh"."""
    return at >= 0 and toks[at] in _PROVINCE_HEADS


# --- "điện tử" (electronic) folds to "dien tu" (lead engineer, fourth session) -----------------------------
# "tu" before "trong" is taken for "tự" ("tự trọng") and is a reject word as "từ" (from): both wrong after
# "điện" — "cổng thông tin điện tử trong tháng 12", "hồ sơ điện tử trong quý I", "thương mại điện tử trong
# năm 2027": the "trong" is the preposition, and the deadline stands. "Điện tử" ends a great many names of
# systems in administrative text (cổng thông tin, chính phủ, văn bản, hồ sơ, thương mại điện tử).


# The same fold, seventh round (branch deadl7): "đầu tư" (investment) folds to "dau tu" and closes the names of
# addressees — "bàn giao mặt bằng cho chủ đầu tư trong tháng 9/2013; … cho chủ đầu tư trong tháng 12/2013"
# (J095-01, two deadlines lost: the month was read as "tư trọng"), "gửi ý kiến về Bộ Kế hoạch và Đầu tư
# trước ngày 28/9/2018" (W49-02, read right: "trước" is no compound), and "nhà đầu tư", "Sở Kế hoạch và Đầu
# tư", "Ban Quản lý dự án đầu tư" everywhere in administrative text. Nobody writes "điện / đầu tự trọng".
_TU_CLOSES = frozenset({"dien", "dau"})


def _electronic(toks: list[str], at: int) -> bool:
    """Whether toks[at] is the "tử" of "điện tử" or the "tư" of "đầu tư": the end of a word, not the "tự" of
    "tự trọng"."""
    return toks[at] == "tu" and at > 0 and toks[at - 1] in _TU_CLOSES
