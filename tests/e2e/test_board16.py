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
