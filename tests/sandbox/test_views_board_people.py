"""The board in headless Chromium: a person given a task directly is shown apart from the units — in the
list and in the chart — under «👤 Giao trực tiếp cho cá nhân», as the Monday summary lists them."""

from __future__ import annotations

import os
from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.test_board_browser import browser, committee_with_tasks, open_board, pytestmark
from tests.sandbox.test_sandbox_browser import expect

__all__ = ["browser", "pytestmark"]

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
