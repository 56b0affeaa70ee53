"""`nhacviec backup` on PostgreSQL: the dump taken with pg_dump (PostgreSQL's own tool, consistent while the bot
runs), not only its command line printed.

Printed only, the README's nightly crontab line (`nhacviec backup --to … --keep 14`), kept after
`nhacviec migrate-to-postgres`, made no backup at all and exited 0 every night. Now the same line dumps:
- pg_dump gets the password from the settings through its environment (PGPASSWORD), never on a command line
  (which `ps` shows to every user);
- the dump is written to `<target>.partial` created 0600 (it holds everyone's names and Telegram ids), and
  renamed when pg_dump succeeded: a target is never half a dump;
- `--keep N` rotates the target's series as for SQLite (bot/backup.py rotate), among pg_dump's custom-format
  files only (their first bytes are «PGDMP»);
- no pg_dump on the machine: what to install and the lines to run by hand, exit 1 (no backup was made).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from bot import texts as T
from bot.clock import SystemClock
from db.engine import normalise_url

DUMP_MAGIC = b"PGDMP"  # pg_dump --format=custom files begin with it


def is_dump(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(DUMP_MAGIC)) == DUMP_MAGIC
    except OSError:
        return False


def default_dump_target(database_url: str, folder: Path, when: datetime | None = None) -> Path:
    """`<database name>-YYYYMMDD-HHMMSS.dump` in `folder` (the machine's local time, as for SQLite)."""
    name = make_url(normalise_url(database_url)).database or "nhacviec"
    stamp = (when or SystemClock().now().astimezone()).strftime("%Y%m%d-%H%M%S")
    return folder / f"{name}-{stamp}.dump"


def _redact(text: str, password: str | None) -> str:
    return text.replace(password, "<secret>") if password else text


def dump_postgres(database_url: str, target: Path) -> tuple[int, str]:
    """pg_dump into `target`: (0, "") or (1, why — already Vietnamese, without the password)."""
    from bot.backup import libpq_url

    pg_dump = shutil.which("pg_dump")
    url = libpq_url(database_url)
    if pg_dump is None:
        return 1, T.PG_DUMP_MISSING + "\n" + T.BACKUP_POSTGRES_PASTEABLE.format(url=url)
    password = make_url(normalise_url(database_url)).password
    env = dict(os.environ, PGCONNECT_TIMEOUT=os.environ.get("PGCONNECT_TIMEOUT", "10"))
    if password:
        env["PGPASSWORD"] = str(password)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # pg_dump keeps the mode
    done = subprocess.run([pg_dump, "--format=custom", "--no-password", f"--file={partial}", url],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        with contextlib.suppress(OSError):
            partial.unlink()
        lines = [line.strip() for line in done.stderr.splitlines() if line.strip()] or [f"exit {done.returncode}"]
        said = next((line for line in lines if line.startswith("pg_dump: error: ")), lines[0])  # not libpq's hint
        return 1, T.BACKUP_FAILED.format(error=_redact(said.removeprefix("pg_dump: error: "), password))
    os.replace(partial, target)
    return 0, ""


def run_pg_backup(database_url: str, to: str | None, keep: int | None, data: Path) -> int:
    """The command on PostgreSQL: 0 dumped, 1 not, 2 a --keep that cannot work (nothing done). `data`: the
    bot's own folder (its status file's: /var/lib/nhacviec under the wrapper), where a dump goes without --to —
    not the folder the command was typed in (/opt/nhacviec after `cd /opt/nhacviec && git pull`: not writable)."""
    from bot.backup import libpq_url, oldest_kept, os_user, rotate, series_of

    target = Path(to) if to else default_dump_target(database_url, data)
    if keep is not None and series_of(target) is None:
        print(T.BACKUP_KEEP_NO_DATE.format(name=target.name), file=sys.stderr)
        return 2
    try:
        code, why = dump_postgres(database_url, target)
    except PermissionError as exc:
        with contextlib.suppress(OSError):
            target.with_name(target.name + ".partial").unlink(missing_ok=True)
        print(T.BACKUP_UNWRITABLE.format(user=os_user(), target=target, error=exc.strerror,
                                         example=data / "saoluu" / target.name), file=sys.stderr)
        return 1
    except OSError as exc:
        print(T.BACKUP_FAILED.format(error=exc), file=sys.stderr)
        return 1
    if code:
        print(why, file=sys.stderr)
        return code
    print(T.PG_BACKUP_DONE.format(target=target, size=target.stat().st_size, url=libpq_url(database_url)))
    if keep is not None:
        try:
            removed = rotate(target, keep, None, is_dump)
        except OSError as exc:  # the dump is made: said, but not a failed backup
            print(T.BACKUP_ROTATE_FAILED.format(error=exc), file=sys.stderr)
            return 0
        if removed:
            print(T.BACKUP_ROTATED.format(removed=len(removed), keep=keep, oldest=oldest_kept(target, is_dump)))
    return 0


# The tables whose presence makes a dump Nhắc việc's (db/models.py; alembic_version: its schema's revision).
NHACVIEC_TABLES = ("alembic_version", "committees", "tasks", "reminders")


def check_dump(path: Path) -> int:
    """`nhacviec restore --check X.dump`: pg_restore reads the archive's table of contents (nothing restored,
    nothing connected to); 0 when whole and Nhắc việc's, 1 when not (said why)."""
    pg_restore = shutil.which("pg_restore")
    if pg_restore is None:
        print(T.PG_RESTORE_MISSING, file=sys.stderr)
        return 1
    done = subprocess.run([pg_restore, "--list", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[0]
        print(T.PG_DUMP_UNREADABLE.format(path=path, error=said.removeprefix("pg_restore: error: ")), file=sys.stderr)
        return 1
    listing = done.stdout.splitlines()
    tables = {line.split()[-2] for line in listing if " TABLE public " in line and " TABLE DATA " not in line}
    missing = [t for t in NHACVIEC_TABLES if t not in tables]
    if missing:
        print(T.PG_DUMP_NOT_NHACVIEC.format(path=path, missing=", ".join(missing)), file=sys.stderr)
        return 1
    created = next((line.split("created at", 1)[1].strip() for line in listing if "Archive created at" in line), "?")
    print(T.PG_DUMP_GOOD.format(path=path, created=created, tables=len(tables)))
    return 0
