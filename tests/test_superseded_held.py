"""A reminder a re-plan superseded while it waited its turn, and that then could not go out — the bot
removed from the group (and added back the same day), a 403 from the group, a long flood wait — is
still that day's reminder: it goes out once, when it can, that day (what applies then).

The re-plan planned its recipient on from the next day, counting on that send; dropping the row (as
before) lost the day's reminder. Time is the test's clock; waits go through a fake sleep."""

from __future__ import annotations

from datetime import date

import pytest
from telegram.error import Forbidden, RetryAfter

from db.models import Committee
from db.reminders import pause_committee, replan_task
from jobs.runtime import DispatchRuntime
from tests.test_dispatcher import GROUP, LAN, VN, Env, _HeldLimiter, at
from tests.test_dispatcher import env as env  # the fixture, shared

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

FRIDAY = date(2026, 12, 11)  # 3 working days before the deadline (Wednesday 16/12): reminded at 08:00
TUESDAY = date(2026, 12, 15)  # 1 working day before: the next reminder


async def replanned_while_held(env: Env, chat: int, *, pause: bool = False) -> DispatchRuntime:
    """A runtime whose send to `chat` waits its turn while the task «Việc» is re-planned (its rows
    superseded) — with `pause`, the committee paused in the same transaction."""
    task = await env.task("Việc")
    limiter = _HeldLimiter(env.time)

    async def meanwhile() -> None:
        async with env.services.session_factory() as s, s.begin():
            await replan_task(s, task, at(2026, 12, 11, 8))
            if pause:
                await pause_committee(s, env.ids["com"])

    limiter.hooks[chat] = meanwhile
    return DispatchRuntime.create("held", limiter=limiter, sleep=env.time.sleep)


async def set_active(env: Env, active: bool) -> None:
    async with env.services.session_factory() as s, s.begin():
        com = await s.get(Committee, env.ids["com"])
        assert com is not None
        com.active = active


def days(env: Env, chat: int) -> list[date]:
    return [m.at.astimezone(VN).date() for m in env.bot.to(chat)]


async def test_removed_and_added_back_the_same_day_while_a_superseded_reminder_waited(env: Env) -> None:
    # Friday 08:00: Lan's and Minh's reminders are claimed. While Lan's waits its turn, a member's
    # departure re-plans the task (both rows superseded: their next reminders planned for Tuesday) and
    # the bot is removed from the group; the rows are put back unsent. The bot is added back at 10:00.
    runtime = await replanned_while_held(env, LAN, pause=True)
    stats = await env.tick(at(2026, 12, 11, 8), runtime=runtime)
    assert env.bot.sent == [] and stats.stale == 2
    await set_active(env, True)
    await env.tick(at(2026, 12, 11, 10), runtime=runtime)
    await env.tick(at(2026, 12, 11, 10, 1), runtime=runtime)
    assert days(env, LAN) == [FRIDAY] and "còn 5 ngày" in env.bot.to(LAN)[0].text
    assert days(env, GROUP) == [FRIDAY]  # Minh, who never opened a private chat
    # And the plan goes on from Friday's send: Tuesday's, once each.
    await env.tick(at(2026, 12, 15, 8), runtime=runtime)
    await env.tick(at(2026, 12, 15, 9), runtime=runtime)
    assert days(env, LAN) == [FRIDAY, TUESDAY] and days(env, GROUP) == [FRIDAY, TUESDAY]


async def test_a_superseded_reminder_refused_by_the_group_goes_out_when_the_bot_is_back(env: Env) -> None:
    # Minh's reminder goes to the group; while it waits, the task is re-planned; the group answers 403
    # (the bot was removed): the committee pauses. Added back the same afternoon: Friday's reminder.
    runtime = await replanned_while_held(env, GROUP)
    env.bot.fail(GROUP, Forbidden("Forbidden: bot was kicked from the group chat"))
    stats = await env.tick(at(2026, 12, 11, 8), runtime=runtime)
    assert stats.paused == 1 and env.bot.to(GROUP) == []
    await set_active(env, True)
    await env.tick(at(2026, 12, 11, 14), runtime=runtime)
    await env.tick(at(2026, 12, 11, 14, 1), runtime=runtime)
    assert days(env, GROUP) == [FRIDAY] and "Trần Văn Minh" in env.bot.to(GROUP)[0].text
    assert days(env, LAN) == [FRIDAY]  # Lan's own went out at 08:00, once


async def test_a_superseded_reminder_held_by_a_long_flood_wait_goes_out_after_it(env: Env) -> None:
    # Lan's send draws a 429 of an hour while the task is being re-planned: back to the outbox with
    # the wait — and still Friday's reminder, sent once the hour is up.
    runtime = await replanned_while_held(env, LAN)
    env.bot.fail(LAN, RetryAfter(3600))
    stats = await env.tick(at(2026, 12, 11, 8), runtime=runtime)
    assert stats.retry_later == 2 and env.bot.sent == []  # the wait holds Minh's group message too
    assert (await env.tick(at(2026, 12, 11, 8, 30), runtime=runtime)).messages_sent == 0  # still waiting
    env.time.now += 3601  # the flood wait is over (the pause lives in the limiter's own clock)
    await env.tick(at(2026, 12, 11, 9, 1), runtime=runtime)
    await env.tick(at(2026, 12, 11, 9, 2), runtime=runtime)
    assert days(env, LAN) == [FRIDAY] and "còn 5 ngày" in env.bot.to(LAN)[0].text
    assert days(env, GROUP) == [FRIDAY]
