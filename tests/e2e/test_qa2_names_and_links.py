"""QA round 2: what people see after the bot learns more than it knew when a task was logged."""

from __future__ import annotations

from sqlalchemy import select

from db.models import TaskAssignee
from emulator import Chat, Message, User, text_mention
from tests.e2e.conftest import Env
from tests.e2e.test_reminders_e2e import at, reminders, wake  # noqa: F401  (the fixture is used by name)


async def test_a_person_first_named_by_username_is_shown_by_their_real_name_once_seen(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    minh = w.add_user("Minh", "Phạm", username="minh_vanphong")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[minh])
    await env.say(chair, group, "/giao @minh_vanphong soạn báo cáo quý trước 15/12")
    before = await env.say(chair, group, "/ds")
    assert "— @minh_vanphong ·" in before.plain  # all the bot knows so far

    await env.say(minh, group, "/viec")  # Minh writes in the group: Telegram gives his name
    seen = {command: (await env.say(chair, group, command)).plain for command in ("/ds", "/tonghop", "/xem 1")}
    assert "— Minh Phạm ·" in seen["/ds"]
    assert "Chủ trì: Minh Phạm" in seen["/xem 1"]
    assert "Minh Phạm" in seen["/tonghop"] and "@minh_vanphong" not in seen["/tonghop"]

    minh.first_name, minh.last_name = "Minh", "Phạm Văn"  # he changes his profile later
    await env.say(minh, group, "/viec")
    reply = await env.say(chair, group, "/ds")
    assert "— Minh Phạm Văn ·" in reply.plain
    async with env.sessions() as s:
        assert (await s.scalars(select(TaskAssignee.label))).all() == ["Minh Phạm Văn"]


# ----------------------------------------------------------------------- «🔁 Giao lại #N» once spent
async def _departure(env: Env):  # type: ignore[no-untyped-def]
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    hoa = w.add_user("Hoa", "Trần", username="hoa_thuky")
    binh = w.add_user("Bình", "Lê")
    minh = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[hoa, binh, minh])
    await env.say(chair, group, "/vaitro @hoa_thuky thuky")
    await env.say(chair, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 15/12"])
    await env.say(chair, group, ["/giao ", text_mention(binh), " rà soát hồ sơ một cửa trước 18/12"])
    env.world.remove_member(group, binh)
    notice = await env.world.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()
    assert notice.button_texts() == ["🔁 Giao lại #1", "🔁 Giao lại #2"]
    return chair, hoa, minh, group, notice


async def _leads(env: Env, number: int, group: Chat) -> list[str]:
    return [a.label for a in (await env.task(number, group)).assignees]


async def test_a_reassign_button_goes_once_the_task_is_reassigned_another_way(env: Env) -> None:
    chair, hoa, _minh, group, notice = await _departure(env)
    reply = await env.say(chair, group, "/sua 1 giao @minh_member")  # reassigned another way
    assert "Đã sửa #1" in reply.plain
    # The notice keeps the button of #2 only.
    assert env.world.message(group, notice.message_id).button_texts() == ["🔁 Giao lại #2"]

    # A client still showing the old button: a clear answer, no question asked, nothing changed.
    before = len(env.world.bot_messages(group))
    query = env.world.press_forged(hoa, notice, f"reassign:{(await env.task(1, group)).id}")
    await env.world.wait_until(lambda: query.answered)
    await env.idle()
    assert query.show_alert
    assert "#1 đã được giao lại cho @minh_member rồi" in (query.answer_text or "")
    assert "chưa thay đổi gì" in (query.answer_text or "")
    assert env.world.bot_messages(group)[before:] == []
    assert await _leads(env, 1, group) == ["@minh_member"]
    assert env.world.message(group, notice.message_id).button_texts() == ["🔁 Giao lại #2"]


async def test_answering_the_reassign_question_takes_the_button_off_the_notice(env: Env) -> None:
    chair, hoa, _minh, group, notice = await _departure(env)
    # Both the chair and the secretary press #2 before either answers.
    await env.press(chair, notice, "🔁 Giao lại #2")
    chairs_prompt = env.world.bot_messages(group)[-1]
    await env.press(hoa, notice, "🔁 Giao lại #2")
    hoas_prompt = env.world.bot_messages(group)[-1]
    assert "giao #2 cho ai" in chairs_prompt.plain and "giao #2 cho ai" in hoas_prompt.plain

    async def answer_prompt(user: User, text: str, prompt: Message) -> Message:
        sent = env.world.send_text(user, group, text, reply_to=prompt)
        answer = await env.world.wait_for(
            lambda m: m.reply_to is not None and m.reply_to.message_id == sent.message_id, chat=group
        )
        await env.idle()
        return answer

    answer = await answer_prompt(chair, "@lan_chutich", chairs_prompt)
    assert "Đã sửa #2" in answer.plain
    assert env.world._live_message(notice).button_texts() == ["🔁 Giao lại #1"]  # #2's button is gone

    late = await answer_prompt(hoa, "@minh_member", hoas_prompt)  # answers her own question too late
    assert "#2 đã được giao lại cho Lan Nguyễn rồi" in late.plain and "chưa thay đổi gì" in late.plain
    assert await _leads(env, 2, group) == ["Lan Nguyễn"]

    # A client still showing the old button (pressed before the edit reached it): the same clear answer.
    query = env.world.press_forged(hoa, notice, f"reassign:{(await env.task(2, group)).id}")
    await env.world.wait_until(lambda: query.answered)
    await env.idle()
    assert "#2 đã được giao lại cho Lan Nguyễn rồi" in query.answer_text
    assert await _leads(env, 2, group) == ["Lan Nguyễn"]


# ----------------------------------------------------------------------------------------- /lienket
def _code(message: Message) -> str:
    return message.plain.split("Mã liên kết: ")[1].split(" ")[0]


async def _lower_titles(env: Env, chair: User, group: Chat) -> str:
    return (await env.say(chair, group, "/lienket")).plain


async def test_a_link_code_used_in_the_wrong_group_stays_valid_for_the_right_one(env: Env) -> None:
    w = env.world
    district_chair = w.add_user("Hùng", "Trần", username="hung_quan")
    ward_chair = w.add_user("An", "Lê", username="an_phuong")
    district = w.add_group("BCĐ Chuyển đổi số quận Long Biên", creator=district_chair)
    ward = w.add_group("BCĐ phường Sài Đồng", creator=ward_chair)

    code = _code(await env.say(district_chair, district, "/lienket ma"))
    wrong = await env.say(district_chair, district, f"/lienket {code}")  # tried in the district's own group
    assert "mã của chính Ban này" in wrong.plain and "mã vẫn dùng được" in wrong.plain
    assert "chưa liên kết" in (await _lower_titles(env, district_chair, district))

    right = await env.say(ward_chair, ward, f"/lienket {code}")
    assert "Đã liên kết: «BCĐ phường Sài Đồng» là Ban cấp dưới của «BCĐ Chuyển đổi số quận Long Biên»" in right.plain
    assert "BCĐ phường Sài Đồng" in await _lower_titles(env, district_chair, district)

    # The ward's own code, tried in the district above it: refused, and the code still works below.
    ward_code = _code(await env.say(ward_chair, ward, "/lienket ma"))
    upside_down = await env.say(district_chair, district, f"/lienket {ward_code}")
    assert "đang là Ban cấp trên của «BCĐ phường Sài Đồng»" in upside_down.plain
    assert "mã vẫn dùng được" in upside_down.plain
    team_chair = w.add_user("Tổ", "Trưởng", username="to_truong")
    team = w.add_group("Tổ dân phố số 5", creator=team_chair)
    assert "Đã liên kết" in (await env.say(team_chair, team, f"/lienket {ward_code}")).plain
    assert "không đúng hoặc đã hết hạn" in (await env.say(team_chair, team, f"/lienket {ward_code}")).plain


async def test_a_ward_moving_to_another_district_tells_the_district_it_leaves(env: Env) -> None:
    w = env.world
    long_bien_chair = w.add_user("Hùng", "Trần", username="hung_quan")
    gia_lam_chair = w.add_user("Dũng", "Phan", username="dung_huyen")
    ward_chair = w.add_user("An", "Lê", username="an_phuong")
    long_bien = w.add_group("BCĐ quận Long Biên", creator=long_bien_chair)
    gia_lam = w.add_group("BCĐ huyện Gia Lâm", creator=gia_lam_chair)
    ward = w.add_group("BCĐ phường Sài Đồng", creator=ward_chair)
    first = _code(await env.say(long_bien_chair, long_bien, "/lienket ma"))
    await env.say(ward_chair, ward, f"/lienket {first}")

    second = _code(await env.say(gia_lam_chair, gia_lam, "/lienket ma"))
    before = len(env.world.bot_messages(long_bien))
    moved = await env.say(ward_chair, ward, f"/lienket {second}")
    assert "Ban cấp dưới của «BCĐ huyện Gia Lâm»" in moved.plain
    assert "Liên kết cũ với «BCĐ quận Long Biên» đã kết thúc" in moved.plain
    told = [m.plain for m in env.world.bot_messages(long_bien)[before:]]
    assert told == [
        "🔗 «BCĐ phường Sài Đồng» đã chuyển sang làm Ban cấp dưới của «BCĐ huyện Gia Lâm». Ban này không còn xem "
        "số liệu của «BCĐ phường Sài Đồng» (trên Bảng việc và trong bản tin thứ Hai)."
    ]
    assert "Sài Đồng" not in await _lower_titles(env, long_bien_chair, long_bien)
    assert "Sài Đồng" in await _lower_titles(env, gia_lam_chair, gia_lam)

    # The same district's code again: nothing changes, nobody is told, the code is kept for another ward.
    third = _code(await env.say(gia_lam_chair, gia_lam, "/lienket ma"))
    before = len(env.world.bot_messages(gia_lam))
    again = await env.say(ward_chair, ward, f"/lienket {third}")
    assert "đã là Ban cấp dưới của «BCĐ huyện Gia Lâm» rồi" in again.plain
    assert env.world.bot_messages(gia_lam)[before:] == []


# ------------------------------------------------------------------------- a reminder naming two tasks
async def test_done_on_a_reminder_of_two_tasks_keeps_the_other_tasks_buttons(reminders: Env) -> None:  # noqa: F811
    env = reminders
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê")  # no private chat with the bot: reminded in the group
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh])
    await env.say(chair, group, ["/giao ", text_mention(binh), " rà soát hồ sơ một cửa trước 3/12"])
    await env.say(chair, group, ["/giao ", text_mention(binh), " báo cáo số liệu quý trước 3/12"])
    await wake(env, at(2026, 11, 30, 8))  # three working days before: one message for both
    [reminder] = [m for m in env.world.bot_messages(group) if "Nhắc việc" in m.plain and "#2" in m.plain]
    assert reminder.button_texts() == [
        "#1 ✅ Xong", "#1 📝 Tiến độ", "#1 ⏳ Gia hạn", "#1 🚧 Vướng mắc",
        "#2 ✅ Xong", "#2 📝 Tiến độ", "#2 ⏳ Gia hạn", "#2 🚧 Vướng mắc",
    ]
    await env.press(binh, reminder, "#1 ✅ Xong")
    shown = env.world.message(group, reminder.message_id)
    assert "#1 đã hoàn thành" in shown.plain
    assert shown.button_texts() == ["#2 ✅ Xong", "#2 📝 Tiến độ", "#2 ⏳ Gia hạn", "#2 🚧 Vướng mắc"]
    assert (await env.task(2, group)).status == "open"
    await env.press(binh, shown, "#2 ✅ Xong")
    shown = env.world.message(group, reminder.message_id)
    assert "#2 đã hoàn thành" in shown.plain and shown.button_texts() == []
    assert (await env.task(2, group)).status == "done"
