"""`nhacviec sandbox --db FILE` never works on a running bot's database (it would move the clock, send
the real reminders to its emulator and release the bot's claims), and refuses any database that is not
a sandbox's own unless told so (--force). A sandbox's database is marked (SQLite's application_id)."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from bot import texts as T
from bot.instance_lock import InstanceLock
from bot.sandbox_cli import SANDBOX_APPLICATION_ID
from db.engine import create_engine
from db.migrate import upgrade_to_head
from tests.conftest import using_postgres
from tests.ops.conftest import clean_env, nhacviec, run_nhacviec
from tests.ops.test_monitoring import free_port

pytestmark = pytest.mark.skipif(using_postgres(), reason="the sandbox runs on SQLite")


def production_database(path: Path) -> None:
    async def migrate() -> None:
        engine = create_engine(f"sqlite:///{path}")
        await upgrade_to_head(engine)
        await engine.dispose()

    asyncio.run(migrate())


def application_id(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])


def test_the_sandbox_refuses_a_database_locked_by_a_running_bot(tmp_path: Path) -> None:
    database = tmp_path / "nhacviec.db"
    production_database(database)
    before = database.read_bytes()
    bot = InstanceLock(f"sqlite:///{database}")  # what `nhacviec run` holds while it runs
    bot.acquire()
    try:
        for force in ([], ["--force"]):  # not even with --force
            port = str(free_port())
            code, _, err = run_nhacviec(tmp_path, "sandbox", "--db", str(database), "--port", port, *force)
            assert code == 3
            assert T.SANDBOX_DB_IN_USE.format(lock=f"{database}.lock") in err
    finally:
        bot.release()
    assert database.read_bytes() == before


def test_the_sandbox_refuses_a_database_that_is_not_its_own(tmp_path: Path) -> None:
    database = tmp_path / "nhacviec.db"
    production_database(database)
    before = database.read_bytes()
    code, _, err = run_nhacviec(tmp_path, "sandbox", "--db", str(database), "--port", str(free_port()))
    assert code == 2
    assert T.SANDBOX_NOT_ITS_DATABASE.format(path=database) in err
    assert database.read_bytes() == before


def start_sandbox(cwd: Path, *args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([*nhacviec(), "sandbox", "--port", str(free_port()), *args], cwd=cwd, env=clean_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the start-up message, once serving
    assert first.startswith("Nhắc việc — bản chạy thử"), first + proc.stdout.read()
    return proc


def stop_sandbox(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGINT)
    assert proc.wait(60) == 0


def test_the_sandbox_marks_its_own_database_and_reopens_it_and_force_opens_another(tmp_path: Path) -> None:
    own = tmp_path / "thu.db"
    stop_sandbox(start_sandbox(tmp_path, "--db", str(own)))
    assert application_id(own) == SANDBOX_APPLICATION_ID
    stop_sandbox(start_sandbox(tmp_path, "--db", str(own)))  # its own: no question asked

    other = tmp_path / "nhacviec.db"
    production_database(other)
    stop_sandbox(start_sandbox(tmp_path, "--db", str(other), "--force"))
    assert application_id(other) == 0  # not marked as a sandbox's by being forced open


def _api(port: int, path: str, body: dict[str, object] | None = None) -> dict[str, object]:
    import json
    import urllib.request

    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as res:
        return dict(json.loads(res.read()))


def test_a_sandbox_started_again_on_its_database_resumes_its_clock_and_its_chat(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    own = tmp_path / "thu.db"

    def start() -> tuple[subprocess.Popen[str], int]:
        port = free_port()
        proc = subprocess.Popen([*nhacviec(), "sandbox", "--port", str(port), "--db", str(own)], cwd=tmp_path,
                                env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("Nhắc việc — bản chạy thử"), first + proc.stdout.read()
        return proc, port

    proc, port = start()
    state = _api(port, "/api/state")
    chair = next(p["id"] for p in state["personas"] if p["key"] == "chair")  # type: ignore[index,union-attr]
    group = state["group"]["id"]  # type: ignore[index]
    _api(port, "/api/clock", {"step": "week"})
    _api(port, "/api/send", {"user": chair, "chat": group, "text": "/giao Văn phòng rà soát hồ sơ trước 30/12"})
    left = datetime.fromisoformat(str(_api(port, "/api/state")["clock"]["iso"]))  # type: ignore[index]
    stop_sandbox(proc)

    proc, port = start()
    try:
        again = _api(port, "/api/state")
        resumed = datetime.fromisoformat(str(again["clock"]["iso"]))  # type: ignore[index]
        assert left <= resumed < left + timedelta(minutes=1)  # where it was left (the clock runs on, in real time)
        assert resumed > datetime.now(UTC) + timedelta(days=6)  # not the wall clock
        chats = _api(port, f"/api/poll?user={chair}&since=-1&timeout=0")["result"]["chats"]  # type: ignore[index]
        texts = [m.get("text") or "" for m in chats[0]["messages"]]
        assert "/giao Văn phòng rà soát hồ sơ trước 30/12" in texts
        assert any(t.startswith("✅") or "#1" in t for t in texts if not t.startswith("/giao"))
    finally:
        stop_sandbox(proc)


def test_over_ssh_the_sandbox_says_how_to_open_its_page_from_ones_own_computer() -> None:
    """An administrator runs scripts/start.sh on the district's server over SSH: the page listens on the
    server's 127.0.0.1, and http://127.0.0.1:8080 on their own computer showed nothing. The start
    message now gives the tunnel line; not over SSH, or listening elsewhere, nothing is added."""
    import getpass

    from bot.sandbox_cli import ssh_hint

    ssh = {"SSH_CONNECTION": "10.0.0.20 51234 10.0.0.5 22"}
    hint = ssh_hint("127.0.0.1", 8080, ssh)
    assert hint is not None
    assert f"ssh -L 8080:127.0.0.1:8080 {getpass.getuser()}@10.0.0.5" in hint
    assert "http://127.0.0.1:8080" in hint
    assert ssh_hint("127.0.0.1", 8080, {}) is None
    assert ssh_hint("0.0.0.0", 8080, ssh) is None
    v6 = ssh_hint("127.0.0.1", 8099, {"SSH_CONNECTION": "fe80::1 51234 2001:db8::5 22"})
    assert v6 is not None and "@[2001:db8::5]" in v6
