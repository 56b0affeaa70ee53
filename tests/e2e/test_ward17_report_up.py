"""ward17: a ward's copy of a district's task (wards16) reports back up. A ward finishing its copy is
recorded on the district's task and told once in the district's group; the district's task is done when
every ward leading it has finished and nothing else leads it; a ward's progress report is shown on the
district's task (/xem) without a group message. Nothing of the district reaches the ward."""

from __future__ import annotations

from emulator import Chat
from tests.e2e.conftest import Env
from tests.e2e.test_wards16_handoff import _district_with_wards


def _told(env: Env, chat: Chat, cursor: int) -> list[str]:
    return [m.plain for m in env.world.bot_messages(chat)[cursor:]]


async def test_the_district_is_told_once_per_ward_and_done_when_all_leading_wards_are(env: Env) -> None:
    chair, district, wards = await _district_with_wards(env)
    await env.say(chair, district, "/giao Giao UBND các phường kiểm tra biển quảng cáo trước ngày 12/12")
    env.advance(days=3)  # Thứ Năm 26/11
    cursor = len(env.world.bot_messages(district))
    (an, sai_dong), (binh, gia_thuy), (chi, thach_ban) = wards
    await env.say(binh, gia_thuy, "/xong 1 đã kiểm tra 40 biển")
    told = [t for t in _told(env, district, cursor) if "Gia Thụy" in t]
    assert len(told) == 1, told
    assert "Phường Gia Thụy đã hoàn thành phần việc của nhiệm vụ #1 (1/3 nơi chủ trì đã xong)" in told[0], told
    assert "40 biển" not in told[0]  # brief: the fact, not the ward's own note
    assert (await env.task(1, district)).status == "open"
    shown = (await env.say(chair, district, "/xem 1")).plain
    assert "Phường Gia Thụy đã hoàn thành (#1 của phường) ngày 26/11/2026" in shown, shown

    await env.say(an, sai_dong, "/xong 1")
    env.advance(days=1)
    cursor = len(env.world.bot_messages(district))
    await env.say(chi, thach_ban, "/xong 1")
    last = _told(env, district, cursor)
    assert len([t for t in last if "hoàn thành phần việc" in t]) == 1, last
    assert any("Phường Thạch Bàn" in t and "✅ #1 đã hoàn thành — đúng hạn" in t for t in last), last
    task = await env.task(1, district)
    assert task.status == "done" and task.closed_on is not None and task.closed_on.isoformat() == "2026-11-27"
    everything = [m.plain for m in env.world.bot_messages(district)]
    for ward in ("Gia Thụy", "Sài Đồng", "Thạch Bàn"):  # each ward told once, however the rest went
        assert len([t for t in everything if f"Phường {ward} đã hoàn thành phần việc" in t]) == 1, everything
    # The wards saw nothing of it: no ward's group heard of another ward or of the district's closing.
    assert not any("Sài Đồng" in t or "Thạch Bàn" in t for t in _told(env, gia_thuy, 0))


async def test_the_district_task_closed_by_its_wards_after_its_deadline_is_late(env: Env) -> None:
    chair, district, wards = await _district_with_wards(env)
    await env.say(chair, district, "/giao Giao UBND phường Gia Thụy chỉ đạo dọn vệ sinh trước ngày 30/11")
    _sd, (binh, gia_thuy), _tb = wards
    env.advance(days=10)  # Thứ Năm 03/12: three days past the district's deadline
    cursor = len(env.world.bot_messages(district))
    await env.say(binh, gia_thuy, "/xong 1")
    told = _told(env, district, cursor)
    assert any("✅ #1 đã hoàn thành — trễ 3 ngày so với hạn ban đầu" in t for t in told), told
    assert (await env.task(1, district)).status == "done"


async def test_one_of_three_done_leaves_the_district_task_open_with_its_history(env: Env) -> None:
    chair, district, wards = await _district_with_wards(env)
    await env.say(chair, district, "/giao Công an quận chủ trì, phối hợp các phường rà soát camera an ninh "
                                   "trước ngày 15/12")  # fmt: skip
    (an, sai_dong), _gt, _tb = wards
    env.advance(days=2)
    cursor = len(env.world.bot_messages(district))
    await env.say(an, sai_dong, "/xong 1")
    told = _told(env, district, cursor)
    assert [t for t in told if "hoàn thành phần việc" in t] == ["📤 Phường Sài Đồng đã hoàn thành phần việc của "
                                                               "nhiệm vụ #1."], told  # fmt: skip
    assert (await env.task(1, district)).status == "open"  # Công an quận leads: the district's chair closes it
    shown = (await env.say(chair, district, "/xem 1")).plain
    assert "Phường Sài Đồng đã hoàn thành (#1 của phường) ngày 25/11/2026" in shown, shown
    assert "Gia Thụy đã hoàn thành" not in shown


async def test_a_ward_leading_beside_a_district_unit_leaves_the_closing_to_the_chair(env: Env) -> None:
    chair, district, wards = await _district_with_wards(env)
    await env.say(chair, district, "/giao Công an quận và UBND phường Sài Đồng chủ trì kiểm tra karaoke "
                                   "trước ngày 15/12")  # fmt: skip
    (an, sai_dong), _gt, _tb = wards
    task = await env.task(1, district)
    leads = sorted(a.label for a in task.assignees if a.role == "lead")
    assert leads == ["Công an quận", "Phường Sài Đồng"], leads
    cursor = len(env.world.bot_messages(district))
    await env.say(an, sai_dong, "/xong 1")
    told = _told(env, district, cursor)
    assert any("nhiệm vụ còn mở để Trưởng ban đóng (/xong 1)" in t for t in told), told
    assert (await env.task(1, district)).status == "open"


async def test_a_wards_progress_and_new_deadline_show_on_the_district_task_without_a_message(env: Env) -> None:
    chair, district, wards = await _district_with_wards(env)
    await env.say(chair, district, "/giao Giao UBND các phường rà soát hộ nghèo trước ngày 12/12")
    (an, sai_dong), _gt, _tb = wards
    env.advance(days=1)
    cursor = len(env.world.bot_messages(district))
    await env.say(an, sai_dong, "/tiendo 1 đã rà soát 5/10 tổ dân phố")
    await env.say(an, sai_dong, "/giahan 1 20/12 chờ số liệu của tổ dân phố")
    assert _told(env, district, cursor) == []  # no group message for either
    shown = (await env.say(chair, district, "/xem 1")).plain
    assert "Phường Sài Đồng báo tiến độ (#1 của phường): đã rà soát 5/10 tổ dân phố" in shown, shown
    assert "Phường Sài Đồng được gia hạn (#1 của phường) đến 20/12/2026" in shown, shown
    district_task = await env.task(1, district)
    assert district_task.due_current is not None and district_task.due_current.isoformat() == "2026-12-12"
    # The ward's own task shows its own history only: nothing of the district's.
    own = (await env.say(an, sai_dong, "/xem 1")).plain
    assert "Phường Sài Đồng báo tiến độ" not in own, own
