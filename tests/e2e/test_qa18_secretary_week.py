"""qa18: what a secretary's week in the sandbox (qa17) left: each fault asserted as the people concerned see it
(or as it is stored)."""

from __future__ import annotations

from sqlalchemy import select

from db.models import Unit
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import bot_messages_since, committee, preview_after, save, what


async def _units(env: Env) -> list[str]:
    async with env.sessions() as s:
        return sorted(u.name for u in await s.scalars(select(Unit).where(Unit.active.is_(True))))


async def test_a_unit_the_preview_calls_new_is_saved_as_a_new_unit(env: Env) -> None:
    """The preview listed «UBND quận» as a new unit beside a new «UBND»; saved, it was merged into «UBND»
    (added by the item above it a moment earlier): in a ward committee the district's people's committee
    is another body, and the preview is what the secretary agreed to."""
    chair, _member, group = await committee(env)
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap Kết luận giao ban\n"
                        "1. Giao UBND rà soát hộ nghèo trước ngày 15/12.\n"
                        "2. Giao UBND quận hỗ trợ kinh phí sửa chữa nhà văn hoá trước ngày 20/12.\n"
                        "3. Giao Phòng Văn hoá và Thông tin tuyên truyền trước ngày 20/12.")
    pages = await preview_after(env, group, cursor)
    shown = "\n".join(p.plain for p in pages)
    assert "Chủ trì: UBND ·" in shown and "Chủ trì: UBND quận ·" in shown
    saved = await what(env, await save(env, chair, pages))
    assert [leads for _text, _due, leads in saved] == [["UBND"], ["UBND quận"], ["Phòng VH-TT"]]
    assert await _units(env) == ["Phòng VH-TT", "UBND", "UBND quận"]
    told = bot_messages_since(env, group, cursor)[-1].plain
    assert "«UBND», «UBND quận», «Phòng VH-TT»" in told
