"""qa13: a district office (Văn phòng HĐND-UBND huyện) using the bot as it does — found in the sandbox."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from db.models import Task
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import bot_messages_since, preview_after, save
from tests.e2e.wardkit import office_with_contact

# The unsigned .docx, as typed.
TYPED = (
    "/nhap\nKết luận cuộc họp Ban Chỉ đạo chuyển đổi số huyện ngày 03/12/2026\n"
    "1. Giao Văn phòng tham mưu bố trí kinh phí thực hiện chuyển đổi số năm 2027, báo cáo trước ngày 15/12/2026.\n"
    "2. Giao Công an phường đẩy mạnh cấp tài khoản định danh điện tử mức độ 2, hoàn thành trong tháng 12/2026.\n"
)
# The signed copy photographed on a phone: the same directives as OCR reads them (letters lost), and one new.
PHOTOGRAPHED = (
    "/nhap\nKết luận cuộc họp Ban Chỉ đạo chuyển đổi số huyện ngày 03/12/2026\n"
    "1. Giao Văn phòng tham míu bí trí kinh phí thũc hiñn chuyfn đũi s năm 2027, báo cáo trữc ngày 15/12/2026.\n"
    "2. Giao Công an phường đũy mữnh cfp tài khofin đũnh danh điñn tÚ mũc đũ 2, hoàn thành trong tháng 12/2026.\n"
    "3. Giao Văn phòng tổng hợp kết quả rà soát thủ tục hành chính của các xã trước ngày 28/12/2026.\n"
)


async def test_the_signed_copy_sent_after_the_docx_names_the_tasks_it_repeats(env: Env) -> None:
    office = await office_with_contact(env, chair_username="lan_chutich")
    cursor = len(env.world.bot_messages(office.group))
    env.world.send_text(office.chair, office.group, TYPED)
    assert len(await save(env, office.chair, await preview_after(env, office.group, cursor))) == 2

    cursor = len(env.world.bot_messages(office.group))
    env.world.send_text(office.chair, office.group, PHOTOGRAPHED)
    pages = await preview_after(env, office.group, cursor)
    shown = "\n".join(p.plain for p in pages)
    assert "Mục 1, 2 giống nhiệm vụ đã lưu (#1, #2)" in shown
    assert "⚠️ Trùng với nhiệm vụ #1 đã lưu" in shown and "⚠️ Trùng với nhiệm vụ #2 đã lưu" in shown
    assert "nhiệm vụ #3" not in shown  # the new directive is not called a repeat
    assert not [m for m in bot_messages_since(env, office.group, cursor) if "Đã lưu" in m.plain]
    async with env.sessions() as s:
        from sqlalchemy import func, select

        assert await s.scalar(select(func.count(Task.id))) == 2  # nothing saved by the preview


async def test_a_misread_unit_that_would_be_added_is_pointed_out_before_saving(env: Env) -> None:
    """The scan read «Phòng Tài chính - Kí hofich»: the catalogue's «Phòng TC-KH», not the committee's
    «Phòng Tài chính - Kế hoạch»; saved, a new unit nobody is reminded for. The preview says so, for that
    item only, and a unit the committee has is not flagged."""
    office = await office_with_contact(env, chair_username="lan_chutich")
    await env.say(office.chair, office.group, "/donvi them Phòng Tài chính - Kế hoạch = TCKH")
    cursor = len(env.world.bot_messages(office.group))
    env.world.send_text(office.chair, office.group, (
        "/nhap\nKết luận cuộc họp Ban Chỉ đạo chuyển đổi số huyện ngày 03/12/2026\n"
        "1. Giao Phòng Tài chính - Kí hofich tham mưu bố trí kinh phí năm 2027, báo cáo trước ngày 15/12/2026.\n"
        "2. Giao Văn phòng tổng hợp kết quả rà soát thủ tục hành chính trước ngày 28/12/2026.\n"
    ))
    shown = "\n".join(p.plain for p in await preview_after(env, office.group, cursor))
    item1, item2 = shown.split("\n1. ", 1)[1].split("\n2. ", 1)
    assert "🆕 «Phòng TC-KH» chưa có trong các đơn vị của Ban" in item1 and "1 giao <tên đơn vị>" in item1
    assert "🆕" not in item2.split("Bấm «Lưu tất cả»")[0]


@pytest.mark.parametrize("bot_admin", [False, True])
async def test_a_unit_head_who_leaves_and_comes_back_is_named_with_his_unit_to_give_back(
    env: Env, bot_admin: bool
) -> None:
    """The head of Phòng TN&MT is removed from the group and added back. Leaving, the group was told his
    unit has nobody to remind; back, nothing was said and #1 went on being reminded in the group only.
    Now his return names the unit still without anyone, its open task, and the command that gives it back
    — once, although Telegram announces a return twice."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Phạm", username="binh_tnmt")
    group = w.add_group("BCĐ Chuyển đổi số huyện Gia Lâm", creator=chair, members=[binh],
                        bot_status="administrator" if bot_admin else "member")
    await env.say(chair, group, "/donvi them Phòng Tài nguyên và Môi trường = TNMT")
    await env.say(chair, group, "/donvi gan TNMT @binh_tnmt")
    await env.say(chair, group, "/giao TNMT số hóa hồ sơ đất đai của 05 xã trước ngày 25/12")
    w.remove_member(group, binh)
    await w.wait_for(lambda m: "đã rời nhóm" in m.plain, chat=group)
    await env.idle()

    before = len(w.bot_messages(group))
    w.add_member(group, binh, by=chair)
    back = await w.wait_for(lambda m: "trở lại nhóm" in m.plain, chat=group)
    await env.idle()
    assert "Đơn vị Phòng Tài nguyên và Môi trường vẫn chưa có người nhận nhắc việc (nhiệm vụ đang mở: #1)" in back.plain
    assert "/donvi gan Phòng Tài nguyên và Môi trường @binh_tnmt" in back.plain
    assert len([m for m in w.bot_messages(group)[before:] if "trở lại nhóm" in m.plain]) == 1

    await env.say(chair, group, "/donvi gan TNMT @binh_tnmt")
    history = await env.say(chair, group, "/xem 1")
    assert "người liên hệ của đơn vị rời nhóm" in history.plain


async def test_undoing_an_import_takes_back_the_units_it_added(env: Env) -> None:
    """Undone, a misread import left its units behind: /donvi kept offering «Công an phường» (added by the
    import, nobody's) for good. The units the import added go with it; the committee's own stay."""
    office = await office_with_contact(env, chair_username="lan_chutich")
    cursor = len(env.world.bot_messages(office.group))
    env.world.send_text(office.chair, office.group, TYPED)
    tasks = await save(env, office.chair, await preview_after(env, office.group, cursor))
    assert "Công an phường" in (await env.say(office.chair, office.group, "/donvi")).plain
    answer = next(m for m in bot_messages_since(env, office.group, cursor) if "Đã lưu" in m.plain)
    query = await env.press(office.chair, answer, "↩️ Hoàn tác lần nhập này")
    assert not query.show_alert, query.answer_text
    shown = next(m for m in env.world.bot_messages(office.group) if m.message_id == answer.message_id)
    assert "Các đơn vị lần nhập này đã thêm vào danh sách của Ban cũng được bỏ: «Công an phường»" in shown.plain
    units = await env.say(office.chair, office.group, "/donvi")
    assert "Công an phường" not in units.plain and "Văn phòng" in units.plain and "@hoa_vanphong" in units.plain
    assert len(tasks) == 2


async def test_an_undone_import_is_not_reported_as_cancelled_directives(env: Env) -> None:
    """The photo's misread import, undone at once as a slip («ghi sai»), appeared in the month's report to
    the district as «Ngoài ra có 2 nhiệm vụ đã huỷ»: directives nobody gave, cancelled in nobody's name.
    A slip is left out of the report (and the board); a task cancelled with /huy is still counted."""
    import io

    from docx import Document

    office = await office_with_contact(env, chair_username="lan_chutich")
    env.advance(days=14)  # Monday 7/12: the import, its undo and the report are December's
    cursor = len(env.world.bot_messages(office.group))
    env.world.send_text(office.chair, office.group, TYPED)
    await save(env, office.chair, await preview_after(env, office.group, cursor))
    answer = next(m for m in bot_messages_since(env, office.group, cursor) if "Đã lưu" in m.plain)
    await env.press(office.chair, answer, "↩️ Hoàn tác lần nhập này")
    await env.say(office.chair, office.group, "/giao VP rà soát hồ sơ một cửa trước ngày 15/12/2026")
    await env.say(office.chair, office.group, "/huy 3 Sở đã giao việc này cho đơn vị khác")
    await env.say(office.chair, office.group, "/giao VP chuẩn bị hội nghị tổng kết trước ngày 28/12/2026")

    prompt = await env.say(office.chair, office.group, "/baocao thang 12/2026")
    env.world.send_text(office.chair, office.group, "bỏ qua", reply_to=prompt)
    sent = await env.world.wait_for(lambda m: m.document is not None, chat=office.group)
    await env.idle()
    assert sent.document is not None
    text = "\n".join(p.text for p in Document(io.BytesIO(sent.document.data)).paragraphs)
    assert "Ngoài ra có 1 nhiệm vụ đã huỷ, không tính vào tổng số." in text, text[:600]


def test_the_return_notice_of_a_contact_of_many_units_fits_one_message() -> None:
    from bot import texts as T
    from db.departures import StillToGiveBack
    from handlers.membership import _still_to_give_back

    long_name = ("Phòng Tài nguyên và Môi trường " * 8)[:255]  # names may be 255 characters
    still = StillToGiveBack(role="secretary", units=[(long_name, list(range(1, 90)))] * 30)
    person = SimpleNamespace(username="binh_tnmt")
    text = "\n".join([T.MEMBER_BACK_PLAIN.format(who="Phạm Quốc Bình"), *_still_to_give_back(person, still)])
    assert len(text) < 4096 and "và 25 đơn vị khác" in text


async def test_the_coordinators_of_an_item_are_corrected_by_a_reply(env: Env) -> None:
    """The preview read «phối hợp UBND các xã» as «UBND các phường, xã»; the secretary replied «2 phối hợp
    UBND xã Kim Sơn» and was told «Chưa hiểu yêu cầu sửa» (only «hạn» and «giao» were understood). The
    reply now changes that item's coordinators only; «2 phối hợp không» takes them away."""
    office = await office_with_contact(env, chair_username="lan_chutich")
    await env.say(office.chair, office.group, "/donvi them UBND xã Kim Sơn = xã Kim Sơn")
    cursor = len(env.world.bot_messages(office.group))
    env.world.send_text(office.chair, office.group, TYPED)
    pages = await preview_after(env, office.group, cursor)
    answer = await env.say(office.chair, office.group, "2 phối hợp UBND xã Kim Sơn", reply_to=pages[-1])
    assert answer.plain.startswith("✏️ Mục 2: phối hợp UBND xã Kim Sơn; nội dung, chủ trì và hạn giữ nguyên.")
    fresh = await env.world.wait_for(lambda m: "Xem trước" in m.plain, chat=office.group)
    item2 = fresh.plain.split("\n2. ", 1)[1]
    assert "Chủ trì: Công an phường · 🤝 Phối hợp: UBND xã Kim Sơn · 📅 Hạn: 31/12/2026" in item2
    gone = await env.say(office.chair, office.group, "2 phoi hop khong", reply_to=fresh)
    assert gone.plain.startswith("✏️ Mục 2: bỏ đơn vị phối hợp;")
    # (qa18) the preview is edited where it stands, not sent again
    assert "Đã sửa ngay trong bản xem trước ở trên" in gone.plain
    last = env.world.message(office.group, fresh.message_id)
    assert "Phối hợp: UBND xã Kim Sơn" not in last.plain.split("\n2. ", 1)[1]
    tasks = await save(env, office.chair, [last])
    assert [a.role for a in tasks[1].assignees] == ["lead"]
