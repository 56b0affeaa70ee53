"""`/giao` round trip through the Bot API emulator, against a bare echo handler in the same run.

Both bots run the same way (real Application with AIORateLimiter, polling the emulator over HTTP); the
ratio says what our handler (parsing, database transaction, reply) costs on top of Telegram plumbing.
Each round is in another group: Telegram allows a group only 20 messages a minute, and the rate limiter
would otherwise measure that limit rather than the handler.

    python bench/giao_bench.py [--rounds 200] [--database-url sqlite:///...]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from telegram import Update
from telegram.ext import AIORateLimiter, ApplicationBuilder, CommandHandler, ContextTypes

from bot.app import build_application, running
from bot.clock import ManualClock
from bot.settings import Settings
from emulator import Emulator, World, text_mention

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
# AIORateLimiter lets ~30 messages a second through: back-to-back rounds of a fast handler would queue in
# it and measure its 33 ms spacing rather than the handler. A round starts at most every PACE seconds.
PACE = 0.05


async def _round_trips(world: World, app, send, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for i in range(rounds):
        t0 = time.perf_counter()
        send(i)
        await world.wait_for()
        await world.wait_idle(update_queue=app.update_queue, settle=0)
        took = time.perf_counter() - t0
        times.append(took)
        await asyncio.sleep(max(0.0, PACE - took))
    return times


async def echo_bot(rounds: int) -> list[float]:
    world = World()
    user = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    groups = [world.add_group(f"Nhóm đo {i}", creator=user) for i in range(rounds + 5)]

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        await update.effective_chat.send_message("ok")

    async with Emulator(world) as emu:
        app = (
            ApplicationBuilder()
            .token(world.token)
            .base_url(emu.base_url)
            .base_file_url(emu.base_file_url)
            .rate_limiter(AIORateLimiter(max_retries=2))
            .build()
        )
        app.add_handler(CommandHandler("giao", echo))
        async with running(app):
            await _round_trips(world, app, lambda i: world.send_text(user, groups[rounds + i], "/giao x"), 5)
            return await _round_trips(world, app, lambda i: world.send_text(user, groups[i], "/giao x"), rounds)


async def our_bot(rounds: int, database_url: str) -> list[float]:
    clock = ManualClock(START)
    world = World(clock=clock)
    chair = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = world.add_user("Bình", "Lê")
    groups = [world.add_group(f"BCĐ Chuyển đổi số {i}", creator=chair, members=[binh]) for i in range(rounds + 5)]
    async with Emulator(world) as emu:
        settings = Settings(
            bot_token=world.token, database_url=database_url, telegram_api_url=emu.base_url, dispatch_interval=3600
        )
        app = build_application(settings, clock)

        def send(i: int) -> None:
            world.send_text(
                chair,
                groups[i % len(groups)],
                ["/giao ", text_mention(binh), f" rà soát hồ sơ thủ tục hành chính đợt {i} xong trước ngày 15/12"],
            )

        async with running(app):
            await _round_trips(world, app, lambda i: send(rounds + i), 5)
            return await _round_trips(world, app, send, rounds)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        echo = asyncio.run(echo_bot(args.rounds))
        ours = asyncio.run(our_bot(args.rounds, url))
    e, o = statistics.median(echo), statistics.median(ours)
    print(f"echo handler  median {e * 1000:7.2f} ms  p95 {sorted(echo)[int(len(echo) * 0.95)] * 1000:7.2f} ms")
    print(f"/giao         median {o * 1000:7.2f} ms  p95 {sorted(ours)[int(len(ours) * 0.95)] * 1000:7.2f} ms")
    print(f"ratio /giao : echo = {o / e:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
