"""qa9: the sandbox page on a 360 px phone (740 px tall). The controls took three lines and the chat's
header two: a conclusion's preview was read through a window of ~200 px, in bubbles 230 px wide."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium

pytestmark = needs_chromium


async def test_on_a_phone_the_chat_fills_the_screen_and_bubbles_use_its_width(
    browser: Any, sandbox: Sandbox
) -> None:
    page = await browser.new_page(viewport={"width": 360, "height": 740}, locale="vi-VN")
    await page.goto(sandbox.url)
    await expect(page.locator("#messages")).to_contain_text("Thư ký")
    await page.fill("#input", "/giao @hoa_vanphong rà soát hồ sơ thủ tục hành chính một cửa của phường trước ngày 2/12")
    await page.press("#input", "Enter")
    reply = page.locator("#messages .row.bot").last
    await expect(reply).to_contain_text("Đã ghi nhiệm vụ #1")
    await page.evaluate("document.getElementById('chat').scrollIntoView()")
    messages = await page.locator("#messages").bounding_box()
    assert messages is not None and messages["height"] >= 0.6 * 740  # was ~200 px
    bubble = await reply.locator(".bubble").bounding_box()
    assert bubble is not None and bubble["width"] >= 0.8 * 360  # was ~230 px
    assert await page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
    # The clock's buttons and the board stay at hand.
    await expect(page.locator("button[data-step=next]")).to_be_in_viewport()
    await expect(page.locator("#open-board")).to_be_in_viewport()
