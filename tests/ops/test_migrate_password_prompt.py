"""`nhacviec migrate-to-postgres --to postgresql://nhacviec@máy/nhacviec`: the password asked for at the terminal
(not echoed) instead of typed into the command line, where it stayed in the shell's history and in sudo's line
of the journal. The README's command now leaves it out."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot import texts as T
from bot.migrate_pg import with_password
from tests.conftest import using_postgres
from tests.ops.conftest import clean_env, nhacviec, with_history

pytestmark = pytest.mark.skipif(using_postgres(), reason="a SQLite database to move; PostgreSQL is not reached")

PASSWORD = "p@ss/Wörd:9"


def test_a_url_without_password_gets_the_one_typed_and_a_url_with_one_is_left_alone() -> None:
    asked = with_password("postgresql://nhacviec@10.0.0.10:5432/nhacviec", lambda: PASSWORD)
    assert make_url(asked).password == PASSWORD and make_url(asked).host == "10.0.0.10"

    def never() -> str:
        raise AssertionError("asked although the URL has a password")

    assert with_password("postgresql://nhacviec:x@10.0.0.10/nhacviec", never).endswith(":x@10.0.0.10/nhacviec")
    assert with_password("postgresql://nhacviec@10.0.0.10/nhacviec", None) == "postgresql://nhacviec@10.0.0.10/nhacviec"


def read_until(fd: int, wanted: str, within: float = 60) -> str:
    seen = b""
    end = time.monotonic() + within
    while wanted.encode() not in seen and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    return seen.decode(errors="replace")


def test_at_a_terminal_the_password_is_asked_for_and_never_shown(tmp_path: Path, history_file: Path) -> None:
    url = with_history(history_file, tmp_path / "nhacviec.db")
    master, slave = pty.openpty()
    proc = subprocess.Popen([*nhacviec(), "migrate-to-postgres", "--to", "postgresql://nhacviec@127.0.0.1:9/nhacviec"],
                            cwd=tmp_path, env=clean_env(DATABASE_URL=url), stdin=slave, stdout=slave, stderr=slave,
                            start_new_session=True)
    os.close(slave)
    try:
        assert T.OPS15_PG_PASSWORD_PROMPT.strip() in read_until(master, T.OPS15_PG_PASSWORD_PROMPT.strip())
        os.write(master, PASSWORD.encode() + b"\n")
        said = read_until(master, "Không chuyển được")
        assert proc.wait(60) == 1  # nothing listens on port 9: the move is refused, nothing written
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        os.close(master)
    assert "Không chuyển được" in said
    assert "p@ss" not in said and "Wörd" not in said  # not echoed, not in the error
