"""Several bot instances on one PostgreSQL database, as in a replicated deployment: what the tests of
tests/replication share.

Each instance is a separate process running `nhacviec run --webhook` (tests/replication/instance.py:
bot.cli.run_bot with a clock read from a file, `SharedClock`). In front of them a round-robin load
balancer (`RoundRobin`), like nginx's `upstream`; the Bot API emulator pushes every update to the load
balancer's URL registered by setWebhook, with the secret token.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.clock import ManualClock
from db.models import Reminder, SummaryRun
from db.outbox import due_work
from emulator import Emulator, World
from tests.conftest import using_postgres

# The marks of a test that runs several instances.
SEVERAL_INSTANCES = [
    pytest.mark.skipif(
        not using_postgres(),
        reason="several instances need PostgreSQL (on SQLite a second instance is refused); set TEST_DATABASE_URL",
    ),
    pytest.mark.e2e,
    pytest.mark.slow,
]

VN = ZoneInfo("Asia/Ho_Chi_Minh")
HERE = Path(__file__).resolve().parent
SECRET_TOKEN = "replication-test_secret-7Qx2"
SECRET_PATH = "nhacviec-hook-5b1f0c9a3e"
WAIT = 90.0  # generous: a slow CI machine, two Python processes starting


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN).astimezone(UTC)


class SharedClock(ManualClock):
    """The test's clock (message dates in the emulator) and the instances' (a file they read)."""

    def __init__(self, start: datetime, path: Path) -> None:
        self.path = path
        super().__init__(start)
        self._write()

    def set(self, when: datetime) -> None:
        super().set(when)
        self._write()

    def _write(self) -> None:
        partial = self.path.with_suffix(".partial")
        partial.write_text(self.now().isoformat())
        partial.replace(self.path)  # atomic: an instance never reads half a date


class RoundRobin:
    """A load balancer: each request goes to the next instance in turn, path and headers kept."""

    def __init__(self, targets: list[str]) -> None:
        self.targets = targets
        self.forwarded: Counter[str] = Counter()
        self._turn = 0
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None
        self.url = ""

    async def start(self) -> None:
        self._http = aiohttp.ClientSession()
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._http is not None:
            await self._http.close()

    async def _forward(self, request: web.Request) -> web.StreamResponse:
        assert self._http is not None
        target = self.targets[self._turn % len(self.targets)]
        self._turn += 1
        headers = {k: v for k, v in request.headers.items() if k.lower() in ("content-type", SECRET_HEADER.lower())}
        try:
            async with self._http.request(
                request.method, target + request.path_qs, data=await request.read(), headers=headers
            ) as answer:
                self.forwarded[target] += 1
                return web.Response(status=answer.status, body=await answer.read())
        except aiohttp.ClientError:
            return web.Response(status=502)


SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Instance:
    name: str
    url: str
    process: asyncio.subprocess.Process
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@asynccontextmanager
async def instances(
    count: int, *, emu: Emulator, database_url: str, clock_file: Path, logs: Path
) -> AsyncIterator[tuple[list[Instance], RoundRobin]]:
    ports = [free_port() for _ in range(count)]
    lb = RoundRobin([f"http://127.0.0.1:{p}" for p in ports])
    await lb.start()
    started: list[Instance] = []
    try:
        for i, port in enumerate(ports):
            env = {
                **os.environ,
                "BOT_TOKEN": emu.token,
                "DATABASE_URL": database_url,
                "TELEGRAM_API_URL": emu.base_url,
                # Every instance registers the load balancer's URL, as behind a real one.
                "WEBHOOK_URL": f"{lb.url}/{SECRET_PATH}",
                "WEBHOOK_LISTEN": "127.0.0.1",
                "WEBHOOK_PORT": str(port),
                "WEBHOOK_SECRET": SECRET_TOKEN,
                "DISPATCH_INTERVAL": "0.2",
                "SUMMARY_PLANNER_INTERVAL": "1",
                "DISPATCH_BATCH": "1",
                "NHACVIEC_CLOCK_FILE": str(clock_file),
                "LOG_LEVEL": "INFO",
            }
            log = logs / f"instance-{i}.log"
            with log.open("wb") as out:
                process = await asyncio.create_subprocess_exec(
                    sys.executable, str(HERE / "instance.py"), env=env, stdout=out, stderr=asyncio.subprocess.STDOUT
                )
            started.append(Instance(f"instance-{i}", f"http://127.0.0.1:{port}", process, log))
        yield started, lb
    finally:
        for inst in started:
            if inst.process.returncode is None:
                inst.process.terminate()  # SIGTERM: PTB stops gracefully
        for inst in started:
            try:
                await asyncio.wait_for(inst.process.wait(), 20)
            except TimeoutError:
                inst.process.kill()
                await inst.process.wait()
        await lb.stop()


async def until(condition: Callable[[], object], what: str, running: list[Instance], world: World) -> None:
    """Wait for a condition on the emulator's world; fail at once if an instance died."""

    def met() -> bool:
        if any(inst.process.returncode is not None for inst in running):
            return True
        return bool(condition())

    try:
        await world.wait_until(met, WAIT)
    except TimeoutError:
        pytest.fail(f"timed out waiting for {what}\n" + "\n".join(i.output()[-3000:] for i in running))
    dead = [i for i in running if i.process.returncode is not None]
    assert not dead, f"{dead[0].name} exited ({dead[0].process.returncode}):\n{dead[0].output()[-5000:]}"


async def until_db(check: Callable[[], Awaitable[bool]], what: str) -> None:
    """Poll until `check` holds (the database, the instances' ports: other processes, nothing to await)."""
    try:
        async with asyncio.timeout(WAIT):
            while True:
                if await check():
                    return
                await asyncio.sleep(0.1)  # another process's writes: nothing to await but a poll
    except TimeoutError:
        pytest.fail(f"timed out waiting for {what}")


async def quiescent(engine: AsyncEngine, clock: ManualClock) -> None:
    """Until no reminder or summary is claimed or due: nothing more can be sent for this moment."""

    async def nothing_left() -> bool:
        async with AsyncSession(engine) as s:
            claimed = await s.scalar(
                select(func.count()).select_from(Reminder).where(Reminder.status == "claimed")
            ) + await s.scalar(select(func.count()).select_from(SummaryRun).where(SummaryRun.status == "claimed"))
            due = await due_work(s, clock.now())
        return not claimed and not due.reminders and not due.summaries

    await until_db(nothing_left, "the dispatchers to finish")


async def until_listening(running: list[Instance], world: World) -> None:
    """Until every instance has started (migrations serialised by an advisory lock), registered the
    webhook and listens. PTB registers the webhook just before its server listens (Telegram would retry
    a push that came in between); waiting for both means every push after this is taken the first time."""
    await until(lambda: world.calls["setWebhook"] >= len(running), "the instances to start", running, world)
    async with aiohttp.ClientSession() as http:

        async def listening() -> bool:
            for inst in running:
                try:
                    async with http.get(f"{inst.url}/{SECRET_PATH}"):
                        pass
                except aiohttp.ClientConnectionError:
                    return False
            return True

        await until_db(listening, "the instances to listen")
