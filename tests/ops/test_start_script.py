"""`scripts/start.sh` writes the first `.env` readable by its owner only (it holds the token and the
database password; `cp .env.example .env` gave 0644), and tightens a `.env` others could read."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

from tests.conftest import no_database

pytestmark = no_database

ROOT = Path(__file__).resolve().parents[2]


def checkout(tmp_path: Path) -> Path:
    """The script, .env.example and an installed .venv whose `nhacviec` only says how it was called."""
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "start.sh", tmp_path / "scripts" / "start.sh")
    shutil.copy2(ROOT / ".env.example", tmp_path / ".env.example")
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "nhacviec").write_text('#!/bin/sh\necho "nhacviec $*"\n')
    (bin_dir / "nhacviec").chmod(0o755)
    (tmp_path / ".venv" / ".installed").touch()
    os.utime(tmp_path / "pyproject.toml", (0, 0))  # older than the install: no reinstall
    return tmp_path


def start(folder: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "BOT_TOKEN": "123:abc"}
    return subprocess.run(["bash", "scripts/start.sh"], cwd=folder, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def test_the_first_env_is_written_0600_and_a_readable_one_is_tightened(tmp_path: Path) -> None:
    folder = checkout(tmp_path)
    done = start(folder)
    assert done.returncode == 0 and done.stdout.strip() == "nhacviec run", done.stderr
    env = folder / ".env"
    assert stat.S_IMODE(env.stat().st_mode) == 0o600
    assert env.read_text() == (folder / ".env.example").read_text()

    env.chmod(0o644)
    done = start(folder)
    assert done.returncode == 0 and "0600" in done.stderr
    assert stat.S_IMODE(env.stat().st_mode) == 0o600
