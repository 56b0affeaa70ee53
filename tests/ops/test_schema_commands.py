"""Schema operations for rolling a release back (issue 15, item 5): `nhacviec db downgrade REV` takes a
backup first and refuses while the bot runs; `db upgrade` brings it back; nothing ever creates a new
database by accident (the Alembic CLI without DATABASE_URL used to create nhacviec-dev.db); an older
release on a newer schema says so plainly and exits 6."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot import texts as T
from bot.instance_lock import InstanceLock
from emulator import Emulator, World
from tests.conftest import using_postgres
from tests.faults_db.conftest import finish, start_cli
from tests.ops.conftest import clean_env, run_nhacviec, with_history

pytestmark = pytest.mark.skipif(using_postgres(), reason="SQLite files; the commands are the same on PostgreSQL")

ROOT = Path(__file__).resolve().parents[2]


def revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_downgrade_backs_up_first_and_upgrade_brings_it_back(tmp_path: Path, history_file: Path) -> None:
    database = tmp_path / "nhacviec.db"
    url = with_history(history_file, database)
    database.chmod(0o600)
    head = revision(database)
    code, out, err = run_nhacviec(tmp_path, "db", "history", DATABASE_URL=url)
    assert code == 0 and f"{head}  " in out and T.DB_CURRENT_MARK in out
    previous = [line.split()[0] for line in out.splitlines()][1]  # newest first

    code, out, err = run_nhacviec(tmp_path, "db", "downgrade", previous, DATABASE_URL=url)
    assert code == 0, err
    backups = list(tmp_path.glob("nhacviec-*.db"))
    assert len(backups) == 1 and T.DB_BACKED_UP.format(target=backups[0]) in out
    assert backups[0].stat().st_mode & 0o777 == 0o600 and revision(backups[0]) == head
    assert revision(database) == previous
    assert T.DB_REVISION.format(revision=previous, url=url) in out

    code, out, err = run_nhacviec(tmp_path, "db", "--no-backup", "upgrade", DATABASE_URL=url)
    assert code == 0, err
    assert revision(database) == head
    with sqlite3.connect(database) as conn, sqlite3.connect(history_file) as original:
        for table in ("tasks", "task_events", "reminders", "summary_runs"):
            count = f"SELECT count(*) FROM {table}"
            assert conn.execute(count).fetchone() == original.execute(count).fetchone()


def test_schema_changes_are_refused_while_the_bot_runs(tmp_path: Path, history_file: Path) -> None:
    database = tmp_path / "nhacviec.db"
    url = with_history(history_file, database)
    before = database.read_bytes()
    bot = InstanceLock(url)
    bot.acquire()
    try:
        code, _, err = run_nhacviec(tmp_path, "db", "downgrade", "base", DATABASE_URL=url)
    finally:
        bot.release()
    assert code == 3 and "Bot đang chạy" in err
    assert database.read_bytes() == before


def test_no_command_creates_a_database_that_is_not_there(tmp_path: Path) -> None:
    missing = tmp_path / "nhacviec.db"
    for args in (["db", "current"], ["db", "upgrade"], ["status"], ["backup"]):
        code, out, err = run_nhacviec(tmp_path, *args, DATABASE_URL=f"sqlite:///{missing}")
        assert code == 1, (args, out, err)
    assert not missing.exists()
    # The Alembic CLI itself (developers), without DATABASE_URL: a clear refusal, no nhacviec-dev.db.
    alembic = Path(sys.executable).with_name("alembic")
    done = subprocess.run([str(alembic), "-c", str(ROOT / "db" / "alembic.ini"), "upgrade", "head"],
                          cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "DATABASE_URL is not set" in done.stderr
    assert list(tmp_path.iterdir()) == []


async def test_an_older_release_on_a_newer_schema_says_so_and_exits_6(tmp_path: Path, history_file: Path) -> None:
    database = tmp_path / "nhacviec.db"
    url = with_history(history_file, database)
    with sqlite3.connect(database) as conn:  # as a newer release would have left it
        conn.execute("UPDATE alembic_version SET version_num='0042_from_a_newer_release'")
    world = World()
    async with Emulator(world) as emu:
        code, output = await finish(await start_cli(tmp_path, BOT_TOKEN=world.token,
                                                    TELEGRAM_API_URL=emu.base_url, DATABASE_URL=url))
    assert code == 6
    assert "0042_from_a_newer_release" in output and "nhacviec db downgrade" in output
    assert "Traceback" not in output
    assert revision(database) == "0042_from_a_newer_release"  # untouched
    code, _, err = run_nhacviec(tmp_path, "db", "current", DATABASE_URL=url)
    assert code == 6 and "0042_from_a_newer_release" in err


ORDERS = [
    ("db", "downgrade", "0009", "--no-backup"),
    ("db", "--no-backup", "downgrade", "0009"),
    ("db", "downgrade", "0009"),
]


@pytest.mark.parametrize("order", ORDERS)
def test_no_backup_after_the_action_as_one_types_it(tmp_path: Path, history_file: Path, order: tuple[str, ...]) -> None:
    """`nhacviec db upgrade --no-backup` stopped with «unrecognized arguments» (only `db --no-backup upgrade` was
    read); both orders skip the backup now, and without the option the backup is still taken."""
    url = with_history(history_file, tmp_path / "nhacviec.db")
    code, out, err = run_nhacviec(tmp_path, *order, DATABASE_URL=url)
    assert code == 0, err
    backups = list(tmp_path.glob("nhacviec-*.db"))
    assert len(backups) == (0 if "--no-backup" in order else 1), out
    code, out, err = run_nhacviec(tmp_path, "db", "upgrade", "--no-backup", DATABASE_URL=url)
    assert code == 0 and len(list(tmp_path.glob("nhacviec-*.db"))) == len(backups), err
