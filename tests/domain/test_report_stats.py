"""Counting tasks by state, overall and per unit (shared by the workbook, chart and summary)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from domain.report_stats import NO_UNIT_LABEL, StateCounts, count_states, per_unit, vietnamese_sort_key
from domain.states import ALL_STATES, COUNTED_STATES, STATE_LABELS
from domain.types import TaskState, TaskStatus
from tests.domain.report_tasks import TODAY, one_of_each_state, task


def test_each_state_is_counted_once_and_cancelled_is_not_in_the_total() -> None:
    counts = count_states(one_of_each_state(), TODAY)
    assert counts == StateCounts(done_on_time=1, done_late=1, open_on_time=1, open_overdue=1, cancelled=1)
    assert (counts.total, counts.done, counts.open) == (4, 2, 2)
    assert [counts.of(state) for state in ALL_STATES] == [1, 1, 1, 1, 1]


def test_on_time_rate_judges_only_finished_or_overdue_tasks() -> None:
    # 3 on time, 1 late, 1 overdue, 5 still within their deadline: 3 of 5 judged met the deadline.
    counts = StateCounts(done_on_time=3, done_late=1, open_on_time=5, open_overdue=1)
    assert counts.on_time_rate == pytest.approx(0.6)
    assert StateCounts(open_on_time=4).on_time_rate is None  # nothing judged yet: not 0 %
    assert StateCounts(done_on_time=2).on_time_rate == 1.0


def test_state_depends_on_the_day_the_report_is_made() -> None:
    view = task(1, due_original=date(2026, 11, 30))
    assert count_states([view], date(2026, 11, 30)).open_on_time == 1
    assert count_states([view], date(2026, 12, 1)).open_overdue == 1


def test_per_unit_groups_by_lead_unit_then_lead_in_vietnamese_order() -> None:
    tasks = [
        task(1, lead="Nguyễn Văn An", lead_unit="Văn phòng"),
        task(2, lead="Đoàn Thanh niên"),
        task(3, lead="Công an phường", status=TaskStatus.DONE, done_on=date(2026, 11, 3)),
        task(4, lead=None),
        task(5, lead="Dân vận"),
        task(6, lead="Văn phòng", due_original=date(2026, 11, 1)),
    ]
    rows = per_unit(tasks, TODAY)
    assert [name for name, _ in rows] == [
        "Công an phường",
        "Dân vận",
        "Đoàn Thanh niên",  # đ after d
        "Văn phòng",
        NO_UNIT_LABEL,  # last, whatever its spelling
    ]
    office = dict(rows)["Văn phòng"]
    assert (office.open_on_time, office.open_overdue, office.total) == (1, 1, 2)
    assert dict(rows)["Công an phường"].done_on_time == 1


def test_the_same_unit_written_differently_is_one_unit() -> None:
    tasks = [
        task(1, lead="Công an phường"),
        task(2, lead=unicodedata.normalize("NFD", "Công an  phường ")),
    ]
    assert [(name, counts.total) for name, counts in per_unit(tasks, TODAY)] == [("Công an phường", 2)]


def test_counts_add_up() -> None:
    a = StateCounts(1, 2, 3, 4, 5)
    assert a + StateCounts(1, 1, 1, 1, 1) == StateCounts(2, 3, 4, 5, 6)
    assert sum([a, a], StateCounts()) == StateCounts(2, 4, 6, 8, 10)


def test_vietnamese_alphabetical_order_with_numbers() -> None:
    names = [
        "Tổ dân phố 10",
        "Ủy ban",
        "Ấp Bắc",
        "Tổ dân phố 2",
        "Ban biên tập",
        "An ninh",
        "Ăn uống",
        "Điện lực",
    ]
    assert sorted(names, key=vietnamese_sort_key) == [
        "An ninh",
        "Ăn uống",
        "Ấp Bắc",
        "Ban biên tập",
        "Điện lực",
        "Tổ dân phố 2",
        "Tổ dân phố 10",
        "Ủy ban",
    ]


def test_state_labels_are_the_committee_wording() -> None:
    assert [STATE_LABELS[s] for s in COUNTED_STATES] == [
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Đang thực hiện trong hạn",
        "Đang thực hiện quá hạn",
    ]
    assert STATE_LABELS[TaskState.CANCELLED] == "Đã huỷ"
