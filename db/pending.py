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
