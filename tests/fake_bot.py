"""A recording stand-in for telegram.Bot's send_message, with scripted Bot API errors, and a fake
monotonic clock for the send limiter (no real waiting in tests)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from telegram import InlineKeyboardMarkup

from bot.clock import ManualClock
from bot.texts import utf16_len


@dataclass
class Sent:
    chat_id: int
    text: str
    markup: InlineKeyboardMarkup | None
    at: datetime
    message_id: int

    @property
    def callback_data(self) -> list[str]:
        if self.markup is None:
            return []
        return [str(b.callback_data) for row in self.markup.inline_keyboard for b in row]


@dataclass
class Fault:
    chat_id: int
    error: Exception
    times: int = 1


@dataclass
class FakeBot:
    clock: ManualClock
    sent: list[Sent] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    attempts: int = 0
    _next_id: int = 100
    # getChatMember: (group chat, user) pairs Telegram says are not in the group; errors to raise, in order.
    absent: set[tuple[int, int]] = field(default_factory=set)
    member_errors: list[Exception] = field(default_factory=list)
    member_lookups: int = 0
    id: int = 999  # the bot's own Telegram id (getChatMember about itself)
    admin_in: set[int] = field(default_factory=set)  # groups where the bot is an administrator (sec17)

    def fail(self, chat_id: int, error: Exception, times: int = 1) -> None:
        self.faults.append(Fault(chat_id, error, times))

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> SimpleNamespace:
        self.attempts += 1
        for fault in self.faults:
            if fault.chat_id == chat_id and fault.times > 0:
                fault.times -= 1
                raise fault.error
        # What Telegram would reject (the emulator checks far more).
        assert utf16_len(text) <= 4096, "message too long"
        markup = kwargs.get("reply_markup")
        if markup is not None:
            for row in markup.inline_keyboard:
                for button in row:
                    assert len(str(button.callback_data).encode()) <= 64
        self._next_id += 1
        self.sent.append(Sent(chat_id, text, markup, self.clock.now(), self._next_id))
        return SimpleNamespace(message_id=self._next_id)

    async def get_chat_member(self, chat_id: int, user_id: int) -> SimpleNamespace:
        self.member_lookups += 1
        if self.member_errors:
            raise self.member_errors.pop(0)
        if user_id == self.id:
            return SimpleNamespace(status="administrator" if chat_id in self.admin_in else "member")
        return SimpleNamespace(status="left" if (chat_id, user_id) in self.absent else "member")

    def to(self, chat_id: int) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id]


class FakeTime:
    """Monotonic time that only moves when someone sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


def only(predicate: Callable[[Sent], bool], sent: list[Sent]) -> list[Sent]:
    return [s for s in sent if predicate(s)]
