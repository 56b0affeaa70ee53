"""The membership check of a group the bot is back in: each person the committee counts on is looked
up (getChatMember) in a JobQueue job, never in the update handler.

Why a job: a group of 300 people under API faults (each look-up retried on 5xx, timeouts and 429)
held the update queue for tens of seconds, and every user's command waited behind it. The handler of
the re-add (handlers.membership.on_my_chat_member) only schedules this; commands are answered at once.

The rounds:
- the first runs at once; each person whose look-up failed (5xx, timeout, dropped connection) is
  tried again in the next round, `settings.membership_retry` seconds later, doubled each round, at
  most `ROUNDS` rounds (then given up, logged: the people left unchecked keep what was known — see
  below — and the next re-add checks them again);
- a 429 (RetryAfter) ends the round at once (Telegram asks the whole bot to wait): the rest go in the
  next round, no sooner than Telegram's `retry_after`. Inline retries of the request layer are off
  (bot.reply_retry.dispatcher_send): this job retries, later, without holding anything;
- 403: the bot is out of the group again: the check stops (the next re-add starts a new one);
- a BadRequest (Telegram will not tell about this user): nothing learnt, not retried.

What is assumed until a person's look-up succeeds: they are still in the group, with the role and the
units stored before the bot was removed — what the bot last learnt from Telegram (an admin recorded
as chair) or from a chair (/vaitro, /donvi gan). Nothing is granted by the check: a failed or pending
look-up neither removes nor adds a role. A person who writes meanwhile is checked for themselves
(handlers.common.committee_role asks Telegram, and keeps the stored role only when Telegram cannot be
asked). A look-up that succeeds is the truth: gone from the group → handled as a departure (role,
unit contacts and assignments dropped, the chair told); no longer an administrator → a chair role
held as an admin ends (a role a chair granted stays); its answer also fills the admin cache that
commands read.

Idempotent: every step applies "what Telegram says now" to what is stored (a departure already
handled is not handled or announced again), and a group's rounds never overlap (one lock per chat):
a second re-add (whose check replaces the one under way), or a round run twice, changes nothing
more. JobQueue jobs do not survive a restart: a check pending then is not resumed (departures it
would have found wait for the next re-add; a person's own command still checks their admin status).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram import ChatMember
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from bot.reply_retry import dispatcher_send
from bot.services import services_of
from db import committees as db_committees
from db import membership as db_membership
from jobs.delivery import retry_after_seconds

if TYPE_CHECKING:
    from telegram.ext import Application, CallbackContext

log = logging.getLogger(__name__)

MEMBERSHIP_CHECK_JOB = "membership-check"
ROUNDS = 6  # 5 s, 10 s, 20 s, 40 s, 80 s between them by default: given up about 2.5 minutes after the re-add
CHECK_MAX = 300  # people looked up per group
_LOCKS_KEY = "membership_check_locks"
_CURRENT_KEY = "membership_checks"  # chat id -> its check now (a newer re-add replaces an older check)
_JOB_KWARGS = {"misfire_grace_time": None, "coalesce": True}


@dataclass
class MembershipCheck:
    chat_id: int
    pending: list[int] | None = None  # Telegram user ids still to look up (None: not read yet)
    round: int = 0
    checked: int = 0
    departed: list[int] = field(default_factory=list)


def job_name(chat_id: int) -> str:
    return f"{MEMBERSHIP_CHECK_JOB}:{chat_id}"


def schedule_membership_check(application: Application, chat_id: int) -> None:  # type: ignore[type-arg]
    """Check the group's people soon, off the update queue. A check already waiting for its next
    round is replaced (the new one starts from the people stored now)."""
    jq = application.job_queue
    if jq is None:
        raise RuntimeError("python-telegram-bot[job-queue] is required for membership checks")
    for job in jq.get_jobs_by_name(job_name(chat_id)):
        job.schedule_removal()
    check = MembershipCheck(chat_id)
    application.bot_data.setdefault(_CURRENT_KEY, {})[chat_id] = check  # a round of an older one stops
    jq.run_once(membership_check_round, when=0.0, data=check, name=job_name(chat_id), job_kwargs=_JOB_KWARGS)


def _lock(application: Application, chat_id: int) -> asyncio.Lock:  # type: ignore[type-arg]
    locks: dict[int, asyncio.Lock] = application.bot_data.setdefault(_LOCKS_KEY, {})
    return locks.setdefault(chat_id, asyncio.Lock())


async def membership_check_round(context: CallbackContext) -> None:  # type: ignore[type-arg]
    job = context.job
    assert job is not None and isinstance(job.data, MembershipCheck)
    check = job.data
    if context.application.bot_data.get(_CURRENT_KEY, {}).get(check.chat_id) is not check:
        return  # replaced by a newer check (the bot was added back again)
    try:
        async with _lock(context.application, check.chat_id):
            again_in = await _round(context, check)
    except Exception:
        log.exception("membership check of chat %s failed (round %d); not retried", check.chat_id, check.round)
        return
    if again_in is None or context.application.bot_data[_CURRENT_KEY].get(check.chat_id) is not check:
        return
    check.round += 1
    if check.round >= ROUNDS:
        log.warning(
            "membership check of chat %s: %d people could not be looked up after %d rounds; they keep what "
            "was stored until they write or the bot is added back", check.chat_id, len(check.pending or ()), ROUNDS,
        )
        return
    assert context.job_queue is not None
    context.job_queue.run_once(membership_check_round, when=again_in, data=check, name=job_name(check.chat_id),
                               job_kwargs=_JOB_KWARGS)


async def _round(context: CallbackContext, check: MembershipCheck) -> float | None:  # type: ignore[type-arg]
    """One round; returns the seconds to wait before the next (None: done)."""
    from handlers.membership import apply_member_status  # the handlers' own steps (no import cycle)

    services = services_of(context.application)
    async with services.session_factory() as session:
        committee = await db_committees.committee_by_chat(session, check.chat_id)
        if committee is None or not committee.active:
            log.info("membership check of chat %s stopped: the bot is not in the group", check.chat_id)
            return None
        if check.pending is None:
            linked = await db_membership.people_linked(session, committee.id)
            check.pending = [p.tg_user_id for p in linked if p.tg_user_id is not None][:CHECK_MAX]
    failed: list[int] = []
    wait = 0.0
    for n, tg_user_id in enumerate(check.pending):
        try:
            with dispatcher_send():  # no inline retries: a failure waits for the next round
                member: ChatMember = await context.bot.get_chat_member(check.chat_id, tg_user_id)
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
            failed += check.pending[n:]
            log.info("membership check of chat %s: flood wait %.0fs, %d left", check.chat_id, wait, len(failed))
            break
        except Forbidden as exc:
            log.info("membership check of chat %s stopped: %s", check.chat_id, exc)
            return None
        except BadRequest as exc:
            log.info("membership check of chat %s: user %s not told (%s)", check.chat_id, tg_user_id, exc)
            continue
        except TelegramError as exc:
            log.warning("membership check of chat %s: getChatMember %s failed (%s)", check.chat_id, tg_user_id, exc)
            failed.append(tg_user_id)
            continue
        check.checked += 1
        if await apply_member_status(context, check.chat_id, member):
            check.departed.append(tg_user_id)
    check.pending = failed
    if not failed:
        log.info("membership check of chat %s done: %d looked up, %d had left", check.chat_id, check.checked,
                 len(check.departed))
        return None
    backoff = services.settings.membership_retry * 2**check.round
    return max(wait, backoff)
