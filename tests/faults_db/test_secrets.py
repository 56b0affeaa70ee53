"""The bot token and the database password never appear in logs, in what `nhacviec run` prints, or
in what users read — whichever way they leak in: PTB's InvalidToken quotes the token, httpx logs
request URLs (which carry the token), a driver error or a traceback may quote the database URL."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from bot import texts as T
from bot.logging_setup import LOG_FORMAT, RedactingFormatter
from bot.settings import Settings
from db import tasks as db_tasks
from emulator import Emulator, World
from emulator.world import DEFAULT_TOKEN
from tests.conftest import using_postgres
from tests.faults_db.conftest import bot_env, command, finish, start_cli

# None of this depends on the database server: once, in the SQLite pass.
pytestmark = pytest.mark.skipif(using_postgres(), reason="secrets do not depend on the database; run once")

PASSWORD = "S3cr3t@pw/x"  # with characters that must be URL-encoded
ENCODED = "S3cr3t%40pw%2Fx"
PG_URL = f"postgresql://nhacviec:{ENCODED}@127.0.0.1:1/nhacviec"  # port 1: nothing listens there
BAD_TOKEN = "123456789:AAThisTokenWasRevokedLongAgo_xyz"


def leaks(text: str, *secrets: str) -> list[str]:
    return [s for s in secrets if s in text]


def test_settings_list_every_secret() -> None:
    settings = Settings(
        bot_token=BAD_TOKEN,
        database_url=PG_URL,
        webhook_secret="hook-secret-123",
        webhook_url="https://bot.example.vn/tg-7f3a9c2e41",
    )
    secrets = settings.secrets
    assert {BAD_TOKEN, PASSWORD, ENCODED, PG_URL, "hook-secret-123", "tg-7f3a9c2e41"} <= set(secrets)
    assert PASSWORD not in repr(settings) and BAD_TOKEN not in repr(settings)
    assert PASSWORD not in settings.safe_database_url and ENCODED not in settings.safe_database_url
    # An unparsable URL cannot be split: all of it is secret.
    broken = Settings(bot_token=BAD_TOKEN, database_url="postgresql://u:pw-9@host:notaport/db")
    assert "postgresql://u:pw-9@host:notaport/db" in broken.secrets
    assert Settings(bot_token=BAD_TOKEN).secrets == [BAD_TOKEN]  # SQLite: no password


def test_tracebacks_and_exception_args_are_masked() -> None:
    """The formatter masks the whole formatted record: a traceback quotes the exception's args."""
    formatter = RedactingFormatter(LOG_FORMAT, Settings(bot_token=BAD_TOKEN, database_url=PG_URL).secrets)
    record = None
    try:
        raise ConnectionError(f"cannot reach {PG_URL} (password {PASSWORD}) for bot{BAD_TOKEN}")
    except ConnectionError as exc:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed: %s", (exc,), (type(exc), exc, None))
    text = formatter.format(record)
    assert "ConnectionError" in text and "<secret>" in text
    assert leaks(text, BAD_TOKEN, PASSWORD, ENCODED, "AAThisTokenWasRevoked") == []
    # A token or a URL password the settings do not know (another bot, a URL typed in an error).
    unknown = RedactingFormatter(LOG_FORMAT, [])
    other = "987654321:AAAnotherBotsTokenThatNobodyListed"
    line = unknown.format(
        logging.LogRecord("x", logging.INFO, __file__, 1, "GET https://api/bot%s and mysql://root:hunter2@db/x",
                          (other,), None)
    )
    assert leaks(line, other, "hunter2") == []


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    """The root logger as `nhacviec run` configures it (bot.logging_setup), written to a buffer;
    httpx at INFO, where it logs every request URL — the token included."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    # What `nhacviec run` would mask with the emulator's token and a PostgreSQL URL with a password.
    handler.setFormatter(RedactingFormatter(LOG_FORMAT, Settings(bot_token=DEFAULT_TOKEN, database_url=PG_URL).secrets))
    root, httpx_logger = logging.getLogger(), logging.getLogger("httpx")
    levels = root.level, httpx_logger.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    httpx_logger.setLevel(logging.INFO)
    try:
        yield buffer
    finally:
        root.removeHandler(handler)
        root.setLevel(levels[0])
        httpx_logger.setLevel(levels[1])


async def test_through_the_real_app_users_see_no_internals_and_logs_no_secrets(
    database_url: str, captured_logs: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with bot_env(database_url) as env:
        token = env.world.token
        assert token == DEFAULT_TOKEN
        lan = env.world.add_user("Lan", "Nguyễn")
        group = env.world.add_group("BCĐ Chuyển đổi số", creator=lan)
        await env.idle()

        def failing(message: str, exc: type[Exception]):  # type: ignore[no-untyped-def]
            async def boom(*_args: object, **_kwargs: object) -> None:
                if exc is OperationalError:
                    raise OperationalError("SELECT 1", {}, ConnectionError(message))
                raise exc(message)

            return boom

        detail = f"connect {PG_URL} password={PASSWORD} token={token}"
        monkeypatch.setattr(db_tasks, "open_tasks_of_person", failing(detail, RuntimeError))
        bug = await command(env, lan, group, "/viec")
        monkeypatch.setattr(db_tasks, "open_tasks_of_person", failing(detail, OperationalError))
        down = await command(env, lan, group, "/viec")
    assert bug.plain == T.GENERIC_ERROR
    assert down.plain == T.DB_BUSY
    for answer in (bug, down):
        assert leaks(answer.plain, token, PASSWORD, ENCODED, "RuntimeError", "Traceback", "postgresql") == []

    logs = captured_logs.getvalue()
    assert "HTTP Request: POST" in logs  # httpx did log the request URLs ...
    assert "/bot<secret>/" in logs or "/bot<token>/" in logs  # ... masked
    assert "Traceback" in logs and "RuntimeError" in logs  # the details are in the log, for the admin
    assert leaks(logs, token, token.split(":")[1], PASSWORD, ENCODED) == []


async def run_cli(tmp_path: Path, **env: str) -> tuple[int, str]:
    return await finish(await start_cli(tmp_path, LOG_LEVEL="DEBUG", **env))


async def test_cli_with_a_bad_token_says_so_without_printing_it(tmp_path: Path) -> None:
    world = World()
    async with Emulator(world) as emu:
        code, output = await run_cli(
            tmp_path, BOT_TOKEN=BAD_TOKEN, TELEGRAM_API_URL=emu.base_url, DATABASE_URL=f"sqlite:///{tmp_path}/a.db"
        )
    assert code == 2
    assert T.BAD_TOKEN in output
    assert leaks(output, BAD_TOKEN, BAD_TOKEN.split(":")[1]) == []


async def test_cli_with_an_unreachable_database_names_it_without_the_password(tmp_path: Path) -> None:
    world = World()
    async with Emulator(world) as emu:
        code, output = await run_cli(
            tmp_path, BOT_TOKEN=world.token, TELEGRAM_API_URL=emu.base_url, DATABASE_URL=PG_URL
        )
    assert code == 4, output
    assert T.DB_UNREACHABLE.format(url="postgresql://nhacviec:<secret>@127.0.0.1:1/nhacviec") in output
    assert leaks(output, PASSWORD, ENCODED, world.token) == []


async def test_cli_with_an_unparsable_database_url_does_not_echo_it(tmp_path: Path) -> None:
    world = World()
    url = f"postgresql://nhacviec:{ENCODED}@127.0.0.1:notaport/nhacviec"
    async with Emulator(world) as emu:
        code, output = await run_cli(tmp_path, BOT_TOKEN=world.token, TELEGRAM_API_URL=emu.base_url, DATABASE_URL=url)
    assert code == 2  # a setting to fix (bot/config_check.py), told before anything opens the URL
    assert T.DBURL_UNREADABLE in output
    assert leaks(output, PASSWORD, ENCODED, world.token) == []
