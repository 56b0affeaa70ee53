"""Meetings (giao ban): /hop shows the current meeting and how its directives stand, /hop moi opens
one, /hop chuanbi prepares the next one's agenda; /vuongmac records what a task is stuck on, which
the agenda puts before the chair.

Which meeting a /giao joins is `db.meetings.current_meeting` (rule in `domain.meetings`); /nhap
creates its own meeting (handlers.importing)."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from db import meetings as db_meetings
from db import tasks as db_tasks
from db.models import Committee, Meeting
from domain.agenda import AgendaItem, build_agenda, pack
from domain.meetings import MAX_TITLE_CHARS, MeetingArgError, MeetingArgProblem, parse_new_meeting, takes_directives
from domain.permissions import Action
from domain.report_stats import count_states
from domain.types import TaskState, TaskView
from domain.understand.textnorm import fold, nfc
from handlers.command import run_command
from handlers.common import Actor
from handlers.render import short
from handlers.task_actions import (
    Refused,
    add_progress,
    in_group,
    own_task_and_words,
    require,
    require_open,
    require_role,
)

# On folded text: "/hop moi …", "/hop mới …", "/hop new …"; "/hop chuanbi", "/hop chuẩn bị", "/hop prepare".
_NEW = re.compile(r"^(?:moi|new)(?=\s|$)")
_PREPARE = re.compile(r"^(?:chuan\s*bi|prepare|agenda)(?=\s|$)")

AGENDA_TEXT_CHARS = 300  # a directive read out at the meeting; /xem has the full text
AGENDA_NOTE_CHARS = 300
MEETING_TEXT_CHARS = 120  # one line per directive in /hop


async def hop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_command(update, context, _hop)


async def _hop(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> list[str]:
    args = nfc(args)
    folded = fold(args)
    committee = in_group(actor)
    if new := _NEW.match(folded):
        return [await open_meeting(session, actor, args[new.end() :].strip())]
    if _PREPARE.match(folded):
        return await agenda_messages(session, committee, actor.today)
    if not args:
        return await meeting_messages(session, actor)
    return [T.MEETING_USAGE]


# ---------------------------------------------------------------------------------------------- /hop moi
def _link_rule(meeting: Meeting, actor: Actor) -> str | None:
    """Until when a /giao joins this meeting, said in the chair's terms; None for a meeting long past."""
    until = db_meetings.meeting_links_until(meeting, actor.tz)
    today = actor.today
    if takes_directives(meeting.held_on, db_meetings.opened_on(meeting, actor.tz), today) or meeting.held_on > today:
        start = max(meeting.held_on, today)
        return T.MEETING_LINK_RULE.format(start=T.fmt_date(start), until=T.fmt_date(until))
    return None


async def open_meeting(session: AsyncSession, actor: Actor, args: str) -> str:
    assert actor.committee is not None
    require_role(actor, Action.LOG, T.MEETING_ACTION)
    try:
        wanted = parse_new_meeting(args, actor.today)
    except MeetingArgError as err:
        if err.problem is MeetingArgProblem.BAD_DATE:
            raise Refused(T.MEETING_BAD_DATE.format(date=T.esc(err.detail))) from None
        raise Refused(T.MEETING_TITLE_TOO_LONG.format(length=err.detail, limit=MAX_TITLE_CHARS)) from None
    title = wanted.title or T.MEETING_DEFAULT_TITLE.format(date=T.fmt_date(wanted.held_on))
    meeting = await db_meetings.create_meeting(
        session, actor.committee.id, title=title, held_on=wanted.held_on, actor_id=actor.person.id, now=actor.now
    )
    lines = [T.MEETING_OPENED.format(title=T.esc(meeting.title), day=T.fmt_day(meeting.held_on))]
    if rule := _link_rule(meeting, actor):
        lines.append(rule)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- /hop
_STATE_ICON = {
    TaskState.DONE_ON_TIME: "✅",
    TaskState.DONE_LATE: "☑️",
    TaskState.OPEN_ON_TIME: "🔄",
    TaskState.OPEN_OVERDUE: "⚠️",
    TaskState.CANCELLED: "🗑",
}


def _state_text(view: TaskView, today: date) -> str:
    state = view.state(today)
    if state is TaskState.OPEN_OVERDUE:
        return T.MEETING_STATE_OVERDUE.format(days=view.days_overdue(today))
    if state is TaskState.OPEN_ON_TIME:
        if view.due_current is not None:
            return T.MEETING_STATE_DUE.format(due=T.fmt_date(view.due_current))
        return T.LABEL_URGENT if view.urgent else T.LABEL_NO_DUE
    label = {
        TaskState.DONE_ON_TIME: T.STATUS_DONE_ON_TIME,
        TaskState.DONE_LATE: T.STATUS_DONE_LATE,
        TaskState.CANCELLED: T.STATUS_CANCELLED,
    }[state]
    return f"{_STATE_ICON[state]} {label}"


def meeting_line(view: TaskView, today: date) -> str:
    return T.MEETING_LINE.format(
        number=view.number,
        text=T.esc(short(view.text, MEETING_TEXT_CHARS)),
        lead=T.esc(view.lead) if view.lead else T.MEETING_NO_LEAD,
        state=_state_text(view, today),
    )


async def _meeting_to_show(session: AsyncSession, committee_id: int, actor: Actor) -> Meeting | None:
    """The one /giao currently joins; else the last one held; else the next one scheduled."""
    today = actor.today
    return (
        await db_meetings.current_meeting(session, committee_id, today, actor.tz)
        or await db_meetings.latest_held(session, committee_id, today)
        or await db_meetings.next_meeting(session, committee_id, today)
    )


async def meeting_messages(session: AsyncSession, actor: Actor) -> list[str]:
    committee = actor.committee
    assert committee is not None
    today = actor.today
    meeting = await _meeting_to_show(session, committee.id, actor)
    if meeting is None:
        return [T.MEETING_NONE]
    views = await db_tasks.task_views(session, committee, await db_meetings.meeting_tasks(session, meeting.id))
    head = [T.MEETING_HEADER.format(title=T.esc(meeting.title), day=T.fmt_day(meeting.held_on))]
    if views:
        c = count_states(views, today)
        cancelled = T.MEETING_COUNTS_CANCELLED.format(count=c.cancelled) if c.cancelled else ""
        head.append(
            T.MEETING_COUNTS.format(
                total=c.total, done=c.done, open=c.open, overdue=c.open_overdue, cancelled=cancelled
            )
        )
    else:
        head.append(T.MEETING_NO_TASKS)
    if rule := _link_rule(meeting, actor):
        head.append(rule)
    upcoming = await db_meetings.next_meeting(session, committee.id, today)
    if upcoming is not None and upcoming.id != meeting.id:
        head.append(T.MEETING_NEXT.format(title=T.esc(upcoming.title), day=T.fmt_day(upcoming.held_on)))
    lines = [meeting_line(v, today) for v in sorted(views, key=lambda v: v.number)]
    return pack(
        "\n".join(head),
        [(T.MEETING_TASKS, lines)],
        continued=T.MESSAGE_CONTINUED,
        section_continued=T.SECTION_CONTINUED,
        tail=T.MEETING_FOOTER,
    )


# ---------------------------------------------------------------------------------------------- /hop chuanbi
def agenda_item(item: AgendaItem) -> str:
    """One directive as the secretary reads it out: text, coordinators, deadline, progress, asks."""
    lines = [T.AGENDA_ITEM.format(number=item.number, text=T.esc(short(item.text, AGENDA_TEXT_CHARS)))]
    if item.support:
        lines.append(T.AGENDA_SUPPORT.format(names=T.esc(", ".join(item.support))))
    if item.overdue and item.due is not None:
        due = T.AGENDA_OVERDUE.format(days=item.days_overdue, due=T.fmt_date(item.due))
    elif item.due is not None:
        due = T.AGENDA_DUE.format(due=T.fmt_date(item.due))
    else:
        due = T.AGENDA_URGENT if item.urgent else T.AGENDA_NO_DUE
    if item.meeting_title:
        due += T.AGENDA_MEETING.format(title=T.esc(short(item.meeting_title, 80)))
    lines.append(due)
    if item.progress:
        lines.append(T.AGENDA_PROGRESS.format(note=T.esc(short(item.progress, AGENDA_NOTE_CHARS))))
    elif not item.blocked:
        lines.append(T.AGENDA_NO_PROGRESS)
    if item.extension_to is not None:
        lines.append(T.AGENDA_EXTENSION.format(due=T.fmt_date(item.extension_to)))
    if item.blocked:
        lines.append(T.AGENDA_BLOCKED.format(note=T.esc(short(item.blocked, AGENDA_NOTE_CHARS))))
    return "\n".join(lines)


def render_agenda(
    views: list[TaskView], committee: str, today: date, upcoming: tuple[str, date] | None = None
) -> list[str]:
    """The agenda as Telegram messages (split between directives when longer than one message)."""
    agenda = build_agenda(views, today)
    if not agenda.units:
        return [T.AGENDA_EMPTY]
    meeting = T.AGENDA_FOR_MEETING.format(title=T.esc(upcoming[0]), day=T.fmt_day(upcoming[1])) if upcoming else ""
    head = "\n".join(
        [
            T.AGENDA_HEADER.format(meeting=meeting, committee=T.esc(committee), today=T.fmt_date(today)),
            T.AGENDA_COUNTS.format(
                open=agenda.open_count,
                overdue=agenda.overdue_count,
                extensions=agenda.extension_count,
                blocked=agenda.blocked_count,
            ),
        ]
    )
    sections = [
        (T.AGENDA_UNIT.format(k=k, unit=T.esc(unit.name), count=len(unit.items)), [agenda_item(i) for i in unit.items])
        for k, unit in enumerate(agenda.units, start=1)
    ]
    return pack(head, sections, continued=T.MESSAGE_CONTINUED, section_continued=T.SECTION_CONTINUED)


async def agenda_messages(session: AsyncSession, committee: Committee, today: date) -> list[str]:
    views = await db_tasks.task_views(session, committee, await db_tasks.open_tasks(session, committee.id))
    upcoming = await db_meetings.next_meeting(session, committee.id, today)
    return render_agenda(views, committee.title, today, (upcoming.title, upcoming.held_on) if upcoming else None)


# ---------------------------------------------------------------------------------------------- /vuongmac
async def vuongmac(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/vuongmac <số> <nội dung>: the assignee (or the chair) says what the task is stuck on."""
    # Notices: typed in a private chat, the group is told now.
    await run_command(update, context, _vuongmac, notices=True)


async def _vuongmac(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
    task, note = await own_task_and_words(session, actor, args, T.BLOCKED_USAGE)
    require_open(task)
    # Checked here first so that a refusal names this action, not "báo cáo tiến độ".
    await require(session, actor, task, Action.REPORT, T.BLOCKED_ACTION)
    await add_progress(session, actor, task, note, kind="blocked")
    return T.BLOCKED_OK.format(number=task.number, note=T.esc(note))
