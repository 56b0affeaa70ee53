"""Isolation audit (session 10), without the emulator: which presses may redraw the pressed message."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import CallbackQuery, Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message, User

from handlers.common import pressed_on_its_message

MINH = User(7, "Minh", False)
GROUP = Chat(-100, Chat.GROUP, title="BCĐ phường Sài Đồng")


def press(data: str, buttons: list[list[tuple[str, str]]] | None) -> CallbackQuery:
    markup = (
        InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=d) for label, d in row] for row in buttons])
        if buttons is not None
        else None
    )
    message = Message(41, datetime(2026, 11, 23, tzinfo=UTC), GROUP, text="⏳ Tuấn Đỗ xin gia hạn #1",
                      reply_markup=markup)  # fmt: skip
    return CallbackQuery("1", MINH, chat_instance="c", message=message, data=data)


def test_a_button_of_the_message_redraws_it() -> None:
    assert pressed_on_its_message(press("extok:3", [[("✅ Duyệt", "extok:3"), ("❌ Từ chối", "extno:3")]]))
    assert pressed_on_its_message(press("ds:2:a", [[("◀️", "ds:1:a"), ("▶️", "ds:2:a")]]))


def test_data_the_message_does_not_carry_leaves_it_alone() -> None:
    # A list page, or one's own task, pressed on the chair's request (a modified client).
    assert not pressed_on_its_message(press("ds:1:a", [[("✅ Duyệt", "extok:3"), ("❌ Từ chối", "extno:3")]]))
    assert not pressed_on_its_message(press("done:9", [[("✅ Duyệt", "extok:3")]]))
    # A message with no buttons at all (the Monday summary, a /xem card).
    assert not pressed_on_its_message(press("ds:1:a", None))
