"""The group's people and the bot's own membership.

The bot in a group: added (a committee is born or resumes), removed or the group deleted (the
committee pauses: no reminder or summary goes out until the bot is back), the group upgraded to a
supergroup (the committee follows the new id), title changes.

People in a group (chat_member updates, which Telegram sends only to an admin bot that asked for
them, and the "left_chat_member" message every bot gets): an administrator demoted loses the chair
role at once; someone who leaves loses their role and unit contacts, stops being reminded, and the
chair is told which open tasks lost their assignee. Someone (re)joining is a member; the open tasks
they lost by leaving and nobody was given since are theirs again (their role and units are not).

A user blocking or unblocking the bot in their private chat (my_chat_member there): reminders go to
the group while the bot is blocked, privately again once unblocked.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import ChatMember, ChatMemberUpdated, MaybeInaccessibleMessage, Update, User
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import texts as T
from bot.member_status import Standing, standing_of
from db import committees as db_committees
from db import membership as db_membership
from db.departures import StillToGiveBack, take_departure
from db.membership import Departure
from db.models import Person
from db.outbox import NOTICES_STORED, as_utc, enqueue_notice, replan_committee
from db.tasks import lead_label
from domain.permissions import Action, Role
from handlers.chair_ended import alert_text
from handlers.common import (
    Buttons,
    admin_chair_ended,
    answer,
    ask_by_reply,
    display_name,
    ensure_a_chair,
    forget_admin_status,
    is_group,
    keyboard,
    remember_admin_status,
    remember_member_status,
    resolve_actor,
    send_notices,
    services,
    transaction,
    user_link,
)
from handlers.task_actions import Refused, require, require_open, task_for_button
from jobs.membership_check import queue_membership_check, schedule_membership_check
from jobs.scheduling import runtime_of

log = logging.getLogger(__name__)

_IN = (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)
_ADMIN = (ChatMember.ADMINISTRATOR, ChatMember.OWNER)
_NOTICE_TASKS_MAX = 20  # tasks listed (each with its button) in a departure notice


def _present(member: ChatMember) -> bool:
    """In the group: member, admin, creator, or restricted but still a member."""
    if member.status == ChatMember.RESTRICTED:
        return bool(getattr(member, "is_member", False))
    return member.status in _IN


# ------------------------------------------------------------------------------------ the bot itself
async def on_my_chat_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    change = update.my_chat_member
    if change is None:
        return
    if change.chat.type == change.chat.PRIVATE:
        await _private_status(context, change)
        return
    if not is_group(change.chat):
        return
    # (sec17) Whether the bot hears departures here from now on (an admin gets chat_member updates): the
    # reminder dispatcher believes «in the group» longer where it does (jobs.presence).
    services(context).members.bot_heard(change.chat.id, standing_of(change.new_chat_member),
                                        services(context).clock.now())
    member_now = _present(change.new_chat_member)
    was_member = _present(change.old_chat_member)
    resumed = False
    moved_here = False
    new_id: int | None = None
    welcome_id: int | None = None
    svc = services(context)
    # (qa12) The welcome names the group's Trưởng ban: asked before the transaction (an API call).
    welcome = (await welcome_text(context, change.chat.id, change.chat.title or "")
               if member_now and not was_member else "")
    async with transaction(context) as session:
        if member_now:
            before = await db_committees.committee_by_chat(session, change.chat.id)
            # (gaps2) A group upgraded to a supergroup: the migration message came first and moved the
            # committee, active, to this id; Telegram's «the bot joined» for the supergroup is no add.
            moved_here = before is not None and before.active and not was_member
            committee = await db_committees.ensure_committee(
                session, change.chat.id, change.chat.title or "", svc.clock.now(), svc.settings.tz_name
            )
            new_id = committee.id if before is None else None
            resumed = not committee.active
            committee.active = True
            if (new_id is not None and not was_member and change.chat.type == change.chat.SUPERGROUP
                    and context.job_queue is not None):
                # (product10) The supergroup's welcome is stored with its committee, due a moment later
                # (WELCOME_WAIT): a restart meanwhile does not lose it (the dispatcher sends it), and an
                # upgrade's migration, which drops this fresh committee, drops the welcome with it.
                welcome_id = await store_welcome(session, committee.id, change.chat.id, change.chat.title or "",
                                                 svc.clock.now(), text=welcome)
            if resumed:
                log.info("committee %s (chat %s) resumed: the bot is back in the group", committee.id, change.chat.id)
                # Queued with the re-add (db.models.MembershipLookup): a restart does not lose them.
                await queue_membership_check(session, committee.id, svc.clock.now(), svc.instance_id)
        else:
            committee = await db_committees.committee_by_chat(session, change.chat.id)
            if committee is not None and committee.active:
                committee.active = False
                log.warning(
                    "committee %s (chat %s) paused: the bot is no longer in the group (%s); "
                    "its reminders and summaries stop until it is added back",
                    committee.id,
                    change.chat.id,
                    change.new_chat_member.status,
                )
    if member_now and not was_member and not moved_here:
        if welcome_id is not None and context.job_queue is not None:
            # Joining a supergroup may be an upgrade whose migration messages come next: welcome only
            # if the committee made for it is still there a moment later (migrate_chat drops it, and
            # its stored welcome with it). The job sends it on time; after a restart the dispatcher does.
            context.job_queue.run_once(send_welcome, WELCOME_WAIT, data=welcome_id, name=f"welcome:{change.chat.id}")
        else:
            await _welcome(context, change.chat.id, change.chat.title or "", text=welcome)
    if member_now and resumed:
        # Whoever left (or was demoted) while the bot was away was never announced: each person the
        # committee counts on is looked up, in a job (jobs/membership_check.py) — under API faults the
        # look-ups take long, and the update queue (everyone's commands) must not wait for them.
        schedule_membership_check(context.application, change.chat.id)


# How long a supergroup's welcome waits for migration messages (they follow within a second).
WELCOME_WAIT = 2.0


async def welcome_text(context: ContextTypes.DEFAULT_TYPE, chat_id: int, title: str) -> str:
    """(qa12) The welcome, naming who is Trưởng ban (the group's creator first, then its other human
    administrators) and what the bot reads: «Quản trị viên nhóm là Trưởng ban» alone left a chair who does not
    say «quản trị viên» unsure it meant her, and a Party committee asking whether the bot reads their talk."""
    try:
        admins = await context.bot.get_chat_administrators(chat_id)
    except TelegramError as exc:
        log.warning("getChatAdministrators failed for the welcome in %s: %s", chat_id, exc)
        admins = ()
    people = sorted((a for a in admins if not a.user.is_bot), key=lambda a: a.status != ChatMember.OWNER)
    chairs = ", ".join(T.esc(a.user.full_name) for a in people) or T.QA12_CHAIRS_UNKNOWN
    return T.QA12_BOT_ADDED.format(title=T.esc(title), chairs=chairs)


async def _welcome(context: ContextTypes.DEFAULT_TYPE, chat_id: int, title: str, *, text: str = "") -> None:
    try:
        await context.bot.send_message(chat_id, text or T.BOT_ADDED.format(title=T.esc(title)),
                                       parse_mode=ParseMode.HTML)
    except TelegramError as exc:
        log.warning("welcome message failed in %s: %s", chat_id, exc)


async def store_welcome(session: AsyncSession, committee_id: int, chat_id: int, title: str, now: datetime, *,
                        text: str = "") -> int:
    """The welcome of a supergroup the bot just joined, in the outbox (db.outbox), due WELCOME_WAIT from
    now; ON DELETE CASCADE removes it with the fresh committee when the chat turns out to be an upgrade."""
    notice = await enqueue_notice(session, committee_id, chat_id, text or T.BOT_ADDED.format(title=T.esc(title)), None,
                                  now=now, kind="welcome")
    notice.due_at = as_utc(now) + timedelta(seconds=WELCOME_WAIT)
    # Not sent with the update's other notices: it waits for the migration messages.
    session.info[NOTICES_STORED].remove(notice.id)
    return notice.id


async def send_welcome(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot joined a supergroup a moment ago and a committee was made for it: its stored welcome goes
    out, unless the group's own committee has moved there meanwhile (an upgrade: the same committee,
    welcomed long ago; the fresh committee and its welcome are gone)."""
    from jobs.notices import send_now

    assert context.job is not None
    notice_id = int(context.job.data)  # type: ignore[arg-type]
    svc = services(context)
    # Due WELCOME_WAIT after it was stored, by the bot's clock; this job runs that long after, by the wall's.
    due = svc.clock.now() + timedelta(seconds=WELCOME_WAIT)
    stats = await send_now(svc, context.bot, runtime_of(context.application), [notice_id], now=due)
    if not stats.notices_claimed:
        log.info("no welcome %s: a group upgraded to this supergroup, its committee moved here", notice_id)


async def apply_member_status(context: ContextTypes.DEFAULT_TYPE, chat_id: int, member: ChatMember) -> bool:
    """What Telegram says of a person now (a getChatMember answer), applied to what is stored: gone
    from the group → a departure (as if the bot had seen them leave); no longer an administrator → a
    chair role held as an admin ends. Grants nothing. Returns True when the person had left.
    Idempotent: a departure or a demotion already applied changes nothing the second time."""
    user = member.user
    if user.is_bot:
        return False
    admin = member.status in _ADMIN
    forget_admin_status(context, chat_id, user.id)  # the board too asks Telegram again (isolation s10)
    if not _present(member):
        await _left(context, chat_id, user)
        return True
    remember_member_status(context, chat_id, user.id, standing_of(member))
    if not admin:
        async with transaction(context) as session:
            committee = await db_committees.committee_by_chat(session, chat_id)
            person = await db_committees.person_by_tg_id(session, user.id)  # read only: nothing to rename
            if committee is None or person is None:
                return False
            row = await db_membership.role_row(session, committee.id, person.id)
            if row is not None and row.role == Role.CHAIR and row.granted_by is None:  # a chair as an admin
                await admin_chair_ended(context, session, committee, person)
    return False


async def _private_status(context: ContextTypes.DEFAULT_TYPE, change: ChatMemberUpdated) -> None:
    """The user blocked the bot (kicked) or unblocked it (member) in their private chat."""
    user = change.from_user
    blocked = change.new_chat_member.status == ChatMember.BANNED
    async with transaction(context) as session:
        person = await db_committees.ensure_person(session, user.id, user.username, display_name(user))
        person.blocked_bot = blocked
        if not blocked:
            person.private_chat = True
    log.info("person %s %s the bot", person.id, "blocked" if blocked else "unblocked")


# ------------------------------------------------------------------------------------ people
async def on_chat_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Someone's status in the group changed (the bot is an admin there and asked for these)."""
    change = update.chat_member
    if change is None or not is_group(change.chat):
        return
    user = change.new_chat_member.user
    if user.id == context.bot.id:
        return  # the bot's own status comes as my_chat_member
    forget_admin_status(context, change.chat.id, user.id)
    old, new = change.old_chat_member, change.new_chat_member
    if _present(old) and not _present(new):
        await _left(context, change.chat.id, user)
        return
    if new.status in _ADMIN and old.status not in _ADMIN:
        await _promoted(context, change.chat.id, user)
    elif old.status in _ADMIN and new.status not in _ADMIN:
        await _demoted(context, change.chat.id, user)
    elif _present(new) and not _present(old):
        await _joined(context, user, change.chat.id)


async def on_left_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The "X left the group" message: every bot gets it, admin or not."""
    msg = update.effective_message
    if msg is None or msg.left_chat_member is None or not is_group(msg.chat):
        return
    user = msg.left_chat_member
    if user.id == context.bot.id:
        return
    forget_admin_status(context, msg.chat.id, user.id)
    await _left(context, msg.chat.id, user)


async def on_joined_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """"X joined the group" (or was added): known as a member again, nothing more."""
    msg = update.effective_message
    if msg is None or not is_group(msg.chat):
        return
    for user in msg.new_chat_members or ():
        if not user.is_bot:
            forget_admin_status(context, msg.chat.id, user.id)
            await _joined(context, user, msg.chat.id)


async def _joined(context: ContextTypes.DEFAULT_TYPE, user: User, chat_id: int) -> None:
    """A member again; the open tasks they lost by leaving, if nobody was given them since, are
    theirs again (db.membership.member_returned), and the group is told which."""
    now = services(context).clock.now()
    async with transaction(context) as session:
        person = await db_committees.ensure_person(session, user.id, user.username, display_name(user))
        committee = await db_committees.committee_by_chat(session, chat_id)
        if committee is None:
            return
        # qa10: a committee left without a chair (its owner left a group with no administrator) has one
        # again when the owner comes back — Telegram gives the owner's rights back — or an admin joins.
        if await db_membership.chair_count(session, committee.id) == 0:
            chairs = await ensure_a_chair(context, session, committee)
            if chairs:
                await replan_committee(session, committee.id, now)
            if any(p.id == person.id for p in chairs):  # (not on a newcomer's arrival in a new committee)
                text = T.CHAIR_BACK.format(names=", ".join(user_link(p) for p in chairs))
                await enqueue_notice(session, committee.id, committee.chat_id, text, None, now=now, kind="chair_back")
        back = await db_membership.member_returned(session, committee.id, person.id, now)
        for task in back:
            db_membership.note_reassigned(session, task.task_id)  # their «🔁 Giao lại #N» buttons go
        still = await take_departure(session, committee.id, person.id)
        if back or still.anything:
            numbers = ", ".join(f"#{t.number}" for t in back)
            who = T.esc(person.full_name)
            if not back:
                text = T.MEMBER_BACK_PLAIN.format(who=who)
            elif still.anything:  # the lines below say what, by command: not the general «nếu có» sentence
                text = T.MEMBER_BACK_TASKS.format(who=who, count=len(back), numbers=numbers)
            else:
                text = T.MEMBER_BACK.format(who=who, count=len(back), numbers=numbers)
            text = "\n".join([text, *_still_to_give_back(person, still)])
            await enqueue_notice(session, committee.id, committee.chat_id, text, None, now=now, kind="member_back")
            log.info("committee %s: person %s came back; %d open tasks are theirs again", committee.id,
                     person.id, len(back))
    await send_notices(context, session)


def _still_to_give_back(person: Person, still: StillToGiveBack) -> list[str]:
    """qa15: the lines that tell the chair, by command, what leaving took and is not back by itself."""
    handle = f"@{person.username}" if person.username else T.MEMBER_BACK_NO_HANDLE
    lines = []
    if still.role:
        role, word = (T.ROLE_CHAIR, "truongban") if still.role == Role.CHAIR else (T.ROLE_SECRETARY, "thuky")
        lines.append(T.MEMBER_BACK_ROLE.format(role=role, command=T.esc(f"/vaitro {handle} {word}")))
    # At most five units and twenty task numbers each (qa13): a contact of many units with 255-character
    # names still gets one message within Telegram's 4,096 characters.
    for name, numbers in still.units[:_BACK_UNITS_SHOWN]:
        shown = ", ".join(f"#{n}" for n in numbers[:20]) + (" …" if len(numbers) > 20 else "")
        tasks = T.MEMBER_BACK_UNIT_TASKS.format(numbers=shown) if numbers else ""
        lines.append(T.MEMBER_BACK_UNIT.format(unit=T.esc(name), tasks=tasks,
                                               command=T.esc(f"/donvi gan {name} {handle}")))
    if len(still.units) > _BACK_UNITS_SHOWN:
        lines.append(T.MEMBER_BACK_MORE_UNITS.format(count=len(still.units) - _BACK_UNITS_SHOWN))
    return lines


_BACK_UNITS_SHOWN = 5


async def _promoted(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user: User) -> None:
    now = services(context).clock.now()
    async with transaction(context) as session:
        committee = await db_committees.committee_by_chat(session, chat_id)
        if committee is None:
            return
        person = await db_committees.ensure_person(session, user.id, user.username, display_name(user))
        remember_admin_status(context, chat_id, user.id, True)
        chairless = await db_membership.chair_count(session, committee.id) == 0
        stored = await db_committees.role_of(session, committee.id, person.id)  # the role until now
        if stored is None:  # a granted role stays
            await db_committees.set_role(session, committee.id, person.id, Role.CHAIR, None, now)
            await replan_committee(session, committee.id, now)
        text = None
        if chairless and await db_membership.chair_count(session, committee.id) > 0:
            # qa10: the committee had no chair (see _joined): the group is told it has one again.
            text = T.CHAIR_BACK.format(names=user_link(person))
        elif stored != Role.CHAIR:
            # qa18: a member (or the secretary) made an administrator now approves extensions and cancels
            # tasks: the committee is told who, once, when the role changes (a chair made admin: nothing).
            fmt = T.QA18_PROMOTED_SECRETARY if stored == Role.SECRETARY else T.QA18_PROMOTED_CHAIR
            text = fmt.format(name=user_link(person))
        if text is not None:
            await enqueue_notice(session, committee.id, committee.chat_id, text, None, now=now, kind="chair_back")
    log.info("chat %s: person %s became an admin, now a chair", chat_id, person.id)
    await send_notices(context, session)


async def _demoted(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user: User) -> None:
    now = services(context).clock.now()
    async with transaction(context) as session:
        committee = await db_committees.committee_by_chat(session, chat_id)
        if committee is None:
            return
        person = await db_committees.ensure_person(session, user.id, user.username, display_name(user))
        remember_member_status(context, chat_id, user.id, Standing.PRESENT)
        if not await admin_chair_ended(context, session, committee, person):
            return  # not a chair by being an admin (a granted role stays), or told already
        # qa21: the promotion of a new chair was said in the group (QA18_PROMOTED_CHAIR), the old chair's end
        # was not: units went on asking him for extensions and he learnt it only from a refusal. Said once,
        # with who the chairs are now (plain names: nobody is pinged for it).
        chairs = [p for p, r in await db_committees.roles_in(session, committee.id) if r == Role.CHAIR]
        names = ", ".join(T.esc(p.full_name or "@" + (p.username or "?")) for p in chairs)
        fmt = T.QA21_CHAIR_DEMOTED if chairs else T.QA21_CHAIR_DEMOTED_NONE
        text = fmt.format(name=T.esc(person.full_name or "@" + (person.username or "?")), chairs=names)
        await enqueue_notice(session, committee.id, committee.chat_id, text, None, now=now, kind="chair_ended")
    await send_notices(context, session)


async def _left(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user: User) -> None:
    now = services(context).clock.now()
    async with transaction(context) as session:
        committee = await db_committees.committee_by_chat(session, chat_id)
        if committee is None:
            return
        person = await db_committees.ensure_person(session, user.id, user.username, display_name(user))
        remember_member_status(context, chat_id, user.id, Standing.GONE)
        departure = await db_membership.member_left(session, committee.id, person.id, now)
        if not departure.anything:
            return  # nothing of theirs here (or told already: a second update about the same departure)
        log.info(
            "committee %s: person %s left the group; role %s dropped, %d units, %d open tasks lost their assignee",
            committee.id,
            person.id,
            departure.role,
            len(departure.units),
            len(departure.lost_tasks),
        )
        new_chairs: list[Person] = []
        if departure.role == Role.CHAIR:
            new_chairs = await ensure_a_chair(context, session, committee)
            await replan_committee(session, committee.id, now)
        chairs = [p for p, r in await db_committees.roles_in(session, committee.id) if r == Role.CHAIR]
        text, buttons = _departure_notice(person, departure, chairs, new_chairs)
        # Through the outbox: stored with the departure, so a failed send or a restart loses nothing.
        await enqueue_notice(session, committee.id, committee.chat_id, text, buttons, now=now, kind="departure")
    await send_notices(context, session)


def _unit_with_tasks(name: str, numbers: list[int]) -> str:
    """«Văn phòng (nhiệm vụ đang mở: #1, #2, #3)»: which tasks now have nobody to remind (qa15)."""
    if not numbers:
        return T.esc(name)
    shown = ", ".join(f"#{n}" for n in numbers[:30]) + (" …" if len(numbers) > 30 else "")
    return T.MEMBER_LEFT_UNIT_TASKS.format(unit=T.esc(name), numbers=shown)


def _departure_notice(
    person: Person, departure: Departure, chairs: list[Person], new_chairs: list[Person]
) -> tuple[str, Buttons | None]:
    lines = [T.MEMBER_LEFT.format(who=T.esc(person.full_name))]
    if departure.role:
        lines.append(
            T.MEMBER_LEFT_ROLE.format(role=T.ROLE_CHAIR if departure.role == Role.CHAIR else T.ROLE_SECRETARY)
        )
    if new_chairs:
        lines.append(T.NEW_CHAIRS.format(names=", ".join(user_link(p) for p in new_chairs)))
    elif departure.role == Role.CHAIR and not chairs:
        lines.append(T.NO_CHAIR_LEFT)  # qa10: no administrator to take over; said, with the way out
    if departure.units:
        lines.append(T.MEMBER_LEFT_UNITS.format(units=T.esc(", ".join(departure.units))))
    if departure.units_without_contact:
        names = departure.units_without_contact
        units = ", ".join(_unit_with_tasks(name, departure.unit_task_numbers.get(name, [])) for name in names)
        lines.append(T.MEMBER_LEFT_NO_CONTACT.format(units=units, example=T.esc(names[0])))
    buttons: Buttons | None = None
    if departure.lost_tasks:
        lines.append(T.MEMBER_LEFT_TASKS)
        shown = departure.lost_tasks[:_NOTICE_TASKS_MAX]  # one message; the rest by number
        for lost in shown:
            role = T.ASSIGNEE_ROLE_NAMES.get(lost.role, lost.role)
            short = T.esc(T.shorten(lost.text, 80))
            lines.append(T.MEMBER_LEFT_TASK_LINE.format(number=lost.number, text=short, role=role))
        if len(departure.lost_tasks) > len(shown):
            rest = departure.lost_tasks[len(shown):]
            numbers = ", ".join(f"#{t.number}" for t in rest[:60]) + (" …" if len(rest) > 60 else "")
            lines.append(T.MEMBER_LEFT_MORE.format(count=len(rest), numbers=numbers))
        who = ", ".join(user_link(p) for p in chairs) or T.MEMBER_LEFT_CHAIRS
        lines.append(T.MEMBER_LEFT_ASK.format(chairs=who, number=departure.lost_tasks[0].number))
        buttons = [[(T.BTN_REASSIGN_N.format(number=lost.number), f"reassign:{lost.task_id}")] for lost in shown]
    return "\n".join(lines), buttons


# ------------------------------------------------------------------------------------ reassign button
async def on_reassign_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """«🔁 Giao lại #N»: asks the presser (chair or secretary) for the new assignees by reply; the
    answer goes through the same reading as `/sua N giao …` (handlers.directives.reassign)."""
    query = update.callback_query
    assert query is not None and query.data is not None
    task_id = int(query.data.partition(":")[2])
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            if actor.committee is None or query.message is None:
                raise Refused(T.GROUP_ONLY)
            task = await task_for_button(session, actor, task_id)
            spent = task.status != "open" or await db_membership.reassigned_since_departure(session, task.id)
            require_open(task)
            if spent:
                raise Refused(T.REASSIGN_SPENT.format(number=task.number, lead=T.shorten(lead_label(task) or "?", 60)))
            await require(session, actor, task, Action.EDIT, T.ACT_REASSIGN)
        except Refused as refusal:
            await answer(query, await alert_text(session, actor, refusal), alert=True)
            if query.message is not None:
                await drop_spent_reassign_buttons(context, session, query.message.chat.id, query.message.message_id,
                                                  _buttons_of(query.message))
            return
        prompt = T.ASK_REASSIGN.format(number=task.number)
        await ask_by_reply(
            context.bot, session, actor, query.message.chat, query.from_user, prompt, "reassign", task_id=task.id
        )
    await answer(query)


def _buttons_of(message: MaybeInaccessibleMessage) -> list[list[str]]:
    """The departure notice's buttons as [label, data] (an inaccessible message has none to show)."""
    markup = getattr(message, "reply_markup", None)
    if markup is None:
        return []
    rows = markup.inline_keyboard
    return [[b.text, b.callback_data] for row in rows for b in row if isinstance(b.callback_data, str)]


async def drop_spent_reassign_buttons(
    context: ContextTypes.DEFAULT_TYPE, session: AsyncSession, chat_id: int, message_id: int,
    buttons: list[list[str]],
) -> None:
    """Takes off the departure notice the «🔁 Giao lại #N» buttons of tasks reassigned (or closed)
    since: nobody is offered an action that is already done. Telegram refusing the edit (the notice
    was deleted…) is logged; the button then still answers that the task was reassigned."""
    kept = await db_membership.kept_reassign_buttons(session, buttons)
    if len(kept) == len(buttons):
        return  # nothing spent: an edit to the same buttons would be refused
    try:
        markup = keyboard([[(label, data)] for label, data in kept])
        await context.bot.edit_message_reply_markup(chat_id, message_id, reply_markup=markup)
    except TelegramError as exc:
        log.warning("could not take spent reassign buttons off message %s in chat %s: %s", message_id, chat_id, exc)


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
