"""qa17: a week as a ward committee's secretary, in the sandbox on a phone. What was lost or confusing on the
way, each seen there first, asserted here as the people concerned see it (or as it is stored)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from db.models import TaskEvent
from emulator import text_mention
from tests.e2e.conftest import Env, Since
from tests.e2e.test_long_conclusion import committee, preview_after, save, what
from tests.e2e.test_reminders_e2e import committee_with_a_task


async def _notes(env: Env, task_id: int, kind: str) -> list[str | None]:
    async with env.sessions() as s:
        rows = await s.scalars(select(TaskEvent).where(TaskEvent.task_id == task_id, TaskEvent.kind == kind))
        return [e.note for e in rows]


async def test_the_reason_written_after_a_corrected_deadline_reaches_the_doer_and_the_history(env: Env) -> None:
    """«/sua 1 han 9/12 theo ý kiến Trưởng ban»: the date was taken and the reason dropped without a word — the
    unit's contact read «Người sửa: …. Bot sẽ nhắc theo hạn mới.» and nobody could later tell why it moved."""
    chair, binh, _an, group, _ = await committee_with_a_task(env)  # #1 due Wed 2/12; Bình has a private chat
    new = Since(env.world, binh, group)

    done = await env.say(chair, group, "/sua 1 han 9/12 theo ý kiến chỉ đạo của Bí thư Đảng uỷ")
    assert "Đã sửa #1: hạn → Thứ Tư, 09/12/2026" in done.plain
    assert "Lý do: theo ý kiến chỉ đạo của Bí thư Đảng uỷ" in done.plain
    [told] = new(binh)
    assert "hạn cũ: Thứ Tư, 02/12/2026" in told.plain
    assert "lý do: theo ý kiến chỉ đạo của Bí thư Đảng uỷ" in told.plain
    task = await env.task(1, group)
    assert await _notes(env, task.id, "deadline_changed") == ["theo ý kiến chỉ đạo của Bí thư Đảng uỷ"]
    shown = await env.say(chair, group, "/xem 1")
    assert "theo ý kiến chỉ đạo của Bí thư Đảng uỷ" in shown.plain

    # Only a date: no reason line, nothing invented.
    new = Since(env.world, binh)
    done = await env.say(chair, group, "/sua 1 han 10/12")
    assert "Lý do" not in done.plain and "lý do" not in new(binh)[0].plain


async def test_a_preview_item_whose_deadline_gives_no_day_says_it_will_have_none(env: Env) -> None:
    """«… trình Trưởng ban trước khi triển khai» was previewed «📅 Hạn: trước khi triển khai», read as a deadline the
    bot keeps; saved, the task had none and nobody was ever reminded. The preview says so and how to set one."""
    chair, _member, group = await committee(env)
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap Kết luận giao ban\n"
                        "1. Văn phòng xây dựng kế hoạch tuyên truyền, trình Trưởng ban trước khi triển khai.\n"
                        "2. Công an phường kiểm tra hệ thống camera an ninh trước ngày 15/12.")
    [page] = await preview_after(env, group, cursor)
    first, second = page.plain.split("\n\n2. ", 1)
    assert "📅 Hạn: không có hạn (kết luận ghi «trước khi triển khai»)" in first
    assert "Không có ngày cụ thể: lưu sẽ không có hạn, bot không nhắc hạn việc này" in first
    assert "1 hạn 30/11" in first  # the quick edit that gives it one, a week from the e2e clock's Monday 23/11
    assert "Không có ngày cụ thể" not in second and "📅 Hạn: 15/12/2026" in second

    # The quick edit it offers gives the item its day, and the warning goes.
    fixed = await env.say(chair, group, "1 hạn 30/11", reply_to=page)
    assert "Mục 1: hạn mới 30/11/2026" in fixed.plain
    await env.idle()
    newest = [m for m in env.world.bot_messages(group) if any("Lưu tất cả" in t for t in m.button_texts())][-1]
    assert "Không có ngày cụ thể" not in newest.plain
    saved = await what(env, await save(env, chair, [newest]))
    assert [due for _text, due, _leads in saved] == [date(2026, 11, 30), date(2026, 12, 15)]


async def test_a_long_preview_of_a_conclusion_already_saved_warns_by_its_buttons(env: Env) -> None:
    """The same conclusion sent again (as a .docx in the group after pasting it privately): the warning that
    every item is already saved was at the top of part 1/2; a phone opens on part 2/2, where every item's
    small «Trùng» line was lost among the others and «💾 Lưu tất cả (12)» sat under it."""
    chair, _member, group = await committee(env)
    text = "/nhap Kết luận giao ban Ban chỉ đạo\n" + "\n".join(
        f"{n}. Văn phòng rà soát, tổng hợp hồ sơ đề nghị hỗ trợ của các hộ gia đình thuộc tổ dân phố số {n}, "
        f"đối chiếu với danh sách do Hội Chữ thập đỏ phường cung cấp và báo cáo kết quả bằng văn bản "
        f"trước ngày {n}/12." for n in range(1, 13)
    )
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, text)
    pages = await preview_after(env, group, cursor)
    assert len(await what(env, await save(env, chair, pages))) == 12

    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, text)
    pages = await preview_after(env, group, cursor)
    assert len(pages) == 2 and "(phần 2/2)" in pages[-1].plain
    assert "có lẽ kết luận này đã được nhập rồi" in pages[0].plain
    last = pages[-1]
    assert any("Lưu tất cả (12)" in t for t in last.button_texts())
    assert "12/12 mục trùng nhiệm vụ đã lưu" in last.plain and "«Lưu tất cả» sẽ lưu cả các mục trùng" in last.plain

    # «🗑 Bỏ mục…» then «◀️ Quay lại»: the buttons' message, redrawn as a summary of the items above, says it too.
    await env.press(chair, last, "🗑 Bỏ mục…")
    await env.press(chair, env.world.message(group, last.message_id), "◀️ Quay lại")
    redrawn = env.world.message(group, last.message_id)
    assert any("Lưu tất cả (12)" in t for t in redrawn.button_texts())
    assert "12/12 mục trùng nhiệm vụ đã lưu" in redrawn.plain


async def test_the_roles_list_names_a_secretary_made_an_administrator_as_acting_chair(env: Env) -> None:
    """The secretary made an administrator in Telegram approves extensions, cancels tasks and changes the
    settings as the chair does; /vaitro listed him «Thư ký», and the chair could not tell who may approve."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    minh = w.add_user("Minh", "Trần", username="minh_thuky")
    hoa = w.add_user("Hoa", "Lê", username="hoa_vanphong")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[minh, hoa],
                        bot_status="administrator")
    await env.say(chair, group, "/vaitro @minh_thuky thuky")
    w.promote_admin(group, minh)
    await env.idle()
    await env.say(chair, group, "/giao @hoa_vanphong rà soát hồ sơ một cửa trước ngày 2/12")
    assert "Đã huỷ nhiệm vụ #1" in (await env.say(minh, group, "/huy 1 giao nhầm")).plain  # he acts as chair

    listed = (await env.say(hoa, group, "/vaitro")).plain
    assert "• Minh Trần — Trưởng ban (quản trị viên nhóm; thôi quản trị thì là Thư ký)" in listed
    assert "• Lan Nguyễn — Trưởng ban" in listed

    w.demote_admin(group, minh)
    await env.idle()
    listed = (await env.say(hoa, group, "/vaitro")).plain
    assert "• Minh Trần — Thư ký" in listed and "quản trị viên nhóm" not in listed


async def test_the_summary_says_who_left_the_group_with_tasks_still_open(env: Env) -> None:
    """Bình was removed from the group on Wednesday with #2 open; the chair did not reassign it. The Monday
    summary listed «Chủ trì: Bình Lê» and «Bình Lê: 0/1» as if he still had it: nobody was being reminded."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê")
    an = w.add_user("An", "Phạm")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh, an],
                        bot_status="administrator")
    await env.say(chair, group, ["/giao ", text_mention(an), " cập nhật tin bài lên Cổng TTĐT trước ngày 27/11"])
    await env.say(chair, group, ["/giao ", text_mention(binh), " tổng hợp danh sách hộ nghèo trước ngày 26/11"])
    w.remove_member(group, binh)
    await w.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()

    summary = (await env.say(chair, group, "/tonghop")).plain
    week = summary.split("Đến hạn trong tuần", 1)[1]
    assert "tổng hợp danh sách hộ nghèo" in week and "Bình Lê (đã rời nhóm)" in week
    people = summary.split("Giao trực tiếp cho cá nhân", 1)[1]
    assert "Bình Lê (đã rời nhóm): 0/1" in people
    assert "An Phạm: 0/1" in people and "An Phạm (đã rời nhóm)" not in summary

    # Back in the group, he has it again (db.membership.member_returned): no longer said.
    w.add_member(group, binh)
    await env.idle()
    assert "đã rời nhóm" not in (await env.say(chair, group, "/tonghop")).plain
