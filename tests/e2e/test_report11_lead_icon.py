"""report11: the lead line says who leads with the right icon — 👤 for a person, 🏢 for a unit (qa saw
«🏢 Chủ trì: <a person>» in the private message of a new task)."""

from __future__ import annotations

from emulator import text_mention
from tests.e2e.conftest import Env, Since
from tests.e2e.test_reminders_e2e import committee_with_a_task


async def test_a_person_leads_under_a_person_icon_and_a_unit_under_a_building(env: Env) -> None:
    chair, binh, _an, group, card = await committee_with_a_task(env)  # #1: VP leads, Bình its contact
    assert "🏢 Chủ trì: Văn phòng HĐND&UBND" in card.plain, card.plain  # the task's card in the group
    [told_unit] = env.world.bot_messages(binh)[-1:]
    assert "🏢 Chủ trì: Văn phòng HĐND&UBND" in told_unit.plain, told_unit.plain

    new = Since(env.world, binh)
    card = await env.say(chair, group, ["/giao ", text_mention(binh), " cập nhật hồ sơ một cửa điện tử trước 10/12"])
    assert "👤 Chủ trì: Bình Lê" in card.plain, card.plain
    [told_person] = new(binh)
    assert "👤 Chủ trì: Bình Lê" in told_person.plain and "🏢" not in told_person.plain, told_person.plain

    # /sua … giao: the answer in the group, and the notice to the new doer.
    cuong = env.world.add_user("Cường", "Trần")
    env.world.add_member(group, cuong)
    env.world.start_private(cuong)
    await env.idle()
    answer = await env.say(chair, group, ["/sua 2 giao ", text_mention(cuong)])
    assert "👤 Chủ trì: Cường Trần" in answer.plain, answer.plain
    [given] = env.world.bot_messages(cuong)[-1:]
    assert "👤 Chủ trì: Cường Trần" in given.plain, given.plain
    back = await env.say(chair, group, "/sua 2 giao VP")
    assert "🏢 Chủ trì: Văn phòng HĐND&UBND" in back.plain and "👤 Chủ trì" not in back.plain, back.plain


async def test_the_nhap_preview_draws_the_same_icons(env: Env) -> None:
    chair, _binh, _an, group, _ = await committee_with_a_task(env)
    preview = await env.say(
        chair,
        group,
        "/nhap 1. Giao Văn phòng HĐND&UBND chủ trì rà soát hồ sơ lưu trữ, xong trước ngày 15/12.\n"
        "2. Giao @hoa_vanphong cập nhật cổng thông tin điện tử, xong trước ngày 16/12.",
    )
    assert "🏢 Chủ trì: Văn phòng HĐND&UBND" in preview.plain, preview.plain
    assert "👤 Chủ trì: @hoa_vanphong" in preview.plain, preview.plain
