"""The product backlog of helper «product10», asserted on what people see in Telegram (the emulator):
one clock in a reminder's header, one group message where one would do, a short group line for a
new-task list a blocked person could not receive, coordinating units told of their new tasks, and a
supergroup's welcome that a restart does not lose."""

from __future__ import annotations

from sqlalchemy import select

from db.models import Notice
from tests.e2e.conftest import Env, Since, mentioned
from tests.e2e.test_gaps3 import _committee as gaps3_committee
from tests.e2e.test_gaps3 import _conclusion, _counts
from tests.e2e.test_long_conclusion import bot_messages_since, preview_after, save
from tests.e2e.test_reminders_e2e import at, committee_with_a_task, reminders, wake

__all__ = ["reminders"]  # the fixture, used by name


# ------------------------------------------------------------------------------------- 1: one ⏰ a reminder
async def test_a_reminder_shows_the_clock_once_in_the_private_chat_and_in_the_group(reminders: Env) -> None:
    env = reminders
    _chair, binh, _an, group, _ = await committee_with_a_task(env)
    new = Since(env.world, binh, group)
    await wake(env, at(2026, 11, 27, 8, 0))  # Friday: 3 working days before Wednesday 2/12
    [private] = new(binh)
    [in_group] = new(group)
    for message in (private, in_group):
        assert message.plain.startswith("⏰ Nhắc việc"), message.plain
        assert message.plain.count("⏰") == 1, message.plain
        assert "🔔 #1 · BCĐ Chuyển đổi số phường Sài Đồng" in message.plain


# ------------------------------------------------------------------------------------- 3: a short line, not 20 tasks
async def test_a_save_of_twenty_for_someone_who_blocked_the_bot_unnoticed_is_one_short_group_line(env: Env) -> None:
    chair, binh, an, group = await gaps3_committee(env)
    env.emulator.faults.forbid_users([binh.id])  # Bình blocked the bot; Telegram's update never came
    binh_0, group_0 = _counts(env, binh, group)
    env.world.send_text(chair, group, "/nhap\n" + _conclusion(20, long=True))  # long: two private parts
    tasks = await save(env, chair, await preview_after(env, group, group_0))
    assert len(tasks) == 20
    await env.idle()
    assert bot_messages_since(env, binh, binh_0) == []
    told = [m for m in bot_messages_since(env, group, group_0) if "Bình Lê" in m.plain]
    assert len(told) == 1, [m.plain for m in told]
    line = told[0]
    first, last = tasks[0].number, tasks[-1].number
    assert "bot không gửi được tin nhắn riêng" in line.plain and "20 nhiệm vụ mới" in line.plain
    assert f"#{first}–#{last}" in line.plain and "/viec" in line.plain and "Bỏ chặn" in line.plain
    assert binh.id in mentioned(line) and line.button_texts() == []
    assert len(line.plain) < 400 and "rà soát hồ sơ lĩnh vực" not in line.plain
    assert env.emulator.faults.counts["forbidden"] == 1  # the second part was folded, never tried
    async with env.sessions() as s:
        rows = (await s.scalars(select(Notice).where(Notice.kind == "task_new"))).all()
    assert sorted(r.status for r in rows) == ["cancelled", "sent"]
    assert {r.delivered_to_chat for r in rows if r.status == "sent"} == {group.id}
    # Nobody else was told anything more, and the bot knows now: the next save tells nobody privately.
    assert bot_messages_since(env, an, 0) == []
