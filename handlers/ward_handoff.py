"""A district's directive to its linked ward committees (wards16; the model: db/linked_wards.py).

/giao in a district whose ward committees are linked: «Công an quận chủ trì, phối hợp các phường …» or
«Giao UBND các phường …» names those committees. The preview shows them («3 phường: A, B, C») and asks
to add no unit; the district's task is saved with one unit per ward; each ward committee gets the task in
its own group, numbered there, as assigned from above."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from db import reminders
from db import tasks as db_tasks
from db import units as db_units
from db.linked_wards import Ward, wards_meant
from db.models import Committee, Task
from db.outbox import enqueue_notice
from db.tasks import NewAssignee
from domain.types import AssigneeRef, Deadline, TaskStatus
from handlers import render
from handlers.common import Actor


@dataclass(frozen=True)
class Handed:
    ward: Ward
    number: int  # the task's number in the ward committee
    role: str


def meant(ref: AssigneeRef, registered: list[db_units.Unit]) -> tuple[Ward, ...]:
    """The linked wards `ref` names (none in a committee without links: behaviour as before)."""
    if (ref.unit_key or "").startswith("person:"):
        return ()
    return wards_meant(ref.text, getattr(registered, "wards", ()))


def planned(wards: tuple[Ward, ...]) -> str:
    """How a preview names them: «Phường Sài Đồng» for one, «3 phường: A, B, C» for several."""
    if len(wards) == 1:
        return wards[0].unit_name
    levels = list(dict.fromkeys(w.level for w in wards))
    return T.WARDS16_SEVERAL.format(count=len(wards), level=", ".join(levels), names=", ".join(w.place for w in wards))


async def ward_assignees(
    session: AsyncSession, committee_id: int, role: str, wards: tuple[Ward, ...]
) -> list[NewAssignee]:
    """One unit of the district per ward (added the first time), so the district's board counts each."""
    out = []
    for w in wards:
        unit = await db_units.add_unit(session, committee_id, w.unit_name, [])
        out.append(NewAssignee(role, unit.name, unit_id=unit.id))
    return out


async def hand_down(
    session: AsyncSession, actor: Actor, task: Task, registered: list[db_units.Unit], deadline: Deadline,
    due: date | None,
) -> list[Handed]:
    """Each linked ward the district's `task` names gets its own copy, led by its own UBND, with a
    `from_upper` event naming the district's task; its group is told."""
    wards = {db_units.norm(w.unit_name): w for w in getattr(registered, "wards", ())}
    out: list[Handed] = []
    for a in task.assignees:
        ward = wards.pop(db_units.norm(a.label), None) if a.unit_id is not None else None
        if ward is None or (committee := await session.get(Committee, ward.committee_id)) is None:
            continue
        own = f"UBND {ward.level}"
        unit = await db_units.find_unit(session, ward.committee_id, own) or await db_units.add_unit(
            session, ward.committee_id, own, []
        )
        copy = await db_tasks.create_task(
            session, committee, text=task.text, assignees=[NewAssignee("lead", unit.name, unit_id=unit.id)],
            deadline=deadline, due=due, assigned_on=task.assigned_on, actor_id=actor.person.id, now=actor.now,
        )
        upper = actor.committee
        assert upper is not None
        db_tasks.add_event(session, copy, "from_upper", actor.person.id, actor.now, data={
            "upper_committee_id": upper.id, "upper_task_id": task.id, "upper_number": task.number, "role": a.role})
        await reminders.replan_task(session, copy.id, actor.now)
        header = T.WARDS16_FROM_UPPER.format(upper=T.esc(upper.title), upper_number=task.number, number=copy.number)
        await enqueue_notice(session, committee.id, committee.chat_id, render.card(copy, actor.today, header=header),
                             now=actor.now, kind="from_upper")
        out.append(Handed(ward, copy.number, a.role))
    if out:
        db_tasks.add_event(session, task, "handed_down", actor.person.id, actor.now, data={
            "wards": [{"committee_id": h.ward.committee_id, "number": h.number} for h in out]})
    return out


def confirmation_lines(handed: list[Handed]) -> list[str]:
    """«→ 3 phường: A, B, C — mỗi phường nhận việc trong nhóm của mình (#4, #1, #7)»."""
    if not handed:
        return []
    wards = tuple(h.ward for h in handed)
    return [T.WARDS16_HANDED.format(wards=T.esc(planned(wards)), numbers=", ".join(f"#{h.number}" for h in handed))]


async def take_back(session: AsyncSession, actor: Actor, task: Task, kind: str) -> None:
    """The district's task cancelled (or undone as a slip): the wards' copies end with it, each ward's
    group told — a ward must not keep working on a task its district has withdrawn."""
    handed = await db_tasks.first_event(session, task.id, "handed_down")
    for row in (handed.data or {}).get("wards", []) if handed is not None else []:
        copy = await db_tasks.task_by_number(session, row["committee_id"], row["number"])
        committee = await session.get(Committee, row["committee_id"])
        if copy is None or committee is None or copy.status != TaskStatus.OPEN.value:
            continue
        copy.status = TaskStatus.CANCELLED.value
        copy.closed_at, copy.closed_on, copy.closed_by = actor.now, actor.today, actor.person.id
        db_tasks.add_event(session, copy, kind, actor.person.id, actor.now, data={"upper_task_id": task.id})
        await reminders.replan_task(session, copy.id, actor.now)
        upper = actor.committee.title if actor.committee is not None else ""
        text = T.WARDS16_TAKEN_BACK.format(upper=T.esc(upper), upper_number=task.number, number=copy.number,
                                           text=T.esc(T.shorten(copy.text, 300)))
        await enqueue_notice(session, committee.id, committee.chat_id, text, now=actor.now, kind="from_upper")
