"""What a person's leaving took from them in a committee, kept until they come back (qa15).

db.membership.member_left drops a leaver's /vaitro role and unit contacts; member_returned gives back
only the open tasks nobody was given since (qa7: role and units are the chair's to give back). So that
the chair is not left to remember what that was, the departure is noted here and, when the person is
added back, taken (read and deleted, once): the role they had, and those of their units that still have
nobody to remind, with the unit's open task numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Departure, Role, Task, TaskAssignee, Unit, UnitContact
from db.outbox import as_utc


@dataclass
class StillToGiveBack:
    role: str | None = None  # the role they had and do not have now
    units: list[tuple[str, list[int]]] = field(default_factory=list)  # (unit name, its open task numbers)

    @property
    def anything(self) -> bool:
        return bool(self.role or self.units)


async def note_departure(
    session: AsyncSession, committee_id: int, person_id: int, role: str | None, unit_ids: list[int], now: datetime
) -> None:
    if not role and not unit_ids:
        return
    row = await session.scalar(
        select(Departure).where(Departure.committee_id == committee_id, Departure.person_id == person_id)
    )
    if row is None:
        session.add(Departure(committee_id=committee_id, person_id=person_id, role=role, unit_ids=list(unit_ids),
                              left_at=as_utc(now)))
    else:  # left again without coming back in between (missed update): keep what the first took too
        row.role = row.role or role
        row.unit_ids = sorted(set(row.unit_ids or []) | set(unit_ids))
        row.left_at = as_utc(now)
    await session.flush()


async def take_departure(session: AsyncSession, committee_id: int, person_id: int) -> StillToGiveBack:
    """The person is back: what of their departure is still not given back (the row goes)."""
    out = StillToGiveBack()
    row = await session.scalar(
        select(Departure).where(Departure.committee_id == committee_id, Departure.person_id == person_id)
    )
    if row is None:
        return out
    await session.execute(delete(Departure).where(Departure.id == row.id))
    now_role = await session.scalar(
        select(Role.role).where(Role.committee_id == committee_id, Role.person_id == person_id)
    )
    if row.role and now_role is None:
        out.role = row.role
    for unit_id in row.unit_ids or []:
        unit = await session.get(Unit, unit_id)
        if unit is None or unit.committee_id != committee_id:
            continue  # removed meanwhile
        contacts = await session.scalar(select(func.count(UnitContact.id)).where(UnitContact.unit_id == unit_id))
        if contacts:
            continue  # the chair named someone (maybe them) meanwhile
        numbers = (
            await session.execute(
                select(Task.number)
                .join(TaskAssignee, TaskAssignee.task_id == Task.id)
                .where(TaskAssignee.unit_id == unit_id, Task.status == "open")
                .distinct()
                .order_by(Task.number)
            )
        ).scalars().all()
        out.units.append((unit.name, list(numbers)))
    await session.flush()
    return out
