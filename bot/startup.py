"""`nhacviec run` could not start: say why in one clear Vietnamese line, and never with a secret.

PTB's InvalidToken quotes the token and a driver error may quote the database URL, so the exception
itself is never printed; the log (masked by bot.logging_setup) keeps the details.
"""

from __future__ import annotations

import logging
import sys

from telegram.error import BadRequest, InvalidToken, NetworkError

from bot import texts as T
from bot.errors import database_unavailable
from bot.logging_setup import Redactor
from bot.settings import Settings

log = logging.getLogger("nhacviec")


def _name_config_file() -> None:
    from bot.config_check import config_file_hint

    if hint := config_file_hint():
        print(hint, file=sys.stderr)


def startup_failed(exc: Exception, settings: Settings) -> int:
    """PTB's InvalidToken quotes the token, and a driver error may quote the database URL: the user
    reads a fixed Vietnamese text; the details go to the (redacting) log — a traceback only for the
    unexpected, the known causes in one line."""
    from db.migrate import SchemaTooNew

    if isinstance(exc, SchemaTooNew):
        log.error("start-up failed: %s", exc)
        print(T.SCHEMA_TOO_NEW.format(revision=exc.revision, head=exc.head), file=sys.stderr)
        return 6
    if isinstance(exc, InvalidToken):
        log.error("start-up failed: Telegram rejected the token")
        print(T.BAD_TOKEN, file=sys.stderr)
        _name_config_file()
        return 2
    from bot.pg_refusal import pg_refusal

    if refused := pg_refusal(exc, settings.database_url):  # a setting to fix, not a server to wait for
        log.error("start-up failed: PostgreSQL refused the connection: %s", type(exc).__name__)
        print(refused, file=sys.stderr)
        _name_config_file()
        return 2
    if database_unavailable(exc):
        log.error("start-up failed: database unavailable: %s: %s", type(exc).__name__, exc)
        try:
            url = settings.safe_database_url
        except Exception:  # unparsable: say nothing of it rather than risk the password
            url = ""
        print(T.DB_UNREACHABLE.format(url=url), file=sys.stderr)
        _name_config_file()
        return 4
    if isinstance(exc, BadRequest):  # a NetworkError to PTB, but Telegram answered: «unreachable» misled
        said = Redactor(settings.secrets)(str(exc))
        log.error("start-up failed: Telegram refused: %s", said)
        print(T.OPS15_TELEGRAM_REFUSED.format(error=said), file=sys.stderr)
        _name_config_file()
        return 2
    if isinstance(exc, NetworkError):
        log.error("start-up failed: Telegram unreachable: %s", exc)
        # Through the redactor: someone may have pasted ".../bot<token>" into TELEGRAM_API_URL.
        url = Redactor(settings.secrets)(settings.telegram_api_url)
        print(T.TELEGRAM_UNREACHABLE.format(url=url), file=sys.stderr)
        _name_config_file()
        return 5
    log.error("start-up failed", exc_info=exc)
    print(T.STARTUP_FAILED.format(error=type(exc).__name__), file=sys.stderr)
    return 1
