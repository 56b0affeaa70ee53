"""Adversarial audit (session 10): «one committee never sees another's data» and «nobody acts beyond
their role as Telegram has it now», tried through the real Application against the emulator as a curious
or malicious member would: the board right after Telegram told the bot a role or a membership ended,
buttons and answers after the role went, and a member of two committees."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from emulator import Chat, User
from tests.e2e.conftest import Env, bot_env
from tests.e2e.test_board import WEBAPP, Client, committee_id


@pytest.fixture
async def env(database_url: str) -> AsyncIterator[Env]:
    async with bot_env(database_url, webapp_url=WEBAPP, webapp_port=0) as e:
        yield e


def ward(env: Env, *, bot_admin: bool = True) -> tuple[User, User, User, Chat]:
    """A ward: Lan created the group, Hà is an administrator (a chair while she is one), Minh a member."""
    w = env.world
    lan = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    ha = w.add_user("Hà", "Trịnh", username="ha_phochutich")
    minh = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group(
        "BCĐ Chuyển đổi số phường Sài Đồng", creator=lan, members=[minh], admins=[ha],
        bot_status="administrator" if bot_admin else "member",
    )  # fmt: skip
    return lan, ha, minh, group


async def test_a_demoted_admin_acts_on_the_board_no_more_once_telegram_said_so(env: Env) -> None:
    """The bot is an admin: Telegram tells it at once that Hà is no longer one (chat_member). The chat
    refuses her chair's commands from that moment; the board, which had looked her up a moment before,
    must too — not for another minute."""
    lan, ha, _minh, group = ward(env)
    await env.say(lan, group, "/giao Văn phòng cập nhật hồ sơ một cửa trước ngày 15/12")
    cid = await committee_id(env, group)
    board = Client(env, ha)
    status, opened = await board.call(f"c/{cid}")
    assert status == 200 and opened["committee"]["role"] == "chair"

    env.world.demote_admin(group, ha, by=lan)
    await env.idle()
    status, said = await board.call(f"c/{cid}/t/1", {"action": "cancel", "value": "không cần nữa"})
    assert status in (403, 409), (status, said)
    assert (await env.task(1, group)).status == "open"
    status, again = await board.call(f"c/{cid}")
    assert status == 200 and again["committee"]["role"] == "member" and not again["committee"]["can"]["cancel"]


async def test_someone_removed_from_the_group_reads_its_board_no_more_at_once(env: Env) -> None:
    """«rời nhóm là hết xem»: the «left the group» message reaches every bot, admin or not; from then on
    the board shows nothing, without waiting for its minute of remembered membership."""
    lan, _ha, minh, group = ward(env, bot_admin=False)
    await env.say(lan, group, "/giao Văn phòng cập nhật hồ sơ một cửa trước ngày 15/12")
    cid = await committee_id(env, group)
    board = Client(env, minh)
    assert (await board.call(f"c/{cid}"))[0] == 200

    env.world.remove_member(group, minh, by=lan)
    await env.idle()
    assert (await board.call(f"c/{cid}"))[0] == 403
    assert (await board.call(f"c/{cid}/t/1"))[0] == 403
    assert (await board.call("me"))[1]["committees"] == []
