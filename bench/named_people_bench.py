"""«/giao anh Hùng …» as the people table grows: the name's look-up (handlers/named_people.named_member,
indexed by db/people_names.people_named) in a database of 1,000 people and of 100,000 (a province), and
the old way (every person the bot has seen read, then filtered in Python) on the same databases.

Run from the project root:
    python bench/named_people_bench.py [--small 1000] [--large 100000] [--rounds 30]
        [--database-url postgresql+asyncpg://user:pass@host:port/postgres]  (creates, then drops, its own databases)

Printed: time per look-up, and large/small as a ratio (the machine is noisy; ratios travel). The bounded
look-up should stay near 1; the old one grows with the table."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncSession  # noqa: E402
from telegram import ChatMember  # noqa: E402

from db import committees  # noqa: E402
from db.engine import create_engine, normalise_url, session_factory  # noqa: E402
from db.migrate import upgrade_to_head  # noqa: E402
from db.models import Person, Unit, UnitContact, name_folds  # noqa: E402
from handlers.named_people import named_member  # noqa: E402

CHAT = -1001
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
GIVEN = ("Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Huy", "Văn Hùng", "Hữu Nam", "Văn Hưng")


class _Group:
    async def get_chat_member(self, chat_id: int, user_id: int) -> Any:
        return SimpleNamespace(status=ChatMember.MEMBER if user_id == 1 else ChatMember.LEFT, is_member=True)


async def _fill(url: str, people: int) -> Any:
    engine = create_engine(url)
    await upgrade_to_head(engine)
    sessions = session_factory(engine)
    async with sessions() as s, s.begin():
        from datetime import UTC, datetime

        committee = await committees.ensure_committee(s, CHAT, "BCĐ", datetime.now(UTC), "Asia/Ho_Chi_Minh")
        hung = await committees.ensure_person(s, 1, "hung_vp", "Hùng Trần Văn")
        unit = Unit(committee_id=committee.id, name="Văn phòng", norm_name="van phong", aliases=[])
        s.add(unit)
        await s.flush()
        s.add(UnitContact(unit_id=unit.id, person_id=hung.id))
    rows = []
    for k in range(people):  # other wards' people: one in nine a «Hùng», one in nine a «Hưng»
        name = f"{FAMILY[k % len(FAMILY)]} {GIVEN[(k // 7) % len(GIVEN)]}"
        first, last, words = name_folds(name)
        rows.append({"tg_user_id": 10 + k, "username": f"u{k}", "full_name": name, "private_chat": False,
                     "blocked_bot": False, "name_first": first, "name_last": last, "name_words": words})
    async with sessions() as s, s.begin():
        for i in range(0, len(rows), 5000):
            await s.execute(insert(Person), rows[i : i + 5000])
    return engine


async def _old_way(session: AsyncSession) -> int:
    """What handlers/named_people read before: every person known to Telegram."""
    return len(list(await session.scalars(select(Person).where(Person.tg_user_id.is_not(None)))))


async def _time(engine: Any, rounds: int, old: bool) -> float:
    sessions = session_factory(engine)
    times = []
    for _ in range(rounds):
        async with sessions() as s:
            t = time.perf_counter()
            if old:
                await _old_way(s)
            else:
                hit = await named_member(s, _Group(), CHAT, "anh Hùng làm báo cáo")  # type: ignore[arg-type]
                assert hit is not None and hit[1].tg_user_id == 1
            times.append(time.perf_counter() - t)
    return statistics.median(times)


async def _database(admin: str | None, tmp: Path, tag: str) -> tuple[str, Any]:
    if admin is None:
        return f"sqlite:///{tmp / (tag + '.db')}", None
    import asyncpg

    url = make_url(normalise_url(admin))
    name = "bench_np_" + uuid.uuid4().hex[:8]
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(dsn)
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return url.set(database=name).render_as_string(hide_password=False), (dsn, name)


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--database-url")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result: dict[str, dict[int, float]] = {"indexed": {}, "old": {}}
        for size in (args.small, args.large):
            url, drop = await _database(args.database_url, Path(tmp), f"p{size}")
            engine = await _fill(url, size)
            if drop is not None:  # statistics for the planner, as autovacuum would have them
                async with engine.begin() as conn:
                    await conn.exec_driver_sql("ANALYZE people")
            await _time(engine, 3, old=False)  # warm
            result["indexed"][size] = await _time(engine, args.rounds, old=False)
            result["old"][size] = await _time(engine, max(3, args.rounds // 5), old=True)
            await engine.dispose()
            if drop is not None:
                import asyncpg

                conn = await asyncpg.connect(drop[0])
                await conn.execute(f'DROP DATABASE "{drop[1]}" WITH (FORCE)')
                await conn.close()
    kind = "PostgreSQL" if args.database_url else "SQLite"
    for way, label in (("indexed", "look-up by index (now)"), ("old", "every person read (before)")):
        small, large = result[way][args.small], result[way][args.large]
        print(f"{kind} {label}: {small * 1000:.2f} ms at {args.small:,} people, {large * 1000:.2f} ms at "
              f"{args.large:,}: ratio {large / small:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
