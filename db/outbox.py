"""The outbox as a whole: is anything due (for the dispatcher's tick), and re-planning a whole
committee (for /caidat and role changes).

Is anything due? One read-only round trip, so that a dispatcher tick with nothing to do costs
about as much as a `SELECT 1`, whatever the number of stored tasks: the claims themselves are
write transactions, only worth opening when there is something to claim.

Written as SQL text on purpose: this runs on every tick, and building and caching an expression
of this size costs SQLAlchemy far more than the database needs to answer it (two index range
scans on (status, due_at)). It states the same rule as `db.reminders.claimable` and
`db.summaries.summary_claimable`; tests/db/test_reminders_db.py checks that they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Boolean, bindparam, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Reminder, SummaryRun, Task, UTCDateTime
from db.reminders import CLAIM_LEASE, CLAIMED, PENDING, as_utc, replan_task
from db.summaries import replan_summaries

_DUE = """EXISTS (
    SELECT 1 FROM {table} t
    WHERE t.status IN ('pending', 'claimed') AND t.due_at <= :now
      AND ((t.status = 'pending' AND (t.next_attempt_at IS NULL OR t.next_attempt_at <= :now))
           OR (t.status = 'claimed' AND t.claimed_at < :stale))
      AND NOT EXISTS (SELECT 1 FROM committees c WHERE c.id = t.committee_id AND c.active = :paused)
)"""

DUE_WORK = text(
    f"SELECT {_DUE.format(table='reminders')} AS reminders, {_DUE.format(table='summary_runs')} AS summaries"
).bindparams(
    bindparam("now", type_=UTCDateTime),
    bindparam("stale", type_=UTCDateTime),
    bindparam("paused", type_=Boolean),
)


@dataclass(frozen=True)
class DueWork:
    reminders: bool
    summaries: bool


async def due_work(session: AsyncSession, now: datetime, lease: timedelta = CLAIM_LEASE) -> DueWork:
    now = as_utc(now)
    row = (await session.execute(DUE_WORK, {"now": now, "stale": now - lease, "paused": False})).one()
    return DueWork(bool(row[0]), bool(row[1]))


async def replan_committee(session: AsyncSession, committee_id: int, now: datetime) -> int:
    """Re-plan everything of a committee after its settings changed (/caidat: offsets, hours,
    quiet hours, summary day and time) or its chairs did: every open task's reminders, and the
    pending weekly summaries. Returns the reminder rows planned. In the caller's transaction."""
    ids = (
        await session.execute(
            select(Task.id).where(
                Task.committee_id == committee_id, Task.status == "open", Task.due_current.is_not(None)
            )
        )
    ).scalars()
    planned = 0
    for task_id in list(ids):
        planned += await replan_task(session, task_id, now)
    await replan_summaries(session, committee_id, now)
    return planned


async def next_due_at(session: AsyncSession, after: datetime) -> datetime | None:
    """When the next pending reminder or weekly summary falls due after `after` (the sandbox's
    "next reminder" clock button jumps there; the dispatcher then decides what applies)."""
    after = as_utc(after)
    found = [
        await session.scalar(select(func.min(table.due_at)).where(table.status == "pending", table.due_at > after))
        for table in (Reminder, SummaryRun)
    ]
    times = [as_utc(t) for t in found if t is not None]
    return min(times) if times else None

async def release_stale_claims(session: AsyncSession) -> tuple[int, int]:
    """Put every claimed reminder and weekly summary back to pending; returns (reminders, summaries).

    Only for a single instance that has just started on SQLite (the instance lock guarantees that
    nobody else runs): any claim in the database belongs to a process that died (kill -9, power
    cut) between claiming and recording. Without this they wait for CLAIM_LEASE (5 min) to expire.
    A row that died *after* Telegram accepted its message is sent again — the one duplicate a
    crash can cause, the same as after the lease. `next_attempt_at` is kept (a flood wait still
    applies); a summary keeps `parts_sent` and resumes at its next part. Never call this on
    PostgreSQL with several instances: their claims are alive."""
    values = {"status": PENDING, "claimed_by": None, "claimed_at": None}
    reminders = await session.execute(
        update(Reminder).where(Reminder.status == CLAIMED).values(**values).execution_options(synchronize_session=False)
    )
    summaries = await session.execute(
        update(SummaryRun)
        .where(SummaryRun.status == CLAIMED)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return reminders.rowcount or 0, summaries.rowcount or 0  # type: ignore[attr-defined]
