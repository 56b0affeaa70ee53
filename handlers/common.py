"""What every handler needs: the services, one database transaction per update, who is acting and in
which committee, and a reply that never crashes the bot."""

from __future__ import annotations

import html
import logging
import re
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import (
    Bot,
    CallbackQuery,
    Chat,
    ChatMember,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
    User,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

from bot.member_status import MemberStatuses, Standing
from bot.services import Services, services_of
from bot.texts import ANONYMOUS_ADMIN_NAME, CUT_SHORT, DUE_YEAR_GUESSED, esc, fmt_day
from db import committees as db_committees
from db import membership as db_membership
from db import pending as db_pending
from db.chair_endings import note_chair_ended
from db.models import Committee, PendingInput, Person
from db.outbox import NOTICES_STORED, replan_committee, stored_notices
from domain.due_checks import year_guessed_far_ahead
from domain.permissions import Role, current_role
from domain.types import Deadline

log = logging.getLogger(__name__)

ANONYMOUS_ADMIN_ID = 1087968824  # Telegram's GroupAnonymousBot: an admin posting as the group

Buttons = Sequence[Sequence[tuple[str, str]]]


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return services_of(context.application)


@asynccontextmanager
async def transaction(context: ContextTypes.DEFAULT_TYPE) -> AsyncIterator[AsyncSession]:
    """One session and one transaction per update: all of it is saved, or none of it. The questions it
    asked (ask_by_reply) are sent once it is committed."""
    async with services(context).session_factory() as session:
        session.info[_QUESTIONS] = []
        async with session.begin():
            yield session
        await _send_questions(context, session)


async def send_notices(context: ContextTypes.DEFAULT_TYPE, session: AsyncSession) -> None:
    """Send, now, the notices the update's transaction stored (db.outbox.enqueue_notice) — call it
    after the handler's own answer, once the transaction is committed. What cannot go now stays in
    the outbox: the dispatcher retries it."""
    await send_stored_notices(context.application, session)


async def send_stored_notices(application: Application, session: AsyncSession) -> None:  # type: ignore[type-arg]
    """`send_notices` for code that has the Application and no update (the board's web server)."""
    await _trim_departure_notices(application, session)
    ids = stored_notices(session)
    if not ids:
        return
    session.info.pop(NOTICES_STORED, None)
    from jobs.notices import send_now
    from jobs.scheduling import runtime_of

    try:
        await send_now(services_of(application), application.bot, runtime_of(application), ids)
    except Exception:  # stored: the dispatcher's next tick delivers them
        log.warning("notices %s left to the dispatcher", ids, exc_info=True)


async def _trim_departure_notices(application: Application, session: AsyncSession) -> None:  # type: ignore[type-arg]
    """Tasks reassigned in the update's transaction (/sua giao, «🔁 Giao lại», the chair's «👤 Giao lại»,
    the board): their «🔁 Giao lại #N» buttons come off the departure notices in the group — nobody is
    offered an action already done. A refused edit is logged; the button then answers that it is spent."""
    spent = session.info.pop(db_membership.REASSIGNED_TASKS, None)
    if not spent:
        return
    try:
        async with services_of(application).session_factory() as s, s.begin():
            trims = await db_membership.departure_notices_to_trim(s, spent)
    except Exception:
        log.warning("departure notices of reassigned tasks %s not trimmed", sorted(spent), exc_info=True)
        return
    for t in trims:
        try:
            markup = keyboard([[(label, data)] for label, data in t.kept])
            await application.bot.edit_message_reply_markup(t.chat_id, t.message_id, reply_markup=markup)
        except TelegramError as exc:
            log.warning("spent reassign buttons not removed from message %s in chat %s: %s", t.message_id,
                        t.chat_id, exc)


@dataclass
class Actor:
    """Who sent the update, where, with which role, and the committee-local day."""

    person: Person
    committee: Committee | None  # None in a private chat
    role: Role
    now: datetime
    tz: ZoneInfo
    # The person's role in another committee (a reminder's button pressed in a private chat),
    # checked against Telegram like the role in the group: see committee_role.
    role_lookup: Callable[[AsyncSession, int], Awaitable[Role]] | None = None
    # Is this Telegram user in the actor's committee's group now (getChatMember, cached)? None: not asked or
    # Telegram could not say. A task given to an @name of nobody in the group is flagged (qa19, handlers.strangers).
    present_lookup: Callable[[int], Awaitable[bool | None]] | None = None
    # Is the actor in another committee's group now (a reminder's button, /xong typed privately)? None: not
    # asked or Telegram could not say (sec15: a task's assignee acts on it while in the group).
    presence_outside: Callable[[AsyncSession, int], Awaitable[bool | None]] | None = None

    async def present_in(self, session: AsyncSession, committee_id: int) -> bool | None:
        if self.committee is not None and self.committee.id == committee_id:
            return True
        if self.presence_outside is None:
            return None
        return await self.presence_outside(session, committee_id)

    async def role_in(self, session: AsyncSession, committee_id: int) -> Role:
        if self.committee is not None and self.committee.id == committee_id:
            return self.role
        if self.role_lookup is None:
            return Role.MEMBER
        return await self.role_lookup(session, committee_id)

    @property
    def today(self) -> date:
        return self.now.astimezone(self.tz).date()

    @property
    def in_group(self) -> bool:
        return self.committee is not None


def is_group(chat: Chat | None) -> bool:
    return chat is not None and chat.type in (Chat.GROUP, Chat.SUPERGROUP)


def display_name(user: User) -> str:
    return user.full_name or (("@" + user.username) if user.username else str(user.id))


def _members(context: ContextTypes.DEFAULT_TYPE) -> MemberStatuses:
    return services(context).members


def forget_admin_status(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> None:
    """Telegram told us this person's status changed (chat_member, joined, left): ask again next time,
    in the chat and on the board (one memory since sec16)."""
    _members(context).forget(chat_id, user_id)


def remember_member_status(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int, standing: Standing) -> None:
    """What Telegram told the bot itself of this person (promoted, demoted, left): trusted as an answer."""
    _members(context).remember(chat_id, user_id, standing, services(context).clock.now())


def remember_admin_status(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int, admin: bool) -> None:
    """An admin (True), or left out of Telegram's list of the group's admins (False: present or gone,
    bot.member_status.MemberStatuses.not_admin)."""
    now = services(context).clock.now()
    if admin:
        _members(context).remember(chat_id, user_id, Standing.ADMIN, now)
    else:
        _members(context).not_admin(chat_id, user_id, now)


async def member_standing(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> Standing | None:
    """Admin, present or gone, as Telegram says (getChatMember), remembered briefly (bot.member_status:
    one answer serves «is an admin?» and «is in the group?»). None when Telegram could not be asked."""
    return await _members(context).ask(context.bot, chat_id, user_id, services(context).clock.now())


async def telegram_admin(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> bool | None:
    """Creator/administrator of the group (member_standing). None when Telegram could not be asked (the
    caller then keeps what it knows)."""
    standing = await member_standing(context, chat_id, user_id)
    return None if standing is None else standing is Standing.ADMIN


async def ensure_a_chair(
    context: ContextTypes.DEFAULT_TYPE, session: AsyncSession, committee: Committee
) -> list[Person]:
    """A committee is never left without a chair: when no chair is recorded any more (the last one
    was demoted or left), the group's current administrators — its creator first — become the
    chairs (getChatAdministrators). Returns the people recorded (none when a chair remains)."""
    if await db_membership.chair_count(session, committee.id) > 0:
        return []
    try:
        admins = await context.bot.get_chat_administrators(committee.chat_id)
    except TelegramError as exc:
        log.warning("getChatAdministrators failed for chat %s: %s", committee.chat_id, exc)
        return []
    now = services(context).clock.now()
    recorded: list[Person] = []
    for member in sorted(admins, key=lambda m: m.status != ChatMember.OWNER):
        user = member.user
        if user.is_bot:
            continue
        person = await db_committees.ensure_person(session, user.id, user.username, display_name(user))
        await db_committees.set_role(session, committee.id, person.id, Role.CHAIR, None, now)
        remember_admin_status(context, committee.chat_id, user.id, True)
        recorded.append(person)
    if recorded:
        log.info("committee %s: no chair left; the group's admins are its chairs now (%d)", committee.id, len(recorded))
    return recorded


async def admin_chair_ended(
    context: ContextTypes.DEFAULT_TYPE, session: AsyncSession, committee: Committee, person: Person
) -> bool:
    """The person is no longer an admin of the group: the chair role they had as an admin ends now
    (a chair role granted with /vaitro stays); the committee keeps a chair; escalations re-planned."""
    if not await db_membership.drop_admin_chair(session, committee.id, person.id):
        return False
    log.info("committee %s: person %s is no longer a group admin, chair role dropped", committee.id, person.id)
    # (qa10) remembered for the refusal that follows (handlers.command.refusal_text): a chair demoted a
    # minute ago read only «Chỉ Trưởng ban mới được …», as if they had never been one. (product11) In the
    # database, not in memory: a restart between the demotion and the refusal lost it.
    await note_chair_ended(session, committee.id, person.id, services(context).clock.now())
    await ensure_a_chair(context, session, committee)
    await replan_committee(session, committee.id, services(context).clock.now())
    return True


async def reconcile_admin_chairs(
    context: ContextTypes.DEFAULT_TYPE, session: AsyncSession, committee: Committee
) -> set[int] | None:
    """Chairs recorded because they were admins, checked against the group's current admins in one
    call (getChatAdministrators): those no longer listed lose the role (/vaitro shows the truth even
    when the bot, not an admin itself, heard nothing of a demotion). Returns the admins' Telegram ids
    (None when Telegram could not be asked): /vaitro names a secretary who is an admin as acting chair."""
    try:
        admins = await context.bot.get_chat_administrators(committee.chat_id)
    except TelegramError as exc:
        log.warning("getChatAdministrators failed for chat %s: %s", committee.chat_id, exc)
        return None
    admin_ids = {m.user.id for m in admins}
    for person in await db_membership.admin_chairs(session, committee.id):
        if person.tg_user_id is not None and person.tg_user_id not in admin_ids:
            remember_admin_status(context, committee.chat_id, person.tg_user_id, False)
            await admin_chair_ended(context, session, committee, person)
    return admin_ids


async def committee_role(
    context: ContextTypes.DEFAULT_TYPE, session: AsyncSession, committee: Committee, person: Person
) -> Role:
    """The person's role in the committee now: what is stored, checked against the group's current
    administrators (domain.permissions.current_role). An admin is recorded as chair; a recorded
    admin-chair whom Telegram no longer lists as admin loses the role here and now."""
    row = await db_membership.role_row(session, committee.id, person.id)
    stored = Role(row.role) if row is not None else None
    granted = row is not None and row.granted_by is not None
    if stored == Role.CHAIR and granted:
        return Role.CHAIR  # granted by a chair: stays while the person is in the group
    admin = None
    if person.tg_user_id is not None:
        admin = await telegram_admin(context, committee.chat_id, person.tg_user_id)
    if admin is None:
        admin = stored == Role.CHAIR  # Telegram could not be asked: keep what is known
    role = current_role(stored, granted_by_chair=granted, telegram_admin=admin)
    if role == Role.CHAIR and stored is None:
        # Remember chairs so that escalations and /vaitro know them. (A secretary who is also an admin
        # keeps the secretary role the chair granted: it outlasts being an admin.)
        await db_committees.set_role(session, committee.id, person.id, Role.CHAIR, None, services(context).clock.now())
        await replan_committee(session, committee.id, services(context).clock.now())
    elif stored == Role.CHAIR and role != Role.CHAIR:
        await admin_chair_ended(context, session, committee, person)
    return role


async def telegram_present(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> bool | None:
    """In the group now (creator, admin, member, or restricted but a member): member_standing. None when
    Telegram could not be asked."""
    standing = await member_standing(context, chat_id, user_id)
    return None if standing is None else standing is not Standing.GONE


async def role_from_outside(
    context: ContextTypes.DEFAULT_TYPE, session: AsyncSession, committee: Committee, person: Person
) -> Role:
    """The person's role in a committee, asked from outside its group (a private chat, a reminder's
    button there, /nhap gathering there). A role holds while the person is in the group (README): in the
    group that goes without saying, outside it Telegram is asked — a role given by @username to someone
    who is not in the group (a mistyped name) let that stranger read the committee's tasks and import
    into it from a private chat (isolation, session 10). Telegram not answering: the stored role holds."""
    if person.tg_user_id is not None and await telegram_present(context, committee.chat_id, person.tg_user_id) is False:
        return Role.MEMBER
    return await committee_role(context, session, committee, person)


async def resolve_actor(
    update: Update, context: ContextTypes.DEFAULT_TYPE, session: AsyncSession
) -> Actor | None:
    """Registers the chat (as a committee) and the user (as a person) and works out the role."""
    svc = services(context)
    now = svc.clock.now()
    chat = update.effective_chat
    user = update.effective_user
    msg = update.effective_message
    if chat is None or user is None:
        return None
    anonymous_admin = msg is not None and msg.sender_chat is not None and msg.sender_chat.id == chat.id
    if anonymous_admin:
        person = await db_committees.ensure_person(session, ANONYMOUS_ADMIN_ID, None, ANONYMOUS_ADMIN_NAME)
    else:
        person = await db_committees.ensure_person(session, user.id, user.username, display_name(user))

    async def lookup(s: AsyncSession, committee_id: int) -> Role:
        other = await s.get(Committee, committee_id)
        if other is None:
            return Role.MEMBER
        return await role_from_outside(context, s, other, person)

    async def presence(s: AsyncSession, committee_id: int) -> bool | None:
        other = await s.get(Committee, committee_id)
        if other is None or person.tg_user_id is None:
            return None
        return await telegram_present(context, other.chat_id, person.tg_user_id)

    if not is_group(chat):
        if chat.type == Chat.PRIVATE and (not person.private_chat or person.blocked_bot):
            # Writing to the bot privately means it may write back (again, after an unblock).
            person.private_chat = True
            person.blocked_bot = False
        return Actor(person, None, Role.MEMBER, now, svc.settings.tz, lookup, presence_outside=presence)
    committee = await db_committees.ensure_committee(
        session, chat.id, chat.title or "", now, svc.settings.tz_name
    )
    if not committee.active:
        committee.active = True
    if anonymous_admin:
        role = Role.CHAIR  # only an administrator can post as the group
    else:
        role = await committee_role(context, session, committee, person)
    async def present(user_id: int) -> bool | None:
        return await telegram_present(context, chat.id, user_id)

    return Actor(person, committee, role, now, ZoneInfo(committee.tz_name), lookup, present, presence)


def keyboard(buttons: Buttons | None) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in buttons]
    )


async def reply(update: Update, text: str, buttons: Buttons | None = None) -> Message | None:
    """Answer in the chat the update came from (quoting the command when there is one).

    A Telegram error here (the command was deleted, the bot was removed...) is logged, never fatal.
    """
    msg = update.effective_message
    chat = update.effective_chat
    if chat is None:
        return None
    parse_mode: str | None = ParseMode.HTML
    if _too_long(text):
        # An answer that quotes what the person wrote can pass Telegram's 4096-character limit (and
        # would then be refused, leaving them without an answer): sent as plain text, cut short.
        text, parse_mode = fit_plain(text), None
    try:
        return await chat.send_message(
            text,
            parse_mode=parse_mode,
            reply_markup=keyboard(buttons),
            reply_parameters=ReplyParameters(msg.message_id, allow_sending_without_reply=True)
            if msg is not None and update.callback_query is None
            else None,
            disable_web_page_preview=True,
        )
    except TelegramError as exc:
        log.warning("reply failed in chat %s: %s", chat.id, exc)
        return None


async def reply_parts(update: Update, context: ContextTypes.DEFAULT_TYPE, parts: Sequence[str]) -> None:
    """A long answer already split at item boundaries: the first part quotes the command, the rest
    follow in order."""
    chat = update.effective_chat
    if not parts or chat is None:
        return
    await reply(update, parts[0])
    for part in parts[1:]:
        try:
            await context.bot.send_message(chat.id, part, parse_mode=ParseMode.HTML, disable_web_page_preview=True)
        except TelegramError as exc:
            log.warning("sending part of a long answer to chat %s failed: %s", chat.id, exc)
            return


MAX_MESSAGE_UTF16 = 4096


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _too_long(html_text: str) -> bool:
    # The limit counts the text after the HTML is parsed; the markup only makes this look longer, so
    # a message under the limit here is surely under it on Telegram.
    return _utf16_len(html_text) > MAX_MESSAGE_UTF16 and _utf16_len(_strip_html(html_text)) > MAX_MESSAGE_UTF16


def _strip_html(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


def fit_plain(html_text: str) -> str:
    """The text without markup, cut to fit one Telegram message, with a note that it was cut."""
    text = _strip_html(html_text)
    budget = MAX_MESSAGE_UTF16 - _utf16_len(CUT_SHORT) - 10
    while _utf16_len(text) > budget:
        text = text[: max(0, len(text) - max(1, (_utf16_len(text) - budget) // 2))]
    return text + CUT_SHORT


async def answer(query: CallbackQuery, text: str | None = None, alert: bool = False) -> None:
    try:
        await query.answer(text, show_alert=alert)
    except TelegramError as exc:
        log.warning("answerCallbackQuery failed: %s", exc)


def pressed_on_its_message(query: CallbackQuery) -> bool:
    """Whether the pressed data is one of the pressed message's own buttons. A modified client sends any
    data on any message of the bot it can see: «ds:1:a» pressed on the chair's extension request redrew
    it as a list, its «Duyệt / Từ chối» gone (isolation, session 10). A message Telegram no longer gives
    (inaccessible, too old) cannot be told apart: True."""
    message = query.message
    if not isinstance(message, Message):
        return True
    markup = message.reply_markup
    datas = {b.callback_data for row in markup.inline_keyboard for b in row} if markup is not None else set()
    return query.data in datas


async def edit(query: CallbackQuery, text: str, buttons: Buttons | None = None) -> bool:
    """Show `text` in place of the pressed message. When Telegram refuses the edit (the message is too
    old, was deleted, the chat is gone…) the outcome is sent as a new message instead, and the refusal
    is logged as an error — never swallowed. An edit to the same content is no failure.

    A message whose buttons do not carry the pressed data is left as it is (pressed_on_its_message): the
    press did what the presser may do, the toast says it, and someone else's message is not overwritten."""
    if not pressed_on_its_message(query):
        log.info("press %r not on message %s: not redrawn", query.data, getattr(query.message, "message_id", None))
        return False
    parse_mode: str | None = ParseMode.HTML
    if _too_long(text):
        text, parse_mode = fit_plain(text), None
    try:
        await query.edit_message_text(
            text, parse_mode=parse_mode, reply_markup=keyboard(buttons), disable_web_page_preview=True
        )
        return True
    except BadRequest as exc:
        if "message is not modified" in str(exc).lower():
            return True
        failure: TelegramError = exc
    except TelegramError as exc:
        failure = exc
    log.error("edit refused by Telegram: %s", failure)
    message = query.message
    if message is None:
        return False
    try:
        await query.get_bot().send_message(
            message.chat.id, text, parse_mode=parse_mode, reply_markup=keyboard(buttons),
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        )
    except TelegramError as exc:
        log.error("the outcome could not be sent either: %s", exc)
    return False


def utf16_index(text: str, offset: int) -> int:
    """Telegram entity offsets count UTF-16 code units; Python indexes code points."""
    return len(text.encode("utf-16-le")[: offset * 2].decode("utf-16-le", errors="ignore"))


def command_args(message: Message) -> tuple[str, int]:
    """The text after the command (without '/giao@Bot'), and where it starts in message.text."""
    text = message.text or message.caption or ""
    entities = message.entities or message.caption_entities or ()
    for ent in entities:
        if ent.type == MessageEntity.BOT_COMMAND and ent.offset == 0:
            start = utf16_index(text, ent.offset + ent.length)
            rest = text[start:]
            stripped = rest.lstrip()
            return stripped.rstrip(), start + (len(rest) - len(stripped))
    return text.strip(), 0


@dataclass(frozen=True)
class MentionedUser:
    start: int  # index in message text (code points)
    end: int
    username: str | None
    user: User | None  # text_mention: the user object itself (people without a username)
    label: str


def mentions_in(message: Message) -> list[MentionedUser]:
    text = message.text or message.caption or ""
    entities = message.entities or message.caption_entities or ()
    found = []
    for ent in entities:
        if ent.type not in (MessageEntity.MENTION, MessageEntity.TEXT_MENTION):
            continue
        start = utf16_index(text, ent.offset)
        end = utf16_index(text, ent.offset + ent.length)
        label = text[start:end]
        if ent.type == MessageEntity.MENTION:
            found.append(MentionedUser(start, end, label.lstrip("@"), None, label))
        elif ent.user is not None:
            found.append(MentionedUser(start, end, ent.user.username, ent.user, label))
    return found


async def mentioned_person(session: AsyncSession, mention: MentionedUser) -> Person:
    """The person a mention names: a text mention carries the user; an @username is looked up, and
    recorded when the bot has not seen that person yet (/giao, /donvi gan, /vaitro)."""
    if mention.user is not None:
        user = mention.user
        return await db_committees.ensure_person(session, user.id, user.username, display_name(user))
    found = await db_committees.person_by_username(session, mention.username or "", create=True)
    assert found is not None
    return found


def user_link(person: Person) -> str:
    """A mention that works for people without a username (tg://user?id=...)."""
    name = esc(person.full_name or ("@" + person.username if person.username else "?"))
    if person.tg_user_id:
        return f'<a href="tg://user?id={person.tg_user_id}">{name}</a>'
    return name


def addressed(chat: Chat, user: User, prompt: str) -> str:
    """A ForceReply prompt after a button press, addressed to the presser. With selective=True
    Telegram opens the reply box only for users @mentioned in the text (or the author of the message
    replied to): a prompt that names nobody opens it for nobody in a group. In a private chat there
    is nobody else to address."""
    if chat.type == Chat.PRIVATE:
        return prompt
    who = f"@{esc(user.username)}" if user.username else f'<a href="tg://user?id={user.id}">{esc(user.full_name)}</a>'
    return f"{who} {prompt}"


def visible_text(html_text: str) -> str:
    """What Telegram shows (and gives back as a message's text) for a text sent with parse_mode HTML."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


# Questions stored in an update's transaction, sent once it is committed (session.info; transaction()).
_QUESTIONS = "questions_to_send"


@dataclass(frozen=True)
class _Question:
    row: PendingInput
    bot: Bot
    text: str
    reply_to: int | None
    quiet: bool


def _unsent_key() -> int:
    """A question's key until its message id is known: negative (as drafts' and gatherings' minus a
    message id, db.pending) and below any message id, so that it meets none of theirs."""
    return -(1 << 40) - secrets.randbits(40)


async def ask_by_reply(
    bot: Bot,
    session: AsyncSession,
    actor: Actor,
    chat: Chat,
    user: User | None,
    prompt: str,
    kind: str,
    *,
    task_id: int | None = None,
    data: dict[str, Any] | None = None,
    reply_to: int | None = None,
    quiet: bool = False,
) -> None:
    """A question answered by a reply (ForceReply: in a group with privacy mode on, the only way the
    bot sees the answer), addressed to `user` (None: to nobody) and kept in the database (PendingInput,
    routed by `kind` in handlers.answers) so that a restart does not forget it.

    It is stored in the update's transaction and sent once that is committed (transaction()), then given
    its message id: a reply may reach another instance (several behind a load balancer,
    tests/replication/test_question_race.py) or, from a handler that runs as its own task, this one,
    before Telegram has answered the send; it then finds the question by its visible text
    (db.pending.PROMPT_TEXT, handlers.answers). A send Telegram refused (BadRequest, Forbidden) removes
    the question and is raised — or only logged when `quiet`; one that timed out keeps it (the question
    may have been delivered)."""
    assert _QUESTIONS in session.info, "ask_by_reply needs a session of handlers.common.transaction"
    await _store_question(
        session, bot, chat, user, prompt, kind, actor.person.id, actor.now,
        key=_unsent_key(), task_id=task_id, data=data, reply_to=reply_to, quiet=quiet,
    )


async def _store_question(
    session: AsyncSession, bot: Bot, chat: Chat, user: User | None, prompt: str, kind: str, person_id: int,
    now: datetime, *, key: int, task_id: int | None, data: dict[str, Any] | None, reply_to: int | None,
    quiet: bool,
) -> None:
    text = addressed(chat, user, prompt) if user is not None else prompt
    row = await db_pending.add_question(
        session, chat_id=chat.id, key=key, person_id=person_id, task_id=task_id, kind=kind, now=now, data=data,
        visible=visible_text(text),
    )
    session.info[_QUESTIONS].append(_Question(row, bot, text, reply_to, quiet))


async def _send_questions(context: ContextTypes.DEFAULT_TYPE, session: AsyncSession) -> None:
    """The questions a committed transaction stored: sent, and given their message ids."""
    questions: list[_Question] = session.info.pop(_QUESTIONS, [])
    factory = services(context).session_factory
    for q in questions:
        try:
            sent = await q.bot.send_message(
                q.row.chat_id,
                q.text,
                parse_mode=ParseMode.HTML,
                reply_markup=ForceReply(selective=True),
                reply_parameters=ReplyParameters(q.reply_to, allow_sending_without_reply=True) if q.reply_to else None,
            )
        except (BadRequest, Forbidden):  # not sent: nobody can answer it
            async with factory() as s, s.begin():
                await db_pending.drop_question(s, q.row.id)
            if not q.quiet:
                raise
            log.warning("question %s to chat %s not sent", q.row.kind, q.row.chat_id, exc_info=True)
            continue
        except TelegramError:  # perhaps sent (a timeout): the question stays, found by its text
            if not q.quiet:
                raise
            log.warning("question %s to chat %s perhaps not sent", q.row.kind, q.row.chat_id, exc_info=True)
            continue
        async with factory() as s, s.begin():
            await db_pending.question_sent(s, q.row.id, sent.message_id)


async def ask_before_sending(
    context: ContextTypes.DEFAULT_TYPE,
    person_id: int,
    now: datetime,
    chat: Chat,
    user: User,
    prompt: str,
    kind: str,
    *,
    asked_by: int,
    data: dict[str, Any] | None = None,
) -> None:
    """`ask_by_reply` outside an update's transaction, for a handler that runs as its own task
    (block=False) once its own transaction is over: keyed, until sent, by minus the asking message's id
    (`asked_by`), so that the same command delivered again (after a restart) asks once."""
    async with transaction(context) as session:
        await db_pending.drop_unsent_question(session, chat.id, -asked_by)
        await _store_question(
            session, context.bot, chat, user, prompt, kind, person_id, now,
            key=-asked_by, task_id=None, data=data, reply_to=asked_by, quiet=False,
        )


def plain(html_text: str) -> str:
    """Callback answers are plain text (200 characters at most)."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))[:190]


def year_guessed_note(deadline: Deadline, today: date, written: str | None = None) -> str | None:
    """The one warning for a day-month without a year read as next year's (/giao, /giahan, the chair's
    new deadline, a preview's «3 hạn 1/11»): the rule stands, the answer asks to check (domain.due_checks)."""
    if deadline.due is None or not year_guessed_far_ahead(deadline, today, written):
        return None
    return DUE_YEAR_GUESSED.format(due=fmt_day(deadline.due), year=deadline.due.year)
