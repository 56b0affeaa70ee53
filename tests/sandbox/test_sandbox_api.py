"""The sandbox's HTTP API, as the page uses it: people write, reply and press buttons, the clock
moves and what is due arrives; everything checked in what the page would show (the poll)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

import aiohttp
import pytest

from bot import texts as T
from bot.sandbox import Sandbox, next_monday_0730, shift_to_recent
from bot.sandbox_cli import parser
from emulator.entities import utf16_slice
from tests.sandbox.conftest import START

JSON = dict[str, Any]


class Page:
    """What the browser does, over HTTP."""

    def __init__(self, sb: Sandbox, http: aiohttp.ClientSession) -> None:
        self.sb, self.http = sb, http

    async def get(self, path: str) -> Any:
        async with self.http.get(self.sb.url + path) as res:
            return await res.json()

    async def post(self, path: str, body: JSON, status: int = 200) -> Any:
        async with self.http.post(self.sb.url + path, json=body) as res:
            assert res.status == status, await res.text()
            data = await res.json()
            return data["result"] if status == 200 else data

    def who(self, key: str) -> int:
        return self.sb.personas[key].user.id

    @property
    def group(self) -> int:
        assert self.sb.group is not None
        return self.sb.group.id

    async def chats(self, key: str) -> dict[str, JSON]:
        data = (await self.get(f"/api/poll?user={self.who(key)}&since=-1&timeout=0"))["result"]
        return {c["type"]: c for c in data["chats"]}

    async def say(self, key: str, text: str, *, chat: int | None = None, **extra: Any) -> JSON:
        """Write, wait until the bot is done, return the bot's first answer in that chat."""
        since = self.sb.world.cursor()
        target = self.group if chat is None else chat
        await self.post("/api/send", {"user": self.who(key), "chat": target, "text": text, **extra})
        answer = await self.sb.world.wait_for(chat=target, since=since)
        await self.sb.idle()
        return _find(await self.messages(key, target), answer.message_id)

    async def messages(self, key: str, chat: int) -> list[JSON]:
        chats = await self.chats(key)
        return next(c for c in chats.values() if c["id"] == chat)["messages"]


def _find(messages: list[JSON], message_id: int) -> JSON:
    return next(m for m in messages if m["message_id"] == message_id)


def button(message: JSON, label: str) -> str:
    [found] = [b for row in message["buttons"] for b in row if label in b["text"]]
    return str(found["callback_data"])


@pytest.fixture
async def page(sandbox: Sandbox) -> AsyncIterator[Page]:
    async with aiohttp.ClientSession() as http:
        yield Page(sandbox, http)


async def test_a_newcomer_finds_a_committee_already_set_up(page: Page) -> None:
    state = await page.get("/api/state")
    assert [p["role"] for p in state["personas"]] == [
        "Trưởng ban", "Thư ký", "Đầu mối Văn phòng", "Thành viên", "Thành viên, không có username"]
    assert state["personas"][4]["username"] is None
    assert state["group"]["title"] == T.SANDBOX_GROUP_TITLE
    assert {c["command"] for c in state["commands"]} >= {"giao", "nhap", "viec", "ds"}
    assert state["clock"]["label"] == "Thứ Hai, 23/11/2026 · 09:00"
    assert len(state["examples"]) == 2
    group = (await page.chats("chair"))["group"]["messages"]
    texts = [m["plain"] for m in group]
    # The chair's set-up commands and the bot's answers are the first lines of the chat.
    assert "/donvi them Văn phòng HĐND&UBND = VP" in texts
    assert any("Văn phòng HĐND&UBND" in t and m["by_bot"] for t, m in zip(texts, group, strict=True))
    assert any("@minh_thuky" in t and "Thư ký" in t for t in texts)


async def test_the_page_is_served_with_its_files(page: Page) -> None:
    async with page.http.get(page.sb.url + "/") as res:
        html = await res.text()
    assert res.status == 200 and "Nhắc việc" in html and "/static/app.js" in html
    for name in ("app.js", "style.css"):
        async with page.http.get(page.sb.url + "/static/" + name) as res:
            assert res.status == 200


async def test_giao_reply_buttons_and_a_reminder_after_the_clock_moves(page: Page) -> None:
    reply = await page.say("chair", "/giao @hoa_vanphong rà soát hồ sơ thủ tục một cửa xong trước ngày 2/12")
    assert "Đã ghi nhiệm vụ #1" in reply["plain"]
    # HTML as Telegram renders it: the page gets text + entities (bold "#1"), not our markup.
    assert any(e["type"] == "bold" for e in reply["entities"])
    assert reply["reply_preview"]["from_name"] == "Nguyễn Thị Lan"

    # Next reminder: Friday 27/11 08:00, three working days before Wednesday 2/12.
    clock = await page.post("/api/clock", {"step": "next"})
    assert clock["label"] == "Thứ Sáu, 27/11/2026 · 08:00"
    reminder = (await page.messages("contact", page.group))[-1]
    assert reminder["by_bot"] and "@hoa_vanphong" in reminder["plain"] and "#1" in reminder["plain"]
    # As in Telegram's apps, @mentions in the bot's text are links (the server detects them).
    # Offsets count UTF-16 code units, as Telegram's do (the header's 🔔 is two of them, one character).
    mentions = [utf16_slice(reminder["plain"], e["offset"], e["length"])
                for e in reminder["entities"] if e["type"] == "mention"]
    assert "@hoa_vanphong" in mentions

    # The contact person presses "Báo cáo tiến độ", is asked, and replies.
    answer = await page.post("/api/press", {"user": page.who("contact"), "chat": page.group,
                                            "message_id": reminder["message_id"],
                                            "callback_data": button(reminder, "Báo cáo tiến độ")})
    assert answer["answered"]
    await page.sb.idle()
    prompt = (await page.messages("contact", page.group))[-1]
    assert "Trả lời (reply)" in prompt["plain"] and prompt["force_reply"]
    confirmed = await page.say("contact", "Đã rà soát 20/35 hồ sơ", reply_to=prompt["message_id"])
    assert "Đã ghi tiến độ #1" in confirmed["plain"]

    # Then comes Monday's summary, and the next reminder is on the day itself.
    clock = await page.post("/api/clock", {"step": "next"})
    assert clock["label"] == "Thứ Hai, 30/11/2026 · 07:30"
    assert "TỔNG HỢP" in (await page.messages("chair", page.group))[-1]["plain"]
    clock = await page.post("/api/clock", {"step": "next"})
    assert clock["label"] == "Thứ Ba, 01/12/2026 · 08:00"  # the day before
    again = (await page.messages("contact", page.group))[-1]
    assert again["message_id"] > confirmed["message_id"] and "#1" in again["plain"]


async def test_done_button_answers_and_stops_the_reminders(page: Page) -> None:
    await page.say("chair", "/giao @hoa_vanphong nộp báo cáo quý xong trước ngày 2/12")
    await page.post("/api/clock", {"step": "next"})
    reminder = (await page.messages("contact", page.group))[-1]
    answer = await page.post("/api/press", {"user": page.who("contact"), "chat": page.group,
                                            "message_id": reminder["message_id"],
                                            "callback_data": button(reminder, "Đã xong")})
    assert answer["answered"] and answer["text"]
    await page.sb.idle()
    edited = _find(await page.messages("contact", page.group), reminder["message_id"])
    assert edited["edit_date"] is not None and "hoàn thành" in edited["plain"].lower()
    # Nothing is due any more for that task; only the weekly summary is left.
    clock = await page.post("/api/clock", {"step": "next"})
    assert clock["label"] == "Thứ Hai, 30/11/2026 · 07:30"
    assert "TỔNG HỢP" in (await page.messages("chair", page.group))[-1]["plain"]


async def test_monday_button_brings_the_weekly_summary(page: Page) -> None:
    await page.say("secretary", "/giao @binh_pham cập nhật danh mục phần mềm trong tháng 12")
    clock = await page.post("/api/clock", {"step": "monday"})
    assert clock["label"] == "Thứ Hai, 30/11/2026 · 07:30"
    summary = (await page.messages("member", page.group))[-1]
    assert summary["by_bot"] and "TỔNG HỢP" in summary["plain"] and T.SANDBOX_GROUP_TITLE in summary["plain"]


async def test_person_without_username_is_mentioned_by_name(page: Page) -> None:
    an = page.sb.personas["nousername"].user
    reply = await page.say("chair", "/giao Đỗ Thị An tổng hợp ý kiến xong trước ngày 4/12",
                           mentions=[{"user": an.id, "name": "Đỗ Thị An"}])
    assert "#1" in reply["plain"]
    sent = page.sb.world.history(page.sb.group)[-2]
    assert [e["type"] for e in sent.entities] == ["bot_command", "text_mention"]
    assert "Chủ trì: Đỗ Thị An" in reply["plain"]  # the bot knew whom the name meant


async def test_private_chat_with_the_bot(page: Page) -> None:
    assert (await page.chats("member"))["private"]["messages"] == []
    chat = await page.post("/api/open_private", {"user": page.who("member")})
    assert chat["chat"] == page.who("member")
    await page.sb.idle()
    welcome = (await page.chats("member"))["private"]["messages"]
    assert welcome[0]["plain"] == "/start" and "Xin chào" in welcome[1]["plain"]
    answer = await page.say("member", "/viec", chat=page.who("member"))
    assert answer["by_bot"]
    # Someone else's private chat is not on their page.
    assert (await page.chats("chair"))["private"]["messages"] == []


async def test_example_report_is_imported_through_nhap(page: Page) -> None:
    await page.post("/api/example", {"index": 0, "user": page.who("chair")})
    preview = await page.sb.world.wait_for(lambda m: m.buttons != [], timeout=20)
    await page.sb.idle()
    group = await page.messages("chair", page.group)
    shown = _find(group, preview.message_id)
    [sent] = [m for m in group if m.get("document")]
    assert sent["caption"] == "/nhap" and sent["document"]["file_name"].endswith(".txt")
    assert "Xem trước: 6 nhiệm vụ" in shown["plain"]
    # The report of 04/12/2020 arrives moved to yesterday (the clock is at 23/11/2026): its deadline
    # 15/12/2020 is 03/12/2026, in the coming weeks, and nothing is flagged as past.
    assert "22/11/2026" in shown["plain"] and "03/12/2026" in shown["plain"] and "2020" not in shown["plain"]
    assert "Hạn đã qua" not in shown["plain"]
    save = button(shown, "Lưu tất cả")
    await page.post("/api/press", {"user": page.who("chair"), "chat": page.group,
                                   "message_id": preview.message_id, "callback_data": save})
    await page.sb.idle()
    saved = _find(await page.messages("chair", page.group), preview.message_id)
    assert "Đã lưu" in saved["plain"] or "đã lưu" in saved["plain"].lower()
    listing = await page.say("chair", "/ds")
    assert "#1" in listing["plain"] and "#2" in listing["plain"]


async def test_bad_requests_are_refused_in_vietnamese(page: Page) -> None:
    empty = await page.post("/api/send", {"user": page.who("chair"), "chat": page.group, "text": "  "}, status=400)
    assert empty["error"] == T.SANDBOX_BAD_REQUEST.format(reason=T.SANDBOX_EMPTY_TEXT)
    # A private chat is its owner's only.
    await page.post("/api/send", {"user": page.who("chair"), "chat": page.who("member"), "text": "chào"}, status=400)


async def test_nothing_due_says_so(page: Page) -> None:
    # Even with no task, the Monday summary is planned; past it and with nothing open, nothing is left
    # but further Mondays: the "next" button always finds the next weekly summary.
    clock = await page.post("/api/clock", {"step": "next"})
    assert clock["label"] == "Thứ Hai, 30/11/2026 · 07:30"


async def test_the_clock_never_goes_back_and_steps_add_up(page: Page) -> None:
    await page.post("/api/clock", {"step": "hour"})
    await page.post("/api/clock", {"step": "day"})
    clock = await page.post("/api/clock", {"step": "week"})
    assert clock["label"] == "Thứ Ba, 01/12/2026 · 10:00"
    clock = await page.post("/api/clock", {"to": "2026-11-20T08:00"})
    assert clock["label"] == "Thứ Ba, 01/12/2026 · 10:00"


async def test_a_kept_database_is_not_set_up_twice(database_url: str) -> None:
    async with Sandbox(database_url, port=0, start=START, realtime=False, dispatch_interval=3600) as first:
        setup = len(first.world.history(first.group))  # type: ignore[arg-type]
    assert setup >= 6
    async with Sandbox(database_url, port=0, start=START, realtime=False, dispatch_interval=3600) as again:
        assert again.world.history(again.group) == []  # type: ignore[arg-type]
        since = again.world.cursor()
        again.send(again.personas["chair"].user.id, again.group.id, "/donvi")  # type: ignore[union-attr]
        listing = await again.world.wait_for(since=since)
        assert "VP" in listing.plain  # the unit set up in the first run is still there


def test_examples_move_to_the_coming_weeks() -> None:
    """Issue 14 item 9: the example's deadlines fall in the coming weeks of the sandbox clock, not ~290
    days overdue. The report's date becomes yesterday; everything moves by the same number of days, but
    the heading's months, which name the meeting's month (and the next), move month for month with it."""
    text = ("Giao ban tháng 02; nhiệm vụ tháng 03 năm 2020\nNgày đăng 13/02/2020\nChiều ngày 12 tháng 02 năm 2020, "
            "xong trước 29/02/2020, khắc phục trong tháng 2 năm 2020, báo cáo năm 2019, kế hoạch năm 2021, 31/02/2020")
    assert shift_to_recent(text, date(2026, 11, 23)) == (
        "Giao ban tháng 11; nhiệm vụ tháng 12 năm 2026\nNgày đăng 22/11/2026\nChiều ngày 21 tháng 11 năm 2026, "
        "xong trước 08/12/2026, khắc phục trong tháng 12 năm 2026, báo cáo năm 2025, kế hoạch năm 2027, 31/02/2020")
    assert shift_to_recent("Ngày đăng 04/12/2020, hạn 15/12/2020", date(2026, 11, 23)) == (
        "Ngày đăng 22/11/2026, hạn 03/12/2026")
    assert shift_to_recent("không có ngày", date(2026, 11, 23)) == "không có ngày"


def test_next_monday_0730_is_strictly_later() -> None:
    monday_0730 = datetime(2026, 11, 30, 0, 30, tzinfo=UTC)
    assert next_monday_0730(START) == monday_0730
    assert next_monday_0730(monday_0730) == datetime(2026, 12, 7, 0, 30, tzinfo=UTC)


def test_nhacviec_sandbox_is_a_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["sandbox", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "nhacviec sandbox" in out and "--db" in out and "--port" in out


def test_cli_options() -> None:
    args = parser().parse_args(["--db", "x.db", "--port", "8081"])
    assert (args.db, args.port, args.host) == ("x.db", 8081, "127.0.0.1")
    assert parser().parse_args([]).port == 8080


async def test_the_bots_files_can_be_opened(page: Page) -> None:
    await page.say("chair", "/giao @hoa_vanphong rà soát hồ sơ một cửa xong trước ngày 2/12")
    since = page.sb.world.cursor()
    await page.post("/api/send", {"user": page.who("chair"), "chat": page.group, "text": "/xuat"})
    sent = await page.sb.world.wait_for(lambda m: m.document is not None, since=since, timeout=30)
    await page.sb.idle()
    shown = _find(await page.messages("chair", page.group), sent.message_id)
    assert shown["document"]["file_name"].endswith(".xlsx")
    async with page.http.get(page.sb.url + shown["document_url"]) as res:
        assert res.status == 200 and (await res.read())[:2] == b"PK"  # a zip: the workbook
    async with page.http.get(page.sb.url + "/api/file/nothing") as res:
        assert res.status == 404


def _long_conclusion() -> str:
    """Two real meeting reports of the corpus, one after the other: about 10,800 characters."""
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[1] / "data" / "seeds"
    return "\n\n".join((seeds / n).read_text(encoding="utf-8").strip()
                       for n in ("002_80cae7db236d09bc.txt", "004_2aba020f7bcf65ca.txt"))


async def test_a_long_text_typed_in_the_page_arrives_as_telegram_would_send_it(page: Page) -> None:
    """The page sends what the person typed; the sandbox cuts it as Telegram's apps do. In the private
    chat /nhap gathers the parts, and «Xong, phân tích» previews the whole conclusion; the clock's jump
    (+1 giờ) analyses a gathering left quiet."""
    text = _long_conclusion()
    chair = page.who("chair")
    await page.post("/api/open_private", {"user": chair})
    await page.sb.idle()
    ack = await page.say("chair", "/nhap\n" + text, chat=chair)
    await page.sb.idle()
    mine = [m for m in await page.messages("chair", chair) if not m["by_bot"] and m["text"] != "/start"]
    assert len(mine) == 3 and mine[0]["text"].startswith("/nhap") and all(len(m["text"]) <= 4096 for m in mine)
    assert "Đang nhận kết luận" in ack["plain"]
    last = [m for m in await page.messages("chair", chair) if m["by_bot"]][-1]
    assert "Đã nhận 3 phần" in last["plain"]
    await page.post("/api/press", {"user": chair, "chat": chair, "message_id": last["message_id"],
                                   "callback_data": button(last, "Xong, phân tích")})
    await page.sb.idle()
    shown = [m for m in await page.messages("chair", chair) if m["by_bot"] and "Xem trước" in m["plain"]]
    assert shown and "Văn bản có vẻ bị cắt" not in shown[0]["plain"]
    # A gathering left quiet: the clock's +1 giờ analyses it.
    await page.say("chair", "/nhap", chat=chair)
    await page.post("/api/send", {"user": chair, "chat": chair, "text": text[:3000]})
    await page.sb.idle()
    await page.post("/api/clock", {"step": "hour"})
    bot_said = [m["plain"] for m in await page.messages("chair", chair) if m["by_bot"]]
    assert any("1 phút không có tin mới" in t for t in bot_said)


def test_the_examples_heading_names_the_month_of_the_meeting() -> None:
    # The bundled reports: "giao ban ... tháng 12 năm 2020" held on 04/12/2020, "giao ban ... tháng 02" held
    # on 13/02/2020 (with "nhiệm vụ trọng tâm tháng 03", the next month's); moved to yesterday, 22/11/2026.
    from bot import texts as T
    from bot.sandbox import example_text

    for filename, _label in T.SANDBOX_EXAMPLES:
        moved = shift_to_recent(example_text(filename).decode("utf-8"), date(2026, 11, 23))
        heading = moved.split("Ngày đăng")[0]
        assert heading.split("tháng ")[1].startswith("11"), heading  # the meeting's month: November
