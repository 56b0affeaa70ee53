"""Every decision reaches the person it concerns (issue 14), through the one outbox (db/outbox.py):
the chair's answer to an extension asked in a private chat, the reason of a refusal, the chair's
own actions on an overdue task, a report given in a private chat — and a notice that Telegram
refuses or fails is not lost."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from db.models import Notice
from emulator import Chat, Message, User
from tests.e2e.conftest import Env, Since
from tests.e2e.test_reminders_e2e import at, committee_with_a_task, reminders, wake

__all__ = ["reminders"]  # the fixture, used by name


async def _ask_extension_privately(env: Env, binh: User, group: Chat) -> Message:
    """Bình asks for more time under his private reminder; returns the request posted in the group."""
    await wake(env, at(2026, 11, 27, 8, 0))  # Friday: the first reminder of #1 (due Wednesday 2/12)
    reminder = env.world.last_bot_message(binh)
    assert reminder is not None and "#1" in reminder.plain
    await env.press(binh, reminder, "⏳ Xin gia hạn")
    prompt = env.world.last_bot_message(binh)
    assert prompt is not None
    answer = await env.say(binh, binh, "30/12 chờ số liệu của tổ dân phố", reply_to=prompt)
    assert "Đã gửi đề nghị gia hạn #1" in answer.plain
    return await env.world.wait_for(lambda m: "✅ Đồng ý" in m.button_texts(), chat=group)


async def test_a_refusal_reaches_the_requester_in_his_private_chat_with_the_chairs_reason(reminders: Env) -> None:
    env = reminders
    chair, binh, _an, group, _ = await committee_with_a_task(env)
    ask = await _ask_extension_privately(env, binh, group)
    new = Since(env.world, binh)

    await env.press(chair, ask, "❌ Từ chối")
    # A new message where Bình asked (an edit of the group's message notifies nobody).
    [told] = new(binh)
    assert "không đồng ý" in told.plain and "#1" in told.plain and "Hạn vẫn là: Thứ Tư, 02/12/2026" in told.plain
    # The chair is asked for a short reason, which goes to Bình too.
    prompt = env.world.last_bot_message(group)
    assert prompt is not None and "lý do" in prompt.plain and "Bình" in prompt.plain
    sent = await env.say(chair, group, "Cần xong đúng hạn để kịp báo cáo quận", reply_to=prompt)
    assert "Đã gửi lý do" in sent.plain
    [reason] = new(binh)[1:]
    assert "Lý do" in reason.plain and "Cần xong đúng hạn để kịp báo cáo quận" in reason.plain
    assert (await env.task(1, group)).due_current == date(2026, 12, 2)


async def test_an_approval_reaches_the_requester_in_his_private_chat(reminders: Env) -> None:
    env = reminders
    chair, binh, _an, group, _ = await committee_with_a_task(env)
    ask = await _ask_extension_privately(env, binh, group)
    new = Since(env.world, binh)
    await env.press(chair, ask, "✅ Đồng ý")
    [told] = new(binh)
    assert "đồng ý" in told.plain and "Hạn mới: Thứ Tư, 30/12/2026" in told.plain
    assert (await env.task(1, group)).due_current == date(2026, 12, 30)


async def test_the_chairs_copy_of_an_overdue_task_has_the_chairs_actions_and_the_obstacle(reminders: Env) -> None:
    env = reminders
    chair, binh, _an, group, _ = await committee_with_a_task(env)
    env.world.start_private(chair)
    await env.idle()
    await env.say(binh, group, "/vuongmac 1 chờ kinh phí từ quận")
    before = len(env.world.bot_messages(chair))
    await wake(env, at(2026, 12, 7, 8, 0))  # Monday: three working days overdue
    [copy] = env.world.bot_messages(chair)[before:]
    assert copy.button_texts() == ["📅 Hạn mới #1", "👤 Giao lại #1", "🗒 Ghi chú #1"]
    assert "Vướng mắc đã báo: chờ kinh phí từ quận" in copy.plain
    # A new deadline, set from the private chat.
    await env.press(chair, copy, "📅 Hạn mới #1")
    prompt = env.world.last_bot_message(chair)
    assert prompt is not None and "hạn mới cho #1" in prompt.plain
    new = Since(env.world, binh)
    done = await env.say(chair, chair, "18/12 chờ kinh phí", reply_to=prompt)
    assert "18/12" in done.plain
    assert (await env.task(1, group)).due_current == date(2026, 12, 18)
    # The assignees are told: Bình privately, An (no private chat) named in the group.
    [told] = new(binh)
    assert "Trưởng ban đặt hạn mới cho nhiệm vụ #1" in told.plain and "18/12/2026" in told.plain
    assert any("Trưởng ban đặt hạn mới" in m.plain and "An Phạm" in m.plain for m in env.world.bot_messages(group))
    # A note, and another assignee.
    await env.press(chair, copy, "🗒 Ghi chú #1")
    noted = await env.say(chair, chair, "Đã làm việc với quận", reply_to=env.world.last_bot_message(chair))
    assert "Đã ghi chú của Trưởng ban vào #1" in noted.plain
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.press(chair, copy, "👤 Giao lại #1")
    given = await env.say(chair, chair, "Công an phường", reply_to=env.world.last_bot_message(chair))
    assert "Đã sửa #1" in given.plain
    detail = await env.say(chair, group, "/xem 1")
    assert "Công an phường" in detail.plain


async def test_a_report_given_privately_appears_in_the_group_in_one_line(reminders: Env) -> None:
    env = reminders
    _chair, binh, _an, group, _ = await committee_with_a_task(env)
    await wake(env, at(2026, 11, 27, 8, 0))
    reminder = env.world.last_bot_message(binh)
    assert reminder is not None
    new = Since(env.world, group)
    await env.press(binh, reminder, "📝 Báo cáo tiến độ")
    await env.say(binh, binh, "đã rà soát 40/60 hồ sơ", reply_to=env.world.last_bot_message(binh))
    await env.press(binh, reminder, "✅ Đã xong")
    lines = [m.plain for m in new(group)]
    assert len(lines) == 2, lines
    assert "Bình Lê báo tiến độ #1 (qua tin nhắn riêng): đã rà soát 40/60 hồ sơ" in lines[0]
    assert "Bình Lê báo hoàn thành #1" in lines[1]


async def test_a_request_the_group_does_not_take_now_is_delivered_later_once(reminders: Env) -> None:
    env = reminders
    _chair, binh, _an, group, _ = await committee_with_a_task(env)
    await wake(env, at(2026, 11, 27, 8, 0))
    reminder = env.world.last_bot_message(binh)
    assert reminder is not None
    failing = env.emulator.faults.server_error(502, methods=["sendMessage"], chats=[group.id])
    await env.press(binh, reminder, "⏳ Xin gia hạn")
    answer = await env.say(binh, binh, "30/12 chờ số liệu", reply_to=env.world.last_bot_message(binh))
    assert "Đã gửi đề nghị gia hạn #1" in answer.plain
    assert failing.injected >= 1
    assert not [m for m in env.world.bot_messages(group) if "✅ Đồng ý" in m.button_texts()]
    async with env.sessions() as s:
        [notice] = (await s.scalars(select(Notice).where(Notice.kind != "task_new"))).all()  # not #1's news to Bình
        assert notice.status == "pending" and notice.next_attempt_at is not None
    env.emulator.faults.clear()
    await wake(env, env.clock.now() + timedelta(seconds=10))  # before its retry time: nothing
    assert not [m for m in env.world.bot_messages(group) if "✅ Đồng ý" in m.button_texts()]
    await wake(env, env.clock.now() + timedelta(minutes=2))
    await wake(env, env.clock.now() + timedelta(minutes=2))
    asks = [m for m in env.world.bot_messages(group) if "✅ Đồng ý" in m.button_texts()]
    assert len(asks) == 1 and asks[0].button_texts() == ["✅ Đồng ý", "❌ Từ chối"]


async def test_a_decision_for_someone_who_blocked_the_bot_goes_to_the_group_with_a_mention(reminders: Env) -> None:
    env = reminders
    chair, binh, an, group, _ = await committee_with_a_task(env)
    ask = await _ask_extension_privately(env, binh, group)
    env.world.block_bot(binh)
    await env.idle()
    new = Since(env.world, binh, group)
    query = env.world.press_button(chair, ask, text="✅ Đồng ý")
    await env.world.wait_until(lambda: query.answered)
    await env.world.wait_idle(timeout=20, update_queue=env.app.update_queue)  # type: ignore[attr-defined]
    assert new(binh) == []
    # (product10) ONE new group message for the decision: Bình (who asked, then blocked the bot: the bot
    # knew, nothing was tried privately) and An (the unit's other contact, no private chat) named in it.
    # It was two: Bình's answer rerouted after a 403, and An told of the new deadline apart.
    [told] = new(group)
    assert told.plain.startswith("📨 Gửi Bình Lê, An Phạm:"), told.plain
    assert "đồng ý gia hạn nhiệm vụ #1" in told.plain and "theo đề nghị của Bình Lê" in told.plain
    assert "Hạn mới: Thứ Tư, 30/12/2026 (còn 33 ngày); hạn cũ: Thứ Tư, 02/12/2026." in told.plain
    assert {e["user"]["id"] for e in told.entities if e.get("type") == "text_mention"} == {binh.id, an.id}
    assert env.emulator.faults.counts.get("forbidden", 0) == 0


async def test_an_edit_telegram_refuses_is_not_swallowed_the_outcome_comes_as_a_new_message(reminders: Env) -> None:
    env = reminders
    _chair, binh, _an, group, _ = await committee_with_a_task(env)
    await wake(env, at(2026, 11, 27, 8, 0))
    reminder = env.world.last_bot_message(binh)
    assert reminder is not None
    refused = env.emulator.faults.server_error(400, methods=["editMessageText"], chats=[binh.id])
    before = len(env.world.bot_messages(binh))
    await env.press(binh, reminder, "✅ Đã xong")
    assert refused.injected == 1
    [outcome] = env.world.bot_messages(binh)[before:]
    assert "#1 đã hoàn thành" in outcome.plain
    assert (await env.task(1, group)).status == "done"


async def test_done_pressed_on_a_reminder_in_the_group_is_told_by_a_new_line_once(reminders: Env) -> None:
    """An edit notifies nobody: the chair learns of a «✅ Đã xong» pressed in the group from a new line.
    A /xong typed in the group is a new message already and is not repeated."""
    env = reminders
    chair, _binh, an, group, _ = await committee_with_a_task(env)
    await wake(env, at(2026, 11, 27, 8, 0))
    in_group = next(m for m in reversed(env.world.bot_messages(group)) if "✅ Đã xong" in m.button_texts())
    before = len(env.world.bot_messages(group))
    await env.press(an, in_group, "✅ Đã xong")
    await env.idle()
    new = [m.plain for m in env.world.bot_messages(group)[before:]]
    assert len(new) == 1, new
    assert "An Phạm báo hoàn thành #1 (bấm nút trên lời nhắc)" in new[0]
    assert (await env.task(1, group)).status == "done"

    # A command in the group: its answer is the visible report, nothing more.
    await env.say(chair, group, "/giao VP kiểm tra hồ sơ xong trước ngày 4/12")
    before = len(env.world.bot_messages(group))
    answer = await env.say(an, group, "/xong 2")
    await env.idle()
    assert [m.plain for m in env.world.bot_messages(group)[before:]] == [answer.plain]
