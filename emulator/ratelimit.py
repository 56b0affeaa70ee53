"""Telegram's flood limits, as token buckets on Telegram's own (monotonic, real) clock.

Telegram does not document its limits; the commonly observed ones are about 30 messages per second
per bot, 20 per minute per group and about one per second per private chat with short bursts.
They are modelled as buckets that allow a burst of `capacity` and refill at `rate` per second —
the same model as PTB's AIORateLimiter (aiolimiter's leaky bucket), so a bot that uses it with
matching numbers is never refused, and a bot that floods is.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class RateLimits:
    overall_per_second: float = 30.0
    group_per_minute: float = 20.0
    private_per_second: float = 1.0
    private_burst: int = 3
    # Methods that count as "sending a message".
    methods: frozenset[str] = frozenset({"sendmessage", "senddocument", "sendphoto"})
    monotonic: Callable[[], float] = field(default=time.monotonic, repr=False)


@dataclass
class _Bucket:
    capacity: float
    rate: float  # tokens per second
    tokens: float
    updated: float

    def refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def wait_time(self) -> float:
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


class RateLimiter:
    def __init__(self, limits: RateLimits) -> None:
        self.limits = limits
        self._overall: _Bucket | None = None
        self._chats: dict[int, _Bucket] = {}

    def _new_bucket(self, capacity: float, rate: float, now: float) -> _Bucket:
        return _Bucket(capacity=capacity, rate=rate, tokens=capacity, updated=now)

    def _buckets(self, chat_id: int, is_group: bool, now: float) -> list[_Bucket]:
        limits = self.limits
        if self._overall is None:
            self._overall = self._new_bucket(limits.overall_per_second, limits.overall_per_second, now)
        if chat_id not in self._chats:
            if is_group:
                bucket = self._new_bucket(limits.group_per_minute, limits.group_per_minute / 60, now)
            else:
                bucket = self._new_bucket(limits.private_burst, limits.private_per_second, now)
            self._chats[chat_id] = bucket
        return [self._overall, self._chats[chat_id]]

    def retry_after(self, method: str, chat_id: int, is_group: bool) -> int | None:
        """Seconds to wait if sending now would exceed a limit; None (and a token taken) otherwise."""
        if method not in self.limits.methods:
            return None
        now = self.limits.monotonic()
        buckets = self._buckets(chat_id, is_group, now)
        for bucket in buckets:
            bucket.refill(now)
        wait = max(bucket.wait_time() for bucket in buckets)
        if wait > 0:
            return max(1, math.ceil(wait))
        for bucket in buckets:
            bucket.tokens -= 1
        return None
