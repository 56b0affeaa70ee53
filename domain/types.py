"""Value types shared by the pure domain modules (no telegram, no sqlalchemy here).

They are the contract between `domain/` and the rest: handlers and jobs turn database rows into
these, and the parsers return them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class DeadlineKind(enum.StrEnum):
    DATE = "date"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    WEEK = "week"
    RELATIVE = "relative"
    IMMEDIATE = "immediate"
    RECURRING = "recurring"
    HOLIDAY = "holiday"
    NONE = "none"


class Cadence(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


@dataclass(frozen=True)
class Deadline:
    """What a deadline phrase means.

    `due` is the last day on which the work may be done (a date, never a time: "hạn 15/12" is not
    09:00 on 15/12). It is None for kinds without a resolvable day (immediate, recurring, none, or a
    relative anchor we cannot resolve). `span` is the phrase's (start, end) in the text it came from.
    `note` says how a phrase was read when the answer should tell the user (see
    domain.understand.deadlines.NOTE_WEEKEND_WEEK); None for the plain reading.
    """

    kind: DeadlineKind
    due: date | None = None
    phrase: str | None = None
    cadence: Cadence | None = None
    span: tuple[int, int] | None = None
    note: str | None = None

    @property
    def urgent(self) -> bool:
        return self.kind is DeadlineKind.IMMEDIATE

    @classmethod
    def none(cls) -> Deadline:
        return cls(DeadlineKind.NONE)

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "due": self.due.isoformat() if self.due else None,
            "phrase": self.phrase,
            "cadence": self.cadence.value if self.cadence else None,
        }


@dataclass(frozen=True)
class KnownUnit:
    """A unit the committee registered (or a built-in one): its display name and its aliases."""

    key: str  # stable id: the database id as text, or "builtin:<slug>"
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssigneeRef:
    """One assignee as found in the text: the words as written and, when matched, the unit key."""

    text: str
    unit_key: str | None = None
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Assignees:
    lead: tuple[AssigneeRef, ...] = ()
    support: tuple[AssigneeRef, ...] = ()
    # "giao A chỉ đạo B ...": A is accountable (lead), B carries it out.
    executor: tuple[AssigneeRef, ...] = ()


@dataclass(frozen=True)
class ParsedDirective:
    text: str
    assignees: Assignees
    deadline: Deadline
    # Lead-in/heading text that gave context (e.g. "Về hệ thống camera an ninh:"), if any.
    context: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "lead": [a.text for a in self.assignees.lead],
            "support": [a.text for a in self.assignees.support],
            "executor": [a.text for a in self.assignees.executor],
            "deadline": self.deadline.as_json(),
        }


@dataclass(frozen=True)
class ParsedConclusion:
    """A pasted meeting conclusion, split."""

    meeting_date: date | None
    title: str | None
    directives: tuple[ParsedDirective, ...]


class TaskStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class TaskState(enum.StrEnum):
    """The four states committees count (plus cancelled), judged against the ORIGINAL deadline."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OPEN_ON_TIME = "open_on_time"
    OPEN_OVERDUE = "open_overdue"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class TaskView:
    """A task as summaries, reports and reminders see it (already loaded, local dates)."""

    number: int
    text: str
    status: TaskStatus
    lead: str | None  # display name of the lead unit/person
    support: tuple[str, ...]
    assigned_on: date
    due_original: date | None
    due_current: date | None
    done_on: date | None = None
    cancelled_on: date | None = None
    lead_unit: str | None = None  # unit name used for per-unit lines (lead person's unit or lead unit)
    extension_count: int = 0
    latest_note: str | None = None
    meeting_title: str | None = None
    urgent: bool = False
    pending_extension: date | None = None  # requested new due date awaiting the chair
    blocked_note: str | None = None
    committee: str | None = None
    created_at: datetime | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    lead_is_person: bool = False  # led by a person counted under no unit (listed apart in the summary)
    lead_left: bool = False  # (qa17) that person left the group while it was open: nobody is reminded
    cadence: str | None = None  # (board16) a recurring duty's cadence («monthly»): the board marks it 🔁, as the chat

    def state(self, today: date) -> TaskState:
        return task_state(self.status, self.due_original, self.due_current, self.done_on, today)

    def days_overdue(self, today: date) -> int:
        due = self.due_current
        if due is None or self.status is not TaskStatus.OPEN or today <= due:
            return 0
        return (today - due).days


def task_state(
    status: TaskStatus, due_original: date | None, due_current: date | None, closed_on: date | None, today: date
) -> TaskState:
    """The committee's four states. Done tasks are judged against the ORIGINAL deadline (an extension
    does not make late work on time); open tasks against the current one."""
    if status is TaskStatus.CANCELLED:
        return TaskState.CANCELLED
    if status is TaskStatus.DONE:
        if due_original is not None and closed_on is not None and closed_on > due_original:
            return TaskState.DONE_LATE
        return TaskState.DONE_ON_TIME
    if due_current is not None and today > due_current:
        return TaskState.OPEN_OVERDUE
    return TaskState.OPEN_ON_TIME
