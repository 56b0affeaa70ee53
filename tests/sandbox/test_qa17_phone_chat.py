"""qa17: on a 360 px phone the page puts the people, the chats and the group's members above the conversation.
Tapping a chat left the page where it was: the reminder the unit's contact had come to read was below the
screen, under the member list, and the chat's header sat at the screen's foot. A chat tapped is brought into
view as Telegram opens it: header, last message, reply box on the screen, the member list scrolled past."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium

pytestmark = needs_chromium


async def test_a_chat_tapped_on_a_phone_fills_the_screen(browser: Any, sandbox: Sandbox) -> None:
    contact = sandbox.personas["contact"].user.id
    sandbox.open_private(contact)
    await sandbox.idle()
    page = await browser.new_page(viewport={"width": 360, "height": 740}, locale="vi-VN")
    await page.goto(sandbox.url)
    await page.click("#personas li[data-persona=contact]")
    await page.click("#chats li[data-chat=private]")
    greeting = page.locator("#messages .row.bot", has_text="Xin chào Lê Thị Hoa").last
    await expect(greeting).to_be_visible()
    await expect(page.locator("#chat-header")).to_be_in_viewport()
    await expect(page.locator("#input")).to_be_in_viewport()
    await expect(page.locator("#messages .row").last).to_be_in_viewport()
    await expect(page.locator("#members")).not_to_be_in_viewport()

    # Back up to the chats, the group tapped: the same.
    await page.evaluate("scrollTo(0, 0)")
    await page.click("#chats li[data-chat=group]")
    await expect(page.locator("#chat-title")).to_contain_text("BCĐ")
    await expect(page.locator("#chat-header")).to_be_in_viewport()
    await expect(page.locator("#input")).to_be_in_viewport()
    await expect(page.locator("#members")).not_to_be_in_viewport()


async def test_a_chat_tapped_on_a_laptop_does_not_move_the_page(page: Any, sandbox: Sandbox) -> None:
    """The side-by-side layout has nothing to scroll past: the page stays put."""
    await page.click("#chats li[data-chat=group]")
    assert await page.evaluate("scrollY") == 0
    await expect(page.locator("#members")).to_be_in_viewport()
