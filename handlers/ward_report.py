"""A ward's copy of a district's task reports back up (ward17; the hand-down: handlers.ward_handoff).

Without a migration: the copy's `from_upper` event names the district's task; the district's task gets an
event of its own for each fact about a ward's copy — done (`ward_done`), a progress report or a blocker
(`ward_progress`), a new deadline (`ward_extended`) — with the fact written in its note, so its history and
/xem show «Phường X đã hoàn thành (#n của phường) ngày …». Only that fact crosses up: nothing of the
district's task (nor of another ward) reaches the ward, and the ward's people are not named in the district
(the event has no actor; the ward is named as the district knows it).

When a ward finishes, the district's group is told once, in one line. When every ward that leads the
district's task has finished and nothing else leads it, the district's task is done too, judged by its own
deadline as /xong judges it; otherwise it stays open for the district's chair to close."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from db import reminders
from db import tasks as db_tasks
from db import units as db_units
from db.linked_wards import ward_of
from db.models import Committee, Task
from db.outbox import enqueue_notice
from domain.types import TaskStatus
from handlers.common import Actor


async def _upper(session: AsyncSession, copy: Task) -> tuple[Task, Committee, str, str] | None:
    """The district's task a ward's copy came from, its committee, and the ward as the district names it
    («Phường Sài Đồng») with its level («phường»); None for a task not handed down (nearly all)."""
    event = await db_tasks.first_event(session, copy.id, "from_upper")
    if event is None:
        return None
    upper = await db_tasks.task_by_id(session, int(event.data.get("upper_task_id", 0)))
    district = await session.get(Committee, upper.committee_id) if upper is not None else None
    ward_committee = await session.get(Committee, copy.committee_id)
    if upper is None or district is None or ward_committee is None:
        return None
    ward = ward_of(ward_committee)
    if ward is None:
        return upper, district, ward_committee.title, "Ban"
    return upper, district, ward.unit_name, ward.level


async def _copies(session: AsyncSession, upper: Task) -> list[tuple[str, Task]]:
    """The district's task's copies still linked to it, each with the district's unit name of its ward."""
    handed = await db_tasks.first_event(session, upper.id, "handed_down")
    out = []
    for row in (handed.data or {}).get("wards", []) if handed is not None else []:
        copy = await db_tasks.task_by_number(session, row["committee_id"], row["number"])
        committee = await session.get(Committee, row["committee_id"])
        ward = ward_of(committee) if committee is not None else None
        if copy is not None and ward is not None:
            out.append((ward.unit_name, copy))
    return out


async def copy_done(session: AsyncSession, actor: Actor, copy: Task, today: date) -> None:
    """A ward finished its copy: the district's task records it, its group is told once, and the task
    closes when the wards were all it had as leads and all have finished."""
    found = await _upper(session, copy)
    if found is None:
        return
    upper, district, ward, level = found
    note = T.WARD17_DONE_NOTE.format(ward=ward, number=copy.number, level=level, day=T.fmt_date(today))
    db_tasks.add_event(session, upper, "ward_done", None, actor.now, note=note,
                       data={"committee_id": copy.committee_id, "number": copy.number})
    if upper.status != TaskStatus.OPEN.value:
        return  # closed or withdrawn by the district already: recorded, nobody to tell
    leads = {db_units.norm(a.label) for a in upper.assignees if a.role == "lead"}
    lead_copies = [c for name, c in await _copies(session, upper) if db_units.norm(name) in leads]
    done = [c for c in lead_copies if c.status == TaskStatus.DONE.value or c.id == copy.id]
    if copy not in lead_copies:
        rest = "."
    elif len(done) < len(lead_copies):
        rest = T.WARD17_REST_OPEN.format(done=len(done), total=len(lead_copies))
    elif len(lead_copies) < len(leads) or upper.cadence:
        # A unit of the district leads too, or the task recurs (its next round, and the wards' part in it, is
        # the chair's /xong to start): the district's chair closes it.
        rest = T.WARD17_REST_CHAIR.format(number=upper.number)
    else:
        rest = T.WARD17_REST_CLOSED.format(number=upper.number, verdict=_close(session, actor, upper, today))
        await reminders.replan_task(session, upper.id, actor.now)
    text = T.WARD17_DONE_TOLD.format(ward=T.esc(ward), number=upper.number, rest=rest)
    await enqueue_notice(session, district.id, district.chat_id, text, now=actor.now, kind="report")


def _close(session: AsyncSession, actor: Actor, upper: Task, today: date) -> str:
    """The district's task done with its last leading ward (no actor of the district did it); the verdict
    as /xong gives it, by the district's own deadline."""
    upper.status = TaskStatus.DONE.value
    upper.closed_at, upper.closed_on, upper.closed_by = actor.now, today, None
    db_tasks.add_event(session, upper, "done", None, actor.now, note=T.WARD17_CLOSED_NOTE)
    if upper.due_original is None:
        return T.DONE_NO_DUE
    if today <= upper.due_original:
        return T.DONE_ON_TIME
    return T.DONE_LATE.format(days=(today - upper.due_original).days)


async def copy_progress(session: AsyncSession, actor: Actor, copy: Task, note: str, kind: str) -> None:
    """A ward's progress report (or blocker) on its copy: shown on the district's task, no group message."""
    found = await _upper(session, copy)
    if found is None:
        return
    upper, _district, ward, level = found
    line = T.WARD17_BLOCKED_NOTE if kind == "blocked" else T.WARD17_PROGRESS_NOTE
    db_tasks.add_event(session, upper, "ward_progress", None, actor.now,
                       note=line.format(ward=ward, number=copy.number, level=level, note=note),
                       data={"committee_id": copy.committee_id, "number": copy.number, "kind": kind})


async def copy_extended(session: AsyncSession, actor: Actor, copy: Task, due: date | None) -> None:
    """A ward's copy got more time (its chair's own decision): the district's task records the new day."""
    found = await _upper(session, copy)
    if found is None or due is None:
        return
    upper, _district, ward, level = found
    db_tasks.add_event(session, upper, "ward_extended", None, actor.now,
                       note=T.WARD17_EXTENDED_NOTE.format(ward=ward, number=copy.number, level=level,
                                                          due=T.fmt_date(due)),
                       data={"committee_id": copy.committee_id, "number": copy.number, "due": due.isoformat()})
