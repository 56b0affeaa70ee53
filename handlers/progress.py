"""Reporting on a task: /xong, /tiendo, /giahan, the reminder buttons (done / progress / extension),
the chair's approve / reject buttons, and answers to the bot's questions (replies to its prompts)."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import CallbackQuery, MaybeInaccessibleMessage, Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from db import tasks as db_tasks
from db.models import Committee, ExtensionRequest, PendingInput, Person, Task
from db.outbox import enqueue_notice
from domain.extension_more import more_time
from domain.extension_reason import reason_of
from domain.past_words import past_deadline
from domain.permissions import Action, Role
from domain.understand.deadlines import find_invalid_date_in_answer, parse_deadline_answer
from handlers.button import Pressed, run_button
from handlers.command import run_command
from handlers.common import (
    Actor,
    Buttons,
    ask_by_reply,
    user_link,
    year_guessed_note,
)
from handlers.directives import day_off_notice
from handlers.render import past_when, short
from handlers.task_actions import (
    Refused,
    add_progress,
    decide_extension,
    example_date,
    find_own_task,
    mark_done,
    numbered,
    own_task_and_words,
    request_extension,
    require,
    require_open,
    role_in_task_committee,
    set_due,
    task_for_button,
    tell_assignees,
    tell_requester,
)

log = logging.getLogger(__name__)


async def xong(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_command(update, context, _xong, notices=True)


async def _xong(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
    ref = numbered(args, T.EXAMPLE_DONE)
    task = await find_own_task(session, actor, ref.number)
    note = ref.rest or None
    if msg.document is not None:
        # The proof of completion travels with the note: the file stays on Telegram.
        note = ((note or "") + T.ATTACHED_FILE.format(name=msg.document.file_name or T.ATTACHMENT)).strip()
    elif msg.photo:
        # A photo (of the signed paper, most often): kept as a file is, marked in the note; it stays on Telegram.
        note = ((note or "") + T.ATTACHED_PHOTO).strip()
    return await mark_done(session, actor, task, note, actor.today)


async def tiendo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_command(update, context, _tiendo, notices=True)


async def _tiendo(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
    task, note = await own_task_and_words(session, actor, args, T.PROGRESS_USAGE)
    return await add_progress(session, actor, task, note)


async def giahan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_command(update, context, _giahan, notices=True)


async def _giahan(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
    task, answer_text = await own_task_and_words(session, actor, args, T.EXTEND_USAGE)
    return await extend(session, actor, task, answer_text)


async def extend(session: AsyncSession, actor: Actor, task: Task, answer_text: str) -> str:
    """'<hạn mới> [lý do]': the chair sets it; anyone else asks the chair (a notice to the group,
    through the outbox, stored with the request)."""
    require_open(task)
    new_due, reason, year_note = _due_and_reason(answer_text, actor.today, task)
    role_ok = True
    try:
        await require(session, actor, task, Action.APPROVE, T.ACT_EXTEND)
    except Refused:
        role_ok = False
    if role_ok:
        done = await set_due(session, actor, task, new_due, actor.today, extension=True, reason=reason)
        day_off = day_off_notice(task, actor.today)  # a weekend or a holiday: said, as /giao and /sua say it
        done = done + "\n" + day_off[0] if day_off else done
        return done + "\n" + year_note if year_note else done
    try:
        req = await request_extension(session, actor, task, new_due, reason, actor.today)
    except Refused as refusal:
        if actor.role == Role.SECRETARY and not await db_tasks.is_assignee(session, task, actor.person.id):
            # (qa10) a secretary moving a deadline was told only who may ask for an extension: /sua is theirs
            hint = T.SECRETARY_SETS_DUE.format(number=task.number, due=new_due.strftime("%d/%m/%Y"))
            raise Refused(f"{refusal}\n{hint}") from refusal
        raise
    committee = await session.get(Committee, task.committee_id)
    assert committee is not None
    ask = T.EXTEND_ASK_CHAIR.format(
        who=user_link(actor.person),
        number=task.number,
        text=T.esc(task.text[:300]),
        current=T.fmt_due(task.due_current, actor.today),
        due=T.fmt_day(new_due),
        # Cut: the request goes to the group in one message, which Telegram refuses past 4096 characters.
        reason=T.esc(short(reason, 500)) if reason else T.NO_REASON,
    )
    buttons = [[(T.BTN_APPROVE, f"extok:{req.id}"), (T.BTN_REJECT, f"extno:{req.id}")]]
    # Stored with the request: a 403, a network error or a restart does not lose it (db/outbox.py).
    await enqueue_notice(
        session, committee.id, committee.chat_id, ask, buttons, now=actor.now, kind="extension_request"
    )
    asked = T.EXTEND_REQUESTED.format(number=task.number, due=T.fmt_day(new_due))
    return asked + "\n" + year_note if year_note else asked


def _due_and_reason(text: str, today: date, task: Task) -> tuple[date, str | None, str | None]:
    """(new deadline, reason, a warning when a day-month without a year was read as next year's)."""
    bad = find_invalid_date_in_answer(text, today)
    if bad:
        example = f"/giahan {task.number} {example_date(today)} chờ số liệu"
        raise Refused(T.INVALID_DATE_EXAMPLE.format(phrase=T.esc(bad), example=example))
    deadline = parse_deadline_answer(text, today)
    if deadline.due is None:  # qa21: «thêm 1 tuần», «thêm 10 ngày làm việc»: added to the current deadline
        more = more_time(text, task.due_current, today)
        if more is not None:
            return more.due, reason_of(text[: more.span[0]] + " " + text[more.span[1] :]), None
    past = past_deadline(text, today, deadline.span)  # «hôm qua», «thứ Sáu tuần trước»: not read as ahead
    if past is not None:
        raise Refused(_past_refusal(past.phrase, past.first, past.last, today, task))
    if deadline.due is None or deadline.span is None:
        raise Refused(T.EXTEND_USAGE)
    start, end = deadline.span
    if deadline.due < today:  # a date written with its year, already past
        raise Refused(_past_refusal(text[start:end], deadline.due, deadline.due, today, task))
    reason = reason_of(text[:start] + " " + text[end:])  # «xin đến 18/12 vì …»: not «xin vì …» (qa13)
    return deadline.due, reason, year_guessed_note(deadline, today, text[start:end])


def _past_refusal(phrase: str, first: date, last: date, today: date, task: Task) -> str:
    """What a day already past means, that it is past, and an example of a new deadline that is not."""
    when = past_when(first, last)
    current = task.due_current
    later = max(current or today, today) + timedelta(days=7)
    rule = T.EXTEND_PAST_RULE_LATER.format(due=T.fmt_day(current)) if current else T.EXTEND_PAST_RULE_TODAY
    return T.EXTEND_PAST.format(
        phrase=T.esc(phrase.strip()), when=when, today=T.fmt_date(today), rule=rule, number=task.number,
        example=later.strftime("%d/%m"),
    )


# ---------------------------------------------------------------------------------------------- buttons
async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """done:<task> · prog:<task> · ext:<task> · blk:<task> · extok:<request> · extno:<request> · and the
    chair's actions on an escalation: cdue:<task> (new deadline) · cgive:<task> (reassign) · cnote:<task>"""
    await run_button(update, context, _pressed, plain_refusal=True, notices=True)


async def _pressed(session: AsyncSession, actor: Actor, query: CallbackQuery) -> Pressed:
    assert query.data is not None
    kind, _, rest = query.data.partition(":")
    prompt: str | None = None
    result: str | None = None
    pending_kind = ""
    pending_data: dict[str, int] = {}
    remaining: Buttons | None = None
    if kind in ("extok", "extno"):
        req = await session.get(ExtensionRequest, int(rest))
        if req is None:
            raise Refused(T.BUTTON_STALE)
        task, result = await decide_extension(session, actor, req, kind == "extok", actor.today)
        if kind == "extno" and req.requested_by not in (None, actor.person.id):
            requester = await session.get(Person, req.requested_by)
            who = T.mention(requester.full_name, requester.tg_user_id, requester.username) if requester else ""
            prompt = T.ASK_REJECT_REASON.format(number=task.number, who=who)
            pending_kind, pending_data = "reject_reason", {"req": req.id}
    elif kind in CHAIR_PROMPTS:
        task = await task_for_button(session, actor, int(rest))
        require_open(task)
        if kind == "cdue":
            await require(session, actor, task, Action.APPROVE, T.ACT_EXTEND_DIRECT)
        else:
            await require(session, actor, task, Action.EDIT, T.ACT_EDIT_TASK)
        prompt = CHAIR_PROMPTS[kind].format(number=task.number)
        pending_kind = {"cdue": "chair_due", "cgive": "chair_give", "cnote": "chair_note"}[kind]
    else:
        task = await task_for_button(session, actor, int(rest))
        if kind == "done":
            result = await mark_done(session, actor, task, None, actor.today, by_button=True)
            # A reminder may name several tasks: the others keep their buttons.
            remaining = _buttons_of_other_tasks(query.message, task.id)
        else:
            require_open(task)
            # The refusal names the button's own action («mới xin gia hạn»), not «báo cáo».
            verb = {"prog": T.ACT_PROGRESS, "ext": T.ACT_ASK_EXTENSION, "blk": T.BLOCKED_ACTION}[kind]
            await require(session, actor, task, Action.REPORT, verb)
            ask = {"prog": T.ASK_PROGRESS, "ext": T.ASK_EXTENSION, "blk": T.ASK_BLOCKED}[kind]
            prompt = ask.format(number=task.number)
            pending_kind = {"prog": "progress", "ext": "extension", "blk": "blocked"}[kind]
    if prompt is not None and query.message is not None:
        await ask_by_reply(
            query.get_bot(), session, actor, query.message.chat, query.from_user, prompt, pending_kind,
            task_id=task.id, data=pending_data,
        )
    if result is None or query.message is None:
        return Pressed(result)
    # The buttons have done their job: show the outcome in place of them.
    original = query.message.text_html if isinstance(query.message, Message) else ""
    return Pressed(result, ((original + "\n\n" + result) if original else result, remaining))


_TASK_BUTTONS = ("done", "prog", "ext", "blk")


def _buttons_of_other_tasks(message: MaybeInaccessibleMessage | None, task_id: int) -> Buttons | None:
    """The reminder's buttons that act on tasks other than `task_id` (done:<task>, prog:<task>…)."""
    markup = getattr(message, "reply_markup", None)
    if markup is None:
        return None
    rows: list[list[tuple[str, str]]] = []
    for row in markup.inline_keyboard:
        kept = []
        for b in row:
            kind, _, ref = (b.callback_data if isinstance(b.callback_data, str) else "").partition(":")
            if kind in _TASK_BUTTONS and ref != str(task_id):
                kept.append((b.text, f"{kind}:{ref}"))
        if kept:
            rows.append(kept)
    return rows or None


CHAIR_PROMPTS = {"cdue": T.ASK_CHAIR_DUE, "cgive": T.ASK_CHAIR_REASSIGN, "cnote": T.ASK_CHAIR_NOTE}


# ---------------------------------------------------------------------------------------------- the chair's answers
async def _reject_reason(session: AsyncSession, actor: Actor, task: Task, pending: PendingInput, msg: Message) -> str:
    """The reason for a refused extension: recorded, and sent to the requester where they asked."""
    reason = (msg.text or "").strip()
    if not reason:
        raise Refused(T.REJECT_REASON_EMPTY)
    req = await session.get(ExtensionRequest, int(pending.data.get("req", 0)))
    if req is None or req.task_id != task.id:
        raise Refused(T.BUTTON_STALE)
    reason = short(reason, 500)
    db_tasks.add_event(session, task, "extension_reject_reason", actor.person.id, actor.now, note=reason)
    await tell_requester(
        session, actor, req, task, T.EXTEND_REJECT_REASON_NOTICE, actor.today, reason=T.esc(reason)
    )
    requester = await session.get(Person, req.requested_by) if req.requested_by else None
    who = T.esc(requester.full_name) if requester else ""
    return T.REJECT_REASON_SENT.format(number=task.number, who=who)


async def _in_task_committee(session: AsyncSession, actor: Actor, task: Task) -> Actor:
    """The chair answers in a private chat (the escalation came there): act in the task's committee."""
    if actor.committee is not None:
        return actor
    committee = await session.get(Committee, task.committee_id)
    role = await role_in_task_committee(session, actor, task)
    return replace(actor, committee=committee, role=role)


async def _chair_due(session: AsyncSession, actor: Actor, task: Task, pending: PendingInput, msg: Message) -> str:
    new_due, reason, year_note = _due_and_reason((msg.text or "").strip(), actor.today, task)
    # The assignees are told by set_due, as for every deadline changed by someone else.
    text = await set_due(session, actor, task, new_due, actor.today, extension=True, reason=reason)
    return text + "\n" + year_note if year_note else text


async def _chair_give(session: AsyncSession, actor: Actor, task: Task, pending: PendingInput, msg: Message) -> str:
    """Reassign as `/sua <n> giao <…>` does (the same reading of units and mentions)."""
    from handlers.directives import _edit

    body = (msg.text or "").strip()
    if not body:
        raise Refused(T.NO_ASSIGNEE)
    head = f"{task.number} giao "
    # `_edit` finds mentions at (offset + position of the body in args): the body starts the message.
    return await _edit(session, await _in_task_committee(session, actor, task), msg, head + body, -len(head))


async def _chair_note(session: AsyncSession, actor: Actor, task: Task, pending: PendingInput, msg: Message) -> str:
    note = (msg.text or "").strip()
    if not note:
        raise Refused(T.REJECT_REASON_EMPTY)
    require_open(task)
    await require(session, actor, task, Action.EDIT, T.ACT_EDIT_TASK)
    db_tasks.add_event(session, task, "chair_note", actor.person.id, actor.now, note=short(note, 1000))
    committee = await session.get(Committee, task.committee_id)
    await tell_assignees(session, actor, task, T.CHAIR_NOTE_NOTICE.format(
        number=task.number, committee=T.esc(committee.title if committee else ""), note=T.esc(short(note, 500)),
    ))
    return T.CHAIR_NOTE_OK.format(number=task.number, note=T.esc(short(note, 300)))


CHAIR_ANSWERS = {
    "reject_reason": _reject_reason,
    "chair_due": _chair_due,
    "chair_give": _chair_give,
    "chair_note": _chair_note,
}
