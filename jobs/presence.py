"""A reminder goes to a person's private chat only while Telegram says they are in the committee's group
(sec15).

The hole: «/giao @binh_lee …» for the member «@binh_le» warns the chair (qa19, handlers.strangers), but a
chair who saves anyway left the stranger the task's reminders in his private chat — the committee's task
text, its deadline, its buttons — as soon as he had ever written /start to the bot. A departure the bot
hears already takes a person's tasks (handlers.membership); what it cannot hear is someone who was never
in the group. So, at send time, each private reminder's (group, person) is asked of Telegram:

- present (or an admin): the private chat, as before;
- gone (left, never joined, unknown to Telegram there): the reminder goes to the group with a mention,
  and the group is told once per task and person (a TaskEvent «assignee_not_in_group» is the memory, no
  new column) that the assignee is not a member, for the chair to give the task to the right person;
- Telegram could not say (a flood wait, a network fault): the rows wait and are decided again later —
  neither leaked to a possible stranger nor posted in the group for a member.

How long «in the group» is believed (sec17): a week (PRESENT_TRUST) only where the bot hears every
departure — it has been an administrator of the group since Telegram gave the answer, so it gets chat_member
updates (bot.member_status keeps the bot's own standing: my_chat_member, or one getChatMember about itself a
group a week). Elsewhere a departure can go unheard (the group hides «X left», the message was deleted before
the bot read it, the bot was down): UNHEARD_TRUST, 20 hours — each daily round asks once per person, and
someone who left unheard gets the group's reminder (sec16's footer) from the next round on, not a week of the
committee's task in private. No table: the memory is the process's; after a restart it is empty and every
(group, person) is asked in the first round anyway.

No getChatMember storm: one look-up per (group, person) a round however many tasks they have, one at a time,
through the bot's one member memory (bot.member_status, on Services) and paced in AIORateLimiter's overall
30/s with the sends (bot.reply_retry); a 429 stops the asking at once — the request is made outside
AIORateLimiter's own 429 retries (dispatcher_send), the pace pauses for every send, and the private reminders
not asked about wait. Only private sends are checked: a group reminder shows the group nothing new. Cost
(bench/fanout_bench.py --quick, loaded shared machine): a first round after a start, every recipient asked,
17.4 -> 13.9 messages/s in sec15; sec17's figures for a daily round (--memory member / admin) are in
bench/README.md.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from telegram import Bot
from telegram.error import RetryAfter

from bot import texts as T
from bot.member_status import Standing
from db.models import TaskEvent
from db.outbox import enqueue_notice
from jobs.delivery import retry_after_seconds

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.services import Services
    from jobs.ratelimit import SendLimiter

log = logging.getLogger(__name__)

EVENT = "assignee_not_in_group"
UNKNOWN_WAIT = timedelta(minutes=1)  # Telegram could not say: asked again after this
# How long «in the group» is taken as said for a private reminder. Where the bot hears every departure (an
# admin there since before the answer: chat_member updates, bot.member_status.BotStanding) a departure replaces
# it at once (handlers.membership), so it is believed a week: a member is asked about once a week, not every
# morning (each look-up is a request beside the messages sent). Elsewhere a departure may go unheard (the group
# hides «X left», the message was deleted before the bot read it, the bot was down): believed UNHEARD_TRUST,
# less than a day so that each daily round asks again (one look-up a person a day) and someone who left
# unheard stops getting the committee's task privately by the next round. «Not in the group» is trusted only
# the memory's minute: a stranger is asked about each round, a joiner is heard.
PRESENT_TRUST = timedelta(days=7)
UNHEARD_TRUST = timedelta(hours=20)


@dataclass
class Presence:
    gone: set[tuple[int, int]] = field(default_factory=set)  # (group chat, Telegram user)
    unknown: set[tuple[int, int]] = field(default_factory=set)
    wait: timedelta = UNKNOWN_WAIT  # how long the unknown ones wait


async def ask_presence(
    services: Services, bot: Bot, limiter: SendLimiter, pairs: Iterable[tuple[int, int]], now: datetime
) -> Presence:
    """Who of `pairs` (group chat, Telegram user) Telegram says is not in the group, and who it could not
    tell about. One at a time; a flood wait ends the asking."""
    out = Presence()
    members = services.members
    todo: list[tuple[int, int]] = []
    heard_since: dict[tuple[int, int], datetime] = {}  # present, believed a week if the bot heard since then
    for chat_id, user_id in dict.fromkeys(pairs):
        said = members.answered_at(chat_id, user_id)
        age = now - said[0] if said else None
        if said is None or age is None or age < timedelta(0) or said[1] is Standing.GONE or age >= PRESENT_TRUST:
            todo.append((chat_id, user_id))
        elif age >= UNHEARD_TRUST:
            heard_since[(chat_id, user_id)] = said[0]
    # Where the bot's own standing is not known: one look-up a group a week, BEFORE its people's, so that
    # their answers count as heard from the first round after a start on (an admin found counts from now).
    groups = list(dict.fromkeys(c for c, _u in [*heard_since, *todo] if members.bot_standing(c, now) is None))
    try:
        for chat_id in groups:
            await members.ask_bot(bot, chat_id, now)
    except RetryAfter as exc:
        _flood(out, limiter, exc, [*heard_since, *todo])
        return out
    for pair, said_at in heard_since.items():
        standing = members.bot_standing(pair[0], now)
        if standing is None or standing.admin_since is None or standing.admin_since > said_at:
            todo.append(pair)  # a departure since may have gone unheard: asked again
    for n, (chat_id, user_id) in enumerate(todo):
        try:
            standing = await members.ask(bot, chat_id, user_id, now, raise_flood=True)
        except RetryAfter as exc:
            _flood(out, limiter, exc, todo[n:])
            break
        if standing is Standing.GONE:
            out.gone.add((chat_id, user_id))
        elif standing is None:
            out.unknown.add((chat_id, user_id))
    return out


def _flood(out: Presence, limiter: SendLimiter, exc: RetryAfter, rest: list[tuple[int, int]]) -> None:
    """Telegram asks the whole bot to wait: the sends too, and the private reminders not asked about."""
    wait = retry_after_seconds(exc)
    limiter.pause(wait)
    out.unknown.update(rest)
    out.wait = max(UNKNOWN_WAIT, timedelta(seconds=wait))
    log.warning("getChatMember flood wait %.0fs: %d private reminders wait", wait, len(rest))


@dataclass(frozen=True)
class Absent:
    """A task's assignee whose reminder went to the group because Telegram says they are not in it."""

    committee_id: int
    chat_id: int
    task_id: int
    number: int
    person_id: int
    name: str  # as the group sees it (a mention)


async def tell_once(session: AsyncSession, absent: Iterable[Absent], now: datetime) -> list[int]:
    """The group is told, once per task and person, that the assignee is not a member; returns the notices
    stored. The TaskEvent is the memory (the task's history shows it too)."""
    fresh: dict[tuple[int, int], Absent] = {(a.task_id, a.person_id): a for a in absent}
    if not fresh:
        return []
    told = await session.execute(
        select(TaskEvent.task_id, TaskEvent.data).where(
            TaskEvent.kind == EVENT, TaskEvent.task_id.in_({t for t, _p in fresh})
        )
    )
    for task_id, data in told.all():
        fresh.pop((task_id, (data or {}).get("person_id")), None)
    per_group: dict[tuple[int, int], list[Absent]] = {}
    for a in fresh.values():
        session.add(TaskEvent(task_id=a.task_id, kind=EVENT, actor_id=None, at=now, data={"person_id": a.person_id}))
        per_group.setdefault((a.committee_id, a.chat_id), []).append(a)
    ids = []
    for (committee_id, chat_id), items in per_group.items():
        items.sort(key=lambda a: a.number)
        lines = [T.SEC15_NOT_IN_GROUP_LINE.format(name=a.name, number=a.number) for a in items]
        text = T.SEC15_NOT_IN_GROUP.format(lines="\n".join(lines), number=items[0].number)
        notice = await enqueue_notice(session, committee_id, chat_id, text, None, now=now, kind=EVENT)
        ids.append(notice.id)
    return ids
