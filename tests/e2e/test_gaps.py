"""Gaps closed in one pass (helper «gaps»): the people of a cancelled or reassigned task are told;
/xem in a private chat; /giahan to a day already past, in words; chit-chat and photos during a
private /nhap gathering."""

from __future__ import annotations

from sqlalchemy import select

from bot.texts import BTN_GATHER_DONE
from db.models import Task
from emulator import text_mention
from tests.domain.test_ocr_pages import pytestmark as needs_tesseract
from tests.e2e.conftest import Env, Since, mentioned
from tests.e2e.test_long_conclusion import committee, preview_after, save, what
from tests.e2e.test_reminders_e2e import committee_with_a_task
from tests.e2e.test_scans_e2e import phone_photo


# ------------------------------------------------------------------------------------- 1: /huy, /sua giao
async def test_a_cancelled_task_is_told_to_those_who_were_to_do_it(env: Env) -> None:
    chair, binh, an, group, _ = await committee_with_a_task(env)
    env.world.start_private(chair)
    await env.idle()
    new = Since(env.world, chair, binh, group)

    done = await env.say(chair, group, "/huy 1 đã giao cho Tổ công nghệ số cộng đồng")
    assert "Đã huỷ nhiệm vụ #1" in done.plain
    # Bình opened a chat with the bot: told there, with who cancelled and why.
    [told] = new(binh)
    assert "#1" in told.plain and "đã được huỷ" in told.plain and "Lan Nguyễn" in told.plain
    assert "lý do: đã giao cho Tổ công nghệ số cộng đồng" in told.plain
    assert "rà soát hồ sơ thủ tục <một cửa>" in told.plain and "bot thôi nhắc" in told.plain
    # An never wrote to the bot: named in the group, in one message after the answer.
    [answer, named] = new(group)
    assert answer is not None and "đã được huỷ" in named.plain and mentioned(named) == [an.id]
    # The chair who cancelled is told nothing more.
    assert new(chair) == []


async def test_a_reassigned_task_is_told_to_the_old_and_the_new_doers(env: Env) -> None:
    chair, binh, an, group, _ = await committee_with_a_task(env)
    cuong = env.world.add_user("Cường", "Trần")
    env.world.add_member(group, cuong)
    env.world.start_private(cuong)
    await env.idle()
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, ["/donvi gan CA ", text_mention(cuong)])
    new = Since(env.world, binh, group)

    done = await env.say(chair, group, "/sua 1 giao Công an phường")
    assert "Đã sửa #1" in done.plain
    [away] = new(binh)
    assert "#1" in away.plain and "đã được giao lại" in away.plain and "Công an phường" in away.plain
    assert "không còn phụ trách" in away.plain
    [given] = env.world.bot_messages(cuong)[-1:]
    assert "được giao" in given.plain and "#1" in given.plain and "rà soát hồ sơ thủ tục <một cửa>" in given.plain
    assert "Chủ trì: Công an phường" in given.plain and "Hạn: Thứ Tư, 02/12/2026" in given.plain
    [_answer, named] = new(group)
    assert "đã được giao lại" in named.plain and mentioned(named) == [an.id]

    # Given back to a unit Cường is still in, with Văn phòng: Cường keeps it and is not told again.
    new = Since(env.world, cuong, binh)
    await env.say(chair, group, "/sua 1 giao Công an phường chủ trì, phối hợp VP")
    assert new(cuong) == []
    assert new(binh) == []  # VP only coordinates: not reminded, not told




# ------------------------------------------------------------------------------------- 2: /xem in private
async def test_xem_in_a_private_chat_shows_ones_own_tasks_of_every_committee_and_nothing_else(env: Env) -> None:
    chair, binh, _an, _group, _ = await committee_with_a_task(env)  # #1: Văn phòng, Bình a contact
    w = env.world
    hung = w.add_user("Hùng", "Đặng", username="hung_ctxa")
    other = w.add_group("BCĐ Cải cách hành chính phường Sài Đồng", creator=hung, members=[binh])
    await env.say(hung, other, ["/giao ", text_mention(binh), " cập nhật hồ sơ một cửa điện tử trước 10/12"])
    await env.say(hung, other, "/donvi them Công an phường = CA")
    await env.say(hung, other, "/giao CA rà soát hộ khẩu trước 11/12")  # #2 there: not Bình's
    stranger = w.add_user("Tú", "Đỗ", username="tu_khac")
    third = w.add_group("BCĐ An toàn thực phẩm phường Phúc Đồng", creator=stranger)
    await env.say(stranger, third, "/giao @tu_khac kiểm tra bếp ăn trường học trước 9/12")  # a #1 Bình has no part in

    # #1 is Bình's in two committees: the bot asks which, a button each, and the third is not named.
    choose = await env.say(binh, binh, "/xem 1")
    assert "nhiều Ban" in choose.plain
    assert choose.button_texts() == [
        "#1 — BCĐ Chuyển đổi số phường Sài Đồng", "#1 — BCĐ Cải cách hành chính phường Sài Đồng",
    ]
    assert "Phúc Đồng" not in choose.plain and "bếp ăn" not in choose.plain
    await env.press(binh, choose, "#1 — BCĐ Cải cách hành chính phường Sài Đồng")
    shown = w.last_bot_message(binh)
    assert shown is not None and "BCĐ Cải cách hành chính phường Sài Đồng" in shown.plain
    assert "cập nhật hồ sơ một cửa điện tử" in shown.plain and "Lịch sử" in shown.plain
    # #2 of the other committee is not his, and he is only a member there: not shown, and said how.
    refused = await env.say(binh, binh, "/xem 2")
    assert "Không thấy nhiệm vụ #2" in refused.plain and "rà soát hộ khẩu" not in refused.plain
    # The chair sees any task of her own committee privately, with its committee named; not the others'.
    w.start_private(chair)
    await env.idle()
    mine = await env.say(chair, chair, "/xem 1")
    assert "BCĐ Chuyển đổi số phường Sài Đồng" in mine.plain and "rà soát hồ sơ thủ tục <một cửa>" in mine.plain
    assert "Chủ trì: Văn phòng HĐND&UBND" in mine.plain
    assert "Không thấy nhiệm vụ #2" in (await env.say(chair, chair, "/xem 2")).plain
    # A forged press on another committee's task shows nothing.
    async with env.sessions() as s:
        foreign = await s.scalar(select(Task.id).where(Task.text.like("%bếp ăn%")))
    query = w.press_forged(binh, choose, f"xem:{foreign}")
    await w.wait_until(lambda: query.answered)
    await env.idle()
    assert query.show_alert and "bếp ăn" not in (w.last_bot_message(binh).plain)  # type: ignore[union-attr]


# ------------------------------------------------------------------------------------- 3: /giahan to the past
async def test_an_extension_to_a_day_already_past_says_which_day_it_is_and_what_to_write(env: Env) -> None:
    chair, binh, _an, group, _ = await committee_with_a_task(env)  # #1 due Wednesday 2/12; today Monday 23/11

    said = (await env.say(binh, group, "/giahan 1 hôm qua")).plain
    assert "«hôm qua» là Chủ nhật, 22/11/2026 — đã qua (hôm nay là 23/11/2026)" in said
    assert "Hạn mới phải sau hạn hiện tại (Thứ Tư, 02/12/2026)" in said and "/giahan 1 09/12 chờ số liệu" in said
    assert "Chủ nhật, 22/11/2026" in (await env.say(binh, group, "/giahan 1 hom qua vì bận")).plain
    assert "«hôm kia» là Thứ Bảy, 21/11/2026" in (await env.say(binh, group, "/giahan 1 hôm kia")).plain
    # «thứ Sáu tuần trước» was read as the coming Friday (27/11).
    friday = (await env.say(binh, group, "/giahan 1 thứ sáu tuần trước chờ số liệu")).plain
    assert "«thứ sáu tuần trước» là Thứ Sáu, 20/11/2026 — đã qua" in friday
    week = (await env.say(binh, group, "/giahan 1 tuần trước")).plain
    assert "«tuần trước» là khoảng từ 16/11/2026 đến 22/11/2026 — đã qua" in week
    month = (await env.say(binh, group, "/giahan 1 tháng trước")).plain
    assert "«tháng trước» là khoảng từ 01/10/2026 đến 31/10/2026" in month
    written = (await env.say(binh, group, "/giahan 1 20/11/2026 chờ số liệu")).plain
    assert "«20/11/2026» là Thứ Sáu, 20/11/2026 — đã qua" in written
    # The chair, who sets it directly, is told the same; nothing changes.
    assert "đã qua" in (await env.say(chair, group, "/giahan 1 hôm kia")).plain
    assert (await env.task(1, group)).due_current.isoformat() == "2026-12-02"
    assert "extension_requested" not in await env.events((await env.task(1, group)).id)
    # Past words in the reason, after a date ahead, are the reason.
    asked = (await env.say(binh, group, "/giahan 1 15/12 vì tuần trước ốm")).plain
    assert "Đã gửi đề nghị gia hạn #1" in asked


# ------------------------------------------------------------------------------------- 4: a private gathering
async def test_talk_during_a_gathering_is_left_out_and_a_short_doubtful_message_is_kept_and_shown(env: Env) -> None:
    chair, _member, _group = await committee(env)
    await env.say(chair, chair, "/nhap")
    first = await env.say(chair, chair, "ok")
    assert "«ok» là lời nhắn, không thêm vào kết luận" in first.plain and "Chưa nhận phần nào" in first.plain
    await env.say(chair, chair, "Kết luận giao ban tháng 11\n"
                  "1. Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, báo cáo trước ngày 15/12\n"
                  "2. Phòng Văn hoá - Thông tin cập nhật danh mục phần mềm dùng chung")
    for talk in ("đợi chút", "👍", "em gửi tiếp nhé", "Dạ vâng ạ"):
        said = await env.say(chair, chair, talk)
        assert f"«{talk}» là lời nhắn" in said.plain and "Đã nhận 1 phần" in said.plain, said.plain
    # A real part sent on its own, however short its line, is a part.
    got = await env.say(chair, chair, "3. Công an phường kiểm tra hệ thống camera an ninh trong tháng 12")
    assert "Đã nhận 2 phần" in got.plain
    # Short, and maybe talk, maybe text: kept, and said so.
    doubt = await env.say(chair, chair, "Đồng ý")
    assert "Đã nhận 3 phần" in doubt.plain and "«Đồng ý» ngắn" in doubt.plain
    cursor = len(env.world.bot_messages(chair))
    await env.press(chair, doubt, BTN_GATHER_DONE)
    pages = await preview_after(env, chair, cursor)
    assert "Tin ngắn gửi trong lúc nhập, đã giữ trong văn bản: «Đồng ý»" in pages[0].plain
    text = "\n".join(p.plain for p in pages)
    assert all(talk not in text for talk in ("đợi chút", "em gửi tiếp", "Dạ vâng", "👍"))
    saved = await what(env, await save(env, chair, pages))
    texts = [t for t, _due, _leads in saved]
    assert texts[:3] == [
        "Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, báo cáo trước ngày 15/12",
        "Phòng Văn hoá - Thông tin cập nhật danh mục phần mềm dùng chung",
        "Công an phường kiểm tra hệ thống camera an ninh trong tháng 12",
    ]
    assert any("Đồng ý" in t for t in texts) or "Đồng ý" in text  # never lost


@needs_tesseract
async def test_a_photo_sent_during_a_gathering_says_its_text_joins_the_conclusion(env: Env) -> None:
    chair, _member, _group = await committee(env)
    await env.say(chair, chair, "/nhap")
    cursor = len(env.world.bot_messages(chair))
    env.world.send_photo(chair, chair, phone_photo())
    started = await env.world.wait_for(lambda m: "Đang đọc chữ trong ảnh" in m.plain, chat=chair, timeout=30)
    assert "Chữ đọc được sẽ thêm vào kết luận đang nhận" in started.plain and "«Xong, phân tích»" in started.plain
    assert "Bản xem trước sẽ gửi ngay khi xong" not in started.plain
    got = await env.world.wait_for(lambda m: "Đã nhận 1 phần" in m.plain, chat=chair, timeout=90)
    await env.idle()
    assert "ký tự từ ảnh, thêm vào kết luận làm phần 1" in got.plain
    assert not any("Xem trước" in m.plain for m in env.world.bot_messages(chair)[cursor:])  # not yet
    cursor = len(env.world.bot_messages(chair))
    await env.press(chair, env.world.message(chair, got.message_id), BTN_GATHER_DONE)
    pages = await preview_after(env, chair, cursor)
    # The preview says its text was read from an image, as for a photo sent with /nhap.
    assert "đọc từ ảnh" in pages[0].plain and "(1 trang)" in pages[0].plain


async def test_a_new_deadline_in_past_words_is_named_and_refused_not_read_ahead(env: Env) -> None:
    chair, _binh, _an, group, _ = await committee_with_a_task(env)  # #1 due Wednesday 2/12; today Monday 23/11
    said = (await env.say(chair, group, "/sua 1 han hôm qua")).plain
    assert "«hôm qua» là Chủ nhật, 22/11/2026 — đã qua" in said and "/sua 1 han 30/11" in said
    # «thứ Sáu tuần trước» was set as the coming Friday, 27/11, without a word.
    friday = (await env.say(chair, group, "/sua 1 han thứ Sáu tuần trước")).plain
    assert "«thứ Sáu tuần trước» là Thứ Sáu, 20/11/2026 — đã qua" in friday
    assert (await env.task(1, group)).due_current.isoformat() == "2026-12-02"
    assert "Thứ Ba, 15/12/2026" in (await env.say(chair, group, "/sua 1 han 15/12")).plain
