"""Registering the delivery jobs with PTB's JobQueue (APScheduler underneath).

The scheduler holds no state worth keeping: JobQueue jobs do not survive a restart, and they need
not — what is due lives in the database (Reminder, SummaryRun rows). The jobs only *wake* the
dispatcher, which reads the database:

- "reminder-dispatcher", every `settings.dispatch_interval` seconds, the first one interval after
  start (that run catches up whatever fell due while the bot was down; tests that set a long
  interval drive the dispatcher themselves): starts a drain of everything due, in the background,
  unless one is still running (a backlog of thousands takes minutes at Telegram's pace; the tick
  itself returns at once, so APScheduler never sees it overrun).
- "summary-planner", at start and hourly: creates this week's and next week's SummaryRun rows, which
  the dispatcher then claims when due (Monday 07:30, or the committee's day and time).
- "membership-resume", at start and every `settings.dispatch_interval` seconds: membership look-ups
  a stopped process left undone (MembershipLookup rows) are taken up when due
  (jobs/membership_check.py).
- "instance-beat", on PostgreSQL only, at start and every BEAT_EVERY seconds: this instance is alive
  (jobs/instances.py); what a dead one held is taken over.

Job options, on purpose (APScheduler 3 defaults would silently drop a late run: misfire_grace_time
is 1 s): `misfire_grace_time=None` — a wake-up that comes late (event loop busy, machine suspended)
still runs, however late; `coalesce=True` — many missed wake-ups run once, not in a burst (each run
sends everything due anyway); `max_instances=1` — never two concurrent wake-ups of one job.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.errors import database_unavailable
from bot.metrics import MONITOR, count_drain
from bot.services import services_of
from db.engine import is_sqlite
from db.summaries import ensure_summary_runs
from handlers.importing import GATHER_CHECK_INTERVAL, GATHER_JOB, gather_tick
from jobs.dispatcher import drain
from jobs.instances import INSTANCE_BEAT_JOB, beat_every, instance_tick
from jobs.membership_check import MEMBERSHIP_RESUME_JOB, resume_membership_checks
from jobs.runtime import RUNTIME_KEY, DispatchRuntime

if TYPE_CHECKING:
    from telegram.ext import Application, CallbackContext

log = logging.getLogger(__name__)

DISPATCHER_JOB = "reminder-dispatcher"
SUMMARY_PLANNER_JOB = "summary-planner"
SUMMARY_PLANNER_INTERVAL = 3600.0
JOB_KWARGS: dict[str, Any] = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


def runtime_of(application: Application) -> DispatchRuntime:  # type: ignore[type-arg]
    runtime = application.bot_data.get(RUNTIME_KEY)
    if runtime is None:
        runtime = DispatchRuntime.create(services_of(application).instance_id)
        application.bot_data[RUNTIME_KEY] = runtime
    return runtime


async def _drain_logged(application: Application) -> None:  # type: ignore[type-arg]
    try:
        stats = await drain(services_of(application), application.bot, runtime_of(application))
        count_drain(stats)
        if stats.claimed or stats.summaries_claimed:
            log.info("dispatcher: %s", stats)
    except Exception as exc:
        if database_unavailable(exc):  # expected while the database restarts: one line, no traceback
            log.warning("reminder dispatcher: database unavailable (%s); the next tick tries again", exc)
        else:
            log.exception("reminder dispatcher failed; the next tick tries again")


async def dispatcher_tick(context: CallbackContext) -> None:  # type: ignore[type-arg]
    application = context.application
    runtime = runtime_of(application)
    if runtime.draining is not None and not runtime.draining.done():
        # The running drain will pick up whatever became due. It counts as alive only while it
        # delivers: a drain stuck on one await (a hung connection, a lock never released) showed a
        # fresh tick every interval, and `nhacviec status` and /healthz said all was well while no
        # reminder went out. A long backlog sent at Telegram's pace records a send every few seconds.
        released = runtime.unrecorded.released
        if released != runtime.progress_seen:
            runtime.progress_seen = released
            MONITOR.ticked()
        return
    MONITOR.ticked()
    runtime.draining = application.create_task(_drain_logged(application), name="reminder-drain")


async def summary_planner_tick(context: CallbackContext) -> None:  # type: ignore[type-arg]
    services = services_of(context.application)
    try:
        async with services.session_factory() as s, s.begin():
            created = await ensure_summary_runs(s, services.clock.now())
        if created:
            log.info("planned %d weekly summaries", created)
    except Exception:
        log.exception("planning weekly summaries failed; retried within the hour")


def _every(jq: Any, callback: Any, interval: float, name: str, *, at_start: bool = False) -> None:
    """Run `callback` every `interval` seconds, the first one interval from now; with `at_start`, once
    at start too. Not `run_repeating(first=0)` alone: the job is added before the scheduler starts,
    and APScheduler then computes the first run from a start date that is already (a few ms) past —
    one whole interval later. A bot restarted on Monday at 07:00 would have planned nothing until
    08:00, after the 07:30 summary (found by the kill -9 test)."""
    if at_start:
        jq.run_once(callback, when=0.0, name=name, job_kwargs=JOB_KWARGS)
    jq.run_repeating(callback, interval=interval, first=interval, name=name, job_kwargs=JOB_KWARGS)


def schedule_jobs(application: Application) -> None:  # type: ignore[type-arg]
    """Register the delivery jobs. Call once, after `bot_data["services"]` is set (post_init)."""
    services = services_of(application)
    runtime_of(application)
    jq = application.job_queue
    if jq is None:
        raise RuntimeError("python-telegram-bot[job-queue] is required for reminders")
    interval = services.settings.dispatch_interval
    # Once at start, then hourly.
    _every(jq, summary_planner_tick, SUMMARY_PLANNER_INTERVAL, SUMMARY_PLANNER_JOB, at_start=True)
    # Long conclusions gathered in private chats: analysed after a quiet minute (handlers.importing).
    _every(jq, gather_tick, GATHER_CHECK_INTERVAL, GATHER_JOB)
    # Membership look-ups a process left undone when it stopped (jobs/membership_check.py): at start,
    # then as often as the dispatcher wakes.
    _every(jq, resume_membership_checks, interval, MEMBERSHIP_RESUME_JOB, at_start=True)
    if not is_sqlite(services.settings.database_url):
        # Several instances may run: each says it is alive, on its own (jobs/instances.py).
        _every(jq, instance_tick, beat_every(), INSTANCE_BEAT_JOB, at_start=True)
    _every(jq, dispatcher_tick, interval, DISPATCHER_JOB)
