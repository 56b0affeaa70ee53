"""Replies survive a flaky Bot API: the application's rate limiter also retries network failures.

PTB's AIORateLimiter retries a 429 (RetryAfter) but hands every other failure straight to the
handler, so one 500, 502, dropped connection or timeout would leave a user's command unanswered —
and a chair who sees no confirmation of /giao sends it again, creating a second task. So a reply
(any request made outside the reminder dispatcher) is tried again on NetworkError — 5xx, dropped
connections and timeouts — a few times with a short backoff. BadRequest (a NetworkError subclass
in PTB) is never retried: the same request would fail the same way. Forbidden, ChatMigrated and
RetryAfter are not NetworkErrors: the first two go to the handler, the last to AIORateLimiter.

The price, on a timeout only: Telegram may have delivered the first try and answered too late
(there is no idempotency key in the Bot API), so the user can see the same answer twice. A
repeated confirmation is harmless; a missing one is not. A 500/502 or a connection dropped
before the answer means Telegram did not act (as far as a client can know), so retrying them
costs nothing.

The reminder dispatcher has its own policy (jobs/delivery.py: backoff, then back to the outbox
for a later tick, recorded in the database) and marks its sends with `dispatcher_send()` so that
they are not retried twice over.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

_NO_RETRY: contextvars.ContextVar[bool] = contextvars.ContextVar("nhacviec_no_reply_retry", default=False)


@contextmanager
def dispatcher_send() -> Iterator[None]:
    """Requests made inside are not retried here (their caller retries and records)."""
    token = _NO_RETRY.set(True)
    try:
        yield
    finally:
        _NO_RETRY.reset(token)


# About one message a second per private chat, with a short burst (Telegram's observed limit; the
# emulator's model): AIORateLimiter paces the bot overall and per group, not per private chat, so a
# reply, a prompt and a notice to one person within a second drew a 429.
PRIVATE_BURST, PRIVATE_PERIOD = 2, 2.1


class ReplyRetryRateLimiter(AIORateLimiter):
    def __init__(self, *, network_retries: int = 4, backoff: float = 0.25, max_backoff: float = 2.0,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.network_retries = network_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._private: dict[int, AsyncLimiter] = {}

    def _private_limiter(self, endpoint: str, data: dict[str, Any]) -> AsyncLimiter | None:
        if not endpoint.lower().startswith("send"):
            return None
        try:
            chat_id = int(data.get("chat_id", 0))
        except (TypeError, ValueError):
            return None
        if chat_id <= 0:
            return None
        if len(self._private) > 10_000:  # one per person written to; forget the idle ones
            self._private = {c: lim for c, lim in self._private.items() if not lim.has_capacity(PRIVATE_BURST)}
        limiter = self._private.get(chat_id)
        if limiter is None:
            limiter = self._private[chat_id] = AsyncLimiter(PRIVATE_BURST, PRIVATE_PERIOD)
        return limiter

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        retries = 0 if _NO_RETRY.get() else self.network_retries
        private = self._private_limiter(endpoint, data)
        if private is not None:
            await private.acquire()
        limited = data
        if endpoint.lower().startswith("get"):
            # A question about a group (getChatMember, getChatAdministrators, getChat) sends nothing to
            # it: Telegram's 20 messages a minute per group do not apply, and counting it there made the
            # membership check of a re-added group take 3 s a person and delay the group's replies.
            # (Only the limiter's copy loses chat_id; the request itself is `args`.)
            # (sec17) It is still a request of the bot's: chat_id 0 (no group) keeps it in AIORateLimiter's
            # overall 30/s, which counts every request with a chat. Without it the reminder dispatcher's
            # look-ups after a restart (one per group and person, jobs.presence) went out as fast as Telegram
            # answered, unpaced beside the sends.
            limited = {k: v for k, v in data.items() if k != "chat_id"} | {"chat_id": 0}
        if _NO_RETRY.get():
            return await self._one_try(callback, args, kwargs, limited)
        for attempt in range(retries + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, limited, rate_limit_args)
            except BadRequest:
                raise
            except NetworkError as exc:
                if attempt == retries:
                    raise
                delay = min(self.max_backoff, self.backoff * 2**attempt)
                log.warning("%s failed (%s: %s); retrying in %.2fs", endpoint, type(exc).__name__, exc, delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    async def _one_try(
        self, callback: Callable[..., Coroutine[Any, Any, Any]], args: Any, kwargs: dict[str, Any],
        data: dict[str, Any],
    ) -> Any:
        """AIORateLimiter's pace (overall, per group) and its halt after a 429, without its 429
        retries: `process_request` retries a RetryAfter `max_retries` times, each after sleeping the
        whole retry_after inside the request — a dispatcher send, or a membership look-up, would sit
        there (an hour, for a long flood wait) instead of going back to its own schedule (recorded in
        the database, taken up again after a restart). Its callers handle RetryAfter themselves.
        (AIORateLimiter's own request step, with the chat and group it would have read from `data`.)"""
        chat_id = data.get("chat_id")
        with contextlib.suppress(ValueError, TypeError):
            chat_id = int(chat_id)  # type: ignore[arg-type]
        group: int | str | bool = chat_id if (isinstance(chat_id, int) and chat_id < 0) or isinstance(chat_id, str) \
            else False
        return await self._run_request(
            chat=chat_id is not None, group=group, allow_paid_broadcast=bool(data.get("allow_paid_broadcast", False)),
            callback=callback, args=args, kwargs=kwargs,
        )
