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


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer release: this one does not know its revision. Running
    on it (or letting Alembic guess) could damage it; the administrator must upgrade the release or
    downgrade the database with the newer release (`nhacviec db downgrade REV`)."""

    def __init__(self, revision: str, head: str) -> None:
        super().__init__(f"database schema revision {revision!r} is unknown to this release (head {head!r})")
        self.revision = revision
        self.head = head


def alembic_config() -> Config:
    cfg = Config(str(_HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(_HERE / "migrations"))
    return cfg


async def upgrade_to_head(engine: AsyncEngine) -> None:
    cfg = alembic_config()

    def _run(connection) -> None:  # type: ignore[no-untyped-def]
        check_known_revision(connection)
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")

    async with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Replicated instances start together: one migrates, the others wait here, then find
            # the schema at head. Held until this transaction ends (DDL is transactional on PG).
            await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        await conn.run_sync(_run)


def check_known_revision(connection) -> str | None:  # type: ignore[no-untyped-def]
    """The database's revision (None: not migrated yet); SchemaTooNew when this release does not know
    it (an older release started on a newer schema)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    current = MigrationContext.configure(connection).get_current_revision()
    if current is None:
        return None
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in scripts.walk_revisions()}
    if current not in known:
        raise SchemaTooNew(current, scripts.get_current_head() or "")
    return current
