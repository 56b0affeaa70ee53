"""The migrations build the schema the models describe, and the per-committee counter is atomic."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db import committees, tasks
from db.models import Base
from domain.types import Deadline, DeadlineKind

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


async def test_migrations_match_models(engine: AsyncEngine) -> None:
    """What Alembic's autogenerate would add or drop after the migrations ran: nothing (a model
    change without its migration, an index forgotten in either)."""

    def differences(conn: Connection) -> list[object]:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        return list(compare_metadata(context, Base.metadata))

    async with engine.connect() as conn:
        tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
        diff = await conn.run_sync(differences)
    assert set(Base.metadata.tables) <= tables
    assert diff == []


async def test_task_numbers_are_per_committee_and_never_repeat(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        a = await committees.ensure_committee(s, -1001, "Phường A", NOW, "Asia/Ho_Chi_Minh")
        b = await committees.ensure_committee(s, -1002, "Phường B", NOW, "Asia/Ho_Chi_Minh")
    ids = (a.id, b.id)

    async def log(committee_id: int) -> int:
        async with sessions() as s, s.begin():
            committee = await s.get(type(a), committee_id)
            assert committee is not None
            task = await tasks.create_task(
                s,
                committee,
                text="Rà soát hồ sơ",
                assignees=[],
                deadline=Deadline(DeadlineKind.DATE, date(2026, 12, 15)),
                due=date(2026, 12, 15),
                assigned_on=date(2026, 11, 23),
                actor_id=None,
                now=NOW,
            )
            return task.number

    numbers_a = [await log(ids[0]) for _ in range(3)]
    numbers_b = await asyncio.gather(*(log(ids[1]) for _ in range(5)))
    assert numbers_a == [1, 2, 3]
    assert sorted(numbers_b) == [1, 2, 3, 4, 5]


async def test_person_placeholder_is_linked_when_seen(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        placeholder = await committees.person_by_username(s, "@Lan_VP", create=True)
        assert placeholder is not None and placeholder.tg_user_id is None
    async with sessions() as s, s.begin():
        seen = await committees.ensure_person(s, 777, "lan_vp", "Nguyễn Thị Lan")
    assert seen.id == placeholder.id
    assert seen.tg_user_id == 777 and seen.full_name == "Nguyễn Thị Lan"
