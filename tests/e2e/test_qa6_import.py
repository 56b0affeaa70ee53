"""qa6: importing conclusions as a secretary does (found by driving the sandbox page).

The private-chat gathering glued a message the person sent on its own onto the last line of the
previous one when that line had no final full stop (Vietnamese conclusions' items rarely have one):
two directives became one item of the preview, saved as one task with one lead."""

from __future__ import annotations

from datetime import date

from bot.texts import BTN_GATHER_DONE
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import committee, docx_of, preview_after, save, what


async def test_a_message_sent_on_its_own_during_a_gathering_is_not_glued_to_the_previous_line(env: Env) -> None:
    chair, _member, _group = await committee(env)
    await env.say(chair, chair, "/nhap")
    first = (
        "Kết luận giao ban Ban chỉ đạo tháng 11\n"
        "1. Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, báo cáo trước ngày 15/12\n"
        "2. Phòng Văn hoá - Thông tin cập nhật danh mục phần mềm dùng chung"  # no full stop, as usual
    )
    await env.say(chair, chair, first)
    # The secretary remembers one more directive and sends it as a message of its own.
    got = await env.say(chair, chair, "Công an phường kiểm tra hệ thống camera an ninh trong tháng 12")
    assert "Đã nhận 2 phần" in got.plain
    cursor = len(env.world.bot_messages(chair))
    await env.press(chair, got, BTN_GATHER_DONE)
    pages = await preview_after(env, chair, cursor)
    assert "Xem trước: 3 nhiệm vụ" in pages[0].plain
    saved = await what(env, await save(env, chair, pages))
    assert [text for text, _due, _leads in saved] == [
        "Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, báo cáo trước ngày 15/12",
        "Phòng Văn hoá - Thông tin cập nhật danh mục phần mềm dùng chung",
        "Công an phường kiểm tra hệ thống camera an ninh trong tháng 12",
    ]


async def test_a_correction_sent_as_a_reply_to_the_bots_answer_about_the_preview_is_taken(env: Env) -> None:
    """The secretary replied «7 hạn 20/12» to the preview, got «Bản xem trước không có mục 7…», and
    replied to that answer with the right number: the bot said nothing and changed nothing."""
    chair, _member, group = await committee(env)
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap Kết luận giao ban\n"
                        "1. Văn phòng rà soát hồ sơ thủ tục hành chính một cửa\n"
                        "2. Công an phường kiểm tra hệ thống camera an ninh")
    pages = await preview_after(env, group, cursor)
    wrong = await env.say(chair, group, "7 hạn 20/12", reply_to=pages[-1])
    assert "không có mục 7" in wrong.plain
    fixed = await env.say(chair, group, "2 hạn 20/12", reply_to=wrong)
    assert "Mục 2: hạn mới 20/12/2026" in fixed.plain
    # ... and a reply to that confirmation is taken too.
    again = await env.say(chair, group, "1 giao Công an phường", reply_to=fixed)
    assert "Mục 1: chủ trì mới" in again.plain
    cursor = len(env.world.bot_messages(group))
    await env.idle()
    newest = [m for m in env.world.bot_messages(group) if any("Lưu tất cả" in t for t in m.button_texts())][-1]
    saved = await what(env, await save(env, chair, [newest]))
    assert [(due, leads) for _text, due, leads in saved] == [
        (None, ["Công an phường"]),
        (date(2026, 12, 20), ["Công an phường"]),
    ]


async def test_a_file_sent_with_the_caption_nhap_during_a_gathering_joins_it(env: Env) -> None:
    """In the private chat the secretary sent the Word report, then the annex as a file captioned /nhap
    (as the bot teaches: «gửi file … kèm chú thích /nhap»): the gathering started afresh and the report's
    directives were dropped without a word."""
    chair, _member, _group = await committee(env)
    await env.say(chair, chair, "/nhap")
    report = "Kết luận giao ban\n1. Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, xong trước ngày 15/12."
    annex = "Phụ lục\n1. Công an phường kiểm tra hệ thống camera an ninh trong tháng 12."
    env.world.send_document(chair, chair, "ket_luan.docx", docx_of(report))
    await env.world.wait_for(lambda m: "Đã nhận 1 phần" in m.plain, timeout=30, chat=chair)
    await env.idle()
    env.world.send_document(chair, chair, "phu_luc.docx", docx_of(annex), caption="/nhap")
    got = await env.world.wait_for(lambda m: "Đã nhận 2 phần" in m.plain, timeout=30, chat=chair)
    await env.idle()
    cursor = len(env.world.bot_messages(chair))
    await env.press(chair, env.world.message(chair, got.message_id), BTN_GATHER_DONE)
    pages = await preview_after(env, chair, cursor)
    saved = await what(env, await save(env, chair, pages))
    assert [text for text, _due, _leads in saved] == [
        "Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, xong trước ngày 15/12.",
        "Công an phường kiểm tra hệ thống camera an ninh trong tháng 12.",
    ]


async def test_a_new_nhap_during_a_gathering_says_what_was_sent_before_is_dropped(env: Env) -> None:
    """A typed /nhap starts afresh (to begin again is what it is for), but the person is told that the
    parts already sent are not kept: before, they vanished without a word."""
    chair, _member, _group = await committee(env)
    await env.say(chair, chair, "/nhap")
    await env.say(chair, chair, "1. Văn phòng rà soát hồ sơ thủ tục hành chính một cửa.")
    await env.say(chair, chair, "2. Công an phường kiểm tra hệ thống camera an ninh.")
    again = await env.say(chair, chair, "/nhap")
    assert "Đang nhận kết luận" in again.plain
    assert "2 phần đã gửi trước" in again.plain
    # Nothing gathered before: nothing to say.
    fresh = await env.say(chair, chair, "/nhap")
    assert "đã gửi trước" not in fresh.plain
