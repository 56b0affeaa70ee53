"""Membership look-ups kept in the database (db/membership_lookups.py): who may take them up, and
what a round records — on SQLite and, with TEST_DATABASE_URL, PostgreSQL (several instances)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db import membership_lookups as lookups
from db.models import Committee, DispatcherBeat, MembershipLookup
from db.outbox import beat
from tests.reminder_world import World

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # the bot's clock
WALL = datetime(2026, 12, 6, 18, 0, tzinfo=UTC)  # real time (the beats)
ALIVE = timedelta(seconds=30)
PEOPLE = [1001, 1002, 1003]


async def rows(sessions: async_sessionmaker[AsyncSession]) -> list[tuple[int, str | None, int]]:
    async with sessions() as s:
        found = await s.execute(
            select(MembershipLookup.tg_user_id, MembershipLookup.claimed_by, MembershipLookup.attempts)
            .order_by(MembershipLookup.tg_user_id)
        )
        return [tuple(r) for r in found.all()]  # type: ignore[misc]


async def queued(sessions: async_sessionmaker[AsyncSession], worker: str = "a") -> int:
    committee = await World(sessions).committee("BCĐ Chuyển đổi số", -100, NOW)
    async with sessions() as s, s.begin():
        await lookups.queue(s, committee, PEOPLE, NOW, worker)
    return committee


async def claim(sessions: async_sessionmaker[AsyncSession], worker: str, now: datetime = NOW) -> int:
    async with sessions() as s, s.begin():
        return await lookups.claim_due(s, now, worker, WALL, ALIVE)


async def test_queued_look_ups_belong_to_the_instance_that_queued_them(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    committee = await queued(sessions)
    assert await rows(sessions) == [(p, "a", 0) for p in PEOPLE]
    async with sessions() as s:
        assert (await lookups.held(s, committee, "a", 10)).tg_user_ids == PEOPLE
        assert (await lookups.held(s, committee, "b", 10)).tg_user_ids == []
        assert await lookups.chats_held(s, "a") == [-100]
    # Another instance never takes a live one's look-ups (a is alive: it beat just now).
    async with sessions() as s, s.begin():
        await beat(s, "a", WALL, ALIVE)
    assert await claim(sessions, "b") == 0
    # Nor does a's own resume take them again: its check is under way.
    assert await claim(sessions, "a") == 0


async def test_a_dead_instances_look_ups_are_taken_up_when_due_by_one_instance(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    committee = await queued(sessions, "dead")
    async with sessions() as s, s.begin():  # a flood wait recorded: due again in an hour
        await lookups.record_round(s, committee, "dead", done=[1001], again=[1002, 1003],
                                   due_at=NOW + timedelta(hours=1), error="flood wait 3600s", give_up_after=6)
        s.add(DispatcherBeat(worker_id="dead", seen_at=WALL - 2 * ALIVE))  # its last beat: stale
        for alive in ("b", "c"):
            await beat(s, alive, WALL, ALIVE)
    assert await rows(sessions) == [(1002, "dead", 1), (1003, "dead", 1)]
    assert await claim(sessions, "b") == 0  # not due yet: Telegram's wait is kept
    later = NOW + timedelta(hours=1)
    # Two live instances race for them: each look-up is taken by exactly one.
    taken = await asyncio.gather(claim(sessions, "b", later), claim(sessions, "c", later))
    assert sorted(taken) in ([0, 2], [1, 1])
    owners = {owner for _, owner, _ in await rows(sessions)}
    assert owners <= {"b", "c"} and sum(taken) == 2
    assert await claim(sessions, "b", later) == 0 and await claim(sessions, "c", later) == 0


async def test_released_look_ups_are_taken_up_but_not_those_of_a_paused_committee(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    committee = await queued(sessions, "gone")
    async with sessions() as s, s.begin():
        assert await lookups.release_all(s) == 3
        com = await s.get(Committee, committee)
        assert com is not None
        com.active = False  # removed again: nothing is looked up until the bot is back
    assert await claim(sessions, "b") == 0
    async with sessions() as s, s.begin():
        com = await s.get(Committee, committee)
        assert com is not None
        com.active = True
    assert await claim(sessions, "b") == 3
    assert {owner for _, owner, _ in await rows(sessions)} == {"b"}


async def test_a_round_records_what_is_done_and_gives_up_after_the_last_attempt(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    committee = await queued(sessions)
    for n in range(1, 4):
        async with sessions() as s, s.begin():
            retried, given_up = await lookups.record_round(
                s, committee, "a", done=[1001] if n == 1 else [], again=[1002, 1003],
                due_at=NOW + timedelta(seconds=5 * n), error="500", give_up_after=3,
            )
        assert (retried, given_up) == ((2, 0) if n < 3 else (0, 2))
    assert await rows(sessions) == []
    # A newer re-add replaces the look-ups; the older check's record touches nothing of them.
    async with sessions() as s, s.begin():
        await lookups.queue(s, committee, PEOPLE[:2], NOW, "b")
        assert await lookups.record_round(s, committee, "a", done=[1001], again=[1002], due_at=NOW, error="",
                                          give_up_after=6) == (0, 0)
        assert await lookups.drop(s, committee, "a") == 0
    assert await rows(sessions) == [(1001, "b", 0), (1002, "b", 0)]
