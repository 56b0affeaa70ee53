"""On SQLite one bot process at a time: `nhacviec run` started twice on one database — the second
refuses with a message saying why, the first goes on serving; a first killed with SIGKILL (its
lock file left behind) does not block the next start. Real processes against the emulator."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest

from bot import texts as T
from emulator import Emulator, User, World
from tests.conftest import using_postgres
from tests.faults_db.conftest import finish, start_cli, stop

pytestmark = [
    pytest.mark.skipif(using_postgres(), reason="the single-instance rule is SQLite's"),
    pytest.mark.slow,
]

STARTUP = 60.0  # seconds a cold start (imports, migrations) may take on a slow CI machine


async def answered(world: World, user: User, text: str) -> str:
    world.send_text(user, world.private_chat(user), text)
    reply = await world.wait_for(chat=world.private_chat(user), timeout=STARTUP)
    return reply.plain


async def test_a_second_instance_on_the_same_sqlite_database_refuses_to_start(tmp_path: Path) -> None:
    world = World()
    lan = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    async with Emulator(world) as emu:
        settings = {
            "BOT_TOKEN": world.token,
            "TELEGRAM_API_URL": emu.base_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'nhacviec.db'}",
            "DISPATCH_INTERVAL": "3600",
        }
        first = await start_cli(tmp_path, **settings)
        try:
            world.start_private(lan)  # /start
            assert await world.wait_for(chat=world.private_chat(lan), timeout=STARTUP)

            # From another directory, through a path of its own to the same file: still the same database.
            elsewhere = tmp_path / "elsewhere"
            elsewhere.mkdir()
            second = await start_cli(elsewhere, **{**settings, "DATABASE_URL": "sqlite:///../nhacviec.db"})
            code, output = await finish(second)
            assert code == 3
            assert T.SECOND_INSTANCE_REFUSED.split("(")[0] in output
            assert "PostgreSQL" in output  # ... and what to do instead
            assert "nhacviec.db.lock" in output
            assert world.token not in output

            # The first one never noticed.
            assert "Nhắc việc" in await answered(world, lan, "/huongdan")
            assert first.returncode is None
        finally:
            if first.returncode is None:
                first.send_signal(signal.SIGKILL)  # no clean shutdown: the lock file stays behind
            await finish(first)
        assert (tmp_path / "nhacviec.db.lock").exists()

        # A restart after a crash: the kernel dropped the dead process's lock; the new one starts.
        third = await start_cli(tmp_path, **settings)
        try:
            assert "Nhắc việc" in await answered(world, lan, "/huongdan")
        finally:
            code, output = await stop(third)
        assert code == 0, output
        assert not (tmp_path / "nhacviec.db.lock").exists()  # a clean stop takes its lock file away (ops12)
        assert world.token not in output


async def test_instances_on_different_sqlite_databases_run_side_by_side(tmp_path: Path) -> None:
    """The lock belongs to the database file, not to the machine: two committees' bots (two tokens,
    two files) run at the same time."""
    worlds = [World(), World(token="5000000002:AAAnotherEmulatorTokenForTests_nhacviec")]
    async with Emulator(worlds[0]) as emu0, Emulator(worlds[1]) as emu1:
        procs = []
        for i, (world, emu) in enumerate(zip(worlds, (emu0, emu1), strict=True)):
            procs.append(
                await start_cli(
                    tmp_path,
                    BOT_TOKEN=world.token,
                    TELEGRAM_API_URL=emu.base_url,
                    DATABASE_URL=f"sqlite:///{tmp_path / f'bot{i}.db'}",
                    DISPATCH_INTERVAL="3600",
                )
            )
        try:
            for world in worlds:
                user = world.add_user("Lan", "Nguyễn")
                assert "Nhắc việc" in await answered(world, user, "/huongdan")
        finally:
            results = await asyncio.gather(*(stop(p) for p in procs))
        assert [code for code, _ in results] == [0, 0]
