"""/vaitro: list roles; the chair grants secretary (thuky) or chair (truongban), or removes (bo)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from db import committees as db_committees
from domain.permissions import Action, Role, allowed
from domain.understand.textnorm import fold
from handlers.common import (
    Actor,
    command_args,
    display_name,
    mentions_in,
    reconcile_admin_chairs,
    reply,
    resolve_actor,
    transaction,
)
from handlers.task_actions import Refused

_ROLE_WORDS = {"thuky": Role.SECRETARY, "thu ky": Role.SECRETARY, "secretary": Role.SECRETARY,
               "truongban": Role.CHAIR, "truong ban": Role.CHAIR, "chair": Role.CHAIR,
               "bo": None, "remove": None, "xoa": None}


async def vaitro(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    assert msg is not None
    args, offset = command_args(msg)
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        if actor.committee is not None and not args:
            # The list shows the chairs as Telegram has them now, not as they were.
            await reconcile_admin_chairs(context, session, actor.committee)
        try:
            text = await _vaitro(session, actor, msg, args, offset)
        except Refused as refusal:
            text = str(refusal)
    await reply(update, text)


async def _vaitro(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
    if actor.committee is None:
        raise Refused(T.GROUP_ONLY)
    if not args:
        return await _list(session, actor)
    if not allowed(Action.MANAGE, actor.role):
        raise Refused(T.NOT_CHAIR.format(action=T.ACT_ROLES))
    mentions = [m for m in mentions_in(msg) if m.start >= offset]
    if mentions:
        m = mentions[-1]
        role_word = (msg.text or "")[m.end :].strip()
        if m.user is not None:
            person = await db_committees.ensure_person(session, m.user.id, m.user.username, display_name(m.user))
        else:
            found = await db_committees.person_by_username(session, m.username or "", create=True)
            assert found is not None
            person = found
    elif msg.reply_to_message is not None and msg.reply_to_message.from_user is not None:
        u = msg.reply_to_message.from_user
        person = await db_committees.ensure_person(session, u.id, u.username, display_name(u))
        role_word = args
    else:
        raise Refused(T.ROLE_NEED_PERSON)
    key = " ".join(fold(role_word).split())
    if key not in _ROLE_WORDS:
        raise Refused(T.ROLES_USAGE)
    role = _ROLE_WORDS[key]
    await db_committees.set_role(session, actor.committee.id, person.id, role, actor.person.id, actor.now)
    if role is None:
        return T.ROLE_REMOVED.format(who=T.esc(person.full_name))
    name = T.ROLE_CHAIR if role is Role.CHAIR else T.ROLE_SECRETARY
    return T.ROLE_SET.format(who=T.esc(person.full_name), role=name)


async def _list(session: AsyncSession, actor: Actor) -> str:
    assert actor.committee is not None
    rows = await db_committees.roles_in(session, actor.committee.id)
    if not rows:
        return T.ROLES_EMPTY + "\n\n" + T.ROLES_USAGE
    lines = [T.ROLES_HEADER]
    for person, role in sorted(rows, key=lambda pr: (pr[1] != Role.CHAIR, pr[0].full_name)):
        name = T.ROLE_CHAIR if role == Role.CHAIR else T.ROLE_SECRETARY
        lines.append(f"• {T.esc(person.full_name)} — {name}")
    lines += ["", T.ROLES_USAGE]
    return "\n".join(lines)
