"""/caidat: the committee's reminder and summary settings (the chair changes them)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from db.models import Committee
from db.outbox import replan_committee
from domain.commands import keyword
from domain.committee_settings import DEFAULT_REPORT_CODE as DEFAULT_CODE
from domain.committee_settings import (
    SettingError,
    parse_offsets,
    parse_positive,
    parse_quiet_hours,
    parse_time,
    parse_weekday,
)
from domain.permissions import Action
from handlers.command import run_command
from handlers.common import Actor
from handlers.task_actions import Refused, require_role


async def caidat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async def body(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
        return await _caidat(session, actor, args)

    await run_command(update, context, body)


def view(c: Committee) -> str:
    unset = T.REPORT_SETTINGS_UNSET
    report = T.REPORT_SETTINGS_VIEW.format(
        agency=T.esc(c.report_agency or unset),
        place=T.esc(c.report_place or unset),
        signer=T.esc(c.report_signer or unset),
        code=T.esc(c.report_code or DEFAULT_CODE),
    )
    return _reminders_view(c) + report


def _reminders_view(c: Committee) -> str:
    return T.SETTINGS_VIEW.format(
        offsets=", ".join(map(str, c.remind_offsets)),
        remind_time=c.remind_time,
        every=c.overdue_every,
        max=c.overdue_max,
        escalate=c.escalate_after,
        quiet_start=c.quiet_start,
        quiet_end=c.quiet_end,
        summary_day=T.WEEKDAYS[c.summary_weekday],
        summary_time=c.summary_time,
    )


def _in_quiet(time: str, start: str, end: str) -> bool:
    # Quiet hours usually wrap midnight (20:00–07:00).
    return (start <= time or time < end) if start > end else (start <= time < end)


async def _caidat(session: AsyncSession, actor: Actor, args: str) -> str:
    c = actor.committee
    if c is None:
        raise Refused(T.GROUP_ONLY)
    if not args:
        return view(c)
    found = keyword(args, *T.SETTINGS_KEYS, *T.REPORT_SETTINGS_KEYS)
    if found is not None and found[0] in T.REPORT_SETTINGS_KEYS:
        # The report's heading is theirs who make the report (/baocao: chair, secretary), as when a
        # secretary answers the bot's first «cơ quan; địa danh; người ký» question.
        # (chat17) require_role: the same words, and a chair just demoted is told why (handlers.chair_ended)
        require_role(actor, Action.EXPORT, T.ACT_REPORT_SETTINGS)
    else:
        require_role(actor, Action.MANAGE, T.ACT_SETTINGS)
    if found is None:
        # Not a setting: said first, so that the list below is not read as «saved».
        raise Refused(T.SETTINGS_NOT_UNDERSTOOD.format(text=T.esc(T.shorten(args, 60))) + view(c))
    key, value = found
    if key in T.REPORT_SETTINGS_KEYS:
        # The report's heading: no reminder changes, nothing to re-plan.
        shown = _apply_report(c, key, value)
        return T.REPORT_SETTINGS_SAVED.format(what=T.REPORT_SETTINGS_WHAT[key].format(value=T.esc(shown)))
    try:
        shown = _apply(c, key, value)
    except SettingError as exc:
        raise Refused(T.SETTINGS_USAGE.format(text=T.esc(value or key), example=T.SETTINGS_KEYS[key])) from exc
    # New offsets, hours or days change when every open task is due to be reminded, and the summary day.
    await replan_committee(session, c.id, actor.now)
    return T.SETTINGS_SAVED.format(what=T.SETTINGS_WHAT[key].format(value=T.esc(shown)))


# Column sizes of committees.report_* (db.models.Committee).
REPORT_LIMITS = {"coquan": 255, "diadanh": 100, "nguoiky": 100, "kyhieu": 30}


def _apply_report(c: Committee, key: str, value: str) -> str:
    value = " ".join(value.split())
    if not value:
        # «/caidat coquan» alone: what is written now, and how to change it.
        current = {"coquan": c.report_agency, "diadanh": c.report_place, "nguoiky": c.report_signer}.get(key)
        if key == "kyhieu":
            current = c.report_code or DEFAULT_CODE
        what = T.REPORT_SETTINGS_WHAT[key].format(value=T.esc(current)) if current else T.REPORT_SETTING_NAMES[key]
        now = T.REPORT_SETTING_NOW if current else T.REPORT_SETTING_NONE
        raise Refused(now.format(what=what, example=T.REPORT_SETTINGS_KEYS[key]))
    if len(value) > REPORT_LIMITS[key]:
        raise Refused(
            T.REPORT_SETTING_TOO_LONG.format(
                length=len(value), limit=REPORT_LIMITS[key], example=T.REPORT_SETTINGS_KEYS[key]
            )
        )
    if key == "coquan":
        c.report_agency = value
    elif key == "diadanh":
        c.report_place = value
    elif key == "nguoiky":
        c.report_signer = value
    else:
        c.report_code = value
    return value


def _apply(c: Committee, key: str, value: str) -> str:
    if key == "nhac":
        c.remind_offsets = parse_offsets(value)
        return ", ".join(map(str, c.remind_offsets))
    if key == "gio":
        time = parse_time(value)
        if _in_quiet(time, c.quiet_start, c.quiet_end):
            raise Refused(T.SETTINGS_QUIET_CONFLICT.format(time=time, start=c.quiet_start, end=c.quiet_end))
        c.remind_time = time
        return time
    if key == "yenlang":
        start, end = parse_quiet_hours(value)
        if _in_quiet(c.remind_time, start, end):
            raise Refused(T.SETTINGS_QUIET_CONFLICT.format(time=c.remind_time, start=start, end=end))
        c.quiet_start, c.quiet_end = start, end
        return f"{start}–{end}"
    if key == "quahan":
        parts = value.split()
        if len(parts) != 2:
            raise SettingError(value)
        c.overdue_every, c.overdue_max = parse_positive(parts[0], 30), parse_positive(parts[1], 20)
        return T.OVERDUE_CADENCE.format(every=c.overdue_every, most=c.overdue_max)
    if key == "baotruongban":
        c.escalate_after = parse_positive(value, 60)
        return str(c.escalate_after)
    # tonghop <thứ> <giờ>
    day_part, _, time_part = value.rpartition(" ")
    if not day_part:
        raise SettingError(value)
    c.summary_weekday, c.summary_time = parse_weekday(day_part), parse_time(time_part)
    return f"{T.WEEKDAYS[c.summary_weekday]} {c.summary_time}"
