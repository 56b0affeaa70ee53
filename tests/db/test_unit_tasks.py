"""db.unit_tasks.open_tasks_of_units: the open tasks of several units in one query — what a leaver's
units are told, noted and given back with (db.membership, db.contact_return, db.departures)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.unit_tasks import numbers, open_tasks_of_units
from tests.reminder_world import World

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
DUE = date(2026, 12, 20)


async def test_open_tasks_by_unit_in_one_query(engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]) -> None:
    w = World(sessions)
    here = await w.committee("BCĐ Chuyển đổi số", -100, NOW)
    other = await w.committee("BCĐ An toàn giao thông", -200, NOW)
    office = await w.unit(here, "Văn phòng")
    police = await w.unit(here, "Công an huyện")
    quiet = await w.unit(here, "Phòng Tư pháp")
    await w.task(here, "Báo cáo tiến độ", DUE, NOW, lead_unit=police)  # 1
    await w.task(here, "Rà soát hồ sơ", DUE, NOW, lead_unit=office, support_unit=office)  # 2: on it twice
    done = await w.task(here, "Tổng hợp số liệu", DUE, NOW, lead_unit=office)  # 3, done below
    await w.task(here, "Lập kế hoạch", DUE, NOW, lead_unit=police, support_unit=office)  # 4
    await w.update_task(done, NOW, status="done")
    # Another committee's task naming this committee's unit (a stale link) is never counted.
    await w.task(other, "Việc của ban khác", DUE, NOW, lead_unit=office)

    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", seen)
    try:
        async with sessions() as s:
            await open_tasks_of_units(s, here, [office])
        one_unit = len(statements)
        async with sessions() as s:
            got = await open_tasks_of_units(s, here, [office, police, quiet, office])
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", seen)

    assert {uid: numbers(tasks) for uid, tasks in got.items()} == {office: [2, 4], police: [1, 4]}
    assert all(t.committee_id == here and t.status == "open" for tasks in got.values() for t in tasks)
    assert quiet not in got  # no open task: absent, as the callers expect
    # As many statements for three units as for one: the tasks' query (and the assignees Task loads
    # with it, lazy="selectin"), never one a unit as take_departure asked before.
    assert len(statements) == 2 * one_unit


async def test_no_units_asks_nothing(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s:
        assert await open_tasks_of_units(s, 1, []) == {}
