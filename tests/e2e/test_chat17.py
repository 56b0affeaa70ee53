"""chat17: the chat says what the board says — /ds tuannay is the board's «Hạn tuần này» (this week's
deadlines; older overdue work counted apart, pointed to /ds quahan); a chair who lost the group's admin
rights is told so whatever refusal he meets first (/giahan, buttons), not «không phải người thực hiện»."""

from __future__ import annotations

from tests.e2e.conftest import Env
from tests.e2e.test_committee_details import cast


async def _week_tasks(env: Env) -> tuple:
    """Created Monday 23/11/2026: #1 due Wed 02/12, #2 due Mon 07/12, #3 due Fri 11/12, #4 due Sat 12/12,
    #5 due Tue 15/12."""
    chair, _police, member, group = cast(env)
    await env.say(chair, group, "/donvi them Công an phường = CA")
    for text in ("rà soát camera trước ngày 2/12", "kiểm tra cư trú trước ngày 7/12", "báo cáo ANTT trước ngày 11/12",
                 "tổng hợp số liệu trước ngày 12/12", "tổng kết năm trước ngày 15/12"):  # fmt: skip
        await env.say(chair, group, f"/giao Công an phường {text}")
    return chair, member, group


async def test_ds_tuannay_on_a_monday_lists_this_weeks_deadlines_and_counts_older_overdue_apart(env: Env) -> None:
    _chair, member, group = await _week_tasks(env)
    env.advance(days=14)  # Monday 07/12/2026
    listed = await env.say(member, group, "/ds tuannay")
    assert "(hạn tuần này, 07/12 – 13/12/2026)" in listed.plain
    assert "3 nhiệm vụ" in listed.plain
    assert all(f"#{n} " in listed.plain for n in (2, 3, 4))
    assert "#1 " not in listed.plain and "#5 " not in listed.plain
    assert "Còn 1 nhiệm vụ quá hạn từ các tuần trước, không tính ở đây: xem /ds quahan." in listed.plain
    overdue = await env.say(member, group, "/ds quahan")
    assert "#1 " in overdue.plain and "#2 " not in overdue.plain


async def test_ds_tuannay_on_a_saturday_is_the_coming_week_with_todays_deadline(env: Env) -> None:
    _chair, member, group = await _week_tasks(env)
    env.advance(days=19)  # Saturday 12/12/2026
    listed = await env.say(member, group, "/ds tuannay")
    assert "(hạn tuần này, 12/12 – 20/12/2026)" in listed.plain
    # #4 is due today, #5 next Tuesday; #1–#3 fell due before today: «Quá hạn»'s, counted apart.
    assert "#4 " in listed.plain and "#5 " in listed.plain
    assert not any(f"#{n} " in listed.plain for n in (1, 2, 3))
    assert "Còn 3 nhiệm vụ quá hạn từ các tuần trước" in listed.plain


async def test_ds_tuannay_with_nothing_due_still_points_to_older_overdue(env: Env) -> None:
    chair, _police, member, group = cast(env)
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, "/giao Công an phường rà soát camera trước ngày 2/12")
    env.advance(days=14)  # Monday 07/12/2026
    listed = await env.say(member, group, "/ds tuannay")
    assert "Không có nhiệm vụ nào hạn tuần này, 07/12 – 13/12/2026." in listed.plain
    assert "Còn 1 nhiệm vụ quá hạn từ các tuần trước" in listed.plain
