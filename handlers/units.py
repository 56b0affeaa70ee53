"""/donvi: list units; chair adds (them), assigns contact people (gan), removes (bo)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from db import units as db_units
from db.models import Person
from db.reminders import replan_unit_tasks
from domain.commands import keyword, split_unit_definition
from domain.permissions import Action
from domain.understand.units_catalog import BUILTIN_UNITS
from handlers import named_people
from handlers.command import run_command
from handlers.common import Actor, mentioned_person, mentions_in
from handlers.task_actions import Refused, in_group, require_role


async def donvi(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_command(update, context, _donvi)


async def _donvi(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
    committee = in_group(actor)
    if not args:
        return await _list(session, actor)
    sub = keyword(args, "them", "add", "gan", "assign", "bo", "remove", "xoa")
    if sub is None:
        raise Refused(T.UNITS_USAGE)
    require_role(actor, Action.MANAGE, T.ACT_UNITS)
    verb, rest = sub
    if not rest:
        raise Refused(T.UNITS_USAGE)
    if verb in ("them", "add"):
        name, aliases = split_unit_definition(rest)
        if not name or len(name) > 200:
            raise Refused(T.UNITS_USAGE)
        # Typed again by someone who forgot: «đã có», not «Đã thêm» (which reads as a second unit).
        existing = await db_units.units_of(session, committee.id)
        had = {u.norm_name: list(u.aliases or []) for u in existing}
        # A name or alias another unit already answers to would make «/giao VP …» a guess between two.
        others = [u for u in existing if u.norm_name != db_units.norm(name)]
        owner = db_units.named(others, name)
        if owner is not None:
            raise Refused(T.UNIT_NAME_TAKEN.format(written=T.esc(name), name=T.esc(owner.name)))
        taken = [(a, o) for a in aliases if (o := db_units.named(others, a)) is not None]
        aliases = [a for a in aliases if db_units.named(others, a) is None]
        alike = db_units.look_alike(others, name) if db_units.norm(name) not in had else None
        unit = await db_units.add_unit(session, committee.id, name, aliases)
        alias_text = f" (= {T.esc(', '.join(unit.aliases))})" if unit.aliases else ""
        if unit.norm_name not in had:
            text = T.UNIT_ADDED.format(name=T.esc(unit.name), aliases=alias_text)
        elif list(unit.aliases or []) != had[unit.norm_name]:
            text = T.UNIT_ALIASES_ADDED.format(name=T.esc(unit.name), aliases=alias_text)
        else:
            text = T.UNIT_ALREADY_THERE.format(name=T.esc(unit.name), aliases=alias_text)
        for alias, other in taken:
            text += "\n" + T.UNIT_ALIAS_TAKEN.format(alias=T.esc(alias), name=T.esc(other.name))
        if alike is not None:
            text += "\n" + T.UNIT_LOOKS_LIKE.format(name=T.esc(unit.name), other=T.esc(alike.name))
        # Tasks imported before the unit existed named it as plain text: they are its tasks now.
        linked = await db_units.link_written_names(session, unit)
        if linked:
            await replan_unit_tasks(session, unit.id, actor.now)
            text += "\n" + T.UNIT_LINKED_TASKS.format(numbers=T.task_numbers(linked), name=T.esc(unit.name))
        return text
    if verb in ("bo", "remove", "xoa"):
        unit = await db_units.find_unit(session, committee.id, rest)
        if unit is None:
            raise Refused(T.UNIT_NOT_FOUND.format(name=T.esc(rest)))
        unit.active = False
        return T.UNIT_REMOVED.format(name=T.esc(unit.name))
    # gan <tên> @người ...: the unit's name is the text before the first mention.
    mentions = [m for m in mentions_in(msg) if m.start >= offset]
    if not mentions:
        # «/donvi gan Văn phòng anh Hùng»: a person of the group by name (qa12, handlers.named_people)
        named = await named_people.titled_member_in(
            session, msg.get_bot(), committee.chat_id, rest, present=actor.present_lookup
        )
        if named is None:
            raise Refused(T.UNIT_NEED_PEOPLE.format(name=T.esc(rest)))
        unit = await _unit_or_usual(session, committee.id, rest[: named[0]].strip(" ,:"))
        if unit is None:
            raise Refused(T.UNIT_NOT_FOUND.format(name=T.esc(rest[: named[0]].strip(" ,:"))))
        await db_units.add_contact(session, unit, named[1])
        await replan_unit_tasks(session, unit.id, actor.now)
        return T.UNIT_CONTACTS_ADDED.format(people=T.esc(named[1].full_name), name=T.esc(unit.name))
    rest_start = offset + args.index(rest)
    name = (msg.text or "")[rest_start : mentions[0].start].strip(" ,:")
    unit = await _unit_or_usual(session, committee.id, name)
    if unit is None:
        raise Refused(T.UNIT_NOT_FOUND.format(name=T.esc(name)))
    people: list[Person] = []
    for m in mentions:
        person = await mentioned_person(session, m)
        await db_units.add_contact(session, unit, person)
        people.append(person)
    # The unit's open tasks now have someone to remind in person.
    await replan_unit_tasks(session, unit.id, actor.now)
    names = ", ".join(T.esc(p.full_name) for p in people)
    return T.UNIT_CONTACTS_ADDED.format(people=names, name=T.esc(unit.name))


async def _unit_or_usual(session: AsyncSession, committee_id: int, name: str) -> db_units.Unit | None:
    """The committee's unit so named; else a usual unit of a ward (the catalogue /giao knows: «Văn phòng»,
    «Công an phường»), added to the committee as /giao adds it (qa12: «/donvi gan Văn phòng @…», /donvi's own
    example, was refused «Không có đơn vị «Văn phòng»» in a new committee where «/giao Văn phòng …» worked)."""
    unit = await db_units.find_unit(session, committee_id, name)
    if unit is not None or not name:
        return unit
    wanted = db_units.norm(name)
    known = next((u for u in BUILTIN_UNITS
                  if wanted in (db_units.norm(u.name), *(db_units.norm(a) for a in u.aliases))), None)
    if known is None:
        return None
    from handlers.directives import builtin_name  # directives' naming of a catalogue unit, as /giao saves it

    full = builtin_name(name, known.key)
    aliases = [name] if db_units.norm(name) != db_units.norm(full) else []
    await db_units.add_unit(session, committee_id, full, aliases)
    return await db_units.find_unit(session, committee_id, full)  # as the committee's units are read (contacts)


async def _list(session: AsyncSession, actor: Actor) -> str:
    assert actor.committee is not None
    units = await db_units.units_of(session, actor.committee.id)
    if not units:
        return T.UNITS_EMPTY
    contacts = await db_units.contact_people(session, [u.id for u in units])
    lines = [T.UNITS_HEADER]
    for u in units:
        aliases = f" ({T.esc(', '.join(u.aliases))})" if u.aliases else ""
        people = contacts.get(u.id, [])
        who = ", ".join(T.esc(p.full_name) for p in people) if people else T.UNIT_NO_CONTACT
        lines.append(T.UNIT_LINE.format(name=T.esc(u.name), aliases=aliases, contacts=who))
    lines.append("")
    lines.append(T.UNITS_USAGE)
    return "\n".join(lines)
