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


# A question stored before it is sent (handlers.common.ask_before_sending): its data holds the prompt's
# visible text under this key until the message id is known; its key is then minus the asking message's id.
UNSENT = "unsent_prompt"


async def unsent_for_reply(session: AsyncSession, chat_id: int, replied_text: str) -> list[PendingInput]:
    """The questions in the chat stored but not yet known as sent whose text is the message replied to
    (same visible text, spaces aside): a reply that came before the bot heard back from Telegram."""
    wanted = " ".join(replied_text.split())
    if not wanted:
        return []
    rows = await session.scalars(
        select(PendingInput).where(PendingInput.chat_id == chat_id, PendingInput.prompt_message_id < 0)
    )
    return [r for r in rows if " ".join(str(r.data.get(UNSENT) or "").split()) == wanted]
