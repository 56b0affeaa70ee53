"""Gaps closed in a second pass (helper «gaps2»): a deadline changed by someone else is told to the
task's doers; a unit alias followed by words in capitals; no second welcome after a supergroup
upgrade; stickers and other non-text messages during a private /nhap gathering."""

from __future__ import annotations

from datetime import date

import pytest

from bot.texts import BTN_GATHER_DONE
from emulator import Chat, text_mention
from tests.e2e.conftest import Env, Since, mentioned
from tests.e2e.test_long_conclusion import committee, preview_after, save, what
from tests.e2e.test_reminders_e2e import committee_with_a_task


# ------------------------------------------------------------------------------------- 1: a deadline changed
async def test_a_deadline_changed_by_the_chair_is_told_to_the_doers(env: Env) -> None:
    chair, binh, an, group, _ = await committee_with_a_task(env)  # #1 due Wed 2/12; Bình has a private chat
    env.world.start_private(chair)
    await env.idle()
    new = Since(env.world, chair, binh, group)

    done = await env.say(chair, group, "/sua 1 han 9/12")
    assert "Đã sửa #1" in done.plain
    # Bình, who opened a chat with the bot, is told there: the new deadline, the old one, who changed it.
    [told] = new(binh)
    assert "Trưởng ban đặt hạn mới cho nhiệm vụ #1" in told.plain
    assert "Thứ Tư, 09/12/2026" in told.plain and "hạn cũ: Thứ Tư, 02/12/2026" in told.plain
    assert "rà soát hồ sơ thủ tục <một cửa>" in told.plain and "Người sửa: Lan Nguyễn" in told.plain
    # An never wrote to the bot: named in one group message after the answer.
    [answer, named] = new(group)
    assert answer.message_id == done.message_id
    assert "đặt hạn mới cho nhiệm vụ #1" in named.plain and mentioned(named) == [an.id]
    # The chair is told nothing of her own change.
    assert new(chair) == []

    # The chair's direct /giahan, with its reason.
    new = Since(env.world, binh, group)
    extended = await env.say(chair, group, "/giahan 1 16/12 chờ số liệu của quận")
    assert "16/12/2026" in extended.plain
    [told] = new(binh)
    assert "Thứ Tư, 16/12/2026" in told.plain and "hạn cũ: Thứ Tư, 09/12/2026" in told.plain
    assert "lý do: chờ số liệu của quận" in told.plain
    [_answer, named] = new(group)
    assert "16/12/2026" in named.plain and mentioned(named) == [an.id]
    assert (await env.task(1, group)).due_current == date(2026, 12, 16)

    # The same deadline again changes nothing and tells nobody.
    new = Since(env.world, binh)
    await env.say(chair, group, "/sua 1 han 16/12")
    assert new(binh) == []


async def test_a_doer_who_changes_his_own_deadline_is_not_told_of_it_the_others_are(env: Env) -> None:
    chair, binh, an, group, _ = await committee_with_a_task(env)
    cuong = env.world.add_user("Cường", "Trần")  # a secretary, not a doer
    env.world.add_member(group, cuong)
    await env.say(chair, group, ["/vaitro ", text_mention(binh), " thuky"])
    await env.say(chair, group, ["/vaitro ", text_mention(cuong), " thuky"])
    env.world.start_private(an)
    await env.idle()
    new = Since(env.world, binh, an, group)

    # Bình, secretary and a contact of Văn phòng, moves the deadline himself: only An is told.
    assert "Đã sửa #1" in (await env.say(binh, group, "/sua 1 han 10/12")).plain
    assert new(binh) == []
    [told] = new(an)
    assert "Thư ký đặt hạn mới cho nhiệm vụ #1" in told.plain and "Người sửa: Bình Lê" in told.plain
    assert len(new(group)) == 1  # the answer only: nobody named

    # Cường, a secretary who is no doer: both are told.
    new = Since(env.world, binh, an)
    await env.say(cuong, group, "/sua 1 han 11/12")
    assert "Người sửa: Cường Trần" in new(binh)[0].plain
    assert "Thứ Sáu, 11/12/2026" in new(an)[0].plain


async def test_an_approved_request_tells_the_other_doers_once_and_the_requester_once(env: Env) -> None:
    chair, binh, an, group, _ = await committee_with_a_task(env)
    new = Since(env.world, binh)
    asked = await env.say(binh, binh, "/giahan 1 18/12 chờ kinh phí")
    assert "Đã gửi đề nghị gia hạn #1" in asked.plain
    ask = env.world.last_bot_message(group)
    assert ask is not None and "✅ Đồng ý" in ask.button_texts()
    new = Since(env.world, binh, group)
    await env.press(chair, ask, "✅ Đồng ý")
    # Bình has the chair's answer, one message; An, the other contact, is named in the group.
    [answer] = new(binh)
    assert "đồng ý" in answer.plain and "18/12/2026" in answer.plain
    named = [m for m in new(group) if "đặt hạn mới" in m.plain]
    assert len(named) == 1 and mentioned(named[0]) == [an.id]
    assert "theo đề nghị của Bình Lê" in named[0].plain and "hạn cũ: Thứ Tư, 02/12/2026" in named[0].plain


async def test_the_deadline_buttons_of_a_fresh_directive_tell_nobody_but_later_they_do(env: Env) -> None:
    chair, binh, _an, group, _ = await committee_with_a_task(env)
    new = Since(env.world, binh)
    card = await env.say(chair, group, "/giao VP cập nhật danh mục phần mềm dùng chung")  # #2, no deadline
    assert "#2" in card.plain
    await env.press(chair, card, "1 tuần")
    assert (await env.task(2, group)).due_current == date(2026, 11, 30)
    # Completing the /giao is no change to tell in the group; Bình, told privately of the new task at once
    # (gaps3: handlers/new_tasks.py, «không có hạn»), is told the deadline picked for it there.
    [fresh, picked] = new(binh)
    assert "#2" in fresh.plain and "không có hạn" in fresh.plain
    assert "đặt hạn mới cho nhiệm vụ #2" in picked.plain and "trước đây không có hạn" in picked.plain
    new = Since(env.world, binh)
    # Once someone has acted on it, the same card's buttons tell.
    await env.say(binh, group, "/tiendo 2 đã rà soát được một nửa")
    card = env.world.message(group, card.message_id)
    await env.press(chair, card, "📅 Sửa hạn")
    await env.press(chair, env.world.message(group, card.message_id), "3 ngày")
    [told] = new(binh)
    assert "đặt hạn mới cho nhiệm vụ #2" in told.plain and "26/11/2026" in told.plain


# ------------------------------------------------------------------------------------- 2: capitals after an alias
async def test_giao_an_alias_then_words_in_capitals_gives_the_unit_and_keeps_the_capitals_in_the_task(env: Env) -> None:
    chair, binh, _an, group, _ = await committee_with_a_task(env)
    await env.say(chair, group, "/donvi them Văn phòng pháp lý = VPPL")
    await env.say(chair, group, ["/donvi gan VPPL ", text_mention(binh)])
    reply = await env.say(chair, group, "/giao VPPL BÍ MẬT rà soát danh sách hồ sơ trước 15/12")
    assert "chưa rõ ai" not in reply.plain.lower()
    assert "#2" in reply.plain and "Chủ trì: Văn phòng pháp lý" in reply.plain, reply.plain
    assert "Thứ Ba, 15/12/2026" in reply.plain
    task = await env.task(2, group)
    assert "BÍ MẬT rà soát danh sách hồ sơ" in task.text
    shown = await env.say(binh, binh, "/viec")
    assert "BÍ MẬT rà soát danh sách hồ sơ" in shown.plain


# ------------------------------------------------------------------------------------- 3: supergroup upgrade
async def _welcomes(env: Env, chat: Chat) -> list[object]:
    # A supergroup's welcome is a job that waits a moment for migration messages (handlers.membership,
    # WELCOME_WAIT): the test runs it now, once what Telegram sent has been handled, instead of sleeping.
    await env.idle()
    for job in env.app.job_queue.get_jobs_by_name(f"welcome:{chat.id}"):  # type: ignore[union-attr]
        job.schedule_removal()
        await job.run(env.app)
    await env.idle()
    return [m for m in env.world.bot_messages(chat) if "Xin chào" in m.plain]  # type: ignore[arg-type]


@pytest.mark.parametrize("bot_joins", ["first", "between", None])
async def test_an_upgrade_to_a_supergroup_posts_no_second_welcome(env: Env, bot_joins: str | None) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê", username="binh_le")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh], bot_status=None)
    w.add_bot(group, by=chair)
    await env.idle()
    assert len(await _welcomes(env, group)) == 1  # added to a basic group: welcomed at once, once
    await env.say(chair, group, "/giao @binh_le rà soát hồ sơ một cửa trước ngày 15/12")

    supergroup = w.migrate_to_supergroup(group, bot_joins=bot_joins)
    await env.idle()
    assert await _welcomes(env, supergroup) == []
    listed = await env.say(binh, supergroup, "/ds")  # the same committee, its task there
    assert "#1" in listed.plain and "rà soát hồ sơ một cửa" in listed.plain


async def test_the_bot_added_to_a_supergroup_is_welcomed_once(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = w.add_group("BCĐ Cải cách hành chính phường Phúc Đồng", creator=chair, supergroup=True, bot_status=None)
    w.add_bot(group, by=chair)
    await env.idle()
    [welcome] = await _welcomes(env, group)
    assert "BCĐ Cải cách hành chính phường Phúc Đồng" in welcome.plain  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------- 4: stickers in a gathering
async def test_a_sticker_a_gif_a_voice_message_and_a_place_during_a_gathering_are_left_out_and_said_so(
    env: Env,
) -> None:
    chair, _member, _group = await committee(env)
    w = env.world
    await env.say(chair, chair, "/nhap")
    before = len(w.bot_messages(chair))
    sticker = w.send_sticker(chair, chair, "👍")
    assert sticker.to_api()["sticker"]["emoji"] == "👍" and "text" not in sticker.to_api()
    said = await w.wait_for(chat=chair)
    await env.idle()
    assert [m.message_id for m in w.bot_messages(chair)[before:]] == [said.message_id]  # one answer
    assert "Nhãn dán (sticker) không có chữ để đọc nên không thêm vào kết luận" in said.plain
    assert "Chưa nhận phần nào" in said.plain and said.button_texts()[0] == BTN_GATHER_DONE

    await env.say(chair, chair, "Kết luận giao ban tháng 11\n"
                  "1. Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, báo cáo trước ngày 15/12\n"
                  "2. Công an phường kiểm tra hệ thống camera an ninh trong tháng 12")
    for send, name in (
        (lambda: w.send_animation(chair, chair), "Ảnh động (GIF)"),
        (lambda: w.send_voice(chair, chair), "Tin nhắn thoại"),
        (lambda: w.send_location(chair, chair), "Vị trí được chia sẻ"),
    ):
        send()
        said = await w.wait_for(chat=chair)
        await env.idle()
        assert f"{name} không có chữ để đọc" in said.plain and "Đã nhận 1 phần" in said.plain, said.plain

    cursor = len(w.bot_messages(chair))
    await env.press(chair, said, BTN_GATHER_DONE)
    pages = await preview_after(env, chair, cursor)
    saved = await what(env, await save(env, chair, pages))
    assert [t for t, _due, _leads in saved] == [
        "Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, báo cáo trước ngày 15/12",
        "Công an phường kiểm tra hệ thống camera an ninh trong tháng 12",
    ]


async def test_a_sticker_with_no_gathering_open_is_left_alone(env: Env) -> None:
    chair, _member, _group = await committee(env)
    before = len(env.world.bot_messages(chair))
    env.world.send_sticker(chair, chair, "😂")
    await env.idle()
    assert env.world.bot_messages(chair)[before:] == []
