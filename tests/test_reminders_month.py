"""A month in the life of one committee (17/8 – 18/9/2026), the clock moved tick by tick:
reminder days around weekends and the 2/9 National Day holidays, an outage over a Monday morning
caught up, a restart without duplicates, a 429 waited out, a user blocking the bot (403 → group),
the group becoming a supergroup, and the Monday summary — on ordinary weeks, on the holiday
Monday 31/8 (moved to Thursday 3/9), and with August's figures on the first Monday of September."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.error import ChatMigrated, Forbidden, RetryAfter

from bot.clock import ManualClock
from bot.services import Services
from bot.settings import Settings
from db.models import Committee
from db.summaries import ensure_summary_runs
from domain.calendar import is_working_day
from jobs.dispatcher import dispatch_once
from jobs.ratelimit import SendLimiter
from jobs.runtime import DispatchRuntime
from tests.fake_bot import FakeBot, FakeTime, Sent
from tests.reminder_world import World

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

VN = ZoneInfo("Asia/Ho_Chi_Minh")
GROUP, SUPERGROUP = -200, -1002000
LAN, MINH, CHU = 1001, 1002, 1003
TICKS = (time(7, 30), time(8, 0), time(12, 0), time(21, 0))
OUTAGE = (datetime(2026, 8, 23, 18, tzinfo=VN), datetime(2026, 8, 24, 10, tzinfo=VN))


def local(s: Sent) -> datetime:
    return s.at.astimezone(VN)


def days(messages: list[Sent]) -> list[date]:
    return [local(m).date() for m in messages]


def d(day: int, month: int) -> date:
    return date(2026, month, day)


def is_summary(m: Sent) -> bool:
    return m.text.startswith("📊")


async def live_a_month(engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]) -> tuple[FakeBot, FakeTime]:
    clock = ManualClock(datetime(2026, 8, 10, 9, tzinfo=VN))
    world = World(sessions)
    services = Services(Settings(), clock, engine, sessions, "proc-1")
    fake_time = FakeTime()

    def runtime(name: str) -> DispatchRuntime:
        limiter = SendLimiter(0, 0, 0, monotonic=fake_time.monotonic, sleep=fake_time.sleep)
        return DispatchRuntime.create(name, limiter=limiter, sleep=fake_time.sleep)

    com = await world.committee("BCĐ Cải cách hành chính phường", GROUP, clock.now())
    lan = await world.person("Nguyễn Thị Lan", LAN)
    minh = await world.person("Trần Văn Minh", MINH, private_chat=False)
    chu = await world.person("Lê Văn Chủ", CHU)
    await world.chair(com, chu)
    vp = await world.unit(com, "Văn phòng", (lan, minh))
    now = clock.now()
    await world.task(com, "Hoàn thiện hồ sơ đánh giá chỉ số cải cách hành chính", d(3, 9), now, lead_unit=vp)
    await world.task(com, "Tổng hợp báo cáo tháng về dịch vụ công", d(21, 8), now, lead_label="Ban biên tập")

    bot = FakeBot(clock)
    current = runtime("proc-1")
    faults = {
        d(26, 8): lambda: bot.fail(GROUP, RetryAfter(3)),
        d(3, 9): lambda: bot.fail(LAN, Forbidden("Forbidden: bot was blocked by the user")),
        d(10, 9): lambda: bot.fail(GROUP, ChatMigrated(SUPERGROUP)),
    }
    day = d(17, 8)
    while day <= d(18, 9):
        if day in faults:
            faults[day]()
        moments = [datetime.combine(day, t, tzinfo=VN) for t in TICKS]
        if day == OUTAGE[1].date():
            moments.append(OUTAGE[1])
        for moment in sorted(moments):
            if OUTAGE[0] <= moment < OUTAGE[1]:
                continue  # the bot is down
            clock.set(moment)
            async with sessions() as s, s.begin():  # the hourly summary planner
                await ensure_summary_runs(s, clock.now())
            await dispatch_once(services, bot, clock.now(), current)  # type: ignore[arg-type]
            if moment == datetime(2026, 9, 4, 8, tzinfo=VN):
                # The process restarts right after the 08:00 round: the new one finds nothing to repeat.
                current = runtime("proc-2")
                sent = len(bot.sent)
                await dispatch_once(services, bot, clock.now(), current)  # type: ignore[arg-type]
                assert len(bot.sent) == sent
        day += timedelta(days=1)
    async with sessions() as s:
        committee = await s.get(Committee, com)
        assert committee is not None and committee.chat_id == SUPERGROUP
    return bot, fake_time


def check_private_reminders_until_the_user_blocks_the_bot(month: tuple[FakeBot, FakeTime]) -> None:
    bot, _ = month
    # Task #1 is due Thursday 3/9: 3 working days before is Wednesday 26/8 (31/8–2/9 are days off),
    # 1 working day before is Friday 28/8. On 3/9 Lan has blocked the bot: from then on, the group.
    assert days(bot.to(LAN)) == [d(26, 8), d(28, 8)]
    first, second = bot.to(LAN)
    assert "Hạn: Thứ Năm, 03/09/2026 (còn 8 ngày)" in first.text
    assert "Hạn: Thứ Năm, 03/09/2026 (còn 6 ngày)" in second.text
    groups = bot.to(GROUP) + bot.to(SUPERGROUP)
    lan_in_group = [m for m in groups if "tg://user?id=1001" in m.text]
    assert days(lan_in_group) == [d(3, 9), d(4, 9), d(8, 9), d(10, 9), d(14, 9), d(16, 9)]


def check_group_reminders_mention_people_without_a_private_chat(month: tuple[FakeBot, FakeTime]) -> None:
    bot, _ = month
    groups = bot.to(GROUP) + bot.to(SUPERGROUP)
    minh = [m for m in groups if '<a href="tg://user?id=1002">Trần Văn Minh</a>' in m.text]
    # Task #1: before 26/8, 28/8; due 3/9; overdue 4/9, then every 2 working days, five times.
    assert days(minh) == [d(26, 8), d(28, 8), d(3, 9), d(4, 9), d(8, 9), d(10, 9), d(14, 9), d(16, 9)]
    assert "quá hạn 13 ngày" in minh[-1].text


def check_group_task_without_contacts_and_catch_up_after_the_outage(month: tuple[FakeBot, FakeTime]) -> None:
    bot, fake_time = month
    groups = [m for m in bot.to(GROUP) + bot.to(SUPERGROUP) if not is_summary(m)]
    task2 = [m for m in groups if "<b>#2</b>" in m.text]
    # Due Friday 21/8: 18/8, 20/8, 21/8; overdue 24/8 (missed at 08:00 while down, sent once at
    # 10:00 when back), 26/8 (after a 429), 28/8, 4/9 (31/8–2/9 skipped), 8/9 — five overdue in all.
    assert days(task2) == [d(18, 8), d(20, 8), d(21, 8), d(24, 8), d(26, 8), d(28, 8), d(4, 9), d(8, 9)]
    assert local(task2[3]).time() == time(10, 0) and "quá hạn 3 ngày" in task2[3].text
    assert 3.0 in fake_time.sleeps  # the flood wait was waited out, the message not dropped
    # One reminder message per group per moment: tasks #1 and #2 share one on common days.
    assert max(Counter(local(m) for m in groups).values()) == 1


def check_chair_gets_escalations_combined_per_moment(month: tuple[FakeBot, FakeTime]) -> None:
    bot, _ = month
    chair = bot.to(CHU)
    assert days(chair) == [d(26, 8), d(28, 8), d(4, 9), d(8, 9), d(10, 9), d(14, 9), d(16, 9)]
    both = chair[3]  # 8/9: #2's last overdue reminder and #1's first escalation, one message
    assert "<b>#1</b>" in both.text and "<b>#2</b>" in both.text and "2 nhiệm vụ" not in both.text
    assert all("Báo cáo Trưởng ban" in m.text for m in chair)


def check_never_at_night_on_weekends_or_holidays(month: tuple[FakeBot, FakeTime]) -> None:
    bot, _ = month
    for m in bot.sent:
        when = local(m)
        assert is_working_day(when.date()), when
        assert time(7, 0) <= when.time() < time(20, 0), when


def check_weekly_summary_once_a_week_moved_off_the_holiday_monday(month: tuple[FakeBot, FakeTime]) -> None:
    bot, _ = month
    summaries = [m for m in bot.sent if m.text.startswith("📊 <b>TỔNG HỢP")]
    assert [(local(m), m.chat_id) for m in summaries] == [
        (datetime(2026, 8, 17, 7, 30, tzinfo=VN), GROUP),
        (datetime(2026, 8, 24, 10, 0, tzinfo=VN), GROUP),  # caught up after the outage
        (datetime(2026, 9, 3, 7, 30, tzinfo=VN), GROUP),  # Monday 31/8 to Wednesday 2/9 are days off
        (datetime(2026, 9, 7, 7, 30, tzinfo=VN), GROUP),
        (datetime(2026, 9, 14, 7, 30, tzinfo=VN), SUPERGROUP),  # the committee followed its group
    ]
    first_of_september = summaries[3].text
    assert "Kết quả tháng 08/2026" in first_of_september
    assert "Đến hạn: 1 — hoàn thành đúng hạn 0, hoàn thành quá hạn 0, chưa hoàn thành 1" in first_of_september
    assert all("Kết quả tháng" not in m.text for i, m in enumerate(summaries) if i != 3)
    assert "Tổng số: <b>2</b> nhiệm vụ" in summaries[2].text
    assert "<b>#2</b> Tổng hợp báo cáo tháng về dịch vụ công — <b>quá hạn 13 ngày</b>" in summaries[2].text


def check_nothing_goes_to_the_old_group_id_after_migration(month: tuple[FakeBot, FakeTime]) -> None:
    bot, _ = month
    assert all(local(m).date() < d(10, 9) for m in bot.to(GROUP))
    assert min(local(m).date() for m in bot.to(SUPERGROUP)) == d(10, 9)


async def test_a_month_of_a_committee(engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]) -> None:
    """One simulated month, several checks (each a function above, named for what it checks)."""
    month = await live_a_month(engine, sessions)
    check_private_reminders_until_the_user_blocks_the_bot(month)
    check_group_reminders_mention_people_without_a_private_chat(month)
    check_group_task_without_contacts_and_catch_up_after_the_outage(month)
    check_chair_gets_escalations_combined_per_moment(month)
    check_never_at_night_on_weekends_or_holidays(month)
    check_weekly_summary_once_a_week_moved_off_the_holiday_monday(month)
    check_nothing_goes_to_the_old_group_id_after_migration(month)
