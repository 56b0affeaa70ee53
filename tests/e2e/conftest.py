"""End-to-end harness: the real Application, polling the local Bot API emulator over HTTP, on a fresh
database, with the bot's single clock under the test's control."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.ext import Application

from bot.app import build_application, running
from bot.clock import ManualClock
from bot.services import Services, services_of
from bot.settings import Settings
from db.models import Task, TaskEvent
from emulator import Chat, Emulator, Message, TextMention, User, World
from emulator.faults import FaultKind
from emulator.world import WAIT_CEILING
from jobs.ratelimit import SendLimiter
from jobs.runtime import RUNTIME_KEY, DispatchRuntime

# Monday 23/11/2026, 09:00 in Hà Nội.
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@dataclass
class Env:
    app: object
    world: World
    clock: ManualClock
    emulator: Emulator

    @property
    def services(self) -> Services:
        return services_of(self.app)  # type: ignore[arg-type]

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]:
        return self.services.session_factory

    async def say(
        self, user: User, chat: Chat | User, text: str | Sequence[str | TextMention], *, reply_to: object = None
    ) -> Message:
        """The user writes; returns the bot's first answer in that chat."""
        self.world.send_text(user, chat, text, reply_to=reply_to)
        answer = await self.world.wait_for(chat=chat)
        await self.idle()
        return answer

    async def say_silently(self, user: User, chat: Chat | User, text: str, *, reply_to: object = None) -> None:
        self.world.send_text(user, chat, text, reply_to=reply_to)
        await self.idle()

    async def press(self, user: User, message: Message, label: str) -> object:
        query = self.world.press_button(user, message, text=label)
        await self.world.wait_until(lambda: query.answered)
        await self.idle()
        return query

    async def idle(self, timeout: float = WAIT_CEILING) -> None:  # noqa: ASYNC109
        await self.world.wait_idle(timeout, update_queue=self.app.update_queue)  # type: ignore[attr-defined]

    async def task(self, number: int, chat: Chat) -> Task:
        from db.committees import committee_by_chat

        async with self.sessions() as s:
            committee = await committee_by_chat(s, chat.id)
            assert committee is not None
            task = await s.scalar(select(Task).where(Task.committee_id == committee.id, Task.number == number))
            assert task is not None
            return task

    async def task_count(self) -> int:
        async with self.sessions() as s:
            return len(list(await s.scalars(select(Task.id))))

    async def events(self, task_id: int) -> list[str]:
        async with self.sessions() as s:
            rows = await s.scalars(select(TaskEvent.kind).where(TaskEvent.task_id == task_id).order_by(TaskEvent.id))
            return list(rows)

    def advance(self, **kwargs: float) -> None:
        self.clock.advance(timedelta(**kwargs))


@asynccontextmanager
async def emulated_bot(
    database_url: str, *, strict: bool = True, monotonic: Callable[[], float] = time.monotonic, **settings: Any
) -> AsyncIterator[tuple[Application, World, ManualClock, Emulator]]:  # type: ignore[type-arg]
    """The bot built against a running emulator on the test's clock, not started yet (the caller may
    adjust it, then `async with running(app)`). Tests run the dispatcher themselves after moving the
    clock (dispatch_interval: an hour); `settings` override any other Settings field.

    Telegram's flood limits are on (`strict`: 30 messages/s, 20 a minute per group, about 1 a second
    per private chat), as Telegram has them; only a test that measures something else turns them off."""
    clock = ManualClock(START)
    world = World(clock=clock, monotonic=monotonic)  # `monotonic`: Telegram's clock, for its flood limits
    async with Emulator(world, strict=strict) as emu:
        options: dict[str, Any] = {"dispatch_interval": 3600, **settings}
        app = build_application(
            Settings(bot_token=world.token, database_url=database_url, telegram_api_url=emu.base_url, **options),
            clock,
        )
        yield app, world, clock, emu


def refused_edits(world: World) -> list[tuple[str, int, str]]:
    """Edits Telegram refused: each is a bug (the user sees a stale message or a duplicate)."""
    return [r for r in world.refused if r[0].startswith("edit")]


class Since:
    """The bot's messages to each of some chats from now on: `new = Since(env.world, binh, group)`, then after
    an action `new(binh)` is what Bình has been sent since."""

    def __init__(self, world: World, *chats: Chat | User) -> None:
        self.world = world
        self.start = {chat.id: len(world.bot_messages(chat)) for chat in chats}

    def __call__(self, chat: Chat | User) -> list[Message]:
        return self.world.bot_messages(chat)[self.start[chat.id] :]


def mentioned(message: Message) -> list[int]:
    """The ids of the people a message names without a username (text mentions)."""
    return [e["user"]["id"] for e in message.entities if e["type"] == "text_mention"]


class SkippedWaits:
    """A monotonic clock that the bot's own pacing moves instead of waiting in real time.

    The bot paces the messages it sends itself (jobs/ratelimit.SendLimiter: a new task told privately,
    decisions, notices in the group, reminders: 3.1 s between two to a group, 1.05 s in a private chat),
    and that pace was most of many end-to-end tests' time (test_views_board_close 9.1 s of 10.8 s,
    test_board «giao lại» 8.8 of 11, test_decisions «blocked» 8.0 of 9.6) though none of them is about it.
    Here its sleeps move this clock, which Telegram's flood limits in the emulator read too: the pace is
    still checked — a message sent sooner than Telegram allows is a 429, and `env` fails on any — only not
    waited for. Real time passes as well (replies keep their real pace): this clock is never behind it."""

    def __init__(self) -> None:
        self.skipped = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.skipped

    async def sleep(self, seconds: float) -> None:
        self.skipped += max(0.0, seconds)
        await asyncio.sleep(0)


@asynccontextmanager
async def bot_env(database_url: str, **settings: Any) -> AsyncIterator[Env]:
    """The running bot of `env`, with `settings` changed (a module's own `env` fixture)."""
    skip = SkippedWaits()
    async with emulated_bot(database_url, monotonic=skip.monotonic, **settings) as (app, world, clock, emu), \
            running(app):
        app.bot_data[RUNTIME_KEY] = DispatchRuntime.create(
            services_of(app).instance_id, limiter=SendLimiter(monotonic=skip.monotonic, sleep=skip.sleep)
        )
        yield Env(app, world, clock, emu)
        assert refused_edits(world) == [], "Telegram refused an edit"
        # A 429 the test injected (FaultPlan.retry_after) is not one the bot ran into.
        injected = emu.faults.counts[FaultKind.RETRY_AFTER.value]
        assert world.too_many_requests == injected, "the bot ran into Telegram's flood limits"


@pytest.fixture
async def env(database_url: str) -> AsyncIterator[Env]:
    async with bot_env(database_url) as e:
        yield e
