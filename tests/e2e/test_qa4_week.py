"""A ward committee's week in the sandbox, as its people use it (helper qa4): what they saw go wrong,
replayed through the emulator (the e2e clock is Monday 23/11/2026, 09:00)."""

from __future__ import annotations

from datetime import date

from tests.e2e.conftest import Env

CONCLUSION = """KẾT LUẬN CỦA TRƯỞNG BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ PHƯỜNG
I. VỀ CẢI CÁCH HÀNH CHÍNH
1. Giao Văn phòng chủ trì, phối hợp Công an phường rà soát thủ tục trên Cổng dịch vụ công, xong trước ngày 04/12/2026.
2. Công an phường hướng dẫn người dân kích hoạt tài khoản định danh điện tử, hoàn thành trong tháng 12/2026.
II. NHIỆM VỤ KHÁC
3. Văn phòng xây dựng kế hoạch chuyển đổi số năm 2027, hoàn thành trong quý I/2027.
"""


async def test_an_old_preview_does_not_save_what_it_does_not_show(env: Env) -> None:
    """The secretary corrected item 3 by replying to the preview: a new preview came below, but the old
    one kept «💾 Lưu tất cả» under the old deadline (31/03). Pressing it there saved the corrected items
    and answered far up the chat, while the newest preview kept buttons that then only said «đã lưu hoặc
    huỷ». Now the old preview's buttons say it is old, save nothing and go; the newest one saves."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_truongban")
    group = w.add_group("BCĐ Chuyển đổi số phường", creator=chair, members=[])
    await env.say(chair, group, "/donvi them Văn phòng = VP")
    await env.say(chair, group, "/donvi them Công an phường = CA")

    first = await env.say(chair, group, "/nhap\n" + CONCLUSION)
    assert "Xem trước: 3 nhiệm vụ" in first.plain and "31/03/2027" in first.plain
    w.send_text(chair, group, "3 hạn 31/1/2027", reply_to=first)
    await w.wait_for(lambda m: "Mục 3" in m.plain, chat=group)
    await env.idle()
    previews = [m for m in w.bot_messages(group) if "Xem trước" in m.plain]
    assert len(previews) == 2 and "31/01/2027" in previews[1].plain
    old, new = (w.message(group, p.message_id) for p in previews)

    query = await env.press(chair, old, "💾 Lưu tất cả (3)")
    assert "đã cũ" in (query.answer_text or "") and query.show_alert  # type: ignore[attr-defined]
    assert await env.task_count() == 0
    assert w.message(group, old.message_id).buttons == []
    assert "31/03/2027" in w.message(group, old.message_id).plain  # not turned into «Đã lưu»

    await env.press(chair, new, "💾 Lưu tất cả (3)")
    assert (await env.task(3, group)).due_current == date(2027, 1, 31)
    saved = w.message(group, new.message_id)
    assert saved.buttons == [] and "Đã lưu 3 nhiệm vụ" in saved.plain
