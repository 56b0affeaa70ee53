"""Deadline rules written for kinds of sentences seen on unseen text (issue 11): each group of
tests is one class of sentence, with several realistic sentences of that class."""

from __future__ import annotations

from datetime import date

import pytest

from domain.types import DeadlineKind
from domain.understand.deadlines import NOTE_WEEKEND_WEEK, parse_deadline

SAT, SUN, FRI, MON = date(2026, 12, 5), date(2026, 12, 6), date(2026, 12, 4), date(2026, 12, 7)


# --- "trong tuần này" written on a weekend: the coming working week (SPEC; issue14 item 7) ---
@pytest.mark.parametrize("day", [SAT, SUN])
@pytest.mark.parametrize(
    "text",
    [
        "Các tổ dân phố nộp báo cáo trong tuần này.",
        "Văn phòng hoàn thành dự thảo kế hoạch trong tuần.",
        "Đề nghị Công an phường gửi danh sách trước cuối tuần này",
    ],
)
def test_this_week_on_a_weekend_is_the_coming_working_week(text: str, day: date) -> None:
    d = parse_deadline(text, day)
    assert (d.kind, d.due, d.note) == (DeadlineKind.RELATIVE, date(2026, 12, 11), NOTE_WEEKEND_WEEK)


@pytest.mark.parametrize(("day", "due"), [(FRI, FRI), (MON, date(2026, 12, 11))])
def test_this_week_on_a_working_day_is_this_week(day: date, due: date) -> None:
    d = parse_deadline("Các tổ dân phố nộp báo cáo trong tuần này.", day)
    assert (d.due, d.note) == (due, None)


def test_next_week_on_a_weekend_has_no_note() -> None:
    d = parse_deadline("Hoàn thành việc rà soát trong tuần sau.", SAT)
    assert (d.due, d.note) == (date(2026, 12, 11), None)
