"""qa16: a ForceReply question naming you on a 360 px phone. The page opened the reply box by focusing it and
left the scrolling to the browser: when the box already had the focus (a draft typed, then the page scrolled
up to the people), nothing moved and the member list stayed at the top of the screen, the question and the
box below it out of sight. The conversation is brought into view: its header, the question, the box."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium

pytestmark = needs_chromium


async def test_a_question_naming_you_brings_the_conversation_into_view_on_a_phone(
    browser: Any, sandbox: Sandbox
) -> None:
    page = await browser.new_page(viewport={"width": 360, "height": 740}, locale="vi-VN")
    await page.goto(sandbox.url)
    await expect(page.locator("#messages")).to_contain_text("Thư ký")
    await page.click("#personas li[data-persona=secretary]")
    await page.focus("#input")  # her draft's box, then up to the people of the group
    await page.evaluate("scrollTo(0, 0)")
    await expect(page.locator("#members")).to_be_in_viewport()
    # The question names her (selective ForceReply), as it would after she or the chair asked for it.
    sandbox.send(sandbox.personas["secretary"].user.id, sandbox.group.id, "/nhap")
    await sandbox.idle()
    await expect(page.locator("#reply-bar")).to_be_visible()
    question = page.locator("#messages .row.bot", has_text="Trả lời (reply) tin nhắn này").last
    await expect(question).to_be_in_viewport()
    await expect(page.locator("#input")).to_be_in_viewport()
    await expect(page.locator("#chat-header")).to_be_in_viewport()
    members = await page.locator("#members").bounding_box()
    assert members is not None and members["y"] + members["height"] <= 0  # not on the screen
    await page.screenshot(path="/tmp/qa16_reply.png")
