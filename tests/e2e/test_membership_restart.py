"""A membership look-up waiting when the bot is killed (kill -9) is done after the restart.

The bot runs as a real process (`python -m bot.cli run`, as `nhacviec run`) on a SQLite file, polling
the emulator served by this test, its one clock read from a file (NHACVIEC_CLOCK_FILE). The bot is
removed from the group; meanwhile a member leaves and an administrator (a chair because an admin) is
demoted, unseen. Added back, the bot looks its people up (jobs/membership_check.py); Telegram answers
the first look-up with a flood wait of an hour, and the bot is killed while it waits. Started again,
it keeps Telegram's wait (nothing happens before the hour is up on its clock), then does the
look-ups: the departure is told, the demoted admin is no longer a chair — without anyone writing.
(JobQueue jobs die with the process: before the look-ups were rows in the database, the check was
lost, and the departed kept their role until the next re-add.)
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import set_clock_file
from db.models import Committee, MembershipLookup, Person, Role, TaskAssignee
from emulator import Emulator, text_mention
from tests.conftest import using_postgres
from tests.e2e.test_crash_restart import REPO, Bot, on_disk, wait_for

pytestmark = [
    pytest.mark.skipif(using_postgres(), reason="the single-instance SQLite deployment is crashed here"),
    pytest.mark.e2e,
]

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 23/11/2026, 09:00 in Hà Nội
WAIT = 60.0  # generous: a process starting on a loaded machine
FLOOD = 3600  # Telegram's "retry after" for the first look-up, in seconds
LEFT = "đã rời nhóm"


async def roles(sessions: async_sessionmaker[AsyncSession]) -> dict[str, str]:
    async with sessions() as s:
        rows = await s.execute(select(Person.full_name, Role.role).join(Role, Role.person_id == Person.id))
        return dict(rows.all())


def roles_are(sessions: async_sessionmaker[AsyncSession], want: dict[str, str]) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return await roles(sessions) == want

    return check


async def test_a_look_up_waiting_when_the_bot_is_killed_is_done_after_the_restart(tmp_path: Path) -> None:
    db_url, engine, sessions, clock_file, world = await on_disk(tmp_path, START)
    lan = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    tu = world.add_user("Tú", "Đỗ", username="tu_phochutich")
    binh = world.add_user("Bình", "Lê")
    group = world.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=lan, members=[binh], admins=[tu])

    async def active() -> bool:
        async with sessions() as s:
            return bool(await s.scalar(select(Committee.active).where(Committee.chat_id == group.id)))

    async def waiting_out_the_flood() -> bool:
        """The flood wait is recorded: the look-ups are due again in an hour, by the bot's clock."""
        async with sessions() as s:
            rows = (await s.execute(select(MembershipLookup.attempts, MembershipLookup.due_at))).all()
        return bool(rows) and all(n == 1 and due.replace(tzinfo=UTC) >= START + timedelta(seconds=FLOOD)
                                  for n, due in rows)

    async def lookups_left() -> int:
        async with sessions() as s:
            return int(await s.scalar(select(func.count()).select_from(MembershipLookup)) or 0)

    async def paused() -> bool:
        return not await active()

    async def all_done() -> bool:
        return await lookups_left() == 0

    async with Emulator(world, strict=True) as emu:
        bot = Bot(tmp_path, {
            **{k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "DATABASE_", "TELEGRAM_"))},
            "BOT_TOKEN": world.token,
            "DATABASE_URL": db_url,
            "TELEGRAM_API_URL": emu.base_url,
            "NHACVIEC_CLOCK_FILE": str(clock_file),
            "DISPATCH_INTERVAL": "0.2",
            "LOG_LEVEL": "INFO",
            "PYTHONPATH": str(REPO),
            "PYTHONUNBUFFERED": "1",
        })
        await bot.start()
        try:
            world.send_text(lan, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 15/12"])
            await world.wait_for(lambda m: "#1" in m.plain, chat=group, timeout=WAIT)
            world.send_text(tu, group, "/viec")  # Tú, an admin, acts: recorded as a chair
            await world.wait_for(chat=group, timeout=WAIT)
            await wait_for(roles_are(sessions, {"Lan Nguyễn": "chair", "Tú Đỗ": "chair"}), WAIT,
                           "Tú recorded as a chair")

            world.remove_bot(group, by=lan)
            await wait_for(paused, WAIT, "the removal stored")
            world.remove_member(group, binh)  # the bot is out: it hears nothing of these
            world.demote_admin(group, tu, by=lan)
            flood = emu.faults.retry_after(FLOOD, methods=["getChatMember"], times=1)
            world.add_bot(group, by=lan)
            await wait_for(waiting_out_the_flood, WAIT, "the flood wait recorded")
            assert flood.injected == 1
            bot.kill()  # while the check waits out Telegram's hour
            await bot.reap()
            assert [m for m in world.bot_messages(group) if LEFT in m.plain] == []
            assert await roles(sessions) == {"Lan Nguyễn": "chair", "Tú Đỗ": "chair"}

            await bot.start()
            # Up again (it answers), and it keeps Telegram's wait: nothing is looked up yet.
            world.send_text(lan, group, "/ds")
            listing = await world.wait_for(lambda m: "soạn báo cáo quý" in m.plain, chat=group, timeout=WAIT)
            assert "Bình Lê" in listing.plain
            assert await lookups_left() == 3  # Lan, Tú, Bình: none looked up yet
            assert await roles(sessions) == {"Lan Nguyễn": "chair", "Tú Đỗ": "chair"}

            set_clock_file(str(clock_file), START + timedelta(seconds=FLOOD + 1))  # the hour is up
            notice = await world.wait_for(lambda m: LEFT in m.plain, chat=group, timeout=WAIT)
            assert "Bình Lê" in notice.plain and notice.button_texts() == ["🔁 Giao lại #1"]
            await wait_for(roles_are(sessions, {"Lan Nguyễn": "chair"}), WAIT, "Tú's chair role ended")
            await wait_for(all_done, WAIT, "the look-ups done")
            async with sessions() as s:
                assert list(await s.scalars(select(TaskAssignee.person_id))) == [None]
            assert len([m for m in world.bot_messages(group) if LEFT in m.plain]) == 1
            assert flood.injected == 1 and world.too_many_requests == 1
        finally:
            await bot.close()
    await engine.dispose()
    log = "".join((tmp_path / f"bot-{n}.log").read_text(errors="replace") for n in (1, 2))
    assert "Traceback" not in log, log[-5000:]

