"""`nhacviec db current|history|upgrade|downgrade REV`: the schema, through the bot's own settings.

Rolling a release back means downgrading the schema with the *newer* release first (only it knows the
newer migrations), then installing the older one. On SQLite the command refuses while the bot runs and
takes a backup first (`--no-backup` to skip it); on PostgreSQL it prints the pg_dump line to run first.
It never creates a database: a SQLite file that is not there is an error (a typo in DATABASE_URL
must not yield an empty database "at head").
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from bot import texts as T
from db.engine import is_sqlite, normalise_url

if TYPE_CHECKING:
    from bot.settings import Settings


async def _alembic(database_url: str, action: str, revision: str | None) -> str | None:
    """Runs the action on one connection (Alembic's asyncio recipe); returns the revision after it."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    from db.engine import create_engine
    from db.migrate import alembic_config, check_known_revision

    engine = create_engine(database_url)
    try:
        async with engine.begin() as conn:

            def work(connection) -> str | None:  # type: ignore[no-untyped-def]
                check_known_revision(connection)
                cfg = alembic_config()
                cfg.attributes["connection"] = connection
                if action == "upgrade":
                    command.upgrade(cfg, "head")
                elif action == "downgrade":
                    command.downgrade(cfg, revision or "-1")
                return MigrationContext.configure(connection).get_current_revision()

            return await conn.run_sync(work)
    finally:
        await engine.dispose()


def _known_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    return sorted(rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def _history(current: str | None) -> list[str]:
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    lines = []
    for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions():
        mark = "  ← " + T.DB_CURRENT_MARK if rev.revision == current else ""
        lines.append(f"{rev.revision}  {(rev.doc or '').strip()}{mark}")
    return lines


def run_db(settings: Settings, action: str, revision: str | None, *, backup: bool = True) -> int:
    """0 done; 1 refused or failed; 3 the bot runs (SQLite); 6 the schema is newer than this release."""
    from bot.backup import backup_sqlite, default_target, libpq_url
    from bot.instance_lock import AlreadyRunning, InstanceLock
    from db.migrate import SchemaTooNew

    url = settings.database_url
    if action == "downgrade" and revision not in (None, "base") and not (revision or "").startswith("-"):
        known = _known_revisions()
        if revision not in known:  # before the backup and the lock: a typo leaves nothing behind
            print(T.DB_UNKNOWN_REVISION.format(revision=revision, known=T.db_known_revisions(known)), file=sys.stderr)
            return 1
    lock = InstanceLock(url)
    if is_sqlite(url):
        name = make_url(normalise_url(url)).database or ""
        if not name or name == ":memory:" or not Path(name).is_file():
            print(T.DB_NO_DATABASE.format(path=name or ":memory:"), file=sys.stderr)
            return 1
        if action in ("upgrade", "downgrade"):
            try:
                lock.acquire()
            except AlreadyRunning as exc:
                print(T.RESTORE_BOT_RUNNING.format(lock=exc), file=sys.stderr)
                return 3
            if backup:
                result = backup_sqlite(Path(name), default_target(Path(name)))
                print(T.DB_BACKED_UP.format(target=result.target))
    elif action in ("upgrade", "downgrade") and backup:
        # The dump first, as SQLite's copy (it printed the pg_dump line, then changed the schema at once).
        from bot.backup_pg import default_dump_target, dump_postgres
        from bot.metrics import status_path_for

        target = default_dump_target(url, status_path_for(settings).parent)
        try:
            code, why = dump_postgres(url, target)
        except OSError as exc:
            code, why = 1, T.BACKUP_FAILED.format(error=exc)
        if code:
            print(why, file=sys.stderr)
            print(T.DB_PG_NOT_CHANGED, file=sys.stderr)
            return 1
        print(T.DB_PG_BACKED_UP.format(target=target, url=libpq_url(url)))
    try:
        after = asyncio.run(_alembic(url, action, revision))
    except SchemaTooNew as exc:
        print(T.SCHEMA_TOO_NEW.format(revision=exc.revision, head=exc.head), file=sys.stderr)
        return 6
    except Exception as exc:  # a revision that does not exist, a database that does not answer
        from bot.logging_setup import Redactor

        error = Redactor(settings.secrets)(f"{type(exc).__name__}: {exc}")
        print(T.DB_COMMAND_FAILED.format(error=error), file=sys.stderr)
        return 1
    finally:
        lock.release()
    if action == "history":
        print("\n".join(_history(after)))
    else:
        print(T.DB_REVISION.format(revision=after or "—", url=settings.safe_database_url))
    return 0
