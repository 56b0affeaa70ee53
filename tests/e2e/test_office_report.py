"""/baocao through the running bot: asked once who issues it, then the Word report with the same
numbers as /tonghop; /caidat sets the heading; /xuat's workbook carries the agency too."""

from __future__ import annotations

import io

from docx import Document
from openpyxl import load_workbook

from emulator import Chat, User
from tests.e2e.conftest import Env


def cast(env: Env) -> tuple[User, User, User, Chat]:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    police = w.add_user("Tuấn", "Đỗ", username="tuan_ca")
    member = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[police, member])
    return chair, police, member, group


async def some_tasks(env: Env, chair: User, group: Chat) -> None:
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP, Văn phòng")
    await env.say(chair, group, "/giao Công an phường rà soát camera an ninh trước ngày 27/11")
    await env.say(chair, group, "/giao Văn phòng cập nhật hồ sơ một cửa trước ngày 15/12")
    await env.say(chair, group, "/giao Văn phòng báo cáo số liệu dân cư trước ngày 10/12")
    await env.say(chair, group, "/xong 3 đã gửi")


async def test_the_chair_is_asked_once_then_gets_the_report_to_sign(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    await some_tasks(env, chair, group)
    env.advance(days=7)  # #1 is now overdue
    await env.say(chair, group, "/vuongmac 1 chờ kinh phí lắp đặt")

    prompt = await env.say(chair, group, "/baocao")
    assert "cơ quan chủ quản" in prompt.plain and "Nghị định 30/2020" in prompt.plain
    assert prompt.document is None

    env.world.send_text(chair, group, "UBND phường Sài Đồng; Long Biên; Nguyễn Thị Lan", reply_to=prompt)
    sent = await env.world.wait_for(lambda m: m.document is not None, chat=group)
    await env.idle()
    assert sent.document is not None and sent.document.filename == (
        "bao-cao_bcd-chuyen-doi-so-phuong-sai-dong_thang-11-2026.docx"
    )
    doc = Document(io.BytesIO(sent.document.data))
    text = "\n".join(p.text for p in doc.paragraphs)
    left, right = (cell.text for cell in doc.tables[0].rows[0].cells)
    assert left.startswith("UBND PHƯỜNG SÀI ĐỒNG\nBCĐ CHUYỂN ĐỔI SỐ PHƯỜNG SÀI ĐỒNG")
    assert "Long Biên, ngày 30 tháng 11 năm 2026" in right
    assert "Nguyễn Thị Lan" in doc.tables[-1].rows[0].cells[1].text
    assert "Vướng mắc đơn vị báo cáo: chờ kinh phí lắp đặt." in text

    # The same numbers as /tonghop for the same period, cell by cell.
    counts = await env.say(chair, group, "/tonghop thang 11/2026")
    units = {row.cells[1].text: [c.text for c in row.cells[2:]] for row in doc.tables[1].rows[1:]}
    assert units["Công an phường"] == ["1", "0", "0", "0", "1"]
    assert units["Văn phòng HĐND&UBND"] == ["2", "1", "0", "1", "0"]
    assert "Công an phường: 0/1, 1 quá hạn" in counts.plain
    assert "Văn phòng HĐND&UBND: 1/2" in counts.plain

    # Asked once: the next report comes at once.
    again = await env.say(chair, group, "/baocao quy IV/2026")
    assert again.document is not None and again.document.filename.endswith("_quy-iv-2026.docx")


async def test_skipping_the_question_gives_a_report_with_blanks_and_no_second_question(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    prompt = await env.say(chair, group, "/baocao")
    env.world.send_text(chair, group, "bỏ qua", reply_to=prompt)
    sent = await env.world.wait_for(lambda m: m.document is not None, chat=group)
    await env.idle()
    assert sent.document is not None
    right = Document(io.BytesIO(sent.document.data)).tables[0].rows[0].cells[1].text
    assert "…………, ngày 23 tháng 11 năm 2026" in right
    again = await env.say(chair, group, "/baocao")
    assert again.document is not None


async def test_a_bad_answer_is_explained_and_nothing_is_stored(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    prompt = await env.say(chair, group, "/baocao")
    answer = await env.say(chair, group, "UBND phường Sài Đồng", reply_to=prompt)
    assert "Cần đủ ba phần" in answer.plain and answer.document is None
    again = await env.say(chair, group, "/baocao")
    assert "cơ quan chủ quản" in again.plain  # still asked


async def test_settings_change_the_heading_and_the_workbook_names_the_agency(env: Env) -> None:
    chair, _police, member, group = cast(env)
    await some_tasks(env, chair, group)
    saved = await env.say(chair, group, "/caidat coquan UBND quận Long Biên")
    assert "cơ quan chủ quản «UBND quận Long Biên»" in saved.plain
    assert "Chỉ Trưởng ban" in (await env.say(member, group, "/caidat coquan Khác")).plain
    shown = await env.say(chair, group, "/caidat")
    assert "cơ quan UBND quận Long Biên" in shown.plain and "người ký (chưa có)" in shown.plain

    report = await env.say(chair, group, "/baocao")  # one field set: not asked
    assert report.document is not None
    assert Document(io.BytesIO(report.document.data)).tables[0].rows[0].cells[0].text.startswith("UBND QUẬN LONG BIÊN")

    workbook = await env.say(chair, group, "/xuat")
    assert workbook.document is not None
    title = load_workbook(io.BytesIO(workbook.document.data))["Nhiệm vụ"]["A1"].value
    assert title.startswith("UBND QUẬN LONG BIÊN — BCĐ Chuyển đổi số phường Sài Đồng")


async def test_members_may_not_make_the_report(env: Env) -> None:
    _chair, _police, member, group = cast(env)
    refused = await env.say(member, group, "/baocao")
    assert "Chỉ Trưởng ban hoặc thư ký" in refused.plain and refused.document is None


async def test_the_secretary_who_answers_the_heading_question_may_also_correct_it(env: Env) -> None:
    # /baocao is the chair's and the secretary's; the bot's first question lets the secretary give the
    # heading, so /caidat coquan … must let them correct a typo in it (the reminder settings stay the chair's).
    chair, _police, member, group = cast(env)
    await some_tasks(env, chair, group)
    secretary = env.world.add_user("Minh", "Trần", username="minh_thuky")
    env.world.add_member(group, secretary)
    await env.say(chair, group, "/vaitro @minh_thuky thuky")
    prompt = await env.say(secretary, group, "/baocao")
    answered = await env.say(secretary, group, "UBND phường Sài Đông; Long Biên; Nguyễn Thị Lan", reply_to=prompt)
    assert "Đã lưu" in answered.plain
    fixed = await env.say(secretary, group, "/caidat coquan UBND phường Sài Đồng")
    assert "cơ quan chủ quản «UBND phường Sài Đồng»" in fixed.plain
    assert "Chỉ Trưởng ban" in (await env.say(secretary, group, "/caidat gio 9:00")).plain
    refused = await env.say(member, group, "/caidat nguoiky Phạm Minh")
    assert "Chỉ Trưởng ban hoặc thư ký" in refused.plain
    shown = await env.say(member, group, "/caidat")
    assert "cơ quan UBND phường Sài Đồng" in shown.plain and "người ký Nguyễn Thị Lan" in shown.plain


async def test_a_report_setting_alone_says_what_is_written_and_a_too_long_one_says_so(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    await env.say(chair, group, "/caidat coquan UBND phường Sài Đồng")
    shown = await env.say(chair, group, "/caidat coquan")
    assert "đang ghi cơ quan chủ quản «UBND phường Sài Đồng»" in shown.plain and "Chưa hiểu" not in shown.plain
    unset = await env.say(chair, group, "/caidat nguoiky")
    assert "Chưa có người ký" in unset.plain and "/caidat nguoiky Nguyễn Thị Lan" in unset.plain
    code = await env.say(chair, group, "/caidat kyhieu")
    assert "ký hiệu «BCĐ»" in code.plain  # the default the report writes
    long = await env.say(chair, group, "/caidat nguoiky " + "Nguyễn Văn " * 12)
    assert "tối đa 100" in long.plain and "chưa lưu" in long.plain
    assert "người ký (chưa có)" in (await env.say(chair, group, "/caidat")).plain


async def test_a_report_of_a_period_without_tasks_says_so_in_its_caption(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    await some_tasks(env, chair, group)
    await env.say(chair, group, "/caidat coquan UBND phường Sài Đồng")
    empty = await env.say(chair, group, "/baocao thang 1/2026")
    assert empty.document is not None and "không có nhiệm vụ nào trong kỳ này" in empty.plain
    full = await env.say(chair, group, "/baocao")
    assert full.document is not None and "không có nhiệm vụ nào" not in full.plain
