"""Queries of the board (the Mini App) and of linked committees (a district over its wards)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Committee, CommitteeLink, LinkCode, Person, Role, Task, TaskAssignee, Unit, UnitContact
from db.tasks import UNDONE_SLIPS
from domain.types import TaskStatus, TaskView

LINK_CODE_LIFETIME = timedelta(days=1)
# The roles of those who carry a task (named on the board's card and detail); a supporting unit's contact
# is not one of them (qa14: read as the one to call about the task).
CARRIERS = ("lead", "executor")


async def committees_touching(session: AsyncSession, person_id: int) -> list[Committee]:
    """Committees the bot knows the person in: a role, a unit contact, an assignee, an author. Only
    candidates: whether they are still in the group is Telegram's to say (the board asks it)."""
    ids = union(
        select(Role.committee_id).where(Role.person_id == person_id),
        select(Unit.committee_id).join(UnitContact, UnitContact.unit_id == Unit.id)
        .where(UnitContact.person_id == person_id),
        select(Task.committee_id).join(TaskAssignee, TaskAssignee.task_id == Task.id)
        .where(TaskAssignee.person_id == person_id),
        select(Task.committee_id).where(Task.created_by == person_id),
    )  # fmt: skip
    rows = await session.scalars(select(Committee).where(Committee.id.in_(ids)).order_by(Committee.title))
    return list(rows)


async def people_of_tasks(
    session: AsyncSession, committee_id: int, number: int | None = None, roles: tuple[str, ...] | None = None
) -> dict[int, list[str]]:
    """Task number -> the people the board's «Mọi người» filter finds it under: those given the task by
    name and the contacts of the units given it (whose /viec lists it), in the order of the assignees.
    `number`: that one task only (a task's detail need not read the whole committee's). `roles`: only the
    assignees of those roles (CARRIERS: who carries the task, not the supporting units' contacts)."""
    assigned = (
        select(Task.number, TaskAssignee.id, Person.full_name, Person.username)
        .join(TaskAssignee, TaskAssignee.task_id == Task.id)
        .where(Task.committee_id == committee_id)
    )
    if number is not None:
        assigned = assigned.where(Task.number == number)
    if roles is not None:
        assigned = assigned.where(TaskAssignee.role.in_(roles))
    direct = assigned.join(Person, Person.id == TaskAssignee.person_id)
    via_unit = assigned.join(UnitContact, UnitContact.unit_id == TaskAssignee.unit_id).join(
        Person, Person.id == UnitContact.person_id
    )
    out: dict[int, list[str]] = {}
    rows = [*(await session.execute(direct)).all(), *(await session.execute(via_unit)).all()]
    for number, _order, full_name, username in sorted(rows, key=lambda r: (r[0], r[1])):
        name = full_name or (f"@{username}" if username else "")
        if name and name not in out.setdefault(number, []):
            out[number].append(name)
    return out


async def lower_committees(session: AsyncSession, upper_id: int) -> list[Committee]:
    rows = await session.scalars(
        select(Committee)
        .join(CommitteeLink, CommitteeLink.lower_id == Committee.id)
        .where(CommitteeLink.upper_id == upper_id)
        .order_by(Committee.title)
    )
    return list(rows)


async def counting_views(session: AsyncSession, committee_ids: list[int]) -> dict[int, list[TaskView]]:
    """Committee id -> its tasks with only what a ward's line counts (state, dates: domain.board.lower_line),
    in one query for all the wards. The district's board built every ward's full views (ORM tasks, notes,
    units) to count them: 2.7 s for 12 wards of ~240 tasks (board17). Tasks undone as a slip are left out,
    as db.tasks.all_tasks leaves them."""
    out: dict[int, list[TaskView]] = {cid: [] for cid in committee_ids}
    if not committee_ids:
        return out
    rows = await session.execute(
        select(Task.committee_id, Task.number, Task.status, Task.assigned_on, Task.due_original, Task.due_current,
               Task.closed_on)
        .where(Task.committee_id.in_(committee_ids), Task.id.not_in(UNDONE_SLIPS))
        .order_by(Task.committee_id, Task.number)
    )  # fmt: skip
    for cid, number, status, assigned_on, due_original, due_current, closed_on in rows:
        state = TaskStatus(status)
        out[cid].append(TaskView(
            number=number, text="", status=state, lead=None, support=(), assigned_on=assigned_on,
            due_original=due_original, due_current=due_current,
            done_on=closed_on if state is TaskStatus.DONE else None,
            cancelled_on=closed_on if state is TaskStatus.CANCELLED else None,
        ))  # fmt: skip
    return out


async def upper_committee(session: AsyncSession, lower_id: int) -> Committee | None:
    return await session.scalar(
        select(Committee).join(CommitteeLink, CommitteeLink.upper_id == Committee.id).where(
            CommitteeLink.lower_id == lower_id
        )
    )


async def new_link_code(session: AsyncSession, upper_id: int, person_id: int, now: datetime) -> str:
    """A one-time code (8 letters and digits, no look-alikes) valid for a day."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    code = "".join(secrets.choice(alphabet) for _ in range(8))
    await session.execute(delete(LinkCode).where(LinkCode.expires_at < now))
    session.add(LinkCode(code=code, upper_id=upper_id, created_by=person_id, expires_at=now + LINK_CODE_LIFETIME))
    await session.flush()
    return code


async def valid_link_code(session: AsyncSession, code: str, now: datetime) -> LinkCode | None:
    """The code's row when it exists and has not expired, left in place: a code is spent only by a
    link it makes (spend_link_code), never by a use that was refused (the wrong group…)."""
    row = await session.get(LinkCode, code.strip().upper())
    if row is None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=now.tzinfo)
    return row if expires >= now else None


async def spend_link_code(session: AsyncSession, code: str) -> bool:
    """Removes the code (a code works once); False when another use spent it meanwhile."""
    result = await session.execute(
        delete(LinkCode).where(LinkCode.code == code).execution_options(synchronize_session="fetch")
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def committees_above(session: AsyncSession, committee_id: int) -> list[int]:
    """The committee's upper, the upper's upper… (ids, nearest first; stops at a loop)."""
    out: list[int] = []
    current = committee_id
    while True:
        upper = await session.scalar(select(CommitteeLink.upper_id).where(CommitteeLink.lower_id == current))
        if upper is None or upper in out or upper == committee_id:
            return out
        out.append(upper)
        current = upper


async def link(session: AsyncSession, upper_id: int, lower_id: int, person_id: int, now: datetime) -> CommitteeLink:
    existing = await session.scalar(select(CommitteeLink).where(CommitteeLink.lower_id == lower_id))
    if existing is not None:
        existing.upper_id, existing.created_at, existing.created_by = upper_id, now, person_id
        return existing
    row = CommitteeLink(upper_id=upper_id, lower_id=lower_id, created_at=now, created_by=person_id)
    session.add(row)
    await session.flush()
    return row


async def unlink(session: AsyncSession, committee_id: int, other_id: int) -> bool:
    """Either side ends the link: committee_id is the upper or the lower of the pair."""
    result = await session.execute(
        delete(CommitteeLink).where(
            or_(
                (CommitteeLink.upper_id == committee_id) & (CommitteeLink.lower_id == other_id),
                (CommitteeLink.lower_id == committee_id) & (CommitteeLink.upper_id == other_id),
            )
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
