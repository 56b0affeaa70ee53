"""Membership look-ups waiting to be done (db.models.MembershipLookup): queued when the bot is added
back to a group, claimed by the instance that does them, recorded round by round, deleted when done.

Who does a look-up: the instance that queued it (it claims the rows in the same transaction), as long
as it lives. A row nobody holds — released at a SQLite start (the instance lock: the claims are a
dead process's), or held by an instance whose dispatcher beat went stale (PostgreSQL, several
instances: db.outbox.beaten_within) — is claimed again when due, by one instance (FOR UPDATE SKIP
LOCKED; on SQLite the clause is dropped, one instance runs). Query functions over the caller's
session; the caller commits. No telegram here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Committee, MembershipLookup
from db.outbox import as_utc, beaten_within, claim_oldest_due, committee_paused


async def queue(
    session: AsyncSession, committee_id: int, tg_user_ids: Sequence[int], now: datetime, worker_id: str
) -> int:
    """The committee's people to look up now, held by `worker_id`. Whatever was queued for the
    committee before is replaced (a newer re-add starts from the people stored now: a check under
    way, on this instance or another, finds its rows gone and stops). Returns the rows queued."""
    now = as_utc(now)
    await session.execute(
        delete(MembershipLookup)
        .where(MembershipLookup.committee_id == committee_id)
        .execution_options(synchronize_session=False)
    )
    for tg_user_id in dict.fromkeys(tg_user_ids):
        session.add(
            MembershipLookup(
                committee_id=committee_id, tg_user_id=tg_user_id, queued_at=now, due_at=now, attempts=0,
                claimed_by=worker_id, claimed_at=now,
            )
        )
    await session.flush()
    return len(set(tg_user_ids))


@dataclass(frozen=True)
class Held:
    """The look-ups of one committee a worker holds."""

    tg_user_ids: list[int]
    attempts: int  # the most any of them has failed so far


async def held(session: AsyncSession, committee_id: int, worker_id: str, limit: int) -> Held:
    rows = (
        await session.execute(
            select(MembershipLookup.tg_user_id, MembershipLookup.attempts)
            .where(MembershipLookup.committee_id == committee_id, MembershipLookup.claimed_by == worker_id)
            .order_by(MembershipLookup.id)
            .limit(limit)
        )
    ).all()
    return Held([r[0] for r in rows], max((r[1] for r in rows), default=0))


def _mine(committee_id: int, worker_id: str, tg_user_ids: Iterable[int] | None = None) -> list[object]:
    rule = [MembershipLookup.committee_id == committee_id, MembershipLookup.claimed_by == worker_id]
    if tg_user_ids is not None:
        rule.append(MembershipLookup.tg_user_id.in_(list(tg_user_ids)))
    return rule


async def record_round(
    session: AsyncSession,
    committee_id: int,
    worker_id: str,
    *,
    done: Sequence[int],
    again: Sequence[int],
    due_at: datetime,
    error: str,
    give_up_after: int,
    release: bool = False,
) -> tuple[int, int]:
    """After a round: the look-ups `done` (Telegram answered, or will never tell) are deleted; those
    to try `again` count one more attempt and wait until `due_at` — deleted instead once they failed
    `give_up_after` times. `release`: the worker lets them go (any instance may take them up when
    due). Only rows the worker still holds are touched (a newer re-add may have replaced them).
    Returns (to try again, given up)."""
    if done:
        await session.execute(
            delete(MembershipLookup)
            .where(*_mine(committee_id, worker_id, done))
            .execution_options(synchronize_session=False)
        )
    if not again:
        return 0, 0
    given_up = await session.execute(
        delete(MembershipLookup)
        .where(*_mine(committee_id, worker_id, again), MembershipLookup.attempts + 1 >= give_up_after)
        .execution_options(synchronize_session=False)
    )
    values: dict[str, object] = {
        "attempts": MembershipLookup.attempts + 1,
        "due_at": as_utc(due_at),
        "last_error": error[:1000],
    }
    if release:
        values.update(claimed_by=None, claimed_at=None)
    retried = await session.execute(
        update(MembershipLookup)
        .where(*_mine(committee_id, worker_id, again))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return retried.rowcount or 0, given_up.rowcount or 0  # type: ignore[attr-defined]


async def drop(session: AsyncSession, committee_id: int, worker_id: str) -> int:
    """The worker's look-ups of the committee end undone (the bot is out of the group again: the
    next re-add queues them anew)."""
    result = await session.execute(
        delete(MembershipLookup).where(*_mine(committee_id, worker_id)).execution_options(synchronize_session=False)
    )
    return result.rowcount or 0  # type: ignore[attr-defined]


def _orphaned(now: datetime, worker_id: str, wall_now: datetime, alive_within: timedelta) -> Any:
    """Due, of an active committee, and held by nobody alive: released (a SQLite start), or held by
    an instance whose beat is older than `alive_within` (wall time, as the beats)."""
    return and_(
        MembershipLookup.due_at <= as_utc(now),
        or_(
            MembershipLookup.claimed_by.is_(None),
            and_(
                MembershipLookup.claimed_by != worker_id,
                ~beaten_within(MembershipLookup.claimed_by, wall_now, alive_within),
            ),
        ),
        ~committee_paused(MembershipLookup.committee_id),
    )


async def claim_due(
    session: AsyncSession, now: datetime, worker_id: str, wall_now: datetime, alive_within: timedelta,
    limit: int = 1000,
) -> int:
    """Take up the due look-ups nobody alive holds (`_orphaned`). Never another live instance's,
    never twice (FOR UPDATE SKIP LOCKED). Reads first: most calls find nothing, and on SQLite an
    UPDATE takes the write lock even when it changes nothing. Returns the rows claimed."""
    rule = _orphaned(now, worker_id, wall_now, alive_within)
    if await session.scalar(select(MembershipLookup.id).where(rule).limit(1)) is None:
        return 0
    now = as_utc(now)
    claimed = await claim_oldest_due(
        session, MembershipLookup, rule, limit, values={"claimed_by": worker_id, "claimed_at": now}
    )
    return len(claimed)


async def chats_held(session: AsyncSession, worker_id: str) -> list[int]:
    """The group chats (of active committees) where `worker_id` holds look-ups."""
    rows = await session.scalars(
        select(Committee.chat_id)
        .where(
            Committee.active.is_(True),
            Committee.id.in_(select(MembershipLookup.committee_id).where(MembershipLookup.claimed_by == worker_id)),
        )
        .order_by(Committee.id)
    )
    return list(rows)


async def release_all(session: AsyncSession) -> int:
    """Every look-up back to nobody (a SQLite start: the claims are a dead process's)."""
    result = await session.execute(
        update(MembershipLookup)
        .where(MembershipLookup.claimed_by.is_not(None))
        .values(claimed_by=None, claimed_at=None)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0  # type: ignore[attr-defined]


async def any_queued(session: AsyncSession) -> bool:
    return await session.scalar(select(MembershipLookup.id).limit(1)) is not None
