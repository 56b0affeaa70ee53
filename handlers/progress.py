"""Reporting on a task: /xong, /tiendo, /giahan, the reminder buttons (done / progress / extension),
the chair's approve / reject buttons, and answers to the bot's questions (replies to its prompts)."""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import ForceReply, Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import texts as T
from db.models import Committee, ExtensionRequest, PendingInput, Task
from domain.commands import task_ref
from domain.permissions import Action
from domain.understand.deadlines import find_invalid_date_in_answer, parse_deadline_answer
from handlers.common import (
    Actor,
    addressed,
    answer,
    command_args,
    edit,
    keyboard,
    plain,
    reply,
    resolve_actor,
    transaction,
    user_link,
)
from handlers.render import short
from handlers.task_actions import (
    Refused,
    add_progress,
    decide_extension,
    find_task,
    mark_done,
    request_extension,
    require,
    require_open,
    set_due,
    task_for_button,
)

log = logging.getLogger(__name__)


async def xong(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            ref = task_ref(args)
            if ref is None:
                raise Refused(T.NEED_TASK_NUMBER.format(example=T.EXAMPLE_DONE))
            task = await find_task(session, actor, ref.number)
            note = ref.rest or None
            if msg.document is not None:
                # The proof of completion travels with the note: the file stays on Telegram.
                note = ((note or "") + T.ATTACHED_FILE.format(name=msg.document.file_name or T.ATTACHMENT)).strip()
            text = await mark_done(session, actor, task, note, actor.today)
        except Refused as refusal:
            text = str(refusal)
    await reply(update, text)


async def tiendo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            ref = task_ref(args)
            if ref is None or not ref.rest:
                raise Refused(T.PROGRESS_USAGE)
            task = await find_task(session, actor, ref.number)
            text = await add_progress(session, actor, task, ref.rest)
        except Refused as refusal:
            text = str(refusal)
    await reply(update, text)


async def giahan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)
    notify: tuple[int, str, int] | None = None
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            ref = task_ref(args)
            if ref is None or not ref.rest:
                raise Refused(T.EXTEND_USAGE)
            task = await find_task(session, actor, ref.number)
            text, notify = await extend(session, actor, task, ref.rest)
        except Refused as refusal:
            text = str(refusal)
    await reply(update, text)
    if notify is not None:
        await ask_chair(context, *notify)


async def extend(
    session: AsyncSession, actor: Actor, task: Task, answer_text: str
) -> tuple[str, tuple[int, str, int] | None]:
    """'<hạn mới> [lý do]': the chair sets it; anyone else asks the chair."""
    require_open(task)
    new_due, reason = _due_and_reason(answer_text, actor.today)
    role_ok = True
    try:
        await require(session, actor, task, Action.APPROVE, T.ACT_EXTEND)
    except Refused:
        role_ok = False
    if role_ok:
        return await set_due(session, actor, task, new_due, actor.today, extension=True, reason=reason), None
    req = await request_extension(session, actor, task, new_due, reason, actor.today)
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
    return T.EXTEND_REQUESTED.format(number=task.number, due=T.fmt_day(new_due)), (committee.chat_id, ask, req.id)


def _due_and_reason(text: str, today: date) -> tuple[date, str | None]:
    bad = find_invalid_date_in_answer(text, today)
    if bad:
        raise Refused(T.INVALID_DATE.format(phrase=T.esc(bad)))
    deadline = parse_deadline_answer(text, today)
    if deadline.due is None or deadline.span is None:
        raise Refused(T.EXTEND_USAGE)
    start, end = deadline.span
    reason = (text[:start] + " " + text[end:]).strip(" ,;:-") or None
    return deadline.due, reason


async def ask_chair(context: ContextTypes.DEFAULT_TYPE, chat_id: int, text: str, req_id: int) -> None:
    buttons = [[(T.BTN_APPROVE, f"extok:{req_id}"), (T.BTN_REJECT, f"extno:{req_id}")]]
    try:
        await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, reply_markup=keyboard(buttons))
    except TelegramError as exc:
        # The request is stored: the Monday summary and /xem still show it to the chair.
        log.warning("could not post extension request to %s: %s", chat_id, exc)


# ---------------------------------------------------------------------------------------------- buttons
async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """done:<task> · prog:<task> · ext:<task> · extok:<request> · extno:<request>"""
    query = update.callback_query
    assert query is not None and query.data is not None
    kind, _, rest = query.data.partition(":")
    prompt: str | None = None
    result: str | None = None
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            if kind in ("extok", "extno"):
                req = await session.get(ExtensionRequest, int(rest))
                if req is None:
                    raise Refused(T.BUTTON_STALE)
                task, result = await decide_extension(session, actor, req, kind == "extok", actor.today)
            else:
                task = await task_for_button(session, actor, int(rest))
                if kind == "done":
                    result = await mark_done(session, actor, task, None, actor.today)
                else:
                    require_open(task)
                    await require(session, actor, task, Action.REPORT, T.ACT_REPORT)
                    ask = {"prog": T.ASK_PROGRESS, "ext": T.ASK_EXTENSION, "blk": T.ASK_BLOCKED}[kind]
                    prompt = ask.format(number=task.number)
        except Refused as refusal:
            await answer(query, plain(str(refusal)), alert=True)
            return
        if prompt is not None and query.message is not None:
            sent = await context.bot.send_message(
                query.message.chat.id,
                addressed(query.message.chat, query.from_user, prompt),
                parse_mode=ParseMode.HTML,
                reply_markup=ForceReply(selective=True),
            )
            pending_kind = {"prog": "progress", "ext": "extension", "blk": "blocked"}[kind]
            session.add(
                PendingInput(
                    chat_id=sent.chat.id,
                    prompt_message_id=sent.message_id,
                    person_id=actor.person.id,
                    task_id=task.id,
                    kind=pending_kind,
                    created_at=actor.now,
                )
            )
    await answer(query, plain(result) if result else None)
    if result is not None and query.message is not None:
        # The buttons have done their job: show the outcome in place of them.
        original = query.message.text_html if isinstance(query.message, Message) else ""
        await edit(query, (original + "\n\n" + result) if original else result, None)
