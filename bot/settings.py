"""Settings from the environment and `.env` (python-dotenv), as one typed object.

The token and the database password are secrets: they are never part of a repr or a log line.

`.env` is read only when it is there and readable: under systemd the variables usually come from
`EnvironmentFile=` (a root-owned 0600 file the service user cannot read), and the bot must then start
from the environment alone. Variables already in the environment always win over `.env`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlparse
from zoneinfo import ZoneInfo

from dotenv import load_dotenv
from sqlalchemy.engine import URL, make_url

from bot.logging_setup import SECRET_MASK

DEFAULT_DB = "sqlite:///nhacviec.db"
DEFAULT_API = "https://api.telegram.org/bot"
# Where `.env` is looked for (`nhacviec --env-file FILE` sets it; the systemd wrapper points it at
# the service's configuration file).
ENV_FILE_VARIABLE = "NHACVIEC_ENV_FILE"
# Webhook secrets shorter than this are refused: guessable, and too short to mask in logs safely.
MIN_WEBHOOK_SECRET = 16


def database_url_from(raw: str) -> str:
    """DATABASE_URL as the administrator wrote it, made safe to parse.

    A password may be written raw (`p@ss/word`) or percent-encoded (`p%40ss%2Fword`): the user
    information ends at the *last* "@" before the host, so a raw "@", "/" or ":" in the password no
    longer moves the host into the password (which made error messages show the password's tail).
    A password written raw is encoded here; one already encoded is left as it is (a raw "%" must
    therefore be written %25).
    """
    raw = raw.strip()
    scheme, sep, rest = raw.partition("://")
    if not sep or "@" not in rest or scheme.startswith("sqlite"):
        return raw
    # The host part never holds "@"; the query may (rarely), so cut it off first.
    authority_and_path, qmark, query = rest.partition("?")
    userinfo, _, hostpart = authority_and_path.rpartition("@")
    if not hostpart:
        return raw
    user, colon, password = userinfo.partition(":")
    if not colon:
        return raw
    if unquote(password) != password and "@" not in password and "/" not in password:
        return raw  # written percent-encoded: SQLAlchemy decodes it
    host_port, slash, database = hostpart.partition("/")
    try:
        parsed = make_url(f"{scheme}://{host_port}{slash}{database}{qmark}{query}")
    except Exception:
        return raw
    url = URL.create(
        parsed.drivername,
        username=unquote(user),
        password=password,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return url.render_as_string(hide_password=False)


@dataclass(frozen=True)
class Settings:
    bot_token: str | None = field(default=None, repr=False)
    database_url: str = field(default=DEFAULT_DB, repr=False)
    telegram_api_url: str = DEFAULT_API
    tz_name: str = "Asia/Ho_Chi_Minh"
    log_level: str = "INFO"
    # Seconds a write waits for another SQLite writer (or for a PostgreSQL pool slot) before the user
    # is told "thử lại sau" (db/engine.py explains why it is short).
    db_busy_timeout: float = 5.0
    # Webhook mode (for replicated deployments).
    webhook_url: str | None = field(default=None, repr=False)  # its path is a secret
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: str | None = field(default=None, repr=False)
    # How often the reminder dispatcher wakes (seconds of real time).
    dispatch_interval: float = 30.0
    # Seconds the bot waits for a Bot API answer (PTB's read timeout; its default). Fault tests
    # shorten it so that "slower than the client waits" costs them little real time.
    api_timeout: float = 5.0
    # Seconds before the first retry of a group's membership check (jobs/membership_check.py: the
    # people looked up when the bot is added back); doubled each round. Tests shorten it.
    membership_retry: float = 5.0
    # The board (Telegram Mini App): its public HTTPS address (behind the same reverse proxy as the
    # webhook), the short name given to it in @BotFather (for links from groups), and where the bot
    # serves it. Without WEBAPP_URL the board is not offered.
    webapp_url: str | None = None
    webapp_name: str | None = None
    webapp_listen: str = "127.0.0.1"
    webapp_port: int = 8090
    # Prometheus /metrics and /healthz (bot.metrics); off when None.
    metrics_port: int | None = None
    metrics_listen: str = "127.0.0.1"
    # Where the running bot writes its heartbeat for `nhacviec status` (bot.status); derived from
    # the database when empty.
    status_file: str | None = None

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.tz_name)

    @property
    def safe_database_url(self) -> str:
        """The URL with the password masked, for logs and for what the commands print — with the
        logs' own mark, so that an administrator meets one mask everywhere (SQLAlchemy's is "***")."""
        url = make_url(self.database_url)
        shown = url.render_as_string(hide_password=True)
        return shown.replace(":***@", f":{SECRET_MASK}@", 1) if url.password else shown

    @property
    def secrets(self) -> list[str]:
        """What must never reach a log line or a message: the token, the webhook secret and path, the
        database password (URL-decoded and as written) and the URL that carries it (bot.logging_setup
        masks them all)."""
        found = [self.bot_token or "", self.webhook_secret or ""]
        try:
            password = make_url(self.database_url).password
        except Exception:  # an unparsable URL: its password cannot be told apart; hide the whole URL
            password = None
        if password:
            found += [str(password), quote(str(password), safe=""), self.database_url]
        elif "@" in self.database_url:
            found.append(self.database_url)
        if self.webhook_url:
            # The webhook's path is a secret too: whoever knows it (and the token) can post updates.
            path = urlparse(self.webhook_url).path.strip("/")
            if len(path) >= 8:
                found.append(path)
        return sorted({s for s in found if s}, key=len, reverse=True)

    @property
    def api_base_url(self) -> str:
        """PTB's base_url: everything before the token. Accepts ".../bot" or a bare server URL."""
        url = self.telegram_api_url.rstrip("/")
        return url if url.endswith("/bot") else url + "/bot"

    @property
    def api_file_url(self) -> str:
        return self.api_base_url[: -len("/bot")] + "/file/bot"


class SettingsError(ValueError):
    """A variable that cannot be read (a port that is not a number...): told in one line, exit 2."""

    def __init__(self, name: str, value: str) -> None:
        super().__init__(name, value)
        self.name = name
        self.value = value


def read_env_file(env_file: str | Path | None) -> bool:
    """Load `env_file` into os.environ (never over a variable already set) when it is a readable
    file; a missing or unreadable one (systemd's root-owned EnvironmentFile) is not an error."""
    if env_file is None:
        return False
    path = Path(env_file)
    if not path.is_file() or not os.access(path, os.R_OK):
        return False
    try:
        return bool(load_dotenv(path, override=False))
    except (OSError, UnicodeDecodeError, ValueError):
        return False


def default_env_file() -> str:
    return os.environ.get(ENV_FILE_VARIABLE) or ".env"


def load_settings(env_file: str | Path | None = "") -> Settings:
    """Settings from the environment, after `.env` (or NHACVIEC_ENV_FILE) when readable.
    `env_file=None`: the environment alone."""
    read_env_file(default_env_file() if env_file == "" else env_file)
    e = os.environ

    def number(name: str, default: float, kind: type = float) -> Any:
        value = e.get(name) or ""
        try:
            return kind(value) if value.strip() else kind(default)
        except ValueError:
            raise SettingsError(name, value) from None

    return Settings(
        bot_token=e.get("BOT_TOKEN") or None,
        database_url=database_url_from(e.get("DATABASE_URL") or DEFAULT_DB),
        telegram_api_url=e.get("TELEGRAM_API_URL") or DEFAULT_API,
        tz_name=e.get("TZ_NAME") or "Asia/Ho_Chi_Minh",
        log_level=(e.get("LOG_LEVEL") or "INFO").upper(),
        db_busy_timeout=number("DB_BUSY_TIMEOUT", 5, float),
        webhook_url=e.get("WEBHOOK_URL") or None,
        webhook_listen=e.get("WEBHOOK_LISTEN") or "0.0.0.0",
        webhook_port=number("WEBHOOK_PORT", 8443, int),
        webhook_secret=(e.get("WEBHOOK_SECRET") or "").strip() or None,
        dispatch_interval=number("DISPATCH_INTERVAL", 30, float),
        api_timeout=number("API_TIMEOUT", 5, float),
        metrics_port=number("METRICS_PORT", 0, int) or None,
        metrics_listen=e.get("METRICS_LISTEN") or "127.0.0.1",
        status_file=e.get("STATUS_FILE") or None,
        webapp_url=e.get("WEBAPP_URL") or None,
        webapp_name=e.get("WEBAPP_NAME") or None,
        webapp_listen=e.get("WEBAPP_LISTEN") or "127.0.0.1",
        webapp_port=number("WEBAPP_PORT", 8090, int),
    )
