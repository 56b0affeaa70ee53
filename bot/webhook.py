"""Webhook mode, checked before start: the public URL with its path secret, and the secret token.

Two secrets guard the webhook, as Telegram recommends: the URL path (nobody can guess where to
post) and `secret_token`, which Telegram repeats in the X-Telegram-Bot-Api-Secret-Token header of
every update; PTB's webhook server answers 403 to a request without the right header. Both are
required here: a bot behind a load balancer is on the open internet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from bot import texts as T
from bot.settings import MIN_WEBHOOK_SECRET, Settings

# Telegram's rule for secret_token (setWebhook): 1-256 characters A-Z, a-z, 0-9, _ and -.
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class WebhookConfigError(ValueError):
    """The settings do not allow a safe webhook; the message says what to set (Vietnamese)."""


@dataclass(frozen=True)
class WebhookConfig:
    listen: str
    port: int
    url_path: str = field(repr=False)  # where PTB's server listens: the path of the public URL, without the leading "/"
    webhook_url: str = field(repr=False)  # contains the path secret
    secret_token: str = field(repr=False)

    def server_options(self) -> dict[str, Any]:
        """The keyword arguments of PTB's `Updater.start_webhook` and `Application.run_webhook`."""
        return {
            "listen": self.listen,
            "port": self.port,
            "url_path": self.url_path,
            "webhook_url": self.webhook_url,
            "secret_token": self.secret_token,
        }

    @property
    def path_hint(self) -> str:
        """The path for logs, its secret part masked."""
        return self.url_path[:4] + "…"


def webhook_config(settings: Settings) -> WebhookConfig:
    if not settings.webhook_url:
        raise WebhookConfigError(T.WEBHOOK_NO_URL)
    path = urlparse(settings.webhook_url).path.strip("/")
    if not path:
        raise WebhookConfigError(T.WEBHOOK_NO_PATH)
    # The path is a secret only if one of its segments is long enough not to be guessed ("/h" was
    # accepted, and masking it in logs garbled every word with an "h").
    if max(len(segment) for segment in path.split("/")) < MIN_WEBHOOK_SECRET:
        raise WebhookConfigError(T.WEBHOOK_SHORT_PATH.format(least=MIN_WEBHOOK_SECRET))
    if not settings.webhook_secret or not _SECRET.fullmatch(settings.webhook_secret):
        raise WebhookConfigError(T.WEBHOOK_BAD_SECRET)
    if len(settings.webhook_secret) < MIN_WEBHOOK_SECRET:
        raise WebhookConfigError(T.WEBHOOK_SHORT_SECRET.format(least=MIN_WEBHOOK_SECRET))
    return WebhookConfig(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        url_path=path,
        webhook_url=settings.webhook_url,
        secret_token=settings.webhook_secret,
    )
