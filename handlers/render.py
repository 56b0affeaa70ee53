"""Turning tasks into the HTML the bot shows (cards, list lines, history), from texts in bot.texts."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot import texts as T
from bot.texts import esc, fmt_date, fmt_due
from db.models import Person, Task, TaskEvent
from db.tasks import labels, lead_kind_of, lead_label
from domain.types import TaskState, TaskStatus, task_state

LIST_TEXT_CHARS = 90


def short(text: str, limit: int = LIST_TEXT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def state_label(task: Task, today: date) -> str:
    state = _state(task, today)
    return {
        TaskState.DONE_ON_TIME: T.STATUS_DONE_ON_TIME,
        TaskState.DONE_LATE: T.STATUS_DONE_LATE,
        TaskState.OPEN_ON_TIME: T.STATUS_OPEN,
        TaskState.OPEN_OVERDUE: T.STATUS_OPEN_OVERDUE,
        TaskState.CANCELLED: T.STATUS_CANCELLED,
    }[state]


def _state(task: Task, today: date) -> TaskState:
    return task_state(TaskStatus(task.status), task.due_original, task.due_current, task.closed_on, today)


def due_text(task: Task, today: date) -> str:
    if task.due_current is None:
        return T.LABEL_URGENT if task.urgent else T.LABEL_NO_DUE
    if task.status != TaskStatus.OPEN:
        return T.fmt_day(task.due_current)
    return fmt_due(task.due_current, today)


def card(task: Task, today: date, *, header: str | None = None) -> str:
    """The restatement of a task: number, text, lead, coordinators, deadline."""
    lines = [header or f"<b>#{task.number}</b>", esc(task.text), ""]
    lead = lead_label(task)
    if lead:
        lines.append(f"{T.lead_icon_of(lead_kind_of(task))} {T.LABEL_LEAD}: <b>{esc(lead)}</b>")
    for role, label in (("executor", T.LABEL_EXECUTOR), ("support", T.LABEL_SUPPORT)):
        names = labels(task, role)
        if names:
            lines.append(f"🤝 {label}: {esc(', '.join(names))}")
    lines.append(f"📅 {T.LABEL_DUE}: {due_text(task, today)}")
    if task.cadence:
        lines.append(T.LABEL_RECURRING.format(cadence=T.CADENCE_NAMES.get(task.cadence, task.cadence)))
    return "\n".join(lines)


def list_line(task: Task, today: date, committee_title: str | None = None) -> str:
    where = f"[{esc(committee_title)}] " if committee_title else ""
    lead = lead_label(task)
    who = f" — {esc(lead)}" if lead else ""
    if task.due_current is None:
        when = T.LABEL_URGENT if task.urgent else T.LABEL_NO_DUE
    else:
        days = (task.due_current - today).days
        when = fmt_date(task.due_current)
        if days < 0:
            when = T.DUE_OVERDUE_BY.format(when=when, days=-days)
        elif days == 0:
            when = T.DUE_IS_TODAY.format(when=when)
    return f"{where}<b>#{task.number}</b> {esc(short(task.text))}{who} · {when}"


def history(task: Task, events: list[tuple[TaskEvent, Person | None]], tz: ZoneInfo) -> list[str]:
    out = []
    for event, person in events:
        who = esc(person.full_name) if person else T.HISTORY_BY_SYSTEM
        when = _local(event.at, tz)
        name = T.EVENT_NAMES.get(event.kind, event.kind)
        note = f": {esc(short(event.note, 120))}" if event.note else ""
        if event.kind.startswith("ward_") and event.note:  # ward17: the fact about a ward's copy, as one line
            out.append(f"• {when} — {esc(short(event.note, 200))}")
            continue
        # qa9: a request names the day asked for too («xin gia hạn → 25/12/2026: lý do»), not only the reason.
        if event.kind in ("deadline_changed", "extension_approved", "extension_requested") and event.data.get("due"):
            note = f" → {fmt_date(date.fromisoformat(event.data['due']))}{note}"
        out.append(f"• {when} — {who}: {name}{note}")
    return out


def _local(at: datetime, tz: ZoneInfo) -> str:
    return at.astimezone(tz).strftime("%d/%m %H:%M")


def detail(task: Task, events: list[tuple[TaskEvent, Person | None]], today: date, tz: ZoneInfo) -> str:
    lines = [card(task, today)]
    if task.due_original and task.due_original != task.due_current:
        lines.append(T.DUE_ORIGINAL_LINE.format(due=fmt_date(task.due_original), count=task.extension_count))
    lines.append(f"📊 {T.LABEL_STATUS}: {state_label(task, today)}")
    lines.append("")
    lines.append(f"<b>{T.LABEL_HISTORY}</b>")
    hist = history(task, events, tz)
    # One screen: keep the first event (who assigned it) and the latest ones.
    if len(hist) > 12:
        hist = [*hist[:1], "…", *hist[-10:]]
    lines.extend(hist)
    return "\n".join(lines)


def past_when(first: date, last: date) -> str:
    """A past day («Chủ nhật, 22/11/2026») or period («khoảng từ 16/11/2026 đến 22/11/2026»), to name it."""
    return T.fmt_day(first) if first == last else T.PAST_PERIOD.format(first=fmt_date(first), last=fmt_date(last))
