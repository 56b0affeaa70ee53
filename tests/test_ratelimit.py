"""The dispatcher's send pacing (jobs/ratelimit.py), on virtual time: concurrent senders get slots
that Telegram's limits — modelled by the emulator's token buckets — accept without a single 429."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Coroutine
from typing import Any

from emulator.ratelimit import RateLimiter, RateLimits
from jobs.ratelimit import SendLimiter
from tests.conftest import no_database

pytestmark = no_database


class VirtualTime:
    """Sleeps resolve in time order, instantly: when every task waits, time jumps to the next wake."""

    def __init__(self) -> None:
        self.now = 0.0
        self._timers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = 0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._timers, (self.now + max(0.0, seconds), self._seq, future))
        self._seq += 1
        await future

    async def run(self, coros: list[Coroutine[Any, Any, float]]) -> list[float]:
        tasks = [asyncio.ensure_future(c) for c in coros]
        while not all(t.done() for t in tasks):
            for _ in range(10):
                await asyncio.sleep(0)
            if self._timers:
                when, _, future = heapq.heappop(self._timers)
                self.now = max(self.now, when)
                future.set_result(None)
        return [t.result() for t in tasks]


def telegram_accepts(sends: list[tuple[float, int]]) -> int:
    """How many of these (time, chat) sends Telegram's limits would refuse (429)."""
    clock = {"t": 0.0}
    limiter = RateLimiter(RateLimits(monotonic=lambda: clock["t"]))
    refused = 0
    for t, chat in sorted(sends):
        clock["t"] = t
        if limiter.retry_after("sendmessage", chat, chat < 0) is not None:
            refused += 1
    return refused


async def test_concurrent_sends_are_paced_under_telegrams_limits() -> None:
    vt = VirtualTime()
    limiter = SendLimiter(monotonic=vt.monotonic, sleep=vt.sleep)
    groups = [-(100 + g) for g in range(20)]
    users = list(range(1, 401))
    # As the dispatcher sends: each chat's messages in order, all chats at once (the pace, not a
    # worker count, bounds what is in flight). 20 groups get five messages each (a long summary),
    # 400 people one each.
    per_chat = [[g] * 5 for g in groups] + [[u] for u in users]
    sends: list[tuple[float, int]] = []

    async def chat_sender(messages: list[int]) -> float:
        for chat in messages:
            sends.append((await limiter.acquire(chat), chat))
        return 0.0

    await vt.run([chat_sender(m) for m in per_chat])
    assert len(sends) == 500
    assert telegram_accepts(sends) == 0
    # Sends are spread at least 1/29 s apart (29/s: 97% of Telegram's 30/s), and the whole lot
    # takes about 500/29 s: a chat waiting for its own slot does not hold the others back much.
    times = sorted(t for t, _ in sends)
    assert min(b - a for a, b in itertools.pairwise(times)) >= 1 / 29 - 1e-9
    assert times[-1] <= 500 / 29 * 1.1
    # A group's five parts are at least 3.1 s apart (20 a minute).
    for g in groups:
        mine = sorted(t for t, c in sends if c == g)
        assert all(b - a >= 3.1 - 1e-9 for a, b in itertools.pairwise(mine))


async def test_concurrent_senders_to_one_chat_take_turns() -> None:
    vt = VirtualTime()
    limiter = SendLimiter(monotonic=vt.monotonic, sleep=vt.sleep)
    granted = sorted(await vt.run([limiter.acquire(-7) for _ in range(3)]))
    assert [round(b - a, 6) for a, b in itertools.pairwise(granted)] == [3.1, 3.1]


async def test_a_flood_wait_pauses_everyone() -> None:
    vt = VirtualTime()
    limiter = SendLimiter(monotonic=vt.monotonic, sleep=vt.sleep)
    [first] = await vt.run([limiter.acquire(1)])
    limiter.pause(7)
    assert limiter.paused_for() == 7
    later = await vt.run([limiter.acquire(2), limiter.acquire(-5)])
    assert min(later) >= first + 7


async def test_one_private_chat_gets_about_one_message_a_second() -> None:
    vt = VirtualTime()
    limiter = SendLimiter(monotonic=vt.monotonic, sleep=vt.sleep)

    async def three() -> float:
        for _ in range(2):
            await limiter.acquire(42)
        return await limiter.acquire(42)

    [last] = await vt.run([three()])
    assert last >= 2 * 1.05


# --------------------------------------------------------------------------- issue 14: pace shared, in flight


def test_instances_alive_share_the_pace() -> None:
    from jobs.ratelimit import GROUP_GAP, OVERALL_RATE, PRIVATE_GAP, SendLimiter

    limiter = SendLimiter()
    limiter.share(2)
    assert limiter.overall_rate == OVERALL_RATE / 2
    assert limiter.gap == 2 / OVERALL_RATE
    assert (limiter.group_gap, limiter.private_gap) == (2 * GROUP_GAP, 2 * PRIVATE_GAP)
    limiter.share(1)
    assert (limiter.gap, limiter.group_gap) == (1 / OVERALL_RATE, GROUP_GAP)


def test_in_flight_is_what_the_pace_needs() -> None:
    from jobs.ratelimit import InFlight

    bound = InFlight(lambda: 29.0, ceiling=4, initial_latency=0.05)
    assert bound.limit == 2  # 29/s x 50 ms
    for _ in range(50):
        bound.observe(0.01)
    assert bound.limit == 1
    for _ in range(50):
        bound.observe(1.0)  # a very slow database: the ceiling, and the pace drops instead
    assert bound.limit == 4
    assert InFlight(lambda: 0.0, ceiling=4).limit == 4  # unlimited pace


async def test_in_flight_never_holds_more_than_its_limit() -> None:
    import asyncio

    from jobs.ratelimit import InFlight

    bound = InFlight(lambda: 29.0, ceiling=8, initial_latency=0.05)
    held: list[int] = []

    async def send() -> None:
        async with bound:
            held.append(bound.held)
            await asyncio.sleep(0)

    await asyncio.gather(*(send() for _ in range(20)))
    assert max(held) == bound.peak == 2
