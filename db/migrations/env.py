"""Alembic environment: uses the connection handed over by db.migrate (never opens its own in
the app); for `alembic revision --autogenerate` during development it builds one from DATABASE_URL."""

from __future__ import annotations

import asyncio
import os

from alembic import context
from sqlalchemy.engine import Connection

from db.engine import create_engine
from db.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _database_url() -> str:
    """The Alembic CLI (development: `alembic revision --autogenerate`) works on DATABASE_URL, or on
    the one in `.env`. Without either it stops: it used to create an empty nhacviec-dev.db beside the
    real database and report success. Operators use `nhacviec db ...` instead."""
    from bot.settings import database_url_from, default_env_file, read_env_file

    read_env_file(default_env_file())
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        raise SystemExit(
            "DATABASE_URL is not set (nor in .env): refusing to guess a database. "
            "Operators: use `nhacviec db current|upgrade|downgrade REV`."
        )
    return database_url_from(url)


async def _run_with_own_engine() -> None:
    engine = create_engine(_database_url())
    async with engine.begin() as conn:
        await conn.run_sync(_run)
    await engine.dispose()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    asyncio.run(_run_with_own_engine())
