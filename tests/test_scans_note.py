"""What the /nhap preview says about a text read from images (handlers/scans.preview_note)."""

from __future__ import annotations

from handlers.scans import UNSURE_SHOWN, preview_note
from tests.conftest import no_database

pytestmark = no_database


def test_a_typed_text_gets_no_note() -> None:
    assert preview_note(None) == [] and preview_note({}) == []


def test_the_note_says_read_from_images_and_lists_the_lines_to_check() -> None:
    unsure = [f"dòng {k} có chữ <mờ> & nhòe" for k in range(1, 9)]
    note = "\n".join(preview_note({"pages": 3, "total_pages": 3, "unsure": unsure, "compressed": False}))
    assert "đọc từ ảnh" in note and "(3 trang)" in note
    assert "8 dòng máy đọc chưa chắc" in note
    assert "dòng 1 có chữ &lt;mờ&gt; &amp; nhòe" in note  # HTML-escaped: the preview is sent as HTML
    assert f"dòng {UNSURE_SHOWN} " in note and f"dòng {UNSURE_SHOWN + 1} " not in note
    assert f"và {8 - UNSURE_SHOWN} dòng nữa" in note
    assert "Telegram nén" not in note


def test_a_capped_a_stopped_and_a_compressed_reading_each_say_so() -> None:
    capped = "\n".join(preview_note({"pages": 10, "total_pages": 60, "unsure": []}))
    assert "Tệp có 60 trang, chỉ đọc 10 trang đầu" in capped and "không thấy dòng nào đáng ngờ" in capped
    stopped = "\n".join(preview_note({"pages": 4, "total_pages": 9, "unsure": [], "timed_out": True}))
    assert "dừng sau 4/9 trang" in stopped
    photo = "\n".join(preview_note({"pages": 1, "total_pages": 1, "unsure": ["x y z"], "compressed": True}))
    assert "gửi dạng tệp" in photo
