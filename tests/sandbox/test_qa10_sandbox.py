"""qa10: the sandbox's group as its people change."""

from __future__ import annotations

from bot.sandbox import Sandbox


async def test_the_group_header_counts_those_in_the_group(sandbox: Sandbox) -> None:
    """The header said «6 thành viên» after the chair had left: a member who left stays in the emulator's
    list, as «left»."""
    before = sandbox.state()["group"]["members"]
    assert before == 6  # five people and the bot
    sandbox.world.remove_member(sandbox.group, sandbox.personas["member"].user)
    await sandbox.idle()
    assert sandbox.state()["group"]["members"] == 5
