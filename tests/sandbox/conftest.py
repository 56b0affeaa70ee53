"""The sandbox as a newcomer meets it: the real bot, the emulator and the page's HTTP API, on a fresh
database, with the bot's clock still (the tests move it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.sandbox import Sandbox

# Monday 23/11/2026, 09:00 in Hà Nội.
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
async def sandbox(database_url: str) -> AsyncIterator[Sandbox]:
    # Port 0: a free port. dispatch_interval: the dispatcher wakes only when a test moves the clock.
    async with Sandbox(database_url, port=0, start=START, realtime=False, dispatch_interval=3600) as sb:
        yield sb


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    """Headless Chromium, closed after the test; the board's tests open their own pages in it."""
    from tests.sandbox.chromium import CHROMIUM, TIMEOUT, expect, playwright_api  # only the browser tests need it

    async with playwright_api.async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        expect.set_options(timeout=TIMEOUT)
        try:
            yield chromium
        finally:
            await chromium.close()


@pytest.fixture
async def page(browser: Any, sandbox: Sandbox) -> Any:
    """The sandbox page, on a laptop's screen."""
    tab = await browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    await tab.goto(sandbox.url)
    return tab
