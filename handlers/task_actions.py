"""State changes on one task, shared by commands and buttons so both are checked the same way.

Each function runs inside the caller's transaction, checks the actor's right, changes the task,
records the event, re-plans reminders, and returns the text to show (or raises Refused).
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from bot.texts import esc, fmt_due
from db import reminders
from db import tasks as db_tasks
from db.models import Committee, ExtensionRequest, Person, Task
from db.outbox import enqueue_notice
from domain.commands import TaskRef, task_ref
from domain.permissions import Action, Role, allowed
from domain.reminders import RecipientRole
from domain.types import TaskStatus
from handlers import ward_handoff, ward_report
from handlers.common import Actor


class Refused(Exception):
    """The action is not done; the message says why (already in Vietnamese, HTML-safe)."""


class PickCommittee(Refused):
    """Refused for now: the person's words name a task in several committees; `buttons` let them pick one."""

    def __init__(self, text: str, buttons: list[list[tuple[str, str]]]) -> None:
        super().__init__(text)
        self.buttons = buttons


# The task a «#1 — <Ban>» button (handlers.own_pick) chose for the command it runs again: find_own_task
# takes it instead of asking again. Set only for the duration of that button's handling.
CHOSEN_TASK: ContextVar[int | None] = ContextVar("chosen_task", default=None)


class NoRight(Refused):
    """Refused for a right the actor lacks — a role's, or being the task's doer or giver. A chair who has just
    lost the group's administrator rights is told so under it, whichever of these he meets first (chat17:
    /giahan answered only «không phải người thực hiện»). `committee_id`: the committee the right is over
    (a reminder's button is pressed in a private chat)."""

    def __init__(self, text: str, committee_id: int | None = None) -> None:
        super().__init__(text)
        self.committee_id = committee_id


class ChairOnly(NoRight):
    """Refused because only a chair may do it: a command's answer adds, when the committee has no chair
    at all (its last one left a group without administrators), how it gets one (handlers.command)."""


async def find_task(session: AsyncSession, actor: Actor, number: int) -> Task:
    task = await db_tasks.task_by_number(session, in_group(actor).id, number)
    if task is None:
        raise Refused(T.TASK_NOT_FOUND.format(number=number))
    return task


async def find_own_task(session: AsyncSession, actor: Actor, number: int) -> Task:
    """/xong, /tiendo, /giahan, /vuongmac: in a group, the committee's task; in a private chat (where the
    reminders and /viec are), one of the person's own open tasks — as /viec lists them, across the
    committees — then acted on as from a reminder's button (the action checks the right, the group is
    told). A number open for the person in two committees is not guessed: they are named."""
    if actor.committee is not None:
        return await find_task(session, actor, number)
    mine = [(t, c) for t, c in await db_tasks.open_tasks_of_person(session, actor.person.id) if t.number == number]
    if not mine:
        raise Refused(T.PRIVATE_TASK_NOT_MINE.format(number=number))
    if len(mine) > 1 and any(c.active for _, c in mine):
        # qa15: a paused committee (its group deleted, the bot removed) is not where they meant it;
        # naming it would send them to type in a group that may no longer exist.
        mine = [(t, c) for t, c in mine if c.active]
    if len(mine) > 1:
        # (sec15) Nor a committee whose group they are no longer in, as Telegram says now (a departure the bot
        # did not hear): offered a button for it, they were refused only once they pressed it.
        here = [(t, c) for t, c in mine if await actor.present_in(session, c.id) is not False]
        mine = here or mine
    if (chosen := CHOSEN_TASK.get()) is not None:
        mine = [(t, c) for t, c in mine if t.id == chosen]
        if not mine:
            raise Refused(T.BUTTON_STALE)
    if len(mine) > 1:
        # qa18: a button each (as a private /xem offers), carrying the command with its note: «type it in the
        # group» lost what the person had written. The button's message quotes the command (handlers.own_pick).
        names = "; ".join(esc(c.title) for _, c in mine)
        buttons = [[(T.BTN_PRIVATE_SHOW.format(number=number, committee=c.title[:40]), f"own:{t.id}")]
                   for t, c in mine]
        raise PickCommittee(T.QA18_PRIVATE_TASK_PICK.format(number=number, committees=names), buttons)
    return mine[0][0]


async def own_task_and_words(session: AsyncSession, actor: Actor, args: str, usage: str) -> tuple[Task, str]:
    """/tiendo, /giahan, /vuongmac: the person's task by its number (`find_own_task`) and the words
    after the number; refused with `usage` when either is missing, before any look-up."""
    ref = numbered_with_text(args, usage)
    return await find_own_task(session, actor, ref.number), ref.rest


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
        state = T.STATE_CANCELLED if task.status == TaskStatus.CANCELLED else T.STATE_DONE
        raise Refused(T.TASK_CLOSED.format(number=task.number, state=state))


async def require(session: AsyncSession, actor: Actor, task: Task, action: Action, verb: str) -> None:
    role = await role_in_task_committee(session, actor, task)
    assignee = await db_tasks.is_assignee(session, task, actor.person.id)
    if allowed(action, role, is_assignee=assignee):
        # (sec15) A right that rests on being the task's assignee holds, as a role does, while the person
        # is in the committee's group: a stranger given the task by a mistyped @name (saved despite qa19's
        # warning) closed it with «/xong 1» in his private chat. Telegram not answering: the right holds.
        if not allowed(action, role) and await actor.present_in(session, task.committee_id) is False:
            raise Refused(T.SEC15_ASSIGNEE_OUTSIDE.format(number=task.number))
        return
    if action in (Action.CLOSE, Action.REPORT):
        raise NoRight(T.NOT_YOUR_TASK.format(number=task.number, action=verb), task.committee_id)
    raise _refusal(action, verb, task.committee_id)


def require_role(actor: Actor, action: Action, verb: str) -> None:
    """A right over the committee, not over one task (log a directive, manage units or roles, export):
    the actor's role where the command was written, refused in the same words as `require`."""
    if not allowed(action, actor.role):
        raise _refusal(action, verb, actor.committee.id if actor.committee else None)


def _refusal(action: Action, verb: str, committee_id: int | None) -> Refused:
    """Who may do what the actor may not: the chair alone, or the chair and the secretary."""
    if action in (Action.CANCEL, Action.APPROVE, Action.MANAGE):
        return ChairOnly(T.NOT_CHAIR.format(action=verb), committee_id)
    return ChairOnly(T.NOT_CHAIR_OR_SECRETARY.format(action=verb), committee_id)


def in_group(actor: Actor) -> Committee:
    """The committee of the group the command was written in; refused in a private chat."""
    if actor.committee is None:
        raise Refused(T.GROUP_ONLY)
    return actor.committee


def numbered(args: str, example: str) -> TaskRef:
    """The task number the command's words start with («/xem 5»); refused naming what was written in
    its place («abc» không phải số nhiệm vụ), with `example`."""
    ref = task_ref(args)
    if ref is None:
        raise Refused(T.need_task_number(args, example))
    return ref


def numbered_with_text(args: str, usage: str) -> TaskRef:
    """A task number and the words after it («/tiendo 5 đã họp»); refused with `usage` when either is
    missing."""
    ref = task_ref(args)
    if ref is None or not ref.rest:
        raise Refused(usage)
    return ref


def example_date(today: date) -> str:
    """A deadline to show in an example: a week from today, as 'dd/mm'."""
    return (today + timedelta(days=7)).strftime("%d/%m")


async def mark_done(
    session: AsyncSession, actor: Actor, task: Task, note: str | None, today: date, *, by_button: bool = False
) -> str:
    """`by_button`: pressed on a message's button — in the group that only edits the message, which
    Telegram announces to nobody, so the group is told by a new line as for a private report."""
    require_open(task)
    await require(session, actor, task, Action.CLOSE, T.ACT_CLOSE)
    task.status = TaskStatus.DONE.value
    task.closed_at = actor.now
    task.closed_on = today
    task.closed_by = actor.person.id
    db_tasks.add_event(session, task, "done", actor.person.id, actor.now, note=note or None)
    await reminders.replan_task(session, task.id, actor.now)
    await ward_report.copy_done(session, actor, task, today)  # a ward's copy: its district's task learns it
    if task.due_original is None:
        verdict = T.DONE_NO_DUE
    elif today <= task.due_original:
        verdict = T.DONE_ON_TIME
    else:
        verdict = T.DONE_LATE.format(days=(today - task.due_original).days)
    text = T.DONE_OK.format(number=task.number, verdict=verdict)
    line = T.REPORT_DONE_BY_BUTTON_IN_GROUP if by_button and actor.committee is not None else T.REPORT_DONE_IN_GROUP
    await tell_group(session, actor, task, line, note=f": {esc(note)}" if note else ".", by_button=by_button)
    if task.cadence and task.due_current is not None:
        following = await db_tasks.next_occurrence(session, task, actor.person.id, actor.now)
        await reminders.replan_task(session, following.id, actor.now)
        text += "\n" + T.NEXT_OCCURRENCE.format(number=following.number, due=fmt_due(following.due_current, today))
    return text


async def add_progress(session: AsyncSession, actor: Actor, task: Task, note: str, kind: str = "progress") -> str:
    require_open(task)
    await require(session, actor, task, Action.REPORT, T.ACT_PROGRESS)
    db_tasks.add_event(session, task, kind, actor.person.id, actor.now, note=note)
    await ward_report.copy_progress(session, actor, task, note, kind)  # shown on the district's task too
    line = T.REPORT_BLOCKED_IN_GROUP if kind == "blocked" else T.REPORT_PROGRESS_IN_GROUP
    await tell_group(session, actor, task, line, note=esc(T.shorten(note, 300)))
    if kind == "blocked":  # stored as a vướng mắc (for the meeting's agenda): say so, as /vuongmac does
        return T.BLOCKED_OK.format(number=task.number, note=esc(note))
    return T.PROGRESS_OK.format(number=task.number, note=esc(note))


async def tell_group(
    session: AsyncSession, actor: Actor, task: Task, line: str, *, note: str, by_button: bool = False
) -> None:
    """A report given in a private chat is told in the committee group, in one line (through the
    outbox): the chair sees it where the task was given. In the group itself a command or an answer
    is there already as a new message; a button press there only edits a message (Telegram notifies
    nobody of an edit), so it is told too."""
    if actor.committee is not None and not by_button:
        return
    committee = await session.get(Committee, task.committee_id)
    if committee is None or not committee.active:
        return
    who = T.mention(actor.person.full_name, actor.person.tg_user_id, actor.person.username)
    text = line.format(who=who, number=task.number, note=note)
    await enqueue_notice(session, committee.id, committee.chat_id, text, now=actor.now, kind="report")


async def tell_assignees(session: AsyncSession, actor: Actor, task: Task, text: str) -> None:
    """The chair acted on a task (a new deadline, a note, from her escalation copy): its assignees'
    contact people are told — privately when they opened a chat with the bot, else once in the group
    with their names."""
    committee = await session.get(Committee, task.committee_id)
    if committee is None:
        return
    people = [p for p in await assignee_people(session, task) if p.id != actor.person.id]
    await tell_people(session, actor, committee, people, text, kind="chair_action", group_if_nobody=True)


async def assignee_people(session: AsyncSession, task: Task) -> list[Person]:
    """The people reminded of `task` as its doers: person assignees and the contact people of its lead
    and executing units (db.reminders.task_recipients), in order, once each."""
    return [
        p
        for r in await reminders.task_recipients(session, task)
        if r.person_id is not None and r.role is RecipientRole.ASSIGNEE
        and (p := await session.get(Person, r.person_id)) is not None
    ]


async def tell_people(
    session: AsyncSession,
    actor: Actor,
    committee: Committee,
    people: list[Person],
    text: str,
    *,
    kind: str,
    group_if_nobody: bool = False,
    held: list[str] | None = None,
) -> None:
    """`text` to each of `people` through the outbox: privately to whoever opened a chat with the bot
    (Telegram lets a bot write first to nobody), the others named together in one group message
    (one message, not one each: the group's 20 a minute). `group_if_nobody`: with nobody to name,
    the group is told all the same (the chair acted from a private chat, the group would not know).
    `held`: the mentions of those to be named in the group go there instead of a group message (the
    caller names them in its own one message: a reassignment on the board, bot/board/one_message.py)."""
    in_group = []
    for p in people:
        if p.private_chat and not p.blocked_bot and p.tg_user_id:
            await enqueue_notice(session, committee.id, p.tg_user_id, text, now=actor.now, kind=kind, person_id=p.id)
        else:
            in_group.append(T.mention(p.full_name, p.tg_user_id, p.username))
    if held is not None:
        held.extend(in_group)
        return
    if in_group or (group_if_nobody and not people):
        body = T.NOTICE_FOR.format(who=", ".join(in_group), text=text) if in_group else text
        await enqueue_notice(session, committee.id, committee.chat_id, body, now=actor.now, kind=kind)


async def tell_due_changed(
    session: AsyncSession, actor: Actor, task: Task, old: date | None, reason: str | None,
    *, asked_by: Person | None = None,
) -> None:
    """A deadline changed by someone else reaches the task's doers (else reminders simply move, or stop,
    without a word): privately, or named in one group message, through the outbox (`tell_people`), as a
    cancellation or a reassignment is told. Nobody is told of his own change, nor twice: whoever asked
    for it (`asked_by`) has the chair's answer already. From a private chat (the chair's escalation
    copy) the group is told even when nobody is to be named: it would not know otherwise."""
    committee = await session.get(Committee, task.committee_id)
    if committee is None or not committee.active:
        return
    skip = {actor.person.id} | ({asked_by.id} if asked_by is not None else set())
    people = [p for p in await assignee_people(session, task) if p.id not in skip]
    text = await due_changed_text(session, actor, task, committee, old, reason, asked_by)
    await tell_people(session, actor, committee, people, text, kind="due_changed",
                      group_if_nobody=actor.committee is None and asked_by is None)


async def due_changed_text(
    session: AsyncSession, actor: Actor, task: Task, committee: Committee, old: date | None, reason: str | None,
    asked_by: Person | None = None,
) -> str:
    """DUE_CHANGED_NOTICE for `task`'s new deadline (`tell_due_changed`)."""
    role = await role_in_task_committee(session, actor, task)
    today = actor.today
    return T.DUE_CHANGED_NOTICE.format(
        by=T.DUE_CHANGED_BY_SECRETARY if role is Role.SECRETARY else T.DUE_CHANGED_BY_CHAIR,
        number=task.number,
        committee=esc(committee.title),
        due=fmt_due(task.due_current, today),
        old=T.DUE_CHANGED_OLD.format(old=T.fmt_day(old)) if old is not None else T.DUE_CHANGED_OLD_NONE,
        text=esc(T.shorten(task.text, 300)),
        who=esc(actor.person.full_name),
        reason=(T.DUE_CHANGED_REASON.format(reason=esc(T.shorten(reason, 300))) if reason else "")
        + (T.DUE_CHANGED_ASKED_BY.format(who=esc(asked_by.full_name)) if asked_by is not None else ""),
    )


def notice_target(committee: Committee, person: Person | None, asked_chat_id: int | None) -> tuple[int, int | None]:
    """Where to tell `person` something about their request: the chat where they asked; else their
    private chat if they opened one; else the group. Returns (chat id, person id if private)."""
    chat = asked_chat_id
    if chat is not None and chat > 0 and person is not None and person.blocked_bot:
        chat = None  # asked privately, then blocked the bot: the group, not a refused private message
    if chat is None:
        if person is not None and person.private_chat and not person.blocked_bot and person.tg_user_id:
            chat = person.tg_user_id
        else:
            chat = committee.chat_id
    private = chat > 0
    return chat, (person.id if private and person is not None else None)


async def set_due(
    session: AsyncSession,
    actor: Actor,
    task: Task,
    due: date | None,
    today: date,
    *,
    extension: bool,
    reason: str | None,
    tell: bool = True,
) -> str:
    """The chair (or, for a just-logged directive, whoever may edit) sets the deadline directly.
    `tell`: the task's doers are told of the change (`tell_due_changed`); False only where the change
    completes the /giao that is still being logged (its card's deadline buttons)."""
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
        await ward_report.copy_extended(session, actor, task, due)
    if tell and old != due:
        await tell_due_changed(session, actor, task, old, reason)
    elif old != due:  # the /giao's card: only those told privately of the task (handlers.new_tasks)
        from handlers.new_tasks import tell_fresh_due

        await tell_fresh_due(session, actor, task, old)
    if extension:
        return T.EXTEND_SET.format(number=task.number, due=fmt_due(due, today))
    return T.DUE_SET.format(number=task.number, due=fmt_due(due, today))


async def request_extension(
    session: AsyncSession, actor: Actor, task: Task, new_due: date, reason: str | None, today: date
) -> ExtensionRequest:
    require_open(task)
    await require(session, actor, task, Action.REPORT, T.ACT_ASK_EXTENSION)
    if new_due < today or (task.due_current is not None and new_due <= task.due_current):
        later = max(task.due_current or today, today) + timedelta(days=7)
        raise Refused(
            T.EXTEND_NOT_LATER_EXAMPLE.format(
                due=T.fmt_day(task.due_current) if task.due_current else T.fmt_day(today),
                number=task.number,
                example=later.strftime("%d/%m"),
            )
        )
    committee = await session.get(Committee, task.committee_id)
    asked_in = actor.committee.chat_id if actor.committee is not None else actor.person.tg_user_id
    req = ExtensionRequest(
        task_id=task.id,
        requested_by=actor.person.id,
        requested_at=actor.now,
        new_due=new_due,
        reason=reason,
        asked_chat_id=asked_in if asked_in is not None else (committee.chat_id if committee else None),
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
        old = task.due_current
        task.due_current = req.new_due
        task.extension_count += 1
        db_tasks.add_event(
            session, task, "extension_approved", actor.person.id, actor.now,
            data={"due": req.new_due.isoformat(), "old": old.isoformat() if old else None},
        )
        await reminders.replan_task(session, task.id, actor.now)
        await ward_report.copy_extended(session, actor, task, req.new_due)
        from handlers.approval_once import tell_approval_in_one_group_message

        if not await tell_approval_in_one_group_message(session, actor, req, task, old):
            await tell_requester(session, actor, req, task, T.EXTEND_APPROVED_NOTICE, today)
            # The other doers (a unit's other contacts) learn the new deadline too; the requester has his answer.
            await tell_due_changed(session, actor, task, old, None,
                                   asked_by=await session.get(Person, req.requested_by) if req.requested_by else None)
        return task, T.EXTEND_APPROVED.format(number=task.number, due=fmt_due(req.new_due, today))
    db_tasks.add_event(session, task, "extension_rejected", actor.person.id, actor.now)
    await tell_requester(session, actor, req, task, T.EXTEND_REJECTED_NOTICE, today)
    return task, T.EXTEND_REJECTED.format(number=task.number, due=fmt_due(task.due_current, today))


async def tell_requester(
    session: AsyncSession, actor: Actor, req: ExtensionRequest, task: Task, template: str, today: date, **extra: str
) -> None:
    """The chair decided: the requester is told with a new message in the chat where they asked (an
    edit of the group's message notifies nobody), through the outbox. Not when the chair decided
    on her own request."""
    if req.requested_by is None or req.requested_by == actor.person.id:
        return
    committee = await session.get(Committee, task.committee_id)
    requester = await session.get(Person, req.requested_by)
    if committee is None:
        return
    chat, person_id = notice_target(committee, requester, req.asked_chat_id)
    text = template.format(
        number=task.number,
        committee=esc(committee.title),
        text=esc(T.shorten(task.text, 300)),
        due=fmt_due(task.due_current, today),
        **extra,
    )
    if person_id is None and requester is not None:  # in the group: name them, so that they are notified
        text = T.NOTICE_FOR.format(who=T.mention(requester.full_name, requester.tg_user_id, requester.username),
                                   text=text)
    await enqueue_notice(session, committee.id, chat, text, now=actor.now, kind="extension_decided",
                         person_id=person_id)


async def cancel(session: AsyncSession, actor: Actor, task: Task, reason: str | None, kind: str = "cancelled") -> str:
    require_open(task)
    await require(session, actor, task, Action.CANCEL if kind == "cancelled" else Action.EDIT, T.ACT_CANCEL)
    task.status = TaskStatus.CANCELLED.value
    task.closed_at = actor.now
    task.closed_on = actor.today
    task.closed_by = actor.person.id
    db_tasks.add_event(session, task, kind, actor.person.id, actor.now, note=reason)
    await reminders.replan_task(session, task.id, actor.now)
    await ward_handoff.take_back(session, actor, task, kind)  # a district's task: the wards' copies end with it
    if kind == "undone":
        # A slip taken back at once: the bot never told anyone of it (only the group's card, now edited).
        return T.UNDONE.format(number=task.number)
    await _tell_cancelled(session, actor, task, reason)
    return T.CANCEL_OK.format(number=task.number, reason=f" — {esc(reason)}" if reason else "")


async def _tell_cancelled(session: AsyncSession, actor: Actor, task: Task, reason: str | None) -> None:
    """Those who were to do a cancelled task are told (else they keep working on it, or wonder why the
    reminders stopped): privately, or named in the group (`tell_people`)."""
    committee = await session.get(Committee, task.committee_id)
    if committee is None or not committee.active:
        return
    people = [p for p in await assignee_people(session, task) if p.id != actor.person.id]
    text = T.TASK_CANCELLED_NOTICE.format(
        number=task.number,
        committee=esc(committee.title),
        who=esc(actor.person.full_name),
        reason=T.TASK_CANCELLED_REASON.format(reason=esc(T.shorten(reason, 300))) if reason else "",
        text=esc(T.shorten(task.text, 300)),
    )
    await tell_people(session, actor, committee, people, text, kind="task_cancelled")
