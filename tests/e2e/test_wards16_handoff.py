"""wards16: in a district whose ward committees are linked (/lienket), «các phường» / «UBND các phường» /
«phường X» in a directive name those committees: no «add a new unit?» question, the confirmation says which
wards, the district's task is saved with one unit per ward, and each ward's group gets the task as its own,
assigned from above. A committee with no links reads such names as before."""

from __future__ import annotations

from sqlalchemy import select

from db.models import Task, TaskEvent
from emulator import Chat, User
from tests.e2e.conftest import Env


async def _district_with_wards(env: Env) -> tuple[User, Chat, list[tuple[User, Chat]]]:
    w = env.world
    chair = w.add_user("Hùng", "Trần", username="hung_quan")
    district = w.add_group("BCĐ quận Long Biên", creator=chair)
    wards = []
    for first, uname, title in (("An", "an_sd", "BCĐ phường Sài Đồng"), ("Bình", "binh_gt", "BCĐ phường Gia Thụy"),
                                ("Chi", "chi_tb", "BCĐ phường Thạch Bàn")):  # fmt: skip
        ward_chair = w.add_user(first, "Lê", username=uname)
        ward = w.add_group(title, creator=ward_chair)
        code = (await env.say(chair, district, "/lienket ma")).plain.split("Mã liên kết: ")[1].split(" ")[0]
        await env.say(ward_chair, ward, f"/lienket {code}")
        wards.append((ward_chair, ward))
    return chair, district, wards


async def test_the_wards_named_together_are_the_linked_ward_committees(env: Env) -> None:
    chair, district, wards = await _district_with_wards(env)
    (an, sai_dong), _gia_thuy, _thach_ban = wards
    await env.say(an, sai_dong, "/giao Văn phòng rà soát hồ sơ trước ngày 30/11")  # the ward's own #1
    cursor = len(env.world.bot_messages(sai_dong))
    answer = await env.say(chair, district, "/giao Công an quận chủ trì, phối hợp các phường rà soát camera "
                                            "an ninh trước ngày 15/12")  # fmt: skip
    shown = answer.plain
    assert "Đã ghi nhiệm vụ" in shown, shown
    assert "→ 3 phường: Gia Thụy, Sài Đồng, Thạch Bàn" in shown, shown
    assert "các phường" not in " ".join(answer.button_texts()), answer.button_texts()  # no «add a unit?»
    assert "đơn vị mới" not in shown.lower(), shown
    task = await env.task(1, district)
    async with env.sessions() as s:
        rows = {(a.role, a.label, a.unit_id is not None) for a in (await s.get(Task, task.id)).assignees}
        events = {e.kind: e.data for e in await s.scalars(select(TaskEvent).where(TaskEvent.task_id == task.id))}
    assert rows == {("lead", "Công an quận", True), ("support", "Phường Gia Thụy", True),
                    ("support", "Phường Sài Đồng", True), ("support", "Phường Thạch Bàn", True)}  # fmt: skip
    assert len(events["handed_down"]["wards"]) == 3
    # The ward's group is told, and the task is the ward's own #2 (its #1 was already taken), led by its UBND.
    told = [m.plain for m in env.world.bot_messages(sai_dong)[cursor:]]
    assert any("BCĐ quận Long Biên" in t and "#2" in t and "rà soát camera" in t for t in told), told
    copy = await env.task(2, sai_dong)
    assert copy.due_current is not None and copy.due_current.isoformat() == "2026-12-15"
    async with env.sessions() as s:
        lead = [a.label for a in (await s.get(Task, copy.id)).assignees if a.role == "lead"]
        upper = await s.scalar(select(TaskEvent).where(TaskEvent.task_id == copy.id, TaskEvent.kind == "from_upper"))
    assert lead == ["UBND phường"]
    assert upper is not None and upper.data["upper_number"] == 1
    # The ward chair lists the task among the ward's open tasks.
    listed = (await env.say(an, sai_dong, "/ds")).plain
    assert "rà soát camera" in listed, listed


async def test_one_ward_named_is_that_ward_alone(env: Env) -> None:
    chair, district, wards = await _district_with_wards(env)
    answer = await env.say(chair, district, "/giao Giao UBND phường Gia Thụy chỉ đạo dọn vệ sinh trước ngày 10/12")
    assert "Phường Gia Thụy" in answer.plain, answer.plain
    assert not answer.button_texts() or all("Gia Thụy" not in b for b in answer.button_texts())
    _sd, (_binh, gia_thuy), (_chi, thach_ban) = wards
    assert "dọn vệ sinh" in (await env.task(1, gia_thuy)).text
    async with env.sessions() as s:
        count = len(list(await s.scalars(select(Task).where(Task.text.contains("dọn vệ sinh")))))
    assert count == 2  # the district's and Gia Thụy's: not Sài Đồng's, not Thạch Bàn's
    assert "dọn vệ sinh" not in (await env.say(_chi, thach_ban, "/ds")).plain


async def test_a_committee_without_links_reads_the_wards_as_before(env: Env) -> None:
    w = env.world
    chair = w.add_user("Hùng", "Trần", username="hung_quan")
    district = w.add_group("BCĐ quận Long Biên", creator=chair)
    answer = await env.say(chair, district, "/giao UBND các phường rà soát camera trước ngày 15/12")
    assert "Đã ghi nhiệm vụ" in answer.plain
    assert "→" not in answer.plain
    assert await env.task_count() == 1


async def test_the_ward_committees_lead_when_ubnd_cac_phuong_is_given_the_task(env: Env) -> None:
    chair, district, wards = await _district_with_wards(env)
    answer = await env.say(chair, district, "/giao Giao UBND các phường chỉ đạo tổ dân phố ra quân dọn vệ sinh "
                                            "trước ngày 12/12")  # fmt: skip
    assert "→ 3 phường: Gia Thụy, Sài Đồng, Thạch Bàn" in answer.plain, answer.plain
    assert not any("UBND các phường" in b for b in answer.button_texts()), answer.button_texts()
    task = await env.task(1, district)
    async with env.sessions() as s:
        leads = sorted(a.label for a in (await s.get(Task, task.id)).assignees if a.role == "lead")
    assert leads == ["Phường Gia Thụy", "Phường Sài Đồng", "Phường Thạch Bàn"]
    for _chair, ward in wards:
        assert "dọn vệ sinh" in (await env.task(1, ward)).text


async def test_the_district_taking_its_task_back_ends_the_wards_copies(env: Env) -> None:
    chair, district, wards = await _district_with_wards(env)
    await env.say(chair, district, "/giao Giao UBND các phường kiểm tra biển quảng cáo trước ngày 12/12")
    (an, sai_dong), _gt, _tb = wards
    cursor = len(env.world.bot_messages(sai_dong))
    answer = await env.say(chair, district, "/huy 1 trùng với kế hoạch của thành phố")
    assert "#1" in answer.plain, answer.plain
    for _chair, ward in wards:
        assert (await env.task(1, ward)).status == "cancelled"
    told = [m.plain for m in env.world.bot_messages(sai_dong)[cursor:]]
    assert any("rút lại nhiệm vụ #1" in t and "biển quảng cáo" in t for t in told), told
    assert "biển quảng cáo" not in (await env.say(an, sai_dong, "/ds")).plain


async def test_the_import_preview_names_the_wards_and_saving_hands_the_item_down(env: Env) -> None:
    from tests.e2e.test_long_conclusion import preview_after, save

    chair, district, wards = await _district_with_wards(env)
    await env.say(chair, district, "/donvi them Phòng Nội vụ = NV")  # (a committee with no unit flags none)
    cursor = len(env.world.bot_messages(district))
    env.world.send_text(chair, district, (
        "/nhap\nKết luận của Trưởng ban tại cuộc họp Ban Chỉ đạo quận ngày 23/11/2026\n"
        "1. Giao UBND các phường rà soát hộ nghèo, hoàn thành trước ngày 15/12/2026.\n"
        "2. Giao Văn phòng HĐND&UBND quận tổng hợp kết quả, hoàn thành trước ngày 20/12/2026.\n"
    ))
    pages = await preview_after(env, district, cursor)
    shown = "\n".join(p.plain for p in pages)
    item1 = shown.split("\n1. ", 1)[1].split("\n2. ", 1)[0]
    assert "3 phường: Gia Thụy, Sài Đồng, Thạch Bàn" in item1, item1
    assert "🆕" not in item1 and "mới" not in item1, item1
    tasks = await save(env, chair, pages)
    district_tasks = [t for t in tasks if "hộ nghèo" in t.text]
    assert len(district_tasks) == 4  # the district's item 1 and each ward's own copy
    for _chair, ward in wards:
        assert "hộ nghèo" in (await env.task(1, ward)).text
