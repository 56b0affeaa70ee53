"""Session 11 (leadshape): a unit named with a dotted level abbreviation («UBND TP. Huế», «Công an Q. 1») is
saved under its name as written — not cut at the dot, not taken for the ward committee's own «UBND» (the
catalogue's first words) — and, once the chair has added it, a later task names that unit."""

from __future__ import annotations

from sqlalchemy import select

from db.models import Task, TaskAssignee, Unit
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import committee, preview_after


async def _assignees(env: Env, number: int) -> list[tuple[str, str, str | None]]:
    """(role, label, the unit's name or None) of task #number, as stored."""
    async with env.sessions() as s:
        task = await s.scalar(select(Task).where(Task.number == number))
        assert task is not None
        rows = await s.scalars(select(TaskAssignee).where(TaskAssignee.task_id == task.id).order_by(TaskAssignee.id))
        out = []
        for r in rows:
            unit = await s.get(Unit, r.unit_id) if r.unit_id is not None else None
            out.append((r.role, r.label, unit.name if unit else None))
        return out


async def _units(env: Env) -> list[str]:
    async with env.sessions() as s:
        return sorted(u.name for u in await s.scalars(select(Unit).where(Unit.active.is_(True))))


async def test_a_dotted_place_keeps_its_name_in_the_saved_task(env: Env) -> None:
    chair, _member, group = await committee(env)  # «BCĐ Chuyển đổi số phường Sài Đồng»: a ward's committee
    reply = await env.say(chair, group, "/giao UBND TP. Huế chủ trì rà soát quy hoạch chung trước ngày 15/12")
    assert "Chủ trì: UBND TP. Huế" in reply.plain
    assert "«UBND TP. Huế» chưa có trong danh sách đơn vị" in reply.plain  # offered to the chair, not guessed
    assert await _assignees(env, 1) == [("lead", "UBND TP. Huế", None)]

    reply = await env.say(chair, group, "/giao Công an Q. 1 phối hợp UBND P. Bến Nghé kiểm tra vỉa hè trước ngày 18/12")
    assert "Chủ trì: Công an Q. 1" in reply.plain and "Phối hợp: UBND P. Bến Nghé" in reply.plain
    assert await _assignees(env, 2) == [("lead", "Công an Q. 1", None), ("support", "UBND P. Bến Nghé", None)]
    assert await _units(env) == []  # neither the ward's own «UBND» nor «Công an» was made of them

    # Added by the chair, the unit is the one a later task names (the dot kept, as written).
    await env.say(chair, group, "/donvi them UBND TP. Huế")
    reply = await env.say(chair, group, "/giao UBND TP. Huế báo cáo tiến độ giải phóng mặt bằng trước ngày 22/12")
    assert "chưa có trong danh sách" not in reply.plain
    assert await _assignees(env, 3) == [("lead", "UBND TP. Huế", "UBND TP. Huế")]

    # The ward's own body is still its own: «UBND phường» (qa19) and plain «UBND».
    await env.say(chair, group, "/giao UBND tổng hợp danh sách hộ nghèo trước ngày 22/12")
    await env.say(chair, group, "/giao UBND phường rà soát hộ cận nghèo trước ngày 22/12")
    assert await _assignees(env, 4) == await _assignees(env, 5) == [("lead", "UBND", "UBND")]
    assert await _units(env) == ["UBND", "UBND TP. Huế"]


async def test_the_import_preview_shows_the_dotted_name_as_a_new_unit(env: Env) -> None:
    chair, _member, group = await committee(env)
    await env.say(chair, group, "/giao UBND rà soát hộ nghèo trước ngày 15/12")  # the ward's own «UBND», registered
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap Kết luận giao ban\n"
                        "1. Đề nghị UBND TP. Huế hỗ trợ kinh phí sửa chữa nhà văn hoá trước ngày 20/12.\n"
                        "2. Giao Công an Q. 1 phối hợp kiểm tra vỉa hè trước ngày 22/12.")
    pages = await preview_after(env, group, cursor)
    shown = "\n".join(p.plain for p in pages)
    assert "Chủ trì: UBND TP. Huế" in shown and "Chủ trì: Công an Q. 1" in shown
    assert "Chủ trì: UBND ·" not in shown  # not the ward's own «UBND»
