"""board17: the district's ward lines are counted from a light query (db.board.counting_views, one for all the
wards) — they must read what the Monday summary reads from the full task views, a slip undone left out."""

from __future__ import annotations

from datetime import date

from db import tasks as db_tasks
from db.summaries import load_task_views
from domain.board import lower_line
from tests.e2e.conftest import Env
from tests.e2e.test_board import Client, committee_id, env  # noqa: F401  (the board's env fixture)


async def test_the_ward_lines_read_what_the_summary_reads(env: Env) -> None:  # noqa: F811
    w = env.world
    district_chair = w.add_user("Hùng", "Trần", username="hung_quan")
    ward_chair = w.add_user("An", "Lê", username="an_phuong")
    district = w.add_group("BCĐ quận Long Biên", creator=district_chair)
    ward = w.add_group("BCĐ phường Sài Đồng", creator=ward_chair)
    for text in ("/giao Văn phòng rà soát hồ sơ trước ngày 24/11", "/giao Công an phường lắp camera trước ngày 25/11",
                 "/giao Văn phòng in tờ rơi trước ngày 30/11", "/giao Văn phòng kiểm tra hồ sơ trước ngày 27/11",
                 "/giao Công an phường báo cáo tuần trước ngày 15/12"):  # fmt: skip
        assert "Đã ghi nhiệm vụ" in (await env.say(ward_chair, ward, text)).plain
    await env.say(ward_chair, ward, "/xong 1")  # done on time
    await env.say(ward_chair, ward, "/huy 3 trùng việc")  # cancelled
    code = (await env.say(district_chair, district, "/lienket ma")).plain.split("Mã liên kết: ")[1].split(" ")[0]
    await env.say(ward_chair, ward, f"/lienket {code}")
    ward_id, district_id = await committee_id(env, ward), await committee_id(env, district)
    async with env.sessions() as s, s.begin():  # #4 given by a slip and undone: on no report
        task = await db_tasks.task_by_number(s, ward_id, 4)
        assert task is not None
        task.status = "cancelled"
        db_tasks.add_event(s, task, "undone", None, env.clock.now())
    env.advance(days=4)  # Friday 27/11: #2 overdue

    _, board = await Client(env, district_chair).call(f"c/{district_id}")
    [line] = board["lower"]
    async with env.sessions() as s:
        views = await load_task_views(s, ward_id)
    expected = lower_line(ward_id, "BCĐ phường Sài Đồng", views, date(2026, 11, 27)).__dict__
    assert line == expected
    assert (line["open"], line["overdue"], line["done_on_time"], line["counted"]) == (2, 1, 1, 3)
