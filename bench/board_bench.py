"""The board (Mini App) with 1,000 open tasks: how long its first screen takes to load, against the
same server answering `/api/me` (identity check, one committee, no tasks) in the same run.

The first screen is one call, `GET /api/c/<committee>`: every task with its state, unit, notes, the
per-unit counts of the month and the quarter, and the calendar. The real bot serves it (build_application
with WEBAPP_URL, the board's aiohttp server) over HTTP on loopback, on SQLite, with the emulator
answering getChatMember. Target: under one second for 1,000 open tasks on this 2-core machine.

    python bench/board_bench.py [--tasks 1000] [--rounds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp

from bot.app import BOARD_ADDRESS, running
from db.committees import committee_by_chat
from domain.initdata import sign_user
from tests.e2e.conftest import Env, emulated_bot
from tests.e2e.test_reports import store_tasks


async def timed(http: aiohttp.ClientSession, url: str, headers: dict[str, str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        async with http.get(url, headers=headers) as response:
            await response.read()
            assert response.status == 200, response.status
        times.append(time.perf_counter() - t0)
    return times


async def main(tasks: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/board.db"
        async with emulated_bot(url, webapp_url="https://board.example/board/", webapp_port=0) as (
            app, world, clock, emu), running(app):  # fmt: skip
            env = Env(app, world, clock, emu)
            chair = world.add_user("Lan", "Nguyễn", username="lan_chutich")
            group = world.add_group("BCĐ phường Sài Đồng", creator=chair)
            await env.say(chair, group, "/donvi")
            await store_tasks(env, group, tasks, "Rà soát hồ sơ tổ dân phố {n} và báo cáo kết quả")
            async with env.sessions() as s:
                committee = await committee_by_chat(s, group.id)
                assert committee is not None
            base = app.bot_data[BOARD_ADDRESS]
            headers = {"Authorization": "tma " + sign_user(chair.id, "Lan", world.token, clock.now())}
            async with aiohttp.ClientSession() as http:
                await timed(http, base + f"api/c/{committee.id}", headers, 2)  # warm-up
                board, me = [], []
                for _ in range(rounds):  # interleaved: the machine's drift hits both alike
                    board += await timed(http, base + f"api/c/{committee.id}", headers, 1)
                    me += await timed(http, base + "api/me", headers, 1)
    b, m = statistics.median(board), statistics.median(me)
    print(f"board first screen, {tasks} open tasks: median {b * 1000:.0f} ms (p90 "
          f"{sorted(board)[int(len(board) * 0.9) - 1] * 1000:.0f} ms); /api/me {m * 1000:.1f} ms; ratio {b / m:.1f}x")
    print("target: under 1000 ms —", "met" if b < 1.0 else "NOT met")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(main(args.tasks, args.rounds))
