"""Gaps closed in one pass (helper «gaps»): the people of a cancelled or reassigned task are told;
/xem in a private chat; /giahan to a day already past, in words; chit-chat and photos during a
private /nhap gathering."""

from __future__ import annotations

from emulator import text_mention
from tests.e2e.conftest import Env
from tests.e2e.test_reminders_e2e import committee_with_a_task


def _mentioned(message: object) -> list[int]:
    return [e["user"]["id"] for e in message.entities if e["type"] == "text_mention"]  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------- 1: /huy, /sua giao
async def test_a_cancelled_task_is_told_to_those_who_were_to_do_it(env: Env) -> None:
    chair, binh, an, group, _ = await committee_with_a_task(env)
    env.world.start_private(chair)
    await env.idle()
    chair_before = len(env.world.bot_messages(chair))
    binh_before = len(env.world.bot_messages(binh))
    group_before = len(env.world.bot_messages(group))

    done = await env.say(chair, group, "/huy 1 đã giao cho Tổ công nghệ số cộng đồng")
    assert "Đã huỷ nhiệm vụ #1" in done.plain
    # Bình opened a chat with the bot: told there, with who cancelled and why.
    [told] = env.world.bot_messages(binh)[binh_before:]
    assert "#1" in told.plain and "đã được huỷ" in told.plain and "Lan Nguyễn" in told.plain
    assert "lý do: đã giao cho Tổ công nghệ số cộng đồng" in told.plain
    assert "rà soát hồ sơ thủ tục <một cửa>" in told.plain and "bot thôi nhắc" in told.plain
    # An never wrote to the bot: named in the group, in one message after the answer.
    [answer, named] = env.world.bot_messages(group)[group_before:]
    assert answer is not None and "đã được huỷ" in named.plain and _mentioned(named) == [an.id]
    # The chair who cancelled is told nothing more.
    assert env.world.bot_messages(chair)[chair_before:] == []


async def test_a_reassigned_task_is_told_to_the_old_and_the_new_doers(env: Env) -> None:
    chair, binh, an, group, _ = await committee_with_a_task(env)
    cuong = env.world.add_user("Cường", "Trần")
    env.world.add_member(group, cuong)
    env.world.start_private(cuong)
    await env.idle()
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, ["/donvi gan CA ", text_mention(cuong)])
    binh_before = len(env.world.bot_messages(binh))
    group_before = len(env.world.bot_messages(group))

    done = await env.say(chair, group, "/sua 1 giao Công an phường")
    assert "Đã sửa #1" in done.plain
    [away] = env.world.bot_messages(binh)[binh_before:]
    assert "#1" in away.plain and "đã được giao lại" in away.plain and "Công an phường" in away.plain
    assert "không còn phụ trách" in away.plain
    [given] = env.world.bot_messages(cuong)[-1:]
    assert "được giao" in given.plain and "#1" in given.plain and "rà soát hồ sơ thủ tục <một cửa>" in given.plain
    assert "Chủ trì: Công an phường" in given.plain and "Hạn: Thứ Tư, 02/12/2026" in given.plain
    [_answer, named] = env.world.bot_messages(group)[group_before:]
    assert "đã được giao lại" in named.plain and _mentioned(named) == [an.id]

    # Given back to a unit Cường is still in, with Văn phòng: Cường keeps it and is not told again.
    cuong_before = len(env.world.bot_messages(cuong))
    binh_before = len(env.world.bot_messages(binh))
    await env.say(chair, group, "/sua 1 giao Công an phường chủ trì, phối hợp VP")
    assert env.world.bot_messages(cuong)[cuong_before:] == []
    assert env.world.bot_messages(binh)[binh_before:] == []  # VP only coordinates: not reminded, not told


