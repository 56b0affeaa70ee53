"""The reminder outbox in the database (db.reminders, db.summaries): planning, claiming, recording,
on SQLite and — when TEST_DATABASE_URL points at PostgreSQL — on PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import Committee, ExtensionRequest, Reminder, SummaryRun, Task, UnitContact
from db.outbox import due_work, release_stale_claims, replan_committee
from db.reminders import (
    CLAIM_LEASE,
    claim_due,
    mark_failed,
    mark_sent,
    plan_next,
    replan_task,
    replan_unit_tasks,
)
from db.summaries import claim_due_summaries, ensure_summary_runs, load_task_views
from domain.reminders import ReminderKind
from domain.types import TaskStatus
from tests.reminder_world import World

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=VN).astimezone(UTC)  # Tuesday 1/12/2026, 09:00 local
DUE = date(2026, 12, 16)  # a Wednesday


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN).astimezone(UTC)


@pytest.fixture
def world(sessions: async_sessionmaker[AsyncSession]) -> World:
    """On a fresh migrated database (tests/conftest.py): SQLite, or PostgreSQL when
    TEST_DATABASE_URL is set (scripts/test.sh runs both)."""
    return World(sessions)


async def _setup(world: World, *, chair: bool = True) -> dict[str, int]:
    com = await world.committee("BCĐ Chuyển đổi số", -100, NOW - timedelta(days=30))
    lan = await world.person("Nguyễn Thị Lan", 1001)
    minh = await world.person("Trần Văn Minh", 1002, private_chat=False)
    chu = await world.person("Lê Văn Chủ", 1003)
    if chair:
        await world.chair(com, chu)
    vp = await world.unit(com, "Văn phòng", (lan, minh))
    return {"com": com, "lan": lan, "minh": minh, "chu": chu, "vp": vp}


# --------------------------------------------------------------------------- planning


async def test_plan_one_row_per_contact_person_and_chair(world: World) -> None:
    ids = await _setup(world)
    task = await world.task(ids["com"], "Cập nhật cổng thông tin", DUE, NOW, lead_unit=ids["vp"])
    rows = await world.reminders(task)
    assert sorted((r.person_id, r.kind, r.local_day, r.status) for r in rows) == sorted(
        [
            (ids["lan"], "before", date(2026, 12, 11), "pending"),
            (ids["minh"], "before", date(2026, 12, 11), "pending"),
            (ids["chu"], "escalation", date(2026, 12, 21), "pending"),
        ]
    )
    assert {r.due_at.replace(tzinfo=UTC) for r in rows if r.kind == "before"} == {at(2026, 12, 11, 8)}


async def test_without_contact_people_the_group_is_reminded(world: World) -> None:
    ids = await _setup(world, chair=False)
    task = await world.task(ids["com"], "Việc của đơn vị chưa có người", DUE, NOW, lead_label="Ban biên tập")
    rows = await world.reminders(task)
    assert [(r.person_id, r.kind, r.local_day) for r in rows] == [(None, "before", date(2026, 12, 11))]
    # With contact people but no known chair, escalations go to the group.
    task2 = await world.task(ids["com"], "Việc của Văn phòng", DUE, NOW, lead_unit=ids["vp"])
    rows2 = await world.reminders(task2)
    assert {(r.person_id, r.kind) for r in rows2} == {
        (ids["lan"], "before"),
        (ids["minh"], "before"),
        (None, "escalation"),
    }


async def test_support_units_are_not_reminded(world: World) -> None:
    ids = await _setup(world, chair=False)
    other = await world.person("Phạm Hỗ Trợ", 1009)
    support = await world.unit(ids["com"], "Công an phường", (other,))
    task = await world.task(ids["com"], "Việc", DUE, NOW, lead_unit=ids["vp"], support_unit=support)
    assert other not in {r.person_id for r in await world.reminders(task)}


async def test_replan_on_new_deadline_done_and_cancel(world: World) -> None:
    ids = await _setup(world)
    task = await world.task(ids["com"], "Việc", DUE, NOW, lead_unit=ids["vp"])
    # Extended to 29/12: the plan moves (3 working days before 29/12 is Thursday 24/12).
    await world.update_task(task, NOW, due_current=date(2026, 12, 29))
    rows = await world.reminders(task)
    assert {(r.person_id, r.local_day) for r in rows if r.kind == "before"} == {
        (ids["lan"], date(2026, 12, 24)),
        (ids["minh"], date(2026, 12, 24)),
    }
    assert len(rows) == 3  # the old rows are gone
    await world.update_task(task, NOW, status="done", closed_on=date(2026, 12, 2))
    assert await world.reminders(task) == []
    await world.update_task(task, NOW, status="open")
    assert len(await world.reminders(task)) == 3  # reopened: planned again
    await world.update_task(task, NOW, status="cancelled")
    assert await world.reminders(task) == []


async def test_replan_twice_is_idempotent(world: World) -> None:
    ids = await _setup(world)
    task = await world.task(ids["com"], "Việc", DUE, NOW, lead_unit=ids["vp"])
    async with world.sessions() as s, s.begin():
        await replan_task(s, task, NOW)
        await replan_committee(s, ids["com"], NOW)
    assert len(await world.reminders(task)) == 3


# --------------------------------------------------------------------------- claiming


async def test_claim_only_what_is_due_once_and_reclaim_after_the_lease(world: World) -> None:
    ids = await _setup(world)
    task = await world.task(ids["com"], "Việc", DUE, NOW, lead_unit=ids["vp"])
    async with world.sessions() as s, s.begin():
        assert await claim_due(s, at(2026, 12, 11, 7, 59), "w1", 10) == []
    async with world.sessions() as s, s.begin():
        due = await claim_due(s, at(2026, 12, 11, 8, 0), "w1", 10)
    assert sorted(d.person_id for d in due) == sorted([ids["lan"], ids["minh"]])
    first = due[0]
    assert (first.task_id, first.due, first.lead, first.committee.chat_id) == (task, DUE, "Văn phòng", -100)
    assert first.kind is ReminderKind.BEFORE and first.last_sent_day is None
    async with world.sessions() as s, s.begin():
        assert await claim_due(s, at(2026, 12, 11, 8, 1), "w2", 10) == []  # held by w1
    async with world.sessions() as s, s.begin():
        again = await claim_due(s, at(2026, 12, 11, 8, 0) + CLAIM_LEASE + timedelta(seconds=1), "w2", 10)
    assert sorted(d.id for d in again) == sorted(d.id for d in due)  # w1 died: w2 takes over


async def test_paused_committee_is_not_claimed(world: World) -> None:
    ids = await _setup(world)
    await world.task(ids["com"], "Việc", DUE, NOW, lead_unit=ids["vp"])
    async with world.sessions() as s, s.begin():
        (await s.get(Committee, ids["com"])).active = False  # type: ignore[union-attr]
    async with world.sessions() as s, s.begin():
        assert await claim_due(s, at(2026, 12, 11, 9), "w1", 10) == []


async def test_concurrent_claimers_never_share_a_row(world: World) -> None:
    ids = await _setup(world)
    for n in range(20):
        await world.task(ids["com"], f"Việc {n}", DUE, NOW, lead_unit=ids["vp"])

    async def claimer(name: str) -> list[int]:
        got: list[int] = []
        while True:
            async with world.sessions() as s, s.begin():
                batch = await claim_due(s, at(2026, 12, 11, 9), name, 3)
            if not batch:
                return got
            got += [d.id for d in batch]

    a, b = await asyncio.gather(claimer("a"), claimer("b"))
    assert len(a) + len(b) == 40
    assert not set(a) & set(b)


# --------------------------------------------------------------------------- recording and planning on


async def test_sent_row_plans_the_next_one_once(world: World) -> None:
    ids = await _setup(world, chair=False)
    task = await world.task(ids["com"], "Việc nhóm", DUE, NOW, lead_label="Chưa rõ")
    when = at(2026, 12, 11, 8)
    async with world.sessions() as s, s.begin():
        [row] = await claim_due(s, when, "w", 10)
    async with world.sessions() as s, s.begin():
        owned = await mark_sent(s, [(row.id, row.kind, row.local_day)], when, "w", -100, 77)
        assert owned == {row.id}
        assert await plan_next(s, row, row.local_day, when) is True
        # A second attempt (a retried transaction, a second instance) plans nothing more, even
        # for the group (person NULL), which the unique constraint alone would not catch.
        assert await plan_next(s, row, row.local_day, when) is False
    rows = await world.reminders(task)
    assert [(r.person_id, r.status, r.local_day, r.message_id) for r in rows] == [
        (None, "sent", date(2026, 12, 11), 77),
        (None, "pending", date(2026, 12, 15), None),
    ]


async def test_replan_while_sending_supersedes_the_row(world: World) -> None:
    ids = await _setup(world, chair=False)
    task = await world.task(ids["com"], "Việc", DUE, NOW, lead_unit=ids["vp"])
    when = at(2026, 12, 11, 8)
    async with world.sessions() as s, s.begin():
        claimed = await claim_due(s, when, "w", 10)
    # The chair edits the text while the dispatcher is sending.
    await world.update_task(task, when + timedelta(seconds=1), text="Việc (sửa)")
    async with world.sessions() as s, s.begin():
        owned = await mark_sent(s, [(d.id, d.kind, d.local_day) for d in claimed], when, "w", 1, 5)
    assert owned == set()  # the sender must not plan on from them
    rows = await world.reminders(task)
    assert sorted((r.person_id or 0, r.status, r.local_day) for r in rows) == sorted(
        [
            (ids["lan"], "sent", date(2026, 12, 11)),
            (ids["minh"], "sent", date(2026, 12, 11)),
            (ids["lan"], "pending", date(2026, 12, 15)),  # not today again
            (ids["minh"], "pending", date(2026, 12, 15)),
            (0, "pending", date(2026, 12, 21)),  # escalation to the group
        ]
    )


async def test_failed_row_counts_as_the_days_reminder(world: World) -> None:
    ids = await _setup(world, chair=False)
    task = await world.task(ids["com"], "Việc", DUE, NOW, lead_label="X")
    when = at(2026, 12, 11, 8)
    async with world.sessions() as s, s.begin():
        [row] = await claim_due(s, when, "w", 10)
        assert await mark_failed(s, [(row.id, row.local_day)], "w", "Bad Request: can't parse entities") == {row.id}
    async with world.sessions() as s, s.begin():
        await replan_task(s, task, when + timedelta(hours=1))
    rows = await world.reminders(task)
    assert [(r.status, r.local_day) for r in rows] == [
        ("failed", date(2026, 12, 11)),
        ("pending", date(2026, 12, 15)),
    ]
    assert rows[0].last_error == "Bad Request: can't parse entities"


# --------------------------------------------------------------------------- weekly summary rows


async def test_summary_runs_are_created_ahead_once_per_week(world: World) -> None:
    old = await world.committee("BCĐ cũ", -1, at(2026, 11, 1))
    # Created on Wednesday 2/12: this week's Monday has passed, its first summary is next week's.
    new = await world.committee("BCĐ mới", -2, at(2026, 12, 2, 10))
    when = at(2026, 12, 2, 12)
    async with world.sessions() as s, s.begin():
        assert await ensure_summary_runs(s, when) == 3
    async with world.sessions() as s, s.begin():
        assert await ensure_summary_runs(s, when) == 0
    async with world.sessions() as s:
        runs = (await s.execute(select(SummaryRun).order_by(SummaryRun.committee_id, SummaryRun.period))).scalars()
        got = [(r.committee_id, r.period, r.due_at.replace(tzinfo=UTC)) for r in runs]
    assert got == [
        (old, "2026-W49", at(2026, 11, 30, 7, 30)),
        (old, "2026-W50", at(2026, 12, 7, 7, 30)),
        (new, "2026-W50", at(2026, 12, 7, 7, 30)),
    ]
    # This week's summary of the old committee is overdue (the bot was down on Monday): claimable.
    async with world.sessions() as s, s.begin():
        [due] = await claim_due_summaries(s, when, "w", 10)
    assert (due.committee.id, due.period, due.week) == (old, "2026-W49", (2026, 49))
    # The schema itself refuses a second summary for a committee and week.
    with pytest.raises(IntegrityError):
        async with world.sessions() as s, s.begin():
            s.add(SummaryRun(committee_id=old, period="2026-W49", due_at=when))


async def test_task_views_for_the_summary(world: World) -> None:
    ids = await _setup(world)
    t1 = await world.task(ids["com"], "Việc một", DUE, NOW, lead_unit=ids["vp"], plan=False)
    t2 = await world.task(
        ids["com"], "Việc hai", DUE, NOW, lead_person=ids["lan"], lead_label="Nguyễn Thị Lan", plan=False
    )
    async with world.sessions() as s, s.begin():
        done = await s.get(Task, t1)
        assert done is not None
        done.status, done.closed_on = "done", date(2026, 12, 10)
        s.add(ExtensionRequest(task_id=t2, requested_at=NOW, new_due=date(2026, 12, 31), status="pending"))
    async with world.sessions() as s:
        views = await load_task_views(s, ids["com"])
    assert [(v.number, v.status, v.lead, v.lead_unit, v.done_on, v.pending_extension) for v in views] == [
        (1, TaskStatus.DONE, "Văn phòng", "Văn phòng", date(2026, 12, 10), None),
        # A person leading: counted under the unit they are a contact of.
        (2, TaskStatus.OPEN, "Nguyễn Thị Lan", "Văn phòng", None, date(2026, 12, 31)),
    ]
    assert {v.committee for v in views} == {"BCĐ Chuyển đổi số"}


# --------------------------------------------------------------------------- "anything due?"


async def _claims_something(world: World, now: datetime) -> tuple[bool, bool]:
    async with world.sessions() as s:  # rolled back: only asking
        reminders = bool(await claim_due(s, now, "probe", 10))
        summaries = bool(await claim_due_summaries(s, now, "probe", 10))
        await s.rollback()
    return reminders, summaries


async def test_the_cheap_due_check_agrees_with_the_claims(world: World) -> None:
    ids = await _setup(world, chair=False)
    task = await world.task(ids["com"], "Việc", DUE, NOW, lead_label="X")  # one group row, 11/12 08:00
    async with world.sessions() as s, s.begin():
        await ensure_summary_runs(s, NOW)  # this week's (Monday 30/11) and next week's
    [row] = await world.reminders(task)

    async def set_row(**values: object) -> None:
        async with world.sessions() as s, s.begin():
            await s.execute(update(Reminder).where(Reminder.id == row.id).values(**values))

    async def check(now: datetime, expected: tuple[bool, bool]) -> None:
        async with world.sessions() as s:
            work = await due_work(s, now)
        assert (work.reminders, work.summaries) == expected == await _claims_something(world, now)

    before = at(2026, 12, 3, 12)  # Thursday: the summary of this week was on Monday, next is 7/12
    async with world.sessions() as s, s.begin():
        await s.execute(update(SummaryRun).where(SummaryRun.period == "2026-W49").values(status="sent"))
    await check(before, (False, False))
    await check(at(2026, 12, 7, 7, 30), (False, True))  # next Monday's summary
    due = at(2026, 12, 11, 8)
    await check(due, (True, True))
    await set_row(next_attempt_at=due + timedelta(minutes=2))  # a retry later
    await check(due, (False, True))
    await set_row(next_attempt_at=None, status="claimed", claimed_at=due, claimed_by="other")
    await check(due + timedelta(minutes=1), (False, True))  # someone is sending it
    await check(due + CLAIM_LEASE + timedelta(seconds=1), (True, True))  # ... and died
    await set_row(status="pending", claimed_at=None, claimed_by=None)
    async with world.sessions() as s, s.begin():
        (await s.get(Committee, ids["com"])).active = False  # type: ignore[union-attr]
    await check(due, (False, False))  # paused committee: neither


async def test_new_unit_contact_and_new_settings_replan(world: World) -> None:
    ids = await _setup(world, chair=False)
    task = await world.task(ids["com"], "Việc", DUE, NOW, lead_unit=ids["vp"])
    hoa = await world.person("Vũ Thị Hoa", 1010)
    async with world.sessions() as s, s.begin():
        s.add(UnitContact(unit_id=ids["vp"], person_id=hoa))
        await s.flush()
        assert await replan_unit_tasks(s, ids["vp"], NOW) == 4  # Lan, Minh, Hoa, the group's escalation
    assert hoa in {r.person_id for r in await world.reminders(task)}
    async with world.sessions() as s, s.begin():
        await ensure_summary_runs(s, NOW)
    # /caidat: reminders at 14:00, summary on Tuesdays at 16:00.
    async with world.sessions() as s, s.begin():
        com = await s.get(Committee, ids["com"])
        assert com is not None
        com.remind_time, com.summary_weekday, com.summary_time = "14:00", 1, "16:00"
        await s.flush()
        await replan_committee(s, ids["com"], NOW)
    rows = await world.reminders(task)
    assert {r.due_at.replace(tzinfo=UTC) for r in rows if r.kind == "before"} == {at(2026, 12, 11, 14)}
    async with world.sessions() as s:
        runs = (await s.execute(select(SummaryRun).order_by(SummaryRun.period))).scalars().all()
    assert [(r.period, r.due_at.replace(tzinfo=UTC)) for r in runs] == [
        ("2026-W49", at(2026, 12, 1, 16)),  # this Tuesday, later today: moved, not skipped
        ("2026-W50", at(2026, 12, 8, 16)),
    ]


async def test_two_replans_while_sending_keep_the_persons_next_reminder(world: World) -> None:
    # Found by the kill -9 world with membership changes: the chair leaves during the fan-out; the
    # departure re-plans the task, then the new chair's role re-plans the committee, in one
    # transaction, while the assignee's due-day reminder is being sent. The second re-plan must
    # still know that reminder is in flight, or the assignee is never reminded again.
    ids = await _setup(world)
    task = await world.task(ids["com"], "Việc", date(2026, 12, 11), NOW, lead_unit=ids["vp"])
    when = at(2026, 12, 11, 8)
    async with world.sessions() as s, s.begin():
        claimed = await claim_due(s, when, "w", 10)
    assert {d.person_id for d in claimed} == {ids["lan"], ids["minh"]}
    async with world.sessions() as s, s.begin():
        # At the reminders' own moment (the clock reads 08:00 while the fan-out runs): today's
        # reminder is then still ahead in the plan, and only "in flight" keeps it from being planned.
        await replan_task(s, task, when)
        await replan_committee(s, ids["com"], when)
    async with world.sessions() as s, s.begin():
        owned = await mark_sent(s, [(d.id, d.kind, d.local_day) for d in claimed], when, "w", 1, 5)
    assert owned == set()
    pending = [(r.person_id, r.local_day) for r in await world.reminders(task) if r.status == "pending"]
    assert (ids["lan"], date(2026, 12, 14)) in pending and (ids["minh"], date(2026, 12, 14)) in pending


async def test_a_superseded_reminder_of_a_dead_process_is_sent_after_the_restart(world: World) -> None:
    # A process claims today's reminders, a re-plan supersedes them (a member leaves during the
    # fan-out: the others' next reminders are planned from the next working day, today's being in
    # flight), and the process dies (kill -9) before it sends them. At the next start the claims are
    # released — the superseded rows too: today's reminder goes out for whoever is still reminded of
    # the task, and the pair then plans on from it; whoever no longer is gets nothing.
    ids = await _setup(world)
    task = await world.task(ids["com"], "Việc", DUE, NOW, lead_unit=ids["vp"])
    friday = at(2026, 12, 11, 8)
    async with world.sessions() as s, s.begin():
        assert len(await claim_due(s, friday, "dead", 10)) == 2  # Lan's and Minh's
    async with world.sessions() as s, s.begin():
        await s.execute(delete(UnitContact).where(UnitContact.person_id == ids["minh"]))  # Minh left
        await replan_task(s, task, friday)
    async with world.sessions() as s, s.begin():
        assert await release_stale_claims(s) == (1, 0, 0)
    async with world.sessions() as s, s.begin():
        claimed = await claim_due(s, friday + timedelta(seconds=5), "restarted", 10)
    assert [(d.person_id, d.local_day) for d in claimed] == [(ids["lan"], date(2026, 12, 11))]
    async with world.sessions() as s, s.begin():
        [row] = claimed
        assert await mark_sent(s, [(row.id, row.kind, row.local_day)], friday, "restarted", 1, 7) == {row.id}
        assert await plan_next(s, row, row.local_day, friday)
    rows = [(r.person_id, r.local_day, r.status) for r in await world.reminders(task)]
    assert sorted(rows) == sorted(
        [(ids["lan"], date(2026, 12, 11), "sent"), (ids["lan"], date(2026, 12, 15), "pending"),
         (ids["chu"], date(2026, 12, 21), "pending")]
    )
