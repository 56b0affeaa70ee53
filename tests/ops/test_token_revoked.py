"""The token revoked (or replaced with /revoke in @BotFather) while the bot runs: it used to stay up, deaf —
PTB gave up polling, `nhacviec status` said «BÌNH THƯỜNG» — until someone restarted it. Now it stops with one
clear line and exit 2 (which systemd does not restart), and `nhacviec status` says there is a problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import texts as T
from emulator import Emulator, World
from tests.conftest import using_postgres
from tests.faults_db.conftest import finish, start_cli, stop
from tests.ops.test_monitoring import STARTUP, nhacviec_status

pytestmark = [pytest.mark.skipif(using_postgres(), reason="the token, not the database")]


async def test_a_token_revoked_while_running_stops_the_bot_with_what_to_do(tmp_path: Path) -> None:
    world = World()
    lan = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    database = tmp_path / "nhacviec.db"
    settings = {"DATABASE_URL": f"sqlite:///{database}", "NHACVIEC_ENV_FILE": str(tmp_path / "nhacviec.env")}
    (tmp_path / "nhacviec.env").write_text("LOG_LEVEL=INFO\n")
    async with Emulator(world) as emu:
        proc = await start_cli(tmp_path, BOT_TOKEN=world.token, TELEGRAM_API_URL=emu.base_url, **settings)
        try:
            world.start_private(lan)
            await world.wait_for(chat=world.private_chat(lan), timeout=STARTUP)  # running, answering
            world.token = "5000000001:AAANewTokenAfterRevokeInBotFather_x"  # what /revoke does
            code, output = await finish(proc, wait=STARTUP)
        finally:
            await stop(proc)
    assert code == 2
    assert T.OPS15_TOKEN_REVOKED in output
    assert T.CONFIG_FILE_IS.format(path=tmp_path / "nhacviec.env") in output  # which file to fix
    assert "Traceback" not in output and "Event loop is closed" not in output
    status, said = await nhacviec_status(tmp_path, **settings)
    assert status == 1 and "CÓ VẤN ĐỀ" in said


async def test_a_webhook_address_telegram_refuses_is_told_as_refused_not_as_no_network(tmp_path: Path) -> None:
    """setWebhook answered 400 («https url must be provided»): Telegram was reached. The bot said «Không kết nối
    được máy chủ Telegram … tường lửa, proxy» (exit 5) and sent the administrator to the wrong place."""
    world = World()  # as Telegram: only https webhooks
    async with Emulator(world) as emu:
        proc = await start_cli(
            tmp_path, BOT_TOKEN=world.token, TELEGRAM_API_URL=emu.base_url,
            DATABASE_URL=f"sqlite:///{tmp_path / 'nhacviec.db'}",
            WEBHOOK_URL="http://bot.phuong.gov.vn/nhacviec-Xk3v9QpL2mTz8RwA", WEBHOOK_SECRET="f8Jq2-Zr7Tn_0wYc4LbE9sKd",
            WEBHOOK_LISTEN="127.0.0.1", WEBHOOK_PORT="0",
        )
        code, output = await finish(proc, wait=STARTUP)
    assert code == 2  # a setting to fix: systemd does not restart it
    assert "Telegram từ chối khi bot khởi động: Bad webhook: https url must be provided" in output
    assert "WEBHOOK_URL" in output and "Không kết nối được" not in output and "Traceback" not in output
    assert "Xk3v9QpL2mTz8RwA" not in output  # the secret path is never printed
