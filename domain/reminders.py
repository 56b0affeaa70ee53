"""Which reminder is due to whom, and when: the committee's reminder plan as pure functions.

The plan is *rolling*: the database keeps, per task and recipient, only the next reminder. These
functions say what that next one is (`next_reminder`), what to send when a planned reminder is
found late — after downtime, or while the bot was out of the group (`reminder_applying_now`) — and
when the weekly summary of a given ISO week goes out (`summary_due_at`).

The schedule of one task, with the default settings and a due day D (see SPEC "Reminders"):
- before: 3 and 1 working days before D ("before"), and on D itself ("due") — a due day that is not
  a working day is reminded on the working day before it;
- overdue: the first working day after D, then every 2 working days, at most 5 times;
- escalation: the chair gets the overdue reminders that fall 3 or more working days after D.
Everything at the committee's reminder hour (08:00), never on weekends or public holidays (the
`domain.calendar` of Viet Nam, Tết included), never in quiet hours, at most one a day per person.

Times are local (the committee's time zone): `now_local` is an aware datetime in that zone.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.calendar import (
    add_working_days,
    is_working_day,
    working_day_on_or_after,
    working_day_on_or_before,
    working_days_between,
)

DEFAULT_TZ = "Asia/Ho_Chi_Minh"


class ReminderKind(enum.StrEnum):
    BEFORE = "before"
    DUE = "due"
    OVERDUE = "overdue"
    ESCALATION = "escalation"


class RecipientRole(enum.StrEnum):
    ASSIGNEE = "assignee"  # the lead's / executor's contact people (or the group when none is known)
    CHAIR = "chair"  # told from `escalate_after` working days overdue


def parse_hhmm(value: str | time) -> time:
    """'08:00' -> time(8, 0). Raises ValueError on anything else."""
    if isinstance(value, time):
        return value
    hours, _, minutes = value.strip().partition(":")
    return time(int(hours), int(minutes or 0))


@dataclass(frozen=True)
class ReminderSettings:
    """A committee's reminder and summary settings (/caidat), as values.

    Offsets are working days before the due day; 0 means on the due day itself.
    """

    offsets: tuple[int, ...] = (3, 1, 0)
    remind_time: time = time(8, 0)
    quiet_start: time = time(20, 0)
    quiet_end: time = time(7, 0)
    overdue_every: int = 2
    overdue_max: int = 5
    escalate_after: int = 3
    summary_weekday: int = 0  # Python's: 0 = Monday
    summary_time: time = time(7, 30)
    tz_name: str = DEFAULT_TZ

    def __post_init__(self) -> None:
        # Offsets are a set really: unique, largest first, never negative.
        cleaned = tuple(sorted({int(o) for o in self.offsets if int(o) >= 0}, reverse=True))
        object.__setattr__(self, "offsets", cleaned)
        if self.overdue_every < 1:
            object.__setattr__(self, "overdue_every", 1)
        if self.overdue_max < 0:
            object.__setattr__(self, "overdue_max", 0)
        if not 0 <= self.summary_weekday <= 6:
            raise ValueError("summary_weekday must be 0..6 (0 = Monday)")

    @classmethod
    def from_values(
        cls,
        *,
        remind_offsets: Iterable[int] | None = None,
        remind_time: str | time | None = None,
        quiet_start: str | time | None = None,
        quiet_end: str | time | None = None,
        overdue_every: int | None = None,
        overdue_max: int | None = None,
        escalate_after: int | None = None,
        summary_weekday: int | None = None,
        summary_time: str | time | None = None,
        tz_name: str | None = None,
    ) -> ReminderSettings:
        """Build from stored column values (strings 'HH:MM'); None keeps the default."""
        d = cls()
        return cls(
            offsets=tuple(remind_offsets) if remind_offsets is not None else d.offsets,
            remind_time=parse_hhmm(remind_time) if remind_time else d.remind_time,
            quiet_start=parse_hhmm(quiet_start) if quiet_start else d.quiet_start,
            quiet_end=parse_hhmm(quiet_end) if quiet_end else d.quiet_end,
            overdue_every=overdue_every if overdue_every is not None else d.overdue_every,
            overdue_max=overdue_max if overdue_max is not None else d.overdue_max,
            escalate_after=escalate_after if escalate_after is not None else d.escalate_after,
            summary_weekday=summary_weekday if summary_weekday is not None else d.summary_weekday,
            summary_time=parse_hhmm(summary_time) if summary_time else d.summary_time,
            tz_name=tz_name or d.tz_name,
        )

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.tz_name)


@dataclass(frozen=True)
class PlannedReminder:
    """One reminder to one recipient: what kind, on which local day, at which local moment."""

    kind: ReminderKind
    local_day: date
    at: datetime  # aware, committee-local
    due: date

    @property
    def days_left(self) -> int:
        """Calendar days from the reminder's day to the due day (negative when overdue)."""
        return (self.due - self.local_day).days

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)

    @property
    def working_days_overdue(self) -> int:
        return max(0, working_days_between(self.due, self.local_day))


@dataclass(frozen=True)
class _Item:
    day: date
    kind: ReminderKind = field(compare=False)


# --------------------------------------------------------------------------- what a message shows


@dataclass(frozen=True)
class ReminderPerson:
    name: str
    tg_user_id: int | None = None
    username: str | None = None
    # Telegram says they are not in the group (sec16): the group reminder's footer says what they can do
    # (join, or ask the chair) instead of «open a private chat with the bot», which would not help.
    not_in_group: bool = False


@dataclass(frozen=True)
class ReminderItem:
    """One task in a reminder message."""

    task_id: int
    number: int
    text: str
    committee: str
    due: date
    kind: ReminderKind
    lead: str | None = None
    people: tuple[ReminderPerson, ...] = ()  # group messages: whom this task reminds
    no_contact: bool = False  # group messages: nobody known to remind personally
    obstacle: str | None = None  # escalations: the last obstacle (vướng mắc) the assignee reported
    # group messages: the lead is a person and the one person reminded here is she, so the lead line
    # carries her mention and no «👤» line repeats her (polish1)
    lead_is_the_person: bool = False
    lead_kind: str = "unit"  # "person" / "unit" / "unknown" (domain.lead_kinds): the «Chủ trì» line's icon


# --------------------------------------------------------------------------- quiet hours


def is_quiet(moment: time, settings: ReminderSettings) -> bool:
    """Quiet hours are [quiet_start, quiet_end), wrapping midnight when start > end; equal = none."""
    qs, qe = settings.quiet_start, settings.quiet_end
    t = moment.replace(tzinfo=None)
    if qs == qe:
        return False
    if qs < qe:
        return qs <= t < qe
    return t >= qs or t < qe


def _outside_quiet(t: time, settings: ReminderSettings) -> time:
    """A configured hour that falls in quiet hours moves to the end of the quiet hours, the same day:
    a reminder keeps its day (it is about that day) but never rings at night."""
    return settings.quiet_end if is_quiet(t, settings) else t


def reminder_time(settings: ReminderSettings) -> time:
    return _outside_quiet(settings.remind_time, settings)


def _at(day: date, t: time, settings: ReminderSettings) -> datetime:
    return datetime.combine(day, t, tzinfo=settings.tz)


def is_allowed_moment(now_local: datetime, settings: ReminderSettings) -> bool:
    """Reminders go out on working days outside quiet hours only."""
    local = now_local.astimezone(settings.tz)
    return is_working_day(local.date()) and not is_quiet(local.time(), settings)


def next_allowed_moment(now_local: datetime, settings: ReminderSettings, hour: time | None = None) -> datetime:
    """`now_local` if a reminder may go out now; else the next working day's reminder hour (the
    hour people expect reminders at; `hour` if given), or today's when it is still ahead."""
    local = now_local.astimezone(settings.tz)
    if is_allowed_moment(local, settings):
        return local
    today = local.date()
    hour = _outside_quiet(hour, settings) if hour is not None else reminder_time(settings)
    if is_working_day(today) and local.time().replace(tzinfo=None) < hour:
        return _at(today, hour, settings)
    return _at(working_day_on_or_after(today + timedelta(days=1)), hour, settings)


# --------------------------------------------------------------------------- the schedule


def kind_on(day: date, due: date, role: RecipientRole = RecipientRole.ASSIGNEE) -> ReminderKind:
    """What a reminder on `day` is about: before the deadline, the last working day, or overdue."""
    if role is RecipientRole.CHAIR:
        return ReminderKind.ESCALATION
    if day > due:
        return ReminderKind.OVERDUE
    if day >= working_day_on_or_before(due):
        return ReminderKind.DUE
    return ReminderKind.BEFORE


def overdue_days(due: date, settings: ReminderSettings) -> list[date]:
    """The overdue reminder days: first working day after `due`, then every `overdue_every`."""
    days: list[date] = []
    if settings.overdue_max <= 0:
        return days
    day = add_working_days(due, 1)
    while len(days) < settings.overdue_max:
        days.append(day)
        day = add_working_days(day, settings.overdue_every)
    return days


def schedule(due: date, settings: ReminderSettings, role: RecipientRole = RecipientRole.ASSIGNEE) -> list[_Item]:
    """Every reminder day of a task for one kind of recipient, in order, one per day at most."""
    if role is RecipientRole.CHAIR:
        return [
            _Item(d, ReminderKind.ESCALATION)
            for d in overdue_days(due, settings)
            if working_days_between(due, d) >= settings.escalate_after
        ]
    days: dict[date, ReminderKind] = {}
    for offset in settings.offsets:  # largest first
        day = add_working_days(due, -offset) if offset else working_day_on_or_before(due)
        days[day] = kind_on(day, due)  # two offsets landing on one day merge into one reminder
    for day in overdue_days(due, settings):
        days[day] = ReminderKind.OVERDUE
    return [_Item(d, days[d]) for d in sorted(days)]


def _planned(item: _Item, due: date, settings: ReminderSettings) -> PlannedReminder:
    return PlannedReminder(item.kind, item.day, _at(item.day, reminder_time(settings), settings), due)


def next_reminder(
    due: date | None,
    now_local: datetime,
    settings: ReminderSettings,
    last_sent_day: date | None,
    role: RecipientRole = RecipientRole.ASSIGNEE,
) -> PlannedReminder | None:
    """The next reminder of the plan at or after `now_local`, on a day after `last_sent_day`.

    Reminder days already past at `now_local` are not "missed": this is the plan from now on (after
    a task is created, edited, extended, or a reminder was sent). None when the plan is over or the
    task has no due day.
    """
    if due is None:
        return None
    local = now_local.astimezone(settings.tz)
    for item in schedule(due, settings, role):
        if last_sent_day is not None and item.day <= last_sent_day:
            continue
        planned = _planned(item, due, settings)
        if planned.at >= local:
            return planned
    return None


def reminder_applying_now(
    due: date | None,
    now_local: datetime,
    settings: ReminderSettings,
    last_sent_day: date | None,
    role: RecipientRole = RecipientRole.ASSIGNEE,
) -> PlannedReminder | None:
    """What to do with a planned reminder whose moment has come (possibly long ago).

    The person gets the reminder that applies now, once: its kind and its days left/overdue are
    today's, not those of the day it was planned for (a reminder planned for Friday and found on
    Tuesday after an outage says "quá hạn 2 ngày", and the older ones it supersedes are not sent).
    - Returns a PlannedReminder with `at <= now_local`: send it now.
    - Returns one with `at > now_local`: not now (weekend, holiday, quiet hours, or the person was
      already reminded today) — keep it for that moment.
    - Returns None: nothing applies any more (no due day).
    """
    if due is None:
        return None
    local = now_local.astimezone(settings.tz)
    today = local.date()
    if last_sent_day is not None and last_sent_day >= today:
        # Already reminded today: what remains is the plan's next one.
        return next_reminder(due, local, settings, last_sent_day, role)
    moment = next_allowed_moment(local, settings)
    day = moment.date()
    return PlannedReminder(kind_on(day, due, role), day, moment, due)


# --------------------------------------------------------------------------- weekly summary


def iso_week_of(day: date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso.year, iso.week


def week_period(week: tuple[int, int]) -> str:
    """The SummaryRun period key: '2026-W48'."""
    return f"{week[0]}-W{week[1]:02d}"


def summary_time(settings: ReminderSettings) -> time:
    return _outside_quiet(settings.summary_time, settings)


def summary_day(week: tuple[int, int], settings: ReminderSettings) -> date | None:
    """The summary's day in an ISO week: the configured weekday, moved to the next working day of
    the same week when it is a holiday (a Tết week may move it to Thursday), or to the last working
    day before it when none is left in the week; None when the week has no working day at all."""
    year, week_no = week
    week_days: Sequence[date] = [date.fromisocalendar(year, week_no, d) for d in range(1, 8)]
    for day in week_days[settings.summary_weekday :]:
        if is_working_day(day):
            return day
    for day in reversed(week_days[: settings.summary_weekday]):
        if is_working_day(day):
            return day
    return None


def summary_due_at(week: tuple[int, int], settings: ReminderSettings) -> datetime | None:
    """When the summary of `week` goes out (aware, committee-local); None: no summary that week."""
    day = summary_day(week, settings)
    if day is None:
        return None
    return _at(day, summary_time(settings), settings)


def nominal_summary_day(week: tuple[int, int], settings: ReminderSettings) -> date:
    """The configured weekday of the week before any holiday move (decides "first of the month")."""
    return date.fromisocalendar(week[0], week[1], settings.summary_weekday + 1)


def summary_applying_now(week: tuple[int, int], now_local: datetime, settings: ReminderSettings) -> datetime | None:
    """When a summary of `week` found due at `now_local` (late, after downtime) should go out:
    now if allowed, else the next allowed moment — but only within its own week: a week's summary
    found after the week is over is superseded by the next one (None)."""
    local = now_local.astimezone(settings.tz)
    if iso_week_of(local.date()) != week:
        return None
    moment = next_allowed_moment(local, settings, summary_time(settings))
    return moment if iso_week_of(moment.date()) == week else None
