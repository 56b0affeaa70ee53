"""`nhacviec migrate-to-postgres --to URL`: move a committee's SQLite database to PostgreSQL.

- The SQLite database is opened read-only (SQLite's `mode=ro`): it is left exactly as it was, and stays
  the way back (point DATABASE_URL at it again).
- The bot must be stopped (the single-instance lock is taken for the copy): what it wrote meanwhile
  would be missing from the copy.
- The SQLite database must be at this release's schema revision (start the bot once, or run
  `nhacviec db upgrade`, first); the PostgreSQL database is migrated to the same revision and must be
  empty.
- Every table of the models is copied in one PostgreSQL transaction, ids included (the sequences are
  moved past them); the row count of each table is compared before the commit: any difference and
  nothing is committed.
- Except `dispatcher_beats` (NOT_COPIED): the heartbeats of the stopped SQLite bot's dispatcher are
  liveness, not data. Copied, a beat a few seconds old counted on PostgreSQL as a second instance alive,
  and the first instance paced itself at half Telegram's limits until it went stale; a bot started on
  the new database by mistake before the move (its beat the only row) made the move refuse a database
  that holds no data. Claims the stopped bot held are taken over as any dead instance's.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Table, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from bot import texts as T
from db.engine import create_engine, is_sqlite, normalise_url

BATCH = 1000
NOT_COPIED = frozenset({"dispatcher_beats"})


class MoveRefused(Exception):
    """Why nothing was copied (Vietnamese, for the administrator)."""


@dataclass(frozen=True)
class TableCount:
    name: str
    source: int
    target: int
    copied: bool = True


def _tables() -> list[Table]:
    from db.models import Base

    return list(Base.metadata.sorted_tables)


def _aware(row: dict[str, Any], table: Table) -> dict[str, Any]:
    """SQLite hands back naive datetimes (stored in UTC); PostgreSQL's timestamptz wants them aware."""
    for column in table.columns:
        if isinstance(column.type, DateTime) and column.type.timezone:
            value = row.get(column.name)
            if isinstance(value, datetime) and value.tzinfo is None:
                row[column.name] = value.replace(tzinfo=UTC)
    return row


async def _count(conn: AsyncConnection, table: Table) -> int:
    return int(await conn.scalar(select(func.count()).select_from(table)) or 0)


async def _revision(conn: AsyncConnection) -> str | None:
    try:
        return await conn.scalar(text("SELECT version_num FROM alembic_version"))
    except Exception:
        return None


async def move(sqlite_uri: str, target_url: str) -> list[TableCount]:
    """Copy everything; returns the counts per table (equal, or MoveRefused was raised)."""
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config, upgrade_to_head

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    # Read-only: the SQLite file cannot be changed by this command, whatever happens.
    source = create_async_engine(f"sqlite+aiosqlite:///{sqlite_uri}?mode=ro&uri=true")
    target = create_engine(target_url)
    counts: list[TableCount] = []
    try:
        async with source.connect() as src:
            revision = await _revision(src)
            if revision != head:
                raise MoveRefused(T.MOVE_SOURCE_NOT_AT_HEAD.format(revision=revision or "—", head=head))
            await upgrade_to_head(target)
            async with target.begin() as dst:
                for table in _tables():
                    if table.name not in NOT_COPIED and await _count(dst, table):
                        raise MoveRefused(T.MOVE_TARGET_NOT_EMPTY.format(table=table.name))
                for table in _tables():
                    if table.name in NOT_COPIED:
                        counts.append(TableCount(table.name, await _count(src, table), 0, copied=False))
                        continue
                    order = [c for c in table.primary_key.columns]
                    result = await src.stream(select(table).order_by(*order))
                    async for chunk in result.mappings().partitions(BATCH):
                        await dst.execute(table.insert(), [_aware(dict(row), table) for row in chunk])
                    if "id" in table.columns and len(table.primary_key.columns) == 1:
                        await dst.execute(
                            text(
                                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                f"COALESCE((SELECT MAX(id) FROM {table.name}), 1), "
                                f"(SELECT MAX(id) FROM {table.name}) IS NOT NULL)"
                            )
                        )
                    counts.append(TableCount(table.name, await _count(src, table), await _count(dst, table)))
                wrong = [c for c in counts if c.copied and c.source != c.target]
                if wrong:
                    raise MoveRefused(
                        T.MOVE_COUNTS_DIFFER.format(tables=", ".join(f"{c.name} {c.source}≠{c.target}" for c in wrong))
                    )
    finally:
        await source.dispose()
        await target.dispose()
    return counts


def with_password(to: str, ask: Callable[[], str] | None) -> str:
    """`to` with the password asked for (`ask`: getpass, at a terminal) when the URL has none. Typed into the
    command line, the password stayed in the shell's history and in sudo's line of the journal («COMMAND=…
    --to postgresql://nhacviec:MẬT_KHẨU@…»), readable by whoever reads logs."""
    try:
        url = make_url(to)
    except Exception:  # told as not a PostgreSQL address below
        return to
    if ask is None or url.password or url.get_backend_name() != "postgresql":
        return to
    return url.set(password=ask()).render_as_string(hide_password=False)


def run_migrate_to_postgres(database_url: str, to: str, ask: Callable[[], str] | None = None) -> int:
    """0 moved; 1 refused or failed (nothing committed); 3 the bot is running. `ask`: how to ask for the
    password when `to` has none (None: not asked)."""
    from bot.instance_lock import AlreadyRunning, InstanceLock
    from bot.logging_setup import Redactor
    from bot.settings import Settings, database_url_from

    to = with_password(database_url_from(to), ask)
    if not is_sqlite(database_url):
        print(T.MOVE_SOURCE_NOT_SQLITE, file=sys.stderr)
        return 1
    if is_sqlite(to) or make_url(normalise_url(to)).get_backend_name() != "postgresql":
        print(T.MOVE_TARGET_NOT_POSTGRES, file=sys.stderr)
        return 1
    name = make_url(normalise_url(database_url)).database or ""
    if not name or name == ":memory:" or not Path(name).is_file():
        print(T.BACKUP_NO_FILE.format(path=name or ":memory:"), file=sys.stderr)
        return 1
    target_settings = Settings(database_url=to)
    redact = Redactor(target_settings.secrets)
    lock = InstanceLock(database_url)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        print(T.RESTORE_BOT_RUNNING.format(lock=exc), file=sys.stderr)
        return 3
    try:
        counts = asyncio.run(move(Path(name).resolve().as_uri(), to))
    except MoveRefused as exc:
        print(exc, file=sys.stderr)
        return 1
    except Exception as exc:
        from bot.pg_refusal import pg_refusal, pg_refusal_password

        if refused := pg_refusal(exc, to):
            # No password in --to and none asked for (not at a terminal): that, not «wrong password», is the fault.
            typed = ask is not None or bool(make_url(normalise_url(to)).password)
            reason = refused if typed or refused != pg_refusal_password(to) else T.PG_MIGRATE_ASK_AT_TERMINAL
            print(T.PG_MIGRATE_REFUSED.format(reason=reason), file=sys.stderr)
        else:
            print(T.MOVE_FAILED.format(error=redact(f"{type(exc).__name__}: {exc}")), file=sys.stderr)
        return 1
    finally:
        lock.release()
    for c in counts:
        line = T.MOVE_TABLE_LINE if c.copied else T.MOVE_TABLE_NOT_COPIED
        print(line.format(table=c.name, source=c.source, target=c.target))
    print(T.MOVE_DONE.format(source=name, url=target_settings.safe_database_url))
    return 0
