"""A committee runs its directives through the bot: what each person sees, and what is stored."""

from __future__ import annotations

from datetime import UTC, date, datetime

from emulator import text_mention
from tests.e2e.conftest import Env


def people(env: Env):  # type: ignore[no-untyped-def]
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    secretary = w.add_user("Hoa", "Trần", username="hoa_thuky")
    binh = w.add_user("Bình", "Lê")  # no username
    member = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[secretary, binh, member])
    return chair, secretary, binh, member, group


async def test_a_chairs_day(env: Env) -> None:
    chair, _secretary, binh, _member, group = people(env)
    reply = await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP, Văn phòng")
    assert "Đã thêm đơn vị «Văn phòng HĐND&UBND»" in reply.plain
    await env.say(chair, group, "/donvi them Công an phường = CA")
    reply = await env.say(chair, group, ["/donvi gan Văn phòng ", text_mention(binh)])
    assert "Bình Lê" in reply.plain and "Văn phòng HĐND&UBND" in reply.plain

    reply = await env.say(
        chair,
        group,
        "/giao Văn phòng chủ trì, phối hợp Công an phường rà soát camera an ninh xong trước ngày 15/12",
    )
    assert "#1" in reply.plain
    assert "Chủ trì: Văn phòng HĐND&UBND" in reply.plain
    assert "Phối hợp: Công an phường" in reply.plain
    assert "Thứ Ba, 15/12/2026 (còn 22 ngày)" in reply.plain
    assert reply.button_texts() and "↩️ Hoàn tác" in reply.button_texts()
    task = await env.task(1, group)
    assert task.due_original == task.due_current == date(2026, 12, 15)

    reply = await env.say(chair, group, "/xem 1")
    assert "rà soát camera an ninh" in reply.plain and "giao việc" in reply.plain

    reply = await env.say(binh, group, "/xong 1 đã lắp thêm 4 camera")
    assert "#1 đã hoàn thành — đúng hạn" in reply.plain
    task = await env.task(1, group)
    assert task.status == "done" and task.closed_on == date(2026, 11, 23)
    assert await env.events(task.id) == ["created", "done"]

    reply = await env.say(chair, group, "/ds")
    assert "Không có nhiệm vụ nào đang mở" in reply.plain


async def test_secretary_logs_and_member_is_refused(env: Env) -> None:
    chair, secretary, binh, member, group = people(env)
    reply = await env.say(member, group, "/giao @hoa_thuky soạn báo cáo trước 15/12")
    assert "Chỉ Trưởng ban hoặc thư ký" in reply.plain
    assert await env.task_count() == 0

    reply = await env.say(chair, group, "/vaitro @hoa_thuky thuky")
    assert "@hoa_thuky: Thư ký" in reply.plain  # not seen yet: known by username until she writes
    reply = await env.say(secretary, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 15/12"])
    assert "#1" in reply.plain and "Chủ trì: Bình Lê" in reply.plain

    # Members cannot edit, cancel, or close someone else's task; the secretary cannot cancel.
    assert "Chỉ Trưởng ban hoặc thư ký" in (await env.say(member, group, "/sua 1 han 20/12")).plain
    assert "Chỉ Trưởng ban mới được huỷ" in (await env.say(secretary, group, "/huy 1")).plain
    assert "không phải người thực hiện" in (await env.say(member, group, "/xong 1")).plain
    # Buttons are checked like commands.
    undo = await env.press(member, reply, "↩️ Hoàn tác")
    assert undo.show_alert and "Chỉ người đã giao nhiệm vụ #1 hoặc Trưởng ban" in undo.answer_text  # type: ignore[attr-defined]
    task = await env.task(1, group)
    assert task.status == "open" and task.due_current == date(2026, 12, 15)
    assert await env.events(task.id) == ["created"]

    # The chair closes it for them.
    reply = await env.say(chair, group, "/xong 1")
    assert "đã hoàn thành" in reply.plain


async def test_bad_input_gets_a_clear_message_and_saves_nothing(env: Env) -> None:
    chair, _secretary, binh, _member, group = people(env)
    assert "Cách dùng" in (await env.say(chair, group, "/giao")).plain
    assert "31/02" in (await env.say(chair, group, "/giao @hoa_thuky nộp báo cáo trước 31/02")).plain
    past = await env.say(chair, group, "/giao @hoa_thuky nộp báo cáo trước ngày 15/10/2026")
    assert "đã qua" in past.plain
    long = await env.say(chair, group, "/giao @hoa_thuky " + "rà soát " * 300)
    assert "quá dài" in long.plain
    assert "Chưa rõ ai thực hiện" in (await env.say(chair, group, "/giao rà soát hồ sơ")).plain
    assert await env.task_count() == 0
    assert "Không có nhiệm vụ #7" in (await env.say(chair, group, "/xem 7")).plain
    assert "Thiếu số nhiệm vụ" in (await env.say(chair, group, "/xong")).plain
    # A word where the number should be is named, not said to be missing.
    for command in ("/xem abc", "/xong abc", "/huy <b>"):
        answer = (await env.say(chair, group, command)).plain
        assert f"«{command.split()[1]}» không phải số nhiệm vụ" in answer, command
    assert "Cách dùng" in (await env.say(chair, group, "/tiendo 7")).plain

    # User text with < and & is shown as written (escaped, so Telegram accepts it).
    reply = await env.say(chair, group, ["/giao ", text_mention(binh), " so sánh <a> & <b> trước 15/12"])
    assert "so sánh <a> & <b>" in reply.plain


async def test_without_deadline_the_chair_picks_one_by_button(env: Env) -> None:
    chair, _secretary, binh, _member, group = people(env)
    reply = await env.say(chair, group, ["/giao ", text_mention(binh), " cập nhật danh sách hộ nghèo"])
    assert "Chưa thấy hạn" in reply.plain
    assert {"3 ngày", "1 tuần", "Cuối tháng", "Không hạn"} <= set(reply.button_texts())
    await env.press(chair, reply, "1 tuần")
    edited = env.world.message(group, reply.message_id)
    assert "Thứ Hai, 30/11/2026 (còn 7 ngày)" in edited.plain
    task = await env.task(1, group)
    assert task.due_original == task.due_current == date(2026, 11, 30)
    assert await env.events(task.id) == ["created", "deadline_changed"]


async def test_undo_cancels_a_mistaken_directive(env: Env) -> None:
    chair, _secretary, binh, _member, group = people(env)
    reply = await env.say(chair, group, ["/giao ", text_mention(binh), " họp tổ dân phố trước 15/12"])
    await env.press(chair, reply, "↩️ Hoàn tác")
    task = await env.task(1, group)
    assert task.status == "cancelled"
    assert "Không có nhiệm vụ nào" in (await env.say(chair, group, "/ds")).plain


async def test_extension_is_requested_and_approved_keeping_the_original_deadline(env: Env) -> None:
    chair, _secretary, binh, _member, group = people(env)
    await env.say(chair, group, ["/giao ", text_mention(binh), " tổng hợp số liệu trước 15/12"])
    reply = await env.say(binh, group, "/giahan 1 30/12 chờ số liệu của tổ dân phố")
    assert "Đã gửi đề nghị gia hạn #1" in reply.plain
    ask = await env.world.wait_for(lambda m: "xin gia hạn" in m.plain, chat=group)
    assert "chờ số liệu của tổ dân phố" in ask.plain
    # Only the chair decides.
    refused = await env.press(binh, ask, "✅ Đồng ý")
    assert refused.show_alert  # type: ignore[attr-defined]
    await env.press(chair, ask, "✅ Đồng ý")
    task = await env.task(1, group)
    assert task.due_original == date(2026, 12, 15) and task.due_current == date(2026, 12, 30)
    assert task.extension_count == 1
    detail = await env.say(chair, group, "/xem 1")
    assert "Hạn ban đầu: 15/12/2026" in detail.plain and "đồng ý gia hạn" in detail.plain


async def test_two_committees_never_see_each_other(env: Env) -> None:
    chair, _secretary, binh, _member, group = people(env)
    other_chair = env.world.add_user("Tùng", "Vũ", username="tung_chutich")
    other = env.world.add_group("BCĐ Cải cách hành chính", creator=other_chair, members=[binh])
    await env.say(chair, group, ["/giao ", text_mention(binh), " việc của Sài Đồng trước 15/12"])
    await env.say(chair, group, ["/giao ", text_mention(binh), " việc thứ hai của Sài Đồng trước 16/12"])
    reply = await env.say(other_chair, other, ["/giao ", text_mention(binh), " việc của CCHC trước 20/12"])
    assert "#1" in reply.plain  # numbering is per committee
    listing = await env.say(other_chair, other, "/ds")
    assert "CCHC" in listing.plain and "Sài Đồng" not in listing.plain
    # The other committee's chair cannot reach the first committee's #2 from their group...
    assert "Không có nhiệm vụ #2" in (await env.say(other_chair, other, "/huy 2")).plain
    assert (await env.task(2, group)).status == "open"
    # ...and Bình, in a private chat, sees both, labelled by committee.
    env.world.start_private(binh, send_start=False)
    mine = await env.say(binh, binh, "/viec")
    assert "[BCĐ Chuyển đổi số phường Sài Đồng]" in mine.plain and "[BCĐ Cải cách hành chính]" in mine.plain


async def test_an_anonymous_admin_is_a_chair(env: Env) -> None:
    chair, _secretary, binh, _member, group = people(env)
    env.world.send_text(chair, group, ["/giao ", text_mention(binh), " chuẩn bị hội nghị trước 15/12"], as_chat=True)
    reply = await env.world.wait_for(chat=group)
    await env.idle()
    assert "Đã ghi nhiệm vụ #1" in reply.plain


async def test_progress_by_button_prompt_and_reply(env: Env) -> None:
    chair, _secretary, binh, _member, group = people(env)
    await env.say(chair, group, ["/giao ", text_mention(binh), " tuyên truyền dịch vụ công trước 15/12"])
    reply = await env.say(binh, group, "/tiendo 1 đã phát 300 tờ rơi")
    assert "Đã ghi tiến độ #1: đã phát 300 tờ rơi" in reply.plain
    detail = await env.say(chair, group, "/xem 1")
    assert "báo cáo tiến độ: đã phát 300 tờ rơi" in detail.plain


async def test_a_recurring_duty_is_one_task_per_period(env: Env) -> None:
    chair, _secretary, binh, _member, group = people(env)
    reply = await env.say(
        chair, group, ["/giao ", text_mention(binh), " duy trì mỗi tháng đăng tải một bài chuyên sâu lên Cổng TTĐT"]
    )
    assert "Thứ Hai, 30/11/2026 (còn 7 ngày)" in reply.plain and "định kỳ (hằng tháng)" in reply.plain
    reply = await env.say(binh, group, "/xong 1 đã đăng bài tháng 11")
    assert "#1 đã hoàn thành — đúng hạn" in reply.plain
    assert "kỳ tiếp theo #2" in reply.plain and "31/12/2026" in reply.plain
    following = await env.task(2, group)
    assert following.status == "open" and following.due_current == date(2026, 12, 31)
    assert following.series_id == (await env.task(1, group)).id


async def test_this_week_said_on_a_weekend_is_the_coming_working_week(env: Env) -> None:
    # issue14 item 7: on a Saturday "trong tuần này" was that same day, overdue by Monday.
    chair, _secretary, binh, _member, group = people(env)
    env.clock.set(datetime(2026, 11, 28, 3, 0, tzinfo=UTC))  # Saturday 10:00 in Hà Nội
    reply = await env.say(chair, group, ["/giao ", text_mention(binh), " nộp báo cáo trong tuần này"])
    assert "«tuần này» được hiểu là tuần làm việc tới" in reply.plain
    task = await env.task(1, group)
    assert task.due_current == date(2026, 12, 4)  # Friday of the coming week
