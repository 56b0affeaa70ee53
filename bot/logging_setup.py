"""Logging that never shows a secret: the bot token (httpx and PTB log request URLs, which contain
it), the webhook secret and the database password (a driver error or a traceback may quote the URL).

Redaction happens on the *formatted* record — message, exception traceback (whose lines quote
exception args and source lines) and stack info — because a filter that only rewrites
`record.msg` never sees the traceback, which the formatter renders later.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from urllib.parse import quote

_TOKEN = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")
# user:password@ in any URL (a database URL not known to Settings, e.g. in an alembic error).
# Greedy up to the last "@" of the URL: a password written raw may itself contain "@" or "/".
_URL_PASSWORD = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://[^:/@\s]*):(?P<password>\S+)@", re.IGNORECASE)
TOKEN_MASK = "<token>"
SECRET_MASK = "<secret>"
# Secrets at least this long are masked wherever they occur. A shorter one (a database password
# like "nhacviec") is masked only where it stands alone — not inside a word, a dotted name
# ("nhacviec.monitor") or a path ("/nhacviec", the database's name): masking a short secret
# everywhere garbled unrelated log words (a 1-character secret masked every "a"). The webhook
# secrets are refused under 16 characters (bot.webhook), and a password inside a URL is masked by
# _URL_PASSWORD whatever its length.
LONG_SECRET = 16
SHORT_SECRET = 6  # shorter than this: only in a URL (a word that short is everywhere)


class Redactor:
    def __init__(self, secrets: Iterable[str]) -> None:
        variants = set()
        for s in secrets:
            if s:
                variants.update({s, quote(s, safe="")})
        # Longest first: a URL that contains the password is masked whole, not around it.
        ordered = sorted(variants, key=len, reverse=True)
        self._secrets = [s for s in ordered if len(s) >= LONG_SECRET]
        words = [s for s in ordered if SHORT_SECRET <= len(s) < LONG_SECRET]
        self._words = (
            re.compile(r"(?<![\w./-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w./-])")
            if words
            else None
        )

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, SECRET_MASK)
        if self._words is not None:
            text = self._words.sub(SECRET_MASK, text)
        text = _URL_PASSWORD.sub(rf"\g<scheme>:{SECRET_MASK}@", text)
        return _TOKEN.sub(TOKEN_MASK, text)


class RedactSecrets(logging.Filter):
    """Rewrites the message of a record (for handlers whose formatter is not ours)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._redact = Redactor(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self._redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks secrets in the whole text, traceback included."""

    def __init__(self, fmt: str | None, secrets: Iterable[str]) -> None:
        super().__init__(fmt)
        self._redact = Redactor(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return self._redact(super().format(record))


class NoLibraryTracebacks(logging.Filter):
    """Tracebacks only for our own bugs: python-telegram-bot logs a 50-line traceback for a rejected
    token (before our one clear line) and for every failed connection to Telegram. Those are
    conditions, not bugs: the record keeps its one line, without the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.name.startswith("telegram"):
            from telegram.error import InvalidToken, NetworkError

            exc = record.exc_info[1]
            if isinstance(exc, InvalidToken | NetworkError):
                record.msg = f"{record.getMessage()} ({type(exc).__name__}: {exc})"
                record.args = None
                record.exc_info = None
                record.exc_text = None
        return True


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: str, secrets: Iterable[str]) -> None:
    secrets = list(secrets)
    logging.basicConfig(format=LOG_FORMAT, level=level)
    redact = RedactSecrets(secrets)
    quiet = NoLibraryTracebacks()
    for handler in logging.getLogger().handlers:
        handler.addFilter(quiet)
        handler.addFilter(redact)
        handler.setFormatter(RedactingFormatter(LOG_FORMAT, secrets))
    # httpx logs every request URL at INFO, and the URL carries the token (masked anyway: less noise).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # Alembic's INFO lines at every start ("Context impl SQLiteImpl", "setup plugin ...") are noise.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    brief_error_pages()


# An error page returned by a proxy (nginx's 502 page, a captive portal) instead of the Bot API's
# JSON: logged as its status and first line, not whole (PTB logs the page it could not parse, and
# its exception quotes it again).
_PAGE = re.compile(r"(?:b?['\"])?\s*<(?:!doctype|html)\b.*", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title>\s*(.*?)\s*</title>", re.IGNORECASE | re.DOTALL)
BRIEF_LIMIT = 200


def brief_error(text: str) -> str:
    """`text` with an HTML error page in it cut to the page's title (or first line)."""
    match = _PAGE.search(text)
    if match is None:
        return text if len(text) <= BRIEF_LIMIT else text[: BRIEF_LIMIT - 1] + "…"
    page = match.group(0).replace("\\r", "\n").replace("\\n", "\n")
    title = _TITLE.search(page)
    first = title.group(1) if title else next((ln.strip() for ln in page.splitlines() if ln.strip()), "")
    head = text[: match.start()].removesuffix(" ").removesuffix("Parsing the server response").rstrip(" .")
    return f"{head} [error page: {first[:80]}]" if head else f"[error page: {first[:80]}]"


class BriefErrorPages(logging.Filter):
    """On PTB's request loggers: an unparsable answer (an HTML error page) is logged in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _PAGE.search(message) is None:
            return True
        record.msg, record.args = brief_error(message), None
        record.exc_info, record.exc_text = None, None  # the traceback would quote the page again
        return True


def brief_error_pages() -> None:
    for name in ("telegram.request", "telegram.request.BaseRequest", "telegram.ext.Updater", "telegram.ext"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, BriefErrorPages) for f in logger.filters):
            logger.addFilter(BriefErrorPages())
