"""docs11, end to end: an Excel tracking sheet sent with /nhap gives the preview the chair sees, one item a
row; the bot's own /xuat workbook sent back gives the same tasks; an old .xls gets a clear answer."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from bot.texts import BTN_GATHER_DONE
from emulator import text_mention
from tests.e2e.conftest import Env

pytestmark = [pytest.mark.e2e]


def office_sheet() -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = "Tháng 12"
    ws.append(["BẢNG THEO DÕI NHIỆM VỤ THEO KẾT LUẬN GIAO BAN NGÀY 23/11/2026"])
    ws.merge_cells("A1:F1")
    ws.append(["Stt", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Ghi chú / Kết quả"])
    ws.append(["I", "LĨNH VỰC CHUYỂN ĐỔI SỐ"])
    ws.append([1, "Rà soát hồ sơ thủ tục hành chính một cửa", "VP", "Công an phường", datetime(2026, 12, 15), None])
    ws.append([2, "Đăng tin hoạt động của phường lên Cổng TTĐT", "Ban biên tập", None, "Thường xuyên", "Đã đăng"])
    ws.append([3, "Xây dựng kế hoạch chuyển đổi số năm 2027", "Văn phòng", None, "Quý I/2027", None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_a_tracking_sheet_with_nhap_gives_a_preview_one_item_a_row(env: Env) -> None:
    chair = env.world.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = env.world.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair)
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP, Văn phòng")
    env.world.send_document(chair, group, "bang-theo-doi.xlsx", office_sheet(), caption="/nhap")
    preview = await env.world.wait_for(lambda m: "Xem trước" in m.plain, chat=group, timeout=30)
    await env.idle()
    text = preview.plain
    assert "Xem trước: 3 nhiệm vụ" in text
    assert "Đọc từ bảng Excel (trang «Tháng 12»): 3 dòng việc" in text
    assert "«Đơn vị chủ trì» → chủ trì" in text and "Bỏ qua 1 dòng đề mục" in text
    assert "1. Rà soát hồ sơ thủ tục hành chính một cửa\n" in text
    assert "Chủ trì: Văn phòng HĐND&UBND · 🤝 Phối hợp: Công an phường · 📅 Hạn: 15/12/2026" in text  # VP: its unit
    # a standing duty has no day: the preview says the bot will not remind it (qa17), and keeps the sheet's words
    assert "Chủ trì: Ban biên tập · 🤝 Phối hợp: — · 📅 Hạn: không có hạn (kết luận ghi «Thường xuyên»)" in text
    assert "bot không nhắc hạn việc này" in text
    assert "📅 Hạn: 31/03/2027" in text
    assert "LĨNH VỰC" not in text
    await env.press(chair, preview, preview.buttons[0][0]["text"])  # «Lưu tất cả»
    assert await env.task_count() == 3


async def test_the_xuat_workbook_sent_back_with_nhap_gives_the_same_tasks(env: Env) -> None:
    chair = env.world.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = env.world.add_user("Bình", "Lê")
    group = env.world.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh])
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP, Văn phòng")
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, ["/donvi gan Văn phòng ", text_mention(binh)])
    await env.say(chair, group, "/giao Văn phòng chủ trì, phối hợp Công an phường rà soát camera an ninh "
                                "xong trước ngày 15/12")
    await env.say(chair, group, "/giao Công an phường tổng hợp số liệu dân cư trong tháng 12")
    sent = await env.say(chair, group, "/xuat")
    assert sent.document is not None
    ws = load_workbook(io.BytesIO(sent.document.data))["Nhiệm vụ"]
    exported = [row for row in ws.iter_rows(min_row=4, values_only=True) if isinstance(row[1], int)]

    # In the private chat (a gathering): the file, then «Xong, phân tích».
    await env.say(chair, chair, "/nhap")
    env.world.send_document(chair, chair, sent.document.filename, sent.document.data)
    got = await env.world.wait_for(lambda m: "Đã nhận 1 phần" in m.plain, chat=chair, timeout=30)
    await env.idle()
    await env.press(chair, env.world.message(chair, got.message_id), BTN_GATHER_DONE)
    preview = await env.world.wait_for(lambda m: "Xem trước" in m.plain, chat=chair, timeout=30)
    text = preview.plain
    assert f"Xem trước: {len(exported)} nhiệm vụ" in text
    for k, row in enumerate(exported, start=1):
        due = row[8].strftime("%d/%m/%Y")
        assert f"{k}. {row[2]}\n    🏢 Chủ trì: {row[3]} · 🤝 Phối hợp: {row[4] or '—'} · 📅 Hạn: {due}" in text


async def test_an_old_xls_file_is_answered_with_how_to_save_it_as_xlsx(env: Env) -> None:
    chair = env.world.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = env.world.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair)
    await env.say(chair, group, "/viec")
    env.world.send_document(chair, group, "bang-theo-doi.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
                            caption="/nhap")
    answer = await env.world.wait_for(chat=group, timeout=30)
    assert "Excel 97–2003" in answer.plain and "(*.xlsx)" in answer.plain
    assert await env.task_count() == 0
