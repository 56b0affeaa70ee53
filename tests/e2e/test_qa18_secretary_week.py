"""qa18: what a secretary's week in the sandbox (qa17) left: each fault asserted as the people concerned see it
(or as it is stored)."""

from __future__ import annotations

from sqlalchemy import select

from db.models import PendingInput, TaskEvent, Unit
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import bot_messages_since, committee, docx_of, preview_after, save, what

CONCLUSION = ("Kết luận giao ban\n1. Văn phòng rà soát hồ sơ một cửa trước ngày 15/12.\n"
              "2. Công an phường kiểm tra camera an ninh trước ngày 20/12.")


async def _notes(env: Env, task_id: int) -> list[str | None]:
    async with env.sessions() as s:
        return list(await s.scalars(select(TaskEvent.note).where(TaskEvent.task_id == task_id)))


async def _units(env: Env) -> list[str]:
    async with env.sessions() as s:
        return sorted(u.name for u in await s.scalars(select(Unit).where(Unit.active.is_(True))))


async def test_a_unit_the_preview_calls_new_is_saved_as_a_new_unit(env: Env) -> None:
    """The preview listed «UBND quận» as a new unit beside a new «UBND»; saved, it was merged into «UBND»
    (added by the item above it a moment earlier): in a ward committee the district's people's committee
    is another body, and the preview is what the secretary agreed to."""
    chair, _member, group = await committee(env)
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap Kết luận giao ban\n"
                        "1. Giao UBND rà soát hộ nghèo trước ngày 15/12.\n"
                        "2. Giao UBND quận hỗ trợ kinh phí sửa chữa nhà văn hoá trước ngày 20/12.\n"
                        "3. Giao Phòng Văn hoá và Thông tin tuyên truyền trước ngày 20/12.")
    pages = await preview_after(env, group, cursor)
    shown = "\n".join(p.plain for p in pages)
    assert "Chủ trì: UBND ·" in shown and "Chủ trì: UBND quận ·" in shown
    saved = await what(env, await save(env, chair, pages))
    assert [leads for _text, _due, leads in saved] == [["UBND"], ["UBND quận"], ["Phòng VH-TT"]]
    assert await _units(env) == ["Phòng VH-TT", "UBND", "UBND quận"]
    told = bot_messages_since(env, group, cursor)[-1].plain
    assert "«UBND», «UBND quận», «Phòng VH-TT»" in told


async def test_a_member_sending_a_file_to_import_is_refused_before_it_is_read(env: Env) -> None:
    """A plain member sent the signed scan with «/nhap» in the group: the bot read it (the photo's OCR took
    seconds, «Đang đọc…» said in the group) and only then said he may not. Refused at once, nothing read."""
    _chair, member, group = await committee(env)
    w = env.world
    for send in (lambda: w.send_document(member, group, "ket_luan.docx", docx_of(CONCLUSION), caption="/nhap"),
                 lambda: w.send_photo(member, group, b"\x89PNG not really", caption="/nhap")):
        cursor = len(w.bot_messages(group))
        send()
        await w.wait_until(lambda c=cursor: len(bot_messages_since(env, group, c)) > 0, timeout=20)
        await env.idle()
        [answer] = bot_messages_since(env, group, cursor)
        assert "Chỉ Trưởng ban hoặc thư ký mới được nhập kết luận" in answer.plain
    assert w.calls["getFile"] == 0
    async with env.sessions() as s:
        assert not list(await s.scalars(select(PendingInput)))


async def test_a_task_command_typed_privately_for_a_number_in_two_committees_offers_a_button_each(env: Env) -> None:
    """Bình has #1 in two committees; «/xong 1 đã gửi báo cáo …» in his private chat named both and told him
    to type it in the group: what he wrote was lost. A button each now runs it there, his note kept."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê", username="binh_le")
    ward = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh])
    other = w.add_group("BCĐ Cải cách hành chính", creator=chair, members=[binh])
    w.start_private(binh)
    await env.say(chair, ward, "/giao @binh_le tổng hợp số liệu trước 2/12")
    await env.say(chair, other, "/giao @binh_le rà soát thủ tục trước 2/12")

    asked = await env.say(binh, binh, "/xong 1 đã gửi báo cáo qua hộp thư công vụ")
    assert "Sài Đồng" in asked.plain and "Cải cách hành chính" in asked.plain
    assert "gõ lệnh trong nhóm" not in asked.plain
    [to_ward, to_other] = asked.button_texts()
    assert "Sài Đồng" in to_ward
    assert "#1" in to_other and "Cải cách hành chính" in to_other
    await env.press(binh, asked, to_other)
    done = await env.task(1, other)
    assert done.status == "done" and (await env.task(1, ward)).status == "open"
    assert "#1 đã hoàn thành" in w.bot_messages(binh)[-1].plain
    assert "đã gửi báo cáo qua hộp thư công vụ" in await _notes(env, done.id)

    # /tiendo the same way: the words after the number are the progress, in the committee chosen.
    await env.say(chair, other, "/giao @binh_le cập nhật thủ tục lên cổng dịch vụ công trước 9/12")  # #2 there
    await env.say(chair, ward, "/giao @binh_le lắp đặt wifi nhà văn hoá trước 9/12")  # and #2 here
    asked = await env.say(binh, binh, "/tiendo 2 đã lắp xong 3/5 điểm")
    await env.press(binh, asked, next(t for t in asked.button_texts() if "Sài Đồng" in t))
    assert "đã lắp xong 3/5 điểm" in await _notes(env, (await env.task(2, ward)).id)
    assert "đã lắp xong 3/5 điểm" not in await _notes(env, (await env.task(2, other)).id)


async def test_a_one_item_correction_edits_the_preview_in_place_and_saving_marks_every_part(env: Env) -> None:
    """Each «3 hạn 20/12» re-sent the whole preview (about 7,000 characters, two messages); after saving, the
    old part 1/2 stayed on screen as if still waiting. Only the message holding the item is edited now, and
    once saved every part says so, with no buttons left but the saved message's own."""
    chair, _member, group = await committee(env)
    w = env.world
    text = "/nhap Kết luận giao ban Ban chỉ đạo\n" + "\n".join(
        f"{n}. Văn phòng rà soát, tổng hợp hồ sơ đề nghị hỗ trợ của các hộ gia đình thuộc tổ dân phố số {n}, "
        f"đối chiếu với danh sách do Hội Chữ thập đỏ phường cung cấp và báo cáo kết quả bằng văn bản "
        f"trước ngày {n + 5}/12." for n in range(1, 17)
    )
    cursor = len(w.bot_messages(group))
    w.send_text(chair, group, text)
    first, last = await preview_after(env, group, cursor)
    assert "(phần 1/2)" in first.plain and "hạn 30/12" not in first.plain

    cursor = len(w.bot_messages(group))
    edits = w.calls["editMessageText"]
    fixed = await env.say(chair, group, "1 hạn 30/12", reply_to=last)
    assert "Mục 1: hạn mới 30/12/2026" in fixed.plain
    await env.idle()
    assert "Đã sửa ngay trong bản xem trước ở trên" in fixed.plain and "ở bên dưới" not in fixed.plain
    assert [m.message_id for m in bot_messages_since(env, group, cursor)] == [fixed.message_id]  # none re-sent
    assert w.calls["editMessageText"] == edits + 1  # the part with item 1, and only it
    first, last = w.message(group, first.message_id), w.message(group, last.message_id)
    assert "📅 Hạn: 30/12/2026" in first.plain and first.plain.count("30/12/2026") == 1
    assert len(first.plain) <= 4096 and any("Lưu tất cả (16)" in t for t in last.button_texts())

    saved = await what(env, await save(env, chair, [first, last]))
    assert saved[0][1].isoformat() == "2026-12-30" and len(saved) == 16
    first, last = w.message(group, first.message_id), w.message(group, last.message_id)
    assert first.plain.startswith("💾 Bản xem trước này đã được lưu thành nhiệm vụ") and not first.button_texts()
    assert "Đã lưu 16 nhiệm vụ" in last.plain and not any("Lưu tất cả" in t for t in last.button_texts())
    assert not [m for m in w.bot_messages(group) if any("Lưu tất cả" in t for t in m.button_texts())]


async def test_the_group_is_told_when_a_member_made_an_administrator_becomes_chair(env: Env) -> None:
    """Hoa was made an administrator of the group: by Telegram's rule she became a chair (approves extensions,
    cancels tasks), and the group was told nothing — except when the committee had had no chair at all."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    minh = w.add_user("Minh", "Trần", username="minh_thuky")
    hoa = w.add_user("Hoa", "Lê", username="hoa_vanphong")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[minh, hoa],
                        bot_status="administrator")
    await env.say(chair, group, "/vaitro @minh_thuky thuky")

    cursor = len(w.bot_messages(group))
    w.promote_admin(group, hoa)
    await w.wait_for(lambda m: "Hoa Lê" in m.plain, chat=group)
    await env.idle()
    [told] = bot_messages_since(env, group, cursor)
    assert "Hoa Lê vừa được đặt làm quản trị viên nhóm nên là Trưởng ban từ nay" in told.plain

    cursor = len(w.bot_messages(group))
    w.promote_admin(group, minh)
    await w.wait_for(lambda m: "Minh Trần" in m.plain, chat=group)
    await env.idle()
    [told] = bot_messages_since(env, group, cursor)
    assert "Minh Trần (Thư ký) vừa được đặt làm quản trị viên nhóm nên có quyền Trưởng ban" in told.plain
    assert "thôi quản trị thì lại là Thư ký" in told.plain

    # No longer an administrator, then made one again: a change each time, said each time it makes her chair.
    w.demote_admin(group, hoa)
    await env.idle()
    cursor = len(w.bot_messages(group))
    w.promote_admin(group, hoa)
    await w.wait_for(lambda m: "Hoa Lê" in m.plain, chat=group)
    await env.idle()
    assert len(bot_messages_since(env, group, cursor)) == 1


async def test_a_long_preview_cancelled_says_so_in_every_part(env: Env) -> None:
    """«✖️ Huỷ» under part 2/2: part 1/2 above still read as a preview waiting for «Lưu tất cả»."""
    chair, _member, group = await committee(env)
    w = env.world
    text = "/nhap Kết luận giao ban Ban chỉ đạo\n" + "\n".join(
        f"{n}. Văn phòng rà soát, tổng hợp hồ sơ đề nghị hỗ trợ của các hộ gia đình thuộc tổ dân phố số {n}, "
        f"đối chiếu với danh sách do Hội Chữ thập đỏ phường cung cấp và báo cáo kết quả bằng văn bản "
        f"trước ngày {n + 5}/12." for n in range(1, 17)
    )
    cursor = len(w.bot_messages(group))
    w.send_text(chair, group, text)
    first, last = await preview_after(env, group, cursor)
    await env.press(chair, last, "✖️ Huỷ")
    first = w.message(group, first.message_id)
    assert first.plain.startswith("✖️ Bản xem trước này đã được huỷ") and "Văn phòng rà soát" in first.plain
    assert await env.task_count() == 0


async def test_a_correction_that_changes_the_split_sends_the_preview_again_and_the_old_buttons_go(env: Env) -> None:
    """Item 1 rewritten much shorter («✏️ Sửa mục…»): the preview now fits one message, so it is sent again —
    and the replaced preview's «💾 Lưu tất cả» is taken away instead of looking alive above it."""
    chair, _member, group = await committee(env)
    w = env.world
    text = "/nhap Kết luận giao ban Ban chỉ đạo\n" + "\n".join(
        f"{n}. Văn phòng rà soát, tổng hợp hồ sơ đề nghị hỗ trợ của các hộ gia đình thuộc tổ dân phố số {n}, "
        f"đối chiếu với danh sách do Hội Chữ thập đỏ phường cung cấp và báo cáo kết quả bằng văn bản "
        f"trước ngày {n + 5}/12." for n in range(1, 13)
    )
    cursor = len(w.bot_messages(group))
    w.send_text(chair, group, text)
    old = await preview_after(env, group, cursor)
    assert len(old) == 2
    await env.press(chair, old[-1], "✏️ Sửa mục…")
    picking = w.message(group, old[-1].message_id)
    data = [b["callback_data"] for row in picking.buttons for b in row]
    pick = w.press_button(chair, picking, next(d for d in data if d.endswith(":fix:1")))
    await w.wait_until(lambda: pick.answered)
    await env.idle()
    question = w.bot_messages(group)[-1]
    cursor = len(w.bot_messages(group))
    w.send_text(chair, group, "1. Văn phòng rà soát hồ sơ trước ngày 6/12.", reply_to=question)
    [new] = await preview_after(env, group, cursor)
    assert "1. Văn phòng rà soát hồ sơ trước ngày 6/12." in new.plain and "(phần" not in new.plain
    assert not w.message(group, old[-1].message_id).button_texts()
    assert any("Lưu tất cả (12)" in t for t in new.button_texts())
