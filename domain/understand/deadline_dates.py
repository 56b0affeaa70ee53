"""Calendar arithmetic behind deadline phrases: period ends, "next such day", holidays.

Pure functions over `datetime.date`. The deadline grammar (domain/understand/deadline_grammar.py) decides
*what* a phrase says ("tháng 4", "quý II", "trước Tết"); this module says *which day* that is.
"""

from __future__ import annotations

import calendar as _stdcal
from datetime import date, timedelta

from domain.calendar import lunar_new_year, lunar_to_solar
from domain.types import Cadence

FRIDAY = 4  # date.weekday(): Monday is 0
SATURDAY = 5


def month_end(year: int, month: int) -> date:
    return date(year, month, _stdcal.monthrange(year, month)[1])


def quarter_end(year: int, quarter: int) -> date:
    return month_end(year, quarter * 3)


def half_end(year: int, half: int) -> date:
    return date(year, 6, 30) if half == 1 else date(year, 12, 31)


def year_end(year: int) -> date:
    return date(year, 12, 31)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(day: date, months: int) -> date:
    """Same day-of-month `months` later, clamped to the month's end (31/1 + 1 month = 28/2)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, _stdcal.monthrange(year, month)[1]))


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def week_friday(day: date, weeks_ahead: int = 0) -> date:
    """Friday of the week (Monday..Sunday) containing `day`, `weeks_ahead` weeks later."""
    monday = day - timedelta(days=day.weekday())
    return monday + timedelta(days=FRIDAY + 7 * weeks_ahead)


def weekday_in_week(day: date, weekday: int, weeks_ahead: int = 0) -> date:
    monday = day - timedelta(days=day.weekday())
    return monday + timedelta(days=weekday + 7 * weeks_ahead)


def next_weekday(day: date, weekday: int) -> date:
    """The first `weekday` on or after `day`."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def next_day_month(day: int, month: int, today: date) -> date | None:
    """The next `day`/`month` on or after `today` (this year's, else next year's).

    None when that day does not exist in the year it would fall in (31/02; 29/02 outside a leap
    year): "hạn 29/2" said in 2025 is a mistake to report, not a deadline three years away.
    """
    this_year = valid_date(today.year, month, day)
    if this_year is not None and this_year >= today:
        return this_year
    if this_year is None and (month, day) > (today.month, today.day):
        return None  # the day would fall later this year, and this year it does not exist
    return valid_date(today.year + 1, month, day)


def next_month_end(month: int, today: date) -> date:
    """End of the next month `month` whose end is on or after `today`."""
    end = month_end(today.year, month)
    return end if end >= today else month_end(today.year + 1, month)


def next_quarter_end(quarter: int, today: date) -> date:
    end = quarter_end(today.year, quarter)
    return end if end >= today else quarter_end(today.year + 1, quarter)


def period_end(cadence: Cadence, day: date) -> date:
    """Last day of the period of `cadence` that contains `day` (a recurring task's first due day).

    Weeks end on Friday, the last working day committees count; a day after that Friday (the
    weekend) belongs to a week whose working days are over, so it gets the next week's Friday.
    """
    if cadence is Cadence.DAILY:
        return day
    if cadence is Cadence.WEEKLY:
        friday = week_friday(day)
        return friday if friday >= day else week_friday(day, 1)
    if cadence is Cadence.MONTHLY:
        return month_end(day.year, day.month)
    if cadence is Cadence.QUARTERLY:
        return quarter_end(day.year, quarter_of(day))
    if cadence is Cadence.HALF_YEARLY:
        return half_end(day.year, 1 if day.month <= 6 else 2)
    return year_end(day.year)


# --- holidays -------------------------------------------------------------------------------
# Holidays are named by key; the solar date of one in a given year comes from the fixed day or,
# for lunar ones, from `lunardate` (through domain.calendar).

SOLAR_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new_year": (1, 1),
    "reunification": (4, 30),
    "labour_day": (5, 1),
    "children_day": (6, 1),
    "national_day": (9, 2),
}
LUNAR_HOLIDAYS: dict[str, tuple[int, int]] = {
    "tet": (1, 1),
    "hung_kings": (3, 10),
    "mid_autumn": (8, 15),
}


def holiday_in_year(key: str, year: int) -> date:
    if key == "tet":
        return lunar_new_year(year)
    if key in LUNAR_HOLIDAYS:
        month, day = LUNAR_HOLIDAYS[key]
        return lunar_to_solar(year, month, day)
    month, day = SOLAR_HOLIDAYS[key]
    return date(year, month, day)


def day_before_holiday(key: str, today: date, year: int | None = None) -> date | None:
    """The day before the holiday: of `year` when given, else of its next occurrence whose eve is
    not yet past. None outside the years the lunar calendar covers (1900-2099)."""
    try:
        if year is not None:
            return holiday_in_year(key, year) - timedelta(days=1)
        eve = holiday_in_year(key, today.year) - timedelta(days=1)
        return eve if eve >= today else holiday_in_year(key, today.year + 1) - timedelta(days=1)
    except ValueError:
        return None
