"""qa20: on a 390 px phone the secretary taps a part of a long import preview to reply «3 hạn 20/12» to it. The ↩
button appeared half past the screen's right edge (34 px outside the bubble, the bubble filling the width) and
half-way down a part taller than the screen, so above it, out of sight: the reply the preview asks for could
only be made by a double tap nobody is told about. On a phone the button is inside the bubble and on the screen."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium

pytestmark = needs_chromium

PHONE = {"width": 390, "height": 844}


async def test_the_reply_button_of_a_long_preview_is_on_the_phones_screen(browser: Any, sandbox: Sandbox) -> None:
    context = await browser.new_context(viewport=PHONE, locale="vi-VN", has_touch=True, is_mobile=True)
    page = await context.new_page()
    await page.goto(sandbox.url)
    await expect(page.locator("#messages")).to_contain_text("Thư ký")
    await page.tap("#import")  # «Nạp ví dụ»: a real meeting report with /nhap, its preview in several parts
    first = page.locator("#messages .row.bot", has_text="Xem trước").first
    await expect(page.locator("#messages .keyboard button", has_text="Lưu tất cả")).to_be_visible()
    await first.scroll_into_view_if_needed()
    bubble = await first.locator(".bubble").bounding_box()
    assert bubble is not None and bubble["height"] > PHONE["height"]  # a part taller than the screen
    # She taps the part where she reads it, as a phone's browser lets her.
    await page.touchscreen.tap(bubble["x"] + 60, PHONE["height"] / 2)
    button = first.locator(".reply-btn")
    await expect(button).to_be_visible()
    box = await button.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    await button.tap()
    await expect(page.locator("#reply-bar")).to_be_visible()
    await page.screenshot(path="/tmp/qa20_phone_reply_button.png")
