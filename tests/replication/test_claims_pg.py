"""The claim that makes several instances safe, without leaving it to chance: while one instance
holds its claim transaction open, another claiming at that very moment skips the locked rows and
takes the others (FOR UPDATE SKIP LOCKED), for reminders and for weekly summaries alike. Without
SKIP LOCKED the second claim would wait for the first and then take the same rows again."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.reminders import claim_due
from db.summaries import claim_due_summaries, ensure_summary_runs
from tests.conftest import using_postgres
from tests.reminder_world import World

pytestmark = pytest.mark.skipif(not using_postgres(), reason="row locks between instances: PostgreSQL only")

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=VN).astimezone(UTC)


async def test_a_second_claimer_skips_rows_held_by_the_first(sessions: async_sessionmaker[AsyncSession]) -> None:
    world = World(sessions)
    committees = []
    for c in range(4):
        com = await world.committee(f"BCĐ {c}", -100 - c, NOW - timedelta(days=30))
        lan = await world.person(f"Cán bộ {c}", 1000 + c)
        unit = await world.unit(com, "Văn phòng", (lan,))
        for n in range(5):
            await world.task(com, f"Việc {n}", date(2026, 12, 16), NOW, lead_unit=unit)
        committees.append(com)
    async with sessions() as s, s.begin():
        await ensure_summary_runs(s, NOW)
    due = datetime(2026, 12, 16, 9, 0, tzinfo=VN).astimezone(UTC)  # everything is due by then

    first = sessions()
    await first.begin()  # instance A's claim transaction, still open
    try:
        held = await claim_due(first, due, "a", 6)
        held_summaries = await claim_due_summaries(first, due, "a", 2)
        assert len(held) == 6 and len(held_summaries) == 2
        async with asyncio.timeout(10), sessions() as s, s.begin():  # instance B, at the same moment
            taken = await claim_due(s, due, "b", 1000)
            taken_summaries = await claim_due_summaries(s, due, "b", 1000)
    finally:
        await first.commit()
        await first.close()
    assert {r.id for r in held}.isdisjoint(r.id for r in taken)
    assert len(taken) > 0
    assert {r.id for r in held_summaries}.isdisjoint(r.id for r in taken_summaries)
    assert len(taken_summaries) > 0
