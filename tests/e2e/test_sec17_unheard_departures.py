"""(sec17) How long the bot believes «in the group» before a private reminder, as Telegram has it now.

The bot hears every departure only where it is an administrator (chat_member updates); elsewhere someone can
leave unheard (the group hides «X left», the message was deleted before the bot read it). sec15 believed
«present» a week everywhere, so such a person kept the committee's task, deadline and buttons privately for
up to a week. The real Application against the emulator; the test moves the bot's clock and wakes the
dispatcher itself (tests/e2e/test_reminders_e2e.py); a flood wait lives in a fake monotonic clock."""

from __future__ import annotations

from emulator import Chat, User, text_mention
from jobs.ratelimit import SendLimiter
from jobs.runtime import DispatchRuntime
from tests.e2e.conftest import Env, Since
from tests.e2e.test_reminders_e2e import at, reminders, wake
from tests.fake_bot import FakeTime

__all__ = ["reminders"]  # the fixture, shared

TASK = "rà soát hồ sơ thủ tục một cửa"


async def committee(env: Env, *, bot_admin: bool) -> tuple[User, User, Chat]:
    """Lan (chair) adds the bot to her group, as an admin or not; Bình (private chat open) holds task #1,
    due Wednesday 2/12: reminded 27/11, 1/12 and 2/12 at 08:00."""
    w = env.world
    lan = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=lan, members=[binh], bot_status=None)
    w.add_bot(group, by=lan, as_admin=bot_admin)  # my_chat_member: the bot knows what it is there
    w.start_private(binh)
    await env.idle()
    reply = await env.say(lan, group, ["/giao ", text_mention(binh), f" {TASK} xong trước ngày 2/12"])
    assert "#1" in reply.plain
    return lan, binh, group


def reminded(messages: list) -> list:  # type: ignore[type-arg]
    return [m for m in messages if TASK in m.plain]


async def test_a_member_who_leaves_unheard_where_the_bot_is_no_admin_is_reminded_in_the_group_next_day(
    reminders: Env,
) -> None:
    """Bình is reminded privately on Tuesday, then leaves a group that hides «X left» (the bot is a plain
    member: no chat_member updates). Wednesday's reminder — a day later — goes to the group with sec16's
    footer, not to his private chat (before: believed present a week, he got the task privately)."""
    env, w = reminders, reminders.world
    _lan, binh, group = await committee(env, bot_admin=False)
    new = Since(w, binh, group)
    await wake(env, at(2026, 12, 1, 8, 0))
    assert len(reminded(new(binh))) == 1
    w.leave_unheard(group, binh)
    await env.idle()
    new = Since(w, binh, group)
    await wake(env, at(2026, 12, 2, 8, 0))
    assert reminded(new(binh)) == []
    [there] = reminded(new(group))
    assert "hãy vào nhóm này, hoặc nhờ Trưởng ban giao lại việc" in there.plain


async def test_where_the_bot_is_an_admin_present_holds_a_week_and_nobody_is_asked_again(reminders: Env) -> None:
    """The bot was added as an admin (it hears chat_member): what Telegram said of Bình when the chair named
    him in /giao (Monday 23/11) holds the week — Friday's reminder asks nothing, of him or of the bot (its
    standing was heard: my_chat_member); Tuesday, past the week, asks about him and the bot once; Wednesday
    nothing. When he leaves,
    even with «X left» hidden, the bot hears it and his next reminder is not his (the departure took the task)."""
    env, w = reminders, reminders.world
    _lan, binh, group = await committee(env, bot_admin=True)
    assert w.member_lookups[binh.id] == 1  # /giao matched the name against the group
    new = Since(w, binh, group)
    await wake(env, at(2026, 11, 27, 8, 0))
    assert len(reminded(new(binh))) == 1
    assert w.member_lookups[binh.id] == 1 and w.member_lookups[w.bot.id] == 0
    await wake(env, at(2026, 12, 1, 8, 0))  # eight days on: asked again, once (and the bot's standing, weekly)
    assert len(reminded(new(binh))) == 2
    assert w.member_lookups[binh.id] == 2 and w.member_lookups[w.bot.id] == 1
    w.leave_unheard(group, binh)
    await env.idle()
    await wake(env, at(2026, 12, 2, 8, 0))
    assert len(reminded(new(binh))) == 2
    assert w.member_lookups[binh.id] == 2 and w.member_lookups[w.bot.id] == 1


async def test_a_flood_wait_on_the_look_up_makes_the_reminder_wait_not_leak(reminders: Env) -> None:
    """Bình left unheard (the bot no admin); on Wednesday Telegram answers the look-up with a 429. His
    reminder is neither sent to him nor posted in the group: the asking stops at once (no retry inside the
    request) and it waits; once the flood wait is over it goes to the group."""
    env, w = reminders, reminders.world
    clock = FakeTime()
    env.app.bot_data["e2e_runtime"] = DispatchRuntime.create(  # type: ignore[attr-defined]
        "e2e", limiter=SendLimiter(0, 0, 0, monotonic=clock.monotonic, sleep=clock.sleep), sleep=clock.sleep)
    _lan, binh, group = await committee(env, bot_admin=False)
    await wake(env, at(2026, 12, 1, 8, 0))
    w.leave_unheard(group, binh)
    await env.idle()
    flood = env.emulator.faults.retry_after(2, methods=["getChatMember"], times=1)
    new = Since(w, binh, group)
    lookups = w.calls["getChatMember"]
    await wake(env, at(2026, 12, 2, 8, 0))
    assert flood.injected == 1 and w.calls["getChatMember"] == lookups + 1  # asked once: not retried inline
    assert reminded(new(binh)) == [] and reminded(new(group)) == []
    clock.now += 3  # the flood wait is over
    await wake(env, at(2026, 12, 2, 8, 2))
    assert reminded(new(binh)) == []
    assert len(reminded(new(group))) == 1

