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
   none (BARE), or a start / as-of word that makes it no deadline at all (REJECT). That reading
   lives in domain/understand/deadline_scan.py.
3. The strength, the kind and whether the day is already past give a score. The caller
   (domain/understand/deadlines.py) keeps the best-scored candidate as the governing deadline.

Why scores and not a first-match rule: one directive often carries several time expressions —
the period of the shortcomings it fixes ("các tồn tại tháng 11"), the date of the letter it cites,
the plan year, and the deadline itself ("xong trước ngày 15/12"). The trigger words are what a
reader uses to tell them apart, so they are what we score.

Speed: the parser runs on every line of a pasted meeting report, and is benchmarked against
dateparser (bench/parse_bench.py). So patterns start with a literal where they can (the regex
engine then skips ahead with a fast search), extractors are skipped when their key words are
absent, all number-led patterns are tried only where a number starts, and trigger words are read
by walking words backwards rather than by a backtracking regex.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from domain.calendar import add_working_days
from domain.types import Cadence
from domain.understand import deadline_dates as dd
from domain.understand.deadline_audit16 import hang_of_a_noun
from domain.understand.deadline_conventions_s8 import per_case
from domain.understand.deadline_round8 import reported_day, spaced_numbers, squeeze_spaced_numbers
from domain.understand.deadline_round9 import holiday_day_off
from domain.understand.deadline_round10 import bracketed_named_day, cadence_not_of_task
from domain.understand.deadline_round11 import EVENT_HEADS, calendar_day_written, days_of_a_window, event_first_day
from domain.understand.deadline_round14 import conditional_response, year_of_a_noun
from domain.understand.deadline_round16 import daily_hours_of_a_noun, lunar_new_year_days
from domain.understand.deadline_scan import (
    BARE,
    DATE,
    FILLER_WORDS,
    HALF,
    HOLIDAY,
    HORIZON_WORDS,
    IMMEDIATE,
    MONTH,
    OF_AFTER,
    PAST_AFTER,
    PAST_PENALTY,
    QUALIFIER_WORDS,
    QUARTER,
    RANGE_GAP,
    RECURRING,
    REJECT,
    RELATIVE,
    S_ANCHOR,
    S_BARE_FUTURE,
    S_CLAUSE_START,
    S_FUTURE_EVENT,
    S_GENERIC_RECURRING,
    S_IMMEDIATE,
    S_RECURRING,
    S_SCOPED_WINDOW,
    S_START,
    S_STRONG,
    S_WINDOW,
    S_WITHIN,
    STRONG,
    TRONG_COMPOUND_PREV,
    WEAK,
    WEEK_KIND,
    WITHIN,
    YEAR,
    Candidate,
    InvalidDate,
    Scan,
    Tail,
    cited_before,
    last_words_in,
    prev_word,
    score_period,
    tokens_before,
    word_end,
    words_before,
)

# Deadline.note of "trong tuần này" written on a weekend: read as the coming working week.
WEEKEND_WEEK = "weekend_week"

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

# What may follow the first number of: a count ("10 ngày", "3-5 ngày", "(10) ngày"), a day
# ("15/12", "15.12.2020", "15-12"), a day written out ("15 tháng 12").
_AFTER_COUNT = frozenset(" -–)\u00a0")
_AFTER_DAY = frozenset("/.-")
_AFTER_WORD = frozenset(" \u00a0")
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
    for number in scan.numbers():
        m = None
        if number.after in _AFTER_DAY or number.digits == 4:  # "29/QĐ-UBND", "2021-2025"
            m = _DOC_NUMBER.match(f, number.at)
        if m is None and "so" in f[number.at - 6 : number.at] and prev_word(f, number.at)[0] == "so":
            m = _NUMBERED.match(f, number.at)
        if m is not None:
            scan.take(m.start(), m.end())


# "6 tháng đầu năm", "nửa cuối năm", and other runs of months from a year's start or to its end
# ("9 tháng đầu năm", "2 tháng cuối năm").
_PART_OF_YEAR = re.compile(
    r"(?:(?P<n>[0-9]{1,2}|hai|ba|bon|nam|sau|bay|tam|chin|muoi|muoi mot)\s+thang|(?P<half>nua))"
    r"\s+(?P<pos>dau|cuoi)\s+nam\b(?:\s*(?:,\s*)?(?P<y>(?:19|20)[0-9]{2}|nay)\b)?"
)


def _parts_of_year(scan: Scan) -> None:
    """'6 tháng đầu năm' ends 30/6 (HALF), '6 tháng cuối năm' 31/12; '3 tháng đầu/cuối năm' are the first and
    last quarters (QUARTER); other runs of months end with their last month ('9 tháng đầu năm' 30/9, MONTH)
    or with the year ('2 tháng cuối năm')."""
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
        # Six months from the year's start or to its end are a half, three a quarter (the first or the last:
        # "trong 3 tháng cuối năm" is quý IV, G075-01), as SPEC and LABELLING.md §17 name periods by the span.
        kind = HALF if months == 6 else QUARTER if months == 3 else MONTH if m["pos"] == "dau" else YEAR
        tail = scan.tail(m.start())
        score = score_period(scan, tail, due, m.end(), clause_start_ok=True)
        if score is not None:
            scan.add(Candidate(kind, tail.start, m.end(), score, due))


_DURATION_DIGITS = re.compile(
    r"(?P<n>[0-9]{1,3}(?:\s*[-–]\s*[0-9]{1,3})?)\s*\)?(?:\s*\([a-z ]+\))?\s+(?P<u>ngay|tuan|thang|nam|gio)\b"
    r"(?P<wd>\s+lam\s+viec)?(?!\s*[0-9])"  # "1 tháng 1 năm 2021" is a day, not a month's time
)
# "trong vòng 48 giờ": hours are a time allowed only after "trong"-like triggers and not as the time of a
# day ("trước 19 giờ ngày 17.9", "đến 16 giờ cùng ngày", "từ 14 giờ đến 19 giờ hằng ngày" are clock times,
# "trong 8 giờ hành chính" office hours).
_HOUR_OF_A_DAY = re.compile(r"\s*(?:,\s*)?(?:[0-9]|sang|chieu|toi|dem|trua|ngay|cung|hang|moi|den|hanh)\b")
# "trong hai tháng còn lại" said on 24/10 (E067-01): the months left of the year, which ends it (both v4d's
# and v4e's labelling choices: "a remaining span of the year → relative resolved to the year's end").
_REMAINING = re.compile(r"\s+con\s+lai\b(?:\s+(?:cua\s+)?nam(?:\s+(?:nay|(?P<y>(?:19|20)[0-9]{2})))?\b)?")
# "Trong thời hạn không quá mười (10) ngày làm việc" (B122-01): legal texts write a count in words and then
# in digits in brackets (the other order, "10 (mười) ngày", is in _DURATION_DIGITS).
_WRITTEN_BEFORE_DIGITS = re.compile(rf"(?<![a-z]){_NUMBER_IN_WORDS}\s*\($")
# "trong vòng khoảng 07 ngày" (E025-01): an approximation between the trigger and the count.
_ABOUT = frozenset({"khoang", "chung"})
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
    written = _WRITTEN_BEFORE_DIGITS.search(f, max(0, start - 40), start)
    if written is not None:  # "không quá mười (10) ngày": the number in words, then in digits
        start = written.start()
    toks = tokens_before(f, start, 40, 4)
    if toks and toks[-1] in _ABOUT:
        toks.pop()
    toks = toks[-3:]
    for k in (3, 2, 1):
        if len(toks) >= k:
            trig = _DURATION_TRIGGERS.get(" ".join(toks[-k:]))
            if trig is not None and len(toks) > k and toks[-k - 1] in TRONG_COMPOUND_PREV:
                return None
            if trig is not None:
                at = start
                for tok in reversed(toks[-k:]):
                    at = f.rfind(tok, 0, at)
                return trig, at
    return None


# A count spelled out before its digits in brackets: "trong thời hạn không quá mười (10) ngày làm việc"
# (B122-01; with F089-01's bracketed count "(40 ngày trước …)", see _is_day_word). The trigger is read
# before the words.
_SPELLED_COUNT = re.compile(rf"(?:^|\s){_NUMBER_IN_WORDS}\s*\(\s*$")


def _spelled_count_start(f: str, start: int) -> int:
    if f[start - 1 : start] != "(":
        return start
    spelled = _SPELLED_COUNT.search(f, max(0, start - 20), start)
    if spelled is None:
        return start
    return spelled.start() + (f[spelled.start()] == " ")


def _durations(scan: Scan) -> None:
    """'trong 10 ngày', 'trong vòng 07 ngày làm việc', 'trong 30 ngày kể từ ngày 15/3/2020'."""
    found: list[tuple[re.Match[str], str, int]] = []
    if scan.has_digit:
        for m in scan.digit_matches(_DURATION_DIGITS, _AFTER_COUNT, 3):
            trig = _duration_trigger(scan, _spelled_count_start(scan.f, m.start()))
            if trig is not None:
                found.append((m, *trig))
    if "trong" in scan.f:
        for m in scan.matches(_DURATION_WORDS):
            if prev_word(scan.f, m.start())[0] not in TRONG_COMPOUND_PREV:
                found.append((m, "trong", m.start()))
    for m, trig, start in found:
        if _DURATION_PAST.match(scan.f, m.end()):
            continue
        if m["u"] == "gio" and (trig != "trong" or _HOUR_OF_A_DAY.match(scan.f, m.end())):
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
        remaining = _REMAINING.match(scan.f, end) if unit == "thang" and anchor is None else None
        if remaining is not None:
            year = int(remaining["y"]) if remaining["y"] else base.year
            scan.take(start, remaining.end())
            scan.add(Candidate(RELATIVE, start, remaining.end(), S_STRONG, dd.year_end(year)))
            continue
        if unit == "gio":
            due = base + timedelta(days=-(-n // 24))  # the day the hours run out
        elif unit == "ngay":
            due = add_working_days(base, n) if m["wd"] else base + timedelta(days=n)
        elif unit == "tuan":
            due = base + timedelta(weeks=n)
        else:
            due = dd.add_months(base, n * (12 if unit == "nam" else 1))
        scan.add(Candidate(RELATIVE, start, end, S_STRONG, due))


def _year_of(m: re.Match[str]) -> str | None:
    return m["y"] or (m["y4"] if "y4" in m.re.groupindex else None)


def _resolve_day_month(m: re.Match[str], today: date) -> date | None:
    day, month = int(m["d"]), int(m["m"])
    written = _year_of(m)
    year = _year(written, today) if written else None
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
        ("tet", r"tet(?!\s+(?:doan|han\s+thuc|trong\s+cay))(?:\s+(?:nguyen\s+dan|am\s+lich|co\s+truyen))?\b", "tet"),
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
    # "Quốc khánh 2/9"; not the "1.70" of "trước Tết 1.700 km cao tốc" (a number goes on: branch deadl6)
    r"(?:\s*\(?\s*[0-9]{1,2}\s*[/.\-]\s*[0-9]{1,2}(?![0-9])\s*\)?)?"
    r"(?:\s*(?:[/.\-]|nam)?\s*(?P<y>(?:19|20)[0-9]{2})\b)?"
)
# Fixed-day holidays written as a bare day: "trước 30/4", "dịp 2/9" (not "trước ngày 30/4" nor
# "trước 02/09": those are the date, as the corpus labels "trước ngày X").
_FIXED_HOLIDAY_DAYS = {(30, 4): "reunification", (1, 5): "labour_day", (2, 9): "national_day"}


def _lunar_days(scan: Scan) -> None:
    """A day of Tết written by its lunar name, "mùng 1 Tết Bính Ngọ" (branch deadq, deadline_round16), before the
    holiday's name inside it is read alone as an occasion."""
    for start, end, due, has_year in lunar_new_year_days(scan.f, scan.today):
        if scan.free(start, end):
            _date_candidate(scan, start, end, due, has_year=has_year, has_ngay=True)
            scan.take(start, end)


def _holidays(scan: Scan) -> None:
    f = scan.f
    # (substring tests: several times cheaper than one search for the alternation; "quoc" stands for the
    # three names that begin with it, "quốc tế thiếu nhi", "quốc tế lao động", "quốc khánh")
    if not (
        "tet" in f or "quoc" in f or "trung thu" in f or "gio to" in f or "giai phong" in f or "thong nhat" in f
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


# A holiday as the occasion of the work, not its deadline: "tạo điều kiện để Nhân dân đón Tết",
# "thăm, tặng quà Tết cho hộ nghèo", "chăm lo Tết cho người lao động", "vui Tết Trung thu",
# "treo cờ chào mừng ... Quốc khánh", "hàng hóa phục vụ Tết". Read as the words right before the
# holiday's name (or before "dịp"/"nhân dịp" in front of it).
_OCCASION_WORDS = frozenset({
    "don", "vui", "an", "choi", "chuc", "mung", "qua", "tang", "tham", "lo", "tri", "vu", "co", "huong",
    "thuong", "sam", "nghi", "khi", "neu", "mam", "banh", "hang", "phao", "hoa", "cho", "ve", "le",
})  # fmt: skip


def _occasion(scan: Scan, tail: Tail, start: int) -> bool:
    """Whether a holiday with no deadline word before it is the occasion of the work: nothing
    introduces it at all (a deadline is introduced: "trước Tết", "hoàn thành dịp 2/9"), or "dịp"
    introduces it after an occasion word ("tặng quà nhân dịp Tết")."""
    if tail.strength == BARE:
        return True
    if tail.strength < STRONG and ("nhan dip" in tail.words or "dip" in tail.words or "ngay" in tail.words):
        # "trong dịp Tết", "nhân dịp lễ Quốc khánh", "đảm bảo ANTT dịp Tết", "báo cáo tình hình trong
        # các ngày Tết", "treo cờ vào ngày Quốc khánh": during the holiday
        return True
    before = words_before(scan.f, tail.start, 3)
    if before[-1:] == ["va"] and "dip" in scan.clause_before(tail.start, 60).split():
        return True  # "dịp nghỉ lễ 30/4 - 1/5 và Lễ giỗ Tổ": one occasion covers both (D093-01)
    return any(w in _OCCASION_WORDS for w in before)


def _holiday_candidate(scan: Scan, start: int, end: int, holiday: str, year: int | None) -> None:
    tail = scan.tail(start)
    if tail.strength == REJECT or scan.past_narrative(tail):
        return
    if tail.strength < STRONG and _occasion(scan, tail, start):
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
    # "28.6-2017" (newspapers mix the separators before a full year): y4
    r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2})|[/.\-](?P<y4>(?:19|20)\d{2}))?"
    r"(?![\d])(?![/.\-]\d)"
)
_AMOUNT_AFTER = re.compile(r"\s*(?:ngay|tuan|thang|nam|gio|phut|%|ty|trieu|nghin|ngan|km|m|ha|lan)\b")
_WRITTEN_DATE = re.compile(
    r"(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\b(?!\s*[/.\-]\s*\d)"
    r"(?:\s*,?\s*nam\s+(?P<y>\d{4}|nay|toi|sau)\b)?"
)
_DAY_OF_THIS_MONTH = re.compile(r"ngay\s+(?P<d>\d{1,2})\s+(?:cua\s+)?thang\s+(?P<rel>nay|toi|sau)\b")
_DAY_ONLY = re.compile(r"ngay\s+(?P<d>\d{1,2})\b(?!\s*(?:[/.\-]\s*\d|thang\b|nam\b|\d))")
_RECURRING_SUFFIX = re.compile(
    # "trước ngày 01 tháng 3 hàng năm", "... ngày 01 tháng 3 năm hàng năm" (a year left blank); in periodic
    # reporting rules, "trước ngày 10/07 của năm báo cáo", "trước ngày 10/01 của năm liền kề năm báo cáo"
    # (F129-01/02): every reporting year, as "trước ngày 15/12 hằng năm" (B121-02, B141-01/03).
    r"\s*,?\s*(?:cua\s+)?(?:(?:nam\s+)?(?:hang|moi|tung)\s+(?P<u>tuan|thang|quy|nam)"
    r"|thang\s+cuoi\s+(?:cua\s+)?(?:moi\s+|hang\s+)?(?P<q>quy)"
    # A standing reporting rule sets a day of every reporting period: "gửi trước ngày 10/07 của năm
    # báo cáo", "trước ngày 10/01 của năm liền kề năm báo cáo", "chậm nhất ngày 15 của tháng báo
    # cáo" (the period named is the report's, so it comes back each period). Class: F129-01,
    # F129-02, with the days of every period F133-01 ("ngày 07 hàng tháng"), E076-02/03 ("31/7 hằng năm").
    r"|(?<=cua\s)(?P<r>thang|quy|nam)\s+(?:bao\s+cao|lien\s+ke))\b"
)


# A start word next to a day ("kể từ", "từ", "bắt đầu từ", with a time of day between); not "tính
# từ" (the first day counted: "thời kỳ kiểm tra tính từ 1/1/2020") nor "tính đến".
_START_WORDS = frozenset({"ke tu", "tu", "bat dau tu"})
# What makes a start day the opening of a window: an end follows ("đến ngày 5/4", "- 30/4", "đến nay").
# ("đến khi có thông báo mới" is open-ended: no end.)
_WINDOW_GOES_ON = re.compile(r"\s*(?:[-–]|(?:cho\s+)?(?:den|toi)\b(?!\s+khi\b))")


# A time line: a line (a text, or a sentence of one) that opens with a label timing an activity, "Thời gian
# <việc> …" ("Thời gian tổ chức lấy ý kiến cử tri … ngày 3/10/2020, bắt đầu từ 7 giờ", D103-02; "Thời gian
# lấy ý kiến: từ ngày 17/3/2025 đến ngày 05/4/2025", W17's context; "Thời gian thực hiện: …", D114-02,
# F062-03, F002-02), or one naming a deadline, "Hạn cuối/Hạn chót/Hạn nộp …", "Thời hạn nộp/gửi/hoàn thành …"
# ("Hạn cuối nhận hồ sơ: 30/6/2021", B044-03). A day on that line is the activity's (v4d's labelling
# choices: "an event day of the work itself → date"), comma after it or not, where a day set off by a
# comma would otherwise read as a narrative time stamp; on a deadline label it is the deadline. "Thời gian
# tới / qua / vừa qua / gần đây / này" open no label ("Thời gian qua, ngày 5/1, các xã đã …"); "Trong thời
# gian <việc>" is a while (it does not open the line).
# The line starts at the text's start or after ";", "!", "?", a line break or ". " (a list marker "- ",
# "1. ", "a) " may come first) and runs to the next of them.
_TIME_LINE = re.compile(
    r"[\W\d]{0,6}(?:[a-z][.)][\W\d]{0,3})?"
    r"(?:thoi\s+gian\s+(?!(?:qua|vua|toi|gan|nay)\b)[a-z]"
    r"|(?P<due>han\s+(?:chot|cuoi|nop)|thoi\s+han\s+(?:nop|gui|hoan\s+thanh))\b)"
)


def _time_line(f: str, pos: int) -> re.Match[str] | None:
    """The label of the time line holding pos, if that line is one (see _TIME_LINE)."""
    if "thoi gian" not in f and "han c" not in f and "han n" not in f and "thoi han" not in f:
        return None  # cheap gate: most texts carry no such label
    rfind = f.rfind
    line = max(rfind(";", 0, pos), rfind("\n", 0, pos), rfind("!", 0, pos), rfind("?", 0, pos), rfind(". ", 0, pos))
    return _TIME_LINE.match(f, line + 1)


# What a clause-opening day stamp is followed by when it sets a day for an obligation, not a report.
_OBLIGED_AFTER = re.compile(
    r"\s*,(?:(?!\b(?:da|vua|duoc|cho\s+biet|cho\s+hay|co\s+(?:van\s+ban|cong\s+van)|ban\s+hanh)\b)[^.;:!?\n]){0,60}?\b(?:phai|co\s+trach\s+nhiem|can(?!\s+cu))\b"
)


def _start_day(tail: Tail) -> bool:
    return tail.strength == REJECT and tail.words[0] in _START_WORDS


# A list of days under one "ngày" (LABELLING.md §15 and §C: the work's days, the last governs): "treo cờ
# Tổ quốc trong các ngày: 30/4/2020, 01/5/2020" (CJ06: the comma after the first day was read as a narrative
# stamp, "Ngày 28/5, UBND …", and the second day, with no word before it, as a clause's stamp: no deadline
# at all); the same class with "và" ("các ngày 30/4/2020 và 01/5/2020", read) and with the month shared
# ("ngày 11, 12/10", J066-04; "cho học sinh nghỉ học ngày 18 và 19.9", D099-01: the dotted second day had no
# trigger word and was dropped). A comma followed by another day continues the list (no narrative stamp); a
# day right after "ngày <day>," or "ngày <day> và" is an item of it and is read as its head is, so that
# _merge_ranges joins them and the later day governs. A list at a clause's start stays a stamp, and a cited
# document's list of days stays cited ("Công văn số 12 ngày 10/4/2020, 15/4/2020").
_LIST_GOES_ON = re.compile(r"\s*[,;]\s*(?:ngay\s+)?[0-9]{1,2}\s*[/.\-]\s*[0-9]")
_LIST_ITEM_BEFORE = re.compile(
    r"ngay\s*:?\s*(?:[0-9]{1,2}(?:\s*[/.\-]\s*[0-9]{1,4}){0,2}\s*(?:[,;]|\s+va\b)\s*)+$"
)


def _date_candidate(
    scan: Scan, start: int, end: int, due: date | None, *, has_year: bool, has_ngay: bool
) -> None:
    """Score a calendar-day expression at [start, end) resolved to `due`."""
    tail = scan.tail(start)
    ngay = has_ngay or (bool(tail.words) and tail.words[-1] == "ngay")
    head = _LIST_ITEM_BEFORE.search(scan.f, max(0, start - 40), start) if not tail.words else None
    in_list = head is not None
    if head is not None:  # an item of a list of days: read as its head is read
        tail = scan.tail(head.start())
        ngay = True
    suffix = _RECURRING_SUFFIX.match(scan.f, end)
    if suffix is not None:  # "trước ngày 20 hằng tháng", "ngày 15/12 hằng năm"
        cadence = Cadence.QUARTERLY if suffix["q"] else _CADENCE_UNITS[suffix["u"] or suffix["r"]]
        scan.take(start, suffix.end())
        if tail.strength != REJECT:
            scan.add(Candidate(RECURRING, tail.start, suffix.end(), S_RECURRING, cadence=cadence))
        return
    scan.take(start, end)
    if due is not None and _start_day(tail) and due >= scan.today and not _WINDOW_GOES_ON.match(scan.f, end):
        # "tạm dừng đến trường kể từ ngày 12/05", "Thời gian thực hiện kể từ 00 giờ ngày 23/4 cho đến
        # khi có thông báo mới", "từ chiều 10/05, Cục QLTT chỉ đạo …": the day a measure takes effect is
        # the day it must be in place (labelled `date`), below any stated deadline. A window ("từ ngày A
        # đến ngày B") is its end's; a past start day ("kể từ ngày 1/3, đã …") is a report.
        # Class: E002-01, F002-02, F115-01.
        scan.add(Candidate(DATE, tail.start, end, S_START, due))
        return
    if due is None or tail.strength == REJECT or scan.past_narrative(tail):
        return
    if tail.strength >= WITHIN:
        if tail.words[0] == "toi" and _evening_stamp(scan, tail, end):
            return
        if ngay and "trong" in tail.words:  # "trong ngày 15/12": that day
            tail = tail._replace(strength=STRONG)
        score = score_period(scan, tail, due, end)
        if score is not None:
            scan.add(Candidate(DATE, tail.start, end, score, due))
        return
    # No deadline word: a date of a cited document, of a meeting, of a narrated event — or of a
    # future event the work must be ready for ("kỳ họp dự kiến tổ chức vào ngày 26/12").
    vao = "vao" in tail.words or "vao luc" in tail.words
    if not vao and tail.words in ((), ("ngay",)) and bracketed_named_day(scan.f, tail.start):  # "vào ngày X (1-4)"
        vao = ngay = True  # (branch deadm, deadline_round10)
    # "tiến hành dọn vệ sinh vào lúc 16h chiều thứ bảy ngày 27/12" written on 27/12: the work is
    # set for that very day.
    if not (ngay or has_year) or due < scan.today or (due == scan.today and not vao):
        return
    if OF_AFTER.match(scan.f, end) or (not vao and cited_before(scan.f, tail.start)):
        return  # "Thông báo số 16/TB ngày 24/2 của Sở", "tại cuộc họp ngày 10/12"
    if reported_day(scan.f, end):  # "vào ngày 07/7 đã xảy ra …" (branch deadl8, deadline_round8)
        return
    label = _time_line(scan.f, tail.start)
    if label is not None:  # "Thời gian tổ chức … ngày 3/10/2020, bắt đầu từ 7 giờ": the activity's day
        scan.add(Candidate(DATE, tail.start, end, S_STRONG if label["due"] else S_FUTURE_EVENT, due))
        return
    listed = in_list or _LIST_GOES_ON.match(scan.f, end) is not None  # "các ngày: 30/4/2020, 01/5/2020"
    if not vao and (scan.at_clause_start(tail.start) or (scan.stamp_break_after(end) and not listed)):
        if scan.stamp_break_after(end) and _OBLIGED_AFTER.match(scan.f, end):
            # "Ngày 1/5, 63 tỉnh, thành phố phải gửi đề án …": a day set for what someone must do (D119-01),
            # where the stamps of narratives report ("Ngày 23.12, ông … cho biết đã ký …": A031-01,
            # B064-01, D048-01, E030-01, D065-01).
            scan.add(Candidate(DATE, tail.start, end, S_FUTURE_EVENT, due))
        return  # "Ngày 28/5, UBND TP đã có công văn ...": a narrative time stamp
    if vao and _stamps_a_report(scan, end):
        return
    scan.add(Candidate(DATE, tail.start, end, S_FUTURE_EVENT if vao else S_BARE_FUTURE, due))


def _holiday_day(scan: Scan, m: re.Match[str], tail: Tail) -> bool:
    """'trước 30/4', 'dịp 2/9': a fixed-day holiday named by its day. True when handled."""
    key = _FIXED_HOLIDAY_DAYS.get((int(m["d"]), int(m["m"])))
    if key is not None and not _year_of(m) and "nghi" in scan.f and holiday_day_off(scan.f, m.start()):
        scan.take(m.start(), m.end())  # "chỉ nghỉ 2 ngày 30/4 và 1/5": the holiday's own day off (deadl9, §30.3)
        return True
    if key is None or _year_of(m) or not tail.words or tail.words[-1] == "ngay":
        return False
    if m["d"][0] == "0" or m["m"][0] == "0":  # "02/09" is written as a calendar day, "2/9" names the day
        return False
    if not {"truoc", "dip", "nhan dip", "le"} & set(tail.words):
        return False
    scan.take(m.start(), m.end())
    if tail.strength < STRONG and _occasion(scan, tail, m.start()):
        # A holiday named by its day is an occasion as one named by its name ("trong dịp Tết", B095-02,
        # B100-02, B145-01): "kiểm tra thị trường dịp nghỉ lễ 30/4 - 1/5" (D093-01; A028-01's context
        # "trong dịp nghỉ Lễ 30/4 – 1/5"), "trực trong dịp 2/9"; "hoàn thành dịp 2/9" is a deadline.
        return True
    due = dd.day_before_holiday(key, scan.today)
    if due is None:
        return True
    scan.add(Candidate(HOLIDAY, tail.start, m.end(), S_STRONG if "truoc" in tail.words else S_WITHIN, due))
    return True


def _numeric_dates(scan: Scan) -> None:
    f = scan.f
    for m in scan.digit_matches(_NUMERIC_DATE, _AFTER_DAY, 2):
        tail = scan.tail(m.start())
        if _holiday_day(scan, m, tail):
            continue
        has_year = _year_of(m) is not None
        ngay = "ngay" in tail.words or _start_day(tail)  # "từ chiều 10/05": a day, as "ngày 10/05"
        if not tail.words and _LIST_ITEM_BEFORE.search(f, max(0, m.start() - 40), m.start()) is not None:
            ngay = True  # "các ngày 12/5, 13/5": an item of a list of days
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
    for m in scan.digit_matches(_WRITTEN_DATE, _AFTER_WORD, 2):
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


# A window written with a dash instead of "đến": "từ ngày 01 - 15/12/2024", "từ 01-15/12/2024", "từ
# 25/11 - 15/12/2024", "Thời gian lấy ý kiến từ 15/12/2024 - 15/01/2025" are "từ ngày A đến ngày B": due
# B, as the corpus labels the windows spelt with "đến" (A028-01 "từ ngày 30/4/2020 đến hết ngày
# 03/5/2020", B133-01/B133-02 "từ ngày 26 đến ngày 28.6-2017", W17-03 "Thời gian lấy ý kiến: từ ngày
# 17/3/2025 đến ngày 05/4/2025"). Read before single dates: the dash ends the tail of B and "15/12"
# right after "01-" is not even a number start, so the end of the window was lost.
_DASH_WINDOW = re.compile(
    r"tu\s+(?:ngay\s+)?[0-9]{1,2}(?:\s*[/.\-]\s*[0-9]{1,2}(?:\s*[/.\-]\s*[0-9]{2,4})?)?\s*[-–]\s*(?:ngay\s+)?"
    r"(?P<d>[0-9]{1,2})(?P<sep>[/.\-])(?P<m>[0-9]{1,2})(?:(?P=sep)(?P<y>[0-9]{4}|[0-9]{2}))?(?![0-9])(?![/.\-][0-9])"
)
_WINDOW_TAIL = Tail(0, ("den",), STRONG)


def _dash_windows(scan: Scan) -> None:
    f = scan.f
    if ("-" not in f and "–" not in f) or "tu " not in f:
        return
    for m in scan.matches(_DASH_WINDOW):
        scan.take(m.start(), m.end())
        due = _resolve_day_month(m, scan.today)
        if due is None:
            scan.invalid.append(InvalidDate(m.start("d"), m.end()))
            continue
        score = score_period(scan, _WINDOW_TAIL._replace(start=m.start()), due, m.end())
        if score is not None:
            scan.add(Candidate(DATE, m.start(), m.end(), score, due))


def _dates(scan: Scan) -> None:
    if not scan.has_digit:
        return
    _dash_windows(scan)
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


# A weekly cadence that names the days of a rest schedule, not how often the work is done: "không thực hiện lịch
# nghỉ cố định hai ngày thứ bảy và chủ nhật hằng tuần" (J043-01; J041-02, CJ04 the same schedule in other
# documents) — the cadence belongs to the noun "lịch nghỉ" (§24: a cadence qualifying a noun is not the task's).
# Read back from the weekday over the words that describe the days ("cố định", "2 ngày", "thứ bảy và") to a
# rest schedule's head ("lịch nghỉ", "chế độ nghỉ", "ngày nghỉ"). "thứ Bảy hàng tuần" said of the action
# ("trực cơ quan sáng thứ Bảy hằng tuần") stays recurring.
_REST_HEADS = frozenset({"lich", "do", "ngay"})
_REST_DAYS_WORDS = frozenset({
    "co", "dinh", "2", "02", "hai", "ngay", "cac", "vao", "la", "thu", "bay", "7", "sau", "6", "va", "chu", "nhat",
    "sang", "chieu",
})  # fmt: skip


def _rest_schedule_days(f: str, start: int) -> bool:
    """Whether the weekday at `start` is one of the days of a rest schedule named before it ("lịch nghỉ cố
    định hai ngày thứ bảy và chủ nhật")."""
    toks = tokens_before(f, start, 80, 12)
    for i in range(len(toks) - 1, 0, -1):
        if toks[i] == "nghi" and toks[i - 1] in _REST_HEADS:
            return True
        if toks[i] not in _REST_DAYS_WORDS:
            return False
    return False


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
            if _rest_schedule_days(scan.f, m.start()):
                continue
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


# "hàng tháng" naming a kind of report or meeting the work goes into, not how often it is done:
# "đưa nội dung này vào báo cáo hàng tháng", "lồng ghép trong báo cáo hàng quý", "báo cáo tại cuộc
# họp giao ban hàng tuần", "lồng ghép vào nội dung giao ban hàng tuần", "thực hiện theo kế hoạch hằng
# năm", "đưa vào kế hoạch công tác hàng năm". The noun comes right before "hàng X", possibly after the
# head of a longer noun phrase ("nội dung", "chế độ", "kế hoạch") and determiners, and a place
# preposition (or "theo") before it all. ("Các xã báo cáo tiến độ hàng tháng", "thực hiện ... đánh giá
# cán bộ hàng tháng": the action recurs.)
_CADENCED_NOUNS = frozenset({
    "bao cao", "giao ban", "hop", "ban tin", "so lieu", "chuong trinh", "ke hoach", "lich", "cong tac",
})  # fmt: skip
_NOUN_OPENERS = frozenset({"cuoc", "phien", "buoi", "ky", "cac", "nhung", "hop"})
_NOUN_HEADS = frozenset({"noi dung", "che do", "ke hoach", "chuong trinh", "bao cao", "lich"})
_PLACE_PREPOSITIONS = frozenset({"vao", "trong", "tai", "o", "qua", "theo"})


def _qualifies_a_noun(f: str, start: int) -> bool:
    toks = tokens_before(f, start, 80, 10)  # "tại các cuộc họp giao ban hàng tháng": room for the openers
    for n in (2, 1):
        if len(toks) > n and " ".join(toks[-n:]) in _CADENCED_NOUNS:
            i = len(toks) - n - 1
            break
    else:
        return False
    while i > 0:
        if toks[i] in _NOUN_OPENERS:
            i -= 1
        elif i > 1 and f"{toks[i - 1]} {toks[i]}" in _NOUN_HEADS:
            i -= 2
        else:
            break
    return toks[i] in _PLACE_PREPOSITIONS


def _every(scan: Scan, pattern: re.Pattern[str]) -> None:
    """ "hàng tháng", "mỗi tuần", "từng quý"."""
    f = scan.f
    for m in scan.matches(pattern):
        if words_before(f, m.start(), 1) == ["ngay"] and m["u"] == "ngay":
            continue
        if hang_of_a_noun(f, m.start(), m.end()):  # (deadaudit) "ngân hàng năm 2026": a noun's «hàng», a named period
            scan.take(m.start(), m.start() + 4)
            continue
        if (
            _qualifies_a_noun(f, m.start())
            or cadence_not_of_task(f, m.start(), m.end())
            or (m["u"] == "ngay" and daily_hours_of_a_noun(f, m.start()))  # (deadq) "khung giờ 11-14h hàng ngày"
        ):
            scan.take(m.start(), m.end())  # (branch deadm, deadline_round10: "ngày nghỉ hằng tuần", "so với mọi năm")
            continue
        start = _with_periodic(scan, m.start())
        scan.take(start, m.end())
        scan.add(Candidate(RECURRING, start, m.end(), S_RECURRING, cadence=_CADENCE_UNITS[m["u"]]))


def _recurrings(scan: Scan) -> None:
    f = scan.f
    hang, moi, tung = "hang " in f, "moi " in f, "tung " in f
    if hang or moi:  # "tuần đầu mỗi tháng", "tháng cuối hằng quý" need "mỗi"/"hằng" too
        for keys, pattern, cadence in _PARTS_OF_PERIODS:
            if keys[0] in f or keys[1] in f:
                for m in scan.matches(pattern):
                    scan.take(m.start(), m.end())
                    scan.add(Candidate(RECURRING, m.start(), m.end(), S_RECURRING, cadence=cadence))
    if hang:
        _every(scan, _EVERY[0])
    if moi:
        _every(scan, _EVERY[1])
    if tung:
        _every(scan, _EVERY[2])
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
            prev = prev_word(f, start)[0]
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


def _bare(word: str) -> str:
    """A period word with no number, only after "cuối", "hết" or "trong" (checked in the regex, so
    that "quy định", "hàng tháng", "theo tháng" are passed over without Python work). Not when a number
    follows that the numbered readings refused: "trong quý 202" (an OCR-misread "quý I/2027"), "tháng
    13", "tuần 60" are no current period — a confident wrong date is worse than none, which the
    preview shows and asks for."""
    return rf"(?:(?<=cuoi {word})|(?<=het {word})|(?<=trong {word}))(?P<bare>\b)(?!\s*\d)"


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
    rf"|(?P<rel>nay|toi|sau|ke\s+tiep)\b)|{_bare('quy')})"
)


def _quarters(scan: Scan) -> None:  # (only where "quy" occurs: EXTRACTORS)
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
        bare_ok = bool(m["q"] or m["rel"]) and not last_words_in(scan.f, tail.start, QUALIFIER_WORDS)
        score = score_period(scan, tail, due, m.end(), clause_start_ok=bare_ok)
        if score is None and m["q"] and due >= today and _heads_the_work(scan, tail, m.end()):
            score = S_CLAUSE_START
        if score is not None:
            scan.add(Candidate(QUARTER, tail.start, m.end(), score, due))


def _month_end_before(end: date, months: int) -> date:
    year, month = dd.shift_month(end.year, end.month, -months)
    return dd.month_end(year, month)


_MONTH = re.compile(
    r"thang(?:\s+(?:(?P<m>1[0-2]|0?[1-9])\b(?!\s*[/.\-]\s*\d{1,2}(?:\D|$))"
    r"(?:\s*(?:[/.\-]|,?\s*nam)\s*(?P<y>(?:19|20)\d{2}|nay|toi|sau|ngoai|truoc)\b)?"
    rf"|(?P<rel>nay|toi|sau|ke\s+tiep|truoc|qua)\b)|{_bare('thang')})"
)


def _months(scan: Scan) -> None:  # (only where "thang" occurs: EXTRACTORS)
    today = scan.today
    for m in scan.matches(_MONTH):
        if (m["rel"] and _counted(scan, m.start())) or not _bare_period_ok(scan, m):
            continue  # "6 tháng sau": a duration
        scan.take(m.start(), m.end())
        if m["rel"] in ("truoc", "qua") or PAST_AFTER.match(scan.f, m.end()):
            continue
        tail = scan.tail(m.start())
        try:
            if m["m"]:
                month = int(m["m"])
                year = _year(m["y"], today)
                due = dd.month_end(year, month) if year else dd.next_month_end(month, today)
            elif m["rel"]:
                year, month = dd.shift_month(today.year, today.month, 0 if m["rel"] == "nay" else 1)
                due = dd.month_end(year, month)
            else:
                due = dd.month_end(today.year, today.month)
        except ValueError:
            continue  # "tháng sau" read in December 9999: a day past the calendar is no deadline
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
        bare_ok = bool(m["m"] and (m["y"] or _scopes_clause(scan, m.end()))) and not last_words_in(
            scan.f, tail.start, QUALIFIER_WORDS
        )
        score = score_period(scan, tail, due, m.end(), clause_start_ok=bare_ok)
        if score is None and m["m"] and due >= today and _heads_the_work(scan, tail, m.end()):
            score = S_CLAUSE_START
        if score is None and "vao" in tail.words and due > today and (kind is DATE or m["m"] or m["rel"]):
            # "triển khai vào tuần đầu tháng 01/2021", "hoàn thiện các tiêu chí vào tháng 11 sắp
            # tới": the work is set in that future month, as an event is on its day.
            score = S_FUTURE_EVENT
        if score is not None:
            scan.add(Candidate(kind, tail.start, m.end(), score, due))


_PART_OF_MONTH = re.compile(
    r"(?:(?P<week>tuan)\s+dau|(?P<n>[0-9]{1,2})\s+ngay\s+dau|(?P<mid>giua))\s+(?:cua\s+)?$"
)
_YEAR = re.compile(
    r"nam(?:\s+(?:(?P<y>(?:19|20)\d{2})\b(?!\s*[-–]\s*\d)|(?P<rel>nay|toi|sau|ke\s+tiep)\b)"
    r"|(?:(?<=cuoi nam)|(?<=het nam)|(?<=trong nam))\b(?!\s+(?:hoc|tai\s+chinh|ngay|thang|tuan|\d)))"
)
_BARE_YEAR_TRIGGERS = frozenset({"cuoi", "het", "trong"})


# A giao ban's section on the work of a period: "Về công tác tháng 7/2018, đồng chí Giám đốc ... nhấn mạnh
# một số nhiệm vụ" (E018-01, and E018-02 through its lead-in), "một số nội dung trọng tâm tháng 8/2019 như
# sau:" (v4e's labelling choices) scope each task to that period, as a period opening the sentence does
# ("Trong tháng 9/2017, ...", A001-01; "Trong tháng 9, Chi bộ ...", B040-01). The noun before the period
# ("công tác", "nhiệm vụ") would otherwise make it a qualifier ("báo cáo tháng 2").
_ABOUT_WORK_OF = re.compile(r"(?:^|[.;:!?\n(]\s*|^\s*[-+*•–]\s*)ve\s+(?:cong\s+tac|nhiem\s+vu|noi\s+dung)\s+$")
_WORK_OF_HEADING = re.compile(
    r"(?:cong\s+tac|nhiem\s+vu|noi\s+dung)(?:\s+(?:trong\s+tam|chu\s+yeu|chinh))?\s+$"
)
_HEADING_END = re.compile(r"\s*(?:nhu\s+sau|sau\s+day|cu\s+the)?\s*:")


def _heads_the_work(scan: Scan, tail: Tail, end: int) -> bool:
    """Whether the period at [tail.start, end) heads the work of a section ("Về công tác tháng 7/2018,",
    "nhiệm vụ trọng tâm tháng 8/2019 như sau:"). Only a period with no trigger word."""
    if tail.words:
        return False
    f = scan.f
    lo = max(0, tail.start - 40)
    if _ABOUT_WORK_OF.search(f, lo, tail.start) is not None:
        return (f.startswith(",", end) and not scan.reports_after(end)) or _HEADING_END.match(f, end) is not None
    return _WORK_OF_HEADING.search(f, lo, tail.start) is not None and _HEADING_END.match(f, end) is not None


def _scopes_clause(scan: Scan, end: int) -> bool:
    """A period that opens its sentence, set off by a comma, and what follows is not a report of
    what was done: "Năm 2024, UBND các xã tập trung ...", "Tháng 12, các tổ dân phố rà soát ..."
    scope the work to that period (not "Năm 2023, toàn huyện đã có 5 xã đạt chuẩn"); "này" may point at it
    ("Năm 2018 này, xã … phải hoàn thành …", G100-01)."""
    if scan.f.startswith(" nay", end) and not scan.f[end + 4 : end + 5].isalnum():
        end += 4
    return scan.f.startswith(",", end) and not scan.reports_after(end)


# The year-end as a season the work happens in, not a limit (§21 of tests/data/LABELLING.md, like "trong những
# tháng mùa mưa"): "thúc đẩy tiêu dùng trong dịp cuối năm" (J072-02), "nhu cầu tiền mặt tăng cao vào dịp cuối năm"
# (J062-01), "triển khai các phương án phòng, chống lụt, bão trong những tháng cuối năm" (D090-03). "dịp" or
# "những / các tháng" before "cuối năm" names a stretch of time; a deadline word before it still sets a limit
# ("hoàn thành trước dịp cuối năm", "xong trong những tháng cuối năm"), and a count does too ("trong 3 tháng
# cuối năm": a quarter, read by _months).
_SEASON_MONTHS = (["nhung", "thang"], ["cac", "thang"])
_SEASON_KEEPS = frozenset({"truoc", "den truoc", "xong", "hoan thanh", "hoan tat", "cham nhat", "han", "den het"})
_COMPLETION_WORDS = ("hoan thanh", "hoan tat", "xong", "dut diem")


def _year_end_season(scan: Scan, tail: Tail) -> bool:
    """Whether the "cuối năm" that `tail` ends with is the year-end season ("dịp cuối năm", "những tháng cuối
    năm") with no deadline word setting a limit before it."""
    words = tail.words
    if not words or words[-1] != "cuoi":
        return False
    if "dip" in words[:-1]:
        at = tail.start
        outer = words[:-1]
    else:
        if len(words) > 1:
            return False
        month, at = prev_word(scan.f, tail.start)
        which, at = prev_word(scan.f, at)
        if [which, month] not in _SEASON_MONTHS:
            return False
        outer = scan.tail(at).words
    if _SEASON_KEEPS.intersection(outer):
        return False
    clause = scan.clause_before(at, 80)
    return not any(word in clause for word in _COMPLETION_WORDS)  # "hoàn thành quyết toán trong những tháng cuối năm"


def _years(scan: Scan) -> None:  # (only where "nam" occurs: EXTRACTORS)
    today = scan.today
    for m in scan.matches(_YEAR):
        bare = not (m["y"] or m["rel"])
        if bare and prev_word(scan.f, m.start())[0] not in _BARE_YEAR_TRIGGERS:
            continue  # "Việt Nam", "miền Nam", "năm" as a count: cheap exit before reading the tail
        if m["rel"] and _counted(scan, m.start()):
            continue
        tail = scan.tail(m.start())
        if bare:
            # "cuối năm", "đến hết năm" anywhere; "trong năm" only closing the clause.
            closing = _CLOSING_AFTER.match(scan.f, m.end()) is not None
            if not ({"cuoi", "het", "den het"} & set(tail.words) or (closing and tail.strength >= WITHIN)):
                continue
            if len(tail.words) == 1 and tail.words[0] == "trong" and year_of_a_noun(  # (speed14: its one case first)
                tail.words, scan.clause_before(tail.start, 120)
            ):
                continue  # (deado) "tổng số ngày làm việc trong năm": the noun's year, no limit
        scan.take(m.start(), m.end())
        if _year_end_season(scan, tail):
            continue
        core = [w for w in tail.words if w not in FILLER_WORDS]
        if core and core[-1] in ("den", "toi") and not bare:
            continue  # "định hướng đến năm 2030", "phấn đấu đến năm 2025": a horizon
        # A target's horizon ("mục tiêu … năm 2025", "định hướng phát triển năm 2030") is no deadline, but a
        # target set within a year or by its end is ("phấn đấu hoàn thành xuất sắc nhiệm vụ trong năm 2022",
        # "mục tiêu có ít nhất 3.000 km đường cao tốc vào cuối năm 2025"): the trigger words decide, not the
        # horizon word. Class: G012-01 (trong), F008-01 (vào cuối), X004-01 (bare: "mục tiêu hoàn thành
        # các chỉ tiêu năm 2025", none).
        if tail.strength < WITHIN:
            clause = scan.clause_before(tail.start)
            if any(w in clause for w in HORIZON_WORDS):
                continue
        if m["y"]:
            year = int(m["y"])
        elif m["rel"]:
            year = today.year + (m["rel"] != "nay")
        else:
            year = today.year
        due = dd.year_end(year - 1 if tail.before else year)
        score = score_period(scan, tail, due, m.end(), clause_start_ok=bool(m["y"]) and _scopes_clause(scan, m.end()))
        if score is not None:
            scan.add(Candidate(YEAR, tail.start, m.end(), score, due))


_WEEK = re.compile(rf"tuan(?:\s+(?P<rel>nay|toi|sau|ke\s+tiep|truoc|qua|vua\s+qua)\b|{_bare('tuan')})")


def _weeks(scan: Scan) -> None:  # (only where "tuan" occurs: EXTRACTORS)
    for m in scan.matches(_WEEK):
        if _counted(scan, m.start()) or not _bare_period_ok(scan, m):
            continue  # "2 tuần sau"
        if m["rel"] in ("truoc", "qua", "vua qua"):
            scan.take(m.start(), m.end())  # "tại hội nghị vào cuối tuần trước": a past week dates an event
            continue
        tail = scan.tail(m.start())
        if m["rel"] is None and tail.strength < WITHIN:
            continue
        scan.take(m.start(), m.end())
        if tail.strength == REJECT or scan.past_narrative(tail):
            continue
        ahead = 0 if m["rel"] in (None, "nay") else 1
        note = None
        if ahead == 0 and scan.today.weekday() >= dd.SATURDAY:
            # "Nộp báo cáo trong tuần này" written on a Saturday or Sunday: the week's working days
            # are over, so the writer means the coming working week (SPEC, deadline table); the
            # answer says so (note).
            ahead, note = 1, WEEKEND_WEEK
        due = max(dd.week_friday(scan.today, ahead), scan.today)
        if tail.strength == STRONG:
            score = S_STRONG
        elif tail.strength == WITHIN:
            score = S_WITHIN
        elif last_words_in(scan.f, m.start(), QUALIFIER_WORDS):
            continue  # "lịch công tác tuần tới"
        else:
            score = S_CLAUSE_START
        scan.add(Candidate(WEEK_KIND, tail.start, m.end(), score, due, note=note))


_NEAR_DAY = re.compile(
    r"(?:ngay\s+)?hom\s+nay\b|(?:ngay|sang|chieu|toi)\s+(?P<mai>mai)\b|ngay\s+(?P<kia>kia)\b"
    rf"|trong\s+ngay{_CLOSING}"
)


# Round the clock ("trực 24/24 giờ trong ngày", "đảm bảo 24/24h trong ngày") says how a duty runs,
# not when it is due ("báo cáo trước 17 giờ trong ngày" is due that day: only "24/24" here).
# Class: D056-02, D057-01 (two documents; the reading of "24/24" admits no other sense).
_HOURS_OF_THE_DAY = re.compile(r"24\s*/\s*24\s*(?:gio|h)?\s*$")


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
        if m.group().startswith("trong") and _HOURS_OF_THE_DAY.search(f, max(0, m.start() - 24), m.start()):
            continue  # "trực 24/24 giờ trong ngày": round the clock, every day
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
    r"truoc\s+(?:khi\s+(?P<event>[^.;,\n]{1,60})"
    r"|(?:mua\s+[a-z]+(?:\s+(?:bao|lu|kho|mua))?|ky\s+hop|phien\s+hop|cuoc\s+hop|buoi\s+hop"
    r"|hoi\s+nghi|dai\s+hoi|dot\s+[a-z]+|thoi\s+diem\s+[^.;,\n]{1,40}|ky\s+thi|nam\s+hoc\s+moi|bau\s+cu"
    r"|le\s+hoi|ngay\s+khai\s+giang)\b)"
)
_RIGHT_AFTER = re.compile(r"ngay\s+(?:sau\s+)?khi\s+(?P<event>[^.;,\n]{1,60})")


def _event_anchors(scan: Scan, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of an anchor pattern at a word start whose words up to the event ("trước khi", "ngay sau
    khi") are free: the event itself may hold an expression read before, an occasion above all ("ngay
    sau khi kết thúc thời gian nghỉ Tết", E080-02; "ngay tied to a future event → relative", v4d's and
    v4e's labelling choices), which it swallows; any other expression read there (a quoted title, a date)
    ends the anchor's chance ("Ngay sau khi báo đăng bài “…”, ngày 17.11, X có văn bản": D068-01)."""
    f = scan.f
    for m in pattern.finditer(f):
        start, end = m.span()
        head_end = m.start("event") if m["event"] is not None else end
        if (
            (start == 0 or not f[start - 1].isalnum())
            and scan.free(start, head_end)
            and all(e <= head_end or s >= end or f.startswith(_HOLIDAY_KEYS, s) for s, e in scan.taken)
        ):
            yield m


_HOLIDAY_KEYS = tuple(key for key, _, _ in _HOLIDAY_NAMES)
_WINDOW = re.compile(
    r"thoi\s+gian\s+"
    r"(?!(?:toi|qua|som|ngan|nhanh|gan|dai|nay|vua|sap|con\s+lai|quy\s+dinh|cho\s+phep|nhat\s+dinh|den"
    r"|truoc|hien\s+nay|cua|theo|thuc\s+hien\s+nhiem\s+vu)\b)"
    r"(?P<what>[a-z][^.;,\n]{2,60})"
)
_ANAPHORA = re.compile(r"\s+(?:neu\s+tren|tren|noi\s+tren|nay)$")


# The next meeting as the time to answer or report: "trả lời trong kỳ họp tiếp theo", "báo cáo
# tại phiên họp thường kỳ tới", "báo cáo kết quả tại cuộc họp giao ban lần sau". A deadline we
# cannot date, like "trước kỳ họp".
_NEXT_MEETING = re.compile(
    r"(?:ky\s+hop|phien\s+hop|cuoc\s+hop|buoi\s+hop|buoi\s+giao\s+ban|hoi\s+nghi)"
    r"(?:\s+(?:giao\s+ban|thuong\s+ky|thuong\s+le|hdnd|ubnd))?(?:\s+lan)?\s+(?:tiep\s+theo|toi|sau|ke\s+tiep|gan\s+nhat)\b"
)
_MEETING_PLACE_WORDS = frozenset({"trong", "tai", "o"})


def _anchors(scan: Scan) -> None:
    """Event anchors: a deadline we cannot date ('trước khi trình', 'trước mùa mưa bão', 'trong kỳ
    họp tiếp theo')."""
    f = scan.f
    if ("hop " in f or "hoi nghi" in f) and (
        "toi" in f or "sau" in f or "tiep theo" in f or "ke tiep" in f or "gan nhat" in f
    ):
        for m in scan.matches(_NEXT_MEETING):
            prev, at = prev_word(f, m.start())
            if prev in _MEETING_PLACE_WORDS:
                scan.take(at, m.end())
                scan.add(Candidate(RELATIVE, at, m.end(), S_ANCHOR))
    if "truoc" in f:
        for m in _event_anchors(scan, _BEFORE_EVENT):
            scan.take(m.start(), m.end())
            if not _stamps_a_report(scan, m.end()):
                scan.add(Candidate(RELATIVE, m.start(), m.end(), S_ANCHOR))
    if "khi" in f:
        for m in _event_anchors(scan, _RIGHT_AFTER):
            scan.take(m.start(), m.end())
            if not _stamps_a_report(scan, m.end()):
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
            if named == what:
                # "trong thời gian diễn ra hội nghị", "Trong thời gian học sinh ở trường:" (CE06), "trong
                # thời gian bầu cử" (B052-01), "trong thời gian sát Tết" (E035-01): a while, not a deadline;
                # a window is one when it points back to a period defined before ("Trong thời gian lấy ý
                # kiến nêu trên", W17-03), whose end the context gives.
                continue
            scan.take(start, m.end())
            score = S_SCOPED_WINDOW if heading else S_WINDOW
            what = named
            scan.add(Candidate(RELATIVE, start, m.end(), score, window=what))


# "ngày" (day) and "ngay" (at once) fold alike; the words around tell them apart. A day is
# counted, determined or introduced ("10 ngày", "các ngày", "trước ngày"), or names one ("ngày
# mai", "ngày lễ", "ngày thành lập"); "ngay" follows a verb ("khắc phục ngay", "triển khai ngay").
# ("một số ngày tới" counts days too: E066-01, as "vài ngày", "nhiều ngày".)
_DAY_PREV_WORDS = frozenset({
    "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi", "vai", "nhieu", "may", "cac", "so",
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
    "dang", "chuyen", "cang",
})  # fmt: skip
# "ngay" (at once) before "toàn bộ" / "toàn thể" reads as "ngày toàn ..." ("Ngày toàn dân ..."):
# "cày ải ngay toàn bộ diện tích", "tiêm ngay toàn bộ đàn gia súc" are immediate.
_AT_ONCE_BEFORE = re.compile(r"\s+toan\s+(?:bo|the)\b")
_IMMEDIATE = tuple(
    (word, re.compile(pattern))
    for word, pattern in (
        # "ngày 15", "ngày làm việc", "ngày lễ"...: days, passed over in the regex itself.
        ("ngay", r"ngay(?:\s+lap\s+tuc|(?!\s*(?:[0-9]|(?!toan\s+(?:bo|the)\b)(?:"
                 + "|".join(sorted(_DAY_NEXT_WORDS)) + r")\b)))"),
        ("lap tuc", r"lap\s+tuc"),
        ("tuc thi", r"tuc\s+thi"),
    )
)
_NEXT_WORD = re.compile(r"\s*([a-z0-9]+)")


# A count right before "ngày" makes it a day even in brackets: "chậm nhất đến ngày 13/4 (40 ngày
# trước ngày bầu cử)" is no "ngay" (at once). Class: F089-01, B122-01 ("mười (10) ngày", read by
# _durations), with E066-01's "một số ngày" (_DAY_PREV_WORDS).
_COUNT_OPENERS = "(["


def _is_day_word(scan: Scan, start: int, end: int) -> bool:
    f = scan.f
    prev, at = prev_word(f, start)
    if prev and (prev.isdigit() or prev in _DAY_PREV_WORDS):
        return True
    if not prev and f[at : at + 1] in _COUNT_OPENERS and f[at + 1 : start].strip().isdigit():
        return True
    nxt = _NEXT_WORD.match(f, end)
    if nxt is not None and (nxt[1][0].isdigit() or nxt[1] in _DAY_NEXT_WORDS):
        return _AT_ONCE_BEFORE.match(f, end) is None
    if prev and f"{prev_word(f, at)[0]} {prev}" in _DAY_PREV_PAIRS:
        return True
    return scan.at_clause_start(start)  # "Ngày đăng ...": the adverb "ngay" never opens a clause


# A response set for when something happens is no deadline of the task (corpus v4d conventions:
# D057-01 "khi xảy ra cháy phải … dập tắt ngay", D046-01 "xử lý ngay từ giờ đầu … khi vừa phát sinh").
_CONTINGENCY = re.compile(r"\bkhi\s+(?:vua\s+|co\s+)?(?:xay\s+ra|phat\s+sinh|phat\s+hien|co\s+su\s+co)\b")


def _immediates(scan: Scan) -> None:
    f = scan.f
    for word, pattern in _IMMEDIATE:
        if word not in f:
            continue
        for m in scan.matches(pattern):
            if not word_end(f, m.end()):
                continue
            if m.group() == "ngay" and _is_day_word(scan, m.start(), m.end()):
                continue
            if ("khi" in f and _CONTINGENCY.search(scan.clause_before(m.start(), 80))) or per_case(
                f, m.start(), m.end(), scan.clause_before(m.start(), 80)
            ) or conditional_response(f, m.start(), m.end()):  # (conv11) §31.6 each case; (deado) a condition's answer
                scan.take(m.start(), m.end())
                continue  # "khi xảy ra cháy phải huy động lực lượng dập tắt ngay": a standing response
            scan.take(m.start(), m.end())
            scan.add(Candidate(IMMEDIATE, m.start(), m.end(), S_IMMEDIATE))


Extractor = Callable[[Scan], None]
# Order matters: an expression's span is taken before later extractors could misread its parts. An extractor
# given a key word is only called on a text where the word occurs (it has nothing to read elsewhere).
EXTRACTORS: tuple[tuple[Extractor, str | None], ...] = (
    (_doc_numbers, None),  # "29/QĐ-UBND", "giai đoạn 2021-2025": never dates
    (_parts_of_year, None),  # "6 tháng đầu năm" before "6 tháng" (a duration) and "cuối năm"
    (_durations, None),  # "trong 30 ngày kể từ ngày 15/3" before the date inside it
    (_lunar_days, None),  # "mùng 1 Tết Nguyên đán" before "Tết" alone (deadq; gated on "mung" / "mong" inside)
    (_holidays, None),  # "Quốc khánh 2/9" before the date inside it
    (_weekdays, None),  # "thứ 2 tuần đầu của tháng" before "tuần", "hàng tuần"
    (_dates, None),
    (_recurrings, None),
    (_quarters, "quy"),
    (_months, "thang"),
    (_years, "nam"),
    (_weeks, "tuan"),
    (_near_days, None),
    (_anchors, None),  # "ngay sau khi" before "ngay"
    (_immediates, None),
)


# A short quoted name holds no time: the campaigns "Ngày Chủ nhật xanh", "Tháng hành động vì trẻ em",
# "Tết vì người nghèo" (a quoted sentence of reported speech is longer and is read).
_QUOTED_NAME = re.compile(r"[\"“]([^\"“”\n]{1,50})[\"”]")


def _quoted_names(scan: Scan) -> None:
    f = scan.f
    if '"' not in f and "“" not in f:
        return
    for m in _QUOTED_NAME.finditer(f):
        if len(m[1].split()) <= 7 and not _quoted_sentence(m[1]):
            scan.take(m.start(), m.end())


# A reported earlier instruction, time-stamped at its head: "Trước đó, ngày 20/4, UBND TP đã có văn bản
# chỉ đạo …, báo cáo kết quả trước ngày 15/5", "Trước đề xuất trên, ngày 28/5, UBND TP đã có công văn
# giao …". Its year-less days count from the letter's day (the last such day on or before the
# document's), not from the news item's: a deadline already missed keeps its year. Class: D086-03,
# W44-01, A005-01 (with its year written).
_REPORTED_STAMP = re.compile(
    r"(?:[^.;,\n]{0,40},\s*)?ngay\s+(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}))?"
    r"\s*,[^.;:\n]{0,60}?\b(?:da|vua)\s+(?:co|ban\s+hanh|gui|ky)\b"
)


def _reported_on(folded: str, today: date) -> date:
    """The day of the reported instruction a text opens with, else `today`."""
    if " da " not in folded and " vua " not in folded:  # cheap gate: most directives report nothing
        return today
    m = _REPORTED_STAMP.match(folded, _marker_end(folded))
    if m is None:
        return today
    day, month = int(m["d"]), int(m["m"])
    year = int(m["y"]) if m["y"] else today.year - ((month, day) > (today.month, today.day))
    stamp = dd.valid_date(year, month, day)
    return stamp if stamp is not None and stamp <= today else today


def scan(folded: str, today: date, digits: tuple[int, int] | None = None) -> Scan:
    """Read the folded text (`digits`: where its first and last digits are, when the caller knows)."""
    spaced = None
    if spaced_numbers(folded):
        folded, spaced = squeeze_spaced_numbers(folded)  # "20/4/ 2019", "số 12/KH - UBND" (branch deadl8)
    s = Scan(folded, _reported_on(folded, today), digits)
    _quoted_names(s)
    for extract, key in EXTRACTORS:
        if key is not None and key not in folded:
            continue
        try:
            extract(s)
        except (ValueError, OverflowError):
            # A deadline past 31/12/9999 does not exist: only a text read in the calendar's last year
            # (hostile input) gets here. Anywhere else it is a bug and must show.
            if today.year < date.max.year:
                raise
    s.found = _merge_ranges(s.found, folded)
    if s.found and "trong" in folded and "ngay" in folded:  # "trong N ngày (từ A đến B)" (deadline_round11)
        days_of_a_window(s)
    if len(s.found) > 1 and " de " in folded:
        s.found = [_in_purpose_clause(s, c) for c in s.found]
    if ("kip" in folded and folded.count("kip") > folded.count("kip thoi")) or (
        s.found and "chuan" in folded and ("de chuan bi" in folded or "nham chuan bi" in folded)
    ):
        # (cheap gates: "kịp thời", an urgency word, is the usual "kịp"; "để chuẩn bị" matters only with a
        # time expression after it)
        _for_an_event(s)
    if spaced is not None:
        s.found = [c._replace(end=spaced.get(c.end, c.end)) for c in s.found]
        s.invalid = [i._replace(end=spaced.get(i.end, i.end)) for i in s.invalid]
    return s


# "để" (in order to) opens what the issuer will do with the result, not the assignee's deadline:
# "báo cáo trước ngày 25/12 để tổng hợp, báo cáo UBND tỉnh trước ngày 30/12" is due 25/12. Folded,
# "đề nghị", "đề xuất", "đề án"... look alike; they are not purpose clauses.
_PURPOSE = re.compile(r"\bde\s+(?!(?:nghi|xuat|an|ra|cap|tai|thi|muc|bai|cuong|phong|nghiem|can)\b)")
PURPOSE_PENALTY = 0.5


def _in_purpose_clause(s: Scan, cand: Candidate) -> Candidate:
    if _PURPOSE.search(s.clause_before(cand.start, 120)) is None:
        return cand
    return cand._replace(score=cand.score - PURPOSE_PENALTY)


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
            and RANGE_GAP.fullmatch(folded, prev.end, cand.start)
        ):
            later = cand if cand.due >= prev.due else prev
            merged[-1] = later._replace(start=prev.start, end=cand.end, score=max(prev.score, cand.score))
            continue
        merged.append(cand)
    return merged


# --- the work is for an event (branch deadl5) -----------------------------------------------------
# LABELLING.md §19: work done *for* an event is anchored to it. "kịp" + the event or season it must be
# ready for ("để kịp phục vụ tưới vụ đông xuân", "kịp năm học mới") is a deadline we cannot date
# (relative); a time written inside such a clause, or inside "để chuẩn bị (cho) <event>", is the event's
# time, not the work's ("… để chuẩn bị cho Đoàn thanh tra sang làm việc trong tháng 10", "… để chuẩn bị
# lấy ý kiến nhân dân vào ngày 28/7"): the work is anchored to that event, due by its time when known.
# A stated deadline word ("để kịp báo cáo trước ngày 20/9") keeps its date; a holiday inside ("kịp phục
# vụ Nhân dân đón Tết") stays a holiday (§20). Not: "kịp thời" (urgency, §22), "chưa / không kịp",
# "theo / bắt kịp", "kịp tiến độ". Class: X012-01, F125-01 ("kịp"), F081-01, G047-01 ("để chuẩn bị").
_KIP_NOT_BEFORE = re.compile(r"\s*(?:thoi|tien\s+do|voi|luc|nua|het|xu\s+ly|giai\s+quyet)\b")
_NOT_IN_TIME = frozenset({"chua", "khong", "ko", "theo", "bat", "duoi", "chang"})
_CLAUSE_END = re.compile(r"[.;!?\n]")
_EVENT_SPAN = 60  # characters of the event named after "kịp", for the phrase shown to the user
_FOR_EVENT_KINDS = frozenset({DATE, MONTH, QUARTER, HALF, YEAR, RELATIVE})


def _for_event_heads(f: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is "kịp") of each "(để) kịp <event>" and "để chuẩn bị" (found with str.find)."""
    at = f.find("kip ")
    while at >= 0:
        if (at == 0 or not f[at - 1].isalnum()) and _KIP_NOT_BEFORE.match(f, at + 3) is None:
            prev, prev_at = prev_word(f, at)
            if prev not in _NOT_IN_TIME:
                yield (prev_at if prev == "de" else at), at + 3, True
        at = f.find("kip ", at + 4)
    for head in EVENT_HEADS:  # "để / nhằm chuẩn bị" (deadline_round11)
        at = f.find(head)
        while at >= 0:
            if (at == 0 or not f[at - 1].isalnum()) and word_end(f, at + len(head)):
                yield at, at + len(head), False
            at = f.find(head, at + len(head))


def _for_an_event(scan: Scan) -> None:
    f = scan.f
    for start, head_end, kip in _for_event_heads(f):
        stop = _CLAUSE_END.search(f, head_end)
        end = stop.start() if stop is not None else len(f)
        inside = [i for i, c in enumerate(scan.found) if c.start >= head_end and c.end <= end]
        for i in inside:
            cand = scan.found[i]
            if cand.kind in _FOR_EVENT_KINDS and cand.score < S_STRONG and (cand.due is None or cand.due >= scan.today):
                # the event's calendar day keeps `date` (LABELLING.md session 8 decision 4, deadline_round11)
                kind = DATE if cand.kind is DATE and calendar_day_written(f, cand.start, cand.end) else RELATIVE
                scan.found[i] = cand._replace(kind=kind, start=start, score=S_ANCHOR, cadence=None)
        event_first_day(scan, start, head_end)  # a window "từ A đến B" for the event: due A (deadline_round11)
        if not inside and kip and scan.free(head_end - 3, head_end):
            if _in_time_for_a_holiday(scan, start, head_end, end):
                continue
            cut = f.rfind(" ", head_end, min(end, head_end + _EVENT_SPAN) + 1)
            event_end = end if end - head_end <= _EVENT_SPAN or cut < 0 else cut
            if event_end > head_end + 1:
                scan.add(Candidate(RELATIVE, start, event_end, S_ANCHOR))


def _in_time_for_a_holiday(scan: Scan, start: int, at: int, end: int) -> bool:
    """ "kịp phục vụ Nhân dân đón Tết": ready before the holiday (LABELLING.md §20), which the holiday
    reader left as an occasion ("đón Tết" with no deadline word before it)."""
    f = scan.f
    for key, pattern, holiday in _HOLIDAY_NAMES:
        if key not in f:
            continue
        m = pattern.search(f, at, end)
        if m is None:
            continue
        suffix = _HOLIDAY_SUFFIX.match(f, m.end())
        year = int(suffix["y"]) if suffix and suffix["y"] else None
        due = dd.day_before_holiday(holiday, scan.today, year)
        if due is None or due < scan.today:
            return False
        scan.add(Candidate(HOLIDAY, start, suffix.end() if suffix else m.end(), S_WITHIN, due))
        return True
    return False


# --- "tối" (evening) folds to "tới" (until) (branch deadl5) ---------------------------------------------
# "Tối 25/11, Sở GD&ĐT có văn bản …" (I031-01), "Tối 3/10, Sở GD&ĐT Hà Nội đã có công văn khẩn …" (G028-01):
# a clause-opening day with only "tới" before it and a comma after is the evening's time stamp of a
# narrative, as "Chiều 25/11, …" is (the day parts are passed over, see deadline_scan._DAY_PARTS), unless
# an obligation follows ("Tới ngày 25/11, các xã phải …": _OBLIGED_AFTER). With "tỉnh đến" (CH03,
# deadline_scan._province_before) the class of trigger words misread through folding.
def _evening_stamp(scan: Scan, tail: Tail, end: int) -> bool:
    if tail.words not in (("toi",), ("toi", "ngay")) or not scan.stamp_break_after(end):
        return False
    if scan.at_clause_start(tail.start):
        return _OBLIGED_AFTER.match(scan.f, end) is None
    # Set off by commas after an opening phrase, as "ngày X" is in "Trước đó, ngày 20/4, UBND TP đã có văn bản …"
    # (D086-03, W44-01, A005-01): "Theo chỉ đạo của UBND tỉnh, tối 3/10, Sở … đã có công văn …" stamps the report
    # that follows (_stamps_a_report); "…, tới ngày 25/11, các xã phải …" is still "until" (branch deadl6).
    return scan.f.endswith(",", 0, tail.start - 1) and _stamps_a_report(scan, end)


# --- "vào ngày X, <someone> đã ban hành …": a narrative time stamp (branch deadl5) --------------------------
# A day set off by a comma and followed by what someone did (đã, vừa, ban hành, có văn bản / công văn, cho
# biết) dates a report, whatever opens it: "Ngày 28/5, …" and "Chiều 25/11, …" were read so, "Tối 25/11, …"
# now too (_evening_stamp), and "vào ngày X, …" here: "…, vào ngày 23/7, bà …, Chánh án TAND tỉnh đã ban
# hành công văn …" (I080-01), "Trước đó vào ngày 6/3, Bộ Công Thương ban hành văn bản hỏa tốc …" (I042-03);
# with I031-01 and G028-01 ("Tối 3/10, Sở … đã có công văn") the class of narrative stamps. An event anchor
# opening a report is one too: "Ngay sau khi Luật … được ban hành, Chính phủ đã ban hành Nghị quyết …"
# (I133-01; "Trước khi nghỉ Tết, UBND huyện đã kiểm tra …" likewise), called from _anchors. Not: "dự kiến tổ
# chức vào ngày 26/12, đặc biệt quan tâm …" (W03-02), "… khánh tiết vào ngày 15/9, làm tốt công tác …"
# (G018-01): the work's day, nothing reported after it.
_REPORTED_AFTER = re.compile(
    r"\s*,[^.;:!?\n]{0,80}?\b(?:da|vua|ban\s+hanh|co\s+(?:van\s+ban|cong\s+van|cong\s+dien)|cho\s+biet)\b"
)


def _stamps_a_report(scan: Scan, end: int) -> bool:
    return scan.stamp_break_after(end) and _REPORTED_AFTER.match(scan.f, end) is not None


# --- a line's list marker and quotation marks are no words (branch deadl6) -----------------------------------
# Directives come as list items ("- ", "+ ", "a) ", "2.1. ": about one dev sentence in twelve opens with one) and as
# quoted speech ("… yêu cầu: “Các xã hoàn thành trước ngày 10/3.”": A021-02, B108-01, D093-01, F043-01, G026-01
# in the dev sets are whole quoted sentences). Neither may change how the sentence is read:
# - the stamp of a reported instruction ("Trước đó, ngày 20/4, UBND TP đã có văn bản …", W44-01, D086-03, A005-01,
#   A031-01) opens the *text*, after a list marker if there is one (_marker_end);
# - a short quoted span is a campaign's or a motto's name ("Ngày Chủ nhật xanh", "Vì người nghèo", "4 tại chỗ":
#   31 such names in the dev texts, none with a day in digits nor closing on a full stop), but a quoted
#   sentence of a few words is reported speech whose time is read ("“Hoàn thành trước ngày 10/3/2023.”"):
#   one that closes on a full stop or holds a day written in digits (_quoted_sentence);
# - an opening quotation mark starts a clause, as a line's start does ("“Năm 2018 này, xã … phải hoàn thành …”":
#   deadline_scan._CLAUSE_START).
_LEADING_MARKER = re.compile(
    r"\s*(?:[\"\u201c]\s*)?(?:(?:[-+*\u2022\u2013]|[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]|[a-z][.)]|[ivx]{1,4}[.)])\s+)?"
)
_DAY_IN_DIGITS = re.compile(r"[0-9]{1,2}\s*[/.\-]\s*[0-9]{1,2}(?![0-9])")


def _marker_end(folded: str) -> int:
    """Where the text starts after an opening quotation mark and a list marker ("- ", "a) ", "2.1. ")."""
    m = _LEADING_MARKER.match(folded)  # (every part optional: it always matches)
    return m.end() if m is not None else 0


def _quoted_sentence(quoted: str) -> bool:
    """Whether a short quoted span is a sentence of reported speech rather than a name (see above)."""
    return quoted.rstrip().endswith((".", ";", "!")) or _DAY_IN_DIGITS.search(quoted) is not None
