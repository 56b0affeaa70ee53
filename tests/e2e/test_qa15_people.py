"""qa15: a ward committee's people and group changing under the bot, played as Telegram sends it."""

from __future__ import annotations

from datetime import date

from emulator import Chat, User
from tests.e2e.conftest import Env, Since
from tests.e2e.test_reminders_e2e import at, reminders, wake  # noqa: F401


def ward(env: Env, *, bot_admin: bool = True) -> tuple[User, User, User, User, Chat]:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    tu = w.add_user("Tú", "Đỗ", username="tu_phochutich")  # an administrator: a chair while he is one
    binh = w.add_user("Bình", "Lê", username="binh_le")
    minh = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group(
        "BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh, minh], admins=[tu],
        bot_status="administrator" if bot_admin else "member",
    )
    return chair, tu, binh, minh, group


async def test_a_chair_demoted_while_an_extension_waits_cannot_decide_it_and_a_new_admin_can(env: Env) -> None:
    _chair, tu, binh, minh, group = ward(env)
    await env.say(tu, group, "/giao @binh_le tổng hợp số liệu trước 15/12")
    await env.say(binh, group, "/giahan 1 30/12 chờ số liệu tổ dân phố")
    ask = await env.world.wait_for(lambda m: "xin gia hạn" in m.plain, chat=group)
    env.world.demote_admin(group, tu)
    await env.idle()
    refused = await env.press(tu, ask, "✅ Đồng ý")
    assert refused.show_alert  # type: ignore[attr-defined]
    assert (await env.task(1, group)).due_current == date(2026, 12, 15)
    env.world.promote_admin(group, minh)
    await env.idle()
    await env.press(minh, ask, "✅ Đồng ý")
    assert (await env.task(1, group)).due_current == date(2026, 12, 30)



async def test_a_unit_head_leaving_tells_the_chair_which_unit_tasks_lost_their_lead(reminders: Env) -> None:  # noqa: F811
    """Bình heads Văn phòng, the unit leading three open tasks. He leaves: the chair must see which
    tasks now have nobody to remind (reminders go to the group), not only the unit's name."""
    env = reminders
    chair, _tu, binh, _minh, group = ward(env, bot_admin=False)
    await env.say(chair, group, "/donvi them Văn phòng UBND = VP")
    await env.say(binh, group, "/viec")  # seen
    await env.say(chair, group, "/donvi gan VP @binh_le")
    for text in ("rà soát hồ sơ một cửa trước 15/12", "báo cáo số liệu quý trước 16/12",
                 "kiểm tra trang tin trước 17/12"):
        await env.say(chair, group, f"/giao VP {text}")
    await env.say(chair, group, "/giao @lan_chutich duyệt kế hoạch trước 18/12")
    env.world.remove_member(group, binh)
    notice = await env.world.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()
    line = next(x for x in notice.plain.splitlines() if "chưa còn người nhận nhắc việc" in x)
    assert "Văn phòng UBND" in line and "#1, #2, #3" in line and "#4" not in line
    new = Since(env.world, binh)
    await wake(env, at(2026, 12, 14, 8))
    assert new(binh) == []
    assert any("#1" in m.plain and "Nhắc việc" in m.plain for m in env.world.bot_messages(group))


async def test_a_unit_head_added_back_a_week_later_the_chair_is_told_what_to_give_back(env: Env) -> None:
    """Bình, Văn phòng's only contact, leaves and is added back a week later. His unit's three tasks
    were reminded in the group meanwhile; nothing of the unit was his any more. The chair, seeing him
    back, must be told that Văn phòng still has nobody to remind for #1–#3, with the command that
    gives it back — not silence (he had no task by name, so nothing came back by itself)."""
    chair, _tu, binh, _minh, group = ward(env, bot_admin=False)
    await env.say(chair, group, "/donvi them Văn phòng UBND = VP")
    await env.say(binh, group, "/viec")  # seen
    await env.say(chair, group, "/donvi gan VP @binh_le")
    for text in ("rà soát hồ sơ một cửa trước 15/12", "báo cáo số liệu quý trước 16/12",
                 "kiểm tra trang tin trước 17/12"):
        await env.say(chair, group, f"/giao VP {text}")
    env.world.remove_member(group, binh)
    await env.world.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()
    env.advance(days=7)
    env.world.add_member(group, binh, by=chair)
    back = await env.world.wait_for(lambda m: "trở lại nhóm" in m.plain, chat=group)
    await env.idle()
    assert "Bình Lê" in back.plain and "Văn phòng UBND" in back.plain and "#1, #2, #3" in back.plain
    assert "/donvi gan Văn phòng UBND @binh_le" in back.plain
    assert "Bình" not in (await env.say(chair, group, "/donvi")).plain  # the chair's to give back


async def test_the_secretary_added_back_the_chair_is_told_the_role_was_dropped(env: Env) -> None:
    chair, _tu, _binh, minh, group = ward(env, bot_admin=True)
    await env.say(chair, group, "/vaitro @minh_member thuky")
    env.world.remove_member(group, minh)
    left = await env.world.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()
    assert "vai trò Thư ký" in left.plain
    env.world.add_member(group, minh, by=chair)
    back = await env.world.wait_for(lambda m: "trở lại nhóm" in m.plain, chat=group)
    await env.idle()
    assert "Minh Phạm" in back.plain and "/vaitro @minh_member thuky" in back.plain
    refused = await env.say(minh, group, "/giao @lan_chutich duyệt kế hoạch trước 15/12")
    assert "Chỉ Trưởng ban" in refused.plain  # not given back by itself
    # A second «joined» update for the same return says nothing more.
    before = len(env.world.bot_messages(group))
    env.world.add_member(group, minh, by=chair)
    await env.idle()
    assert [m for m in env.world.bot_messages(group)[before:] if "trở lại nhóm" in m.plain] == []


async def test_a_task_given_to_someones_old_username_reaches_them(reminders: Env) -> None:  # noqa: F811
    """Bình changed @binh_le to @binh_moi in Telegram; the bot has seen him since. The chair, used to
    the old handle, writes «/giao @binh_le …»: it is Bình's task (named by his current name, reminded
    to him), not a stranger «@binh_le» the bot «has not met». Once someone else is seen holding
    @binh_le, the handle is theirs."""
    env = reminders
    chair, _tu, binh, _minh, group = ward(env, bot_admin=False)
    env.world.start_private(binh)
    await env.say(binh, group, "/viec")
    binh.username = "binh_moi"
    await env.say(binh, group, "/viec")  # seen with the new handle
    reply = await env.say(chair, group, "/giao @binh_le kiểm tra hồ sơ trước 2/12")
    assert "Chủ trì: Bình Lê" in reply.plain and "chưa gặp" not in reply.plain
    assert "#1" in (await env.say(binh, group, "/viec")).plain
    new = Since(env.world, binh)
    await wake(env, at(2026, 12, 1, 8))
    assert any("#1" in m.plain and "Nhắc việc" in m.plain for m in new(binh))

    other = env.world.add_user("Lệ", "Bùi", username="binh_le")  # the freed handle, taken by someone else
    env.world.add_member(group, other, by=chair)
    await env.say(other, group, "/viec")
    reply = await env.say(chair, group, "/giao @binh_le lập danh sách trước 3/12")
    assert "Chủ trì: Lệ Bùi" in reply.plain


async def test_a_member_of_two_committees_tells_their_buttons_apart_in_private(reminders: Env) -> None:  # noqa: F811
    """Bình is a plain member of Sài Đồng's committee and the chair of Cải cách hành chính; each gave
    him a #1. Tuesday's private reminder carries both: the two rows of buttons read the same («#1 ✅
    Xong» twice) unless each names its committee. The one he presses closes that committee's #1 only."""
    env = reminders
    chair, _tu, binh, minh, group = ward(env, bot_admin=False)
    other = env.world.add_group("BCĐ Cải cách hành chính", creator=binh, members=[minh, chair])
    env.world.start_private(binh)
    await env.say(chair, group, "/giao @binh_le kiểm tra hồ sơ trước 2/12")
    await env.say(binh, other, "/giao @binh_le rà soát thủ tục trước 2/12")
    new = Since(env.world, binh)
    await wake(env, at(2026, 12, 1, 8))
    [reminder] = [m for m in new(binh) if "Nhắc việc" in m.plain]
    labels = reminder.button_texts()
    assert len(labels) == len(set(labels)) == 8
    done = [x for x in labels if "✅" in x]
    assert any("Chuyển đổi số" in x for x in done) and any("Cải cách" in x for x in done)
    await env.press(binh, reminder, next(x for x in done if "Cải cách" in x))
    assert (await env.task(1, other)).status == "done"
    assert (await env.task(1, group)).status == "open"


async def test_an_upgrade_mid_week_keeps_the_pending_request_reminders_and_one_monday_summary(
    reminders: Env,  # noqa: F811
) -> None:
    """Bình asked for more time in the basic group; the group is upgraded before the chair decides.
    In the supergroup the chair sees both tasks and decides; Bình is told; Monday's summary and the
    reminders come once, in the supergroup, none to the dead old id."""
    env = reminders
    chair, _tu, binh, _minh, group = ward(env, bot_admin=False)
    env.world.start_private(binh)
    await env.say(chair, group, "/giao @binh_le tổng hợp số liệu trước 15/12")
    await env.say(chair, group, "/giao @binh_le rà soát hồ sơ trước 2/12")
    await env.say(binh, group, "/giahan 1 30/12 chờ số liệu tổ dân phố")
    await env.world.wait_for(lambda m: "xin gia hạn" in m.plain, chat=group)
    supergroup = env.world.migrate_to_supergroup(group)
    await env.idle()
    old_count = len(env.world.bot_messages(group))
    assert "2 nhiệm vụ" in (await env.say(chair, supergroup, "/ds")).plain
    told = Since(env.world, binh)
    assert "30/12/2026" in (await env.say(chair, supergroup, "/giahan 1 30/12")).plain
    assert any("30/12/2026" in m.plain for m in told(binh))
    await wake(env, at(2026, 11, 30, 7, 30))
    await wake(env, at(2026, 11, 30, 9))
    summaries = [m for m in env.world.bot_messages(supergroup) if "TỔNG HỢP" in m.plain]
    assert len(summaries) == 1
    assert len(env.world.bot_messages(group)) == old_count  # nothing sent to the old id
    assert (await env.task(1, supergroup)).due_current == date(2026, 12, 30)


async def test_a_deleted_groups_tasks_do_not_block_the_live_committees_in_private(env: Env) -> None:
    """Sài Đồng's group is deleted (the committee is paused); Bình still has #1 in Cải cách hành chính.
    In private, «/xong 1» was refused as ambiguous, telling him to type it «in the group of that
    committee» — one of which no longer exists — and /viec listed the dead group's task as any other."""
    chair, _tu, binh, _minh, group = ward(env, bot_admin=False)
    other = env.world.add_group("BCĐ Cải cách hành chính", creator=chair, members=[binh])
    env.world.start_private(binh)
    await env.say(chair, group, "/giao @binh_le tổng hợp số liệu trước 2/12")
    await env.say(chair, other, "/giao @binh_le rà soát thủ tục trước 2/12")
    env.world.delete_group(group)
    await env.idle()
    mine = (await env.say(binh, binh, "/viec")).plain
    paused = next(x for x in mine.splitlines() if "tổng hợp số liệu" in x)
    assert "tạm dừng" in paused
    assert "tạm dừng" not in next(x for x in mine.splitlines() if "rà soát thủ tục" in x)
    done = await env.say(binh, binh, "/xong 1")
    assert "nhiều Ban chỉ đạo" not in done.plain
    assert (await env.task(1, other)).status == "done"
    assert (await env.task(1, group)).status == "open"
