"""The committee's week after the handlers were refactored into one frame (helper qa5): what people saw
in the sandbox, replayed through the emulator (the e2e clock is Monday 23/11/2026, 09:00)."""

from __future__ import annotations

from tests.e2e.conftest import Env
from tests.e2e.test_reminders_e2e import at, committee_with_a_task, reminders, wake
from tests.e2e.wardkit import chair_and_group, office_with_contact

__all__ = ["reminders"]  # the fixture, imported for the reminder tests below


async def test_a_member_pressing_a_reminders_button_is_told_which_action_is_not_hers(reminders: Env) -> None:
    """Bình, a plain member, pressed «⏳ Xin gia hạn» under a reminder meant for the Văn phòng: the alert
    said «Chỉ người được giao hoặc Trưởng ban mới báo cáo.» — as if he had asked to report. Each
    button's refusal names its own action, as /giahan, /tiendo and /vuongmac do."""
    env = reminders
    w = env.world
    office = await office_with_contact(env)
    binh = w.add_user("Bình", "Phạm", username="binh_pham")
    w.add_member(office.group, binh)
    await env.say(office.chair, office.group, "/giao VP rà soát hồ sơ một cửa trước ngày 26/11")
    await wake(env, at(2026, 11, 25, 8, 0))  # one working day before: the reminder is in the group
    [reminder] = [m for m in w.bot_messages(office.group) if "⏳ Xin gia hạn" in str(m.buttons)]
    said = {}
    for label in ("📝 Báo cáo tiến độ", "⏳ Xin gia hạn", "🚧 Vướng mắc"):
        query = await env.press(binh, reminder, label)
        assert query.show_alert  # type: ignore[attr-defined]
        said[label] = query.answer_text or ""  # type: ignore[attr-defined]
    assert said["📝 Báo cáo tiến độ"].endswith("mới báo cáo tiến độ.")
    assert said["⏳ Xin gia hạn"].endswith("mới xin gia hạn.")
    assert said["🚧 Vướng mắc"].endswith("mới báo vướng mắc.")
    assert await env.events((await env.task(1, office.group)).id) == ["created"]


async def test_unlink_without_a_number_asks_for_the_number_not_a_code(env: Env) -> None:
    """Lan typed «/lienket huy» to end a link and was told «Mã «huy» không đúng hoặc đã hết hạn»: the
    word was taken for a link code. She is asked for the link's number, with the list to find it."""
    chair, group = chair_and_group(env)
    for typed in ("/lienket huy", "/lienket huỷ abc"):
        said = (await env.say(chair, group, typed)).plain
        assert "Mã «" not in said
        assert "/lienket huy 1" in said and "/lienket" in said


async def test_the_history_names_the_chairs_reason_for_refusing_in_words(env: Env) -> None:
    """/xem showed «Nguyễn Thị Lan: extension_reject_reason: …» (and «chair_note: …» after the chair's
    note on an overdue task): the database's names, not words an official reads."""
    w = env.world
    office = await office_with_contact(env)
    await env.say(office.chair, office.group, "/giao VP rà soát hồ sơ một cửa trước ngày 30/11")
    await env.say(office.hoa, office.group, "/giahan 1 10/12 thiếu người")
    [ask] = [m for m in w.bot_messages(office.group) if "❌ Từ chối" in str(m.buttons)]
    await env.press(office.chair, ask, "❌ Từ chối")
    [prompt] = [m for m in w.bot_messages(office.group) if "bằng lý do" in m.plain]
    await env.say(office.chair, office.group, "cần xong trước kỳ họp", reply_to=prompt)
    shown = (await env.say(office.chair, office.group, "/xem 1")).plain
    assert "extension_reject_reason" not in shown
    assert "lý do không đồng ý gia hạn: cần xong trước kỳ họp" in shown


async def test_the_chairs_overdue_report_says_what_her_buttons_do(reminders: Env) -> None:
    """Lan's private «🔺 Báo cáo Trưởng ban — nhiệm vụ đã quá hạn» ended «Bấm nút bên dưới để báo đã
    xong, báo tiến độ, xin gia hạn hoặc báo vướng mắc.» above «📅 Hạn mới», «👤 Giao lại», «🗒 Ghi chú»:
    the assignee's words, under the chair's buttons."""
    env = reminders
    chair, _binh, _an, _group, _ = await committee_with_a_task(env)
    env.world.start_private(chair)
    await env.idle()
    before = len(env.world.bot_messages(chair))
    await wake(env, at(2026, 12, 7, 8, 0))  # Monday: three working days overdue
    [copy] = env.world.bot_messages(chair)[before:]
    assert copy.button_texts() == ["📅 Hạn mới #1", "👤 Giao lại #1", "🗒 Ghi chú #1"]
    assert "báo đã xong" not in copy.plain
    assert "đặt hạn mới, giao lại" in copy.plain


async def test_adding_a_unit_the_committee_already_has_says_it_is_there(env: Env) -> None:
    """Lan typed «/donvi them Văn phòng» a second time (she had forgotten) and was told «➕ Đã thêm đơn
    vị «Văn phòng»» again, as if there were two now. She is told it is already there; a new alias
    given with it is added and said so."""
    office = await office_with_contact(env)  # «/donvi them Văn phòng = VP»
    again = (await env.say(office.chair, office.group, "/donvi them Văn phòng")).plain
    assert "Đã thêm" not in again and "đã có" in again and "VP" in again
    more = (await env.say(office.chair, office.group, "/donvi them văn phòng = VPUB")).plain
    assert "Đã thêm" not in more and "VPUB" in more
    listed = (await env.say(office.chair, office.group, "/donvi")).plain
    assert listed.count("• Văn phòng") == 1 and "VPUB" in listed
    # Added again after «/donvi bo», it is back: that is an addition.
    await env.say(office.chair, office.group, "/donvi bo Văn phòng")
    back = (await env.say(office.chair, office.group, "/donvi them Văn phòng")).plain
    assert "Đã thêm đơn vị «Văn phòng»" in back


async def test_a_setting_the_bot_does_not_know_is_named_in_the_answer(env: Env) -> None:
    """Lan typed «/caidat nhacnho 2» (not a setting): the bot answered with the settings list as if she
    had typed /caidat alone, so she could not tell whether anything changed. It says what it did not
    understand, then the list with the ways to change it; nothing changes."""
    chair, group = chair_and_group(env)
    before = (await env.say(chair, group, "/caidat")).plain
    said = (await env.say(chair, group, "/caidat nhacnho 2")).plain
    assert "«nhacnho 2»" in said and "/caidat nhac 3,1,0" in said
    assert (await env.say(chair, group, "/caidat")).plain == before


async def test_an_extension_to_an_earlier_day_is_refused_with_an_example(env: Env) -> None:
    """An asked «/giahan 1 29/11» for a task due 30/11 and read «Hạn mới phải sau hạn hiện tại (Thứ Hai,
    30/11/2026 (còn 7 ngày)).»: brackets in brackets, and nothing about what to type instead."""
    office = await office_with_contact(env)
    await env.say(office.chair, office.group, "/giao VP chuẩn bị hội trường trước ngày 30/11")
    said = (await env.say(office.hoa, office.group, "/giahan 1 29/11 chờ kinh phí")).plain
    assert "Thứ Hai, 30/11/2026" in said and "))" not in said
    assert "Ví dụ: /giahan 1 07/12" in said
    assert (await env.task(1, office.group)).due_current.isoformat() == "2026-11-30"


async def test_the_chairs_overdue_report_in_the_group_says_what_her_buttons_do(reminders: Env) -> None:
    """Without a private chat, Lan's overdue report came to the group under «⏰ Nhắc việc» with «Người
    được nhắc bấm nút bên dưới để báo đã xong, báo tiến độ…» above her «Hạn mới / Giao lại / Ghi chú»
    (the Văn phòng's contact is reminded privately)."""
    env = reminders
    office = await office_with_contact(env)
    env.world.start_private(office.hoa)
    await env.idle()
    await env.say(office.chair, office.group, "/giao VP rà soát hồ sơ một cửa trước ngày 2/12")
    before = len(env.world.bot_messages(office.group))
    await wake(env, at(2026, 12, 7, 8, 0))  # Monday: three working days overdue
    [copy] = [m for m in env.world.bot_messages(office.group)[before:] if "📅 Hạn mới #1" in m.button_texts()]
    assert "báo đã xong" not in copy.plain
    assert "Trưởng ban bấm nút bên dưới để đặt hạn mới" in copy.plain


async def test_a_member_pressing_undo_is_told_who_may_undo(env: Env) -> None:
    """Bình, a member, pressed «↩️ Hoàn tác» under Lan's directive and read «Chỉ Trưởng ban hoặc thư ký
    mới được huỷ nhiệm vụ. Nếu anh/chị cần quyền này, đề nghị Trưởng ban dùng lệnh /vaitro @tên thuky.»
    — but a secretary may not cancel (/huy is the chair's) nor undo the chair's directive. He is told
    what the secretary is told: who may undo, and how a cancellation is asked for."""
    office = await office_with_contact(env)
    binh = env.world.add_user("Bình", "Phạm", username="binh_pham")
    env.world.add_member(office.group, binh)
    given = await env.say(office.chair, office.group, "/giao VP rà soát hồ sơ một cửa trước ngày 15/12")
    query = await env.press(binh, given, "↩️ Hoàn tác")
    said = query.answer_text or ""  # type: ignore[attr-defined]
    assert query.show_alert  # type: ignore[attr-defined]
    assert "thư ký mới được huỷ" not in said and "/vaitro" not in said
    assert "Chỉ người đã giao nhiệm vụ #1 hoặc Trưởng ban mới hoàn tác được" in said and "/huy 1" in said
    assert (await env.task(1, office.group)).status == "open"
