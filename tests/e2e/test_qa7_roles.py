"""qa7: people whose standing in Telegram changes, played as Telegram sends it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.models import Committee, Person, Task
from emulator import Chat, User, text_mention
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


# --------------------------------------------------------------------------- leaves and comes back
@pytest.mark.parametrize("bot_admin", [False, True])
async def test_a_member_who_leaves_by_mistake_and_comes_back_keeps_his_tasks(env: Env, bot_admin: bool) -> None:
    """Bình leaves the group by mistake and is added back a minute later. His open task had become
    nobody's (reminders to the group, «🔁 Giao lại #1»), and stayed so: he was told «không phải
    người thực hiện» of his own task. Now a task nobody was given since is his again; one the chair
    gave to someone else meanwhile is not, and his unit and role are the chair's to give back."""
    chair, tu, binh, group = ward(env, bot_admin=bot_admin)
    await env.say(chair, group, "/donvi them Văn phòng UBND = VP")
    await env.say(binh, group, "/viec")  # seen
    await env.say(chair, group, "/donvi gan VP @binh_le")
    await env.say(chair, group, "/vaitro @binh_le thuky")
    await env.say(chair, group, "/giao @binh_le rà soát hồ sơ một cửa trước ngày 15/12")
    await env.say(chair, group, "/giao @binh_le báo cáo số liệu trước ngày 16/12")
    env.world.remove_member(group, binh)
    notice = await env.world.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()
    assert notice.button_texts() == ["🔁 Giao lại #1", "🔁 Giao lại #2"]
    await env.say(chair, group, ["/sua 2 giao ", text_mention(tu)])  # #2 goes to Tú meanwhile

    before = len(env.world.bot_messages(group))
    env.world.add_member(group, binh, by=chair)
    back = await env.world.wait_for(lambda m: "trở lại nhóm" in m.plain, chat=group)
    await env.idle()
    assert "Bình Lê" in back.plain and "nhận lại 1 nhiệm vụ" in back.plain and "#1" in back.plain
    # qa15: what leaving took and is not back by itself, each with the command that gives it back
    assert "/vaitro @binh_le thuky" in back.plain and "/donvi gan Văn phòng UBND @binh_le" in back.plain
    assert len([m for m in env.world.bot_messages(group)[before:] if "trở lại nhóm" in m.plain]) == 1
    assert env.world.message(group, notice.message_id).button_texts() == []  # #1 is Bình's again, #2 Tú's

    mine = await env.say(binh, group, "/viec")
    assert "#1" in mine.plain and "#2" not in mine.plain
    assert "đã hoàn thành" in (await env.say(binh, group, "/xong 1")).plain
    history = await env.say(chair, group, "/xem 1")
    assert "người thực hiện rời nhóm" in history.plain and "trở lại nhóm, nhận lại việc" in history.plain
    roles = await env.say(chair, group, "/vaitro")
    assert "Bình" not in roles.plain
    units = await env.say(chair, group, "/donvi")
    assert "Bình" not in units.plain
