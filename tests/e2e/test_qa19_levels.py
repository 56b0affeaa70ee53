"""qa19: a unit name with a level word («UBND quận») in a ward's committee is the district's body, never
the ward's own «UBND»; «UBND phường» there is the ward's «UBND». Asserted as stored and as the preview shows it."""

from __future__ import annotations

from sqlalchemy import select

from db.models import Task, TaskAssignee, TaskEvent, Unit
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import bot_messages_since, committee, preview_after


async def _units(env: Env) -> list[str]:
    async with env.sessions() as s:
        return sorted(u.name for u in await s.scalars(select(Unit).where(Unit.active.is_(True))))


async def _lead_of(env: Env, number: int) -> str:
    async with env.sessions() as s:
        task = await s.scalar(select(Task).where(Task.number == number))
        assert task is not None
        row = await s.scalar(select(TaskAssignee).where(TaskAssignee.task_id == task.id))
        assert row is not None and row.unit_id is not None
        unit = await s.get(Unit, row.unit_id)
        assert unit is not None
        return unit.name


async def test_the_districts_committee_is_not_the_wards_own(env: Env) -> None:
    chair, _member, group = await committee(env)  # «BCĐ Chuyển đổi số phường Sài Đồng»
    await env.say(chair, group, "/giao UBND rà soát hộ nghèo trước ngày 15/12")
    await env.say(chair, group, "/giao UBND quận hỗ trợ kinh phí sửa nhà văn hoá trước ngày 20/12")
    await env.say(chair, group, "/giao UBND phường báo cáo kết quả trước ngày 22/12")
    assert [await _lead_of(env, n) for n in (1, 2, 3)] == ["UBND", "UBND quận", "UBND"]
    assert await _units(env) == ["UBND", "UBND quận"]


async def test_the_preview_shows_the_district_body_as_new(env: Env) -> None:
    chair, _member, group = await committee(env)
    await env.say(chair, group, "/giao UBND rà soát hộ nghèo trước ngày 15/12")
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap Kết luận giao ban\n"
                        "1. Giao UBND quận hỗ trợ kinh phí sửa chữa nhà văn hoá trước ngày 20/12.\n"
                        "2. Giao UBND phường tổng hợp danh sách hộ nghèo trước ngày 22/12.")
    pages = await preview_after(env, group, cursor)
    shown = "\n".join(p.plain for p in pages)
    assert "Chủ trì: UBND quận" in shown and "Chủ trì: UBND ·" in shown
    new_flags = [line for line in shown.splitlines() if "🆕" in line]
    assert len(new_flags) == 1 and "«UBND quận»" in new_flags[0]  # the ward's own «UBND» is not new
    assert bot_messages_since(env, group, cursor)


# ---------------------------------------------------------------------------------------------- item 2
async def test_a_task_for_an_at_name_not_in_the_group_is_flagged_and_not_sent_privately(env: Env) -> None:
    """«/giao @binh_lee …» for the member «@binh_le»: «@binh_lee» (someone who once wrote to the bot, not in
    the group) got the committee's task in his private chat. The chair is asked to check the name; the task
    is kept; the stranger's private chat gets nothing."""
    w = env.world
    chair, _member, group = await committee(env)
    stranger = w.add_user("Bình", "Lê Văn", username="binh_lee")
    w.start_private(stranger)  # he wrote /start to the bot once: it knows him and may write to him
    await env.idle()
    private_before = len(w.bot_messages(w.private_chat(stranger)))
    await env.say(chair, group, "/giao @binh_lee tổng hợp số liệu hộ nghèo trước ngày 15/12")
    answer = w.last_bot_message(group)
    assert answer is not None and "@binh_lee chưa thấy trong nhóm — kiểm tra lại tên?" in answer.plain
    assert "/sua 1 giao @tên_đúng" in answer.plain
    assert len(w.bot_messages(w.private_chat(stranger))) == private_before
    async with env.sessions() as s:
        assert await s.scalar(select(Task.number)) == 1  # kept: he may join later

    # The chair corrects it to the member, who is told; and a reassignment to the stranger is flagged too.
    cursor = len(w.bot_messages(group))
    await env.say(chair, group, "/sua 1 giao @minh_member")
    assert not any("chưa thấy trong nhóm" in m.plain for m in bot_messages_since(env, group, cursor))
    cursor = len(w.bot_messages(group))
    await env.say(chair, group, "/sua 1 giao @binh_lee")
    assert any("@binh_lee chưa thấy trong nhóm" in m.plain for m in bot_messages_since(env, group, cursor))
    assert len(w.bot_messages(w.private_chat(stranger))) == private_before


async def test_a_member_of_the_group_is_not_flagged(env: Env) -> None:
    w = env.world
    chair, member, group = await committee(env)
    w.start_private(member)
    await env.idle()
    before = len(w.bot_messages(w.private_chat(member)))
    await env.say(chair, group, "/giao @minh_member tổng hợp số liệu hộ nghèo trước ngày 15/12")
    assert "chưa thấy trong nhóm" not in (w.last_bot_message(group) or "").plain  # type: ignore[union-attr]
    assert len(w.bot_messages(w.private_chat(member))) > before  # told of his task, as before


async def test_a_later_change_to_the_strangers_task_is_not_told_to_him_privately(env: Env) -> None:
    """(sec15) The chair saved the task for the mistyped «@binh_lee» anyway, then moved its deadline and
    cancelled it: each «việc của anh/chị …» notice went to the stranger's private chat (the committee's task,
    its new day). Now it goes to the group, naming him; his private chat gets nothing."""
    w = env.world
    chair, _member, group = await committee(env)
    stranger = w.add_user("Bình", "Lê Văn", username="binh_lee")
    w.start_private(stranger)
    await env.idle()
    private_before = len(w.bot_messages(w.private_chat(stranger)))
    await env.say(chair, group, "/giao @binh_lee tổng hợp số liệu hộ nghèo trước ngày 15/12")
    cursor = len(w.bot_messages(group))
    await env.say(chair, group, "/sua 1 han 20/12")
    await env.say(chair, group, "/huy 1 trùng việc")
    await env.idle()
    assert len(w.bot_messages(w.private_chat(stranger))) == private_before
    told = [m.plain for m in bot_messages_since(env, group, cursor)]
    assert any("20/12" in t and "Bình Lê Văn" in t for t in told), told  # the new day, in the group, naming him


async def test_the_stranger_cannot_close_or_report_on_the_committees_task_from_his_private_chat(env: Env) -> None:
    """(sec15) A right over a task as its assignee holds, like a role, while the person is in the group: the
    stranger named by the mistyped «@binh_lee» typed «/xong 1» in his private chat and closed the committee's
    task. Now he is told he is not in the group and nothing changes."""
    w = env.world
    chair, _member, group = await committee(env)
    stranger = w.add_user("Bình", "Lê Văn", username="binh_lee")
    w.start_private(stranger)
    await env.idle()
    await env.say(chair, group, "/giao @binh_lee tổng hợp số liệu hộ nghèo trước ngày 15/12")
    for command in ("/xong 1", "/tiendo 1 đã xong một nửa", "/giahan 1 20/12 chờ số liệu"):
        answer = await env.say(stranger, w.private_chat(stranger), command)
        assert "không có trong nhóm" in answer.plain, (command, answer.plain)
    async with env.sessions() as s:
        task = await s.scalar(select(Task).where(Task.number == 1))
        assert task is not None and task.status == "open"
        events = await s.scalars(select(TaskEvent.kind).where(TaskEvent.task_id == task.id))
        assert set(events) == {"created"}


async def test_the_strangers_private_task_list_does_not_show_the_committees_task(env: Env) -> None:
    """(sec15) «/viec» in the stranger's private chat listed the committee's task (its text, its deadline)."""
    w = env.world
    chair, _member, group = await committee(env)
    stranger = w.add_user("Bình", "Lê Văn", username="binh_lee")
    w.start_private(stranger)
    await env.idle()
    await env.say(chair, group, "/giao @binh_lee tổng hợp số liệu hộ nghèo trước ngày 15/12")
    answer = await env.say(stranger, w.private_chat(stranger), "/viec")
    assert "hộ nghèo" not in answer.plain and "không có việc nào đang mở" in answer.plain
    w.add_member(group, stranger, by=chair)  # he joins: the task is his to see
    await env.idle()
    assert "hộ nghèo" in (await env.say(stranger, w.private_chat(stranger), "/viec")).plain
