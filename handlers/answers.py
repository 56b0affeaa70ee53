"""Replies to the bot's questions (ForceReply prompts), routed by what was asked. Works in groups with
privacy mode on, where the bot sees only commands and replies to its own messages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from db import tasks as db_tasks
from db.models import PendingInput, Person
from db.outbox import as_utc
from db.pending import PROMPT_TEXT, asked_with_text, pending_for_reply
from domain.periods import Period
from handlers import directives, importing, progress, reports
from handlers.chair_ended import chair_ended_now
from handlers.common import Actor, reply, resolve_actor, send_notices, services, transaction
from handlers.task_actions import Refused, add_progress


async def on_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    if msg is None or msg.reply_to_message is None or not msg.text:
        return
    async with transaction(context) as session:
        pending = await _question_answered(session, msg, context.bot.id)
    if pending is _UNCLEAR:
        await reply(update, T.PROMPT_REPLY_UNCLEAR)
        return
    if pending is None:
        # Not an answer to a question: perhaps an edit of an import preview, or a part of a long
        # conclusion being gathered in a private chat; else an ordinary conversation reply.
        await importing.on_unclaimed_reply(update, context)
        return
    await _answer_question(update, context, lambda session: _question_answered(session, msg, context.bot.id))


async def _answer_question(
    update: Update, context: ContextTypes.DEFAULT_TYPE, find: Callable[[AsyncSession], Awaitable[PendingInput | None]]
) -> None:
    """`update`'s text as the answer to the question `find` finds again in the answering transaction."""
    msg = update.effective_message
    assert msg is not None
    text: str | None = None
    draft: PendingInput | None = None
    report: tuple[int, Period] | None = None
    async with transaction(context) as session:
        pending = await find(session)
        if pending is None or pending is _UNCLEAR:
            return  # answered meanwhile
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        if pending.person_id != actor.person.id:
            text = T.PROMPT_NOT_YOURS
        else:
            try:
                if pending.kind == "report_heading" and actor.committee is not None:
                    # /baocao asked who issues the report; the report follows the answer.
                    text, period = await reports.on_heading_answer(actor, pending, (msg.text or "").strip())
                    report = (actor.committee.id, period)
                else:
                    text, draft = await _answer(session, actor, pending, msg)
                await session.delete(pending)
            except Refused as refusal:
                text = str(refusal)
                if await chair_ended_now(session, actor, refusal):  # (chat17) as a command's refusal says it
                    text += "\n" + T.CHAIR_ENDED_HINT
    if text and importing.edits_in_place(update, context, draft):  # (qa18) a corrected item: edited up there
        text = text.replace(T.QA18_PREVIEW_BELOW, T.QA18_PREVIEW_EDITED_ABOVE)
    if text:
        await reply(update, text)
    if draft is not None:
        await importing.send_preview(update, context, draft)
    await send_notices(context, session)  # what the answer decided for others (db/outbox.py)
    if report is not None:
        await reports.send_report(update, context, *report)


# qa9: in the private chat the answer to the bot's question typed without «Trả lời» (the app's reply
# dismissed, the chat left and opened again) was met with silence. There the bot is the only one to talk
# to: a text right after a question (ANSWER_WITHOUT_REPLY) answers the person's latest question; later,
# the bot says how to answer instead of keeping silent.
ANSWER_WITHOUT_REPLY = timedelta(hours=1)
NOT_ANSWERS = ("import_draft", "import_gather")  # a preview and a gathering are not questions


async def on_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A text (not a reply) in a private chat with no gathering open: True when it answered, or was told
    how to answer, a question the bot is waiting for from this person in this chat."""
    msg = update.effective_message
    user = update.effective_user
    if msg is None or user is None or not msg.text:
        return False
    now = services(context).clock.now()

    async def latest(session: AsyncSession) -> PendingInput | None:
        person = await session.scalar(select(Person).where(Person.tg_user_id == user.id))
        if person is None:
            return None
        return await session.scalar(
            select(PendingInput)
            .where(
                PendingInput.chat_id == msg.chat.id,
                PendingInput.person_id == person.id,
                # A question not known as sent yet (its key still negative) counts: Telegram may have
                # delivered it (handlers.common.ask_by_reply); drafts and gatherings are left out by kind.
                PendingInput.kind.not_in(NOT_ANSWERS),
            )
            .order_by(PendingInput.created_at.desc(), PendingInput.id.desc())
            .limit(1)
        )

    async with transaction(context) as session:
        question = await latest(session)
        if question is None:
            return False
        fresh = now - as_utc(question.created_at) <= ANSWER_WITHOUT_REPLY
        asked = T.shorten(str(question.data.get(PROMPT_TEXT) or ""), 120)
    if not fresh:
        await reply(update, T.ANSWER_BY_REPLY.format(asked=T.esc(asked)) if asked else T.ANSWER_BY_REPLY_PLAIN)
        return True
    question_id = question.id

    async def same(session: AsyncSession) -> PendingInput | None:
        return await session.get(PendingInput, question_id)

    await _answer_question(update, context, same)
    return True


_UNCLEAR = PendingInput()  # a reply that may answer several questions stored but not yet sent


async def _question_answered(session: AsyncSession, msg: Message, bot_id: int) -> PendingInput | None:
    """The question `msg` replies to: by the question's message id or, when the bot has not heard back
    from Telegram yet (a question asked from a command running as its own task is stored before it is
    sent, handlers.common.ask_before_sending) or the message is a copy a retried send delivered, by its
    text. _UNCLEAR when that text fits several questions waiting."""
    replied = msg.reply_to_message
    assert replied is not None
    found = await pending_for_reply(session, msg.chat.id, replied.message_id)
    if found is not None:
        return found
    if replied.from_user is None or replied.from_user.id != bot_id:
        return None
    same = await asked_with_text(session, msg.chat.id, replied.text or "")
    if len(same) > 1:
        return _UNCLEAR
    return same[0] if same else None


async def _answer(
    session: AsyncSession, actor: Actor, pending: PendingInput, msg: Message
) -> tuple[str | None, PendingInput | None]:
    answer_text = (msg.text or "").strip()
    if pending.kind == "due":
        return await directives.on_due_reply(session, actor, pending, answer_text), None
    if pending.kind == "reassign":
        return await directives.on_reassign_reply(session, actor, pending, msg), None
    if pending.kind == "import_text":
        return None, await importing.on_text_answer(session, actor, pending, msg)
    if pending.kind == "import_fix":
        draft = await importing.on_fix_answer(session, actor, pending, answer_text)
        return T.IMPORT_FIXED.format(k=pending.data["k"]), draft
    task = await db_tasks.task_by_id(session, pending.task_id or 0)
    if task is None:
        raise Refused(T.BUTTON_STALE)
    if pending.kind == "progress":
        return await add_progress(session, actor, task, answer_text), None
    if pending.kind == "blocked":
        return await add_progress(session, actor, task, answer_text, kind="blocked"), None
    if pending.kind == "extension":
        return await progress.extend(session, actor, task, answer_text), None
    if pending.kind in progress.CHAIR_ANSWERS:
        return await progress.CHAIR_ANSWERS[pending.kind](session, actor, task, pending, msg), None
    raise Refused(T.BUTTON_STALE)
