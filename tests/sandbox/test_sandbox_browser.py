"""The sandbox page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no
browser download): a newcomer types a /giao as the chair, the assignee presses a button and
replies, the clock moves to the next reminder and it arrives. Assertions are on what is on screen.
Playwright's own waits (expect(...)) wait for the page; nothing sleeps."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium

pytestmark = needs_chromium


def last_bot_message(page: Any) -> Any:
    return page.locator("#messages .row.bot").last


async def send(page: Any, text: str) -> None:
    box = page.locator("#input")
    await box.fill(text)
    await box.press("Enter")


async def test_giao_button_reply_and_the_next_reminder(page: Any, sandbox: Sandbox) -> None:
    p = page
    # The chair's set-up is already in the group.
    await expect(p.locator("#messages")).to_contain_text("Văn phòng HĐND&UBND")
    await expect(p.locator("#personas li.active")).to_contain_text("Nguyễn Thị Lan")
    await expect(p.locator("#clock")).to_contain_text("Thứ Hai, 23/11/2026 · 09:00")

    await send(p, "/giao @hoa_vanphong rà soát hồ sơ thủ tục một cửa xong trước ngày 2/12")
    reply = last_bot_message(p)
    await expect(reply).to_contain_text("Đã ghi nhiệm vụ #1")
    await expect(reply.locator(".reply-quote")).to_contain_text("/giao @hoa_vanphong")
    # HTML rendered as Telegram renders it: "#1" in bold, the buttons under the message.
    await expect(reply.locator("b", has_text="#1")).to_be_visible()
    await expect(reply.locator(".keyboard button", has_text="Sửa hạn")).to_be_visible()

    # The bot's time moves to the next reminder: Friday 08:00, three working days before.
    await p.click("button[data-step=next]")
    await expect(p.locator("#clock")).to_contain_text("Thứ Sáu, 27/11/2026 · 08:00")
    reminder = last_bot_message(p)
    await expect(reminder).to_contain_text("@hoa_vanphong")
    await expect(reminder.locator(".keyboard button", has_text="Báo cáo tiến độ")).to_be_visible()

    # The assignee presses a button; the bot asks, her reply is started for her; she answers.
    await p.click("#personas li[data-persona=contact]")
    await expect(p.locator("#chat-sub")).to_contain_text("Lê Thị Hoa")
    await last_bot_message(p).locator(".keyboard button", has_text="Báo cáo tiến độ").click()
    await expect(last_bot_message(p)).to_contain_text("Trả lời (reply) tin nhắn này")
    await expect(p.locator("#reply-bar")).to_be_visible()
    await send(p, "Đã rà soát 20/35 hồ sơ")
    await expect(last_bot_message(p)).to_contain_text("Đã ghi tiến độ #1")
    await expect(p.locator("#messages .row.mine").last).to_contain_text("Đã rà soát 20/35 hồ sơ")

    # Monday's summary, then the reminder of the day before the deadline.
    await p.click("button[data-step=next]")
    await expect(last_bot_message(p)).to_contain_text("TỔNG HỢP")
    await p.click("button[data-step=next]")
    await expect(p.locator("#clock")).to_contain_text("Thứ Ba, 01/12/2026 · 08:00")
    await expect(last_bot_message(p)).to_contain_text("#1")
    await expect(last_bot_message(p).locator(".keyboard button", has_text="Đã xong")).to_be_visible()

    # "Đã xong": the bot answers the press and edits the reminder.
    await last_bot_message(p).locator(".keyboard button", has_text="Đã xong").click()
    await expect(p.locator("#toast")).to_be_visible()
    await expect(p.locator("#messages")).to_contain_text("đã sửa")


async def test_private_chat_mentions_and_the_example(page: Any, sandbox: Sandbox) -> None:
    p = page
    await expect(p.locator("#messages")).to_contain_text("Thư ký")

    # A person without a username is picked from the "@" list: a text mention, as in Telegram.
    box = p.locator("#input")
    await box.fill("/giao ")
    await box.press_sequentially("@Đỗ")
    await expect(p.locator("#mention-list")).to_contain_text("không có username")
    await box.press("Enter")
    await box.press_sequentially("tổng hợp ý kiến xong trước ngày 4/12")
    await box.press("Enter")
    await expect(last_bot_message(p)).to_contain_text("Chủ trì: Đỗ Thị An")

    # Her private chat: "BẮT ĐẦU" sends /start, the bot welcomes her.
    await p.click("#personas li[data-persona=nousername]")
    await p.click("#chats li[data-chat=private]")
    await p.click("#start-button")
    await expect(last_bot_message(p)).to_contain_text("Xin chào")
    await send(p, "/viec")
    await expect(last_bot_message(p)).to_contain_text("#1")

    # "Nạp ví dụ": the chair sends a real meeting report with /nhap; the preview has its buttons.
    await p.click("#chats li[data-chat=group]")
    await p.click("#import")
    await expect(p.locator("#messages .doc-name").last).to_contain_text(".txt")
    await expect(last_bot_message(p)).to_contain_text("Xem trước")
    await expect(last_bot_message(p).locator(".keyboard button", has_text="Lưu tất cả")).to_be_visible()


def long_conclusion() -> str:
    """Two real meeting reports of the corpus, one after the other: about 10,800 characters."""
    seeds = Path(__file__).resolve().parents[1] / "data" / "seeds"
    return "\n\n".join((seeds / n).read_text(encoding="utf-8").strip()
                       for n in ("002_80cae7db236d09bc.txt", "004_2aba020f7bcf65ca.txt"))


async def test_a_long_conclusion_cut_in_the_group_then_gathered_privately(page: Any, sandbox: Sandbox) -> None:
    """The page cuts a long paste as Telegram's apps do: in the group the bot sees only the first part and
    says so, with a link; one click on it opens the private chat, where the whole paste is gathered."""
    p = page
    text = long_conclusion()
    await expect(p.locator("#messages")).to_contain_text("Văn phòng HĐND&UBND")
    before = await p.locator("#messages .row.mine").count()
    await send(p, "/nhap\n" + text)
    await expect(p.locator("#messages")).to_contain_text("Văn bản có vẻ bị cắt")
    await expect(p.locator("#messages .row.mine")).to_have_count(before + 3)  # three messages, as Telegram sends
    await p.locator("#messages a", has_text="trò chuyện riêng với bot").last.click()
    await expect(last_bot_message(p)).to_contain_text("Đang nhận kết luận cho")
    await send(p, text)
    await expect(last_bot_message(p)).to_contain_text("Đã nhận 3 phần")
    await last_bot_message(p).locator(".keyboard button", has_text="Xong, phân tích").click()
    await expect(p.locator("#messages")).to_contain_text("Xem trước")
    await expect(p.locator("#messages .keyboard button", has_text="Lưu tất cả")).to_be_visible()


async def test_a_reply_to_a_long_preview_shows_the_answer(page: Any, sandbox: Sandbox) -> None:
    """The official scrolls up the long preview to reply «3 hạn 20/12» to it: as in Telegram, what she
    sends and the bot's answer come into view (the page used to stay where she had scrolled, the
    answer below, unseen). Moving the bot's clock shows what fell due the same way."""
    p = page
    await p.click("#import")
    preview = last_bot_message(p)
    await expect(preview.locator(".keyboard button", has_text="Lưu tất cả")).to_be_visible()
    await p.locator("#messages").evaluate("box => { box.scrollTop = 0; }")  # up to the first items
    await preview.hover()
    await preview.locator(".reply-btn").click()
    await expect(p.locator("#reply-bar")).to_be_visible()
    first = await preview.get_attribute("data-message-id")
    await send(p, "3 hạn 20/12")
    answer = p.locator("#messages .row.bot", has_text="Mục 3: hạn mới 20/12/2026")
    await expect(answer).to_have_count(1)
    # The correction edits the preview in place (qa18): the answer ends the chat, in view; the part holding item 3
    # now shows the new day, and the preview keeps its one «Lưu tất cả» (no second copy of it was sent).
    await expect(answer).to_be_in_viewport()
    await expect(p.locator("#messages .row.bot", has_text=re.compile(r"Hạn: 20/12/2026"))).to_have_count(1)
    await expect(p.locator(f'#messages .row.bot[data-message-id="{first}"] .keyboard button', has_text="Lưu tất cả"))\
        .to_have_count(1)
    await expect(p.locator("#messages .keyboard button", has_text="Lưu tất cả")).to_have_count(1)

    await p.locator("#messages").evaluate("box => { box.scrollTop = 0; }")
    await p.click("button[data-step=monday]")
    await expect(p.locator("#messages .row.bot", has_text="TỔNG HỢP").last).to_be_in_viewport()
