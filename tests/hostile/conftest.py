"""A committee world for hostile-input tests: the real Application polling the emulator (as in
tests/e2e), with every role present, tasks in every state, and bot messages carrying every kind of
button, so that fuzzed commands and button presses hit real rows.

Differences from tests/e2e's `env`, both on purpose:
- the bot's AIORateLimiter is built with its limits off (0 = unlimited, as PTB documents): thousands
  of examples in one group would otherwise wait on the 20-messages-a-minute bucket in real time;
  the emulator's flood limits are off as well, so nothing here depends on rates;
- every error the Application's error handlers see, and every ERROR log record, is collected so that
  a test can assert there was none.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import pytest
from telegram.ext import AIORateLimiter, ContextTypes

from bot.app import running
from db.models import Base, Task
from emulator import Chat, Message, User, text_mention
from jobs.ratelimit import unlimited
from jobs.runtime import RUNTIME_KEY, DispatchRuntime
from tests.e2e.conftest import Env, emulated_bot


class _Errors(logging.Handler):
    """ERROR records, and the warnings that mean Telegram refused what the bot sent because of what
    a person wrote (unescaped HTML, a message too long): someone then waits for an answer in vain."""

    REFUSED = ("can't parse entities", "too long")

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.ERROR or any(r in message for r in self.REFUSED):
            self.records.append(f"{record.name}: {message}")


@dataclass
class HostileEnv(Env):
    errors: list[str] = field(default_factory=list)

    async def settle(self) -> None:
        # A short settle: update_queue.join() already waits for the handlers themselves, and callers
        # wait for the answer they expect before settling.
        await self.world.wait_idle(update_queue=self.app.update_queue, settle=0.005)  # type: ignore[attr-defined]

    async def idle(self) -> None:
        await self.settle()


@asynccontextmanager
async def hostile_bot(database_url: str) -> AsyncIterator[HostileEnv]:
    """The running bot of `hostile_env`, on `database_url` (a module's shared world builds it once)."""
    log_errors = _Errors()
    # This harness measures what hostile input does, at thousands of messages a minute (no pacing in
    # the bot either): Telegram's flood limits are off here, as in no other end-to-end test.
    async with emulated_bot(database_url, strict=False) as (app, world, clock, emu):
        app.bot._rate_limiter = AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=2)
        env = HostileEnv(app, world, clock, emu)
        log_errors.records = env.errors  # one list: failures show up as they happen

        async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
            error = context.error
            where = traceback.extract_tb(error.__traceback__)[-3:] if error is not None else []
            frames = " <- ".join(f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno} {f.name}" for f in reversed(where))
            env.errors.append(f"{type(error).__name__}: {error} [{frames}]")

        app.add_error_handler(record)
        logging.getLogger().addHandler(log_errors)
        try:
            async with running(app):
                # The notices the bot sends itself (a new task told privately, db/outbox.py) are paced per chat
                # too (jobs/ratelimit.py): off here, like the flood limits — one assignee told of a fresh task
                # per matrix cell made test_commands ten times slower (5 s -> 55 s a role), testing nothing.
                app.bot_data[RUNTIME_KEY] = DispatchRuntime.create("hostile", limiter=unlimited())
                yield env
        finally:
            logging.getLogger().removeHandler(log_errors)


@pytest.fixture
async def hostile_env(database_url: str) -> AsyncIterator[HostileEnv]:
    async with hostile_bot(database_url) as env:
        yield env


Rows = dict[str, list[dict[str, object]]]


async def stored_rows(env: Env) -> Rows:
    """Every row of every table of the bot's database (what a module's tests start from, `put_back`)."""
    async with env.sessions() as s:
        return {t.name: [dict(r._mapping) for r in (await s.execute(t.select())).all()]
                for t in Base.metadata.sorted_tables}


async def put_back(env: Env, rows: Rows) -> None:
    """The database exactly as `stored_rows` saw it: what a test wrote is gone, whatever it was (ids go on
    from where they were on PostgreSQL; no test reads them across tests)."""
    tables = Base.metadata.sorted_tables
    async with env.sessions() as s, s.begin():
        for table in reversed(tables):  # children first: no foreign key points at a row removed
            await s.execute(table.delete())
        for table in tables:
            if rows[table.name]:
                await s.execute(table.insert(), rows[table.name])


@dataclass
class Cast:
    chair: User
    secretary: User
    assignee: User
    member: User
    outsider: User  # not in the group; chair of another committee
    group: Chat
    other: Chat  # the outsider's committee
    # Task numbers in `group`: 1 open with a due date (lead: assignee), 2 open without a date,
    # 3 with a unit nobody knows, 4 done, 5 cancelled; in `other`: 1 open (lead: outsider).
    task_ids: dict[str, int] = field(default_factory=dict)
    logged: Message | None = None  # the bot's reply to /giao #1 (fix deadline / undo buttons)
    extension: Message | None = None  # the extension request with approve / reject buttons
    draft: Message | None = None  # a /nhap preview


async def task_id(env: Env, number: int, chat: Chat) -> int:
    task: Task = await env.task(number, chat)
    return task.id


async def make_cast(env: Env) -> Cast:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    secretary = w.add_user("Hoa", "Trần", username="hoa_thuky")
    assignee = w.add_user("Bình", "Lê")  # no username: text mentions only
    member = w.add_user("Minh", "Phạm", username="minh_member")
    outsider = w.add_user("Tú", "Đỗ", username="tu_outsider")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[secretary, assignee, member])
    other = w.add_group("BCĐ Cải cách hành chính phường Phúc Đồng", creator=outsider)
    for user in (chair, secretary, assignee, member, outsider):
        w.start_private(user)
        await env.idle()

    await env.say(chair, group, "/vaitro @hoa_thuky thuky")
    await env.say(secretary, group, "/viec")  # she writes: her username is linked to her account
    await env.say(chair, group, "/donvi them Văn phòng HĐND&UBND = VP, Văn phòng")
    logged = await env.say(chair, group, ["/giao ", text_mention(assignee), " rà soát camera trước 15/12"])
    await env.say(chair, group, ["/giao ", text_mention(assignee), " lập báo cáo tổng kết"])
    await env.say(chair, group, "/giao Văn phòng chủ trì, phối hợp Tổ công tác số 9 xây dựng kế hoạch trước 20/12")
    await env.say(chair, group, ["/giao ", text_mention(assignee), " gửi số liệu trước 10/12"])
    await env.say(assignee, group, "/xong 4 đã gửi")
    await env.say(chair, group, "/giao Văn phòng in tài liệu trước 11/12")
    await env.say(chair, group, "/huy 5 trùng việc")
    await env.say(assignee, group, "/giahan 1 20/12 chờ số liệu")
    extension = w.last_bot_message(group)
    draft = await env.say(
        chair, group, "/nhap\n1. Giao Văn phòng tổng hợp số liệu trước 15/12.\n2. Giao Công an phường rà soát camera."
    )
    await env.say(outsider, other, "/giao @tu_outsider việc của ban khác trước 15/12")
    cast = Cast(chair, secretary, assignee, member, outsider, group, other, logged=logged, extension=extension,
                draft=draft)
    for n in range(1, 6):
        cast.task_ids[f"g{n}"] = await task_id(env, n, group)
    cast.task_ids["o1"] = await task_id(env, 1, other)
    return cast
