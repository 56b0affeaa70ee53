"""Builders for the reminder tests: committees, people, units and tasks as the handlers store them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import Committee, Person, Reminder, Role, Task, TaskAssignee, Unit, UnitContact
from db.reminders import replan_task
from domain.understand.textnorm import fold


@dataclass
class World:
    sessions: async_sessionmaker[AsyncSession]

    async def committee(self, title: str, chat_id: int, created_at: datetime, **settings: Any) -> int:
        async with self.sessions() as s, s.begin():
            c = Committee(chat_id=chat_id, title=title, created_at=created_at, **settings)
            s.add(c)
            await s.flush()
            return c.id

    async def person(
        self,
        name: str,
        tg_user_id: int | None,
        *,
        username: str | None = None,
        private_chat: bool = True,
        blocked_bot: bool = False,
    ) -> int:
        async with self.sessions() as s, s.begin():
            p = Person(
                tg_user_id=tg_user_id,
                username=username,
                full_name=name,
                private_chat=private_chat,
                blocked_bot=blocked_bot,
            )
            s.add(p)
            await s.flush()
            return p.id

    async def chair(self, committee_id: int, person_id: int) -> None:
        async with self.sessions() as s, s.begin():
            s.add(Role(committee_id=committee_id, person_id=person_id, role="chair", granted_at=datetime.now(UTC)))

    async def unit(self, committee_id: int, name: str, contacts: tuple[int, ...] = ()) -> int:
        async with self.sessions() as s, s.begin():
            u = Unit(committee_id=committee_id, name=name, norm_name=fold(name), aliases=[])
            s.add(u)
            await s.flush()
            for pid in contacts:
                s.add(UnitContact(unit_id=u.id, person_id=pid))
            return u.id

    async def task(
        self,
        committee_id: int,
        text: str,
        due: date | None,
        now: datetime,
        *,
        lead_unit: int | None = None,
        lead_person: int | None = None,
        lead_label: str = "Văn phòng",
        support_unit: int | None = None,
        plan: bool = True,
    ) -> int:
        """A task as /giao stores it (then planned, as the handler does via replan_task)."""
        async with self.sessions() as s, s.begin():
            c = await s.get(Committee, committee_id)
            assert c is not None
            c.last_task_number += 1
            t = Task(
                committee_id=committee_id,
                number=c.last_task_number,
                text=text,
                created_at=now,
                assigned_on=now.date(),
                deadline_kind="date" if due else "none",
                due_original=due,
                due_current=due,
            )
            t.assignees.append(TaskAssignee(role="lead", unit_id=lead_unit, person_id=lead_person, label=lead_label))
            if support_unit is not None:
                t.assignees.append(TaskAssignee(role="support", unit_id=support_unit, label="Phối hợp"))
            s.add(t)
            await s.flush()
            if plan:
                await replan_task(s, t.id, now)
            return t.id

    async def update_task(self, task_id: int, now: datetime, **values: Any) -> None:
        """An edit as the handlers make it: change, then re-plan in the same transaction."""
        async with self.sessions() as s, s.begin():
            t = await s.get(Task, task_id)
            assert t is not None
            for k, v in values.items():
                setattr(t, k, v)
            await s.flush()
            await replan_task(s, task_id, now)

    async def reminders(self, task_id: int | None = None) -> list[Reminder]:
        async with self.sessions() as s:
            q = select(Reminder).order_by(Reminder.local_day, Reminder.person_id, Reminder.id)
            if task_id is not None:
                q = q.where(Reminder.task_id == task_id)
            return list((await s.execute(q)).scalars())
