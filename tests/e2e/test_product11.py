"""The product backlog of helper «product11», asserted on what people see in Telegram (the emulator):
one group message for an approval whose requester turned out (a 403) to have blocked the bot, one
group message for a reassignment made on the board, the demotion hint kept across a restart, a name
given once on a card and a reminder."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.e2e.conftest import Env, Since, bot_env, mentioned
from tests.e2e.test_board import WEBAPP, Client, cast, logged
from tests.e2e.test_decisions import _ask_extension_privately
from tests.e2e.test_reminders_e2e import committee_with_a_task, reminders

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

