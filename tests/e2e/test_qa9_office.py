"""qa9: a ward secretary and chair using the bot as offices do (found by driving the sandbox page).

1. A Word conclusion imported in the private chat with the bot was saved with «Gõ /ds để xem» — but /ds
   in that chat only answers «Lệnh này dùng trong nhóm…» — and the committee's group was told nothing:
   the members and the chair did not see that five tasks had been given."""

from __future__ import annotations

from bot.texts import BTN_GATHER_DONE, BTN_UNDO_IMPORT
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import committee, docx_of, preview_after, save

CONCLUSION = (
    "Kết luận giao ban Ban chỉ đạo chuyển đổi số tháng 12\n"
    "1. Giao Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, xong trước ngày 15/12.\n"
    "2. Giao Công an phường kiểm tra hệ thống camera an ninh trong tháng 12."
)


async def test_a_conclusion_saved_in_the_private_chat_is_told_in_the_group(env: Env) -> None:
    chair, _member, group = await committee(env)
    await env.say(chair, chair, "/nhap")
    env.world.send_document(chair, chair, "ket-luan.docx", docx_of(CONCLUSION))
    got = await env.world.wait_for(lambda m: "Đã nhận 1 phần" in m.plain, timeout=30, chat=chair)
    await env.idle()
    cursor = len(env.world.bot_messages(chair))
    await env.press(chair, got, BTN_GATHER_DONE)
    pages = await preview_after(env, chair, cursor)
    in_group = len(env.world.bot_messages(group))
    tasks = await save(env, chair, pages)
    await env.idle()
    assert [t.number for t in tasks] == [1, 2]

    saved = next(m for m in reversed(env.world.bot_messages(chair)) if "Đã lưu" in m.plain)
    assert "Đã lưu 2 nhiệm vụ (#1–#2)" in saved.plain
    assert "Gõ /ds để xem" not in saved.plain  # a command that does not work in this chat
    assert "gõ /ds trong nhóm" in saved.plain and "/viec" in saved.plain
    told = [m.plain for m in env.world.bot_messages(group)[in_group:]]
    assert len(told) == 1
    assert "Lan Nguyễn đã nhập kết luận «Kết luận giao ban Ban chỉ đạo chuyển đổi số tháng 12»" in told[0]
    assert "(qua tin nhắn riêng): 2 nhiệm vụ #1–#2. Gõ /ds để xem." in told[0]

    # /ds typed in the private chat says where it works and what works here.
    answer = await env.say(chair, chair, "/ds")
    assert "hãy gõ trong nhóm" in answer.plain and "/viec" in answer.plain

    # Undone from the private chat: the group, told of the import, is told of the undo.
    in_group = len(env.world.bot_messages(group))
    await env.press(chair, saved, BTN_UNDO_IMPORT)
    await env.idle()
    told = [m.plain for m in env.world.bot_messages(group)[in_group:]]
    assert len(told) == 1 and "đã hoàn tác lần nhập kết luận" in told[0] and "#1–#2 được huỷ" in told[0]


async def test_a_conclusion_saved_in_the_group_is_not_told_twice(env: Env) -> None:
    chair, _member, group = await committee(env)
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap " + CONCLUSION)
    pages = await preview_after(env, group, cursor)
    await save(env, chair, pages)
    await env.idle()
    after = [m.plain for m in env.world.bot_messages(group)[cursor:]]
    assert any("Đã lưu 2 nhiệm vụ (#1–#2)" in t and "Gõ /ds để xem" in t for t in after)
    assert not any("qua tin nhắn riêng" in t for t in after)
