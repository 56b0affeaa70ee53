"""Reminder fan-out and idle cost of the dispatcher.

Run from the project root:
    PYTHONPATH=$PWD python bench/fanout_bench.py           # 2,000 summaries + 20,000 reminders (~14 min)
    PYTHONPATH=$PWD python bench/fanout_bench.py --quick   # a tenth of it (~1.5 min)
    [--database-url postgresql://...]                      # an empty database for the idle-tick part

1. Fan-out. 2,000 committees are due their Monday summary and 20,000 people one reminder each, at
   the same moment. The real dispatcher (claim, render, send, record, plan the next one) drains it
   through the Bot API emulator with Telegram's flood limits switched on (30 msg/s per bot, 20/min
   per group, ~1/s per private chat, as token buckets). Printed: the achieved rate as a fraction of
   30 msg/s (target >= 0.9) and the number of 429s the emulator answered (target 0). The bot is
   built as the application builds it: PTB's AIORateLimiter in front (max_retries=2), the
   dispatcher's own pacing on top.
2. Idle tick. With 1,000,000 stored tasks (--quick: 100,000), each with a pending reminder far in
   the future, and every committee's summary runs stored: the cost of one dispatcher tick that
   finds nothing due, as a ratio to a `SELECT 1` round trip through the same session factory,
   measured in the same run (target <= 5). Medians of many runs.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import HTTPXRequest

from bot.clock import ManualClock
from bot.member_status import Standing
from bot.services import Services
from bot.settings import Settings
from db.engine import create_engine, is_sqlite, session_factory
from db.migrate import upgrade_to_head
from db.models import Committee, Person, Reminder, SummaryRun, Task, TaskAssignee
from db.summaries import ensure_summary_runs
from emulator import Emulator, World
from jobs.dispatcher import dispatch_once, drain
from jobs.runtime import DispatchRuntime

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TELEGRAM_RATE = 30.0
# Monday 7/12/2026, 08:00 in Hà Nội: the summaries (07:30) and today's reminders (08:00) are due.
MONDAY_8 = datetime(2026, 12, 7, 8, 0, tzinfo=VN).astimezone(UTC)
DUE_DAY = date(2026, 12, 7)
# Sunday night before: nothing due, no summary due (the idle tick).
QUIET = datetime(2026, 12, 6, 22, 0, tzinfo=VN).astimezone(UTC)


async def fresh_engine(url: str | None, workdir: Path, name: str) -> AsyncEngine:
    if url is None:
        url = f"sqlite:///{workdir / name}.db"
    engine = create_engine(url)
    await upgrade_to_head(engine)
    return engine


# --------------------------------------------------------------------------- 1. fan-out


async def fanout(committees: int, reminders: int, url: str | None, workdir: Path, memory: str = "empty") -> None:
    print(f"== fan-out: {committees:,} Monday summaries + {reminders:,} reminders, Telegram's limits on, "
          f"member memory: {memory}")
    world = World(strict_ampersand=True)
    chair = world.add_user("Chủ", "Tịch")
    users = [world.add_user(f"Cán bộ {i}") for i in range(reminders)]
    # Each assignee is a member of the group whose task they have (task i is committee i % committees's): the
    # dispatcher asks Telegram before a private reminder (sec15, jobs/presence.py).
    bot_status = "administrator" if memory == "admin" else "member"
    groups = [world.add_group(f"BCĐ Chuyển đổi số phường {i}", creator=chair, members=users[i::committees],
                              bot_status=bot_status) for i in range(committees)]
    for user in users:
        world.start_private(user, send_start=False)

    engine = await fresh_engine(url, workdir, "fanout")
    sessions = session_factory(engine)
    created = MONDAY_8 - timedelta(days=30)
    async with sessions() as s, s.begin():
        com_ids = []
        for i, g in enumerate(groups):
            c = Committee(chat_id=g.id, title=g.title or f"BCĐ {i}", created_at=created)
            s.add(c)
            com_ids.append(c)
        await s.flush()
        people = [Person(tg_user_id=u.id, full_name=u.first_name, private_chat=True, blocked_bot=False) for u in users]
        s.add_all(people)
        await s.flush()
        tasks = []
        for i, person in enumerate(people):
            com = com_ids[i % committees]
            task = Task(
                committee_id=com.id,
                number=i // committees + 1,
                text=f"Cập nhật dữ liệu dân cư và hồ sơ thủ tục hành chính trực tuyến, đợt {i}",
                created_at=created,
                assigned_on=created.date(),
                deadline_kind="date",
                due_original=DUE_DAY,
                due_current=DUE_DAY,
            )
            task.assignees.append(TaskAssignee(role="lead", person_id=person.id, label=person.full_name))
            tasks.append(task)
        s.add_all(tasks)
        await s.flush()
        # Today's reminder of every task, as the plan left it (planning 20,000 tasks one by one is
        # not what is measured here).
        await s.execute(
            insert(Reminder),
            [
                {
                    "committee_id": t.committee_id,
                    "task_id": t.id,
                    "person_id": p.id,
                    "kind": "due",
                    "local_day": DUE_DAY,
                    "due_at": MONDAY_8,
                    "status": "pending",
                    "attempts": 0,
                }
                for t, p in zip(tasks, people, strict=True)
            ],
        )
        await ensure_summary_runs(s, MONDAY_8 - timedelta(hours=1))

    async with Emulator(world, strict=True) as emu:
        bot = ExtBot(
            world.token,
            base_url=emu.base_url,
            request=HTTPXRequest(connection_pool_size=64, pool_timeout=30.0),
            rate_limiter=AIORateLimiter(max_retries=2),
        )
        await bot.initialize()
        services = Services(Settings(), ManualClock(MONDAY_8), engine, sessions, "bench")
        if memory != "empty":  # (sec17) yesterday's round said each is present; the bot's standing heard
            yesterday = MONDAY_8 - timedelta(days=1)
            for i, user in enumerate(users):
                services.members.remember(groups[i % committees].id, user.id, Standing.PRESENT, yesterday)
            for g in groups:
                services.members.bot_heard(g.id, Standing.ADMIN if memory == "admin" else Standing.PRESENT,
                                           yesterday - timedelta(days=1))
        runtime = DispatchRuntime.create("bench")
        started = time.perf_counter()
        stats = await drain(services, bot, runtime)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - started
        await bot.shutdown()
    await engine.dispose()

    log = world.send_log
    sent = len(log)
    window = log[-1].at - log[0].at if sent > 1 else float("nan")
    rate = (sent - 1) / window if sent > 1 else 0.0
    expected = reminders + stats.summary_parts_sent
    print(
        f"messages sent            {sent:,} (reminders {stats.reminders_sent:,}, summary parts "
        f"{stats.summary_parts_sent:,}; expected {expected:,})"
    )
    print(f"sending window           {window:.1f} s (whole drain incl. database: {elapsed:.1f} s)")
    print(f"achieved rate            {rate:.2f} msg/s = {rate / TELEGRAM_RATE:.3f} of 30 msg/s   (target >= 0.9)")
    print(f"  over the whole drain   {sent / elapsed:.2f} msg/s = {sent / elapsed / TELEGRAM_RATE:.3f} of 30 msg/s")
    print(f"429 answers received     {world.too_many_requests}   (target 0)")
    print(f"getChatMember calls      {world.calls['getChatMember']:,}")
    if sent != reminders + committees or stats.summaries_sent != committees:
        print(f"!! not everything was delivered: {stats}")


# --------------------------------------------------------------------------- 2. idle tick


async def store_many(engine: AsyncEngine, committees: int, tasks: int) -> None:
    """Bulk rows in SQL (a recursive CTE works on SQLite and PostgreSQL alike)."""
    created = MONDAY_8 - timedelta(days=60)
    far = MONDAY_8 + timedelta(days=180)
    sessions = session_factory(engine)
    async with sessions() as s, s.begin():
        await s.execute(
            insert(Committee),
            [{"chat_id": -(10**6) - i, "title": f"BCĐ {i}", "created_at": created} for i in range(committees)],
        )
    count = f"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {tasks}) "
    async with engine.begin() as conn:
        await conn.execute(
            text(
                count + "INSERT INTO tasks (committee_id, number, text, created_at, assigned_on, deadline_kind, "
                "due_original, due_current, urgent, status, extension_count) "
                f"SELECT (x % {committees}) + 1, x, 'Nhiệm vụ số ' || x, :created, :assigned, 'date', "
                ":due, :due, :false, 'open', 0 FROM c"
            ),
            {"created": created, "assigned": created.date(), "due": (far + timedelta(days=3)).date(), "false": False},
        )
        await conn.execute(
            text(
                "INSERT INTO reminders (committee_id, task_id, person_id, kind, local_day, due_at, status, attempts) "
                "SELECT committee_id, id, NULL, 'before', :day, :due_at, 'pending', 0 FROM tasks"
            ),
            {"day": far.date(), "due_at": far},
        )
    async with sessions() as s, s.begin():
        # This week's and eight past weeks' summaries sent; next week's pending.
        last_monday = datetime(2026, 11, 30, 7, 30, tzinfo=VN).astimezone(UTC)
        for weeks_ago in range(9):
            s.add_all(
                SummaryRun(
                    committee_id=cid,
                    period=f"2026-W{49 - weeks_ago}",
                    due_at=last_monday - timedelta(weeks=weeks_ago),
                    status="sent",
                    attempts=1,
                    parts_sent=1,
                )
                for cid in range(1, committees + 1)
            )
        await ensure_summary_runs(s, QUIET)
    if is_sqlite(str(engine.url)):
        async with engine.connect() as conn:
            await conn.exec_driver_sql("ANALYZE")


async def median_seconds(run: Callable[[], Awaitable[object]], repeat: int) -> float:
    for _ in range(10):  # warm up: connections, statement caches
        await run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        await run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def idle_tick(tasks: int, url: str | None, workdir: Path, repeat: int) -> None:
    print(f"== idle tick: {tasks:,} stored tasks with pending reminders, nothing due")
    engine = await fresh_engine(url, workdir, "idle")
    built = time.perf_counter()
    await store_many(engine, committees=2000, tasks=tasks)
    print(f"stored in                {time.perf_counter() - built:.1f} s")
    sessions = session_factory(engine)
    services = Services(Settings(), ManualClock(QUIET), engine, sessions, "bench")
    runtime = DispatchRuntime.create("bench")

    async def select_one() -> None:
        async with sessions() as s:
            await s.execute(text("SELECT 1"))

    async def tick() -> None:
        stats = await dispatch_once(services, None, QUIET, runtime)  # type: ignore[arg-type]
        assert stats.claimed == 0 and stats.summaries_claimed == 0

    baseline = await median_seconds(select_one, repeat)
    cost = await median_seconds(tick, repeat)
    await engine.dispose()
    print(f"SELECT 1 round trip      {baseline * 1e6:.0f} µs (median of {repeat})")
    print(f"dispatcher tick          {cost * 1e6:.0f} µs")
    print(f"tick / SELECT 1          {cost / baseline:.2f}   (target <= 5)")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a tenth of the load (about 1.5 minutes)")
    parser.add_argument("--database-url", help="an empty database for the idle-tick part (default: a SQLite temp file)")
    parser.add_argument("--skip-fanout", action="store_true")
    parser.add_argument("--skip-idle", action="store_true")
    parser.add_argument("--memory", choices=("empty", "member", "admin"), default="empty",
                        help="the member memory at the fan-out: empty (the first round after a start), or every "
                             "assignee said present a day ago with the bot a plain member / an admin of the "
                             "groups (a daily round: sec17, jobs.presence)")
    args = parser.parse_args()
    committees, reminders, tasks = (200, 2_000, 100_000) if args.quick else (2_000, 20_000, 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if not args.skip_idle:
            await idle_tick(tasks, args.database_url, workdir, repeat=300)
        if not args.skip_fanout:
            await fanout(committees, reminders, None, workdir, args.memory)


if __name__ == "__main__":
    asyncio.run(main())
