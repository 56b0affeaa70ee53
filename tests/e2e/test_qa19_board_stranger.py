"""qa19: the board's «👤 Giao lại» to an @name of nobody in the group (a mistyped @username): the chair is
asked to check it, the task is reassigned, and nothing is sent to that person's private chat."""

from __future__ import annotations

from tests.e2e.conftest import Env
from tests.e2e.test_board import Client, cast, env, logged  # noqa: F401  (env: the board's fixture)


async def test_giao_lai_on_the_board_to_someone_outside_the_group_is_flagged(env: Env) -> None:  # noqa: F811
    chair, _police, _member, outsider, group = cast(env)
    w = env.world
    w.start_private(outsider)  # «@nguoi_ngoai» once wrote to the bot: it may write to him
    cid = await logged(env, chair, group)
    await env.idle()
    private_before = len(w.bot_messages(w.private_chat(outsider)))
    cursor = len(w.bot_messages(group))
    status, result = await Client(env, chair).call(f"c/{cid}/t/2", {"action": "reassign", "value": "@nguoi_ngoai"})
    assert status == 200 and result["ok"], result
    await env.idle()
    said = "\n".join([str(result.get("message", "")), *(m.plain for m in w.bot_messages(group)[cursor:])])
    assert "@nguoi_ngoai chưa thấy trong nhóm — kiểm tra lại tên?" in said
    assert len(w.bot_messages(w.private_chat(outsider))) == private_before
