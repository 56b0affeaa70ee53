"""The database is the source of truth: committees, people, units, tasks and their history, and
the outbox (reminders, weekly summaries, notices: what is due to whom, and what was sent).

All datetimes are stored in UTC (timezone-aware columns); calendar days that belong to the
committee (deadlines, directive dates) are stored as plain dates in the committee's time zone.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from domain.understand.textnorm import fold

# Deterministic constraint names so that Alembic batch migrations on SQLite work.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


UTCDateTime = DateTime(timezone=True)


class Committee(Base):
    """One Telegram group = one steering committee."""

    __tablename__ = "committees"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    title: Mapped[str] = mapped_column(String(255))
    tz_name: Mapped[str] = mapped_column(String(64), default="Asia/Ho_Chi_Minh")
    # False while the bot is not in the group (removed/kicked): reminders pause.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Per-committee task numbers (#1, #2, ...): the last one handed out.
    last_task_number: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Settings (/caidat). Offsets are working days before the due day; 0 = on the due day.
    remind_offsets: Mapped[list[int]] = mapped_column(JSON, default=lambda: [3, 1, 0])
    remind_time: Mapped[str] = mapped_column(String(5), default="08:00")
    quiet_start: Mapped[str] = mapped_column(String(5), default="20:00")
    quiet_end: Mapped[str] = mapped_column(String(5), default="07:00")
    overdue_every: Mapped[int] = mapped_column(Integer, default=2)
    overdue_max: Mapped[int] = mapped_column(Integer, default=5)
    escalate_after: Mapped[int] = mapped_column(Integer, default=3)
    summary_weekday: Mapped[int] = mapped_column(Integer, default=0)  # 0 = Monday (Python's)
    summary_time: Mapped[str] = mapped_column(String(5), default="07:30")
    # The heading and signature of the office's report (/baocao, /xuat): /caidat coquan|diadanh|nguoiky|kyhieu.
    report_agency: Mapped[str | None] = mapped_column(String(255))  # "UBND PHƯỜNG SÀI ĐỒNG"
    report_place: Mapped[str | None] = mapped_column(String(100))  # "Long Biên" (the date line)
    report_signer: Mapped[str | None] = mapped_column(String(100))  # the chair who signs
    report_code: Mapped[str | None] = mapped_column(String(30))  # "BCĐ" in «Số: …/BC-BCĐ»


class Person(Base):
    """A Telegram user the bot has seen, or only heard of by @username."""

    __tablename__ = "people"
    # The holders of a name, oldest first, read from the index alone (db/people_names.py): with the id in
    # the index no sort of all a common name's holders («Hùng») is needed for the first fifty.
    __table_args__ = (
        Index("ix_people_name_first", "name_first", "id"),
        Index("ix_people_name_last", "name_last", "id"),
        Index("ix_people_name_words", "name_words", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Null until the person is seen (mentioned only by @username so far).
    tg_user_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    username: Mapped[str | None] = mapped_column(String(64), index=True)  # lower-case, without @
    # qa15: the @username they had before the one they have now (lower-case, without @): «/giao @old»
    # written by a chair used to the old handle is theirs, until someone else is seen holding it.
    former_username: Mapped[str | None] = mapped_column(String(64), index=True)
    full_name: Mapped[str] = mapped_column(String(255), default="")
    # The name folded (lower case, no diacritics: db/people_names.py), kept with full_name by an attribute
    # event: «/giao anh Hùng …» finds the holders of a name by index instead of reading every person the
    # bot has seen (a province's database holds 100,000). First word, last word, all words sorted.
    name_first: Mapped[str | None] = mapped_column(String(255))
    name_last: Mapped[str | None] = mapped_column(String(255))
    name_words: Mapped[str | None] = mapped_column(String(255))
    # The person opened a private chat with the bot (/start there): reminders can go privately.
    private_chat: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when a private send failed with 403 (blocked the bot): fall back to the group.
    blocked_bot: Mapped[bool] = mapped_column(Boolean, default=False)


def name_folds(full_name: str) -> tuple[str | None, str | None, str | None]:
    """(first word, last word, all words sorted) of a name, folded; None for an empty name. Telegram's full
    name is «first last» in either order («Hùng Trần Văn», «Trần Văn Hùng»): a given name alone is either end."""
    words = fold(full_name).split()
    if not words:
        return None, None, None
    return words[0][:255], words[-1][:255], " ".join(sorted(words))[:255]


@event.listens_for(Person.full_name, "set")
def _keep_name_folds(person: Person, value: Any, _old: Any, _initiator: Any) -> None:
    # Every writer of full_name (ensure_person, a placeholder's «@name», tests) keeps the folds in step.
    person.name_first, person.name_last, person.name_words = name_folds(value if isinstance(value, str) else "")


class Role(Base):
    """Roles granted in a committee. Chairs also come from the group's creator/administrators."""

    __tablename__ = "roles"
    __table_args__ = (UniqueConstraint("committee_id", "person_id", name="uq_roles_committee_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))  # "chair" | "secretary"
    granted_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Unit(Base):
    """An organisational unit (Văn phòng, Phòng GD&ĐT, Công an phường...) of one committee."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("committee_id", "norm_name", name="uq_units_committee_norm"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    norm_name: Mapped[str] = mapped_column(String(255))  # folded, for matching
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    contacts: Mapped[list[UnitContact]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", lazy="selectin"
    )


class UnitContact(Base):
    __tablename__ = "unit_contacts"
    __table_args__ = (UniqueConstraint("unit_id", "person_id", name="uq_unit_contacts_unit_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)

    unit: Mapped[Unit] = relationship(back_populates="contacts")


class Meeting(Base):
    """A giao ban: its conclusion's directives link to it."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    held_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    source_text: Mapped[str | None] = mapped_column(Text)


class Task(Base):
    """One directive (nhiệm vụ)."""

    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("committee_id", "number", name="uq_tasks_committee_number"),
        Index("ix_tasks_committee_status_due", "committee_id", "status", "due_current"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    assigned_on: Mapped[date] = mapped_column(Date)  # the directive's date, committee-local
    deadline_kind: Mapped[str] = mapped_column(String(16), default="none")
    deadline_phrase: Mapped[str | None] = mapped_column(String(255))
    cadence: Mapped[str | None] = mapped_column(String(16))
    # Lateness is measured against the original deadline; extensions move only the current one.
    due_original: Mapped[date | None] = mapped_column(Date)
    due_current: Mapped[date | None] = mapped_column(Date)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | done | cancelled
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_on: Mapped[date | None] = mapped_column(Date)  # committee-local day of done/cancel
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    # Recurring duties: each period is its own task pointing at the first one.
    series_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))
    # The chat message that logged it (so a reply to the bot's confirmation can find the task).
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)

    assignees: Mapped[list[TaskAssignee]] = relationship(
        back_populates="task", cascade="all, delete-orphan", lazy="selectin", order_by="TaskAssignee.id"
    )


class TaskAssignee(Base):
    __tablename__ = "task_assignees"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # lead | support | executor
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    label: Mapped[str] = mapped_column(String(255))  # as written / display name

    task: Mapped[Task] = relationship(back_populates="assignees")


class TaskEvent(Base):
    """History: every change to a task, with who and when."""

    __tablename__ = "task_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ExtensionRequest(Base):
    __tablename__ = "extension_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    new_due: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    # The chat the request was made in: the decision is told there (a private chat or the group).
    asked_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | approved | rejected
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PendingInput(Base):
    """A question the bot asked and waits for a reply to (progress text, extension date...).

    Kept in the database so that a restart does not forget it; keyed by the prompt message, since in
    groups with privacy mode on the bot only sees replies to its own messages.
    """

    __tablename__ = "pending_inputs"
    __table_args__ = (UniqueConstraint("chat_id", "prompt_message_id", name="uq_pending_inputs_chat_prompt"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    prompt_message_id: Mapped[int] = mapped_column(BigInteger)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))  # progress | extension | blocked | fix_deadline ...
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Reminder(Base):
    """The reminder outbox: one row per (task, recipient, local day); the dispatcher claims due rows,
    sends, and marks them. Unique per task/person/day: at most one reminder a day, and a restart can
    never plan the same one twice."""

    __tablename__ = "reminders"
    __table_args__ = (
        UniqueConstraint("task_id", "person_id", "local_day", name="uq_reminders_task_person_day"),
        Index("ix_reminders_status_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    # Null = no contact person known: the reminder goes to the group itself.
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # before | due | overdue | escalation
    local_day: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # pending | claimed | sent | failed | superseded | cancelled
    status: Mapped[str] = mapped_column(String(16), default="pending")
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_to_chat: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)


class SummaryRun(Base):
    """One row per committee per summary week: exactly one Monday summary, whatever restarts happen."""

    __tablename__ = "summary_runs"
    __table_args__ = (
        UniqueConstraint("committee_id", "period", name="uq_summary_runs_committee_period"),
        # The dispatcher's "anything due?" looks here on every tick.
        Index("ix_summary_runs_status_due", "status", "due_at"),
        # The hourly planner asks which committees already have this week's row (all committees at
        # once: the unique key, led by committee_id, cannot answer that without reading the table).
        Index("ix_summary_runs_period", "period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(16))  # ISO week, e.g. "2026-W48"
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | claimed | sent | failed
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    parts_sent: Mapped[int] = mapped_column(Integer, default=0)


class CommitteeLink(Base):
    """An upper committee (a district's) over a lower one (a ward's): the upper's board and Monday
    summary show the lower's figures; the lower sees nothing of the upper's or of its siblings."""

    __tablename__ = "committee_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    upper_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), index=True)
    # A committee has at most one upper committee.
    lower_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))


class LinkCode(Base):
    """A one-time code the upper committee's chair gives to a lower committee's chair (/lienket)."""

    __tablename__ = "link_codes"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    upper_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Notice(Base):
    """A message that must reach someone other than the person who acted (the extension request to
    the chair, the decision to the requester, a private report told to the group): stored in the
    transaction that decided it, then claimed, sent and recorded by the dispatcher like a reminder
    (db/outbox.py). `person_id` is set when it goes to a person's private chat: a 403 there sends it
    to the committee group instead, with a mention."""

    __tablename__ = "notices"
    __table_args__ = (Index("ix_notices_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)  # Telegram HTML
    buttons: Mapped[list[Any] | None] = mapped_column(JSON)  # rows of [label, callback data]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | claimed | sent | failed
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_to_chat: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)


class DispatcherBeat(Base):
    """One row per running dispatcher, touched every tick: the instances alive share the bot's pace
    with Telegram (each sends its part of 30 messages/s, 20 a minute per group). On PostgreSQL every
    instance also beats on its own (jobs/instances.py): a row whose beat went stale is a dead
    instance's, and what it held is taken over (its superseded reminders, its membership look-ups)."""

    __tablename__ = "dispatcher_beats"

    worker_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MembershipLookup(Base):
    """A person whose standing in a group is still to be asked of Telegram (getChatMember) — queued
    when the bot is added back to the group, deleted once Telegram answered (or the check gave up).
    JobQueue jobs die with the process; these rows do not: a look-up waiting (a 429's flood wait, a
    retry after a 5xx) when the process died is taken up again (jobs/membership_check.py).
    `claimed_by`: the instance doing it (its dispatcher beat says whether it is alive); `due_at`:
    not before (the bot's clock: a flood wait or the next round's backoff)."""

    __tablename__ = "membership_lookups"
    __table_args__ = (
        UniqueConstraint("committee_id", "tg_user_id", name="uq_membership_lookups_committee_user"),
        Index("ix_membership_lookups_due_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    tg_user_id: Mapped[int] = mapped_column(BigInteger)
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class ChairEnded(Base):
    """A chair role that ended with the person's administrator rights (handlers.common.admin_chair_ended):
    their next refusal of a chair's command says why, once (handlers.command.refusal_text), then the row
    goes. In the database, not in memory: a restart between the demotion and the refusal lost it."""

    __tablename__ = "chair_endings"
    __table_args__ = (UniqueConstraint("committee_id", "person_id", name="uq_chair_endings_committee_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Departure(Base):
    """What a person's leaving the group took from them in one committee that the bot does not give
    back by itself (qa15): the role granted with /vaitro and the units they were the contact of. Kept
    until they come back, when the chair is told what is the chair's to give back (a unit head added
    back a week later would otherwise come back to silence, his unit's tasks still reminded to nobody)."""

    __tablename__ = "departures"
    __table_args__ = (UniqueConstraint("committee_id", "person_id", name="uq_departures_committee_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    role: Mapped[str | None] = mapped_column(String(16))
    unit_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    left_at: Mapped[datetime] = mapped_column(UTCDateTime)
