"""The one outbox's core on notices (db/outbox.py): stored, due, claimed once, retried after its
backoff, taken back after the lease, released at a SQLite start — the rules reminders and summaries
keep (tests/db/test_reminders_db.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import Notice
from db.outbox import (
    CLAIM_LEASE,
    backoff,
    beat,
    claim_notices,
    due_work,
    enqueue_notice,
    mark_notice_retry,
    mark_notice_sent,
    release_stale_claims,
    stored_notices,
)
from tests.reminder_world import World

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


async def test_a_notice_is_claimed_once_retried_after_its_backoff_and_taken_back_after_the_lease(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    cid = await World(sessions).committee("BCĐ", -100, NOW)
    async with sessions() as s, s.begin():
        notice = await enqueue_notice(s, cid, 42, "Đề nghị gia hạn #1", [[("✅ Đồng ý", "extok:1")]], now=NOW)
        assert stored_notices(s) == [notice.id]
    async with sessions() as s:
        assert (await due_work(s, NOW)).notices
    async with sessions() as s, s.begin():
        [due] = await claim_notices(s, NOW, "a", 10)
        assert due.buttons == [[("✅ Đồng ý", "extok:1")]] and due.attempts == 1
    async with sessions() as s, s.begin():
        assert await claim_notices(s, NOW, "b", 10) == []  # claimed: nobody else takes it
        assert not (await due_work(s, NOW)).notices
    retry_at = NOW + backoff(due.attempts)
    async with sessions() as s, s.begin():
        assert await mark_notice_retry(s, due.id, "a", retry_at, "NetworkError: Bad Gateway (502)")
    async with sessions() as s, s.begin():
        assert await claim_notices(s, retry_at - timedelta(seconds=1), "b", 10) == []
        [again] = await claim_notices(s, retry_at, "b", 10)
        assert again.attempts == 2
    # "b" dies holding it: after the lease anyone may take it; b's late record changes nothing.
    later = retry_at + CLAIM_LEASE + timedelta(seconds=1)
    async with sessions() as s, s.begin():
        [taken] = await claim_notices(s, later, "c", 10)
    async with sessions() as s, s.begin():
        assert not await mark_notice_sent(s, taken.id, "b", later, 42, 7)
        assert await mark_notice_sent(s, taken.id, "c", later, 42, 8)
        row = await s.get(Notice, taken.id)
        assert row is not None and (row.status, row.message_id, row.attempts) == ("sent", 8, 3)


async def test_a_dead_processs_claimed_notice_is_released_at_start(sessions: async_sessionmaker[AsyncSession]) -> None:
    cid = await World(sessions).committee("BCĐ", -100, NOW)
    async with sessions() as s, s.begin():
        await enqueue_notice(s, cid, -100, "Bình báo hoàn thành #1", now=NOW)
    async with sessions() as s, s.begin():
        assert len(await claim_notices(s, NOW, "dead", 10)) == 1
    async with sessions() as s, s.begin():
        assert await release_stale_claims(s) == (0, 0, 1)
    async with sessions() as s, s.begin():
        assert len(await claim_notices(s, NOW, "new", 10)) == 1


async def test_a_dead_processs_heartbeat_is_forgotten_at_start(sessions: async_sessionmaker[AsyncSession]) -> None:
    """A SQLite bot restarted after a kill paces itself alone, not as one of two (the dead one's beat
    would count as alive for BEAT_STALE and halve its sending rate)."""
    wall = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    async with sessions() as s, s.begin():
        assert await beat(s, "dead", wall) == 1
    async with sessions() as s, s.begin():
        assert await beat(s, "alive-before-fix", wall + timedelta(seconds=5)) == 2  # what a restart used to see
    async with sessions() as s, s.begin():
        await release_stale_claims(s)
    async with sessions() as s, s.begin():
        assert await beat(s, "new", wall + timedelta(seconds=6)) == 1


def test_backoff_grows_to_an_hour() -> None:
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert backoff(40) == timedelta(hours=1)
