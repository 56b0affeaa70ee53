"""Session 10 (board18): what a district chair and a ward secretary read on the board that said too much or
contradicted itself. «15 đã hoàn thành» (all time) beside a district line's «Tháng 11/2026: 8/25»; a new ward
shown as 0 · 0 · 0, filters and «Không có nhiệm vụ nào.»; the district's chart saying the same «Chưa có nhiệm vụ
nào… xem thẻ Ban cấp dưới» under each of three headings. Assertions are on what is on screen, at 360 px."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium
from tests.sandbox.test_board_browser import district_over_the_ward
from tests.sandbox.test_qa14_board import PHONE, ward_with_overdue_work

pytestmark = needs_chromium


async def test_a_district_and_a_new_ward_say_they_have_no_tasks_once(browser: Any, sandbox: Sandbox) -> None:
    await ward_with_overdue_work(sandbox)  # Thursday 26/11: the sandbox's ward, two tasks overdue
    chair, group = sandbox.personas["chair"].user.id, sandbox.group
    assert group is not None
    sandbox.send(chair, group.id, "/xong 1")  # one done: the ward's «đã hoàn thành» is not 0
    await sandbox.idle()
    district_chair, district = await district_over_the_ward(sandbox)
    w = sandbox.world
    mai = w.add_user("Mai", "Đỗ", username="mai_aimo")
    new_ward = w.add_group("BCĐ phường Ái Mộ", creator=mai)  # linked, never given a task
    sandbox.send(district_chair.id, district.id, "/lienket ma")
    await sandbox.idle()
    code = w.bot_messages(district)[-1].plain.split("Mã liên kết: ")[1].split(" ")[0]
    sandbox.send(mai.id, new_ward.id, f"/lienket {code}")
    await sandbox.idle()
    await sandbox.move_clock(step="monday")  # 30/11
    await sandbox.move_clock(step="monday")  # 7/12: the chart shows November (the summary's), December, Q IV

    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await expect(p.locator(".lower")).to_have_count(2)
    # The district's chart: what it is said once, no heading over nothing, the wards a tap away.
    await p.click("[data-tab=chart]")
    main = p.locator("#main")
    await expect(main.locator("[data-empty]")).to_have_text("Ban chưa giao nhiệm vụ riêng.")
    await expect(main.locator("h3")).to_have_count(0)
    await expect(main.locator(".legend")).to_have_count(0)
    assert " ".join((await main.inner_text()).split()) == "Ban chưa giao nhiệm vụ riêng. Xem các Ban cấp dưới"
    await p.screenshot(path="/tmp/board18_district_chart.png", full_page=True)
    await p.click("[data-goto=lower]")
    await expect(p.locator(".lower")).to_have_count(2)
    # Its own tasks tab: said once, no 0 · 0 · 0 nor filters.
    await p.click("[data-tab=tasks]")
    await expect(main.locator("[data-empty]")).to_have_text("Ban chưa giao nhiệm vụ riêng.")
    await expect(main.locator(".totals")).to_have_count(0)
    await expect(main.locator("[data-filter], select, input")).to_have_count(0)

    # The new ward, opened from the district: one sentence, on each tab.
    await p.click("[data-tab=lower]")
    await p.locator(".lower", has_text="Ái Mộ").locator("b").click()
    await expect(main.locator("[data-empty]")).to_have_text("Ban này chưa có nhiệm vụ nào.")
    assert (await main.inner_text()).strip() == "Ban này chưa có nhiệm vụ nào."  # no «Không có nhiệm vụ nào.», no 0s
    await expect(main.locator(".totals, [data-filter], select, input")).to_have_count(0)
    await p.screenshot(path="/tmp/board18_ward_empty.png", full_page=True)
    for tab in ("chart", "calendar"):
        await p.click(f"[data-tab={tab}]")
        assert (await main.inner_text()).strip() == "Ban này chưa có nhiệm vụ nào."

    # The ward with work: its «đã hoàn thành» says it counts all time, beside the district line's November.
    await p.click("#up")
    await p.locator(".lower", has_text="1 quá hạn").locator("b").click()
    await expect(main.locator(".totals .done-ever")).to_have_text("1 đã hoàn thành từ trước đến nay")
    await expect(main.locator(".totals")).to_contain_text("1 đang mở")
    await p.screenshot(path="/tmp/board18_ward_tasks.png")


async def test_a_chart_with_some_periods_empty_points_to_the_wards_once(browser: Any, sandbox: Sandbox) -> None:
    """A district that gave one task of its own in December: November says it had none under its heading, and the
    pointer to the wards' figures comes once, under the chart, not with every empty heading."""
    await ward_with_overdue_work(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)
    await sandbox.move_clock(step="monday")  # 30/11
    await sandbox.move_clock(step="monday")  # 7/12
    sandbox.send(district_chair.id, district.id, "/giao Văn phòng quận tổng hợp báo cáo năm trước ngày 28/12")
    await sandbox.idle()
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await p.click("[data-tab=chart]")
    main = p.locator("#main")
    await expect(main.locator("h3")).to_have_count(3)
    november = main.locator(".bars[data-period=last_month]")
    await expect(november).to_contain_text("Chưa có nhiệm vụ nào của Ban trong kỳ này.")
    await expect(main.locator(".bars[data-period=month] .row")).to_have_count(1)
    assert (await main.inner_text()).count("xem thẻ «Ban cấp dưới»") == 1
    await p.screenshot(path="/tmp/board18_district_chart_some.png", full_page=True)


async def test_a_chart_with_nothing_in_its_periods_says_so_once(browser: Any, sandbox: Sandbox) -> None:
    """A district whose one task of its own was cancelled: it has tasks, none counted in November, December or the
    quarter. One line names the three periods, not three headings each over the same line."""
    await ward_with_overdue_work(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)
    await sandbox.move_clock(step="monday")  # 30/11
    await sandbox.move_clock(step="monday")  # 7/12
    for text in ("/giao Văn phòng quận tổng hợp báo cáo năm trước ngày 28/12", "/huy 1 giao nhầm"):
        sandbox.send(district_chair.id, district.id, text)
        await sandbox.idle()
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await p.click("[data-tab=chart]")
    main = p.locator("#main")
    await expect(main.locator("[data-chart-none]")).to_have_text(
        "Chưa có nhiệm vụ nào của Ban trong tháng 11/2026, tháng 12/2026 và quý IV/2026."
    )
    await expect(main.locator("h3")).to_have_count(0)
    assert (await main.inner_text()).count("Chưa có nhiệm vụ") == 1
    await p.screenshot(path="/tmp/board18_district_chart_none.png", full_page=True)
    await p.click("[data-goto=lower]")
    await expect(p.locator(".lower")).to_have_count(1)
