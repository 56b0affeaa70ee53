"""Shared fixtures: a fresh, migrated database per test — SQLite by default, PostgreSQL when
TEST_DATABASE_URL names a server (scripts/test.sh runs the suite both ways)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.engine import create_engine, normalise_url, session_factory
from db.migrate import upgrade_to_head

PG_ADMIN_URL = os.environ.get("TEST_DATABASE_URL", "")


def using_postgres() -> bool:
    return PG_ADMIN_URL.startswith("postgres")


# The mark of a module that never touches the test database (no `database_url`; at most a SQLite file of
# its own): nothing in it depends on TEST_DATABASE_URL, so it runs alike on both passes of
# scripts/test.sh and the PostgreSQL pass skips it, as it skips tests/domain (the SQLite pass ran it).
no_database = pytest.mark.skipif(using_postgres(), reason="does not use the test database: run on the SQLite pass")


@asynccontextmanager
async def fresh_database(folder: Path) -> AsyncIterator[str]:
    """An empty database: a SQLite file in `folder`, or a new PostgreSQL database dropped afterwards."""
    if not using_postgres():
        yield f"sqlite:///{folder / 'test.db'}"
        return
    import asyncpg

    admin = make_url(normalise_url(PG_ADMIN_URL))
    name = "t_" + uuid.uuid4().hex[:16]
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    yield admin.set(database=name).render_as_string(hide_password=False)
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture
async def database_url(tmp_path: Path) -> AsyncIterator[str]:
    """An empty database of its own for one test."""
    async with fresh_database(tmp_path) as url:
        yield url


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    eng = create_engine(database_url)
    await upgrade_to_head(eng)
    yield eng
    await eng.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return session_factory(engine)
