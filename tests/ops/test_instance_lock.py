"""The `.lock` beside a SQLite database (bot/instance_lock.py): one bot per database, and never a lock that
outlives its reason. Before (ops12): every start left `nhacviec.db.lock` behind — after a failed start too —
and a lock file another user left (a command run as root) could not be opened by the service's user.

The lock is flock(2) on that file: the kernel drops it when its process dies (kill -9 included), so the
file's presence never means "running"; now the file is removed too, by whoever held the lock, on every
release (a clean stop, a failed start, the end of `nhacviec restore` / `db` / `migrate-to-postgres`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import bot.instance_lock
from bot.instance_lock import AlreadyRunning, InstanceLock
from tests.conftest import no_database
from tests.ops.conftest import run_nhacviec

pytestmark = no_database

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"

HOLD = """
import sys, time
from bot.instance_lock import InstanceLock
InstanceLock(sys.argv[1]).acquire()
print("held", flush=True)
time.sleep(3600)
"""


def killed_holder(url: str) -> int:
    """A process that took the lock and was killed with SIGKILL (no clean-up ran): its pid."""
    with subprocess.Popen([sys.executable, "-c", HOLD, url], stdout=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"held"
        proc.send_signal(signal.SIGKILL)
        proc.wait(60)
        return proc.pid


def test_a_failed_start_leaves_no_lock_and_a_killed_bots_lock_does_not_block(tmp_path: Path) -> None:
    database = tmp_path / "nhacviec.db"
    lock = Path(f"{database}.lock")
    url = f"sqlite:///{database}"
    dead = killed_holder(url)
    assert lock.read_text() == str(dead)  # what a kill -9 leaves: the file, with a dead process's number
    # Not blocked by it (exit 3 would be «một bot khác đang chạy»): the start goes on, and fails on Telegram
    # (nothing listens on port 9) — a clean failure, which takes the lock file away with it.
    code, out, err = run_nhacviec(tmp_path, "run", BOT_TOKEN=TOKEN, DATABASE_URL=url,
                                  TELEGRAM_API_URL="http://127.0.0.1:9/bot", wait=90)
    assert code == 5, out + err
    assert not lock.exists()


def test_a_live_bot_still_blocks_and_its_lock_file_stays(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nhacviec.db'}"
    running = InstanceLock(url)
    running.acquire()
    try:
        with pytest.raises(AlreadyRunning):
            InstanceLock(url).acquire()
        assert (tmp_path / "nhacviec.db.lock").read_text() == str(os.getpid())  # the refused one took nothing
    finally:
        running.release()
    assert not (tmp_path / "nhacviec.db.lock").exists()
    again = InstanceLock(url)
    again.acquire()
    again.release()


def test_a_lock_file_the_service_user_cannot_write_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`nhacviec restore` run as root and killed: a root-owned 0644 `.lock` in the service's 0700 folder. The
    service's user cannot open it for writing (PermissionError, exit 1, restarted every 5 s); it can read
    it, lock it, and remove it (the folder is its own). Tests run as root: `open` answers as for that user."""
    url = f"sqlite:///{tmp_path / 'nhacviec.db'}"
    lock = tmp_path / "nhacviec.db.lock"
    lock.write_text("812")
    real_open = open

    def as_service_user(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "+" in mode and Path(path).exists() and Path(path).read_text() == "812":  # root's file
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(bot.instance_lock, "open", as_service_user, raising=False)
    mine = InstanceLock(url)
    mine.acquire()
    assert lock.read_text() == str(os.getpid())  # a file of its own now
    mine.release()
    assert not lock.exists()


def test_a_start_racing_a_release_does_not_lock_the_removed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """B opens the lock file, A releases (removes it), B locks what it opened: a file no one else can open
    any more. B must notice and take the lock on the file at the path, or a third bot would run beside it."""
    url = f"sqlite:///{tmp_path / 'nhacviec.db'}"
    lock = tmp_path / "nhacviec.db.lock"
    first = InstanceLock(url)
    first.acquire()
    opened_before = open(lock, "a+")  # noqa: SIM115 - B's open, before A's release
    first.release()
    real_open = open
    calls = []

    def racing(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        calls.append(mode)
        return opened_before if len(calls) == 1 else real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(bot.instance_lock, "open", racing, raising=False)
    second = InstanceLock(url)
    second.acquire()
    monkeypatch.undo()
    assert len(calls) == 2 and lock.read_text() == str(os.getpid())
    with pytest.raises(AlreadyRunning):  # the file at the path is the one held
        InstanceLock(url).acquire()
    second.release()
