"""/start, /huongdan, /help."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import texts as T
from handlers.common import reply, resolve_actor, transaction


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async with transaction(context) as session:
        # In a private chat this records that the person opened a chat: reminders can come here.
        actor = await resolve_actor(update, context, session)
    text = T.HELP
    if actor is not None and not actor.in_group:
        text = T.START_PRIVATE.format(name=T.esc(actor.person.full_name)) + T.HELP
    await reply(update, text)


async def huongdan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async with transaction(context) as session:
        await resolve_actor(update, context, session)
    await reply(update, T.HELP)
