"""Session 10 (board17): the district's list of wards as its chair reads it. The ward's line counted the month
under way while the chart and the Monday summary reported the month just ended, and the wards came in
alphabetical order, a ward far behind lost in the middle of a dozen. Assertions are on what is on screen."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium
from tests.sandbox.test_board_browser import district_over_the_ward
from tests.sandbox.test_qa14_board import PHONE, ward_with_overdue_work

pytestmark = needs_chromium


async def test_wards_most_overdue_first_each_line_naming_the_summarys_month(browser: Any, sandbox: Sandbox) -> None:
    await ward_with_overdue_work(sandbox)  # Thursday 26/11: the sandbox's ward has two tasks overdue
    district_chair, district = await district_over_the_ward(sandbox)
    w = sandbox.world
    mai = w.add_user("Mai", "Đỗ", username="mai_aimo")
    ward = w.add_group("BCĐ phường Ái Mộ", creator=mai)
    sandbox.send(district_chair.id, district.id, "/lienket ma")
    await sandbox.idle()
    code = w.bot_messages(district)[-1].plain.split("Mã liên kết: ")[1].split(" ")[0]
    sandbox.send(mai.id, ward.id, f"/lienket {code}")
    await sandbox.idle()
    await sandbox.move_clock(step="monday")  # 30/11
    await sandbox.move_clock(step="monday")  # 7/12: this week's summary reports November

    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    lines = p.locator(".lower")
    await expect(lines).to_have_count(2)
    await expect(p.locator(".lower-order")).to_have_text("Xếp theo số nhiệm vụ quá hạn, nhiều nhất trước.")
    # The ward behind first, though «Ái Mộ» comes first in the alphabet.
    await expect(lines.nth(0)).to_contain_text("2 quá hạn")
    await expect(lines.nth(1)).to_contain_text("BCĐ phường Ái Mộ")
    # November, named — the month the summary reports this week — not «tháng này» (December, a week old).
    await expect(lines.nth(0).locator(".month")).to_have_text("Tháng 11/2026: 0/2 xong đúng hạn")
    await expect(lines.nth(1).locator(".month")).to_have_text("Tháng 11/2026: chưa có nhiệm vụ")
    # The wards added up above them: the lines add up to it.
    total = p.locator("[data-total]")
    await expect(total).to_contain_text("Cộng 2 Ban cấp dưới")
    await expect(total).to_contain_text("2 đang mở · 2 quá hạn")
    await expect(total.locator(".month")).to_have_text("Tháng 11/2026: 0/2 xong đúng hạn")
    await p.screenshot(path="/tmp/board17_lower.png", full_page=True)
    # The ward's own chart reads the line's «0/2» for November on its first row, «Cả Ban», not spread over units.
    # On a phone she taps the ward's name, not only «Mở bảng»: it opens the ward.
    ward_id = await lines.nth(0).get_attribute("data-committee")
    assert ward_id
    await lines.nth(0).locator("b").click()
    await expect(p.locator("#committee")).to_have_value(ward_id)
    await p.click("[data-tab=chart]")
    whole = p.locator(".bars[data-period=last_month] .row").first
    await expect(whole).to_have_attribute("data-whole", "Cả Ban")
    # board16: the row says what its «x/y» counts (the month's due tasks) and the month's whole count — the line's
    # «/2» is that whole count; here both tasks were due in November, so the two figures meet.
    await expect(whole).to_contain_text("0/2 việc đến hạn trong kỳ xong đúng hạn · 2 việc trong kỳ")

    # The summary says the same figures, in the same order.
    sandbox.send(district_chair.id, district.id, "/tonghop")
    await sandbox.idle()
    text = "\n".join(m.plain for m in w.bot_messages(district)[-3:])
    assert "xong đúng hạn / số nhiệm vụ tháng 11/2026" in text
    first, second = text.index(": 2 · 2 · 0/2"), text.index("BCĐ phường Ái Mộ: 0 · 0 · chưa có nhiệm vụ")
    assert first < second
    assert "Cộng 2 Ban: 2 · 2 · 0/2" in text
    # The district gives no tasks of its own: said so, not «Dùng /giao để giao việc» over a month of zeros.
    assert "Ban chưa giao nhiệm vụ riêng. Tình hình các Ban cấp dưới ở cuối bản tổng hợp." in text
    assert "Giao mới: 0" not in text and "Dùng /giao" not in text


async def test_a_card_under_its_units_heading_does_not_repeat_the_unit(browser: Any, sandbox: Sandbox) -> None:
    """Every card under «Công an phường» said «Chủ trì: Công an phường» again: with a unit named «Phòng Văn hóa,
    Khoa học và Thông tin …» that was three lines of each card on a phone. A card names its lead only when it is
    not the heading it sits under."""
    chair, group = sandbox.personas["chair"].user.id, sandbox.group
    assert group is not None
    for text in ("/giao Công an phường chủ trì, phối hợp VP lắp camera an ninh tổ 5 trước ngày 4/12",
                 "/giao @binh_pham cập nhật tin bài lên Cổng thông tin trước ngày 30/11"):
        sandbox.send(chair, group.id, text)
        await sandbox.idle()
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(chair, group.id))
    police = p.locator(".group", has=p.locator(".unit", has_text="Công an phường"))
    await expect(police.locator(".task")).to_have_count(1)
    await expect(police.locator(".task .meta")).to_have_text("Hạn: 04/12/2026")
    card = p.locator(".task[data-number='2']")
    await expect(card.locator(".meta")).not_to_contain_text("Chủ trì")
    await card.click()  # the detail still names the lead
    await expect(p.locator("#detail dl")).to_contain_text("Chủ trì@binh_pham")
    # ... once: not again as «Người thực hiện @binh_pham» right under it.
    await expect(p.locator("#detail dl")).not_to_contain_text("Người thực hiện")


async def test_a_long_unit_names_count_stays_on_one_line(browser: Any, sandbox: Sandbox) -> None:
    """«Phòng Văn hóa … Truyền thông phường» wrapped, and its count beside it was squeezed into «1 · 1 / quá / hạn»,
    three lines of one word (a column of the desktop layout). The name wraps; the count stays one line."""
    chair, group = sandbox.personas["chair"].user.id, sandbox.group
    assert group is not None
    for text in ("/donvi them Trung tâm Văn hóa - Thể thao và Truyền thông phường kiêm Phòng Văn hóa Khoa học "
                 "và Thông tin = VHTT",
                 "/giao VHTT tổ chức tuyên truyền chuyển đổi số trước ngày 25/11",
                 "/giao VP rà soát hồ sơ thủ tục một cửa trước ngày 30/11"):  # fmt: skip
        sandbox.send(chair, group.id, text)
        await sandbox.idle()
    for _ in range(3):
        await sandbox.move_clock(step="day")  # Thursday 26/11: overdue
    p = await browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")  # two columns of units
    await p.goto(sandbox.url + sandbox.board_link(chair, group.id))
    count = p.locator(".unit", has_text="Trung tâm Văn hóa").locator("small")
    await expect(count).to_have_text("1 · 1 quá hạn")
    # One line: its height under two of its letters' (three stacked words were over four).
    assert await count.evaluate("e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).fontSize)") < 2
    heading = p.locator(".unit", has_text="Trung tâm Văn hóa")
    name_lines = await heading.evaluate("e => e.getBoundingClientRect().height")
    assert name_lines > 30  # the name itself does wrap (the test is of a long name)


async def test_a_units_cards_come_most_overdue_first_then_by_deadline(browser: Any, sandbox: Sandbox) -> None:
    """The secretary preparing the meeting read each unit's cards by number: #1 on time, then #2 overdue, #3 more
    overdue. Most overdue first, then the nearest deadline, no deadline last."""
    chair, group = sandbox.personas["chair"].user.id, sandbox.group
    assert group is not None
    for text in ("/giao VP rà soát hồ sơ thủ tục một cửa trước ngày 30/11",
                 "/giao VP cập nhật Cổng thông tin trước ngày 25/11",
                 "/giao VP tổng hợp báo cáo tuần trước ngày 24/11",
                 "/giao VP lưu trữ hồ sơ năm 2025"):  # fmt: skip
        sandbox.send(chair, group.id, text)
        await sandbox.idle()
    for _ in range(3):
        await sandbox.move_clock(step="day")  # Thursday 26/11: #3 two days overdue, #2 one
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(sandbox.personas["secretary"].user.id, group.id))
    cards = p.locator(".group", has=p.locator(".unit", has_text="Văn phòng")).locator(".task")
    await expect(cards).to_have_count(4)
    assert [await c.get_attribute("data-number") for c in await cards.all()] == ["3", "2", "1", "4"]
