"""qa20: a ward secretary's and her chair's month in the sandbox (a signed Word conclusion, its scan and a phone
photo imported; reports, an extension, reminders through the deadlines, Monday summaries, the board), each fault
replayed through the emulator as the people concerned see it (the e2e clock starts Monday 23/11/2026, 09:00)."""

from __future__ import annotations

import re

from emulator import Message
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import bot_messages_since, committee, docx_of, preview_after
from tests.e2e.test_reminders_e2e import at, reminders, wake
from tests.e2e.wardkit import chair_and_group, office_with_contact

__all__ = ["reminders"]  # the fixture, imported for the reminder test below


async def test_the_past_deadline_warning_gives_an_example_she_can_follow(env: Env) -> None:
    """On 28/12 the secretary imported a conclusion whose first item was due 15/12: the warning above the items
    said «Mục 1 có hạn đã qua. Hãy sửa hạn (… ví dụ 3 hạn 20/12)» — item 3 was not late, and 20/12 was already
    past: typed as shown, it set another day gone by. The example names a late item and a day to come."""
    chair, _member, group = await committee(env)
    env.advance(days=35)  # Monday 28/12/2026
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap Kết luận giao ban\n"
                        "1. Giao Văn phòng rà soát hồ sơ một cửa trước ngày 15/12/2026.\n"
                        "2. Giao Công an phường kiểm tra camera an ninh trước ngày 20/01/2027.\n"
                        "3. Giao Trạm Y tế tiêm chủng mở rộng trước ngày 25/01/2027.")
    shown = "\n".join(p.plain for p in await preview_after(env, group, cursor))
    [warning] = [line for line in shown.split("\n") if "có hạn đã qua" in line]
    assert "Mục 1 có hạn đã qua" in warning
    [(item, day, month)] = re.findall(r"ví dụ (\d+) hạn (\d\d)/(\d\d)", warning)
    assert item == "1" and (day, month) == ("04", "01")  # a week from 28/12


async def test_a_reminder_with_the_chairs_overdue_task_and_a_units_task_says_what_both_buttons_do(
    reminders: Env,
) -> None:
    """25/12: one group message held #3 (three working days late, its unit without a contact: the chair's report,
    her «Hạn mới / Giao lại / Ghi chú #3») and #2 (due that day, «#2 ✅ Xong …»). Its footer said only «Người được
    nhắc bấm nút bên dưới để báo đã xong…»: nothing told the chair what her three buttons were for."""
    env = reminders
    chair, group = chair_and_group(env)
    await env.say(chair, group, "/donvi them Công an phường")
    await env.say(chair, group, "/donvi them Trạm Y tế phường")
    await env.say(chair, group, "/giao Công an phường kiểm tra camera an ninh trước ngày 2/12")
    await env.say(chair, group, "/giao Trạm Y tế phường tiêm chủng mở rộng trước ngày 10/12")
    before = len(env.world.bot_messages(group))
    await wake(env, at(2026, 12, 7, 8, 0))  # Monday: #1 three working days late, #2 three working days ahead
    [both] = [m for m in env.world.bot_messages(group)[before:] if "📅 Hạn mới #1" in m.button_texts()]
    assert "#2 ✅ Xong" in both.button_texts()
    assert "Trưởng ban bấm nút bên dưới để đặt hạn mới" in both.plain
    assert "Người được nhắc bấm nút bên dưới để báo đã xong" in both.plain


async def test_a_reply_the_preview_does_not_take_is_answered_with_examples_she_can_follow(env: Env) -> None:
    """On 28/12 the secretary replied «bỏ 2» to a two-item preview (to drop a repeated item) and read «Chưa hiểu
    yêu cầu sửa … theo mẫu: 3 hạn 20/12 — đổi hạn mục 3 …»: there was no item 3, 20/12 was past (typed as shown:
    «đã qua»), and nothing said how an item is dropped. The examples name an item the preview has and a day
    ahead, and the way to drop an item is named."""
    chair, _member, group = await committee(env)
    env.advance(days=35)  # Monday 28/12/2026
    cursor = len(env.world.bot_messages(group))
    env.world.send_text(chair, group, "/nhap Kết luận giao ban\n"
                        "1. Giao Văn phòng rà soát hồ sơ một cửa trước ngày 15/01/2027.\n"
                        "2. Giao Công an phường kiểm tra camera an ninh trước ngày 20/01/2027.")
    pages = await preview_after(env, group, cursor)
    said = await env.say(chair, group, "bỏ 2", reply_to=pages[0])
    assert "Chưa hiểu yêu cầu sửa" in said.plain
    assert "2 hạn 04/01" in said.plain and "mục 3" not in said.plain and "20/12" not in said.plain
    assert "«🗑 Bỏ mục…»" in said.plain


LONG = "Kết luận giao ban tháng 12\n" + "\n".join(
    f"{k}. Giao {unit} chủ trì, phối hợp các tổ dân phố tổ chức kiểm tra, rà soát, tổng hợp đầy đủ số liệu về "
    f"nội dung số {k} theo hướng dẫn của UBND quận, báo cáo kết quả về UBND phường trước ngày {k}/01/2027."
    for k, unit in zip(range(1, 31), ["Văn phòng", "Công an phường", "Trạm Y tế phường"] * 10, strict=False)
)


def items_shown(pages: list[Message]) -> list[int]:
    """The items the preview's messages show, as the secretary reads them top to bottom."""
    return [int(n) for p in pages for n in re.findall(r"^(\d+)\. Giao", p.plain, re.M)]


async def test_dropping_an_item_of_a_long_preview_by_button_keeps_every_other_item_in_view(env: Env) -> None:
    """A 30-item conclusion came as a preview of three messages. «🗑 Bỏ mục…» then «1»: the last message (items
    23–30 and the buttons) became «📋 Xem trước: 29 nhiệm vụ — Các mục ở các tin nhắn bản xem trước phía trên»,
    so items 23–30 were shown nowhere (not while she picked the number either), and the first message still
    showed item 1. Every kept item stays in view, the dropped one is gone, and it is still one preview."""
    chair, _member, group = await committee(env)
    cursor = len(env.world.bot_messages(group))
    env.world.send_document(chair, group, "ket_luan.docx", docx_of(LONG), caption="/nhap")
    pages = await preview_after(env, group, cursor)
    assert len(pages) >= 2 and items_shown(pages) == list(range(1, 31))
    await env.press(chair, pages[-1], "🗑 Bỏ mục…")
    assert items_shown(pages) == list(range(1, 31))  # she picks a number she can see
    [one] = [b["callback_data"] for row in pages[-1].buttons for b in row if b["text"] == "1"]
    query = env.world.press_button(chair, pages[-1], one)
    await env.world.wait_until(lambda: query.answered)
    await env.idle()
    assert items_shown(pages) == list(range(2, 31))
    assert "Xem trước: 29 nhiệm vụ" in pages[0].plain
    assert len(bot_messages_since(env, group, cursor)) == len(pages)  # edited in place, not sent again
    assert "💾 Lưu tất cả (29)" in pages[-1].button_texts()
    await env.press(chair, pages[-1], "✏️ Sửa mục…")
    await env.press(chair, pages[-1], "Quay lại")
    assert items_shown(pages) == list(range(2, 31)) and "💾 Lưu tất cả (29)" in pages[-1].button_texts()


async def test_a_reminder_whose_late_task_keeps_the_assignees_buttons_does_not_speak_of_the_chairs(
    reminders: Env,
) -> None:
    """18/12: one group message held #1 (three working days late; Văn phòng's Hoa and the chair both named under
    it, its buttons Hoa's «#1 ✅ Xong …») and #3. The footer must not tell the chair to press «Hạn mới / Giao lại /
    Ghi chú»: there were none."""
    env = reminders
    office = await office_with_contact(env)
    await env.say(office.chair, office.group, "/donvi them Trạm Y tế phường")
    await env.say(office.chair, office.group, "/giao VP rà soát hồ sơ một cửa trước ngày 2/12")
    await env.say(office.chair, office.group, "/giao Trạm Y tế phường tiêm chủng mở rộng trước ngày 10/12")
    before = len(env.world.bot_messages(office.group))
    await wake(env, at(2026, 12, 7, 8, 0))
    [both] = [m for m in env.world.bot_messages(office.group)[before:] if "#1 ✅ Xong" in m.button_texts()]
    assert "#2 ✅ Xong" in both.button_texts() and not any("Hạn mới" in t for t in both.button_texts())
    assert "Trưởng ban bấm nút bên dưới" not in both.plain
    assert "Người được nhắc bấm nút bên dưới để báo đã xong" in both.plain
