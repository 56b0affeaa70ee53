"""The Bot API emulator, driven by python-telegram-bot itself so that we know PTB accepts it.

Every test builds its own server inside its own event loop (aiohttp servers are loop-bound).
"""

from __future__ import annotations

import asyncio
import base64
import json
import warnings
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import AIORateLimiter, ApplicationBuilder, CommandHandler, ContextTypes
from telegram.request import HTTPXRequest

from bot.clock import ManualClock
from emulator import GROUP_ANONYMOUS_BOT_ID, Emulator, FaultPlan, World, parse_html, text_mention
from emulator.entities import HtmlParseError, detect_entities, utf16_slice
from tests.conftest import no_database

pytestmark = no_database


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        yield emulator


def make_bot(emu: Emulator, **request_kwargs: float) -> telegram.Bot:
    request = HTTPXRequest(**request_kwargs) if request_kwargs else None
    return telegram.Bot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url, request=request)


@pytest.fixture
async def bot(emu: Emulator) -> AsyncIterator[telegram.Bot]:
    async with make_bot(emu) as client:
        yield client


def keyboard(*datas: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(f"Nút {i}", callback_data=data)
                                  for i, data in enumerate(datas)]])


# ---------------------------------------------------------------------------------------- identity


async def test_get_me_is_the_emulated_bot(emu: Emulator, bot: telegram.Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (emu.world.bot.id, "NhacViecTestBot", True)
    assert me.can_read_all_group_messages is False  # privacy mode, Telegram's default


async def test_wrong_token_is_unauthorized(emu: Emulator) -> None:
    other = telegram.Bot("123:wrong", base_url=emu.base_url, base_file_url=emu.base_file_url)
    with pytest.raises(InvalidToken):
        await other.get_me()


async def test_unknown_method_is_not_found(bot: telegram.Bot) -> None:
    with pytest.raises(InvalidToken, match="method not found"):  # PTB maps Telegram's 404 so
        await bot.get_user_profile_photos(1)


# ----------------------------------------------------------------------------------- sendMessage


async def test_html_message_is_recorded_rendered_with_its_buttons(emu: Emulator, bot: telegram.Bot) -> None:
    chair = emu.world.add_user("Lan", "Nguyễn", username="lan_nguyen")
    group = emu.world.add_group("BCĐ Chuyển đổi số", creator=chair)

    sent = await bot.send_message(group.id, "<b>Việc #1</b> giao Văn phòng HĐND&amp;UBND 😀",
                                  parse_mode="HTML", reply_markup=keyboard("undo:1"),
                                  disable_notification=True)

    recorded = emu.world.last_bot_message(group)
    assert recorded is not None
    assert recorded.plain == "Việc #1 giao Văn phòng HĐND&UBND 😀" == sent.text
    assert recorded.source_text == "<b>Việc #1</b> giao Văn phòng HĐND&amp;UBND 😀"
    assert recorded.parse_mode == "HTML" and recorded.disable_notification
    assert [e.type for e in sent.entities] == ["bold"] and sent.parse_entity(sent.entities[0]) == "Việc #1"
    assert recorded.buttons == [[{"text": "Nút 0", "callback_data": "undo:1"}]]
    assert sent.chat.id == group.id and sent.from_user.id == emu.world.bot.id


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("Hạn: 15/12 <quá hạn>", 'Unsupported start tag "quá"'),
        ("dòng 1<br>dòng 2", 'Unsupported start tag "br"'),
        ("<b>Việc #1", "Can't find end tag"),
        ("<b>Việc <i>#1</b></i>", "Unmatched end tag"),
        ("Văn phòng HĐND&UBND", 'Unescaped "&"'),  # stricter than Telegram: unescaped user text
        ("a <b", "Unclosed start tag"),
    ],
)
async def test_bad_html_is_refused_like_telegram(emu: Emulator, bot: telegram.Bot, html: str,
                                                 reason: str) -> None:
    user = emu.world.add_user("An")
    emu.world.start_private(user)
    # PTB strips "Bad Request: " and capitalize()s the rest, hence the lower-casing.
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities") as refused:
        await bot.send_message(user.id, html, parse_mode="HTML")
    assert reason.lower() in str(refused.value).lower()
    assert emu.world.bot_messages(user) == []


async def test_plain_text_may_contain_markup_characters(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    emu.world.start_private(user)
    await bot.send_message(user.id, "HĐND&UBND <quận>")
    assert emu.world.last_bot_message(user).plain == "HĐND&UBND <quận>"


async def test_length_limit_counts_utf16_after_entity_parsing(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    emu.world.start_private(user)
    await bot.send_message(user.id, "<b>" + "😀" * 2048 + "</b>", parse_mode="HTML")  # 4096 units
    await bot.send_message(user.id, "ệ" * 4096)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(user.id, "😀" * 2048 + "a")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(user.id, "<b> </b>", parse_mode="HTML")
    assert len(emu.world.bot_messages(user)) == 2


async def test_callback_data_is_limited_to_64_bytes(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    emu.world.start_private(user)
    await bot.send_message(user.id, "ok", reply_markup=keyboard("đ" * 32))  # 64 bytes in UTF-8
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(user.id, "quá dài", reply_markup=keyboard("đ" * 33))


async def test_reply_to_a_missing_message_is_refused(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    question = emu.world.start_private(user)
    answer = await bot.send_message(user.id, "Chào", reply_to_message_id=question.message_id)
    assert answer.reply_to_message.text == "/start"
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(user.id, "Chào", reply_to_message_id=999)


# ---------------------------------------------------------------------------- who may be written to


async def test_private_chat_needs_start_and_ends_with_a_block(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("Bình", "Trần", username="binh_tran")
    with pytest.raises(Forbidden, match="bot can't initiate conversation with a user"):
        await bot.send_message(user.id, "Nhắc việc")

    emu.world.start_private(user)
    await bot.send_message(user.id, "Nhắc việc")

    emu.world.block_bot(user)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(user.id, "Nhắc việc")
    updates = await bot.get_updates()
    assert [u.message.text for u in updates if u.message] == ["/start"]
    blocked = [u.my_chat_member for u in updates if u.my_chat_member]
    assert blocked[0].new_chat_member.status == "kicked" and blocked[0].chat.id == user.id


async def test_unknown_chat_and_kicked_bot(emu: Emulator, bot: telegram.Bot) -> None:
    chair = emu.world.add_user("Lan")
    group = emu.world.add_group("BCĐ", creator=chair)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(-123, "x")

    emu.world.remove_bot(group, by=chair)
    with pytest.raises(Forbidden, match="bot was kicked from the group chat"):
        await bot.send_message(group.id, "x")
    (update,) = await bot.get_updates()
    assert update.my_chat_member.new_chat_member.status == "kicked"
    assert update.my_chat_member.from_user.id == chair.id

    emu.world.add_bot(group, by=chair)
    await bot.send_message(group.id, "Đã trở lại")
    updates = await bot.get_updates(offset=update.update_id + 1)
    assert updates[0].my_chat_member.new_chat_member.status == "member"
    assert [m.id for m in updates[1].message.new_chat_members] == [emu.world.bot.id]


async def test_migrated_group_refuses_old_id_with_the_new_one(emu: Emulator, bot: telegram.Bot) -> None:
    chair = emu.world.add_user("Lan")
    group = emu.world.add_group("BCĐ", creator=chair)
    supergroup = emu.world.migrate_to_supergroup(group)

    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(group.id, "Nhắc việc")
    assert migrated.value.new_chat_id == supergroup.id and str(supergroup.id).startswith("-100")
    await bot.send_message(supergroup.id, "Nhắc việc")
    old_side, new_side = await bot.get_updates()
    assert (old_side.message.chat.id, old_side.message.migrate_to_chat_id) == (group.id, supergroup.id)
    assert (new_side.message.chat.id, new_side.message.migrate_from_chat_id) == (supergroup.id, group.id)


async def test_commands_are_stored_per_scope_and_checked(emu: Emulator, bot: telegram.Bot) -> None:
    await bot.set_my_commands([("giao", "Giao việc"), ("viec", "Việc của tôi")])
    await bot.set_my_commands([("huy", "Hủy việc")], scope=telegram.BotCommandScopeAllChatAdministrators())
    assert [c.command for c in await bot.get_my_commands()] == ["giao", "viec"]
    admin_scope = telegram.BotCommandScopeAllChatAdministrators()
    assert [c.command for c in await bot.get_my_commands(scope=admin_scope)] == ["huy"]
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([("giaoViệc", "có dấu và chữ hoa")])
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()


async def test_membership_changes_reach_the_bot(emu: Emulator, bot: telegram.Bot) -> None:
    chair, member = emu.world.add_user("Lan"), emu.world.add_user("Bình")
    group = emu.world.add_group("BCĐ", creator=chair, members=[member])
    emu.world.promote_admin(group, member)
    assert (await bot.get_chat_member(group.id, member.id)).status == "administrator"
    emu.world.remove_member(group, member, by=chair)
    assert (await bot.get_chat_member(group.id, member.id)).status == "kicked"
    (update,) = await bot.get_updates()
    assert update.message.left_chat_member.id == member.id
    with pytest.raises(ValueError, match="not a member"):
        emu.world.send_text(member, group, "/giao")


async def test_roles_come_from_chat_members(emu: Emulator, bot: telegram.Bot) -> None:
    chair, secretary, member, stranger = (emu.world.add_user(n) for n in ("Lan", "Hà", "Bình", "Khánh"))
    group = emu.world.add_group("BCĐ", creator=chair, members=[member], admins=[secretary])
    people = (chair, secretary, member, stranger)
    statuses = {u.id: (await bot.get_chat_member(group.id, u.id)).status for u in people}
    assert statuses == {chair.id: "creator", secretary.id: "administrator", member.id: "member",
                        stranger.id: "left"}
    admins = await bot.get_chat_administrators(group.id)
    assert {a.user.id for a in admins} == {chair.id, secretary.id}
    assert await bot.get_chat_member_count(group.id) == 4  # three people and the bot
    assert (await bot.get_chat(group.id)).title == "BCĐ"


# ------------------------------------------------------------------------------- what the bot hears


async def test_updates_carry_utf16_entity_offsets(emu: Emulator, bot: telegram.Bot) -> None:
    chair = emu.world.add_user("Lan", username="lan_nguyen")
    an = emu.world.add_user("An", "Nguyễn", username="an_nguyen")
    binh = emu.world.add_user("Bình", "Trần", username="binh_tran")
    chi = emu.world.add_user("Chi", "Lê")  # no username: mentioned by name
    group = emu.world.add_group("BCĐ", creator=chair, members=[an, binh, chi])

    emu.world.send_text(chair, group, ["/giao@NhacViecTestBot @an_nguyen việc 😀 @binh_tran, ",
                                       text_mention(chi, "chị Chi 🌸"), " trước 15/12"])

    (update,) = await bot.get_updates()
    found = update.message.parse_entities()  # PTB slices by UTF-16 code units
    assert sorted((e.type, text) for e, text in found.items()) == [
        ("bot_command", "/giao@NhacViecTestBot"),
        ("mention", "@an_nguyen"),
        ("mention", "@binh_tran"),
        ("text_mention", "chị Chi 🌸"),
    ]
    (mention,) = [e for e in found if e.type == "text_mention"]
    assert mention.user.id == chi.id


def test_mentions_and_commands_are_detected_as_telegram_does() -> None:
    text = "/xong@bot_x 3 email a@b.com @an @binh_trần @binh_tran /tiendo"
    found = [(e["type"], utf16_slice(text, e["offset"], e["length"])) for e in detect_entities(text)]
    # "@an" is too short to be a username, "@binh_trần" runs on with a non-ASCII letter.
    assert found == [("bot_command", "/xong@bot_x"), ("mention", "@binh_tran"), ("bot_command", "/tiendo")]


async def test_privacy_mode_hides_plain_group_chatter(emu: Emulator, bot: telegram.Bot) -> None:
    chair = emu.world.add_user("Lan")
    group = emu.world.add_group("BCĐ", creator=chair)
    emu.world.send_text(chair, group, "Chào cả nhà")
    emu.world.send_text(chair, group, "/giao@OtherBot việc")
    command = emu.world.send_text(chair, group, "/giao việc")
    prompt = await bot.send_message(group.id, "Hạn là ngày nào?")
    emu.world.send_text(chair, group, "15/12", reply_to=prompt)

    texts = [u.message.text for u in await bot.get_updates()]
    assert texts == [command.text, "15/12"]


async def test_anonymous_admin_posts_as_the_group(emu: Emulator, bot: telegram.Bot) -> None:
    chair = emu.world.add_user("Lan")
    group = emu.world.add_group("BCĐ", creator=chair, supergroup=True)
    emu.world.send_text(chair, group, "/giao việc", as_chat=True)
    (update,) = await bot.get_updates()
    assert update.message.from_user.id == GROUP_ANONYMOUS_BOT_ID
    assert update.message.from_user.username == "GroupAnonymousBot"
    assert update.message.sender_chat.id == group.id


async def test_long_poll_returns_as_soon_as_an_update_arrives(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await emu.world.wait_until(lambda: emu.world.calls["getUpdates"] == 1)
    emu.world.start_private(user)
    async with asyncio.timeout(5):  # far below the 30 s poll: it must come back early
        (update,) = await poll
    assert update.message.text == "/start"
    assert await bot.get_updates(offset=update.update_id + 1) == ()  # confirmed, gone


async def test_a_second_poller_gets_conflict(emu: Emulator, bot: telegram.Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=30))
    await emu.world.wait_until(lambda: emu.world.calls["getUpdates"] == 1)
    async with make_bot(emu) as second:
        assert await second.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await first


# ------------------------------------------------------------------------- buttons, edits, deletes


async def test_button_press_round_trip(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    emu.world.start_private(user)
    sent = await bot.send_message(user.id, "Việc #1 đến hạn", reply_markup=keyboard("done:1", "extend:1"))

    query = emu.world.press_button(user, sent, text="Nút 1")
    update = (await bot.get_updates())[-1]
    assert update.callback_query.data == "extend:1"
    assert update.callback_query.message.message_id == sent.message_id
    assert update.callback_query.from_user.id == user.id

    await update.callback_query.answer("Đã gửi yêu cầu gia hạn")
    assert query.answered and query.answer_text == "Đã gửi yêu cầu gia hạn"
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await update.callback_query.answer("lần hai")
    with pytest.raises(ValueError, match="no button"):
        emu.world.press_button(user, sent, "forged:1")


async def test_edits_follow_telegram_rules(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    emu.world.start_private(user)
    sent = await bot.send_message(user.id, "Việc #1", reply_markup=keyboard("done:1"))

    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("Việc #1", user.id, sent.message_id, reply_markup=keyboard("done:1"))
    await bot.edit_message_text("<b>Việc #1</b> đã xong", user.id, sent.message_id, parse_mode="HTML")
    live = emu.world.message(user, sent.message_id)
    assert live.plain == "Việc #1 đã xong"
    assert live.buttons == []  # an edit that does not repeat the keyboard removes it
    await bot.edit_message_reply_markup(user.id, sent.message_id, reply_markup=keyboard("undo:1"))
    assert await bot.delete_message(user.id, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", user.id, sent.message_id)
    assert [e.kind for e in emu.world.events] == ["sent", "edited", "edited", "deleted"]
    assert emu.world.events[0].message.buttons != []  # events keep the message as it was then
    assert emu.world.last_bot_message(user) is None


async def test_admin_bot_hears_everything_and_may_delete(emu: Emulator, bot: telegram.Bot) -> None:
    chair = emu.world.add_user("Lan")
    group = emu.world.add_group("BCĐ", creator=chair)
    chatter = emu.world.send_text(chair, group, "Chào cả nhà")
    with pytest.raises(BadRequest, match=r"(?i)message can't be deleted"):
        await bot.delete_message(group.id, chatter.message_id)

    emu.world.remove_bot(group, by=chair)
    emu.world.add_bot(group, by=chair, as_admin=True)
    emu.world.send_text(chair, group, "Họp lúc 8 giờ")
    texts = [u.message.text for u in await bot.get_updates() if u.message and u.message.text]
    assert texts == ["Họp lúc 8 giờ"]
    assert await bot.delete_message(group.id, chatter.message_id)


async def test_chat_member_updates_only_when_asked_for(emu: Emulator, bot: telegram.Bot) -> None:
    chair, newcomer, late = (emu.world.add_user(n) for n in ("Lan", "Hà", "Khánh"))
    group = emu.world.add_group("BCĐ", creator=chair, bot_status="administrator")
    emu.world.add_member(group, newcomer, by=chair)
    first = await bot.get_updates()  # Telegram's default: no chat_member updates
    assert [m.id for u in first for m in u.message.new_chat_members] == [newcomer.id]

    emu.world.add_member(group, late)
    second = await bot.get_updates(offset=first[-1].update_id + 1, allowed_updates=["message", "chat_member"])
    (change,) = [u.chat_member for u in second if u.chat_member]
    assert (change.new_chat_member.user.id, change.new_chat_member.status) == (late.id, "member")


async def test_bot_leaving_a_group_can_no_longer_post(emu: Emulator, bot: telegram.Bot) -> None:
    chair = emu.world.add_user("Lan")
    group = emu.world.add_group("BCĐ", creator=chair, supergroup=True)
    assert await bot.leave_chat(group.id)
    with pytest.raises(Forbidden, match="bot is not a member of the supergroup chat"):
        await bot.send_message(group.id, "x")
    (update,) = await bot.get_updates()
    assert update.my_chat_member.new_chat_member.status == "left"


async def test_message_dates_come_from_the_world_clock() -> None:
    clock = ManualClock(datetime(2026, 12, 14, 1, 0, tzinfo=UTC))  # 08:00 in Hà Nội
    async with Emulator(World(clock=clock)) as emu, make_bot(emu) as bot:
        user = emu.world.add_user("An")
        emu.world.start_private(user)
        (update,) = await bot.get_updates()
        clock.advance(timedelta(days=1))
        sent = await bot.send_message(user.id, "Nhắc việc")
    assert update.message.date == datetime(2026, 12, 14, 1, 0, tzinfo=UTC)
    assert sent.date == datetime(2026, 12, 15, 1, 0, tzinfo=UTC)
    assert emu.world.send_log[0].date == int(sent.date.timestamp())


# ------------------------------------------------------------------------------------------- files


async def test_send_document_keeps_bytes_name_and_caption(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    emu.world.start_private(user)
    await bot.send_document(user.id, b"PK\x03\x04 xlsx", filename="bao_cao.xlsx",
                            caption="<b>Báo cáo</b> tuần", parse_mode="HTML")
    recorded = emu.world.last_bot_message(user)
    assert recorded.document.data == b"PK\x03\x04 xlsx"
    assert recorded.document.filename == "bao_cao.xlsx"
    assert recorded.plain == "Báo cáo tuần"


async def test_send_photo_reports_its_size(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    emu.world.start_private(user)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (640).to_bytes(4, "big") + (480).to_bytes(4, "big")
    sent = await bot.send_photo(user.id, png, caption="Biểu đồ hoàn thành")
    assert (sent.photo[-1].width, sent.photo[-1].height) == (640, 480)
    assert emu.world.last_bot_message(user).photo.data == png
    again = await bot.send_photo(user.id, sent.photo[-1].file_id)  # resent by file_id
    assert again.photo[-1].file_id == sent.photo[-1].file_id


async def test_user_document_downloads_through_get_file(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    chair = emu.world.add_user("Lan")
    group = emu.world.add_group("BCĐ", creator=chair, members=[user])
    content = "Kết luận giao ban: giao Văn phòng ...".encode()
    emu.world.send_document(chair, group, "ket_luan.txt", content, caption="/nhap")

    (update,) = await bot.get_updates()
    assert update.message.caption == "/nhap" and update.message.caption_entities[0].type == "bot_command"
    file = await bot.get_file(update.message.document.file_id)
    assert bytes(await file.download_as_bytearray()) == content
    assert update.message.document.file_name == "ket_luan.txt"


# ----------------------------------------------------------------------------- limits and faults


def retry_seconds(exc: RetryAfter) -> float:
    """`retry_after` in seconds, whether PTB gives an int (deprecated) or a timedelta."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value if isinstance(value, int) else value.total_seconds()


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_flood_limits_answer_429_with_retry_after() -> None:
    clock = FakeMonotonic()
    async with Emulator(World(monotonic=clock), strict=True) as emu, make_bot(emu) as bot:
        user = emu.world.add_user("An")
        chair = emu.world.add_user("Lan")
        group = emu.world.add_group("BCĐ", creator=chair)
        emu.world.start_private(user)

        for _ in range(3):  # a short burst in a private chat is allowed
            await bot.send_message(user.id, "nhắc")
        with pytest.raises(RetryAfter) as private_flood:
            await bot.send_message(user.id, "nhắc")
        assert retry_seconds(private_flood.value) == 1
        clock.now += 1
        await bot.send_message(user.id, "nhắc")

        for _ in range(20):  # 20 per minute in a group, as a burst (and under 30/s overall)
            await bot.send_message(group.id, "tổng hợp")
        with pytest.raises(RetryAfter) as group_flood:
            await bot.send_message(group.id, "tổng hợp")
        assert retry_seconds(group_flood.value) == 3  # then one message every 3 s
        clock.now += 3
        await bot.send_message(group.id, "tổng hợp")
        assert emu.world.too_many_requests == 2
        assert len(emu.world.sends_to(group)) == 21


async def test_faults_are_injected_and_counted() -> None:
    faults = FaultPlan(seed=7)
    async with Emulator(faults=faults) as emu, make_bot(emu, read_timeout=0.3) as bot:
        user = emu.world.add_user("An")
        emu.world.start_private(user)

        faults.retry_after(5, methods=["sendMessage"], times=1)
        with pytest.raises(RetryAfter):
            await bot.send_message(user.id, "một")
        faults.clear()
        faults.server_error(502, times=1)
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(user.id, "hai")
        faults.clear()
        faults.delay(30, methods=["sendMessage"], times=1)  # answered after the client gave up...
        with pytest.raises(TimedOut):
            await bot.send_message(user.id, "ba")
        faults.clear()
        faults.disconnect(methods=["sendMessage"], times=1)
        with pytest.raises(NetworkError):
            await bot.send_message(user.id, "bốn")
        faults.clear()
        faults.forbid_users([user.id], times=1)
        with pytest.raises(Forbidden, match="blocked"):
            await bot.send_message(user.id, "năm")
        await bot.send_message(user.id, "sáu")

        # ...but the delayed message was delivered: a client that retries sends it twice.
        assert [m.plain for m in emu.world.bot_messages(user)] == ["ba", "sáu"]
        assert faults.counts == {"retry_after": 1, "server_error": 1, "delay": 1, "disconnect": 1,
                                 "forbidden": 1}


async def test_fraction_of_faults_is_seeded() -> None:
    def run(seed: int) -> list[bool]:
        plan = FaultPlan(seed=seed)
        plan.server_error(500, fraction=0.3)
        return [plan.pick("sendMessage", 1) is not None for _ in range(200)]

    assert run(1) == run(1)
    assert 30 <= sum(run(1)) <= 90


# ------------------------------------------------------------------------------ a real Application


async def test_application_round_trip_with_polling(emu: Emulator) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(f"Đã nhận: {' '.join(context.args)}")

    app = (ApplicationBuilder().token(emu.token).base_url(emu.base_url).base_file_url(emu.base_file_url)
           .rate_limiter(AIORateLimiter()).build())
    app.add_handler(CommandHandler("giao", echo))
    chair = emu.world.add_user("Lan", username="lan_nguyen")
    group = emu.world.add_group("BCĐ", creator=chair)

    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0.0, timeout=1)

        command = emu.world.send_text(chair, group, "/giao @lan_nguyen nộp báo cáo 😀")
        reply = await emu.world.wait_for(lambda m: m.plain.startswith("Đã nhận"))
        assert reply.plain == "Đã nhận: @lan_nguyen nộp báo cáo 😀"
        assert reply.chat is group and reply.reply_to is command

        emu.world.start_private(chair)  # no handler for /start: the bot must stay silent
        await emu.world.wait_idle(update_queue=app.update_queue)
        assert emu.world.pending_updates() == 0
        assert len(emu.world.bot_messages()) == 1

        await app.updater.stop()
        await app.stop()


async def test_wait_for_times_out_with_what_the_bot_did(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("An")
    emu.world.start_private(user)
    await bot.send_message(user.id, "Chào")
    with pytest.raises(TimeoutError, match="Chào"):
        await emu.world.wait_for(lambda m: "Tạm biệt" in m.plain, timeout=0.05)


# --------------------------------------------------------------------------------- control API


async def test_control_endpoint_and_event_stream(emu: Emulator, bot: telegram.Bot) -> None:
    async with httpx.AsyncClient(base_url=f"{emu.url}/_control") as control:
        async def op(name: str, **args: object) -> object:
            answer = (await control.post(f"/{name}", json=args)).json()
            assert answer["ok"], answer
            return answer["result"]

        chair = await op("add_user", first_name="Lan", username="lan_nguyen")
        chi = await op("add_user", first_name="Chi")
        group = await op("add_group", title="BCĐ", creator=chair["id"], members=[chi["id"]])
        await op("send_text", user=chair["id"], chat=group["id"],
                 text=["/giao ", {"text_mention": chi["id"], "name": "Chi"}, " báo cáo"])
        await op("send_document", user=chair["id"], chat=group["id"], filename="a.txt",
                 data=base64.b64encode(b"abc").decode(), caption="/nhap")
        bad = (await control.post("/send_text", json={"user": chi["id"], "chat": 42, "text": "x"})).json()
        assert not bad["ok"] and "no chat 42" in bad["error"]
        # A long text is several messages, as a Telegram app sends it; the group bot sees the first.
        long = await op("send_texts", user=chair["id"], chat=group["id"], text="/nhap " + "Giao Văn phòng. " * 400)
        assert isinstance(long, list) and len(long) == 2 and long[0]["text"].startswith("/nhap")

        updates = await bot.get_updates()
        assert updates[0].message.entities[1].user.id == chi["id"]
        assert updates[1].message.document.file_name == "a.txt"
        assert updates[2].message.message_id == long[0]["message_id"] and len(updates) == 3

        waiting = asyncio.create_task(control.get("/events", params={"since": 0, "timeout": 10}))
        await bot.send_message(group["id"], "Việc #1", reply_markup=keyboard("done:1"))
        events = (await waiting).json()["result"]
        assert events["next"] == 1
        assert events["events"][0]["message"]["plain"] == "Việc #1"

        pressed = await op("press_button", user=chair["id"], chat=group["id"],
                           message_id=events["events"][0]["message"]["message_id"], callback_data="done:1")
        assert pressed["data"] == "done:1"
        state = await op("state")
        assert [c["title"] for c in state["chats"]] == ["BCĐ"]
        assert json.dumps(state)  # JSON all the way down


async def test_raw_form_and_json_requests_are_decoded(emu: Emulator) -> None:
    user = emu.world.add_user("An")
    emu.world.start_private(user)
    async with httpx.AsyncClient(base_url=f"{emu.base_url}{emu.token}") as raw:
        form = (await raw.post("/sendMessage", data={"chat_id": str(user.id), "text": "123"})).json()
        assert form["result"]["text"] == "123"  # a text that looks like JSON stays a text
        body = {"chat_id": user.id, "text": "x", "reply_markup": {"inline_keyboard": [[{"text": "a"}]]}}
        refused = await raw.post("/sendMessage", json=body)
        assert refused.status_code == 400 and "Text buttons are unallowed" in refused.json()["description"]


# ------------------------------------------------------------------------------------ HTML parser


def test_html_parser_entities_and_mentions() -> None:
    text, entities = parse_html(
        '<b>Đậm <i>nghiêng</i></b> 😀 <a href="tg://user?id=7">Chi</a> <a href="https://x.vn">web</a> '
        '<pre><code class="language-python">x = 1</code></pre> <tg-spoiler>bí mật</tg-spoiler> '
        "&lt;3 &#128512;",
        known_user=lambda user_id: {"id": user_id, "is_bot": False, "first_name": "Chi"},
    )
    assert text == "Đậm nghiêng 😀 Chi web x = 1 bí mật <3 😀"
    spans = [(e["type"], utf16_slice(text, e["offset"], e["length"])) for e in entities]
    assert spans == [("bold", "Đậm nghiêng"), ("italic", "nghiêng"), ("text_mention", "Chi"),
                     ("text_link", "web"), ("pre", "x = 1"), ("spoiler", "bí mật")]
    assert entities[4]["language"] == "python"


def test_html_parser_can_be_as_lenient_as_telegram_with_ampersands() -> None:
    assert parse_html("AT&T &nbsp;", strict_ampersand=False) == ("AT&T &nbsp;", [])
    with pytest.raises(HtmlParseError):
        parse_html("AT&T")


async def test_mini_app_buttons_as_telegram_allows_them(bot: telegram.Bot, emu: Emulator) -> None:
    from telegram import MenuButtonWebApp, WebAppInfo

    world = emu.world
    lan = world.add_user("Lan", username="lan_chutich")
    group = world.add_group("BCĐ phường Sài Đồng", creator=lan)
    board = InlineKeyboardMarkup([[InlineKeyboardButton("Bảng", web_app=WebAppInfo("https://x.example/board/"))]])
    with pytest.raises(BadRequest, match=r"(?i)button_type_invalid"):  # not in groups
        await bot.send_message(group.id, "bảng", reply_markup=board)
    world.start_private(lan, send_start=False)
    await bot.send_message(lan.id, "bảng", reply_markup=board)
    plain_http = InlineKeyboardMarkup([[InlineKeyboardButton("Bảng", web_app=WebAppInfo("http://x.example/"))]])
    with pytest.raises(BadRequest, match=r"(?i)button_url_invalid"):
        await bot.send_message(lan.id, "bảng", reply_markup=plain_http)
    await bot.set_chat_menu_button(menu_button=MenuButtonWebApp("Bảng việc", WebAppInfo("https://x.example/board/")))
    assert world.menu_button["web_app"]["url"] == "https://x.example/board/"


async def test_an_admin_demoted_is_told_only_to_an_admin_bot(emu: Emulator, bot: telegram.Bot) -> None:
    chair, deputy = emu.world.add_user("Lan"), emu.world.add_user("Tú")
    group = emu.world.add_group("BCĐ", creator=chair, admins=[deputy], bot_status="administrator")
    quiet = emu.world.add_group("BCĐ 2", creator=chair, admins=[deputy])  # the bot is a member there
    emu.world.demote_admin(group, deputy)
    emu.world.demote_admin(quiet, deputy)
    assert (await bot.get_chat_member(group.id, deputy.id)).status == "member"
    assert [a.user.id for a in await bot.get_chat_administrators(quiet.id)] == [chair.id]
    updates = await bot.get_updates(allowed_updates=["message", "chat_member"])
    (change,) = [u.chat_member for u in updates]  # no service message, nothing from the quiet group
    assert (change.chat.id, change.old_chat_member.status, change.new_chat_member.status) == (
        group.id, "administrator", "member")
    with pytest.raises(ValueError, match="not an administrator"):
        emu.world.demote_admin(group, deputy)


async def test_unblocking_the_bot_reopens_the_private_chat(emu: Emulator, bot: telegram.Bot) -> None:
    user = emu.world.add_user("Bình")
    emu.world.start_private(user, send_start=False)
    emu.world.block_bot(user)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(user.id, "Nhắc việc")
    emu.world.unblock_bot(user)
    await bot.send_message(user.id, "Nhắc việc")
    updates = await bot.get_updates()
    assert [u.my_chat_member.new_chat_member.status for u in updates] == ["kicked", "member"]


async def test_a_deleted_group_refuses_everything(emu: Emulator, bot: telegram.Bot) -> None:
    chair = emu.world.add_user("Lan")
    group = emu.world.add_group("BCĐ", creator=chair, supergroup=True)
    emu.world.delete_group(group)
    with pytest.raises(Forbidden, match="the supergroup chat was deleted"):
        await bot.send_message(group.id, "x")
    (update,) = await bot.get_updates()
    assert update.my_chat_member.new_chat_member.status == "left"
    with pytest.raises(ValueError, match="deleted"):
        emu.world.send_text(chair, group, "còn ai không?")


async def test_a_long_text_is_cut_into_messages_as_telegram_apps_do(emu: Emulator, bot: telegram.Bot) -> None:
    """Over 4096 UTF-16 units the user's app sends several messages: each within the limit, cut at a
    line break in the second half when there is one (else a space), the whitespace at the cut dropped;
    the command, its entity and the reply only in the first. With privacy mode a group bot gets only
    that first one; in a private chat it gets them all, in order."""
    chair = emu.world.add_user("Lan", username="lan_chutich")
    binh = emu.world.add_user("Bình")
    group = emu.world.add_group("BCĐ", creator=chair, members=[binh])
    lines = [f"{k}. Giao Văn phòng rà soát hồ sơ đợt {k} của phường 😀 trước 15/12." for k in range(1, 181)]
    text = "/nhap\n" + "\n".join(lines)
    start = emu.world.send_text(chair, group, "Kết luận họp")
    parts = emu.world.send_texts(chair, group, text, reply_to=start)
    assert len(text.encode("utf-16-le")) // 2 > 2 * 4096 and len(parts) == 3
    assert all(len((m.text or "").encode("utf-16-le")) // 2 <= 4096 for m in parts)
    assert "\n".join(m.text or "" for m in parts) == text  # every cut at a line break, nothing lost
    assert parts[0].entities[0]["type"] == "bot_command" and parts[0].reply_to is start
    assert all(m.reply_to is None and not m.entities for m in parts[1:])
    updates = await bot.get_updates()
    assert [u.message.message_id for u in updates] == [parts[0].message_id]  # privacy mode

    # A paragraph with no line break: cut at a space after a sentence; a name mentioned is never split.
    emu.world.start_private(chair)
    await bot.get_updates(offset=updates[-1].update_id + 1)
    sentence = "Giao Văn phòng phối hợp rà soát hồ sơ. "
    before = sentence * 60
    paragraph = [before, text_mention(binh, "Bình Lê Văn"), " " + (sentence * 60).strip()]
    private = emu.world.send_texts(chair, chair, paragraph)
    assert len(private) == 2 and (private[0].text or "").endswith("hồ sơ.")
    mentions = [e for m in private for e in m.entities if e["type"] == "text_mention"]
    assert len(mentions) == 1
    owner = next(m for m in private if m.entities)
    assert utf16_slice(owner.text or "", mentions[0]["offset"], mentions[0]["length"]) == "Bình Lê Văn"
    got = await bot.get_updates(offset=updates[-1].update_id + 1)
    assert [u.message.text for u in got if u.message and u.message.chat.type == "private"][-2:] == [
        m.text for m in private
    ]


async def test_stickers_gifs_voice_and_places_arrive_as_the_bot_api_shapes_them(
    emu: Emulator, bot: telegram.Bot
) -> None:
    from emulator import snapshot
    from emulator.world import World

    user = emu.world.add_user("Lan")
    emu.world.start_private(user)
    emu.world.send_sticker(user, user, "👍")
    emu.world.send_animation(user, user)
    emu.world.send_voice(user, user, 5)
    emu.world.send_location(user, user, 21.03, 105.85)
    messages = [u.message for u in await bot.get_updates() if u.message is not None and u.message.text is None]
    sticker, gif, voice, place = messages[-4:]
    assert sticker.sticker is not None and sticker.sticker.emoji == "👍" and sticker.sticker.type == "regular"
    assert gif.animation is not None and gif.document is not None and gif.animation.file_id == gif.document.file_id
    assert voice.voice is not None and voice.voice.duration == 5 and voice.voice.mime_type == "audio/ogg"
    assert place.location is not None and place.location.latitude == 21.03
    # The bot can fetch a sticker's file as any other.
    assert (await bot.get_file(sticker.sticker.file_id)).file_path
    # Kept in a sandbox snapshot.
    again = World()
    snapshot.load(again, json.loads(json.dumps(snapshot.dump(emu.world))))
    kept = [m for m in again._messages.values() if m.media and "sticker" in m.media]
    assert kept and kept[0].to_api()["sticker"]["emoji"] == "👍"
