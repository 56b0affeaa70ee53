"""A unit's contact person who left the group and came back (qa13).

Leaving drops the person's unit contacts (db.membership.member_left) and the group is told which units
have nobody to remind. Coming back, they were not given back — by design, the chair grants them again —
but nothing was said either: the unit's open tasks went on being reminded in the group only, and the
chair, who had read «gán người mới» days before, had no reason to think of it when the same person
returned. So the departure is written in the history of those units' open tasks («contact_left», which
also tells /xem readers why the reminders moved), and the return finds the units still without anyone.
No new table: a unit with no open task needs nobody to remind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db import tasks as db_tasks
from db.models import Task, TaskAssignee, TaskEvent, Unit, UnitContact

CONTACT_LEFT = "contact_left"


@dataclass
class UnitLeftBehind:
    name: str
    numbers: list[int] = field(default_factory=list)  # its open tasks


async def note_contact_left(
    session: AsyncSession, committee_id: int, person_id: int, unit_ids: list[int], now: datetime
) -> None:
    """The person was the last contact of these units: written on each of their open tasks."""
    if not unit_ids:
        return
    rows = (
        await session.execute(
            select(Task, TaskAssignee.unit_id)
            .join(TaskAssignee, TaskAssignee.task_id == Task.id)
            .where(Task.committee_id == committee_id, Task.status == "open", TaskAssignee.unit_id.in_(unit_ids))
            .order_by(Task.number)
        )
    ).all()
    seen: set[tuple[int, int]] = set()
    for task, unit_id in rows:
        if (task.id, unit_id) in seen:
            continue
        seen.add((task.id, unit_id))
        data = {"person_id": person_id, "unit_id": unit_id}
        db_tasks.add_event(session, task, CONTACT_LEFT, person_id, now, data=data)


async def units_left_behind(session: AsyncSession, committee_id: int, person_id: int) -> list[UnitLeftBehind]:
    """Units whose last contact this person was when they left, that still have nobody, with their open tasks;
    each departure is named once (marked told)."""
    rows = (
        await session.execute(
            select(TaskEvent, Task.number)
            .join(Task, Task.id == TaskEvent.task_id)
            .where(Task.committee_id == committee_id, Task.status == "open", TaskEvent.kind == CONTACT_LEFT)
            .order_by(Task.number)
        )
    ).all()
    numbers: dict[int, list[int]] = {}
    for event, number in rows:
        data = dict(event.data or {})
        if data.get("person_id") == person_id and isinstance(data.get("unit_id"), int) and not data.get("told"):
            # Said once: Telegram announces one return twice (the member update and the service message).
            event.data = {**data, "told": True}
            found = numbers.setdefault(data["unit_id"], [])
            if number not in found:
                found.append(number)
    if not numbers:
        return []
    staffed = set(
        (
            await session.execute(
                select(UnitContact.unit_id).where(UnitContact.unit_id.in_(numbers)).group_by(UnitContact.unit_id)
                .having(func.count(UnitContact.id) > 0)
            )
        ).scalars()
    )
    units = (
        await session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(numbers)).order_by(Unit.name))
    ).all()
    return [UnitLeftBehind(name, numbers[uid]) for uid, name in units if uid not in staffed]
