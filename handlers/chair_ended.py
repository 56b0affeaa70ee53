"""(chat17) Why a chair of a minute ago is refused: the group took his administrator rights, and with
them the chair role (handlers.common.admin_chair_ended notes it). Said once, under whichever refusal of a
right he meets first — a command's (handlers.command.refusal_text) or a button's alert (its 200
characters: the short wording first, the refusal after it when it fits)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from db.chair_endings import take_chair_ended
from handlers.common import Actor
from handlers.task_actions import NoRight, Refused

# How long a refusal says that the person's chair role ended with their administrator rights.
CHAIR_ENDED_SAID = timedelta(days=30)
# What Telegram shows of a button's alert (answerCallbackQuery: 0-200 characters).
ALERT_LIMIT = 200


async def chair_ended_now(session: AsyncSession, actor: Actor, refusal: Refused) -> bool:
    """The refusal is of a right, and the actor lost the chair role with the group's admin rights within
    CHAIR_ENDED_SAID and has not been told yet: True, and it counts as told."""
    if not isinstance(refusal, NoRight):
        return False
    committee_id = refusal.committee_id or (actor.committee.id if actor.committee else None)
    if committee_id is None:
        return False
    return await take_chair_ended(session, committee_id, actor.person.id, actor.now, CHAIR_ENDED_SAID)


async def alert_text(session: AsyncSession, actor: Actor, refusal: Refused, text: str | None = None) -> str:
    """A button's refusal as its alert (`text`: the refusal as the caller shows it)."""
    said = text if text is not None else str(refusal)
    if not await chair_ended_now(session, actor, refusal):
        return said
    for candidate in (f"{T.CHAT17_CHAIR_ENDED_ALERT}\n{said}", f"{T.CHAT17_CHAIR_ENDED_ALERT}\n{said.splitlines()[0]}"):
        if len(candidate) <= ALERT_LIMIT:
            return candidate
    return T.CHAT17_CHAIR_ENDED_ALERT
