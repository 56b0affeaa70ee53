"""The systemd units as shipped (deploy/), checked by systemd's own `systemd-analyze verify` — what the README
tells an administrator to run after `systemctl edit --full`. On a machine without /opt/nhacviec the only
complaint would be the missing ExecStart program, so the test points it at an executable that exists:
anything else systemd reports (a misspelt directive, a bad value, a wrong section) fails the test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import no_database

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
INSTALLED = "/opt/nhacviec/.venv/bin/nhacviec"

pytestmark = [no_database, pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")]


@pytest.mark.parametrize(("unit", "name"), [("nhacviec.service", "nhacviec.service"),
                                            ("nhacviec@.service", "nhacviec@8081.service")])
def test_systemd_analyze_verify_reports_nothing(tmp_path: Path, unit: str, name: str) -> None:
    text = (DEPLOY / unit).read_text()
    assert INSTALLED in text  # the path install-service.sh installs to (README)
    copy = tmp_path / name
    copy.write_text(text.replace(INSTALLED, sys.executable))
    done = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr.strip()) == (0, ""), done.stderr
