"""The sandbox: the real bot against the built-in Bot API emulator, and a web page that plays a
Telegram group around it (`nhacviec sandbox`).

    async with Sandbox(database_url, port=8080) as sb:   # the bot runs, the page is at sb.url
        ...

Nothing here is a second bot: the Application is the one `bot.app` builds, polling the emulator
over HTTP; the page only acts as people (emulator.control's World operations) and moves the bot's
single clock (a ManualClock). After a move the jobs that are due run at once — the summary planner
and the reminder dispatcher, through their own JobQueue jobs — so a reminder appears in seconds,
exactly as it would at that moment in real life.

HTTP API of the page (JSON): GET /api/state, GET /api/poll?user=&since=&timeout= (long poll of the
persona's chats), POST /api/send, /api/press, /api/open_private, /api/clock, /api/example, /api/member
(a member promoted, demoted, removed or added back by an administrator persona).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
import logging
import os
import re
import time
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from aiohttp import web
from telegram.ext import Application

from bot import texts as T
from bot.app import build_application, running
from bot.board.server import Board
from bot.clock import ManualClock
from bot.services import services_of
from bot.settings import Settings
from db.committees import committee_by_chat
from db.outbox import next_due_at
from domain.initdata import sign_user
from domain.understand.deadline_dates import month_end
from emulator import Chat, Emulator, Message, TextMention, User, World, snapshot, text_mention
from emulator.entities import detect_entities, sort_entities
from emulator.models import JSON
from emulator.world import as_telegram_photo
from handlers.importing import GATHER_JOB
from jobs.ratelimit import unlimited
from jobs.runtime import RUNTIME_KEY, DispatchRuntime
from jobs.scheduling import DISPATCHER_JOB, SUMMARY_PLANNER_JOB, runtime_of

log = logging.getLogger(__name__)

# A file the sandbox page attaches: a little over Telegram's 20 MB download limit, to try the refusal.
ATTACH_MAX_BYTES = 25 * 1024 * 1024

VN = ZoneInfo("Asia/Ho_Chi_Minh")
BOT_USERNAME = "NhacViecBot"
CLOCK_STEPS = {"hour": timedelta(hours=1), "day": timedelta(days=1), "week": timedelta(days=7)}
POLL_TIMEOUT_MAX = 25.0
# The clock and the conversation kept beside a --db database (bot.sandbox_cli.state_path).
STATE_FORMAT = 1
STATE_SAVE_SECONDS = 5.0


def static_dir() -> Path:
    return Path(str(resources.files("emulator") / "static"))


def example_text(filename: str) -> bytes:
    return (resources.files("emulator") / "examples" / filename).read_bytes()


_FIRST_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b")
# One pass over every time reference, so that nothing is moved twice: a full date (15/12/2020, "ngày 12
# tháng 02 năm 2020"), a month of a year ("tháng 2 năm 2020", "tháng 4/2018"), a month alone ("tháng 02"),
# a year ("năm 2021", "2019").
_TIME_REF = re.compile(
    r"(?P<date>\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>20\d\d)\b)"
    r"|(?P<vdate>\bngày (?P<vd>\d{1,2}) tháng (?P<vm>\d{1,2}) năm (?P<vy>20\d\d)\b)"
    r"|(?P<month>\btháng (?P<mm>\d{1,2})(?P<sep> năm |/)(?P<my>20\d\d)\b)"
    r"|(?P<bare>\btháng (?P<bm>\d{1,2})\b(?!/))"
    r"|(?P<year>\b20\d\d\b)",
    re.IGNORECASE,
)


def _pad(original: str, value: int) -> str:
    return f"{value:02d}" if len(original) == 2 else str(value)


def shift_to_recent(text: str, today: date) -> str:
    """The seed reports are from 2018–2020: imported as they are, every task would be years overdue.
    The whole report moves in time by one number of days, so that its first date (its publication day)
    is yesterday and the deadlines it sets fall in the coming weeks: full dates move by those days, a
    month named as a deadline becomes the month its last day moves to, a year moves as the report's
    date does; the wording stays as written. A month named in the heading (before the report's date:
    "giao ban tháng 12 năm 2020") is the meeting's own month: it moves with the meeting month for month,
    so that the heading and the meeting's date agree."""
    first = _FIRST_DATE.search(text)
    if first is None:
        return text
    day, month, year = (int(g) for g in first.groups())
    moved_first = today - timedelta(days=1)
    shift = moved_first - date(year, month, day)
    years = moved_first.year - year
    months = (moved_first.year * 12 + moved_first.month) - (year * 12 + month)

    def moved_month(m: int, y: int, at: int) -> date:
        if at < first.start():  # the heading
            index = y * 12 + (m - 1) + months
            return date(index // 12, index % 12 + 1, 1)
        return month_end(y, m) + shift

    def move(match: re.Match[str]) -> str:
        g = match.group
        try:
            if g("date"):
                new = date(int(g("y")), int(g("m")), int(g("d"))) + shift
                return f"{_pad(g('d'), new.day)}/{_pad(g('m'), new.month)}/{new.year}"
            if g("vdate"):
                new = date(int(g("vy")), int(g("vm")), int(g("vd"))) + shift
                return f"ngày {_pad(g('vd'), new.day)} tháng {_pad(g('vm'), new.month)} năm {new.year}"
            if g("month"):
                new = moved_month(int(g("mm")), int(g("my")), match.start())
                return f"tháng {_pad(g('mm'), new.month)}{g('sep')}{new.year}"
            if g("bare"):
                if not 1 <= int(g("bm")) <= 12:
                    return match.group(0)
                new = moved_month(int(g("bm")), year, match.start())
                return f"tháng {_pad(g('bm'), new.month)}"
        except ValueError:  # not a real day ("31/02"): left as written
            return match.group(0)
        return str(int(g("year")) + years)

    return _TIME_REF.sub(move, text)


def next_monday_0730(now: datetime) -> datetime:
    """07:30 on the next Monday strictly after `now` (Hà Nội time): the default weekly summary."""
    local = now.astimezone(VN)
    days = (7 - local.weekday()) % 7
    target = (local + timedelta(days=days)).replace(hour=7, minute=30, second=0, microsecond=0)
    if target <= local:
        target += timedelta(days=7)
    return target


def clock_label(now: datetime) -> str:
    local = now.astimezone(VN)
    return T.SANDBOX_CLOCK.format(weekday=T.WEEKDAYS[local.weekday()], date=T.fmt_date(local.date()),
                                  time=local.strftime("%H:%M"))


@dataclass
class Persona:
    key: str
    user: User
    role: str

    def to_json(self) -> JSON:
        return {"key": self.key, "id": self.user.id, "name": self.user.full_name,
                "username": self.user.username, "role": self.role, "started": self.user.started}


def read_state(path: Path) -> JSON | None:
    """What a sandbox kept beside its database when it stopped (its clock and its conversation), or
    None when there is nothing usable (never ran with this file, or a file from another version)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
            raise ValueError("another format")
        datetime.fromisoformat(data["clock"])
        return data
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("sandbox state %s not used (%s): starting with a new conversation", path, exc)
        return None


class Sandbox:
    def __init__(self, database_url: str, *, host: str = "127.0.0.1", port: int = 8080,
                 start: datetime | None = None, realtime: bool = True, dispatch_interval: float = 10.0,
                 state_file: Path | None = None, first_message_id: int = 1) -> None:
        """`realtime`: the clock also runs on by itself, as a wall clock would (tests turn it off
        and move it only by hand). `dispatch_interval`: the dispatcher's own wake-ups, real seconds.
        `state_file`: where the clock and the conversation are kept between runs (`--db`): a restart
        resumes the bot's time and the chats as they were left. `first_message_id`: message ids of a
        conversation not kept start above those the database knows (no reply is taken for an old one)."""
        saved = read_state(state_file) if state_file is not None else None
        if saved is not None:
            now = datetime.fromisoformat(saved["clock"])
        else:
            now = start or datetime.now(VN).replace(second=0, microsecond=0)
        self.clock = ManualClock(now)
        self.world = World(clock=self.clock, bot_username=BOT_USERNAME)
        self.state_file = state_file
        self._saved: JSON | None = None
        self._first_message_id = first_message_id
        if saved is not None:
            try:
                snapshot.load(self.world, saved["world"])
                self._saved = saved
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("sandbox conversation in %s not used (%s): starting a new one", state_file, exc)
                self.world = World(clock=self.clock, bot_username=BOT_USERNAME)
        self.emulator = Emulator(self.world)
        self.database_url = database_url
        self.realtime = realtime
        self.dispatch_interval = dispatch_interval
        self._host, self._port = host, port
        self.url = ""
        self.app: Application | None = None  # type: ignore[type-arg]
        self.personas: dict[str, Persona] = {}
        self.group: Chat | None = None
        self._stack = contextlib.AsyncExitStack()
        self._due_lock = asyncio.Lock()
        self._ticker: asyncio.Task[None] | None = None

    # ------------------------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> Sandbox:
        try:
            await self.start()
        except BaseException:
            await self._stack.aclose()
            raise
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.stop()

    async def start(self) -> None:
        await self._stack.enter_async_context(self.emulator)
        settings = Settings(bot_token=self.world.token, database_url=self.database_url,
                            telegram_api_url=self.emulator.base_url, dispatch_interval=self.dispatch_interval)
        self.app = build_application(settings, self.clock)
        await self._stack.enter_async_context(running(self.app))
        # Reminders go out at once: the emulator has no flood limits, and a newcomer jumping a week
        # ahead should not wait for Telegram's 3-second pace per group.
        self.app.bot_data[RUNTIME_KEY] = DispatchRuntime.create(services_of(self.app).instance_id,
                                                               limiter=unlimited())
        await self._populate()
        runner = web.AppRunner(self._web_app(), access_log=None, handler_cancellation=True, shutdown_timeout=0.5)
        await runner.setup()
        self._stack.push_async_callback(runner.cleanup)
        site = web.TCPSite(runner, self._host, self._port)
        await site.start()
        host, port = runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        # The board is served here too (bot.board), signed with the sandbox's own token: /bang offers it.
        svc = services_of(self.app)
        svc.settings = replace(svc.settings, webapp_url=f"{self.url}/board/")
        if self.realtime:
            self._ticker = asyncio.create_task(self._tick(), name="sandbox-clock")

    async def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
            self._ticker = None
        # The page's long polls end with the web server (handler_cancellation), first; then the bot;
        # the emulator last (closing the World earlier would make the bot's getUpdates spin).
        await self._stack.aclose()
        if self.group is not None:
            self.save_state()

    def save_state(self) -> None:
        """Keeps the clock and the conversation beside the database (written whole, then renamed: a
        crash leaves the previous state, never half of one)."""
        if self.state_file is None or self.group is None:
            return
        state = {
            "format": STATE_FORMAT,
            "clock": self.clock.now().isoformat(),
            "personas": {key: p.user.id for key, p in self.personas.items()},
            "group": self.group.id,
            "world": snapshot.dump(self.world),
        }
        tmp = self.state_file.with_name(self.state_file.name + ".tmp")
        try:
            tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.state_file)
        except OSError as exc:
            log.warning("could not keep the sandbox state in %s: %s", self.state_file, exc)

    async def _tick(self) -> None:
        """The sandbox clock runs on like a wall clock between the user's jumps; what happened is kept
        every few seconds (a sandbox killed outright loses at most that)."""
        last = time.monotonic()
        saved_at, saved_revision = last, self.world.revision
        while True:
            await asyncio.sleep(1.0)
            now = time.monotonic()
            self.clock.advance(timedelta(seconds=now - last))
            last = now
            if now - saved_at >= STATE_SAVE_SECONDS:
                if self.world.revision != saved_revision:
                    saved_revision = self.world.revision
                    self.save_state()
                saved_at = now

    async def idle(self) -> None:
        assert self.app is not None
        with contextlib.suppress(TimeoutError):
            await self.world.wait_idle(timeout=10.0, update_queue=self.app.update_queue)

    async def _populate(self) -> None:
        """The committee's people and group; on a new database the chair sets it up in the chat."""
        w = self.world
        if self._saved is not None:
            # The conversation kept from the last run: the same people, group and messages.
            ids = self._saved["personas"]
            for key, _name, _username, role in T.SANDBOX_PERSONAS:
                self.personas[key] = Persona(key, w.user(ids[key]), role)
            self.group = w.chat(self._saved["group"])
            return
        for key, name, username, role in T.SANDBOX_PERSONAS:
            self.personas[key] = Persona(key, w.add_user(name, username=username), role)
        chair = self.personas["chair"].user
        others = [p.user for k, p in self.personas.items() if k != "chair"]
        assert self.app is not None
        # World ids are the same on every run: an existing database already knows this group.
        probe = w.add_group(T.SANDBOX_GROUP_TITLE, creator=chair, members=others, bot_status=None)
        async with services_of(self.app).session_factory() as s:
            known = await committee_by_chat(s, probe.id) is not None
        self.group = probe
        for chat in w.chats.values():
            chat.next_message_id = max(chat.next_message_id, self._first_message_id)
        # An administrator, as the guide asks the chair to make it: Telegram sends chat_member updates (an
        # admin promoted, demoted, a member removed) only to admin bots, and the page's member controls
        # (change_member) are tried through those real updates (product11).
        if known:
            probe.bot_status = "administrator"
            return
        w.add_bot(probe, by=chair, as_admin=True)
        await self.idle()
        for command in T.SANDBOX_SETUP_COMMANDS:
            w.send_text(chair, probe, command)
            await self.idle()

    # ------------------------------------------------------------------------------ clock, jobs

    async def move_clock(self, *, step: str | None = None, to: datetime | None = None) -> datetime:
        """Move the bot's clock (never backwards) and run at once what is due then."""
        now = self.clock.now()
        if to is not None:
            target = to
        elif step in CLOCK_STEPS:
            target = now + CLOCK_STEPS[step]
        elif step == "monday":
            target = next_monday_0730(now)
        elif step == "next":
            assert self.app is not None
            # Plan the weekly summaries first (the planner's hourly run may not have seen a committee
            # made a minute ago): the next thing due may be a summary.
            await self._run_jobs(SUMMARY_PLANNER_JOB)
            async with services_of(self.app).session_factory() as s:
                found = await next_due_at(s, now)
            if found is None:
                raise ValueError(T.SANDBOX_NOTHING_DUE)
            target = found
        else:
            raise ValueError(f"step {step!r}")
        if target > now:
            self.clock.set(target)
        self.world.changed()  # the page shows the new time
        await self.run_due_work()
        return self.clock.now()

    async def run_due_work(self) -> None:
        """Run the summary planner, the reminder dispatcher and the look at long conclusions being gathered
        (a quiet minute analyses them) now, through their JobQueue jobs (the
        same callbacks APScheduler runs), and wait until what they sent has arrived."""
        await self._run_jobs(SUMMARY_PLANNER_JOB, DISPATCHER_JOB, GATHER_JOB)
        await self.idle()

    async def _run_jobs(self, *names: str) -> None:
        app = self.app
        assert app is not None and app.job_queue is not None
        async with self._due_lock:
            runtime = runtime_of(app)
            for name in names:
                if runtime.draining is not None:  # a drain started earlier ends first
                    with contextlib.suppress(Exception):
                        await runtime.draining
                for job in app.job_queue.get_jobs_by_name(name):
                    await job.run(app)
            if runtime.draining is not None:  # the dispatcher's tick drains in a task of its own
                with contextlib.suppress(Exception):
                    await runtime.draining

    # ------------------------------------------------------------------------------ people act

    def persona_user(self, user_id: Any) -> User:
        user = self.world.user(int(user_id))
        if user.is_bot:
            raise ValueError("the bot is not a persona")
        return user

    def send(self, user_id: Any, chat_id: Any, text: str, *, reply_to: Any = None,
             mentions: list[JSON] | None = None) -> Message:
        if not text.strip():
            raise ValueError(T.SANDBOX_EMPTY_TEXT)
        user = self.persona_user(user_id)
        parts = _with_mentions(self.world, text, mentions or [])
        return self.world.send_text(user, int(chat_id), parts,
                                    reply_to=None if reply_to in (None, "") else int(reply_to))

    def attach(self, user_id: Any, chat_id: Any, filename: str, data: bytes, caption: str = "", *,
               as_photo: bool = False) -> Message:
        """The persona sends a file (or a picture as a photo), with an optional caption such as /nhap."""
        if not data:
            raise ValueError(T.SANDBOX_EMPTY_FILE)
        if len(data) > ATTACH_MAX_BYTES:
            raise ValueError(T.SANDBOX_FILE_TOO_BIG.format(limit=ATTACH_MAX_BYTES // 2**20))  # MB as apps count
        user = self.persona_user(user_id)
        if as_photo:  # recompressed as Telegram does: the bot reads what it would read through Telegram
            return self.world.send_photo(user, int(chat_id), as_telegram_photo(data), caption or None)
        return self.world.send_document(user, int(chat_id), filename or T.FILE_DEFAULT_NAME, data, caption or None)

    async def press(self, user_id: Any, chat_id: Any, message_id: Any, callback_data: str) -> JSON:
        """Press a button; the answer (a toast or an alert) once the bot has given it."""
        query = self.world.press_button(self.persona_user(user_id), (int(chat_id), int(message_id)),
                                        callback_data)
        with contextlib.suppress(TimeoutError):
            await self.world.wait_until(lambda: query.answered, 10.0)
        return {"answered": query.answered, "text": query.answer_text, "show_alert": query.show_alert}

    def open_private(self, user_id: Any, *, send_start: bool = True) -> int:
        """The persona opens the private chat with the bot (sends /start the first time). `send_start` False:
        opened by a t.me link whose «/start <payload>» the page sends itself, as Telegram does (qa20)."""
        user = self.persona_user(user_id)
        if not user.started:
            self.world.start_private(user, send_start=send_start)
        return user.id

    async def change_member(self, actor_id: Any, user_id: Any, action: str) -> JSON:
        """A group administrator (the persona `actor_id`) promotes, demotes, removes or adds back a member
        (product11), through the emulator's own chat-member changes: the bot gets the chat_member update
        (and the service message of a removal or an addition) that Telegram would send, and acts on it.
        Telegram's rules: only the creator and administrators change members; nobody changes the creator."""
        assert self.group is not None
        group = self.group
        actor, user = self.persona_user(actor_id), self.persona_user(user_id)
        if not group.is_admin(actor.id):
            raise ValueError(T.SANDBOX_MEMBER_NOT_ADMIN)
        status = group.status_of(user.id)
        if status == "creator":
            raise ValueError(T.SANDBOX_MEMBER_CREATOR)
        change = {
            ("promote", "member"): self.world.promote_admin,
            ("demote", "administrator"): self.world.demote_admin,
            ("remove", "member"): self.world.remove_member,
            ("remove", "administrator"): self.world.remove_member,
            ("add", "left"): self.world.add_member,
            ("add", "kicked"): self.world.add_member,
        }.get((action, status))
        if change is None:
            raise ValueError(T.SANDBOX_MEMBER_CANNOT.format(name=user.full_name))
        change(group, user, by=actor)
        await self.idle()  # the bot has taken the update in: the next command meets its new rights
        return {"members": self.roster()}

    def roster(self) -> list[JSON]:
        """The personas' standing in the group (creator, administrator, member, left, kicked)."""
        assert self.group is not None
        return [{"id": p.user.id, "name": p.user.full_name, "status": self.group.status_of(p.user.id)}
                for p in self.personas.values()]

    def import_example(self, index: int, user_id: Any = None) -> Message:
        """A seed meeting report, moved to the last days (its deadlines in the coming weeks), sent to the
        group as a .txt file with the caption /nhap (as a secretary would send the report she typed)."""
        filename, _label = T.SANDBOX_EXAMPLES[index]
        user = self.persona_user(user_id) if user_id not in (None, "") else self.personas["chair"].user
        assert self.group is not None
        text = shift_to_recent(example_text(filename).decode("utf-8"), self.clock.now().astimezone(VN).date())
        return self.world.send_document(user, self.group, filename, text.encode("utf-8"), "/nhap",
                                        mime_type="text/plain")

    # ------------------------------------------------------------------------------ views

    def state(self) -> JSON:
        assert self.group is not None
        return {
            "bot": {"id": self.world.bot.id, "name": self.world.bot.full_name, "username": BOT_USERNAME},
            "personas": [p.to_json() for p in self.personas.values()],
            "group": {"id": self.group.id, "title": self.group.title,
                      # (qa10: those who left stay in the dict, as «left»: not counted)
                      "members": sum(1 for uid in self.group.members if self.group.is_member(uid)) + 1},
            # The bot's /-commands as it registered them (setMyCommands), for the page's command list.
            "commands": next(iter(self.world.commands.values()), []),
            "examples": [{"index": i, "label": label} for i, (_f, label) in enumerate(T.SANDBOX_EXAMPLES)],
            "members": self.roster(),
            "clock": self.clock_json(),
            "revision": self.world.revision,
        }

    def clock_json(self) -> JSON:
        now = self.clock.now()
        return {"iso": now.isoformat(), "ms": int(now.timestamp() * 1000), "label": clock_label(now),
                "running": self.realtime}

    def chats_of(self, user: User) -> JSON:
        assert self.group is not None
        chats: list[JSON] = [{"id": self.group.id, "type": "group", "title": self.group.title,
                              "messages": [message_json(m) for m in self.world.history(self.group)
                                           if not m.deleted]}]
        chats.append({"id": user.id, "type": "private", "title": self.world.bot.full_name,
                      "messages": [message_json(m) for m in self.world.history(user) if not m.deleted]})
        return {"revision": self.world.revision, "clock": self.clock_json(), "chats": chats,
                "personas": [p.to_json() for p in self.personas.values()], "members": self.roster()}

    async def poll(self, user_id: Any, since: int, timeout: float) -> JSON:  # noqa: ASYNC109
        user = self.persona_user(user_id)
        with contextlib.suppress(TimeoutError):
            await self.world.wait_until(lambda: self.world.revision != since,
                                        min(max(timeout, 0.0), POLL_TIMEOUT_MAX))
        return self.chats_of(user)

    # ------------------------------------------------------------------------------ HTTP

    def _web_app(self) -> web.Application:
        # Attachments come base64-encoded in JSON: room for a file a bit over Telegram's 20 MB, so
        # that the bot's own answer to a too-big file can be tried.
        app = web.Application(client_max_size=40 * 1024 * 1024)
        app.router.add_get("/", self._index)
        app.router.add_static("/static/", static_dir())
        app.router.add_get("/api/state", self._api_state)
        app.router.add_get("/api/poll", self._api_poll)
        app.router.add_get("/api/file/{file_id}", self._api_file)
        app.router.add_post("/api/send", self._api_send)
        app.router.add_post("/api/press", self._api_press)
        app.router.add_post("/api/open_private", self._api_open_private)
        app.router.add_post("/api/clock", self._api_clock)
        app.router.add_post("/api/example", self._api_example)
        app.router.add_post("/api/member", self._api_member)
        app.router.add_get("/api/board_link", self._api_board_link)
        assert self.app is not None
        app.add_subapp("/board/", Board(self.app).web_app())
        app.router.add_post("/api/attach", self._api_attach)
        return app

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(static_dir() / "index.html", headers={"Cache-Control": "no-store"})

    async def _api_state(self, request: web.Request) -> web.StreamResponse:
        return web.json_response(self.state(), dumps=_dumps)

    async def _api_poll(self, request: web.Request) -> web.StreamResponse:
        q = request.query
        return await _guarded(self.poll(q["user"], int(q.get("since", -1)), float(q.get("timeout", 0))))

    async def _api_file(self, request: web.Request) -> web.StreamResponse:
        stored = self.world.files.get(request.match_info["file_id"])
        if stored is None:
            raise web.HTTPNotFound()
        headers = {}
        if stored.filename:
            headers["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(stored.filename)}"
        return web.Response(body=stored.data, content_type=stored.mime_type or "application/octet-stream",
                            headers=headers)

    async def _api_send(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()

        async def act() -> JSON:
            message = self.send(body["user"], body["chat"], str(body.get("text", "")),
                                reply_to=body.get("reply_to"), mentions=body.get("mentions"))
            return message_json(message)

        return await _guarded(act())

    async def _api_press(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        return await _guarded(self.press(body["user"], body["chat"], body["message_id"], body["callback_data"]))

    async def _api_open_private(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()

        async def act() -> JSON:
            return {"chat": self.open_private(body["user"], send_start=body.get("start", True) is not False)}

        return await _guarded(act())

    async def _api_clock(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()

        async def act() -> JSON:
            to = datetime.fromisoformat(body["to"]).replace(tzinfo=VN) if body.get("to") else None
            await self.move_clock(step=body.get("step"), to=to)
            return self.clock_json()

        return await _guarded(act())

    def board_link(self, user_id: Any, chat_id: Any = None) -> str:
        """The board as Telegram would open it for this persona: initData signed with the sandbox's
        token at the bot's clock, in the URL's fragment (from a group: that group's committee)."""
        user = self.persona_user(user_id)
        start = None
        if chat_id not in (None, ""):
            chat = self.world.chat(int(chat_id))
            start = f"c{chat.id}" if chat.is_group else None
        init = sign_user(user.id, user.first_name, self.world.token, self.clock.now(),
                         last_name=user.last_name or "", username=user.username, start_param=start)
        return "/board/#" + urlencode({"tgWebAppData": init, "tgWebAppVersion": "8.0"})

    async def _api_board_link(self, request: web.Request) -> web.StreamResponse:
        async def act() -> JSON:
            return {"url": self.board_link(request.query["user"], request.query.get("chat"))}

        return await _guarded(act())

    async def _api_member(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        return await _guarded(self.change_member(body["user"], body["member"], str(body.get("action", ""))))

    async def _api_example(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()

        async def act() -> JSON:
            return message_json(self.import_example(int(body.get("index", 0)), body.get("user")))

        return await _guarded(act())


    async def _api_attach(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()

        async def act() -> JSON:
            try:
                data = base64.b64decode(str(body.get("data", "")), validate=True)
            except binascii.Error as exc:
                raise ValueError(T.SANDBOX_EMPTY_FILE) from exc
            message = self.attach(body["user"], body["chat"], str(body.get("filename", "")), data,
                                  str(body.get("caption", "")), as_photo=bool(body.get("as_photo")))
            return message_json(message)

        return await _guarded(act())


async def _guarded(work: Any) -> web.Response:
    """Bad input (a ValueError from the World, a missing field) is a 400 with a readable reason."""
    try:
        result = await work
    except (ValueError, KeyError, TypeError) as exc:
        reason = exc.args[0] if exc.args else type(exc).__name__
        return web.json_response({"ok": False, "error": T.SANDBOX_BAD_REQUEST.format(reason=reason)},
                                 status=400, dumps=_dumps)
    return web.json_response({"ok": True, "result": result}, dumps=_dumps)


def _dumps(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _with_mentions(world: World, text: str, mentions: list[JSON]) -> str | list[str | TextMention]:
    """Names the page inserted from its member list (people without a username) become
    text_mention parts, as Telegram's apps make them; found in order, from left to right."""
    parts: list[str | TextMention] = []
    rest = text
    for mention in mentions:
        name = str(mention.get("name", ""))
        at = rest.find(name) if name else -1
        if at < 0:
            continue
        parts.extend([rest[:at], text_mention(world.user(int(mention["user"])), name)])
        rest = rest[at + len(name):]
    if not parts:
        return text
    parts.append(rest)
    return [p for p in parts if p != ""]


# Entities inside which Telegram does not look for @mentions and /commands.
_OPAQUE = frozenset({"code", "pre", "text_link", "text_mention", "mention", "bot_command", "url"})


def _with_detected(text: str, entities: list[JSON]) -> list[JSON]:
    """Telegram's server finds @mentions and /commands in every message, the bot's too, and the apps
    show them as links; the emulator keeps the bot's entities as sent, so the page adds them here."""
    found = [e for e in detect_entities(text)
             if not any(o["type"] in _OPAQUE and o["offset"] < e["offset"] + e["length"]
                        and e["offset"] < o["offset"] + o["length"] for o in entities)]
    return sort_entities([*entities, *found])


def message_json(m: Message) -> JSON:
    """What the page draws: the Bot API shape (text + entities, as Telegram's apps render them),
    the sender's display name and the inline buttons."""
    data = m.describe()
    data.pop("source_text", None)  # the page renders entities, as a Telegram app does, not our HTML
    sender = m.from_user
    data["from_name"] = sender.full_name if sender is not None else (m.chat.title or "")
    data["by_bot"] = m.by_bot
    if m.by_bot:
        key = "entities" if m.text is not None else "caption_entities"
        data[key] = _with_detected(m.plain, data.get(key) or [])
    # Files (the bot's Excel exports and charts, people's documents) are served by the sandbox.
    if m.document is not None:
        data["document_url"] = f"/api/file/{m.document.file_id}"
    if m.photo is not None:
        data["photo_url"] = f"/api/file/{m.photo.file_id}"
    if m.reply_to is not None:
        quoted = m.reply_to
        data["reply_preview"] = {"message_id": quoted.message_id, "plain": quoted.plain[:200],
                                 "from_name": quoted.from_user.full_name if quoted.from_user else ""}
    return data
