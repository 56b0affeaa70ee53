"""`nhacviec restore --check FILE`: how an administrator tells a good backup from a bad one without restoring it
(the restore's own checks, and what the backup holds), while the bot keeps running; nothing is changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.instance_lock import InstanceLock
from tests.conftest import using_postgres
from tests.ops.conftest import run_nhacviec, with_history

pytestmark = pytest.mark.skipif(using_postgres(), reason="backups of SQLite files")


def test_check_says_what_a_good_backup_holds_and_refuses_a_damaged_one(tmp_path: Path, history_file: Path) -> None:
    live = tmp_path / "nhacviec.db"
    url = with_history(history_file, live)
    good = tmp_path / "saoluu" / "nhacviec-2026-12-05.db"
    assert run_nhacviec(tmp_path, "backup", "--to", str(good), DATABASE_URL=url)[0] == 0
    with sqlite3.connect(live) as conn:
        committees = conn.execute("SELECT count(*) FROM committees").fetchone()[0]
    damaged = tmp_path / "saoluu" / "nhacviec-2026-12-06.db"
    data = bytearray(good.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # a page of a table overwritten (a bad disk, a cut copy)
    damaged.write_bytes(bytes(data))
    before = live.read_bytes()

    running = InstanceLock(url)  # the bot runs meanwhile: a check needs no stop
    running.acquire()
    try:
        code, out, err = run_nhacviec(tmp_path, "restore", "--check", str(good), DATABASE_URL=url)
        assert code == 0, err
        assert out.startswith(f"Bản sao lưu tốt: {good}")
        assert f"{committees} Ban chỉ đạo, 4 nhiệm vụ" in out and "lược đồ 0011" in out

        code, out, err = run_nhacviec(tmp_path, "restore", "--check", str(damaged), DATABASE_URL=url)
        assert code == 1 and out == ""
        assert str(damaged) in err and "Không thay đổi gì" in err  # «bị hỏng», or «not a database» when the header goes
    finally:
        running.release()
    assert live.read_bytes() == before
    assert not list(tmp_path.glob("*before-restore*")) and not list(tmp_path.glob("*.restoring"))
