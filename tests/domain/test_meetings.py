"""`/hop moi` arguments and the rule deciding which meeting a new /giao joins."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.meetings import (
    MAX_TITLE_CHARS,
    MeetingArgError,
    MeetingArgProblem,
    NewMeeting,
    links_until,
    parse_new_meeting,
    takes_directives,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("Giao ban tháng 11 ngày 25/11/2026", NewMeeting("Giao ban tháng 11", date(2026, 11, 25))),
        ("Giao ban thang 11 ngay 25/11/2026", NewMeeting("Giao ban thang 11", date(2026, 11, 25))),
        ("Họp BCĐ 20-11", NewMeeting("Họp BCĐ", date(2026, 11, 20))),
        ("Họp BCĐ, 2.12.26", NewMeeting("Họp BCĐ", date(2026, 12, 2))),
        ("Giao ban (25/11)", NewMeeting("Giao ban", date(2026, 11, 25))),
        # Numbers inside a title are not a date.
        ("Giao ban tháng 11/2026", NewMeeting("Giao ban tháng 11/2026", TODAY)),
        ("Giao ban quý IV năm 2026", NewMeeting("Giao ban quý IV năm 2026", TODAY)),
        ("Sơ kết 6 tháng", NewMeeting("Sơ kết 6 tháng", TODAY)),
        ("  Giao   ban  tuần 48  ", NewMeeting("Giao ban tuần 48", TODAY)),
        ("25/11", NewMeeting(None, date(2026, 11, 25))),
        ("", NewMeeting(None, TODAY)),
    ],
)
def test_title_and_day(args: str, expected: NewMeeting) -> None:
    assert parse_new_meeting(args, TODAY) == expected


def test_without_a_year_the_day_nearest_today() -> None:
    assert parse_new_meeting("Giao ban 28/12", date(2027, 1, 3)).held_on == date(2026, 12, 28)
    assert parse_new_meeting("Giao ban 05/01", date(2026, 12, 29)).held_on == date(2027, 1, 5)
    assert parse_new_meeting("Giao ban 29/02", date(2028, 3, 1)).held_on == date(2028, 2, 29)


@pytest.mark.parametrize("args", ["Giao ban 31/02", "Giao ban ngày 30/02/2026", "Họp 12/13"])
def test_impossible_dates_are_refused_naming_the_date(args: str) -> None:
    with pytest.raises(MeetingArgError) as err:
        parse_new_meeting(args, TODAY)
    assert err.value.problem is MeetingArgProblem.BAD_DATE
    assert err.value.detail in args


def test_over_long_titles_are_refused() -> None:
    with pytest.raises(MeetingArgError) as err:
        parse_new_meeting("giao ban " * 40, TODAY)
    assert err.value.problem is MeetingArgProblem.TITLE_TOO_LONG and int(err.value.detail) > MAX_TITLE_CHARS


def test_a_meeting_takes_directives_on_its_day_and_the_next() -> None:
    held = date(2026, 11, 23)
    assert links_until(held, held) == date(2026, 11, 24)
    assert not takes_directives(held, held, date(2026, 11, 22))
    assert takes_directives(held, held, held)
    assert takes_directives(held, held, date(2026, 11, 24))
    assert not takes_directives(held, held, date(2026, 11, 25))


def test_a_meeting_entered_afterwards_takes_directives_from_the_day_it_was_entered() -> None:
    held, entered = date(2026, 11, 16), date(2026, 11, 23)
    assert links_until(held, entered) == date(2026, 11, 24)
    assert takes_directives(held, entered, date(2026, 11, 23))
    assert takes_directives(held, entered, date(2026, 11, 24))
    assert not takes_directives(held, entered, date(2026, 11, 25))


def test_a_meeting_scheduled_ahead_takes_nothing_before_its_day() -> None:
    held, entered = date(2026, 12, 5), date(2026, 11, 23)
    assert not takes_directives(held, entered, date(2026, 11, 23))
    assert not takes_directives(held, entered, date(2026, 12, 4))
    assert takes_directives(held, entered, date(2026, 12, 5))
    assert takes_directives(held, entered, date(2026, 12, 6))


def test_an_old_meeting_entered_today_is_not_current() -> None:
    # An old conclusion imported today (February's giao ban typed in in December) is history: today's
    # directives do not join it, and neither do tomorrow's.
    february = date(2026, 2, 10)
    today = date(2026, 12, 7)
    assert not takes_directives(february, today, today)
    assert not takes_directives(february, today, today + timedelta(days=1))
    # Typed up within the fortnight, it still takes the directives of the day it is entered.
    last_week = today - timedelta(days=6)
    assert takes_directives(last_week, today, today)
