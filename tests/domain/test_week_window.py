"""chat17: «tuần này» of a list (/ds tuannay, the board's «Hạn tuần này») — one window for both."""

from __future__ import annotations

from datetime import date

import pytest

from domain.calendar import week_end, week_start


@pytest.mark.parametrize(
    ("today", "start", "end"),
    [
        (date(2026, 12, 7), date(2026, 12, 7), date(2026, 12, 13)),  # Monday: the week it opens
        (date(2026, 12, 10), date(2026, 12, 7), date(2026, 12, 13)),  # Thursday: Monday's deadline still the week's
        (date(2026, 12, 12), date(2026, 12, 12), date(2026, 12, 20)),  # Saturday: the coming week, today included
        (date(2026, 12, 13), date(2026, 12, 13), date(2026, 12, 20)),  # Sunday
    ],
)
def test_this_weeks_window(today: date, start: date, end: date) -> None:
    assert (week_start(today), week_end(today)) == (start, end)
