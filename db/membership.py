"""People and the group: someone leaves (or is removed), an administrator is demoted, the
committee needs a chair. Query functions over the caller's session; the caller commits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from db import reminders
from db import tasks as db_tasks
from db.contact_return import note_contact_left
from db.departures import note_departure
from db.models import Notice, Person, Reminder, Role, Task, TaskAssignee, TaskEvent, Unit, UnitContact
from db.unit_tasks import numbers, open_tasks_of_units
from domain.permissions import Role as RoleName


@dataclass
class LostTask:
    task_id: int
    number: int
    text: str
    role: str  # the assignee role the person held: lead | support | executor


@dataclass
class Departure:
    """What leaving changed in one committee."""

    role: str | None = None  # the role the person held (dropped)
    lost_tasks: list[LostTask] = field(default_factory=list)  # open tasks that lost this assignee
    units: list[str] = field(default_factory=list)  # units the person was a contact of
    units_without_contact: list[str] = field(default_factory=list)  # of those, left with nobody
    # qa15: the open tasks each of those units is on, by number — what the chair must reassign or cover
    # (a unit head leaving leaves the unit's tasks with nobody to remind, not only the unit's name).
    unit_task_numbers: dict[str, list[int]] = field(default_factory=dict)
    replanned_tasks: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.role or self.lost_tasks or self.units)


async def reassigned_since_departure(session: AsyncSession, task_id: int) -> bool:
    """The task's assignees were changed (/sua giao, «🔁 Giao lại», the board) after someone left it:
    the departure notice's «🔁 Giao lại #N» for it is spent."""
    def last(kind: str):  # type: ignore[no-untyped-def]
        return select(func.max(TaskEvent.id)).where(TaskEvent.task_id == task_id, TaskEvent.kind == kind)

    left = await session.scalar(last("assignee_left"))
    changed = await session.scalar(last("assignees_changed"))
    returned = await session.scalar(last("assignee_returned"))  # the person came back and has it again
    return left is not None and any(later is not None and later > left for later in (changed, returned))


REASSIGNED_TASKS = "reassigned_tasks"  # session.info key: tasks whose assignees this session changed


def note_reassigned(session: AsyncSession, task_id: int) -> None:
    """Remember (for after the commit) that a task was reassigned: its «🔁 Giao lại» button goes."""
    session.info.setdefault(REASSIGNED_TASKS, set()).add(task_id)


async def kept_reassign_buttons(session: AsyncSession, buttons: list[list[str]]) -> list[list[str]]:
    """Of a departure notice's buttons ([label, data]), those still to be used: a «🔁 Giao lại #N»
    whose task was reassigned since, or closed, is spent."""
    kept: list[list[str]] = []
    for label, data in buttons:
        kind, _, ref = data.partition(":")
        if kind == "reassign" and ref.isdigit():
            task = await session.get(Task, int(ref))
            if task is None or task.status != "open" or await reassigned_since_departure(session, task.id):
                continue
        kept.append([label, data])
    return kept


@dataclass
class SpentButtons:
    notice_id: int
    chat_id: int
    message_id: int
    kept: list[list[str]]


async def departure_notices_to_trim(session: AsyncSession, task_ids: set[int]) -> list[SpentButtons]:
    """The departure notices already in a chat that still show a button of one of these (reassigned)
    tasks, with the buttons they keep; their stored buttons are updated to those (the caller edits the
    messages after the commit)."""
    committees = select(Task.committee_id).where(Task.id.in_(task_ids))
    notices = await session.scalars(
        select(Notice).where(
            Notice.kind == "departure", Notice.message_id.is_not(None), Notice.committee_id.in_(committees)
        )
    )
    wanted = {f"reassign:{t}" for t in task_ids}
    out: list[SpentButtons] = []
    for notice in notices:
        buttons = [list(b) for row in notice.buttons or () for b in row]
        if not any(data in wanted for _label, data in buttons):
            continue
        kept = await kept_reassign_buttons(session, buttons)
        if len(kept) < len(buttons):
            notice.buttons = [[b] for b in kept]
            out.append(SpentButtons(notice.id, int(notice.delivered_to_chat or notice.chat_id),
                                    int(notice.message_id or 0), kept))
    return out


async def member_left(session: AsyncSession, committee_id: int, person_id: int, now: datetime) -> Departure:
    """The person left the committee's group (or was removed): drop their role and their unit contact
    links, unlink them from open tasks (the label stays, an `assignee_left` event keeps the history),
    and re-plan every task whose reminders named them. Idempotent: a second call finds nothing."""
    out = Departure()
    out.role = await session.scalar(
        select(Role.role).where(Role.committee_id == committee_id, Role.person_id == person_id)
    )
    await session.execute(delete(Role).where(Role.committee_id == committee_id, Role.person_id == person_id))

    replan: set[int] = set()
    # Unit contacts in this committee.
    contact_rows = (
        await session.execute(
            select(UnitContact.id, Unit.id, Unit.name)
            .join(Unit, Unit.id == UnitContact.unit_id)
            .where(Unit.committee_id == committee_id, UnitContact.person_id == person_id)
            .order_by(Unit.name)
        )
    ).all()
    unit_ids = [unit_id for _, unit_id, _ in contact_rows]
    if contact_rows:
        await session.execute(
            delete(UnitContact)
            .where(UnitContact.id.in_([cid for cid, _, _ in contact_rows]))
            .execution_options(synchronize_session=False)
        )
        # Loaded units keep their contact lists in the session: refresh them.
        for unit_id in unit_ids:
            unit = await session.get(Unit, unit_id)
            if unit is not None:
                await session.refresh(unit, ["contacts"])
        out.units = [name for _, _, name in contact_rows]
        remaining = dict(
            (
                await session.execute(
                    select(UnitContact.unit_id, func.count(UnitContact.id))
                    .where(UnitContact.unit_id.in_(unit_ids))
                    .group_by(UnitContact.unit_id)
                )
            ).all()
        )
        out.units_without_contact = [name for _, uid, name in contact_rows if not remaining.get(uid)]
        bare = {uid: name for _, uid, name in contact_rows if not remaining.get(uid)}
        # One query for every unit they were a contact of: the bare ones' tasks are told and noted,
        # all of them re-planned (a unit that kept a contact may have named this one in a reminder).
        open_tasks = await open_tasks_of_units(session, committee_id, unit_ids)
        bare_tasks = {uid: tasks for uid, tasks in open_tasks.items() if uid in bare}
        out.unit_task_numbers = {bare[uid]: numbers(tasks) for uid, tasks in bare_tasks.items()}
        # (qa13) written in the history of those units' open tasks: /xem tells why their reminders moved
        note_contact_left(session, person_id, bare_tasks, now)
        replan.update(t.id for tasks in open_tasks.values() for t in tasks)

    # Open tasks assigned to the person by name.
    rows = (
        await session.execute(
            select(TaskAssignee)
            .join(Task, Task.id == TaskAssignee.task_id)
            .where(Task.committee_id == committee_id, Task.status == "open", TaskAssignee.person_id == person_id)
            .order_by(Task.number, TaskAssignee.id)
        )
    ).scalars().all()
    seen: set[int] = set()
    for row in rows:
        task = await session.get(Task, row.task_id)
        assert task is not None
        row.person_id = None
        if task.id not in seen:
            seen.add(task.id)
            out.lost_tasks.append(LostTask(task.id, task.number, task.text, row.role))
            db_tasks.add_event(
                session, task, "assignee_left", person_id, now, data={"person_id": person_id, "label": row.label}
            )
        replan.add(task.id)

    # Anything else still planned for them here (escalations to a chair who left).
    replan.update(
        (
            await session.execute(
                select(Reminder.task_id).where(
                    Reminder.committee_id == committee_id,
                    Reminder.person_id == person_id,
                    Reminder.status == reminders.PENDING,
                )
            )
        ).scalars()
    )
    await session.flush()
    for task_id in sorted(replan):
        await reminders.replan_task(session, task_id, now)
    out.replanned_tasks = len(replan)
    # qa15: kept until they come back, when the chair is told what is still the chair's to give back.
    await note_departure(session, committee_id, person_id, out.role, unit_ids, now)
    return out


async def drop_admin_chair(session: AsyncSession, committee_id: int, person_id: int) -> bool:
    """The person is no longer a group admin: the chair role recorded because they were one ends (a
    chair role granted with /vaitro stays). True when a role was dropped."""
    result = await session.execute(
        delete(Role).where(
            Role.committee_id == committee_id,
            Role.person_id == person_id,
            Role.role == RoleName.CHAIR.value,
            Role.granted_by.is_(None),
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def chair_count(session: AsyncSession, committee_id: int) -> int:
    return int(
        await session.scalar(
            select(func.count(Role.id)).where(Role.committee_id == committee_id, Role.role == RoleName.CHAIR.value)
        )
        or 0
    )


async def role_row(session: AsyncSession, committee_id: int, person_id: int) -> Role | None:
    return await session.scalar(select(Role).where(Role.committee_id == committee_id, Role.person_id == person_id))



async def people_linked(session: AsyncSession, committee_id: int) -> list[Person]:
    """People the committee counts on: role holders, unit contacts, assignees of open tasks (known to
    Telegram by id). When the bot comes back to a group, each is checked against the group."""
    role_ids = select(Role.person_id).where(Role.committee_id == committee_id)
    contact_ids = (
        select(UnitContact.person_id)
        .join(Unit, Unit.id == UnitContact.unit_id)
        .where(Unit.committee_id == committee_id)
    )
    assignee_ids = (
        select(TaskAssignee.person_id)
        .join(Task, Task.id == TaskAssignee.task_id)
        .where(Task.committee_id == committee_id, Task.status == "open", TaskAssignee.person_id.is_not(None))
    )
    rows = await session.scalars(
        select(Person)
        .where(
            Person.tg_user_id.is_not(None),
            # One IN over the union: an OR of three INs made PostgreSQL test every person of the table
            # (100,000 in a province) against the three lists, on each /giao by name.
            Person.id.in_(union(role_ids, contact_ids, assignee_ids)),
        )
        .order_by(Person.id)
    )
    return list(rows)


async def admin_chairs(session: AsyncSession, committee_id: int) -> list[Person]:
    """Chairs recorded because they were group admins (not granted by a chair)."""
    rows = await session.scalars(
        select(Person)
        .join(Role, Role.person_id == Person.id)
        .where(Role.committee_id == committee_id, Role.role == RoleName.CHAIR.value, Role.granted_by.is_(None))
        .order_by(Role.id)
    )
    return list(rows)


@dataclass
class ReturnedTask:
    task_id: int
    number: int
    text: str


async def member_returned(
    session: AsyncSession, committee_id: int, person_id: int, now: datetime
) -> list[ReturnedTask]:
    """The person is back in the committee's group (qa7): the open tasks they lost by leaving, and that
    nobody was given since (no change of assignees after their departure), are theirs again — a
    member who leaves by mistake and comes back at once keeps their work, and the chair does not
    have to give it back task by task. Their role and unit contacts are not given back: those are
    the chair's to grant again. Idempotent: a second call finds nothing."""
    lefts = (
        await session.execute(
            select(TaskEvent)
            .join(Task, Task.id == TaskEvent.task_id)
            .where(Task.committee_id == committee_id, Task.status == "open", TaskEvent.kind == "assignee_left")
            .order_by(Task.number, TaskEvent.id)
        )
    ).scalars().all()
    back: list[ReturnedTask] = []
    for event in lefts:
        data = event.data or {}
        if data.get("person_id") != person_id or any(b.task_id == event.task_id for b in back):
            continue
        later = await session.scalar(
            select(func.count(TaskEvent.id)).where(
                TaskEvent.task_id == event.task_id,
                TaskEvent.id > event.id,
                TaskEvent.kind.in_(("assignees_changed", "assignee_left", "assignee_returned")),
            )
        )
        if later:
            continue  # reassigned (or left again, or already given back) since
        rows = (
            await session.execute(
                select(TaskAssignee).where(
                    TaskAssignee.task_id == event.task_id,
                    TaskAssignee.person_id.is_(None),
                    TaskAssignee.unit_id.is_(None),
                    TaskAssignee.label == data.get("label"),
                )
            )
        ).scalars().all()
        if not rows:
            continue
        for row in rows:
            row.person_id = person_id
        task = await session.get(Task, event.task_id)
        assert task is not None
        db_tasks.add_event(session, task, "assignee_returned", person_id, now, data={"person_id": person_id})
        back.append(ReturnedTask(task.id, task.number, task.text))
    await session.flush()
    for returned in back:
        await reminders.replan_task(session, returned.task_id, now)
    return back
