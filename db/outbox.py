"""Is anything due? One read-only round trip, so that a dispatcher tick with nothing to do costs
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

from sqlalchemy import Boolean, bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import UTCDateTime
from db.reminders import CLAIM_LEASE, as_utc

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
