"""A day-month without a year is the next such date (SPEC); one ~10 months or more ahead is flagged."""

from __future__ import annotations

from datetime import date

from domain.due_checks import year_guessed_far_ahead
from domain.types import Deadline, DeadlineKind

TODAY = date(2026, 11, 23)


def dl(kind: DeadlineKind, due: date, phrase: str) -> Deadline:
    return Deadline(kind, due, phrase)


def test_a_day_just_past_read_as_next_year_is_flagged() -> None:
    assert year_guessed_far_ahead(dl(DeadlineKind.DATE, date(2027, 11, 1), "hạn 1/11"), TODAY)
    assert year_guessed_far_ahead(dl(DeadlineKind.DATE, date(2027, 11, 20), "trước ngày 20 tháng 11"), TODAY)
    assert year_guessed_far_ahead(dl(DeadlineKind.MONTH, date(2027, 10, 31), "trong tháng 10"), TODAY)


def test_a_written_year_a_near_date_or_a_far_relative_span_is_not() -> None:
    assert not year_guessed_far_ahead(dl(DeadlineKind.DATE, date(2027, 11, 1), "hạn 1/11/2027"), TODAY)
    assert not year_guessed_far_ahead(dl(DeadlineKind.DATE, date(2027, 11, 1), "hạn 1/11/27"), TODAY)
    assert not year_guessed_far_ahead(dl(DeadlineKind.DATE, date(2027, 11, 1), "ngày 1 tháng 11 năm 2027"), TODAY)
    assert not year_guessed_far_ahead(dl(DeadlineKind.DATE, date(2027, 3, 15), "hạn 15/3"), TODAY)
    assert not year_guessed_far_ahead(dl(DeadlineKind.RELATIVE, date(2027, 11, 23), "trong 365 ngày"), TODAY)
    # What the user typed decides, when given (a preview edit, /giahan's phrase).
    assert not year_guessed_far_ahead(dl(DeadlineKind.DATE, date(2027, 11, 1), "hạn 1/11"), TODAY, "1/11/2027")
