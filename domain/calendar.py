"""Viet Nam's working-day calendar: weekends, public holidays and Tết.

Holidays come from the maintained `holidays` package (its Vietnam calendar computes the lunar
holidays — Tết, Giỗ Tổ Hùng Vương — and the government's substituted days off); lunar -> solar
conversion for phrases such as "trước Tết Nguyên đán" comes from `lunardate`. Nothing is
hand-listed here.

Only the package's Vietnam calendar is loaded (`_vietnam_calendar`): `holidays.country_holidays("VN")` and
`from holidays.countries.vietnam import Vietnam` both run the `holidays.countries` package, which imports all
~250 countries' modules (304 modules, 0.32-0.40 s at a bot's start on a loaded 2-core machine); the Vietnam
module alone needs 48 (0.07-0.10 s). Its file is loaded under its own name, as an import would; should a
release of the package move it, the package's own look-up is used instead (slower, the same days:
tests/domain/test_calendar_import.py compares them).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from lunardate import LunarDate

_VIETNAM_MODULE = "holidays.countries.vietnam"


@lru_cache(maxsize=1)
def _vietnam_calendar() -> Any:
    """The `holidays` package's Vietnam class, without importing every other country (see the module doc)."""
    import importlib.util
    import sys
    from pathlib import Path

    import holidays  # the package itself loads its countries lazily

    loaded = sys.modules.get(_VIETNAM_MODULE)
    if loaded is None:
        spec = importlib.util.spec_from_file_location(
            _VIETNAM_MODULE, Path(holidays.__file__).parent / "countries" / "vietnam.py"
        )
        if spec is None or spec.loader is None or not Path(spec.origin or "").is_file():
            return lambda years: holidays.country_holidays("VN", years=years)
        loaded = importlib.util.module_from_spec(spec)
        sys.modules[_VIETNAM_MODULE] = loaded  # what an import does: the package's own imports find it
        try:
            spec.loader.exec_module(loaded)
        except Exception:
            del sys.modules[_VIETNAM_MODULE]
            return lambda years: holidays.country_holidays("VN", years=years)
    return loaded.Vietnam


@lru_cache(maxsize=64)
def _holidays_for(year: int) -> frozenset[date]:
    return frozenset(_vietnam_calendar()(years=year).keys())


def is_holiday(day: date) -> bool:
    return day in _holidays_for(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_holiday(day)


@lru_cache(maxsize=64)
def _working_ordinals(year: int) -> tuple[int, ...]:
    """The working days of `year` (is_working_day), as ordinals in order."""
    if not date.min.year <= year <= date.max.year:
        raise OverflowError("date value out of range")  # what stepping past date.max/date.min raised
    first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    return tuple(o for o in range(first, last + 1) if is_working_day(date.fromordinal(o)))


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (n > 0), or before it (n < 0); n == 0 returns start.

    Counted in each year's sorted list of working days (one bisection) rather than a day at a time: the
    deadline grammar calls it for every "trong N ngày làm việc", and the day-by-day walk (a holiday look-up a
    day) was ~2 % of parse_deadline's time over the bench sentences (branch speed11). Same answers:
    tests/domain/test_core_domain.py compares it with the walk over every start of several years."""
    if n == 0:
        return start
    year = start.year
    days = _working_ordinals(year)
    if n > 0:
        i = bisect_right(days, start.toordinal()) + n - 1  # index of the answer in this year's list
        while i >= len(days):  # the answer is in a later year
            i -= len(days)
            year += 1
            days = _working_ordinals(year)
        return date.fromordinal(days[i])
    i = bisect_left(days, start.toordinal()) + n  # n < 0: that many working days before start
    while i < 0:  # the answer is in an earlier year
        year -= 1
        days = _working_ordinals(year)
        i += len(days)
    return date.fromordinal(days[i])


def working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def working_day_on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when end < start."""
    if end == start:
        return 0
    sign = 1 if end > start else -1
    lo, hi = (start, end) if sign > 0 else (end, start)
    count = 0
    day = lo
    while day < hi:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return sign * count


def lunar_new_year(year: int) -> date:
    """Mùng 1 Tết of the lunar year that starts in solar `year`."""
    return LunarDate(year, 1, 1).to_solar_date()


def lunar_to_solar(year: int, month: int, day: int) -> date:
    return LunarDate(year, month, day).to_solar_date()


def next_tet_on_or_after(day: date) -> date:
    tet = lunar_new_year(day.year)
    return tet if tet >= day else lunar_new_year(day.year + 1)


def week_end(today: date) -> date:
    """The last day of "this week" for a list (`/ds tuannay`, the board's «Tuần này»): Sunday of the
    current week; on a Saturday or a Sunday the coming working week's, as a deadline "trong tuần này"
    written on a weekend means (an official looking on Sunday plans the week ahead, not the day)."""
    days = 6 - today.weekday() if today.weekday() < 5 else 13 - today.weekday()
    return today + timedelta(days=days)


def week_start(today: date) -> date:
    """The first day of "this week" for a list, as the board's «Hạn tuần này» reads it (board16): this
    week's Monday; on a weekend today (the coming week, and today's own deadlines with it). What fell due
    before is overdue work of earlier weeks: «Quá hạn»'s, not the week's."""
    return min(today, week_end(today) - timedelta(days=6))
