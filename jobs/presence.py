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

No getChatMember storm: one look-up per (group, person) a tick however many tasks they have, through the
bot's one member memory (bot.member_status, on Services), where «in the group» counts for PRESENT_TRUST
(a week: a member is asked about once a week per process, not every morning), one at a time; a 429
stops the asking at once (the pace pauses for every send, as a 429 on a send does; the private
reminders not asked about wait). Only private sends are checked: a group reminder shows the group
nothing new. Cost measured (bench/fanout_bench.py --quick's fan-out, every recipient asked: a first
round after a start): 17.4 -> 13.9 messages/s on the loaded test machine, 429s 1 -> 1.
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
# How long «in the group» is taken as said for a private reminder: a departure the bot hears replaces it at
# once (handlers.membership: «X left», chat_member), so only one it cannot hear (a hidden «left» message, the
# bot no admin) is believed this long. Reminders come once a day: a shorter trust would ask about every
# recipient every morning, a request for each message sent (PTB's AIORateLimiter counts both in 30/s). «Not in
# the group» is trusted only the memory's minute: a stranger is asked about each round, a joiner is heard.
PRESENT_TRUST = timedelta(days=7)


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
    todo = [
        (chat_id, user_id) for chat_id, user_id in dict.fromkeys(pairs)
        if services.members.cached(chat_id, user_id, now, PRESENT_TRUST) not in (Standing.PRESENT, Standing.ADMIN)
    ]
    for n, (chat_id, user_id) in enumerate(todo):
        try:
            standing = await services.members.ask(bot, chat_id, user_id, now, raise_flood=True)
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
            limiter.pause(wait)  # Telegram asks the whole bot to wait: the sends too
            out.unknown.update(todo[n:])
            out.wait = max(UNKNOWN_WAIT, timedelta(seconds=wait))
            log.warning("getChatMember flood wait %.0fs: %d private reminders wait", wait, len(todo) - n)
            break
        if standing is Standing.GONE:
            out.gone.add((chat_id, user_id))
        elif standing is None:
            out.unknown.add((chat_id, user_id))
    return out


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
