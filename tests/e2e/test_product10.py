"""The product backlog of helper «product10», asserted on what people see in Telegram (the emulator):
one clock in a reminder's header, one group message where one would do, a short group line for a
new-task list a blocked person could not receive, coordinating units told of their new tasks, and a
supergroup's welcome that a restart does not lose."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.app import build_application, running
from bot.clock import ManualClock
from bot.services import services_of
from bot.settings import Settings
from db.models import Notice
from emulator import Chat, Emulator, User, World, text_mention
from jobs.dispatcher import dispatch_once
from jobs.ratelimit import unlimited
from jobs.runtime import DispatchRuntime
from tests.e2e.conftest import START, Env, Since, mentioned
from tests.e2e.test_gaps3 import _committee as gaps3_committee
from tests.e2e.test_gaps3 import _conclusion, _counts
from tests.e2e.test_long_conclusion import bot_messages_since, preview_after, save
from tests.e2e.test_reminders_e2e import at, committee_with_a_task, reminders, wake

__all__ = ["reminders"]  # the fixture, used by name


# ------------------------------------------------------------------------------------- 1: one ⏰ a reminder
async def test_a_reminder_shows_the_clock_once_in_the_private_chat_and_in_the_group(reminders: Env) -> None:
    env = reminders
    _chair, binh, _an, group, _ = await committee_with_a_task(env)
    new = Since(env.world, binh, group)
    await wake(env, at(2026, 11, 27, 8, 0))  # Friday: 3 working days before Wednesday 2/12
    [private] = new(binh)
    [in_group] = new(group)
    for message in (private, in_group):
        assert message.plain.startswith("⏰ Nhắc việc"), message.plain
        assert message.plain.count("⏰") == 1, message.plain
        assert "🔔 #1 · BCĐ Chuyển đổi số phường Sài Đồng" in message.plain


# ------------------------------------------------------------------------------------- 3: a short line, not 20 tasks
async def test_a_save_of_twenty_for_someone_who_blocked_the_bot_unnoticed_is_one_short_group_line(env: Env) -> None:
    chair, binh, an, group = await gaps3_committee(env)
    env.emulator.faults.forbid_users([binh.id])  # Bình blocked the bot; Telegram's update never came
    binh_0, group_0 = _counts(env, binh, group)
    env.world.send_text(chair, group, "/nhap\n" + _conclusion(20, long=True))  # long: two private parts
    tasks = await save(env, chair, await preview_after(env, group, group_0))
    assert len(tasks) == 20
    await env.idle()
    assert bot_messages_since(env, binh, binh_0) == []
    told = [m for m in bot_messages_since(env, group, group_0) if "Bình Lê" in m.plain]
    assert len(told) == 1, [m.plain for m in told]
    line = told[0]
    first, last = tasks[0].number, tasks[-1].number
    assert "bot không gửi được tin nhắn riêng" in line.plain and "20 nhiệm vụ mới" in line.plain
    assert f"#{first}–#{last}" in line.plain and "/viec" in line.plain and "Bỏ chặn" in line.plain
    assert binh.id in mentioned(line) and line.button_texts() == []
    assert len(line.plain) < 400 and "rà soát hồ sơ lĩnh vực" not in line.plain
    assert env.emulator.faults.counts["forbidden"] == 1  # the second part was folded, never tried
    async with env.sessions() as s:
        rows = (await s.scalars(select(Notice).where(Notice.kind == "task_new"))).all()
    assert sorted(r.status for r in rows) == ["cancelled", "sent"]
    assert {r.delivered_to_chat for r in rows if r.status == "sent"} == {group.id}
    # Nobody else was told anything more, and the bot knows now: the next save tells nobody privately.
    assert bot_messages_since(env, an, 0) == []


# ------------------------------------------------------------------------------------- 4: coordinating units told
async def _two_units(env: Env) -> tuple[User, User, User, User, Chat]:
    """Văn phòng (contact Bình) and Ban biên tập (contacts Cường, and Dũng who never wrote to the bot);
    Bình and Cường opened a private chat with the bot."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh, cuong, dung = w.add_user("Bình", "Lê"), w.add_user("Cường", "Trần"), w.add_user("Dũng", "Võ")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh, cuong, dung])
    w.start_private(binh)
    w.start_private(cuong)
    await env.idle()
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP")
    await env.say(chair, group, "/donvi them Ban biên tập = BBT")
    await env.say(chair, group, ["/donvi gan VP ", text_mention(binh)])
    await env.say(chair, group, ["/donvi gan BBT ", text_mention(cuong), " ", text_mention(dung)])
    return chair, binh, cuong, dung, group


async def test_a_coordinating_units_contact_is_told_of_the_new_task_once_as_coordinator(env: Env) -> None:
    chair, binh, cuong, dung, group = await _two_units(env)
    binh_0, cuong_0, dung_0, group_0 = _counts(env, binh, cuong, dung, group)
    card = await env.say(chair, group, "/giao VP chủ trì, phối hợp Ban biên tập cập nhật cổng thông tin xong trước "
                                       "ngày 10/12")
    assert "Phối hợp: Ban biên tập" in card.plain, card.plain
    [lead] = bot_messages_since(env, binh, binh_0)
    assert "Anh/chị được giao nhiệm vụ mới" in lead.plain and "🤝" not in lead.plain
    [told] = bot_messages_since(env, cuong, cuong_0)
    assert told.plain.startswith("🤝 Anh/chị được giao phối hợp thực hiện nhiệm vụ mới — BCĐ Chuyển đổi số")
    assert "#1 " in told.plain and "cập nhật cổng thông tin" in told.plain and "Hạn: Thứ Năm, 10/12/2026" in told.plain
    assert "Chủ trì: Văn phòng HĐND&UBND\n🤝 Phối hợp: Ban biên tập (đơn vị của anh/chị)" in told.plain
    assert "Đơn vị chủ trì chịu trách nhiệm về tiến độ" in told.plain and "Bot sẽ nhắc trước hạn" not in told.plain
    assert told.button_texts() == ["📝 Báo cáo tiến độ", "🚧 Vướng mắc"]
    # Dũng never opened a chat: nothing privately, nothing more in the group (the card names the units).
    assert bot_messages_since(env, dung, dung_0) == []
    assert [m.message_id for m in bot_messages_since(env, group, group_0)] == [card.message_id]
    # His button works: a coordinator's progress is recorded on the task.
    await env.press(cuong, told, "📝 Báo cáo tiến độ")
    done = await env.say(cuong, cuong, "đã gửi 3 bài", reply_to=env.world.last_bot_message(cuong))
    assert "Đã ghi tiến độ #1" in done.plain
    # Taken back as a slip: he is told too, as the lead's contact is.
    slip = await env.say(chair, group, "/giao VP chủ trì, phối hợp BBT lập danh sách hộ nghèo trước ngày 4/12")
    cuong_1 = _counts(env, cuong)[0]
    await env.press(chair, slip, "Hoàn tác")
    [back] = bot_messages_since(env, cuong, cuong_1)
    assert "#2" in back.plain and "đã được rút lại" in back.plain


async def test_one_message_a_person_and_save_whether_he_leads_or_coordinates(env: Env) -> None:
    chair, _binh, cuong, _dung, group = await _two_units(env)
    cuong_0, group_0 = _counts(env, cuong, group)
    env.world.send_text(chair, group, "/nhap\nKết luận giao ban tuần\n"
                        "1. Giao Văn phòng HĐND&UBND chủ trì, phối hợp Ban biên tập rà soát hồ sơ một cửa, hoàn "
                        "thành trước ngày 10/12/2026.\n"
                        "2. Giao Ban biên tập cập nhật tin bài lên Cổng thông tin điện tử, hoàn thành trước ngày "
                        "12/12/2026.\n")
    tasks = await save(env, chair, await preview_after(env, group, group_0))
    assert len(tasks) == 2
    await env.idle()
    [told] = bot_messages_since(env, cuong, cuong_0)
    assert "Anh/chị được giao 2 nhiệm vụ mới" in told.plain
    one, two = tasks
    assert f"#{one.number} Giao Văn phòng" in told.plain and "🤝 Phối hợp: Ban biên tập" in told.plain
    assert told.plain.count("🤝 Phối hợp") == 1  # #2 is his unit's own: no mark
    assert "Việc anh/chị phối hợp (🤝)" in told.plain and "Bot sẽ nhắc trước hạn" in told.plain
    assert told.button_texts() == [f"#{one.number} 📝 Tiến độ", f"#{one.number} 🚧 Vướng mắc",
                                   f"#{two.number} ✅ Xong", f"#{two.number} 📝 Tiến độ",
                                   f"#{two.number} ⏳ Gia hạn", f"#{two.number} 🚧 Vướng mắc"]


# ------------------------------------------------------------------------------------- 5: a welcome kept
async def test_a_supergroups_welcome_survives_a_restart_in_its_wait(database_url: str) -> None:
    """The bot is added to a supergroup; its welcome waits WELCOME_WAIT for an upgrade's migration messages.
    The bot stops in that wait (its JobQueue job dies with it): started again, it welcomes the group once."""
    clock = ManualClock(START)
    world = World(clock=clock)
    chair = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = world.add_group("BCĐ Cải cách hành chính phường Phúc Đồng", creator=chair, supergroup=True,
                            bot_status=None)

    def welcomes() -> list[str]:
        return [m.plain for m in world.bot_messages(group) if "Xin chào" in m.plain]

    async with Emulator(world, strict=True) as emu:
        settings = Settings(bot_token=world.token, database_url=database_url, telegram_api_url=emu.base_url,
                            dispatch_interval=3600)
        first = build_application(settings, clock)
        async with running(first):
            world.add_bot(group, by=chair)
            await world.wait_idle(5.0, update_queue=first.update_queue)
            [job] = first.job_queue.get_jobs_by_name(f"welcome:{group.id}")  # type: ignore[union-attr]
            job.schedule_removal()  # the process ends before the job runs
        assert welcomes() == []

        clock.advance(timedelta(seconds=30))
        second = build_application(settings, clock)
        async with running(second):
            runtime = DispatchRuntime.create("restarted", limiter=unlimited())
            await dispatch_once(services_of(second), second.bot, clock.now(), runtime)
            await world.wait_idle(5.0, update_queue=second.update_queue)
            [welcome] = welcomes()
            assert "BCĐ Cải cách hành chính phường Phúc Đồng" in welcome
            await dispatch_once(services_of(second), second.bot, clock.now() + timedelta(minutes=5), runtime)
            await world.wait_idle(5.0, update_queue=second.update_queue)
            assert len(welcomes()) == 1


# ------------------------------------------------------------------------------------- 2a: asked in the group
async def test_an_extension_asked_in_the_group_and_approved_is_one_new_group_message(reminders: Env) -> None:
    env = reminders
    chair, binh, an, group, _ = await committee_with_a_task(env)
    asked = await env.say(binh, group, "/giahan 1 18/12 chờ kinh phí")
    assert "Đã gửi đề nghị gia hạn #1" in asked.plain or "✅ Đồng ý" in asked.button_texts()
    ask = next(m for m in reversed(env.world.bot_messages(group)) if "✅ Đồng ý" in m.button_texts())
    new = Since(env.world, binh, group)
    await env.press(chair, ask, "✅ Đồng ý")
    assert (await env.task(1, group)).due_current.isoformat() == "2026-12-18"  # type: ignore[union-attr]
    # Bình asked in the group: his answer is there, with An (no private chat) named in the same message.
    [told] = new(group)
    assert told.plain.startswith("📨 Gửi Bình Lê, An Phạm:")
    assert "theo đề nghị của Bình Lê" in told.plain and "Hạn mới: Thứ Sáu, 18/12/2026" in told.plain
    assert set(mentioned(told)) == {binh.id, an.id}
    assert new(binh) == []
