"""The board (Mini App) against the running bot: who sees which committee, what each may do, and
that the board and the chat are one record (an action on one shows in the other)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import aiohttp
import pytest

from bot.app import BOARD_ADDRESS
from db.committees import committee_by_chat, person_by_username
from domain.initdata import sign_user
from emulator import Chat, User
from tests.e2e.conftest import Env, bot_env

WEBAPP = "https://bot.example.gov.vn/board/"


@pytest.fixture
async def env(database_url: str) -> AsyncIterator[Env]:
    async with bot_env(database_url, webapp_url=WEBAPP, webapp_port=0) as e:  # the bot's pace not waited for
        yield e


class Client:
    """A person's board: API calls signed with their own initData, as Telegram would sign them."""

    def __init__(self, env: Env, user: User, *, start_param: str | None = None, token: str | None = None) -> None:
        self.env, self.user = env, user
        self.init = sign_user(
            user.id, user.first_name, token or env.world.token, env.clock.now(),
            last_name=user.last_name or "", username=user.username, start_param=start_param,
        )  # fmt: skip

    async def call(self, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
        base = self.env.app.bot_data[BOARD_ADDRESS]  # type: ignore[attr-defined]
        headers = {"Authorization": f"tma {self.init}"}
        async with aiohttp.ClientSession() as http:
            method = http.post if body is not None else http.get
            async with method(base + "api/" + path, json=body, headers=headers) as response:
                text = await response.text()
                try:
                    return response.status, await response.json(content_type=None)
                except ValueError:
                    return response.status, text


def cast(env: Env) -> tuple[User, User, User, User, Chat]:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    police = w.add_user("Tuấn", "Đỗ", username="tuan_ca")
    member = w.add_user("Minh", "Phạm", username="minh_member")
    outsider = w.add_user("Khách", "Lạ", username="nguoi_ngoai")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[police, member])
    return chair, police, member, outsider, group


async def committee_id(env: Env, group: Chat) -> int:
    async with env.sessions() as s:
        committee = await committee_by_chat(s, group.id)
        assert committee is not None
        return committee.id


async def logged(env: Env, chair: User, group: Chat) -> int:
    """Three tasks; three days later #1 (Công an phường, contact Tuấn) is overdue, with an obstacle."""
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, "/donvi gan Công an phường @tuan_ca")
    await env.say(chair, group, "/giao Công an phường rà soát camera an ninh trước ngày 25/11")
    await env.say(chair, group, "/giao Văn phòng cập nhật hồ sơ một cửa trước ngày 15/12")
    await env.say(chair, group, "/giao Công an phường báo cáo số liệu dân cư trước ngày 2/12")
    env.advance(days=3)  # 26/11: #1 is overdue
    police = next(u for u in env.world.users.values() if u.username == "tuan_ca")
    await env.say(police, group, "/vuongmac 1 chờ kinh phí lắp đặt")
    return await committee_id(env, group)


async def test_the_chair_sees_the_committee_grouped_by_unit_and_may_act(env: Env) -> None:
    chair, _police, _member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)
    status, me = await Client(env, chair).call("me")
    assert status == 200 and me["committees"] == [{"id": cid, "title": group.title, "role": "chair", "lower": []}]
    status, board = await Client(env, chair).call(f"c/{cid}")
    assert status == 200
    tasks = {t["number"]: t for t in board["tasks"]}
    assert tasks[1]["state"] == "open_overdue" and tasks[1]["unit"] == "Công an phường"
    assert tasks[1]["blocked_note"] == "chờ kinh phí lắp đặt" and tasks[1]["days_overdue"] == 1
    assert tasks[2]["unit"] == "Văn phòng HĐND&UBND"
    assert board["committee"]["can"] == {"close": True, "set_due": True, "approve": True, "cancel": True,
                                         "reassign": True, "open_lower": True}  # fmt: skip
    assert board["calendar"][0] == {"date": "2026-12-02", "tasks": [3]}


async def test_a_board_action_is_the_chats_action_and_the_reverse(env: Env) -> None:
    chair, police, _member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)
    status, result = await Client(env, chair).call(f"c/{cid}/t/1", {"action": "set_due", "value": "10/12"})
    assert status == 200 and result["ok"] and "#1" in result["message"]
    said = await env.world.wait_for(lambda m: "trên Bảng việc" in m.plain, chat=group)
    assert "Lan Nguyễn" in said.plain and "10/12/2026" in said.plain
    assert (await env.task(1, group)).due_current == date(2026, 12, 10)
    shown = await env.say(chair, group, "/xem 1")
    assert "đổi hạn" in shown.plain and "10/12" in shown.plain

    await env.say(police, group, "/xong 3 đã gửi số liệu")
    _, task = await Client(env, chair).call(f"c/{cid}/t/3")
    assert task["status"] == "done" and task["history"][-1]["what"] == "báo hoàn thành"
    assert task["history"][-1]["who"] == "Tuấn Đỗ" and task["history"][-1]["note"] == "đã gửi số liệu"


async def test_a_member_sees_but_may_only_do_what_the_chat_allows(env: Env) -> None:
    chair, police, member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)
    # A plain member opens it from the group's link (the committee comes as start_param).
    status, me = await Client(env, member, start_param=f"c{group.id}").call("me")
    assert status == 200 and me["start"] == cid and me["committees"][0]["role"] == "member"
    status, board = await Client(env, member).call(f"c/{cid}")
    assert status == 200 and not any(board["committee"]["can"].values())
    status, refused = await Client(env, member).call(f"c/{cid}/t/2", {"action": "close", "value": ""})
    assert status == 409 and not refused["ok"] and "không phải người thực hiện" in refused["message"]
    assert (await env.task(2, group)).status == "open"
    # The unit's contact may close the unit's task, as with /xong.
    status, done = await Client(env, police).call(f"c/{cid}/t/1", {"action": "close", "value": "đã lắp xong"})
    assert status == 200 and done["task"]["status"] == "done"


async def test_outsiders_forged_and_stale_data_get_nothing_and_change_nothing(env: Env) -> None:
    chair, _police, _member, outsider, group = cast(env)
    cid = await logged(env, chair, group)
    status, me = await Client(env, outsider, start_param=f"c{group.id}").call("me")
    assert status == 200 and me["committees"] == []
    assert (await Client(env, outsider).call(f"c/{cid}"))[0] == 403
    assert (await Client(env, outsider).call(f"c/{cid}/t/1", {"action": "cancel", "value": "x"}))[0] == 403

    forged = Client(env, chair, token="000:not-this-bot")
    assert (await forged.call(f"c/{cid}"))[0] == 401
    assert (await forged.call(f"c/{cid}/t/1", {"action": "cancel", "value": "x"}))[0] == 401
    stale = Client(env, chair)
    env.advance(hours=2)
    status, said = await stale.call(f"c/{cid}/t/2", {"action": "cancel", "value": "x"})
    assert status == 401 and "quá 1 giờ" in said and "mở lại" in said  # the chair left the board open
    assert (await env.task(1, group)).status == "open" and (await env.task(2, group)).status == "open"


async def test_someone_who_left_the_group_no_longer_sees_its_board(env: Env) -> None:
    chair, police, _member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)
    assert (await Client(env, police).call(f"c/{cid}"))[0] == 200
    env.world.remove_member(group, police)
    await env.idle()
    env.advance(seconds=61)  # past the membership cache
    assert (await Client(env, police).call(f"c/{cid}"))[0] == 403
    assert (await Client(env, police).call("me"))[1]["committees"] == []


async def test_the_board_and_the_chat_ask_telegram_once_between_them(env: Env) -> None:
    """(sec16) The board kept its own memory of who is in which group, beside the chat's (bot.member_status):
    a chair's /ds then her board cost two getChatMember look-ups for one answer, and a status Telegram told
    the chat (demoted, left) had to be dropped from both by hand. One memory now: the board reuses the chat's
    answer of the minute, and the chat the board's."""
    chair, police, _member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)
    await env.say(chair, group, "/ds")  # Telegram asked about her a moment ago
    asked = env.world.calls["getChatMember"]
    status, me = await Client(env, chair).call("me")
    assert status == 200 and me["committees"][0]["role"] == "chair", me
    assert env.world.calls["getChatMember"] == asked
    env.advance(seconds=61)
    assert (await Client(env, police).call(f"c/{cid}"))[0] == 200  # the board asks about him
    asked = env.world.calls["getChatMember"]
    answer = await env.say(police, group, "/viec")
    assert "rà soát camera an ninh" in answer.plain, answer.plain
    assert env.world.calls["getChatMember"] == asked  # his /viec reuses the board's answer


async def test_a_district_committee_over_two_wards(env: Env) -> None:
    w = env.world
    district_chair = w.add_user("Hùng", "Trần", username="hung_quan")
    a_chair = w.add_user("An", "Lê", username="an_phuong")
    b_chair = w.add_user("Bình", "Võ", username="binh_phuong")
    district = w.add_group("BCĐ Chuyển đổi số quận Long Biên", creator=district_chair)
    ward_a = w.add_group("BCĐ phường Sài Đồng", creator=a_chair)
    ward_b = w.add_group("BCĐ phường Phúc Đồng", creator=b_chair)
    await env.say(a_chair, ward_a, "/giao Văn phòng rà soát hồ sơ trước ngày 24/11")
    await env.say(b_chair, ward_b, "/giao Công an phường kiểm tra cư trú trước ngày 30/11")
    for chair, ward in ((a_chair, ward_a), (b_chair, ward_b)):
        code_msg = await env.say(district_chair, district, "/lienket ma")
        code = code_msg.plain.split("Mã liên kết: ")[1].split(" ")[0]
        linked = await env.say(chair, ward, f"/lienket {code}")
        assert "Đã liên kết" in linked.plain
        reused = await env.say(chair, ward, f"/lienket {code}")
        assert "không đúng hoặc đã hết hạn" in reused.plain  # a code works once
    env.advance(days=2)
    upper, a, b = [await committee_id(env, g) for g in (district, ward_a, ward_b)]

    _, board = await Client(env, district_chair).call(f"c/{upper}")
    lines = {line["title"]: line for line in board["lower"]}
    assert lines["BCĐ phường Sài Đồng"]["overdue"] == 1 and lines["BCĐ phường Phúc Đồng"]["open"] == 1
    status, lower_board = await Client(env, district_chair).call(f"c/{a}")
    assert status == 200 and lower_board["committee"]["read_only"] and lower_board["lower"] == []
    assert (await Client(env, district_chair).call(f"c/{a}/t/1", {"action": "close", "value": ""}))[0] == 403
    # The wards see nothing of each other, nor of the district.
    assert (await Client(env, a_chair).call(f"c/{b}"))[0] == 403
    assert (await Client(env, a_chair).call(f"c/{upper}"))[0] == 403

    summary = await env.say(district_chair, district, "/tonghop")
    parts = [m.plain for m in env.world.bot_messages(district)][-3:]
    text = "\n".join([summary.plain, *parts])
    assert "Các Ban cấp dưới" in text and "xong đúng hạn / số nhiệm vụ tháng 11/2026" in text
    # Sài Đồng (one overdue) before Phúc Đồng (none), though P comes before S; its November: 0 of 1 on time.
    assert "• BCĐ phường Sài Đồng: 1 · 1 · 0/1\n• BCĐ phường Phúc Đồng: 1 · 0 · 0/1" in text
    assert [line["title"] for line in board["lower"]] == ["BCĐ phường Sài Đồng", "BCĐ phường Phúc Đồng"]
    assert "Các Ban cấp dưới" not in "\n".join(m.plain for m in env.world.bot_messages(ward_a))

    # Either side ends the link.
    unlinked = await env.say(a_chair, ward_a, "/lienket huy 1")
    assert "Đã huỷ liên kết" in unlinked.plain
    assert (await Client(env, district_chair).call(f"c/{a}"))[0] == 403


async def test_the_board_is_offered_where_telegram_allows_it(env: Env) -> None:
    chair, _police, _member, _outsider, group = cast(env)
    in_group = await env.say(chair, group, "/bang")
    assert "Bảng việc" in in_group.plain
    # No Mini App short name configured: the group's link opens the private chat, which offers the button.
    assert f"https://t.me/{env.world.bot.username}?start=board" in (in_group.source_text or "")
    private = await env.say(chair, chair, "/bang")
    assert private.buttons[0][0]["web_app"]["url"] == WEBAPP
    started = await env.say(chair, chair, "/start board")
    assert started.buttons[0][0]["web_app"]["url"] == WEBAPP


async def test_giao_lai_on_the_board_takes_a_person_by_username_and_a_unit_by_alias(env: Env) -> None:
    # The board's «👤 Giao lại» is a text field, not a Telegram message: an @username typed there has no
    # mention entity, and a bare alias ("CA") has no verb around it. Both are what a chair types.
    chair, _police, _member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)
    status, result = await Client(env, chair).call(f"c/{cid}/t/2", {"action": "reassign", "value": "@tuan_ca"})
    assert status == 200 and result["ok"], result
    lead = next(a for a in (await env.task(2, group)).assignees if a.role == "lead")
    async with env.sessions() as s:
        person = await person_by_username(s, "tuan_ca", create=False)
    assert person is not None and lead.person_id == person.id and lead.unit_id is None

    await env.say(chair, group, "/donvi them Trạm Y tế phường = TYT, Y tế")
    status, result = await Client(env, chair).call(f"c/{cid}/t/2", {"action": "reassign", "value": "Y tế"})
    assert status == 200 and result["ok"], result
    assert result["task"]["lead"] == "Trạm Y tế phường"
    # The group is told who has it now, not only that «người thực hiện» changed.
    said = await env.world.wait_for(lambda m: "trên Bảng việc" in m.plain and "Trạm Y tế" in m.plain, chat=group)
    assert "Chủ trì: Trạm Y tế phường" in said.plain

    status, refused = await Client(env, chair).call(f"c/{cid}/t/2", {"action": "reassign", "value": "ai đó"})
    assert status == 409 and not refused["ok"]
    # The board has no /giao: the refusal says what to type in this field.
    assert "/giao" not in refused["message"] and "@tên" in refused["message"]
    assert (await env.task(2, group)).assignees[0].label == "Trạm Y tế phường"


async def test_a_deadline_set_on_the_board_on_a_saturday_is_said_as_in_the_chat(env: Env) -> None:
    chair, _police, _member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)
    status, result = await Client(env, chair).call(f"c/{cid}/t/2", {"action": "set_due", "value": "12/12"})
    assert status == 200 and result["ok"]
    assert "Thứ Bảy, 12/12/2026" in result["message"] and "Thứ Sáu, 11/12/2026" in result["message"]
    status, result = await Client(env, chair).call(f"c/{cid}/t/2", {"action": "set_due", "value": "11/12"})
    assert status == 200 and "nghỉ" not in result["message"]


async def test_the_boards_week_on_a_sunday_is_the_coming_working_week(env: Env) -> None:
    chair, _police, _member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)  # Thursday 26/11
    env.advance(days=3)  # Sunday 29/11
    _, board = await Client(env, chair).call(f"c/{cid}")
    assert board["week_end"] == "2026-12-06"  # #3, due Wednesday 02/12, is «Tuần này»
    env.advance(days=1)  # Monday 30/11
    _, board = await Client(env, chair).call(f"c/{cid}")
    assert board["week_end"] == "2026-12-06"


async def test_the_people_filter_offers_people_not_units(env: Env) -> None:
    # «Mọi người» filters by person: someone given a task by name, or the contact of the unit that has it
    # (whose /viec lists it). Units have their own filter.
    chair, _police, member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)  # #1, #3 Công an phường (contact Tuấn); #2 Văn phòng (no contact)
    await env.say(member, group, "/huongdan")  # the bot has seen Minh
    await env.say(chair, group, "/giao @minh_member soạn tin bài trước ngày 10/12")
    _, board = await Client(env, chair).call(f"c/{cid}")
    people = {t["number"]: t["people"] for t in board["tasks"]}
    assert people[1] == ["Tuấn Đỗ"] and people[3] == ["Tuấn Đỗ"]
    assert people[2] == []  # Văn phòng has no contact: nobody to pick
    assert people[4] == ["Minh Phạm"]


async def test_a_link_with_another_start_param_opens_the_board_as_usual(env: Env) -> None:
    # t.me/<bot>/<app>?startapp=… can be written by anyone: what is not «c<chat id>» is ignored.
    chair, _police, _member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)
    for start in ("-c5", "c", "cc-1", "board", "c-" + "9" * 25):
        status, me = await Client(env, chair, start_param=start).call("me")
        assert status == 200 and me["start"] is None and [c["id"] for c in me["committees"]] == [cid], start


async def test_a_deadline_changed_on_the_board_is_one_group_message(env: Env) -> None:
    """(product10) A new deadline set on the board reached the group twice: the doers without a private
    chat named in «📅 Trưởng ban đặt hạn mới…», and the board's own line «🗂 Lan (trên Bảng việc): …».
    Now one message names them, says the new and the old deadline, who and where."""
    from tests.e2e.conftest import Since, mentioned

    chair, police, _member, _outsider, group = cast(env)
    cid = await logged(env, chair, group)
    await env.idle()
    new = Since(env.world, group)
    status, result = await Client(env, chair).call(f"c/{cid}/t/1", {"action": "set_due", "value": "10/12"})
    assert status == 200 and result["ok"]
    await env.idle()
    [told] = new(group)
    assert told.plain.startswith("📨 Gửi Tuấn Đỗ:") and police.id in mentioned(told)
    assert "đặt hạn mới cho nhiệm vụ #1" in told.plain and "Thứ Năm, 10/12/2026" in told.plain
    assert "hạn cũ: Thứ Tư, 25/11/2026" in told.plain and "Người sửa: Lan Nguyễn" in told.plain
    assert told.plain.endswith("🗂 Thực hiện trên Bảng việc.")

    # An action that names nobody in the group (closing a task) is still told by the board's line.
    new = Since(env.world, group)
    status, _ = await Client(env, chair).call(f"c/{cid}/t/3", {"action": "close", "value": ""})
    assert status == 200
    await env.idle()
    [line] = new(group)
    assert "Lan Nguyễn (trên Bảng việc)" in line.plain and "#3" in line.plain


async def test_history_says_the_system_acted_when_no_person_did(env: Env) -> None:
    """qa16: the next period of a recurring task, made when #1 closed, read «bot: tạo kỳ mới …» in the board's
    history — a word a ward official does not read as anyone. It says «Hệ thống tự động», as /xem does."""
    chair, police, _member, _outsider, group = cast(env)
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, "/donvi gan Công an phường @tuan_ca")
    await env.say(chair, group, "/giao Công an phường định kỳ hàng tuần báo cáo tình hình an ninh trật tự")
    done = await env.say(police, group, "/xong 1 đã gửi báo cáo tuần")
    assert "#2" in done.plain
    _, task = await Client(env, chair).call(f"c/{await committee_id(env, group)}/t/2")
    made = [h for h in task["history"] if h["what"] == "tạo kỳ mới của việc định kỳ"]
    assert [h["who"] for h in made] == ["Hệ thống tự động"]
    assert "bot" not in {h["who"] for h in task["history"]}
