"""The bot with a province's worth of data: 1,000,000 stored tasks over 10,000 committees.

Run from the project root:
    python bench/scale_bench.py                                  # full size (first build ~4 min, cached)
    python bench/scale_bench.py --committees 1000 --tasks 100000 # a tenth, about a minute
    python bench/scale_bench.py --database-url postgresql://user@host:port/postgres
        (a PostgreSQL server: the bench creates its own databases there; the big one is kept for reruns)
    [--rounds 100] [--only giao,summary,memory]

The database (bench/scale_data.py: units, people, roles, meetings, assignees, history events, sent and
planned reminders, weekly summary runs) is built once per size and week, and kept in /tmp (SQLite) or
as a database on the server (PostgreSQL). Reruns reuse it; /giao rounds add a few hundred tasks to it.

Printed, each as a ratio to something measured in the same run (the machine is noisy; ratios travel):
1. `/giao` round trip through the real Application polling the Bot API emulator, in committees that
   already hold their share of the million tasks, vs the same in an empty database (target <= 1.5)
   and vs a bare echo handler.
2. Monday summaries of every committee, through the real summary path: rendering only
   (jobs.summary.summary_messages per committee) and the whole dispatcher path (claim, render, send
   through the emulator, record), with Telegram's pacing switched off so that our own cost is what is
   measured; time per committee, and as a fraction of the 1/30 s Telegram allows per message.
3. The bot as deployed (`python -m bot.cli run`, a real subprocess polling the emulator): start-up time
   (spawn to first getUpdates, with migrations and the summary planner over every committee) vs
   `python -c "import telegram"`, and resident memory (VmRSS from /proc) once idle (target <= 150 MB),
   vs the same bot on an empty database.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scale_data  # noqa: E402
from sqlalchemy import func, select, update  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from telegram import Update  # noqa: E402
from telegram.ext import (  # noqa: E402
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CommandHandler,
    ContextTypes,
    ExtBot,
)
from telegram.request import HTTPXRequest  # noqa: E402

from bot.app import build_application, running  # noqa: E402
from bot.clock import ManualClock  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from db.engine import create_engine, is_sqlite, normalise_url, session_factory  # noqa: E402
from db.models import Committee, SummaryRun, Task  # noqa: E402
from domain.reminders import iso_week_of, week_period  # noqa: E402
from emulator import Emulator, World, text_mention  # noqa: E402
from jobs.dispatcher import drain  # noqa: E402
from jobs.ratelimit import unlimited  # noqa: E402
from jobs.runtime import DispatchRuntime  # noqa: E402
from jobs.summary import summary_messages  # noqa: E402

SCHEMA_VERSION = "v1"  # bump when scale_data changes what it stores: the cache is rebuilt


# --------------------------------------------------------------------------- the databases


def this_week() -> tuple[datetime, str]:
    anchor = scale_data.anchor_monday(datetime.now(UTC))
    return anchor, week_period(iso_week_of(anchor.astimezone(scale_data.VN).date()))


async def _pg_admin(url: str, sql: str) -> list[tuple[object, ...]]:
    import asyncpg  # only for PostgreSQL runs

    u = make_url(url)
    conn = await asyncpg.connect(
        user=u.username, password=u.password, host=u.host or "localhost", port=u.port or 5432,
        database=u.database or "postgres",
    )
    try:
        return [tuple(r) for r in await conn.fetch(sql)]
    finally:
        await conn.close()


async def big_database(url: str | None, committees: int, tasks: int) -> str:
    """The URL of the built database, building it unless this size and week is already there."""
    anchor, period = this_week()
    name = f"nhacviec_scale_c{committees}_t{tasks}_{period.replace('-', '_').lower()}_{SCHEMA_VERSION}"
    if url is None:
        path = Path(tempfile.gettempdir()) / f"{name}.db"
        target = f"sqlite:///{path}"
        if path.exists():
            print(f"reusing {path} ({path.stat().st_size / 2**20:,.0f} MiB)")
            return target
        part = path.with_name(path.name + ".part")
        for suffix in ("", "-wal", "-shm"):
            Path(str(part) + suffix).unlink(missing_ok=True)  # noqa: ASYNC240 - once, before a long build
        build_url = f"sqlite:///{part}"
    else:
        exists = await _pg_admin(url, f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
        target = str(make_url(normalise_url(url)).set(database=name).render_as_string(hide_password=False))
        if exists:
            print(f"reusing database {name}")
            return target
        # Built under a temporary name and renamed when complete: an interrupted build is never reused.
        await _pg_admin(url, f"DROP DATABASE IF EXISTS {name}_part")
        await _pg_admin(url, f"CREATE DATABASE {name}_part")
        build_url = str(make_url(normalise_url(url)).set(database=f"{name}_part").render_as_string(hide_password=False))
    print(f"building {tasks:,} tasks over {committees:,} committees ...", flush=True)
    started = time.perf_counter()
    engine = create_engine(build_url)
    counts = await scale_data.build(engine, committees, tasks, anchor)
    await engine.dispose()
    if url is None:
        part.rename(path)
    else:
        # A deployed database has long been vacuumed and analysed by autovacuum; a fresh bulk load has
        # not, and autovacuum would otherwise work through 7 million rows while we measure.
        await _pg_admin(build_url, "VACUUM ANALYZE")
        await _pg_admin(url, f"ALTER DATABASE {name}_part RENAME TO {name}")
    print(f"built in {time.perf_counter() - started:.0f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    return target


async def empty_database(url: str | None, workdir: Path) -> str:
    if url is None:
        return f"sqlite:///{workdir / 'empty.db'}"
    await _pg_admin(url, "DROP DATABASE IF EXISTS nhacviec_scale_empty")
    await _pg_admin(url, "CREATE DATABASE nhacviec_scale_empty")
    return str(make_url(normalise_url(url)).set(database="nhacviec_scale_empty").render_as_string(hide_password=False))


# --------------------------------------------------------------------------- 1. /giao


def p95(xs: list[float]) -> float:
    return sorted(xs)[int(len(xs) * 0.95)]


# PTB's AIORateLimiter (as the bot is built) lets ~30 messages a second through: rounds faster than that
# would measure the limiter's queue, not the handler. Each bot gets a round at most every PACE seconds.
PACE = 0.1


@dataclass
class Rig:
    """One bot polling its own emulator, and how to send it round i."""

    label: str
    world: World
    app: Application  # type: ignore[type-arg]
    send: Callable[[int], None]
    times: list[float] = field(default_factory=list)

    async def round(self, i: int) -> float:
        t0 = time.perf_counter()
        self.send(i)
        await self.world.wait_for()
        await self.world.wait_idle(update_queue=self.app.update_queue, settle=0)
        return time.perf_counter() - t0


@asynccontextmanager
async def echo_rig(rounds: int) -> AsyncIterator[Rig]:
    """A bot whose /giao handler only answers "ok", built and run the same way."""
    world = World()
    user = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    groups = [world.add_group(f"Nhóm đo {i}", creator=user) for i in range(rounds)]

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        await update.effective_chat.send_message("ok")

    async with Emulator(world) as emu:
        app = (
            ApplicationBuilder().token(world.token).base_url(emu.base_url).base_file_url(emu.base_file_url)
            .rate_limiter(AIORateLimiter(max_retries=2)).build()
        )
        app.add_handler(CommandHandler("giao", echo))
        async with running(app):
            yield Rig("echo handler", world, app, lambda i: world.send_text(user, groups[i], "/giao x"))


@asynccontextmanager
async def giao_rig(label: str, url: str, rounds: int, now: datetime) -> AsyncIterator[Rig]:
    """Our bot on `url`. Each round is in its own group (Telegram allows a group 20 messages a minute);
    the groups are the emulator's first ones, which in the big database are committees 1, 2, ... with
    their stored tasks."""
    clock = ManualClock(now)
    world = World(clock=clock)
    chair = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = world.add_user("Bình", "Lê")
    groups = [world.add_group(f"BCĐ Chuyển đổi số phường {i + 1}", creator=chair, members=[binh])
              for i in range(rounds)]
    due = (now.astimezone(scale_data.VN) + timedelta(days=10)).date()

    def send(i: int) -> None:
        world.send_text(chair, groups[i], [
            "/giao ", text_mention(binh), f" rà soát hồ sơ thủ tục hành chính đợt {i} xong trước ngày {due:%d/%m}",
        ])

    async with Emulator(world) as emu:
        settings = Settings(
            bot_token=world.token, database_url=url, telegram_api_url=emu.base_url, dispatch_interval=3600
        )
        app = build_application(settings, clock)
        async with running(app):
            yield Rig(label, world, app, send)
        last = world.last_bot_message(groups[-1])
        assert last is not None and "#" in (last.text or ""), last


async def interleaved(rigs: list[Rig], rounds: int) -> None:
    """Round i of every bot, one after the other, the order rotating: drift in the machine's load
    (2 shared cores) falls on all of them alike. A warm-up pass first: every group/committee gets a
    /giao, so that in both databases the measured one lands in a committee that exists."""
    for measured in (False, True):
        for i in range(rounds):
            t0 = time.perf_counter()
            for k in range(len(rigs)):
                rig = rigs[(i + k) % len(rigs)]
                took = await rig.round(i)
                if measured:
                    rig.times.append(took)
            await asyncio.sleep(max(0.0, PACE - (time.perf_counter() - t0)))


async def count_tasks(url: str) -> int:
    engine = create_engine(url)
    async with session_factory(engine)() as s:
        n = int(await s.scalar(select(func.count()).select_from(Task)) or 0)
    await engine.dispose()
    return n


async def bench_giao(big: str, empty: str, rounds: int) -> dict[str, float]:
    print(f"== /giao round trip ({rounds} rounds each, interleaved, medians)")
    now = this_week()[0] + timedelta(hours=2)  # Monday 09:00 in Hà Nội
    async with (
        echo_rig(rounds) as echo,
        giao_rig("/giao, empty database", empty, rounds, now) as small,
        giao_rig("/giao, big database", big, rounds, now) as large,
    ):
        await interleaved([echo, small, large], rounds)
    stored = await count_tasks(big)
    for rig in (echo, small, large):
        t = rig.times
        print(f"{rig.label:24} median {statistics.median(t) * 1000:7.2f} ms  p95 {p95(t) * 1000:7.2f} ms")
    print(f"(the big database holds {stored:,} tasks)")
    e, s, b = (statistics.median(r.times) for r in (echo, small, large))
    print(f"ratio big : empty        {b / s:.2f}   (target <= 1.5)")
    print(f"ratio big : echo         {b / e:.2f}")
    print(f"ratio empty : echo       {s / e:.2f}")
    return {"big_empty": b / s, "big_echo": b / e}


# --------------------------------------------------------------------------- 2. Monday summaries


async def bench_summaries(big: str, committees: int) -> None:
    print(f"== Monday summaries of {committees:,} committees")
    anchor, period = this_week()
    now = anchor + timedelta(hours=7, minutes=31)  # Monday 07:31 in Hà Nội, the summaries are due
    engine = create_engine(big)
    sessions = session_factory(engine)
    async with sessions() as s:
        ids = list(await s.scalars(select(Committee.id).order_by(Committee.id)))
    # Rendering only: what /tonghop and the weekly post compute, committee by committee.
    started = time.perf_counter()
    parts = 0
    for cid in ids:
        async with sessions() as s:
            parts += len(await summary_messages(s, cid, now))
    render = (time.perf_counter() - started) / len(ids)
    print(f"render only              {render * 1000:7.2f} ms per committee "
          f"({len(ids):,} committees, {parts:,} messages)")

    # The whole path: this week's runs due again, drained by the real dispatcher into the emulator.
    async with sessions() as s, s.begin():
        await s.execute(
            update(SummaryRun)
            .where(SummaryRun.period == period)
            .values(status="pending", due_at=now - timedelta(minutes=1), claimed_at=None, claimed_by=None,
                    sent_at=None, attempts=0, parts_sent=0, next_attempt_at=None)
        )
    world = World(strict_ampersand=True)
    chair = world.add_user("Chủ", "Tịch")
    for cid in ids:  # the n-th group of the emulator is committee n
        group = world.add_group(f"BCĐ Chuyển đổi số phường {cid}", creator=chair)
        assert group.id == -(scale_data.CHAT_BASE + cid)
    async with Emulator(world) as emu:
        bot = ExtBot(world.token, base_url=emu.base_url,
                     request=HTTPXRequest(connection_pool_size=64, pool_timeout=30.0))
        await bot.initialize()
        services = Services(Settings(), ManualClock(now), engine, sessions, "bench")
        runtime = DispatchRuntime.create("bench", limiter=unlimited())
        started = time.perf_counter()
        stats = await drain(services, bot, runtime, max_rounds=10**6)  # type: ignore[arg-type]
        whole = (time.perf_counter() - started) / len(ids)
        await bot.shutdown()
    await engine.dispose()
    telegram_gap = 1 / 30
    print(f"claim+render+send+record {whole * 1000:7.2f} ms per committee (sent {stats.summaries_sent:,}, "
          f"{stats.summary_parts_sent:,} messages)")
    print(f"as a fraction of Telegram's 1/30 s per message   render {render / telegram_gap:.2f}, "
          f"whole path {whole / telegram_gap:.2f}   (< 1: Telegram's pace, not ours, bounds the Monday post)")
    if stats.summaries_sent != len(ids):
        print(f"!! not every committee got its summary: {stats}")


# --------------------------------------------------------------------------- 3. start-up and memory


def rss_mib(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a live process, MiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def import_telegram_seconds(repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import telegram"], check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


async def run_bot_process(url: str, workdir: Path, settle: float) -> tuple[float, float, float]:
    """Start `python -m bot.cli run` against the emulator; (seconds to first getUpdates, idle VmRSS, peak)."""
    world = World()
    async with Emulator(world) as emu:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "BOT_TOKEN": world.token,
            "DATABASE_URL": url,
            "TELEGRAM_API_URL": emu.base_url,
            "LOG_LEVEL": "WARNING",
            "DISPATCH_INTERVAL": "2",  # a dispatcher tick (nothing due) happens while settling
        }
        log = (workdir / "bot.log").open("ab")
        t0 = time.perf_counter()
        # The child runs on its own; we only poll it.
        proc = subprocess.Popen(  # noqa: ASYNC220
            [sys.executable, "-m", "bot.cli", "run"], cwd=workdir, env=env, stdout=log, stderr=log
        )
        try:
            while world.calls["getUpdates"] == 0:
                if proc.poll() is not None:
                    raise RuntimeError(f"the bot exited with {proc.returncode}; see {workdir / 'bot.log'}")
                await asyncio.sleep(0.005)
            startup = time.perf_counter() - t0
            await asyncio.sleep(settle)  # the summary planner's first run and a dispatcher tick
            rss, peak = rss_mib(proc.pid)
        finally:
            proc.terminate()
            try:
                await asyncio.to_thread(proc.wait, 20)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()
    return startup, rss, peak


async def bench_process(big: str, empty: str, workdir: Path, repeat: int, settle: float) -> None:
    print(f"== the bot process: start-up and idle memory (medians of {repeat} starts)")
    baseline = import_telegram_seconds(5)
    results = {}
    for label, url in (("empty database", empty), ("big database", big)):
        runs = [await run_bot_process(url, workdir, settle) for _ in range(repeat)]
        results[label] = tuple(statistics.median(r[i] for r in runs) for i in range(3))
    print(f"python -c 'import telegram'  {baseline:6.2f} s")
    for label, (startup, rss, peak) in results.items():
        print(f"start-up, {label:15}  {startup:6.2f} s = {startup / baseline:5.2f} x import telegram;  "
              f"idle VmRSS {rss:6.1f} MiB (peak {peak:.1f})")
    b, e = results["big database"], results["empty database"]
    print(f"idle VmRSS big database  {b[1]:.1f} MiB   (target <= 150 MB = {150e6 / 2**20:.0f} MiB)")
    print(f"ratio big : empty        start-up {b[0] / e[0]:.2f}, memory {b[1] / e[1]:.2f}")


# --------------------------------------------------------------------------- main


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--committees", type=int, default=10_000)
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=100, help="/giao round trips per variant")
    parser.add_argument("--starts", type=int, default=3, help="bot process starts per database")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds after start-up before reading RSS")
    parser.add_argument("--database-url", help="a PostgreSQL server (default: SQLite files in /tmp)")
    parser.add_argument("--only", default="giao,summary,memory")
    args = parser.parse_args()
    if args.database_url and is_sqlite(args.database_url):
        parser.error("--database-url is for PostgreSQL; SQLite is the default")
    if args.rounds > args.committees:
        parser.error("--rounds must not exceed --committees (each round is in its own committee)")
    only = set(args.only.split(","))
    big = await big_database(args.database_url, args.committees, args.tasks)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        empty = await empty_database(args.database_url, workdir)
        if "memory" in only:
            await bench_process(big, empty, workdir, args.starts, args.settle)
        if "giao" in only:
            await bench_giao(big, empty, args.rounds)
        if "summary" in only:
            await bench_summaries(big, args.committees)
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
