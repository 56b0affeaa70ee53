"""Meetings (giao ban) of a committee and the directives that belong to them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Meeting, Task
from domain.meetings import LINK_DAYS, links_until, takes_directives


async def create_meeting(
    session: AsyncSession, committee_id: int, *, title: str, held_on: date, actor_id: int | None, now: datetime
) -> Meeting:
    meeting = Meeting(
        committee_id=committee_id, title=title[:500], held_on=held_on, created_at=now, created_by=actor_id
    )
    session.add(meeting)
    await session.flush()
    return meeting


def opened_on(meeting: Meeting, tz: ZoneInfo) -> date:
    """The committee-local day the meeting was entered in the bot."""
    created = meeting.created_at
    if created.tzinfo is None:  # SQLite hands back naive datetimes; they are stored in UTC
        created = created.replace(tzinfo=UTC)
    return created.astimezone(tz).date()


def meeting_links_until(meeting: Meeting, tz: ZoneInfo) -> date:
    return links_until(meeting.held_on, opened_on(meeting, tz))


async def current_meeting(session: AsyncSession, committee_id: int, today: date, tz: ZoneInfo) -> Meeting | None:
    """The meeting a directive logged today joins (rule: `domain.meetings.takes_directives`), or None."""
    # Only meetings held in the window, or entered in it, can qualify; the rule itself is applied below.
    window_start = today - timedelta(days=LINK_DAYS)
    entered_since = datetime.combine(window_start, time.min, tzinfo=tz).astimezone(UTC)
    rows = await session.scalars(
        select(Meeting)
        .where(
            Meeting.committee_id == committee_id,
            Meeting.held_on <= today,
            or_(Meeting.held_on >= window_start, Meeting.created_at >= entered_since),
        )
        .order_by(Meeting.held_on.desc(), Meeting.created_at.desc(), Meeting.id.desc())
    )
    for meeting in rows:
        if takes_directives(meeting.held_on, opened_on(meeting, tz), today):
            return meeting
    return None


async def latest_held(session: AsyncSession, committee_id: int, today: date) -> Meeting | None:
    """The last meeting held on or before today (by its day, then the last entered)."""
    return await session.scalar(
        select(Meeting)
        .where(Meeting.committee_id == committee_id, Meeting.held_on <= today)
        .order_by(Meeting.held_on.desc(), Meeting.id.desc())
        .limit(1)
    )


async def next_meeting(session: AsyncSession, committee_id: int, today: date) -> Meeting | None:
    """The first meeting scheduled for today or later (`/hop moi ... 30/11` entered ahead)."""
    return await session.scalar(
        select(Meeting)
        .where(Meeting.committee_id == committee_id, Meeting.held_on >= today)
        .order_by(Meeting.held_on, Meeting.id)
        .limit(1)
    )


async def meeting_tasks(session: AsyncSession, meeting_id: int) -> list[Task]:
    rows = await session.scalars(select(Task).where(Task.meeting_id == meeting_id).order_by(Task.number))
    return list(rows)
