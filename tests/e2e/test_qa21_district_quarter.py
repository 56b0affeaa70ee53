"""qa21: a district committee over a quarter (chair changes, extension requests, imports), as found in the sandbox."""

from __future__ import annotations

from emulator import Chat, User
from tests.e2e.conftest import Env


async def _district(env: Env) -> tuple[User, User, User, User, Chat]:
    """Tuấn (the office's IT officer) made the group; Hùng (vice-chairman) is its admin and the chair; Hoa is the
    contact of Văn phòng; the bot is an administrator, as the guide asks (Telegram tells it of demotions)."""
    w = env.world
    tuan = w.add_user("Tuấn", "Đỗ", username="tuan_cntt")
    hung = w.add_user("Hùng", "Trần Văn", username="hung_pct")
    dung = w.add_user("Dũng", "Nguyễn Tiến", username="dung_ct")
    hoa = w.add_user("Hoa", "Lê Thị", username="hoa_vp")
    group = w.add_group("BCĐ Chuyển đổi số quận Long Biên", creator=tuan, members=[dung, hoa], admins=[hung],
                        bot_status="administrator")
    w.start_private(hoa)
    await env.idle()
    await env.say(hung, group, "/donvi them Văn phòng HĐND&UBND quận = VP")
    await env.say(hung, group, "/donvi gan VP @hoa_vp")
    await env.say(hung, group, "/giao VP tham mưu kế hoạch chuyển đổi số năm 2027 trước ngày 4/12")
    return tuan, hung, dung, hoa, group


async def test_the_old_chair_demoted_in_telegram_is_said_in_the_group(env: Env) -> None:
    """Hùng was demoted and Dũng made admin: the group read «Dũng … là Trưởng ban từ nay» but nothing of Hùng,
    and Hoa's extension request waited for him. The group is now told, once, that Hùng is no longer the chair
    and who is; Hùng's press of «Đồng ý» is refused and the task keeps its deadline."""
    w = env.world
    tuan, hung, dung, hoa, group = await _district(env)
    private = w.private_chat(hoa)
    notice = next(m for m in w.bot_messages(private) if "#1 " in m.plain and m.buttons)
    await env.press(hoa, notice, "Xin gia hạn")
    await env.say(hoa, private, "15/12 chờ số liệu của các phường", reply_to=w.last_bot_message(private))
    request = next(m for m in w.bot_messages(group) if "xin gia hạn nhiệm vụ #1" in m.plain)

    cursor = len(w.bot_messages(group))
    w.demote_admin(group, hung, by=tuan)
    await env.idle()
    said = [m.plain for m in w.bot_messages(group)[cursor:]]
    assert said == ["👤 Hùng Trần Văn không còn là quản trị viên nhóm nên thôi quyền Trưởng ban (duyệt gia hạn, "
                    "huỷ nhiệm vụ, đổi cài đặt). Trưởng ban hiện nay: Tuấn Đỗ. Xem vai trò: /vaitro"]
    w.promote_admin(group, dung, by=tuan)
    await env.idle()
    assert "Dũng Nguyễn Tiến vừa được đặt làm quản trị viên" in w.bot_messages(group)[-1].plain

    query = await env.press(hung, request, "Đồng ý")
    assert query.show_alert and "Chỉ Trưởng ban" in (query.answer_text or "")  # type: ignore[attr-defined]
    assert (await env.task(1, group)).due_current.isoformat() == "2026-12-04"  # type: ignore[union-attr]
    roles = await env.say(dung, group, "/vaitro")
    assert "Hùng" not in roles.plain and "Dũng Nguyễn Tiến — Trưởng ban" in roles.plain


async def test_a_demoted_secretary_admin_stays_secretary_without_a_notice(env: Env) -> None:
    """The secretary made an admin (acting chair) and demoted again is the secretary still: no «thôi quyền
    Trưởng ban» line for a role she keeps."""
    w = env.world
    tuan, hung, _dung, _hoa, group = await _district(env)
    minh = w.add_user("Minh", "Phạm Thị", username="minh_thuky")
    w.add_member(group, minh, by=tuan)
    await env.idle()
    await env.say(hung, group, "/vaitro @minh_thuky thuky")
    w.promote_admin(group, minh, by=tuan)
    await env.idle()
    cursor = len(w.bot_messages(group))
    w.demote_admin(group, minh, by=tuan)
    await env.idle()
    assert not [m for m in w.bot_messages(group)[cursor:] if "thôi quyền Trưởng ban" in m.plain]
    assert "Minh Phạm Thị — Thư ký" in (await env.say(hung, group, "/vaitro")).plain


async def test_the_import_preview_shows_the_first_day_of_a_recurring_directive(env: Env) -> None:
    """«… báo cáo kết quả hàng tháng» was previewed as «📅 Hạn: 🔁 định kỳ (hằng tháng)» and saved due at the end
    of this month: the day the units are reminded of was nowhere to be checked before saving. The preview says
    it, and it is the day saved."""
    from tests.e2e.test_long_conclusion import preview_after, save

    w = env.world
    _tuan, hung, _dung, _hoa, group = await _district(env)
    await env.say(hung, group, "/donvi them Phòng Nội vụ = NV")
    cursor = len(w.bot_messages(group))
    w.send_text(hung, group, (
        "/nhap\nKết luận của Trưởng ban tại cuộc họp Ban Chỉ đạo chuyển đổi số quận ngày 23/11/2026\n"
        "1. Giao Phòng Nội vụ tổng hợp, báo cáo kết quả thực hiện chuyển đổi số hàng tháng.\n"
        "2. Giao Văn phòng HĐND&UBND quận rà soát hồ sơ một cửa, hoàn thành trước ngày 15/12/2026.\n"
    ))
    pages = await preview_after(env, group, cursor)
    shown = "\n".join(p.plain for p in pages)
    item1 = shown.split("\n1. ", 1)[1].split("\n2. ", 1)[0]
    assert "📅 Hạn: 30/11/2026 (kỳ đầu) · 🔁 định kỳ (hằng tháng)" in item1, item1
    tasks = await save(env, hung, pages)
    assert [t.due_current.isoformat() if t.due_current else None for t in tasks] == ["2026-11-30", "2026-12-15"]
    assert tasks[0].cadence == "monthly"


async def test_a_unit_asks_for_one_more_week_and_the_chair_gives_two(env: Env) -> None:
    """«/giahan 1 thêm 1 tuần chờ số liệu» (and the same words under «⏳ Xin gia hạn») got only «Cách dùng:
    /giahan <số> <hạn mới>»: the way units ask for more time. A week after the current deadline (4/12) is asked
    for, with the reason; the chair's «thêm 2 tuần» sets 18/12 at once."""
    w = env.world
    _tuan, hung, _dung, hoa, group = await _district(env)
    asked = await env.say(hoa, group, "/giahan 1 thêm 1 tuần chờ số liệu của các phường")
    assert asked.plain.startswith("⏳ Đã gửi đề nghị gia hạn #1 đến Thứ Sáu, 11/12/2026."), asked.plain
    request = next(m for m in w.bot_messages(group) if "xin gia hạn nhiệm vụ #1" in m.plain)
    assert "Đề nghị: Thứ Sáu, 11/12/2026" in request.plain and "Lý do: chờ số liệu của các phường" in request.plain

    private = w.private_chat(hoa)  # under the new-task notice's button, the same words
    notice = next(m for m in w.bot_messages(private) if "#1 " in m.plain and m.buttons)
    await env.press(hoa, notice, "Xin gia hạn")
    answer = await env.say(hoa, private, "thêm 10 ngày làm việc", reply_to=w.last_bot_message(private))
    assert "đến Thứ Sáu, 18/12/2026" in answer.plain, answer.plain

    set_ = await env.say(hung, group, "/giahan 1 thêm 2 tuần theo đề nghị của Văn phòng")
    assert "18/12/2026" in set_.plain, set_.plain
    assert (await env.task(1, group)).due_current.isoformat() == "2026-12-18"  # type: ignore[union-attr]


async def test_the_secretary_refused_a_chairs_command_is_told_whom_to_ask(env: Env) -> None:
    """The district's secretary setting up the units read only «⛔ Chỉ Trưởng ban mới được quản lý đơn vị.» ten
    times. She is told her part and the chair to ask, by name; nothing is added."""
    w = env.world
    tuan, hung, dung, _hoa, group = await _district(env)
    minh = w.add_user("Minh", "Phạm Thị", username="minh_thuky")
    w.add_member(group, minh, by=tuan)
    await env.idle()
    await env.say(hung, group, "/vaitro @minh_thuky thuky")
    refused = await env.say(minh, group, "/donvi them Phòng Nội vụ = NV")
    first, hint = refused.plain.split("\n", 1)
    assert first == "⛔ Chỉ Trưởng ban mới được quản lý đơn vị."
    assert hint.startswith("Thư ký ghi, sửa nhiệm vụ; việc này do Trưởng ban làm — nhờ Trưởng ban (")
    assert "Hùng Trần Văn" in hint and "Minh" not in hint
    assert "Phòng Nội vụ" not in (await env.say(hung, group, "/donvi")).plain
    member = await env.say(dung, group, "/donvi them Phòng Nội vụ = NV")  # a member: the old words, no hint
    assert "Thư ký ghi" not in member.plain


async def test_the_import_preview_names_a_deadline_on_a_day_off(env: Env) -> None:
    """«hoàn thành trong tháng 01/2027» is due Sunday 31/01/2027: /giao says «Hạn rơi vào Chủ nhật», the preview
    showed only «31/01/2027». The weekday is said there, and a reply moves it before saving."""
    from tests.e2e.test_long_conclusion import preview_after, save

    w = env.world
    _tuan, hung, _dung, _hoa, group = await _district(env)
    cursor = len(w.bot_messages(group))
    w.send_text(hung, group, (
        "/nhap\nKết luận của Trưởng ban tại cuộc họp Ban Chỉ đạo chuyển đổi số quận ngày 23/11/2026\n"
        "1. Giao Văn phòng HĐND&UBND quận xây dựng kế hoạch năm 2027, hoàn thành trong tháng 01/2027.\n"
        "2. Giao Văn phòng HĐND&UBND quận rà soát hồ sơ một cửa, hoàn thành trước ngày 15/12/2026.\n"
    ))
    pages = await preview_after(env, group, cursor)
    shown = "\n".join(p.plain for p in pages)
    item1, item2 = shown.split("\n1. ", 1)[1].split("\n2. ", 1)
    assert "📅 Hạn: 31/01/2027 (Chủ nhật, ngày nghỉ)" in item1, item1
    assert "📅 Hạn: 15/12/2026\n" in item2 + "\n" and "ngày nghỉ" not in item2.split("Bấm «Lưu")[0]
    answer = await env.say(hung, group, "1 hạn 29/01/2027", reply_to=pages[-1])
    assert "29/01/2027" in answer.plain
    fresh = w.message(group, pages[-1].message_id)
    tasks = await save(env, hung, [fresh])
    assert [t.due_current.isoformat() for t in tasks if t.due_current] == ["2027-01-29", "2026-12-15"]
