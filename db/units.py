"""Units (đơn vị) of a committee, their aliases and contact people."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.linked_wards import Ward, linked_wards
from db.models import Committee, Person, Task, TaskAssignee, Unit, UnitContact
from domain.lead_kinds import label_kind
from domain.types import KnownUnit
from domain.understand.textnorm import fold


def norm(name: str) -> str:
    return " ".join(fold(name).replace("&", " va ").split())


class UnitList(list[Unit]):
    """A committee's units, with the level its own bodies are of («phuong» for a ward's committee, read from
    its report heading or its title): a chair's «UBND phường» there is the committee's «UBND»; «UBND quận»
    is the district's, another body (qa19). Empty when nothing says."""

    own_levels: frozenset[str] = frozenset()
    # wards16: the linked ward/commune committees («các phường» names them: db/linked_wards.py)
    wards: tuple[Ward, ...] = ()


async def units_of(session: AsyncSession, committee_id: int) -> UnitList:
    rows = await session.scalars(
        select(Unit).where(Unit.committee_id == committee_id, Unit.active.is_(True)).order_by(Unit.name)
    )
    out = UnitList(rows)
    committee = await session.get(Committee, committee_id)
    if committee is not None:
        out.own_levels = committee_levels(committee.report_agency, committee.title)
        out.wards = await linked_wards(session, committee_id)
    return out


def known_units(units: list[Unit]) -> list[KnownUnit]:
    known = [KnownUnit(key=str(u.id), name=u.name, aliases=tuple(u.aliases or ())) for u in units]
    return known + _ward_names(units, known)


def _ward_names(units: list[Unit], known: list[KnownUnit]) -> list[KnownUnit]:
    """wards16: a district's linked wards as names the reader knows («UBND phường Gia Thụy», «phường Gia
    Thụy»), so a directive naming one is read as led by it; `handlers.ward_handoff` maps it to the ward."""
    out = []
    for ward in getattr(units, "wards", ()):
        names = (ward.unit_name, f"UBND {ward.level} {ward.place}", f"Ủy ban nhân dân {ward.level} {ward.place}")
        if not any(k.name == ward.unit_name for k in known):
            out.append(KnownUnit(key=f"ward:{ward.committee_id}", name=ward.unit_name, aliases=names[1:]))
        else:
            at = next(i for i, k in enumerate(known) if k.name == ward.unit_name)
            extra = tuple(n for n in names[1:] if n not in known[at].aliases)
            known[at] = KnownUnit(known[at].key, known[at].name, known[at].aliases + extra)
    return out


async def find_unit(session: AsyncSession, committee_id: int, name: str) -> Unit | None:
    """By name or alias, folded (diacritics, case, '&' = 'và'); else by a near name (see `near`)."""
    units = await units_of(session, committee_id)
    wanted = norm(name)
    for unit in units:
        if unit.norm_name == wanted or wanted in (norm(a) for a in unit.aliases or ()):
            return unit
    return near(units, name)


def named(units: list[Unit], written: str) -> Unit | None:
    """The unit among `units` whose name or an alias is `written` (folded), or None."""
    wanted = norm(written)
    return next((u for u in units if wanted in (u.norm_name, *(norm(a) for a in u.aliases or ()))), None)


def _letters(name: str) -> str:
    return "".join(w for w in re.split(r"[^a-z0-9]+", norm(name)) if w != "va")


def look_alike(units: list[Unit], name: str) -> Unit | None:
    """A unit whose name differs from `name` only by punctuation or «&»/«và» («Văn phòng HĐND-UBND» for
    «Văn phòng HĐND&UBND»): most likely the same office typed again."""
    key = _letters(name)
    return next((u for u in units if _letters(u.name) == key), None) if key else None


# Words that say which level a unit belongs to; a chair leaves them out when the level is obvious
# ("Trạm Y tế" for the registered "Trạm Y tế phường", "Công an" for "Công an xã").
_LEVEL_WORDS = ("phuong", "xa", "thi tran", "dac khu", "quan", "huyen", "thi xa", "thanh pho", "tinh")
_LONGEST_FIRST = sorted(_LEVEL_WORDS, key=len, reverse=True)


def _split_level(name: str) -> tuple[str, frozenset[str]]:
    """The name without the level words that end it, and those words («cong an», {«phuong»} for «Công an
    phường»)."""
    core, levels = norm(name), set()
    changed = True
    while changed:
        changed = False
        for word in _LONGEST_FIRST:  # «thị xã» before «xã»
            if core.endswith(" " + word):
                core, changed = core[: -len(word) - 1].rstrip(), True
                levels.add(word)
    return core, frozenset(levels)


def _core(name: str) -> str:
    return _split_level(name)[0]


def _level_at(words: list[str], i: int) -> str | None:
    """The level word (one or two words) that starts at words[i], if any; «xã hội» is no «xã»."""
    for word in _LONGEST_FIRST:
        parts = word.split()
        if words[i : i + len(parts)] == parts:
            after = words[i + len(parts) : i + len(parts) + 1]
            return None if word == "xa" and after == ["hoi"] else word
    return None


def _with_place(name: str) -> tuple[str, frozenset[str]] | None:
    """«UBND phường Sài Đồng» -> («ubnd», {«phuong»}): a body of a named place, read as its kind and level,
    so that «UBND» and «UBND phường» written in that ward's committee name it."""
    words = norm(name).split()
    for i in range(1, len(words) - 1):
        if (level := _level_at(words, i)) is not None and len(words) > i + len(level.split()):
            return " ".join(words[:i]), frozenset({level})
    return None


def committee_levels(*texts: str | None) -> frozenset[str]:
    """The level of a committee's own bodies: the first level word of its report heading («UBND PHƯỜNG SÀI
    ĐỒNG») or else of its title («BCĐ Chuyển đổi số phường Sài Đồng»)."""
    for text in texts:
        words = norm(text or "").split()
        for i in range(len(words)):
            if (level := _level_at(words, i)) is not None:
                return frozenset({level})
    return frozenset()


def same_but_level(written: str, name: str) -> bool:
    """`written` is `name` with level words added ("Trạm Y tế phường" for "Trạm Y tế")."""
    return len(norm(written)) > len(norm(name)) and _core(written) == _core(name)


def _own_levels(units: list[Unit]) -> frozenset[str]:
    if own := getattr(units, "own_levels", frozenset()):
        return own
    # Nothing says the committee's level: its units do when they all name one («Công an phường», «Trạm Y tế
    # phường»).
    found = {lv for u in units for lv in _split_level(u.name)[1]}
    return frozenset(found) if len(found) == 1 else frozenset()


def near(units: list[Unit], *names: str) -> Unit | None:
    """The registered unit a name written differently means: equal once the level words are left out
    of both, against the unit's name and each alias. Only an unambiguous match counts (two units
    "Công an phường" and "Công an xã" make "Công an" ambiguous: nobody is guessed).
    A level word written that the unit's name lacks makes another body (qa19): «UBND quận» in a ward's
    committee is the district's, never the ward's «UBND»; a unit without a level word is of the committee's
    own level («UBND phường» there is its «UBND»)."""
    written = [_split_level(n) for n in names if n and _core(n)]
    if not written:
        return None
    cores = {core for core, _ in written}
    levels = frozenset().union(*(lv for _, lv in written))
    own = _own_levels(units)
    hits = [u for u in units if _answers(u, cores, levels, own)]
    return hits[0] if len(hits) == 1 else None


def _answers(unit: Unit, cores: set[str] | None, levels: frozenset[str], own: frozenset[str]) -> bool:
    """`unit` is named by a name of one of `cores` (any, when None) written with the level words `levels`."""
    for x in (unit.name, *(unit.aliases or ())):
        for core, unit_levels in (_split_level(x), _with_place(x) or _split_level(x)):
            if (cores is None or core in cores) and levels <= (unit_levels or own):
                return True
    return False


def fits_level(written: str, unit: Unit, units: list[Unit]) -> bool:
    """The level words `written` ends with are the unit's, or the committee's own for a unit named without
    one: «UBND phường» fits a ward's «UBND», «UBND quận» does not (the reader of names, which knows nothing
    of levels, extends a registered name by the words after it)."""
    if norm(written) in {norm(x) for x in (unit.name, *(unit.aliases or ()))}:
        return True
    return _answers(unit, None, _split_level(written)[1], _own_levels(units))


def by_first_words(units: list[Unit], name: str) -> list[Unit]:
    """The units whose name or an alias begins with the words written, folded («van phong» for
    «Văn phòng HĐND&UBND»): what a person types to filter a list. The caller takes one, never guesses."""
    wanted = norm(name).split()
    if not wanted:
        return []
    return [
        u for u in units if any(norm(x).split()[: len(wanted)] == wanted for x in (u.name, *(u.aliases or ())))
    ]


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


async def link_written_names(session: AsyncSession, unit: Unit) -> list[int]:
    """Open tasks of the unit's committee that name it as plain text (kept as written because it was
    not a unit when the task was logged, e.g. by /nhap): those assignees become the unit, so that its
    contact people are reminded and its counts include them. Only exact names (after folding) of the
    unit or its aliases are linked: a near name could be another body. Returns the task numbers."""
    names = {norm(unit.name), *(norm(a) for a in unit.aliases or [])}
    rows = (
        await session.execute(
            select(TaskAssignee, Task.number)
            .join(Task, Task.id == TaskAssignee.task_id)
            .where(
                Task.committee_id == unit.committee_id,
                Task.status == "open",
                TaskAssignee.unit_id.is_(None),
                TaskAssignee.person_id.is_(None),
            )
        )
    ).all()
    numbers: set[int] = set()
    for row, number in rows:
        if norm(row.label) in names:
            row.unit_id = unit.id
            numbers.add(number)
    await session.flush()
    return sorted(numbers)


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


async def unit_of_committee(session: AsyncSession, committee_id: int, unit_id: int) -> Unit | None:
    unit = await session.get(Unit, unit_id)
    return unit if unit is not None and unit.committee_id == committee_id else None


@dataclass(frozen=True)
class LeadUnits:
    """The one rule by which every report (/tonghop, the Monday post, the chart, /xuat, /ds <đơn vị>)
    files a task under a unit: the unit that leads it; a person who leads it counts for the first
    unit of the committee they are a contact of; anyone else under their name as written."""

    unit_names: dict[int, str]
    unit_of_person: dict[int, int]

    def unit_id(self, lead: TaskAssignee | None) -> int | None:
        if lead is None:
            return None
        if lead.unit_id is not None:
            return lead.unit_id
        return self.unit_of_person.get(lead.person_id) if lead.person_id is not None else None

    def name(self, lead: TaskAssignee | None) -> str | None:
        if lead is None:
            return None
        unit_id = self.unit_id(lead)
        return self.unit_names.get(unit_id, lead.label) if unit_id is not None else lead.label

    def is_person(self, lead: TaskAssignee | None) -> bool:
        """The lead is a person counted under no unit (an @name, a person's name): the summary lists
        such people apart from the units."""
        if lead is None or self.unit_id(lead) is not None:
            return False
        # A titled or bare name nobody could place («anh Tuấn», «Hùng») is no unit either (domain/lead_kinds).
        return label_kind(None, lead.person_id, lead.label) != "unit"


async def lead_units(session: AsyncSession, committee_id: int) -> LeadUnits:
    names = dict((await session.execute(select(Unit.id, Unit.name).where(Unit.committee_id == committee_id))).all())
    of_person: dict[int, int] = {}
    for person_id, unit_id in (
        await session.execute(
            select(UnitContact.person_id, UnitContact.unit_id)
            .join(Unit, Unit.id == UnitContact.unit_id)
            .where(Unit.committee_id == committee_id)
            .order_by(UnitContact.id)
        )
    ).all():
        of_person.setdefault(person_id, unit_id)
    return LeadUnits(names, of_person)


async def lead_unit_ids(session: AsyncSession, committee_id: int, tasks: list[Task]) -> dict[int, int | None]:
    rule = await lead_units(session, committee_id)
    return {t.id: rule.unit_id(next((a for a in t.assignees if a.role == "lead"), None)) for t in tasks}
