"""Questions the bot asked and waits for a reply to (db.models.PendingInput)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import PendingInput


async def pending_for_reply(session: AsyncSession, chat_id: int, prompt_message_id: int) -> PendingInput | None:
    return await session.scalar(
        select(PendingInput).where(
            PendingInput.chat_id == chat_id, PendingInput.prompt_message_id == prompt_message_id
        )
    )



# A question stored before it is sent (handlers.common.ask_before_sending) keeps its visible text under
# this key: until the message id is known (its key is then minus the asking message's id), and after it,
# for a copy of the question Telegram delivered on a try the bot saw time out (bot/reply_retry.py).
PROMPT_TEXT = "prompt_text"


async def asked_with_text(session: AsyncSession, chat_id: int, replied_text: str) -> list[PendingInput]:
    """The questions waiting in the chat whose text is the message replied to (same visible text, spaces
    aside): a reply to a question the bot has not heard back from Telegram about yet, or to a copy."""
    wanted = " ".join(replied_text.split())
    if not wanted:
        return []
    rows = await session.scalars(select(PendingInput).where(PendingInput.chat_id == chat_id))
    return [r for r in rows if " ".join(str(r.data.get(PROMPT_TEXT) or "").split()) == wanted]
