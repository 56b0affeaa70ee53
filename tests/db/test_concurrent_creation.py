"""Two instances behind a load balancer (PostgreSQL) meet a new person or group at the same moment:
both see it missing and insert it. The second must take the first one's row, not fail the user's
command on the unique key (db.committees._add_first)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.committees import ensure_committee, ensure_person
from db.models import Committee, Person
from tests.conftest import using_postgres

pytestmark = pytest.mark.skipif(not using_postgres(), reason="the race needs two writers: PostgreSQL only")

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)


async def _until_blocked(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Until some connection waits on a row lock (the second insert, behind the first's unique key)."""
    for _ in range(500):
        async with sessions() as s:
            waiting = await s.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE wait_event_type = 'Lock' AND datname = current_database()"
                )
            )
        if waiting:
            return
        await asyncio.sleep(0.01)  # polling another connection's state, not waiting for time to pass
    raise AssertionError("the second insert never waited for the first")


async def _race(sessions: async_sessionmaker[AsyncSession], create: Callable[[AsyncSession], Awaitable[object]]) -> int:
    async with sessions() as first, sessions() as second:
        await first.begin()
        mine = await create(first)  # inserted, not committed yet
        await second.begin()
        theirs = asyncio.create_task(create(second))  # also saw nothing: inserts, blocks on the key
        await _until_blocked(sessions)
        await first.commit()
        found = await theirs  # unique violation inside its savepoint -> takes the committed row
        await second.commit()
        assert found.id == mine.id  # type: ignore[attr-defined]
        return found.id  # type: ignore[attr-defined]


async def test_a_person_created_by_two_instances_at_once_is_one_person(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await _race(sessions, lambda s: ensure_person(s, 777001, "hoa_vp", "Lê Thị Hoa"))
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Person).where(Person.tg_user_id == 777001)) == 1


async def test_a_group_created_by_two_instances_at_once_is_one_committee(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await _race(sessions, lambda s: ensure_committee(s, -100777, "BCĐ phường", NOW, "Asia/Ho_Chi_Minh"))
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Committee).where(Committee.chat_id == -100777)) == 1
