"""qa20: the chair typed /bang in the group and tapped «mở trong Telegram» (t.me/<bot>?start=board). Her private
chat with the bot then showed «/start» AND «/start board», the whole help text, then the board's button: in
Telegram the link sends «/start board» alone (its START button), and the bot answers with the board. The page
sends what Telegram sends."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium
from tests.sandbox.test_sandbox_browser import last_bot_message, send

pytestmark = needs_chromium


async def test_a_deep_link_to_the_bot_sends_start_with_its_payload_only(page: Any, sandbox: Sandbox) -> None:
    await expect(page.locator("#messages")).to_contain_text("Thư ký")
    await send(page, "/bang")
    await page.locator("#messages a", has_text="mở trong Telegram").last.click()
    await expect(last_bot_message(page).locator(".keyboard button", has_text="Mở Bảng việc")).to_be_visible()
    await expect(page.locator("#messages .row.mine")).to_have_count(1)
    await expect(page.locator("#messages .row.mine")).to_contain_text("/start board")
    await expect(page.locator("#messages")).not_to_contain_text("Xin chào")
