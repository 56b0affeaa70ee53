"""A nearly full disk under the SQLite database: every write then fails (the bot answers «Hệ thống đang bận» to
every command) while reads still work, so `nhacviec status` said «BÌNH THƯỜNG». Now it says how much is left,
where, and what to free, and exits 1 (as a monitoring script reads it)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from bot import texts as T
from bot.settings import Settings
from bot.status import collect_status
from tests.conftest import using_postgres
from tests.ops.conftest import with_history

pytestmark = pytest.mark.skipif(using_postgres(), reason="the disk of a SQLite database")

MB = 1024 * 1024


@pytest.mark.parametrize(("free_mb", "healthy"), [(40, False), (5000, True)])
def test_status_says_when_the_database_disk_is_nearly_full(
    tmp_path: Path, history_file: Path, monkeypatch: pytest.MonkeyPatch, free_mb: int, healthy: bool
) -> None:
    database = tmp_path / "nhacviec.db"
    url = with_history(history_file, database)
    now = time.time()
    beat = tmp_path / "nhacviec.status"  # a bot running and ticking: only the disk can be wrong
    beat.write_text(json.dumps({"pid": os.getpid(), "started": now - 600, "last_tick": now - 3}))
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: shutil._ntuple_diskusage(10_000 * MB, 0, free_mb * MB))

    status = collect_status(Settings(bot_token="1:x", database_url=url, status_file=str(beat)), now)

    low = T.OPS15_STATUS_DISK_LOW.format(free=f"{free_mb} MB", folder=tmp_path)
    assert status.healthy is healthy
    assert (low in status.lines) is not healthy
    assert any(line.startswith("Bot: đang chạy") for line in status.lines)  # the rest is still said


def test_a_backup_onto_a_full_disk_says_which_disk_and_what_to_free(
    tmp_path: Path, history_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from bot import backup

    url = with_history(history_file, tmp_path / "nhacviec.db")
    target = tmp_path / "saoluu" / "nhacviec-2026-12-07.db"

    class Full:  # SQLite writing the copy's pages onto a disk with no room left
        def __init__(self, conn: sqlite3.Connection) -> None:
            self._conn = conn

        def __getattr__(self, name: str) -> object:
            return getattr(self._conn, name)

        def backup(self, *args: object, **kwargs: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

    real = sqlite3.connect
    monkeypatch.setattr(backup.sqlite3, "connect", lambda *a, **k: Full(real(*a, **k)))
    assert backup.run_backup(url, str(target), 14) == 1
    err = capsys.readouterr().err
    assert "database or disk is full" in err
    assert T.OPS15_BACKUP_DISK_FULL.format(folder=target.parent) in err
    assert not list(target.parent.iterdir())  # no half-written copy left behind
