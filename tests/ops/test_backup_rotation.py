"""`nhacviec backup --keep N`: the nightly crontab line of the README made a new file every night and never
removed one (ops12: a year of nightly copies, 365 × the database, in /var/lib/nhacviec/saoluu). With
`--keep 14` the command keeps the 14 newest backups of that series (the files named like the new one, a date
or time in the middle) and removes older ones of the series only; without --keep it removes nothing (the
manual backup before an update must never delete anything)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from bot import texts as T
from tests.conftest import no_database
from tests.ops.conftest import run_nhacviec

pytestmark = no_database

DAY = 86400


def a_database(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE tasks (id INTEGER)")
        conn.execute("INSERT INTO tasks VALUES (1)")
    conn.close()


def test_keep_14_keeps_the_14_newest_of_the_series_and_nothing_else_is_touched(tmp_path: Path) -> None:
    live = tmp_path / "nhacviec.db"
    a_database(live)
    url = f"sqlite:///{live}"
    folder = tmp_path / "saoluu"
    folder.mkdir()
    old = [folder / f"nhacviec-2026-11-{day:02d}.db" for day in range(6, 26)]  # 20 nights, oldest first
    now = 1796600000
    for n, path in enumerate(old):
        a_database(path)
        os.utime(path, (now - (30 - n) * DAY, now - (30 - n) * DAY))
    # Not of the series: kept whatever their age.
    others = [
        folder / "nhacviec-before-restore-20261101-101010.db",  # what a restore set aside
        folder / "nhacviec-truoc-cap-nhat.db",  # named by hand
        folder / "ghichu.txt",
        folder / "nhacviec-2026-01-01.db.partial",
        folder / "nhacviec-2026-01-02.db",  # not a SQLite database: not ours to remove
    ]
    for path in others:
        path.write_bytes(b"x" * 10)
        os.utime(path, (now - 400 * DAY, now - 400 * DAY))
    others[0].unlink()
    a_database(others[0])  # a real database, older than all: still not of the series
    os.utime(others[0], (now - 400 * DAY, now - 400 * DAY))

    new = folder / "nhacviec-2026-12-07.db"
    code, out, err = run_nhacviec(tmp_path, "backup", "--to", str(new), "--keep", "14", DATABASE_URL=url)
    assert code == 0, err
    kept = sorted(p.name for p in folder.glob("nhacviec-2026-1*.db"))
    assert kept == sorted([p.name for p in old[-13:]] + [new.name])  # 13 old + tonight's
    assert all(p.exists() for p in others)
    assert T.BACKUP_ROTATED.format(removed=7, keep=14, oldest=old[-13].name) in out

    # Without --keep nothing is removed.
    code, out, err = run_nhacviec(tmp_path, "backup", "--to", str(folder / "nhacviec-2026-12-08.db"),
                                  DATABASE_URL=url)
    assert code == 0, err
    assert len(list(folder.glob("nhacviec-2026-1*.db"))) == 15
    assert "xóa" not in out


@pytest.mark.parametrize(("args", "says"), [
    (("--keep", "0"), "--keep"),
    (("--keep", "mười"), "--keep"),
    (("--to", "saoluu/latest.db", "--keep", "3"), "latest.db"),
])
def test_a_keep_that_cannot_work_is_refused_before_anything(tmp_path: Path, args: tuple[str, ...], says: str) -> None:
    live = tmp_path / "nhacviec.db"
    a_database(live)
    (tmp_path / "saoluu").mkdir()
    code, out, err = run_nhacviec(tmp_path, "backup", *args, DATABASE_URL=f"sqlite:///{live}")
    assert code == 2, out + err
    assert says in err and "Traceback" not in err
    assert list((tmp_path / "saoluu").iterdir()) == []
