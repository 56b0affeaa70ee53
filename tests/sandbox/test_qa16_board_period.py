"""qa16: the board's chart on the week of the first Monday of a month. The Monday summary of 7/12 reports
November; the chart showed only «Tháng 12/2026» (December so far): a chair comparing the two read different
numbers. November comes first now, said to be the summary's month; December is said to be this month so far."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium
from tests.sandbox.test_board_browser import committee_with_tasks, open_board

pytestmark = needs_chromium


async def test_on_the_first_monday_of_december_the_chart_shows_november_first_named(
    browser: Any, sandbox: Sandbox
) -> None:
    await committee_with_tasks(sandbox)  # Thursday 26/11
    await sandbox.move_clock(step="monday")  # 30/11
    await sandbox.move_clock(step="monday")  # 7/12: the summary reports November
    p = await open_board(browser, sandbox, "chair")
    await p.click("[data-tab=chart]")
    headings = p.locator(".bars h3")
    await expect(headings).to_have_count(3)
    texts = await headings.all_inner_texts()
    assert texts[0].startswith("Tháng 11/2026") and "tháng trước" in texts[0] and "tổng hợp" in texts[0]
    assert texts[1].startswith("Tháng 12/2026") and "tháng này" in texts[1]
    await expect(p.locator(".bars[data-period=last_month] [data-unit]")).to_have_count(2)
    await p.screenshot(path="/tmp/qa16_chart.png", full_page=True)
