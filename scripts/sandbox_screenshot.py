"""Makes docs/sandbox.png: a short, realistic conversation in the sandbox, driven through the page
in headless Chromium (Debian's /usr/bin/chromium).

    .venv/bin/python scripts/sandbox_screenshot.py [docs/sandbox.png]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from playwright.async_api import Page, async_playwright, expect

from bot.sandbox import Sandbox

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 23/11/2026, 09:00 in Hà Nội


async def say(page: Page, text: str, answer: str) -> None:
    await page.fill("#input", text)
    await page.press("#input", "Enter")
    await expect(page.locator("#messages .row.bot").last).to_contain_text(answer)


async def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/sandbox.db"
        async with Sandbox(url, port=0, start=START, realtime=False, dispatch_interval=3600) as sb, \
                async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = await browser.new_page(viewport={"width": 1366, "height": 940}, locale="vi-VN")
            expect.set_options(timeout=15_000)
            await page.goto(sb.url)
            await expect(page.locator("#messages")).to_contain_text("Thư ký")
            await say(page, "/giao @hoa_vanphong rà soát hồ sơ thủ tục một cửa, báo cáo kết quả trước ngày 2/12",
                      "Đã ghi nhiệm vụ #1")
            await page.click("#personas li[data-persona=secretary]")
            await say(page, "/giao @binh_pham cập nhật danh mục phần mềm dùng chung trong tháng 12",
                      "Đã ghi nhiệm vụ #2")
            await page.click("button[data-step=next]")
            await expect(page.locator("#clock")).to_contain_text("27/11/2026 · 08:00")
            await page.click("#personas li[data-persona=contact]")
            await page.locator("#messages .row.bot").last.locator("button", has_text="Báo cáo tiến độ").click()
            await expect(page.locator("#reply-bar")).to_be_visible()
            await say(page, "Đã rà soát 20/35 hồ sơ, còn 15 hồ sơ của bộ phận một cửa", "Đã ghi tiến độ #1")
            await page.mouse.move(5, 900)  # no hover effects in the picture
            await page.screenshot(path=str(out))
            await browser.close()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/sandbox.png")
    target.parent.mkdir(parents=True, exist_ok=True)
    asyncio.run(main(target))
    print(target)
