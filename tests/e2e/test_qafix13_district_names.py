"""qafix13: what a district office saw of a .docx conclusion (found by a QA helper in the sandbox).

The title was given in two paragraphs and only the first was shown (/nhap's preview, «Đã lưu … của cuộc họp
«…»»); «UBND các xã» was shown and saved as the catalogue's «UBND các phường, xã», a word the text does not
hold. A committee's own declared unit is still the one a collective name means."""

from __future__ import annotations

from bot.texts import BTN_GATHER_DONE
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import committee, docx_of, preview_after, save, what

REPORT = (
    "ỦY BAN NHÂN DÂN\nHUYỆN MÊ LINH\nSố: 88/TB-UBND\nMê Linh, ngày 21 tháng 12 năm 2026\nTHÔNG BÁO\n"
    "Kết luận của đồng chí Phó Chủ tịch UBND huyện tại cuộc họp\n"
    "Ban Chỉ đạo Chuyển đổi số huyện tháng 12 năm 2026\n"
    "1. Đề nghị UBND các xã rà soát hạ tầng mạng tại bộ phận một cửa, báo cáo trước ngày 28/12/2026.\n"
    "2. Giao Văn phòng tổng hợp kết quả, báo cáo trước ngày 30/12/2026.\n"
)
WHOLE_TITLE = (
    "Kết luận của đồng chí Phó Chủ tịch UBND huyện tại cuộc họp Ban Chỉ đạo Chuyển đổi số huyện tháng 12 năm 2026"
)


async def _import_docx(env: Env, before: str = "") -> tuple[str, list[tuple[str, object, list[str]]], str]:
    chair, _member, _group = await committee(env)
    if before:
        await env.say(chair, _group, before)
    await env.say(chair, chair, "/nhap")
    env.world.send_document(chair, chair, "ket_luan.docx", docx_of(REPORT))
    got = await env.world.wait_for(lambda m: "Đã nhận 1 phần" in m.plain, timeout=30, chat=chair)
    await env.idle()
    cursor = len(env.world.bot_messages(chair))
    await env.press(chair, env.world.message(chair, got.message_id), BTN_GATHER_DONE)
    pages = await preview_after(env, chair, cursor)
    shown = "\n".join(p.plain for p in pages)
    saved = await what(env, await save(env, chair, pages))
    reply = next(m.plain for m in reversed(env.world.bot_messages(chair)) if "Đã lưu" in m.plain)
    return shown, saved, reply


async def test_a_docx_title_in_two_paragraphs_and_the_communes_are_shown_as_written(env: Env) -> None:
    shown, saved, reply = await _import_docx(env)
    assert WHOLE_TITLE in shown
    assert f"của cuộc họp «{WHOLE_TITLE}»" in reply
    assert "UBND các xã" in shown and "phường, xã" not in shown
    assert saved[0][2] == ["UBND các xã"] and len(saved) == 2
    # the title's second paragraph is no task
    assert all("Ban Chỉ đạo Chuyển đổi số huyện tháng 12" not in text for text, _due, _leads in saved)


async def test_a_collective_unit_the_committee_declared_keeps_its_declared_name(env: Env) -> None:
    _shown, saved, _reply = await _import_docx(env, before="/donvi them UBND các phường, xã = các xã")
    assert saved[0][2] == ["UBND các phường, xã"]
