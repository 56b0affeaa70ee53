"""(docs13) A signed notice as it comes back from the office scanner: 200 dpi, turned 2°, the red round
seal stamped over the signature and the end of the last paragraph, in an image-only PDF — read by the real
Tesseract (skipped without it, as test_ocr_pages is). One page, to keep OCR short."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image, ImageChops, ImageDraw, ImageFont

from bot.tesseract import SystemTools
from domain.understand.conclusion import split_conclusion
from domain.understand.documents import read_document
from tests.domain.test_ocr_pages import pytestmark  # noqa: F401  (skipped as they are)
from tests.domain.test_qa7_office_scans import HEAD, SIGN, TITLE
from tests.ocr_pages import DPI, render_notice, serif_font

BODY = [
    "Sau khi nghe báo cáo, đồng chí Trưởng Ban Chỉ đạo kết luận như sau:",
    "1. Giao Văn phòng HĐND-UBND phường chủ trì, phối hợp Công an phường rà soát, cập nhật dữ liệu dân cư, "
    "hoàn thành trước ngày 15/12/2026.",
    "2. Giao Trạm Y tế phường rà soát danh sách người cao tuổi, hoàn thành trước ngày 18/12/2026.",
    "3. Giao Trường Tiểu học Sài Đồng tổ chức tập huấn kỹ năng số cho giáo viên, hoàn thành trước ngày 25/12/2026.",
    "Văn phòng HĐND-UBND phường thông báo để các đơn vị, cá nhân liên quan biết, thực hiện./.",
]


def _sealed(page: Image.Image, cx: int, cy: int, r: int) -> Image.Image:
    """A red round seal (two rings, the agency's name) multiplied over the ink, as a stamp prints."""
    layer = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    red = (215, 40, 45)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=max(4, r // 25))
    inner = r * 0.78
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=red, width=max(3, r // 40))
    font = ImageFont.truetype(serif_font() or "", max(10, r // 6))
    draw.text((cx, cy), "UBND PHƯỜNG", font=font, fill=red, anchor="mm")
    draw.text((cx, cy + r // 4), "SÀI ĐỒNG", font=font, fill=red, anchor="mm")
    return ImageChops.multiply(page.convert("RGB"), layer)


def test_a_sealed_scan_turned_two_degrees_gives_the_tasks_of_its_text() -> None:
    page = render_notice(HEAD, TITLE, BODY, SIGN, angle=0.0, points=14)[0]
    w, h = page.size
    page = _sealed(page, int(w * 0.70), int(h * 0.53), int(DPI * 0.8))
    page = page.rotate(2.2, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=DPI)
    read = read_document("thong-bao-da-ky.pdf", out.getvalue(), SystemTools(240))
    found = [([a.text for a in d.assignees.lead], d.deadline.due)
             for d in split_conclusion(read.text, date(2026, 11, 19)).directives]
    assert found == [
        (["Văn phòng HĐND-UBND phường"], date(2026, 12, 15)),
        (["Trạm Y tế phường"], date(2026, 12, 18)),
        (["Trường Tiểu học Sài Đồng"], date(2026, 12, 25)),
    ]
