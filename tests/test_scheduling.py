"""The JobQueue wiring: three wake-ups (reminders, summaries, long conclusions being gathered), registered
with the APScheduler options chosen on purpose."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.ext import ApplicationBuilder

from bot.clock import ManualClock
from bot.services import Services
from bot.settings import Settings
from handlers.importing import GATHER_CHECK_INTERVAL, GATHER_JOB
from jobs.instances import INSTANCE_BEAT_JOB
from jobs.membership_check import MEMBERSHIP_RESUME_JOB
from jobs.runtime import RUNTIME_KEY, DispatchRuntime
from jobs.scheduling import DISPATCHER_JOB, SUMMARY_PLANNER_JOB, schedule_jobs
from tests.conftest import using_postgres


async def test_schedule_jobs_registers_the_wake_ups(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    app = ApplicationBuilder().token("123456:TEST").build()
    clock = ManualClock(datetime(2026, 12, 1, 2, tzinfo=UTC))
    app.bot_data["services"] = Services(
        Settings(dispatch_interval=45, database_url=engine.url.render_as_string(hide_password=False)),
        clock, engine, sessions, "instance-a",
    )
    schedule_jobs(app)
    assert app.job_queue is not None
    jobs = {job.name: job.job for job in app.job_queue.jobs()}
    # Membership look-ups a stopped process left (at start, then with the dispatcher); on PostgreSQL
    # each instance says it is alive on its own.
    beat = {INSTANCE_BEAT_JOB} if using_postgres() else set()
    assert set(jobs) == {DISPATCHER_JOB, SUMMARY_PLANNER_JOB, GATHER_JOB, MEMBERSHIP_RESUME_JOB} | beat
    resume = [j.job for j in app.job_queue.get_jobs_by_name(MEMBERSHIP_RESUME_JOB)]
    assert {getattr(j.trigger, "interval", None) for j in resume} == {None, timedelta(seconds=45)}
    assert jobs[GATHER_JOB].trigger.interval == timedelta(seconds=GATHER_CHECK_INTERVAL)
    for job in jobs.values():
        # Late wake-ups still run (APScheduler's default grace of 1 s would drop them), missed ones
        # run once, never two at a time.
        assert (job.misfire_grace_time, job.coalesce, job.max_instances) == (None, True, 1)
    assert jobs[DISPATCHER_JOB].trigger.interval == timedelta(seconds=45)
    # The first wake-up one interval after start: a test with a long interval is never surprised.
    # The summary planner: once at start (a date trigger), then hourly.
    planner = [j.job for j in app.job_queue.get_jobs_by_name(SUMMARY_PLANNER_JOB)]
    at_start = next(j for j in planner if not hasattr(j.trigger, "interval"))
    hourly = next(j for j in planner if hasattr(j.trigger, "interval"))
    assert jobs[DISPATCHER_JOB].trigger.start_date - at_start.trigger.run_date >= timedelta(seconds=44)
    assert hourly.trigger.interval == timedelta(hours=1)
    runtime = app.bot_data[RUNTIME_KEY]
    assert isinstance(runtime, DispatchRuntime) and runtime.worker_id == "instance-a"
