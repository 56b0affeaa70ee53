"""The board (Mini App) in headless Chromium, opened as Telegram opens it (signed launch data in the
URL's fragment), at a phone's width: what the chair, a member and an outsider each see and may do;
forged launch data; an action on the board reaches the chat. Assertions are on what is on screen."""

from __future__ import annotations

from typing import Any

from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium

pytestmark = needs_chromium

PHONE = {"width": 390, "height": 844}


async def committee_with_tasks(sandbox: Sandbox) -> None:
    chair = sandbox.personas["chair"].user.id
    group = sandbox.group
    assert group is not None
    for text in (
        "/giao VP rà soát hồ sơ thủ tục một cửa trước ngày 25/11",
        "/giao Công an phường lắp camera an ninh tổ 5 trước ngày 4/12",
        "/giao @binh_pham cập nhật tin bài lên Cổng thông tin trước ngày 30/11",
    ):
        sandbox.send(chair, group.id, text)
        await sandbox.idle()
    await sandbox.move_clock(step="day")
    await sandbox.move_clock(step="day")
    await sandbox.move_clock(step="day")  # Thursday 26/11: #1 is overdue


async def district_over_the_ward(sandbox: Sandbox) -> tuple[Any, Any]:
    """A district committee (its chair Hùng) that the sandbox's ward has linked itself under with /lienket."""
    w = sandbox.world
    district_chair = w.add_user("Hùng", "Trần", username="hung_quan")
    district = w.add_group("BCĐ Chuyển đổi số quận Long Biên", creator=district_chair)
    sandbox.send(district_chair.id, district.id, "/lienket ma")
    await sandbox.idle()
    code = w.bot_messages(district)[-1].plain.split("Mã liên kết: ")[1].split(" ")[0]
    assert sandbox.group is not None
    sandbox.send(sandbox.personas["chair"].user.id, sandbox.group.id, f"/lienket {code}")
    await sandbox.idle()
    return district_chair, district


async def open_board(browser: Any, sandbox: Sandbox, persona: str, **viewport: int) -> Any:
    page = await browser.new_page(viewport=viewport or PHONE, locale="vi-VN")
    group = sandbox.group
    assert group is not None
    await page.goto(sandbox.url + sandbox.board_link(sandbox.personas[persona].user.id, group.id))
    return page


async def test_the_chair_sees_units_filters_and_acts_from_the_board(browser: Any, sandbox: Sandbox) -> None:
    await committee_with_tasks(sandbox)
    p = await open_board(browser, sandbox, "chair")
    await expect(p.locator("#committee")).to_contain_text("BCĐ")
    units = p.locator(".group .unit")
    await expect(units).to_have_count(3)
    await expect(p.locator(".group", has_text="Văn phòng HĐND&UBND").locator(".task")).to_contain_text("quá hạn 1 ngày")
    # Filters: overdue only, then a search.
    await p.click("[data-filter=overdue]")
    await expect(p.locator(".task")).to_have_count(1)
    await p.click("[data-filter=all]")
    await p.fill("input[type=search]", "camera")
    await expect(p.locator(".task")).to_have_count(1)
    await expect(p.locator(".task")).to_contain_text("#2")
    # A task is called by its number in meetings: «#3» finds #3 alone.
    await p.fill("input[type=search]", "#3")
    await expect(p.locator(".task")).to_have_count(1)
    await expect(p.locator(".task")).to_have_attribute("data-number", "3")
    await p.fill("input[type=search]", "camera")
    # The chair sets a new deadline for #2 from its detail.
    await p.click(".task")
    await expect(p.locator("#detail h2")).to_contain_text("#2 Công an phường lắp camera")
    await p.click("[data-action=set_due]")
    await p.fill("#ask input", "15/12")
    await p.click("[data-confirm=set_due]")
    await expect(p.locator("#notice")).to_contain_text("15/12/2026")
    await expect(p.locator("#detail .history")).to_contain_text("Nguyễn Thị Lan: đổi hạn → 15/12/2026")
    # A Saturday: the weekend notice comes on its own line, as in the chat.
    await p.click("[data-action=set_due]")
    await p.fill("#ask input", "12/12")
    await p.click("[data-confirm=set_due]")
    await expect(p.locator("#notice")).to_contain_text("ngày nghỉ cuối tuần")
    assert "\nℹ️ Hạn rơi vào Thứ Bảy" in await p.locator("#notice").inner_text()
    # The chat sees it.
    assert any("trên Bảng việc" in m.plain and "#2" in m.plain for m in sandbox.world.bot_messages(sandbox.group))
    # Chart and calendar tabs.
    await p.click("#detail .back")
    await p.click("[data-tab=chart]")
    await expect(p.locator(".bars[data-period=month] .row:not([data-whole])")).to_have_count(3)
    await expect(p.locator(".bars[data-period=month] [data-whole]")).to_contain_text("Cả Ban")  # above them (board17)
    # «1/3 đúng hạn · tỷ lệ đúng hạn 100%» needs its basis said, or it reads as a mistake.
    await expect(p.locator(".rate-basis")).to_contain_text("việc còn trong hạn chưa tính")
    await p.click("[data-tab=calendar]")
    await expect(p.locator(".day").first).to_contain_text("30/11/2026")


async def test_a_member_reads_but_is_offered_no_chair_actions(browser: Any, sandbox: Sandbox) -> None:
    await committee_with_tasks(sandbox)
    p = await open_board(browser, sandbox, "member")
    await expect(p.locator(".task")).to_have_count(3)
    await p.click(".task >> nth=0")
    await expect(p.locator("#detail h2")).to_be_visible()
    await expect(p.locator("#detail [data-action]")).to_have_count(0)


async def test_an_outsider_and_forged_launch_data_see_nothing(browser: Any, sandbox: Sandbox) -> None:
    await committee_with_tasks(sandbox)
    stranger = sandbox.world.add_user("Người", "Lạ", username="nguoi_la")
    sandbox.personas["stranger"] = type(sandbox.personas["member"])("stranger", stranger, "")
    p = await open_board(browser, sandbox, "stranger")
    await expect(p.locator("#status")).to_contain_text("chưa ở Ban chỉ đạo nào")
    await expect(p.locator(".task")).to_have_count(0)

    forged = await browser.new_page(viewport=PHONE)
    link = sandbox.board_link(sandbox.personas["chair"].user.id).replace("hash%3D", "hash%3D0")
    await forged.goto(sandbox.url + link)
    await expect(forged.locator("#status")).to_contain_text("⛔")
    await expect(forged.locator(".task")).to_have_count(0)


async def test_the_sandbox_page_opens_the_board_for_the_chosen_persona(browser: Any, sandbox: Sandbox) -> None:
    await committee_with_tasks(sandbox)
    page = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await page.goto(sandbox.url)
    async with page.context.expect_page() as opened:
        await page.click("#open-board")
    board = await opened.value
    await expect(board.locator(".task")).to_have_count(3)


async def test_a_task_waiting_for_a_decision_reads_well_on_a_small_phone(browser: Any, sandbox: Sandbox) -> None:
    # At 360 px: the request's long label must not squeeze every value into a narrow column; an obstacle
    # is not repeated as the latest progress; a closed task says how it closed.
    await committee_with_tasks(sandbox)
    chair, contact = sandbox.personas["chair"].user.id, sandbox.personas["contact"].user.id
    group = sandbox.group
    assert group is not None
    for who, text in (
        (chair, "/donvi gan VP @hoa_vanphong"),
        (contact, "/giahan 1 15/12 chờ số liệu của tổ dân phố"),
        (contact, "/vuongmac 1 thiếu kinh phí mua camera"),
        (chair, "/huy 3 trùng với việc của Văn phòng"),
    ):
        sandbox.send(who, group.id, text)
        await sandbox.idle()
    p = await open_board(browser, sandbox, "chair", width=360, height=740)
    await p.click(".task[data-number='1']")
    detail = p.locator("#detail dl")
    await expect(detail).to_contain_text("Đề nghị gia hạn")
    await expect(detail).to_contain_text("đến 15/12/2026 — chờ số liệu của tổ dân phố")
    await expect(detail.locator("dt", has_text="Tiến độ")).to_have_count(0)  # the same words as «Vướng mắc»
    dl_box, dd_box = await detail.bounding_box(), await detail.locator("dd").first.bounding_box()
    assert dl_box is not None and dd_box is not None
    assert dd_box["width"] >= 0.5 * dl_box["width"]  # values get most of the line
    badge = await p.locator("#detail .badge").bounding_box()
    assert badge is not None and badge["width"] < 0.5 * dl_box["width"]  # a badge, not a bar
    await p.click("#detail .back")
    await p.click("[data-filter=closed]")
    await expect(p.locator(".task[data-number='3']")).to_contain_text("Đã huỷ")


async def test_a_district_chair_on_a_phone_reads_which_ward_and_every_tab(browser: Any, sandbox: Sandbox) -> None:
    await committee_with_tasks(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)

    p = await browser.new_page(viewport={"width": 360, "height": 740}, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await p.click("[data-tab=lower]")
    for tab in await p.locator("#tabs button").all():  # four tabs, none cut off at the screen's edge
        box = await tab.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    await p.click(".lower button")
    await expect(p.locator("#role")).to_contain_text("Chỉ xem")
    # The ward's whole name is readable next to the read-only badge (a select does not wrap its text).
    fits = await p.evaluate("""() => {
        const s = document.getElementById("committee"), style = getComputedStyle(s);
        const ctx = document.createElement("canvas").getContext("2d");
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        return ctx.measureText(s.options[s.selectedIndex].text).width + 40 <= s.clientWidth;
    }""")
    assert fits


async def test_a_task_closed_in_the_chat_meanwhile_shows_as_closed_after_a_refused_action(
    browser: Any, sandbox: Sandbox
) -> None:
    await committee_with_tasks(sandbox)
    p = await open_board(browser, sandbox, "chair")
    await p.click(".task[data-number='2']")
    await expect(p.locator("#detail [data-action=close]")).to_be_visible()
    assert sandbox.group is not None
    sandbox.send(sandbox.personas["chair"].user.id, sandbox.group.id, "/xong 2 đã lắp xong")  # in the chat
    await sandbox.idle()
    await p.click("[data-action=close]")
    await p.click("[data-confirm=close]")
    await expect(p.locator("#notice")).to_contain_text("đã hoàn thành")
    await expect(p.locator("#detail .badge")).to_contain_text("Hoàn thành")  # not «Đang thực hiện»
    await expect(p.locator("#detail [data-action]")).to_have_count(0)  # nothing left to do on it
    # The state wears the colour the list gives it (done on time: the list's green edge), not a grey label.
    badge = await p.locator("#detail .badge").evaluate("e => getComputedStyle(e).backgroundColor")
    card = await p.locator("#detail .back").evaluate("e => getComputedStyle(e).backgroundColor")
    on_time = await p.locator(".task[data-number='3']").evaluate("e => getComputedStyle(e).borderLeftColor")
    assert badge == on_time != card


async def test_the_sandbox_page_is_usable_at_phone_width(browser: Any, sandbox: Sandbox) -> None:
    page = await browser.new_page(viewport={"width": 360, "height": 780}, locale="vi-VN")
    await page.goto(sandbox.url)
    await expect(page.locator("#messages")).to_contain_text("Thư ký")
    # Nothing wider than the phone: the people and chats scroll in their own rows.
    assert await page.evaluate("document.documentElement.scrollWidth") <= 360
    await page.click("#personas li[data-persona=secretary]")
    await page.fill("#input", "/giao @hoa_vanphong rà soát hồ sơ một cửa trước ngày 2/12")
    await page.press("#input", "Enter")
    reply = page.locator("#messages .row.bot").last
    await expect(reply).to_contain_text("Đã ghi nhiệm vụ #1")
    await expect(reply.locator(".keyboard button", has_text="Sửa hạn")).to_be_in_viewport()
    await expect(page.locator("#open-board")).to_be_in_viewport()


async def test_a_district_without_tasks_of_its_own_opens_on_its_wards(browser: Any, sandbox: Sandbox) -> None:
    """A district committee is there for its wards: its board opened on «Nhiệm vụ» with «Không có nhiệm vụ
    nào» and 0 · 0 · 0, and its chair read that nothing was linked. It opens on «Ban cấp dưới» now, the
    ward's line there; a ward (tasks of its own) still opens on its tasks."""
    await committee_with_tasks(sandbox)
    district_chair, district = await district_over_the_ward(sandbox)

    p = await browser.new_page(viewport=PHONE, locale="vi-VN")
    await p.goto(sandbox.url + sandbox.board_link(district_chair.id, district.id))
    await expect(p.locator("[data-tab=lower]")).to_have_attribute("aria-selected", "true")
    await expect(p.locator(".lower")).to_contain_text("BCĐ Chuyển đổi số phường Sài Đồng")
    ward = await open_board(browser, sandbox, "chair")
    await expect(ward.locator("[data-tab=tasks]")).to_have_attribute("aria-selected", "true")
    await expect(ward.locator(".task").first).to_be_visible()
