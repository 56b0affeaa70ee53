"""Two instances on PostgreSQL; one dies (kill -9) while it sends a reminder whose task is re-planned
meanwhile. The live one sends that day's reminder — once.

The re-plan (the chair edits the task's text) turns the row being sent into `superseded` and plans
Lan's next reminder for Tuesday, counting on Friday's send. The sender then dies before Telegram
took the message. On SQLite a restart puts such rows back; with several instances on PostgreSQL
nobody restarts alone: the live instance puts back the rows of an instance whose heartbeat went
stale and whose claim is older than the claim lease (jobs/instances.py), and sends Friday's reminder.
Before, Lan got nothing on Friday.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import create_engine
from db.models import Reminder
from emulator import Emulator, World, text_mention
from tests.replication.cluster import SEVERAL_INSTANCES, SharedClock, at, instances, until, until_db, until_listening

pytestmark = SEVERAL_INSTANCES


async def test_a_dead_instances_superseded_reminder_is_sent_once_by_the_live_one(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BEAT_EVERY", "2")  # dead after three missed beats: 6 s, not 30
    clock = SharedClock(at(2026, 11, 23, 9), tmp_path / "clock.txt")
    world = World(clock=clock)
    chair = world.add_user("Trưởng", "Nguyễn", username="chair_0")
    lan = world.add_user("Lan", "Trần")
    group = world.add_group("BCĐ Chuyển đổi số xã 0", creator=chair, members=[lan])
    engine = create_engine(database_url)
    async with (
        Emulator(world, http_webhooks=True, strict=True) as emu,
        instances(2, emu=emu, database_url=database_url, clock_file=clock.path, logs=tmp_path) as (running, _lb),
    ):
        await until_listening(running, world)

        def said(marker: str, chat: object = group) -> Callable[[], bool]:
            return lambda: any(marker in m.plain for m in world.bot_messages(chat))

        world.start_private(lan)  # Lan opened a chat with the bot: reminded there
        await until(lambda: bool(world.bot_messages(lan)), "the answer to /start", running, world)
        world.send_text(chair, group, ["/giao ", text_mention(lan), " lập báo cáo mã HS01 trước ngày 2/12"])
        await until(said("HS01"), "the task logged", running, world)
        # Lan is told of her new task at once, privately (handlers/new_tasks.py): that message is out
        # before the fault below holds the next send to her, which must be the reminder.
        await until(said("HS01", lan), "Lan told of her new task", running, world)

        # Friday 27/11 08:00: Lan's reminder (3 working days before Wednesday 2/12) is claimed by one
        # instance, whose send Telegram holds (never answered: the sender dies first).
        held = emu.faults.hold(methods=["sendMessage"], chats=[lan.id], times=1)
        cursor = world.cursor()
        clock.set(at(2026, 11, 27, 8, 0))
        await until(lambda: held.injected == 1, "Lan's reminder on its way", running, world)
        async with engine.connect() as conn:
            holder = await conn.scalar(select(Reminder.claimed_by).where(Reminder.status == "claimed"))
        [dead] = [i for i in running if f"instance {holder} started" in i.output()]
        [alive] = [i for i in running if i is not dead]

        # The chair gives the task again (to Lan) meanwhile: it is re-planned, the row in flight
        # superseded, Lan's next reminder planned for Tuesday.
        answers = len(world.bot_messages(group))
        world.send_text(chair, group, ["/sua 1 giao ", text_mention(lan)])
        await until(lambda: len(world.bot_messages(group)) > answers, "the edit answered", running, world)
        assert "#1" in world.bot_messages(group)[answers].plain

        async def superseded() -> bool:
            async with engine.connect() as conn:
                return bool(await conn.scalar(
                    select(func.count()).select_from(Reminder).where(Reminder.status == "superseded")))

        await until_db(superseded, "the reminder in flight superseded")
        dead.process.kill()  # kill -9: the send never completes (Telegram never answers it)
        await dead.process.wait()

        # Past the claim lease (5 minutes on the bots' clock); the dead one's heartbeat goes stale.
        clock.set(at(2026, 11, 27, 8, 6))

        def reminded() -> list[str]:
            return [e.message.plain for e in world.events[cursor:]
                    if e.kind == "sent" and e.message.chat.id == lan.id and "HS01" in e.message.plain]

        await until(lambda: reminded(), "Lan's Friday reminder from the live instance", [alive], world)

        async def settled() -> bool:
            async with engine.connect() as conn:
                rows = (await conn.execute(select(Reminder.status, Reminder.local_day))).all()
            return {s for s, _ in rows} <= {"sent", "pending"}

        await until_db(settled, "the outbox settled")
        [text] = reminded()
        assert "Nhắc việc" in text and "còn 5 ngày" in text  # Friday's (Wednesday 2/12 is 5 days away)
        async with engine.connect() as conn:
            rows = sorted((await conn.execute(select(Reminder.local_day, Reminder.status))).all())
        lan_days = [(str(day), status) for day, status in rows]
        # Friday's sent (by the live one), Tuesday's next; the chair's escalation after the deadline.
        assert ("2026-11-27", "sent") in lan_days and ("2026-12-01", "pending") in lan_days
        assert [s for _, s in lan_days].count("sent") == 1
        assert "put back 1 reminders" in alive.output()
    await engine.dispose()
    assert held.injected == 1
