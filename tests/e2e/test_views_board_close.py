"""A task closed (or its status changed) on the board is announced in the committee's group by a new
message naming who did it and which task — an edit would notify nobody — and only those who may close
it in the chat (the chair; the task's assignee, as with /xong) may close it on the board, where the
page offers «Đóng» to exactly them."""

from __future__ import annotations

from tests.e2e.conftest import Env
from tests.e2e.test_board import Client, cast, env, logged

__all__ = ["env"]  # the fixture (with the board), used by name


async def test_closing_on_the_board_is_told_in_the_group_by_whom_and_only_by_those_allowed(env: Env) -> None:
    chair, police, member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)  # #1 and #3: Công an phường (contact Tuấn); #2: Văn phòng
    await env.say(chair, group, "/vaitro @minh_member thuky")
    await env.idle()

    # Who is offered «Đóng» on a task's page: the chair on every task, the unit's contact on the unit's.
    async def can_close(user: object, number: int) -> bool:
        status, task = await Client(env, user).call(f"c/{cid}/t/{number}")  # type: ignore[arg-type]
        assert status == 200
        return bool(task["can_close"])

    assert await can_close(chair, 2) and await can_close(police, 1)
    assert not await can_close(police, 2) and not await can_close(member, 1)

    # Refused — a secretary (not the task's), and the contact on another unit's task: nothing changes,
    # nothing is said in the group.
    before = len(env.world.bot_messages(group))
    status, refused = await Client(env, member).call(f"c/{cid}/t/2", {"action": "close", "value": ""})
    assert status == 409 and "không phải người thực hiện" in refused["message"]
    status, _ = await Client(env, police).call(f"c/{cid}/t/2", {"action": "close", "value": ""})
    assert status == 409
    await env.idle()
    assert len(env.world.bot_messages(group)) == before
    assert (await env.task(2, group)).status == "open"

    # The unit's contact closes the unit's task: the group gets a new message naming him and the task.
    status, done = await Client(env, police).call(f"c/{cid}/t/1", {"action": "close", "value": "đã lắp xong"})
    assert status == 200 and done["task"]["status"] == "done"
    told = await env.world.wait_for(lambda m: "trên Bảng việc" in m.plain, chat=group, kinds=("sent",))
    assert told.plain.startswith("🗂 Tuấn Đỗ (trên Bảng việc): ✅ #1 đã hoàn thành")
    assert "📌 Công an phường rà soát camera an ninh" in told.plain
    assert (await env.task(1, group)).status == "done"

    # The chair closes another unit's task, then cancels one: each said, by name, as a new message.
    status, _ = await Client(env, chair).call(f"c/{cid}/t/2", {"action": "close", "value": ""})
    assert status == 200
    told = await env.world.wait_for(lambda m: "#2" in m.plain and "trên Bảng việc" in m.plain, chat=group,
                                    kinds=("sent",))  # fmt: skip
    assert told.plain.startswith("🗂 Lan Nguyễn (trên Bảng việc): ✅ #2 đã hoàn thành")
    assert "📌 Văn phòng cập nhật hồ sơ một cửa" in told.plain
    before = len(env.world.bot_messages(group))
    status, _ = await Client(env, chair).call(f"c/{cid}/t/3", {"action": "cancel", "value": "trùng việc"})
    assert status == 200
    told = await env.world.wait_for(lambda m: "#3" in m.plain and "trên Bảng việc" in m.plain, chat=group,
                                    kinds=("sent",))  # fmt: skip
    # (product10) One message: the cancellation told to Tuấn (no private chat) says who, why and where; the
    # board's own line would repeat it a moment later.
    assert told.plain.startswith("📨 Gửi Tuấn Đỗ:") and "#3" in told.plain
    assert "đã được huỷ bởi Lan Nguyễn — lý do: trùng việc" in told.plain
    assert told.plain.endswith("🗂 Thực hiện trên Bảng việc.")
    await env.idle()
    assert len(env.world.bot_messages(group)) == before + 1
    # Closing a closed task again is refused, and not announced twice.
    before = len(env.world.bot_messages(group))
    status, _ = await Client(env, chair).call(f"c/{cid}/t/1", {"action": "close", "value": ""})
    assert status == 409
    await env.idle()
    assert len(env.world.bot_messages(group)) == before
