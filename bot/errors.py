"""The error handler: log (never a secret), tell the user something went wrong, keep running.

What the user reads is always one of two fixed Vietnamese texts, never the exception: a database
that is busy (SQLite locked by another writer) or unreachable (PostgreSQL restarting) gets
T.DB_BUSY — the update's transaction was rolled back, nothing was saved, trying again later
works — and anything else T.GENERIC_ERROR.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from telegram import ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.error import NetworkError, TelegramError
from telegram.ext import ContextTypes

from bot import texts as T

log = logging.getLogger("nhacviec.errors")


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def database_unavailable(error: BaseException | None) -> bool:
    """A database error (locked, connection refused or lost, pool exhausted) rather than a bug of ours.

    asyncpg raises a bare OSError / ConnectionError when the server refuses connections, and
    SQLAlchemy passes it on unwrapped from a pool checkout, so those count when they came from the
    database layer (a Telegram network error is a TelegramError and never gets here as OSError).
    """
    if error is None:
        return False
    for exc in _chain(error):
        if isinstance(exc, DBAPIError | PoolTimeout):
            return True
        module = type(exc).__module__
        if module.startswith(("asyncpg", "sqlite3", "aiosqlite")):
            return True
        if isinstance(exc, OSError | TimeoutError) and not isinstance(exc, TelegramError):
            return _raised_in_database_layer(exc)
    return False


def log_background_failure(logger: logging.Logger, what: str, error: BaseException) -> None:
    """A background job that failed and will try again: one line when the database is unavailable
    (expected while PostgreSQL restarts: the heartbeats and look-ups wrote a traceback every 2-10 s
    each, a thousand lines in 20 s of outage), the traceback otherwise (a bug of ours)."""
    if database_unavailable(error):
        logger.warning("%s: database unavailable (%s); tried again later", what, error)
    else:
        logger.warning("%s; tried again later", what, exc_info=error)

def _raised_in_database_layer(exc: BaseException) -> bool:
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_globals.get("__name__", "")
        if name.startswith(("sqlalchemy", "asyncpg", "aiosqlite", "db.")):
            return True
        tb = tb.tb_next
    return False


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    if update is None and isinstance(error, NetworkError):
        # Polling could not reach Telegram: PTB retries by itself, and bot.metrics logs one line when
        # Telegram becomes unreachable and one when it answers again — not a traceback per retry.
        log.debug("polling: %s: %s", type(error).__name__, error)
        return
    # The transaction of the failed update was rolled back: nothing half-saved remains.
    busy = database_unavailable(error)
    if busy:
        # Expected while a database restarts or another writer holds SQLite: one line, no traceback.
        log.warning("update not processed, database unavailable: %s: %s", type(error).__name__, error)
    else:
        log.error("update failed: %s: %s", type(error).__name__, error, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    text = T.DB_BUSY if busy else T.GENERIC_ERROR
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        else:
            # Quoting the command: in a busy group everyone sees whose command was not saved.
            msg = update.effective_message
            quote = ReplyParameters(msg.message_id, allow_sending_without_reply=True) if msg is not None else None
            await context.bot.send_message(
                update.effective_chat.id, text, parse_mode=ParseMode.HTML, reply_parameters=quote
            )
    except TelegramError as exc:
        log.warning("could not report the error to the chat: %s", exc)
