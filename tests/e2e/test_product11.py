"""The product backlog of helper «product11», asserted on what people see in Telegram (the emulator):
one group message for an approval whose requester turned out (a 403) to have blocked the bot, one
group message for a reassignment made on the board, the demotion hint kept across a restart, a name
given once on a card and a reminder."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.app import build_application, running
from bot.clock import ManualClock
from bot.settings import Settings
from emulator import Emulator, World
from tests.e2e.conftest import START, Env, Since, bot_env, mentioned
from tests.e2e.test_board import WEBAPP, Client, cast, logged
from tests.e2e.test_decisions import _ask_extension_privately
from tests.e2e.test_reminders_e2e import at, committee_with_a_task, reminders, wake

__all__ = ["reminders"]  # the fixture, used by name


# ------------------------------------------------------------------------------------- 1: a 403 at send time
async def test_an_approval_whose_requester_blocked_the_bot_unnoticed_is_one_group_message(reminders: Env) -> None:
    env = reminders
    chair, binh, an, group, _ = await committee_with_a_task(env)
    ask = await _ask_extension_privately(env, binh, group)
    env.emulator.faults.forbid_users([binh.id])  # Bình blocked the bot; Telegram's update never came
    new = Since(env.world, binh, group)
    query = env.world.press_button(chair, ask, text="✅ Đồng ý")
    await env.world.wait_until(lambda: query.answered)
    await env.world.wait_idle(timeout=20, update_queue=env.app.update_queue)  # type: ignore[attr-defined]
    assert new(binh) == []
    # ONE new group message, as when the block was known before: Bình (his private answer refused) and
    # An (the unit's other contact, no private chat) named in it. It was two: An told of the new
    # deadline, then Bình's answer rerouted after the 403.
    [told] = new(group)
    assert told.plain.startswith("📨 Gửi Bình Lê, An Phạm:"), told.plain
    assert "đồng ý gia hạn nhiệm vụ #1" in told.plain and "theo đề nghị của Bình Lê" in told.plain
    assert "Hạn mới: Thứ Tư, 30/12/2026" in told.plain and "hạn cũ: Thứ Tư, 02/12/2026" in told.plain
    assert set(mentioned(told)) == {binh.id, an.id}
    await env.idle()
    assert new(group) == [told]  # nothing left for the dispatcher's tick either


# ------------------------------------------------------------------------------------- 2: a reassignment on the board
@pytest.fixture
async def board(database_url: str) -> AsyncIterator[Env]:
    async with bot_env(database_url, webapp_url=WEBAPP, webapp_port=0) as e:
        yield e


async def test_a_reassignment_on_the_board_is_one_group_message_naming_who_lost_and_who_got_it(board: Env) -> None:
    env = board
    chair, police, member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)  # #1: Công an phường, its contact Tuấn (no private chat)
    await env.idle()
    new = Since(env.world, group, police, member)
    status, result = await Client(env, chair).call(f"c/{cid}/t/1", {"action": "reassign", "value": "@minh_member"})
    assert status == 200 and result["ok"], result
    await env.idle()
    # ONE group message, the one a chair expects: who did it on the board, the task, who has it now, its
    # deadline, and Tuấn (loses it) and Minh (gets it) named so that Telegram notifies them. It was three:
    # «📨 Gửi Tuấn: … đã được giao lại», «📨 Gửi Minh: Anh/chị được giao …» and the board's line.
    [said] = new(group)
    assert said.plain.startswith("🗂 Lan Nguyễn (trên Bảng việc): ✏️ Đã sửa #1: người thực hiện."), said.plain
    assert "Chủ trì: @minh_member" in said.plain and "rà soát camera an ninh" in said.plain
    assert "Hạn: " in said.plain and "25/11/2026" in said.plain
    assert "Tuấn Đỗ" in said.plain and "bot thôi nhắc" in said.plain
    # Minh is known to the bot only by the @username typed on the board: an @mention (Telegram notifies him).
    assert "@minh_member: anh/chị được giao việc này" in said.plain
    assert police.id in mentioned(said)
    assert new(police) == [] and new(member) == []  # neither opened a chat with the bot



# ------------------------------------------------------------------------------------- 3: the demotion hint kept
async def test_a_demoted_admin_is_told_why_once_even_after_a_restart(database_url: str) -> None:
    """Bình, an administrator (a chair because he is one), is demoted; the bot (an administrator itself)
    hears it at once. The bot restarts; Bình's next /huy was refused with «Chỉ Trưởng ban mới được huỷ»
    only: the reason, kept in memory, died with the process. Now it is kept in the database, and said
    once."""
    clock = ManualClock(START)
    world = World(clock=clock)
    lan = world.add_user("Lan", "Nguyễn", username="lan_truongban")
    binh = world.add_user("Bình", "Phạm", username="binh_pham")
    group = world.add_group("BCĐ Chuyển đổi số phường", creator=lan, admins=[binh], bot_status="administrator")
    async with Emulator(world, strict=True) as emu:
        settings = Settings(bot_token=world.token, database_url=database_url, telegram_api_url=emu.base_url,
                            dispatch_interval=3600)
        first = build_application(settings, clock)
        async with running(first):
            world.send_text(binh, group, "/giao @binh_pham rà soát hồ sơ một cửa trước ngày 15/12")
            await world.wait_idle(10.0, update_queue=first.update_queue)
            assert "Đã ghi nhiệm vụ #1" in world.bot_messages(group)[-1].plain
            world.demote_admin(group, binh, by=lan)
            await world.wait_idle(10.0, update_queue=first.update_queue)

        clock.advance(timedelta(minutes=5))
        second = build_application(settings, clock)
        async with running(second):
            said = Since(world, group)
            world.send_text(binh, group, "/huy 1 trùng việc")
            await world.wait_idle(10.0, update_queue=second.update_queue)
            [refused] = said(group)
            assert "Chỉ Trưởng ban mới được huỷ" in refused.plain
            assert "không còn là quản trị viên của nhóm nên không còn quyền Trưởng ban" in refused.plain
            world.send_text(binh, group, "/huy 1 trùng việc")
            await world.wait_idle(10.0, update_queue=second.update_queue)
            [_, again] = said(group)
            assert "Chỉ Trưởng ban mới được huỷ" in again.plain and "quản trị viên" not in again.plain  # once


# ------------------------------------------------------------------------------------- 4: the name once
async def test_a_task_given_by_username_names_its_person_once_on_the_card_and_the_reminder(reminders: Env) -> None:
    env = reminders
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê", username="binh_le")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh])
    new = Since(w, group)
    card = await env.say(chair, group, "/giao @binh_le rà soát hồ sơ thủ tục một cửa xong trước ngày 2/12")
    # It read «@binh_le rà soát hồ sơ …» and, on the next line, «👤 Chủ trì: @binh_le».
    assert card.plain.count("binh_le") == 2, card.plain  # the lead line, and the «not met yet» warning
    assert "\nrà soát hồ sơ thủ tục một cửa xong trước ngày 2/12\n" in card.plain and "Chủ trì: @binh_le" in card.plain
    shown = await env.say(chair, group, "/xem 1")
    assert shown.plain.count("binh_le") == 1, shown.plain
    await wake(env, at(2026, 11, 27, 8, 0))  # Friday: 3 working days before Wednesday 2/12
    reminder = next(m for m in new(group) if m.plain.startswith("⏰ Nhắc việc"))
    assert reminder.plain.count("binh_le") == 1 and "Chủ trì: @binh_le" in reminder.plain, reminder.plain
    assert "\nrà soát hồ sơ thủ tục một cửa xong trước ngày 2/12\n" in reminder.plain
