"""What an administrator monitors: Prometheus metrics, /healthz, the heartbeat `nhacviec status`
reads, and one log line per change of Telegram's reachability.

- Counters and histograms live in one registry of this module (prometheus_client, the maintained
  client library); the delivery code only increments them (`count_drain` after each drain).
- `ObservedRequest` is PTB's HTTPXRequest that notes every Bot API call: a 429 is counted, a failed
  connection turns the state to "unreachable" with ONE log line, the next answer turns it back with
  ONE "reachable again" line (it was ~80 traceback lines per retry). The last Telegram error is kept
  for `nhacviec status`.
- The heartbeat is a small JSON file written at start, at every dispatcher tick and at every change
  of Telegram's state (atomically: write, then rename). `nhacviec status` reads it.
- With METRICS_PORT set, an aiohttp server in the bot's own event loop serves /metrics (Prometheus
  text format) and /healthz (200 when the database answers and the dispatcher ticked recently).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest

if TYPE_CHECKING:
    from aiohttp import web
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.clock import Clock
    from bot.settings import Settings

log = logging.getLogger("nhacviec.monitor")

REGISTRY = CollectorRegistry()
REMINDERS_SENT = Counter("nhacviec_reminders_sent", "Reminders delivered", registry=REGISTRY)
REMINDERS_FAILED = Counter("nhacviec_reminders_failed", "Reminders Telegram refused for good", registry=REGISTRY)
SUMMARIES_SENT = Counter("nhacviec_summaries_sent", "Weekly summaries delivered", registry=REGISTRY)
SUMMARIES_FAILED = Counter("nhacviec_summaries_failed", "Weekly summaries given up", registry=REGISTRY)
TELEGRAM_429 = Counter("nhacviec_telegram_429", "429 Too Many Requests received from the Bot API", registry=REGISTRY)
TELEGRAM_ERRORS = Counter("nhacviec_telegram_errors", "Bot API calls that failed (network)", registry=REGISTRY)
COMMAND_SECONDS = Histogram(
    "nhacviec_command_seconds",
    "Time to handle one update (command, button, message)",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
    registry=REGISTRY,
)
DATABASE_UP = Gauge(
    "nhacviec_database_reachable", "1 if the database answered the last scrape, else 0", registry=REGISTRY
)
REMINDERS_PENDING = Gauge("nhacviec_reminders_pending", "Reminder rows waiting to be sent", registry=REGISTRY)
SUMMARIES_PENDING = Gauge("nhacviec_summaries_pending", "Weekly summaries waiting to be sent", registry=REGISTRY)
TICK_AGE = Gauge("nhacviec_dispatcher_tick_age_seconds", "Seconds since the dispatcher last ticked", registry=REGISTRY)
# What an alert rule needs to say "reminders are late" and "the Monday summary did not go out": the age
# of the oldest row that is due and still unsent (0 when none). The pending counts could not say it (a
# large count at 7:00 is normal; one reminder due an hour ago and unsent is not), nor the tick age (the
# dispatcher may tick every 30 s while every send fails).
REMINDER_LATE = Gauge(
    "nhacviec_reminder_oldest_due_seconds",
    "Age of the oldest reminder due and not yet sent (active committees), 0 when none",
    registry=REGISTRY,
)
SUMMARY_LATE = Gauge(
    "nhacviec_summary_oldest_due_seconds",
    "Age of the oldest weekly summary due and not yet sent (active committees), 0 when none",
    registry=REGISTRY,
)
TELEGRAM_UP = Gauge("nhacviec_telegram_reachable", "1 while the Bot API answers, else 0", registry=REGISTRY)


@dataclass
class Heartbeat:
    """The running bot's state, as written to the status file."""

    pid: int = field(default_factory=os.getpid)
    mode: str = "polling"
    started: float = field(default_factory=time.time)
    last_tick: float | None = None
    dispatch_interval: float = 30.0
    telegram_reachable: bool = True
    telegram_down_since: float | None = None
    last_telegram_error: str | None = None
    last_telegram_error_at: float | None = None


class Monitor:
    """The process's one monitor (module global `MONITOR`): state, status file, log lines."""

    def __init__(self) -> None:
        self.state = Heartbeat()
        self.status_path: Path | None = None
        self._down_channel = "api"
        # Called once when Telegram answers 401 (the token was revoked or replaced in @BotFather while
        # the bot runs): `nhacviec run` stops the bot then (bot/cli.py), instead of staying up, deaf.
        self.on_token_rejected: Callable[[], None] | None = None
        TICK_AGE.set_function(self.tick_age)
        TELEGRAM_UP.set_function(lambda: 1.0 if self.state.telegram_reachable else 0.0)

    def configure(self, status_path: Path | None, *, mode: str, dispatch_interval: float) -> None:
        self.state = Heartbeat(mode=mode, dispatch_interval=dispatch_interval)
        self.status_path = status_path
        self.write()

    def tick_age(self) -> float:
        last = self.state.last_tick or self.state.started
        return max(0.0, time.time() - last)

    def ticked(self) -> None:
        self.state.last_tick = time.time()
        self.write()

    def telegram_ok(self, channel: str = "api") -> None:
        # Back only when the connection that failed answers again: with the long poll's connection
        # dropping, a reply that got through on the other connection must not make the state (and
        # the log) flap between unreachable and reachable at every retry.
        if not self.state.telegram_reachable and channel == self._down_channel:
            down = time.time() - (self.state.telegram_down_since or time.time())
            self.state.telegram_reachable = True
            self.state.telegram_down_since = None
            log.warning("Telegram reachable again (unreachable for %.0f s)", down)
            self.write()

    def telegram_failed(self, exc: BaseException, channel: str = "api") -> None:
        TELEGRAM_ERRORS.inc()
        self.state.last_telegram_error = f"{type(exc).__name__}: {exc}"[:300]
        self.state.last_telegram_error_at = time.time()
        if isinstance(exc, TimedOut):  # slow, not gone: no change of state
            self.write()
            return
        if self.state.telegram_reachable:
            self._down_channel = channel
            self.state.telegram_reachable = False
            self.state.telegram_down_since = time.time()
            # One line (no traceback): PTB retries on its own; a line will say when it is back.
            log.warning("Telegram unreachable: %s; retrying quietly until it answers", self.state.last_telegram_error)
        self.write()

    def telegram_refused(self, code: int, payload: bytes) -> None:
        if code == 401 and self.on_token_rejected is not None:
            self.on_token_rejected()
        if code == 429:
            TELEGRAM_429.inc()
        with contextlib.suppress(Exception):
            description = json.loads(payload).get("description", "")
            self.state.last_telegram_error = f"HTTP {code}: {description}"[:300]
            self.state.last_telegram_error_at = time.time()

    def write(self) -> None:
        if self.status_path is None:
            return
        try:
            partial = self.status_path.with_name(self.status_path.name + ".tmp")
            partial.write_text(json.dumps(asdict(self.state)))
            os.replace(partial, self.status_path)
        except OSError as exc:  # a monitoring file never stops the bot
            log.debug("status file not written: %s", exc)

    def stopped(self) -> None:
        """Clean shutdown: the status file says the bot is not running (no stale heartbeat)."""
        if self.status_path is not None:
            with contextlib.suppress(OSError):
                self.status_path.unlink()


MONITOR = Monitor()


class ObservedRequest(HTTPXRequest):
    """PTB's HTTP client, noting every Bot API call for the monitor (see the module's docstring).
    `channel`: "updates" for the long poll's client, "api" for the others."""

    def __init__(self, *args: Any, channel: str = "api", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._channel = channel

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        try:
            code, payload = await super().do_request(*args, **kwargs)
        except NetworkError as exc:
            MONITOR.telegram_failed(exc, self._channel)
            raise
        MONITOR.telegram_ok(self._channel)
        if code >= 400:
            MONITOR.telegram_refused(code, payload)
        return code, payload


def count_drain(stats: Any) -> None:
    """After a dispatcher drain: its counts into the counters (jobs.scheduling calls this)."""
    REMINDERS_SENT.inc(getattr(stats, "reminders_sent", 0))
    REMINDERS_FAILED.inc(getattr(stats, "failed", 0))
    SUMMARIES_SENT.inc(getattr(stats, "summaries_sent", 0))
    # SUMMARIES_FAILED: counted where a summary is given up (jobs/summary.py).


def status_path_for(settings: Settings) -> Path:
    """STATUS_FILE, else beside the SQLite database (`nhacviec.db.status`), else in the working
    directory (`nhacviec.status`: PostgreSQL, one file per instance)."""
    if settings.status_file:
        return Path(settings.status_file)
    from sqlalchemy.engine import make_url

    from db.engine import is_sqlite, normalise_url

    if is_sqlite(settings.database_url):
        name = make_url(normalise_url(settings.database_url)).database
        if name and name != ":memory:":
            return Path(name).resolve().with_name(Path(name).name + ".status")
    return Path("nhacviec.status").resolve()


async def pending_counts(engine: AsyncEngine) -> tuple[int, int]:
    from sqlalchemy import func, select

    from db.models import Reminder, SummaryRun

    async with engine.connect() as conn:
        reminders = await conn.scalar(
            select(func.count()).select_from(Reminder).where(Reminder.status.in_(("pending", "claimed")))
        )
        summaries = await conn.scalar(
            select(func.count()).select_from(SummaryRun).where(SummaryRun.status.in_(("pending", "claimed")))
        )
    return int(reminders or 0), int(summaries or 0)


async def oldest_due_ages(engine: AsyncEngine, now: datetime) -> tuple[float, float]:
    """Seconds since the oldest reminder, and the oldest weekly summary, became due and are still
    pending or claimed (a retry waiting its turn is late too). Committees whose group removed the bot
    are left out: their reminders wait for it on purpose (README «Sự cố») and must not page anyone."""
    from sqlalchemy import func, select

    from db.models import Committee, Reminder, SummaryRun
    from db.outbox import as_utc

    now = as_utc(now)
    ages = []
    async with engine.connect() as conn:
        for model in (Reminder, SummaryRun):
            oldest = await conn.scalar(
                select(func.min(model.due_at))
                .join(Committee, Committee.id == model.committee_id)
                .where(model.status.in_(("pending", "claimed")), model.due_at <= now, Committee.active.is_(True))
            )
            ages.append(max(0.0, (now - as_utc(oldest)).total_seconds()) if oldest is not None else 0.0)
    return ages[0], ages[1]


def healthy_tick_age(dispatch_interval: float) -> float:
    """How old the last tick may be before the bot counts as stuck: three intervals, at least 2 min."""
    return max(3 * dispatch_interval, 120.0)


# How long Telegram may stay unreachable before the bot counts as unhealthy. A blip of a minute or
# two is common and heals by itself; beyond this no reminder or summary has gone out for that long,
# and a monitor watching only `nhacviec status` or /healthz (no Prometheus) must hear of it.
TELEGRAM_DOWN_ALERT = 300.0


def telegram_down_too_long(reachable: bool, down_since: float | None, last_error_at: float | None, now: float) -> bool:
    """Unreachable for longer than the alert, and still failing: a failed send at night followed by no
    call on that connection until morning leaves the state "unreachable" (Monitor.telegram_ok waits for
    the connection that failed), but it is no outage, and must not page anyone all night."""
    if reachable or down_since is None or now - down_since <= TELEGRAM_DOWN_ALERT:
        return False
    return last_error_at is not None and now - last_error_at <= TELEGRAM_DOWN_ALERT


class MetricsServer:
    """/metrics and /healthz over aiohttp, in the bot's event loop (started in post_init)."""

    def __init__(self, engine: AsyncEngine, listen: str, port: int, clock: Clock | None = None) -> None:
        self._engine = engine
        self._clock = clock
        self._listen = listen
        self._port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        from aiohttp import web

        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/healthz", self._healthz)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self._listen, self._port).start()
        log.info("metrics on http://%s:%d/metrics and /healthz", self._listen, self._port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _metrics(self, _request: web.Request) -> web.Response:
        from aiohttp import web

        try:
            reminders, summaries = await pending_counts(self._engine)
            late = await oldest_due_ages(self._engine, self._clock.now() if self._clock else datetime.now(UTC))
        except Exception:  # the database down: the counters still answer, and this gauge says so
            # (the pending gauges kept the last values they had: a dead database looked like a quiet one).
            DATABASE_UP.set(0)
        else:
            DATABASE_UP.set(1)
            REMINDERS_PENDING.set(reminders)
            SUMMARIES_PENDING.set(summaries)
            REMINDER_LATE.set(late[0])
            SUMMARY_LATE.set(late[1])
        return web.Response(body=generate_latest(REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def _healthz(self, _request: web.Request) -> web.Response:
        from aiohttp import web

        problems = []
        try:
            await pending_counts(self._engine)
        except Exception as exc:
            problems.append(f"database unavailable ({type(exc).__name__})")
        age = MONITOR.tick_age()
        # Before the first tick the age counts from the start: say so (as `nhacviec status` does).
        never = MONITOR.state.last_tick is None
        if age > healthy_tick_age(MONITOR.state.dispatch_interval):
            problems.append(f"dispatcher has not ticked since start-up {age:.0f} s ago" if never
                            else f"dispatcher last ticked {age:.0f} s ago")
        state = MONITOR.state
        if telegram_down_too_long(state.telegram_reachable, state.telegram_down_since,
                                  state.last_telegram_error_at, time.time()):
            problems.append(f"Telegram unreachable for {time.time() - (state.telegram_down_since or 0):.0f} s")
        if problems:
            return web.Response(status=503, text="; ".join(problems) + "\n")
        if never:
            return web.Response(text=f"ok (dispatcher not ticked yet; started {age:.0f} s ago)\n")
        return web.Response(text=f"ok (dispatcher ticked {age:.0f} s ago)\n")


def timed_application_class() -> type:
    """PTB's Application, timing each update it processes (nhacviec_command_seconds)."""
    from telegram.ext import Application

    class TimedApplication(Application):  # type: ignore[type-arg]
        async def process_update(self, update: object) -> None:
            started = time.perf_counter()
            try:
                await super().process_update(update)
            finally:
                COMMAND_SECONDS.observe(time.perf_counter() - started)

    return TimedApplication
