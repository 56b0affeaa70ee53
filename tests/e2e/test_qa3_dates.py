"""A day-month without a year is the next such date (SPEC), and when that is a year away the answer
says so: most likely a slip for a day just past (the e2e clock is Monday 23/11/2026)."""

from __future__ import annotations

from datetime import date

from tests.e2e.conftest import Env

WARNING = "Hạn không ghi năm nên được hiểu là"


async def test_giao_and_giahan_say_when_a_date_without_year_lands_next_year(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[])
    await env.say(chair, group, "/donvi them Công an phường = CA")

    given = await env.say(chair, group, "/giao CA rà soát camera an ninh xong trước ngày 20/11")
    assert "Thứ Bảy, 20/11/2027" in given.plain  # the rule stands ...
    assert f"{WARNING} Thứ Bảy, 20/11/2027 (năm 2027)" in given.plain  # ... and is said
    assert (await env.task(1, group)).due_current == date(2027, 11, 20)

    plain = await env.say(chair, group, "/giao CA kiểm tra cư trú tổ 5 trước ngày 15/12")
    assert WARNING not in plain.plain
    written = await env.say(chair, group, "/giao CA cập nhật hồ sơ trước ngày 20/11/2027")
    assert WARNING not in written.plain

    extended = await env.say(chair, group, "/giahan 2 10/11 chờ số liệu năm 2026")
    assert f"{WARNING} Thứ Tư, 10/11/2027" in extended.plain
    assert (await env.task(2, group)).due_current == date(2027, 11, 10)
    near = await env.say(chair, group, "/giahan 2 30/12 chờ số liệu")
    assert WARNING not in near.plain

    edited = await env.say(chair, group, "/sua 3 hạn 5/11")
    assert f"{WARNING} Thứ Sáu, 05/11/2027" in edited.plain
    assert (await env.task(3, group)).due_current == date(2027, 11, 5)
