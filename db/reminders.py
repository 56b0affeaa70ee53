"""The reminder outbox: planning rows, claiming the due ones, recording what happened.

The database is the source of truth (SPEC "Reminders": nothing lost, nothing repeated). Each
(task, recipient) has at most ONE live row — `pending` (waiting for its moment) or `claimed` (a
dispatcher is sending it): the next reminder of a rolling plan computed by `domain.reminders`.
Recipients are people (`person_id`), or the committee group itself (`person_id` NULL) when no
contact person is known. NULLs never collide in a UNIQUE constraint, so "one live row per pair"
is kept by these functions (delete-then-insert under the task's plan, a NOT EXISTS check after a
send), not by the schema.

Life of a row: pending --claim--> claimed --send--> sent (then the pair's next row is planned)
                                          \\-> failed (BadRequest: recorded, plan moves on)
                                          \\-> pending again (retry later, or deferred to a later
                                              moment: weekend, quiet hours, paused committee)
                                          \\-> cancelled (task closed meanwhile)
A claimed row whose claim is older than the lease is claimable again: that is how a crash between
claim and send is recovered. `replan_task` turns in-flight rows of a re-planned task into
`superseded`, so their sender records the send but does not plan on from them. While a superseded
row is in flight its pair has two rows (it, and the one the re-plan planned from the next day): the
dispatcher sends a message only on the day it decided it (jobs/dispatcher._still_due), so the two
never go out the same day; a dead process's superseded rows are put back at start
(`restore_superseded`).

Query functions take an AsyncSession and leave the commit to the caller, except where noted.
No telegram here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from db import outbox
from db.models import Committee, Person, Reminder, Role, Task, TaskAssignee, TaskEvent, UnitContact
from db.outbox import (  # re-exported: the outbox core's names, as they were known here
    CANCELLED,
    CLAIM_LEASE,
    CLAIMED,
    FAILED,
    PENDING,
    SENT,
    SUPERSEDED,
    as_utc,
    dialect_insert,
)
from domain.lead_kinds import lead_kind
from domain.reminders import (
    PlannedReminder,
    RecipientRole,
    ReminderKind,
    ReminderSettings,
    next_reminder,
)

# Days on which a pair counts as reminded (at most one reminder a day; a failed send moves on too).
_HANDLED = (SENT, FAILED)
# Assignee roles whose contact people are reminded (the lead and whoever carries it out).
_REMINDED_ROLES = ("lead", "executor")


def settings_of(committee: Committee) -> ReminderSettings:
    """The committee's /caidat columns as domain settings."""
    return ReminderSettings.from_values(
        remind_offsets=committee.remind_offsets,
        remind_time=committee.remind_time,
        quiet_start=committee.quiet_start,
        quiet_end=committee.quiet_end,
        overdue_every=committee.overdue_every,
        overdue_max=committee.overdue_max,
        escalate_after=committee.escalate_after,
        summary_weekday=committee.summary_weekday,
        summary_time=committee.summary_time,
        tz_name=committee.tz_name,
    )


# --------------------------------------------------------------------------- recipients


@dataclass(frozen=True)
class Recipient:
    person_id: int | None  # None: the committee group
    role: RecipientRole


async def task_recipients(session: AsyncSession, task: Task) -> list[Recipient]:
    """Who is reminded of `task`: the contact people of its lead and executors (a person assignee
    is their own contact); the group when none is known. Chairs (Role "chair") get escalations;
    when the committee has no known chair, the escalation goes to the group (unless the group
    already gets the task's reminders)."""
    people: list[int] = []
    unit_ids: list[int] = []
    for a in task.assignees:
        if a.role not in _REMINDED_ROLES:
            continue
        if a.person_id is not None:
            people.append(a.person_id)
        elif a.unit_id is not None:
            unit_ids.append(a.unit_id)
    if unit_ids:
        rows = await session.execute(
            select(UnitContact.person_id).where(UnitContact.unit_id.in_(unit_ids)).order_by(UnitContact.id)
        )
        people.extend(rows.scalars())
    assignees = list(dict.fromkeys(people))  # unique, in order
    chairs = (
        await session.execute(
            select(Role.person_id).where(Role.committee_id == task.committee_id, Role.role == "chair").order_by(Role.id)
        )
    ).scalars()
    recipients = [Recipient(p, RecipientRole.ASSIGNEE) for p in assignees] or [Recipient(None, RecipientRole.ASSIGNEE)]
    chair_ids = [p for p in dict.fromkeys(chairs) if p not in assignees]
    if chair_ids:
        recipients += [Recipient(p, RecipientRole.CHAIR) for p in chair_ids]
    elif assignees:
        recipients.append(Recipient(None, RecipientRole.CHAIR))
    return recipients


# --------------------------------------------------------------------------- planning


async def _insert_planned(
    session: AsyncSession, committee_id: int, task_id: int, person_id: int | None, planned: PlannedReminder
) -> None:
    values = {
        "committee_id": committee_id,
        "task_id": task_id,
        "person_id": person_id,
        "kind": planned.kind.value,
        "local_day": planned.local_day,
        "due_at": planned.at.astimezone(UTC),
        "status": PENDING,
        "attempts": 0,
    }
    # ON CONFLICT DO NOTHING: a unique (task, person, day) clash means that reminder exists
    # already: planning twice must not fail nor duplicate.
    stmt = dialect_insert(session)(Reminder).values(**values).on_conflict_do_nothing()
    await session.execute(stmt)


def _same_person(person_id: int | None) -> Any:
    return Reminder.person_id.is_(None) if person_id is None else Reminder.person_id == person_id


async def last_handled_days(session: AsyncSession, task_id: int) -> dict[int | None, date]:
    """Per recipient of the task: the last day a reminder was sent (or failed for good)."""
    rows = await session.execute(
        select(Reminder.person_id, func.max(Reminder.local_day))
        .where(Reminder.task_id == task_id, Reminder.status.in_(_HANDLED))
        .group_by(Reminder.person_id)
    )
    return {pid: day for pid, day in rows.all()}


async def replan_task(session: AsyncSession, task_id: int, now: datetime) -> int:
    """Throw away the task's pending reminders and plan anew from `now`; returns rows planned.

    Call after a task is created, edited (text, assignees, deadline), extended, done, cancelled or
    reopened — in the same transaction as the change. A closed task, or one without a due day,
    keeps no reminders. Rows being sent right now become `superseded` (their sender will not plan
    on from them) and their recipients are not planned for today again.
    """
    task = await session.get(Task, task_id)
    if task is None:
        return 0
    # Being sent: claimed, or claimed and superseded by an earlier re-plan that the sender has not
    # recorded yet (a departure re-plans a task, then the chair change re-plans the committee, in one
    # transaction). Forgetting the second kind planned today's reminder again, which the unique key
    # (task, person, day) silently refused against the superseded row: the person lost every later
    # reminder. A superseded row older than the lease belongs to a dead process and is ignored.
    in_flight = set(
        (
            await session.execute(
                select(Reminder.person_id).where(
                    Reminder.task_id == task_id,
                    or_(
                        Reminder.status == CLAIMED,
                        and_(Reminder.status == SUPERSEDED, Reminder.claimed_at >= as_utc(now) - CLAIM_LEASE),
                    ),
                )
            )
        ).scalars()
    )
    await session.execute(
        delete(Reminder)
        .where(Reminder.task_id == task_id, Reminder.status == PENDING)
        .execution_options(synchronize_session=False)
    )
    if in_flight:
        await session.execute(
            update(Reminder)
            .where(Reminder.task_id == task_id, Reminder.status == CLAIMED)
            .values(status=SUPERSEDED)
            .execution_options(synchronize_session=False)
        )
    if task.status != "open" or task.due_current is None:
        return 0
    committee = await session.get(Committee, task.committee_id)
    if committee is None:
        return 0
    settings = settings_of(committee)
    now_local = as_utc(now).astimezone(settings.tz)
    today = now_local.date()
    last = await last_handled_days(session, task_id)
    planned = 0
    for r in await task_recipients(session, task):
        last_day = last.get(r.person_id)
        if r.person_id in in_flight:
            last_day = max(last_day, today) if last_day else today
        nxt = next_reminder(task.due_current, now_local, settings, last_day, r.role)
        if nxt is not None:
            await _insert_planned(session, task.committee_id, task.id, r.person_id, nxt)
            planned += 1
    return planned


async def replan_unit_tasks(session: AsyncSession, unit_id: int, now: datetime) -> int:
    """Re-plan the open tasks a unit leads or carries out (its contact people changed)."""
    ids = (
        await session.execute(
            select(TaskAssignee.task_id)
            .join(Task, Task.id == TaskAssignee.task_id)
            .where(TaskAssignee.unit_id == unit_id, Task.status == "open")
            .distinct()
        )
    ).scalars()
    total = 0
    for task_id in list(ids):
        total += await replan_task(session, task_id, now)
    return total


async def restore_superseded(session: AsyncSession) -> int:
    """At a start on SQLite (db.outbox.release_stale_claims): rows a re-plan superseded while a
    process that has since died was sending them. The re-plan planned their recipients on from the
    next day, counting on that send; unrecorded, it may never have happened. Like a dead process's
    claimed rows, each goes out again (once, as what applies then) when its recipient is still
    reminded of the open task, and the pair plans on from it (the re-plan's next row is dropped);
    otherwise it is deleted. Returns the rows put back."""
    rows = (
        await session.execute(
            select(Reminder.id, Reminder.task_id, Reminder.person_id, Reminder.kind).where(
                Reminder.status == SUPERSEDED
            )
        )
    ).all()
    return await _put_back(session, rows, dict(outbox.RELEASED))


async def restore_dead_superseded(
    session: AsyncSession, now: datetime, wall_now: datetime, alive_within: timedelta, lease: timedelta = CLAIM_LEASE
) -> int:
    """`restore_superseded` for PostgreSQL with several instances, where nobody starts alone: the
    superseded rows of an instance that is dead — its beat older than `alive_within` (wall time)
    AND its claim older than the claim lease (the bot's clock: when a claimed row of it would be
    taken over too) — are put back by a live instance. Never a live one's: a superseded row whose
    sender still beats is in flight (it will record the send); two live instances never put back the
    same row (FOR UPDATE SKIP LOCKED; on SQLite the clause is dropped and this is not called)."""
    rows = (
        await session.execute(
            select(Reminder.id, Reminder.task_id, Reminder.person_id, Reminder.kind)
            .where(
                Reminder.status == SUPERSEDED,
                Reminder.claimed_at < as_utc(now) - lease,
                ~outbox.beaten_within(Reminder.claimed_by, wall_now, alive_within),
            )
            .order_by(Reminder.id)
            .with_for_update(skip_locked=True, of=Reminder)
        )
    ).all()
    return await _put_back(session, rows, dict(outbox.RELEASED))


async def _put_back(session: AsyncSession, rows: Sequence[Any], values: dict[str, Any]) -> int:
    """Superseded rows (id, task id, person id, kind) whose send did not happen: each becomes the
    pair's live row again with `values` (pending, its claim cleared) when its recipient is still
    reminded of the open task — the pair's row the re-plan planned from the next day is dropped — and
    is deleted otherwise. Returns the rows put back."""
    restored = 0
    for row_id, task_id, person_id, kind in rows:
        task = await session.get(Task, task_id)
        role = RecipientRole.CHAIR if kind == ReminderKind.ESCALATION.value else RecipientRole.ASSIGNEE
        still = (
            task is not None
            and task.status == "open"
            and task.due_current is not None
            and Recipient(person_id, role) in await task_recipients(session, task)
        )
        # Only while still superseded: another instance may have put it back meanwhile.
        this = and_(Reminder.id == row_id, Reminder.status == SUPERSEDED)
        if not still:
            await session.execute(delete(Reminder).where(this).execution_options(synchronize_session=False))
            continue
        # The pair's next row first (`values` may move this one to that row's day: one per day).
        other = aliased(Reminder)
        await session.execute(
            delete(Reminder)
            .where(
                Reminder.task_id == task_id, _same_person(person_id), Reminder.status == PENDING,
                exists().where(other.id == row_id, other.status == SUPERSEDED),
            )
            .execution_options(synchronize_session=False)
        )
        back = await session.execute(
            update(Reminder).where(this).values(**values).execution_options(synchronize_session=False)
        )
        restored += 1 if back.rowcount else 0  # type: ignore[attr-defined]
    return restored


# --------------------------------------------------------------------------- claiming


@dataclass(frozen=True)
class PersonInfo:
    id: int
    tg_user_id: int | None
    username: str | None
    full_name: str
    private_chat: bool
    blocked_bot: bool
    # Telegram said, at send time, that the person is not in the committee's group (jobs.presence): the
    # reminder goes to the group, whose footer must not tell them to open a private chat (sec16).
    not_in_group: bool = False

    @property
    def display_name(self) -> str:
        return self.full_name or (f"@{self.username}" if self.username else "")

    @property
    def reachable_privately(self) -> bool:
        return self.private_chat and not self.blocked_bot and self.tg_user_id is not None


@dataclass(frozen=True)
class CommitteeInfo:
    id: int
    chat_id: int
    title: str
    active: bool
    settings: ReminderSettings


@dataclass(frozen=True)
class DueReminder:
    """A claimed row with what sending it needs."""

    id: int
    kind: ReminderKind
    local_day: date
    due_at: datetime
    attempts: int
    task_id: int
    task_number: int
    task_text: str
    task_open: bool
    due: date | None
    lead: str | None
    committee: CommitteeInfo
    person: PersonInfo | None
    last_sent_day: date | None
    obstacle: str | None = None  # escalations: the last obstacle the assignee reported
    lead_person_id: int | None = None  # the lead is this person (not a unit): a group reminder names her once
    lead_kind: str = "unit"  # 👤 / 🏢 / ❓ before «Chủ trì», as on every other screen (domain.lead_kinds)

    @property
    def role(self) -> RecipientRole:
        return RecipientRole.CHAIR if self.kind is ReminderKind.ESCALATION else RecipientRole.ASSIGNEE

    @property
    def person_id(self) -> int | None:
        return self.person.id if self.person else None


def claimable(now: datetime, lease: timedelta = CLAIM_LEASE) -> Any:
    """Reminder rows a dispatcher may take now (the outbox core's rule, db.outbox.claimable)."""
    return outbox.claimable(Reminder, now, lease)


async def claim_due(
    session: AsyncSession,
    now: datetime,
    worker_id: str,
    limit: int,
    lease: timedelta = CLAIM_LEASE,
) -> list[DueReminder]:
    """Claim up to `limit` due rows of active committees, oldest first, and load them.

    The outbox core's claim (db.outbox.claim: FOR UPDATE SKIP LOCKED on PostgreSQL). Commit right
    after, before sending.
    """
    ids = await outbox.claim(session, Reminder, now, worker_id, limit, lease)
    return await load_due(session, ids) if ids else []


async def load_due(session: AsyncSession, ids: Sequence[int]) -> list[DueReminder]:
    rows = (
        await session.execute(
            select(Reminder, Task, Committee, Person)
            .join(Task, Task.id == Reminder.task_id)
            .join(Committee, Committee.id == Reminder.committee_id)
            .outerjoin(Person, Person.id == Reminder.person_id)
            .where(Reminder.id.in_(ids))
            .order_by(Reminder.due_at, Reminder.id)
        )
    ).all()
    task_ids = {task.id for _, task, _, _ in rows}
    last: dict[tuple[int, int | None], date] = {}
    if task_ids:
        for task_id, pid, day in (
            await session.execute(
                select(Reminder.task_id, Reminder.person_id, func.max(Reminder.local_day))
                .where(Reminder.task_id.in_(task_ids), Reminder.status.in_(_HANDLED))
                .group_by(Reminder.task_id, Reminder.person_id)
            )
        ).all():
            last[(task_id, pid)] = day
    obstacles = await last_obstacles(
        session, {task.id for rem, task, _, _ in rows if rem.kind == ReminderKind.ESCALATION.value}
    )
    committees: dict[int, CommitteeInfo] = {}
    out = []
    for rem, task, com, person in rows:
        info = committees.get(com.id)
        if info is None:
            info = CommitteeInfo(com.id, com.chat_id, com.title, com.active, settings_of(com))
            committees[com.id] = info
        lead_a = next((a for a in task.assignees if a.role == "lead"), None)
        lead = lead_a.label if lead_a else None
        out.append(
            DueReminder(
                id=rem.id,
                kind=ReminderKind(rem.kind),
                local_day=rem.local_day,
                due_at=as_utc(rem.due_at),
                attempts=rem.attempts,
                task_id=task.id,
                task_number=task.number,
                task_text=task.text,
                task_open=task.status == "open",
                due=task.due_current,
                lead=lead,
                committee=info,
                person=(
                    PersonInfo(
                        person.id,
                        person.tg_user_id,
                        person.username,
                        person.full_name,
                        person.private_chat,
                        person.blocked_bot,
                    )
                    if person is not None
                    else None
                ),
                last_sent_day=last.get((task.id, rem.person_id)),
                obstacle=obstacles.get(task.id),
                lead_person_id=lead_a.person_id if lead_a and lead_a.unit_id is None else None,
                lead_kind=lead_kind(task.assignees),
            )
        )
    return out


async def last_obstacles(session: AsyncSession, task_ids: Iterable[int]) -> dict[int, str]:
    """The latest obstacle (a "blocked" event's note) of each of these tasks that has one."""
    task_ids = list(task_ids)
    if not task_ids:
        return {}
    rows = await session.execute(
        select(TaskEvent.task_id, TaskEvent.note)
        .where(TaskEvent.task_id.in_(task_ids), TaskEvent.kind == "blocked", TaskEvent.note.is_not(None))
        .order_by(TaskEvent.at, TaskEvent.id)
    )
    return {task_id: note for task_id, note in rows.all()}  # the latest wins


# --------------------------------------------------------------------------- recording


async def mark_sent(
    session: AsyncSession,
    sent: Iterable[tuple[int, ReminderKind, date]],
    now: datetime,
    worker_id: str,
    chat_id: int,
    message_id: int | None,
) -> set[int]:
    """Record delivered rows (id, kind sent, local day sent). Returns the ids this worker still
    owned; the others were superseded by a re-plan meanwhile (recorded as sent all the same, but
    the caller must not plan on from them)."""
    now = as_utc(now)
    owned: set[int] = set()
    for rid, kind, day in sent:
        values = {
            "status": SENT,
            "sent_at": now,
            "kind": kind.value,
            "local_day": day,
            "delivered_to_chat": chat_id,
            "message_id": message_id,
            "last_error": None,
        }
        result = await session.execute(
            update(Reminder)
            .where(Reminder.id == rid, Reminder.claimed_by == worker_id, Reminder.status == CLAIMED)
            .values(**values)
            .returning(Reminder.id)
            .execution_options(synchronize_session=False)
        )
        if result.scalar_one_or_none() is not None:
            owned.add(rid)
            continue
        await session.execute(
            update(Reminder)
            .where(Reminder.id == rid, Reminder.claimed_by == worker_id, Reminder.status == SUPERSEDED)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
    return owned


async def _finish(
    session: AsyncSession, ids: Iterable[int], worker_id: str, values: dict[str, Any], *, unsent: bool = False
) -> set[int]:
    """Update rows this worker holds; returns their ids. A row superseded meanwhile (its task has a
    new plan) is dropped when it is done with (failed for good, cancelled); when it goes back to the
    outbox unsent (`unsent`: released, deferred, a flood wait) it is still the pair's reminder of
    its day — the re-plan planned on from the next day, counting on this send — so it is put back
    with `values` (`_put_back`): dropping it lost that day's reminder (the bot removed from the group
    and added back the same day; a 403; a long flood wait)."""
    ids = list(ids)
    if not ids:
        return set()
    result = await outbox.finish(session, Reminder, ids, worker_id, values)
    mine = and_(Reminder.id.in_(ids), Reminder.claimed_by == worker_id, Reminder.status == SUPERSEDED)
    if unsent:
        rows = (
            await session.execute(select(Reminder.id, Reminder.task_id, Reminder.person_id, Reminder.kind).where(mine))
        ).all()
        if rows:
            await _put_back(session, rows, {**values, "claimed_by": None, "claimed_at": None})
        return result
    await session.execute(delete(Reminder).where(mine).execution_options(synchronize_session=False))
    return result


async def mark_failed(
    session: AsyncSession, failed: Iterable[tuple[int, date]], worker_id: str, error: str
) -> set[int]:
    """Give up on these rows (id, day tried; e.g. BadRequest): recorded on the day they were tried,
    which then counts as that day's reminder. Returns the ids still owned (the caller plans on)."""
    owned: set[int] = set()
    for rid, day in failed:
        owned |= await _finish(
            session, [rid], worker_id, {"status": FAILED, "local_day": day, "last_error": error[:1000]}
        )
    return owned


async def mark_retry(
    session: AsyncSession, ids: Iterable[int], worker_id: str, next_attempt_at: datetime, error: str
) -> None:
    """Back to pending, to be claimed again at `next_attempt_at` (flood wait, network trouble)."""
    await _finish(session, ids, worker_id, outbox.retry_values(next_attempt_at, error), unsent=True)


async def mark_cancelled(session: AsyncSession, ids: Iterable[int], worker_id: str, reason: str) -> None:
    """Not sent and never will be (the task was closed or lost its deadline meanwhile)."""
    await _finish(session, ids, worker_id, {"status": CANCELLED, "last_error": reason[:1000]})


async def release(session: AsyncSession, ids: Iterable[int], worker_id: str) -> None:
    """Back to pending as they were (the committee is paused: the bot is not in its group)."""
    await _finish(session, ids, worker_id, dict(outbox.RELEASED), unsent=True)


async def defer(session: AsyncSession, row_id: int, worker_id: str, planned: PlannedReminder) -> None:
    """Not now (weekend, holiday, quiet hours, already reminded today): keep the row for later."""
    await _finish(
        session,
        [row_id],
        worker_id,
        {
            "status": PENDING,
            "kind": planned.kind.value,
            "local_day": planned.local_day,
            "due_at": planned.at.astimezone(UTC),
            "claimed_by": None,
            "claimed_at": None,
            "next_attempt_at": None,
        },
        unsent=True,
    )


async def plan_next(session: AsyncSession, row: DueReminder, sent_day: date, now: datetime) -> bool:
    """After `row` was delivered on `sent_day`: plan the pair's next reminder, unless the pair
    already has a live row (a re-plan got there first). Returns whether a row was planned."""
    if not row.task_open or row.due is None:
        return False
    live = await session.execute(
        select(Reminder.id)
        .where(
            Reminder.task_id == row.task_id,
            _same_person(row.person_id),
            Reminder.status.in_((PENDING, CLAIMED)),
        )
        .limit(1)
    )
    if live.first() is not None:
        return False
    settings = row.committee.settings
    nxt = next_reminder(row.due, as_utc(now).astimezone(settings.tz), settings, sent_day, row.role)
    if nxt is None:
        return False
    await _insert_planned(session, row.committee.id, row.task_id, row.person_id, nxt)
    return True


async def mark_person_blocked(session: AsyncSession, person_id: int) -> None:
    """The person blocked the bot (403 in private): reminders go to the group from now on."""
    await session.execute(
        update(Person)
        .where(Person.id == person_id)
        .values(blocked_bot=True)
        .execution_options(synchronize_session=False)
    )


async def any_paused(session: AsyncSession, committee_ids: Iterable[int]) -> bool:
    """Is one of these committees paused (the bot is not in its group)? Asked right before a
    reminder message goes out: its rows were claimed while the committee was active."""
    ids = list(committee_ids)
    return bool(
        ids and await session.scalar(select(func.count()).where(Committee.id.in_(ids), Committee.active.is_(False)))
    )


async def pause_committee(session: AsyncSession, committee_id: int) -> None:
    """The bot is no longer in the group (403 there): reminders pause until it is added back."""
    await session.execute(
        update(Committee)
        .where(Committee.id == committee_id)
        .values(active=False)
        .execution_options(synchronize_session=False)
    )


async def any_sent(session: AsyncSession, task_id: int) -> bool:
    """Has a reminder of this task reached anyone yet (its doers know its deadline from the bot)?"""
    found = await session.scalar(
        select(Reminder.id).where(Reminder.task_id == task_id, Reminder.status == "sent").limit(1)
    )
    return found is not None
