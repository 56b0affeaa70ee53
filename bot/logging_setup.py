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
_URL_PASSWORD = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://[^:/@\s]*):(?P<password>[^@\s/]+)@", re.IGNORECASE)
TOKEN_MASK = "<token>"
SECRET_MASK = "<secret>"


class Redactor:
    def __init__(self, secrets: Iterable[str]) -> None:
        variants = set()
        for s in secrets:
            if s:
                variants.update({s, quote(s, safe="")})
        # Longest first: a URL that contains the password is masked whole, not around it.
        self._secrets = sorted(variants, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, SECRET_MASK)
        text = _TOKEN.sub(TOKEN_MASK, text)
        return _URL_PASSWORD.sub(rf"\g<scheme>:{SECRET_MASK}@", text)


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


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: str, secrets: Iterable[str]) -> None:
    secrets = list(secrets)
    logging.basicConfig(format=LOG_FORMAT, level=level)
    redact = RedactSecrets(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
        handler.setFormatter(RedactingFormatter(LOG_FORMAT, secrets))
    # httpx logs every request URL at INFO, and the URL carries the token (masked anyway: less noise).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
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
