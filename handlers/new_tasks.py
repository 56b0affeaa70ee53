"""Tasks just logged reach their doers at once, privately (helper «gaps3»).

The group's card of a /giao or a /nhap save names the assignees, but a unit's contact people may not
read every group message: before this they first heard of a task from the reminder 3 working days before
its deadline. Now each contact person (db.reminders.task_recipients: person assignees, contact people of
the lead and executing units — whoever reminders go to) who opened a private chat with the bot gets ONE
message per save listing his new tasks (number, text, deadline, lead, committee) with the reminders'
buttons, through the outbox (db.outbox.enqueue_notice: kept, retried, a 403 falls back to the group with
a mention). Not told: whoever logged the task, and people without a private chat (the card names them
already; nothing more is posted in the group). A save of many tasks is split between tasks at
Telegram's 4,096 limit (and at most 25 tasks a message: 4 buttons a task, 100 buttons a message).

The giver's own follow-ups of a just-logged task, which tell nobody in the group (the card shows them),
now reach those told privately: a deadline picked on the card (`tell_fresh_due`) and an undo of the
slip (`tell_taken_back`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from db import tasks as db_tasks
from db.models import Committee, Meeting, Person, Task, UnitContact
from db.outbox import Buttons, enqueue_notice
from domain.permissions import Role
from handlers.common import Actor
from handlers.task_actions import assignee_people

MAX_TASKS_A_MESSAGE = 25  # 4 buttons a task; Telegram takes at most 100 under one message


def _reachable(p: Person) -> bool:
    """A private message can reach `p` (Telegram lets a bot write first to nobody)."""
    return bool(p.private_chat and not p.blocked_bot and p.tg_user_id)


async def coordinating_people(session: AsyncSession, task: Task) -> list[tuple[Person, str | None]]:
    """(product10) The contact people of `task`'s coordinating units («phối hợp»), and a person named as
    coordinator, in order, once each: (person, the unit's label, or None for a person named himself)."""
    out: dict[int, tuple[Person, str | None]] = {}
    for a in task.assignees:
        if a.role != "support":
            continue
        if a.person_id is not None:
            if (p := await session.get(Person, a.person_id)) is not None:
                out.setdefault(p.id, (p, None))
        elif a.unit_id is not None:
            rows = await session.scalars(
                select(UnitContact.person_id).where(UnitContact.unit_id == a.unit_id).order_by(UnitContact.id)
            )
            for pid in list(rows):
                if (p := await session.get(Person, pid)) is not None:
                    out.setdefault(p.id, (p, a.label))
    return list(out.values())


async def _told_privately(
    session: AsyncSession, actor: Actor, tasks: Sequence[Task], coordinating: dict[int, dict[int, str | None]]
    | None = None,
) -> dict[int, tuple[Person, list[Task]]]:
    """Per person who can be reached privately (not the actor), his tasks among `tasks`, in order: as a
    doer (lead, executor: reminded of it) or (product10) as a contact of a coordinating unit, told of the
    task once and not reminded. `coordinating` (filled when given): person id -> {task id: the unit's
    label} for the tasks he only coordinates."""
    people: dict[int, tuple[Person, list[Task]]] = {}
    for task in tasks:
        doers = await assignee_people(session, task)
        for p in doers:
            if p.id == actor.person.id or not _reachable(p):
                continue
            people.setdefault(p.id, (p, []))[1].append(task)
        doer_ids = {p.id for p in doers}
        for p, unit in await coordinating_people(session, task):
            if p.id in doer_ids or p.id == actor.person.id or not _reachable(p):
                continue
            people.setdefault(p.id, (p, []))[1].append(task)
            if coordinating is not None:
                coordinating.setdefault(p.id, {})[task.id] = unit
    return people


_NOT_SUPPORT: dict[int, str | None] = {}


def _item(task: Task, today: date, support: dict[int, str | None] = _NOT_SUPPORT) -> str:
    leads = [a.label for a in task.assignees if a.role == "lead" and a.label]
    icon = T.lead_icon_of(db_tasks.lead_kind_of(task))
    lead = T.NEW_TASKS_LEAD.format(icon=icon, lead=T.esc(", ".join(leads))) if leads else ""
    if task.id in support:  # (product10) his unit coordinates: said under the lead
        unit = support[task.id]
        lead += T.NEW_TASKS_SUPPORT_UNIT.format(unit=T.esc(unit)) if unit else T.NEW_TASKS_SUPPORT_PERSON
    return T.NEW_TASKS_ITEM.format(
        number=task.number,
        text=T.esc(T.shorten(task.text)),
        due=T.fmt_due(task.due_current, today),
        lead=lead,
    )


def _buttons(tasks: Sequence[Task], support: dict[int, str | None] = _NOT_SUPPORT) -> Buttons:
    """The reminders' buttons (jobs.dispatcher.reminder_keyboard): 2×2 for one task, a row per task. A task
    the person only coordinates (product10) has «Tiến độ» and «Vướng mắc»: closing it or asking for more
    time is the lead's."""
    if len(tasks) == 1:
        tid = tasks[0].id
        if tid in support:
            return [[(T.BTN_PROGRESS, f"prog:{tid}"), (T.BTN_BLOCKED, f"blk:{tid}")]]
        return [[(T.BTN_DONE, f"done:{tid}"), (T.BTN_PROGRESS, f"prog:{tid}")],
                [(T.BTN_EXTEND, f"ext:{tid}"), (T.BTN_BLOCKED, f"blk:{tid}")]]
    return [
        [
            *(() if t.id in support else ((T.BTN_DONE_N.format(number=t.number), f"done:{t.id}"),)),
            (T.BTN_PROGRESS_N.format(number=t.number), f"prog:{t.id}"),
            *(() if t.id in support else ((T.BTN_EXTEND_N.format(number=t.number), f"ext:{t.id}"),)),
            (T.BTN_BLOCKED_N.format(number=t.number), f"blk:{t.id}"),
        ]
        for t in tasks
    ]


def new_tasks_messages(
    committee: Committee, tasks: Sequence[Task], who: str, meeting: str | None, today: date,
    limit: int = T.MESSAGE_LIMIT, support: dict[int, str | None] = _NOT_SUPPORT,
) -> list[tuple[str, Buttons]]:
    """One person's new tasks as messages of at most `limit` UTF-16 units (HTML source, never shorter than
    what Telegram counts), broken only between tasks, each with its tasks' buttons. `support`: the tasks
    (id -> his unit's label) he only coordinates (product10): marked, with their own header and footer."""
    by = T.NEW_TASKS_BY.format(
        who=T.esc(who), meeting=T.NEW_TASKS_MEETING.format(meeting=T.esc(meeting)) if meeting else ""
    )
    only_support = all(t.id in support for t in tasks)
    if only_support:
        footer = T.NEW_TASKS_SUPPORT_FOOTER
        header_one, header_many = T.NEW_TASKS_SUPPORT_HEADER_ONE, T.NEW_TASKS_SUPPORT_HEADER_MANY
    else:
        footer = T.NEW_TASKS_FOOTER + (T.NEW_TASKS_SUPPORT_NOTE if any(t.id in support for t in tasks) else "")
        header_one, header_many = T.NEW_TASKS_HEADER_ONE, T.NEW_TASKS_HEADER_MANY
    widest = header_many.format(count=len(tasks), committee=T.esc(committee.title)) + T.NEW_TASKS_PART
    fixed = T.utf16_len("\n\n".join([widest, by, footer]))  # {part}/{parts}: room for 4 digits
    groups: list[list[Task]] = [[]]
    size = fixed
    for task in tasks:
        cost = T.utf16_len(_item(task, today, support)) + 2
        if groups[-1] and (size + cost > limit or len(groups[-1]) >= MAX_TASKS_A_MESSAGE):
            groups.append([])
            size = fixed
        groups[-1].append(task)
        size += cost
    out = []
    for k, group in enumerate(groups, start=1):
        if len(tasks) == 1:
            header = header_one.format(committee=T.esc(committee.title))
        else:
            header = header_many.format(count=len(tasks), committee=T.esc(committee.title))
        if len(groups) > 1:
            header += T.NEW_TASKS_PART.format(part=k, parts=len(groups))
        text = "\n\n".join([header, by, *(_item(t, today, support) for t in group), footer])
        out.append((text, _buttons(group, support)))
    return out


async def tell_new_tasks(session: AsyncSession, actor: Actor, committee: Committee, tasks: Sequence[Task],
                         not_told: frozenset[int] = frozenset()) -> None:
    """The tasks of one save (/giao: one; /nhap: all kept items) told to their doers who opened a
    private chat with the bot: one message (or a few, split between tasks) per person. `not_told`: people
    not in the group (qa19, handlers.strangers): nothing of the committee goes to their private chat."""
    if not tasks or not committee.active:
        return
    meeting = None
    if tasks[0].meeting_id is not None and (m := await session.get(Meeting, tasks[0].meeting_id)) is not None:
        meeting = m.title
    coordinating: dict[int, dict[int, str | None]] = {}
    for person, own in (await _told_privately(session, actor, tasks, coordinating)).values():
        if person.id in not_told:
            continue
        for text, buttons in new_tasks_messages(committee, own, actor.person.full_name, meeting, actor.today,
                                                support=coordinating.get(person.id, _NOT_SUPPORT)):
            await enqueue_notice(session, committee.id, person.tg_user_id, text, buttons,  # type: ignore[arg-type]
                                 now=actor.now, kind="task_new", person_id=person.id)


async def tell_fresh_due(session: AsyncSession, actor: Actor, task: Task, old: date | None) -> None:
    """A deadline picked on the card of a just-logged /giao: told to those told privately of the task
    (their message gave the old deadline); the group sees the card."""
    committee = await session.get(Committee, task.committee_id)
    if committee is None or not committee.active:
        return
    people = await _told_privately(session, actor, [task])
    if not people:
        return
    role = await actor.role_in(session, committee.id)
    text = T.DUE_CHANGED_NOTICE.format(
        by=T.DUE_CHANGED_BY_SECRETARY if role is Role.SECRETARY else T.DUE_CHANGED_BY_CHAIR,
        number=task.number,
        committee=T.esc(committee.title),
        due=T.fmt_due(task.due_current, actor.today),
        old=T.DUE_CHANGED_OLD.format(old=T.fmt_day(old)) if old is not None else T.DUE_CHANGED_OLD_NONE,
        text=T.esc(T.shorten(task.text, 300)),
        who=T.esc(actor.person.full_name),
        reason="",
    )
    for person, _ in people.values():
        await enqueue_notice(session, committee.id, person.tg_user_id, text,  # type: ignore[arg-type]
                             now=actor.now, kind="due_changed", person_id=person.id)


async def tell_taken_back(session: AsyncSession, actor: Actor, tasks: Sequence[Task]) -> None:
    """Tasks undone as a slip, told (one message a person) to those told privately of them."""
    if not tasks:
        return
    committee = await session.get(Committee, tasks[0].committee_id)
    if committee is None or not committee.active:
        return
    for person, own in (await _told_privately(session, actor, tasks)).values():
        numbers = ", ".join(f"#{t.number}" for t in own)
        fmt = T.NEW_TASKS_UNDONE_ONE if len(own) == 1 else T.NEW_TASKS_UNDONE_MANY
        text = fmt.format(numbers=numbers.lstrip("#") if len(own) == 1 else numbers, count=len(own),
                          committee=T.esc(committee.title))
        await enqueue_notice(session, committee.id, person.tg_user_id, text,  # type: ignore[arg-type]
                             now=actor.now, kind="task_undone", person_id=person.id)
