"""`nhacviec backup` on PostgreSQL, as the README's admin path meets it: moved from SQLite with
`migrate-to-postgres`, the nightly crontab line kept (`backup --to …-$(date +%F).db --keep N`). It used to print
the pg_dump instructions and exit 0 — no backup, every night, silently. Now it dumps with pg_dump (password
through its environment, never printed; the file 0600), rotates the series, and the pg_restore line it prints
puts the data back. Needs a real PostgreSQL for the dumps (the PostgreSQL pass of scripts/test.sh)."""

from __future__ import annotations

import asyncio
import shutil
import stat
import subprocess
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot import texts as T
from bot.cli import main
from bot.settings import database_url_from
from db.engine import normalise_url
from tests.conftest import using_postgres
from tests.ops.conftest import run_nhacviec, with_history
from tests.ops.test_migrate_to_postgres import PASSWORD, drop, empty_database_with_its_own_owner

needs_postgres = pytest.mark.skipif(not using_postgres(), reason="needs PostgreSQL (TEST_DATABASE_URL)")
SECRET_PARTS = (PASSWORD, "Kh0ng", "doan/duoc", "duoc:2026", "%40")


async def tasks_in(url: str) -> int:
    dsn = make_url(normalise_url(database_url_from(url))).set(drivername="postgresql")
    conn = await asyncpg.connect(dsn.render_as_string(hide_password=False))
    try:
        return int(await conn.fetchval("SELECT count(*) FROM tasks"))
    finally:
        await conn.close()


async def lose_a_task(url: str) -> None:
    dsn = make_url(normalise_url(database_url_from(url))).set(drivername="postgresql")
    conn = await asyncpg.connect(dsn.render_as_string(hide_password=False))
    try:
        newest = await conn.fetchval("SELECT max(id) FROM tasks")
        for table in ("task_events", "reminders", "task_assignees", "extension_requests"):
            await conn.execute(f"DELETE FROM {table} WHERE task_id = $1", newest)
        await conn.execute("DELETE FROM tasks WHERE id = $1", newest)
    finally:
        await conn.close()


@needs_postgres
def test_the_crontab_line_backs_up_postgres_and_the_printed_line_restores_it(tmp_path: Path,
                                                                            history_file: Path) -> None:
    raw_url, name = asyncio.run(empty_database_with_its_own_owner())
    try:
        sqlite_url = with_history(history_file, tmp_path / "nhacviec.db")
        code, out, err = run_nhacviec(tmp_path, "migrate-to-postgres", "--to", raw_url, DATABASE_URL=sqlite_url)
        assert code == 0, out + err
        before = asyncio.run(tasks_in(raw_url))
        folder = tmp_path / "saoluu"
        for night in ("2026-12-05", "2026-12-06", "2026-12-07"):  # the README's line, on three nights
            code, out, err = run_nhacviec(tmp_path, "backup", "--to", str(folder / f"nhacviec-{night}.db"),
                                          "--keep", "2", DATABASE_URL=raw_url)
            assert code == 0, err
            assert [p for p in SECRET_PARTS if p in out + err] == []
        kept = sorted(p.name for p in folder.iterdir())
        assert kept == ["nhacviec-2026-12-06.db", "nhacviec-2026-12-07.db"]  # no .partial left either
        newest = folder / "nhacviec-2026-12-07.db"
        assert newest.read_bytes()[:5] == b"PGDMP" and stat.S_IMODE(newest.stat().st_mode) == 0o600
        assert "Đã xóa 1 bản sao lưu cũ (giữ 2 bản mới nhất; cũ nhất còn lại: nhacviec-2026-12-06.db)" in out
        # `restore --check` on the dump reads its table of contents; a dump cut short is refused.
        code, said, err = run_nhacviec(tmp_path, "restore", "--check", str(newest))
        assert code == 0 and said.startswith(f"Bản pg_dump đọc được: {newest} — tạo lúc "), err
        cut = tmp_path / "cut.dump"
        cut.write_bytes(newest.read_bytes()[:2000])
        code, said, err = run_nhacviec(tmp_path, "restore", "--check", str(cut))
        assert (code, said) == (1, "") and err.startswith(f"{cut} không đọc được như một bản pg_dump")
        cut.unlink()

        # A task lost after the backup; the administrator pastes the pg_restore line the backup printed.
        asyncio.run(lose_a_task(raw_url))
        assert asyncio.run(tasks_in(raw_url)) == before - 1
        line = next(x.strip() for x in out.splitlines() if x.strip().startswith("pg_restore "))
        done = subprocess.run(["bash", "-c", line], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              env={"PATH": "/usr/bin:/bin", "PGPASSWORD": PASSWORD})
        assert done.returncode == 0, done.stderr
        assert asyncio.run(tasks_in(raw_url)) == before

        # Without --to: a dated dump in the folder the command runs in (the wrapper's: /var/lib/nhacviec).
        code, out, err = run_nhacviec(tmp_path, "backup", DATABASE_URL=raw_url)
        assert code == 0, err
        dumps = list(tmp_path.glob(f"{name}-*.dump"))
        assert len(dumps) == 1 and dumps[0].read_bytes()[:5] == b"PGDMP"
    finally:
        asyncio.run(drop(name))


@needs_postgres
def test_a_server_that_does_not_answer_is_said_and_leaves_no_file(tmp_path: Path) -> None:
    url = f"postgresql://nhacviec:{PASSWORD}@127.0.0.1:9/nhacviec"  # port 9: nothing listens
    code, out, err = run_nhacviec(tmp_path, "backup", "--to", str(tmp_path / "nhacviec-2026-12-07.db"),
                                  DATABASE_URL=url)
    assert (code, out) == (1, "")
    assert err.startswith("Không sao lưu được: ") and "127.0.0.1" in err
    assert [p for p in SECRET_PARTS if p in err] == []
    assert list(tmp_path.iterdir()) == []


def test_without_pg_dump_nothing_is_claimed_and_the_lines_to_run_are_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No postgresql-client on the machine: exit 1 (cron sees a failure), what to install, the lines by hand."""
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "pg_dump" else real_which(name))
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://nhacviec:matkhau-bi-mat@db.local:5432/nhacviec")
    monkeypatch.chdir(tmp_path)
    assert main(["backup", "--to", str(tmp_path / "nhacviec-2026-12-07.db"), "--keep", "14"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(T.PG_DUMP_MISSING)
    url = "postgresql://nhacviec@db.local:5432/nhacviec"
    assert f'pg_dump --format=custom --file=nhacviec-$(date +%F).dump "{url}"' in err
    assert "matkhau" not in err and "***" not in err
    assert list(tmp_path.iterdir()) == []


def test_restore_on_postgres_gives_the_pg_restore_line_for_that_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://nhacviec:matkhau-bi-mat@db.local:5432/nhacviec")
    monkeypatch.chdir(tmp_path)
    assert main(["restore", "saoluu/nhacviec-2026-12-07.db"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Cơ sở dữ liệu là PostgreSQL: nhacviec restore chỉ khôi phục SQLite. Không thay đổi gì.")
    assert ('pg_restore --clean --if-exists --no-owner --dbname="postgresql://nhacviec@db.local:5432/nhacviec" '
            "saoluu/nhacviec-2026-12-07.db") in err
    assert "matkhau" not in err


@needs_postgres
def test_a_schema_change_on_postgres_is_dumped_first_or_not_made(tmp_path: Path) -> None:
    """`sudo nhacviec db downgrade 0009` (README: going back to an old release): the dump first, into the bot's
    folder (STATUS_FILE's: /var/lib/nhacviec under the wrapper); it printed a pg_dump line and changed the
    schema at once. Without pg_dump nothing is changed."""
    raw_url, name = asyncio.run(empty_database_with_its_own_owner())
    data = tmp_path / "data"
    data.mkdir()
    typed_in = tmp_path / "opt"  # `cd /opt/nhacviec` before: not where dumps go
    typed_in.mkdir()
    status = str(data / "nhacviec.status")
    try:
        assert run_nhacviec(typed_in, "db", "upgrade", "--no-backup", DATABASE_URL=raw_url)[0] == 0
        code, _, err = run_nhacviec(typed_in, "db", "downgrade", "0010", DATABASE_URL=raw_url, STATUS_FILE=status,
                                    PATH=str(tmp_path / "no-pg-dump"))
        assert code == 1 and err.rstrip().endswith(T.DB_PG_NOT_CHANGED)
        assert run_nhacviec(typed_in, "db", "current", DATABASE_URL=raw_url)[1].rstrip().endswith(": 0011")
        code, out, err = run_nhacviec(typed_in, "db", "downgrade", "0010", DATABASE_URL=raw_url, STATUS_FILE=status)
        assert code == 0, err
        dumps = list(data.glob(f"{name}-*.dump"))
        assert len(dumps) == 1 and dumps[0].read_bytes()[:5] == b"PGDMP" and str(dumps[0]) in out
        assert out.rstrip().endswith(": 0010") and list(typed_in.iterdir()) == []
        assert [p for p in SECRET_PARTS if p in out + err] == []
    finally:
        asyncio.run(drop(name))
