"""/vaitro: list roles; the chair grants secretary (thuky) or chair (truongban), or removes (bo)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from db import committees as db_committees
from db.models import Person
from domain.permissions import Action, Role
from domain.understand.textnorm import fold
from handlers import named_people
from handlers.command import run_command
from handlers.common import (
    Actor,
    display_name,
    mentioned_person,
    mentions_in,
    reconcile_admin_chairs,
)
from handlers.task_actions import Refused, in_group, require_role

_ROLE_WORDS = {"thuky": Role.SECRETARY, "thu ky": Role.SECRETARY, "secretary": Role.SECRETARY,
               "truongban": Role.CHAIR, "truong ban": Role.CHAIR, "chair": Role.CHAIR,
               "bo": None, "remove": None, "xoa": None}


async def vaitro(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async def body(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
        if actor.committee is not None and not args:
            # The list shows the chairs as Telegram has them now, not as they were.
            admins = await reconcile_admin_chairs(context, session, actor.committee)
            return await _list(session, actor, admins or set())
        return await _vaitro(session, actor, msg, args, offset)

    await run_command(update, context, body)


async def _vaitro(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
    committee = in_group(actor)
    if not args:
        return await _list(session, actor)
    require_role(actor, Action.MANAGE, T.ACT_ROLES)
    mentions = [m for m in mentions_in(msg) if m.start >= offset]
    if mentions:
        m = mentions[-1]
        role_word = (msg.text or "")[m.end :].strip()
        person = await mentioned_person(session, m)
    elif msg.reply_to_message is not None and msg.reply_to_message.from_user is not None:
        u = msg.reply_to_message.from_user
        person = await db_committees.ensure_person(session, u.id, u.username, display_name(u))
        role_word = args
    else:
        # «/vaitro chị Mai thư ký»: a person of the group by name (qa12, handlers.named_people)
        named = await named_people.named_member(
            session, msg.get_bot(), committee.chat_id, args, present=actor.present_lookup
        )
        if named is None:
            raise Refused(T.ROLE_NEED_PERSON)
        person, role_word = named[1], args[named[0].end :].strip()
    key = " ".join(fold(role_word).split())
    if key not in _ROLE_WORDS:
        raise Refused(T.ROLES_USAGE)
    role = _ROLE_WORDS[key]
    await db_committees.set_role(session, committee.id, person.id, role, actor.person.id, actor.now)
    if role is None:
        return T.ROLE_REMOVED.format(who=T.esc(person.full_name))
    name = T.ROLE_CHAIR if role is Role.CHAIR else T.ROLE_SECRETARY
    return T.ROLE_SET.format(who=T.esc(person.full_name), role=name)


async def _list(session: AsyncSession, actor: Actor, admins: set[int] | None = None) -> str:
    """`admins`: the group's administrators' Telegram ids. A secretary made an administrator in Telegram acts
    as chair (approves, cancels, changes settings: handlers.common.committee_role) and keeps the secretary role
    for when that ends; listed «Thư ký», the chair could not see who may approve (qa17)."""
    assert actor.committee is not None
    rows = await db_committees.roles_in(session, actor.committee.id)
    if not rows:
        return T.ROLES_EMPTY + "\n\n" + T.ROLES_USAGE

    def acting_chair(person: Person, role: Role) -> bool:
        return role == Role.SECRETARY and person.tg_user_id is not None and person.tg_user_id in (admins or set())

    lines = [T.ROLES_HEADER]
    for person, role in sorted(rows, key=lambda pr: (pr[1] != Role.CHAIR and not acting_chair(*pr), pr[0].full_name)):
        name = T.ROLE_CHAIR if role == Role.CHAIR else T.ROLE_SECRETARY
        if acting_chair(person, role):
            name = T.QA17_ROLE_SECRETARY_ADMIN
        lines.append(f"• {T.esc(person.full_name)} — {name}")
    if all(role != Role.CHAIR and not acting_chair(person, role) for person, role in rows):
        lines.append(T.ROLES_NO_CHAIR)  # qa10: the list said nothing of it, and «truongban» was refused
    lines += ["", T.ROLES_USAGE]
    return "\n".join(lines)
