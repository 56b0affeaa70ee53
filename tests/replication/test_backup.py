"""`nhacviec backup`: a consistent copy of a live SQLite database (online backup API); PostgreSQL's dump is
tests/ops/test_pg_backup.py's. The copy is taken while another connection keeps writing."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import pytest

from bot.backup import backup_sqlite
from bot.cli import main
from db.engine import create_engine
from db.migrate import upgrade_to_head
from tests.conftest import no_database

pytestmark = no_database


async def migrated_sqlite(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    await upgrade_to_head(engine)
    await engine.dispose()


class Writer(threading.Thread):
    """Writes transactions of two rows (k, 'a'), (k, 'b') until stopped, as the bot would."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.stop = threading.Event()
        self.committed = 0
        self._progress = threading.Condition()

    def run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        k = 0
        while not self.stop.is_set():
            with conn:
                conn.execute("INSERT INTO writes VALUES (?, 'a')", (k,))
                conn.execute("INSERT INTO writes VALUES (?, 'b')", (k,))
            k += 1
            with self._progress:
                self.committed = k
                self._progress.notify_all()
        conn.close()

    def wait_for(self, commits: int) -> bool:
        with self._progress:
            return self._progress.wait_for(lambda: self.committed >= commits, 30)


def test_backup_while_writing_is_a_consistent_snapshot(tmp_path: Path) -> None:
    live = tmp_path / "nhacviec.db"
    asyncio.run(migrated_sqlite(live))
    with sqlite3.connect(live) as conn:
        conn.execute("CREATE TABLE writes (k INTEGER, half TEXT)")
    writer = Writer(live)
    writer.start()
    try:
        copies = []
        for i in range(3):
            assert writer.wait_for(writer.committed + 100)  # the bot keeps writing between backups
            copies.append(backup_sqlite(live, tmp_path / f"copy-{i}.db"))
        before_stop = writer.committed
    finally:
        writer.stop.set()
        writer.join(30)
    counts = []
    for result in copies:
        with sqlite3.connect(result.target) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = copy.execute("SELECT k, count(*) FROM writes GROUP BY k").fetchall()
            assert all(n == 2 for _, n in rows), "never half a transaction"
            assert [k for k, _ in rows] == list(range(len(rows))), "a prefix of the commits: one moment"
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone()  # the whole schema
            counts.append(len(rows))
        assert not Path(str(result.target) + "-wal").exists()  # a standalone file
    assert 100 <= counts[0] < counts[1] < counts[2] <= before_stop + 1


def test_backup_command_on_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    live = tmp_path / "nhacviec.db"
    asyncio.run(migrated_sqlite(live))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{live}")
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    target = tmp_path / "saoluu" / "nhacviec-copy.db"
    assert main(["backup", "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Đã sao lưu" in out and "0 nhiệm vụ" in out and str(target) in out
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
    assert not list(tmp_path.glob("saoluu/*.partial"))


def test_backup_command_without_a_database_file_fails_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing.db'}")
    monkeypatch.chdir(tmp_path)
    assert main(["backup"]) == 1
    assert "Không tìm thấy" in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists()  # not created by the attempt
