"""/bang (/board): open the board (the Mini App); /lienket (/link): a district committee over its wards.

Where the board opens from (Telegram allows web-app buttons only in private chats):
- in the private chat with the bot: an inline web-app button (and the bot's menu button, set at start);
- in a group: a direct Mini App link `https://t.me/<bot>/<WEBAPP_NAME>?startapp=c<chat id>` that opens
  the board on that committee (without WEBAPP_NAME, a link to the private chat, which offers the button).
Without WEBAPP_URL the board is not offered and everything else works.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, WebAppInfo
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot import texts as T
from db import board as db_board
from db.models import Committee
from db.outbox import enqueue_notice
from domain.permissions import Action
from handlers.command import run_command
from handlers.common import Actor, reply, resolve_actor, services, transaction
from handlers.task_actions import Refused, in_group, require_role

log = logging.getLogger(__name__)


def board_url(context: ContextTypes.DEFAULT_TYPE) -> str | None:
    return services(context).settings.webapp_url


def board_button(url: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(T.BOARD_BUTTON, web_app=WebAppInfo(url))]])


def group_link(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> str:
    name = services(context).settings.webapp_name
    bot = context.bot.username
    if name:
        return f"https://t.me/{bot}/{name}?startapp=c{chat_id}"
    return f"https://t.me/{bot}?start=board"


async def bang(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat, msg = update.effective_chat, update.effective_message
    if chat is None or msg is None:
        return
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
    if actor is None:
        return
    url = board_url(context)
    if url is None:
        await reply(update, T.BOARD_NOT_CONFIGURED)
    elif actor.committee is None:
        await msg.reply_text(T.BOARD_PRIVATE, parse_mode=ParseMode.HTML, reply_markup=board_button(url))
    else:
        link = group_link(context, chat.id)
        await reply(update, T.BOARD_GROUP.format(title=T.esc(actor.committee.title), link=T.esc(link)))


async def lienket(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/lienket — the links; /lienket ma — a code (upper chair); /lienket <MÃ> — accept (lower chair);
    /lienket huy <số> — end a link (either chair)."""
    await run_command(update, context, _lienket, notices=True)  # the other committee is told (db/outbox.py)


async def _lienket(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
    words = (msg.text or "").split()[1:]
    committee = in_group(actor)
    upper = await db_board.upper_committee(session, committee.id)
    lower = await db_board.lower_committees(session, committee.id)
    if not words:
        return _list(upper, lower)
    require_role(actor, Action.MANAGE, T.LINK_ACTION)
    if words[0].lower() in ("ma", "mã", "code"):
        code = await db_board.new_link_code(session, committee.id, actor.person.id, actor.now)
        return T.LINK_CODE.format(code=code)
    if words[0].lower() in ("huy", "huỷ", "hủy", "unlink") and not (len(words) == 2 and words[1].isdigit()):
        raise Refused(T.LINK_UNLINK_USAGE)  # «/lienket huy» alone is not a link code
    if words[0].lower() in ("huy", "huỷ", "hủy", "unlink"):
        others = ([upper] if upper else []) + lower
        n = int(words[1])
        if not 1 <= n <= len(others):
            raise Refused(T.LINK_NOT_FOUND.format(n=n))
        other = others[n - 1]
        await db_board.unlink(session, committee.id, other.id)
        text = T.LINK_REMOVED.format(a=T.esc(committee.title), b=T.esc(other.title))
        await enqueue_notice(session, other.id, other.chat_id, text, now=actor.now, kind="link")
        return text
    if len(words) == 1:
        return await _accept_code(session, actor.person.id, committee, upper, words[0], actor.now)
    return T.LINK_USAGE


async def _accept_code(
    session: AsyncSession, person_id: int, committee: Committee, old_upper: Committee | None, code: str, now: datetime
) -> str:
    """`/lienket MÃ` in a lower committee's group. A use that is refused (the district's own group, a
    group above the district, a ward already under it) leaves the code valid for the right group; a
    ward moved from one district to another: the district it leaves is told."""
    row = await db_board.valid_link_code(session, code, now)
    if row is None:
        raise Refused(T.LINK_BAD_CODE.format(code=T.esc(code[:20])))
    new_upper = await session.get(Committee, row.upper_id)
    if new_upper is None:
        raise Refused(T.LINK_BAD_CODE.format(code=T.esc(code[:20])))
    if new_upper.id == committee.id:
        raise Refused(T.LINK_CODE_OWN_GROUP.format(code=row.code))
    if committee.id in await db_board.committees_above(session, new_upper.id):
        raise Refused(T.LINK_CODE_ABOVE.format(this=T.esc(committee.title), upper=T.esc(new_upper.title)))
    if old_upper is not None and old_upper.id == new_upper.id:
        raise Refused(T.LINK_ALREADY.format(lower=T.esc(committee.title), upper=T.esc(new_upper.title)))
    if not await db_board.spend_link_code(session, row.code):
        raise Refused(T.LINK_BAD_CODE.format(code=T.esc(code[:20])))  # another group used it a moment ago
    await db_board.link(session, new_upper.id, committee.id, person_id, now)
    text = T.LINK_DONE.format(lower=T.esc(committee.title), upper=T.esc(new_upper.title))
    told = T.LINK_DONE_UPPER.format(lower=T.esc(committee.title))
    await enqueue_notice(session, new_upper.id, new_upper.chat_id, told, now=now, kind="link")
    if old_upper is not None:
        left = T.LINK_MOVED_AWAY.format(lower=T.esc(committee.title), upper=T.esc(new_upper.title))
        await enqueue_notice(session, old_upper.id, old_upper.chat_id, left, now=now, kind="link")
        text += "\n" + T.LINK_MOVED_FROM.format(old=T.esc(old_upper.title))
    return text


def _list(upper: Committee | None, lower: list[Committee]) -> str:
    if upper is None and not lower:
        return T.LINK_NONE
    n = 0
    upper_text = ""
    if upper is not None:
        n += 1
        upper_text = T.LINK_UPPER_LINE.format(title=f"{n}. " + T.esc(upper.title))
    lower_text = ""
    if lower:
        lower_text = T.LINK_LOWER_TITLE
        for c in lower:
            n += 1
            lower_text += T.LINK_LOWER_LINE.format(n=n, title=T.esc(c.title))
    return T.LINK_LIST.format(upper=upper_text, lower=lower_text) + "\n" + T.LINK_USAGE
