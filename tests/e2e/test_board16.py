"""board16 (qa21's quarter): the chart's «x/y» counts the tasks DUE in each month (done by their deadline / due),
not every task live in it — an open task was counted in November and again in December, and «0/10 đúng hạn»
read as ten tasks due that month; a recurring duty carries its cadence to the board; «Hạn tuần này» is this
week's deadlines, not every task overdue since weeks before."""

from __future__ import annotations

from tests.e2e.conftest import Env
from tests.e2e.test_board import Client, committee_id, env  # noqa: F401  (the board's env fixture)


async def test_chart_counts_each_months_due_tasks_and_the_week_is_this_weeks(env: Env) -> None:  # noqa: F811
    w = env.world
    chair = w.add_user("An", "Lê", username="an_phuong")
    group = w.add_group("BCĐ phường Sài Đồng", creator=chair)
    for text in ("/giao Văn phòng rà soát hồ sơ trước ngày 24/11", "/giao Công an phường lắp camera trước ngày 25/11",
                 "/giao Văn phòng kiểm tra hồ sơ trước ngày 27/11", "/giao Văn phòng in tờ rơi trước ngày 10/12",
                 "/giao Công an phường báo cáo tuần trước ngày 15/12",
                 "/giao Văn phòng cập nhật tin bài lên Cổng thông tin hàng tháng"):  # fmt: skip
        assert "Đã ghi nhiệm vụ" in (await env.say(chair, group, text)).plain
    await env.say(chair, group, "/xong 1")  # done on time (November)
    env.advance(days=14)  # Monday 7/12: the chart shows November (the summary's month), then December
    cid = await committee_id(env, group)
    status, board = await Client(env, chair).call(f"c/{cid}")
    assert status == 200
    assert [p["key"] for p in board["periods"]][:2] == ["last_month", "month"]
    nov, dec = board["whole"]["last_month"], board["whole"]["month"]
    # November: #1, #2, #3 and the monthly duty's first period (30/11) were due in it, #1 done by its deadline ->
    # 1/4. December's due tasks are #4 (10/12) and #5 (15/12) only: #2, #3, #6 (open, overdue) are November's.
    assert (nov["due_on_time"], nov["due"]) == (1, 4)
    assert (dec["due_on_time"], dec["due"]) == (0, 2)
    # Before board16 these read 1/6 and 0/5: every task live in the month, the open ones in both months.
    assert (nov["total"], dec["total"]) == (6, 5)
    # The rows per unit say the same.
    office = next(u for u in board["units"] if u["name"] == "Văn phòng HĐND&UBND")
    assert (office["last_month"]["due_on_time"], office["last_month"]["due"]) == (1, 3)  # #1, #3, #6

    # The recurring duty carries its cadence to the card and the detail; the others none.
    cadences = {t["number"]: t["cadence"] for t in board["tasks"] if t["status"] == "open"}
    assert cadences[6] == "monthly" and cadences[2] is None
    _, detail = await Client(env, chair).call(f"c/{cid}/t/6")
    assert detail["cadence"] == "monthly"
    _, me = await Client(env, chair).call("me")
    assert me["texts"]["cadence_names"]["monthly"] == "hằng tháng" and me["texts"]["filter_week"] == "Hạn tuần này"

    # «Hạn tuần này»: Monday 7/12 to Sunday 13/12 — #4 (10/12) is in it; #2 and #3, overdue since November, are not.
    assert (board["week_start"], board["week_end"]) == ("2026-12-07", "2026-12-13")
    week = [t["number"] for t in board["tasks"]
            if t["status"] == "open" and t["due"] and board["week_start"] <= t["due"] <= board["week_end"]]  # fmt: skip
    assert week == [4]


async def test_a_districts_report_and_export_carry_the_summarys_ward_lines(env: Env) -> None:  # noqa: F811
    import io

    from docx import Document
    from openpyxl import load_workbook

    from jobs.summary import summary_messages

    w = env.world
    hung = w.add_user("Hùng", "Trần", username="hung_quan")
    an, binh = w.add_user("An", "Lê", username="an_phuong"), w.add_user("Bình", "Vũ", username="binh_phuong")
    district = w.add_group("BCĐ quận Long Biên", creator=hung)
    ward, quiet = w.add_group("BCĐ phường Sài Đồng", creator=an), w.add_group("BCĐ phường Ái Mộ", creator=binh)
    for text in ("/giao Văn phòng rà soát hồ sơ trước ngày 24/11", "/giao Công an phường lắp camera trước ngày 25/11",
                 "/giao Văn phòng kiểm tra hồ sơ trước ngày 27/11"):  # fmt: skip
        assert "Đã ghi nhiệm vụ" in (await env.say(an, ward, text)).plain
    await env.say(an, ward, "/xong 1")
    await env.say(binh, quiet, "/giao Văn phòng dọn kho trước ngày 20/12")
    await env.say(hung, district, "/giao Văn phòng quận tổng hợp báo cáo trước ngày 30/12")
    for group, chair in ((ward, an), (quiet, binh)):
        code = (await env.say(hung, district, "/lienket ma")).plain.split("Mã liên kết: ")[1].split(" ")[0]
        await env.say(chair, group, f"/lienket {code}")
    env.advance(days=14)  # Monday 7/12: the summary's ward part counts November
    async with env.sessions() as s:
        summary = "\n".join(await summary_messages(s, await committee_id(env, district), env.clock.now()))
    ward_part = summary.split("Các Ban cấp dưới</b>", 1)[1].splitlines()[2:]  # after its two heading lines
    wanted = [line.replace("<b>", "").replace("</b>", "") for line in ward_part]
    assert wanted == ["• BCĐ phường Sài Đồng: 2 · 2 · 1/3", "• BCĐ phường Ái Mộ: 1 · 0 · 0/1",
                      "Cộng 2 Ban: 3 · 2 · 1/4"]  # fmt: skip

    exported = await env.say(hung, district, "/xuat")
    assert exported.document is not None
    sheet = load_workbook(io.BytesIO(exported.document.data))["Tổng hợp"]
    cells = [row[0] for row in sheet.iter_rows(values_only=True) if row and isinstance(row[0], str)]
    at = cells.index("Các Ban cấp dưới (liên kết), quá hạn nhiều xếp trước")
    assert cells[at + 1] == "(đang mở · quá hạn · xong đúng hạn / số nhiệm vụ tháng 11/2026)"
    assert cells[at + 2 :] == wanted  # the summary's lines, in its order, the wards added up

    prompt = await env.say(hung, district, "/baocao")
    env.world.send_text(hung, district, "bỏ qua", reply_to=prompt)
    sent = await env.world.wait_for(lambda m: m.document is not None and m.document.filename.endswith(".docx"),
                                    chat=district)  # fmt: skip
    await env.idle()
    assert sent.document is not None
    paragraphs = [p.text for p in Document(io.BytesIO(sent.document.data)).paragraphs]
    at = paragraphs.index("Các Ban cấp dưới (liên kết), quá hạn nhiều xếp trước")
    assert paragraphs[at + 2 : at + 5] == wanted

    # A ward (no ward under it) has no such part; its report is its own.
    ward_export = await env.say(an, ward, "/xuat")
    assert ward_export.document is not None
    sheet = load_workbook(io.BytesIO(ward_export.document.data))["Tổng hợp"]
    assert not any(row and row[0] == "Các Ban cấp dưới (liên kết), quá hạn nhiều xếp trước"
                   for row in sheet.iter_rows(values_only=True))  # fmt: skip
