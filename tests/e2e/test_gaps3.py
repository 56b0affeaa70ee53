"""Gaps closed in a third pass (helper «gaps3»): a task just logged (/giao, a /nhap save) reaches its
doers at once in their private chat with the bot — one message per person and save, with the reminders'
buttons — not first in the reminder 3 working days before its deadline."""

from __future__ import annotations

from datetime import date

from emulator import Chat, User, text_mention
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import bot_messages_since, preview_after, save

REMINDER_BUTTONS = ["✅ Đã xong", "📝 Báo cáo tiến độ", "⏳ Xin gia hạn", "🚧 Vướng mắc"]
TITLE = "BCĐ Chuyển đổi số phường Sài Đồng"


async def _committee(env: Env) -> tuple[User, User, User, Chat]:
    """Lan chairs and opened a private chat; Văn phòng (VP) has two contacts: Bình (private chat) and
    An (never wrote to the bot)."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê")
    an = w.add_user("An", "Phạm")
    group = w.add_group(TITLE, creator=chair, members=[binh, an])
    w.start_private(binh)
    w.start_private(chair)
    await env.idle()
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP")
    await env.say(chair, group, ["/donvi gan VP ", text_mention(binh), " ", text_mention(an)])
    return chair, binh, an, group


def _counts(env: Env, *chats: User | Chat) -> list[int]:
    return [len(env.world.bot_messages(c)) for c in chats]


async def test_giao_tells_each_contact_with_a_private_chat_once_and_nobody_else(env: Env) -> None:
    chair, binh, an, group = await _committee(env)
    chair_0, binh_0, an_0, group_0 = _counts(env, chair, binh, an, group)

    card = await env.say(chair, group, "/giao VP chủ trì rà soát hồ sơ thủ tục <một cửa> xong trước ngày 2/12")
    assert "#1" in card.plain
    # Bình, a contact of the lead unit who opened a chat with the bot, is told at once, there.
    [told] = bot_messages_since(env, binh, binh_0)
    assert "được giao nhiệm vụ mới" in told.plain and TITLE in told.plain
    assert "#1 " in told.plain and "rà soát hồ sơ thủ tục <một cửa>" in told.plain
    assert "Hạn: Thứ Tư, 02/12/2026" in told.plain and "Chủ trì: Văn phòng HĐND&UBND" in told.plain
    assert "Người giao: Lan Nguyễn" in told.plain
    assert told.button_texts() == REMINDER_BUTTONS
    # An has no private chat: the card names him; the group gets nothing more. The chair logged it.
    assert [m.message_id for m in bot_messages_since(env, group, group_0)] == [card.message_id]
    assert bot_messages_since(env, an, an_0) == []
    assert bot_messages_since(env, chair, chair_0) == []

    # The buttons work as a reminder's do: Bình reports it done from his private chat.
    await env.press(binh, told, "✅ Đã xong")
    assert (await env.task(1, group)).status == "done"

    # A task of the chair's own: she is not told of what she logged herself.
    chair_0 = _counts(env, chair)[0]
    await env.say(chair, group, ["/giao ", text_mention(chair), " chuẩn bị báo cáo quý xong trước ngày 10/12"])
    assert bot_messages_since(env, chair, chair_0) == []


async def test_a_deadline_picked_on_the_card_and_an_undo_reach_those_told(env: Env) -> None:
    chair, binh, _an, group = await _committee(env)
    binh_0, group_0 = _counts(env, binh, group)
    card = await env.say(chair, group, "/giao VP cập nhật danh mục phần mềm dùng chung")  # no deadline
    [told] = bot_messages_since(env, binh, binh_0)
    assert "#1 " in told.plain and "cập nhật danh mục phần mềm dùng chung" in told.plain
    assert "Hạn: không có hạn" in told.plain
    await env.press(chair, card, "1 tuần")
    assert (await env.task(1, group)).due_current == date(2026, 11, 30)
    [_, due] = bot_messages_since(env, binh, binh_0)
    assert "đặt hạn mới cho nhiệm vụ #1" in due.plain and "30/11/2026" in due.plain
    assert "trước đây không có hạn" in due.plain
    # The group saw only the card, edited in place.
    assert [m.message_id for m in bot_messages_since(env, group, group_0)] == [card.message_id]

    # A slip taken back at once («↩️ Hoàn tác» on the card): those told privately learn it.
    slip = await env.say(chair, group, "/giao VP lập danh sách hộ nghèo xong trước ngày 4/12")
    await env.press(chair, slip, "Hoàn tác")
    assert (await env.task(2, group)).status == "cancelled"
    [_, _, new, back] = bot_messages_since(env, binh, binh_0)
    assert "lập danh sách hộ nghèo" in new.plain
    assert "#2" in back.plain and "đã được rút lại" in back.plain and back.button_texts() == []


def _conclusion(count: int, long: bool = False) -> str:
    more = (" và cập nhật lên hệ thống một cửa điện tử của phường, báo cáo kết quả về Thường trực Ban chỉ đạo"
            if long else "")
    lines = [f"{k}. Giao Văn phòng HĐND&UBND rà soát hồ sơ lĩnh vực số {k}{more}, hoàn thành trước "
             f"ngày {k}/12/2026." for k in range(1, count + 1)]
    return "Kết luận giao ban tuần\n" + "\n".join(lines) + "\n"


async def test_a_nhap_save_of_twenty_items_tells_the_contact_in_one_message(env: Env) -> None:
    chair, binh, an, group = await _committee(env)
    chair_0, binh_0, an_0, group_0 = _counts(env, chair, binh, an, group)
    env.world.send_text(chair, group, "/nhap\n" + _conclusion(20))
    pages = await preview_after(env, group, group_0)
    tasks = await save(env, chair, pages)
    assert len(tasks) == 20
    await env.idle()
    [told] = bot_messages_since(env, binh, binh_0)
    assert "được giao 20 nhiệm vụ mới" in told.plain and TITLE in told.plain
    assert all(f"#{t.number} Giao Văn phòng HĐND&UBND rà soát hồ sơ lĩnh vực số {k}," in told.plain
               for k, t in enumerate(tasks, start=1))
    assert "Hạn: Thứ Ba, 01/12/2026" in told.plain and "Kết luận giao ban tuần" in told.plain
    assert told.button_texts()[:4] == ["#1 ✅ Xong", "#1 📝 Tiến độ", "#1 ⏳ Gia hạn", "#1 🚧 Vướng mắc"]
    assert len(told.button_texts()) == 80
    # Nobody else gets anything privately; the group gets the preview and the save, nothing per person.
    assert bot_messages_since(env, an, an_0) == [] and bot_messages_since(env, chair, chair_0) == []
    assert not any("được giao" in m.plain for m in bot_messages_since(env, group, group_0))

    # «↩️ Hoàn tác lần nhập này»: one message says all twenty are taken back.
    saved = next(m for m in bot_messages_since(env, group, group_0) if "Đã lưu" in m.plain)
    await env.press(chair, saved, next(t for t in saved.button_texts() if "Hoàn tác" in t))
    await env.idle()
    [_, back] = bot_messages_since(env, binh, binh_0)
    assert "20 nhiệm vụ" in back.plain and "#1, #2" in back.plain and "đã được rút lại" in back.plain


async def test_a_long_save_is_split_between_tasks_under_telegrams_limit(env: Env) -> None:
    chair, binh, _an, group = await _committee(env)
    binh_0, group_0 = _counts(env, binh, group)
    env.world.send_text(chair, group, "/nhap\n" + _conclusion(18, long=True))
    tasks = await save(env, chair, await preview_after(env, group, group_0))
    assert len(tasks) == 18
    await env.idle()
    parts = bot_messages_since(env, binh, binh_0)
    assert len(parts) >= 2 and all(len(m.text) <= 4096 for m in parts)
    assert all("được giao 18 nhiệm vụ mới" in m.plain and f"(phần {k}/{len(parts)})" in m.plain
               for k, m in enumerate(parts, start=1))
    # Every task once, in order, each with its own buttons in the message that shows it.
    shown = [int(t.split()[0][1:]) for m in parts for t in m.button_texts() if t.endswith("✅ Xong")]
    assert shown == [t.number for t in tasks]
    for m in parts:
        numbers = [int(t.split()[0][1:]) for t in m.button_texts() if t.endswith("✅ Xong")]
        assert all(f"#{n} Giao Văn phòng" in m.plain for n in numbers)


def test_every_part_fits_even_with_a_long_committee_and_meeting_title() -> None:
    """The split keeps room for the header, the giver and meeting line and the footer, however long."""
    from types import SimpleNamespace as NS

    from bot.texts import utf16_len
    from handlers.new_tasks import MAX_TASKS_A_MESSAGE, new_tasks_messages

    committee = NS(title="Ban chỉ đạo chuyển đổi số " * 12)
    lead = [NS(role="lead", label="Văn phòng HĐND&UBND", unit_id=1, person_id=None)]
    tasks = [NS(id=k, number=k, text=f"việc số {k} " * 40, due_current=date(2026, 12, 20), assignees=lead)
             for k in range(1, 61)]
    parts = new_tasks_messages(committee, tasks, "Lan Nguyễn", "Kết luận giao ban " * 30, date(2026, 11, 23))  # type: ignore[arg-type]
    assert len(parts) > 1 and all(utf16_len(text) <= 4096 for text, _ in parts)
    assert all(len(buttons) <= MAX_TASKS_A_MESSAGE for _, buttons in parts)
    assert [int(row[0][0].split()[0][1:]) for _, buttons in parts for row in buttons] == list(range(1, 61))
