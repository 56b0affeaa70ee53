"""/start, /huongdan, /help."""

from __future__ import annotations

import re

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot import texts as T
from db import committees as db_committees
from domain.understand.textnorm import fold
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
        if update.effective_chat is not None and update.effective_chat.type == "private":
            async with transaction(context) as session:
                alone = not await db_committees.committees_of_person(session, actor.person.id)
            if alone and context.bot.username:
                # (qa12) No committee yet: how the bot gets into the committee's group.
                text += T.QA12_START_NO_GROUP.format(bot=context.bot.username)
    await reply(update, text)


async def huongdan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async with transaction(context) as session:
        await resolve_actor(update, context, session)
    one = one_command_help(context.args or [])
    if one is not None:
        await reply(update, one)
        return
    user = update.effective_user
    await reply(update, T.qa12_help(user.username if user is not None else None))


def one_command_help(args: list[str]) -> str | None:
    """(qa12) «/huongdan giao», «/help /xong», «/huongdan gia hạn»: that command's use (its usage text, else its
    lines of the guide); None for anything that names no command (the whole guide)."""
    from handlers.registry import COMMANDS, SLOW_COMMANDS  # the registry imports this module

    word = fold(" ".join(args)).replace(" ", "").lstrip("/").partition("@")[0]
    name = next((names[0] for names in (*COMMANDS, *SLOW_COMMANDS) if word in names), None)
    if not word or name is None:
        return None
    text = T.QA12_COMMAND_HELP.get(name)
    if text is None:
        parts = [p.strip() for line in T.HELP.splitlines() for p in line.split(" · ")]
        lines = [p for p in parts if re.match(rf"/{name}\b", p)]
        if not lines and name in T.COMMAND_DESCRIPTIONS:
            lines = [f"/{name} — {T.esc(T.COMMAND_DESCRIPTIONS[name])}"]
        if not lines:
            return None
        text = "\n".join(lines)
    return text + T.QA12_COMMAND_HELP_TAIL
