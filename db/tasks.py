"""Tasks (directives), their assignees and their history."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.committees import next_task_number
from db.models import Committee, ExtensionRequest, Meeting, Person, Task, TaskAssignee, TaskEvent, UnitContact
from db.units import lead_units
from domain.lead_kinds import LeadKind, lead_kind
from domain.types import Cadence, Deadline, DeadlineKind, TaskStatus, TaskView
from domain.understand.deadline_dates import period_end


@dataclass(frozen=True)
class NewAssignee:
    role: str  # lead | support | executor
    label: str
    unit_id: int | None = None
    person_id: int | None = None


async def create_task(
    session: AsyncSession,
    committee: Committee,
    *,
    text: str,
    assignees: Sequence[NewAssignee],
    deadline: Deadline,
    due: date | None,
    assigned_on: date,
    actor_id: int | None,
    now: datetime,
    meeting_id: int | None = None,
    source_message_id: int | None = None,
) -> Task:
    number = await next_task_number(session, committee.id)
    task = Task(
        committee_id=committee.id,
        number=number,
        text=text,
        meeting_id=meeting_id,
        created_by=actor_id,
        created_at=now,
        assigned_on=assigned_on,
        deadline_kind=deadline.kind.value,
        deadline_phrase=deadline.phrase,
        cadence=deadline.cadence.value if deadline.cadence else None,
        due_original=due,
        due_current=due,
        urgent=deadline.urgent,
        status=TaskStatus.OPEN.value,
        source_message_id=source_message_id,
        assignees=[
            TaskAssignee(role=a.role, label=a.label, unit_id=a.unit_id, person_id=a.person_id) for a in assignees
        ],
    )
    session.add(task)
    await session.flush()
    add_event(session, task, "created", actor_id, now, data={"due": due.isoformat() if due else None})
    return task


async def next_occurrence(session: AsyncSession, task: Task, actor_id: int | None, now: datetime) -> Task:
    """The next period's task of a recurring duty ("hàng tháng ..."): same text, assignees and giver, due at
    the end of the period after the one just closed."""
    assert task.cadence is not None and task.due_current is not None
    committee = await session.get(Committee, task.committee_id)
    assert committee is not None
    cadence = Cadence(task.cadence)
    due = period_end(cadence, task.due_current + timedelta(days=1))
    following = await create_task(
        session,
        committee,
        text=task.text,
        assignees=[NewAssignee(a.role, a.label, a.unit_id, a.person_id) for a in task.assignees],
        deadline=Deadline(DeadlineKind.RECURRING, None, task.deadline_phrase, cadence),
        due=due,
        assigned_on=task.due_current + timedelta(days=1),
        actor_id=task.created_by,  # the duty is the one who gave it, not the person who closed a period
        now=now,
        meeting_id=task.meeting_id,
    )
    following.series_id = task.series_id or task.id
    # Its history says the bot opened the new period after this one was closed: «<the contact>: giao
    # việc» read as if the contact had given the committee a task.
    await session.flush()
    created = await session.scalar(
        select(TaskEvent).where(TaskEvent.task_id == following.id, TaskEvent.kind == "created")
    )
    if created is not None:
        created.kind, created.actor_id, created.note = "recurred", None, f"sau khi #{task.number} hoàn thành"
    return following


def add_event(
    session: AsyncSession,
    task: Task,
    kind: str,
    actor_id: int | None,
    now: datetime,
    note: str | None = None,
    data: dict[str, Any] | None = None,
) -> None:
    session.add(TaskEvent(task_id=task.id, kind=kind, actor_id=actor_id, at=now, note=note, data=data or {}))


async def task_by_number(session: AsyncSession, committee_id: int, number: int) -> Task | None:
    return await session.scalar(select(Task).where(Task.committee_id == committee_id, Task.number == number))


async def task_by_id(session: AsyncSession, task_id: int) -> Task | None:
    return await session.get(Task, task_id)


async def first_event(session: AsyncSession, task_id: int, kind: str) -> TaskEvent | None:
    """The task's earliest event of one kind (the ward hand-down's «handed_down» and «from_upper» links)."""
    return await session.scalar(
        select(TaskEvent).where(TaskEvent.task_id == task_id, TaskEvent.kind == kind).order_by(TaskEvent.id)
    )


async def events_of(session: AsyncSession, task_id: int) -> list[tuple[TaskEvent, Person | None]]:
    rows = await session.execute(
        select(TaskEvent, Person)
        .outerjoin(Person, Person.id == TaskEvent.actor_id)
        .where(TaskEvent.task_id == task_id)
        .order_by(TaskEvent.at, TaskEvent.id)
    )
    return [(e, p) for e, p in rows.all()]


async def is_assignee(session: AsyncSession, task: Task, person_id: int) -> bool:
    """The person is an assignee of the task, or a contact person of an assigned unit."""
    if any(a.person_id == person_id for a in task.assignees):
        return True
    unit_ids = [a.unit_id for a in task.assignees if a.unit_id is not None]
    if not unit_ids:
        return False
    found = await session.scalar(
        select(UnitContact.id).where(UnitContact.unit_id.in_(unit_ids), UnitContact.person_id == person_id).limit(1)
    )
    return found is not None


async def open_tasks(session: AsyncSession, committee_id: int) -> list[Task]:
    rows = await session.scalars(
        select(Task).where(Task.committee_id == committee_id, Task.status == TaskStatus.OPEN.value)
    )
    return sort_by_due(list(rows))


# Tasks taken back as a slip («↩️ Hoàn tác» under /giao or a saved /nhap): never given, so not «cancelled
# directives» in a report, the workbook or the board (qa13: an undone misread import showed in the month's
# report to the district as «Ngoài ra có 5 nhiệm vụ đã huỷ»). /xem still shows them with their history.
UNDONE_SLIPS = select(TaskEvent.task_id).where(TaskEvent.kind == "undone")


async def all_tasks(session: AsyncSession, committee_id: int) -> list[Task]:
    """The committee's tasks, every state, but not those undone as a slip."""
    rows = await session.scalars(
        select(Task).where(Task.committee_id == committee_id, Task.id.not_in(UNDONE_SLIPS)).order_by(Task.number)
    )
    return list(rows)


def _tasks_assigned_to(person_id: int) -> Select[tuple[int]]:
    """The ids of the tasks a person has, as /viec counts them: their own, or one of a unit they are a
    contact of (a subquery)."""
    unit_ids = select(UnitContact.unit_id).where(UnitContact.person_id == person_id)
    return select(TaskAssignee.task_id).where(
        or_(TaskAssignee.person_id == person_id, TaskAssignee.unit_id.in_(unit_ids))
    )


async def open_tasks_of_person(
    session: AsyncSession, person_id: int, committee_id: int | None = None
) -> list[tuple[Task, Committee]]:
    assigned = _tasks_assigned_to(person_id)
    query = (
        select(Task, Committee)
        .join(Committee, Committee.id == Task.committee_id)
        .where(Task.status == TaskStatus.OPEN.value, Task.id.in_(assigned))
    )
    if committee_id is not None:
        query = query.where(Task.committee_id == committee_id)
    rows = (await session.execute(query)).all()
    return sorted(((t, c) for t, c in rows), key=lambda tc: _due_key(tc[0]))


async def numbered_tasks_of_person(session: AsyncSession, person_id: int, number: int) -> list[tuple[Task, Committee]]:
    """Task #`number` in every committee where the person has it (as /viec counts: their own, or one of
    a unit they are a contact of), open or closed: /xem in a private chat."""
    assigned = _tasks_assigned_to(person_id)
    query = (
        select(Task, Committee)
        .join(Committee, Committee.id == Task.committee_id)
        .where(Task.number == number, Task.id.in_(assigned))
        .order_by(Committee.id)
    )
    return [(t, c) for t, c in (await session.execute(query)).all()]


def _due_key(task: Task) -> tuple[int, date, int]:
    # Nearest deadline first; urgent tasks without a date before those with none.
    if task.due_current is not None:
        return (0, task.due_current, task.number)
    return (1 if task.urgent else 2, date.max, task.number)


def sort_by_due(tasks: list[Task]) -> list[Task]:
    return sorted(tasks, key=_due_key)


def lead_label(task: Task) -> str | None:
    return next((a.label for a in task.assignees if a.role == "lead"), None)


def lead_kind_of(task: Task) -> LeadKind:
    """Person, unit, or a name nobody could place: the «Chủ trì» line's icon (domain/lead_kinds)."""
    return lead_kind(task.assignees)


def led_by_people(task: Task) -> bool:
    """Every lead of `task` is a person (a member, an @name), none a unit: the «Chủ trì» line's icon."""
    return leads_are_people(task.assignees)


def leads_are_people(assignees: Iterable[Any]) -> bool:
    """`assignees`: TaskAssignee rows or the resolved ones about to be saved (role, unit_id, person_id, label)."""
    return lead_kind(assignees) == "person"


def labels(task: Task, role: str) -> list[str]:
    return [a.label for a in task.assignees if a.role == role]


async def pending_extension(session: AsyncSession, task_id: int) -> ExtensionRequest | None:
    return await session.scalar(
        select(ExtensionRequest)
        .where(ExtensionRequest.task_id == task_id, ExtensionRequest.status == "pending")
        .order_by(ExtensionRequest.id.desc())
    )


async def task_views(session: AsyncSession, committee: Committee, tasks: Sequence[Task]) -> list[TaskView]:
    """TaskViews for summaries and reports: latest note, meeting title, pending extension."""
    ids = [t.id for t in tasks]
    notes: dict[int, str] = {}
    blocked: dict[int, str] = {}
    pending: dict[int, date] = {}
    meetings: dict[int, str] = {}
    if ids:
        for ev in await session.scalars(
            select(TaskEvent)
            .where(TaskEvent.task_id.in_(ids), TaskEvent.kind.in_(("progress", "done", "blocked")))
            .order_by(TaskEvent.at, TaskEvent.id)
        ):
            if ev.note:
                notes[ev.task_id] = ev.note
                if ev.kind == "blocked":
                    blocked[ev.task_id] = ev.note
        for req in await session.scalars(
            select(ExtensionRequest).where(ExtensionRequest.task_id.in_(ids), ExtensionRequest.status == "pending")
        ):
            pending[req.task_id] = req.new_due
        meeting_ids = {t.meeting_id for t in tasks if t.meeting_id}
        if meeting_ids:
            for m in await session.scalars(select(Meeting).where(Meeting.id.in_(meeting_ids))):
                meetings[m.id] = m.title
    grouping = await lead_units(session, committee.id)
    views = []
    for t in tasks:
        lead = lead_label(t)
        lead_row = next((a for a in t.assignees if a.role == "lead"), None)
        views.append(
            TaskView(
                number=t.number,
                text=t.text,
                status=TaskStatus(t.status),
                lead=lead,
                support=tuple(labels(t, "support")),
                assigned_on=t.assigned_on,
                due_original=t.due_original,
                due_current=t.due_current,
                done_on=t.closed_on if t.status == TaskStatus.DONE.value else None,
                cancelled_on=t.closed_on if t.status == TaskStatus.CANCELLED.value else None,
                lead_unit=grouping.name(lead_row),
                lead_is_person=grouping.is_person(lead_row),
                extension_count=t.extension_count,
                latest_note=notes.get(t.id),
                meeting_title=meetings.get(t.meeting_id) if t.meeting_id else None,
                urgent=t.urgent,
                pending_extension=pending.get(t.id),
                blocked_note=blocked.get(t.id),
                committee=committee.title,
                created_at=t.created_at,
                cadence=t.cadence,
            )
        )
    return views
