"""`nhacviec backup`: a consistent copy of the SQLite database while the bot keeps running.

It uses SQLite's online backup API (sqlite3.Connection.backup), not a file copy: copying the .db
file of a live WAL database can miss the pages still in the -wal file, or catch a half-written
transaction. The copy is made in one step (pages=-1), i.e. inside one read transaction: a snapshot
of one moment; in WAL mode (db/engine.py) the bot's writers are not blocked meanwhile. It is written
to a temporary file and renamed, so a target file is never half a backup.

PostgreSQL has pg_dump for this; the command prints how to use it.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from bot import texts as T
from bot.clock import SystemClock
from db.engine import is_sqlite, normalise_url


@dataclass(frozen=True)
class BackupResult:
    target: Path
    size: int
    tasks: int


def default_target(source: Path, when: datetime | None = None) -> Path:
    # The machine's local time in the file name (what the admin reads in `ls`), from the one clock.
    stamp = (when or SystemClock().now().astimezone()).strftime("%Y%m%d-%H%M%S")
    return source.with_name(f"{source.stem}-{stamp}{source.suffix or '.db'}")


def backup_sqlite(source: Path, target: Path) -> BackupResult:
    """Copy `source` to `target` with the online backup API; returns what the copy holds."""
    if not source.is_file():
        raise FileNotFoundError(T.BACKUP_NO_FILE.format(path=source))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    # The copy holds what the database holds: it gets the database's permissions (a 0600 database
    # gave a 0644 backup). Created empty with them before SQLite opens it (SQLite takes an empty file
    # as a new database), so it is never readable by others, not even for a moment.
    mode = source.stat().st_mode & 0o777
    os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, mode))
    os.chmod(partial, mode)  # the umask may have taken bits away
    # Read-only URI: the backup never writes to the live database (nor creates it by mistake).
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst, pages=-1)
            # The copy stands alone: one file, no -wal beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
            tasks = _count_tasks(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, target)
    return BackupResult(target=target, size=target.stat().st_size, tasks=tasks)


def _count_tasks(conn: sqlite3.Connection) -> int:
    try:
        return int(conn.execute("SELECT count(*) FROM tasks").fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet: an empty database
        return 0


def libpq_url(database_url: str) -> str:
    """The URL for pg_dump / psql: no driver name, no query (asyncpg's options are not libpq's) and
    no password at all — pasted with the password masked ("***") it failed; libpq takes it from
    PGPASSWORD or ~/.pgpass."""
    url = make_url(normalise_url(database_url))
    bare = URL.create("postgresql", username=url.username, host=url.host, port=url.port, database=url.database)
    return bare.render_as_string(hide_password=False)


def os_user() -> str:
    """Who the command runs as, for the messages that say whose permissions are missing."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.geteuid())


def sqlite_file(database_url: str) -> Path | None:
    """The file of a SQLite database URL; None, said on stderr, when it has none (in memory)."""
    database = make_url(normalise_url(database_url)).database
    if not database or database == ":memory:":
        print(T.BACKUP_NO_FILE.format(path=database or ":memory:"), file=sys.stderr)
        return None
    return Path(database)


# A backup's name in a series: a prefix ending in "-" or "_", a date or time (digits, "-", "_", "T"), a suffix —
# «nhacviec-2026-12-07.db» (the README's crontab line), «nhacviec-20261207-021500.db» (the default).
_SERIES = re.compile(r"(?P<prefix>.+?[-_])(?P<stamp>[0-9][0-9T_-]*[0-9])(?P<suffix>\.[A-Za-z]+)?")


def series_of(target: Path) -> tuple[str, str] | None:
    """The (prefix, suffix) of the series `target` belongs to; None when its name has no date or time."""
    found = _SERIES.fullmatch(target.name)
    return (found["prefix"], found["suffix"] or "") if found else None


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def rotate(target: Path, keep: int, database: Path | None,
           kind: Callable[[Path], bool] | None = None) -> list[Path]:
    """Remove the backups of `target`'s series beyond the `keep` newest (by time written, then name); returns
    what was removed, oldest first. Only files of the series that are SQLite databases, in the target's folder,
    never the database itself: what a restore set aside («…-before-restore-…»), copies named by hand, other
    files, are left alone. `kind`: what a member of the series is (default: a SQLite database; pg_dump's files
    for PostgreSQL)."""
    prefix, suffix = series_of(target) or ("", "")
    live = database.resolve() if database is not None else None
    kind = kind or _is_sqlite
    members = []
    for path in target.parent.iterdir():
        found = _SERIES.fullmatch(path.name)
        if (found is None or (found["prefix"], found["suffix"] or "") != (prefix, suffix) or path.is_symlink()
                or not path.is_file() or path.resolve() == live or not kind(path)):
            continue
        members.append(path)
    members.sort(key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    old = members[keep:]
    for path in old:
        path.unlink()
    return old[::-1]


def _disk_full(exc: BaseException) -> bool:
    import errno

    return getattr(exc, "errno", None) == errno.ENOSPC or "disk is full" in str(exc)


def run_backup(database_url: str, to: str | None, keep: int | None = None, data: Path | None = None) -> int:
    """The command: 0 on success, 1 on failure, 2 for a --keep that cannot work; PostgreSQL: pg_dump
    (bot/backup_pg.py). `keep`: the backups of the target's series kept, the new one included (None: all)."""
    if not is_sqlite(database_url):
        from bot.backup_pg import run_pg_backup

        return run_pg_backup(database_url, to, keep, data or Path.cwd())
    source = sqlite_file(database_url)
    if source is None:
        return 1
    target = Path(to) if to else default_target(source)
    if keep is not None and series_of(target) is None:  # before anything is written
        print(T.BACKUP_KEEP_NO_DATE.format(name=target.name), file=sys.stderr)
        return 2
    try:
        result = backup_sqlite(source, target)
    except PermissionError as exc:
        # `sudo nhacviec backup --to /root/...` runs as the service's user (the wrapper), who may not
        # write there: say who, and where it can (the database's folder), not only "Permission denied".
        with contextlib.suppress(OSError):
            target.with_name(target.name + ".partial").unlink(missing_ok=True)
        print(T.BACKUP_UNWRITABLE.format(user=os_user(), target=target, error=exc.strerror,
                                         example=source.resolve().parent / "saoluu" / target.name), file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            target.with_name(target.name + ".partial").unlink(missing_ok=True)
        print(T.BACKUP_FAILED.format(error=exc), file=sys.stderr)
        if _disk_full(exc):  # SQLite's «database or disk is full» alone did not say which disk, nor what to do
            print(T.OPS15_BACKUP_DISK_FULL.format(folder=target.resolve().parent), file=sys.stderr)
        return 1
    print(T.BACKUP_DONE.format(source=source, target=result.target, size=result.size, tasks=result.tasks))
    if keep is not None:
        try:
            removed = rotate(result.target, keep, source)
        except OSError as exc:  # the backup is made: said, but not a failed backup
            print(T.BACKUP_ROTATE_FAILED.format(error=exc), file=sys.stderr)
            return 0
        if removed:
            print(T.BACKUP_ROTATED.format(removed=len(removed), keep=keep, oldest=oldest_kept(result.target)))
    return 0


def oldest_kept(target: Path, kind: Callable[[Path], bool] | None = None) -> str:
    """The name of the oldest backup of `target`'s series left after a rotation."""
    kind = kind or _is_sqlite
    kept = [p for p in target.parent.iterdir() if series_of(p) == series_of(target) and p.is_file() and kind(p)]
    return min(kept, key=lambda p: (p.stat().st_mtime, p.name)).name
