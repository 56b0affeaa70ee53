"""`nhacviec status`: is the bot alive and delivering? For people and for monitoring scripts.

Exit 0 when the database answers, the dispatcher ticked recently (bot.metrics.healthy_tick_age; a
drain still running counts only while it delivers, jobs.scheduling.dispatcher_tick) and Telegram has
not been unreachable for longer than bot.metrics.TELEGRAM_DOWN_ALERT; 1 otherwise. Prints the pending
reminders and summaries, the last tick's age, Telegram's state and the last Telegram error. Reads the
heartbeat the running bot writes (bot.metrics) and the database; it never creates a database that is
not there.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url

from bot import texts as T
from db.engine import is_sqlite, normalise_url

if TYPE_CHECKING:
    from bot.settings import Settings


@dataclass
class Status:
    healthy: bool
    lines: list[str]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


def _read_heartbeat(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


@dataclass
class Stored:
    reminders: int
    summaries: int
    revision: str
    late_reminder: float  # seconds since the oldest due-but-unsent reminder became due (0: none)
    late_summary: float


async def _database(settings: Settings, now: float) -> Stored:
    from sqlalchemy import text

    from bot.metrics import oldest_due_ages, pending_counts
    from db.engine import create_engine

    engine = create_engine(settings.database_url, busy_timeout=settings.db_busy_timeout)
    try:
        reminders, summaries = await pending_counts(engine)
        late = await oldest_due_ages(engine, datetime.fromtimestamp(now, UTC))
        async with engine.connect() as conn:
            revision = await conn.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        await engine.dispose()
    return Stored(reminders, summaries, str(revision or "—"), *late)


def _head() -> str:
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def _schema_line(revision: str) -> str:
    """The schema's revision; after `git pull`, before the restart, also that this release will raise it
    (the administrator following «Cập nhật lên bản mới» sees what the restart is about to do)."""
    head = _head()
    if revision != head and revision.isdigit() and head.isdigit() and revision < head:
        return T.STATUS_SCHEMA_BEHIND.format(revision=revision, head=head)
    return T.STATUS_SCHEMA.format(revision=revision)


def _late_lines(stored: Stored) -> list[str]:
    """Reminders / a Monday summary due and not sent: said only when there are some (the gauges of
    bot.metrics for alerting; here for the administrator reading `nhacviec status`)."""
    lines = []
    if stored.late_reminder > 0:
        lines.append(T.STATUS_LATE_REMINDER.format(ago=_ago(stored.late_reminder)))
    if stored.late_summary > 0:
        lines.append(T.STATUS_LATE_SUMMARY.format(ago=_ago(stored.late_summary)))
    return lines


# Below this much free space beside a SQLite database, status says so (and exit 1). On a full disk every write
# fails: the bot answers «Hệ thống đang bận, chưa lưu gì cả» to every command and sends nothing, while the
# database still answers reads — nothing else in status showed it. A backup or a schema upgrade needs about
# one database's size again, hence twice the database when that is more.
DISK_LOW = 100 * 1024 * 1024


def _disk_low(database: Path) -> str | None:
    try:
        free = shutil.disk_usage(database.parent).free
        size = database.stat().st_size
    except OSError:
        return None
    if free >= max(DISK_LOW, 2 * size):
        return None
    return T.OPS15_STATUS_DISK_LOW.format(free=f"{free / 1024 / 1024:.0f} MB", folder=database.parent)


def _ago(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 120:
        return f"{seconds} giây"
    if seconds < 7200:
        return f"{seconds // 60} phút"
    return f"{seconds // 3600} giờ"


def collect_status(settings: Settings, now: float | None = None) -> Status:
    from bot.metrics import TELEGRAM_DOWN_ALERT, healthy_tick_age, status_path_for, telegram_down_too_long

    now = time.time() if now is None else now
    healthy = True
    lines = [T.STATUS_DATABASE.format(url=settings.safe_database_url)]
    if is_sqlite(settings.database_url):
        name = make_url(normalise_url(settings.database_url)).database or ""
        if not name or name == ":memory:" or not Path(name).is_file():
            return Status(False, [*lines, T.STATUS_NO_DATABASE.format(path=name or ":memory:")])
        if low := _disk_low(Path(name)):
            healthy = False
            lines.append(low)
    try:
        stored = asyncio.run(_database(settings, now))
    except Exception as exc:
        # Still say whether the bot runs: "the bot is up, its database is not" and "both are down" call
        # for different repairs (it stopped here, and the administrator had to look elsewhere).
        from bot.pg_refusal import pg_refusal

        healthy = False
        lines.append(pg_refusal(exc, settings.database_url) or T.STATUS_DATABASE_DOWN.format(error=type(exc).__name__))
    else:
        lines.append(_schema_line(stored.revision))
        lines.append(T.STATUS_PENDING.format(reminders=stored.reminders, summaries=stored.summaries))
        lines.extend(_late_lines(stored))

    beat = _read_heartbeat(status_path_for(settings))
    if beat is None or not _alive(int(beat.get("pid", 0))):
        return Status(False, [*lines, T.STATUS_NOT_RUNNING])
    lines.append(
        T.STATUS_RUNNING.format(pid=beat["pid"], mode=beat.get("mode", "?"), since=_ago(now - beat.get("started", now)))
    )
    last = beat.get("last_tick")
    age = now - (last or beat.get("started", now))
    limit = healthy_tick_age(float(beat.get("dispatch_interval", 30)))
    if last is None:
        lines.append(T.STATUS_NO_TICK_YET.format(since=_ago(age)))
    else:
        lines.append(T.STATUS_TICK.format(age=_ago(age)))
    if age > limit:
        healthy = False
        lines.append(T.STATUS_TICK_STALE.format(limit=_ago(limit)))
    if beat.get("telegram_reachable", True):
        lines.append(T.STATUS_TELEGRAM_OK)
    else:
        lines.append(T.STATUS_TELEGRAM_DOWN.format(since=_ago(now - (beat.get("telegram_down_since") or now))))
        if telegram_down_too_long(False, beat.get("telegram_down_since"), beat.get("last_telegram_error_at"), now):
            healthy = False
            lines.append(T.STATUS_TELEGRAM_DOWN_TOO_LONG.format(limit=_ago(TELEGRAM_DOWN_ALERT)))
    error = beat.get("last_telegram_error")
    if error:
        ago = _ago(now - beat.get("last_telegram_error_at", now))
        lines.append(T.STATUS_LAST_TELEGRAM_ERROR.format(error=error, ago=ago))
    else:
        lines.append(T.STATUS_NO_TELEGRAM_ERROR)
    return Status(healthy, lines)


def run_status(settings: Settings) -> int:
    from bot.logging_setup import Redactor

    status = collect_status(settings)
    redact = Redactor(settings.secrets)
    for line in status.lines:
        print(redact(line))
    print(T.STATUS_OK if status.healthy else T.STATUS_NOT_OK)
    return 0 if status.healthy else 1
