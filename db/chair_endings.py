"""Chair roles that ended with the person's administrator rights (db.models.ChairEnded): noted when
the role ends, taken (read and deleted) by the refusal that says why — once."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import ChairEnded
from db.outbox import as_utc


async def note_chair_ended(session: AsyncSession, committee_id: int, person_id: int, now: datetime) -> None:
    row = await session.scalar(
        select(ChairEnded).where(ChairEnded.committee_id == committee_id, ChairEnded.person_id == person_id)
    )
    if row is None:
        session.add(ChairEnded(committee_id=committee_id, person_id=person_id, ended_at=as_utc(now)))
    else:
        row.ended_at = as_utc(now)
    await session.flush()


async def forget_chair_ended(session: AsyncSession, committee_id: int, person_id: int) -> None:
    """A chair again (an administrator again, or granted the role): nothing to explain any more."""
    await session.execute(
        delete(ChairEnded).where(ChairEnded.committee_id == committee_id, ChairEnded.person_id == person_id)
    )


async def take_chair_ended(
    session: AsyncSession, committee_id: int, person_id: int, now: datetime, within: timedelta
) -> bool:
    """The person's chair role ended within `within` of `now` and nobody has told them why yet: True,
    and it is told now (the row goes). An older row goes too, saying nothing."""
    row = await session.scalar(
        select(ChairEnded).where(ChairEnded.committee_id == committee_id, ChairEnded.person_id == person_id)
    )
    if row is None:
        return False
    await session.delete(row)
    await session.flush()
    return as_utc(now) - as_utc(row.ended_at) <= within
