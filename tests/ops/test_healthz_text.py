"""/healthz says what happened: a dispatcher that has not ticked yet is not said to have "ticked 5 s ago"
(walked by helper ops11: `nhacviec status` said «chưa quét lần nào» while /healthz said «ticked 5 s ago»)."""

from __future__ import annotations

import time
from pathlib import Path

from bot.metrics import MONITOR, MetricsServer
from db.engine import create_engine
from db.migrate import upgrade_to_head
from tests.conftest import no_database

pytestmark = no_database


async def test_healthz_tells_not_ticked_yet_from_ticked(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'nhacviec.db'}")
    await upgrade_to_head(engine)
    server = MetricsServer(engine, "127.0.0.1", 0)
    try:
        MONITOR.configure(None, mode="polling", dispatch_interval=30)
        answer = await server._healthz(None)  # type: ignore[arg-type]
        assert answer.status == 200 and answer.text == "ok (dispatcher not ticked yet; started 0 s ago)\n"

        MONITOR.state.started = time.time() - 600  # stuck at start-up: never ticked in ten minutes
        answer = await server._healthz(None)  # type: ignore[arg-type]
        assert answer.status == 503 and answer.text == "dispatcher has not ticked since start-up 600 s ago\n"

        MONITOR.ticked()
        answer = await server._healthz(None)  # type: ignore[arg-type]
        assert answer.status == 200 and answer.text == "ok (dispatcher ticked 0 s ago)\n"
    finally:
        MONITOR.configure(None, mode="polling", dispatch_interval=30)
        await engine.dispose()
