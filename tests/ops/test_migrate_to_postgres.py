"""`nhacviec migrate-to-postgres --to URL`: a SQLite database with real history (a committee's weeks
through the real bot) moved to an empty PostgreSQL database — every row of every table, equal
counts, the SQLite file untouched, the sequences past the copied ids; a PostgreSQL password written
raw with "@" and "/" works and is never printed. Needs a real PostgreSQL (the PostgreSQL pass of
scripts/test.sh)."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from bot.settings import database_url_from
from db.engine import create_engine, normalise_url
from db.models import Base, TaskEvent
from tests.conftest import PG_ADMIN_URL, using_postgres
from tests.ops.conftest import run_nhacviec, with_history

pytestmark = pytest.mark.skipif(not using_postgres(), reason="needs PostgreSQL (TEST_DATABASE_URL)")

PASSWORD = "Kh0ng@doan/duoc:2026"  # raw, with "@", "/" and ":"


def plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    return value


async def rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            out = {}
            for table in Base.metadata.sorted_tables:
                result = await conn.execute(select(table).order_by(*table.primary_key.columns))
                out[table.name] = [tuple(plain(v) for v in row) for row in result]
            return out
    finally:
        await engine.dispose()


async def empty_database_with_its_own_owner() -> tuple[str, str]:
    """A new database owned by a new role whose password has "@", "/" and ":": (raw URL, database)."""
    admin = make_url(normalise_url(PG_ADMIN_URL))
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    name, role = "t_move_" + uuid.uuid4().hex[:10], "nv_" + uuid.uuid4().hex[:8]
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
        await conn.execute(f'CREATE DATABASE "{name}" OWNER {role}')
    finally:
        await conn.close()
    return f"postgresql://{role}:{PASSWORD}@{admin.host}:{admin.port}/{name}", name


async def drop(name: str) -> None:
    admin = make_url(normalise_url(PG_ADMIN_URL))
    conn = await asyncpg.connect(admin.set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def started_on_it_by_mistake(url: str) -> None:
    """What `nhacviec run` leaves on a new database within seconds: the schema, one dispatcher's beat."""
    from db.migrate import upgrade_to_head
    from db.outbox import beat

    engine = create_engine(url)
    try:
        await upgrade_to_head(engine)
        async with AsyncSession(engine) as session, session.begin():
            await beat(session, "started-by-mistake", datetime.now(UTC))
    finally:
        await engine.dispose()


def test_a_sqlite_database_with_history_moves_to_postgres(tmp_path: Path, history_file: Path) -> None:
    sqlite = tmp_path / "nhacviec.db"
    sqlite_url = with_history(history_file, sqlite)
    digest = hashlib.sha256(sqlite.read_bytes()).hexdigest()
    raw_url, name = asyncio.run(empty_database_with_its_own_owner())
    try:
        # The administrator started the bot on PostgreSQL before moving the data: its schema and the heartbeat
        # of its dispatcher are there, no data. It used to be refused («đã có dữ liệu (bảng dispatcher_beats)»).
        asyncio.run(started_on_it_by_mistake(database_url_from(raw_url)))
        code, out, err = run_nhacviec(tmp_path, "migrate-to-postgres", "--to", raw_url, DATABASE_URL=sqlite_url)
        assert code == 0, out + err
        for part in (PASSWORD, "Kh0ng", "doan/duoc", "duoc:2026", "%40"):
            assert part not in out + err
        assert hashlib.sha256(sqlite.read_bytes()).hexdigest() == digest  # SQLite untouched (read-only)
        assert not Path(f"{sqlite}-wal").exists()
        pg_url = database_url_from(raw_url)  # as the bot reads DATABASE_URL (the raw password encoded)
        source, target = asyncio.run(rows(sqlite_url)), asyncio.run(rows(pg_url))
        # The stopped SQLite bot's heartbeats are not copied: on PostgreSQL a fresh one counted as a second
        # instance alive (the bot paced itself at half Telegram's limits until it went stale).
        beats = source.pop("dispatcher_beats")
        assert beats and [r[0] for r in target.pop("dispatcher_beats")] == ["started-by-mistake"]
        assert T.MOVE_TABLE_NOT_COPIED.format(table="dispatcher_beats", source=len(beats), target=0) in out
        assert source == target  # every row of every other table, ids included
        assert len(source["tasks"]) == 4 and len(source["task_events"]) >= 5
        assert any(r for r in source["reminders"]) and source["summary_runs"]
        for table, copied in source.items():
            assert T.MOVE_TABLE_LINE.format(table=table, source=len(copied), target=len(copied)) in out

        # The bot goes on on PostgreSQL: new rows get new ids (the sequences were moved past the copies).
        async def add_event() -> int:
            engine = create_engine(pg_url)
            try:
                async with engine.begin() as conn:
                    result = await conn.execute(TaskEvent.__table__.insert().values(
                        task_id=1, kind="note", at=datetime.now(UTC), data={}).returning(TaskEvent.id))
                    return int(result.scalar_one())
            finally:
                await engine.dispose()

        assert asyncio.run(add_event()) == max(r[0] for r in source["task_events"]) + 1
        code, out, _ = run_nhacviec(tmp_path, "status", DATABASE_URL=raw_url)
        assert "Phiên bản lược đồ" in out and "Đang chờ gửi" in out  # the same data, read by the bot's code

        # A second move into the now filled database is refused, and changes nothing.
        code, out, err = run_nhacviec(tmp_path, "migrate-to-postgres", "--to", raw_url, DATABASE_URL=sqlite_url)
        assert code == 1 and "đã có dữ liệu" in err
        assert len(asyncio.run(rows(pg_url))["task_events"]) == len(source["task_events"]) + 1
    finally:
        asyncio.run(drop(name))
