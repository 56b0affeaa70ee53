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
more.

Durable: JobQueue jobs do not survive a restart, so the look-ups still to do are rows
(db.models.MembershipLookup, db/membership_lookups.py), queued in the transaction that records the
re-add and held by this instance; a round deletes those Telegram answered and writes when the others
are due again (`due_at`, on the bot's clock: the flood wait or the backoff). Within a process the
rounds follow each other by JobQueue timers; a process that dies leaves its rows behind, and
`resume_membership_checks` (at start, then every dispatch interval) takes them up when due: at a
SQLite start every row is free (the instance lock: the dead process's), on PostgreSQL a row whose
holder's beat is stale is taken by one live instance (FOR UPDATE SKIP LOCKED). Whoever was removed
from the group while a look-up waited is found after the restart, not at the next re-add.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from telegram import ChatMember
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from bot.errors import log_background_failure
from bot.reply_retry import dispatcher_send
from bot.services import services_of
from db import committees as db_committees
from db import membership as db_membership
from db import membership_lookups as lookups
from jobs.delivery import retry_after_seconds

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession
    from telegram.ext import Application, CallbackContext

log = logging.getLogger(__name__)

MEMBERSHIP_CHECK_JOB = "membership-check"
MEMBERSHIP_RESUME_JOB = "membership-resume"
ROUNDS = 6  # 5 s, 10 s, 20 s, 40 s, 80 s between them by default: given up about 2.5 minutes after the re-add
CHECK_MAX = 300  # people looked up per group
_LOCKS_KEY = "membership_check_locks"
_CURRENT_KEY = "membership_checks"  # chat id -> its check now (a newer re-add replaces an older check)
_RESUMING_KEY = "membership_resuming"  # the resume under way (asyncio.Task)
_JOB_KWARGS = {"misfire_grace_time": None, "coalesce": True}


@dataclass
class MembershipCheck:
    chat_id: int
    round: int = 0
    checked: int = 0
    departed: list[int] = field(default_factory=list)


def job_name(chat_id: int) -> str:
    return f"{MEMBERSHIP_CHECK_JOB}:{chat_id}"


async def queue_membership_check(
    session: AsyncSession, committee_id: int, now: datetime, worker_id: str
) -> int:
    """In the transaction that records the re-add: the people the committee counts on, queued for a
    look-up held by this instance (`schedule_membership_check` starts it once committed)."""
    linked = await db_membership.people_linked(session, committee_id)
    people = [p.tg_user_id for p in linked if p.tg_user_id is not None][:CHECK_MAX]
    return await lookups.queue(session, committee_id, people, now, worker_id)


def schedule_membership_check(application: Application, chat_id: int) -> None:  # type: ignore[type-arg]
    """Check the group's people soon, off the update queue (their rows are queued: see
    `queue_membership_check`). A check already waiting for its next round is replaced."""
    jq = application.job_queue
    if jq is None:
        raise RuntimeError("python-telegram-bot[job-queue] is required for membership checks")
    for job in jq.get_jobs_by_name(job_name(chat_id)):
        job.schedule_removal()
    check = MembershipCheck(chat_id)
    _current(application)[chat_id] = check  # a round of an older one stops
    jq.run_once(membership_check_round, when=0.0, data=check, name=job_name(chat_id), job_kwargs=_JOB_KWARGS)


def _current(application: Application) -> dict[int, MembershipCheck]:  # type: ignore[type-arg]
    return application.bot_data.setdefault(_CURRENT_KEY, {})


def _ended(application: Application, check: MembershipCheck) -> None:  # type: ignore[type-arg]
    if _current(application).get(check.chat_id) is check:
        del _current(application)[check.chat_id]


def _lock(application: Application, chat_id: int) -> asyncio.Lock:  # type: ignore[type-arg]
    locks: dict[int, asyncio.Lock] = application.bot_data.setdefault(_LOCKS_KEY, {})
    return locks.setdefault(chat_id, asyncio.Lock())


async def membership_check_round(context: CallbackContext) -> None:  # type: ignore[type-arg]
    job = context.job
    assert job is not None and isinstance(job.data, MembershipCheck)
    check = job.data
    application = context.application
    if _current(application).get(check.chat_id) is not check:
        return  # replaced by a newer check (the bot was added back again)
    try:
        async with _lock(application, check.chat_id):
            again_in = await _round(context, check)
    except Exception:
        log.exception("membership check of chat %s failed (round %d); its look-ups are let go, to be taken "
                      "up again later", check.chat_id, check.round)
        _ended(application, check)
        await _let_go(context, check)
        return
    if again_in is None or _current(application).get(check.chat_id) is not check:
        _ended(application, check)
        return
    assert context.job_queue is not None
    context.job_queue.run_once(membership_check_round, when=again_in, data=check, name=job_name(check.chat_id),
                               job_kwargs=_JOB_KWARGS)


async def _let_go(context: CallbackContext, check: MembershipCheck) -> None:  # type: ignore[type-arg]
    """A round failed unexpectedly (a bug, the database gone): its look-ups count one more attempt
    and go back to nobody; `resume_membership_checks` takes them up again after the backoff."""
    services = services_of(context.application)
    instance = services.instance_id
    try:
        async with services.session_factory() as session, session.begin():
            committee = await db_committees.committee_by_chat(session, check.chat_id)
            if committee is None:
                return
            mine = await lookups.held(session, committee.id, instance, CHECK_MAX)
            due_at = services.clock.now() + timedelta(seconds=_backoff(services.settings.membership_retry, mine))
            await lookups.record_round(session, committee.id, instance, done=(), again=mine.tg_user_ids,
                                       due_at=due_at, error="round failed", give_up_after=ROUNDS, release=True)
    except Exception:
        log.warning("membership check of chat %s: could not let its look-ups go", check.chat_id, exc_info=True)


def _backoff(retry: float, mine: lookups.Held) -> float:
    return retry * 2 ** max(0, mine.attempts)


async def _round(context: CallbackContext, check: MembershipCheck) -> float | None:  # type: ignore[type-arg]
    """One round over the look-ups this instance holds for the group; returns the seconds to wait
    before the next (None: done)."""
    from handlers.membership import apply_member_status  # the handlers' own steps (no import cycle)

    services = services_of(context.application)
    instance = services.instance_id
    async with services.session_factory() as session:
        committee = await db_committees.committee_by_chat(session, check.chat_id)
        if committee is None or not committee.active:
            log.info("membership check of chat %s stopped: the bot is not in the group", check.chat_id)
            if committee is not None:
                async with session.begin():
                    await lookups.drop(session, committee.id, instance)
            return None
        committee_id = committee.id
        mine = await lookups.held(session, committee_id, instance, CHECK_MAX)
    if not mine.tg_user_ids:  # done, or replaced by a newer re-add on another instance
        return None
    check.round = mine.attempts
    done: list[int] = []
    failed: list[int] = []
    wait = 0.0
    error = ""
    for n, tg_user_id in enumerate(mine.tg_user_ids):
        try:
            with dispatcher_send():  # no inline retries: a failure waits for the next round
                member: ChatMember = await context.bot.get_chat_member(check.chat_id, tg_user_id)
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
            failed += mine.tg_user_ids[n:]
            error = f"flood wait {wait:.0f}s"
            log.info("membership check of chat %s: flood wait %.0fs, %d left", check.chat_id, wait, len(failed))
            break
        except Forbidden as exc:
            log.info("membership check of chat %s stopped: %s", check.chat_id, exc)
            async with services.session_factory() as session, session.begin():
                await lookups.drop(session, committee_id, instance)
            return None
        except BadRequest as exc:
            log.info("membership check of chat %s: user %s not told (%s)", check.chat_id, tg_user_id, exc)
            done.append(tg_user_id)
            continue
        except TelegramError as exc:
            log.warning("membership check of chat %s: getChatMember %s failed (%s)", check.chat_id, tg_user_id, exc)
            failed.append(tg_user_id)
            error = str(exc)
            continue
        check.checked += 1
        if await apply_member_status(context, check.chat_id, member):
            check.departed.append(tg_user_id)
        done.append(tg_user_id)
    again_in = max(wait, _backoff(services.settings.membership_retry, mine))
    if _current(context.application).get(check.chat_id) is not check:
        return None  # a newer re-add queued the people anew: its check records them (after this round)
    # One write a round (not one a look-up: a fan-out of reminders may be writing too). A crash before
    # it repeats the round's look-ups after the restart: each applies what Telegram says, again.
    async with services.session_factory() as session, session.begin():
        retried, given_up = await lookups.record_round(
            session, committee_id, instance, done=done, again=failed,
            due_at=services.clock.now() + timedelta(seconds=again_in), error=error, give_up_after=ROUNDS,
        )
    if given_up:
        log.warning(
            "membership check of chat %s: %d people could not be looked up after %d rounds; they keep what "
            "was stored until they write or the bot is added back", check.chat_id, given_up, ROUNDS,
        )
    if not retried and not given_up:
        log.info("membership check of chat %s done: %d looked up, %d had left", check.chat_id, check.checked,
                 len(check.departed))
    return again_in if retried else None


async def resume_membership_checks(context: CallbackContext) -> None:  # type: ignore[type-arg]
    """At start, then every dispatch interval: look-ups left by a process that died (a SQLite start;
    held by an instance whose beat went stale on PostgreSQL) are claimed when due, and each group
    where this instance holds look-ups but runs no check gets one. In the background, like the
    dispatcher's drain: the tick returns at once (APScheduler never sees it overrun)."""
    application = context.application
    running: asyncio.Task[None] | None = application.bot_data.get(_RESUMING_KEY)
    if running is not None and not running.done():
        return
    application.bot_data[_RESUMING_KEY] = application.create_task(_resume(application), name="membership-resume")


async def _resume(application: Application) -> None:  # type: ignore[type-arg]
    from jobs.instances import alive_within  # the instances' liveness

    services = services_of(application)
    try:
        async with services.session_factory() as session:
            if not await lookups.any_queued(session):  # nearly always: one look at an empty table
                return
        async with services.session_factory() as session, session.begin():
            claimed = await lookups.claim_due(
                session, services.clock.now(), services.instance_id, datetime.now(UTC),
                alive_within(),
            )
        async with services.session_factory() as session:
            chats = await lookups.chats_held(session, services.instance_id)
    except Exception as exc:
        log_background_failure(log, "membership look-ups: could not read those waiting", exc)
        return
    idle = [chat for chat in chats if chat not in _current(application)]
    if claimed:
        log.info("membership look-ups: took up %d left by a process that stopped", claimed)
    for chat_id in idle:
        log.info("membership check of chat %s resumed", chat_id)
        schedule_membership_check(application, chat_id)
