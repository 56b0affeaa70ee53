"""Committees (one per Telegram group), people, and roles."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import delete, exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import (
    Committee,
    CommitteeLink,
    Meeting,
    Notice,
    PendingInput,
    Person,
    Reminder,
    Role,
    Task,
    TaskAssignee,
    Unit,
    UnitContact,
)

_Row = TypeVar("_Row", Committee, Person)


async def _add_first(session: AsyncSession, row: _Row, theirs: Callable[[], Awaitable[_Row | None]]) -> _Row:
    """Insert `row`; when another instance inserted the same key in the meantime (PostgreSQL behind a
    load balancer: a new group's first updates reach both instances, each sees the person missing),
    take that row instead of failing the user's command. The savepoint keeps the caller's
    transaction usable. SQLite runs one instance (bot.instance_lock): no race, no savepoint."""
    bind = session.bind
    if bind is None or bind.dialect.name != "postgresql":
        session.add(row)
        await session.flush()
        return row
    try:
        async with session.begin_nested():
            session.add(row)
    except IntegrityError:
        found = await theirs()
        if found is None:
            raise
        return found
    return row


async def committee_by_chat(session: AsyncSession, chat_id: int) -> Committee | None:
    return await session.scalar(select(Committee).where(Committee.chat_id == chat_id))


async def ensure_committee(
    session: AsyncSession, chat_id: int, title: str, now: datetime, tz_name: str
) -> Committee:
    committee = await committee_by_chat(session, chat_id)
    if committee is None:
        committee = Committee(chat_id=chat_id, title=title or "Ban chỉ đạo", created_at=now, tz_name=tz_name)
        return await _add_first(session, committee, lambda: committee_by_chat(session, chat_id))
    if title and committee.title != title:
        committee.title = title
    return committee


async def set_active(session: AsyncSession, chat_id: int, active: bool) -> None:
    await session.execute(update(Committee).where(Committee.chat_id == chat_id).values(active=active))


async def migrate_chat(session: AsyncSession, old_chat_id: int, new_chat_id: int) -> None:
    """A group became a supergroup: its id changed; the committee follows it.

    Telegram also tells the bot it joined the supergroup (my_chat_member), in no set order with the
    migration messages: when that came first, a committee was already made for the new id. It holds
    nothing of its own yet (no task, unit, meeting or link): it gives way to the group's committee,
    whose tasks, units and roles would otherwise be left behind under the old, dead id."""
    old = await committee_by_chat(session, old_chat_id)
    if old is None:
        return
    new = await committee_by_chat(session, new_chat_id)
    if new is not None:
        if not await _fresh(session, new.id):
            return  # both hold work: keep what people see in the supergroup
        session.expunge(new)
        # Its roles, prompts, notices… go with it (ON DELETE CASCADE).
        await session.execute(delete(Committee).where(Committee.id == new.id))
    old.chat_id = new_chat_id
    old.active = True
    await session.flush()


async def _fresh(session: AsyncSession, committee_id: int) -> bool:
    """A committee made a moment ago for a chat: nothing in it anyone made."""
    for column in (Task.committee_id, Unit.committee_id, Meeting.committee_id, CommitteeLink.upper_id,
                   CommitteeLink.lower_id):
        if await session.scalar(select(exists().where(column == committee_id))):
            return False
    return True


async def next_task_number(session: AsyncSession, committee_id: int) -> int:
    """Atomic per-committee counter (UPDATE ... RETURNING works on SQLite >= 3.35 and PostgreSQL)."""
    result = await session.execute(
        update(Committee)
        .where(Committee.id == committee_id)
        .values(last_task_number=Committee.last_task_number + 1)
        .returning(Committee.last_task_number)
    )
    return int(result.scalar_one())


async def ensure_person(
    session: AsyncSession, tg_user_id: int, username: str | None, full_name: str
) -> Person:
    """The person with this Telegram id; links a placeholder created earlier from an @username."""
    uname = username.lower() if username else None
    person = await session.scalar(select(Person).where(Person.tg_user_id == tg_user_id))
    if person is None and uname:
        person = await session.scalar(
            select(Person).where(Person.username == uname, Person.tg_user_id.is_(None))
        )
        if person is not None:
            person.tg_user_id = tg_user_id
    if person is None:
        if uname:
            await _forget_former(session, uname, None)  # the handle is someone else's now
        person = Person(tg_user_id=tg_user_id, username=uname, full_name=full_name)
        return await _add_first(
            session, person, lambda: session.scalar(select(Person).where(Person.tg_user_id == tg_user_id))
        )
    absorbed = False
    if uname and person.username != uname:
        # A known person with a new @username: what was given to that @username before the bot saw
        # them with it (a task, a unit, a role) is theirs.
        absorbed = await _absorb_placeholder(session, person, uname)
        # Someone else may have held this username before: free it.
        await session.execute(
            update(Person).where(Person.username == uname, Person.id != person.id).values(username=None)
        )
        await _forget_former(session, uname, person.id)
        if person.username:
            person.former_username = person.username  # qa15: «/giao @old» still finds them
        person.username = uname
    if full_name and (person.full_name != full_name or absorbed):
        person.full_name = full_name
        await _relabel_tasks(session, person.id, full_name)
    return person


async def _absorb_placeholder(session: AsyncSession, person: Person, uname: str) -> bool:
    """Someone the bot knows changed their @username, and the chair assigned them by the new one before
    the bot saw it: that made a placeholder person (no Telegram id) for the new @username. Left there,
    the task reached nobody (no reminder, not in /viec, «/xong» refused: «không phải người thực
    hiện»). Its tasks, unit contacts, role, reminders and notices move to the person; it is deleted."""
    placeholder = await session.scalar(
        select(Person).where(Person.username == uname, Person.tg_user_id.is_(None), Person.id != person.id)
    )
    if placeholder is None:
        return False
    old, new = placeholder.id, person.id
    # Rows unique per person: the person's own row wins over the placeholder's.
    for table, key in ((Role, Role.committee_id), (UnitContact, UnitContact.unit_id)):
        theirs = select(key).where(table.person_id == new).scalar_subquery()  # type: ignore[attr-defined]
        await session.execute(
            delete(table).where(table.person_id == old, key.in_(theirs))  # type: ignore[attr-defined]
            .execution_options(synchronize_session=False)
        )
    for reminder in (await session.scalars(select(Reminder).where(Reminder.person_id == old))).all():
        clash = await session.scalar(select(exists().where(
            Reminder.task_id == reminder.task_id, Reminder.person_id == new, Reminder.local_day == reminder.local_day
        )))
        if clash:
            await session.delete(reminder)
        else:
            reminder.person_id = new
    await session.flush()
    for column in (Role.person_id, UnitContact.person_id, TaskAssignee.person_id, Notice.person_id,
                   PendingInput.person_id):
        await session.execute(
            update(column.class_).where(column == old).values({column.key: new})
            .execution_options(synchronize_session=False)
        )
    session.expunge(placeholder)
    await session.execute(delete(Person).where(Person.id == old))
    return True


async def _relabel_tasks(session: AsyncSession, person_id: int, name: str) -> None:
    """The person's name as Telegram has it now, wherever a task names them: someone first written
    as @lan (never seen) and then seen as «Lan Nguyễn» — or who renamed themselves — is shown by
    their current name in lists, reminders, summaries, reports. (History keeps what was written.)"""
    await session.execute(
        update(TaskAssignee)
        .where(TaskAssignee.person_id == person_id, TaskAssignee.unit_id.is_(None), TaskAssignee.label != name)
        .values(label=name)
        .execution_options(synchronize_session="fetch")
    )


def person_label(person: Person, written: str) -> str:
    """How a task names a person written as `written` (@lan): by their Telegram name once the bot has
    seen them, as written until then (then ensure_person relabels when they appear)."""
    return person.full_name if person.tg_user_id is not None and person.full_name else written


async def person_by_tg_id(session: AsyncSession, tg_user_id: int) -> Person | None:
    """The person with this Telegram id, if the bot knows them (nothing created or renamed)."""
    return await session.scalar(select(Person).where(Person.tg_user_id == tg_user_id))


async def _forget_former(session: AsyncSession, uname: str, holder_id: int | None) -> None:
    """Someone is seen holding @uname now: it no longer names whoever had it before (qa15)."""
    await session.execute(
        update(Person).where(Person.former_username == uname, Person.id != (holder_id or 0))
        .values(former_username=None)
    )


async def person_by_username(session: AsyncSession, username: str, *, create: bool) -> Person | None:
    uname = username.lstrip("@").lower()
    person = await session.scalar(select(Person).where(Person.username == uname).order_by(Person.id))
    if person is None and uname:
        # qa15: a seen person's previous handle, nobody holding it now (a chair used to «@binh_le»
        # after Bình became @binh_moi): him, not a stranger the bot «has not met» whom nothing reaches.
        person = await session.scalar(
            select(Person).where(Person.former_username == uname, Person.tg_user_id.is_not(None)).order_by(Person.id)
        )
    if person is None and create:
        person = Person(username=uname, full_name="@" + uname)
        session.add(person)
        await session.flush()
    return person


async def role_of(session: AsyncSession, committee_id: int, person_id: int) -> str | None:
    return await session.scalar(
        select(Role.role).where(Role.committee_id == committee_id, Role.person_id == person_id)
    )


async def set_role(
    session: AsyncSession, committee_id: int, person_id: int, role: str | None, by: int | None, now: datetime
) -> None:
    await session.execute(delete(Role).where(Role.committee_id == committee_id, Role.person_id == person_id))
    from db.chair_endings import forget_chair_ended  # a role set anew: an ended chair role is old news

    await forget_chair_ended(session, committee_id, person_id)
    if role is not None:
        session.add(Role(committee_id=committee_id, person_id=person_id, role=role, granted_by=by, granted_at=now))
        await session.flush()


async def roles_in(session: AsyncSession, committee_id: int) -> list[tuple[Person, str]]:
    rows = await session.execute(
        select(Person, Role.role).join(Role, Role.person_id == Person.id).where(Role.committee_id == committee_id)
    )
    return [(p, r) for p, r in rows.all()]


async def committees_of_person(session: AsyncSession, person_id: int) -> list[Committee]:
    rows = await session.scalars(
        select(Committee).join(Role, Role.committee_id == Committee.id).where(Role.person_id == person_id)
    )
    return list(rows)
