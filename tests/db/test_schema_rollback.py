"""Rolling a release back (README «Quay lại bản phát hành cũ») on SQLite and on PostgreSQL: every
migration goes down and up again, and the newest one (0009 chair_endings, added the day of the
release) goes down to 0008 with rows in its table and the rest of the data kept, then up again to a
schema that matches the models."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

from db import committees
from db.chair_endings import note_chair_ended
from db.engine import session_factory
from db.migrate import alembic_config
from db.models import Base

NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


async def _alembic(engine: AsyncEngine, action: str, revision: str) -> str | None:
    def work(connection: Connection) -> str | None:
        cfg = alembic_config()
        cfg.attributes["connection"] = connection
        getattr(command, action)(cfg, revision)
        return MigrationContext.configure(connection).get_current_revision()

    async with engine.begin() as conn:
        return await conn.run_sync(work)


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": False})
    return list(compare_metadata(context, Base.metadata))


async def test_the_newest_migration_goes_down_and_up_with_data(engine: AsyncEngine) -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    head = scripts.get_current_head()
    previous = scripts.get_revision(head).down_revision  # type: ignore[union-attr]
    assert isinstance(previous, str)
    sessions = session_factory(engine)
    async with sessions() as s, s.begin():
        committee = await committees.ensure_committee(s, -1001, "BCĐ Phường 1", NOW, "Asia/Ho_Chi_Minh")
        person = await committees.ensure_person(s, 777, "lan_vp", "Nguyễn Thị Lan")
        await note_chair_ended(s, committee.id, person.id, NOW)

    assert await _alembic(engine, "downgrade", previous) == previous
    async with engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM committees"))).scalar() == 1
        assert (await conn.execute(text("SELECT count(*) FROM people"))).scalar() == 1

    assert await _alembic(engine, "upgrade", "head") == head
    async with engine.connect() as conn:
        assert await conn.run_sync(_differences) == []
        assert (await conn.execute(text("SELECT count(*) FROM committees"))).scalar() == 1


async def test_every_migration_goes_down_to_base_and_up_again(engine: AsyncEngine) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert await _alembic(engine, "downgrade", "base") is None
    async with engine.connect() as conn:
        left = await conn.run_sync(lambda c: set(inspect(c).get_table_names()) - {"alembic_version"})
    assert left == set()
    assert await _alembic(engine, "upgrade", "head") == head
    async with engine.connect() as conn:
        assert await conn.run_sync(_differences) == []
