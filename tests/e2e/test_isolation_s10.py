"""Adversarial audit (session 10): «one committee never sees another's data» and «nobody acts beyond
their role as Telegram has it now», tried through the real Application against the emulator as a curious
or malicious member would: the board right after Telegram told the bot a role or a membership ended,
buttons and answers after the role went, and a member of two committees."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from emulator import Chat, User, text_mention
from tests.e2e.conftest import Env, bot_env
from tests.e2e.test_board import WEBAPP, Client, committee_id


@pytest.fixture
async def env(database_url: str) -> AsyncIterator[Env]:
    async with bot_env(database_url, webapp_url=WEBAPP, webapp_port=0) as e:
        yield e


def ward(env: Env, *, bot_admin: bool = True) -> tuple[User, User, User, Chat]:
    """A ward: Lan created the group, Hà is an administrator (a chair while she is one), Minh a member."""
    w = env.world
    lan = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    ha = w.add_user("Hà", "Trịnh", username="ha_phochutich")
    minh = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group(
        "BCĐ Chuyển đổi số phường Sài Đồng", creator=lan, members=[minh], admins=[ha],
        bot_status="administrator" if bot_admin else "member",
    )  # fmt: skip
    return lan, ha, minh, group


async def test_a_demoted_admin_acts_on_the_board_no_more_once_telegram_said_so(env: Env) -> None:
    """The bot is an admin: Telegram tells it at once that Hà is no longer one (chat_member). The chat
    refuses her chair's commands from that moment; the board, which had looked her up a moment before,
    must too — not for another minute."""
    lan, ha, _minh, group = ward(env)
    await env.say(lan, group, "/giao Văn phòng cập nhật hồ sơ một cửa trước ngày 15/12")
    cid = await committee_id(env, group)
    board = Client(env, ha)
    status, opened = await board.call(f"c/{cid}")
    assert status == 200 and opened["committee"]["role"] == "chair"

    env.world.demote_admin(group, ha, by=lan)
    await env.idle()
    status, said = await board.call(f"c/{cid}/t/1", {"action": "cancel", "value": "không cần nữa"})
    assert status in (403, 409), (status, said)
    assert (await env.task(1, group)).status == "open"
    status, again = await board.call(f"c/{cid}")
    assert status == 200 and again["committee"]["role"] == "member" and not again["committee"]["can"]["cancel"]


async def test_someone_removed_from_the_group_reads_its_board_no_more_at_once(env: Env) -> None:
    """«rời nhóm là hết xem»: the «left the group» message reaches every bot, admin or not; from then on
    the board shows nothing, without waiting for its minute of remembered membership."""
    lan, _ha, minh, group = ward(env, bot_admin=False)
    await env.say(lan, group, "/giao Văn phòng cập nhật hồ sơ một cửa trước ngày 15/12")
    cid = await committee_id(env, group)
    board = Client(env, minh)
    assert (await board.call(f"c/{cid}"))[0] == 200

    env.world.remove_member(group, minh, by=lan)
    await env.idle()
    assert (await board.call(f"c/{cid}"))[0] == 403
    assert (await board.call(f"c/{cid}/t/1"))[0] == 403
    assert (await board.call("me"))[1]["committees"] == []



async def test_a_forged_button_does_not_overwrite_another_message_of_the_group(env: Env) -> None:
    """A button's data is what a modified client sends, on any message of the bot it can see. Pressed on
    the chair's extension request, «ds» (a list's next page) and «done» (one's own task) redrew that
    message: a plain member wiped the request and its «Duyệt / Từ chối» buttons from the group. The
    press may do what the presser may do; the message it is pressed on stays as it is."""
    lan, _ha, minh, group = ward(env, bot_admin=False)
    tuan = env.world.add_user("Tuấn", "Đỗ", username="tuan_ca")
    env.world.add_member(group, tuan)
    await env.idle()
    await env.say(lan, group, ["/giao ", text_mention(tuan), " rà soát camera an ninh trước ngày 15/12"])
    await env.say(lan, group, ["/giao ", text_mention(minh), " cập nhật hồ sơ một cửa trước ngày 20/12"])
    await env.say(tuan, group, "/giahan 1 30/12 chờ kinh phí")
    request = await env.world.wait_for(lambda m: "xin gia hạn" in m.plain and bool(m.buttons), chat=group)
    shown, buttons = request.plain, request.buttons
    minh_task = (await env.task(2, group)).id

    for data in ("ds:1:a", "ds:1:q", f"done:{minh_task}"):
        query = env.world.press_forged(minh, request, data)
        await env.world.wait_until(lambda q=query: q.answered)
        await env.idle()
        now = env.world.message(group, request.message_id)  # as the group sees it now
        assert now.plain == shown and now.buttons == buttons, (data, now.plain, now.buttons)
    # What Minh may do, he did (his own task is closed); the chair's request is still there to decide.
    assert (await env.task(2, group)).status == "done"
    assert (await env.task(1, group)).status == "open"


async def test_a_role_given_to_someone_outside_the_group_opens_nothing_in_private(env: Env) -> None:
    """«/vaitro @người thuky» takes any @username: one mistyped, or someone who is not in the group, is
    stored as the committee's secretary. A role «stays while the person is in the group» (README): outside
    it, in a private chat, that stranger must neither read the committee's tasks nor import into it."""
    lan, _ha, _minh, group = ward(env, bot_admin=False)
    stranger = env.world.add_user("Khách", "Lạ", username="khach_la")  # in no group of the bot
    await env.say(lan, group, "/giao Văn phòng lập danh sách hộ nghèo tổ 5 trước ngày 15/12")
    await env.say(lan, group, "/vaitro @khach_la thuky")  # meant @khanh_la, the ward's clerk
    env.world.start_private(stranger)
    await env.idle()
    before = await env.task_count()

    shown = await env.say(stranger, stranger, "/xem 1")
    assert "hộ nghèo" not in shown.plain and "Không thấy nhiệm vụ #1" in shown.plain
    gather = await env.say(stranger, stranger, "/nhap")
    assert "Sài Đồng" not in gather.plain and not any(
        "Sài Đồng" in b["text"] for row in gather.buttons for b in row
    ), gather.plain
    assert await env.task_count() == before


async def test_a_members_two_committees_stay_apart_in_lists_summaries_and_files(env: Env) -> None:
    """Minh is in two wards, assigned in both; ward B has its own unit and tasks. Everything ward A's
    group is given — /ds, /viec, /tonghop, the /xuat workbook, the /baocao report — names nothing of B."""
    import io

    from docx import Document
    from openpyxl import load_workbook

    w = env.world
    lan, _ha, minh, ward_a = ward(env, bot_admin=False)
    binh = w.add_user("Bình", "Lê", username="binh_chutich")
    ward_b = w.add_group("BCĐ Chuyển đổi số phường Phúc Đồng", creator=binh, members=[minh])
    await env.say(binh, ward_b, "/donvi them Trạm Y tế phường = TYT")
    await env.say(binh, ward_b, ["/donvi gan Trạm Y tế phường ", text_mention(minh)])
    await env.say(binh, ward_b, "/giao Trạm Y tế phường tiêm chủng mở rộng đợt 3 trước ngày 25/11")
    await env.say(binh, ward_b, ["/giao ", text_mention(minh), " rà soát camera ngõ 12 trước ngày 30/11"])
    await env.say(lan, ward_a, ["/giao ", text_mention(minh), " kiểm tra hồ sơ một cửa trước ngày 15/12"])
    await env.say(lan, ward_a, "/giao Văn phòng cập nhật cổng thông tin trước ngày 24/11")
    env.advance(days=3)  # 26/11: B's #1 and A's #2 are overdue
    b_words = ("Trạm Y tế", "tiêm chủng", "camera ngõ 12", "Phúc Đồng")

    said = [await env.say(who, ward_a, cmd) for who, cmd in
            ((lan, "/ds"), (minh, "/viec"), (lan, "/ds quahan"), (lan, "/tonghop"), (minh, "/xem 1"))]
    texts = [m.plain for m in said] + [m.plain for m in w.bot_messages(ward_a)]
    sheet = await env.say(lan, ward_a, "/xuat")
    assert sheet.document is not None
    book = load_workbook(io.BytesIO(sheet.document.data))
    texts += [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    prompt = await env.say(lan, ward_a, "/baocao")
    w.send_text(lan, ward_a, "UBND phường Sài Đồng; Long Biên; Nguyễn Thị Lan", reply_to=prompt)
    report = await w.wait_for(lambda m: m.document is not None and m.document.filename.endswith(".docx"), chat=ward_a)
    await env.idle()
    assert report.document is not None
    doc = Document(io.BytesIO(report.document.data))
    texts += [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    everything = "\n".join(texts)
    assert "hồ sơ một cửa" in everything and "cổng thông tin" in everything  # A's own are there
    leaked = [word for word in b_words if word in everything]
    assert leaked == [], leaked


async def test_the_board_of_another_ward_by_link_id_or_altered_identity_shows_nothing(env: Env) -> None:
    """Minh, a member of ward A, tries ward B's board: B's group link (startapp=c<B's chat>), B's id and
    the ids next to it in the API's address, his own signed identity altered to be B's chair's."""
    from urllib.parse import parse_qsl, urlencode

    w = env.world
    lan, _ha, minh, ward_a = ward(env, bot_admin=False)
    binh = w.add_user("Bình", "Lê", username="binh_chutich")
    ward_b = w.add_group("BCĐ Chuyển đổi số phường Phúc Đồng", creator=binh)
    await env.say(lan, ward_a, "/giao Văn phòng cập nhật cổng thông tin trước ngày 24/11")
    await env.say(binh, ward_b, "/giao Trạm Y tế tiêm chủng mở rộng đợt 3 trước ngày 25/11")
    b = await committee_id(env, ward_b)

    status, me = await Client(env, minh, start_param=f"c{ward_b.id}").call("me")
    assert status == 200 and me["start"] is None and b not in [c["id"] for c in me["committees"]]
    for path in (f"c/{b}", f"c/{b}/t/1", f"c/{b + 1}", f"c/{b}/t/2", "c/0", f"c/{-b}"):
        status, body = await Client(env, minh).call(path)
        assert status in (400, 403, 404) and "tiêm chủng" not in str(body), (path, status, body)
    status, _ = await Client(env, minh).call(f"c/{b}/t/1", {"action": "close", "value": ""})
    assert status == 403

    # His genuine initData with the user swapped for Bình's: the hash no longer matches.
    fields = dict(parse_qsl(Client(env, minh).init))
    fields["user"] = fields["user"].replace(str(minh.id), str(binh.id))
    altered = Client(env, minh)
    altered.init = urlencode(fields)
    assert (await altered.call(f"c/{b}"))[0] == 401
    assert (await env.task(1, ward_b)).status == "open"


async def test_two_fast_presses_on_a_request_decide_it_once(env: Env) -> None:
    """The chair's phone sends «Duyệt» twice and then «Từ chối» before the first is answered: one
    decision is stored, one history line, the deadline moved once."""
    from sqlalchemy import select

    from db.models import ExtensionRequest

    lan, _ha, minh, group = ward(env, bot_admin=False)
    await env.say(lan, group, ["/giao ", text_mention(minh), " cập nhật hồ sơ một cửa trước ngày 15/12"])
    await env.say(minh, group, "/giahan 1 30/12 chờ số liệu")
    request = await env.world.wait_for(lambda m: "xin gia hạn" in m.plain and bool(m.buttons), chat=group)
    ok, no = request.buttons[0][0]["callback_data"], request.buttons[0][1]["callback_data"]
    queries = [env.world.press_button(lan, request, data) for data in (ok, ok, no)]
    await env.world.wait_until(lambda: all(q.answered for q in queries))
    await env.idle()
    task = await env.task(1, group)
    events = await env.events(task.id)
    assert events.count("extension_approved") + events.count("extension_rejected") == 1, events
    async with env.sessions() as s:
        assert [r.status for r in await s.scalars(select(ExtensionRequest))] == ["approved"]
    assert str(task.due_current) == "2026-12-30" and task.extension_count == 1


async def test_a_report_heading_answered_after_the_role_went_stores_nothing_and_sends_nothing(env: Env) -> None:
    """/baocao asks its first time who issues the report; the secretary who asked loses the role before
    answering. The answer comes from someone who may no longer make the report: refused, the committee's
    heading stays unset, no report is sent."""
    from db.committees import committee_by_chat

    lan, _ha, minh, group = ward(env, bot_admin=False)
    await env.say(lan, group, "/giao Văn phòng cập nhật cổng thông tin trước ngày 24/11")
    await env.say(lan, group, ["/vaitro ", text_mention(minh), " thuky"])
    prompt = await env.say(minh, group, "/baocao")
    assert "cơ quan chủ quản" in prompt.plain
    await env.say(lan, group, ["/vaitro ", text_mention(minh), " bo"])

    answered = await env.say(minh, group, "UBND phường Sài Đồng; Long Biên; Phạm Minh", reply_to=prompt)
    assert "⛔" in answered.plain and "lập báo cáo" in answered.plain, answered.plain
    await env.idle()
    assert not any(m.document is not None for m in env.world.bot_messages(group))
    async with env.sessions() as s:
        committee = await committee_by_chat(s, group.id)
        assert committee is not None and committee.report_agency is None and committee.report_signer is None


async def test_a_conclusion_gathered_in_private_cannot_be_steered_into_a_committee_of_mere_membership(
    env: Env,
) -> None:
    """Lan chairs ward A and is a plain member of ward B. Gathering a conclusion in private, she forges the
    committee choice to B: refused, and «Xong, phân tích» saves nothing into B (nor into A unasked)."""
    w = env.world
    lan, _ha, _minh, ward_a = ward(env, bot_admin=False)
    binh = w.add_user("Bình", "Lê", username="binh_chutich")
    ward_b = w.add_group("BCĐ Chuyển đổi số phường Phúc Đồng", creator=binh, members=[lan])
    await env.say(lan, ward_a, "/ds")  # the bot knows her as A's chair
    await env.say(lan, ward_b, "/viec")  # and in B
    await env.say(binh, ward_b, "/giao Văn phòng rà soát hồ sơ trước ngày 30/11")
    b = await committee_id(env, ward_b)
    w.start_private(lan)
    await env.idle()
    started = await env.say(lan, lan, "/nhap")
    assert "Sài Đồng" in started.plain and "Phúc Đồng" not in started.plain  # only where she may import
    row = int(started.buttons[0][0]["callback_data"].split(":")[1])
    before = await env.task_count()
    query = w.press_forged(lan, started, f"impg:{row}:c:{b}")
    await w.wait_until(lambda: query.answered)
    await env.idle()
    assert query.show_alert and "⛔" in (query.answer_text or ""), query.answer_text
    await env.say_silently(lan, lan, "1. Giao Văn phòng tổng hợp số liệu trước ngày 15/12.")
    assert await env.task_count() == before
    async with env.sessions() as s:
        from sqlalchemy import select

        from db.models import Task

        assert [t.text for t in await s.scalars(select(Task).where(Task.committee_id == b))] == [
            "Văn phòng rà soát hồ sơ trước ngày 30/11"
        ]


async def test_a_correction_answered_privately_after_the_chair_role_went_changes_nothing(env: Env) -> None:
    """(sec16) Hà, a chair while an administrator, gathers a conclusion in her private chat, presses «✏️ Sửa
    mục…» → 1, and is demoted before answering (the bot, no admin, hears nothing). Saving already followed
    Telegram; the correction followed the stored role and rewrote the committee's preview. Now it is
    refused as saving is, and the preview keeps its item."""
    lan, ha, _minh, group = ward(env, bot_admin=False)
    w = env.world
    await env.say(ha, group, "/ds")  # the bot knows her as a chair
    w.start_private(ha)
    await env.idle()
    started = await env.say(ha, ha, "/nhap")
    assert "Sài Đồng" in started.plain
    got = await env.say(ha, ha, "Kết luận giao ban.\n1. Giao Văn phòng rà soát hồ sơ một cửa trước ngày 20/12.")
    await env.press(ha, got, "✅ Xong, phân tích")
    preview = w.bot_messages(ha)[-1]
    assert "Văn phòng rà soát hồ sơ một cửa" in preview.plain, preview.plain
    await env.press(ha, preview, "✏️ Sửa mục…")
    await env.press(ha, w.message(ha, preview.message_id), "1")
    question = w.bot_messages(ha)[-1]

    w.demote_admin(group, ha, by=lan)
    await env.idle()
    env.advance(seconds=61)  # what Telegram said of her a minute ago is asked again
    answered = await env.say(ha, ha, "1. Giao Công an phường kiểm tra camera trước ngày 25/12.", reply_to=question)
    assert "⛔" in answered.plain, answered.plain
    async with env.sessions() as s:
        from sqlalchemy import select

        from db.models import PendingInput

        [draft] = await s.scalars(select(PendingInput).where(PendingInput.kind == "import_draft"))
        assert "camera" not in str(draft.data["items"]) and "rà soát hồ sơ" in str(draft.data["items"])
