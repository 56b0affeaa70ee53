"""Webhook delivery, as Telegram does it once setWebhook is called: each update is POSTed as JSON
to the registered URL with the X-Telegram-Bot-Api-Secret-Token header; an answer 2xx confirms it,
anything else (a refusal, a 5xx, a dropped connection) keeps it and it is tried again later.

Updates go out one at a time, in order (Telegram may use up to max_connections at once; one keeps
tests readable and is still concurrent on the bot's side: PTB answers 200 as soon as the update
is queued). The URL can be a load balancer in front of several bot instances: that is how the
replication test spreads updates over two of them. Without a webhook, getUpdates serves them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import aiohttp

from emulator.world import World

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookPusher:
    def __init__(self, world: World, *, retry_delay: float = 0.2, timeout: float = 10.0) -> None:
        self.world = world
        self.retry_delay = retry_delay  # Telegram waits longer; tests need not
        self.timeout = timeout
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="emulator-webhook")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout)) as http:
            while await self.world.wait_for_webhook_update():
                update, url = self.world.next_update(), self.world.webhook_url
                if update is None or not url:
                    continue
                if await self._push(http, url, update):
                    self.world.webhook_pushes += 1
                    self.world.confirm_update(update["update_id"])
                else:
                    await asyncio.sleep(self.retry_delay)

    async def _push(self, http: aiohttp.ClientSession, url: str, update: dict[str, object]) -> bool:
        headers = {SECRET_HEADER: self.world.webhook_secret} if self.world.webhook_secret else {}
        try:
            async with http.post(url, json=update, headers=headers) as response:
                await response.read()
                if 200 <= response.status < 300:
                    return True
                self.world.webhook_refusals.append(response.status)
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.debug("webhook push failed: %s", exc)
            self.world.webhook_refusals.append(0)
        return False
