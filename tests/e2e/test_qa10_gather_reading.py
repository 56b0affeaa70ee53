"""qa10: «✅ Xong, phân tích» pressed while a photo sent to a private /nhap is still being read — what the
bot's own «⏳ Đang đọc chữ trong ảnh … bản xem trước có khi anh/chị bấm «Xong, phân tích»» invites. The
press answered «Chưa nhận được nội dung nào» when the photo was the first part, and analysed without it
otherwise (the text read a moment later was silently dropped: the gathering was gone). Now the press
waits for the reading, and the preview comes with the photo's text as soon as it is read."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from bot.texts import BTN_GATHER_DONE
from domain.understand.documents import DocumentError, Extracted
from handlers import scans
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import bot_messages_since, committee, preview_after

PHOTO_TEXT = (
    "1. Giao Văn phòng HĐND&UBND phường rà soát, cập nhật dữ liệu dân cư, hoàn thành trước ngày 15/12/2026.\n"
    "2. Giao Công an phường kiểm tra hệ thống camera an ninh, báo cáo kết quả trước ngày 10/12/2026."
)
TYPED = "3. Giao Trạm Y tế phường hướng dẫn người dân cài đặt ứng dụng sổ sức khoẻ điện tử trong tháng 12/2026."


def gated_reading(monkeypatch: pytest.MonkeyPatch, result: str | None) -> tuple[threading.Event, threading.Event]:
    """The photo's reading waits for the test (OCR takes seconds); `result`: its text, None: unreadable."""
    started, may_finish = threading.Event(), threading.Event()

    def slow_read(name: str, data: bytes, tools: Any) -> Extracted:
        started.set()
        assert may_finish.wait(30), "the reading was never released"
        if result is None:
            raise DocumentError("không thấy chữ trong ảnh")
        return Extracted(result)

    monkeypatch.setattr(scans, "read_document", slow_read)
    return started, may_finish


@pytest.mark.parametrize("typed_first", [False, True])
async def test_done_pressed_while_a_photo_is_read_waits_for_it(
    env: Env, monkeypatch: pytest.MonkeyPatch, typed_first: bool
) -> None:
    chair, _member, _group = await committee(env)
    started, may_finish = gated_reading(monkeypatch, PHOTO_TEXT)
    ack = await env.say(chair, chair, "/nhap")
    if typed_first:
        env.world.send_text(chair, chair, TYPED)
        ack = await env.world.wait_for(lambda m: "Đã nhận 1 phần" in m.plain, chat=chair, timeout=10)
    env.world.send_photo(chair, chair, b"\xff\xd8\xff" + bytes(2000), caption="trang 1")
    assert await asyncio.to_thread(started.wait, 10)
    cursor = len(env.world.bot_messages(chair))

    pressed = await env.press(chair, ack, BTN_GATHER_DONE)
    assert "đang đọc chữ trong ảnh" in str(pressed.answer_text)  # type: ignore[attr-defined]
    assert "Chưa nhận được nội dung nào" not in str(pressed.answer_text)  # type: ignore[attr-defined]
    assert not any("Xem trước" in m.plain for m in bot_messages_since(env, chair, cursor))

    may_finish.set()
    pages = await preview_after(env, chair, cursor)
    shown = "\n".join(p.plain for p in pages)
    assert ("Xem trước: 3 nhiệm vụ" if typed_first else "Xem trước: 2 nhiệm vụ") in shown
    assert "rà soát, cập nhật dữ liệu dân cư" in shown and "camera an ninh" in shown
    assert ("sổ sức khoẻ điện tử" in shown) is typed_first


async def test_done_pressed_while_an_unreadable_photo_is_read_analyses_what_was_typed(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    chair, _member, _group = await committee(env)
    started, may_finish = gated_reading(monkeypatch, None)
    await env.say(chair, chair, "/nhap")
    env.world.send_text(chair, chair, TYPED)
    ack = await env.world.wait_for(lambda m: "Đã nhận 1 phần" in m.plain, chat=chair, timeout=10)
    env.world.send_photo(chair, chair, b"\xff\xd8\xff" + bytes(2000))
    assert await asyncio.to_thread(started.wait, 10)
    cursor = len(env.world.bot_messages(chair))
    await env.press(chair, ack, BTN_GATHER_DONE)
    may_finish.set()
    pages = await preview_after(env, chair, cursor)
    said = "\n".join(m.plain for m in bot_messages_since(env, chair, cursor))
    assert "không thấy chữ trong ảnh" in said
    assert "Xem trước: 1 nhiệm vụ" in "\n".join(p.plain for p in pages)


async def test_a_file_or_photo_sent_to_the_bot_without_a_command_is_answered(env: Env) -> None:
    """A secretary sends the signed report straight to the bot, with no /nhap: the bot said nothing at all.
    Now it says what the file may be for and how; nothing is read."""
    chair, _member, _group = await committee(env)
    cursor = len(env.world.bot_messages(chair))
    env.world.send_document(chair, chair, "bao-cao-da-ky.docx", b"PK\x03\x04 not read")
    said = await env.world.wait_for(chat=chair, timeout=10)
    assert "Bot đã thấy tệp «bao-cao-da-ky.docx» nhưng chưa biết dùng vào việc gì" in said.plain
    assert "chú thích /nhap" in said.plain and "chú thích /xong <số> ghi chú" in said.plain
    env.world.send_photo(chair, chair, b"\xff\xd8\xff" + bytes(2000))
    said = await env.world.wait_for(lambda m: "ảnh" in m.plain, chat=chair, timeout=10)
    assert "Bot đã thấy ảnh" in said.plain and "chú thích /nhap" in said.plain
    assert not any("Xem trước" in m.plain for m in bot_messages_since(env, chair, cursor))
