"""The product backlog of helper «product10», asserted on what people see in Telegram (the emulator):
one clock in a reminder's header, one group message where one would do, a short group line for a
new-task list a blocked person could not receive, coordinating units told of their new tasks, and a
supergroup's welcome that a restart does not lose."""

from __future__ import annotations

from tests.e2e.conftest import Env, Since
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
