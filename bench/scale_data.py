"""A province-sized database for bench/scale_bench.py: N committees, M tasks, with the rows a year of use
leaves behind (people, roles, units and their contacts, meetings, assignees, history events, sent and
planned reminders, weekly summary runs, a few pending extension requests).

Rows are written with Core `insert()` executemany in chunks (not the ORM one by one): a million tasks
and their ~6 million companion rows take a few minutes on SQLite. Ids are given explicitly so that the
companion rows can point at their task without reading it back; on PostgreSQL the sequences are then
moved past them, or the bot's own inserts would collide.

Everything is anchored on `anchor` (the Monday of the week the database is built): closed work is in the
past, planned reminders are in the following weeks, this week's summary is already sent. A bot started
on it (real clock, the same week) finds nothing due: it is idle, as a deployment is between reminders.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import is_sqlite
from db.migrate import upgrade_to_head
from db.models import (
    Committee,
    ExtensionRequest,
    Meeting,
    Person,
    Reminder,
    Role,
    SummaryRun,
    Task,
    TaskAssignee,
    TaskEvent,
    Unit,
    UnitContact,
    name_folds,
)
from db.units import norm
from domain.reminders import iso_week_of, week_period

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PEOPLE_PER_COMMITTEE = 10  # chair, secretary, eight unit contacts
UNITS = (
    "Văn phòng HĐND và UBND",
    "Phòng Giáo dục và Đào tạo",
    "Công an phường",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Văn hóa và Thông tin",
    "Phòng Lao động - Thương binh và Xã hội",
    "Trạm Y tế",
    "Ban Chỉ huy Quân sự",
)
WORK = (
    "Rà soát hồ sơ thủ tục hành chính trực tuyến toàn trình",
    "Cập nhật dữ liệu dân cư vào Cơ sở dữ liệu quốc gia",
    "Báo cáo tiến độ triển khai Đề án 06",
    "Tổ chức tuyên truyền chuyển đổi số tại các tổ dân phố",
    "Kiểm tra an toàn thông tin các máy tính dùng chung",
    "Hoàn thiện kế hoạch chi trả an sinh xã hội không dùng tiền mặt",
    "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực",
    "Tổng hợp kiến nghị của người dân qua ứng dụng phản ánh hiện trường",
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
GIVEN = ("Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Huy", "Thị Lan", "Hữu Nam", "Ngọc Mai")
CHAT_BASE = 4_000_000_000  # committee n is the emulator's n-th group (World ids groups -(4,000,000,000 + n))
USER_BASE = 3_000_000_000  # and user ids (200,000,001...)
CHUNK_COMMITTEES = 250


def anchor_monday(now: datetime) -> datetime:
    """Monday 00:00 (Hà Nội) of the week of `now`, in UTC."""
    local = now.astimezone(VN).date()
    monday = local - timedelta(days=local.weekday())
    return datetime.combine(monday, time.min, tzinfo=VN).astimezone(UTC)


def _at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=VN).astimezone(UTC)


class _Rows:
    """Rows of one chunk of committees, per table, with explicit ids."""

    def __init__(self) -> None:
        self.by_table: dict[Table, list[dict[str, Any]]] = {}

    def add(self, table: Table, row: dict[str, Any]) -> None:
        self.by_table.setdefault(table, []).append(row)


class _Ids:
    def __init__(self) -> None:
        self.next: dict[str, int] = {}

    def __call__(self, name: str) -> int:
        n = self.next.get(name, 0) + 1
        self.next[name] = n
        return n


def _committee_rows(
    rows: _Rows, ids: _Ids, rng: random.Random, cid: int, n_tasks: int, today: date, created: datetime
) -> None:
    T = Committee.__table__
    rows.add(T, {
        "id": cid, "chat_id": -(CHAT_BASE + cid), "title": f"BCĐ Chuyển đổi số phường {cid}",
        "tz_name": "Asia/Ho_Chi_Minh", "active": True, "last_task_number": n_tasks, "created_at": created,
        "remind_offsets": [3, 1, 0], "remind_time": "08:00", "quiet_start": "20:00", "quiet_end": "07:00",
        "overdue_every": 2, "overdue_max": 5, "escalate_after": 3, "summary_weekday": 0, "summary_time": "07:30",
    })
    people = []
    for k in range(PEOPLE_PER_COMMITTEE):
        pid = ids("people")
        people.append(pid)
        full_name = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"
        first, last, words = name_folds(full_name)  # Core inserts pass by the ORM event that keeps them
        rows.add(Person.__table__, {
            "id": pid, "tg_user_id": USER_BASE + pid, "username": f"canbo{pid}", "full_name": full_name,
            "name_first": first, "name_last": last, "name_words": words, "private_chat": k % 3 != 2,
            "blocked_bot": k == 9 and cid % 20 == 0,
        })
    chair, secretary = people[0], people[1]
    for pid, role in ((chair, "chair"), (secretary, "secretary")):
        rows.add(Role.__table__, {
            "id": ids("roles"), "committee_id": cid, "person_id": pid, "role": role, "granted_by": None,
            "granted_at": created,
        })
    units = []
    for u, name in enumerate(UNITS):
        uid = ids("units")
        units.append(uid)
        rows.add(Unit.__table__, {
            "id": uid, "committee_id": cid, "name": name, "norm_name": norm(name), "aliases": [], "active": True,
        })
        rows.add(UnitContact.__table__, {"id": ids("unit_contacts"), "unit_id": uid, "person_id": people[2 + u]})
    meetings = []
    for m in range(8):  # the last eight weekly giao ban
        held = today - timedelta(days=7 * m + 1)
        mid = ids("meetings")
        meetings.append((mid, held))
        rows.add(Meeting.__table__, {
            "id": mid, "committee_id": cid, "title": f"Giao ban tuần {held:%d/%m}", "held_on": held,
            "created_at": _at(held, 16), "created_by": secretary, "source_text": None,
        })
    span = 365  # a year of directives, the oldest first
    for number in range(1, n_tasks + 1):
        tid = ids("tasks")
        assigned = today - timedelta(days=span - (span * number) // max(n_tasks, 1))
        due = assigned + timedelta(days=rng.choice((3, 7, 10, 14, 21, 30, 45)))
        age = (today - assigned).days
        r = rng.random()
        if age > 30:
            status = "done" if r < 0.85 else "cancelled" if r < 0.9 else "open"
        else:
            status = "done" if r < 0.3 else "open"
        extensions = 1 if rng.random() < 0.08 else 0
        due_current = due + timedelta(days=7 * extensions)
        closed_on = min(today - timedelta(days=1), due_current + timedelta(days=rng.randint(-5, 3)))
        closed_on = max(closed_on, assigned)
        closed = status != "open"
        meeting_id = next((mid for mid, held in meetings if held == assigned), None)
        rows.add(Task.__table__, {
            "id": tid, "committee_id": cid, "number": number,
            "text": f"{rng.choice(WORK)} (đợt {number}), hoàn thành trước ngày {due:%d/%m/%Y}",
            "meeting_id": meeting_id, "created_by": chair if number % 2 else secretary,
            "created_at": _at(assigned, 9), "assigned_on": assigned, "deadline_kind": "date",
            "deadline_phrase": f"trước ngày {due:%d/%m/%Y}", "cadence": None, "due_original": due,
            "due_current": due_current, "urgent": rng.random() < 0.05, "status": status,
            "closed_at": _at(closed_on, 15) if closed else None, "closed_on": closed_on if closed else None,
            "closed_by": (chair if closed else None), "extension_count": extensions, "series_id": None,
            "source_message_id": 1000 + number,
        })
        lead_unit = rng.randrange(len(UNITS))
        by_person = rng.random() < 0.3
        lead_person = people[2 + lead_unit]
        rows.add(TaskAssignee.__table__, {
            "id": ids("task_assignees"), "task_id": tid, "role": "lead",
            "unit_id": None if by_person else units[lead_unit], "person_id": lead_person if by_person else None,
            "label": UNITS[lead_unit] if not by_person else f"Cán bộ {lead_person}",
        })
        if rng.random() < 0.4:
            other = (lead_unit + 1 + rng.randrange(len(UNITS) - 1)) % len(UNITS)
            rows.add(TaskAssignee.__table__, {
                "id": ids("task_assignees"), "task_id": tid, "role": "support", "unit_id": units[other],
                "person_id": None, "label": UNITS[other],
            })
        ev = TaskEvent.__table__
        rows.add(ev, {
            "id": ids("task_events"), "task_id": tid, "kind": "created", "actor_id": chair,
            "at": _at(assigned, 9), "note": None, "data": {"due": due.isoformat()},
        })
        if rng.random() < 0.5:
            rows.add(ev, {
                "id": ids("task_events"), "task_id": tid, "kind": "progress", "actor_id": lead_person,
                "at": _at(min(today, assigned + timedelta(days=2)), 10), "note": "Đã triển khai, đạt khoảng 50%",
                "data": {},
            })
        if extensions:
            rows.add(ev, {
                "id": ids("task_events"), "task_id": tid, "kind": "extended", "actor_id": chair,
                "at": _at(min(today, due), 11), "note": "Chờ số liệu của cấp trên",
                "data": {"due": due_current.isoformat()},
            })
        if closed:
            rows.add(ev, {
                "id": ids("task_events"), "task_id": tid, "kind": status, "actor_id": chair,
                "at": _at(closed_on, 15), "note": None, "data": {},
            })
        # Reminders: the ones already sent (before / on the due day), then the next one planned.
        rem = Reminder.__table__
        sent_days = [d for d in (due_current - timedelta(days=1), due_current) if assigned < d < today]
        if closed:
            sent_days = [d for d in sent_days if d <= closed_on]
        for d in sent_days:
            rows.add(rem, {
                "id": ids("reminders"), "committee_id": cid, "task_id": tid, "person_id": lead_person,
                "kind": "due" if d == due_current else "before", "local_day": d, "due_at": _at(d, 8),
                "status": "sent", "claimed_at": _at(d, 8), "claimed_by": "bench", "sent_at": _at(d, 8),
                "attempts": 1, "next_attempt_at": None, "last_error": None,
                "delivered_to_chat": USER_BASE + lead_person, "message_id": 5000 + number,
            })
        if not closed:
            # Open work: the next reminder planned from next week on (so that nothing is due while measured).
            nxt = max(due_current - timedelta(days=1), today + timedelta(days=7 + number % 5))
            rows.add(rem, {
                "id": ids("reminders"), "committee_id": cid, "task_id": tid, "person_id": lead_person,
                "kind": "overdue" if nxt > due_current else "before", "local_day": nxt, "due_at": _at(nxt, 8),
                "status": "pending", "claimed_at": None, "claimed_by": None, "sent_at": None, "attempts": 0,
                "next_attempt_at": None, "last_error": None, "delivered_to_chat": None, "message_id": None,
            })
            if rng.random() < 0.03:
                rows.add(ExtensionRequest.__table__, {
                    "id": ids("extension_requests"), "task_id": tid, "requested_by": lead_person,
                    "requested_at": _at(today - timedelta(days=1), 14), "new_due": due_current + timedelta(days=14),
                    "reason": "Đơn vị đang chờ hướng dẫn", "status": "pending", "decided_by": None, "decided_at": None,
                })
    # Weekly summaries: eight past weeks and this one sent, next week's planned.
    for weeks in range(-8, 2):
        day = today + timedelta(days=7 * weeks)
        week = iso_week_of(day)
        monday = day - timedelta(days=day.weekday())
        sent = weeks <= 0
        rows.add(SummaryRun.__table__, {
            "id": ids("summary_runs"), "committee_id": cid, "period": week_period(week),
            "due_at": _at(monday, 7, 30), "status": "sent" if sent else "pending",
            "claimed_at": _at(monday, 7, 30) if sent else None, "claimed_by": "bench" if sent else None,
            "sent_at": _at(monday, 7, 30) if sent else None, "attempts": 1 if sent else 0,
            "next_attempt_at": None, "last_error": None, "parts_sent": 1 if sent else 0,
        })


# Parents first (foreign keys are on in SQLite).
ORDER: tuple[Table, ...] = tuple(
    m.__table__  # type: ignore[misc]
    for m in (Committee, Person, Role, Unit, UnitContact, Meeting, Task, TaskAssignee, TaskEvent, Reminder,
              ExtensionRequest, SummaryRun)
)


def _chunks(committees: int) -> Iterator[range]:
    for start in range(1, committees + 1, CHUNK_COMMITTEES):
        yield range(start, min(start + CHUNK_COMMITTEES, committees + 1))


async def build(engine: AsyncEngine, committees: int, tasks: int, anchor: datetime, *, progress: bool = True) -> dict[
    str, int
]:
    """Migrate an empty database and fill it. Returns the row counts."""
    await upgrade_to_head(engine)
    rng = random.Random(6)
    ids = _Ids()
    today = anchor.astimezone(VN).date()
    created = anchor - timedelta(days=400)
    per, extra = divmod(tasks, committees)
    sqlite = is_sqlite(str(engine.url))
    for n, chunk in enumerate(_chunks(committees)):
        rows = _Rows()
        for cid in chunk:
            _committee_rows(rows, ids, rng, cid, per + (1 if cid <= extra else 0), today, created)
        async with engine.begin() as conn:
            for table in ORDER:
                batch = rows.by_table.get(table)
                if batch:
                    await conn.execute(insert(table), batch)
        if progress and n % 8 == 7:
            print(f"  ... {chunk.stop - 1:,} committees, {ids.next.get('tasks', 0):,} tasks", flush=True)
    async with engine.begin() as conn:
        if not sqlite:
            for table in ORDER:
                await conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 1) FROM {table.name}))"
                    )
                )
    return dict(ids.next)
