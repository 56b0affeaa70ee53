"""The weekly summary: what is counted (domain.summary) and how it is laid out into Telegram
messages (bot.texts.render_summary): totals, lists, per-unit lines, month/quarter figures, and the
split at task boundaries under 4096 UTF-16 units."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from bot.texts import MESSAGE_LIMIT, render_summary, utf16_len
from domain.summary import build_summary, periods_reported
from domain.types import TaskStatus, TaskView

MONDAY = date(2026, 12, 14)  # an ordinary Monday (not the first of its month)
FIRST_MONDAY = date(2026, 12, 7)


def task(
    number: int,
    *,
    due: date | None,
    status: TaskStatus = TaskStatus.OPEN,
    done_on: date | None = None,
    due_current: date | None = None,
    lead: str | None = "Văn phòng",
    assigned_on: date = date(2026, 11, 2),
    pending_extension: date | None = None,
    text: str | None = None,
) -> TaskView:
    return TaskView(
        number=number,
        text=text or f"Nhiệm vụ số {number}",
        status=status,
        lead=lead,
        support=(),
        assigned_on=assigned_on,
        due_original=due,
        due_current=due_current or due,
        done_on=done_on,
        lead_unit=lead,
        pending_extension=pending_extension,
    )


def committee_tasks() -> list[TaskView]:
    return [
        task(1, due=date(2026, 11, 20), status=TaskStatus.DONE, done_on=date(2026, 11, 19)),  # on time
        task(
            2,
            due=date(2026, 11, 20),
            status=TaskStatus.DONE,
            done_on=date(2026, 11, 25),
            lead="Công an phường",
        ),
        task(3, due=date(2026, 12, 8), lead="Công an phường"),  # 6 days overdue
        task(4, due=date(2026, 12, 11), lead=None),  # 3 days overdue, no lead
        task(5, due=date(2026, 12, 16)),  # due this week
        task(6, due=date(2026, 12, 31), pending_extension=date(2027, 1, 15)),
        # Extended from 8/12 to 17/12: open and on time against the current deadline.
        task(7, due=date(2026, 12, 8), due_current=date(2026, 12, 17), lead="Văn phòng"),
        task(8, due=None),  # no deadline: open, on time
        task(9, due=date(2026, 11, 1), status=TaskStatus.CANCELLED),  # never counted
    ]


def test_totals_as_committees_count_them() -> None:
    s = build_summary(committee_tasks(), MONDAY, "BCĐ Chuyển đổi số")
    t = s.totals
    assert (t.total, t.done_on_time, t.done_late, t.open_on_time, t.open_overdue) == (8, 1, 1, 4, 2)
    assert [(x.number, x.days_overdue) for x in s.overdue] == [(3, 6), (4, 3)]  # most overdue first
    assert [x.number for x in s.due_this_week] == [5, 7]
    assert [(x.number, x.requested_due) for x in s.extensions] == [(6, date(2027, 1, 15))]
    assert [(u.unit, u.done, u.total, u.overdue) for u in s.units] == [
        ("Công an phường", 1, 2, 1),
        ("Văn phòng", 1, 5, 0),
        ("Chưa rõ đơn vị chủ trì", 0, 1, 1),  # always last, named as in the chart and the workbook
    ]


def test_rendered_summary_reads_like_the_committee_report() -> None:
    [message] = render_summary(build_summary(committee_tasks(), MONDAY, "BCĐ Chuyển đổi số"))
    assert "Tổng số: <b>8</b> nhiệm vụ" in message
    assert "Hoàn thành: <b>2</b> (đúng hạn 1, quá hạn 1)" in message
    assert "Đang thực hiện: <b>6</b> (trong hạn 4, quá hạn 2)" in message
    assert (
        "<b>#3</b> Nhiệm vụ số 3 — <b>quá hạn 6 ngày</b> (hạn Thứ Ba, 08/12/2026) — Chủ trì: Công an phường" in message
    )
    assert "<b>#4</b> Nhiệm vụ số 4 — <b>quá hạn 3 ngày</b> (hạn Thứ Sáu, 11/12/2026) — chưa rõ chủ trì" in message
    assert "<b>#5</b> Nhiệm vụ số 5 — hạn Thứ Tư, 16/12/2026 — Chủ trì: Văn phòng" in message
    assert "xin đến Thứ Sáu, 15/01/2027 (hạn hiện tại Thứ Năm, 31/12/2026)" in message
    assert "• Công an phường: 1/2, quá hạn 1" in message and "• Văn phòng: 1/5\n" in message
    # The order officials read it in.
    order = ["Tổng số", "Nhiệm vụ quá hạn", "Đến hạn trong tuần", "Xin gia hạn", "Theo đơn vị"]
    assert [message.index(x) for x in order] == sorted(message.index(x) for x in order)
    # An ordinary week: no month/quarter figures.
    assert "Kết quả tháng" not in message


def test_no_overdue_and_empty_committee() -> None:
    [message] = render_summary(build_summary([task(1, due=date(2026, 12, 20))], MONDAY, "BCĐ"))
    assert "✅ Không có nhiệm vụ quá hạn." in message
    [empty] = render_summary(build_summary([], MONDAY, "BCĐ"))
    assert "Chưa có nhiệm vụ nào được giao" in empty and "Theo đơn vị" not in empty


def test_user_text_is_escaped() -> None:
    views = [task(1, due=date(2026, 12, 1), text="Sửa <b>lỗi</b> & cập nhật", lead="Phòng <VH&TT>")]
    [message] = render_summary(build_summary(views, MONDAY, "BCĐ <test>"))
    assert "Sửa &lt;b&gt;lỗi&lt;/b&gt; &amp; cập nhật" in message
    assert "Phòng &lt;VH&amp;TT&gt;" in message and "BCĐ &lt;test&gt;" in message
    assert "<b>lỗi</b>" not in message


# --------------------------------------------------------------------------- month / quarter


def test_first_monday_of_a_month_and_of_a_quarter() -> None:
    assert periods_reported(date(2026, 12, 7)) == ((2026, 11), None)
    assert periods_reported(date(2026, 12, 14)) == (None, None)
    assert periods_reported(date(2027, 1, 4)) == ((2026, 12), (2026, 4))
    assert periods_reported(date(2026, 10, 5)) == ((2026, 9), (2026, 3))


def test_month_figures_on_the_first_monday() -> None:
    views = [*committee_tasks(), task(10, due=date(2026, 11, 30), assigned_on=date(2026, 10, 20))]
    s = build_summary(views, FIRST_MONDAY, "BCĐ", summary_day=FIRST_MONDAY)
    m = s.month
    assert m is not None and (m.year, m.index) == (2026, 11)
    # Due in November: #1 (on time), #2 (late), #10 (still open); #9 is cancelled.
    assert (m.due, m.due_done_on_time, m.due_done_late, m.due_not_done) == (3, 1, 1, 1)
    assert m.assigned == 8  # all but #10 (October) and the cancelled #9
    assert m.completed == 2
    assert s.quarter is None
    [message] = render_summary(s)
    assert "Kết quả tháng 11/2026" in message
    assert "Đến hạn: 3 — hoàn thành đúng hạn 1, hoàn thành quá hạn 1, chưa hoàn thành 1" in message


def test_quarter_figures_on_the_first_monday_of_a_quarter() -> None:
    monday = date(2027, 1, 4)
    s = build_summary(committee_tasks(), monday, "BCĐ", summary_day=monday)
    assert s.month is not None and (s.month.year, s.month.index) == (2026, 12)
    assert s.quarter is not None and (s.quarter.year, s.quarter.index) == (2026, 4)
    assert (s.quarter.start, s.quarter.end) == (date(2026, 10, 1), date(2026, 12, 31))
    [message] = render_summary(s)
    assert "Kết quả tháng 12/2026" in message and "Kết quả quý IV/2026" in message


# --------------------------------------------------------------------------- the 4096 split


def _task_lines(messages: list[str]) -> list[str]:
    return [line for m in messages for line in m.split("\n") if line.startswith("<b>#")]


def test_long_summary_is_split_between_tasks() -> None:
    long_text = "Rà soát, cập nhật hồ sơ thủ tục hành chính trên Cổng dịch vụ công " * 3
    views = [
        task(n, due=MONDAY - timedelta(days=n % 30 + 1), text=f"{long_text} đợt {n}", lead=f"Đơn vị {n % 17}")
        for n in range(1, 301)
    ]
    s = build_summary(views, MONDAY, "BCĐ Cải cách hành chính")
    messages = render_summary(s)
    assert len(messages) > 5
    assert all(utf16_len(m) <= MESSAGE_LIMIT for m in messages)
    # Every overdue task appears exactly once, whole, in order.
    lines = _task_lines(messages)
    numbers = [int(re.match(r"<b>#(\d+)</b>", line).group(1)) for line in lines]  # type: ignore[union-attr]
    assert numbers == [x.number for x in s.overdue]
    assert all(line.endswith(f"Chủ trì: Đơn vị {n % 17}") for line, n in zip(lines, numbers, strict=True))
    # Later messages say they continue, and a section cut in two repeats its title.
    assert all(m.startswith("📊 <b>Tổng hợp</b> (tiếp theo)") for m in messages[1:])
    assert "Nhiệm vụ quá hạn (300)</b> (tiếp)" in messages[1]
    # The per-unit section ends the last message; a title never ends a message.
    assert messages[-1].rstrip().split("\n")[-1].startswith("• Đơn vị")
    for m in messages:
        assert not m.rstrip().split("\n")[-1].endswith("</b>") or m.rstrip().split("\n")[-1].startswith("<b>#")


def test_split_counts_utf16_units_not_characters() -> None:
    # Emoji outside the BMP count two UTF-16 units each: a split measured in characters would overflow.
    views = [task(n, due=MONDAY - timedelta(days=2), text="🔥" * 150) for n in range(1, 80)]
    messages = render_summary(build_summary(views, MONDAY, "BCĐ"))
    assert len(messages) > 1
    assert all(utf16_len(m) <= MESSAGE_LIMIT for m in messages)
    assert sum(len(_task_lines([m])) for m in messages) == 79


def test_overlong_task_text_is_shortened_not_cut_mid_line() -> None:
    views = [task(1, due=MONDAY - timedelta(days=1), text="chữ " * 3000)]
    [message] = render_summary(build_summary(views, MONDAY, "BCĐ"))
    [line] = _task_lines([message])
    assert "…" in line and utf16_len(message) <= MESSAGE_LIMIT


def test_on_a_sunday_this_week_is_the_coming_working_week() -> None:
    # /tonghop on Sunday 13/12: "đến hạn tuần này" lists the week of 14–20/12 (as /ds tuannay and the
    # board read "tuần này" on a weekend), not the Sunday alone.
    s = build_summary(committee_tasks(), MONDAY - timedelta(days=1))
    assert (s.week_start, s.week_end) == (MONDAY, MONDAY + timedelta(days=6))
    assert [line.number for line in s.due_this_week] == [5, 7]


def test_people_given_tasks_directly_are_listed_apart_from_units() -> None:
    views = [
        task(1, due=date(2026, 12, 20), lead="Công an phường"),
        task(2, due=date(2026, 12, 20), lead="Công an phường", status=TaskStatus.DONE, done_on=date(2026, 12, 1)),
        replace(task(3, due=date(2026, 12, 20), lead="@binh_pham"), lead_is_person=True),
        replace(task(4, due=date(2026, 12, 8), lead="Hoa Trần"), lead_is_person=True),
    ]
    s = build_summary(views, MONDAY, "BCĐ")
    assert [(u.unit, u.done, u.total) for u in s.units] == [("Công an phường", 1, 2)]
    assert [(u.unit, u.done, u.total, u.overdue) for u in s.people] == [("@binh_pham", 0, 1, 0), ("Hoa Trần", 0, 1, 1)]
    [message] = render_summary(s)
    units, people = message.split("Theo đơn vị")[1].split("Giao trực tiếp cho cá nhân")
    assert "• Công an phường: 1/2\n" in units and "@binh_pham" not in units
    assert "• @binh_pham: 0/1\n" in people and people.endswith("• Hoa Trần: 0/1, quá hạn 1")


def test_a_task_due_in_december_and_done_in_january_is_judged_on_the_day_the_figures_are_made() -> None:
    # report11 (qa: «counted as done late in December»): SPEC counts «hoàn thành (đúng hạn / quá hạn)»
    # and «đang thực hiện (trong hạn / quá hạn)» of a period's tasks, and domain.periods decides that the
    # state is judged as of the day the figures are made. Made on 31/12 they show it overdue; the first
    # Monday of January (4/1) tells December's figures as of that day: due in December, finished late;
    # January's figures count it as finished in January.
    from domain.summary import period_counts

    late = task(1, due=date(2026, 12, 20), assigned_on=date(2026, 12, 1))
    end_of_december = period_counts([late], "month", 2026, 12, date(2026, 12, 31))
    assert (end_of_december.due, end_of_december.due_not_done, end_of_december.due_done_late) == (1, 1, 0)
    done = replace(late, status=TaskStatus.DONE, done_on=date(2027, 1, 3))
    first_monday = build_summary([done], date(2027, 1, 4))
    assert first_monday.month is not None and (first_monday.month.year, first_monday.month.index) == (2026, 12)
    assert (first_monday.month.due_not_done, first_monday.month.due_done_late) == (0, 1)
    january = period_counts([done], "month", 2027, 1, date(2027, 2, 1))
    assert (january.due, january.completed) == (0, 1)
