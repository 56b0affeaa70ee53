"""The open tasks of some units, in one query (a leaver's units: db.membership.member_left, the
notes of db.contact_return and what db.departures gives back). Written once so that the three agree on
what «a unit's open tasks» is: open, of this committee, each task once however many times the unit is
on it (lead and support)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Task, TaskAssignee


async def open_tasks_of_units(
    session: AsyncSession, committee_id: int, unit_ids: Iterable[int]
) -> dict[int, list[Task]]:
    """unit id -> its open tasks in the committee, by task number. A unit with no open task is absent."""
    ids = sorted(set(unit_ids))
    if not ids:
        return {}
    rows = await session.execute(
        select(TaskAssignee.unit_id, Task)
        .join(Task, Task.id == TaskAssignee.task_id)
        .where(Task.committee_id == committee_id, Task.status == "open", TaskAssignee.unit_id.in_(ids))
        .order_by(Task.number, Task.id)
    )
    out: dict[int, list[Task]] = {}
    for unit_id, task in rows.all():
        tasks = out.setdefault(unit_id, [])
        if task not in tasks:  # (a unit both lead and support of a task: one row each)
            tasks.append(task)
    return out


def numbers(tasks: Iterable[Task]) -> list[int]:
    return [t.number for t in tasks]
