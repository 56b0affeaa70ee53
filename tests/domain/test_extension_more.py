"""qa21: «thêm N ngày / ngày làm việc / tuần / tháng» asked for as an extension: added to the current deadline."""

from __future__ import annotations

from datetime import date

import pytest

from domain.extension_more import more_time

TODAY = date(2026, 11, 23)  # Monday; 24/11 is a public holiday (Ngày Văn hoá Việt Nam) in the holidays library


@pytest.mark.parametrize(
    ("text", "current", "due", "rest"),
    [
        ("thêm 1 tuần chờ số liệu", date(2026, 12, 4), date(2026, 12, 11), " chờ số liệu"),
        ("xin gia hạn thêm 10 ngày làm việc vì chờ Sở", date(2026, 12, 4), date(2026, 12, 18),
         "xin gia hạn  vì chờ Sở"),
        ("Lùi 5 ngày nữa", date(2026, 12, 4), date(2026, 12, 9), ""),
        ("them 2 tuan", date(2026, 12, 4), date(2026, 12, 18), ""),
        ("thêm 1 tháng", date(2027, 1, 31), date(2027, 2, 28), ""),  # the month's last day, not 3/3
        # overdue since 15/11: a week from today, not a week after a day already gone
        ("thêm 1 tuần", date(2026, 11, 15), date(2026, 11, 30), ""),
        ("thêm 3 ngày", None, date(2026, 11, 26), ""),  # a task without deadline: from today
    ],
)
def test_more_time_is_added_to_the_current_deadline(text: str, current: date | None, due: date, rest: str) -> None:
    more = more_time(text, current, TODAY)
    assert more is not None and more.due == due
    assert (text[: more.span[0]] + text[more.span[1] :]).strip() == rest.strip()


@pytest.mark.parametrize("text", ["30/12 chờ số liệu", "thêm 0 ngày", "thêm người phối hợp", "cuối tháng"])
def test_words_that_ask_no_length_are_not_read(text: str) -> None:
    assert more_time(text, date(2026, 12, 4), TODAY) is None
