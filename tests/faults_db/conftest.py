"""Database faults: the real Application polling the emulator, on a database that is locked,
restarted or unreachable. Helpers to run the bot with chosen settings and to check that nothing
half-written remains."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import running
from db.models import Reminder, Task, TaskEvent
from emulator import Chat, Message, User, World
from jobs.scheduling import DISPATCHER_JOB, SUMMARY_PLANNER_JOB, dispatcher_tick, runtime_of
from tests.e2e.conftest import Env, emulated_bot


@asynccontextmanager
async def bot_env(database_url: str, **settings: Any) -> AsyncIterator[Env]:
    """The e2e Env with chosen Settings (e.g. a short db_busy_timeout); the test wakes the dispatcher."""
    async with emulated_bot(database_url, **settings) as (app, world, clock, emu), running(app):
        for name in (DISPATCHER_JOB, SUMMARY_PLANNER_JOB):
            for job in app.job_queue.get_jobs_by_name(name):  # type: ignore[union-attr]
                job.schedule_removal()
        yield Env(app, world, clock, emu)


async def committee(env: Env) -> tuple[User, User, Chat]:
    """A chair with a username, a member without one (who opened a private chat), their group."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh])
    w.start_private(binh)
    await env.idle()
    return chair, binh, group


async def tick(env: Env, *, settle: bool = True) -> None:
    """What the JobQueue does every interval: start a drain in the background; wait for it. The drain
    logs and swallows its own failures (a locked database included), as in production."""
    await dispatcher_tick(SimpleNamespace(application=env.app))  # type: ignore[arg-type]
    draining = runtime_of(env.app).draining  # type: ignore[arg-type]
    if draining is not None:
        await draining
    if settle:
        await env.idle()


async def command(env: Env, user: Any, chat: Any, text: Any, *, settle: bool = True, wait: float = 15) -> Message:
    """Send a command; return the bot's answer to it (the message quoting it). settle=False when
    other work runs meanwhile (the bot is then never idle)."""
    since = env.world.cursor()  # other people may act before this one's answer comes
    sent = env.world.send_text(user, chat, text)
    answer = await env.world.wait_for(
        lambda m: m.reply_to is not None and m.reply_to.message_id == sent.message_id,
        chat=chat,
        since=since,
        timeout=wait,
    )
    if settle:
        await env.idle()
    return answer


class SqliteLock:
    """Another process's writer: holds SQLite's write lock (BEGIN IMMEDIATE) until released. Runs in
    a thread of its own, so that waiting for the lock never blocks the bot's event loop."""

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
        self.held = False

    def acquire_now(self) -> None:
        """Take it from inside the event loop (only when no bot transaction can be open)."""
        self._conn.execute("BEGIN IMMEDIATE")
        self.held = True

    async def acquire(self) -> None:
        await asyncio.to_thread(self._conn.execute, "BEGIN IMMEDIATE")
        self.held = True

    async def release(self) -> None:
        if self.held:
            await asyncio.to_thread(self._conn.execute, "ROLLBACK")
            self.held = False

    def release_now(self) -> None:
        if self.held:
            self._conn.execute("ROLLBACK")
            self.held = False

    def close(self) -> None:
        self.release_now()
        self._conn.close()


@dataclass
class Consistency:
    tasks: int = 0
    problems: list[str] = field(default_factory=list)


async def check_consistency(sessions: async_sessionmaker[AsyncSession]) -> Consistency:
    """What a crash or a failed transaction must never leave: a task without its creation event, a
    closed task without its closing event (or the reverse), an open task with a deadline and no
    live reminder row, a closed task with a pending reminder, two live rows for one recipient."""
    found = Consistency()
    async with sessions() as s:
        tasks = list(await s.scalars(select(Task)))
        found.tasks = len(tasks)
        events: dict[int, list[str]] = {}
        for task_id, kind in await s.execute(select(TaskEvent.task_id, TaskEvent.kind).order_by(TaskEvent.id)):
            events.setdefault(task_id, []).append(kind)
        live: dict[int, int] = {}
        for task_id, count in await s.execute(
            select(Reminder.task_id, func.count()).where(Reminder.status.in_(("pending", "claimed"))).group_by(
                Reminder.task_id
            )
        ):
            live[task_id] = count
        pairs = await s.execute(
            select(Reminder.task_id, Reminder.person_id, func.count())
            .where(Reminder.status.in_(("pending", "claimed")))
            .group_by(Reminder.task_id, Reminder.person_id)
            .having(func.count() > 1)
        )
        for task_id, person_id, count in pairs:
            found.problems.append(f"task {task_id}: {count} live reminder rows for person {person_id}")
    for t in tasks:
        kinds = events.get(t.id, [])
        if not kinds or kinds[0] != "created":
            found.problems.append(f"#{t.number}: no creation event ({kinds})")
        closed = t.status in ("done", "cancelled")
        closing = {"done": "done", "cancelled": "cancelled"}.get(t.status)
        if closed and closing not in kinds:
            found.problems.append(f"#{t.number} is {t.status} without a '{closing}' event ({kinds})")
        if t.status == "open" and kinds and kinds[-1] in ("done", "cancelled"):
            found.problems.append(f"#{t.number} is open but its last event is {kinds[-1]}")
        if t.status == "open" and t.due_current is not None and not live.get(t.id):
            found.problems.append(f"#{t.number} is open, due {t.due_current}, with no reminder planned")
        if closed and live.get(t.id):
            found.problems.append(f"#{t.number} is {t.status} with {live[t.id]} reminders still planned")
    return found


def reminder_messages(world: World, chat: Any) -> list[Message]:
    return [m for m in world.bot_messages(chat) if m.plain.startswith("⏰ Nhắc việc")]


Predicate = Callable[[Message], bool]


# ------------------------------------------------------------------ `nhacviec run` as a subprocess

CLEARED_ENV = (
    "BOT_TOKEN",
    "DATABASE_URL",
    "TELEGRAM_API_URL",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "LOG_LEVEL",
    "DISPATCH_INTERVAL",
    "DB_BUSY_TIMEOUT",
    "INVOCATION_ID",  # set when the tests themselves run under systemd: the bot would wait for Telegram
)


def cli_command() -> list[str]:
    """The installed `nhacviec` script next to this Python (pip install -e .), else the module."""
    script = Path(sys.executable).with_name("nhacviec")
    return [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot.cli", "run"]


async def start_cli(cwd: Path, **env: str) -> asyncio.subprocess.Process:
    """`nhacviec run` in `cwd` (no .env there), with exactly these settings."""
    environ = {k: v for k, v in os.environ.items() if k not in CLEARED_ENV}
    environ.update(env, PYTHONUNBUFFERED="1")
    return await asyncio.create_subprocess_exec(
        *cli_command(),
        cwd=cwd,
        env=environ,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finish(proc: asyncio.subprocess.Process, *, wait: float = 60) -> tuple[int, str]:
    """Wait for the process to end by itself; its exit code and everything it printed."""
    async with asyncio.timeout(wait):
        out, err = await proc.communicate()
    assert proc.returncode is not None
    return proc.returncode, out.decode(errors="replace") + err.decode(errors="replace")


async def stop(proc: asyncio.subprocess.Process, sig: int = signal.SIGTERM) -> tuple[int, str]:
    if proc.returncode is None:
        proc.send_signal(sig)
    return await finish(proc)
