"""Headless Chromium for the sandbox's browser tests: Debian's /usr/bin/chromium (or $CHROMIUM), driven
by Playwright, no browser download. The fixtures `browser` and `page` are in conftest.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))

playwright_api = pytest.importorskip("playwright.async_api")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
)

expect = playwright_api.expect
TIMEOUT = 15_000  # ms: generous for a loaded CI machine; the waits end as soon as the page shows it
