"""Two bot instances on one PostgreSQL database, as in a replicated deployment.

Each instance is a separate process running `nhacviec run --webhook` (tests/replication/instance.py:
bot.cli.run_bot with a clock read from a file). In front of them a round-robin load balancer, like
nginx's `upstream`; the Bot API emulator pushes every update to the load balancer's URL registered
by setWebhook, with the secret token (tests/replication/cluster.py). Both instances run the reminder
dispatcher (every 0.2 s) and the weekly-summary planner (every second) at the same time; their claims
race on the same rows (FOR UPDATE SKIP LOCKED). What the users see must be as if one bot ran: every
command answered once, every reminder and every Monday summary sent once; and when one instance is
killed, the other answers what the balancer could not deliver to it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import aiohttp
from sqlalchemy import func, select

from db.engine import create_engine
from db.models import Committee, Person, Reminder, SummaryRun, Task
from emulator import Chat, Emulator, User, World, text_mention
from tests.replication.cluster import (
    SECRET_HEADER,
    SECRET_PATH,
    SECRET_TOKEN,
    SEVERAL_INSTANCES,
    WAIT,
    SharedClock,
    at,
    instances,
    quiescent,
    until,
    until_db,
    until_listening,
)

pytestmark = SEVERAL_INSTANCES

GROUPS = 4
TASKS_PER_GROUP = 6  # 2 given one by one (people and committee created), 4 in a burst
SUMMARY_TITLE = "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"


def texts_since(world: World, cursor: int) -> list[tuple[int, str]]:
    return [(e.message.chat.id, e.message.plain) for e in world.events[cursor:] if e.kind == "sent"]


async def test_two_instances_answer_remind_and_summarise_exactly_once(database_url: str, tmp_path: Path) -> None:
    clock = SharedClock(at(2026, 11, 23, 9), tmp_path / "clock.txt")
    world = World(clock=clock)
    engine = create_engine(database_url)
    async with (
        Emulator(world, http_webhooks=True, strict=True) as emu,  # Telegram's flood limits on
        instances(2, emu=emu, database_url=database_url, clock_file=clock.path, logs=tmp_path) as (running, lb),
    ):
        # Both started and listen: below every push is taken the first time.
        await until_listening(running, world)
        assert world.webhook_url == f"{lb.url}/{SECRET_PATH}"
        assert world.webhook_secret == SECRET_TOKEN

        # --- commands: set up committees one command at a time, then a burst spread over both.
        groups: list[tuple[Chat, User, list[User]]] = []
        for g in range(GROUPS):
            chair = world.add_user(f"Trưởng{g}", "Nguyễn", username=f"chair_{g}")
            people = [world.add_user(f"Cán bộ{g}{k}", "Trần") for k in range(2)]
            for p in people:
                world.start_private(p, send_start=False)
            group = world.add_group(f"BCĐ Chuyển đổi số xã {g}", creator=chair, members=people)
            groups.append((group, chair, people))

        def giao(g: int, i: int) -> str:
            group, chair, people = groups[g]
            text = ["/giao ", text_mention(people[i % 2]), f" lập báo cáo mã HS{g}x{i} trước ngày 2/12"]
            world.send_text(chair, group, text)
            return f"HS{g}x{i}"

        def answered(marker: str) -> Callable[[], bool]:
            return lambda: any(marker in m.plain for m in world.bot_messages())

        markers: list[str] = []
        for g in range(GROUPS):
            for i in range(2):
                markers.append(giao(g, i))
                await until(answered(markers[-1]), f"answer to {markers[-1]}", running, world)
        cursor = world.cursor()
        burst = [giao(g, i) for i in range(2, TASKS_PER_GROUP) for g in range(GROUPS)]
        markers += burst
        await until(lambda: all(answered(m)() for m in burst), "answers to the burst", running, world)
        await world.wait_idle(timeout=WAIT, settle=0.5)
        answers = Counter(m for _, text in texts_since(world, 0) for m in markers if m in text)
        assert answers == dict.fromkeys(markers, 1), "every /giao answered exactly once"
        assert all(n > 0 for n in lb.forwarded.values()) and len(lb.forwarded) == 2, lb.forwarded
        assert not world.webhook_refusals, "every push with the secret token was taken"
        async with engine.connect() as conn:
            per_committee = (
                await conn.execute(select(Task.committee_id, func.count()).group_by(Task.committee_id))
            ).all()
        assert sorted(n for _, n in per_committee) == [TASKS_PER_GROUP] * GROUPS

        # --- an update without the secret token, or with a wrong one, is refused by each instance.
        forged = {"update_id": 1, "message": {"message_id": 999, "date": 0, "text": "/giao mã GIẢMẠO",
                                               "chat": {"id": groups[0][0].id, "type": "group", "title": "x"},
                                               "from": {"id": groups[0][1].id, "is_bot": False, "first_name": "X"}}}
        async with aiohttp.ClientSession() as http:
            for inst in running:
                for headers in ({}, {SECRET_HEADER: "wrong"}):
                    async with http.post(f"{inst.url}/{SECRET_PATH}", json=forged, headers=headers) as r:
                        assert r.status == 403
                async with http.post(f"{inst.url}/wrong-path", json=forged, headers={SECRET_HEADER: SECRET_TOKEN}) as r:
                    assert r.status == 404
        await world.wait_idle(timeout=WAIT, settle=0.3)
        assert not any("GIẢMẠO" in text for _, text in texts_since(world, cursor))

        # --- reminders: Friday 27/11 08:00, three working days before the deadline.
        cursor = world.cursor()
        clock.set(at(2026, 11, 27, 8, 0))

        def reminded(marker: str) -> bool:
            return any(marker in text and "Nhắc việc" in text for _, text in texts_since(world, cursor))

        await until(lambda: all(reminded(m) for m in markers), "every reminder", running, world)
        await quiescent(engine, clock)
        await world.wait_idle(timeout=WAIT, settle=0.3)
        reminders = Counter(m for _, text in texts_since(world, cursor) for m in markers if m in text)
        assert reminders == dict.fromkeys(markers, 1), "every reminder sent exactly once"

        # --- the Monday summary: both planners planned it, both dispatchers race to send it.
        async def planned() -> bool:
            async with engine.connect() as conn:
                runs = await conn.scalar(
                    select(func.count()).select_from(SummaryRun).where(SummaryRun.period == "2026-W49")
                )
            return runs == GROUPS

        await until_db(planned, "the planners to plan next Monday's summaries")
        cursor = world.cursor()
        clock.set(at(2026, 11, 30, 7, 30))
        group_ids = {g.id for g, _, _ in groups}

        def summaries() -> Counter[int]:
            return Counter(chat for chat, text in texts_since(world, cursor) if SUMMARY_TITLE in text)

        await until(lambda: set(summaries()) == group_ids, "every Monday summary", running, world)
        await quiescent(engine, clock)
        await world.wait_idle(timeout=WAIT, settle=0.3)
        assert summaries() == dict.fromkeys(group_ids, 1), "every Monday summary sent exactly once"

        # --- membership (tests/e2e/memberkit.py replays more of it under API faults): in group 0 a member
        # leaves while the bot is there; in group 1 one leaves while the bot is out, and the bot is added
        # back — its membership check (jobs/membership_check.py, a job on whichever instance took the
        # re-add) finds the departure — and the chair writes at once. Each departure is told once, the
        # command answered once, and no reminder is left waiting for the two who left.
        (g0, _chair0, people0), (g1, chair1, people1) = groups[0], groups[1]
        leavers = {people0[0].id, people1[1].id}
        cursor = world.cursor()
        world.remove_member(g0, people0[0])
        world.remove_bot(g1, by=chair1)

        async def paused() -> bool:
            async with engine.connect() as conn:
                return not await conn.scalar(select(Committee.active).where(Committee.chat_id == g1.id))

        await until_db(paused, "the bot's removal from group 1 to be stored")
        world.remove_member(g1, people1[1])  # the bot is out: nobody tells it
        world.add_bot(g1, by=chair1)
        world.send_text(chair1, g1, "/ds")

        def told(chat: Chat) -> list[str]:
            return [text for c, text in texts_since(world, cursor) if c == chat.id and "đã rời nhóm" in text]

        await until(lambda: any(c == g1.id and "HS1x0" in t and "Nhắc việc" not in t
                                for c, t in texts_since(world, cursor)), "/ds after the re-add", running, world)
        await until(lambda: told(g0) and told(g1), "both departures told", running, world)
        await world.wait_idle(timeout=WAIT, settle=0.5)
        assert [("Cán bộ00" in t) for t in told(g0)] == [True], told(g0)
        assert [("Cán bộ11" in t) for t in told(g1)] == [True], told(g1)
        listings = [t for c, t in texts_since(world, cursor) if c == g1.id and "HS1x0" in t]
        assert len(listings) == 1, listings

        # Their reminders are taken off the outbox (what both dispatchers read): none waits for them.
        # (Sending the next day's reminders here would cost half a minute: the tasks they leave behind
        # are reminded in the group, at Telegram's 20 a minute.)
        async with engine.connect() as conn:
            waiting = await conn.scalar(
                select(func.count()).select_from(Reminder).join(Person, Person.id == Reminder.person_id).where(
                    Person.tg_user_id.in_(leavers), Reminder.status.in_(("pending", "claimed")))
            )
        assert waiting == 0

        async with engine.connect() as conn:
            sent = await conn.execute(select(Reminder.claimed_by).where(Reminder.status == "sent"))
            senders = Counter(sent.scalars())
            committees = await conn.scalar(select(func.count()).select_from(Committee))
        assert committees == GROUPS
        print(f"\nupdates per instance: {dict(lb.forwarded)}; reminders sent per instance: {dict(senders)}")
        for inst in running:
            assert "Traceback" not in inst.output(), inst.output()[-5000:]

        # --- one instance dies (kill -9): the balancer's turn for it fails (502), Telegram pushes the
        # update again, and the other instance answers it — still exactly once.
        dead, alive = running
        dead.process.kill()
        await dead.process.wait()
        cursor = world.cursor()
        after = [giao(g, TASKS_PER_GROUP) for g in range(GROUPS)]
        await until(lambda: all(answered(m)() for m in after), "answers after the failover", [alive], world)
        await world.wait_idle(timeout=WAIT, settle=0.5)
        answers = Counter(m for _, text in texts_since(world, cursor) for m in after if m in text)
        assert answers == dict.fromkeys(after, 1)
        assert 502 in world.webhook_refusals  # some pushes did hit the dead instance, and were retried
    await engine.dispose()
    assert alive.process.returncode == 0, alive.output()[-3000:]
    # Both instances shared the bot's pace (dispatcher_beats): Telegram never said "too many requests".
    assert world.too_many_requests == 0
