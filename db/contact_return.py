"""A unit's last contact person left the group (qa13): written in the history of the unit's open tasks
(«contact_left»), so that /xem tells why their reminders moved to the group. What the chair is told when
the person comes back is db.departures' (qa15).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from db import tasks as db_tasks
from db.models import Task

CONTACT_LEFT = "contact_left"


def note_contact_left(session: AsyncSession, person_id: int, open_tasks: dict[int, list[Task]], now: datetime) -> None:
    """The person was the last contact of these units: written on each of their open tasks.
    `open_tasks` is db.unit_tasks.open_tasks_of_units of those units (the caller has it already: no
    second query); the events go in task-number order, as /xem lists a task's history."""
    pairs = [(task, unit_id) for unit_id, tasks in open_tasks.items() for task in tasks]
    for task, unit_id in sorted(pairs, key=lambda pair: pair[0].number):
        data = {"person_id": person_id, "unit_id": unit_id}
        db_tasks.add_event(session, task, CONTACT_LEFT, person_id, now, data=data)
