"""qa7: people whose standing in Telegram changes, played as Telegram sends it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.models import Committee, Person, Task
from emulator import Chat, User
from tests.e2e.conftest import Env
from tests.e2e.test_reminders_e2e import at, reminders, wake  # noqa: F401  (the fixture is used by name)


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


# --------------------------------------------------------------------------- a new @username
async def test_a_task_given_to_a_new_username_reaches_its_owner(reminders: Env) -> None:  # noqa: F811
    """Bình, known to the bot as @binh_le, renames himself @binh_moi on Telegram; the chair assigns a
    task and a unit to @binh_moi before Bình writes again. That made a second, unseen person: Bình was
    told «không phải người thực hiện» for his own task, never reminded, and /viec was empty."""
    env = reminders
    chair, _tu, binh, group = ward(env)
    env.world.start_private(binh)
    await env.idle()
    await env.say(binh, group, "/viec")  # seen as @binh_le
    binh.username = "binh_moi"
    await env.say(chair, group, "/giao @binh_moi rà soát hồ sơ một cửa trước ngày 15/12")
    await env.say(chair, group, "/donvi them Văn phòng UBND = VP")
    await env.say(chair, group, "/donvi gan VP @binh_moi")
    await env.say(chair, group, "/giao VP tổng hợp báo cáo tuần trước ngày 16/12")

    mine = await env.say(binh, binh, "/viec")  # privately, with his new username
    assert "2 việc đang mở" in mine.plain and "#1" in mine.plain and "#2" in mine.plain
    done = await env.say(binh, group, "/xong 1")
    assert "đã hoàn thành" in done.plain
    shown = await env.say(chair, group, "/xem 1")
    assert "Chủ trì: Bình Lê" in shown.plain
    units = await env.say(chair, group, "/donvi")
    assert "@binh_moi" not in units.plain and "Bình Lê" in units.plain
    async with env.sessions() as s:
        people = (await s.execute(select(Person.full_name).order_by(Person.id))).scalars().all()
    assert people.count("Bình Lê") == 1 and not [p for p in people if p.startswith("@")]

    # The reminder of #2 (due Wednesday 16/12) reaches him privately: 3 working days before.
    before = len(env.world.bot_messages(binh))
    await wake(env, at(2026, 12, 11, 8))
    assert any("#2" in m.plain for m in env.world.bot_messages(binh)[before:])


# --------------------------------------------------------------------------- wording
async def test_a_cancelled_task_is_said_cancelled_once(env: Env) -> None:
    # Seen in the sandbox: «Nhiệm vụ #1 đã đã huỷ, không thay đổi được nữa.»
    chair, _tu, _binh, group = ward(env)
    await env.say(chair, group, "/giao @binh_le rà soát hồ sơ trước ngày 15/12")
    await env.say(chair, group, "/huy 1 nhầm")
    again = await env.say(chair, group, "/huy 1 nhầm")
    assert again.plain == "Nhiệm vụ #1 đã bị huỷ, không thay đổi được nữa."
