"""qa20: the board's «Lịch hạn» on a phone, in December, a ward that had imported a conclusion with deadlines in
December and January: it listed the December days and ended there — nothing said that it shows four weeks only,
and the chair read that nothing was due in January. What falls due later is counted, with the way to it."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium
from tests.sandbox.test_board_browser import open_board

pytestmark = needs_chromium


async def test_the_calendar_says_what_falls_due_after_its_four_weeks(browser: Any, sandbox: Sandbox) -> None:
    chair = sandbox.personas["chair"].user.id
    assert sandbox.group is not None
    for text in (  # the sandbox's clock: Monday 23/11/2026
        "/giao VP rà soát hồ sơ thủ tục một cửa trước ngày 4/12",
        "/giao Công an phường lập phương án bảo đảm an ninh dịp Tết trước ngày 15/01/2027",
        "/giao Trạm Y tế phường tiêm chủng mở rộng trước ngày 29/01/2027",
    ):
        sandbox.send(chair, sandbox.group.id, text)
        await sandbox.idle()
    p = await open_board(browser, sandbox, "chair")
    await p.click("[data-tab=calendar]")
    await expect(p.locator(".day")).to_have_count(1)  # 4/12: the four weeks shown
    later = p.locator(".calendar-later")
    await expect(later).to_contain_text("2 nhiệm vụ có hạn sau")
    await expect(later).to_contain_text("20/12/2026")  # the calendar's last day, a Sunday
    await p.screenshot(path="/tmp/qa20_board_calendar_later.png")
    await later.locator("button").click()
    await expect(p.locator(".task")).to_have_count(3)  # the tasks, every open one
    await p.screenshot(path="/tmp/qa20_board_calendar.png", full_page=True)
