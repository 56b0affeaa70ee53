"""State changes on one task, shared by commands and buttons so both are checked the same way.

Each function runs inside the caller's transaction, checks the actor's right, changes the task,
records the event, re-plans reminders, and returns the text to show (or raises Refused).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from bot.texts import esc, fmt_due
from db import reminders
from db import tasks as db_tasks
from db.models import ExtensionRequest, Task
from domain.permissions import Action, Role, allowed
from domain.types import TaskStatus
from handlers.common import Actor


class Refused(Exception):
    """The action is not done; the message says why (already in Vietnamese, HTML-safe)."""


async def find_task(session: AsyncSession, actor: Actor, number: int) -> Task:
    if actor.committee is None:
        raise Refused(T.GROUP_ONLY)
    task = await db_tasks.task_by_number(session, actor.committee.id, number)
    if task is None:
        raise Refused(T.TASK_NOT_FOUND.format(number=number))
    return task


async def task_for_button(session: AsyncSession, actor: Actor, task_id: int) -> Task:
    """A button names a task by id: it must belong to the committee the button was pressed in (or, in a
    private chat, to a committee the presser is assigned in — checked by the action itself)."""
    task = await db_tasks.task_by_id(session, task_id)
    if task is None or (actor.committee is not None and task.committee_id != actor.committee.id):
        raise Refused(T.BUTTON_STALE)
    return task


async def role_in_task_committee(session: AsyncSession, actor: Actor, task: Task) -> Role:
    """In a private chat (a reminder's buttons) the role comes from the task's committee."""
    return await actor.role_in(session, task.committee_id)


def require_open(task: Task) -> None:
    if task.status != TaskStatus.OPEN:
        state = T.STATUS_CANCELLED if task.status == TaskStatus.CANCELLED else T.STATE_DONE
        raise Refused(T.TASK_CLOSED.format(number=task.number, state=state))


async def require(session: AsyncSession, actor: Actor, task: Task, action: Action, verb: str) -> None:
    role = await role_in_task_committee(session, actor, task)
    assignee = await db_tasks.is_assignee(session, task, actor.person.id)
    if allowed(action, role, is_assignee=assignee):
        return
    if action in (Action.CLOSE, Action.REPORT):
        raise Refused(T.NOT_YOUR_TASK.format(number=task.number, action=verb))
    if action in (Action.CANCEL, Action.APPROVE, Action.MANAGE):
        raise Refused(T.NOT_CHAIR.format(action=verb))
    raise Refused(T.NOT_CHAIR_OR_SECRETARY.format(action=verb))


def example_date(today: date) -> str:
    """A deadline to show in an example: a week from today, as 'dd/mm'."""
    return (today + timedelta(days=7)).strftime("%d/%m")


async def mark_done(session: AsyncSession, actor: Actor, task: Task, note: str | None, today: date) -> str:
    require_open(task)
    await require(session, actor, task, Action.CLOSE, T.ACT_CLOSE)
    task.status = TaskStatus.DONE.value
    task.closed_at = actor.now
    task.closed_on = today
    task.closed_by = actor.person.id
    db_tasks.add_event(session, task, "done", actor.person.id, actor.now, note=note or None)
    await reminders.replan_task(session, task.id, actor.now)
    if task.due_original is None:
        verdict = T.DONE_NO_DUE
    elif today <= task.due_original:
        verdict = T.DONE_ON_TIME
    else:
        verdict = T.DONE_LATE.format(days=(today - task.due_original).days)
    text = T.DONE_OK.format(number=task.number, verdict=verdict)
    if task.cadence and task.due_current is not None:
        following = await db_tasks.next_occurrence(session, task, actor.person.id, actor.now)
        await reminders.replan_task(session, following.id, actor.now)
        text += "\n" + T.NEXT_OCCURRENCE.format(number=following.number, due=fmt_due(following.due_current, today))
    return text


async def add_progress(session: AsyncSession, actor: Actor, task: Task, note: str, kind: str = "progress") -> str:
    require_open(task)
    await require(session, actor, task, Action.REPORT, T.ACT_PROGRESS)
    db_tasks.add_event(session, task, kind, actor.person.id, actor.now, note=note)
    if kind == "blocked":  # stored as a vướng mắc (for the meeting's agenda): say so, as /vuongmac does
        return T.BLOCKED_OK.format(number=task.number, note=esc(note))
    return T.PROGRESS_OK.format(number=task.number, note=esc(note))


async def set_due(
    session: AsyncSession,
    actor: Actor,
    task: Task,
    due: date | None,
    today: date,
    *,
    extension: bool,
    reason: str | None,
) -> str:
    """The chair (or, for a just-logged directive, whoever may edit) sets the deadline directly."""
    require_open(task)
    if extension:
        await require(session, actor, task, Action.APPROVE, T.ACT_EXTEND_DIRECT)
    else:
        await require(session, actor, task, Action.EDIT, T.ACT_EDIT_DUE)
    if due is not None and due < today:
        raise Refused(
            T.PAST_DEADLINE.format(due=T.fmt_date(due), today=T.fmt_date(today), example=example_date(today))
        )
    old = task.due_current
    task.due_current = due
    if extension:
        task.extension_count += 1
    elif task.extension_count == 0:
        # Correcting the deadline of a directive (not extending it) corrects the original too.
        task.due_original = due
    task.urgent = task.urgent and due is None
    db_tasks.add_event(
        session,
        task,
        "extension_approved" if extension else "deadline_changed",
        actor.person.id,
        actor.now,
        note=reason,
        data={"due": due.isoformat() if due else None, "old": old.isoformat() if old else None},
    )
    await reminders.replan_task(session, task.id, actor.now)
    if extension:
        return T.EXTEND_SET.format(number=task.number, due=fmt_due(due, today))
    return T.DUE_SET.format(number=task.number, due=fmt_due(due, today))


async def request_extension(
    session: AsyncSession, actor: Actor, task: Task, new_due: date, reason: str | None, today: date
) -> ExtensionRequest:
    require_open(task)
    await require(session, actor, task, Action.REPORT, T.ACT_ASK_EXTENSION)
    if new_due < today or (task.due_current is not None and new_due <= task.due_current):
        raise Refused(T.EXTEND_NOT_LATER.format(due=fmt_due(task.due_current, today)))
    req = ExtensionRequest(
        task_id=task.id, requested_by=actor.person.id, requested_at=actor.now, new_due=new_due, reason=reason
    )
    session.add(req)
    await session.flush()
    db_tasks.add_event(
        session, task, "extension_requested", actor.person.id, actor.now, note=reason, data={"due": new_due.isoformat()}
    )
    return req


async def decide_extension(
    session: AsyncSession, actor: Actor, req: ExtensionRequest, approve: bool, today: date
) -> tuple[Task, str]:
    task = await db_tasks.task_by_id(session, req.task_id)
    if task is None:
        raise Refused(T.BUTTON_STALE)
    if actor.committee is not None and task.committee_id != actor.committee.id:
        raise Refused(T.BUTTON_STALE)
    await require(session, actor, task, Action.APPROVE, T.ACT_DECIDE_EXTENSION)
    if req.status != "pending":
        raise Refused(T.EXTEND_ALREADY_DECIDED)
    require_open(task)
    req.status = "approved" if approve else "rejected"
    req.decided_by = actor.person.id
    req.decided_at = actor.now
    if approve:
        task.due_current = req.new_due
        task.extension_count += 1
        db_tasks.add_event(
            session, task, "extension_approved", actor.person.id, actor.now, data={"due": req.new_due.isoformat()}
        )
        await reminders.replan_task(session, task.id, actor.now)
        return task, T.EXTEND_APPROVED.format(number=task.number, due=fmt_due(req.new_due, today))
    db_tasks.add_event(session, task, "extension_rejected", actor.person.id, actor.now)
    return task, T.EXTEND_REJECTED.format(number=task.number, due=fmt_due(task.due_current, today))


async def cancel(session: AsyncSession, actor: Actor, task: Task, reason: str | None, kind: str = "cancelled") -> str:
    require_open(task)
    await require(session, actor, task, Action.CANCEL if kind == "cancelled" else Action.EDIT, T.ACT_CANCEL)
    task.status = TaskStatus.CANCELLED.value
    task.closed_at = actor.now
    task.closed_on = actor.today
    task.closed_by = actor.person.id
    db_tasks.add_event(session, task, kind, actor.person.id, actor.now, note=reason)
    await reminders.replan_task(session, task.id, actor.now)
    if kind == "undone":
        return T.UNDONE.format(number=task.number)
    return T.CANCEL_OK.format(number=task.number, reason=f" — {esc(reason)}" if reason else "")
