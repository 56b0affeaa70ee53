"""The error handler: log (never the token), tell the user something went wrong, keep running."""

from __future__ import annotations

import logging

from sqlalchemy.exc import DBAPIError, OperationalError
from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import texts as T

log = logging.getLogger("nhacviec.errors")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    # The transaction of the failed update was rolled back: nothing half-saved remains.
    busy = isinstance(error, OperationalError | DBAPIError)
    log.error("update failed: %s: %s", type(error).__name__, error, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    text = T.DB_BUSY if busy else T.GENERIC_ERROR
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        else:
            await context.bot.send_message(update.effective_chat.id, text, parse_mode=ParseMode.HTML)
    except TelegramError as exc:
        log.warning("could not report the error to the chat: %s", exc)
