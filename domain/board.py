"""What the board (the Telegram Mini App) shows of a committee: plain data for its page.

The page filters and searches on the phone; this module decides the facts it filters on, with the
same rules as the chat's reports, so the board and `/tonghop` never disagree:
- a task's state and days overdue come from `TaskView` (domain.types), its unit from
  `domain.report_stats.unit_of` (the one grouping rule);
- per-unit completion for the month and the quarter counts the tasks of that period
  (`domain.periods.tasks_in_period`) with `domain.report_stats.per_unit`, as `/tonghop thang …` does;
  people given tasks directly (counted under no unit) are counted apart (`people`), as the summary lists
  them, and a task says whether its lead is such a person (`person_lead`);
- the calendar lists the open tasks due in the next `CALENDAR_WEEKS` weeks, by day;
- a lower committee (a ward under a district) is summed up in one line: open and overdue now, and done
  on time out of the tasks of the month the chart shows first (`lower_period`: the month the Monday
  summary reports that week), that month named; the lines come most overdue first (`order_lower`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from domain.calendar import week_end
from domain.periods import Period, month_of, month_period, quarter_of, quarter_period, tasks_in_period
from domain.report_stats import StateCounts, count_states, per_unit_and_person, unit_of, vietnamese_sort_key
from domain.summary import periods_reported
from domain.types import TaskState, TaskStatus, TaskView

CALENDAR_WEEKS = 4
# Closed tasks stay on the board this long after they close (the chair looks back a month or so).
RECENT_DAYS = 45

JSON = dict[str, Any]


@dataclass(frozen=True)
class LowerLine:
    committee_id: int
    title: str
    open: int
    overdue: int
    # Of the tasks of `period` (tasks_in_period, as the chart and /tonghop count them): done on time, all.
    done_on_time: int
    counted: int
    period: str  # its label, «Tháng 11/2026»: the line says which month it counts


def _counts(c: StateCounts) -> JSON:
    return {
        "total": c.total,
        "done_on_time": c.done_on_time,
        "done_late": c.done_late,
        "open_on_time": c.open_on_time,
        "open_overdue": c.open_overdue,
        "rate": None if c.on_time_rate is None else round(c.on_time_rate * 100, 1),
    }


def _due_counts(c: StateCounts) -> JSON:
    return {"due": c.total, "due_on_time": c.done_on_time}


def task_json(v: TaskView, today: date, people: Sequence[str] = (), carriers: Sequence[str] = ()) -> JSON:
    """`people`: the persons the task is filed under for the «Mọi người» filter (db.board.people_of_tasks);
    units are not people (they have their own filter). `carriers`: those of them who carry it (the lead's,
    the executors'; not a supporting unit's contact), named on its card and in its detail."""
    return {
        "number": v.number,
        "text": v.text,
        "status": v.status.value,
        "state": v.state(today).value,
        "lead": v.lead,
        "unit": unit_of(v),
        "person_lead": v.lead_is_person,
        "support": list(v.support),
        "people": list(people),
        "carriers": list(carriers),
        "assigned_on": v.assigned_on.isoformat(),
        "due": v.due_current.isoformat() if v.due_current else None,
        "due_original": v.due_original.isoformat() if v.due_original else None,
        "days_overdue": v.days_overdue(today),
        "extended": v.extension_count > 0,
        "extension_count": v.extension_count,
        "pending_extension": v.pending_extension.isoformat() if v.pending_extension else None,
        "latest_note": v.latest_note,
        "blocked_note": v.blocked_note,
        "meeting": v.meeting_title,
        "urgent": v.urgent,
        # (board16) A recurring duty: the card marks it 🔁 and the detail names the cadence, as the chat does.
        "cadence": v.cadence,
    }


def due_in(views: Sequence[TaskView], period: Period) -> list[TaskView]:
    """(board16) The tasks whose deadline falls in `period` — the original one, against which a finished task is
    judged on time (domain.types.task_state), so a month's set does not move when a deadline is extended;
    cancelled ones left out. The chart's «x/y đúng hạn» counted every task live in the month, and an open task
    was counted in October and again in November: a chair read «0/10» as ten tasks due that month."""
    return [
        v
        for v in views
        if v.status is not TaskStatus.CANCELLED
        and (due := v.due_original or v.due_current) is not None
        and period.contains(due)
    ]


def _shown(v: TaskView, today: date) -> bool:
    if v.status is TaskStatus.OPEN:
        return True
    closed = v.done_on or v.cancelled_on
    return closed is not None and (today - closed).days <= RECENT_DAYS


def calendar_last_day(today: date, weeks: int = CALENDAR_WEEKS) -> date:
    """The calendar's last day: the end of the `weeks`-th week from today's."""
    return week_end(today) + timedelta(days=7 * (weeks - 1))


def calendar_later(views: Sequence[TaskView], today: date, weeks: int = CALENDAR_WEEKS) -> JSON:
    """(qa20) The open tasks due after the calendar's last day, counted: the calendar ended on its last day
    with nothing said, and a chair read that nothing fell due after it."""
    last = calendar_last_day(today, weeks)
    count = sum(1 for v in views if v.status is TaskStatus.OPEN and v.due_current is not None and v.due_current > last)
    return {"count": count, "after": last.isoformat()}


def calendar(views: Sequence[TaskView], today: date, weeks: int = CALENDAR_WEEKS) -> list[JSON]:
    """Open tasks due from today to the end of the `weeks`-th week, one entry per day that has any (on a
    Saturday or Sunday the weeks are the coming ones, as for «Tuần này»: not three and a weekend)."""
    last = calendar_last_day(today, weeks)
    days: dict[date, list[int]] = {}
    for v in views:
        if v.status is TaskStatus.OPEN and v.due_current is not None and today <= v.due_current <= last:
            days.setdefault(v.due_current, []).append(v.number)
    return [{"date": day.isoformat(), "tasks": sorted(numbers)} for day, numbers in sorted(days.items())]


def lower_period(today: date, summary_day: date | None = None) -> Period:
    """The month a ward's line counts: the chart's first month (`chart_periods`) — in the week of the
    first Monday of a month the month just ended, which the Monday summary reports, else this month.
    A district chair reading «xong đúng hạn» beside the summary (or the ward's own chart) reads one month."""
    return next(period for key, period in chart_periods(today, summary_day) if key in ("last_month", "month"))


def lower_line(
    committee_id: int, title: str, views: Sequence[TaskView], today: date, summary_day: date | None = None
) -> LowerLine:
    period = lower_period(today, summary_day)
    counts = count_states(tasks_in_period(views, period), today)
    return LowerLine(
        committee_id=committee_id,
        title=title,
        open=sum(v.status is TaskStatus.OPEN for v in views),
        overdue=sum(v.state(today) is TaskState.OPEN_OVERDUE for v in views),
        done_on_time=counts.done_on_time,
        counted=counts.total,
        period=period.label,
    )


def order_lower(lines: Sequence[LowerLine]) -> list[LowerLine]:
    """Most overdue first (a district chair looks for the wards behind); ties in Vietnamese alphabetical
    order of the title, then by id (two wards of one name keep one order from one load to the next)."""
    return sorted(lines, key=lambda line: (-line.overdue, vietnamese_sort_key(line.title), line.committee_id))


def chart_periods(today: date, summary_day: date | None = None) -> list[tuple[str, Period]]:
    """The chart's periods, keyed: the month and quarter under way, and — in the week whose summary
    day is the first of its month (of its quarter) — first the month (quarter) just ended, which
    the Monday summary and `/tonghop` report that week (domain.summary.periods_reported). A chair
    comparing the board with the summary on the 7th finds the summary's month there, named."""
    out: list[tuple[str, Period]] = []
    ended_month, ended_quarter = periods_reported(summary_day or today)
    if ended_month is not None:
        out.append(("last_month", month_period(*ended_month)))
    if ended_quarter is not None:
        out.append(("last_quarter", quarter_period(*ended_quarter)))
    return [*out, ("month", month_of(today)), ("quarter", quarter_of(today))]


def lower_total(lines: Sequence[LowerLine]) -> LowerLine | None:
    """The wards summed, one line under them: a district chair reads her district as a whole, and the
    ward lines add up to it (committee_id 0: no committee; the title is the number of wards)."""
    if not lines:
        return None
    return LowerLine(
        committee_id=0,
        title=str(len(lines)),
        open=sum(line.open for line in lines),
        overdue=sum(line.overdue for line in lines),
        done_on_time=sum(line.done_on_time for line in lines),
        counted=sum(line.counted for line in lines),
        period=lines[0].period,
    )


def board(
    views: Sequence[TaskView],
    today: date,
    lower: Sequence[LowerLine] = (),
    people: Mapping[int, Sequence[str]] | None = None,
    carriers: Mapping[int, Sequence[str]] | None = None,
    summary_day: date | None = None,
) -> JSON:
    """The committee's board as of `today`; `people`: task number -> its people (see `task_json`);
    `summary_day`: this week's (nominal) summary day, which decides the periods (`chart_periods`)."""
    people, carriers = people or {}, carriers or {}
    periods = chart_periods(today, summary_day)
    units: dict[str, JSON] = {}
    persons: dict[str, JSON] = {}
    whole: JSON = {}
    for key, period in periods:
        counted = tasks_in_period(views, period)
        # The committee's own figure for the period above its units': what a ward's line on the district's
        # board («8/25») reads, without adding the units up.
        whole[key] = _counts(count_states(counted, today))
        in_units, in_people = per_unit_and_person(counted, today)
        for out, counted in ((units, in_units), (persons, in_people)):
            for name, c in counted:
                out.setdefault(name, {"name": name})[key] = _counts(c)
        # (board16) Of the tasks due in the period: how many were done by their deadline (`due_in`), per row.
        falling = due_in(views, period)
        whole[key].update(_due_counts(count_states(falling, today)))
        due_units, due_people = per_unit_and_person(falling, today)
        for out, counted in ((units, due_units), (persons, due_people)):
            for name, c in counted:
                row = out.setdefault(name, {"name": name}).setdefault(key, _counts(StateCounts()))
                row.update(_due_counts(c))

    shown = sorted((v for v in views if _shown(v, today)), key=lambda v: (v.status is not TaskStatus.OPEN, v.number))
    return {
        "today": today.isoformat(),
        "week_end": week_end(today).isoformat(),
        # (board16) «Tuần này» is what falls due from this week's Monday to its end (overdue work from earlier
        # weeks is «Quá hạn»'s): the page filters on these two days.
        "week_start": min(today, week_end(today) - timedelta(days=6)).isoformat(),
        "month": dict(periods)["month"].label,
        "quarter": dict(periods)["quarter"].label,
        # The chart's sections in order, each with its label: which month the bars count is said.
        "periods": [{"key": key, "label": period.label} for key, period in periods],
        "totals": _counts(count_states(views, today)),
        # Any task ever, cancelled ones too (the totals leave them out): a committee without one is said to be
        # empty once, not shown 0 · 0 · 0 and filters over nothing.
        "has_tasks": bool(views),
        "tasks": [task_json(v, today, people.get(v.number, ()), carriers.get(v.number, ())) for v in shown],
        "units": list(units.values()),
        "people": list(persons.values()),
        "calendar": calendar(views, today),
        "calendar_later": calendar_later(views, today),
        "whole": whole,
        "lower": [line.__dict__ for line in order_lower(lower)],
        "lower_total": total.__dict__ if (total := lower_total(lower)) else None,
    }
