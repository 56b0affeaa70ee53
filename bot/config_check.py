"""Settings that cannot work as written, told before anything uses them (DATABASE_URL, TZ_NAME, LOG_LEVEL).

Is DATABASE_URL usable as written? Checked before anything opens it, so that a typo is told in one
line with the way to write it (exit 2: a restart cannot fix it), not as SQLAlchemy's traceback (exit 1,
restarted by systemd every 5 seconds). Never repeats the URL: it may hold the password."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.engine import make_url

from bot import texts as T
from bot.settings import ENV_FILE_VARIABLE, SettingsError
from db.engine import normalise_url

if TYPE_CHECKING:
    from bot.settings import Settings


class ConfigError(SettingsError):
    """A setting cannot be used: `message` says why, how to write it and where (DATABASE_URL by default)."""

    def __init__(self, problem: str, how: str = T.DBURL_HOW, name: str = "DATABASE_URL") -> None:
        super().__init__(name, "")
        self.message = "\n".join([problem, how, T.DBURL_WHERE.format(place=config_place())])


def config_place() -> str:
    """Where the administrator's settings are: the file given with --env-file (the systemd wrapper gives
    /etc/nhacviec/nhacviec.env), else .env."""
    return os.environ.get(ENV_FILE_VARIABLE) or T.CONFIG_PLACE_DEFAULT


def config_file_hint() -> str:
    """The line naming the settings file, after an error that says "trong .env" (empty without one)."""
    given = os.environ.get(ENV_FILE_VARIABLE)
    return T.CONFIG_FILE_IS.format(path=given) if given else ""


def database_url_problem(url: str) -> str | None:
    """What is wrong with `url` (a text of bot/texts.py), or None when it can be opened as written."""
    try:
        parsed = make_url(normalise_url(url))
        parsed.port  # noqa: B018 — a port that is not a number fails only here on some versions
    except Exception:
        return T.DBURL_UNREADABLE
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.host:
            return T.DBURL_SQLITE_SLASHES
        name = parsed.database or ""
        if name and name != ":memory:" and not name.startswith("file:"):
            folder = Path(name).parent
            try:
                is_folder = folder.is_dir()
            except PermissionError:  # a folder above it the user may not enter: told as not writable below
                is_folder = True
            if not is_folder:
                return T.DBURL_NO_FOLDER.format(folder=folder)
            # SQLite writes a -wal, a -shm and the bot's .lock beside the file: a folder (or a file) the
            # service user cannot write was a PermissionError traceback, exit 1, restarted every 5 s.
            path = Path(name)
            if not os.access(folder, os.W_OK | os.X_OK) or (
                os.access(path, os.F_OK) and not os.access(path, os.R_OK | os.W_OK)
            ):
                from bot.backup import os_user

                raise ConfigError(
                    T.DB_FOLDER_NOT_WRITABLE.format(user=os_user(), folder=folder, name=path.name),
                    T.DB_FOLDER_HOW.format(folder=folder),
                )
        return None
    if backend != "postgresql":
        return T.DBURL_UNKNOWN_KIND.format(kind=url.strip().partition("://")[0].partition("+")[0])
    # A raw password with "@" or "/" is read right (bot.settings.database_url_from) only when the rest
    # parses; otherwise the password's tail became the host and the database name (and would be shown).
    hostport = url.partition("://")[2].partition("?")[0].rpartition("@")[2].partition("/")[0]
    port = hostport.rpartition("]")[2].partition(":")[2]
    if any(c in (parsed.database or "") for c in "@/") or (port and not port.isdigit()):
        return T.DBURL_UNREADABLE
    return None


def check_database_url(url: str) -> None:
    problem = database_url_problem(url)
    if problem is not None:
        raise ConfigError(problem)


def check_settings(settings: Settings) -> None:
    """DATABASE_URL, then a time zone and a log level that exist: each gave a traceback and exit 1 (systemd
    restarted the bot every 5 seconds, for ever) — «TZ_NAME=Asia/Hanoi» is an easy guess to make."""
    check_database_url(settings.database_url)
    try:
        ZoneInfo(settings.tz_name)
    except (ValueError, ZoneInfoNotFoundError):
        raise ConfigError(T.TZ_NAME_INVALID.format(value=settings.tz_name), T.TZ_NAME_HOW, "TZ_NAME") from None
    if not isinstance(logging.getLevelName(settings.log_level), int):
        raise ConfigError(T.LOG_LEVEL_INVALID.format(value=settings.log_level), T.LOG_LEVEL_HOW, "LOG_LEVEL")


# A bot token from @BotFather: the bot's number, ":", then its secret of letters, digits, "-" and "_" (35 of
# them in every token seen; Telegram's own documented example has 34, so at least 30 is asked, not exactly 35:
# a real token refused would be a bot that never starts). Only the shape is checked; Telegram judges the rest.
_TOKEN_SHAPE = re.compile(r"[0-9]+:[A-Za-z0-9_-]{30,}")
_QUOTES = "\"'“”‘’`«»"


def token_problem(token: str) -> str | None:
    """None when BOT_TOKEN has a token's shape; else the one line that says so (bot/texts.py), which shows
    of the token only its length and the bot's number (public: it is the bot's id), never its secret part."""
    if _TOKEN_SHAPE.fullmatch(token):
        return None
    found = []
    if any(c.isspace() for c in token):
        found.append(T.TOKEN_HAS_SPACE)
    if any(c in _QUOTES for c in token):
        found.append(T.TOKEN_HAS_QUOTE)
    if not found:
        found.append(T.TOKEN_WRONG_SHAPE)
    number = re.fullmatch(r"([0-9]+):.*", token.strip(" \t" + _QUOTES), re.DOTALL)
    shown = f"{number.group(1)}:…" if number else "…"
    return T.TOKEN_MALFORMED.format(shown=shown, length=len(token), found=", ".join(found), place=config_place())
