"""chat17: the chat says what the board says — /ds tuannay is the board's «Hạn tuần này» (this week's
deadlines; older overdue work counted apart, pointed to /ds quahan); a chair who lost the group's admin
rights is told so whatever refusal he meets first (/giahan, buttons), not «không phải người thực hiện»."""

from __future__ import annotations

from sqlalchemy import func, select

from db.models import Task
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
    assert "Còn 1 nhiệm vụ đã quá hạn (hạn trước 07/12), không tính ở đây: xem /ds quahan." in listed.plain
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
    assert "Còn 3 nhiệm vụ đã quá hạn (hạn trước 12/12)" in listed.plain


async def test_ds_tuannay_with_nothing_due_still_points_to_older_overdue(env: Env) -> None:
    chair, _police, member, group = cast(env)
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, "/giao Công an phường rà soát camera trước ngày 2/12")
    env.advance(days=14)  # Monday 07/12/2026
    listed = await env.say(member, group, "/ds tuannay")
    assert "Không có nhiệm vụ nào hạn tuần này, 07/12 – 13/12/2026." in listed.plain
    assert "Còn 1 nhiệm vụ đã quá hạn (hạn trước 07/12)" in listed.plain


async def _demoted_chair(env: Env) -> tuple:
    """Lan created the group; Bình, an administrator, acted as chair and gave #1 (due 15/12) to Minh; then Lan
    took Bình's administrator rights."""
    w = env.world
    lan = w.add_user("Lan", "Nguyễn", username="lan_truongban")
    binh = w.add_user("Bình", "Phạm", username="binh_pham")
    minh = w.add_user("Minh", "Trần", username="minh_tv")
    group = w.add_group("BCĐ Chuyển đổi số phường", creator=lan, admins=[binh], members=[minh])
    given = await env.say(binh, group, "/giao @minh_tv rà soát hồ sơ một cửa trước ngày 15/12")
    assert "Đã ghi nhiệm vụ #1" in given.plain
    return lan, binh, minh, group


async def _demote(env: Env, lan, binh, group) -> None:  # type: ignore[no-untyped-def]
    env.world.demote_admin(group, binh, by=lan)
    await env.idle()
    env.advance(minutes=2)  # past the bot's memory of who is an administrator


WHY = "không còn là quản trị viên của nhóm nên không còn quyền Trưởng ban"


async def test_giahan_by_a_demoted_chair_says_he_lost_the_admin_rights(env: Env) -> None:
    lan, binh, _minh, group = await _demoted_chair(env)
    await _demote(env, lan, binh, group)
    refused = await env.say(binh, group, "/giahan 1 20/12 chờ số liệu")
    assert "không phải người thực hiện nhiệm vụ #1" in refused.plain and WHY in refused.plain
    assert (await env.task(1, group)).due_current.isoformat() == "2026-12-15"  # nothing changed
    # Said once; someone who never was chair is refused as before.
    again = await env.say(binh, group, "/giahan 1 20/12 chờ số liệu")
    assert "không phải người thực hiện" in again.plain and "quản trị viên" not in again.plain
    other = env.world.add_user("Hoa", "Lê", username="hoa_tv")
    env.world.add_member(group, other, by=lan)
    await env.idle()
    plain = await env.say(other, group, "/giahan 1 20/12 chờ số liệu")
    assert "không phải người thực hiện" in plain.plain and "quản trị viên" not in plain.plain


async def test_caidat_by_a_demoted_chair_says_why_as_huy_does(env: Env) -> None:
    lan, binh, _minh, group = await _demoted_chair(env)
    await _demote(env, lan, binh, group)
    refused = await env.say(binh, group, "/caidat nhac 8:00")
    assert "Chỉ Trưởng ban mới được" in refused.plain and WHY in refused.plain


async def test_the_approve_button_pressed_by_a_demoted_chair_says_why_in_its_alert(env: Env) -> None:
    lan, binh, minh, group = await _demoted_chair(env)
    asked = await env.say(minh, group, "/giahan 1 22/12 chờ số liệu từ quận")
    assert "Đã gửi đề nghị gia hạn #1" in asked.plain
    [ask] = [m for m in env.world.bot_messages(group) if "✅ Đồng ý" in m.button_texts()]
    await _demote(env, lan, binh, group)
    query = await env.press(binh, ask, "✅ Đồng ý")
    alert = query.answer_text or ""  # type: ignore[attr-defined]
    assert query.show_alert and WHY in alert and "Chỉ Trưởng ban mới được duyệt gia hạn" in alert  # type: ignore[attr-defined]
    assert len(alert) <= 200
    assert (await env.task(1, group)).due_current.isoformat() == "2026-12-15"  # not approved
    # The chair approves as before.
    await env.press(lan, ask, "✅ Đồng ý")
    assert (await env.task(1, group)).due_current.isoformat() == "2026-12-22"


async def test_saving_a_preview_after_the_demotion_says_why_in_its_alert(env: Env) -> None:
    lan, binh, _minh, group = await _demoted_chair(env)
    preview = await env.say(binh, group, "/nhap\n1. Giao @minh_tv rà soát camera khu phố, hoàn thành trước ngày 20/12.")
    [save] = [b for b in preview.button_texts() if b.startswith("💾")]
    await _demote(env, lan, binh, group)
    query = await env.press(binh, preview, save)
    alert = query.answer_text or ""  # type: ignore[attr-defined]
    assert WHY in alert and "Chỉ Trưởng ban hoặc thư ký mới được" in alert and len(alert) <= 200
    async with env.sessions() as s:  # nothing saved: only #1 of the setup
        assert await s.scalar(select(func.count()).select_from(Task)) == 1
