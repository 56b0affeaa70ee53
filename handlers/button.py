"""The frame a button press runs in, written once (as handlers/command.py does for commands): one
transaction, who is pressing, the body's checks and changes — or its refusal, shown as an alert on the
button — then, once committed, the short answer on the button and the pressed message drawn again.

A refusal is caught inside the transaction, as for commands: what was registered before it (the group as
a committee, the presser as a person) is committed all the same.

The body may also ask a question by reply (handlers.common.ask_by_reply) within the transaction: the
question is stored with what the press changed, and sent once that is committed (so that a reply reaching
another instance first finds it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import CallbackQuery, Update
from telegram.ext import ContextTypes

from handlers.chair_ended import alert_text
from handlers.common import Actor, Buttons, answer, edit, plain, resolve_actor, send_notices, transaction
from handlers.task_actions import Refused


@dataclass(frozen=True)
class Pressed:
    """What a press answers: `toast`, a short text on the button (markup taken off; None only stops its
    spinner); `card`, the pressed message drawn again with its buttons (None: left as it is)."""

    toast: str | None = None
    card: tuple[str, Buttons | None] | None = None


# What a button does, given the transaction, the presser and the press (its data, the pressed message).
ButtonBody = Callable[[AsyncSession, Actor, CallbackQuery], Awaitable[Pressed]]


async def run_button(
    update: Update, context: ContextTypes.DEFAULT_TYPE, body: ButtonBody, *, plain_refusal: bool = False,
    notices: bool = False,
) -> None:
    """`body` on the press; its refusal is the answer, as an alert. `plain_refusal`: the refusal's
    markup is taken off too (as the toast's always is). `notices`: the body may store notices to
    others (db.outbox), sent once the answer is out."""
    query = update.callback_query
    assert query is not None and query.data is not None
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            pressed = await body(session, actor, query)
        except Refused as refusal:
            said = plain(str(refusal)) if plain_refusal else str(refusal)
            await answer(query, await alert_text(session, actor, refusal, said), alert=True)
            return
    await answer(query, plain(pressed.toast) if pressed.toast else None)
    if pressed.card is not None:
        await edit(query, *pressed.card)
    if notices:
        await send_notices(context, session)
