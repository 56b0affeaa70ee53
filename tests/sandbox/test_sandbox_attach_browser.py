"""The 📎 button on the sandbox page, in headless Chromium: the chair picks a .docx with an empty
message box, it goes with the caption /nhap, and the preview appears as in Telegram."""

from __future__ import annotations

import io
from typing import Any

from docx import Document

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium
from tests.sandbox.test_sandbox_browser import last_bot_message

pytestmark = needs_chromium


async def test_the_attach_button_sends_a_docx_with_nhap(page: Any, sandbox: Sandbox) -> None:
    document = Document()
    document.add_paragraph("1. Giao Văn phòng HĐND&UBND rà soát hồ sơ đất đai, xong trước ngày 15/12/2026.")
    document.add_paragraph("2. Giao Công an phường kiểm tra camera an ninh trước 20/12/2026.")
    out = io.BytesIO()
    document.save(out)
    await expect(page.locator("#messages")).to_contain_text("Văn phòng HĐND&UBND")
    async with page.expect_file_chooser() as chooser:
        await page.click("#attach")
    await (await chooser.value).set_files(
        files=[{"name": "ket-luan.docx", "mimeType": "application/octet-stream", "buffer": out.getvalue()}]
    )
    await expect(page.locator("#messages .row.mine").last).to_contain_text("ket-luan.docx")
    await expect(page.locator("#messages .row.mine").last).to_contain_text("/nhap")
    await expect(last_bot_message(page)).to_contain_text("Xem trước: 2 nhiệm vụ")
