"""qa14: the board as a district chair reads it on a phone on Monday morning, and as a unit head opens it.
Assertions are on what is on screen (headless Chromium at a phone's width)."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium
from tests.sandbox.test_board_browser import district_over_the_ward

pytestmark = needs_chromium

PHONE = {"width": 360, "height": 740}


async def ward_with_overdue_work(sandbox: Sandbox) -> None:
    """The sandbox's ward: #1 to the Office (its contact @hoa_vanphong, known by username only), #2 to the
    police (no contact yet)."""
    chair, group = sandbox.personas["chair"].user.id, sandbox.group
    assert group is not None
    for text in (
        "/giao VP rà soát hồ sơ thủ tục một cửa trước ngày 25/11",
        "/giao Công an phường lắp camera an ninh tổ 5 trước ngày 24/11",
    ):
        sandbox.send(chair, group.id, text)
        await sandbox.idle()
    for _ in range(3):
        await sandbox.move_clock(step="day")  # Thursday 26/11: both overdue


async def test_a_district_chair_reads_who_carries_a_wards_overdue_task(browser: Any, sandbox: Sandbox) -> None:
    """She opened a ward's overdue task and read «Chủ trì: Văn phòng HĐND&UBND» and nothing else: not who
    in that office carries it (whom to call). The person the bot reminds is on the card and in the detail."""
    await ward_with_overdue_work(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await p.click(".lower button")
    await p.click("[data-filter=overdue]")
    card = p.locator(".task[data-number='1']")
    await expect(card).to_contain_text("@hoa_vanphong")
    await card.click()
    await expect(p.locator("#detail dl")).to_contain_text("Người thực hiện")
    await expect(p.locator("#detail dl")).to_contain_text("@hoa_vanphong")
    # A unit with nobody named yet says nothing of people (no empty row).
    await p.click("#detail .back")
    await p.click(".task[data-number='2']")
    await expect(p.locator("#detail h2")).to_contain_text("#2")
    await expect(p.locator("#detail dl")).not_to_contain_text("Người thực hiện")
