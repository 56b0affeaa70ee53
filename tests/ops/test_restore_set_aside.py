"""`nhacviec restore` sets the database it replaces aside (`nhacviec-before-restore-<time>.db` + -wal/-shm) and
never removed one: a year of monthly restore drills left twelve full copies of the database beside it. Now the
newest three stay (the one just made always), `--keep-aside N` changes how many, the older sets go whole
(.db with its -wal/-shm), the command names what it removed, and nothing else in the folder is touched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot import texts as T
from tests.conftest import no_database
from tests.ops.conftest import run_nhacviec

pytestmark = no_database


def nhacviec_database(path: Path, tasks: int) -> None:
    """The smallest database `nhacviec restore` accepts: the tables it checks, at the schema's head."""
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES (?)", (head,))
        for table in ("committees", "people", "reminders"):
            conn.execute(f"CREATE TABLE {table} (id INTEGER)")
        conn.execute("CREATE TABLE tasks (id INTEGER)")
        conn.executemany("INSERT INTO tasks VALUES (?)", [(n,) for n in range(tasks)])
        conn.execute("CREATE TABLE task_events (id INTEGER, at TEXT)")
    conn.close()


def earlier_drills(folder: Path, months: int) -> list[Path]:
    """What `months` monthly restores left: one set-aside database each (some with their -wal and -shm)."""
    made = []
    for month in range(1, months + 1):
        main = folder / f"nhacviec-before-restore-2026{month:02d}01-0930{month:02d}.db"
        nhacviec_database(main, tasks=month)
        made.append(main)
        if month % 2:
            for side in ("-wal", "-shm"):
                Path(f"{main}{side}").write_bytes(b"w" * 100)
    return made


def aside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("nhacviec-before-restore-[0-9]*-[0-9]*.db"))


def test_a_year_of_restore_drills_keeps_the_three_newest_set_aside_copies(tmp_path: Path) -> None:
    live = tmp_path / "nhacviec.db"
    nhacviec_database(live, tasks=40)
    backup = tmp_path / "saoluu" / "nhacviec-2026-12-01.db"
    backup.parent.mkdir()
    nhacviec_database(backup, tasks=30)
    old = earlier_drills(tmp_path, 11)
    # Not this database's set-aside copies: never touched, whatever their age.
    others = [
        tmp_path / "khac-before-restore-20260101-000000.db",  # another database's
        tmp_path / "nhacviec-before-restore-truoc-cap-nhat.db",  # named by hand
        tmp_path / "nhacviec-before-restore-20250101-000000.db.txt",
        tmp_path / "nhacviec-20260101-000000.db",  # a backup (nhacviec backup --keep rotates those)
        backup.parent / "nhacviec-before-restore-20250101-000000.db",  # moved to the backups' folder by hand
    ]
    for path in others:
        nhacviec_database(path, tasks=1)
    orphan_wal = tmp_path / "nhacviec-before-restore-20250101-000000.db-wal"  # its database is gone
    orphan_wal.write_bytes(b"w")

    code, out, err = run_nhacviec(tmp_path, "restore", str(backup), DATABASE_URL=f"sqlite:///{live}")
    assert code == 0, err
    kept = aside(tmp_path)
    assert len(kept) == 3 and kept[:2] == [old[-2].name, old[-1].name]  # two earlier + tonight's
    just_made = tmp_path / kept[2]
    assert sqlite3.connect(just_made).execute("SELECT count(*) FROM tasks").fetchone()[0] == 40  # what was replaced
    removed = old[:-2]
    for path in removed:  # each set whole: no -wal or -shm left without its database
        assert not path.exists() and not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    assert Path(f"{old[-1]}-wal").exists()  # a kept set keeps its -wal
    assert all(p.exists() for p in others) and orphan_wal.exists()
    files = ", ".join(name for p in removed for name in
                      [p.name, *(f"{p.name}{s}" for s in ("-shm", "-wal") if int(p.name[28:30]) % 2)])
    assert T.RESTORE_ASIDE_PRUNED.format(sets=9, keep=3, files=files) in out

    # `--keep-aside 1`: only the copy this restore makes stays; the message says how many were kept.
    code, out, err = run_nhacviec(tmp_path, "restore", "--keep-aside", "1", str(backup),
                                  DATABASE_URL=f"sqlite:///{live}")
    assert code == 0, err
    newest = aside(tmp_path)
    assert len(newest) == 1 and newest[0] not in kept
    assert "giữ 1 bản mới nhất" in out and just_made.name in out


@pytest.mark.parametrize("value", ["0", "hai"])
def test_a_keep_aside_that_would_remove_this_restores_copy_is_refused_before_anything(
    tmp_path: Path, value: str
) -> None:
    live = tmp_path / "nhacviec.db"
    nhacviec_database(live, tasks=40)
    backup = tmp_path / "copy.db"
    nhacviec_database(backup, tasks=30)
    old = earlier_drills(tmp_path, 4)
    before = live.read_bytes()
    code, out, err = run_nhacviec(tmp_path, "restore", str(backup), "--keep-aside", value,
                                  DATABASE_URL=f"sqlite:///{live}")
    assert code == 2, out + err
    assert T.RESTORE_KEEP_INVALID.format(value=value) in err and "Traceback" not in err
    assert live.read_bytes() == before and aside(tmp_path) == [p.name for p in old]


def test_two_restores_in_the_same_second_keep_both_set_aside_copies(tmp_path: Path) -> None:
    """A scripted drill restored twice within one second: both set-aside copies had one name, and the second
    replaced the first — the only copy of the database before both restores."""
    from datetime import datetime

    from bot.restore import restore_sqlite

    live = tmp_path / "nhacviec.db"
    nhacviec_database(live, tasks=40)
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    nhacviec_database(first, tasks=1)
    nhacviec_database(second, tasks=2)
    when = datetime(2026, 12, 7, 10, 15, 0)
    restore_sqlite(live, first, when)
    _, moved = restore_sqlite(live, second, when)
    kept = aside(tmp_path)
    assert kept == ["nhacviec-before-restore-20261207-101500-2.db", "nhacviec-before-restore-20261207-101500.db"]
    assert moved == [tmp_path / kept[0]]
    counts = [sqlite3.connect(tmp_path / name).execute("SELECT count(*) FROM tasks").fetchone()[0] for name in kept]
    assert counts == [1, 40]  # the first restore's backup, and the database before both
    # The later of the two is the newer: it is the one kept when only one stays.
    from bot.restore_aside import prune_set_aside

    assert prune_set_aside(live, 1, None) == [[tmp_path / kept[1]]]
