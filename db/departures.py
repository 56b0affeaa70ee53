"""What a person's leaving took from them in a committee, kept until they come back (qa15).

db.membership.member_left drops a leaver's /vaitro role and unit contacts; member_returned gives back
only the open tasks nobody was given since (qa7: role and units are the chair's to give back). So that
the chair is not left to remember what that was, the departure is noted here and, when the person is
added back, taken (read and deleted, once): the role they had, and those of their units that still have
nobody to remind, with the unit's open task numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Departure, Role, Unit, UnitContact
from db.outbox import as_utc
from db.unit_tasks import numbers, open_tasks_of_units


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
    unit_ids = list(row.unit_ids or [])
    # Units removed meanwhile are gone from this query (and another committee's never matched).
    here = select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids), Unit.committee_id == committee_id)
    names: dict[int, str] = {uid: name for uid, name in (await session.execute(here)).all()}
    with_contact = set(
        (await session.execute(select(UnitContact.unit_id).where(UnitContact.unit_id.in_(list(names))))).scalars()
    )
    bare = [uid for uid in unit_ids if uid in names and uid not in with_contact]  # (contact named meanwhile: skip)
    open_tasks = await open_tasks_of_units(session, committee_id, bare)
    out.units = [(names[uid], numbers(open_tasks.get(uid, []))) for uid in bare]
    await session.flush()
    return out
