"""qa11: a reminder of several tasks on a phone (390 px). Its buttons come four to a row, one row a task;
they were «✅ Xong #3 … 🚧 Vướng mắc #19»: the phone cut each label after a word, and every row read
«Xong … · Tiến … · Gia h… · Vướn…» — which row was which task could not be told."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium

pytestmark = needs_chromium

# The width of the part of each button's label up to its task number, against the room the button has.
NUMBER_SHOWN = """(row) => [...row.querySelectorAll('.keyboard button')].map((b) => {
  const label = b.textContent;
  const m = label.match(/^.*?#\\d+/u);
  const probe = document.createElement('span');
  probe.style.font = getComputedStyle(b).font;
  probe.style.whiteSpace = 'pre';
  probe.textContent = m ? m[0] : label;
  document.body.appendChild(probe);
  const needed = probe.getBoundingClientRect().width;
  probe.remove();
  const style = getComputedStyle(b);
  const room = b.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {label, fits: !!m && needed <= room};
})"""


async def test_a_reminder_of_several_tasks_shows_each_buttons_task_number_on_a_phone(
    browser: Any, sandbox: Sandbox
) -> None:
    chair, contact = sandbox.personas["chair"].user.id, sandbox.personas["contact"].user.id
    sandbox.open_private(contact)
    for n in range(12, 17):  # five tasks of hers due on the same day (Wednesday 25/11)
        sandbox.send(chair, sandbox.group.id, f"/giao @hoa_vanphong rà soát hồ sơ tổ dân phố {n} trước ngày 25/11")
    await sandbox.idle()
    await sandbox.move_clock(step="next")
    page = await browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN")
    await page.goto(sandbox.url)
    await page.click("#personas li[data-persona=contact]")
    await page.click("#chats li[data-chat=private]")
    reminder = page.locator("#messages .row.bot", has_text="5 nhiệm vụ").last
    await expect(reminder.locator(".keyboard button").first).to_be_visible()
    buttons = await reminder.evaluate(NUMBER_SHOWN)
    assert len(buttons) == 20
    cut = [b["label"] for b in buttons if not b["fits"]]
    assert not cut, cut


async def test_a_question_naming_the_secretary_opens_her_reply(page: Any, sandbox: Sandbox) -> None:
    """Telegram opens the reply box of a selective ForceReply for the people it @mentions. The page did so only
    for a question replying to her message or just after a button press: «/nhap» typed alone was answered
    «@minh_thuky 📋 Trả lời (reply) tin nhắn này …», her paste went as a plain message, and nothing came."""
    await page.click("#personas li[data-persona=secretary]")
    box = page.locator("#input")
    await box.fill("/nhap")
    await box.press("Enter")
    await expect(page.locator("#messages .row.bot").last).to_contain_text("Trả lời (reply) tin nhắn này")
    await expect(page.locator("#reply-bar")).to_be_visible()
    await box.fill("1. Giao Văn phòng rà soát hồ sơ một cửa trước ngày 30/11.")
    await box.press("Enter")
    await expect(page.locator("#messages .row.bot").last).to_contain_text("Xem trước: 1 nhiệm vụ")
