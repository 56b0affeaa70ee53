"""qa18: what a secretary's week in the sandbox (qa17) left: each fault asserted as the people concerned see it
(or as it is stored)."""

from __future__ import annotations

from sqlalchemy import select

from db.models import PendingInput, Unit
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import bot_messages_since, committee, docx_of, preview_after, save, what

CONCLUSION = ("Kết luận giao ban\n1. Văn phòng rà soát hồ sơ một cửa trước ngày 15/12.\n"
              "2. Công an phường kiểm tra camera an ninh trước ngày 20/12.")


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


async def test_a_member_sending_a_file_to_import_is_refused_before_it_is_read(env: Env) -> None:
    """A plain member sent the signed scan with «/nhap» in the group: the bot read it (the photo's OCR took
    seconds, «Đang đọc…» said in the group) and only then said he may not. Refused at once, nothing read."""
    _chair, member, group = await committee(env)
    w = env.world
    for send in (lambda: w.send_document(member, group, "ket_luan.docx", docx_of(CONCLUSION), caption="/nhap"),
                 lambda: w.send_photo(member, group, b"\x89PNG not really", caption="/nhap")):
        cursor = len(w.bot_messages(group))
        send()
        await w.wait_until(lambda c=cursor: len(bot_messages_since(env, group, c)) > 0, timeout=20)
        await env.idle()
        [answer] = bot_messages_since(env, group, cursor)
        assert "Chỉ Trưởng ban hoặc thư ký mới được nhập kết luận" in answer.plain
    assert w.calls["getFile"] == 0
    async with env.sessions() as s:
        assert not list(await s.scalars(select(PendingInput)))
