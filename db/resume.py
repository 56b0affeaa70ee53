"""Where a sandbox database left off (read-only): the latest time the bot recorded and the highest
chat message id its rows refer to. `nhacviec sandbox --db FILE` (bot/sandbox_cli.py) resumes from here
when the kept conversation (`FILE.sandbox.json`) is missing — a database from an older version, or a
sandbox killed before it first kept it: the bot's clock never goes back before what it recorded, and
new messages get ids the bot has never seen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import InstrumentedAttribute

from db.models import Notice, PendingInput, Reminder, Task, TaskEvent

# Times the bot's tables hold (the bot's clock, UTC).
_TIMES: tuple[InstrumentedAttribute[datetime] | InstrumentedAttribute[datetime | None], ...] = (
    TaskEvent.at,
    Task.created_at,
    Reminder.sent_at,
    Notice.sent_at,
    PendingInput.created_at,
)
# Chat message ids they refer to (a question awaiting its reply, the message that logged a task, a
# reminder or notice sent).
_MESSAGE_IDS: tuple[InstrumentedAttribute[int] | InstrumentedAttribute[int | None], ...] = (
    PendingInput.prompt_message_id,
    Task.source_message_id,
    Reminder.message_id,
    Notice.message_id,
)


@dataclass(frozen=True)
class ResumePoint:
    latest: datetime | None  # the latest time recorded (aware, UTC); None: nothing recorded
    first_message_id: int  # above every message id recorded


async def resume_point(session: AsyncSession) -> ResumePoint:
    """Reads only. A table or column the database does not have (an older schema, a database not
    migrated yet) is skipped, as is a value that is not a time."""
    conn = await session.connection()
    present: dict[str, set[str]] = await conn.run_sync(
        lambda sync: {t: {c["name"] for c in inspect(sync).get_columns(t)} for t in inspect(sync).get_table_names()}
    )

    def has(column: InstrumentedAttribute) -> bool:  # type: ignore[type-arg]
        return column.prop.columns[0].name in present.get(column.class_.__tablename__, set())

    latest: datetime | None = None
    for column in _TIMES:
        if not has(column):
            continue
        try:
            when = await session.scalar(select(func.max(column)))
        except (SQLAlchemyError, ValueError, TypeError):  # a stored value that is not a time
            continue
        if isinstance(when, str):
            when = datetime.fromisoformat(when)
        if isinstance(when, datetime):
            when = when if when.tzinfo else when.replace(tzinfo=UTC)  # SQLite keeps UTC without its zone
            latest = when if latest is None else max(latest, when)
    top = 0
    for column in _MESSAGE_IDS:
        if has(column):
            try:
                top = max(top, int(await session.scalar(select(func.max(column))) or 0))
            except (SQLAlchemyError, ValueError, TypeError):
                continue
    return ResumePoint(latest, top + 1)


async def resume_point_of_file(path: Path) -> ResumePoint:
    """`resume_point` of an existing SQLite file, opened read-only (mode=ro: nothing is written, not
    even the WAL settings the bot's engine makes)."""
    # SQLite opens the file's URI itself (spaces, "#", "?" %-escaped): a URL given to SQLAlchemy would
    # be %-decoded first, and a "#" in the name would cut the path short.
    uri = f"{path.as_uri()}?mode=ro"
    engine = create_async_engine("sqlite+aiosqlite://", async_creator=lambda: aiosqlite.connect(uri, uri=True))
    try:
        async with async_sessionmaker(engine)() as session:
            return await resume_point(session)
    finally:
        await engine.dispose()
