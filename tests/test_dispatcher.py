"""The reminder dispatcher against a recording bot: what people receive, and how each Bot API
error is handled (RetryAfter, Forbidden, ChatMigrated, TimedOut/NetworkError, BadRequest).
Time is a ManualClock; waits go through a fake sleep (no real waiting)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.clock import ManualClock
from bot.member_status import Standing
from bot.services import Services
from bot.settings import Settings
from db.models import Committee, Person, Reminder, SummaryRun, UnitContact
from db.reminders import claim_due, pause_committee, replan_task
from db.summaries import ensure_summary_runs
from jobs.dispatcher import dispatch_once
from jobs.ratelimit import SendLimiter
from jobs.runtime import DispatchRuntime, DispatchStats
from tests.fake_bot import FakeBot, FakeTime
from tests.reminder_world import World

# Constructing RetryAfter with seconds warns about PTB's coming timedelta type; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

VN = ZoneInfo("Asia/Ho_Chi_Minh")
GROUP = -100
LAN, MINH, CHU = 1001, 1002, 1003  # Telegram user ids
DUE = date(2026, 12, 16)  # Wednesday


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN).astimezone(UTC)


@dataclass
class Env:
    services: Services
    runtime: DispatchRuntime
    bot: FakeBot
    time: FakeTime
    clock: ManualClock
    world: World
    ids: dict[str, int]

    async def tick(self, when: datetime | None = None, runtime: DispatchRuntime | None = None) -> DispatchStats:
        if when is not None:
            self.clock.set(when)
        return await dispatch_once(self.services, self.bot, self.clock.now(), runtime or self.runtime)  # type: ignore[arg-type]

    async def task(self, text: str, due: date = DUE, **kw: object) -> int:
        kw.setdefault("lead_unit", self.ids["vp"])
        return await self.world.task(self.ids["com"], text, due, self.clock.now(), **kw)  # type: ignore[arg-type]

    async def rows(self) -> list[Reminder]:
        return await self.world.reminders()


def new_runtime(time: FakeTime, worker: str = "test") -> DispatchRuntime:
    limiter = SendLimiter(0, 0, 0, monotonic=time.monotonic, sleep=time.sleep)
    return DispatchRuntime.create(worker, limiter=limiter, sleep=time.sleep)


@pytest.fixture
async def env(engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]) -> Env:
    clock = ManualClock(at(2026, 12, 1, 9))
    world = World(sessions)
    services = Services(Settings(), clock, engine, sessions, "test")
    time = FakeTime()
    com = await world.committee("BCĐ Chuyển đổi số phường", GROUP, at(2026, 11, 1))
    lan = await world.person("Nguyễn Thị Lan", LAN, username="lan_vp")
    minh = await world.person("Trần Văn Minh", MINH, private_chat=False)  # never opened a chat
    chu = await world.person("Lê Văn Chủ", CHU)
    await world.chair(com, chu)
    vp = await world.unit(com, "Văn phòng", (lan, minh))
    ids = {"com": com, "lan": lan, "minh": minh, "chu": chu, "vp": vp}
    return Env(services, new_runtime(time), FakeBot(clock), time, clock, world, ids)


# --------------------------------------------------------------------------- what people receive


async def test_reminders_for_one_person_at_one_moment_come_in_one_message(env: Env) -> None:
    t1 = await env.task("Cập nhật danh mục thủ tục hành chính")
    t2 = await env.task("Báo cáo <tiến độ> chuyển đổi số & số hoá")
    t3 = await env.task("Rà soát hồ sơ", due=date(2026, 12, 14))  # Monday: reminded 9/12 and 11/12
    await env.tick(at(2026, 12, 9, 8))
    assert ["<b>#3</b>" in s.text for s in env.bot.to(LAN)] == [True]
    assert (await env.tick(at(2026, 12, 11, 7, 59))).messages_sent == 0
    stats = await env.tick(at(2026, 12, 11, 8, 0))
    assert (stats.messages_sent, stats.reminders_sent) == (2, 6)
    private = env.bot.to(LAN)[-1]
    assert "3 nhiệm vụ cần anh/chị chú ý" in private.text
    assert "Hạn: Thứ Tư, 16/12/2026 (còn 5 ngày)" in private.text
    assert "Hạn: Thứ Hai, 14/12/2026 (còn 3 ngày)" in private.text
    assert "Báo cáo &lt;tiến độ&gt; chuyển đổi số &amp; số hoá" in private.text  # user text escaped
    assert "BCĐ Chuyển đổi số phường" in private.text
    # Nearest deadline first, four buttons per task.
    verbs = ("done", "prog", "ext", "blk")
    assert private.callback_data == [f"{verb}:{t}" for t in (t3, t1, t2) for verb in verbs]
    # Minh never opened a private chat: the group, with a mention that works without a username.
    group = env.bot.to(GROUP)[-1]
    assert '<a href="tg://user?id=1002">Trần Văn Minh</a>' in group.text
    assert {f"done:{t}" for t in (t1, t2, t3)} <= set(group.callback_data)
    assert "tg://user?id=1001" not in group.text  # Lan was reminded privately
    # Nothing is sent twice, however often the dispatcher wakes.
    assert (await env.tick(at(2026, 12, 11, 8, 1))).messages_sent == 0
    assert (await env.tick(at(2026, 12, 11, 17, 0))).messages_sent == 0


async def test_single_task_reminder_has_the_four_buttons(env: Env) -> None:
    t1 = await env.task("Việc một")
    await env.tick(at(2026, 12, 11, 8))
    [msg] = env.bot.to(LAN)
    labels = [b.text for row in msg.markup.inline_keyboard for b in row]  # type: ignore[union-attr]
    assert labels == ["✅ Đã xong", "📝 Báo cáo tiến độ", "⏳ Xin gia hạn", "🚧 Vướng mắc"]
    assert msg.callback_data == [f"done:{t1}", f"prog:{t1}", f"ext:{t1}", f"blk:{t1}"]


async def test_closed_or_redated_tasks_stop_or_move_at_once(env: Env) -> None:
    t1 = await env.task("Việc xong sớm")
    t2 = await env.task("Việc được gia hạn")
    await env.world.update_task(t1, at(2026, 12, 10, 15), status="done", closed_on=date(2026, 12, 10))
    await env.world.update_task(t2, at(2026, 12, 10, 15), due_current=date(2026, 12, 31))
    await env.tick(at(2026, 12, 11, 8))
    assert env.bot.sent == []
    # The extended one is reminded on its new plan: 3 working days before 31/12 is 28/12.
    await env.tick(at(2026, 12, 28, 8))
    assert [("#2" in s.text, "còn 3 ngày" in s.text) for s in env.bot.to(LAN)] == [(True, True)]


async def test_chair_is_told_from_three_working_days_overdue(env: Env) -> None:
    await env.task("Việc chậm")
    for day in (date(2026, 12, 17), date(2026, 12, 21)):
        await env.tick(datetime.combine(day, datetime.min.time(), tzinfo=VN).replace(hour=8).astimezone(UTC))
    [esc] = env.bot.to(CHU)
    assert "Báo cáo Trưởng ban" in esc.text and "quá hạn 5 ngày" in esc.text and "🏢 Chủ trì: Văn phòng" in esc.text
    assert esc.at == at(2026, 12, 21, 8)
    assert [("quá hạn 1 ngày" in s.text) for s in env.bot.to(LAN)] == [True, False]


# --------------------------------------------------------------------------- Bot API errors


async def test_retry_after_waits_and_resends_never_drops(env: Env) -> None:
    await env.task("Việc")
    env.bot.fail(LAN, RetryAfter(7))
    stats = await env.tick(at(2026, 12, 11, 8))
    assert 7 in env.time.sleeps  # waited what Telegram asked
    assert len(env.bot.to(LAN)) == 1 and stats.reminders_sent == 2


async def test_long_flood_wait_puts_the_rows_back_for_later(env: Env) -> None:
    await env.task("Việc")
    env.bot.fail(LAN, RetryAfter(120))
    stats = await env.tick(at(2026, 12, 11, 8))
    # Neither Lan's message nor the group's waits two minutes holding its claim: both go back.
    assert stats.retry_later == 2 and env.bot.sent == []
    assert 120 not in env.time.sleeps
    assert (await env.tick(at(2026, 12, 11, 8, 1))).claimed == 0  # not before its time
    env.time.now += 121  # the flood wait is over (the pause lives in the limiter's own clock)
    await env.tick(at(2026, 12, 11, 8, 2) + timedelta(seconds=1))
    assert len(env.bot.to(LAN)) == 1 and len(env.bot.to(GROUP)) == 1


async def test_blocked_user_falls_back_to_the_group_and_is_remembered(env: Env) -> None:
    await env.task("Việc")
    env.bot.fail(LAN, Forbidden("Forbidden: bot was blocked by the user"))
    stats = await env.tick(at(2026, 12, 11, 8))
    assert stats.fallbacks == 1 and env.bot.to(LAN) == []
    group = env.bot.to(GROUP)
    assert any('<a href="tg://user?id=1001">Nguyễn Thị Lan</a>' in g.text for g in group)
    async with env.services.session_factory() as s:
        lan = await s.get(Person, env.ids["lan"])
        assert lan is not None and lan.blocked_bot is True
    attempts = env.bot.attempts
    await env.tick(at(2026, 12, 15, 8))  # next reminder: straight to the group
    assert env.bot.attempts == attempts + 1 and env.bot.to(LAN) == []


async def test_private_chat_not_found_falls_back_to_the_group(env: Env) -> None:
    await env.task("Việc")
    env.bot.fail(LAN, BadRequest("Chat not found"))
    await env.tick(at(2026, 12, 11, 8))
    assert any("tg://user?id=1001" in g.text for g in env.bot.to(GROUP))


async def test_group_migrated_to_supergroup(env: Env) -> None:
    await env.task("Việc")
    env.bot.fail(GROUP, ChatMigrated(-100777))
    await env.tick(at(2026, 12, 11, 8))
    assert env.bot.to(GROUP) == [] and len(env.bot.to(-100777)) == 1
    async with env.services.session_factory() as s:
        com = await s.get(Committee, env.ids["com"])
        assert com is not None and com.chat_id == -100777
    await env.tick(at(2026, 12, 15, 8), runtime=new_runtime(env.time))  # after a restart, too
    assert len(env.bot.to(-100777)) == 2


async def test_removed_from_the_group_pauses_until_added_back(env: Env) -> None:
    await env.task("Việc")
    env.bot.fail(GROUP, Forbidden("Forbidden: bot was kicked from the group chat"))
    stats = await env.tick(at(2026, 12, 11, 8))
    assert stats.paused == 1
    async with env.services.session_factory() as s:
        com = await s.get(Committee, env.ids["com"])
        assert com is not None and com.active is False
    assert (await env.tick(at(2026, 12, 14, 8))).claimed == 0  # paused: nothing claimed at all
    # Added back on Tuesday 15/12 at 10:00 (the membership handler sets active): what applies now, once.
    async with env.services.session_factory() as s, s.begin():
        com = await s.get(Committee, env.ids["com"])
        assert com is not None
        com.active = True
    await env.tick(at(2026, 12, 15, 10))
    [group] = env.bot.to(GROUP)
    assert "còn 1 ngày" in group.text and "tg://user?id=1002" in group.text


async def test_network_errors_are_retried_with_backoff(env: Env) -> None:
    await env.task("Việc")
    env.bot.fail(LAN, TimedOut(), times=2)
    await env.tick(at(2026, 12, 11, 8))
    assert env.time.sleeps[:2] == [1.0, 2.0] and len(env.bot.to(LAN)) == 1


async def test_persistent_network_trouble_is_retried_on_a_later_tick(env: Env) -> None:
    await env.task("Việc")
    env.bot.fail(LAN, NetworkError("connection reset"), times=4)
    stats = await env.tick(at(2026, 12, 11, 8))
    assert stats.retry_later == 1 and env.bot.to(LAN) == []
    await env.tick(at(2026, 12, 11, 8, 5))
    assert len(env.bot.to(LAN)) == 1


async def test_bad_request_is_recorded_and_the_plan_moves_on(env: Env) -> None:
    task = await env.task("Việc", lead_unit=None, lead_label="Ban biên tập")  # no contacts: the group
    env.bot.fail(GROUP, BadRequest("Bad Request: can't parse entities"))
    stats = await env.tick(at(2026, 12, 11, 8))
    assert stats.failed == 1
    rows = await env.world.reminders(task)
    assert [(r.status, r.local_day, r.last_error) for r in rows if r.person_id is None][:2] == [
        ("failed", date(2026, 12, 11), "Can't parse entities"),
        ("pending", date(2026, 12, 15), None),
    ]


# --------------------------------------------------------------------------- downtime and restarts


async def test_after_an_outage_only_what_applies_now_is_sent_once(env: Env) -> None:
    await env.task("Việc")
    # Down from Thursday 10/12 to Thursday 17/12 10:00: the 11/12, 15/12 and 16/12 reminders were
    # missed; Lan gets one — today's, overdue by one day.
    await env.tick(at(2026, 12, 17, 10))
    [msg] = env.bot.to(LAN)
    assert "quá hạn 1 ngày" in msg.text
    for hour in (11, 15, 19):
        await env.tick(at(2026, 12, 17, hour))
    assert len(env.bot.to(LAN)) == 1
    await env.tick(at(2026, 12, 21, 8))  # and the plan goes on
    assert len(env.bot.to(LAN)) == 2


async def test_outage_ending_on_a_weekend_night_waits_for_monday_morning(env: Env) -> None:
    await env.task("Việc")
    assert (await env.tick(at(2026, 12, 19, 22))).deferred == 2  # Saturday night: nothing
    assert env.bot.sent == []
    await env.tick(at(2026, 12, 21, 8))
    assert ["quá hạn 5 ngày" in s.text for s in env.bot.to(LAN)] == [True]


async def test_restart_never_sends_twice(env: Env) -> None:
    await env.task("Việc")
    await env.tick(at(2026, 12, 11, 8))
    sent = len(env.bot.sent)
    # A new process (fresh runtime, other instance id) wakes at once.
    assert (await env.tick(at(2026, 12, 11, 8, 0), runtime=new_runtime(env.time, "restarted"))).claimed == 0
    assert len(env.bot.sent) == sent


async def test_crash_between_claim_and_send_is_recovered_after_the_lease(env: Env) -> None:
    await env.task("Việc")
    async with env.services.session_factory() as s, s.begin():
        assert len(await claim_due(s, at(2026, 12, 11, 8), "crashed", 100)) == 2  # Lan's, Minh's
    # The crashed process held them; a new one waits for the lease, then sends each once.
    assert (await env.tick(at(2026, 12, 11, 8, 3))).claimed == 0
    await env.tick(at(2026, 12, 11, 8, 6))
    assert len(env.bot.to(LAN)) == 1 and len(env.bot.to(GROUP)) == 1
    await env.tick(at(2026, 12, 11, 8, 12))
    assert len(env.bot.sent) == 2


# --------------------------------------------------------------------------- weekly summary


async def test_long_summary_goes_in_parts_and_resumes_where_it_stopped(env: Env) -> None:
    long_text = "Triển khai thanh toán không dùng tiền mặt tại bộ phận một cửa, " * 3
    for n in range(120):
        await env.task(f"{long_text}{n}", due=date(2026, 11, 20), plan=False)
    async with env.services.session_factory() as s, s.begin():
        await ensure_summary_runs(s, at(2026, 12, 1, 9))
    # The second part fails for good (network): the first is not sent again afterwards.
    env.clock.set(at(2026, 12, 7, 7, 30))

    original = env.bot.send_message
    calls = {"n": 0}

    async def flaky(chat_id: int, text: str, **kw: object):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] in (2, 3, 4, 5):
            raise NetworkError("down")
        return await original(chat_id, text, **kw)

    env.bot.send_message = flaky  # type: ignore[method-assign]
    stats = await env.tick()
    assert stats.summary_parts_sent == 1 and stats.summaries_sent == 0
    async with env.services.session_factory() as s:
        run = (await s.execute(select(SummaryRun).where(SummaryRun.period == "2026-W50"))).scalar_one()
        assert (run.parts_sent, run.status) == (1, "pending")
    await env.tick(at(2026, 12, 7, 7, 40))
    parts = env.bot.to(GROUP)
    assert len(parts) > 3
    assert parts[0].text.startswith("📊 <b>TỔNG HỢP") and parts[1].text.startswith("📊 <b>Tổng hợp</b> (tiếp theo)")
    assert sum(p.text.startswith("📊 <b>TỔNG HỢP") for p in parts) == 1  # the first part once
    numbers = [line.split("</b>")[0] for p in parts for line in p.text.split("\n") if line.startswith("<b>#")]
    assert len(numbers) == len(set(numbers)) == 120
    await env.tick(at(2026, 12, 7, 9))
    assert len(env.bot.to(GROUP)) == len(parts)  # exactly one summary this week
    async with env.services.session_factory() as s:
        run = (await s.execute(select(SummaryRun).where(SummaryRun.period == "2026-W50"))).scalar_one()
        # The last part's count is written together with the end of the run.
        assert (run.parts_sent, run.status) == (len(parts), "sent")


async def test_a_long_group_reminder_is_split_between_tasks(env: Env) -> None:
    # 30 more people of the unit have no private chat: each task mentions 31 people (25 shown).
    for n in range(30):
        person = await env.world.person(f"Cán bộ số {n}", 5000 + n, private_chat=False)
        async with env.services.session_factory() as s, s.begin():
            s.add(UnitContact(unit_id=env.ids["vp"], person_id=person))
    long_text = "Rà soát, chuẩn hoá và cập nhật dữ liệu hồ sơ thủ tục hành chính trên Cổng dịch vụ công " * 4
    tasks = [await env.task(f"{long_text} (đợt {n})") for n in range(9)]
    await env.tick(at(2026, 12, 11, 8))
    group = env.bot.to(GROUP)
    assert len(group) > 1  # nine tasks with 31 mentions each do not fit one message
    done_buttons = [d for m in group for d in m.callback_data if d.startswith("done:")]
    assert done_buttons == [f"done:{t}" for t in tasks]  # every task once, whole, in order
    assert all("và 6 người khác" in m.text for m in group)


# --------------------------------------------------------------------------- a send held past its day


class _HeldLimiter(SendLimiter):
    """A pace whose first wait for `chat_id` runs `hook` (what happens while a send waits its turn)."""

    def __init__(self, time: FakeTime) -> None:
        super().__init__(0, 0, 0, monotonic=time.monotonic, sleep=time.sleep)
        self.hooks: dict[int, object] = {}

    async def acquire(self, chat_id: int) -> float:
        hook = self.hooks.pop(chat_id, None)
        if hook is not None:
            await hook()  # type: ignore[operator]
        return await super().acquire(chat_id)


async def test_a_reminder_held_past_its_day_is_not_sent_besides_the_new_days_one(env: Env) -> None:
    # Found by the kill -9 world with membership changes (CRASH_MEMBERSHIP=1, 30 rounds, seed 2026):
    # a tick claims Lan's reminder of Friday 11/12 and decides to send it as Friday's; while the send
    # waits its turn, a membership change re-plans the task (the row becomes `superseded`, her next
    # reminder is planned for Tuesday 15/12), and the world's clock reaches Tuesday before the send
    # goes out. Telegram then got Friday's reminder on Tuesday, and Tuesday's own reminder too: two
    # the same day. A reminder decided for one day is sent on that day or not at all; a later tick
    # decides what applies then (here: the re-planned Tuesday reminder, once).
    task = await env.task("Việc")
    friday, tuesday = at(2026, 12, 11, 8), at(2026, 12, 15, 8)
    limiter = _HeldLimiter(env.time)
    runtime = DispatchRuntime.create("held", limiter=limiter, sleep=env.time.sleep)

    async def meanwhile() -> None:
        async with env.services.session_factory() as s, s.begin():
            await replan_task(s, task, friday)  # e.g. a member left: the task is re-planned
        env.clock.set(tuesday)

    limiter.hooks[LAN] = meanwhile
    await env.tick(friday, runtime=runtime)
    await env.tick(runtime=runtime)  # Tuesday 08:00
    await env.tick(at(2026, 12, 15, 8, 5), runtime=runtime)
    days = [s.at.astimezone(VN).date() for s in env.bot.to(LAN)]
    assert days == [date(2026, 12, 15)]
    assert "còn 1 ngày" in env.bot.to(LAN)[0].text  # Tuesday's reminder, not Friday's "còn 3 ngày"
    sent = [(r.person_id, r.local_day) for r in await env.rows() if r.status == "sent"]
    assert sent.count((env.ids["lan"], date(2026, 12, 15))) == 1
    assert [r.local_day for r in await env.rows() if r.person_id == env.ids["lan"] and r.status == "pending"] == [
        date(2026, 12, 16)
    ]


async def test_a_claimed_reminder_held_past_its_day_is_sent_as_the_new_days(env: Env) -> None:
    # The same wait without a re-plan: the row goes back and is decided again on the day it goes out.
    await env.task("Việc")
    limiter = _HeldLimiter(env.time)
    runtime = DispatchRuntime.create("held", limiter=limiter, sleep=env.time.sleep)

    async def meanwhile() -> None:
        env.clock.set(at(2026, 12, 14, 8))  # Monday

    limiter.hooks[LAN] = meanwhile
    await env.tick(at(2026, 12, 11, 8), runtime=runtime)
    await env.tick(at(2026, 12, 14, 8, 1), runtime=runtime)
    [msg] = env.bot.to(LAN)
    assert msg.at.astimezone(VN).date() == date(2026, 12, 14) and "còn 2 ngày" in msg.text
    rows = [r for r in await env.rows() if r.person_id == env.ids["lan"]]
    assert [(r.status, r.local_day) for r in rows] == [("sent", date(2026, 12, 14)), ("pending", date(2026, 12, 15))]


async def test_a_reminder_waiting_its_turn_when_the_bot_is_removed_is_kept_for_the_return(env: Env) -> None:
    # Found by the kill -9 world with membership changes (seed 31337): the day's fan-out was claimed,
    # the bot was removed from the group meanwhile, and four private reminders of that committee still
    # went out after the removal was recorded. Reminders pause with the committee: what waits its turn
    # is put back, and sent (what applies then, once) when the bot is added back.
    await env.task("Việc")
    limiter = _HeldLimiter(env.time)
    runtime = DispatchRuntime.create("held", limiter=limiter, sleep=env.time.sleep)

    async def removed() -> None:
        async with env.services.session_factory() as s, s.begin():
            await pause_committee(s, env.ids["com"])  # what the my_chat_member handler records

    limiter.hooks[LAN] = removed
    stats = await env.tick(at(2026, 12, 11, 8), runtime=runtime)
    assert env.bot.sent == [] and stats.stale == 2  # Lan's private message, Minh's in the group
    assert {r.status for r in await env.rows() if r.local_day == date(2026, 12, 11)} == {"pending"}
    assert (await env.tick(at(2026, 12, 11, 9), runtime=runtime)).claimed == 0
    async with env.services.session_factory() as s, s.begin():
        com = await s.get(Committee, env.ids["com"])
        assert com is not None
        com.active = True  # added back the same day
    await env.tick(at(2026, 12, 11, 10), runtime=runtime)
    assert len(env.bot.to(LAN)) == 1 and "còn 5 ngày" in env.bot.to(LAN)[0].text
    assert len(env.bot.to(GROUP)) == 1


# --------------------------------------------------------------------------- sec15: who is in the group


async def test_a_flood_wait_on_the_membership_look_up_holds_the_private_reminder_and_not_the_group(env: Env) -> None:
    """Telegram answers getChatMember with a 429: Lan's private reminder is neither sent to her (she may have
    left) nor posted in the group (she may be there): it waits a minute and goes to her after; Minh's group
    reminder goes once the (short) flood wait is over, as any send. One look-up, not one per task."""
    await env.task("Việc một")
    await env.task("Việc hai")
    env.bot.member_errors.append(RetryAfter(5))
    stats = await env.tick(at(2026, 12, 11, 8))
    assert env.bot.to(LAN) == []
    assert "tg://user?id=1002" in env.bot.to(GROUP)[-1].text and "tg://user?id=1001" not in env.bot.to(GROUP)[-1].text
    assert env.bot.member_lookups == 1 and stats.messages_sent == 1
    await env.tick(at(2026, 12, 11, 8, 1))  # a minute later
    [private] = env.bot.to(LAN)
    assert "Việc một" in private.text and "Việc hai" in private.text
    assert not any("không có trong nhóm" in s.text for s in env.bot.sent)


async def test_a_contact_person_gone_from_the_group_is_reminded_there_and_the_group_told_once(env: Env) -> None:
    """Lan, the unit's contact, is not in the group as Telegram says now (the bot did not hear her go): her
    reminder goes to the group with a mention, the group is told once that she is not a member."""
    await env.task("Việc một", due=date(2026, 12, 14))  # Monday: reminded 9/12 and 11/12
    env.bot.absent.add((GROUP, LAN))
    await env.tick(at(2026, 12, 9, 8))
    await env.tick(at(2026, 12, 11, 8))
    assert env.bot.to(LAN) == []
    group = env.bot.to(GROUP)
    assert sum('<a href="tg://user?id=1001">' in s.text for s in group) == 2  # both rounds, in the group
    [told] = [s for s in group if "không có trong nhóm" in s.text]
    assert "Việc #1: @lan_vp" in told.text


# --------------------------------------------------------------------------- sec17: departures the bot cannot hear


async def test_a_member_who_left_unheard_where_the_bot_is_no_admin_is_reminded_in_the_group_the_next_day(
    env: Env,
) -> None:
    """The bot is a plain member of the group (no chat_member updates) and the group hides «X left»: Lan, told
    privately on Monday, leaves unheard. Tuesday's reminder, a day later, asks Telegram again and goes to the
    group (before: «present» was believed a week, and the committee's task went on reaching her privately)."""
    await env.task("Việc một")  # due Wednesday 16/12: reminded 11/12, 15/12, 16/12
    await env.tick(at(2026, 12, 15, 8))
    assert len(env.bot.to(LAN)) == 1
    asked = env.bot.member_lookups
    env.bot.absent.add((GROUP, LAN))  # she left; the bot heard nothing
    await env.tick(at(2026, 12, 16, 8))
    assert len(env.bot.to(LAN)) == 1
    [reminder] = [s for s in env.bot.to(GROUP) if '<a href="tg://user?id=1001">' in s.text]
    assert "Việc một" in reminder.text and "hãy vào nhóm này" in reminder.text  # sec16's footer
    assert any("không có trong nhóm" in s.text for s in env.bot.to(GROUP))  # and the chair is told
    assert env.bot.member_lookups - asked == 1  # Lan (the bot's own standing was asked on Tuesday)


async def test_where_the_bot_is_an_admin_a_member_is_believed_a_week(env: Env) -> None:
    """The bot is an administrator (it hears every departure as a chat_member update): Lan's «present» holds
    the week — Tuesday's and Wednesday's reminders ask nothing; Friday asked the bot's own standing (first:
    Lan's answer comes after it, so it counts as heard), then Lan."""
    env.bot.admin_in.add(GROUP)
    await env.task("Việc một")
    await env.tick(at(2026, 12, 11, 8))
    assert env.bot.member_lookups == 2
    await env.tick(at(2026, 12, 15, 8))
    await env.tick(at(2026, 12, 16, 8))
    assert len(env.bot.to(LAN)) == 3
    assert env.bot.member_lookups == 2


async def test_an_answer_older_than_the_bots_admin_rights_is_asked_again(env: Env) -> None:
    """Lan's «present» was given while the bot was a plain member; the bot was made an admin later (heard as
    my_chat_member): a departure before that was not heard, so Tuesday asks about her again."""
    await env.task("Việc một")
    await env.tick(at(2026, 12, 11, 8))
    env.services.members.bot_heard(GROUP, Standing.ADMIN, at(2026, 12, 12, 9))
    env.bot.admin_in.add(GROUP)
    env.bot.absent.add((GROUP, LAN))  # left before the bot could hear
    await env.tick(at(2026, 12, 15, 8))
    assert len(env.bot.to(LAN)) == 1
    # Friday: the bot's standing, then Lan; Tuesday: Lan again (the promotion was heard, not asked)
    assert env.bot.member_lookups == 3


async def test_a_flood_wait_on_the_bots_own_standing_holds_the_private_reminder(env: Env) -> None:
    """Telegram answers the first look-up of a round after a start — about the bot itself — with a 429: Lan's
    reminder is neither sent to her nor posted in the group, and nobody else is asked; it goes once Telegram
    answers again."""
    await env.task("Việc một")
    env.bot.member_errors.append(RetryAfter(5))
    await env.tick(at(2026, 12, 11, 8))
    assert env.bot.to(LAN) == [] and env.bot.member_lookups == 1
    assert not any("tg://user?id=1001" in s.text for s in env.bot.to(GROUP))
    env.time.now += 10  # the flood wait is over (the pause lives in the limiter's own clock)
    await env.tick(at(2026, 12, 11, 8, 1))
    assert len(env.bot.to(LAN)) == 1 and not any("tg://user?id=1001" in s.text for s in env.bot.to(GROUP))
