"""Shared by the reply-race tests (test_preview_reply_race.py, test_prompt_reply_race.py): knowing when
the bot has handled a given message, so that a test can hold Telegram's answer to the bot until then and
make the race's order certain instead of hoping for it."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from db.models import PendingInput
from emulator.world import WAIT_CEILING
from tests.e2e.conftest import Env

# Settings of these tests' bot: it waits for a send's answer as long as the test holds it (a ceiling, not
# a time anything takes: the gate is opened as soon as the reply was handled). With the default 5 s, a
# machine under load handled the reply after the bot had given up on the held send and sent it again
# (bot/reply_retry.py): another race than the one meant (the first copy's id never stored).
HELD_ANSWERS = {"api_timeout": WAIT_CEILING}


def when_handled(env: Env, text: str) -> asyncio.Event:
    """Set once the update carrying `text` was handled (whatever the handler did with it)."""
    handled = asyncio.Event()
    app = env.app
    process = app.process_update  # type: ignore[attr-defined]

    async def observed(update: object) -> None:
        try:
            await process(update)
        finally:
            message = getattr(update, "message", None)
            if message is not None and message.text == text:
                handled.set()

    app.process_update = observed  # type: ignore[attr-defined]
    return handled


async def questions_sent(env: Env, count: int) -> None:
    """Until `count` questions wait with their message ids known (handlers.common fills them in once
    Telegram has answered the send, in a task of its own: the emulator going idle does not say it is
    done — at load 11 on PostgreSQL a reply came before and was matched by text, to two questions)."""
    async with asyncio.timeout(WAIT_CEILING):
        while True:
            async with env.sessions() as s:
                keys = list(await s.scalars(select(PendingInput.prompt_message_id)))
            if len(keys) == count and all(k > 0 for k in keys):
                return
            await asyncio.sleep(0.02)  # the bot's database: nothing to await but a poll
