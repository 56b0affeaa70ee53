"""The frame a command runs in, written once: one transaction, who is acting, the body's answer — or
its refusal, which is the answer too — then the reply, and the notices the body stored.

A refusal is caught inside the transaction on purpose: what was registered before it (the group as a
committee, the sender as a person, a chair Telegram lists as admin) is committed all the same.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from db import committees as db_committees
from db import membership as db_membership
from domain.permissions import Role
from handlers.chair_ended import chair_ended_now
from handlers.common import (
    Actor,
    Buttons,
    command_args,
    ensure_a_chair,
    reply,
    reply_parts,
    resolve_actor,
    send_notices,
    transaction,
)
from handlers.task_actions import ChairOnly, PickCommittee, Refused

# A text; a text with buttons under it; or a long answer already split into messages (reply_parts).
Answer = str | tuple[str, Buttons | None] | list[str]
# What a command does, given the transaction, the actor, the message, and the words after the command
# with where they start in the message (mentions are found by that offset).
CommandBody = Callable[[AsyncSession, Actor, Message, str, int], Awaitable[Answer]]
ActorBody = Callable[[AsyncSession, Actor], Awaitable[Answer]]

R = TypeVar("R")


async def run_command(
    update: Update, context: ContextTypes.DEFAULT_TYPE, body: CommandBody, *, notices: bool = False
) -> None:
    """`body` on the command's words; `notices`: the body may store notices to others (db.outbox),
    sent once the answer is out."""
    msg = update.effective_message
    assert msg is not None
    args, offset = command_args(msg)

    async def on_actor(session: AsyncSession, actor: Actor) -> Answer:
        return await body(session, actor, msg, args, offset)

    await run_as_actor(update, context, on_actor, notices=notices)


async def run_as_actor(
    update: Update, context: ContextTypes.DEFAULT_TYPE, body: ActorBody, *, notices: bool = False
) -> None:
    """As `run_command`, for a body that has its words already (a sub-command of /tonghop)."""
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            answered = await body(session, actor)
        except Refused as refusal:
            answered = await refusal_text(context, session, actor, refusal)
            if isinstance(refusal, PickCommittee):  # (qa18) which committee's #1: a button each
                answered = (answered, refusal.buttons)
    if isinstance(answered, list):
        await reply_parts(update, context, answered)
    elif isinstance(answered, tuple):
        await reply(update, *answered)
    else:
        await reply(update, answered)
    if notices:
        await send_notices(context, session)


async def load_as_actor(
    update: Update, context: ContextTypes.DEFAULT_TYPE, body: Callable[[AsyncSession, Actor], Awaitable[R]]
) -> R | None:
    """What `body` reads in one transaction, for a command whose answer is made after the session is
    closed (a file, a chart: no database connection held while it is drawn). None when there is
    nobody to act for, or the body was refused: the refusal has then been answered."""
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return None
        try:
            return await body(session, actor)
        except Refused as refusal:
            await reply(update, await refusal_text(context, session, actor, refusal))
            return None


async def refusal_text(
    context: ContextTypes.DEFAULT_TYPE, session: AsyncSession, actor: Actor, refusal: Refused
) -> str:
    """The refusal as said; when only a chair may do it and the committee has none (qa10: the group's
    creator, its one chair, left a group without administrators, and every «Chỉ Trưởng ban mới được …»
    was a dead end — /vaitro too), how the committee gets a chair again. The group's administrators are
    asked first (ensure_a_chair): they are the chairs when there are any."""
    text = str(refusal)
    committee = actor.committee
    if await chair_ended_now(session, actor, refusal):
        # (qa10) why a chair of a minute ago is refused: the group no longer lists them as admin (once);
        # (chat17) under any refusal of a right — «không phải người thực hiện» of /giahan, /xong too
        text += "\n" + T.CHAIR_ENDED_HINT
    if isinstance(refusal, ChairOnly) and committee is not None:
        await ensure_a_chair(context, session, committee)
        if await db_membership.chair_count(session, committee.id) == 0:
            text += "\n" + T.NO_CHAIR_HINT
        elif actor.role == Role.SECRETARY:
            # qa21: the district's secretary setting up the committee (/donvi them, /caidat) read only «Chỉ
            # Trưởng ban mới được …»: what a secretary does, and whom to ask for the rest, by name.
            chairs = [p for p, r in await db_committees.roles_in(session, committee.id) if r == Role.CHAIR]
            names = ", ".join(T.esc(p.full_name or "@" + (p.username or "?")) for p in chairs)
            text += "\n" + T.QA21_SECRETARY_ASK_CHAIR.format(chairs=names)
    return text

