"""`nhacviec … --help` as an administrator reads it: in Vietnamese throughout (argparse's «usage», «options»,
«show this help message and exit» were the only English), and every command says what it does — `status`
said nothing, not even its exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ops.conftest import run_nhacviec


@pytest.mark.parametrize(("command", "says"), [
    ((), "Nhắc việc — bot Telegram của Ban chỉ đạo"),
    (("status",), "Mã thoát 0: BÌNH THƯỜNG; 1: CÓ VẤN ĐỀ"),
    (("restore",), "--check"),
    (("backup",), "--keep N"),
    (("db", "downgrade"), "ví dụ 0009"),
    (("migrate-to-postgres",), "PostgreSQL"),
])
def test_help_is_vietnamese_and_says_what_each_command_does(
    tmp_path: Path, command: tuple[str, ...], says: str
) -> None:
    code, out, err = run_nhacviec(tmp_path, *command, "--help")
    assert code == 0, err
    assert out.startswith("cách dùng: nhacviec")
    assert says in out and "in hướng dẫn này rồi thoát" in out
    for english in ("usage:", "options:", "positional arguments", "show this help message"):
        assert english not in out
