"""Units (đơn vị) of a committee, their aliases and contact people."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Person, Unit, UnitContact
from domain.types import KnownUnit
from domain.understand.textnorm import fold


def norm(name: str) -> str:
    return " ".join(fold(name).replace("&", " va ").split())


async def units_of(session: AsyncSession, committee_id: int) -> list[Unit]:
    rows = await session.scalars(
        select(Unit).where(Unit.committee_id == committee_id, Unit.active.is_(True)).order_by(Unit.name)
    )
    return list(rows)


def known_units(units: list[Unit]) -> list[KnownUnit]:
    return [KnownUnit(key=str(u.id), name=u.name, aliases=tuple(u.aliases or ())) for u in units]


async def find_unit(session: AsyncSession, committee_id: int, name: str) -> Unit | None:
    """By name or alias, folded (diacritics, case, '&' = 'và')."""
    wanted = norm(name)
    for unit in await units_of(session, committee_id):
        if unit.norm_name == wanted or wanted in (norm(a) for a in unit.aliases or ()):
            return unit
    return None


async def add_unit(session: AsyncSession, committee_id: int, name: str, aliases: list[str]) -> Unit:
    existing = await session.scalar(
        select(Unit).where(Unit.committee_id == committee_id, Unit.norm_name == norm(name))
    )
    if existing is not None:
        existing.active = True
        merged = list(existing.aliases or [])
        merged += [a for a in aliases if norm(a) not in {norm(x) for x in merged}]
        existing.aliases = merged
        return existing
    unit = Unit(committee_id=committee_id, name=name, norm_name=norm(name), aliases=aliases)
    session.add(unit)
    await session.flush()
    return unit


async def add_contact(session: AsyncSession, unit: Unit, person: Person) -> bool:
    if any(c.person_id == person.id for c in unit.contacts):
        return False
    unit.contacts.append(UnitContact(person_id=person.id))
    await session.flush()
    return True


async def contact_people(session: AsyncSession, unit_ids: list[int]) -> dict[int, list[Person]]:
    if not unit_ids:
        return {}
    rows = await session.execute(
        select(UnitContact.unit_id, Person).join(Person, Person.id == UnitContact.person_id)
        .where(UnitContact.unit_id.in_(unit_ids))
    )
    out: dict[int, list[Person]] = {}
    for unit_id, person in rows.all():
        out.setdefault(unit_id, []).append(person)
    return out


async def units_of_person(session: AsyncSession, person_id: int) -> list[int]:
    return list(await session.scalars(select(UnitContact.unit_id).where(UnitContact.person_id == person_id)))
