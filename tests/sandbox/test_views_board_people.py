"""The board in headless Chromium: a person given a task directly is shown apart from the units — in the
list and in the chart — under «👤 Giao trực tiếp cho cá nhân», as the Monday summary lists them."""

from __future__ import annotations

import os
from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium
from tests.sandbox.test_board_browser import committee_with_tasks, open_board

pytestmark = needs_chromium

HEADING = "Giao trực tiếp cho cá nhân"


async def test_people_given_tasks_directly_are_apart_in_the_list_and_the_chart(browser: Any, sandbox: Sandbox) -> None:
    await committee_with_tasks(sandbox)  # #1 VP, #2 Công an phường, #3 @binh_pham
    p = await open_board(browser, sandbox, "chair")
    await expect(p.locator(".people-heading")).to_have_text("👤 " + HEADING)
    # The units come before the heading, the person after it.
    after = p.locator(".people-heading ~ .group")
    await expect(after).to_have_count(1)
    await expect(after.locator(".unit")).to_contain_text("@binh_pham")
    units = await p.locator(".group .unit").all_inner_texts()
    assert [u.split("\n")[0] for u in units][-1] == "@binh_pham"
    # The unit filter offers units; the person is in the people filter.
    unit_options = await p.locator("select[aria-label='Mọi đơn vị'] option").all_inner_texts()
    assert unit_options == ["Mọi đơn vị", "Công an phường", "Văn phòng HĐND&UBND"]
    assert "@binh_pham" in await p.locator("select[aria-label='Mọi người'] option").all_inner_texts()
    if shots := os.environ.get("VIEWS_SHOTS"):
        await p.screenshot(path=f"{shots}/board-list.png", full_page=True)

    await p.click("[data-tab=chart]")
    month = p.locator(".bars[data-period=month]")
    await expect(month.locator("[data-unit]")).to_have_count(2)
    await expect(month.locator("[data-person]")).to_have_count(1)
    await expect(month.locator("[data-person]")).to_contain_text("@binh_pham 0/1")
    await expect(month.locator(".people-heading")).to_have_text("👤 " + HEADING)
    if shots:
        await p.screenshot(path=f"{shots}/board-chart.png", full_page=True)


async def test_a_units_contact_closes_its_task_on_the_board_and_the_chat_shows_it(
    browser: Any, sandbox: Sandbox
) -> None:
    await committee_with_tasks(sandbox)  # #1 VP (overdue), #2 Công an phường
    group = sandbox.group
    assert group is not None
    sandbox.send(sandbox.personas["chair"].user.id, group.id, "/donvi gan VP @hoa_vanphong")
    await sandbox.idle()
    p = await open_board(browser, sandbox, "contact")
    await p.click(".task[data-number='2']")  # another unit's task: nothing to do
    await expect(p.locator("#detail h2")).to_contain_text("#2")
    await expect(p.locator("#detail [data-action=close]")).to_have_count(0)
    await p.click("#detail .back")
    await p.click(".task[data-number='1']")  # her unit's task: «Đóng», as /xong in the chat
    await p.click("#detail [data-action=close]")
    await p.fill("#ask input", "đã rà soát xong 35 hồ sơ")
    await p.click("[data-confirm=close]")
    await expect(p.locator("#notice")).to_contain_text("#1 đã hoàn thành")
    told = [m.plain for m in sandbox.world.bot_messages(group) if "trên Bảng việc" in m.plain]
    assert len(told) == 1 and "✅ #1 đã hoàn thành" in told[0] and "📌 VP rà soát hồ sơ" in told[0]
    assert told[0].startswith("🗂 " + sandbox.personas["contact"].user.full_name)
