"""Makes docs/board-phone.png and docs/board-desktop.png: the board (Mini App) of a committee with a
few weeks of work, opened as the chair, in headless Chromium (Debian's /usr/bin/chromium).

    .venv/bin/python scripts/board_screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from playwright.async_api import async_playwright, expect

from bot.sandbox import Sandbox

DOCS = Path(__file__).resolve().parent.parent / "docs"
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 23/11/2026, 09:00 in Hà Nội
TASKS = (
    ("chair", "/giao VP rà soát hồ sơ thủ tục một cửa trước ngày 25/11"),
    ("chair", "/giao Công an phường chủ trì, phối hợp VP lắp camera an ninh tổ 5 trước ngày 4/12"),
    ("chair", "/giao @binh_pham cập nhật tin bài lên Cổng thông tin điện tử trước ngày 30/11"),
    ("chair", "/giao Đoàn Thanh niên tuyên truyền cài đặt VNeID trong tháng 12"),
    ("chair", "/giao Trạm Y tế phường kiểm tra an toàn thực phẩm trước ngày 10/12"),
    ("chair", "/giao VP tổng hợp báo cáo chuyển đổi số quý IV trước ngày 28/12"),
    ("contact", "/xong 1 đã rà soát xong 35 hồ sơ"),
    ("contact", "/vuongmac 2 chờ quận cấp kinh phí lắp đặt"),
)


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        async with Sandbox(f"sqlite:///{folder}/board.db", port=0, start=START, realtime=False,
                           dispatch_interval=3600) as sb, async_playwright() as pw:  # fmt: skip
            assert sb.group is not None
            for persona, text in TASKS:
                sb.send(sb.personas[persona].user.id, sb.group.id, text)
                await sb.idle()
            for _ in range(8):
                await sb.move_clock(step="day")
            browser = await pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            expect.set_options(timeout=15_000)
            link = sb.url + sb.board_link(sb.personas["chair"].user.id, sb.group.id)
            sizes = (("phone", {"width": 390, "height": 844}), ("desktop", {"width": 1280, "height": 800}))
            for name, viewport in sizes:
                page = await browser.new_page(viewport=viewport, locale="vi-VN")
                await page.goto(link)
                await expect(page.locator(".task").first).to_be_visible()
                await page.screenshot(path=str(DOCS / f"board-{name}.png"))
            page = await browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN")
            await page.goto(link)
            await page.click("[data-tab=chart]")
            await expect(page.locator(".bars .row").first).to_be_visible()
            await page.screenshot(path=str(DOCS / "board-chart.png"))
            await browser.close()


if __name__ == "__main__":
    asyncio.run(main())
