"""A unit's last contact person left the group (qa13): written in the history of the unit's open tasks
(«contact_left»), so that /xem tells why their reminders moved to the group. What the chair is told when
the person comes back is db.departures' (qa15).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db import tasks as db_tasks
from db.models import Task, TaskAssignee

CONTACT_LEFT = "contact_left"


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
