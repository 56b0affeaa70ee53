"""board18: the Monday summary's ward lines are counted from the light query the board's ward lines come from
(db.board.counting_views), no longer from each ward's full task views: they must read what the board reads."""

from __future__ import annotations

from db import tasks as db_tasks
from domain.board import LowerLine
from jobs.summary import summary_messages
from tests.e2e.conftest import Env
from tests.e2e.test_board import Client, committee_id, env  # noqa: F401  (the board's env fixture)


async def test_the_summarys_ward_lines_are_the_boards(env: Env) -> None:  # noqa: F811
    w = env.world
    district_chair = w.add_user("Hùng", "Trần", username="hung_quan")
    an, binh = w.add_user("An", "Lê", username="an_phuong"), w.add_user("Bình", "Vũ", username="binh_phuong")
    district = w.add_group("BCĐ quận Long Biên", creator=district_chair)
    ward = w.add_group("BCĐ phường Sài Đồng", creator=an)
    quiet = w.add_group("BCĐ phường Ái Mộ", creator=binh)
    for text in ("/giao Văn phòng rà soát hồ sơ trước ngày 24/11", "/giao Công an phường lắp camera trước ngày 25/11",
                 "/giao Văn phòng in tờ rơi trước ngày 30/11", "/giao Văn phòng kiểm tra hồ sơ trước ngày 27/11",
                 "/giao Công an phường báo cáo tuần trước ngày 15/12"):  # fmt: skip
        assert "Đã ghi nhiệm vụ" in (await env.say(an, ward, text)).plain
    await env.say(an, ward, "/xong 1")  # done on time
    await env.say(an, ward, "/huy 3 trùng việc")  # cancelled
    assert "Đã ghi nhiệm vụ" in (await env.say(binh, quiet, "/giao Văn phòng dọn kho trước ngày 20/12")).plain
    for group, chair in ((ward, an), (quiet, binh)):
        code = (await env.say(district_chair, district, "/lienket ma")).plain.split("Mã liên kết: ")[1].split(" ")[0]
        await env.say(chair, group, f"/lienket {code}")
    ward_id, district_id = await committee_id(env, ward), await committee_id(env, district)
    async with env.sessions() as s, s.begin():  # #4 given by a slip and undone: on no report
        task = await db_tasks.task_by_number(s, ward_id, 4)
        assert task is not None
        task.status = "cancelled"
        db_tasks.add_event(s, task, "undone", None, env.clock.now())
    env.advance(days=14)  # Monday 7/12: the summary reports November, the board's ward lines count November

    _, board = await Client(env, district_chair).call(f"c/{district_id}")
    async with env.sessions() as s:
        text = "\n".join(await summary_messages(s, district_id, env.clock.now()))
    assert "xong đúng hạn / số nhiệm vụ tháng 11/2026" in text
    ward_lines = [line for line in text.splitlines() if line.startswith("• ")]
    # The board's lines, in the board's order, written as the summary writes them: the summary has exactly these.
    assert ward_lines == [
        f"• {line['title']}: {line['open']} · {line['overdue']} · {line['done_on_time']}/{line['counted']}"
        if line["counted"] else f"• {line['title']}: {line['open']} · {line['overdue']} · chưa có nhiệm vụ trong tháng"
        for line in board["lower"]
    ]  # fmt: skip
    # And what they say: #1 done on time, #2 overdue, #3 cancelled, #4 undone (left out), #5 given in November;
    # Ái Mộ's one task given in November, open, not overdue: behind Sài Đồng (1 overdue).
    assert ward_lines == ["• BCĐ phường Sài Đồng: 2 · 1 · 1/3", "• BCĐ phường Ái Mộ: 1 · 0 · 0/1"]
    total = LowerLine(**board["lower_total"])
    assert f"Cộng 2 Ban: {total.open} · {total.overdue} · {total.done_on_time}/{total.counted}" in text
