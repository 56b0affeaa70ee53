"""/tonghop (/summary): the committee's summary now — the same content as the Monday post."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import texts as T
from handlers.common import reply, resolve_actor, transaction
from jobs.summary import summary_messages


async def tonghop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        if actor.committee is None:
            parts = [T.GROUP_ONLY]
        else:
            parts = await summary_messages(session, actor.committee.id, actor.now)
    for part in parts:  # split at task boundaries, in order
        await reply(update, part)
