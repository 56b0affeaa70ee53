"""The reminder plan (domain.reminders): which day, which hour, which kind — around weekends,
Vietnamese public holidays and Tết, quiet hours and custom settings."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from domain.calendar import is_working_day, working_days_between
from domain.reminders import (
    PlannedReminder,
    RecipientRole,
    ReminderKind,
    ReminderSettings,
    is_quiet,
    next_allowed_moment,
    next_reminder,
    reminder_applying_now,
    schedule,
    summary_due_at,
    week_period,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT = ReminderSettings()
BEFORE, DUE, OVERDUE, ESC = (
    ReminderKind.BEFORE,
    ReminderKind.DUE,
    ReminderKind.OVERDUE,
    ReminderKind.ESCALATION,
)


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN)


def plan_days(due: date, s: ReminderSettings = DEFAULT, role: RecipientRole = RecipientRole.ASSIGNEE):
    return [(i.day, i.kind) for i in schedule(due, s, role)]


def walk(due: date, start: datetime, s: ReminderSettings = DEFAULT, role=RecipientRole.ASSIGNEE):
    """Follow the rolling plan as the dispatcher does: plan, 'send', plan on from the sent day."""
    out: list[PlannedReminder] = []
    now, last = start, None
    while (p := next_reminder(due, now, s, last, role)) is not None:
        out.append(p)
        now, last = p.at + timedelta(seconds=1), p.local_day
    return out


# --------------------------------------------------------------------------- default plan


def test_default_plan_around_a_weekend() -> None:
    # Due Wednesday 16/12/2026: 3 working days before is Friday 11/12 (the weekend is skipped).
    assert plan_days(date(2026, 12, 16)) == [
        (date(2026, 12, 11), BEFORE),
        (date(2026, 12, 15), BEFORE),
        (date(2026, 12, 16), DUE),
        (date(2026, 12, 17), OVERDUE),  # first working day after
        (date(2026, 12, 21), OVERDUE),  # then every 2 working days: Fri 18 is one, Mon 21 two
        (date(2026, 12, 23), OVERDUE),
        (date(2026, 12, 25), OVERDUE),
        (date(2026, 12, 29), OVERDUE),  # the fifth and last
    ]


def test_every_reminder_is_at_eight_local_and_counts_days() -> None:
    reminders = walk(date(2026, 12, 16), local(2026, 12, 1, 9))
    assert [r.at.time() for r in reminders] == [time(8, 0)] * 8
    assert all(r.at.tzinfo is not None and r.at.utcoffset() == timedelta(hours=7) for r in reminders)
    assert [r.days_left for r in reminders[:3]] == [5, 1, 0]
    assert [r.days_overdue for r in reminders[3:]] == [1, 5, 7, 9, 13]


def test_due_on_a_saturday_is_reminded_on_friday_once() -> None:
    # 19/12/2026 is a Saturday: "on the due day" and "1 working day before" are both Friday 18/12,
    # and one day gets one reminder.
    assert plan_days(date(2026, 12, 19))[:3] == [
        (date(2026, 12, 16), BEFORE),
        (date(2026, 12, 18), DUE),
        (date(2026, 12, 21), OVERDUE),
    ]


def test_national_day_holidays_are_skipped() -> None:
    # 2026: Mon 31/8 (substituted day off), Tue 1/9 and Wed 2/9 are holidays.
    assert plan_days(date(2026, 9, 3))[:5] == [
        (date(2026, 8, 26), BEFORE),
        (date(2026, 8, 28), BEFORE),  # 1 working day before Thursday 3/9 is Friday 28/8
        (date(2026, 9, 3), DUE),
        (date(2026, 9, 4), OVERDUE),
        (date(2026, 9, 8), OVERDUE),
    ]
    # Due on 2/9 itself: the due-day reminder moves to the working day before (Friday 28/8).
    assert plan_days(date(2026, 9, 2))[:3] == [
        (date(2026, 8, 26), BEFORE),
        (date(2026, 8, 28), DUE),
        (date(2026, 9, 3), OVERDUE),
    ]


def test_tet_2027_is_skipped() -> None:
    # Tết Đinh Mùi: 4/2/2027 (29 Tết) to 10/2/2027 are days off.
    days = plan_days(date(2027, 2, 5))
    assert days[:3] == [(date(2027, 2, 1), BEFORE), (date(2027, 2, 3), DUE), (date(2027, 2, 11), OVERDUE)]
    assert not any(date(2027, 2, 4) <= d <= date(2027, 2, 10) for d, _ in days)


def test_chair_is_told_from_three_working_days_overdue() -> None:
    chair = plan_days(date(2026, 12, 16), role=RecipientRole.CHAIR)
    assert chair == [
        (date(2026, 12, 21), ESC),
        (date(2026, 12, 23), ESC),
        (date(2026, 12, 25), ESC),
        (date(2026, 12, 29), ESC),
    ]
    assert all(working_days_between(date(2026, 12, 16), d) >= 3 for d, _ in chair)


# --------------------------------------------------------------------------- settings


def test_custom_offsets_hour_and_overdue_rules() -> None:
    s = ReminderSettings.from_values(
        remind_offsets=[5, 2], remind_time="14:30", overdue_every=1, overdue_max=2, escalate_after=1
    )
    reminders = walk(date(2026, 12, 16), local(2026, 12, 1), s)
    assert [(r.local_day, r.kind) for r in reminders] == [
        (date(2026, 12, 9), BEFORE),
        (date(2026, 12, 14), BEFORE),  # no reminder on the due day: offset 0 was not asked for
        (date(2026, 12, 17), OVERDUE),
        (date(2026, 12, 18), OVERDUE),
    ]
    assert {r.at.time() for r in reminders} == {time(14, 30)}
    assert [i.day for i in schedule(date(2026, 12, 16), s, RecipientRole.CHAIR)] == [
        date(2026, 12, 17),
        date(2026, 12, 18),
    ]


def test_no_overdue_reminders_when_max_is_zero() -> None:
    s = ReminderSettings(overdue_max=0)
    assert [k for _, k in plan_days(date(2026, 12, 16), s)] == [BEFORE, BEFORE, DUE]


def test_hour_in_quiet_hours_moves_to_the_end_of_quiet_hours_same_day() -> None:
    s = ReminderSettings.from_values(remind_time="21:00", quiet_start="20:00", quiet_end="07:00")
    first = next_reminder(date(2026, 12, 16), local(2026, 12, 1), s, None)
    assert first is not None and first.at == local(2026, 12, 11, 7, 0)


def test_quiet_hours_wrap_midnight() -> None:
    assert is_quiet(time(23, 0), DEFAULT) and is_quiet(time(6, 59), DEFAULT)
    assert not is_quiet(time(7, 0), DEFAULT) and not is_quiet(time(19, 59), DEFAULT)
    daytime_quiet = ReminderSettings.from_values(quiet_start="12:00", quiet_end="13:30")
    assert is_quiet(time(12, 45), daytime_quiet) and not is_quiet(time(13, 30), daytime_quiet)
    assert not is_quiet(time(3, 0), ReminderSettings.from_values(quiet_start="00:00", quiet_end="00:00"))


# --------------------------------------------------------------------------- the rolling plan


def test_plan_from_now_skips_past_days_and_days_already_sent() -> None:
    due = date(2026, 12, 16)
    # Created Monday 14/12 at 10:00: the 11/12 reminder is not owed; the next is Tuesday's.
    p = next_reminder(due, local(2026, 12, 14, 10), DEFAULT, None)
    assert p is not None and (p.local_day, p.kind) == (date(2026, 12, 15), BEFORE)
    # Created before 08:00 on the due day: today's reminder still comes.
    p = next_reminder(due, local(2026, 12, 16, 7, 10), DEFAULT, None)
    assert p is not None and (p.local_day, p.kind, p.at) == (date(2026, 12, 16), DUE, local(2026, 12, 16, 8))
    # Already reminded today: the next one is tomorrow's.
    p = next_reminder(due, local(2026, 12, 16, 7, 10), DEFAULT, date(2026, 12, 16))
    assert p is not None and (p.local_day, p.kind) == (date(2026, 12, 17), OVERDUE)


def test_plan_ends_after_the_last_overdue_reminder_and_without_due_day() -> None:
    assert next_reminder(date(2026, 12, 16), local(2026, 12, 29, 8, 1), DEFAULT, None) is None
    assert next_reminder(None, local(2026, 12, 1), DEFAULT, None) is None


def test_catch_up_after_downtime_sends_what_applies_today() -> None:
    due = date(2026, 12, 16)
    # The bot was down from Wednesday's 08:00 to Thursday 10:15: one reminder, today's kind and count.
    p = reminder_applying_now(due, local(2026, 12, 17, 10, 15), DEFAULT, date(2026, 12, 15))
    assert p is not None
    assert (p.local_day, p.kind, p.at, p.days_overdue) == (
        date(2026, 12, 17),
        OVERDUE,
        local(2026, 12, 17, 10, 15),
        1,
    )


def test_catch_up_waits_for_a_working_day_and_the_end_of_quiet_hours() -> None:
    due = date(2026, 12, 16)
    # Back on Saturday: nothing on the weekend; Monday at the reminder hour.
    p = reminder_applying_now(due, local(2026, 12, 19, 11), DEFAULT, None)
    assert p is not None and (p.at, p.kind) == (local(2026, 12, 21, 8), OVERDUE)
    # Back on a weekday at 21:30 (quiet): the next morning.
    p = reminder_applying_now(due, local(2026, 12, 15, 21, 30), DEFAULT, None)
    assert p is not None and (p.at, p.kind) == (local(2026, 12, 16, 8), DUE)
    # Back at 06:00 on a working day: at 08:00 the same day.
    p = reminder_applying_now(due, local(2026, 12, 17, 6), DEFAULT, None)
    assert p is not None and p.at == local(2026, 12, 17, 8)


def test_catch_up_never_sends_twice_the_same_day() -> None:
    due = date(2026, 12, 16)
    p = reminder_applying_now(due, local(2026, 12, 17, 15), DEFAULT, date(2026, 12, 17))
    assert p is not None and p.local_day == date(2026, 12, 21)


def test_next_allowed_moment_over_tet() -> None:
    assert next_allowed_moment(local(2027, 2, 3, 20, 30), DEFAULT) == local(2027, 2, 11, 8)
    assert next_allowed_moment(local(2027, 2, 3, 19, 0), DEFAULT) == local(2027, 2, 3, 19, 0)


# --------------------------------------------------------------------------- weekly summary


def test_summary_on_an_ordinary_monday() -> None:
    assert summary_due_at((2026, 49), DEFAULT) == local(2026, 11, 30, 7, 30)
    assert week_period((2026, 49)) == "2026-W49"


def test_summary_moves_to_the_next_working_day_when_monday_is_a_holiday() -> None:
    # Monday 3/5/2027 is the observed Labour Day.
    assert summary_due_at((2027, 18), DEFAULT) == local(2027, 5, 4, 7, 30)
    # 2026 week 36: Mon 31/8, Tue 1/9, Wed 2/9 off -> Thursday.
    assert summary_due_at((2026, 36), DEFAULT) == local(2026, 9, 3, 7, 30)
    # Tết 2027 week: Mon 8 to Wed 10/2 off -> Thursday 11/2.
    assert summary_due_at((2027, 6), DEFAULT) == local(2027, 2, 11, 7, 30)


def test_summary_day_and_time_are_configurable() -> None:
    s = ReminderSettings.from_values(summary_weekday=4, summary_time="16:00")
    assert summary_due_at((2026, 49), s) == local(2026, 12, 4, 16, 0)
    # Friday 30/4/2027 and Saturday are off: stays in its week, the working day before (Thursday).
    assert summary_due_at((2027, 17), s) == local(2027, 4, 29, 16, 0)


# --------------------------------------------------------------------------- properties


@hyp_settings(max_examples=150, deadline=None)
@given(
    due=st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
    offsets=st.lists(st.integers(min_value=0, max_value=10), max_size=4),
    every=st.integers(min_value=1, max_value=4),
    most=st.integers(min_value=0, max_value=6),
    hour=st.integers(min_value=0, max_value=23),
)
def test_any_plan_keeps_the_rules(due: date, offsets: list[int], every: int, most: int, hour: int) -> None:
    s = ReminderSettings.from_values(
        remind_offsets=offsets, remind_time=f"{hour:02d}:00", overdue_every=every, overdue_max=most
    )
    reminders = walk(due, datetime.combine(due - timedelta(days=40), time(0), tzinfo=VN), s)
    days = [r.local_day for r in reminders]
    assert days == sorted(set(days))  # ordered, at most one a day
    assert all(is_working_day(d) for d in days)
    assert all(not is_quiet(r.at.time(), s) for r in reminders)
    assert sum(r.kind is OVERDUE for r in reminders) == most
    assert all((r.kind is OVERDUE) == (r.local_day > due) for r in reminders)
