"""Several instances on one database: the reminders a dead instance was sending when their task was
re-planned (superseded) are put back by a live one — never a live instance's (db.reminders.
restore_dead_superseded). On SQLite and, with TEST_DATABASE_URL, PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import DispatcherBeat, UnitContact
from db.outbox import beat
from db.reminders import CLAIM_LEASE, claim_due, mark_sent, plan_next, replan_task, restore_dead_superseded
from tests.reminder_world import World

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=VN).astimezone(UTC)
FRIDAY = datetime(2026, 12, 11, 8, 0, tzinfo=VN).astimezone(UTC)  # 3 working days before 16/12
WALL = datetime(2026, 12, 6, 18, 0, tzinfo=UTC)  # real time (the beats)
ALIVE = timedelta(seconds=30)


async def superseded_friday(world: World) -> dict[str, int]:
    """Instance `a` claims Friday's reminders of Lan and Minh; Minh leaves the unit and the task is
    re-planned while they are being sent (both rows superseded, Lan's next planned for Tuesday)."""
    com = await world.committee("BCĐ Chuyển đổi số", -100, NOW - timedelta(days=30))
    lan = await world.person("Nguyễn Thị Lan", 1001)
    minh = await world.person("Trần Văn Minh", 1002, private_chat=False)
    chu = await world.person("Lê Văn Chủ", 1003)
    await world.chair(com, chu)
    vp = await world.unit(com, "Văn phòng", (lan, minh))
    task = await world.task(com, "Việc", date(2026, 12, 16), NOW, lead_unit=vp)
    async with world.sessions() as s, s.begin():
        await beat(s, "a", WALL, ALIVE)
        assert len(await claim_due(s, FRIDAY, "a", 10)) == 2
    async with world.sessions() as s, s.begin():
        await s.execute(delete(UnitContact).where(UnitContact.person_id == minh))
        await replan_task(s, task, FRIDAY)
    return {"task": task, "lan": lan, "minh": minh, "chu": chu}


async def restore(world: World, now: datetime, wall: datetime = WALL) -> int:
    async with world.sessions() as s, s.begin():
        return await restore_dead_superseded(s, now, wall, ALIVE)


async def statuses(world: World, task: int) -> list[tuple[int | None, date, str]]:
    return sorted(((r.person_id, r.local_day, r.status) for r in await world.reminders(task)), key=str)


async def test_a_live_instances_superseded_reminders_are_left_to_it(sessions: async_sessionmaker[AsyncSession]) -> None:
    world = World(sessions)
    ids = await superseded_friday(world)
    before = await statuses(world, ids["task"])
    late = FRIDAY + CLAIM_LEASE + timedelta(minutes=1)
    async with world.sessions() as s, s.begin():
        await beat(s, "a", WALL, ALIVE)  # still beating: its sends are in flight, however long
    assert await restore(world, late) == 0
    # Dead (no beat for longer than ALIVE) but its claim is younger than the lease: not yet either.
    assert await restore(world, FRIDAY + timedelta(minutes=1), WALL + 2 * ALIVE) == 0
    assert await statuses(world, ids["task"]) == before


async def test_a_dead_instances_superseded_reminder_goes_out_once_from_a_live_one(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    world = World(sessions)
    ids = await superseded_friday(world)
    late = FRIDAY + CLAIM_LEASE + timedelta(minutes=1)
    dead_for = WALL + 2 * ALIVE
    async with world.sessions() as s, s.begin():
        for alive in ("b", "c"):
            await beat(s, alive, dead_for, ALIVE)
    # Two live instances at it at once: Lan's row is put back once, Minh's (he left) deleted.
    restored = await asyncio.gather(restore(world, late, dead_for), restore(world, late, dead_for))
    assert sorted(restored) == [0, 1]
    assert await statuses(world, ids["task"]) == sorted(
        [(ids["lan"], date(2026, 12, 11), "pending"), (ids["chu"], date(2026, 12, 21), "pending")], key=str
    )
    async with world.sessions() as s, s.begin():
        [row] = await claim_due(s, late, "b", 10)
    assert (row.person_id, row.local_day) == (ids["lan"], date(2026, 12, 11))
    async with world.sessions() as s, s.begin():
        assert await mark_sent(s, [(row.id, row.kind, row.local_day)], late, "b", 1, 7) == {row.id}
        assert await plan_next(s, row, row.local_day, late)
    assert await statuses(world, ids["task"]) == sorted(
        [(ids["lan"], date(2026, 12, 11), "sent"), (ids["lan"], date(2026, 12, 15), "pending"),
         (ids["chu"], date(2026, 12, 21), "pending")], key=str
    )
    assert await restore(world, late + timedelta(hours=1), dead_for) == 0


async def test_an_instance_never_seen_beating_counts_as_dead(sessions: async_sessionmaker[AsyncSession]) -> None:
    # Its beat row is gone (forgotten after ten stale periods): what it left is put back too.
    world = World(sessions)
    ids = await superseded_friday(world)
    async with world.sessions() as s, s.begin():
        await s.execute(delete(DispatcherBeat))
    assert await restore(world, FRIDAY + CLAIM_LEASE + timedelta(seconds=1)) == 1
    assert (ids["lan"], date(2026, 12, 11), "pending") in await statuses(world, ids["task"])
