"""`nhacviec sandbox --db FILE`, stopped and started again: the official finds the bot's clock where
they left it and the chats as they were — and the bot still takes a reply to a question it asked
before the restart."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.sandbox import Sandbox
from bot.sandbox_cli import state_path
from db.resume import resume_point_of_file
from tests.conftest import no_database
from tests.sandbox.conftest import START

pytestmark = no_database

LATER_WALL_CLOCK = datetime(2027, 3, 1, 1, 0, tzinfo=UTC)  # what datetime.now() would say on the next run


def _sandbox(db: Path, start: datetime, **kwargs: object) -> Sandbox:
    return Sandbox(f"sqlite:///{db}", port=0, start=start, realtime=False, dispatch_interval=3600,
                   state_file=state_path(db), **kwargs)  # type: ignore[arg-type]


async def _say(sb: Sandbox, key: str, text: str, *, reply_to: int | None = None) -> str:
    assert sb.group is not None
    since = sb.world.cursor()
    sb.send(sb.personas[key].user.id, sb.group.id, text, reply_to=reply_to)
    answer = await sb.world.wait_for(chat=sb.group.id, since=since)
    await sb.idle()
    return answer.plain


def _group_texts(sb: Sandbox) -> list[str]:
    chats = sb.chats_of(sb.personas["chair"].user)["chats"]
    return [m.get("text") or m.get("caption") or "" for m in chats[0]["messages"]]


async def test_a_restart_resumes_the_clock_and_the_conversation(tmp_path: Path) -> None:
    db = tmp_path / "thu.db"
    async with _sandbox(db, START) as sb:
        assert "#1" in await _say(sb, "chair", "/giao Văn phòng rà soát hồ sơ một cửa trước 15/12")
        # The chair asks to change the deadline: the bot asks back (a question answered by a reply).
        assert sb.group is not None
        for label in ("hạn", "Ngày khác"):
            confirmation = [m for m in sb.world.history(sb.group) if m.by_bot and "#1" in m.plain][-1]
            data = next(b["callback_data"] for row in confirmation.buttons for b in row if label in b["text"])
            await sb.press(sb.personas["chair"].user.id, sb.group.id, confirmation.message_id, data)
            await sb.idle()
        question = sb.world.history(sb.group)[-1]
        assert question.by_bot and question.reply_markup and question.reply_markup.get("force_reply")
        await sb.move_clock(step="day")
        left_at = sb.clock.now()
        before = _group_texts(sb)
        last_id = sb.world.history(sb.group)[-1].message_id

    async with _sandbox(db, LATER_WALL_CLOCK) as sb:
        assert sb.clock.now() == left_at  # not the wall clock, not the first run's start
        assert _group_texts(sb) == before  # the chat as it was left
        # The question asked before the restart is still answered, and new messages go on from the old ids.
        answer = await _say(sb, "chair", "20/12", reply_to=question.message_id)
        assert "20/12/2026" in answer
        assert sb.world.history(sb.group)[-1].message_id > last_id + 1
        shown = await _say(sb, "chair", "/xem 1")
        assert "còn 26 ngày" in shown and "24/11 09:00" in shown  # Tuesday 24/11 → Sunday 20/12


async def test_a_database_without_its_conversation_never_takes_the_clock_back(tmp_path: Path) -> None:
    # A sandbox database from before the conversation was kept (or killed before it kept it): the clock
    # starts no earlier than the latest thing the database recorded, and message ids above its own.
    db = tmp_path / "cu.db"
    async with _sandbox(db, START) as sb:
        await _say(sb, "chair", "/giao Văn phòng rà soát hồ sơ một cửa trước 15/12")
        await sb.move_clock(step="week")
        await _say(sb, "chair", "/xong 1")
        assert sb.group is not None
    state_path(db).unlink()

    point = await resume_point_of_file(db)  # what `nhacviec sandbox --db` reads then
    latest, first_id = point.latest, point.first_message_id
    assert latest is not None and latest >= START + timedelta(days=7)
    conn = sqlite3.connect(db)
    try:
        (source,) = conn.execute("SELECT source_message_id FROM tasks").fetchone()
    finally:
        conn.close()
    assert first_id > source
    async with _sandbox(db, latest, first_message_id=first_id) as sb:
        assert sb.clock.now() == latest
        await _say(sb, "chair", "/ds")
        assert sb.group is not None
        assert min(m.message_id for m in sb.world.history(sb.group)) >= first_id
