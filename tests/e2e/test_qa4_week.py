"""A ward committee's week in the sandbox, as its people use it (helper qa4): what they saw go wrong,
replayed through the emulator (the e2e clock is Monday 23/11/2026, 09:00)."""

from __future__ import annotations

from datetime import date

from tests.e2e.conftest import Env
from tests.e2e.test_reminders_e2e import at, reminders, wake
from tests.e2e.wardkit import chair_and_group, office_with_contact

__all__ = ["reminders"]  # the fixture, imported for the reminder test below

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
    chair, group = chair_and_group(env)
    await env.say(chair, group, "/donvi them Văn phòng = VP")
    await env.say(chair, group, "/donvi them Công an phường = CA")

    first = await env.say(chair, group, "/nhap\n" + CONCLUSION)
    assert "Xem trước: 3 nhiệm vụ" in first.plain and "31/03/2027" in first.plain
    w.send_text(chair, group, "3 hạn 31/1/2027", reply_to=first)
    await w.wait_for(lambda m: "Mục 3" in m.plain, chat=group)
    await env.idle()
    previews = [m for m in w.bot_messages(group) if "Xem trước" in m.plain]
    # (qa18) the correction edits the preview where it stands: no second copy whose buttons could save
    # what it does not show (a preview sent again, its split changed, takes the old one's buttons away).
    assert len(previews) == 1 and "31/01/2027" in previews[0].plain and "31/03/2027" not in previews[0].plain
    new = w.message(group, previews[0].message_id)
    assert new.message_id == first.message_id

    await env.press(chair, new, "💾 Lưu tất cả (3)")
    assert (await env.task(3, group)).due_current == date(2027, 1, 31)
    saved = w.message(group, new.message_id)
    # The preview's buttons are gone; only the undo of the whole import stays (test_import_undo.py).
    assert saved.button_texts() == ["↩️ Hoàn tác lần nhập này"] and "Đã lưu 3 nhiệm vụ" in saved.plain


async def test_a_contact_reports_by_command_in_her_private_chat(env: Env) -> None:
    """Hoa, the Văn phòng's contact, gets her reminders privately, and the bot's /start there lists
    «/xong <số> · /tiendo <số> · /giahan <số>» under «Báo cáo (người thực hiện)»; typed there they
    only answered «Lệnh này dùng trong nhóm của Ban chỉ đạo.» In a private chat the number is one of
    her own open tasks (as /viec lists them), reported as from the reminder's buttons: told in the group."""
    w = env.world
    office = await office_with_contact(env)
    chair, hoa, group = office.chair, office.hoa, office.group
    await env.say(chair, group, "/giao VP rà soát thủ tục hành chính xong trước ngày 04/12/2026")
    await env.say(chair, group, "/giao VP xây dựng kế hoạch chuyển đổi số năm 2027 trước ngày 15/12/2026")
    await env.say(chair, group, "/giao @lan_truongban chuẩn bị nội dung giao ban trước ngày 10/12/2026")
    w.start_private(hoa)
    await env.idle()

    said = await env.say(hoa, hoa, "/tiendo 1 đã rà soát 40/95 thủ tục")
    assert "Đã ghi tiến độ #1" in said.plain
    said = await env.say(hoa, hoa, "/giahan 2 31/12 chờ số liệu của các tổ dân phố")
    assert "Đã gửi đề nghị gia hạn #2" in said.plain
    said = await env.say(hoa, hoa, "/vuongmac 2 chưa có số liệu dân cư của tổ 5")
    assert "#2" in said.plain and "chưa có số liệu dân cư của tổ 5" in said.plain
    said = await env.say(hoa, hoa, "/xong 1 đã cập nhật lên Cổng dịch vụ công")
    assert "#1 đã hoàn thành" in said.plain
    await env.idle()
    group_lines = [m.plain for m in w.bot_messages(group)]
    assert any("báo tiến độ #1 (qua tin nhắn riêng): đã rà soát 40/95 thủ tục" in t for t in group_lines)
    assert any("báo hoàn thành #1 (qua tin nhắn riêng)" in t for t in group_lines)
    assert any("báo vướng mắc #2 (qua tin nhắn riêng): chưa có số liệu dân cư của tổ 5" in t for t in group_lines)
    ask = [m for m in w.bot_messages(group) if "xin gia hạn nhiệm vụ #2" in m.plain]
    assert len(ask) == 1 and "Đồng ý" in " ".join(ask[0].button_texts())
    assert (await env.task(1, group)).status == "done"

    # Not her task (the chair's #3), a number nobody has: said, with where to look; nothing changes.
    refused = await env.say(hoa, hoa, "/xong 3")
    assert "#3" in refused.plain and "/viec" in refused.plain
    assert (await env.task(3, group)).status == "open"
    assert "/viec" in (await env.say(hoa, hoa, "/tiendo 9 xong một nửa")).plain


async def test_in_a_private_chat_a_number_open_in_two_committees_is_asked_about(env: Env) -> None:
    w = env.world
    hoa = w.add_user("Hoa", "Lê", username="hoa_vanphong")
    ward = w.add_group("BCĐ Chuyển đổi số phường", creator=hoa, members=[])
    reform = w.add_group("BCĐ Cải cách hành chính phường", creator=hoa, members=[])
    await env.say(hoa, ward, "/giao @hoa_vanphong rà soát hồ sơ trước ngày 04/12/2026")
    await env.say(hoa, reform, "/giao @hoa_vanphong niêm yết thủ tục trước ngày 05/12/2026")
    w.start_private(hoa)
    await env.idle()
    asked = await env.say(hoa, hoa, "/xong 1")
    assert "BCĐ Chuyển đổi số phường" in asked.plain and "BCĐ Cải cách hành chính phường" in asked.plain
    assert (await env.task(1, ward)).status == "open" and (await env.task(1, reform)).status == "open"


async def test_the_next_period_of_a_weekly_duty_is_not_said_to_be_given_by_the_contact(env: Env) -> None:
    """Hoa closed the weekly report #1 (Văn phòng's duty); /xem of the next period #2 said «Lê Thị Hoa:
    giao việc» — as if the contact had given the committee a task. The new period is the bot's, after
    #1 was closed; the duty was the chair's."""
    office = await office_with_contact(env)
    chair, hoa, group = office.chair, office.hoa, office.group
    given = await env.say(chair, group, "/giao VP định kỳ hàng tuần báo cáo tiến độ số hóa hồ sơ")
    assert "#1" in given.plain
    done = await env.say(hoa, group, "/xong 1 đã gửi báo cáo tuần")
    assert "#2" in done.plain
    shown = (await env.say(chair, group, "/xem 2")).plain
    history = shown.split("Lịch sử", 1)[1]
    assert f"{hoa.full_name}: giao việc" not in history
    # qa16: said as an official reads it, not «bot»; the board's history says the same.
    assert "— Hệ thống tự động: tạo kỳ mới của việc định kỳ: sau khi #1 hoàn thành" in history
    assert "bot:" not in history
    assert (await env.task(2, group)).created_by == (await env.task(1, group)).created_by


async def test_the_list_of_a_unit_takes_the_first_words_of_its_name(env: Env) -> None:
    """«/ds Văn phòng» (and «/ds van phong») answered «Không có đơn vị «Văn phòng»» though /donvi
    lists «Văn phòng HĐND&UBND (VP)» and /giao took «Văn phòng» for it. The first words of one unit's
    name (or alias) are that unit; words two units begin with are said to be ambiguous (nobody is guessed)."""
    chair, group = chair_and_group(env)
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP")
    await env.say(chair, group, "/donvi them Hội Liên hiệp Phụ nữ phường")
    await env.say(chair, group, "/donvi them Hội Cựu chiến binh phường")
    await env.say(chair, group, "/giao VP rà soát hồ sơ một cửa trước ngày 15/12/2026")
    await env.say(chair, group, "/giao Hội Liên hiệp Phụ nữ phường tuyên truyền trước ngày 20/12/2026")
    for asked in ("/ds Văn phòng", "/ds van phong", "/ds văn phòng hđnd"):
        listed = (await env.say(chair, group, asked)).plain
        assert "của Văn phòng HĐND&UBND" in listed and "#1" in listed and "#2" not in listed, asked
    assert "#2" in (await env.say(chair, group, "/ds hoi lien hiep")).plain
    refused = (await env.say(chair, group, "/ds Hội")).plain
    assert "nhiều đơn vị" in refused and "Hội Cựu chiến binh phường" in refused
    assert "Hội Liên hiệp Phụ nữ phường" in refused and "#" not in refused
    assert "Không có đơn vị «Phòng Y tế»" in (await env.say(chair, group, "/ds Phòng Y tế")).plain


async def test_the_preview_says_the_meetings_date_once(env: Env) -> None:
    """The preview's meeting line read «Cuộc họp: Giao ban ngày 23/11/2026 — ngày 23/11/2026» (a title
    the bot made) and «… tại cuộc họp giao ban ngày 23/11/2026 — ngày 23/11/2026» (the one pasted)."""
    w = env.world
    chair, group = chair_and_group(env)
    await env.say(chair, group, "/donvi them Văn phòng = VP")
    made = (await env.say(chair, group, "/nhap\n1. Giao Văn phòng rà soát hồ sơ xong trước ngày 04/12/2026.")).plain
    assert "Cuộc họp: Giao ban ngày 23/11/2026\n" in made and "— ngày 23/11/2026" not in made
    await env.press(chair, w.bot_messages(group)[-1], "✖️ Huỷ")
    pasted = (await env.say(chair, group, "/nhap THÔNG BÁO KẾT LUẬN tại cuộc họp giao ban ngày 23/11/2026\n"
                            "1. Giao Văn phòng rà soát hồ sơ xong trước ngày 04/12/2026.")).plain
    assert pasted.count("23/11/2026") == 1, pasted
    dated = (await env.say(chair, group, "/nhap THÔNG BÁO KẾT LUẬN CUỘC HỌP BAN CHỈ ĐẠO\n"
                           "1. Giao Văn phòng rà soát hồ sơ xong trước ngày 04/12/2026.")).plain
    assert "— ngày 23/11/2026" in dated  # a title without its date keeps the date line


async def test_undo_under_an_old_confirmation_does_not_cancel_a_task_people_work_on(env: Env) -> None:
    """«↩️ Hoàn tác» stayed under the /giao confirmation: pressed days later, after the contact had
    reported progress, it cancelled the task as «ghi sai» — the progress thrown away, nobody told (only
    the old message was edited) — and a secretary could press it under the chair's confirmation though
    only the chair may cancel. Undo is for a slip: by the giver or the chair, before anyone else acted."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_truongban")
    minh = w.add_user("Minh", "Trần", username="minh_thuky")
    hoa = w.add_user("Hoa", "Lê", username="hoa_vanphong")
    group = w.add_group("BCĐ Chuyển đổi số phường", creator=chair, members=[minh, hoa])
    await env.say(chair, group, "/donvi them Văn phòng = VP")
    await env.say(chair, group, "/donvi gan VP @hoa_vanphong")
    await env.say(chair, group, "/vaitro @minh_thuky thuky")
    given = await env.say(chair, group, "/giao VP kiểm tra camera an ninh xong trước ngày 15/12/2026")
    slip = await env.say(chair, group, "/giao VP in tài liệu hội nghị xong trước ngày 10/12/2026")

    # The secretary may not undo the chair's directive (that is a cancellation).
    query = await env.press(minh, slip, "↩️ Hoàn tác")
    assert query.show_alert and "Trưởng ban" in (query.answer_text or "")  # type: ignore[attr-defined]
    assert (await env.task(2, group)).status == "open"

    await env.say(hoa, group, "/tiendo 1 đã kiểm tra 12/20 camera")
    env.advance(days=3)
    query = await env.press(chair, given, "↩️ Hoàn tác")
    assert query.show_alert and "/huy 1" in (query.answer_text or "")  # type: ignore[attr-defined]
    assert (await env.task(1, group)).status == "open"

    # A slip nobody else touched is still undone by the one who gave it, the secretary included.
    await env.press(chair, slip, "↩️ Hoàn tác")
    assert (await env.task(2, group)).status == "cancelled"
    own = await env.say(minh, group, "/giao VP chuẩn bị hội trường xong trước ngày 01/12/2026")
    await env.press(minh, own, "↩️ Hoàn tác")
    assert (await env.task(3, group)).status == "cancelled"


async def test_the_chair_told_of_an_overdue_task_without_contact_gets_the_chairs_buttons(reminders: Env) -> None:
    """#7 of the Đoàn Thanh niên (no contact person yet) went 3 working days overdue: the group's
    reminder named the chair («👤 Nguyễn Thị Lan») but carried only «✅ Xong #7 · 📝 Tiến độ #7 · ⏳ Gia
    hạn #7 · 🚧 Vướng mắc #7» — buttons for an assignee nobody is — not the chair's «📅 Hạn mới · 👤 Giao
    lại · 🗒 Ghi chú» the README promises, though «Giao lại» is what a task without anyone needs."""
    env = reminders
    w = env.world
    chair, group = chair_and_group(env)
    await env.say(chair, group, "/donvi them Đoàn Thanh niên phường = Đoàn TN")
    await env.say(chair, group, "/giao Đoàn TN hỗ trợ cài đặt VNeID tại tổ dân phố trước ngày 25/11/2026")
    for day in (25, 26, 27, 30):
        await wake(env, at(2026, 11, day, 8, 0))
    escalated = [m for m in w.bot_messages(group) if "🔺" in m.plain]
    assert escalated, [m.plain for m in w.bot_messages(group)]
    buttons = escalated[-1].button_texts()
    assert "📅 Hạn mới #1" in buttons and "👤 Giao lại #1" in buttons, buttons
    # They work there, for the chair: a new deadline asked for by reply, and set.
    query = await env.press(chair, escalated[-1], "📅 Hạn mới #1")
    assert not query.show_alert, query.answer_text  # type: ignore[attr-defined]
    asked = [m for m in w.bot_messages(group) if m.message_id > escalated[-1].message_id][-1]
    w.send_text(chair, group, "15/12/2026", reply_to=asked)
    await w.wait_for(lambda m: "15/12/2026" in m.plain and m.message_id > asked.message_id, chat=group)
    await env.idle()
    assert (await env.task(1, group)).due_current == date(2026, 12, 15)


async def test_two_word_keywords_are_understood_as_written(env: Env) -> None:
    """«/ds quá hạn» (as the README's table words it) and «/ds qua han» answered «Không có đơn vị «qua
    han»»; «/sua 1 nội dung …» made the task's text «nội dung …». Only the one-word spellings
    (quahan, noidung) worked: a keyword of two words was compared with the first word only."""
    chair, group = chair_and_group(env)
    await env.say(chair, group, "/donvi them Văn phòng = VP")
    await env.say(chair, group, "/giao VP rà soát hồ sơ một cửa trước ngày 24/11/2026")
    await env.say(chair, group, "/giao VP kiểm tra camera trước ngày 27/11/2026")
    await env.say(chair, group, "/giao VP tổng kết năm trước ngày 20/12/2026")
    env.advance(days=2)
    for asked in ("/ds quá hạn", "/ds qua han", "/ds Quá Hạn"):
        listed = (await env.say(chair, group, asked)).plain
        assert "(quá hạn)" in listed and "#1" in listed and "#2" not in listed, (asked, listed)
    for asked in ("/ds tuần này", "/ds tuan nay"):
        listed = (await env.say(chair, group, asked)).plain
        assert "#2" in listed and "#3" not in listed, (asked, listed)
    edited = (await env.say(chair, group, "/sua 3 nội dung tổng kết năm 2026 và phương hướng 2027")).plain
    assert "Đã sửa #3" in edited
    assert (await env.task(3, group)).text == "tổng kết năm 2026 và phương hướng 2027"


async def test_the_export_caption_counts_as_the_summary_does(env: Env) -> None:
    """With one task cancelled, «/tonghop thang 11» said «Tổng số: 4 nhiệm vụ … Đã huỷ: 1 (không tính
    vào tổng số)» and the workbook's «Tổng cộng» row 4, but «/xuat thang 11/2026» was captioned «Tháng
    11/2026: 5 nhiệm vụ» (the rows listed, the cancelled one too)."""
    chair, group = chair_and_group(env)
    await env.say(chair, group, "/donvi them Văn phòng = VP")
    for k in range(1, 6):
        await env.say(chair, group, f"/giao VP việc số {k} xong trước ngày 2{k}/12/2026")
    await env.say(chair, group, "/huy 2 trùng việc")
    summary = (await env.say(chair, group, "/tonghop thang 11")).plain
    assert "Tổng số: 4 nhiệm vụ" in summary and "Đã huỷ: 1" in summary
    caption = (await env.say(chair, group, "/xuat thang 11/2026")).plain
    assert "4 nhiệm vụ" in caption and "5 nhiệm vụ" not in caption, caption
    assert "1 nhiệm vụ đã huỷ" in caption
