"""qa7: people whose standing in Telegram changes, played as Telegram sends it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.models import Committee, Task
from emulator import Chat, User
from tests.e2e.conftest import Env


def ward(env: Env, *, bot_admin: bool = False) -> tuple[User, User, User, Chat]:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    tu = w.add_user("Tú", "Đỗ", username="tu_phochutich")  # an administrator
    binh = w.add_user("Bình", "Lê", username="binh_le")
    group = w.add_group(
        "BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh], admins=[tu],
        bot_status="administrator" if bot_admin else "member",
    )
    return chair, tu, binh, group


# --------------------------------------------------------------------------- group → supergroup
@pytest.mark.parametrize("bot_joins", ["first", "between"])
async def test_an_upgrade_announced_by_the_bot_joining_keeps_the_committee(env: Env, bot_joins: str) -> None:
    """Telegram tells the bot it joined the new supergroup (my_chat_member) along with the two
    migration messages. When that came first, the bot made an empty committee for the new id and
    then refused to move the real one there: the group's tasks were gone from /ds, /viec, reminders."""
    chair, _tu, binh, group = ward(env)
    await env.say(chair, group, "/giao @binh_le rà soát hồ sơ một cửa trước ngày 15/12")
    supergroup = env.world.migrate_to_supergroup(group, bot_joins=bot_joins)
    await env.idle()

    listed = await env.say(binh, supergroup, "/ds")
    assert "#1" in listed.plain and "rà soát hồ sơ một cửa" in listed.plain
    async with env.sessions() as s:
        chats = (await s.execute(select(Committee.chat_id))).scalars().all()
        tasks = await s.scalar(select(func.count(Task.id)))
    assert chats == [supergroup.id] and tasks == 1
    # The next task continues the numbering: #2, not a second #1.
    answer = await env.say(chair, supergroup, "/giao @binh_le báo cáo số liệu trước ngày 20/12")
    assert "#2" in answer.plain
