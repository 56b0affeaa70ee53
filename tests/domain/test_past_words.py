"""Words naming a past day or period in an answer to "which deadline?" (domain/past_words.py)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.past_words import past_words

TODAY = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("hôm qua", date(2026, 11, 22), date(2026, 11, 22)),
        ("hom qua vi ban", date(2026, 11, 22), date(2026, 11, 22)),
        ("bữa qua", date(2026, 11, 22), date(2026, 11, 22)),
        ("hôm kia", date(2026, 11, 21), date(2026, 11, 21)),
        ("3 ngày trước", date(2026, 11, 20), date(2026, 11, 20)),
        ("thứ Sáu tuần trước", date(2026, 11, 20), date(2026, 11, 20)),
        ("thu 2 tuan truoc", date(2026, 11, 16), date(2026, 11, 16)),
        ("chủ nhật tuần rồi", date(2026, 11, 22), date(2026, 11, 22)),
        ("tuần trước", date(2026, 11, 16), date(2026, 11, 22)),
        ("cuối tuần trước", date(2026, 11, 21), date(2026, 11, 22)),
        ("tháng trước", date(2026, 10, 1), date(2026, 10, 31)),
        ("cuối tháng trước", date(2026, 10, 31), date(2026, 10, 31)),
        ("quý trước", date(2026, 7, 1), date(2026, 9, 30)),
        ("năm ngoái", date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_past_words_name_their_day(text: str, first: date, last: date) -> None:
    found = past_words(text, TODAY)
    assert found is not None and (found.first, found.last) == (first, last)


@pytest.mark.parametrize("text", ["ngày mai", "ngày kia", "tuần sau", "trước ngày 15/12", "3 ngày trước hạn", "30/12"])
def test_days_ahead_are_not_past_words(text: str) -> None:
    assert past_words(text, TODAY) is None


def test_the_span_indexes_the_text_as_written() -> None:
    found = past_words("15/12 vì Tuần Trước ốm", TODAY)
    assert found is not None and found.phrase == "Tuần Trước" and (found.start, found.end) == (9, 19)


def test_past_words_are_the_deadline_only_when_no_date_or_next_to_it() -> None:
    from domain.past_words import past_deadline

    assert past_deadline("hôm qua vì bận", TODAY, None) is not None
    assert past_deadline("thứ sáu tuần trước", TODAY, (0, 7)) is not None  # «thứ sáu» read alone
    assert past_deadline("15/12 vì tuần trước ốm", TODAY, (0, 5)) is None  # the reason
