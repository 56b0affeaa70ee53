"""An upgrade with data, and the way back, as the README says (README «Cập nhật lên bản mới», «Quay lại bản
phát hành cũ»): an OLD release (its own code, from `git archive`, schema 0009) runs a committee's weeks —
tasks, reminders planned and some due, a pending extension, a /nhap import, a Monday summary waiting;
`nhacviec backup`; this release starts on that database (the schema goes to head by itself: 0010, 0011);
nothing stored is lost or changed, the reminders that fell due across the upgrade go out once each; then
`nhacviec db downgrade 0009` and the old release reads the database again with every row still there.

SQLite by default, PostgreSQL when TEST_DATABASE_URL names a server (the `database_url` fixture).
UPGRADE_FROM names another old release (a commit); the default is the last one at schema 0009."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from db.engine import create_engine, is_sqlite
from db.outbox import as_utc
from tests.faults_db.conftest import bot_env, committee, tick
from tests.ops.conftest import clean_env, run_nhacviec

REPO = Path(__file__).resolve().parents[2]
OLD_RELEASE = os.environ.get("UPGRADE_FROM", "408f14c")  # 983c27a^: the last release before 0010
OLD_SCHEMA = "0009"
HEAD = "0011"  # this release's schema
NOT_DATA = {"alembic_version", "dispatcher_beats"}  # the schema's version; a stopped bot's heartbeat
AFTER_UPGRADE = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)  # 9:00 in Hà Nội: the 8:00 reminders are due


def old_release(folder: Path) -> Path:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs the repository's history (git) to take the old release from")
    archive = subprocess.run(["git", "archive", OLD_RELEASE], cwd=REPO, capture_output=True, check=False)
    if archive.returncode != 0:
        pytest.skip(f"release {OLD_RELEASE} is not in this clone's history")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def run_old(tree: Path, *args: str, database_url: str, wait: float = 600) -> subprocess.CompletedProcess[str]:
    """The old release's own code (its tree first on PYTHONPATH), in its tree, with this database."""
    env = clean_env(DATABASE_URL=database_url, BOT_TOKEN="123456:old-release", PYTHONPATH=str(tree))
    return subprocess.run(args, cwd=tree, env=env, capture_output=True, text=True, timeout=wait, check=False)


async def snapshot(database_url: str, columns: dict[str, list[str]]) -> dict[str, list[Any]]:
    """These tables' rows (these columns: the old schema's, read again after the upgrade), by primary key."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            rows = {}
            for table, cols in columns.items():
                listed = ", ".join(f'"{c}"' for c in cols)
                result = await conn.execute(text(f'SELECT {listed} FROM "{table}" ORDER BY 1'))
                rows[table] = [tuple(r) for r in result]
            return rows
    finally:
        await engine.dispose()


async def schema_version(database_url: str) -> str:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            return str(await conn.scalar(text("SELECT version_num FROM alembic_version")))
    finally:
        await engine.dispose()


async def columns_of(database_url: str) -> dict[str, list[str]]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(
                lambda c: {t: [col["name"] for col in inspect(c).get_columns(t)]
                           for t in inspect(c).get_table_names() if t not in NOT_DATA})
    finally:
        await engine.dispose()


def moment(value: Any) -> datetime:
    """A raw timestamp column: SQLite's text, PostgreSQL's datetime; UTC either way."""
    return as_utc(datetime.fromisoformat(value) if isinstance(value, str) else value)


def by_id(rows: list[Any]) -> dict[Any, Any]:
    return {row[0]: row for row in rows}


async def test_upgrade_with_data_and_the_way_back(tmp_path: Path, database_url: str) -> None:
    tree = old_release(tmp_path / "old")
    seeded = run_old(tree, sys.executable, str(REPO / "tests/ops/upgrade_history.py"), database_url,
                     database_url=database_url)
    assert seeded.returncode == 0, seeded.stderr[-3000:]
    assert await schema_version(database_url) == OLD_SCHEMA
    old_columns = await columns_of(database_url)
    before = await snapshot(database_url, old_columns)
    # What the old release wrote (tests/ops/upgrade_history.py): the test reads a real history.
    assert len(before["tasks"]) == 7
    assert [r[old_columns["extension_requests"].index("status")] for r in before["extension_requests"]] == ["pending"]
    status_of = old_columns["reminders"].index("status")
    due_of = old_columns["reminders"].index("due_at")

    # README: `sudo nhacviec backup` before `git pull` — the old release's own command.
    if is_sqlite(database_url):
        backup = run_old(tree, sys.executable, "-m", "bot.cli", "backup", database_url=database_url)
        assert backup.returncode == 0 and "7 nhiệm vụ" in backup.stdout, backup.stdout + backup.stderr

    # After `git pull`, before the restart: this release's `nhacviec status` says what the restart will do.
    _code, out, _err = run_nhacviec(tmp_path, "status", DATABASE_URL=database_url, BOT_TOKEN="123456:new-release")
    assert f"Phiên bản lược đồ: {OLD_SCHEMA} (bản bot này: {HEAD}" in out, out

    # `systemctl restart nhacviec` on this release's code: the schema goes to head as the bot starts.
    async with bot_env(database_url) as env:
        assert await schema_version(database_url) == HEAD
        assert await snapshot(database_url, old_columns) == before  # nothing lost, nothing changed
        # 0010 filled the folded names of the people the old release had stored (a /giao by name finds them).
        folded = await snapshot(database_url, {"people": ["id", "name_first"]})
        assert folded["people"] and all(first for _id, first in folded["people"]), folded
        env.clock.set(AFTER_UPGRADE)
        chair, _binh, _group = await committee(env)  # the same users and groups: the emulator's ids repeat
        env.world.add_group("BCĐ An toàn giao thông", creator=chair)
        await env.idle()
        shown = len(env.world.bot_messages())
        await tick(env)
        reminded = [m.plain for m in env.world.bot_messages()[shown:] if m.plain.startswith("⏰ Nhắc việc")]
        once = len(env.world.bot_messages())
        await tick(env)
        again = env.world.bot_messages()[once:]  # a second pass after the upgrade sends nothing again
    after = await snapshot(database_url, old_columns)
    old_rows, new_rows = by_id(before["reminders"]), by_id(after["reminders"])
    due = [i for i, r in old_rows.items() if r[status_of] == "pending" and moment(r[due_of]) <= AFTER_UPGRADE]
    assert due, "the history has reminders due across the upgrade"
    assert all(new_rows[i][status_of] == "sent" for i in due)
    # The due rows (one person's, the groups'; several tasks share a group's message) all went out.
    number_of = {t[0]: t[old_columns["tasks"].index("number")] for t in after["tasks"]}
    task_of = old_columns["reminders"].index("task_id")
    assert {number_of[old_rows[i][task_of]] for i in due} <= {
        n for n in number_of.values() if any(f"#{n}" in text for text in reminded)}
    assert again == []
    for i, r in old_rows.items():  # the ones sent before the upgrade stay as they were: none sent again
        if r[status_of] == "sent":
            assert new_rows[i] == r
    for table in ("tasks", "extension_requests", "units", "people", "committees", "task_assignees"):
        assert by_id(after[table]).keys() >= by_id(before[table]).keys(), table

    # The way back (README «Quay lại bản phát hành cũ»): this release lowers the schema, then the old code.
    code, out, err = run_nhacviec(tmp_path, "db", "downgrade", OLD_SCHEMA, DATABASE_URL=database_url,
                                  BOT_TOKEN="123456:new-release")
    assert code == 0, out + err
    assert await schema_version(database_url) == OLD_SCHEMA
    assert await snapshot(database_url, old_columns) == after
    status = run_old(tree, sys.executable, "-m", "bot.cli", "status", database_url=database_url)
    assert f"Phiên bản lược đồ: {OLD_SCHEMA}" in status.stdout, status.stdout + status.stderr
    current = run_old(tree, sys.executable, "-m", "bot.cli", "db", "current", database_url=database_url)
    assert current.returncode == 0, current.stdout + current.stderr
