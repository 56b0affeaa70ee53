"""Wiring: build the python-telegram-bot Application with its services. No logic lives here."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import BotCommand
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, Defaults

from bot import texts
from bot.cli import ALLOWED_UPDATES
from bot.clock import Clock, SystemClock
from bot.errors import on_error
from bot.metrics import MetricsServer, ObservedRequest, timed_application_class
from bot.reply_retry import ReplyRetryRateLimiter
from bot.services import Services
from bot.settings import Settings
from bot.webhook import WebhookConfig
from db.engine import create_engine, is_sqlite, session_factory
from db.migrate import upgrade_to_head
from db.outbox import release_stale_claims
from handlers.registry import command_list, register
from jobs.instances import instance_beat
from jobs.scheduling import schedule_jobs

log = logging.getLogger(__name__)


def build_application(settings: Settings, clock: Clock | None = None) -> Application:  # type: ignore[type-arg]
    """The bot, ready for `async with app:` (tests) or `app.run_polling()` (production).

    The database engine is created in post_init, inside the event loop that will use it (an engine made
    in one loop cannot be used from another).
    """
    if not settings.bot_token:
        raise ValueError("BOT_TOKEN is required")
    the_clock = clock or SystemClock()

    async def post_init(app: Application) -> None:  # type: ignore[type-arg]
        engine = create_engine(settings.database_url, busy_timeout=settings.db_busy_timeout)
        await upgrade_to_head(engine)
        sessions = session_factory(engine)
        if is_sqlite(settings.database_url):
            # One instance on SQLite (bot.instance_lock): claims left in the database are a dead
            # process's; send them now rather than after the 5-minute claim lease.
            async with sessions() as s, s.begin():
                released = await release_stale_claims(s)
            if any(released):
                log.warning(
                    "released claims left by a previous run: %d reminders, %d summaries, %d notices", *released
                )
        app.bot_data["services"] = Services(
            settings=settings,
            clock=the_clock,
            engine=engine,
            session_factory=sessions,
            instance_id=uuid.uuid4().hex[:12],
        )
        # Claims in the outbox name it (claimed_by): which process held what, after a crash.
        log.info("instance %s started", app.bot_data["services"].instance_id)
        # Group texts link to the private chat with one tap (t.me/<bot>?start=…): the username is
        # the bot's own, from getMe (Application.initialize asked it already).
        texts.set_bot_username(app.bot.username)
        if not is_sqlite(settings.database_url):
            await instance_beat(app)  # alive before it holds anything (jobs/instances.py)
        try:
            await app.bot.set_my_commands([BotCommand(c, d) for c, d in command_list()])
        except TelegramError as exc:
            log.warning("setMyCommands failed: %s", exc)
        schedule_jobs(app)
        if settings.webapp_url:
            await start_board(app, settings)
        if settings.metrics_port:
            app.bot_data["metrics_server"] = MetricsServer(
                engine, settings.metrics_listen, settings.metrics_port, the_clock
            )
            await app.bot_data["metrics_server"].start()

    async def post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
        runner = app.bot_data.pop(BOARD_RUNNER, None)
        if runner is not None:
            await runner.cleanup()
        server = app.bot_data.pop("metrics_server", None)
        if server is not None:
            await server.stop()
        services = app.bot_data.get("services")
        if services is not None:
            await services.engine.dispose()

    app = (
        ApplicationBuilder()
        # Times each update (bot.metrics); the requests note 429s and Telegram's reachability.
        .application_class(timed_application_class())
        .token(settings.bot_token)
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_file_url)
        .defaults(Defaults(tzinfo=settings.tz))
        # Keeps replies under Telegram's limits (30/s overall, 20/min per group). Two retries on 429 for
        # replies; the reminder dispatcher handles 429 itself (PTB #5338). Replies are also retried on
        # 5xx, dropped connections and timeouts (bot/reply_retry.py says why).
        .rate_limiter(ReplyRetryRateLimiter(max_retries=2))
        .request(ObservedRequest(connection_pool_size=256, read_timeout=settings.api_timeout))
        .get_updates_request(ObservedRequest(connection_pool_size=1, channel="updates"))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    register(app)
    app.add_error_handler(on_error)
    return app


BOARD_RUNNER = "board_runner"
BOARD_ADDRESS = "board_address"


async def start_board(app: Application, settings: Settings) -> None:  # type: ignore[type-arg]
    """Serve the board (bot/board) on WEBAPP_LISTEN:WEBAPP_PORT and make it the bot's menu button."""
    from aiohttp import web
    from telegram import MenuButtonWebApp, WebAppInfo

    from bot.board.server import Board
    from bot.texts import BOARD_MENU

    root = web.Application()
    root.add_subapp("/board/", Board(app).web_app())
    runner = web.AppRunner(root, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, settings.webapp_listen, settings.webapp_port).start()
    app.bot_data[BOARD_RUNNER] = runner
    host, port = runner.addresses[0][:2]
    app.bot_data[BOARD_ADDRESS] = f"http://{host}:{port}/board/"  # port 0: the one the system chose
    log.info("board served on %s:%s for %s", settings.webapp_listen, settings.webapp_port, settings.webapp_url)
    try:
        await app.bot.set_chat_menu_button(menu_button=MenuButtonWebApp(BOARD_MENU, WebAppInfo(settings.webapp_url)))
    except TelegramError as exc:
        log.warning("setChatMenuButton failed: %s", exc)


@asynccontextmanager
async def running(
    app: Application,  # type: ignore[type-arg]
    *,
    poll_timeout: float = 1.0,
    webhook: WebhookConfig | None = None,
) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Run the bot inside the caller's event loop (tests, the sandbox), as run_polling (or, given a
    `webhook`, run_webhook) would, but without taking over the loop: initialize, post_init, start
    the updater and the job queue."""
    async with app:
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        assert app.updater is not None
        if webhook is None:
            await app.updater.start_polling(
                poll_interval=0.0, timeout=int(poll_timeout) or 1, allowed_updates=ALLOWED_UPDATES
            )
        else:
            await app.updater.start_webhook(**webhook.server_options(), allowed_updates=ALLOWED_UPDATES)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            if app.post_shutdown is not None:
                await app.post_shutdown(app)
