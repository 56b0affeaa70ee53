"""The board's facts: the same states, units and counts as the chat's reports."""

from __future__ import annotations

from datetime import date

from domain.board import LowerLine, board, calendar, lower_line
from domain.report_stats import count_states, per_unit
from domain.types import TaskStatus
from tests.domain.report_tasks import TODAY, one_of_each_state, task


def test_open_tasks_and_recently_closed_ones_with_their_facts() -> None:
    views = one_of_each_state()
    out = board(views, TODAY)
    by_number = {t["number"]: t for t in out["tasks"]}
    assert set(by_number) == {1, 2, 3, 4, 5}  # closed in November: still on the board on the 20th
    assert by_number[4]["state"] == "open_overdue" and by_number[4]["days_overdue"] == 4
    assert by_number[3]["unit"] == "Văn phòng" and by_number[3]["people"] == []  # a unit is not a person
    with_people = {t["number"]: t for t in board(views, TODAY, people={3: ["Lê Thị Hoa"]})["tasks"]}
    assert with_people[3]["people"] == ["Lê Thị Hoa"] and with_people[4]["people"] == []
    assert [t["number"] for t in out["tasks"]][:2] == [3, 4]  # open first
    assert out["totals"]["total"] == count_states(views, TODAY).total
    old = task(9, status=TaskStatus.DONE, done_on=date(2026, 8, 1), due_original=date(2026, 8, 1))
    assert 9 not in {t["number"] for t in board([*views, old], TODAY)["tasks"]}


def test_unit_completion_for_the_month_is_the_reports_count() -> None:
    views = [*one_of_each_state(), task(6, lead="Công an phường", lead_unit="Công an phường",
                                        due_original=date(2026, 11, 25))]  # fmt: skip
    out = board(views, TODAY)
    units = {u["name"]: u for u in out["units"]}
    for name, counts in per_unit(views, TODAY):
        assert units[name]["month"]["total"] == counts.total
        assert units[name]["month"]["done_on_time"] == counts.done_on_time
    assert out["month"] == "Tháng 11/2026" and out["quarter"] == "Quý IV/2026"


def test_calendar_lists_open_tasks_of_the_next_four_weeks_by_day() -> None:
    views = [
        task(1, due_original=date(2026, 11, 20)),
        task(2, due_original=date(2026, 11, 20)),
        task(3, due_original=date(2026, 12, 13)),  # the Sunday ending the fourth week
        task(4, due_original=date(2026, 12, 14)),  # beyond
        task(5, due_original=date(2026, 11, 19)),  # overdue: not on the calendar
        task(6, status=TaskStatus.DONE, done_on=date(2026, 11, 19), due_original=date(2026, 11, 25)),
    ]
    assert calendar(views, TODAY) == [
        {"date": "2026-11-20", "tasks": [1, 2]},
        {"date": "2026-12-13", "tasks": [3]},
    ]


def test_a_lower_committee_in_one_line() -> None:
    line = lower_line(7, "BCĐ phường Sài Đồng", one_of_each_state(), TODAY)
    assert (line.open, line.overdue, line.done_on_time, line.counted) == (2, 1, 1, 4)
    assert line.period == "Tháng 11/2026"


def test_in_the_summary_week_a_wards_line_counts_the_month_the_summary_reports() -> None:
    """Session 10: on Monday 7/12 the chart and the summary report November, but the ward's line counted
    December (7 days old: «0 xong đúng hạn»). It counts November now, named, and its «done/all» is the
    ward chart's November figure; the next week it is December's."""
    november = [task(1, status=TaskStatus.DONE, done_on=date(2026, 11, 20), due_original=date(2026, 11, 25)),
                task(2, status=TaskStatus.DONE, done_on=date(2026, 11, 27), due_original=date(2026, 11, 26)),
                task(3, due_original=date(2026, 11, 30))]  # fmt: skip
    monday = date(2026, 12, 7)
    line = lower_line(7, "BCĐ phường Sài Đồng", november, monday, summary_day=monday)
    assert (line.period, line.done_on_time, line.counted, line.overdue) == ("Tháng 11/2026", 1, 3, 1)
    chart = board(november, monday, summary_day=monday)["units"][0]["last_month"]
    assert (chart["done_on_time"], chart["total"]) == (line.done_on_time, line.counted)
    later = date(2026, 12, 14)
    assert lower_line(7, "x", november, later, summary_day=later).period == "Tháng 12/2026"


def test_wards_come_most_overdue_first_then_in_alphabetical_order() -> None:
    def ward(cid: int, title: str, overdue: int) -> LowerLine:
        return LowerLine(cid, title, overdue + 1, overdue, 0, 0, "Tháng 12/2026")

    lines = [ward(1, "Phường Việt Hưng", 0), ward(2, "Phường Bồ Đề", 2), ward(3, "Phường Đức Giang", 5),
             ward(4, "Phường Ái Mộ", 0), ward(5, "Phường Cự Khối", 2), ward(6, "Phường Ái Mộ", 0)]  # fmt: skip
    out = board([], TODAY, lower=lines)["lower"]
    assert [(w["title"], w["committee_id"]) for w in out] == [
        ("Phường Đức Giang", 3), ("Phường Bồ Đề", 2), ("Phường Cự Khối", 5),
        ("Phường Ái Mộ", 4), ("Phường Ái Mộ", 6), ("Phường Việt Hưng", 1)]  # fmt: skip
    assert [w["title"] for w in board([], TODAY, lower=lines[::-1])["lower"]] == [w["title"] for w in out]
    total = board([], TODAY, lower=lines)["lower_total"]
    assert (total["title"], total["open"], total["overdue"]) == ("6", 15, 9)


def test_on_a_sunday_the_calendar_covers_the_four_coming_weeks() -> None:
    sunday = date(2026, 11, 22)
    views = [task(1, due_original=date(2026, 12, 19)), task(2, due_original=date(2026, 12, 21))]
    # 23/11 – 20/12 are the four coming working weeks: #1 (Saturday 19/12) is in them, #2 is not.
    assert calendar(views, sunday) == [{"date": "2026-12-19", "tasks": [1]}]
    assert calendar(views, date(2026, 11, 23)) == [{"date": "2026-12-19", "tasks": [1]}]  # the Monday after


def test_in_the_week_of_the_first_monday_the_chart_shows_the_month_the_summary_reports() -> None:
    """qa16: on Monday 7/12 the summary reports November; the chart said only «Tháng 12/2026» (December so far),
    so a chair comparing the two read different numbers. The month just ended now comes first, named."""
    november = [task(1, status=TaskStatus.DONE, done_on=date(2026, 11, 20), due_original=date(2026, 11, 25)),
                task(2, due_original=date(2026, 11, 30))]  # fmt: skip
    monday, tuesday, later = date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 14)
    out = board(november, monday, summary_day=monday)
    assert [(p["key"], p["label"]) for p in out["periods"]] == [
        ("last_month", "Tháng 11/2026"), ("month", "Tháng 12/2026"), ("quarter", "Quý IV/2026")]
    unit = out["units"][0]
    assert (unit["last_month"]["done_on_time"], unit["last_month"]["total"]) == (1, 2)
    # The whole week keeps the summary's month (/tonghop on Tuesday reports November too) ...
    assert out["periods"] == board(november, tuesday, summary_day=monday)["periods"]
    # ... and the next week the chart is the month under way only.
    next_week = board(november, later, summary_day=later)["periods"]
    assert [p["label"] for p in next_week] == ["Tháng 12/2026", "Quý IV/2026"]


def test_in_the_first_week_of_a_quarter_the_quarter_just_ended_is_shown_too() -> None:
    monday = date(2027, 1, 4)
    out = board([task(1, due_original=date(2026, 12, 10))], monday, summary_day=monday)
    labels = [p["label"] for p in out["periods"]]
    assert labels == ["Tháng 12/2026", "Quý IV/2026", "Tháng 1/2027", "Quý I/2027"]
