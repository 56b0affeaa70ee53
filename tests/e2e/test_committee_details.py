"""Units, dates, meetings and lists as a committee meets them (issue 14, items 5–8, 10, 11, 14, 15):
each test is what the chair or a member sees, and what is stored."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook
from sqlalchemy import func, select

from db.committees import committee_by_chat
from db.models import Unit
from db.tasks import NewAssignee, create_task
from domain.types import Deadline, DeadlineKind
from emulator import Chat, User, text_mention
from tests.e2e.conftest import Env
from tests.e2e.test_reports import store_tasks


def cast(env: Env) -> tuple[User, User, User, Chat]:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    police = w.add_user("Tuấn", "Đỗ", username="tuan_ca")  # contact of Công an phường
    member = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[police, member])
    return chair, police, member, group


async def unit_count(env: Env) -> int:
    async with env.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(Unit)) or 0)


async def test_aliases_and_near_names_resolve_to_the_registered_unit(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    await env.say(chair, group, "/donvi them Trạm Y tế phường = TYT, Y tế")
    reply = await env.say(chair, group, "/giao Giao Y tế kiểm tra an toàn thực phẩm trong quý I/2027")
    assert "Chủ trì: Trạm Y tế phường" in reply.plain
    reply = await env.say(chair, group, "/giao Trạm Y tế kiểm tra vệ sinh trường học trước ngày 20/12")
    assert "Chủ trì: Trạm Y tế phường" in reply.plain
    assert await unit_count(env) == 1  # no second «Trạm Y tế» splitting the counts
    listed = await env.say(chair, group, "/ds Y tế")
    assert "#1" in listed.plain and "#2" in listed.plain


async def test_every_report_files_a_task_under_the_same_unit(env: Env) -> None:
    chair, police, _member, group = cast(env)
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP, Văn phòng")
    await env.say(chair, group, "/donvi gan Công an phường @tuan_ca")
    await env.say(chair, group, "/giao Công an phường rà soát camera an ninh trước ngày 15/12")
    await env.say(chair, group, ["/giao ", text_mention(police), " kiểm tra cư trú tổ 5 trước ngày 18/12"])
    await env.say(chair, group, "/giao Văn phòng chủ trì, phối hợp Công an phường cập nhật hồ sơ trước 20/12")

    summary = await env.say(chair, group, "/tonghop")
    assert "Công an phường: 0/2" in summary.plain  # the person's task counts for their unit
    assert "Văn phòng HĐND&UBND: 0/1" in summary.plain
    assert "Tuấn" not in summary.plain.split("Theo đơn vị")[1]  # no row of its own for the person

    exported = await env.say(chair, group, "/xuat")
    assert exported.document is not None
    ws = load_workbook(io.BytesIO(exported.document.data))["Tổng hợp"]
    cells = [[c for c in row if c is not None] for row in ws.iter_rows(values_only=True)]
    police_row = next(r for r in cells if r and r[0] == "Công an phường")
    assert 2 in police_row  # total 2, as in /tonghop
    assert not any(r and isinstance(r[0], str) and "Tuấn" in r[0] for r in cells)

    listed = await env.say(chair, group, "/ds CA")
    assert all(f"#{n}" in listed.plain for n in (1, 2, 3))  # led, led by its contact, coordinating


async def test_a_giao_without_a_task_is_refused_and_nothing_is_saved(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    await env.say(chair, group, "/donvi them Công an phường = CA")
    for text in (
        "/giao Công an phường",
        "/giao Công an phường trước ngày 15/12",
        "/giao CA chủ trì, phối hợp Văn phòng",
    ):
        reply = await env.say(chair, group, text)
        assert "Chưa có nội dung công việc" in reply.plain, text
        assert "/giao" in reply.plain  # the usage line
    assert await env.task_count() == 0


async def test_an_old_imported_meeting_does_not_take_todays_directives(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    await env.say(chair, group, "/hop moi Giao ban tháng 2 10/02/2026")
    reply = await env.say(chair, group, "/giao @tuan_ca rà soát camera an ninh trước ngày 15/12")
    assert "#1" in reply.plain and "tháng 2" not in reply.plain
    task = await env.task(1, group)
    assert task.meeting_id is None
    # Today's meeting does take them.
    await env.say(chair, group, "/hop moi Giao ban tuần 48")
    reply = await env.say(chair, group, "/giao @tuan_ca kiểm tra cư trú trước ngày 15/12")
    assert "Giao ban tuần 48" in reply.plain


async def test_an_impossible_new_deadline_is_named(env: Env) -> None:
    chair, police, _member, group = cast(env)
    await env.say(chair, group, "/giao @tuan_ca rà soát camera an ninh trước ngày 15/12")
    for who in (chair, police):
        reply = await env.say(who, group, "/giahan 1 31/02 chờ số liệu")
        assert "31/02" in reply.plain and "không tồn tại" in reply.plain
    reply = await env.say(chair, group, "/sua 1 han 30/02")
    assert "30/02" in reply.plain and "không tồn tại" in reply.plain
    assert (await env.task(1, group)).due_current == date(2026, 12, 15)


async def test_a_deadline_on_a_day_off_is_said_and_the_working_day_before_offered(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    reply = await env.say(chair, group, "/giao @tuan_ca nộp báo cáo an ninh trước ngày 20/12")
    assert "Chủ nhật, 20/12/2026 — ngày nghỉ cuối tuần" in reply.plain
    assert "Thứ Sáu, 18/12/2026" in reply.plain
    await env.press(chair, reply, "📅 Đổi sang Thứ Sáu, 18/12/2026")
    assert (await env.task(1, group)).due_current == date(2026, 12, 18)
    # A public holiday: New Year's Day 2027 is a Friday.
    reply = await env.say(chair, group, "/giao @tuan_ca tổng kết năm trước ngày 01/01/2027")
    assert "ngày nghỉ lễ" in reply.plain and "Thứ Năm, 31/12/2026" in reply.plain
    # A working day says nothing of the kind.
    reply = await env.say(chair, group, "/giao @tuan_ca rà soát hộ nghèo trước ngày 16/12")
    assert "ngày nghỉ" not in reply.plain


async def test_a_long_list_pages_with_buttons(env: Env) -> None:
    chair, _police, member, group = cast(env)
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await store_tasks(env, group, 60, "Rà soát hồ sơ tổ {n}")
    first = await env.say(member, group, "/ds")
    assert "60 nhiệm vụ" in first.plain and "Trang 1/3" in first.plain
    assert "#1 " in first.plain and "#26 " not in first.plain
    assert first.button_texts() == ["Trang sau ▶️"]
    await env.press(member, first, "Trang sau ▶️")
    second = env.world.message(first.chat.id, first.message_id)
    assert "Trang 2/3" in second.plain and "#26 " in second.plain and "#1 " not in second.plain
    assert second.button_texts() == ["◀️ Trang trước", "Trang sau ▶️"]
    await env.press(member, second, "Trang sau ▶️")
    third = env.world.message(first.chat.id, first.message_id)
    assert "Trang 3/3" in third.plain and "#60 " in third.plain


async def test_ds_tuannay_on_a_sunday_lists_the_coming_working_week(env: Env) -> None:
    chair, _police, member, group = cast(env)
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, "/giao Công an phường rà soát camera trước ngày 4/12")  # Friday this week
    await env.say(chair, group, "/giao Công an phường kiểm tra cư trú trước ngày 9/12")  # Wednesday next week
    await env.say(chair, group, "/giao Công an phường tổng kết năm trước ngày 18/12")  # the week after
    env.advance(days=13)  # Sunday 06/12/2026
    listed = await env.say(member, group, "/ds tuannay")
    # #2 is due in the week that starts tomorrow; #1, overdue since Friday, is /ds quahan's and counted (chat17).
    assert "#2 " in listed.plain and "#1 " not in listed.plain and "#3 " not in listed.plain
    assert "Còn 1 nhiệm vụ đã quá hạn (hạn trước 06/12)" in listed.plain
    env.advance(days=3)  # Wednesday 09/12
    listed = await env.say(member, group, "/ds tuannay")
    assert "#2 " in listed.plain and "#3 " not in listed.plain


async def test_a_long_viec_list_pages_with_buttons_in_the_private_chat_and_only_for_its_owner(env: Env) -> None:
    # /ds does not work in a private chat: the rest of a long /viec list must be reachable there.
    chair, police, member, group = cast(env)
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, "/donvi gan Công an phường @tuan_ca")
    await env.say(police, police, "/start")
    async with env.sessions() as s, s.begin():
        committee = await committee_by_chat(s, group.id)
        unit = await s.scalar(select(Unit).where(Unit.name == "Công an phường"))
        assert committee is not None and unit is not None
        for n in range(1, 31):
            await create_task(
                s, committee, text=f"Kiểm tra cư trú tổ {n}",
                assignees=[NewAssignee("lead", unit.name, unit_id=unit.id)],
                deadline=Deadline(DeadlineKind.DATE, date(2026, 12, 15)), due=date(2026, 12, 15),
                assigned_on=date(2026, 11, 23), actor_id=None, now=env.clock.now(),
            )  # fmt: skip
    first = await env.say(police, police, "/viec")
    assert "30 việc đang mở" in first.plain and "Trang 1/2" in first.plain and "/ds" not in first.plain
    assert first.button_texts() == ["Trang sau ▶️"]
    await env.press(police, first, "Trang sau ▶️")
    second = env.world.message(first.chat.id, first.message_id)
    assert "Trang 2/2" in second.plain and "tổ 30" in second.plain and "tổ 1 " not in second.plain
    # In the group, someone else's list is not turned by another member.
    in_group = await env.say(police, group, "/viec")
    await env.press(member, in_group, "Trang sau ▶️")
    assert "Trang 1/2" in env.world.message(group.id, in_group.message_id).plain


async def test_a_recurring_duty_imported_is_due_like_one_given_by_giao(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    preview = await env.say(chair, group, "/nhap\n1. Giao Văn phòng báo cáo tiến độ chuyển đổi số hàng tháng.")
    await env.world.wait_for(lambda m: m.buttons != [], chat=group)
    await env.idle()
    last = env.world.bot_messages(group)[-1]
    assert preview is not None
    await env.press(chair, last, "💾 Lưu tất cả")
    imported = await env.task(1, group)
    await env.say(chair, group, "/giao Văn phòng cập nhật tin bài lên Cổng thông tin hàng tháng")
    given = await env.task(2, group)
    assert imported.cadence == given.cadence == "monthly"
    assert imported.due_current == given.due_current == date(2026, 11, 30)


async def test_a_registered_alias_leads_from_the_start_of_a_directive(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    await env.say(chair, group, "/donvi them Trạm Y tế phường = TYT, Y tế")
    reply = await env.say(chair, group, "/giao Y tế kiểm tra an toàn thực phẩm trong quý I/2027")
    assert "Chủ trì: Trạm Y tế phường" in reply.plain


async def test_an_extension_to_a_day_off_is_said(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    await env.say(chair, group, "/giao @tuan_ca rà soát camera an ninh trước ngày 15/12")
    reply = await env.say(chair, group, "/giahan 1 20/12 chờ số liệu")
    assert "Chủ nhật, 20/12/2026 — ngày nghỉ cuối tuần" in reply.plain and "Thứ Sáu, 18/12/2026" in reply.plain
    assert (await env.task(1, group)).due_current == date(2026, 12, 20)  # kept as the chair wrote it


async def test_a_usual_unit_named_the_first_time_keeps_the_committees_fuller_name(env: Env) -> None:
    chair, _police, _member, group = cast(env)
    reply = await env.say(chair, group, "/giao Công an phường rà soát camera an ninh trước ngày 15/12")
    assert "Chủ trì: Công an phường" in reply.plain
    reply = await env.say(chair, group, "/giao Công an kiểm tra cư trú tổ 5 trước ngày 16/12")
    assert "Chủ trì: Công an phường" in reply.plain  # the same unit, not a second one
    assert await unit_count(env) == 1
