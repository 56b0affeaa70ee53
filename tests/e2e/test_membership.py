"""Rights and membership follow the Telegram group (issue 14): an admin demoted loses the chair's
rights, someone who leaves stops being reminded and the chair is told which tasks lost their
assignee, the bot removed pauses the committee, a user who blocks the bot is reached in the group
until they unblock it. Each test plays what Telegram really sends: chat_member updates only to a bot
that is an administrator of the group; other bots get the "left the group" message and must ask
getChatMember."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from sqlalchemy import select

from db.models import Committee, Person, Reminder, Role, TaskAssignee, TaskEvent, UnitContact
from db.tasks import NewAssignee, create_task
from domain.types import Deadline, DeadlineKind
from emulator import Chat, User, text_mention
from tests.e2e.conftest import Env, Since
from tests.e2e.test_reminders_e2e import at, reminders, wake  # noqa: F401  (the fixture is used by name)

NOT_CHAIR = ("Chỉ Trưởng ban",)


async def roles(env: Env) -> dict[str, str]:
    async with env.sessions() as s:
        rows = await s.execute(select(Person.full_name, Role.role).join(Role, Role.person_id == Person.id))
        return dict(rows.all())


async def committee_active(env: Env) -> bool:
    async with env.sessions() as s:
        return bool((await s.execute(select(Committee.active))).scalar_one())


def world(env: Env, *, bot_admin: bool) -> tuple[User, User, User, User, Chat]:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    tu = w.add_user("Tú", "Đỗ", username="tu_phochutich")  # an administrator of the group
    binh = w.add_user("Bình", "Lê")  # no username
    minh = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group(
        "BCĐ Chuyển đổi số phường Sài Đồng",
        creator=chair,
        members=[binh, minh],
        admins=[tu],
        bot_status="administrator" if bot_admin else "member",
    )
    return chair, tu, binh, minh, group


# ----------------------------------------------------------------------------------- chair rights
async def test_the_bot_asks_telegram_for_membership_changes(env: Env) -> None:
    # Telegram sends chat_member updates only to a bot that names them in allowed_updates.
    chair, *_rest, group = world(env, bot_admin=True)
    await env.say(chair, group, "/huongdan")  # answered: the bot has polled (and said what it wants)
    assert {"chat_member", "my_chat_member", "message", "callback_query"} <= env.world.allowed_updates


async def test_an_admin_demoted_loses_the_chairs_rights_at_once(env: Env) -> None:
    _chair, tu, binh, _minh, group = world(env, bot_admin=True)
    reply = await env.say(tu, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 15/12"])
    assert "#1" in reply.plain
    assert (await roles(env))["Tú Đỗ"] == "chair"

    env.world.demote_admin(group, tu)  # chat_member: administrator -> member
    await env.idle()
    assert "Tú Đỗ" not in await roles(env)  # at once, before Tú even writes again
    for command in ("/giao @minh_member chuẩn bị hội trường trước 20/12", "/huy 1 trùng việc", "/caidat gio 9:00"):
        reply = await env.say(tu, group, command)
        assert "Chỉ Trưởng ban" in reply.plain, command
    task = await env.task(1, group)
    assert task.status == "open" and await env.task_count() == 1


async def test_without_admin_rights_the_bot_asks_telegram_again_after_a_minute(env: Env) -> None:
    # A bot that is not an admin gets no chat_member update: the demotion is found by getChatMember,
    # whose answer is trusted for 60 seconds.
    _chair, tu, binh, _minh, group = world(env, bot_admin=False)
    await env.say(tu, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 15/12"])
    env.world.demote_admin(group, tu)
    env.advance(seconds=61)
    reply = await env.say(tu, group, "/huy 1 trùng việc")
    assert "Chỉ Trưởng ban mới được huỷ" in reply.plain
    assert "Tú Đỗ" not in await roles(env)
    assert (await env.task(1, group)).status == "open"


async def test_the_roles_list_shows_the_admins_as_telegram_has_them_now(env: Env) -> None:
    chair, tu, _binh, _minh, group = world(env, bot_admin=False)
    await env.say(tu, group, "/viec")
    await env.say(chair, group, "/viec")
    env.world.demote_admin(group, tu)  # the bot (not an admin) hears nothing of it
    reply = await env.say(chair, group, "/vaitro")
    assert "Lan Nguyễn — Trưởng ban" in reply.plain and "Tú Đỗ" not in reply.plain
    assert await roles(env) == {"Lan Nguyễn": "chair"}


async def test_the_last_chair_leaving_hands_the_role_to_the_groups_admins(env: Env) -> None:
    _chair, tu, _binh, _minh, group = world(env, bot_admin=False)
    await env.say(tu, group, "/viec")  # only Tú has acted: the one chair on record
    env.world.remove_member(group, tu)
    notice = await env.world.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()
    assert "Đã bỏ vai trò Trưởng ban" in notice.plain
    assert "các quản trị viên của nhóm (Lan Nguyễn) là Trưởng ban" in notice.plain
    assert await roles(env) == {"Lan Nguyễn": "chair"}


async def test_the_committee_is_never_left_without_a_chair(env: Env) -> None:
    # Only Tú ever acted as chair; the creator never wrote. Tú demoted: the group's admins (its
    # creator) are recorded as chairs, so escalations and /vaitro still have someone.
    _chair, tu, _binh, _minh, group = world(env, bot_admin=True)
    await env.say(tu, group, "/vaitro")
    assert await roles(env) == {"Tú Đỗ": "chair"}
    env.world.demote_admin(group, tu)
    await env.idle()
    assert await roles(env) == {"Lan Nguyễn": "chair"}


async def test_a_role_granted_by_the_chair_stays_while_the_person_is_in_the_group(env: Env) -> None:
    chair, _tu, _binh, minh, group = world(env, bot_admin=True)
    await env.say(chair, group, "/vaitro @minh_member thuky")
    await env.say(minh, group, "/vaitro")
    env.world.promote_admin(group, minh)  # an admin for a while: a chair meanwhile
    await env.idle()
    reply = await env.say(minh, group, "/caidat gio 9:00")
    assert "Chỉ Trưởng ban" not in reply.plain
    env.world.demote_admin(group, minh)
    await env.idle()
    reply = await env.say(minh, group, "/giao @lan_chutich duyệt kế hoạch trước 15/12")
    assert "#" in reply.plain and "Chỉ Trưởng ban" not in reply.plain  # still the secretary
    assert "Chỉ Trưởng ban" in (await env.say(minh, group, "/caidat gio 10:00")).plain
    assert (await roles(env))["Minh Phạm"] == "secretary"


# ----------------------------------------------------------------------------------- people leaving
@pytest.mark.parametrize("bot_admin", [True, False], ids=["admin-bot", "member-bot"])
async def test_someone_who_leaves_stops_being_reminded_and_the_chair_can_reassign(
    reminders: Env,  # noqa: F811
    bot_admin: bool,
) -> None:
    env = reminders
    chair, _tu, binh, minh, group = world(env, bot_admin=bot_admin)
    env.world.start_private(binh)
    await env.idle()
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP")
    await env.say(chair, group, ["/donvi gan VP ", text_mention(binh)])
    await env.say(chair, group, "/vaitro @minh_member thuky")
    await env.say(chair, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 2/12"])
    await env.say(chair, group, "/giao VP rà soát hồ sơ một cửa trước 2/12")
    task1 = await env.task(1, group)
    async with env.sessions() as s:
        planned = (await s.execute(select(Reminder.person_id).where(Reminder.status == "pending"))).scalars().all()
        binh_id = (await s.execute(select(Person.id).where(Person.tg_user_id == binh.id))).scalar_one()
    assert binh_id in planned

    before = len(env.world.bot_messages(group))
    env.world.remove_member(group, binh)  # Bình leaves
    notice = await env.world.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()
    assert len([m for m in env.world.bot_messages(group)[before:] if "đã rời nhóm" in m.plain]) == 1
    assert "Bình Lê" in notice.plain and "Văn phòng HĐND&UBND" in notice.plain
    # «/giao @binh_le soạn …»: the task text no longer repeats its lead's name (product11: named once)
    assert "#1 soạn báo cáo quý trước 2/12 (chủ trì)" in notice.plain
    assert "Đơn vị chưa còn người nhận nhắc việc: Văn phòng HĐND&UBND" in notice.plain
    assert "#2" not in notice.plain.split("mất người thực hiện")[1]  # the unit still leads #2
    assert notice.button_texts() == ["🔁 Giao lại #1"]
    assert [e["user"]["id"] for e in notice.entities if e["type"] == "text_mention"][-1] == chair.id

    async with env.sessions() as s:
        mine = (Reminder.status == "pending", Reminder.person_id == binh_id)
        pending = (await s.execute(select(Reminder.person_id).where(*mine))).all()
        contacts = (await s.execute(select(UnitContact.id))).all()
        kept = (await s.execute(select(TaskAssignee.label).where(TaskAssignee.task_id == task1.id))).scalars().all()
        left = (await s.execute(select(TaskEvent.kind).where(TaskEvent.task_id == task1.id))).scalars().all()
    assert pending == [] and contacts == []
    assert kept == ["Bình Lê"] and left == ["created", "assignee_left"]  # history kept

    # Friday 8:00: nothing goes to Bình privately any more; the group hears of both tasks.
    new = Since(env.world, binh)
    await wake(env, at(2026, 11, 27, 8))
    assert new(binh) == []
    assert any("#1" in m.plain and "Nhắc việc" in m.plain for m in env.world.bot_messages(group)[before:])

    # The secretary reassigns by answering the prompt (a member cannot: the next test).
    pressed = await env.press(minh, notice, "🔁 Giao lại #1")  # Minh is the secretary: allowed
    prompt = env.world.bot_messages(group)[-1]
    assert "giao #1 cho ai" in prompt.plain and not pressed.show_alert  # type: ignore[attr-defined]
    env.world.send_text(minh, group, ["", text_mention(chair, "Lan")], reply_to=prompt)
    answer = await env.world.wait_for(chat=group)
    assert "Đã sửa #1: người thực hiện" in answer.plain and "👤 Chủ trì:" in answer.plain  # and who it is now
    await env.idle()
    task1 = await env.task(1, group)
    assert [a.label for a in task1.assignees] == ["Lan Nguyễn"]

    # Bình comes back: a member again, nothing more (no task, no unit, no role).
    env.world.add_member(group, binh)
    await env.idle()
    reply = await env.say(binh, group, "/xong 2")
    assert "không phải người thực hiện" in reply.plain
    assert "Bình Lê" not in await roles(env)


async def test_a_departure_with_many_tasks_fits_one_message(env: Env) -> None:
    chair, _tu, binh, _minh, group = world(env, bot_admin=False)
    await env.say(chair, group, ["/giao ", text_mention(binh), " việc số 1 trước 15/12"])
    # 24 more, stored as /giao stores them (25 commands would wait on Telegram's 20 a minute per group).
    async with env.sessions() as s, s.begin():
        committee = (await s.execute(select(Committee))).scalar_one()
        person = (await s.execute(select(Person).where(Person.tg_user_id == binh.id))).scalar_one()
        for n in range(2, 26):
            await create_task(
                s, committee, text=f"việc số {n} " + "rất dài " * 40, due=date(2026, 12, 15),
                assignees=[NewAssignee("lead", person.full_name, person_id=person.id)],
                deadline=Deadline(DeadlineKind.DATE, date(2026, 12, 15), "trước 15/12"),
                assigned_on=date(2026, 11, 23), actor_id=None, now=env.clock.now(),
            )
    env.world.remove_member(group, binh)
    notice = await env.world.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()
    assert len(notice.button_texts()) == 20 and notice.button_texts()[-1] == "🔁 Giao lại #20"
    assert "… và 5 nhiệm vụ khác: #21, #22, #23, #24, #25" in notice.plain


async def test_a_member_leaving_with_nothing_here_is_not_announced(env: Env) -> None:
    chair, _tu, _binh, minh, group = world(env, bot_admin=True)
    await env.say(minh, group, "/viec")
    before = len(env.world.bot_messages(group))
    env.world.remove_member(group, minh, by=chair)  # kicked
    await env.idle()
    assert env.world.bot_messages(group)[before:] == []


async def test_a_member_cannot_press_reassign(env: Env) -> None:
    chair, _tu, binh, minh, group = world(env, bot_admin=True)
    await env.say(chair, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 15/12"])
    env.world.remove_member(group, binh)
    notice = await env.world.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()
    query = await env.press(minh, notice, "🔁 Giao lại #1")
    assert query.show_alert and "Chỉ Trưởng ban hoặc thư ký" in query.answer_text  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------------- the bot itself
async def test_bot_removed_pauses_the_committee_and_says_so_in_the_log(
    reminders: Env,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    env = reminders
    chair, _tu, binh, _minh, group = world(env, bot_admin=False)
    await env.say(chair, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 2/12"])
    with caplog.at_level(logging.INFO, logger="handlers.membership"):
        env.world.remove_bot(group, by=chair)
        await env.idle()
        assert not await committee_active(env)
        assert any("paused" in r.getMessage() for r in caplog.records)
        assert (await wake(env, at(2026, 11, 27, 8))).claimed == 0
        env.world.add_bot(group, by=chair)
        await env.idle()
        assert await committee_active(env)
        assert any("resumed" in r.getMessage() for r in caplog.records)
    await wake(env, at(2026, 11, 27, 8, 5))
    assert any("Nhắc việc" in m.plain for m in env.world.bot_messages(group))


async def test_someone_who_left_while_the_bot_was_out_is_handled_when_it_is_back(env: Env) -> None:
    chair, _tu, binh, _minh, group = world(env, bot_admin=False)
    await env.say(chair, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 15/12"])
    env.world.remove_bot(group, by=chair)
    env.world.remove_member(group, binh)  # the bot is out: it sees nothing of this
    await env.idle()
    env.world.add_bot(group, by=chair)
    notice = await env.world.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()
    assert "Bình Lê" in notice.plain and notice.button_texts() == ["🔁 Giao lại #1"]
    async with env.sessions() as s:
        linked = (await s.execute(select(TaskAssignee.person_id))).scalars().all()
    assert linked == [None]


async def test_group_deleted_pauses_the_committee(env: Env) -> None:
    chair, _tu, _binh, _minh, group = world(env, bot_admin=False)
    await env.say(chair, group, "/viec")
    env.world.delete_group(group)
    await env.idle()
    assert not await committee_active(env)


# ----------------------------------------------------------------------------------- blocking the bot
async def test_a_user_who_blocks_then_unblocks_the_bot(reminders: Env) -> None:  # noqa: F811
    env = reminders
    chair, _tu, binh, _minh, group = world(env, bot_admin=False)
    env.world.start_private(binh)
    await env.say(chair, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 2/12"])

    env.world.block_bot(binh)  # my_chat_member in the private chat: kicked
    await env.idle()
    async with env.sessions() as s:
        assert (await s.execute(select(Person.blocked_bot).where(Person.tg_user_id == binh.id))).scalar_one()
    new = Since(env.world, group)
    await wake(env, at(2026, 11, 27, 8))
    assert env.emulator.faults.counts["forbidden"] == 0  # known blocked: straight to the group, no 403
    [in_group] = new(group)
    assert binh.id in [e["user"]["id"] for e in in_group.entities if e["type"] == "text_mention"]

    env.world.unblock_bot(binh)  # my_chat_member: member again, without a word from Bình
    await env.idle()
    new = Since(env.world, binh)
    await wake(env, at(2026, 12, 1, 8))
    [private] = new(binh)
    assert "#1" in private.plain


# ----------------------------------------------------------------------------------- item 3, 12, 13
async def test_the_obstacle_button_answers_as_an_obstacle(reminders: Env) -> None:  # noqa: F811
    env = reminders
    chair, _tu, binh, _minh, group = world(env, bot_admin=False)
    env.world.start_private(binh)
    await env.say(chair, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 2/12"])
    await env.say(chair, group, ["/giao ", text_mention(binh), " chuẩn bị hội trường trước 2/12"])
    before = len(env.world.bot_messages(binh))
    await wake(env, at(2026, 11, 27, 8))
    [reminder] = env.world.bot_messages(binh)[before:]
    assert "#1 🚧 Vướng mắc" in reminder.button_texts() and "#2 🚧 Vướng mắc" in reminder.button_texts()
    await env.press(binh, reminder, "#2 🚧 Vướng mắc")
    prompt = env.world.bot_messages(binh)[-1]
    env.world.send_text(binh, binh, "chưa có kinh phí thuê âm thanh", reply_to=prompt)
    answer = await env.world.wait_for(chat=binh)
    assert answer.plain.startswith("🚧 Đã ghi vướng mắc của #2")
    assert "tiến độ" not in answer.plain


async def test_group_texts_link_to_the_private_chat(reminders: Env) -> None:  # noqa: F811
    env = reminders
    chair, _tu, binh, _minh, group = world(env, bot_admin=False)
    link = "https://t.me/NhacViecTestBot?start="
    reply = await env.say(chair, group, "/giao @chua_gap_ai soạn báo cáo quý trước 2/12")
    assert "/start" not in reply.plain
    assert any(e.get("url", "").startswith(link) for e in reply.entities if e["type"] == "text_link")
    await env.say(chair, group, ["/giao ", text_mention(binh), " chuẩn bị hội trường trước 2/12"])
    before = len(env.world.bot_messages(group))
    await wake(env, at(2026, 11, 27, 8))
    [reminder] = env.world.bot_messages(group)[before:]
    assert "/start" not in reminder.plain
    assert any(e.get("url", "").startswith(link) for e in reminder.entities if e["type"] == "text_link")


async def test_unknown_commands_in_a_group_with_other_bots(env: Env) -> None:
    chair, _tu, _binh, _minh, group = world(env, bot_admin=False)
    before = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/stats")  # another bot's command (privacy mode lets it through)
    await env.say(chair, group, "/viec")  # handled after /stats: its answer comes first if any
    assert not any("không có lệnh" in m.plain for m in env.world.bot_messages(group)[before:])

    reply = await env.say(chair, group, "/giaoo @minh_member việc")
    assert "Có phải ý bạn là /giao?" in reply.plain
    reply = await env.say(chair, group, "/stats@NhacViecTestBot")
    assert "Bot không có lệnh /stats" in reply.plain
    reply = await env.say(chair, chair, "/stats")  # a private chat has no other bot
    assert "Bot không có lệnh /stats" in reply.plain
