"""The weekly summary's rows (SummaryRun) and the data it is computed from.

Exactly one summary per committee per ISO week, whatever restarts happen: a SummaryRun row is
unique per (committee, period) and goes pending -> claimed -> sent like a reminder row, with
`parts_sent` so that a summary split over several messages resumes where it stopped instead of
starting over. Rows are created ahead of time (this week and next) by `ensure_summary_runs`, so
that a summary whose moment passes while the bot is down is still there to be caught up.

Query functions take an AsyncSession and leave the commit to the caller. No telegram here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db import outbox
from db import tasks as db_tasks
from db.models import Committee, ExtensionRequest, SummaryRun, Task, TaskAssignee, TaskEvent
from db.outbox import CLAIM_LEASE, PENDING, SENT, as_utc, dialect_insert
from db.reminders import CommitteeInfo, settings_of
from db.units import lead_units
from domain.reminders import iso_week_of, summary_due_at, week_period
from domain.types import TaskStatus, TaskView

SKIPPED = "superseded"  # a past week's summary found too late: the next week's replaces it
FAILED = "failed"


def period_week(period: str) -> tuple[int, int]:
    """'2026-W48' -> (2026, 48)."""
    year, _, week = period.partition("-W")
    return int(year), int(week)


async def ensure_summary_runs(session: AsyncSession, now: datetime) -> int:
    """Create the missing SummaryRun rows of this week and next for every active committee.

    This week's row is not created for a committee that did not exist yet at its moment (a group
    that adds the bot on Wednesday gets its first summary next Monday, not at once). Returns the
    number of rows created. Cheap enough to run hourly.
    """
    now = as_utc(now)
    committees = (await session.execute(select(Committee).where(Committee.active.is_(True)))).scalars().all()
    wanted: dict[tuple[int, str], datetime] = {}
    for com in committees:
        settings = settings_of(com)
        today = now.astimezone(settings.tz).date()
        for day in (today, today + timedelta(days=7)):
            week = iso_week_of(day)
            due = summary_due_at(week, settings)
            if due is None or due < as_utc(com.created_at):
                continue
            wanted[(com.id, week_period(week))] = due.astimezone(UTC)
    if not wanted:
        return 0
    periods = {p for _, p in wanted}
    existing = set(
        (
            await session.execute(
                select(SummaryRun.committee_id, SummaryRun.period).where(SummaryRun.period.in_(periods))
            )
        ).all()
    )
    missing = [(cid, p, due) for (cid, p), due in wanted.items() if (cid, p) not in existing]
    if not missing:
        return 0
    # ON CONFLICT DO NOTHING: replicated instances plan at the same moment; the one that inserts
    # second must not fail (the unique (committee, period) row is all that matters).
    result = await session.execute(
        dialect_insert(session)(SummaryRun)
        .values([
            {"committee_id": cid, "period": p, "due_at": due, "status": PENDING, "attempts": 0, "parts_sent": 0}
            for cid, p, due in missing
        ])
        .on_conflict_do_nothing(index_elements=["committee_id", "period"])
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def replan_summaries(session: AsyncSession, committee_id: int, now: datetime) -> None:
    """The summary day or time changed (/caidat): move this committee's pending runs."""
    com = await session.get(Committee, committee_id)
    if com is None:
        return
    settings = settings_of(com)
    runs = (
        await session.execute(
            select(SummaryRun).where(SummaryRun.committee_id == committee_id, SummaryRun.status == PENDING)
        )
    ).scalars()
    for run in runs:
        due = summary_due_at(period_week(run.period), settings)
        if due is not None:
            run.due_at = due.astimezone(UTC)
    await session.flush()
    await ensure_summary_runs(session, now)


def summary_claimable(now: datetime, lease: timedelta = CLAIM_LEASE) -> Any:
    """The outbox core's rule (db.outbox.claimable)."""
    return outbox.claimable(SummaryRun, now, lease)


@dataclass(frozen=True)
class DueSummary:
    id: int
    period: str
    due_at: datetime
    attempts: int
    parts_sent: int
    committee: CommitteeInfo

    @property
    def week(self) -> tuple[int, int]:
        return period_week(self.period)


async def claim_due_summaries(
    session: AsyncSession, now: datetime, worker_id: str, limit: int, lease: timedelta = CLAIM_LEASE
) -> list[DueSummary]:
    """Claim due summary runs of active committees (same claim as reminders: SKIP LOCKED on
    PostgreSQL, an expired claim is claimable again: db.outbox.claim). Commit right after, before sending."""
    ids = await outbox.claim(session, SummaryRun, now, worker_id, limit, lease)
    if not ids:
        return []
    rows = (
        await session.execute(
            select(SummaryRun, Committee)
            .join(Committee, Committee.id == SummaryRun.committee_id)
            .where(SummaryRun.id.in_(ids))
            .order_by(SummaryRun.due_at, SummaryRun.id)
        )
    ).all()
    return [
        DueSummary(
            id=run.id,
            period=run.period,
            due_at=as_utc(run.due_at),
            attempts=run.attempts,
            parts_sent=run.parts_sent,
            committee=CommitteeInfo(com.id, com.chat_id, com.title, com.active, settings_of(com)),
        )
        for run, com in rows
    ]


async def _update_run(session: AsyncSession, run_id: int, worker_id: str, values: dict[str, Any]) -> bool:
    return bool(await outbox.finish(session, SummaryRun, [run_id], worker_id, values))


async def mark_summary_part_sent(session: AsyncSession, run_id: int, worker_id: str, parts_sent: int) -> bool:
    """One more part delivered: a crash after this resumes from the next part."""
    return await _update_run(session, run_id, worker_id, {"parts_sent": parts_sent})


async def mark_summary_sent(
    session: AsyncSession, run_id: int, worker_id: str, now: datetime, parts_sent: int | None = None
) -> bool:
    """Done. With `parts_sent`, the last part's count goes in the same write (one transaction less per
    committee on a Monday: bench/scale_bench.py)."""
    values: dict[str, Any] = {"status": SENT, "sent_at": as_utc(now), "last_error": None}
    if parts_sent is not None:
        values["parts_sent"] = parts_sent
    return await _update_run(session, run_id, worker_id, values)


async def mark_summary_retry(
    session: AsyncSession, run_id: int, worker_id: str, next_attempt_at: datetime, error: str
) -> bool:
    return await _update_run(session, run_id, worker_id, outbox.retry_values(next_attempt_at, error))


async def mark_summary_failed(session: AsyncSession, run_id: int, worker_id: str, error: str) -> bool:
    return await _update_run(session, run_id, worker_id, {"status": FAILED, "last_error": error[:1000]})


async def defer_summary(session: AsyncSession, run_id: int, worker_id: str, due_at: datetime) -> bool:
    """Not now (weekend, quiet hours, the group is paused): keep it for `due_at`."""
    return await _update_run(
        session,
        run_id,
        worker_id,
        {"status": PENDING, "due_at": as_utc(due_at), "claimed_by": None, "claimed_at": None},
    )


async def skip_summary(session: AsyncSession, run_id: int, worker_id: str, reason: str) -> bool:
    """A past week's summary, found after its week ended: the current one replaces it."""
    return await _update_run(session, run_id, worker_id, {"status": SKIPPED, "last_error": reason[:1000]})


# --------------------------------------------------------------------------- what is summarised


async def load_task_views(session: AsyncSession, committee_id: int) -> list[TaskView]:
    """Every task of the committee as `TaskView`s: lead, unit, dates, pending extension.

    Plain column rows, not ORM objects: a Monday post renders every committee's whole history
    (10,000 committees x 100 tasks in bench/scale_bench.py), and building the identity-mapped Task and
    TaskAssignee objects was about two thirds of the time, for data that is only read."""
    com = await session.get(Committee, committee_id)  # already in the session when called from the summary
    tasks = (
        await session.execute(
            select(
                Task.id, Task.number, Task.text, Task.status, Task.assigned_on, Task.due_original,
                Task.due_current, Task.closed_on, Task.extension_count, Task.urgent, Task.created_at,
            )
            .where(Task.committee_id == committee_id, Task.id.not_in(db_tasks.UNDONE_SLIPS))  # (qa13) slips
            .order_by(Task.number)
        )
    ).all()
    assignees: dict[int, list[Any]] = {}
    for a in (
        await session.execute(
            select(TaskAssignee.task_id, TaskAssignee.role, TaskAssignee.unit_id, TaskAssignee.person_id,
                   TaskAssignee.label)
            .join(Task, Task.id == TaskAssignee.task_id)
            .where(Task.committee_id == committee_id)
            .order_by(TaskAssignee.id)
        )
    ).all():
        assignees.setdefault(a.task_id, []).append(a)
    grouping = await lead_units(session, committee_id)
    pending_ext: dict[int, Any] = {}
    for task_id, new_due in (
        await session.execute(
            select(ExtensionRequest.task_id, ExtensionRequest.new_due)
            .join(Task, Task.id == ExtensionRequest.task_id)
            .where(Task.committee_id == committee_id, ExtensionRequest.status == "pending")
            .order_by(ExtensionRequest.requested_at)
        )
    ).all():
        pending_ext[task_id] = new_due  # the latest request wins
    # (qa17) Leads who left the group while the task was open: unlinked (person_id None), label kept
    # (db.membership.member_left); a name never linked to anyone has no such event.
    left: set[tuple[int, str]] = set()
    for task_id, data in (
        await session.execute(
            select(TaskEvent.task_id, TaskEvent.data)
            .join(Task, Task.id == TaskEvent.task_id)
            .where(Task.committee_id == committee_id, Task.status == "open", TaskEvent.kind == "assignee_left")
        )
    ).all():
        left.add((task_id, str((data or {}).get("label"))))
    views = []
    for t in tasks:
        of_task = assignees.get(t.id, ())
        lead_a = next((a for a in of_task if a.role == "lead"), None)
        status = TaskStatus(t.status)
        views.append(
            TaskView(
                number=t.number,
                text=t.text,
                status=status,
                lead=lead_a.label if lead_a else None,
                support=tuple(a.label for a in of_task if a.role == "support"),
                assigned_on=t.assigned_on,
                due_original=t.due_original,
                due_current=t.due_current,
                done_on=t.closed_on if status is TaskStatus.DONE else None,
                cancelled_on=t.closed_on if status is TaskStatus.CANCELLED else None,
                lead_unit=grouping.name(lead_a),
                lead_is_person=grouping.is_person(lead_a),
                lead_left=lead_a is not None and lead_a.person_id is None and (t.id, lead_a.label) in left,
                extension_count=t.extension_count,
                urgent=t.urgent,
                pending_extension=pending_ext.get(t.id) if status is TaskStatus.OPEN else None,
                committee=com.title if com else None,
                created_at=as_utc(t.created_at),
            )
        )
    return views
