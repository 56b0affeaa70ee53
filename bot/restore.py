"""`nhacviec restore FILE`: put a backup back in place of the SQLite database, safely.

Replacing only `nhacviec.db` is not a restore: after a crash (kill -9, power cut) a `nhacviec.db-wal`
is left beside it, and SQLite replays that old WAL over the copied-in backup at the next start (a
backup of 2 tasks came back with 8). So this command:

1. refuses while a bot runs on the database (the single-instance lock, bot.instance_lock), and holds
   that lock until it is done, so that no bot starts half-way;
2. checks the backup before touching anything: `PRAGMA integrity_check`, the tables of a Nhắc việc
   database, and a schema revision this release knows (a newer one would not run);
3. sets the current database aside *with* its -wal and -shm, renamed together
   (`nhacviec-before-restore-YYYYmmdd-HHMMSS.db`, `...db-wal`, `...db-shm`): they stay a usable pair;
   only the newest few of those stay (`--keep-aside N`, bot/restore_aside.py), this one always;
4. copies the backup with SQLite's backup API to `<database>.restoring` (before step 3: an interrupted
   copy leaves the database as it was), keeping the old database's permissions and owner, then renames
   it into place;
5. says what it restored: committees, tasks, and the date of the newest recorded event.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot import texts as T
from bot.backup import os_user, sqlite_file
from bot.clock import SystemClock
from bot.instance_lock import AlreadyRunning, InstanceLock
from bot.restore_aside import DEFAULT_KEEP, prune_set_aside
from db.engine import is_sqlite

SIDECARS = ("-wal", "-shm", "-journal")
REQUIRED_TABLES = {"alembic_version", "committees", "people", "tasks", "task_events", "reminders"}


class RestoreRefused(Exception):
    """Why the backup is not restored (Vietnamese, for the administrator); nothing was changed."""


@dataclass(frozen=True)
class Contents:
    revision: str
    committees: int
    tasks: int
    newest: str | None  # date of the newest task event, as stored (UTC)


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def inspect_backup(path: Path, folder: Path | None = None) -> Contents:
    """What a backup holds, after checking it is a sound Nhắc việc database this release can run."""
    try:
        present = path.is_file()
    except PermissionError:  # a folder on the way is closed to this user (Python 3.11 raises here)
        present = True
    if not present:
        raise RestoreRefused(T.RESTORE_NO_FILE.format(path=path))
    # `sudo nhacviec restore ~/backup.db` runs as the service's user (the wrapper), who cannot read
    # root's home: it said «Permission denied … the old database was put back», which tells the
    # administrator neither why nor what to do.
    if not os.access(path, os.R_OK):
        raise RestoreRefused(T.RESTORE_UNREADABLE.format(path=path, user=os_user(), folder=folder or Path.cwd()))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise RestoreRefused(T.RESTORE_NOT_A_DATABASE.format(path=path, error=exc)) from exc
    try:
        try:
            check = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise RestoreRefused(T.RESTORE_NOT_A_DATABASE.format(path=path, error=exc)) from exc
        if check != ["ok"]:
            raise RestoreRefused(T.RESTORE_DAMAGED.format(path=path, error="; ".join(check[:3])))
        missing = REQUIRED_TABLES - tables
        if missing:
            raise RestoreRefused(T.RESTORE_NOT_NHACVIEC.format(path=path, missing=", ".join(sorted(missing))))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else ""
        if revision not in known_revisions():
            raise RestoreRefused(T.RESTORE_UNKNOWN_REVISION.format(path=path, revision=revision or "—"))
        committees = conn.execute("SELECT count(*) FROM committees").fetchone()[0]
        tasks = conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
        newest = conn.execute("SELECT max(at) FROM task_events").fetchone()[0]
    finally:
        conn.close()
    return Contents(revision=revision, committees=committees, tasks=tasks, newest=str(newest)[:10] if newest else None)


def set_aside(database: Path, when: datetime) -> list[tuple[Path, Path]]:
    """Rename the database and its -wal/-shm together; returns (old name, new name) pairs."""
    stamp = when.strftime("%Y%m%d-%H%M%S")
    base = database.with_name(f"{database.stem}-before-restore-{stamp}{database.suffix or '.db'}")
    n = 1
    # Two restores within one second (a scripted drill) gave the same name: the second replaced the first's
    # copy — the only one of the database before both. A number is added instead (…-HHMMSS-2.db).
    while any(Path(f"{base}{suffix}").exists() for suffix in ("", *SIDECARS)):
        n += 1
        base = database.with_name(f"{database.stem}-before-restore-{stamp}-{n}{database.suffix or '.db'}")
    moved = []
    for suffix in ("", *SIDECARS):
        current = Path(f"{database}{suffix}")
        if current.exists():
            target = Path(f"{base}{suffix}")
            os.replace(current, target)
            moved.append((current, target))
    return moved


def restoring_file(database: Path) -> Path:
    """Where the backup is copied before it takes the database's place."""
    return database.with_name(database.name + ".restoring")


def copy_in(backup: Path, database: Path, *, like: os.stat_result | None) -> Path:
    """The backup, through SQLite's backup API, into `<database>.restoring` (a standalone file, no -wal),
    with the permissions and owner of the database it replaces (`like`), else those of the backup. The
    database itself is not touched: the long copy happens before anything is moved (see restore_sqlite)."""
    model = like or backup.stat()
    partial = restoring_file(database)
    partial.unlink(missing_ok=True)
    mode = model.st_mode & 0o777
    os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, mode))
    os.chmod(partial, mode)
    if os.geteuid() == 0:  # root restoring for the service user: the file stays the service's
        with contextlib.suppress(OSError):
            os.chown(partial, model.st_uid, model.st_gid)
    src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    return partial


def restore_sqlite(database: Path, backup: Path, when: datetime) -> tuple[Contents, list[Path]]:
    """Check, set aside, copy in. Raises RestoreRefused (nothing changed) or AlreadyRunning."""
    if backup.resolve() == database.resolve():
        raise RestoreRefused(T.RESTORE_SAME_FILE.format(path=backup))
    contents = inspect_backup(backup, database.resolve().parent)
    lock = InstanceLock(f"sqlite:///{database.resolve()}")
    lock.acquire()  # AlreadyRunning while the bot runs
    try:
        like = database.stat() if database.exists() else None
        # The copy first, the renames after: interrupted during the copy (Ctrl-C, a full disk, the SSH link
        # gone, a power cut), the database is as it was. Set aside first, an interrupted copy left NO
        # database, and the next start of the bot made a new, empty one in its place.
        try:
            partial = copy_in(backup, database, like=like)
        except BaseException:
            with contextlib.suppress(OSError):
                restoring_file(database).unlink(missing_ok=True)
            raise
        moved = set_aside(database, when)
        try:
            os.replace(partial, database)
        except BaseException:
            # Put the old database back as it was: a failed restore changes nothing.
            with contextlib.suppress(OSError):
                restoring_file(database).unlink(missing_ok=True)
            for original, aside in moved:
                with contextlib.suppress(OSError):
                    os.replace(aside, original)
            raise
    finally:
        lock.release()
    return contents, [aside for _, aside in moved]


def run_check(backup: str) -> int:
    """`nhacviec restore --check FILE`: the checks a restore makes first, and what the backup holds; nothing
    is changed, and the bot may be running. 0 when it could be restored, 1 when not (said why)."""
    from bot.backup_pg import check_dump, is_dump

    if is_dump(Path(backup)):  # `nhacviec backup` on PostgreSQL made it (bot/backup_pg.py)
        return check_dump(Path(backup))
    try:
        contents = inspect_backup(Path(backup))
    except RestoreRefused as exc:
        print(exc, file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as exc:
        print(T.RESTORE_NOT_A_DATABASE.format(path=backup, error=exc), file=sys.stderr)
        return 1
    print(T.OPS15_BACKUP_GOOD.format(path=backup, committees=contents.committees, tasks=contents.tasks,
                                     newest=contents.newest or "—", revision=contents.revision))
    return 0


def run_restore(database_url: str, backup: str, keep_aside: int | None = None) -> int:
    """The command: 0 restored; 1 refused or failed (nothing changed); 3 the bot is running. `keep_aside`: how
    many set-aside copies stay, this restore's included (bot/restore_aside.py)."""
    if not is_sqlite(database_url):  # the line to run, with this database and this file (bot/backup_pg.py)
        from bot.backup import libpq_url

        print(T.PG_RESTORE_LINES.format(url=libpq_url(database_url), file=backup), file=sys.stderr)
        return 1
    database = sqlite_file(database_url)
    if database is None:
        return 1
    try:
        contents, moved = restore_sqlite(database, Path(backup), SystemClock().now().astimezone())
    except AlreadyRunning as exc:
        print(T.RESTORE_BOT_RUNNING.format(lock=exc), file=sys.stderr)
        return 3
    except RestoreRefused as exc:
        print(exc, file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as exc:
        print(T.RESTORE_FAILED.format(error=exc), file=sys.stderr)
        return 1
    print(
        T.RESTORE_DONE.format(
            backup=backup,
            database=database,
            committees=contents.committees,
            tasks=contents.tasks,
            newest=contents.newest or "—",
            revision=contents.revision,
        )
    )
    if moved:
        print(T.RESTORE_SET_ASIDE.format(files=", ".join(str(p) for p in moved)))
    try:
        keep = keep_aside or DEFAULT_KEEP
        removed = prune_set_aside(database, keep, moved[0] if moved else None)
    except OSError as exc:  # restored all the same: said, not a failed restore
        print(T.RESTORE_ASIDE_PRUNE_FAILED.format(error=exc), file=sys.stderr)
        return 0
    if removed:
        print(T.RESTORE_ASIDE_PRUNED.format(
            sets=len(removed), keep=keep, files=", ".join(p.name for files in removed for p in files)))
    return 0


def interrupted_restore(database_url: str) -> Path | None:
    """The `<database>.restoring` of a restore cut off between setting the database aside and renaming the
    copy into place (a power cut), when no database is there: the bot must not start and make a new, empty
    one — the administrator runs the restore again. None when all is in order (or not SQLite)."""
    if not is_sqlite(database_url):
        return None
    from sqlalchemy.engine import make_url

    from db.engine import normalise_url

    name = make_url(normalise_url(database_url)).database
    if not name or name == ":memory:":
        return None
    database = Path(name)
    partial = restoring_file(database)
    return partial if partial.exists() and not database.exists() else None
