"""The bot added back to a group checks its people off the update queue (jobs/membership_check.py).

While it was away, a member left and an administrator (a chair because an admin) was demoted; the
bot heard nothing. Added back, it looks each person up (getChatMember) in a job. Here those look-ups
are held (slow) or fail (5xx, a 429): a command sent right after the re-add is answered before any of
them completes, and until one succeeds nobody loses or gains anything (the demoted admin is still
taken for a chair: it is what the bot last knew). Once they succeed, the roles are what Telegram says.
The emulator decides when the look-ups complete (FaultPlan.hold / server_error_for), so the order is
certain, not a matter of timing."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable

import pytest
from sqlalchemy import select

from db.models import Person, Role, TaskAssignee
from emulator import Chat, Message, User, text_mention
from tests.e2e.conftest import Env, bot_env

LEFT = "đã rời nhóm"


@pytest.fixture
async def quick(database_url: str) -> AsyncIterator[Env]:
    """Retries of the check 0.2 s apart (5 s in production), answers awaited 2 s; the bot's own pacing
    moves the test's clock instead of passing in real time (conftest.SkippedWaits)."""
    async with bot_env(database_url, membership_retry=0.2, api_timeout=2.0) as env:
        yield env


async def roles(env: Env) -> dict[str, str]:
    async with env.sessions() as s:
        rows = await s.execute(select(Person.full_name, Role.role).join(Role, Role.person_id == Person.id))
        return dict(rows.all())


async def assignees(env: Env) -> list[int | None]:
    async with env.sessions() as s:
        return list((await s.execute(select(TaskAssignee.person_id))).scalars())


def check_done(caplog: pytest.LogCaptureFixture, chat: Chat) -> Callable[[], bool]:
    """The job's last word on the chat (a log line). `World.wait_until` sees it without polling: the
    bot's next long poll (every second at most) wakes the world's waiters."""
    line = f"membership check of chat {chat.id} done"
    return lambda: any(r.getMessage().startswith(line) for r in caplog.records)


async def away_then_back(env: Env) -> tuple[User, User, User, User, Chat]:
    """Lan (creator) logs a task for Bình; Tú, an admin, acts (so a chair); the bot is removed; Bình
    leaves and Tú is demoted meanwhile. Returns (lan, tu, binh, minh, group), the bot still out."""
    w = env.world
    lan = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    tu = w.add_user("Tú", "Đỗ", username="tu_phochutich")
    binh = w.add_user("Bình", "Lê")
    minh = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=lan, members=[binh, minh], admins=[tu])
    assert "#1" in (await env.say(lan, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 15/12"])).plain
    await env.say(tu, group, "/viec")
    assert await roles(env) == {"Lan Nguyễn": "chair", "Tú Đỗ": "chair"}
    w.remove_bot(group, by=lan)
    await env.idle()
    w.remove_member(group, binh)  # the bot is out: it hears nothing of these
    w.demote_admin(group, tu, by=lan)
    await env.idle()
    return lan, tu, binh, minh, group


def departure_notices(env: Env, group: Chat) -> list[Message]:
    return [m for m in env.world.bot_messages(group) if LEFT in m.plain]


async def test_a_command_after_the_re_add_is_answered_while_the_look_ups_are_held(
    quick: Env, caplog: pytest.LogCaptureFixture
) -> None:
    env, w = quick, quick.world
    caplog.set_level(logging.INFO, logger="jobs.membership_check")
    lan, tu, binh, _minh, group = await away_then_back(env)
    held = env.emulator.faults.hold(methods=["getChatMember"], users=[tu.id, binh.id])

    w.add_bot(group, by=lan)
    w.send_text(lan, group, "/ds")
    listing = await w.wait_for(lambda m: "soạn báo cáo quý" in m.plain, chat=group, timeout=10)
    await w.wait_until(lambda: held.injected >= 1, timeout=10)  # the job is waiting on Telegram
    # The command was answered while the check was held: nothing of it is applied yet.
    assert "#1" in listing.plain and "Bình Lê" in listing.plain
    assert departure_notices(env, group) == []
    assert not check_done(caplog, group)()
    assert await roles(env) == {"Lan Nguyễn": "chair", "Tú Đỗ": "chair"}  # what was known: kept, nothing added

    assert held.gate is not None
    held.gate.set()  # Telegram answers
    await w.wait_until(check_done(caplog, group), timeout=30)
    await env.idle()
    [notice] = departure_notices(env, group)
    assert "Bình Lê" in notice.plain and notice.button_texts() == ["🔁 Giao lại #1"]
    assert await roles(env) == {"Lan Nguyễn": "chair"}  # Tú is no longer an admin: no longer a chair
    assert await assignees(env) == [None]
    reply = await env.say(tu, group, "/huy 1 trùng việc")
    assert "Chỉ Trưởng ban" in reply.plain
    assert "Minh Phạm" not in await roles(env)


async def test_look_ups_that_fail_are_retried_and_a_second_check_changes_nothing(
    quick: Env, caplog: pytest.LogCaptureFixture
) -> None:
    env, w = quick, quick.world
    caplog.set_level(logging.INFO, logger="jobs.membership_check")
    lan, tu, binh, _minh, group = await away_then_back(env)
    plan = env.emulator.faults
    plan.retry_after(1, methods=["getChatMember"], times=1)  # the first look-up: Telegram says wait
    failing = plan.server_error_for(500, methods=["getChatMember"], users=[tu.id, binh.id])

    w.add_bot(group, by=lan)
    w.send_text(lan, group, "/giao @minh_member chuẩn bị hội trường trước 20/12")
    # Lan, a chair as far as the bot knows, is answered at once: the task is logged.
    await w.wait_for(lambda m: "#2" in m.plain and "hội trường" in m.plain, chat=group, timeout=10)
    await w.wait_until(lambda: failing.injected >= 4, timeout=30)  # tried, and tried again in a later round
    assert departure_notices(env, group) == []
    assert await roles(env) == {"Lan Nguyễn": "chair", "Tú Đỗ": "chair"}
    assert sorted(await assignees(env), key=str) != [None]

    plan.clear()  # Telegram answers again: the next round succeeds
    await w.wait_until(check_done(caplog, group), timeout=30)
    await env.idle()
    assert len(departure_notices(env, group)) == 1
    assert await roles(env) == {"Lan Nguyễn": "chair"}

    # Removed and added back once more: the same check again finds nothing new to do or to say.
    caplog.clear()
    w.remove_bot(group, by=lan)
    await env.idle()
    w.add_bot(group, by=lan)
    await w.wait_until(check_done(caplog, group), timeout=30)
    await env.idle()
    assert len(departure_notices(env, group)) == 1
    assert await roles(env) == {"Lan Nguyễn": "chair"}
