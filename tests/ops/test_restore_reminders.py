"""What a restore does to reminders, as people receive them (README «Sao lưu và khôi phục»).

The real bot (in this process) polls the emulator on a SQLite file. `nhacviec backup` (a subprocess, as
the administrator runs it) copies the database after Friday's reminder; on Monday the bot sends the
weekly summary, on Tuesday that day's reminder; the bot is stopped, `nhacviec restore` puts the Friday copy back,
the bot starts again. Counted per person (Bình privately, the group):

- what the backup records as sent (Friday's reminder) is not sent again;
- what was sent after the backup and still applies (Tuesday's reminder, the same day; Monday's summary,
  the same week) goes out once more — once, not at every start;
- days between the backup and a later restore are not caught up one by one: restored on Wednesday,
  Bình gets one reminder, Wednesday's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from bot.app import build_application, running
from bot.clock import ManualClock
from bot.settings import Settings
from emulator import Chat, Emulator, User, World, text_mention
from jobs.scheduling import DISPATCHER_JOB, SUMMARY_PLANNER_JOB, summary_planner_tick
from tests.conftest import using_postgres
from tests.e2e.conftest import Env
from tests.faults_db.conftest import command, tick
from tests.ops.conftest import run_nhacviec

pytestmark = [pytest.mark.skipif(using_postgres(), reason="backup and restore of SQLite files"), pytest.mark.e2e]

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(m: int, d: int, hh: int = 8, mm: int = 0) -> datetime:
    return datetime(2026, m, d, hh, mm, tzinfo=VN).astimezone(UTC)


@asynccontextmanager
async def bot_on(world: World, emu: Emulator, clock: ManualClock, url: str) -> AsyncIterator[Env]:
    """One run of the bot (a start … a stop) on the same Telegram (world, emulator) as the runs before."""
    app = build_application(
        Settings(bot_token=world.token, database_url=url, telegram_api_url=emu.base_url, dispatch_interval=3600),
        clock,
    )
    async with running(app):
        for name in (DISPATCHER_JOB, SUMMARY_PLANNER_JOB):  # the test wakes them at the moments it chooses
            for job in app.job_queue.get_jobs_by_name(name):  # type: ignore[union-attr]
                job.schedule_removal()
        env = Env(app, world, clock, emu)
        await env.idle()
        yield env


async def wake(env: Env, when: datetime) -> None:
    """What the JobQueue does on the hour: the summary planner, then the dispatcher."""
    env.clock.set(when)
    await summary_planner_tick(SimpleNamespace(application=env.app))  # type: ignore[arg-type]
    await tick(env)


def received(world: World, chats: dict[str, User | Chat], since: dict[str, int]) -> Counter[str]:
    """Reminders and summaries each chat has been sent since `since`: «Bình: nhắc» × n, «nhóm: tổng hợp» × n."""
    got: Counter[str] = Counter()
    for who, chat in chats.items():
        for m in world.bot_messages(chat)[since[who] :]:
            if "Nhắc việc" in m.plain:
                got[f"{who}: nhắc {m.plain.count('#1')}"] += 1
            elif m.plain.startswith("📊 TỔNG HỢP"):
                got[f"{who}: tổng hợp"] += 1
    return got


def marks(world: World, chats: dict[str, User | Chat]) -> dict[str, int]:
    return {who: len(world.bot_messages(chat)) for who, chat in chats.items()}


async def test_a_restore_resends_only_what_was_sent_after_the_backup_and_never_catches_up_days(
    tmp_path: Path,
) -> None:
    db = tmp_path / "nhacviec.db"
    url = f"sqlite:///{db}"
    backup = tmp_path / "saoluu" / "nhacviec-thu-sau.db"
    clock = ManualClock(at(11, 23, 9))  # Monday 23/11/2026, 09:00
    world = World(clock=clock)
    async with Emulator(world, strict=False) as emu:
        lan = world.add_user("Lan", "Nguyễn", username="lan_chutich")
        binh = world.add_user("Bình", "Lê")  # opened a private chat: reminded privately
        group = world.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=lan, members=[binh])
        chats: dict[str, User | Chat] = {"Bình": binh, "nhóm": group, "Lan": lan}
        world.start_private(binh)
        async with bot_on(world, emu, clock, url) as env:
            await env.idle()
            await command(env, lan, group, "/donvi them Văn phòng HĐND&UBND = VP")
            await command(env, lan, group, ["/donvi gan VP ", text_mention(binh)])
            await command(env, lan, group, "/giao VP rà soát hồ sơ thủ tục một cửa xong trước ngày 2/12")
            start = marks(world, chats)
            await wake(env, at(11, 27))  # Friday: 3 working days before Wednesday 2/12
            friday = received(world, chats, start)
            assert friday["Bình: nhắc 1"] == 1, friday

            code, _, err = run_nhacviec(tmp_path, "backup", "--to", str(backup), DATABASE_URL=url)
            assert code == 0, err

            before = marks(world, chats)
            await wake(env, at(11, 30))  # Monday: the weekly summary
            await wake(env, at(12, 1))  # Tuesday: 1 working day before the deadline
            later = received(world, chats, before)
            assert later == {"Bình: nhắc 1": 1, "nhóm: tổng hợp": 1}, later

        # Stopped; the Friday copy put back; started again the same Tuesday morning.
        code, _, err = run_nhacviec(tmp_path, "restore", str(backup), DATABASE_URL=url)
        assert code == 0, err
        after = marks(world, chats)
        async with bot_on(world, emu, clock, url) as env:
            await wake(env, at(12, 1, 9))
            await wake(env, at(12, 1, 10))  # an hour later: nothing more
        again = received(world, chats, after)
        # Friday's reminder (in the copy) is not sent again; Tuesday's and the summary once more, once.
        assert again == later, (again, later)

        # Restored again on Wednesday 2/12 (the deadline): no catching up of Tuesday's reminder.
        code, _, err = run_nhacviec(tmp_path, "restore", str(backup), DATABASE_URL=url)
        assert code == 0, err
        after = marks(world, chats)
        async with bot_on(world, emu, clock, url) as env:
            await wake(env, at(12, 2))
            await wake(env, at(12, 2, 9))
        wednesday = received(world, chats, after)
        assert wednesday["Bình: nhắc 1"] == 1, wednesday
        reminder = [m for m in world.bot_messages(binh)[after["Bình"] :] if "Nhắc việc" in m.plain]
        assert "02/12/2026" in reminder[0].plain and "còn 5 ngày" not in reminder[0].plain
        # The summary of the week of 30/11 (not in the copy) is sent once more: the same week.
        assert wednesday["nhóm: tổng hợp"] == 1, wednesday
        assert sum(wednesday.values()) == 2, wednesday
