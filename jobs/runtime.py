"""What the delivery jobs keep between ticks (the pacing state) and what a tick reports."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from jobs.delivery import DeliveryPolicy
from jobs.ratelimit import InFlight, SendLimiter

RUNTIME_KEY = "dispatch_runtime"  # application.bot_data key (set by jobs.scheduling)


@dataclass
class DispatchStats:
    claimed: int = 0  # reminder rows claimed
    reminders_sent: int = 0  # rows delivered (several may share a message)
    messages_sent: int = 0  # reminder messages delivered
    deferred: int = 0  # not now: weekend, quiet hours, already reminded today
    cancelled: int = 0  # task closed meanwhile
    failed: int = 0  # BadRequest: recorded, plan moved on
    retry_later: int = 0  # long flood wait / network trouble: back to pending
    fallbacks: int = 0  # private chat refused (403): sent to the group instead
    paused: int = 0  # rows put back because the bot is not in the group
    stale: int = 0  # put back unsent: their day passed, or the bot left the group, while waiting
    summaries_claimed: int = 0
    summaries_sent: int = 0
    summary_parts_sent: int = 0
    summaries_deferred: int = 0
    summaries_skipped: int = 0
    notices_claimed: int = 0
    notices_sent: int = 0
    notices_failed: int = 0
    notices_rerouted: int = 0  # a private chat refused (403): sent to the group instead

    def add(self, other: DispatchStats) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class DispatchRuntime:
    policy: DeliveryPolicy
    worker_id: str = "main"
    batch_size: int = 500  # rows per claim: sendable well within the claim lease at ~29/s
    summary_batch: int = 100
    # Chats served at once (each chat's messages stay in order). Large on purpose: the pace bounds
    # what is in flight; a small worker pool would sit idle behind groups' 3 s gaps.
    concurrency: int = 1000
    # Messages sent but not yet recorded at any instant: what the pace needs (rate x send-and-record
    # latency, jobs.ratelimit.InFlight), at most this. A crash (kill -9, power cut) re-sends exactly
    # those after the restart — Telegram has no idempotency key — so this bounds the duplicates a
    # crash can cause: one or two at Telegram's pace. Without a bound, sends outran the SQLite writes
    # recording them (concurrent writers wait in SQLite's busy handler) and a kill re-sent dozens.
    max_unrecorded: int = 4
    notice_batch: int = 200
    _unrecorded: InFlight | None = None
    # Dispatchers alive (dispatcher_beats) when last counted, and when (monotonic): the pace is shared.
    instances: int = 1
    beat_at: float | None = None
    # Records of sent messages are written one at a time, in the order they queue: on SQLite,
    # concurrent writers otherwise wait in SQLite's busy handler, which is not fair — one record
    # could wait a second while dozens of later ones went through (and a crash then re-sent it).
    _record_lock: asyncio.Lock | None = None
    # Groups that became supergroups during this process's life: old id -> new id.
    migrated: dict[int, int] = field(default_factory=dict)
    draining: asyncio.Task[Any] | None = None
    # `unrecorded.released` when the monitor last heard of progress from the running drain.
    progress_seen: int = 0

    @property
    def unrecorded(self) -> InFlight:
        """Held from before a send until its outcome is recorded (see max_unrecorded)."""
        if self._unrecorded is None:
            limiter = self.policy.limiter
            self._unrecorded = InFlight(
                lambda: limiter.overall_rate, ceiling=self.max_unrecorded, monotonic=limiter.monotonic
            )
        return self._unrecorded

    @property
    def record_lock(self) -> asyncio.Lock:
        if self._record_lock is None:
            self._record_lock = asyncio.Lock()
        return self._record_lock

    @classmethod
    def create(
        cls,
        worker_id: str = "main",
        *,
        limiter: SendLimiter | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        **kwargs: Any,
    ) -> DispatchRuntime:
        policy = DeliveryPolicy(limiter=limiter or SendLimiter(sleep=sleep), sleep=sleep)
        return cls(policy=policy, worker_id=worker_id, **kwargs)


async def run_bounded(coros: Iterable[Coroutine[Any, Any, None]], limit: int) -> None:
    """Run coroutines with at most `limit` at once; the first exception propagates after all end."""
    sem = asyncio.Semaphore(max(1, limit))

    async def guarded(c: Coroutine[Any, Any, None]) -> None:
        async with sem:
            await c

    results = await asyncio.gather(*(guarded(c) for c in coros), return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException):
            raise r
