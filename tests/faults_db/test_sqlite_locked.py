"""SQLite locked by another writer while people send commands and the dispatcher runs.

The lock is real: another connection holds SQLite's write lock (BEGIN IMMEDIATE) for longer than
the bot's busy timeout (0.2 s here instead of 5 s, so that the test does not wait). Every command
is answered — done, or T.DB_BUSY ("thử lại sau") — and the database holds whole operations only.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bot import texts as T
from db.models import Reminder, SummaryRun, Task
from db.summaries import ensure_summary_runs
from emulator import User, text_mention
from jobs.dispatcher import dispatch_once
from jobs.ratelimit import unlimited
from jobs.runtime import DispatchRuntime
from tests.conftest import using_postgres
from tests.e2e.conftest import Env
from tests.faults_db.conftest import (
    SqliteLock,
    bot_env,
    check_consistency,
    command,
    committee,
    reminder_messages,
    tick,
)

pytestmark = pytest.mark.skipif(using_postgres(), reason="SQLite's write lock; the PostgreSQL pass restarts a server")

VN = ZoneInfo("Asia/Ho_Chi_Minh")
BUSY_TIMEOUT = 0.2


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN).astimezone(UTC)


def lock_when_sent(env: Env, lock: SqliteLock, monkeypatch: pytest.MonkeyPatch, prefix: str) -> None:
    """Another writer takes the lock as soon as the bot's message starting with `prefix` reaches
    Telegram: the bot is between its send and its record, no transaction open."""
    record = env.world.record

    def lock_when_it_arrives(kind: str, message: object) -> None:
        record(kind, message)  # type: ignore[arg-type]
        if kind == "sent" and message.plain.startswith(prefix) and not lock.held:  # type: ignore[attr-defined]
            lock.acquire_now()

    monkeypatch.setattr(env.world, "record", lock_when_it_arrives)


def released_after(lock: SqliteLock, attempts: int) -> tuple[list[float], DispatchRuntime]:
    """A dispatcher whose sleep (its back-off) lets the other writer finish after `attempts` waits;
    the waits are recorded."""
    waits: list[float] = []

    async def backoff(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == attempts:
            await lock.release()

    return waits, DispatchRuntime.create("t", limiter=unlimited(), sleep=backoff)


@pytest.fixture
async def locked_env(database_url: str) -> AsyncIterator[tuple[Env, SqliteLock]]:
    async with bot_env(database_url, db_busy_timeout=BUSY_TIMEOUT) as env:
        lock = SqliteLock(str(make_url(database_url).database))
        try:
            yield env, lock
        finally:
            lock.close()


async def test_commands_while_locked_answer_retry_later_and_save_nothing(
    locked_env: tuple[Env, SqliteLock],
) -> None:
    env, lock = locked_env
    chair, binh, group = await committee(env)
    first = await command(env, chair, group, ["/giao ", text_mention(binh), " soạn báo cáo quý trước 15/12"])
    assert "#1" in first.plain
    await command(env, chair, group, ["/giao ", text_mention(binh), " rà soát hồ sơ trước 2/12"])
    before = await check_consistency(env.sessions)
    assert before.tasks == 2 and before.problems == []

    await lock.acquire()
    busy = await command(env, chair, group, ["/giao ", text_mention(binh), " kiểm tra camera trước 10/12"])
    assert busy.plain == T.DB_BUSY
    assert "thử lại sau" in busy.plain
    assert (await command(env, binh, group, "/xong 1 đã nộp")).plain == T.DB_BUSY
    # A button under the lock: the alert says the same.
    undo = await env.press(chair, first, "↩️ Hoàn tác")
    assert undo.show_alert and undo.answer_text == T.DB_BUSY  # type: ignore[attr-defined]
    # Reading needs no write lock (WAL): /xem answers normally, or says to try again; never silence.
    seen = await command(env, binh, group, "/xem 1")
    assert "soạn báo cáo quý" in seen.plain or seen.plain == T.DB_BUSY
    # The dispatcher wakes at the moment task #2 is due to be reminded: it cannot claim; it tries later.
    env.clock.set(at(2026, 11, 27, 8))
    await tick(env)
    assert reminder_messages(env.world, binh) == []

    after = await check_consistency(env.sessions)
    assert after.tasks == 2 and after.problems == []
    assert (await env.task(1, group)).status == "open"
    await lock.release()

    # Without a restart of the bot, the same commands now work, and the reminder goes out once.
    again = await command(env, chair, group, ["/giao ", text_mention(binh), " kiểm tra camera trước 10/12"])
    assert "#3" in again.plain
    assert "đã hoàn thành" in (await command(env, binh, group, "/xong 1 đã nộp")).plain
    await tick(env)
    await tick(env)
    [reminder] = reminder_messages(env.world, binh)
    assert "#2" in reminder.plain
    final = await check_consistency(env.sessions)
    assert final.tasks == 3 and final.problems == []


async def test_a_reminder_sent_just_before_the_lock_is_recorded_once_the_lock_goes(
    locked_env: tuple[Env, SqliteLock], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telegram accepted the reminder; then another writer takes the lock before the bot records it.
    The record is retried (jobs/dbretry.py) instead of being dropped — a dropped record would leave
    the row claimed, and after the lease the reminder would go out a second time."""
    env, lock = locked_env
    chair, binh, group = await committee(env)
    await command(env, chair, group, ["/giao ", text_mention(binh), " rà soát hồ sơ trước 2/12"])

    lock_when_sent(env, lock, monkeypatch, "⏰")
    waits, runtime = released_after(lock, 2)
    env.clock.set(at(2026, 11, 27, 8))
    stats = await dispatch_once(env.services, env.app.bot, env.clock.now(), runtime)  # type: ignore[arg-type]
    assert stats.messages_sent == 1 and len(waits) == 2  # two attempts met the lock; the third wrote
    monkeypatch.undo()

    async with env.sessions() as s:
        statuses = sorted(r.status for r in await s.scalars(select(Reminder)))
    assert "claimed" not in statuses and "sent" in statuses
    # Past the claim lease, nothing is sent again.
    env.clock.set(at(2026, 11, 27, 8, 10))
    await dispatch_once(env.services, env.app.bot, env.clock.now(), runtime)  # type: ignore[arg-type]
    await env.idle()
    assert len(reminder_messages(env.world, binh)) == 1
    assert (await check_consistency(env.sessions)).problems == []


async def test_a_summary_part_sent_just_before_the_lock_is_recorded_once_the_lock_goes(
    locked_env: tuple[Env, SqliteLock], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same for the Monday summary: posted, then the lock; the part is recorded after it."""
    env, lock = locked_env
    chair, binh, group = await committee(env)
    await command(env, chair, group, ["/giao ", text_mention(binh), " rà soát hồ sơ trước 2/12"])
    lock_when_sent(env, lock, monkeypatch, "📊")
    waits, runtime = released_after(lock, 3)
    env.clock.set(at(2026, 11, 30, 7, 30))  # Monday
    async with env.sessions() as s, s.begin():
        await ensure_summary_runs(s, env.clock.now())
    stats = await dispatch_once(env.services, env.app.bot, env.clock.now(), runtime)  # type: ignore[arg-type]
    assert stats.summaries_sent == 1 and len(waits) == 3
    monkeypatch.undo()
    env.clock.set(at(2026, 11, 30, 7, 45))  # past the claim lease
    await dispatch_once(env.services, env.app.bot, env.clock.now(), runtime)  # type: ignore[arg-type]
    await env.idle()
    assert len([m for m in env.world.bot_messages(group) if m.plain.startswith("📊")]) == 1
    async with env.sessions() as s:
        assert list(await s.scalars(select(SummaryRun.status).where(SummaryRun.status != "pending"))) == ["sent"]


@pytest.mark.slow
async def test_random_lock_contention_under_concurrent_commands_and_the_dispatcher(
    locked_env: tuple[Env, SqliteLock],
) -> None:
    """Another writer takes the lock at random moments for random spans (often longer than the
    busy timeout) while five people send commands in three groups and the dispatcher runs through
    twelve days. Each command's answer says what happened, and the database agrees with it.
    (Sized to stay under Telegram's 20 messages a minute per group, which the bot respects.)"""
    env, lock = locked_env
    rng = random.Random(6)
    chair, binh, group = await committee(env)
    an = env.world.add_user("An", "Phạm")
    env.world.add_member(group, an)
    chairs = {group.id: chair}
    groups = [group]
    for name, title in (("Hùng", "BCĐ An toàn thực phẩm"), ("Mai", "BCĐ Cải cách hành chính")):
        other_chair = env.world.add_user(name, "Võ")
        other = env.world.add_group(title, creator=other_chair, members=[binh, an])
        chairs[other.id] = other_chair
        groups.append(other)
    await env.idle()

    stop = asyncio.Event()

    async def other_writer() -> None:
        while not stop.is_set():
            await asyncio.sleep(rng.uniform(0.0, 0.15))
            await lock.acquire()
            await asyncio.sleep(rng.choice([0.1, 0.3, 0.6]))
            await lock.release()

    async def dispatcher() -> None:
        for _ in range(12):
            if stop.is_set():
                return
            env.advance(days=1)
            await tick(env, settle=False)
            await asyncio.sleep(0.3)

    outcomes = {"saved": 0, "busy": 0}
    created: dict[str, bool] = {}  # directive text -> the bot said it was saved
    closed: set[tuple[int, int]] = set()  # (group id, number) the bot said it closed

    async def person(actor: User) -> None:
        own = [g for g in groups if chairs[g.id] is actor]
        for i in range(6):
            if own:
                label = f"việc {actor.first_name} {i}"
                giao = ["/giao ", text_mention(rng.choice([binh, an])), f" {label} trước {rng.randint(27, 30)}/11"]
                answer = await command(env, actor, own[0], giao, settle=False, wait=60)
                if answer.plain == T.DB_BUSY:
                    outcomes["busy"] += 1
                    created.setdefault(label, False)
                else:
                    assert "Chủ trì" in answer.plain, answer.plain
                    outcomes["saved"] += 1
                    created[label] = True
            else:
                chat, number = rng.choice(groups), rng.randint(1, 4)
                answer = await command(env, actor, chat, f"/xong {number}", settle=False, wait=60)
                if answer.plain == T.DB_BUSY:
                    outcomes["busy"] += 1
                else:
                    outcomes["saved"] += 1
                    if "đã hoàn thành" in answer.plain:
                        closed.add((chat.id, number))

    background = [asyncio.create_task(other_writer()), asyncio.create_task(dispatcher())]
    try:
        await asyncio.gather(*(person(p) for p in [*chairs.values(), binh, an]))
    finally:
        stop.set()
        await asyncio.gather(*background)
        await lock.release()
    await env.idle()

    consistency = await check_consistency(env.sessions)
    assert consistency.problems == []
    async with env.sessions() as s:
        texts = list(await s.scalars(select(Task.text)))
    for label, saved in created.items():
        stored = sum(1 for t in texts if re.search(rf"\b{re.escape(label)}\b", t))
        assert stored == (1 if saved else 0), (label, saved, stored)
    for chat_id, number in closed:
        assert (await env.task(number, env.world.chat(chat_id))).status == "done"  # type: ignore[arg-type]
    assert outcomes["busy"] > 0 and outcomes["saved"] > 0, outcomes  # the lock really bit, and let go
    # Every reminder Telegram accepted is recorded as sent (none lost to the lock, none sent twice).
    async with env.sessions() as s:
        recorded = {
            (chat, msg)
            for chat, msg in await s.execute(
                select(Reminder.delivered_to_chat, Reminder.message_id).where(Reminder.status == "sent")
            )
        }
    delivered = {(m.chat.id, m.message_id) for c in (binh, an, *groups) for m in reminder_messages(env.world, c)}
    assert delivered == recorded
    print(
        f"\nlock contention: {outcomes['saved']} commands done, {outcomes['busy']} answered 'thử lại sau', "
        f"{len(delivered)} reminder messages, {consistency.tasks} tasks, {len(closed)} closed"
    )


async def test_the_engine_waits_a_bounded_time_in_wal_mode(database_url: str) -> None:
    """WAL (readers never wait for a writer) and a busy timeout: 5 s by default — long enough for
    any write of ours to finish, short enough that the bot (one update at a time) never stalls long."""
    from sqlalchemy import text

    from bot.settings import Settings
    from db.engine import create_engine

    assert Settings().db_busy_timeout == 5.0
    for timeout, expected in ((5.0, 5000), (BUSY_TIMEOUT, 200)):
        engine = create_engine(database_url, busy_timeout=timeout)
        try:
            async with engine.connect() as conn:
                assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
                assert (await conn.execute(text("PRAGMA busy_timeout"))).scalar() == expected
        finally:
            await engine.dispose()
