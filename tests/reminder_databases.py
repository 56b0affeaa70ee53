"""Fresh migrated databases for the reminder tests: a SQLite temp file always, and PostgreSQL
too when TEST_DATABASE_URL is a postgresql URL (a throw-away database is created on that server
for each test and dropped after)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import create_engine, normalise_url
from db.migrate import upgrade_to_head


def available_databases() -> list[str]:
    kinds = ["sqlite"]
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url.startswith(("postgresql", "postgres")):
        kinds.append("postgresql")
    return kinds


@asynccontextmanager
async def fresh_database(kind: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    if kind == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path / 'test.db'}")
        await upgrade_to_head(engine)
        try:
            yield engine
        finally:
            await engine.dispose()
        return
    server = make_url(normalise_url(os.environ["TEST_DATABASE_URL"]))
    name = f"nv_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server.render_as_string(hide_password=False))
    async with admin.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_engine(server.set(database=name).render_as_string(hide_password=False))
    try:
        await upgrade_to_head(engine)
        yield engine
    finally:
        await engine.dispose()
        async with admin.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()
