"""What an administrator monitors, read back from a real `nhacviec run` against the emulator:
`nhacviec status`, `/healthz` and `/metrics` (Prometheus text format), the start-up line, and the
log when Telegram drops connections — one line when it becomes unreachable, one when it is back, no
traceback; a rejected token gives its one clear line without the library's traceback."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import socket
from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot import texts as T
from emulator import Emulator, World
from tests.conftest import using_postgres
from tests.faults_db.conftest import finish, start_cli, stop
from tests.ops.conftest import clean_env, nhacviec

pytestmark = [pytest.mark.skipif(using_postgres(), reason="the monitoring does not depend on the database")]

STARTUP = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Output:
    """The lines a process writes to stderr, collected as they come; wait for one that matches."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.lines: list[str] = []
        self._new = asyncio.Condition()
        self._task = asyncio.create_task(self._read(proc))

    async def _read(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stderr is not None
        async for raw in proc.stderr:
            async with self._new:
                self.lines.append(raw.decode(errors="replace").rstrip("\n"))
                self._new.notify_all()

    async def wait_for(self, predicate: Callable[[str], bool], within: float = STARTUP) -> str:
        async with asyncio.timeout(within), self._new:
            await self._new.wait_for(lambda: any(predicate(line) for line in self.lines))
        return next(line for line in self.lines if predicate(line))

    async def close(self) -> str:
        with contextlib.suppress(Exception):
            async with asyncio.timeout(10):
                await self._task
        return "\n".join(self.lines)


async def nhacviec_status(cwd: Path, **env: str) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        *nhacviec(), "status", cwd=cwd, env=clean_env(**env), stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    assert proc.returncode is not None
    return proc.returncode, out.decode()


def ticked(status_file: Path) -> bool:
    return status_file.exists() and bool(json.loads(status_file.read_text()).get("last_tick"))


def samples(text: str) -> dict[str, float]:
    return {s.name: s.value for family in text_string_to_metric_families(text) for s in family.samples}


async def test_status_healthz_metrics_and_quiet_logs_of_a_running_bot(tmp_path: Path) -> None:
    world = World()
    lan = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    database = tmp_path / "nhacviec.db"
    port = free_port()
    settings = {"DATABASE_URL": f"sqlite:///{database}", "DISPATCH_INTERVAL": "1"}
    async with Emulator(world) as emu, aiohttp.ClientSession() as http:
        proc = await start_cli(tmp_path, BOT_TOKEN=world.token, TELEGRAM_API_URL=emu.base_url,
                               METRICS_PORT=str(port), **settings)
        output = Output(proc)
        try:
            world.start_private(lan)
            assert await world.wait_for(chat=world.private_chat(lan), timeout=STARTUP)
            # One 429 on the next reply: the bot waits and sends it; the metric counts it.
            emu.faults.retry_after(1, methods=["sendMessage"], times=1)
            world.send_text(lan, world.private_chat(lan), "/huongdan")
            assert "Nhắc việc" in (await world.wait_for(chat=world.private_chat(lan), timeout=STARTUP)).plain

            status_file = Path(f"{database}.status")
            async with asyncio.timeout(STARTUP):  # the dispatcher ticks every second here
                # Another process writes the file: there is no event to await, only its content to read.
                while not await asyncio.to_thread(ticked, status_file):  # noqa: ASYNC110
                    await asyncio.sleep(0.2)

            async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
                assert r.status == 200 and (await r.text()).startswith("ok")
            async with http.get(f"http://127.0.0.1:{port}/metrics") as r:
                assert r.status == 200 and r.headers["Content-Type"].startswith("text/plain")
                metrics = samples(await r.text())
            assert metrics["nhacviec_telegram_429_total"] == 1
            assert metrics["nhacviec_command_seconds_count"] >= 2  # /start, /huongdan
            assert metrics["nhacviec_reminders_pending"] == 0 and metrics["nhacviec_summaries_pending"] == 0
            assert metrics["nhacviec_reminders_sent_total"] == 0 and metrics["nhacviec_reminders_failed_total"] == 0
            assert 0 <= metrics["nhacviec_dispatcher_tick_age_seconds"] < 120
            assert metrics["nhacviec_telegram_reachable"] == 1

            code, text = await nhacviec_status(tmp_path, **settings)
            assert code == 0, text
            assert T.STATUS_PENDING.format(reminders=0, summaries=0) in text
            assert "Bot: đang chạy" in text and "polling" in text
            assert "Bộ gửi nhắc việc: lần quét gần nhất cách đây" in text
            assert "HTTP 429" in text  # the last Telegram error
            assert text.rstrip().endswith(T.STATUS_OK)

            # Telegram drops the long poll's connection three times in a row, then answers again.
            emu.faults.disconnect(methods=["getUpdates"], times=3)
            world.send_text(lan, world.private_chat(lan), "/huongdan")  # ends the running long poll
            await output.wait_for(lambda line: "Telegram reachable again" in line)
            assert "Nhắc việc" in (await world.wait_for(chat=world.private_chat(lan), timeout=STARTUP)).plain
            code, text = await nhacviec_status(tmp_path, **settings)
            assert code == 0 and "NetworkError" in text and T.STATUS_TELEGRAM_OK in text
        finally:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
            async with asyncio.timeout(60):
                code = await proc.wait()
        log = await output.close()
    assert code == 0
    assert "starting: polling, database sqlite:///" in log and f"Bot API {emu.base_url}" in log
    assert sum("Telegram unreachable" in line for line in log.splitlines()) == 1
    assert sum("Telegram reachable again" in line for line in log.splitlines()) == 1
    assert "Traceback" not in log
    assert "alembic" not in log.lower()  # no plugin noise at start
    assert world.token not in log

    # Stopped: status says so (exit 1), and no stale heartbeat is left.
    code, text = await nhacviec_status(tmp_path, **settings)
    assert code == 1 and T.STATUS_NOT_RUNNING in text
    assert not await asyncio.to_thread(Path(f"{database}.status").exists)


async def test_a_rejected_token_gives_one_clear_line_without_a_traceback(tmp_path: Path) -> None:
    world = World()
    async with Emulator(world) as emu:
        proc = await start_cli(tmp_path, BOT_TOKEN="123456789:AAThisTokenWasRevokedLongAgo_xyz",
                               TELEGRAM_API_URL=emu.base_url, DATABASE_URL=f"sqlite:///{tmp_path / 'a.db'}")
        code, output = await finish(proc)
    assert code == 2
    assert T.BAD_TOKEN in output
    assert "Traceback" not in output
    assert len(output.strip().splitlines()) <= 4


def test_version_and_the_counters_a_drain_feeds(tmp_path: Path) -> None:
    from bot.cli import version
    from bot.metrics import REGISTRY, count_drain
    from jobs.runtime import DispatchStats
    from tests.ops.conftest import run_nhacviec

    code, out, _ = run_nhacviec(tmp_path, "--version")
    assert code == 0 and out.strip() == f"nhacviec {version()}" and version()[0].isdigit()

    def value(name: str) -> float:
        return REGISTRY.get_sample_value(name) or 0.0

    before = {n: value(n) for n in ("nhacviec_reminders_sent_total", "nhacviec_reminders_failed_total",
                                    "nhacviec_summaries_sent_total")}
    count_drain(DispatchStats(reminders_sent=3, failed=1, summaries_sent=2))
    assert value("nhacviec_reminders_sent_total") == before["nhacviec_reminders_sent_total"] + 3
    assert value("nhacviec_reminders_failed_total") == before["nhacviec_reminders_failed_total"] + 1
    assert value("nhacviec_summaries_sent_total") == before["nhacviec_summaries_sent_total"] + 2


async def test_a_drain_stuck_on_one_send_shows_as_a_stale_tick(tmp_path: Path) -> None:
    """The scheduler stuck: a drain that never returns. Ticks that only see it still running must not
    make the heartbeat fresh (they did: status and /healthz said all was well while nothing was sent);
    a drain that delivers — a send recorded since — is alive."""
    from types import SimpleNamespace

    from bot.metrics import MONITOR
    from jobs.runtime import RUNTIME_KEY, DispatchRuntime
    from jobs.scheduling import dispatcher_tick

    runtime = DispatchRuntime.create("main")
    hung = asyncio.Event()
    runtime.draining = asyncio.create_task(hung.wait())  # stands for a send that never returns
    app = SimpleNamespace(bot_data={RUNTIME_KEY: runtime})
    context = SimpleNamespace(application=app)
    MONITOR.configure(None, mode="polling", dispatch_interval=30)
    try:
        await dispatcher_tick(context)  # type: ignore[arg-type]
        await dispatcher_tick(context)  # type: ignore[arg-type]
        assert MONITOR.state.last_tick is None  # no sign of life from the drain: the age keeps growing

        async with runtime.unrecorded:  # the drain records one send
            pass
        await dispatcher_tick(context)  # type: ignore[arg-type]
        assert MONITOR.state.last_tick is not None
        first = MONITOR.state.last_tick
        MONITOR.state.last_tick = first - 1000  # (as if long ago) and nothing sent since:
        await dispatcher_tick(context)  # type: ignore[arg-type]
        assert MONITOR.state.last_tick == first - 1000
    finally:
        hung.set()
        await runtime.draining
        MONITOR.configure(None, mode="polling", dispatch_interval=30)


async def test_telegram_unreachable_for_long_is_a_problem_for_status_and_healthz(tmp_path: Path) -> None:
    """Telegram unreachable for minutes: nothing is delivered. `nhacviec status` exited 0 and /healthz
    said "ok" however long it lasted; a monitor that watches only those never heard of it. A blip of a
    minute stays healthy."""
    import json as _json
    import os
    import time

    from bot.metrics import MONITOR, TELEGRAM_DOWN_ALERT, MetricsServer
    from bot.settings import Settings
    from bot.status import collect_status
    from db.engine import create_engine
    from db.migrate import upgrade_to_head

    database = tmp_path / "nhacviec.db"
    engine = create_engine(f"sqlite:///{database}")
    await upgrade_to_head(engine)
    settings = Settings(bot_token="1:x", database_url=f"sqlite:///{database}")
    now = time.time()

    def beat(down_for: float, last_error: float = 5) -> None:
        Path(f"{database}.status").write_text(_json.dumps({
            "pid": os.getpid(), "mode": "polling", "started": now - 3600, "last_tick": now - 5,
            "dispatch_interval": 30, "telegram_reachable": False, "telegram_down_since": now - down_for,
            "last_telegram_error": "NetworkError: connect failed", "last_telegram_error_at": now - last_error}))

    beat(60)
    status = await asyncio.to_thread(collect_status, settings, now)
    assert status.healthy and any("Telegram: không kết nối được" in line for line in status.lines)
    beat(TELEGRAM_DOWN_ALERT + 60)
    status = await asyncio.to_thread(collect_status, settings, now)
    assert not status.healthy
    assert T.STATUS_TELEGRAM_DOWN_TOO_LONG.format(limit="5 phút") in status.lines
    # One failed send at night and no call on that connection since: no outage, no alarm all night.
    beat(6 * 3600, last_error=6 * 3600)
    assert (await asyncio.to_thread(collect_status, settings, now)).healthy

    server = MetricsServer(engine, "127.0.0.1", 0)
    MONITOR.configure(None, mode="polling", dispatch_interval=30)
    try:
        MONITOR.state.last_tick = time.time()
        MONITOR.state.telegram_reachable = False
        MONITOR.state.telegram_down_since = time.time() - 60
        assert (await server._healthz(None)).status == 200  # type: ignore[arg-type]
        MONITOR.state.telegram_down_since = time.time() - TELEGRAM_DOWN_ALERT - 60
        MONITOR.state.last_telegram_error_at = time.time() - 2  # still failing
        answer = await server._healthz(None)  # type: ignore[arg-type]
        assert answer.status == 503 and "Telegram unreachable" in (answer.text or "")
    finally:
        MONITOR.configure(None, mode="polling", dispatch_interval=30)
        await engine.dispose()


async def test_metrics_say_when_the_database_does_not_answer(tmp_path: Path) -> None:
    """/metrics with the database gone: the pending gauges keep their last values (a dead database
    looked like a quiet one); nhacviec_database_reachable says 0, then 1 when it answers again."""
    from bot.metrics import MetricsServer
    from db.engine import create_engine
    from db.migrate import upgrade_to_head

    database = tmp_path / "nhacviec.db"
    engine = create_engine(f"sqlite:///{database}")
    await upgrade_to_head(engine)
    server = MetricsServer(engine, "127.0.0.1", 0)
    up = samples(bytes((await server._metrics(None)).body).decode())  # type: ignore[arg-type]
    assert up["nhacviec_database_reachable"] == 1
    await engine.dispose()
    gone = create_engine(f"sqlite:///{tmp_path / 'no-such-folder' / 'nhacviec.db'}")
    try:
        down = samples(bytes((await MetricsServer(gone, "127.0.0.1", 0)._metrics(None)).body).decode())  # type: ignore[arg-type]
    finally:
        await gone.dispose()
    assert down["nhacviec_database_reachable"] == 0


async def test_a_database_outage_gives_one_line_per_background_job_not_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PostgreSQL restarting for 20 s wrote over a thousand log lines: the dispatcher's and the instance's
    heartbeats and the membership look-ups each logged a full traceback every few seconds (README: tracebacks
    are for the bot's own bugs). One line each now, naming the cause; a bug of ours keeps its traceback."""
    import logging
    from types import SimpleNamespace

    from db.engine import create_engine, session_factory
    from jobs.dispatcher import share_pace
    from jobs.instances import instance_tick
    from jobs.runtime import DispatchRuntime

    engine = create_engine("postgresql+asyncpg://nhacviec:x@127.0.0.1:9/nhacviec", busy_timeout=1)
    services = SimpleNamespace(session_factory=session_factory(engine), instance_id="qa8",
                               settings=SimpleNamespace(dispatch_interval=30))
    application = SimpleNamespace(bot_data={"services": services})
    try:
        with caplog.at_level(logging.WARNING):
            await share_pace(services, DispatchRuntime.create("main"))  # type: ignore[arg-type]
            await instance_tick(SimpleNamespace(application=application))  # type: ignore[arg-type]
    finally:
        await engine.dispose()
    lines = [r for r in caplog.records if "heartbeat failed" in r.getMessage()]
    assert len(lines) == 2
    assert all(r.exc_info is None and "database unavailable" in r.getMessage() for r in lines)

    caplog.clear()
    broken = SimpleNamespace(bot_data={})  # a bug of ours (no services): the traceback stays
    with caplog.at_level(logging.WARNING):
        await instance_tick(SimpleNamespace(application=broken))  # type: ignore[arg-type]
    assert [r.exc_info is not None for r in caplog.records if "heartbeat failed" in r.getMessage()] == [True]


def test_status_with_the_database_down_still_says_whether_the_bot_runs(tmp_path: Path) -> None:
    """The database does not answer: `nhacviec status` stopped at that line. Whether the bot process is up
    (its heartbeat) decides what to repair, so it is still said; the exit stays 1."""
    import json as _json
    import os
    import time

    from bot.settings import Settings
    from bot.status import collect_status

    status_file = tmp_path / "nhacviec.status"
    now = time.time()
    status_file.write_text(_json.dumps({"pid": os.getpid(), "mode": "webhook", "started": now - 600,
                                        "last_tick": now - 3, "dispatch_interval": 30}))
    settings = Settings(bot_token="1:x", database_url="postgresql+asyncpg://nhacviec:x@127.0.0.1:9/nhacviec",
                        status_file=str(status_file), db_busy_timeout=1)
    status = collect_status(settings, now)
    assert not status.healthy
    assert any(line.startswith("Không kết nối được cơ sở dữ liệu") for line in status.lines)
    assert any(line.startswith("Bot: đang chạy") and "webhook" in line for line in status.lines)


async def test_started_by_systemd_before_the_network_it_waits_quietly_then_answers(tmp_path: Path) -> None:
    """At boot the network comes after the service: the bot (INVOCATION_ID set, as systemd does) waits
    for Telegram instead of failing and being restarted every 5 s with eight log lines each time;
    status says Telegram is unreachable meanwhile; once it answers, the bot works."""
    world = World()
    lan = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    database = tmp_path / "nhacviec.db"
    api_port = free_port()  # nothing listens there yet: the network is not up
    settings = {"DATABASE_URL": f"sqlite:///{database}"}
    # A server that reboots: the bot ran there before (its database in place) and Lan talked to it.
    async with Emulator(world, port=api_port):
        first = await start_cli(tmp_path, BOT_TOKEN=world.token, TELEGRAM_API_URL=f"http://127.0.0.1:{api_port}/bot",
                                **settings)
        world.start_private(lan)
        assert await world.wait_for(chat=world.private_chat(lan), timeout=STARTUP)
        assert (await stop(first))[0] == 0
    proc = await start_cli(tmp_path, BOT_TOKEN=world.token, TELEGRAM_API_URL=f"http://127.0.0.1:{api_port}/bot",
                           INVOCATION_ID="0a1b2c3d", **settings)
    output = Output(proc)
    try:
        await output.wait_for(lambda line: "Telegram unreachable" in line)
        code, text = await nhacviec_status(tmp_path, **settings)
        assert "⚠️ Telegram: không kết nối được" in text, text
        assert proc.returncode is None  # still there, waiting
        async with Emulator(world, port=api_port):  # the network is up
            before = len(world.bot_messages(lan))
            world.send_text(lan, world.private_chat(lan), "/huongdan")
            await world.wait_until(lambda: len(world.bot_messages(lan)) > before, timeout=STARTUP)
            await output.wait_for(lambda line: "Telegram reachable again" in line)
            proc.send_signal(signal.SIGTERM)
            async with asyncio.timeout(60):
                code = await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    log = await output.close()
    assert code == 0
    assert "start-up failed" not in log and "Traceback" not in log and world.token not in log
    assert "getMe failed" not in log  # no retry line per attempt: one line down, one line back
    assert sum("Telegram unreachable" in line for line in log.splitlines()) == 1
