"""Membership changes replayed during the fault worlds (kill -9, API faults): people leave and come
back, admins are promoted and demoted, a chair leaves, the bot is removed from one group and added
back — at moments a seeded random picks — and what a user relies on is checked afterwards.

The plan replay of `faultkit` cannot foresee the day a change happens mid-fan-out (a reminder may
be claimed a moment before or after): that day is *lenient* for the committee concerned (its
reminders are neither required nor refused), and at the end of it the expected pairs of that
committee are re-derived from what the bot stored (its recipients, the last day each was reminded),
so that every later day is checked exactly again: nothing lost for the people still there."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import Committee, Task
from db.reminders import last_handled_days, settings_of, task_recipients
from domain.reminders import next_reminder
from emulator import Message
from tests.e2e.faultkit import Key, Pair, local_day


async def rederive(sessions: async_sessionmaker[AsyncSession], committee_id: int, moment: datetime) -> list[Pair]:
    """The committee's (task, recipient) pairs as the bot has them now, each planned on from the
    last day it was reminded (what db.reminders.replan_task does)."""
    pairs = []
    async with sessions() as s:
        com = await s.get(Committee, committee_id)
        assert com is not None
        st = settings_of(com)
        tasks = (await s.scalars(select(Task).where(Task.committee_id == committee_id, Task.status == "open"))).all()
        for task in tasks:
            assert task.due_current is not None
            last = await last_handled_days(s, task.id)
            for r in await task_recipients(s, task):
                p = Pair(task.id, task.due_current, r.person_id, r.role, st)
                p.last = last.get(r.person_id)
                p.planned = next_reminder(p.due, moment.astimezone(st.tz), st, p.last, r.role)
                pairs.append(p)
    return pairs


@dataclass
class Ledger:
    """Which (group, day) are lenient, and which committees' pairs are live in the replay."""

    live: dict[int, list[Pair]]  # committee id -> pairs the replay moves on
    retired: list[Pair] = field(default_factory=list)  # replaced pairs: their past days still count
    lenient: set[tuple[int, date]] = field(default_factory=set)  # (group chat, local day)
    paused: set[int] = field(default_factory=set)  # committees whose pairs stand still (bot removed)

    def moving(self) -> list[Pair]:
        return [p for cid, ps in self.live.items() if cid not in self.paused for p in ps]

    def everything(self) -> list[Pair]:
        return [*self.retired, *(p for ps in self.live.values() for p in ps)]

    async def replace(self, sessions: async_sessionmaker[AsyncSession], committee_id: int, moment: datetime) -> None:
        self.retired += self.live[committee_id]
        self.live[committee_id] = await rederive(sessions, committee_id, moment)

    def strict(self, keys: Iterable[Key], groups: dict[int, int]) -> set[Key]:
        """The keys outside lenient days."""
        return {k for k in keys if (groups[k[1]], k[2]) not in self.lenient}


def private_after(messages: Sequence[Message], user_id: int, mark: int) -> list[Message]:
    """What the bot sent to `user_id`'s private chat from message index `mark` on (the test's own
    notices excluded)."""
    return [
        m for m in messages[mark:]
        if m.chat.id == user_id and not (m.text or "").startswith("Thông báo kiểm tra")
    ]


def tasks_named(message: Message) -> set[int]:
    return {
        int(b["callback_data"].split(":")[1])
        for row in message.buttons
        for b in row
        if b.get("callback_data", "").startswith(("done:", "cdue:"))
    }


__all__ = ["Ledger", "local_day", "private_after", "rederive", "tasks_named"]
