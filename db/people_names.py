"""People found by the name a chair says (handlers/named_people: «/giao anh Hùng …») through indexed
columns of `people` (name_first, name_last, name_words: the name folded), not by reading every person the
bot has seen: in a province's database (100,000 people) that was a full scan on each /giao."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Person
from domain.understand.textnorm import fold

# How many holders of a name outside the committee are read at most. Only five are asked of Telegram
# (handlers/named_people._MAX_LOOKUPS); the rest leaves room for those written with the very diacritics
# said («Hùng») to come before the ones that only fold alike («Hưng»).
CANDIDATES = 50


async def people_named(
    session: AsyncSession, written: str, *, leave_out: set[int], limit: int = CANDIDATES
) -> list[Person]:
    """People known to Telegram whose name `written` could be (one word: the first or last of theirs;
    several: all of theirs, in any order), folded, those in `leave_out` excepted, oldest first, at most
    `limit`: one indexed look-up whatever the size of the table."""
    words = fold(written).split()
    if not words:
        return []
    # One query per indexed column, each read in the index's order (name, id) and cut at `limit`: an OR of
    # the two would gather every holder of a common name to sort them.
    columns = (Person.name_first, Person.name_last) if len(words) == 1 else (Person.name_words,)
    key = words[0] if len(words) == 1 else " ".join(sorted(words))
    found: dict[int, Person] = {}
    for column in columns:
        query = select(Person).where(column == key, Person.tg_user_id.is_not(None))
        if leave_out:
            query = query.where(Person.id.not_in(leave_out))
        for person in await session.scalars(query.order_by(column, Person.id).limit(limit)):
            found[person.id] = person
    return [found[i] for i in sorted(found)[:limit]]
