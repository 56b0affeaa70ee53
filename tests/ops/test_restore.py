"""`nhacviec backup` / `nhacviec restore`: a restore gives back exactly the backup's data, even after
a kill -9 left a -wal file beside the database (replacing only the .db replayed that old WAL over
the backup); backups keep the database's permissions; nothing is changed when the restore is refused."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot import texts as T
from bot.instance_lock import InstanceLock
from bot.restore import run_restore
from tests.conftest import using_postgres
from tests.ops.conftest import run_nhacviec, with_history

pytestmark = pytest.mark.skipif(using_postgres(), reason="backup and restore of SQLite files")

TABLES = ("committees", "people", "roles", "units", "tasks", "task_assignees", "task_events", "reminders",
          "summary_runs")

# What the bot goes on doing after the backup, until it is killed: writes that stay in the WAL.
LATER_WRITES = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA wal_autocheckpoint=0")  # as between two checkpoints: the changes live in the WAL
conn.execute("BEGIN")
conn.execute("UPDATE tasks SET status='cancelled'")
conn.execute("INSERT INTO task_events (task_id, kind, actor_id, at, note, data)"
             " SELECT id, 'cancelled', NULL, '2027-01-05 08:00:00.000000', 'sau bản sao lưu', '{}' FROM tasks")
conn.execute("DELETE FROM reminders")
conn.execute("COMMIT")
print("written", flush=True)
time.sleep(3600)
"""


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, as SQLite reads the file (a -wal beside it is replayed — and, when
    the connection closes, checkpointed and removed: look at copies of a crashed database)."""
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def kill_after_writes(database: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", LATER_WRITES, str(database)], stdout=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"written"  # committed (the child then sleeps)
        proc.send_signal(signal.SIGKILL)
        proc.wait(60)


def test_restore_after_a_kill_9_with_a_wal_left_behind_gives_exactly_the_backup(
    tmp_path: Path, history_file: Path
) -> None:
    live = tmp_path / "nhacviec.db"
    url = with_history(history_file, live)
    live.chmod(0o600)
    backup = tmp_path / "saoluu" / "nhacviec-truoc.db"
    code, out, err = run_nhacviec(tmp_path, "backup", "--to", str(backup), DATABASE_URL=url)
    assert code == 0, err
    assert backup.stat().st_mode & 0o777 == 0o600  # the database's permissions, not 0644
    expected = snapshot(backup)
    assert len(expected["tasks"]) == 4 and len(expected["reminders"]) > 0

    kill_after_writes(live)
    wal = Path(f"{live}-wal")
    assert wal.stat().st_size > 0  # the crash left the later writes in the WAL
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    (crashed / "nhacviec.db").write_bytes(live.read_bytes())
    (crashed / "nhacviec.db-wal").write_bytes(wal.read_bytes())
    assert snapshot(crashed / "nhacviec.db") != expected

    # What the README used to say — replace the .db file only — does not restore (on a copy).
    naive = tmp_path / "naive"
    naive.mkdir()
    (naive / "nhacviec.db").write_bytes(backup.read_bytes())
    (naive / "nhacviec.db-wal").write_bytes(wal.read_bytes())
    assert snapshot(naive / "nhacviec.db") != expected

    code, out, err = run_nhacviec(tmp_path, "restore", str(backup), DATABASE_URL=url)
    assert code == 0, err
    assert T.RESTORE_DONE.format(
        backup=backup, database=live, committees=2, tasks=4, newest=max(e[4] for e in expected["task_events"])[:10],
        revision=sqlite3.connect(backup).execute("SELECT version_num FROM alembic_version").fetchone()[0],
    ) in out
    assert not wal.exists()
    assert snapshot(live) == expected  # exactly the backup's data
    assert live.stat().st_mode & 0o777 == 0o600

    # Nothing is lost: the database as it was, with its WAL, is kept beside it and still readable.
    aside = sorted(tmp_path.glob("nhacviec-before-restore-*.db"))
    assert len(aside) == 1 and Path(f"{aside[0]}-wal").exists()
    assert str(aside[0]) in out
    later = sqlite3.connect(aside[0])
    assert later.execute("SELECT count(*) FROM reminders").fetchone()[0] == 0
    assert {s for (s,) in later.execute("SELECT status FROM tasks")} == {"cancelled"}
    later.close()

    # And the bot starts on it: `nhacviec status` reads it (the bot is stopped: exit 1, but the data is there).
    code, out, _ = run_nhacviec(tmp_path, "status", DATABASE_URL=url)
    with sqlite3.connect(backup) as conn:
        pending = [conn.execute(f"SELECT count(*) FROM {t} WHERE status IN ('pending', 'claimed')").fetchone()[0]
                   for t in ("reminders", "summary_runs")]
    assert T.STATUS_PENDING.format(reminders=pending[0], summaries=pending[1]) in out
    assert (code, T.STATUS_NOT_RUNNING) == (1, out.splitlines()[-2])


def test_restore_refuses_while_the_bot_runs_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], history_file: Path
) -> None:
    live = tmp_path / "nhacviec.db"
    url = with_history(history_file, live)
    backup = tmp_path / "copy.db"
    sqlite3.connect(live).backup(target := sqlite3.connect(backup))
    target.close()
    before = live.read_bytes()
    running = InstanceLock(url)  # what `nhacviec run` holds
    running.acquire()
    try:
        assert run_restore(url, str(backup)) == 3
    finally:
        running.release()
    assert "Bot đang chạy" in capsys.readouterr().err
    assert live.read_bytes() == before
    assert not list(tmp_path.glob("*before-restore*"))


@pytest.mark.parametrize("kind", ["garbage", "not ours", "newer schema", "damaged"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, history_file: Path
) -> None:
    live = tmp_path / "nhacviec.db"
    url = with_history(history_file, live)
    bad = tmp_path / "bad.db"
    if kind == "garbage":
        bad.write_bytes(b"this is not a database" * 100)
        says = "không phải là một cơ sở dữ liệu SQLite"
    elif kind == "not ours":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE notes (x)")
        says = "không phải cơ sở dữ liệu của Nhắc việc"
    elif kind == "newer schema":
        sqlite3.connect(live).backup(target := sqlite3.connect(bad))
        target.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
        target.commit()
        target.close()
        says = "9999_from_the_future"
    else:
        sqlite3.connect(live).backup(target := sqlite3.connect(bad))
        target.close()
        data = bytearray(bad.read_bytes())
        page = 4096
        data[page * 3 : page * 3 + 200] = b"\xff" * 200  # a page of a table overwritten
        bad.write_bytes(bytes(data))
        says = "Không thay đổi gì"
    before = live.read_bytes()
    assert run_restore(url, str(bad)) == 1
    err = capsys.readouterr().err
    assert says in err and "Không thay đổi gì" in err
    assert live.read_bytes() == before
    assert not list(tmp_path.glob("*before-restore*"))


def test_a_backup_the_service_user_cannot_read_is_refused_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], history_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sudo nhacviec restore /root/backup.db`: the wrapper runs the command as the service's user, who
    cannot read root's home. It said «Permission denied … the old database was put back»; now it names
    the user and the copy to make, and nothing changes. (The tests run as root, who reads everything:
    the access check answers as it does for the service user.)"""
    import bot.restore

    live = tmp_path / "nhacviec.db"
    url = with_history(history_file, live)
    backup = tmp_path / "private" / "copy.db"
    backup.parent.mkdir()
    sqlite3.connect(live).backup(target := sqlite3.connect(backup))
    target.close()
    real_access = bot.restore.os.access
    monkeypatch.setattr(bot.restore.os, "access", lambda p, mode: False if Path(p) == backup else real_access(p, mode))
    before = live.read_bytes()
    assert run_restore(url, str(backup)) == 1
    err = capsys.readouterr().err
    assert "không đọc được" in err and f"-m 600 {backup} {tmp_path}/" in err and "Không thay đổi gì" in err
    assert "Permission denied" not in err
    assert live.read_bytes() == before
    assert not list(tmp_path.glob("*before-restore*"))


def test_a_backup_where_the_user_may_not_write_says_who_and_where_it_can(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], history_file: Path
) -> None:
    """`sudo nhacviec backup --to /root/…` runs as the service's user: it said «Không sao lưu được: [Errno 13]
    Permission denied: '….partial'». Now: which user, and a place beside the database (nothing left behind).
    (/sys refuses new files even to root: the test's stand-in for a folder the service user cannot write.)"""
    from bot.backup import run_backup

    live = tmp_path / "nhacviec.db"
    url = with_history(history_file, live)
    assert run_backup(url, "/sys/nhacviec-2026-12-06.db") == 1
    err = capsys.readouterr().err
    assert "không ghi được /sys/nhacviec-2026-12-06.db" in err
    assert f"--to {tmp_path}/saoluu/nhacviec-2026-12-06.db" in err
    assert ".partial" not in err
