"""Reporting periods: what `/xuat <kỳ>` understands, and which tasks a period's report lists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.periods import (
    ALL_TIME,
    PeriodError,
    PeriodKind,
    belongs_to,
    month_period,
    parse_period,
    previous_month,
    previous_quarter,
    quarter_of,
    tasks_in_period,
    year_period,
)
from domain.types import TaskStatus, TaskView
from tests.domain.report_tasks import task

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("arg", "label", "start", "end", "slug"),
    [
        ("thang 11/2026", "Tháng 11/2026", date(2026, 11, 1), date(2026, 11, 30), "thang-11-2026"),
        ("tháng 11/2026", "Tháng 11/2026", date(2026, 11, 1), date(2026, 11, 30), "thang-11-2026"),
        ("Tháng 2 năm 2028", "Tháng 2/2028", date(2028, 2, 1), date(2028, 2, 29), "thang-02-2028"),
        ("thang 2-2027", "Tháng 2/2027", date(2027, 2, 1), date(2027, 2, 28), "thang-02-2027"),
        ("T12/2025", "Tháng 12/2025", date(2025, 12, 1), date(2025, 12, 31), "thang-12-2025"),
        ("09/2026", "Tháng 9/2026", date(2026, 9, 1), date(2026, 9, 30), "thang-09-2026"),
        ("thang 11", "Tháng 11/2026", date(2026, 11, 1), date(2026, 11, 30), "thang-11-2026"),
        ("quy I/2026", "Quý I/2026", date(2026, 1, 1), date(2026, 3, 31), "quy-i-2026"),
        ("quý 4/2026", "Quý IV/2026", date(2026, 10, 1), date(2026, 12, 31), "quy-iv-2026"),
        ("QUÝ IV", "Quý IV/2026", date(2026, 10, 1), date(2026, 12, 31), "quy-iv-2026"),
        ("quy ii nam 2025", "Quý II/2025", date(2025, 4, 1), date(2025, 6, 30), "quy-ii-2025"),
        ("q3/2026", "Quý III/2026", date(2026, 7, 1), date(2026, 9, 30), "quy-iii-2026"),
        (
            "6 tháng đầu năm 2026",
            "6 tháng đầu năm 2026",
            date(2026, 1, 1),
            date(2026, 6, 30),
            "6-thang-dau-nam-2026",
        ),
        (
            "9 thang dau nam",
            "9 tháng đầu năm 2026",
            date(2026, 1, 1),
            date(2026, 9, 30),
            "9-thang-dau-nam-2026",
        ),
        (
            "6 thang cuoi nam 2025",
            "6 tháng cuối năm 2025",
            date(2025, 7, 1),
            date(2025, 12, 31),
            "6-thang-cuoi-nam-2025",
        ),
        ("nam 2026", "Năm 2026", date(2026, 1, 1), date(2026, 12, 31), "nam-2026"),
        ("năm 2024", "Năm 2024", date(2024, 1, 1), date(2024, 12, 31), "nam-2024"),
        ("2025", "Năm 2025", date(2025, 1, 1), date(2025, 12, 31), "nam-2025"),
        ("  trong   tháng 10 ", "Tháng 10/2026", date(2026, 10, 1), date(2026, 10, 31), "thang-10-2026"),
    ],
)
def test_periods_are_read_with_or_without_diacritics(
    arg: str, label: str, start: date, end: date, slug: str
) -> None:
    period = parse_period(arg, TODAY)
    assert (period.label, period.start, period.end, period.slug) == (label, start, end, slug)


@pytest.mark.parametrize("arg", ["tatca", "tất cả", "Tat ca", "toàn bộ", "all", "", "   "])
def test_all_and_the_empty_argument_mean_every_task(arg: str) -> None:
    period = parse_period(arg, TODAY)
    assert period is ALL_TIME
    assert (period.label, period.slug, period.kind) == ("Toàn bộ", "tat-ca", PeriodKind.ALL)


@pytest.mark.parametrize(
    ("arg", "today", "label"),
    [
        ("tháng này", date(2026, 11, 20), "Tháng 11/2026"),
        ("thang truoc", date(2027, 1, 5), "Tháng 12/2026"),
        ("quý này", date(2026, 11, 20), "Quý IV/2026"),
        ("quy truoc", date(2027, 2, 1), "Quý IV/2026"),
        ("năm nay", date(2026, 11, 20), "Năm 2026"),
        ("nam ngoai", date(2026, 11, 20), "Năm 2025"),
        ("năm trước", date(2026, 1, 1), "Năm 2025"),
    ],
)
def test_relative_periods_follow_today(arg: str, today: date, label: str) -> None:
    assert parse_period(arg, today).label == label


@pytest.mark.parametrize(
    ("arg", "today", "label"),
    [
        # Reports look back: in January, "tháng 12" is the December just ended.
        ("thang 12", date(2027, 1, 5), "Tháng 12/2026"),
        ("thang 1", date(2027, 1, 5), "Tháng 1/2027"),
        ("quy IV", date(2027, 2, 10), "Quý IV/2026"),
        ("quy I", date(2027, 2, 10), "Quý I/2027"),
        ("6 thang dau nam", date(2027, 2, 10), "6 tháng đầu năm 2027"),
    ],
)
def test_a_month_or_quarter_without_year_is_the_latest_that_has_begun(
    arg: str, today: date, label: str
) -> None:
    assert parse_period(arg, today).label == label


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("thang 13/2026", "Không có tháng 13: tháng phải từ 1 đến 12"),
        ("13/2026", "Không có tháng 13"),
        ("thang 0", "Không có tháng 0"),
        ("quy 5/2026", "Không có quý 5: quý phải từ I đến IV"),
        ("quý V", "Không có quý V"),
        ("nam 226", "Năm 226 không hợp lệ"),
        ("thang 11/26", "Năm 26 không hợp lệ"),
        ("13 thang dau nam", "Không có kỳ 13 tháng đầu năm"),
        ("tuần này", "Không hiểu kỳ báo cáo"),
        ("thang", "Không hiểu kỳ báo cáo"),
        ("quy nam 2026", "Không hiểu kỳ báo cáo"),
        ("<b>xyz</b>", "Không hiểu kỳ báo cáo"),
    ],
)
def test_unknown_or_impossible_periods_are_refused_in_vietnamese(arg: str, expected: str) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period(arg, TODAY)
    message = str(caught.value)
    assert message.startswith(expected)
    assert "Ví dụ" in message or "tháng 11/2026" in message  # says what to write instead
    assert "<" not in message  # never echoes input: safe to send as Telegram HTML


def test_helpers_for_the_first_monday_summary() -> None:
    assert previous_month(date(2027, 1, 4)).label == "Tháng 12/2026"
    assert previous_quarter(date(2027, 1, 4)).label == "Quý IV/2026"
    assert previous_quarter(date(2026, 8, 3)).label == "Quý II/2026"
    assert quarter_of(date(2026, 3, 31)).label == "Quý I/2026"


# ------------------------------------------------------------------------------ membership

NOVEMBER = month_period(2026, 11)


@pytest.mark.parametrize(
    ("case", "view", "expected"),
    [
        ("assigned in the month", task(1, assigned_on=date(2026, 11, 5), due_original=None), True),
        (
            "carried over, still open",
            task(2, assigned_on=date(2026, 3, 1), due_original=date(2026, 4, 30)),
            True,
        ),
        (
            "closed on the first day",
            task(3, assigned_on=date(2026, 9, 1), status=TaskStatus.DONE, done_on=date(2026, 11, 1)),
            True,
        ),
        (
            "finished early, originally due in the month",
            task(
                4,
                assigned_on=date(2026, 9, 1),
                due_original=date(2026, 11, 15),
                status=TaskStatus.DONE,
                done_on=date(2026, 10, 20),
            ),
            True,
        ),
        (
            "finished before the month, due before it",
            task(
                5,
                assigned_on=date(2026, 9, 1),
                due_original=date(2026, 10, 15),
                status=TaskStatus.DONE,
                done_on=date(2026, 10, 14),
            ),
            False,
        ),
        (
            "cancelled before the month although due in it",
            task(
                6,
                assigned_on=date(2026, 9, 1),
                due_original=date(2026, 11, 15),
                status=TaskStatus.CANCELLED,
                cancelled_on=date(2026, 10, 2),
            ),
            False,
        ),
        (
            "cancelled during the month",
            task(
                7,
                assigned_on=date(2026, 9, 1),
                due_original=date(2026, 12, 15),
                status=TaskStatus.CANCELLED,
                cancelled_on=date(2026, 11, 3),
            ),
            True,
        ),
        (
            "assigned after the month",
            task(8, assigned_on=date(2026, 12, 1), due_original=date(2026, 12, 31)),
            False,
        ),
        (
            "extended into the month but finished before it",
            task(
                9,
                assigned_on=date(2026, 9, 1),
                due_original=date(2026, 10, 15),
                due_current=date(2026, 11, 15),
                status=TaskStatus.DONE,
                done_on=date(2026, 10, 30),
            ),
            False,
        ),
        (
            "done but the day is unknown: kept rather than lost",
            task(10, assigned_on=date(2026, 9, 1), due_original=None, status=TaskStatus.DONE, done_on=None),
            True,
        ),
    ],
)
def test_which_tasks_a_month_report_lists(case: str, view: TaskView, expected: bool) -> None:
    assert belongs_to(view, NOVEMBER) is expected, case


def test_tasks_in_period_keeps_the_order_and_all_time_keeps_everything() -> None:
    tasks = [
        task(7, assigned_on=date(2026, 11, 3)),
        task(
            3,
            assigned_on=date(2025, 1, 1),
            due_original=date(2025, 1, 31),
            status=TaskStatus.DONE,
            done_on=date(2025, 2, 1),
        ),
        task(5, assigned_on=date(2026, 11, 9)),
    ]
    assert [t.number for t in tasks_in_period(tasks, NOVEMBER)] == [7, 5]
    assert [t.number for t in tasks_in_period(tasks, ALL_TIME)] == [7, 3, 5]


_days = st.dates(min_value=date(2025, 10, 1), max_value=date(2027, 3, 31))


@st.composite
def _tasks(draw: st.DrawFn) -> TaskView:
    assigned = draw(_days)
    status = draw(st.sampled_from(list(TaskStatus)))
    closed = assigned + timedelta(days=draw(st.integers(0, 400))) if status is not TaskStatus.OPEN else None
    due = draw(st.none() | _days)
    return task(
        1,
        assigned_on=assigned,
        status=status,
        due_original=due,
        done_on=closed if status is TaskStatus.DONE else None,
        cancelled_on=closed if status is TaskStatus.CANCELLED else None,
    )


@given(_tasks())
def test_a_year_report_lists_exactly_the_tasks_of_its_months_reports(view: TaskView) -> None:
    """Counting "theo tháng" and "theo năm" must agree: no task is in a year but in none of its months."""
    year = year_period(2026)
    in_some_month = any(belongs_to(view, month_period(2026, m)) for m in range(1, 13))
    assert belongs_to(view, year) is in_some_month
