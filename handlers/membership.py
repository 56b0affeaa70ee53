"""The bot's own membership in groups: added (a committee is born or resumes), removed (reminders
pause), the group upgraded to a supergroup (the committee follows the new id), title changes."""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import texts as T
from db import committees as db_committees
from handlers.common import is_group, services, transaction

log = logging.getLogger(__name__)


async def on_my_chat_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    change = update.my_chat_member
    if change is None or not is_group(change.chat):
        return
    status = change.new_chat_member.status
    member_now = status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)
    was_member = change.old_chat_member.status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)
    svc = services(context)
    async with transaction(context) as session:
        if member_now:
            committee = await db_committees.ensure_committee(
                session, change.chat.id, change.chat.title or "", svc.clock.now(), svc.settings.tz_name
            )
            committee.active = True
        else:
            await db_committees.set_active(session, change.chat.id, False)
    if member_now and not was_member:
        try:
            await context.bot.send_message(
                change.chat.id, T.BOT_ADDED.format(title=T.esc(change.chat.title or "")), parse_mode=ParseMode.HTML
            )
        except TelegramError as exc:
            log.warning("welcome message failed in %s: %s", change.chat.id, exc)


async def on_migrate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    if msg is None:
        return
    async with transaction(context) as session:
        if msg.migrate_to_chat_id:
            await db_committees.migrate_chat(session, msg.chat.id, msg.migrate_to_chat_id)
        elif msg.migrate_from_chat_id:
            await db_committees.migrate_chat(session, msg.migrate_from_chat_id, msg.chat.id)


async def on_title(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    if msg is None or not msg.new_chat_title:
        return
    async with transaction(context) as session:
        committee = await db_committees.committee_by_chat(session, msg.chat.id)
        if committee is not None:
            committee.title = msg.new_chat_title
