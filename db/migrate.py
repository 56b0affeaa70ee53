"""Apply Alembic migrations on start, from inside the running event loop.

Follows Alembic's "connection sharing with asyncio" recipe: the async engine's connection is handed
to env.py through `config.attributes` and the migration runs under `run_sync`.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

_HERE = Path(__file__).resolve().parent
# Any fixed number: the PostgreSQL advisory lock that serialises migrations of several instances.
_MIGRATION_LOCK = 0x6E68_6163  # "nhac"


def alembic_config() -> Config:
    cfg = Config(str(_HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(_HERE / "migrations"))
    return cfg


async def upgrade_to_head(engine: AsyncEngine) -> None:
    cfg = alembic_config()

    def _run(connection) -> None:  # type: ignore[no-untyped-def]
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")

    async with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Replicated instances start together: one migrates, the others wait here, then find
            # the schema at head. Held until this transaction ends (DDL is transactional on PG).
            await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        await conn.run_sync(_run)
