"""Shared by the fault tests (API faults in-process, kill -9 with the bot as a subprocess): a
committee with many tasks, the expected reminders computed from the plan alone, and what the
emulator recorded, keyed the same way so that losses and duplicates can be counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import Committee, Person, Role, Task
from db.reminders import settings_of, task_recipients
from domain.reminders import (
    PlannedReminder,
    RecipientRole,
    ReminderSettings,
    iso_week_of,
    next_reminder,
    reminder_applying_now,
)
from emulator import Message
from tests.reminder_world import World as DbWorld

VN = ZoneInfo("Asia/Ho_Chi_Minh")
SUMMARY_MARK = "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"

# (chat the message went to, task id, local day it was sent on)
Key = tuple[int, int, date]


def at(day: date, hh: int = 8, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), VN).astimezone(UTC)


def local_day(message: Message) -> date:
    return datetime.fromtimestamp(message.date, UTC).astimezone(VN).date()


def reminder_keys(messages: Iterable[Message]) -> Counter[Key]:
    """Every reminder message counts once per task it carries (its "✅ Đã xong" button)."""
    keys: Counter[Key] = Counter()
    for m in messages:
        for row in m.buttons:
            for button in row:
                data = button.get("callback_data", "")
                if data.startswith(("done:", "cdue:")):  # an escalation carries the chair's buttons
                    keys[(m.chat.id, int(data.split(":")[1]), local_day(m))] += 1
    return keys


def duplicate_messages(messages: Iterable[Message]) -> int:
    """Reminder messages that repeat an earlier one (same chat, same day, same tasks)."""
    seen: Counter[tuple[int, date, frozenset[str]]] = Counter()
    for m in messages:
        tasks = frozenset(b.get("callback_data", "") for row in m.buttons for b in row)
        if any(t.startswith(("done:", "cdue:")) for t in tasks):
            seen[(m.chat.id, local_day(m), tasks)] += 1
    return sum(n - 1 for n in seen.values())


def summary_weeks(messages: Iterable[Message]) -> Counter[tuple[int, tuple[int, int]]]:
    """(group, ISO week) of every weekly summary's first part."""
    return Counter(
        (m.chat.id, iso_week_of(local_day(m))) for m in messages if m.text and SUMMARY_MARK in m.text
    )


@dataclass
class Pair:
    """One (task, recipient) as the outbox plans it, replayed by `expect`."""

    task_id: int
    due: date
    person_id: int | None
    role: RecipientRole
    settings: ReminderSettings
    planned: PlannedReminder | None = None
    last: date | None = None
    days: list[date] = field(default_factory=list)


async def plan_pairs(sessions: async_sessionmaker[AsyncSession], created: datetime) -> list[Pair]:
    """Every open task's recipients, with the first reminder planned at `created` (as replan_task)."""
    pairs = []
    async with sessions() as s:
        for task in (await s.scalars(select(Task).where(Task.status == "open"))).all():
            com = await s.get(Committee, task.committee_id)
            assert com is not None and task.due_current is not None
            st = settings_of(com)
            for r in await task_recipients(s, task):
                p = Pair(task.id, task.due_current, r.person_id, r.role, st)
                p.planned = next_reminder(p.due, created.astimezone(st.tz), st, None, r.role)
                pairs.append(p)
    return pairs


def expect(pairs: Sequence[Pair], moment: datetime) -> None:
    """What the dispatcher must do at `moment` when nothing fails: the plan alone decides."""
    for p in pairs:
        if p.planned is None or p.planned.at > moment:
            continue
        local = moment.astimezone(p.settings.tz)
        now_ = reminder_applying_now(p.due, local, p.settings, p.last, p.role)
        if now_ is None:
            p.planned = None
        elif now_.at <= local:
            p.days.append(now_.local_day)
            p.last = now_.local_day
            p.planned = next_reminder(p.due, local, p.settings, p.last, p.role)
        else:
            p.planned = now_


async def chats_of(sessions: async_sessionmaker[AsyncSession]) -> tuple[dict[int | None, int], dict[int, int]]:
    """person id -> private chat (their Telegram id); task id -> its committee's group."""
    async with sessions() as s:
        people = {p.id: p.tg_user_id for p in (await s.scalars(select(Person))).all() if p.tg_user_id}
        groups = {
            t.id: c.chat_id
            for t, c in (await s.execute(select(Task, Committee).join(Committee, Committee.id == Task.committee_id)))
        }
    return people, groups  # type: ignore[return-value]


def expected_keys(
    pairs: Sequence[Pair], people: dict[int | None, int], groups: dict[int, int], via_group: set[int]
) -> Counter[Key]:
    """Private chat for people reachable there, the group for the others (403: `via_group`)."""
    keys: Counter[Key] = Counter()
    for p in pairs:
        private = people.get(p.person_id) if p.person_id is not None else None
        chat = groups[p.task_id] if private is None or p.person_id in via_group else private
        for d in p.days:
            keys[(chat, p.task_id, d)] += 1
    # In a group, a task's people share one entry: count the key once.
    return Counter(dict.fromkeys(keys, 1))


async def seed_committee(
    sessions: async_sessionmaker[AsyncSession],
    chat_id: int,
    title: str,
    chair_tg: int,
    member_tgs: Sequence[int],
    tasks: int,
    created: datetime,
    first_due: date,
    spread_days: int,
) -> int:
    """A committee whose group is `chat_id`: a chair, one unit per member (the member its contact
    person), `tasks` tasks over those units with due days spread over `spread_days` days."""
    db = DbWorld(sessions)
    async with sessions() as s:
        existing = await s.scalar(select(Committee).where(Committee.chat_id == chat_id))
    cid = existing.id if existing else await db.committee(title, chat_id, created)
    person_ids = []
    async with sessions() as s:
        by_tg = {p.tg_user_id: p.id for p in (await s.scalars(select(Person))).all()}
    for n, tg in enumerate([chair_tg, *member_tgs]):
        pid = by_tg.get(tg) or await db.person(f"Người {tg}", tg)
        person_ids.append(pid)
        if n == 0:
            async with sessions() as s:
                has = await s.scalar(select(Role.id).where(Role.committee_id == cid, Role.person_id == pid))
            if has is None:
                await db.chair(cid, pid)
    units = [await db.unit(cid, f"Đơn vị {i + 1} {title}", (pid,)) for i, pid in enumerate(person_ids[1:])]
    for i in range(tasks):
        due = first_due + timedelta(days=i % spread_days)
        if due.weekday() >= 5:
            due += timedelta(days=7 - due.weekday())
        await db.task(cid, f"Nhiệm vụ số {i + 1} của {title}", due, created, lead_unit=units[i % len(units)])
    return cid
