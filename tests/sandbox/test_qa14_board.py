"""qa14: the board as a district chair reads it on a phone on Monday morning, and as a unit head opens it.
Assertions are on what is on screen (headless Chromium at a phone's width)."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium
from tests.sandbox.test_board_browser import district_over_the_ward

pytestmark = needs_chromium

PHONE = {"width": 360, "height": 740}


async def ward_with_overdue_work(sandbox: Sandbox) -> None:
    """The sandbox's ward: #1 to the Office (its contact @hoa_vanphong, known by username only), #2 to the
    police (no contact yet)."""
    chair, group = sandbox.personas["chair"].user.id, sandbox.group
    assert group is not None
    for text in (
        "/giao VP rà soát hồ sơ thủ tục một cửa trước ngày 25/11",
        "/giao Công an phường lắp camera an ninh tổ 5 trước ngày 24/11",
    ):
        sandbox.send(chair, group.id, text)
        await sandbox.idle()
    for _ in range(3):
        await sandbox.move_clock(step="day")  # Thursday 26/11: both overdue


async def test_a_district_chair_reads_who_carries_a_wards_overdue_task(browser: Any, sandbox: Sandbox) -> None:
    """She opened a ward's overdue task and read «Chủ trì: Văn phòng HĐND&UBND» and nothing else: not who
    in that office carries it (whom to call). The person the bot reminds is on the card and in the detail."""
    await ward_with_overdue_work(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await p.click(".lower button")
    await p.click("[data-filter=overdue]")
    card = p.locator(".task[data-number='1']")
    await expect(card).to_contain_text("@hoa_vanphong")
    await card.click()
    await expect(p.locator("#detail dl")).to_contain_text("Người thực hiện")
    await expect(p.locator("#detail dl")).to_contain_text("@hoa_vanphong")
    # A unit with nobody named yet says nothing of people (no empty row).
    await p.click("#detail .back")
    await p.click(".task[data-number='2']")
    await expect(p.locator("#detail h2")).to_contain_text("#2")
    await expect(p.locator("#detail dl")).not_to_contain_text("Người thực hiện")


async def test_a_ward_unlinked_while_the_district_board_is_open_says_so(browser: Any, sandbox: Sandbox) -> None:
    """The ward left the district (/lienket huy) while the district chair had her board open: she pressed
    «Mở bảng» on its line and nothing happened — the ward's name in the header over the district's page, no
    word of why. She reads that she cannot see it now, and nothing of the ward is shown."""
    await ward_with_overdue_work(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await expect(p.locator(".lower")).to_contain_text("phường Sài Đồng")
    assert sandbox.group is not None
    sandbox.send(sandbox.personas["chair"].user.id, sandbox.group.id, "/lienket huy 1")
    await sandbox.idle()
    await p.click(".lower button")
    await expect(p.locator("#main")).to_contain_text("không còn liên kết")
    await expect(p.locator(".task")).to_have_count(0)
    await p.click("#main [data-back]")  # and back to her district, where the ward is no longer listed
    await expect(p.locator("#committee option:checked")).to_have_text("BCĐ Chuyển đổi số quận Long Biên")
    await expect(p.locator(".lower")).to_have_count(0)
    await expect(p.locator("[data-tab=tasks]")).to_have_attribute("aria-selected", "true")  # not a blank page


async def test_the_board_left_open_over_an_hour_says_to_reopen_it(browser: Any, sandbox: Sandbox) -> None:
    """Opened at 9:00, looked at again at 10:30 in the same window: pressing «Mở bảng» of a ward did
    nothing at all. The page says the session is over and how to reopen it."""
    await ward_with_overdue_work(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await expect(p.locator(".lower")).to_contain_text("phường Sài Đồng")
    await sandbox.move_clock(step="hour")
    await sandbox.move_clock(step="hour")
    await p.click(".lower button")
    await expect(p.locator("#main")).to_contain_text("đóng bảng và mở lại")


async def test_the_calendar_of_a_ward_whose_work_is_all_overdue_does_not_say_there_is_none(
    browser: Any, sandbox: Sandbox
) -> None:
    """Every task of the ward overdue: «Lịch hạn» said «Không có nhiệm vụ nào.» — read as a ward with nothing
    to do. It says nothing falls due in the next four weeks, how many are overdue, and leads to them."""
    await ward_with_overdue_work(sandbox)
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    assert sandbox.group is not None
    await p.goto(sandbox.url + sandbox.board_link(sandbox.personas["chair"].user.id, sandbox.group.id))
    await p.click("[data-tab=calendar]")
    main = p.locator("#main")
    await expect(main).to_contain_text("4 tuần tới")
    await expect(main).not_to_contain_text("Không có nhiệm vụ nào.")
    await expect(main).to_contain_text("2 nhiệm vụ đã quá hạn")
    await p.click("#main [data-goto=overdue]")
    await expect(p.locator("[data-filter=overdue]")).to_have_class("chip on")
    await expect(p.locator(".task")).to_have_count(2)


async def test_a_district_chair_in_a_ward_gets_back_to_her_wards_in_one_tap(browser: Any, sandbox: Sandbox) -> None:
    """Having opened a ward from «Ban cấp dưới», the only way back to her district was the committee list at
    the top (a select she had to think of); she checks five wards one after another. A button under the
    ward's name leads back to the district's list of wards."""
    await ward_with_overdue_work(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)
    sandbox.send(district_chair.id, district.id, "/giao Văn phòng quận tổng hợp báo cáo quý IV trước ngày 20/12")
    await sandbox.idle()  # a district with work of its own opens on its tasks, not on its wards
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await p.click("[data-tab=lower]")
    await p.click(".lower button")
    await expect(p.locator("#role")).to_contain_text("Chỉ xem")
    back = p.locator("#up")
    await expect(back).to_contain_text("quận Long Biên")
    await back.click()
    await expect(p.locator("#committee option:checked")).to_have_text("BCĐ Chuyển đổi số quận Long Biên")
    await expect(p.locator("[data-tab=lower]")).to_have_attribute("aria-selected", "true")
    await expect(p.locator(".lower")).to_contain_text("phường Sài Đồng")
    await expect(p.locator("#up")).to_be_hidden()


async def test_a_ward_behind_stands_out_in_the_district_list(browser: Any, sandbox: Sandbox) -> None:
    """«2 đang mở · 2 quá hạn · 0 xong đúng hạn tháng này» in one grey line for every ward: the chair looking
    for the wards that are behind read every line. Their overdue figure is red, as the board's own total."""
    await ward_with_overdue_work(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    over = p.locator(".lower .over")
    await expect(over).to_have_text("2 quá hạn")
    red = await over.evaluate("e => getComputedStyle(e).color")
    grey = await p.locator(".lower .hint").first.evaluate("e => getComputedStyle(e).color")
    assert red == "rgb(217, 63, 63)" != grey


async def test_a_unit_head_filtering_his_unit_reads_his_units_figures(browser: Any, sandbox: Sandbox) -> None:
    """Hoa (the Office's contact) opened the board from «🗂 Bảng việc» and chose her unit: two cards under
    «2 đang mở · 2 quá hạn» of the whole committee (three open, the police's one among them) — she read
    that her office had one more than it has. With a unit chosen, the figures are that unit's."""
    await ward_with_overdue_work(sandbox)
    assert sandbox.group is not None
    sandbox.send(sandbox.personas["chair"].user.id, sandbox.group.id,
                 "/giao VP tổng hợp báo cáo chuyển đổi số quý IV trước ngày 28/12")
    await sandbox.idle()
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(sandbox.personas["contact"].user.id, sandbox.group.id))
    totals = p.locator(".totals")
    await expect(totals).to_contain_text("3 đang mở")
    await p.select_option("#main select >> nth=0", label="Văn phòng HĐND&UBND")
    await expect(p.locator(".task")).to_have_count(2)
    await expect(totals).to_contain_text("2 đang mở")
    await expect(totals).to_contain_text("1 quá hạn")
    await expect(totals).to_contain_text("Văn phòng HĐND&UBND")
    await p.click(".task[data-number='3']")
    await expect(p.locator("#detail .history")).to_contain_text("giao việc")


async def test_a_task_closed_two_months_ago_is_still_found_by_its_number(browser: Any, sandbox: Sandbox) -> None:
    """The board keeps closed tasks 45 days; a unit head asked about #1, done in November, typed «#1» in
    January and read «Không có nhiệm vụ nào.» — as if it never existed. Its number opens it, history and all."""
    from datetime import timedelta

    await ward_with_overdue_work(sandbox)
    assert sandbox.group is not None
    sandbox.send(sandbox.personas["contact"].user.id, sandbox.group.id, "/xong 1 đã rà soát xong 35 hồ sơ")
    await sandbox.idle()
    await sandbox.move_clock(to=sandbox.clock.now() + timedelta(days=50))
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(sandbox.personas["contact"].user.id, sandbox.group.id))
    await p.fill("input[type=search]", "#1")
    await p.click("#list [data-open]")
    await expect(p.locator("#detail h2")).to_contain_text("#1")
    await expect(p.locator("#detail .history")).to_contain_text("đã rà soát xong 35 hồ sơ")


async def test_a_ward_with_250_open_tasks_shows_them_a_hundred_at_a_time(browser: Any, sandbox: Sandbox) -> None:
    """A ward's tracked register (250 open tasks) drew 250 cards at once and again on every letter typed in
    the search (about a second per letter on this machine for 1,000). The list shows a hundred, the unit's
    heading still counts them all, and «Xem thêm» shows the next hundred."""
    from datetime import date

    from bot.services import services_of
    from db import tasks as db_tasks
    from db.committees import committee_by_chat
    from db.tasks import NewAssignee
    from domain.types import Deadline, DeadlineKind

    assert sandbox.group is not None and sandbox.app is not None
    async with services_of(sandbox.app).session_factory() as s, s.begin():
        committee = await committee_by_chat(s, sandbox.group.id)
        assert committee is not None
        for n in range(1, 251):  # written straight to the database: the group's flood limit is 20 a minute
            await db_tasks.create_task(
                s, committee, text=f"Rà soát hồ sơ tổ dân phố {n}", assignees=[NewAssignee("lead", "Tổ dân phố 1")],
                deadline=Deadline(DeadlineKind.DATE, date(2026, 12, 15)), due=date(2026, 12, 15),
                assigned_on=date(2026, 11, 23), actor_id=None, now=sandbox.clock.now(),
            )  # fmt: skip
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(sandbox.personas["chair"].user.id, sandbox.group.id))
    await expect(p.locator(".task")).to_have_count(100)
    await expect(p.locator(".group .unit small")).to_have_text("250")
    more = p.locator("#list [data-more]")
    await expect(more).to_contain_text("còn 150")
    await more.click()
    await expect(p.locator(".task")).to_have_count(200)
    await p.fill("input[type=search]", "tổ dân phố 17")  # the search looks through all 250
    await expect(p.locator(".task")).to_have_count(11)
    await expect(p.locator("#list [data-more]")).to_have_count(0)


async def test_the_chart_of_a_district_without_tasks_of_its_own_is_not_blank(browser: Any, sandbox: Sandbox) -> None:
    """The district chair tapped «Biểu đồ» on her district: a legend and two headings over nothing, as if the
    chart had failed. It says there is nothing of the district's own, and where the wards are (board18: once, not
    under each heading; tests/sandbox/test_board18_board.py)."""
    await ward_with_overdue_work(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await p.click("[data-tab=chart]")
    await expect(p.locator("#main [data-empty]")).to_have_text("Ban chưa giao nhiệm vụ riêng.")
    await expect(p.locator("#main [data-goto=lower]")).to_have_text("Xem các Ban cấp dưới")


async def test_the_contact_of_a_supporting_unit_is_not_shown_as_carrying_the_task(
    browser: Any, sandbox: Sandbox
) -> None:
    """«Chủ trì: Công an phường · 👤 @hoa_vanphong»: Hoa is the contact of the Office, which only supports
    #1; read as «Hoa carries it», the chair called the wrong person. The card and the detail name the people
    of the lead (none here), the supporting unit stays under «Phối hợp»."""
    chair, group = sandbox.personas["chair"].user.id, sandbox.group
    assert group is not None
    sandbox.send(chair, group.id, "/giao Công an phường chủ trì, phối hợp VP lắp camera an ninh tổ 5 trước ngày 4/12")
    await sandbox.idle()
    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(chair, group.id))
    card = p.locator(".task[data-number='1']")
    # Under the police's heading; the card does not repeat «Chủ trì: Công an phường» (board17).
    await expect(p.locator(".group", has=card).locator(".unit")).to_contain_text("Công an phường")
    await expect(card).not_to_contain_text("hoa_vanphong")
    await card.click()
    await expect(p.locator("#detail dl")).to_contain_text("Văn phòng HĐND&UBND")  # under «Phối hợp»
    await expect(p.locator("#detail dl")).not_to_contain_text("hoa_vanphong")
