"""Forged button data: naming another committee's task (or request, or draft), pressed by someone who
may not, or for a task already closed. Nothing changes in the database and the presser gets a clear
alert."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import ExtensionRequest, PendingInput, Task, TaskEvent
from tests.hostile.conftest import Cast, HostileEnv, make_cast


async def everything(env: HostileEnv) -> tuple[object, ...]:
    """The whole stored state buttons can touch, across committees."""
    async with env.sessions() as s:
        return (
            tuple((await s.execute(select(Task.id, Task.status, Task.due_current, Task.text).order_by(Task.id))).all()),
            tuple((await s.execute(select(TaskEvent.id))).all()),
            tuple((await s.execute(select(ExtensionRequest.id, ExtensionRequest.status))).all()),
            tuple((await s.execute(select(PendingInput.id, PendingInput.data))).all()),
        )


async def press(env: HostileEnv, user: object, chat: object, data: str) -> tuple[bool, str]:
    message = env.world.last_bot_message(chat)  # type: ignore[arg-type]
    assert message is not None
    query = env.world.press_forged(user, message, data)  # type: ignore[arg-type]
    await env.world.wait_until(lambda: query.answered)
    await env.idle()
    return query.show_alert, query.answer_text or ""


async def other_committee_draft(env: HostileEnv, cast: Cast) -> int:
    reply = await env.say(cast.outsider, cast.other, "/nhap\n1. Giao Văn phòng tổng hợp số liệu trước 15/12.")
    return int(reply.buttons[0][0]["callback_data"].split(":")[1])


@pytest.fixture
async def world(hostile_env: HostileEnv) -> tuple[HostileEnv, Cast]:
    return hostile_env, await make_cast(hostile_env)


async def test_another_committees_task_request_and_draft(world: tuple[HostileEnv, Cast]) -> None:
    env, cast = world
    theirs = cast.task_ids["o1"]
    draft = await other_committee_draft(env, cast)
    async with env.sessions() as s:
        request_id = await s.scalar(select(ExtensionRequest.id))  # the group's pending extension request
    forged = [
        f"done:{theirs}", f"prog:{theirs}", f"ext:{theirs}", f"blk:{theirs}", f"undo:{theirs}",
        f"fixdue:{theirs}", f"due:{theirs}:1w", f"due:{theirs}:other", f"imp:{draft}:save", f"imp:{draft}:drop:1",
        f"imp:{draft}:fix:1", f"imp:{draft}:cancel",
    ]  # fmt: skip
    before = await everything(env)
    # The chair of this committee presses, in the group and in private, on the other committee's rows.
    for chat in (cast.group, cast.chair):
        for data in forged:
            alert, text = await press(env, cast.chair, chat, data)
            assert alert and text, (chat, data, text)
            assert any(w in text for w in ("không còn dùng", "⛔", "nhóm", "Bản xem trước")), (data, text)
    # The other committee's chair approves this committee's extension request: refused everywhere.
    for chat in (cast.other, cast.outsider):
        for data in (f"extok:{request_id}", f"extno:{request_id}", f"done:{cast.task_ids['g1']}",
                     f"undo:{cast.task_ids['g2']}", f"due:{cast.task_ids['g2']}:3d"):
            alert, text = await press(env, cast.outsider, chat, data)
            assert alert and text, (chat, data, text)
    assert await everything(env) == before
    assert not env.errors, env.errors


async def test_people_who_may_not(world: tuple[HostileEnv, Cast]) -> None:
    env, cast = world
    g1, g2 = cast.task_ids["g1"], cast.task_ids["g2"]
    async with env.sessions() as s:
        request_id = await s.scalar(select(ExtensionRequest.id))
    before = await everything(env)
    cases = [
        (cast.member, [f"done:{g1}", f"prog:{g1}", f"ext:{g1}", f"blk:{g1}", f"undo:{g1}", f"due:{g2}:1w",
                       f"due:{g2}:other", f"extok:{request_id}", f"extno:{request_id}",
                       f"cdue:{g1}", f"cgive:{g1}", f"cnote:{g1}"]),
        (cast.secretary, [f"done:{g1}", f"prog:{g1}", f"extok:{request_id}", f"extno:{request_id}", f"cdue:{g1}"]),
        (cast.assignee, [f"undo:{g1}", f"due:{g2}:1w", f"extok:{request_id}", f"extno:{request_id}",
                         f"cdue:{g1}", f"cgive:{g1}", f"cnote:{g1}"]),
    ]  # fmt: skip
    for user, datas in cases:
        for chat in (cast.group, user):
            for data in datas:
                alert, text = await press(env, user, chat, data)
                assert alert and ("⛔" in text or "nhóm" in text), (user.first_name, chat, data, text)
    assert await everything(env) == before
    assert not env.errors, env.errors


async def test_closed_tasks(world: tuple[HostileEnv, Cast]) -> None:
    env, cast = world
    before = await everything(env)
    for key, state in (("g4", "hoàn thành"), ("g5", "huỷ")):
        task = cast.task_ids[key]
        for data in (f"done:{task}", f"prog:{task}", f"ext:{task}", f"blk:{task}", f"undo:{task}",
                     f"fixdue:{task}", f"due:{task}:1w", f"due:{task}:other", f"due:{task}:none"):
            for user, chat in ((cast.chair, cast.group), (cast.assignee, cast.assignee)):
                alert, text = await press(env, user, chat, data)
                assert alert and state in text, (key, data, text)
    assert await everything(env) == before
    assert not env.errors, env.errors


async def test_garbage_and_empty_data(world: tuple[HostileEnv, Cast]) -> None:
    """Data no button of the bot carries (PTB gives a press without data to every pattern handler)."""
    env, cast = world
    before = await everything(env)
    for data in ("", "x", "imp:", "imp:1", "done:", "done:abc", "done:99999999999999999999", "due:1:later",
                 "undo:1:2", "extok:-1", "addunit:1e3", "\x00", "💥" * 16):
        alert, text = await press(env, cast.chair, cast.group, data)
        assert alert and "Nút này không còn dùng được" in text, (data, text)
    assert await everything(env) == before
    assert not env.errors, env.errors
