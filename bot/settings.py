"""Settings from the environment and `.env` (python-dotenv), as one typed object.

The token and the database password are secrets: they are never part of a repr or a log line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlparse
from zoneinfo import ZoneInfo

from dotenv import load_dotenv
from sqlalchemy.engine import make_url

DEFAULT_DB = "sqlite:///nhacviec.db"
DEFAULT_API = "https://api.telegram.org/bot"


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
    # The board (Telegram Mini App): its public HTTPS address (behind the same reverse proxy as the
    # webhook), the short name given to it in @BotFather (for links from groups), and where the bot
    # serves it. Without WEBAPP_URL the board is not offered.
    webapp_url: str | None = None
    webapp_name: str | None = None
    webapp_listen: str = "127.0.0.1"
    webapp_port: int = 8090

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.tz_name)

    @property
    def safe_database_url(self) -> str:
        """The URL with the password masked, for logs."""
        return make_url(self.database_url).render_as_string(hide_password=True)

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


def load_settings(env_file: str | Path | None = ".env") -> Settings:
    if env_file is not None:
        load_dotenv(env_file, override=False)
    e = os.environ
    return Settings(
        bot_token=e.get("BOT_TOKEN") or None,
        database_url=e.get("DATABASE_URL") or DEFAULT_DB,
        telegram_api_url=e.get("TELEGRAM_API_URL") or DEFAULT_API,
        tz_name=e.get("TZ_NAME") or "Asia/Ho_Chi_Minh",
        log_level=(e.get("LOG_LEVEL") or "INFO").upper(),
        db_busy_timeout=float(e.get("DB_BUSY_TIMEOUT") or 5),
        webhook_url=e.get("WEBHOOK_URL") or None,
        webhook_listen=e.get("WEBHOOK_LISTEN") or "0.0.0.0",
        webhook_port=int(e.get("WEBHOOK_PORT") or 8443),
        webhook_secret=e.get("WEBHOOK_SECRET") or None,
        dispatch_interval=float(e.get("DISPATCH_INTERVAL") or 30),
        api_timeout=float(e.get("API_TIMEOUT") or 5),
        webapp_url=e.get("WEBAPP_URL") or None,
        webapp_name=e.get("WEBAPP_NAME") or None,
        webapp_listen=e.get("WEBAPP_LISTEN") or "127.0.0.1",
        webapp_port=int(e.get("WEBAPP_PORT") or 8090),
    )
