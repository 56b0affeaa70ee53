"""domain/plain_dates: the one plain date of a directive whose deadline words were not read."""

from __future__ import annotations

from datetime import date

import pytest

from domain.plain_dates import offered_date

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(("text", "offered"), [
    ("lam bao cao truwowcs ngayf 15/12", date(2026, 12, 15)),
    ("nop ho so hanj 20.12.2026", date(2026, 12, 20)),
    ("tong ket 15/01", date(2027, 1, 15)),  # without a year: its next occurrence
    ("bao cao 15/12/2026, nhac lai 15/12", date(2026, 12, 15)),  # the same day twice
])
def test_one_plain_date_is_offered(text: str, offered: date) -> None:
    assert offered_date(text, TODAY) == offered


@pytest.mark.parametrize("text", [
    "tong hop tu 01/12 den 10/12",  # two dates: which is the deadline is not guessed
    "trien khai Nghi quyet 12/2026",  # a document's number and year
    "theo Ke hoach 15/KH-UBND",
    "so lieu ngay 20/11/2026",  # already past
    "van ban so 1234/15/12",
])
def test_no_date_is_offered(text: str) -> None:
    assert offered_date(text, TODAY) is None
