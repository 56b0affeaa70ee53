"""The sandbox page's 📎 button (emulator/static/attach.js → POST /api/attach): a newcomer tries /nhap
with a .docx, a scanned page or a photo, and sees the preview as in Telegram."""

from __future__ import annotations

import base64
import io
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from docx import Document

from bot.sandbox import Sandbox
from tests.domain.test_ocr_pages import pytestmark as needs_tesseract
from tests.ocr_pages import as_jpeg, render_pages
from tests.sandbox.test_sandbox_api import Page, _find

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "001_7f2e9915450f735b.txt"


@pytest.fixture
async def page(sandbox: Sandbox) -> AsyncIterator[Page]:
    async with aiohttp.ClientSession() as http:
        yield Page(sandbox, http)


async def attach(page: Page, filename: str, data: bytes, *, as_photo: bool = False, caption: str = "") -> dict:
    """Attach as the chair; the bot's preview (a scan is first acknowledged, then previewed)."""
    since = page.sb.world.cursor()
    body = {"user": page.who("chair"), "chat": page.group, "filename": filename, "caption": caption,
            "data": base64.b64encode(data).decode(), "as_photo": as_photo}
    await page.post("/api/attach", body)
    answer = await page.sb.world.wait_for(lambda m: "Xem trước" in m.plain, chat=page.group, since=since,
                                          timeout=60)
    await page.sb.idle()
    return _find(await page.messages("chair", page.group), answer.message_id)


async def test_a_docx_attached_on_the_page_is_imported(page: Page) -> None:
    document = Document()
    document.add_paragraph("Kết luận giao ban tháng 12")
    document.add_paragraph("1. Giao Văn phòng HĐND&UBND rà soát hồ sơ đất đai, xong trước ngày 15/12/2026.")
    document.add_paragraph("2. Giao Công an phường kiểm tra camera an ninh trước 20/12/2026.")
    out = io.BytesIO()
    document.save(out)
    preview = await attach(page, "ket-luan.docx", out.getvalue(), caption="/nhap")
    assert "Xem trước: 2 nhiệm vụ" in preview["plain"] and "15/12/2026" in preview["plain"]
    sent = [m for m in await page.messages("chair", page.group) if m.get("document")]
    assert sent[-1]["caption"] == "/nhap" and sent[-1]["document"]["file_name"] == "ket-luan.docx"


@needs_tesseract
async def test_a_photo_attached_on_the_page_is_read_and_previewed(page: Page) -> None:
    (paper,) = render_pages(SEED.read_text(encoding="utf-8"), angle=1.0, seed=5)
    photo = as_jpeg(paper.resize((round(paper.width * 1280 / paper.height), 1280)), 85)
    preview = await attach(page, "IMG_0412.jpg", photo, as_photo=True, caption="/nhap")
    assert "Xem trước:" in preview["plain"] and "đọc từ ảnh" in preview["plain"]
    sent = [m for m in await page.messages("chair", page.group) if m.get("photo")]
    assert sent and sent[-1]["photo_url"].startswith("/api/file/")


async def test_an_empty_or_broken_upload_is_refused_with_a_reason(page: Page) -> None:
    body = {"user": page.who("chair"), "chat": page.group, "filename": "a.pdf", "data": "!!not base64!!"}
    refused = await page.post("/api/attach", body, status=400)
    assert "tệp rỗng" in refused["error"]


async def test_a_photo_sent_as_a_photo_reaches_the_bot_as_telegram_sends_it(page: Page) -> None:
    """qa10: Telegram recompresses a picture sent as a photo (at most 1280 px, JPEG); the sandbox handed the
    bot the phone's full-size picture, so a photo's OCR read better on the page than through Telegram. Sent
    as a file (Shift + 📎), it stays as it was. (Sandbox.attach is what POST /api/attach calls.)"""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (3000, 4000), "white").save(out, format="PNG")
    photo = page.sb.attach(page.who("chair"), page.group, "IMG_2031.png", out.getvalue(), "ảnh", as_photo=True)
    document = page.sb.attach(page.who("chair"), page.group, "IMG_2031.png", out.getvalue(), "ảnh")
    assert photo.photo is not None and (photo.photo.width, photo.photo.height) == (960, 1280)
    assert photo.photo.data[:3] == b"\xff\xd8\xff"  # a JPEG now
    assert document.document is not None and document.document.data == out.getvalue()
    await page.sb.idle()
