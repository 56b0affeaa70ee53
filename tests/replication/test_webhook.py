"""Webhook mode on its own (SQLite or PostgreSQL): the settings it insists on, and one instance fed
by the emulator's webhook pusher — answering what Telegram pushes, refusing what it did not."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest

from bot.app import build_application, running
from bot.cli import run_bot
from bot.clock import ManualClock
from bot.settings import Settings
from bot.webhook import WebhookConfigError, webhook_config
from emulator import Emulator, World

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SECRET = "a-Long_random-Secret-123"
PATH = "nhacviec-9d2c41f0aa"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


def hook_settings(**changes: object) -> Settings:
    values: dict[str, object] = {
        "bot_token": "123:AAThisIsAWellFormedTokenForTests_xyz",
        "webhook_url": f"https://bot.tinh.gov.vn/{PATH}",
        "webhook_secret": SECRET,
        "webhook_listen": "127.0.0.1",
        "webhook_port": 8443,
    }
    values.update(changes)
    return Settings(**values)  # type: ignore[arg-type]


def test_webhook_config_takes_the_path_of_the_public_url() -> None:
    hook = webhook_config(hook_settings())
    assert (hook.listen, hook.port, hook.url_path) == ("127.0.0.1", 8443, PATH)
    assert hook.secret_token == SECRET
    assert SECRET not in repr(hook) and PATH not in repr(hook)  # secrets stay out of logs


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"webhook_url": None}, "WEBHOOK_URL"),
        ({"webhook_url": "https://bot.tinh.gov.vn/"}, "đường dẫn bí mật"),
        ({"webhook_secret": None}, "WEBHOOK_SECRET"),
        ({"webhook_secret": "có dấu và khoảng trắng"}, "WEBHOOK_SECRET"),
        ({"webhook_secret": "x" * 257}, "WEBHOOK_SECRET"),
    ],
)
def test_webhook_config_refuses_an_unguarded_webhook(changes: dict[str, object], says: str) -> None:
    with pytest.raises(WebhookConfigError, match=says):
        webhook_config(hook_settings(**changes))


def test_run_refuses_to_start_a_webhook_without_its_secret(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = hook_settings(webhook_secret=None, database_url=f"sqlite:///{tmp_path / 'bot.db'}")
    assert run_bot(settings, webhook=True) == 2
    assert "WEBHOOK_SECRET" in capsys.readouterr().err
    assert not (tmp_path / "bot.db").exists()  # refused before touching anything


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.e2e
async def test_one_webhook_instance_answers_pushed_updates_and_refuses_forged_ones(database_url: str) -> None:
    clock = ManualClock(START)
    world = World(clock=clock)
    async with Emulator(world, http_webhooks=True) as emu:
        port = free_port()
        settings = Settings(
            bot_token=world.token,
            database_url=database_url,
            telegram_api_url=emu.base_url,
            webhook_url=f"http://127.0.0.1:{port}/{PATH}",
            webhook_listen="127.0.0.1",
            webhook_port=port,
            webhook_secret=SECRET,
            dispatch_interval=3600,
        )
        app = build_application(settings, clock)
        async with running(app, webhook=webhook_config(settings)):
            assert (world.webhook_url, world.webhook_secret) == (settings.webhook_url, SECRET)
            # People joining, leaving, promoted and demoted reach the bot in webhook mode too.
            assert {"chat_member", "my_chat_member"} <= world.allowed_updates
            chair = world.add_user("Lan", "Nguyễn", username="lan_chutich")
            group = world.add_group("BCĐ Chuyển đổi số", creator=chair)
            world.send_text(chair, group, "/huongdan")
            answer = await world.wait_for(lambda m: "/giao" in m.plain, chat=group)
            await world.wait_idle(update_queue=app.update_queue)
            assert world.webhook_pushes >= 1 and not world.webhook_refusals
            before = len(world.bot_messages())

            forged = {
                "update_id": 5,
                "message": {
                    "message_id": 77, "date": 0, "text": "/huongdan",
                    "chat": {"id": group.id, "type": "group", "title": group.title},
                    "from": {"id": chair.id, "is_bot": False, "first_name": "Lan"},
                },
            }
            async with aiohttp.ClientSession() as http:
                for headers in ({}, {HEADER: "not-the-secret"}):
                    async with http.post(settings.webhook_url or "", json=forged, headers=headers) as r:
                        assert r.status == 403
            await world.wait_idle(update_queue=app.update_queue)
            assert len(world.bot_messages()) == before  # nothing answered the forged update
            assert "Nhắc việc" in answer.plain
