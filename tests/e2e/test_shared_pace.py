"""Two dispatchers of one bot share its pace with Telegram (issue 14): Telegram counts the bot's
messages, not each process's. Two instances each pacing at the full 30 messages/s drew 429s on a
fan-out; counted from the instances alive in the database (dispatcher_beats), each takes its part.

Both dispatchers run here in one process, each with its own Bot client and rate limiter (as two
processes have), on one database, against the emulator with Telegram's flood limits on."""

from __future__ import annotations

import asyncio
from datetime import date

from sqlalchemy import func, select

from bot.app import build_application
from bot.settings import Settings
from db.models import Reminder
from emulator.ratelimit import RateLimiter, RateLimits
from jobs.dispatcher import drain, share_pace
from jobs.ratelimit import SendLimiter
from jobs.runtime import DispatchRuntime
from tests.e2e.conftest import Env
from tests.e2e.faultkit import at, seed_committee

MEMBERS = 60  # one reminder each, at the same moment
# Telegram's overall limit scaled down (30/s -> 10/s), so that the fan-out lasts seconds, not a
# fraction of one: each dispatcher paces itself just under it, as it does under 30/s.
OVERALL, PACE = 10.0, 9.5


async def test_two_dispatchers_fanning_out_together_draw_no_429(env: Env) -> None:
    world = env.world
    chair = world.add_user("Lan", "Nguyễn")
    members = [world.add_user(f"Cán bộ {i}", "Lê") for i in range(MEMBERS)]
    group = world.add_group("BCĐ số 1", creator=chair, members=members)
    for u in members:
        world.start_private(u, send_start=False)
    created = at(date(2026, 11, 23), 9, 0)
    await seed_committee(env.sessions, group.id, "BCĐ số 1", chair.id, [m.id for m in members], MEMBERS,
                         created, date(2026, 12, 2), 1)
    env.clock.set(at(date(2026, 11, 27), 8, 0))  # Friday: every task's first reminder
    env.emulator.api.limiter = RateLimiter(RateLimits(overall_per_second=OVERALL, monotonic=world.monotonic))

    # A second instance: its own client (and so its own AIORateLimiter), the same database.
    other = build_application(
        Settings(bot_token=world.token, database_url=env.services.settings.database_url,
                 telegram_api_url=env.emulator.base_url),
        env.clock,
    )
    async with other:
        # The first is this test's own instance (on PostgreSQL it beats from its start, jobs/instances.py),
        # the second the other instance: two alive, as two processes of one bot.
        names = (env.services.instance_id, "second")
        runtimes = [
            DispatchRuntime.create(name, batch_size=10, limiter=SendLimiter(overall_rate=PACE)) for name in names
        ]
        for runtime in runtimes:  # both have been running for a while: both beat
            await share_pace(env.services, runtime)
        for runtime in runtimes:
            runtime.beat_at = None
            await share_pace(env.services, runtime)
        assert [r.policy.limiter.instances for r in runtimes] == [2, 2]
        sent = await asyncio.gather(
            drain(env.services, env.app.bot, runtimes[0]),  # type: ignore[arg-type]
            drain(env.services, other.bot, runtimes[1]),
        )
    assert all(s.messages_sent > 0 for s in sent)  # both took part
    assert sum(s.messages_sent for s in sent) == MEMBERS
    assert world.too_many_requests == 0
    async with env.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Reminder).where(Reminder.status == "sent")) == MEMBERS
