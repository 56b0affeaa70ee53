"""Units an import added, taken back with it (qa13).

Saving a conclusion adds the catalogue units it names that the committee did not have (handlers
.directives.resolve_assignees). «↩️ Hoàn tác lần nhập này» cancelled the tasks but left those units: after
undoing a phone photo's misreading, /donvi and the board's unit filter kept «Phòng TC-KH (Phòng Tài
chính - Kí hofich chữ trì)» and a bare «UBND» for good, each offering to take reminders. The units an
import added are written in its first task's history (one event), and the undo drops those that nothing
else came to use: no contact person given since, no task outside the import.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db import units as db_units
from db.models import Task, TaskAssignee, TaskEvent, Unit, UnitContact

UNITS_ADDED = "units_added"  # a key of the first task's «created» event data


async def active_unit_ids(session: AsyncSession, committee_id: int) -> set[int]:
    return {u.id for u in await db_units.units_of(session, committee_id)}


async def note_added(
    session: AsyncSession, committee_id: int, before: set[int], first: Task
) -> None:
    """After an import is saved: the units active now that were not before it."""
    added = sorted(await active_unit_ids(session, committee_id) - before)
    if not added:
        return
    await session.flush()
    created = await session.scalar(
        select(TaskEvent).where(TaskEvent.task_id == first.id, TaskEvent.kind == "created").order_by(TaskEvent.id)
    )
    if created is not None:
        created.data = {**(created.data or {}), UNITS_ADDED: added}


async def drop_added(session: AsyncSession, tasks: list[Task]) -> list[str]:
    """The import's tasks are undone: its added units that nothing else uses are dropped; their names."""
    task_ids = [t.id for t in tasks]
    events = (
        await session.scalars(select(TaskEvent).where(TaskEvent.task_id.in_(task_ids), TaskEvent.kind == "created"))
    ).all()
    unit_ids = sorted({int(u) for e in events for u in (e.data or {}).get(UNITS_ADDED, [])})
    dropped: list[str] = []
    for unit_id in unit_ids:
        unit = await session.get(Unit, unit_id)
        if unit is None or not unit.active:
            continue
        contacts = await session.scalar(select(func.count(UnitContact.id)).where(UnitContact.unit_id == unit_id))
        elsewhere = await session.scalar(
            select(func.count(TaskAssignee.id)).where(
                TaskAssignee.unit_id == unit_id, TaskAssignee.task_id.not_in(task_ids)
            )
        )
        if contacts or elsewhere:
            continue
        unit.active = False
        dropped.append(unit.name)
    return dropped
