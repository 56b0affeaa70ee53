"""Where a sandbox database left off (db/resume.py): the latest time the bot recorded and a message id
above all those its rows refer to — read through the models, read-only, also from an older schema."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import Notice, PendingInput, Reminder, Task, TaskEvent
from db.resume import ResumePoint, resume_point, resume_point_of_file
from tests.conftest import using_postgres
from tests.reminder_world import World

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


async def a_committee_with_history(sessions: async_sessionmaker[AsyncSession]) -> int:
    """A task logged at T0 by message 40, an event a day later, a reminder sent on day 3 (message 77),
    a question asked on day 5 (message 90) and a notice sent on day 4 (message 85). Returns the
    committee id."""
    w = World(sessions)
    cid = await w.committee("BCĐ", -100, T0)
    pid = await w.person("Lan", 11)
    tid = await w.task(cid, "Rà soát hồ sơ", (T0 + timedelta(days=20)).date(), T0, lead_person=pid)
    async with sessions() as s, s.begin():
        task = await s.get(Task, tid)
        assert task is not None
        task.source_message_id = 40
        s.add(TaskEvent(task_id=tid, kind="progress", actor_id=pid, at=T0 + timedelta(days=1), data={}))
        reminder = (await s.scalars(select(Reminder).where(Reminder.task_id == tid))).first()
        assert reminder is not None
        reminder.status, reminder.sent_at, reminder.message_id = "sent", T0 + timedelta(days=3), 77
        s.add(Notice(committee_id=cid, chat_id=-100, kind="departure", text="…", created_at=T0, due_at=T0,
                     status="sent", sent_at=T0 + timedelta(days=4), message_id=85))
        s.add(PendingInput(chat_id=-100, prompt_message_id=90, person_id=pid, task_id=tid, kind="progress",
                           created_at=T0 + timedelta(days=5), data={}))
    return cid


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_nothing_recorded_resumes_nowhere_in_particular(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s:
        assert await resume_point(s) == ResumePoint(None, 1)


async def test_the_latest_time_and_a_message_id_above_every_one_recorded(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await a_committee_with_history(sessions)
    async with sessions() as s:
        point = await resume_point(s)
    assert point == ResumePoint(T0 + timedelta(days=5), 91)
    assert point.latest is not None and point.latest.tzinfo is not None


async def test_read_from_the_file_without_writing_to_it(
    sessions: async_sessionmaker[AsyncSession], database_url: str
) -> None:
    if using_postgres():
        pytest.skip("a sandbox database is a SQLite file")
    await a_committee_with_history(sessions)
    await sessions.kw["bind"].dispose()  # the bot stopped: its connections closed (WAL checkpointed)
    path = Path(database_url.removeprefix("sqlite:///"))
    before = digest(path)
    assert await resume_point_of_file(path) == ResumePoint(T0 + timedelta(days=5), 91)
    assert digest(path) == before


async def test_an_older_schema_is_read_for_what_it_has(tmp_path: Path) -> None:
    # A database from before reminders, notices and questions were kept: only its tasks count.
    path = tmp_path / "cu.db"
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY, created_at DATETIME, source_message_id INTEGER)")
        conn.execute("INSERT INTO tasks VALUES (1, '2026-12-01 02:00:00.000000', 12), (2, NULL, NULL)")
        conn.commit()
    finally:
        conn.close()
    assert await resume_point_of_file(path) == ResumePoint(datetime(2026, 12, 1, 2, 0, tzinfo=UTC), 13)
