"""/start, /huongdan, /help."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot import texts as T
from handlers.board import board_button
from handlers.common import reply, resolve_actor, services, transaction


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async with transaction(context) as session:
        # In a private chat this records that the person opened a chat: reminders can come here.
        actor = await resolve_actor(update, context, session)
    user = update.effective_user
    text = T.qa12_help(user.username if user is not None else None)
    if actor is not None and not actor.in_group:
        url = services(context).settings.webapp_url
        if context.args == ["board"] and url and update.effective_message is not None:
            # The group's link to the board when no Mini App short name is set: the button is here.
            await update.effective_message.reply_text(
                T.BOARD_PRIVATE, parse_mode=ParseMode.HTML, reply_markup=board_button(url)
            )
            return
        text = T.START_PRIVATE.format(name=T.esc(actor.person.full_name)) + text
    await reply(update, text)


async def huongdan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async with transaction(context) as session:
        await resolve_actor(update, context, session)
    user = update.effective_user
    await reply(update, T.qa12_help(user.username if user is not None else None))
