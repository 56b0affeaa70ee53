"""«/giao anh Hùng …» in a province's database: the holders of a name are found through indexed columns
of `people` (db/people_names.py), not by reading every person the bot has seen; the committee's own people
still come first and only five holders are asked of Telegram (handlers/named_people)."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import ChatMember

from db import committees, units
from db.models import Person, UnitContact, name_folds
from db.people_names import people_named
from handlers.named_people import named_member
from tests.conftest import using_postgres
from tests.db.test_schema_rollback import _alembic, _differences

NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)
CHAT = -1001


class _Group:
    """getChatMember: who is in the group; every call is counted."""

    def __init__(self, members: set[int]) -> None:
        self.members, self.asked = members, []  # type: ignore[var-annotated]

    async def get_chat_member(self, chat_id: int, user_id: int) -> Any:
        self.asked.append(user_id)
        status = ChatMember.MEMBER if user_id in self.members else ChatMember.LEFT
        return SimpleNamespace(status=status, is_member=user_id in self.members)


async def _province(sessions: async_sessionmaker[AsyncSession], others: int) -> int:
    """This ward's committee with its office contact «Hùng Trần Văn» (Telegram id 1), and `others`
    people of other wards: every fifth a «Hưng» (folds as «hung»), the rest of other names."""
    async with sessions() as s, s.begin():
        committee = await committees.ensure_committee(s, CHAT, "BCĐ Phường 1", NOW, "Asia/Ho_Chi_Minh")
        hung = await committees.ensure_person(s, 1, "hung_vp", "Hùng Trần Văn")
        office = await units.add_unit(s, committee.id, "Văn phòng", [])
        s.add(UnitContact(unit_id=office.id, person_id=hung.id))
        rows = []
        for k in range(others):
            name = f"Hưng Nguyễn {k}" if k % 5 == 0 else f"Lan Lê {k}"
            first, last, words = name_folds(name)
            rows.append({"tg_user_id": 1000 + k, "username": f"u{k}", "full_name": name, "private_chat": False,
                         "blocked_bot": False, "name_first": first, "name_last": last, "name_words": words})
        await s.execute(insert(Person), rows)
    return hung.id


async def test_a_name_is_looked_up_without_reading_every_person(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Before: all 600 people of the province were read for one «/giao anh Hùng …»."""
    hung_id = await _province(sessions, 600)
    loaded: list[int] = []

    def count(target: Person, _context: Any) -> None:
        loaded.append(target.id)

    event.listen(Person, "load", count)
    try:
        group = _Group({1})
        async with sessions() as s:
            hit = await named_member(s, group, CHAT, "anh Hùng làm báo cáo trước thứ 6")  # type: ignore[arg-type]
    finally:
        event.remove(Person, "load", count)
    assert hit is not None and hit[1].id == hung_id  # the office's contact, as before
    assert group.asked == [1]  # the committee's own Hùng is asked first, and he answers
    assert len(loaded) <= 1 + 50, len(loaded)


async def test_other_wards_holders_are_read_at_most_fifty_and_five_asked(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """«Hưng» of other wards (120 of them) fold like «Hung» written without diacritics: at most fifty are
    read and five asked; none is in this group, so the name is not taken for anyone of them."""
    await _province(sessions, 600)
    group = _Group({1})
    async with sessions() as s:
        hit = await named_member(s, group, CHAT, "chị Hưng làm báo cáo")  # type: ignore[arg-type]
    assert hit is None
    assert len(group.asked) == 5 and 1 not in group.asked


async def test_the_name_columns_are_indexed(engine: AsyncEngine) -> None:
    def indexed(conn: Connection) -> set[str]:
        return {c for ix in inspect(conn).get_indexes("people") for c in ix["column_names"]}

    async with engine.connect() as conn:
        assert {"name_first", "name_last", "name_words"} <= await conn.run_sync(indexed)


async def test_sqlite_reads_a_names_holders_from_the_index_without_sorting_them(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Each query of db.people_names.people_named searches an index and reads it in order: neither a scan
    of the table nor a sort of every holder of a common name."""
    if using_postgres():
        return  # PostgreSQL's planner reads a table this small whole; the indexes are checked above
    await _province(sessions, 50)
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if "FROM people" in statement and "name_" in statement.split("WHERE")[-1]:
            statements.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", keep)
    try:
        async with sessions() as s:
            await people_named(s, "Hùng", leave_out={1})
            await people_named(s, "Trần Văn Hùng", leave_out=set())
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", keep)
    assert len(statements) == 3  # first word, last word; all words
    async with engine.connect() as conn:
        for statement, parameters in statements:
            plan = (await conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)).all()
            details = " | ".join(str(row[-1]) for row in plan)
            assert "USING INDEX ix_people_name_" in details and "TEMP B-TREE" not in details, details


async def test_a_renamed_person_is_found_by_the_new_name(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        await committees.ensure_committee(s, CHAT, "BCĐ Phường 1", NOW, "Asia/Ho_Chi_Minh")
        await committees.ensure_person(s, 7, "mai", "Mai Lê")
    async with sessions() as s, s.begin():
        await committees.ensure_person(s, 7, "mai", "Mai Đỗ Thị")
    async with sessions() as s:
        person = await s.scalar(text("SELECT name_words FROM people WHERE tg_user_id = 7"))
    assert person == "do mai thi"


async def test_migration_0010_fills_the_names_of_people_already_stored_and_goes_down(engine: AsyncEngine) -> None:
    """A database of the release before (0009): its people are found by name after the upgrade; the
    downgrade drops the columns and keeps the people."""
    assert await _alembic(engine, "downgrade", "0009") == "0009"
    async with engine.begin() as conn:
        await conn.execute(text(
            "INSERT INTO people (tg_user_id, username, full_name, private_chat, blocked_bot) "
            "VALUES (1, 'hung_vp', 'Hùng Trần Văn', false, false), (2, NULL, '', false, false)"
        ))
    assert await _alembic(engine, "upgrade", "head") == "0011"  # qa15: 0011 departures came after
    async with engine.connect() as conn:
        rows = (await conn.execute(text(
            "SELECT tg_user_id, name_first, name_last, name_words FROM people ORDER BY tg_user_id"
        ))).all()
        assert await conn.run_sync(_differences) == []
    assert [tuple(r) for r in rows] == [(1, "hung", "van", "hung tran van"), (2, None, None, None)]

    assert await _alembic(engine, "downgrade", "0009") == "0009"
    async with engine.connect() as conn:
        columns = await conn.run_sync(lambda c: {col["name"] for col in inspect(c).get_columns("people")})
        count = (await conn.execute(text("SELECT count(*) FROM people"))).scalar()
    assert "name_first" not in columns and count == 2
