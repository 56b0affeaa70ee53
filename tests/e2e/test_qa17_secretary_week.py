"""qa17: a week as a ward committee's secretary, in the sandbox on a phone. What was lost or confusing on the
way, each seen there first, asserted here as the people concerned see it (or as it is stored)."""

from __future__ import annotations

from sqlalchemy import select

from db.models import TaskEvent
from tests.e2e.conftest import Env, Since
from tests.e2e.test_reminders_e2e import committee_with_a_task


async def _notes(env: Env, task_id: int, kind: str) -> list[str | None]:
    async with env.sessions() as s:
        rows = await s.scalars(select(TaskEvent).where(TaskEvent.task_id == task_id, TaskEvent.kind == kind))
        return [e.note for e in rows]


async def test_the_reason_written_after_a_corrected_deadline_reaches_the_doer_and_the_history(env: Env) -> None:
    """«/sua 1 han 9/12 theo ý kiến Trưởng ban»: the date was taken and the reason dropped without a word — the
    unit's contact read «Người sửa: …. Bot sẽ nhắc theo hạn mới.» and nobody could later tell why it moved."""
    chair, binh, _an, group, _ = await committee_with_a_task(env)  # #1 due Wed 2/12; Bình has a private chat
    new = Since(env.world, binh, group)

    done = await env.say(chair, group, "/sua 1 han 9/12 theo ý kiến chỉ đạo của Bí thư Đảng uỷ")
    assert "Đã sửa #1: hạn → Thứ Tư, 09/12/2026" in done.plain
    assert "Lý do: theo ý kiến chỉ đạo của Bí thư Đảng uỷ" in done.plain
    [told] = new(binh)
    assert "hạn cũ: Thứ Tư, 02/12/2026" in told.plain
    assert "lý do: theo ý kiến chỉ đạo của Bí thư Đảng uỷ" in told.plain
    task = await env.task(1, group)
    assert await _notes(env, task.id, "deadline_changed") == ["theo ý kiến chỉ đạo của Bí thư Đảng uỷ"]
    shown = await env.say(chair, group, "/xem 1")
    assert "theo ý kiến chỉ đạo của Bí thư Đảng uỷ" in shown.plain

    # Only a date: no reason line, nothing invented.
    new = Since(env.world, binh)
    done = await env.say(chair, group, "/sua 1 han 10/12")
    assert "Lý do" not in done.plain and "lý do" not in new(binh)[0].plain
