"""Sending one message with the Bot API's errors handled the same way for reminders and summaries.

- RetryAfter (429): everybody pauses (SendLimiter.pause), then the same message is sent again —
  never dropped. A flood wait longer than `max_inline_wait` is not slept through here: the caller
  puts its rows back with `next_attempt_at` (a claim is never held past its lease).
- ChatMigrated: the group became a supergroup; the caller moves the committee to the new id
  (`on_migrated`) and the message is sent again there.
- Forbidden (403): reported; the caller falls back to the group (a user blocked the bot) or pauses
  the committee (the bot was removed from the group).
- TimedOut / NetworkError: retried with exponential backoff, then handed back for a later tick.
  (A timed-out request may have been delivered: Telegram has no idempotency key. One possible
  duplicate after a network failure is preferred over a lost reminder.)
- BadRequest: reported with Telegram's message and recorded; nothing is retried.
- `still_due` (reminders): asked right before each request, after every wait; False means the
  message is no longer wanted as decided (its day passed, or its committee was paused, while it
  waited its turn): not sent, STALE.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.logging_setup import brief_error
from bot.reply_retry import dispatcher_send
from jobs.ratelimit import InFlight, SendLimiter

log = logging.getLogger(__name__)


class Outcome(enum.StrEnum):
    SENT = "sent"
    RETRY_LATER = "retry_later"  # long flood wait or persistent network trouble
    FORBIDDEN = "forbidden"
    FAILED = "failed"  # BadRequest and the like: recorded, not retried
    STALE = "stale"  # not sent: no longer wanted as decided when its turn came (`still_due`)


@dataclass
class Delivery:
    outcome: Outcome
    chat_id: int
    message_id: int | None = None
    error: str | None = None
    retry_in: float = 0.0  # seconds, for RETRY_LATER


@dataclass
class DeliveryPolicy:
    limiter: SendLimiter
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    max_inline_wait: float = 30.0
    network_retries: int = 3
    backoff_base: float = 1.0
    counters: dict[str, int] = field(default_factory=dict)

    def count(self, name: str, n: int = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + n


def retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the int form becomes a timedelta
        warnings.simplefilter("ignore")
        value: Any = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


async def send_with_policy(
    bot: Bot,
    policy: DeliveryPolicy,
    chat_id: int,
    text: str,
    reply_markup: InlineKeyboardMarkup | None = None,
    on_migrated: Callable[[int], Awaitable[None]] | None = None,
    *,
    guard: InFlight | None = None,
    on_sent: Callable[[Delivery], Awaitable[None]] | None = None,
    still_due: Callable[[], Awaitable[bool]] | None = None,
) -> Delivery:
    """Send until Telegram took the message or it is clear that it will not now. `on_sent` records
    a delivered message while `guard` is still held: with the runtime's `unrecorded` bound as
    guard, only a few messages are ever sent-but-not-recorded (what a crash re-sends). The guard is
    not held through pacing waits or backoff.

    Every send of the outbox (reminders, summaries, notices) passes here: `policy.count` is the one
    place where a delivery is counted as sent or failed.

    `still_due`: checked after the pace and the guard let the message go, right before the request
    (a wait can be long: a group's 3 s gaps behind dozens of messages, a flood wait, a stalled
    process); when it says no, nothing is sent and the outcome is STALE."""
    network_failures = 0
    while True:
        paused = policy.limiter.paused_for()
        if paused > policy.max_inline_wait:
            # A long flood wait is on: do not hold this message's claim through it.
            return Delivery(Outcome.RETRY_LATER, chat_id, error=f"RetryAfter {paused:g}s", retry_in=paused)
        await policy.limiter.acquire(chat_id)
        async with guard or contextlib.nullcontext() as entered:
            if still_due is not None and not await still_due():
                policy.count("stale")
                return Delivery(Outcome.STALE, chat_id, error="no longer due")
            try:
                with dispatcher_send():  # this loop retries and records; the reply retry stays out
                    message = await bot.send_message(
                        chat_id=chat_id,
                        text=text,
                        parse_mode=ParseMode.HTML,
                        reply_markup=reply_markup,
                        link_preview_options=LinkPreviewOptions(is_disabled=True),
                    )
            except TelegramError as e:
                failure: TelegramError = e
            else:
                policy.count("messages_sent")
                delivery = Delivery(Outcome.SENT, chat_id, message_id=message.message_id)
                if on_sent is not None:
                    await on_sent(delivery)
                if guard is not None and entered is not None:
                    guard.observe(guard.monotonic() - entered)
                return delivery
        try:
            raise failure  # handled below, outside the guard
        except RetryAfter as e:
            wait = retry_after_seconds(e)
            policy.count("flood_waits")
            policy.limiter.pause(wait)
            log.warning("flood control: retry after %.1fs (chat %s)", wait, chat_id)
            if wait > policy.max_inline_wait:
                return Delivery(Outcome.RETRY_LATER, chat_id, error=f"RetryAfter {wait:g}s", retry_in=wait)
            await policy.sleep(wait)
            continue
        except ChatMigrated as e:
            policy.count("migrated")
            new_id = int(e.new_chat_id)
            log.info("chat %s migrated to %s", chat_id, new_id)
            if on_migrated is not None:
                await on_migrated(new_id)
            chat_id = new_id
            continue
        except Forbidden as e:
            policy.count("forbidden")
            return Delivery(Outcome.FORBIDDEN, chat_id, error=brief_error(str(e)))
        except BadRequest as e:  # before NetworkError: BadRequest is one of its subclasses
            policy.count("bad_requests")
            log.warning("bad request to chat %s: %s", chat_id, brief_error(str(e)))
            return Delivery(Outcome.FAILED, chat_id, error=brief_error(str(e)))
        except NetworkError as e:  # TimedOut included
            network_failures += 1
            policy.count("network_errors")
            error = f"{type(e).__name__}: {brief_error(str(e))}"  # a proxy's error page: its first line
            log.warning("network error sending to chat %s (try %d): %s", chat_id, network_failures, error)
            delay = policy.backoff_base * 2 ** (network_failures - 1)
            if network_failures > policy.network_retries:
                return Delivery(Outcome.RETRY_LATER, chat_id, error=error, retry_in=delay)
            await policy.sleep(delay)
            continue
