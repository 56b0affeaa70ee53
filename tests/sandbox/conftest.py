"""The sandbox as a newcomer meets it: the real bot, the emulator and the page's HTTP API, on a fresh
database, with the bot's clock still (the tests move it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.sandbox import Sandbox

# Monday 23/11/2026, 09:00 in Hà Nội.
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
async def sandbox(database_url: str) -> AsyncIterator[Sandbox]:
    # Port 0: a free port. dispatch_interval: the dispatcher wakes only when a test moves the clock.
    async with Sandbox(database_url, port=0, start=START, realtime=False, dispatch_interval=3600) as sb:
        yield sb
