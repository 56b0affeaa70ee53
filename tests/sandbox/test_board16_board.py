"""board16 on a phone (390 px) and a desktop (1280 px), in the sandbox as the chair sees it on Monday 7/12:
the chart's «x/y» is the month's DUE tasks done by their deadline, said in words (it read «1/4 đúng hạn» for
November and «0/3» for December over the same open tasks); a recurring duty is marked 🔁 with its cadence in
its detail; «Hạn tuần này» lists this week's deadlines, not the tasks overdue since November."""

from __future__ import annotations

from typing import Any

import pytest

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium
from tests.sandbox.test_board_browser import committee_with_tasks, open_board

pytestmark = needs_chromium


@pytest.mark.parametrize("width", [390, 1280])
async def test_chart_week_and_recurring_as_the_chair_reads_them(browser: Any, sandbox: Sandbox, width: int) -> None:
    chair, group = sandbox.personas["chair"].user.id, sandbox.group
    assert group is not None
    for text in ("/giao VP cập nhật tin bài lên Cổng thông tin hàng tháng",
                 "/giao Trạm Y tế phường kiểm tra an toàn thực phẩm trước ngày 10/12"):  # fmt: skip
        sandbox.send(chair, group.id, text)
        await sandbox.idle()
    await committee_with_tasks(sandbox)  # #3 VP due 25/11, #4 Công an 4/12, #5 @binh_pham 30/11; Thursday 26/11
    sandbox.send(chair, group.id, "/xong 5")  # 26/11: on time (due 30/11)
    await sandbox.idle()
    await sandbox.move_clock(step="monday")  # 30/11
    await sandbox.move_clock(step="monday")  # 7/12: the chart shows November (the summary's), then December
    p = await open_board(browser, sandbox, "chair", width=width, height=844)

    # «Hạn tuần này»: 7/12–13/12 holds #2 (10/12) only; #1, #3, #4 overdue since earlier weeks are «Quá hạn»'s.
    await p.click("[data-filter=week]")
    await expect(p.locator("[data-week-hint]")).to_contain_text("Hạn từ 07/12/2026 đến 13/12/2026")
    await expect(p.locator(".task")).to_have_count(1)
    await expect(p.locator(".task")).to_contain_text("#2")
    await p.screenshot(path=f"/tmp/board16_week_{width}.png", full_page=True)

    # The monthly duty: 🔁 on its card, its cadence in words in its detail.
    await p.click("[data-filter=all]")
    await expect(p.locator(".task[data-number='1'] [data-recurring]")).to_have_text("🔁 định kỳ")
    await expect(p.locator("[data-recurring]")).to_have_count(1)
    await p.click(".task[data-number='1']")
    await expect(p.locator("#detail")).to_contain_text("🔁 hằng tháng")
    await p.screenshot(path=f"/tmp/board16_detail_{width}.png")
    await p.click("#detail .back")

    # The chart: November had #1 (30/11), #3 (25/11), #5 (30/11, done on time) due -> 1/3; December #2 and #4
    # -> 0/2; each row says what it counts, and how many tasks the month had in all (open ones carried over).
    await p.click("[data-tab=chart]")
    nov = p.locator(".bars[data-period=last_month] [data-whole] [data-due]")
    dec = p.locator(".bars[data-period=month] [data-whole] [data-due]")
    await expect(nov).to_have_attribute("data-due", "1/3")
    await expect(nov).to_contain_text("1/3 việc đến hạn trong kỳ xong đúng hạn")
    await expect(dec).to_have_attribute("data-due", "0/2")
    await expect(dec).to_contain_text("việc trong kỳ")
    await p.screenshot(path=f"/tmp/board16_chart_{width}.png", full_page=True)
