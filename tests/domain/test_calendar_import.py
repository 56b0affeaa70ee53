"""Viet Nam's holidays come from the `holidays` package's Vietnam calendar alone: the package's own look-up
(`country_holidays("VN")`) imports every country it knows (~250 modules, 0.3-0.4 s of a bot's start) for the
one it needs. The days must be the package's, exactly."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import holidays

from domain.calendar import _holidays_for, is_holiday, is_working_day


def test_the_holidays_are_exactly_the_packages_vietnam_calendar() -> None:
    for year in range(1995, 2061):
        assert _holidays_for(year) == frozenset(holidays.country_holidays("VN", years=year).keys()), year
    # Tết 2027 (6-10 February), Giỗ Tổ Hùng Vương 2026 (26 April, a Sunday: the day off moves to Monday 27).
    assert is_holiday(date(2027, 2, 8)) and not is_working_day(date(2026, 4, 27))
    assert is_working_day(date(2026, 12, 7))


def test_looking_up_a_holiday_loads_only_the_vietnam_calendar() -> None:
    probe = (
        "import sys\n"
        "from datetime import date\n"
        "from domain.calendar import is_working_day\n"
        "assert not is_working_day(date(2027, 2, 8))\n"
        "print(sorted(m for m in sys.modules if m.startswith('holidays.countries')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "['holidays.countries.vietnam']"
