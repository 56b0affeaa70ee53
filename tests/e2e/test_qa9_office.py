"""qa9: a ward secretary and chair using the bot as offices do (found by driving the sandbox page).

1. A Word conclusion imported in the private chat with the bot was saved with «Gõ /ds để xem» — but /ds
   in that chat only answers «Lệnh này dùng trong nhóm…» — and the committee's group was told nothing:
   the members and the chair did not see that five tasks had been given.
2. In the private chat an answer to the bot's question typed without «Trả lời» was met with silence."""

from __future__ import annotations

from bot.texts import BTN_GATHER_DONE, BTN_UNDO_IMPORT
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import committee, docx_of, preview_after, save
from tests.e2e.test_reminders_e2e import at, committee_with_a_task, reminders, wake

__all__ = ["reminders"]  # the fixture, used by name

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


# 2. Bình pressed «⏳ Xin gia hạn» under his private reminder; the app's reply to the bot's question was
#    dismissed (he left the chat and came back) and he typed «30/12 chờ số liệu…» as a plain message:
#    the bot said nothing and recorded nothing. In a private chat the bot is the only one he talks to.
async def test_an_answer_typed_without_reply_in_the_private_chat_answers_the_question(reminders: Env) -> None:
    env = reminders
    _chair, binh, _an, group, _ = await committee_with_a_task(env)
    await wake(env, at(2026, 11, 27, 8, 0))  # Friday: the first reminder of #1 (due Wednesday 2/12)
    reminder = env.world.last_bot_message(binh)
    assert reminder is not None and "#1" in reminder.plain
    await env.press(binh, reminder, "⏳ Xin gia hạn")
    answer = await env.say(binh, binh, "30/12 chờ số liệu của tổ dân phố")  # not a reply
    assert "Đã gửi đề nghị gia hạn #1" in answer.plain
    ask = await env.world.wait_for(lambda m: "✅ Đồng ý" in m.button_texts(), chat=group)
    assert "chờ số liệu của tổ dân phố" in ask.plain

    # Hours after a question, a plain text is not taken as its answer: the bot says how to answer.
    await env.press(binh, reminder, "📝 Báo cáo tiến độ")
    env.advance(hours=3)
    before = await env.events((await env.task(1, group)).id)
    told = await env.say(binh, binh, "cảm ơn")
    assert "Bot chưa ghi tin này" in told.plain and "Trả lời" in told.plain and "tiến độ của #1" in told.plain
    assert await env.events((await env.task(1, group)).id) == before


# 3. A photo of a printed page sent during a private /nhap on a server without Tesseract: «⏳ Đang đọc
#    chữ trong ảnh… khoảng 10 giây» came, and in the same second «máy chủ chưa cài Tesseract».
async def test_without_tesseract_a_photo_is_not_announced_as_being_read(env: Env, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from bot import tesseract
    from tests.ocr_pages import as_jpeg, render_pages

    real_which = shutil.which
    monkeypatch.setattr(tesseract.shutil, "which", lambda name: None if name == "tesseract" else real_which(name))
    chair, _member, _group = await committee(env)
    await env.say(chair, chair, "/nhap")
    cursor = len(env.world.bot_messages(chair))
    (page,) = render_pages("KẾT LUẬN\n1. Giao Công an phường rà soát camera an ninh trước ngày 25/12.", seed=3)
    env.world.send_photo(chair, chair, as_jpeg(page, quality=85))
    told = await env.world.wait_for(lambda m: "Tesseract" in m.plain, chat=chair, timeout=30)
    await env.idle()
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in told.plain
    said = [m.plain for m in env.world.bot_messages(chair)[cursor:]]
    assert not any("Đang đọc chữ" in t for t in said), said


# 4. «Giao Tổ dân phố số 5 …» in a Word conclusion was previewed and saved as «Chủ trì: Tổ dân phố»,
#    and «/giao Tổ dân phố số 7 …» went to that same unit: which residential group had the task was lost.
async def test_a_numbered_residential_group_keeps_its_number(env: Env) -> None:
    from sqlalchemy import select

    from db.models import TaskAssignee

    chair, _member, group = await committee(env)
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap Kết luận giao ban\n"
                        "1. Giao Tổ dân phố số 5 vận động người dân cài đặt ứng dụng VNeID trong tháng 01/2027.\n"
                        "2. Giao Công an phường kiểm tra camera an ninh trước ngày 20/12/2026.")
    pages = await preview_after(env, group, cursor)
    assert "Chủ trì: Tổ dân phố số 5" in pages[-1].plain
    await save(env, chair, pages)
    seven = await env.say(chair, group, "/giao Tổ dân phố số 7 dọn vệ sinh môi trường trước ngày 30/12")
    assert "Chủ trì: Tổ dân phố số 7" in seven.plain
    five = await env.say(chair, group, "/giao tổ dân phố số 5 niêm yết danh sách hộ nghèo trước ngày 30/12")
    assert "Chủ trì: Tổ dân phố số 5" in five.plain
    units = await env.say(chair, group, "/donvi")
    assert "Tổ dân phố số 5" in units.plain and "Tổ dân phố số 7" in units.plain
    leads: dict[int, int | None] = {}
    for n in (1, 3, 4):
        task = await env.task(n, group)
        async with env.sessions() as s:
            leads[n] = await s.scalar(
                select(TaskAssignee.unit_id).where(TaskAssignee.task_id == task.id, TaskAssignee.role == "lead")
            )
    assert leads[1] == leads[4] and leads[1] != leads[3]  # number 5 twice is one unit; number 7 another


# 5. A two-item preview taught «trả lời … bằng 3 hạn 20/12 (chỉ đổi hạn mục 3)»: copied as shown, it
#    answered «không có mục 3». The example names an item the preview has and a date a week ahead.
async def test_the_quick_edit_example_of_a_preview_can_be_copied_as_it_is(env: Env) -> None:
    chair, _member, group = await committee(env)
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap " + CONCLUSION)
    pages = await preview_after(env, group, cursor)
    shown = pages[-1].plain
    assert "mục 3" not in shown
    assert "2 hạn 30/11 (chỉ đổi hạn mục 2)" in shown  # Monday 23/11/2026 + 7 days
    fixed = await env.say(chair, group, "2 hạn 30/11", reply_to=pages[-1])
    assert "Mục 2: hạn mới 30/11/2026" in fixed.plain


# 6. /xem's history of a task whose contact asked for more time said «Lê Thị Hoa: xin gia hạn: chờ số liệu…»:
#    the reason, not the day asked for (the chair deciding later saw no date there).
async def test_the_history_of_a_request_names_the_day_asked_for(env: Env) -> None:
    chair, member, group = await committee(env)
    await env.say(chair, group, "/giao @minh_member rà soát hồ sơ một cửa xong trước ngày 4/12")
    asked = await env.say(member, group, "/giahan 1 11/12 chờ số liệu của tổ dân phố")
    assert "Đã gửi đề nghị gia hạn #1" in asked.plain
    shown = await env.say(member, group, "/xem 1")
    assert "xin gia hạn → 11/12/2026: chờ số liệu của tổ dân phố" in shown.plain
