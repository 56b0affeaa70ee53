"""The one outbox: every message that must arrive is a row claimed, sent and recorded here.

Three kinds of rows share this core — reminders (`reminders`: a rolling plan per task and
recipient, db/reminders.py), weekly summaries (`summary_runs`: one per committee and week, sent in
parts, db/summaries.py) and notices (`notices`: a message to someone other than the person who
acted, below). They keep their own tables because what they *plan* differs (a reminder plans the
next one when it is sent; a summary resumes at its next part); what they *deliver* is the same, and
is written once, here:

- claim: `claim(session, Model, now, worker, limit)` — UPDATE … WHERE id IN (SELECT … FOR UPDATE
  SKIP LOCKED LIMIT n): two PostgreSQL instances never claim one row; SQLite runs one instance.
- a claim older than CLAIM_LEASE is claimable again (the process died between claim and record);
  on SQLite `release_stale_claims` frees them at start at once.
- record: `finish(session, Model, ids, worker, values)` changes only rows this worker still holds.
- retry: back to pending with `next_attempt_at` (backoff, flood wait).

Is anything due? (`due_work`) One read-only round trip per dispatcher tick, so that a tick with
nothing to do costs about a `SELECT 1`. Written as SQL text on purpose: it runs on every tick, and
building and caching an expression of this size costs SQLAlchemy far more than the database needs
to answer it (index range scans on (status, due_at)). It states the same rule as `claimable`;
tests/db/test_reminders_db.py checks that they agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Boolean, and_, bindparam, delete, exists, func, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Committee, DispatcherBeat, Notice, Person, Reminder, SummaryRun, Task, UTCDateTime

# A claim older than this is considered abandoned (the process died between claim and send). The
# dispatcher keeps every claim far shorter: it claims in batches it can send within a minute.
CLAIM_LEASE = timedelta(minutes=5)

PENDING, CLAIMED, SENT, FAILED = "pending", "claimed", "sent", "failed"
SUPERSEDED, CANCELLED = "superseded", "cancelled"

# The tables delivered through this core. Each has committee_id, status, due_at, next_attempt_at,
# claimed_at, claimed_by, attempts, last_error.
OUTBOX_TABLES: tuple[Any, ...] = (Reminder, SummaryRun, Notice)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes (stored as UTC by us); PostgreSQL aware ones."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def dialect_insert(session: AsyncSession) -> Any:
    """The dialect's INSERT, for ON CONFLICT DO NOTHING."""
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


# --------------------------------------------------------------------------- the core


def committee_paused(committee_id: Any) -> Any:
    """The row's committee is paused (the bot is not in its group). A correlated NOT EXISTS, not a
    join: the planner then drives the claim from the (status, due_at) index, and the check costs
    one primary-key lookup per due row — nothing when nothing is due."""
    return exists().where(Committee.id == committee_id, Committee.active.is_(False))


def claimable(model: Any, now: datetime, lease: timedelta = CLAIM_LEASE) -> Any:
    """Rows a dispatcher may take now: pending and due (and past any retry time), or claimed by
    a dispatcher that has not finished within the lease; of committees that are not paused."""
    return and_(
        ~committee_paused(model.committee_id),
        model.status.in_((PENDING, CLAIMED)),
        model.due_at <= now,
        or_(
            and_(model.status == PENDING, or_(model.next_attempt_at.is_(None), model.next_attempt_at <= now)),
            and_(model.status == CLAIMED, model.claimed_at < now - lease),
        ),
    )


async def claim(
    session: AsyncSession,
    model: Any,
    now: datetime,
    worker_id: str,
    limit: int,
    lease: timedelta = CLAIM_LEASE,
    *,
    only: Sequence[int] | None = None,
) -> list[int]:
    """Claim up to `limit` due rows of `model`, oldest first; returns their ids. Commit right after,
    before sending. On PostgreSQL two dispatchers never claim the same row (the second skips rows
    the first has locked, then sees them claimed); on SQLite the clause is dropped and a second
    instance is refused at start."""
    now = as_utc(now)
    rule = claimable(model, now, lease)
    if only is not None:
        rule = and_(rule, model.id.in_(list(only)))
    return await claim_oldest_due(
        session, model, rule, limit,
        values={"status": CLAIMED, "claimed_at": now, "claimed_by": worker_id, "attempts": model.attempts + 1},
    )


async def claim_oldest_due(
    session: AsyncSession, model: Any, rule: Any, limit: int, *, values: dict[str, Any]
) -> list[int]:
    """Mark up to `limit` rows of `model` matching `rule` as taken (`values`), oldest `due_at` first;
    returns their ids. One statement: on PostgreSQL rows another worker has locked are skipped
    (FOR UPDATE SKIP LOCKED), so two workers never take the same row; SQLite drops the clause."""
    pick = (
        select(model.id)
        .where(rule)
        .order_by(model.due_at, model.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=model)
    )
    claimed = await session.execute(
        update(model)
        .where(model.id.in_(pick.scalar_subquery()))
        .values(**values)
        .returning(model.id)
        .execution_options(synchronize_session=False)
    )
    return list(claimed.scalars())


async def finish(
    session: AsyncSession, model: Any, ids: Iterable[int], worker_id: str, values: dict[str, Any]
) -> set[int]:
    """Record the outcome of rows this worker still holds; returns their ids (a row taken back by
    a re-plan, or by another worker after the lease, is left alone)."""
    ids = list(ids)
    if not ids:
        return set()
    owned = await session.execute(
        update(model)
        .where(model.id.in_(ids), model.claimed_by == worker_id, model.status == CLAIMED)
        .values(**values)
        .returning(model.id)
        .execution_options(synchronize_session=False)
    )
    return set(owned.scalars())


def retry_values(next_attempt_at: datetime, error: str) -> dict[str, Any]:
    """Back to pending, to be claimed again at `next_attempt_at` (flood wait, network trouble)."""
    return {
        "status": PENDING,
        "next_attempt_at": as_utc(next_attempt_at),
        "claimed_by": None,
        "claimed_at": None,
        "last_error": error[:1000],
    }


RELEASED: dict[str, Any] = {"status": PENDING, "claimed_by": None, "claimed_at": None}


def backoff(attempts: int, base: float = 30.0, cap: float = 3600.0) -> timedelta:
    """How long a row waits before its next try after `attempts` failed ones: 30 s, 1 min, 2 min, …
    at most an hour (a chat that keeps failing does not hold the queue)."""
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


async def release_stale_claims(session: AsyncSession) -> tuple[int, int, int]:
    """Put every claimed row back to pending; returns (reminders, summaries, notices).

    Only for a single instance that has just started on SQLite (the instance lock guarantees that
    nobody else runs): any claim in the database belongs to a process that died (kill -9, power
    cut) between claiming and recording. Without this they wait for CLAIM_LEASE (5 min) to expire.
    A row that died *after* Telegram accepted its message is sent again — the duplicates a crash can
    cause are the messages in flight (jobs/runtime.py keeps them to a few). `next_attempt_at` is
    kept (a flood wait still applies); a summary keeps `parts_sent` and resumes at its next part.
    Reminders a re-plan superseded while the dead process was sending them are put back too when
    their recipient is still reminded of the task (db.reminders.restore_superseded): the re-plan
    planned on from the next day, counting on that send.
    The dead processes' dispatcher heartbeats are forgotten too: counted as alive for another
    BEAT_STALE, they would make this instance pace itself at a fraction of the bot's limits (after a
    kill -9 a fan-out went several times slower, and slow sends are where re-plan races live).
    Never call this on PostgreSQL with several instances: their claims are alive."""
    from db.reminders import restore_superseded  # it builds on this module

    await session.execute(delete(DispatcherBeat).execution_options(synchronize_session=False))

    counts = []
    for model in OUTBOX_TABLES:
        result = await session.execute(
            update(model).where(model.status == CLAIMED).values(**RELEASED).execution_options(synchronize_session=False)
        )
        counts.append(result.rowcount or 0)  # type: ignore[attr-defined]
    counts[0] += await restore_superseded(session)
    return counts[0], counts[1], counts[2]


# --------------------------------------------------------------------------- is anything due?

_DUE = """EXISTS (
    SELECT 1 FROM {table} t
    WHERE t.status IN ('pending', 'claimed') AND t.due_at <= :now
      AND ((t.status = 'pending' AND (t.next_attempt_at IS NULL OR t.next_attempt_at <= :now))
           OR (t.status = 'claimed' AND t.claimed_at < :stale))
      AND NOT EXISTS (SELECT 1 FROM committees c WHERE c.id = t.committee_id AND c.active = :paused)
)"""

DUE_WORK = text(
    f"SELECT {_DUE.format(table='reminders')} AS reminders, {_DUE.format(table='summary_runs')} AS summaries,"
    f" {_DUE.format(table='notices')} AS notices"
).bindparams(
    bindparam("now", type_=UTCDateTime),
    bindparam("stale", type_=UTCDateTime),
    bindparam("paused", type_=Boolean),
)


@dataclass(frozen=True)
class DueWork:
    reminders: bool
    summaries: bool
    notices: bool = False


async def due_work(session: AsyncSession, now: datetime, lease: timedelta = CLAIM_LEASE) -> DueWork:
    now = as_utc(now)
    row = (await session.execute(DUE_WORK, {"now": now, "stale": now - lease, "paused": False})).one()
    return DueWork(bool(row[0]), bool(row[1]), bool(row[2]))


async def next_due_at(session: AsyncSession, after: datetime) -> datetime | None:
    """When the next pending row falls due after `after` (the sandbox's "next reminder" clock
    button jumps there; the dispatcher then decides what applies)."""
    after = as_utc(after)
    found = [
        await session.scalar(select(func.min(table.due_at)).where(table.status == "pending", table.due_at > after))
        for table in OUTBOX_TABLES
    ]
    times = [as_utc(t) for t in found if t is not None]
    return min(times) if times else None


async def replan_committee(session: AsyncSession, committee_id: int, now: datetime) -> int:
    """Re-plan everything of a committee after its settings changed (/caidat: offsets, hours,
    quiet hours, summary day and time) or its chairs did: every open task's reminders, and the
    pending weekly summaries. Returns the reminder rows planned. In the caller's transaction."""
    from db.reminders import replan_task  # they build on this module
    from db.summaries import replan_summaries

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


# --------------------------------------------------------------------------- notices

Buttons = Sequence[Sequence[tuple[str, str]]]


async def enqueue_notice(
    session: AsyncSession,
    committee_id: int,
    chat_id: int,
    text: str,
    buttons: Buttons | None = None,
    *,
    now: datetime,
    kind: str = "notice",
    person_id: int | None = None,
) -> Notice:
    """Store a message that must reach `chat_id` (Telegram HTML; `buttons`: rows of (label,
    callback data)). Call it in the transaction that decided it: the notice exists exactly when the
    decision does, and the dispatcher delivers it (retried, kept across restarts). `person_id`: the
    person whose private chat `chat_id` is — a 403 there sends it to the committee group instead,
    with a mention. A handler then sends it at once after its own answer
    (`handlers.common.send_notices(context, session)`); if that fails, the dispatcher retries."""
    notice = Notice(
        committee_id=committee_id,
        chat_id=chat_id,
        person_id=person_id,
        kind=kind,
        text=text,
        buttons=[[list(b) for b in row] for row in buttons] if buttons else None,
        created_at=as_utc(now),
        due_at=as_utc(now),
        status=PENDING,
        attempts=0,
    )
    session.add(notice)
    await session.flush()
    session.info.setdefault(NOTICES_STORED, []).append(notice.id)
    return notice


NOTICES_STORED = "notices_stored"  # session.info key: the notices this session stored


def stored_notices(session: AsyncSession) -> list[int]:
    """The notices stored through `session` (to send them right after its commit)."""
    return list(session.info.get(NOTICES_STORED, ()))


@dataclass(frozen=True)
class DueNotice:
    id: int
    committee_id: int
    group_chat_id: int
    chat_id: int
    person_id: int | None
    kind: str
    text: str
    buttons: list[list[tuple[str, str]]] | None
    attempts: int
    person_name: str = ""
    person_tg_id: int | None = None
    person_username: str | None = None


async def claim_notices(
    session: AsyncSession,
    now: datetime,
    worker_id: str,
    limit: int,
    lease: timedelta = CLAIM_LEASE,
    only: Sequence[int] | None = None,
) -> list[DueNotice]:
    """Claim due notices (the core's claim); `only`: just these (sent at once after the handler
    that stored them)."""
    ids = await claim(session, Notice, now, worker_id, limit, lease, only=only)
    if not ids:
        return []
    rows = (
        await session.execute(
            select(Notice, Committee.chat_id, Person)
            .join(Committee, Committee.id == Notice.committee_id)
            .outerjoin(Person, Person.id == Notice.person_id)
            .where(Notice.id.in_(ids))
            .order_by(Notice.due_at, Notice.id)
        )
    ).all()
    return [
        DueNotice(
            id=n.id,
            committee_id=n.committee_id,
            group_chat_id=group,
            chat_id=n.chat_id,
            person_id=n.person_id,
            kind=n.kind,
            text=n.text,
            buttons=[[(str(b[0]), str(b[1])) for b in row] for row in n.buttons] if n.buttons else None,
            attempts=n.attempts,
            person_name=person.full_name if person else "",
            person_tg_id=person.tg_user_id if person else None,
            person_username=person.username if person else None,
        )
        for n, group, person in rows
    ]


async def mark_notice_sent(
    session: AsyncSession, notice_id: int, worker_id: str, now: datetime, chat_id: int, message_id: int | None
) -> bool:
    values = {
        "status": SENT,
        "sent_at": as_utc(now),
        "delivered_to_chat": chat_id,
        "message_id": message_id,
        "last_error": None,
    }
    return bool(await finish(session, Notice, [notice_id], worker_id, values))


async def mark_notice_failed(session: AsyncSession, notice_id: int, worker_id: str, error: str) -> bool:
    return bool(await finish(session, Notice, [notice_id], worker_id, {"status": FAILED, "last_error": error[:1000]}))


async def mark_notice_retry(
    session: AsyncSession, notice_id: int, worker_id: str, next_attempt_at: datetime, error: str
) -> bool:
    return bool(await finish(session, Notice, [notice_id], worker_id, retry_values(next_attempt_at, error)))


async def reroute_notice(
    session: AsyncSession, notice_id: int, worker_id: str, chat_id: int, text: str, *, drop_buttons: bool = False
) -> bool:
    """The private chat refused it (the person blocked the bot): it goes to the group instead, with
    a mention. Still claimed: the same worker sends it there at once. `drop_buttons`: without its
    buttons (a short line in their place, jobs/new_tasks_fallback.py)."""
    values: dict[str, Any] = {"chat_id": chat_id, "person_id": None, "text": text}
    if drop_buttons:
        values["buttons"] = None
    return bool(await finish(session, Notice, [notice_id], worker_id, {**values, "status": CLAIMED}))


async def fold_notices(session: AsyncSession, notice_ids: list[int], into: int, why: str) -> None:
    """Notices whose content another one (`into`) now carries, cancelled so they are not sent as well
    (jobs/new_tasks_fallback.py, jobs/approval_fallback.py: one group message where there would be two)."""
    if not notice_ids:
        return
    await session.execute(
        update(Notice)
        .where(Notice.id.in_(notice_ids))
        .values(status=CANCELLED, claimed_by=None, claimed_at=None, last_error=f"folded into notice {into}: {why}")
        .execution_options(synchronize_session=False)
    )


async def release_notice(session: AsyncSession, notice_id: int, worker_id: str) -> bool:
    """Back to pending as it was (the committee is paused: the bot is not in its group)."""
    return bool(await finish(session, Notice, [notice_id], worker_id, dict(RELEASED)))


# --------------------------------------------------------------------------- instances alive

BEAT_STALE = timedelta(seconds=30)


def beaten_within(worker_id: Any, wall_now: datetime, within: timedelta) -> Any:
    """The worker (a claim's `claimed_by`) has beaten within `within` of `wall_now`: its process is
    alive. Wall time, as the beats (a test clock standing still must not keep the dead alive)."""
    return exists().where(DispatcherBeat.worker_id == worker_id, DispatcherBeat.seen_at >= as_utc(wall_now) - within)


async def beat(session: AsyncSession, worker_id: str, wall_now: datetime, stale: timedelta = BEAT_STALE) -> int:
    """This dispatcher is alive (one row per worker, touched each tick); returns how many dispatchers
    are alive, this one included. `wall_now` is real time, not the bot's clock: liveness is about
    processes, and a test clock standing still must not keep a dead instance alive."""
    wall_now = as_utc(wall_now)
    updated = await session.execute(
        update(DispatcherBeat)
        .where(DispatcherBeat.worker_id == worker_id)
        .values(seen_at=wall_now)
        .execution_options(synchronize_session=False)
    )
    if not updated.rowcount:  # type: ignore[attr-defined]
        await session.execute(
            dialect_insert(session)(DispatcherBeat)
            .values(worker_id=worker_id, seen_at=wall_now)
            .on_conflict_do_nothing()
        )
    await session.execute(
        delete(DispatcherBeat)
        .where(DispatcherBeat.seen_at < wall_now - 10 * stale)
        .execution_options(synchronize_session=False)
    )
    alive = await session.scalar(
        select(func.count()).select_from(DispatcherBeat).where(DispatcherBeat.seen_at >= wall_now - stale)
    )
    return max(1, int(alive or 0))
