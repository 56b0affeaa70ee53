"""Reporting periods ("kỳ báo cáo"): parsing `/xuat thang 11/2026` and choosing a period's tasks.

What a committee means by a period
----------------------------------
Offices report "theo tháng, quý": at the first meeting of a month the secretary lists the
directives that *had to be worked on* in the month just ended and says how each stands. That list
is, in our terms, every task that

1. was live at some time during the period — assigned on or before its last day and not yet
   closed (done or cancelled) before its first day. This covers what was assigned in the period and
   the tasks carried over from earlier ("nhiệm vụ chuyển tiếp"): an overdue task keeps appearing in
   every month's report until it is closed, which is the point of tracking; or
2. had its ORIGINAL deadline in the period, even when it was finished early, before the period
   began: "trong tháng có 12 nhiệm vụ đến hạn, đã hoàn thành 10" counts it, and the committee judges
   lateness against the original deadline (see `TaskView.state`). A task cancelled before the
   period began is left out: it no longer had to be done.

A task whose close date is unknown (a DONE task without `done_on`) is treated as still live, so
that bad data shows up in a report instead of silently dropping out of it.

The state shown for each task is judged as of the day the report is made (`today`), not as of the
period's end: a report of October made in December shows that a task due in October was finished
late in November. The workbook says "số liệu tính đến ngày …" so the reader knows.

Parsing
-------
Accepted with or without diacritics, any case, extra spaces, "/", "-", "." or "năm" before the year:

- month:   "thang 11/2026", "tháng 11 năm 2026", "t11/2026", "11/2026", "thang 11", "tháng này",
           "tháng trước"
- quarter: "quy I/2026", "quý IV", "quy 4/2026", "q3/2026", "quý này", "quý trước"
- run of months from January: "6 tháng đầu năm 2026", "9 thang dau nam"; and "6 tháng cuối năm"
- year:    "nam 2026", "2026", "năm nay", "năm trước" / "năm ngoái"
- all:     "tatca", "tất cả", "toàn bộ", "all"; and the empty argument

Decisions:
- Empty argument means ALL tasks: the SPEC's `/xuat` is "the Excel workbook of all directives" —
  the register the office used to keep by hand. A handler wanting another default (e.g. the chart
  of the current month) checks for the empty argument itself.
- A month or quarter without a year is the most recent one that has begun by `today`: reports look
  back, so "/xuat thang 12" typed on 5 January means the December just ended, not the one eleven
  months away. The chosen period's label is shown in the reply and the file name, so it is visible.
- Unknown or impossible periods raise `PeriodError`, whose message is Vietnamese, says what was
  wrong and gives examples. The message never repeats the user's input, so it is safe to send as
  HTML without escaping.

The labels ("Tháng 11/2026", "Quý IV/2026", ...) live here, not in `bot/texts.py`, because the
workbook and chart built in `domain/` print them and `domain/` must not import `bot/`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from domain.types import TaskStatus, TaskView
from domain.understand.textnorm import fold

ROMAN = ("I", "II", "III", "IV")
_ROMAN_VALUE = {r.lower(): i for i, r in enumerate(ROMAN, start=1)}

# Years a committee's tasks can plausibly be in; outside it is a typo ("nam 226", "nam 20266").
MIN_YEAR = 1990
MAX_YEAR = 2100

PERIOD_EXAMPLES = "tháng 11/2026, quý IV/2026, 6 tháng đầu năm 2026, năm 2026, tatca"
UNKNOWN_PERIOD = (
    f"Không hiểu kỳ báo cáo. Ghi theo một trong các dạng: {PERIOD_EXAMPLES} (gõ không dấu cũng được)."
)
BAD_MONTH = "Không có tháng {value}: tháng phải từ 1 đến 12. Ví dụ: tháng 11/2026."
BAD_QUARTER = "Không có quý {value}: quý phải từ I đến IV (hoặc 1 đến 4). Ví dụ: quý IV/2026."
BAD_MONTH_COUNT = "Không có kỳ {value} tháng đầu năm: số tháng phải từ 1 đến 12. Ví dụ: 6 tháng đầu năm 2026."
BAD_YEAR = f"Năm {{value}} không hợp lệ: năm phải từ {MIN_YEAR} đến {MAX_YEAR}. Ví dụ: năm 2026."


class PeriodError(ValueError):
    """An unknown or impossible period. `str(err)` is the Vietnamese message for the user."""


class PeriodKind(enum.StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    MONTHS = "months"  # a run of months inside one year: "6 tháng đầu năm", "9 tháng đầu năm"
    YEAR = "year"
    ALL = "all"


@dataclass(frozen=True)
class Period:
    """A closed range of days [start, end] with its Vietnamese label and an ASCII slug.

    For ALL, start and end are `date.min` and `date.max` so that range checks need no special case.
    """

    kind: PeriodKind
    start: date
    end: date
    label: str  # "Tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026", "Năm 2026", "Toàn bộ"
    slug: str  # "thang-11-2026", "quy-iv-2026", "6-thang-dau-nam-2026", "nam-2026", "tat-ca"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


# ------------------------------------------------------------------------------ constructors


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(BAD_YEAR.format(value=year))


def _month_end(year: int, month: int) -> date:
    first_of_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first_of_next - timedelta(days=1)


def month_period(year: int, month: int) -> Period:
    _check_year(year)
    if not 1 <= month <= 12:
        raise PeriodError(BAD_MONTH.format(value=month))
    return Period(
        PeriodKind.MONTH,
        date(year, month, 1),
        _month_end(year, month),
        f"Tháng {month}/{year}",
        f"thang-{month:02d}-{year}",
    )


def quarter_period(year: int, quarter: int) -> Period:
    _check_year(year)
    if not 1 <= quarter <= 4:
        raise PeriodError(BAD_QUARTER.format(value=quarter))
    first_month = 3 * (quarter - 1) + 1
    roman = ROMAN[quarter - 1]
    return Period(
        PeriodKind.QUARTER,
        date(year, first_month, 1),
        _month_end(year, first_month + 2),
        f"Quý {roman}/{year}",
        f"quy-{roman.lower()}-{year}",
    )


def first_months_period(year: int, count: int) -> Period:
    """'N tháng đầu năm': January to the end of month N (N = 12 is the whole year)."""
    _check_year(year)
    if not 1 <= count <= 12:
        raise PeriodError(BAD_MONTH_COUNT.format(value=count))
    if count == 12:
        return year_period(year)
    return Period(
        PeriodKind.MONTHS,
        date(year, 1, 1),
        _month_end(year, count),
        f"{count} tháng đầu năm {year}",
        f"{count}-thang-dau-nam-{year}",
    )


def second_half_period(year: int) -> Period:
    _check_year(year)
    return Period(
        PeriodKind.MONTHS,
        date(year, 7, 1),
        date(year, 12, 31),
        f"6 tháng cuối năm {year}",
        f"6-thang-cuoi-nam-{year}",
    )


def year_period(year: int) -> Period:
    _check_year(year)
    return Period(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31), f"Năm {year}", f"nam-{year}")


ALL_TIME = Period(PeriodKind.ALL, date.min, date.max, "Toàn bộ", "tat-ca")


def month_of(day: date) -> Period:
    return month_period(day.year, day.month)


def quarter_of(day: date) -> Period:
    return quarter_period(day.year, (day.month - 1) // 3 + 1)


def previous_month(today: date) -> Period:
    """The month before today's (what the first Monday of a month reports on)."""
    return month_of(today.replace(day=1) - timedelta(days=1))


def previous_quarter(today: date) -> Period:
    return quarter_of(quarter_of(today).start - timedelta(days=1))


# ------------------------------------------------------------------------------ parsing

# All patterns run on folded text (lower case, no diacritics, single spaces): "quý" -> "quy".
_YEAR_SUFFIX = r"(?:(?:\s*(?:/|-|\.|nam)\s*|\s+)(?P<year>\d+))?"
_MONTH_RE = re.compile(r"(?:thang|t)\s*(?P<month>\d{1,2})" + _YEAR_SUFFIX)
_BARE_MONTH_RE = re.compile(r"(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4})")
# The quarter's value is captured loosely ([a-z0-9]+) so that "quy 5" or "quy v" get a precise
# message instead of "unknown".
_QUARTER_RE = re.compile(r"(?:quy|q)\s*(?P<quarter>[a-z0-9]+?)" + _YEAR_SUFFIX)
_FIRST_MONTHS_RE = re.compile(r"(?P<count>\d{1,2})\s*thang\s*dau\s*nam" + r"(?:\s*(?P<year>\d+))?")
_SECOND_HALF_RE = re.compile(r"6\s*thang\s*cuoi\s*nam" + r"(?:\s*(?P<year>\d+))?")
# "nam" followed by any number (so "nam 226" gets the year message); a bare number needs 4+ digits.
_YEAR_RE = re.compile(r"nam\s*(?P<year>\d+)|(?P<bare>\d{4,})")

_ALL_WORDS = frozenset({"", "tatca", "tat ca", "toanbo", "toan bo", "all", "het", "tat ca nhiem vu"})
_THIS = frozenset({"nay", "hien tai", "hientai"})
_LAST = frozenset({"truoc", "vua qua", "ngoai", "roi"})
_FILLER_PREFIX = re.compile(r"^(?:trong|ky|ky bao cao|cua)\s+")


def _normalize(arg: str) -> str:
    text = " ".join(fold(arg).split())
    return _FILLER_PREFIX.sub("", text)


def _year_or_none(raw: str | None) -> int | None:
    if raw is None:
        return None
    year = int(raw)
    _check_year(year)
    return year


def _month_without_year(month: int, today: date) -> Period:
    period = month_period(today.year, month)
    return period if period.start <= today else month_period(today.year - 1, month)


def _quarter_without_year(quarter: int, today: date) -> Period:
    period = quarter_period(today.year, quarter)
    return period if period.start <= today else quarter_period(today.year - 1, quarter)


def _quarter_number(raw: str) -> int:
    if raw.isdigit():
        value = int(raw)
        if not 1 <= value <= 4:
            raise PeriodError(BAD_QUARTER.format(value=value))
        return value
    if raw in _ROMAN_VALUE:
        return _ROMAN_VALUE[raw]
    if re.fullmatch(r"[ivxlc]+", raw):
        raise PeriodError(BAD_QUARTER.format(value=raw.upper()))
    raise PeriodError(UNKNOWN_PERIOD)


def _relative(word: str, rest: str, today: date) -> Period | None:
    """'tháng này', 'quý trước', 'năm ngoái' ..."""
    if rest in _THIS:
        step = 0
    elif rest in _LAST:
        step = -1
    else:
        return None
    if word == "thang":
        return month_of(today) if step == 0 else previous_month(today)
    if word == "quy":
        return quarter_of(today) if step == 0 else previous_quarter(today)
    return year_period(today.year + step)


def parse_period(arg: str, today: date) -> Period:
    """Read a period as typed after `/xuat` or `/tonghop`. Raises `PeriodError` (Vietnamese message)."""
    text = _normalize(arg)
    if text in _ALL_WORDS:
        return ALL_TIME

    relative = re.fullmatch(r"(?P<word>thang|quy|nam)\s+(?P<rest>.+)", text)
    if relative:
        found = _relative(relative["word"], relative["rest"], today)
        if found is not None:
            return found

    if m := _SECOND_HALF_RE.fullmatch(text):
        return second_half_period(_year_or_none(m["year"]) or today.year)
    if m := _FIRST_MONTHS_RE.fullmatch(text):
        return first_months_period(_year_or_none(m["year"]) or today.year, int(m["count"]))

    if m := (_MONTH_RE.fullmatch(text) or _BARE_MONTH_RE.fullmatch(text)):
        month = int(m["month"])
        year = _year_or_none(m["year"])
        if not 1 <= month <= 12:
            raise PeriodError(BAD_MONTH.format(value=month))
        return month_period(year, month) if year is not None else _month_without_year(month, today)

    if m := _QUARTER_RE.fullmatch(text):
        quarter = _quarter_number(m["quarter"])
        year = _year_or_none(m["year"])
        return quarter_period(year, quarter) if year is not None else _quarter_without_year(quarter, today)

    if m := _YEAR_RE.fullmatch(text):
        return year_period(int(m["year"] or m["bare"]))

    raise PeriodError(UNKNOWN_PERIOD)


# ------------------------------------------------------------------------------ membership


def _closed_on(task: TaskView) -> date | None:
    if task.status is TaskStatus.DONE:
        return task.done_on
    if task.status is TaskStatus.CANCELLED:
        return task.cancelled_on
    return None


def belongs_to(task: TaskView, period: Period) -> bool:
    """See the module docstring: live during the period, or originally due in it."""
    if period.kind is PeriodKind.ALL:
        return True
    closed = _closed_on(task)
    live = task.assigned_on <= period.end and (closed is None or closed >= period.start)
    if live:
        return True
    if task.due_original is None or not period.contains(task.due_original):
        return False
    cancelled_before = task.status is TaskStatus.CANCELLED and closed is not None and closed < period.start
    return not cancelled_before


def tasks_in_period(tasks: Iterable[TaskView], period: Period) -> list[TaskView]:
    """The tasks a report of `period` lists, in the order given."""
    return [t for t in tasks if belongs_to(t, period)]
