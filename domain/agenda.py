"""The next giao ban's agenda (`/hop chuanbi`): what is still to be done, unit by unit, ready to read.

At a periodic meeting the secretary goes through the directives that are not finished, unit by
unit: how each stands (overdue or not, the latest progress), which units asked for more time, and
what is stuck ("vướng mắc") and needs the chair's decision. This module picks and orders that;
rendering is `handlers.meetings` with the texts of `bot.texts`.

Decisions:
- Every open directive is on the agenda, whether it came from a meeting (imported with /nhap, or
  logged with /giao while a meeting was current) or was given between meetings: a directive given
  on a Wednesday is no less due at Monday's giao ban. Its meeting, when it has one, is shown.
- Units in the order of the reports (`report_stats.per_unit`: Vietnamese alphabetical, "no lead"
  last), so the secretary reads them in the same order every week. Within a unit the overdue come
  first (most overdue first), then by current deadline, undated last; ties by number.
- A task's "latest progress" is its latest note; when that note is the blocker itself it is shown
  once, as the blocker.
- `pack` lays the rendered agenda into Telegram messages: it breaks only between items, repeats a
  unit's heading when its items continue in the next message, and never leaves a heading alone at
  the end of a message. Lengths are measured in UTF-16 units, as Telegram counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from domain.report_stats import NO_UNIT_LABEL, unit_of, vietnamese_sort_key
from domain.types import TaskStatus, TaskView

TELEGRAM_MESSAGE_LIMIT = 4096


@dataclass(frozen=True)
class AgendaItem:
    number: int
    text: str
    lead: str | None
    support: tuple[str, ...]
    due: date | None  # the current deadline
    days_overdue: int
    urgent: bool
    meeting_title: str | None
    progress: str | None  # the latest note, unless it is the blocker
    blocked: str | None
    extension_to: date | None  # a pending extension request: the date asked for

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


@dataclass(frozen=True)
class AgendaUnit:
    name: str
    items: tuple[AgendaItem, ...]


@dataclass(frozen=True)
class Agenda:
    units: tuple[AgendaUnit, ...]

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        return tuple(item for unit in self.units for item in unit.items)

    @property
    def open_count(self) -> int:
        return len(self.items)

    @property
    def overdue_count(self) -> int:
        return sum(1 for item in self.items if item.overdue)

    @property
    def extension_count(self) -> int:
        return sum(1 for item in self.items if item.extension_to is not None)

    @property
    def blocked_count(self) -> int:
        return sum(1 for item in self.items if item.blocked is not None)


def _item(task: TaskView, today: date) -> AgendaItem:
    blocked = task.blocked_note
    progress = task.latest_note if task.latest_note != blocked else None
    return AgendaItem(
        number=task.number,
        text=task.text,
        lead=task.lead,
        support=task.support,
        due=task.due_current,
        days_overdue=task.days_overdue(today),
        urgent=task.urgent,
        meeting_title=task.meeting_title,
        progress=progress,
        blocked=blocked,
        extension_to=task.pending_extension,
    )


def _item_order(item: AgendaItem) -> tuple[int, int, date, int]:
    if item.overdue:
        return (0, -item.days_overdue, date.min, item.number)
    if item.due is not None:
        return (1, 0, item.due, item.number)
    return (2, 0 if item.urgent else 1, date.max, item.number)


def build_agenda(tasks: Iterable[TaskView], today: date) -> Agenda:
    """The agenda from a committee's tasks (any status: only the open ones are kept)."""
    groups: dict[str, list[AgendaItem]] = {}
    for task in tasks:
        if task.status is TaskStatus.OPEN:
            groups.setdefault(unit_of(task), []).append(_item(task, today))
    names = sorted(groups, key=lambda name: (name == NO_UNIT_LABEL, vietnamese_sort_key(name)))
    return Agenda(tuple(AgendaUnit(name, tuple(sorted(groups[name], key=_item_order))) for name in names))


# ------------------------------------------------------------------------------ messages


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(block: str, limit: int) -> list[str]:
    """A block longer than a whole message (callers shorten texts, so only in theory): cut at line
    ends where possible, else hard, so that Telegram never refuses the message."""
    pieces: list[str] = []
    current = ""
    for line in block.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if utf16_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        while utf16_len(line) > limit:
            # Step back from a code-point cut until it fits in UTF-16 units.
            cut = limit
            while utf16_len(line[:cut]) > limit:
                cut -= 1
            pieces.append(line[:cut])
            line = line[cut:]
        current = line
    if current:
        pieces.append(current)
    return pieces


def pack(
    head: str,
    sections: Sequence[tuple[str, Sequence[str]]],
    *,
    continued: str,
    section_continued: str,
    tail: str | None = None,
    limit: int = TELEGRAM_MESSAGE_LIMIT,
) -> list[str]:
    """Lay `head` then each (heading, blocks) section out in messages of at most `limit` UTF-16 units.

    Blocks (one per item, possibly several lines) are never split across messages. A message after
    the first starts with `continued`; a section carried over repeats its heading formatted into
    `section_continued` ("{title}"). Blocks are separated by a newline, sections by a blank line;
    `tail` (a footer) ends the last message after a blank line.
    """
    messages: list[str] = []
    current: list[str] = []
    size = 0

    def fits(*blocks: str) -> bool:
        extra = sum(utf16_len(b) + 1 for b in blocks)
        return size + extra <= limit

    def add(block: str) -> None:
        nonlocal size
        size += utf16_len(block) + (1 if current else 0)
        current.append(block)

    def flush(carried: str | None) -> None:
        nonlocal current, size
        if current:
            messages.append("\n".join(current))
        current, size = [], 0
        add(continued)
        if carried is not None:
            add(section_continued.format(title=carried))

    # Room a carried-over piece must leave for the lines that start its message.
    for piece in _cut(head, limit - utf16_len(continued) - 1):
        if current and not fits(piece):
            flush(None)
        add(piece)
    for title, blocks in sections:
        if not blocks:
            continue
        room = limit - utf16_len(continued) - utf16_len(section_continued.format(title=title)) - 2
        room = min(room, limit - utf16_len(continued) - utf16_len(title) - 3)
        pieces = [piece for block in blocks for piece in _cut(block, room)]
        if not fits("", title, pieces[0]):
            flush(None)
        add("")
        add(title)
        for piece in pieces:
            if not fits(piece):
                flush(title)
            add(piece)
    if tail:
        for piece in _cut(tail, limit - utf16_len(continued) - 1):
            if not fits("", piece):
                flush(None)
            add("")
            add(piece)
    if current:
        messages.append("\n".join(current))
    return messages
