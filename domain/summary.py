"""The weekly summary ("tổng hợp") of a committee, computed from its tasks: pure, no rendering.

What committees count (SPEC "Summaries"): tổng số; hoàn thành đúng hạn / quá hạn; đang thực hiện
trong hạn / quá hạn — lateness judged against the ORIGINAL deadline for finished tasks, the current
one for open tasks (`TaskView.state`). Then the overdue tasks (most overdue first), the tasks due
this week, the extension requests waiting for the chair, and one line per unit.

The first summary of a month adds the figures of the month just ended ("kiểm đếm theo tháng"), the
first of a quarter those of the quarter just ended. Cancelled tasks are left out of every count.
Rendering into Telegram messages is `bot.texts.render_summary`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from domain.calendar import week_end as calendar_week_end
from domain.report_stats import StateCounts, count_states, per_unit
from domain.types import TaskState, TaskStatus, TaskView


@dataclass(frozen=True)
class TaskLine:
    """One task as a summary line shows it."""

    number: int
    text: str
    lead: str | None
    due: date | None
    days_overdue: int = 0
    requested_due: date | None = None  # extension requests: the date asked for
    lead_left: bool = False  # (qa17) the person leading it left the group


@dataclass(frozen=True)
class UnitLine:
    unit: str
    done: int
    total: int
    overdue: int
    left: bool = False  # (qa17) a person who left the group with tasks still open

@dataclass(frozen=True)
class PeriodCounts:
    """The figures of one finished month or quarter."""

    kind: str  # "month" | "quarter"
    year: int
    index: int  # month 1..12 or quarter 1..4
    start: date
    end: date
    assigned: int  # directives given in the period
    due: int  # tasks whose (original) deadline fell in the period
    due_done_on_time: int
    due_done_late: int
    due_not_done: int  # still open today
    completed: int  # tasks finished in the period, whatever their deadline


@dataclass(frozen=True)
class Summary:
    committee: str | None
    today: date
    week_start: date
    week_end: date
    # Counted as /tonghop <kỳ>, the workbook and the chart count (cancelled tasks are left out before).
    totals: StateCounts
    overdue: tuple[TaskLine, ...]
    due_this_week: tuple[TaskLine, ...]
    extensions: tuple[TaskLine, ...]
    units: tuple[UnitLine, ...]
    month: PeriodCounts | None = None
    quarter: PeriodCounts | None = None
    # People given tasks directly (an @name, a person's name) and counted under no unit: listed
    # apart, so that a person does not read as a unit.
    people: tuple[UnitLine, ...] = ()


# --------------------------------------------------------------------------- periods


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return start, nxt - timedelta(days=1)


def _previous_month(day: date) -> tuple[int, int]:
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def periods_reported(summary_day: date) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """For the summary of a week whose (nominal) summary day is `summary_day`: the month (year,
    month) and quarter (year, quarter) just ended, when this is the first such day of its month /
    quarter; None otherwise."""
    if summary_day.day > 7:
        return None, None
    month = _previous_month(summary_day)
    quarter = None
    if summary_day.month in (1, 4, 7, 10):
        quarter = (month[0], (month[1] - 1) // 3 + 1)
    return month, quarter


def period_counts(views: Iterable[TaskView], kind: str, year: int, index: int, today: date) -> PeriodCounts:
    if kind == "month":
        start, end = _month_bounds(year, index)
    elif kind == "quarter":
        start = _month_bounds(year, 3 * index - 2)[0]
        end = _month_bounds(year, 3 * index)[1]
    else:
        raise ValueError(kind)
    assigned = due = on_time = late = not_done = completed = 0
    for v in views:
        if v.status is TaskStatus.CANCELLED:
            continue
        if start <= v.assigned_on <= end:
            assigned += 1
        if v.status is TaskStatus.DONE and v.done_on is not None and start <= v.done_on <= end:
            completed += 1
        if v.due_original is not None and start <= v.due_original <= end:
            due += 1
            state = v.state(today)
            if state is TaskState.DONE_ON_TIME:
                on_time += 1
            elif state is TaskState.DONE_LATE:
                late += 1
            else:
                not_done += 1
    return PeriodCounts(kind, year, index, start, end, assigned, due, on_time, late, not_done, completed)


# --------------------------------------------------------------------------- the summary


def _line(v: TaskView, today: date) -> TaskLine:
    return TaskLine(
        number=v.number,
        text=v.text,
        lead=v.lead,
        due=v.due_current,
        days_overdue=v.days_overdue(today),
        requested_due=v.pending_extension,
        lead_left=v.lead_left,
    )


def build_summary(
    views: Sequence[TaskView],
    today: date,
    committee: str | None = None,
    *,
    summary_day: date | None = None,
) -> Summary:
    """The summary as of `today`. `summary_day` is the week's nominal summary day (the configured
    Monday, before any holiday move): it decides whether month/quarter figures are added; by
    default `today` decides."""
    # "This week" as every list reads it (domain.calendar.week_end): on a Saturday or a Sunday, the
    # coming working week.
    week_end = calendar_week_end(today)
    week_start = week_end - timedelta(days=6)
    counted = [v for v in views if v.status is not TaskStatus.CANCELLED]

    states = {id(v): v.state(today) for v in counted}
    totals = count_states(counted, today)
    open_views = [v for v in counted if v.status is TaskStatus.OPEN]
    overdue = sorted(
        (_line(v, today) for v in open_views if states[id(v)] is TaskState.OPEN_OVERDUE),
        key=lambda line: (-line.days_overdue, line.number),
    )
    due_this_week = sorted(
        (_line(v, today) for v in open_views if v.due_current is not None and today <= v.due_current <= week_end),
        key=lambda line: (line.due, line.number),
    )
    extensions = sorted(
        (_line(v, today) for v in open_views if v.pending_extension is not None),
        key=lambda line: line.number,
    )

    # The same grouping and order as the chart and the workbook (domain.report_stats.per_unit).
    # People led tasks directly (counted under no unit) get their own list.
    units = tuple(
        UnitLine(name, c.done, c.total, c.open_overdue)
        for name, c in per_unit([v for v in counted if not v.lead_is_person], today)
    )
    # (qa17) a person who left the group with tasks open is said so: the chair reads who to give them to.
    left = {v.lead_unit for v in counted if v.lead_is_person and v.lead_left}
    people = tuple(
        UnitLine(name, c.done, c.total, c.open_overdue, left=name in left)
        for name, c in per_unit([v for v in counted if v.lead_is_person], today)
    )

    month_key, quarter_key = periods_reported(summary_day or today)
    month = period_counts(counted, "month", *month_key, today) if month_key else None
    quarter = period_counts(counted, "quarter", *quarter_key, today) if quarter_key else None
    return Summary(
        committee=committee,
        today=today,
        week_start=week_start,
        week_end=week_end,
        totals=totals,
        overdue=tuple(overdue),
        due_this_week=tuple(due_this_week),
        extensions=tuple(extensions),
        units=units,
        month=month,
        quarter=quarter,
        people=people,
    )
