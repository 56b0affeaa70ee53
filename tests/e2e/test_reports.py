"""Reports and meetings through the real Application: /xuat, /tonghop, /hop, /hop chuanbi, /vuongmac."""

from __future__ import annotations

import io
import threading
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

import handlers.reports
from db import tasks as db_tasks
from db.committees import committee_by_chat
from db.models import Meeting
from db.tasks import NewAssignee
from domain.chart import chart_size_px
from domain.types import Deadline, DeadlineKind
from emulator import Chat, User, text_mention
from tests.e2e.conftest import Env

HEADER_ROW = 3


def cast(env: Env) -> tuple[User, User, User, User, Chat]:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    secretary = w.add_user("Hoa", "Trần", username="hoa_thuky")
    binh = w.add_user("Bình", "Lê")  # contact of Văn phòng
    member = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[secretary, binh, member])
    return chair, secretary, binh, member, group


async def units(env: Env, chair: User, group: Chat, binh: User) -> None:
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP, Văn phòng")
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, ["/donvi gan Văn phòng ", text_mention(binh)])


def sheet_rows(data: bytes) -> tuple[list[str], dict[int, dict[str, object]], list[object]]:
    """(headers, rows by task number as {header: value}, every value of column A below the header)."""
    ws = load_workbook(io.BytesIO(data))["Nhiệm vụ"]
    rows = list(ws.iter_rows(min_row=HEADER_ROW, values_only=True))
    headers = [str(h) for h in rows[0]]
    by_number = {row[1]: dict(zip(headers, row, strict=False)) for row in rows[1:] if isinstance(row[1], int)}
    return headers, by_number, [row[0] for row in rows[1:]]


async def store_tasks(env: Env, group: Chat, count: int, text: str, blocked: str | None = None) -> None:
    """Directives written straight to the database (the group flood limit, 20 messages a minute,
    makes logging dozens by chat take minutes). `text` may contain "{n}", the task's number."""
    async with env.sessions() as s, s.begin():
        committee = await committee_by_chat(s, group.id)
        assert committee is not None
        for n in range(1, count + 1):
            task = await db_tasks.create_task(
                s,
                committee,
                text=text.format(n=n),
                assignees=[NewAssignee("lead", f"Tổ dân phố {n % 7 + 1}")],
                deadline=Deadline(DeadlineKind.DATE, date(2026, 12, 15)),
                due=date(2026, 12, 15),
                assigned_on=date(2026, 11, 23),
                actor_id=None,
                now=env.clock.now(),
            )
            if blocked:
                db_tasks.add_event(s, task, "blocked", None, env.clock.now(), note=blocked)


# ---------------------------------------------------------------------------------------------- /xuat
async def test_the_chair_exports_the_register_with_each_tasks_state(env: Env) -> None:
    chair, _secretary, binh, _member, group = cast(env)
    await units(env, chair, group, binh)
    await env.say(chair, group, "/giao Văn phòng chủ trì rà soát camera an ninh xong trước ngày 15/12")
    await env.say(chair, group, "/giao Công an phường tổng hợp số liệu xong trước ngày 25/11")
    await env.say(chair, group, "/giao Văn phòng cập nhật Cổng TTĐT xong trước ngày 30/11")
    await env.say(chair, group, "/giao Văn phòng in tờ rơi trước 10/12")
    await env.say(binh, group, "/xong 3 đã đăng 2 bài")
    await env.say(chair, group, "/huy 4 trùng việc")
    env.advance(days=4)  # Friday 27/11: #2 is two days overdue

    sent = await env.say(chair, group, "/xuat")
    assert sent.document is not None
    assert sent.document.filename == "nhiem-vu_bcd-chuyen-doi-so-phuong-sai-dong_tat-ca.xlsx"
    assert "BCĐ Chuyển đổi số phường Sài Đồng" in sent.plain
    assert "3 nhiệm vụ, không tính 1 nhiệm vụ đã huỷ" in sent.plain  # counted as /tonghop counts
    assert "27/11/2026" in sent.plain
    headers, rows, _ = sheet_rows(sent.document.data)
    assert "Trạng thái" in headers
    assert sorted(rows) == [1, 2, 3, 4]
    assert {n: rows[n]["Trạng thái"] for n in rows} == {
        1: "Đang thực hiện trong hạn",
        2: "Đang thực hiện quá hạn",
        3: "Hoàn thành đúng hạn",
        4: "Đã huỷ",
    }
    assert rows[1]["Đơn vị/người chủ trì"] == "Văn phòng HĐND&UBND"
    assert rows[2]["Số ngày quá hạn"] == 2
    assert rows[3]["Tiến độ / ghi chú mới nhất"] == "đã đăng 2 bài"

    # A period in the file name and the caption; the English alias works the same.
    november = await env.say(chair, group, "/export thang 11/2026")
    assert november.document is not None
    assert november.document.filename.endswith("_thang-11-2026.xlsx")
    assert "Tháng 11/2026" in november.plain


async def test_members_are_refused_and_secretaries_may_export(env: Env) -> None:
    chair, secretary, binh, member, group = cast(env)
    await env.say(chair, group, ["/giao ", text_mention(binh), " nộp báo cáo trước 15/12"])
    refused = await env.say(member, group, "/xuat")
    assert refused.document is None
    assert "Chỉ Trưởng ban hoặc thư ký mới được xuất file Excel" in refused.plain
    await env.say(chair, group, "/vaitro @hoa_thuky thuky")
    allowed = await env.say(secretary, group, "/xuat quy IV/2026")
    assert allowed.document is not None and allowed.document.filename.endswith("_quy-iv-2026.xlsx")
    # Outside a committee's group there is no register to export.
    env.world.start_private(chair, send_start=False)
    private = await env.say(chair, chair, "/xuat")
    assert private.document is None and "dùng trong nhóm" in private.plain


async def test_unknown_or_impossible_periods_say_what_is_wrong(env: Env) -> None:
    chair, _secretary, _binh, _member, group = cast(env)
    unknown = await env.say(chair, group, "/xuat tuần trước nữa")
    assert unknown.document is None
    assert "Không hiểu kỳ báo cáo" in unknown.plain and "/xuat thang 11/2026" in unknown.plain
    month = await env.say(chair, group, "/xuat thang 13/2026")
    assert month.document is None and "Không có tháng 13" in month.plain
    quarter = await env.say(chair, group, "/xuat quy V/2026")
    assert quarter.document is None and "Không có quý V" in quarter.plain


async def test_an_empty_period_is_a_workbook_with_headers_and_a_no_tasks_line(env: Env) -> None:
    chair, _secretary, binh, _member, group = cast(env)
    await env.say(chair, group, ["/giao ", text_mention(binh), " nộp báo cáo trước 15/12"])
    sent = await env.say(chair, group, "/xuat thang 1/2025")
    assert sent.document is not None and sent.document.filename.endswith("_thang-01-2025.xlsx")
    assert "không có nhiệm vụ nào" in sent.plain
    headers, rows, first_column = sheet_rows(sent.document.data)
    assert headers[:3] == ["STT", "Số", "Nội dung"]
    assert rows == {}
    assert any("Không có nhiệm vụ nào trong kỳ" in str(v) for v in first_column)


async def test_hundreds_of_tasks_all_reach_the_workbook(env: Env) -> None:
    chair, _secretary, _binh, _member, group = cast(env)
    await env.say(chair, group, "/hop")  # registers the committee
    await store_tasks(env, group, 300, "Nhiệm vụ số {n}: rà soát hồ sơ thủ tục hành chính")
    sent = await env.say(chair, group, "/xuat")
    assert sent.document is not None and "300 nhiệm vụ" in sent.plain
    _, rows, _ = sheet_rows(sent.document.data)
    assert sorted(rows) == list(range(1, 301))
    assert rows[300]["Nội dung"] == "Nhiệm vụ số 300: rà soát hồ sơ thủ tục hành chính"
    assert {row["Trạng thái"] for row in rows.values()} == {"Đang thực hiện trong hạn"}


async def test_the_bot_keeps_answering_while_a_workbook_is_built(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    """The builder is held in its worker thread until another command has been answered: if /xuat
    blocked the bot, /ds would never be answered and the wait would fail."""
    chair, _secretary, binh, member, group = cast(env)
    await env.say(chair, group, ["/giao ", text_mention(binh), " nộp báo cáo trước 15/12"])
    release = threading.Event()
    started = threading.Event()
    real_build = handlers.reports.build_workbook

    def held_build(*args: object) -> bytes:
        started.set()
        release.wait(timeout=10)
        return real_build(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(handlers.reports, "build_workbook", held_build)
    try:
        env.world.send_text(chair, group, "/xuat")
        await env.world.wait_until(started.is_set)
        listing = await env.say(member, group, "/ds")
        assert "nộp báo cáo" in listing.plain
        assert not any(m.document for m in env.world.bot_messages(group))
    finally:
        release.set()
    sent = await env.world.wait_for(lambda m: m.document is not None, chat=group, since=0)
    assert sent.document is not None and sent.document.filename.endswith(".xlsx")


# ---------------------------------------------------------------------------------------------- /tonghop
async def test_chart_and_counts(env: Env) -> None:
    chair, _secretary, binh, member, group = cast(env)
    await units(env, chair, group, binh)
    empty = await env.say(member, group, "/tonghop bieudo")
    assert empty.photo is None and "không có nhiệm vụ nào để vẽ biểu đồ" in empty.plain

    await env.say(chair, group, "/giao Văn phòng chủ trì rà soát camera xong trước ngày 15/12")
    await env.say(chair, group, "/giao Văn phòng cập nhật Cổng TTĐT xong trước ngày 24/11")
    await env.say(chair, group, "/giao Công an phường tổng hợp số liệu xong trước ngày 30/11")
    await env.say(binh, group, "/xong 1")
    env.advance(days=3)  # 26/11: #2 overdue

    picture = await env.say(member, group, "/tonghop bieudo")
    assert picture.photo is not None and picture.photo.data.startswith(b"\x89PNG\r\n\x1a\n")
    # One bar per unit: the picture is as tall as a two-unit chart.
    assert (picture.photo.width, picture.photo.height) == chart_size_px(2)
    assert "Tháng 11/2026" in picture.plain and "1/3 hoàn thành, 1 đang quá hạn" in picture.plain
    other = await env.say(member, group, "/tonghop biểu đồ quý IV/2026")
    assert other.photo is not None and "Quý IV/2026" in other.plain
    bad = await env.say(member, group, "/tonghop bieudo quy 7")
    assert bad.photo is None and "Không có quý 7" in bad.plain

    monday_post = await env.say(member, group, "/tonghop")  # the Monday summary, as of now
    assert "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ" in monday_post.plain
    assert "Tổng số: 3 nhiệm vụ" in monday_post.plain

    counts = await env.say(member, group, "/tonghop tatca")
    assert "Tổng số: 3 nhiệm vụ" in counts.plain
    assert "Hoàn thành: 1 (đúng hạn 1, quá hạn 0)" in counts.plain
    assert "Đang thực hiện: 2 (trong hạn 1, quá hạn 1)" in counts.plain
    assert "• Công an phường: 0/1" in counts.plain
    assert "• Văn phòng HĐND&UBND: 1/2, 1 quá hạn" in counts.plain
    assert "Tỷ lệ hoàn thành đúng hạn: 50%" in counts.plain


# ---------------------------------------------------------------------------------------------- meetings
async def meetings(env: Env) -> list[Meeting]:
    async with env.sessions() as s:
        return list(await s.scalars(select(Meeting).order_by(Meeting.id)))


async def test_a_meeting_opened_with_hop_moi_takes_the_directives_of_its_day_and_the_next(env: Env) -> None:
    chair, _secretary, binh, member, group = cast(env)
    none = await env.say(member, group, "/hop")
    assert "chưa có cuộc họp nào" in none.plain
    refused = await env.say(member, group, "/hop moi Giao ban tháng 11")
    assert "Chỉ Trưởng ban hoặc thư ký mới được mở cuộc họp" in refused.plain
    assert await meetings(env) == []
    bad = await env.say(chair, group, "/hop moi Giao ban 31/02")
    assert "«31/02» không tồn tại" in bad.plain and await meetings(env) == []

    opened = await env.say(chair, group, "/hop mới Giao ban tháng 11")
    assert "Đã mở cuộc họp «Giao ban tháng 11» — Thứ Hai, 23/11/2026" in opened.plain
    assert "đến hết 24/11/2026" in opened.plain
    [meeting] = await meetings(env)
    assert (meeting.title, meeting.held_on) == ("Giao ban tháng 11", date(2026, 11, 23))

    logged = await env.say(chair, group, ["/giao ", text_mention(binh), " rà soát camera trước 15/12"])
    assert "Thuộc cuộc họp: Giao ban tháng 11" in logged.plain
    assert (await env.task(1, group)).meeting_id == meeting.id
    env.advance(days=1)  # the secretary types up the rest the next day
    await env.say(chair, group, ["/giao ", text_mention(binh), " cập nhật Cổng TTĐT trước 15/12"])
    assert (await env.task(2, group)).meeting_id == meeting.id
    env.advance(days=1)  # two days later: a directive between meetings
    later = await env.say(chair, group, ["/giao ", text_mention(binh), " in tờ rơi trước 15/12"])
    assert "Thuộc cuộc họp" not in later.plain
    assert (await env.task(3, group)).meeting_id is None

    await env.say(binh, group, "/xong 1")
    shown = await env.say(member, group, "/hop")
    assert "Cuộc họp: Giao ban tháng 11" in shown.plain
    assert "2 nhiệm vụ: 1 hoàn thành, 1 đang thực hiện (0 quá hạn)" in shown.plain
    # «/giao @Bình rà soát …»: the text no longer repeats its lead (product11); the lead follows the task
    assert "#1 rà soát camera" in shown.plain and "hoàn thành đúng hạn" in shown.plain
    assert "#2 cập nhật Cổng TTĐT trước 15/12 — Bình Lê" in shown.plain and "hạn 15/12/2026" in shown.plain
    assert "#3" not in shown.plain


async def test_meetings_entered_afterwards_or_ahead(env: Env) -> None:
    chair, _secretary, binh, _member, group = cast(env)
    # Entered on the 23rd for a meeting held on the 16th: today's directives still belong to it.
    await env.say(chair, group, "/hop moi Giao ban tuần 47 ngày 16/11/2026")
    await env.say(chair, group, ["/giao ", text_mention(binh), " việc của tuần 47 trước 15/12"])
    past = (await meetings(env))[0]
    assert (await env.task(1, group)).meeting_id == past.id
    # One scheduled for next week takes nothing before its day, and /hop says it is coming.
    await env.say(chair, group, "/hop moi Giao ban tháng 12 ngày 30/11/2026")
    env.advance(days=2)
    await env.say(chair, group, ["/giao ", text_mention(binh), " việc giữa hai cuộc họp trước 15/12"])
    assert (await env.task(2, group)).meeting_id is None
    shown = await env.say(chair, group, "/hop")
    assert "Cuộc họp: Giao ban tuần 47" in shown.plain
    assert "Cuộc họp tới: «Giao ban tháng 12» — Thứ Hai, 30/11/2026" in shown.plain
    env.advance(days=5)  # Monday 30/11
    await env.say(chair, group, ["/giao ", text_mention(binh), " việc của tháng 12 trước 15/12"])
    assert (await env.task(3, group)).meeting_id == (await meetings(env))[1].id


async def test_the_agenda_lists_unfinished_directives_by_unit_with_progress_and_what_is_stuck(env: Env) -> None:
    chair, _secretary, binh, member, group = cast(env)
    await units(env, chair, group, binh)
    await env.say(chair, group, "/hop moi Giao ban tháng 11")
    await env.say(chair, group, "/giao Văn phòng chủ trì rà soát camera an ninh xong trước ngày 25/11")
    await env.say(chair, group, "/giao Công an phường chủ trì tuyên truyền dịch vụ công trước ngày 15/12")
    await env.say(chair, group, "/giao Văn phòng cập nhật Cổng TTĐT xong trước ngày 10/12")
    await env.say(chair, group, "/giao Văn phòng in tờ rơi xong trước ngày 10/12")
    await env.say(binh, group, "/tiendo 1 đã lắp 4/6 camera")
    await env.say(chair, group, "/vuongmac 2 chưa có kinh phí in tài liệu")
    await env.say(binh, group, "/giahan 3 20/12 chờ số liệu của tổ dân phố")
    await env.say(binh, group, "/xong 4")
    env.advance(days=7)  # Monday 30/11: #1 is 5 days overdue

    agenda = await env.say(member, group, "/hop chuanbi")
    text = agenda.plain
    assert "Chương trình giao ban" in text
    assert "3 nhiệm vụ chưa hoàn thành, trong đó 1 quá hạn; 1 đề nghị gia hạn chờ duyệt; 1 việc có vướng mắc" in text
    # Grouped by unit, units in Vietnamese order, each directive under its lead unit.
    ca, vp = text.index("1. Công an phường"), text.index("2. Văn phòng HĐND&UBND")
    assert ca < text.index("#2 Công an phường chủ trì tuyên truyền dịch vụ công") < vp
    assert vp < text.index("#1 Văn phòng chủ trì rà soát camera") < text.index("#3 Văn phòng cập nhật Cổng TTĐT")
    assert "#4" not in text  # finished: not on the agenda
    item1 = text[text.index("#1 ") : text.index("#3 ")]
    assert "Quá hạn 5 ngày (hạn 25/11/2026)" in item1 and "Tiến độ: đã lắp 4/6 camera" in item1
    assert "Giao ban tháng 11" in item1
    item2 = text[text.index("#2 ") : vp]
    assert "Vướng mắc: chưa có kinh phí in tài liệu" in item2
    item3 = text[text.index("#3 ") :]
    assert "Xin gia hạn đến 20/12/2026" in item3 and "Chưa báo cáo tiến độ" in item3


async def test_a_long_agenda_is_split_between_directives(env: Env) -> None:
    chair, _secretary, _binh, member, group = cast(env)
    await env.say(chair, group, "/hop")  # registers the committee
    # Stored directly: logging 18 directives by chat would take a minute under the group flood limit.
    long_text = "triển khai " + "nội dung chi tiết của nhiệm vụ " * 12
    await store_tasks(env, group, 18, f"Bình Lê việc {{n}} {long_text}", blocked="vướng thủ tục " * 30)
    start = len(env.world.bot_messages(group))
    await env.say(member, group, "/hop chuanbi")
    parts = [m.plain for m in env.world.bot_messages(group)[start:]]
    assert len(parts) >= 3
    assert all(part.startswith("(tiếp theo)") for part in parts[1:])
    joined = "\n".join(parts)
    for n in range(1, 19):
        marker = f"#{n} Bình Lê việc {n} "
        assert joined.count(marker) == 1
        # Each directive's lines travel together in one message.
        holder = next(p for p in parts if marker in p)
        item = holder[holder.index(marker) :]
        following = item.find("\n#", 1)
        item = item if following == -1 else item[:following]
        assert "Hạn 15/12/2026" in item and "Vướng mắc: vướng thủ tục" in item


# ---------------------------------------------------------------------------------------------- /vuongmac
async def test_only_the_assignee_or_the_chair_reports_a_blocker(env: Env) -> None:
    chair, secretary, binh, member, group = cast(env)
    await env.say(chair, group, ["/giao ", text_mention(binh), " tổng hợp số liệu trước 15/12"])
    await env.say(chair, group, "/vaitro @hoa_thuky thuky")
    task = await env.task(1, group)

    assert "Cách dùng: /vuongmac" in (await env.say(binh, group, "/vuongmac 1")).plain
    assert "Cách dùng: /vuongmac" in (await env.say(binh, group, "/vuongmac")).plain
    assert "Không có nhiệm vụ #9" in (await env.say(binh, group, "/vuongmac 9 thiếu người")).plain
    for outsider in (member, secretary):
        refused = await env.say(outsider, group, "/vuongmac 1 thiếu người")
        assert "không phải người thực hiện nhiệm vụ #1" in refused.plain
        assert "mới báo vướng mắc" in refused.plain
    assert await env.events(task.id) == ["created"]

    ok = await env.say(binh, group, "/vuongmac 1 chưa nhận được số liệu <tổ 3>")
    assert "Đã ghi vướng mắc của #1: chưa nhận được số liệu <tổ 3>" in ok.plain
    assert "/hop chuanbi" in ok.plain
    chair_ok = await env.say(chair, group, "/blocked 1 chờ ý kiến Sở")
    assert "Đã ghi vướng mắc của #1" in chair_ok.plain
    assert await env.events(task.id) == ["created", "blocked", "blocked"]
    history = await env.say(member, group, "/xem 1")
    assert "báo vướng mắc: chưa nhận được số liệu <tổ 3>" in history.plain

    await env.say(binh, group, "/xong 1")
    closed = await env.say(binh, group, "/vuongmac 1 còn vướng")
    assert "đã hoàn thành" in closed.plain
    assert await env.events(task.id) == ["created", "blocked", "blocked", "done"]
