"""The pieces the fault tests rely on, one by one: the file clock of a bot run as a subprocess,
releasing a dead process's claims at start, the reply retry, and the bound on messages sent but
not yet recorded."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.clock import FileClock, set_clock_file
from bot.reply_retry import ReplyRetryRateLimiter, dispatcher_send
from db.models import Reminder
from db.outbox import release_stale_claims
from db.reminders import claim_due
from jobs.delivery import Delivery, DeliveryPolicy, Outcome, send_with_policy
from jobs.ratelimit import unlimited
from tests.reminder_world import World

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


def test_file_clock_reads_an_instant_or_an_offset(tmp_path: Path) -> None:
    path = str(tmp_path / "clock")
    set_clock_file(path, NOW)
    clock = FileClock(path)
    assert clock.now() == NOW
    set_clock_file(path, NOW + timedelta(days=1))  # seen at once, even within one mtime tick
    assert clock.now() == NOW + timedelta(days=1)
    Path(path).write_text("3600")
    assert abs((clock.now() - datetime.now(UTC)) - timedelta(hours=1)) < timedelta(minutes=1)


async def test_release_stale_claims_puts_claimed_rows_back(sessions: async_sessionmaker[AsyncSession]) -> None:
    w = World(sessions)
    cid = await w.committee("BCĐ", -100, NOW)
    pid = await w.person("Bình", 42)
    unit = await w.unit(cid, "Văn phòng", (pid,))
    await w.task(cid, "Rà soát hồ sơ", date(2026, 12, 3), NOW, lead_unit=unit)
    async with sessions() as s, s.begin():
        claimed = await claim_due(s, NOW + timedelta(days=5), "dead-process", 100)
    assert claimed
    async with sessions() as s, s.begin():
        released = await release_stale_claims(s)
    assert released == (len(claimed), 0, 0)
    async with sessions() as s:
        rows = (await s.scalars(select(Reminder).where(Reminder.id.in_([r.id for r in claimed])))).all()
    assert {(r.status, r.claimed_by) for r in rows} == {("pending", None)}


class _Flaky:
    """A Bot API call that fails `failures` times with `error`, then answers."""

    def __init__(self, failures: int, error: Exception) -> None:
        self.failures, self.error, self.calls = failures, error, 0

    async def __call__(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        return {"ok": True}


async def _through(limiter: ReplyRetryRateLimiter, call: _Flaky) -> Any:
    return await limiter.process_request(call, (), {}, "sendMessage", {"chat_id": 1}, None)


@pytest.mark.parametrize("error", [NetworkError("Bad Gateway"), TimedOut()])
async def test_replies_are_retried_on_network_errors(error: Exception) -> None:
    limiter = ReplyRetryRateLimiter(backoff=0.0)
    await limiter.initialize()
    call = _Flaky(2, error)
    assert await _through(limiter, call) == {"ok": True}
    assert call.calls == 3


async def test_bad_requests_and_dispatcher_sends_are_not_retried_here() -> None:
    limiter = ReplyRetryRateLimiter(backoff=0.0)
    await limiter.initialize()
    bad = _Flaky(1, BadRequest("Can't parse entities"))
    with pytest.raises(BadRequest):
        await _through(limiter, bad)
    assert bad.calls == 1
    flaky = _Flaky(1, NetworkError("Bad Gateway"))
    with dispatcher_send(), pytest.raises(NetworkError):  # the dispatcher retries and records itself
        await _through(limiter, flaky)
    assert flaky.calls == 1


async def test_questions_about_a_group_do_not_spend_its_messages_a_minute() -> None:
    # One message an hour per group: the look-ups of a membership check (getChatMember, one per
    # person) must not take the group's turn, or the reply to a command there would wait behind them.
    limiter = ReplyRetryRateLimiter(backoff=0.0, group_max_rate=1, group_time_period=3600)
    await limiter.initialize()
    call = _Flaky(0, NetworkError("unused"))

    async def check_then_reply() -> None:
        for _ in range(5):
            await limiter.process_request(call, (), {}, "getChatMember", {"chat_id": -5, "user_id": 7}, None)
        await limiter.process_request(call, (), {}, "getChatAdministrators", {"chat_id": -5}, None)
        await limiter.process_request(call, (), {}, "sendMessage", {"chat_id": -5}, None)  # the hour's message

    await asyncio.wait_for(check_then_reply(), 60)  # a look-up counted as a message: an hour's wait
    assert call.calls == 7


async def test_questions_about_a_group_count_in_the_bots_overall_pace() -> None:
    """(sec17) A getChatMember takes its turn in the bot's overall requests a second, as a send does: the
    reminder dispatcher's look-ups after a restart (one per group and person) are paced, not fired as fast as
    Telegram answers. (Before: no chat_id in the limiter's copy, so not counted at all.)"""
    limiter = ReplyRetryRateLimiter(backoff=0.0, overall_max_rate=1, overall_time_period=3600)
    await limiter.initialize()
    call = _Flaky(0, NetworkError("unused"))
    await limiter.process_request(call, (), {}, "getChatMember", {"chat_id": -5, "user_id": 7}, None)
    assert limiter._base_limiter is not None and not limiter._base_limiter.has_capacity()


class _Bot:
    def __init__(self) -> None:
        self.sent = 0

    async def send_message(self, **kwargs: Any) -> Any:
        self.sent += 1
        return type("M", (), {"message_id": self.sent})()


async def test_a_send_is_recorded_while_its_guard_is_held() -> None:
    guard = asyncio.Semaphore(1)
    seen: list[bool] = []

    async def record(d: Delivery) -> None:
        seen.append(guard.locked())

    policy = DeliveryPolicy(limiter=unlimited())
    d = await send_with_policy(_Bot(), policy, 7, "x", guard=guard, on_sent=record)  # type: ignore[arg-type]
    assert d.outcome is Outcome.SENT and seen == [True] and not guard.locked()
