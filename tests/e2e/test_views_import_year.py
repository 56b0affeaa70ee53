"""/nhap: an item whose day-month without a year lands about a year ahead of the day it was read against
(the meeting's date, or the day of an edit in the preview) is flagged in the preview, as /giao and /sua
flag it; the rule stands and the task is saved with that date (the e2e clock is Monday 23/11/2026)."""

from __future__ import annotations

from datetime import date

from tests.e2e.conftest import Env

FLAG = "Hạn không ghi năm nên được hiểu là"

# Read against the meeting's date (01/9/2026): «30/8» is 30/8/2027, a year after the meeting though
# not 300 days after today; «15/12» this year; «20/11/2027» has its year written.
CONCLUSION = """THÔNG BÁO
Kết luận của Trưởng ban tại cuộc họp Ban chỉ đạo ngày 01/9/2026
1. Giao Văn phòng rà soát hồ sơ một cửa, hoàn thành trước ngày 30/8.
2. Giao Công an phường rà soát camera an ninh xong trước ngày 15/12.
3. Giao Văn phòng cập nhật cổng thông tin trước ngày 20/11/2027.
4. Giao Công an phường kiểm tra cư trú tổ dân phố 5 xong trước ngày 25/8.
"""


def items(preview: str) -> dict[int, str]:
    """The preview's items by number, each with its flag lines."""
    out: dict[int, str] = {}
    for block in preview.split("\n\n"):
        head = block.split(".", 1)[0]
        if head.isdigit():
            out[int(head)] = block
    return out


async def test_the_preview_flags_a_date_without_year_read_as_next_year(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[])
    await env.say(chair, group, "/donvi them Công an phường = CA")

    pasted = (await env.say(chair, group, "/nhap\n" + CONCLUSION)).plain
    shown = items(pasted)
    assert f"{FLAG} 30/08/2027 (năm 2027)" in shown[1] and "1 hạn " in shown[1]
    assert f"{FLAG} 25/08/2027 (năm 2027)" in shown[4] and "4 hạn " in shown[4]
    assert FLAG not in shown[2] and FLAG not in shown[3]

    # The same from a file.
    w.send_document(chair, group, "ket_luan.txt", CONCLUSION.encode("utf-8"), caption="/nhap")
    filed = await w.wait_for(lambda m: "Xem trước" in m.plain, timeout=30, chat=group)
    assert [k for k, block in items(filed.plain).items() if FLAG in block] == [1, 4]

    # An edit in the preview is read against today: «2 hạn 10/11» lands in 2027 and is flagged there too;
    # «1 hạn 15/12» is this year's and the flag goes.
    w.send_text(chair, group, "2 hạn 10/11", reply_to=filed)
    answer = await w.wait_for(lambda m: "Mục 2" in m.plain, timeout=30, chat=group)
    assert "10/11/2027" in answer.plain
    await env.idle()
    newest = [m for m in w.bot_messages(group) if "Xem trước" in m.plain][-1]
    w.send_text(chair, group, "1 hạn 15/12", reply_to=newest)
    await w.wait_for(lambda m: "Mục 1" in m.plain, timeout=30, chat=group)
    await env.idle()
    latest = [m for m in w.bot_messages(group) if "Xem trước" in m.plain][-1].plain
    assert [k for k, block in items(latest).items() if FLAG in block] == [2, 4]
    assert "15/12/2026" in items(latest)[1]

    # Saved as read: the flag asks to check, it does not change the date.
    newest = [m for m in w.bot_messages(group) if "Xem trước" in m.plain][-1]
    await env.press(chair, newest, "💾 Lưu tất cả (4)")
    assert (await env.task(1, group)).due_current == date(2026, 12, 15)
    assert (await env.task(4, group)).due_current == date(2027, 8, 25)
