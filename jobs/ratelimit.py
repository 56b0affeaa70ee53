"""Pacing the dispatcher's sends under Telegram's limits, so that 429s do not happen at all.

Why our own limiter rather than relying on PTB's AIORateLimiter (which the application also
installs, in front of every request): AIORateLimiter's default `max_retries=0` hands every 429
back to the caller, and in PTB 22.8 its halt after a RetryAfter is released early when another
request runs (PTB #5338) — so a burst of reminders would run into flood control. The dispatcher
therefore (1) paces itself just under the limits with this module and (2) handles RetryAfter
itself (jobs/delivery.py). AIORateLimiter stays in front of everything: when handler replies and
reminders go out together it is what keeps their sum under 30/s (it delays, so our pace lags a
little; nothing is refused).

Limits (not officially documented; the commonly observed ones): about 30 messages/s per bot,
20 messages per minute per group, about 1 message/s per private chat. We reserve *slots*: a global
slot every 1/29 s, and per chat a minimum gap (3.1 s in groups, 1.05 s in private chats). Slots are
handed out in order (continuations first, see the gate below), so a burst is spread evenly instead
of fired at once and then punished. Slots are never "caught up" after a lag: the pace is a ceiling,
never a burst.

Time is injected (`monotonic`, `sleep`): tests drive it without real waiting.
"""

from __future__ import annotations

import asyncio
import heapq
import math
import time
from collections.abc import Awaitable, Callable

# 29/s: 97% of Telegram's ~30/s; replies to commands share the rest (AIORateLimiter sees both).
OVERALL_RATE = 29.0
GROUP_GAP = 3.1  # 20 per minute per group -> one every 3 s, plus a margin
PRIVATE_GAP = 1.05  # about one per second per private chat


def is_group_chat(chat_id: int) -> bool:
    """Groups and supergroups have negative ids; users positive."""
    return chat_id < 0


class SendLimiter:
    def __init__(
        self,
        overall_rate: float = OVERALL_RATE,
        group_gap: float = GROUP_GAP,
        private_gap: float = PRIVATE_GAP,
        *,
        horizon: int = 8,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.overall_rate = overall_rate
        self._base = (overall_rate, group_gap, private_gap)
        self.instances = 1
        self.gap = 1.0 / overall_rate if overall_rate > 0 else 0.0
        self.group_gap = group_gap
        self.private_gap = private_gap
        self.monotonic = monotonic
        self.sleep = sleep
        self._next_slot = 0.0
        self._chat_next: dict[int, float] = {}
        self._paused_until = 0.0
        # The gate: at most `horizon` senders hold a reserved slot at a time. Without it, hundreds of
        # one-off private messages would reserve slots far ahead, and a group's next summary part,
        # ready 3 s later, would queue behind all of them (the batch's tail then crawls at one part
        # per group gap). Behind the gate, continuations (a chat already being served) go first.
        self.horizon = max(1, horizon)
        self._holders = 0
        self._queue: list[tuple[int, int, asyncio.Future[None]]] = []
        self._seq = 0

    def share(self, instances: int) -> None:
        """`instances` dispatchers are alive and send for the same bot: Telegram counts the bot's
        messages, not each process's, so each takes its part of the pace — 1/n of the overall rate
        and n times each chat's gap (rows of one group may be claimed by any instance)."""
        instances = max(1, instances)
        if instances == self.instances:
            return
        rate, group_gap, private_gap = self._base
        self.instances = instances
        self.overall_rate = rate / instances
        self.gap = instances / rate if rate > 0 else 0.0
        self.group_gap = group_gap * instances
        self.private_gap = private_gap * instances

    def pause(self, seconds: float) -> None:
        """After a 429 nobody sends until it has passed (the flood wait may be bot-wide)."""
        self._paused_until = max(self._paused_until, self.monotonic() + seconds)

    def paused_for(self) -> float:
        """Seconds left of a flood wait (0 when none)."""
        return max(0.0, self._paused_until - self.monotonic())

    def _chat_gap(self, chat_id: int) -> float:
        return self.group_gap if is_group_chat(chat_id) else self.private_gap

    async def _wait_until_chat_ready(self, chat_id: int) -> None:
        while True:
            now = self.monotonic()
            ready = max(now, self._chat_next.get(chat_id, 0.0), self._paused_until)
            if ready <= now:
                return
            await self.sleep(ready - now)

    async def _enter(self, priority: int) -> None:
        if self._holders < self.horizon and not self._queue:
            self._holders += 1
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._queue, (priority, self._seq, future))
        self._seq += 1
        try:
            await future  # granted: the holder count was passed on to us
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self._leave()
            raise

    def _leave(self) -> None:
        while self._queue:
            _, _, future = heapq.heappop(self._queue)
            if not future.done():  # skip waiters that were cancelled
                future.set_result(None)
                return
        self._holders -= 1

    async def acquire(self, chat_id: int) -> float:
        """Wait until a message may go to `chat_id`; returns the (monotonic) moment granted."""
        continuation = chat_id in self._chat_next
        await self._wait_until_chat_ready(chat_id)
        await self._enter(0 if continuation else 1)
        try:
            while True:
                await self._wait_until_chat_ready(chat_id)  # a flood wait may have begun meanwhile
                now = self.monotonic()
                slot = max(now, self._next_slot)
                self._next_slot = slot + self.gap
                # Reserved before sleeping, so that a second sender to this chat waits its turn.
                self._chat_next[chat_id] = slot + self._chat_gap(chat_id)
                if slot > now:
                    await self.sleep(slot - now)
                if self._paused_until > self.monotonic():
                    continue  # a 429 arrived while we waited for our slot
                self._forget_idle_chats(slot)
                return slot
        finally:
            self._leave()

    def _forget_idle_chats(self, now: float) -> None:
        # One entry per chat reminded; drop those whose gap has passed so the map stays small.
        if len(self._chat_next) > 50_000:
            self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}


def unlimited() -> SendLimiter:
    """No pacing (tests of other behaviour; a bench baseline)."""
    return SendLimiter(overall_rate=0, group_gap=0, private_gap=0)


class InFlight:
    """A bound on the messages sent but not yet recorded (held from before a send until its outcome is
    recorded), sized to what the pace needs: about rate × (send + record latency), at least one.

    A crash (kill -9, power cut) re-sends exactly the messages in flight — Telegram has no
    idempotency key — so a bound that follows the pace, rather than a fixed number, keeps a crash to
    one or two duplicates: at 29 messages/s and 40 ms per send-and-record, two. The latency is a
    moving average of the observed hold times; `ceiling` caps it when the database is slow (then
    the pace drops rather than the duplicates grow)."""

    def __init__(
        self,
        rate: Callable[[], float],
        *,
        ceiling: int = 8,
        monotonic: Callable[[], float] = time.monotonic,
        initial_latency: float = 0.05,
    ) -> None:
        self.rate = rate
        self.ceiling = max(1, ceiling)
        self.monotonic = monotonic
        self.latency = initial_latency
        self.held = 0
        self.peak = 0
        # Sends whose outcome was recorded, ever: the dispatcher's sign of life while a long drain
        # runs (jobs.scheduling.dispatcher_tick).
        self.released = 0
        self._changed: asyncio.Condition | None = None

    @property
    def limit(self) -> int:
        rate = self.rate()
        if rate <= 0:  # unlimited pace (tests of other behaviour): the ceiling
            return self.ceiling
        return max(1, min(self.ceiling, math.ceil(rate * self.latency)))

    def _condition(self) -> asyncio.Condition:
        if self._changed is None:
            self._changed = asyncio.Condition()
        return self._changed

    async def __aenter__(self) -> float:
        changed = self._condition()
        async with changed:
            await changed.wait_for(lambda: self.held < self.limit)
            self.held += 1
            self.peak = max(self.peak, self.held)
        return self.monotonic()

    async def __aexit__(self, *exc: object) -> None:
        changed = self._condition()
        async with changed:
            self.held -= 1
            self.released += 1
            changed.notify_all()

    def observe(self, seconds: float) -> None:
        """One send-and-record took `seconds`."""
        self.latency = 0.8 * self.latency + 0.2 * max(0.0, seconds)
