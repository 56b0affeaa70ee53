"""Reminders and the weekly summary end to end: the real Application (handlers, buttons, jobs
wiring) against the Bot API emulator, which checks the HTML, the mentions, the buttons and plays
Telegram's failures (403 blocked, a group upgraded to a supergroup, the bot removed and re-added).
The test moves the bot's clock and wakes the dispatcher itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from db.models import Committee
from db.summaries import ensure_summary_runs
from emulator import Chat, Message, User, text_mention
from jobs.dispatcher import dispatch_once
from jobs.ratelimit import unlimited
from jobs.runtime import DispatchRuntime, DispatchStats
from jobs.scheduling import DISPATCHER_JOB, SUMMARY_PLANNER_JOB, dispatcher_tick, runtime_of
from jobs.summary import summary_messages
from tests.e2e.conftest import Env, Since

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN).astimezone(UTC)


@pytest.fixture
def reminders(env: Env) -> Env:
    # The test wakes the dispatcher itself, at the moments it chooses.
    for name in (DISPATCHER_JOB, SUMMARY_PLANNER_JOB):
        for job in env.app.job_queue.get_jobs_by_name(name):  # type: ignore[attr-defined]
            job.schedule_removal()
    return env


async def wake(env: Env, when: datetime) -> DispatchStats:
    env.clock.set(when)
    runtime = env.app.bot_data.setdefault(  # type: ignore[attr-defined]
        "e2e_runtime", DispatchRuntime.create("e2e", limiter=unlimited())
    )
    async with env.sessions() as s, s.begin():  # what the hourly planner does
        await ensure_summary_runs(s, env.clock.now())
    stats = await dispatch_once(env.services, env.app.bot, env.clock.now(), runtime)  # type: ignore[arg-type]
    await env.idle()
    return stats


async def committee_with_a_task(env: Env) -> tuple[User, User, User, Chat, Message]:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê")  # no username; opens a private chat with the bot
    an = w.add_user("An", "Phạm")  # no username, never writes to the bot privately
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh, an])
    w.start_private(binh)
    await env.idle()
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP")
    await env.say(chair, group, ["/donvi gan VP ", text_mention(binh), " ", text_mention(an)])
    reply = await env.say(chair, group, "/giao VP chủ trì rà soát hồ sơ thủ tục <một cửa> xong trước ngày 2/12")
    assert "#1" in reply.plain and "Thứ Tư, 02/12/2026" in reply.plain
    return chair, binh, an, group, reply


async def test_reminder_reaches_people_and_the_done_button_stops_it(reminders: Env) -> None:
    env = reminders
    _chair, binh, an, group, _ = await committee_with_a_task(env)
    new = Since(env.world, binh, group)

    assert (await wake(env, at(2026, 11, 27, 7, 59))).messages_sent == 0
    await wake(env, at(2026, 11, 27, 8, 0))  # Friday: 3 working days before Wednesday 2/12
    [private] = new(binh)
    assert "#1" in private.plain and "rà soát hồ sơ thủ tục <một cửa>" in private.plain
    assert "Hạn: Thứ Tư, 02/12/2026 (còn 5 ngày)" in private.plain
    assert private.button_texts() == ["✅ Đã xong", "📝 Báo cáo tiến độ", "⏳ Xin gia hạn", "🚧 Vướng mắc"]
    [in_group] = new(group)
    mentions = [e for e in in_group.entities if e["type"] == "text_mention"]
    assert [m["user"]["id"] for m in mentions] == [an.id]  # An is reached without a username

    # Bình presses "Đã xong" on the reminder: the core handler closes the task ...
    query = await env.press(binh, private, "✅ Đã xong")
    assert query.answered  # type: ignore[attr-defined]
    task = await env.task(1, group)
    assert task.status == "done"
    # ... and nobody is reminded of it again.
    for day in (30, 1, 2, 3):
        month = 11 if day == 30 else 12
        await wake(env, at(2026, month, day, 8))
    assert not any("Nhắc việc" in m.plain for m in new(binh)[1:])
    assert not any("Nhắc việc" in m.plain for m in new(group)[1:])


async def test_blocked_user_falls_back_to_a_mention_in_the_group(reminders: Env) -> None:
    env = reminders
    _chair, binh, an, group, _ = await committee_with_a_task(env)
    env.emulator.faults.forbid_users([binh.id])  # Bình blocked the bot (Telegram answers 403)
    new = Since(env.world, group)
    stats = await wake(env, at(2026, 11, 27, 8))
    assert stats.fallbacks == 1
    [in_group] = new(group)  # one message: An and Bình together
    assert {m["user"]["id"] for m in in_group.entities if m["type"] == "text_mention"} == {
        binh.id,
        an.id,
    }
    assert env.emulator.faults.counts["forbidden"] == 1
    await wake(env, at(2026, 12, 1, 8))  # known blocked now: straight to the group, no second 403
    assert env.emulator.faults.counts["forbidden"] == 1


async def test_group_upgraded_to_a_supergroup_while_nobody_told_the_bot(reminders: Env) -> None:
    env = reminders
    _chair, _binh, _an, group, _ = await committee_with_a_task(env)
    supergroup = env.world.migrate_to_supergroup(group)
    env.world.drop_pending_updates()  # the bot never saw the service message: its send gets ChatMigrated
    await wake(env, at(2026, 11, 27, 8))
    assert any("Nhắc việc" in m.plain for m in env.world.bot_messages(supergroup))
    async with env.sessions() as s:
        assert (await s.execute(select(Committee.chat_id))).scalars().all() == [supergroup.id]


async def test_removed_bot_pauses_and_catches_up_once_added_back(reminders: Env) -> None:
    env = reminders
    chair, binh, _an, group, _ = await committee_with_a_task(env)
    env.world.remove_bot(group, by=chair)
    await env.idle()
    new = Since(env.world, binh)
    assert (await wake(env, at(2026, 11, 27, 8))).claimed == 0  # paused
    env.clock.set(at(2026, 12, 1, 9, 30))
    env.world.add_bot(group, by=chair)
    await env.idle()
    await wake(env, at(2026, 12, 1, 9, 30))
    [caught_up] = new(binh)
    assert "còn 1 ngày" in caught_up.plain  # what applies now, once; not Friday's as well
    await wake(env, at(2026, 12, 1, 15))
    assert len(new(binh)) == 1


async def test_monday_summary_posted_once(reminders: Env) -> None:
    env = reminders
    chair, _binh, _an, group, _ = await committee_with_a_task(env)
    await env.say(chair, group, "/giao VP báo cáo số liệu tháng trước ngày 25/11")
    new = Since(env.world, group)
    await wake(env, at(2026, 11, 30, 7, 30))  # the first Monday after the committee was created
    posted = [m for m in new(group) if m.plain.startswith("📊")]
    assert len(posted) == 1
    summary = posted[0].plain
    assert "Tổng số: 2 nhiệm vụ" in summary
    assert "Đang thực hiện: 2 (trong hạn 1, quá hạn 1)" in summary
    [overdue] = [line for line in summary.split("\n") if line.startswith("#2 ")]
    assert "báo cáo số liệu tháng" in overdue and "— quá hạn 5 ngày (hạn Thứ Tư, 25/11/2026)" in overdue
    assert overdue.endswith("Chủ trì: Văn phòng HĐND&UBND")
    assert "Đến hạn trong tuần (1)" in summary and "#1" in summary
    await wake(env, at(2026, 11, 30, 9))
    assert len([m for m in env.world.bot_messages(group) if m.plain.startswith("📊 TỔNG HỢP")]) == 1
    # What /tonghop is to show on demand (jobs.summary.summary_messages) is the same as the post.
    async with env.sessions() as s:
        committee = (await s.execute(select(Committee))).scalar_one()
        [on_demand] = await summary_messages(s, committee.id, at(2026, 11, 30, 10))
    assert on_demand == posted[0].source_text


async def test_the_jobqueue_tick_wakes_one_background_drain(env: Env) -> None:
    _chair, binh, _an, group, _ = await committee_with_a_task(env)
    before = len(env.world.bot_messages(binh))
    env.clock.set(at(2026, 11, 27, 8))
    context = SimpleNamespace(application=env.app)
    await dispatcher_tick(context)  # type: ignore[arg-type]
    first = runtime_of(env.app).draining  # type: ignore[arg-type]
    await dispatcher_tick(context)  # type: ignore[arg-type]
    assert runtime_of(env.app).draining is first  # still running: not started twice
    assert first is not None
    await first
    await env.idle()
    assert len(env.world.bot_messages(binh)) == before + 1
    assert any("Nhắc việc" in m.plain for m in env.world.bot_messages(group))


async def test_a_prompt_after_a_group_button_is_addressed_to_whoever_pressed_it(reminders: Env) -> None:
    # ForceReply(selective=True) opens the reply box only for people mentioned in the prompt: a prompt
    # that names nobody would leave An (no username) with no box to answer in.
    env = reminders
    _chair, _binh, an, group, _ = await committee_with_a_task(env)
    new = Since(env.world, group)
    await wake(env, at(2026, 11, 27, 8))
    [in_group] = new(group)
    await env.press(an, in_group, "📝 Báo cáo tiến độ")
    prompt = env.world.bot_messages(group)[-1]
    assert "Trả lời (reply) tin nhắn này bằng nội dung tiến độ của #1" in prompt.plain
    assert prompt.reply_markup == {"force_reply": True, "selective": True}
    assert [e["user"]["id"] for e in prompt.entities if e["type"] == "text_mention"] == [an.id]
    env.world.send_text(an, group, "đã rà soát xong 40 hồ sơ", reply_to=prompt)
    answer = await env.world.wait_for(chat=group)
    assert "Đã ghi tiến độ #1" in answer.plain


@pytest.mark.parametrize("by_id", [False, True], ids=["by-username", "by-text-mention"])
async def test_a_task_led_by_one_person_names_her_once_in_the_group(reminders: Env, by_id: bool) -> None:
    # polish1: the group read «Chủ trì: @hoa_tran» then «👤 @hoa_tran», the same person twice. The lead
    # line carries her mention now (it still notifies her); a unit's reminder keeps both lines.
    env = reminders
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    hoa = w.add_user("Hoa", "Trần", username="hoa_tran")  # never wrote to the bot privately
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[hoa])
    await env.idle()
    task = "soạn báo cáo sơ kết quý IV trước ngày 2/12"
    if by_id:  # the chair picked her from the member list: she is known by her Telegram id
        reply = await env.say(chair, group, ["/giao ", text_mention(hoa), " " + task])
    else:
        reply = await env.say(chair, group, "/giao @hoa_tran " + task)
    assert "#1" in reply.plain
    new = Since(env.world, group)
    await wake(env, at(2026, 11, 27, 8))
    [in_group] = new(group)
    lines = in_group.plain.split("\n")
    assert not any(line.startswith("👤") and "Chủ trì" not in line for line in lines)
    # qa16: the lead line carries the icon every other screen gives a person lead (👤), as /xem and /giao
    [lead] = [line for line in lines if line.startswith("👤 Chủ trì: ")]
    # (product11) the name she was given by starts no more the task's own text: the lead line names her
    assert task in lines
    if by_id:  # a text mention that reaches her, on the lead line only
        assert [m["user"]["id"] for m in in_group.entities if m["type"] == "text_mention"] == [hoa.id]
        assert in_group.plain.count("Hoa Trần") == 1
    else:  # the @username (Telegram notifies her), once: as the lead
        assert lead == "👤 Chủ trì: @hoa_tran" and in_group.plain.count("@hoa_tran") == 1


async def test_a_task_led_by_a_unit_keeps_the_unit_and_its_people_in_the_group(reminders: Env) -> None:
    env = reminders
    _chair, _binh, _an, group, _ = await committee_with_a_task(env)
    new = Since(env.world, group)
    await wake(env, at(2026, 11, 27, 8))
    [in_group] = new(group)
    lines = in_group.plain.split("\n")
    # qa16: 🏢 before a unit lead, as on /xem, /giao and the board
    assert "🏢 Chủ trì: Văn phòng HĐND&UBND" in lines and "👤 An Phạm" in lines


# ---------------------------------------------------------------------------------------------- sec15
async def test_a_stranger_given_a_task_by_a_mistyped_name_gets_no_reminder_privately(reminders: Env) -> None:
    """«/giao @binh_lee …» for the member «@binh_le», saved although the chair was warned (qa19): the stranger
    (he wrote /start to the bot once) got the task's reminders in his private chat. Now his reminder goes to
    the group, the group is told once that he is not a member, and Telegram is asked once a round about him,
    however many tasks he has; once he joins, his reminders are his own again."""
    env = reminders
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    member = w.add_user("Bình", "Lê", username="binh_le")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[member])
    stranger = w.add_user("Bình", "Lê Văn", username="binh_lee")
    w.start_private(stranger)
    await env.idle()
    await env.say(chair, group, "/giao @binh_lee rà soát hồ sơ một cửa trước ngày 2/12")
    await env.say(chair, group, "/giao @binh_lee tổng hợp số liệu hộ nghèo trước ngày 2/12")
    assert "chưa thấy trong nhóm" in (w.last_bot_message(group) or "").plain  # type: ignore[union-attr]
    new = Since(w, stranger, group)
    asked = w.member_lookups[stranger.id]

    await wake(env, at(2026, 11, 27, 8, 0))  # 3 working days before Wednesday 2/12
    assert new(stranger) == []
    group_msgs = new(group)
    reminder = [m for m in group_msgs if "rà soát hồ sơ một cửa" in m.plain]
    assert len(reminder) == 1 and "tổng hợp số liệu hộ nghèo" in reminder[0].plain
    # sec16: its footer says what he can do — not «open a private chat with the bot», which would not help
    assert "hãy vào nhóm này, hoặc nhờ Trưởng ban giao lại việc" in reminder[0].plain
    assert "mở chat riêng" not in reminder[0].plain and "/start" not in reminder[0].plain
    [told] = [m for m in group_msgs if "Người thực hiện không có trong nhóm" in m.plain]
    assert "Việc #1: @binh_lee" in told.plain and "Việc #2: @binh_lee" in told.plain
    assert "/sua 1 giao @tên_đúng" in told.plain
    assert w.member_lookups[stranger.id] - asked == 1  # one look-up for his two tasks
    assert w.member_lookups[w.bot.id] == 1  # and, first, the bot's own standing there (sec17: once a week)

    new = Since(w, stranger, group)
    await wake(env, at(2026, 12, 1, 8, 0))  # the next round: reminded in the group again, not told again
    assert new(stranger) == []
    again = new(group)
    assert any("rà soát hồ sơ một cửa" in m.plain for m in again)
    assert not any("không có trong nhóm" in m.plain for m in again)

    w.add_member(group, stranger, by=chair)  # he joins: «X joined» tells the bot at once
    await env.idle()
    new = Since(w, stranger, group)
    await wake(env, at(2026, 12, 2, 8, 0))
    [private] = [m for m in new(stranger) if "rà soát hồ sơ một cửa" in m.plain]
    assert private.button_texts()  # his own buttons, in his own chat


async def test_a_member_reminded_privately_is_asked_about_once_a_round(reminders: Env) -> None:
    """The check costs a group's members nothing they see: Bình (in the group, private chat open) is reminded
    privately as before; what Telegram said of him half a minute ago (his /ds in the group) is not asked
    again. Four days later he is: the bot is no admin of this group, so a departure could have gone unheard
    (sec17: believed UNHEARD_TRUST, under a day; a week only where the bot hears chat_member —
    tests/e2e/test_sec17_unheard_departures.py); the bot's own standing is asked once. After his «left» the
    bot heard, it is not believed: his reminders are no longer his (the departure took them)."""
    env = reminders
    _chair, binh, _an, group, _ = await committee_with_a_task(env)
    env.clock.set(at(2026, 11, 27, 7, 59) + timedelta(seconds=30))
    await env.say(binh, group, "/ds")
    new = Since(env.world, binh, group)
    asked = env.world.calls["getChatMember"]
    await wake(env, at(2026, 11, 27, 8, 0))
    assert len(new(binh)) == 1
    assert not any("không có trong nhóm" in m.plain for m in new(group))
    assert env.world.calls["getChatMember"] == asked
    before = env.world.member_lookups[binh.id]
    await wake(env, at(2026, 12, 1, 8, 0))  # the day before the deadline
    assert len(new(binh)) == 2
    assert env.world.member_lookups[binh.id] == before + 1 and env.world.member_lookups[env.world.bot.id] == 1
    env.world.remove_member(group, binh)
    await env.idle()
    await wake(env, at(2026, 12, 2, 8, 0))
    assert len(new(binh)) == 2
