"""The operator's tools (issue 15): helpers that build a database with real history, through the
real bot against the emulator, and run `nhacviec` as the administrator would (a subprocess)."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from jobs.scheduling import summary_planner_tick
from tests.faults_db.conftest import CLEARED_ENV, bot_env, command, committee, tick

EXTRA_CLEARED = ("METRICS_PORT", "STATUS_FILE", "NHACVIEC_ENV_FILE", "API_TIMEOUT")


async def history(database_url: str) -> dict[str, int]:
    """A committee's weeks through the real bot: units, directives, one done, days passing with the
    dispatcher sending reminders and the Monday summary. Returns what a few commands answered."""
    async with bot_env(database_url) as env:
        w = env.world
        chair, _binh, group = await committee(env)  # Bình, without a username, opened a private chat
        await command(env, chair, group, "/donvi them Văn phòng HĐND&UBND = VP, Văn phòng")
        await command(env, chair, group, "/donvi them Công an phường = CA")
        await command(env, chair, group, "/giao Văn phòng rà soát camera an ninh xong trước ngày 25/11")
        await command(env, chair, group, "/giao Công an phường báo cáo tình hình trật tự trước 27/11")
        await command(env, chair, group, "/giao Văn phòng tổng hợp số liệu chuyển đổi số trước 4/12")
        await command(env, chair, group, "/xong 1 đã lắp thêm 4 camera")
        for _ in range(10):  # ten days: reminders before and after the deadlines, a Monday summary
            env.advance(days=1)
            await summary_planner_tick(SimpleNamespace(application=env.app))  # type: ignore[arg-type]
            await tick(env)
        second = w.add_group("BCĐ An toàn giao thông", creator=chair)
        await env.idle()
        await command(env, chair, second, "/giao Công an phường ra quân kiểm tra mũ bảo hiểm trước 20/12")
    return {"sent": len(w.bot_messages(group))}


def nhacviec() -> list[str]:
    script = Path(sys.executable).with_name("nhacviec")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def clean_env(**env: str) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in CLEARED_ENV + EXTRA_CLEARED}
    environ.update(env, PYTHONUNBUFFERED="1")
    return environ


def run_nhacviec(cwd: Path, *args: str, wait: float = 120, **env: str) -> tuple[int, str, str]:
    """`nhacviec ARGS` in `cwd` with exactly these settings: exit code, stdout, stderr."""
    done = subprocess.run(
        [*nhacviec(), *args], cwd=cwd, env=clean_env(**env), capture_output=True, text=True, timeout=wait
    )
    return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="session")
def history_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database with `history` in it, built once; tests copy it (`with_history`)."""
    path = tmp_path_factory.mktemp("history") / "nhacviec.db"
    asyncio.run(history(f"sqlite:///{path}"))
    return path


def with_history(history_file: Path, target: Path) -> str:
    """A copy of the history database at `target` (a standalone file); its URL."""
    source = sqlite3.connect(history_file)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
        source.close()
    return f"sqlite:///{target}"
