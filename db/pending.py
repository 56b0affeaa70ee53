"""Questions the bot asked and waits for a reply to (db.models.PendingInput)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
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


async def add_question(
    session: AsyncSession, *, chat_id: int, key: int, person_id: int, task_id: int | None, kind: str,
    now: datetime, data: dict[str, Any] | None, visible: str,
) -> PendingInput:
    """A question the bot is about to send, stored under `key` with its visible text: how a reply is
    matched before the message id is known, or to a copy a retried send delivered (bot/reply_retry.py)."""
    row = PendingInput(
        chat_id=chat_id,
        prompt_message_id=key,
        person_id=person_id,
        task_id=task_id,
        kind=kind,
        created_at=now,
        data={**(data or {}), PROMPT_TEXT: visible},
    )
    session.add(row)
    await session.flush()
    return row


async def drop_question(session: AsyncSession, row_id: int) -> None:
    """A question Telegram refused to deliver: nobody can answer it."""
    await session.execute(delete(PendingInput).where(PendingInput.id == row_id))


async def question_sent(session: AsyncSession, row_id: int, message_id: int) -> None:
    """The question's message id, once Telegram answered the send. A statement, not a loaded row: the
    question may have been answered (deleted) meanwhile; then nothing."""
    await session.execute(update(PendingInput).where(PendingInput.id == row_id).values(prompt_message_id=message_id))


async def drop_unsent_question(session: AsyncSession, chat_id: int, key: int) -> None:
    """The question stored under `key` and not sent yet (the same command delivered again asks once)."""
    await session.execute(
        delete(PendingInput).where(PendingInput.chat_id == chat_id, PendingInput.prompt_message_id == key)
    )


# --- /nhap (handlers/importing.py): a conclusion being gathered in parts, and the draft read from it.
# Neither is answered through the prompt lookup: their key is a negative number unique in the chat.


async def add_import_draft(
    session: AsyncSession, *, chat_id: int, key: int, person_id: int, now: datetime, data: dict[str, Any]
) -> PendingInput:
    """The draft of a conclusion `person_id` is importing (its items, title, meeting date in `data`),
    stored under `key`; replies to its preview are matched by the preview's message ids."""
    row = PendingInput(
        chat_id=chat_id, prompt_message_id=key, person_id=person_id, kind="import_draft", created_at=now, data=data
    )
    session.add(row)
    await session.flush()
    return row


async def start_import_gathering(
    session: AsyncSession, *, chat_id: int, key: int, person_id: int, now: datetime, data: dict[str, Any]
) -> PendingInput:
    """A new gathering of a conclusion's parts by `person_id` in the chat: one per person and chat, so
    one already open there is dropped (the caller reads what it held first, to say so)."""
    await session.execute(
        delete(PendingInput).where(
            PendingInput.chat_id == chat_id, PendingInput.person_id == person_id, PendingInput.kind == "import_gather"
        )
    )
    row = PendingInput(
        chat_id=chat_id, prompt_message_id=key, person_id=person_id, kind="import_gather", created_at=now, data=data
    )
    session.add(row)
    await session.flush()
    return row
