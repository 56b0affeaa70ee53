"""Two instances on PostgreSQL: a reply to one of the bot's questions reaches the other instance before
the asking one has heard back from Telegram. It must be answered, not dropped in silence.

With one instance a question asked from a blocking handler (a button press, /nhap without text) cannot
race its reply: the next update waits until the handler's transaction is committed. With two behind a
round-robin balancer the reply goes to the other instance, which does not wait for anything: the
question used to be stored after Telegram answered the send (handlers.common.ask_by_reply, committed
with the press), so the other instance found no question and the reply was lost. Now every question is
stored and committed before it is sent (handlers.common.ask_by_reply), and a reply to a question whose
message id is not known yet is matched by its text (handlers.answers).

The order is made certain, as in tests/e2e/test_prompt_reply_race.py: Telegram carries out the
question's sendMessage but its answer to the bot waits (a gate) until the reply has been answered by
the other instance; consecutive pushes go to different instances (the balancer takes turns).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from db.engine import create_engine
from db.models import PendingInput, Task
from emulator import Chat, Emulator, Message, User, World, text_mention
from emulator.faults import FaultKind, FaultRule
from tests.replication.cluster import (
    SEVERAL_INSTANCES,
    WAIT,
    Instance,
    RoundRobin,
    SharedClock,
    at,
    instances,
    until,
    until_listening,
)

pytestmark = SEVERAL_INSTANCES

CONCLUSION = (
    "KẾT LUẬN CỦA TRƯỞNG BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ XÃ\n"
    "1. Giao Công an xã rà soát dữ liệu dân cư, hoàn thành trước ngày 10/12/2026.\n"
    "2. Giao Văn phòng UBND xã tổng hợp báo cáo tháng, hoàn thành trước ngày 15/12/2026.\n"
)


class Race:
    """One question raced by its reply across the two instances."""

    def __init__(self, emu: Emulator, world: World, lb: RoundRobin, running: list[Instance]) -> None:
        self.emu, self.world, self.lb, self.running = emu, world, lb, running

    async def run(
        self, ask: Callable[[], object], chat: Chat, who: User, asked: str, answer: str, answered: str
    ) -> Message:
        """`ask()` makes the bot ask (its text has `asked`) in `chat`; `who` replies `answer` while the
        asking instance still waits for Telegram's answer to the send; the other instance must answer
        with a message that has `answered`. Returns that message."""
        world = self.world
        held = self.emu.faults.add(FaultRule(
            FaultKind.DELAY, frozenset({"sendmessage"}), frozenset({chat.id}), times=1, after_processing=True,
            gate=asyncio.Event(),
        ))
        assert held.gate is not None
        pushed = Counter(self.lb.forwarded)
        ask()
        question = await world.wait_for(lambda m: asked in m.plain, timeout=WAIT, chat=chat)
        assert held.injected == 1  # the question is out, its send not answered yet
        cursor = world.cursor()
        world.send_text(who, chat, answer, reply_to=question)

        def reply() -> Message | None:
            return next((e.message for e in world.events[cursor:]
                         if e.message.chat.id == chat.id and answered in e.message.plain), None)

        await until(lambda: reply() is not None, f"the answer to «{answer[:40]}» while the question's send is held",
                    self.running, world)
        assert not held.gate.is_set()
        # The question and its reply were taken by different instances.
        assert sorted((Counter(self.lb.forwarded) - pushed).values()) == [1, 1], (pushed, self.lb.forwarded)
        answer_message = reply()
        assert answer_message is not None
        held.gate.set()
        await world.wait_idle(timeout=WAIT, settle=0.3)
        return answer_message


async def test_a_reply_that_reaches_the_other_instance_first_is_answered(database_url: str, tmp_path: Path) -> None:
    clock = SharedClock(at(2026, 11, 23, 9), tmp_path / "clock.txt")
    world = World(clock=clock)
    chair = world.add_user("Trưởng", "Nguyễn", username="chair_0")
    lan = world.add_user("Lan", "Trần", username="lan_tran")
    group = world.add_group("BCĐ Chuyển đổi số xã 0", creator=chair, members=[lan])
    engine = create_engine(database_url)
    async with (
        Emulator(world, http_webhooks=True, strict=True) as emu,
        instances(2, emu=emu, database_url=database_url, clock_file=clock.path, logs=tmp_path) as (running, lb),
    ):
        await until_listening(running, world)
        race = Race(emu, world, lb, running)
        world.start_private(lan)
        await until(lambda: bool(world.bot_messages(lan)), "the answer to /start", running, world)
        world.send_text(chair, group, ["/giao ", text_mention(lan), " lập báo cáo mã HS01"])  # no deadline
        card = await world.wait_for(lambda m: "HS01" in m.plain and bool(m.button_texts()), WAIT, chat=group)
        told = await world.wait_for(lambda m: "HS01" in m.plain and bool(m.button_texts()), WAIT, chat=lan)
        await world.wait_idle(timeout=WAIT, settle=0.3)

        # «Ngày khác…» on the task's card (handlers.directives), in the group.
        other = next(t for t in card.button_texts() if "Ngày khác" in t)
        await race.run(lambda: world.press_button(chair, card, text=other), group, chair, "hạn mới cho #1",
                       "15/12", "15/12")
        # «Báo cáo tiến độ» under Lan's new-task notice (handlers.progress), in her private chat.
        progress = next(t for t in told.button_texts() if "tiến độ" in t)
        await race.run(lambda: world.press_button(lan, told, text=progress), lan, lan, "nội dung tiến độ",
                       "đã rà soát 3 thôn", "Đã ghi tiến độ")
        # /nhap without a text asks for it (handlers.importing), then a preview item's «Sửa».
        await race.run(lambda: world.send_text(chair, group, "/nhap"), group, chair, "Trả lời", CONCLUSION,
                       "Xem trước")
        preview = await world.wait_for(lambda m: any("Sửa mục" in t for t in m.button_texts()), WAIT, chat=group,
                                       since=0)
        world.press_button(chair, preview, text=next(t for t in preview.button_texts() if "Sửa mục" in t))
        picked = await world.wait_for(lambda m: "Chọn mục cần sửa" in m.plain, WAIT, chat=group, kinds=("edited",))
        await world.wait_idle(timeout=WAIT, settle=0.3)
        item = next(t for t in picked.button_texts() if t == "2")
        await race.run(lambda: world.press_button(chair, picked, text=item), group, chair, "nội dung đúng của mục 2",
                       "Giao Văn phòng UBND xã tổng hợp báo cáo quý, hoàn thành trước ngày 20/12/2026.",
                       "Đã sửa mục 2")

        async with engine.connect() as conn:
            due = await conn.scalar(select(Task.due_current).where(Task.number == 1))
            waiting = await conn.scalar(
                select(func.count()).select_from(PendingInput).where(PendingInput.kind != "import_draft")
            )
        assert due is not None and due.isoformat() == "2026-12-15"
        assert waiting == 0, "every question answered once: none left waiting"
        for inst in running:
            assert "Traceback" not in inst.output(), inst.output()[-5000:]
    await engine.dispose()
