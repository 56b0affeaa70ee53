"""A mistyped `nhacviec …` command as the administrator sees it: exit 2, the usage of the command typed, one
Vietnamese line saying what is wrong, and where the options are explained. argparse's own lines («usage:»,
«error: unrecognized arguments», «the following arguments are required») were the last English left."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.ops.conftest import run_nhacviec

ENGLISH = ("usage:", "error:", "unrecognized", "required", "expected", "invalid", "choose from", "argument ")


def typed(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """What `nhacviec ARGV` answers: exit code, stdout, stderr (argparse exits through SystemExit)."""
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(stopped.value.code or 0), out, err


@pytest.mark.parametrize(("argv", "usage", "line"), [
    # a wrong flag: the command typed says it, not `nhacviec` (argparse handed the extras up to the top)
    (("status", "--verbose"), "cách dùng: nhacviec status",
     "nhacviec status: lỗi: lệnh này không có tham số hay tùy chọn: --verbose"),
    (("run", "--webhok"), "cách dùng: nhacviec run",
     "nhacviec run: lỗi: lệnh này không có tham số hay tùy chọn: --webhok"),
    (("db", "current", "--all"), "cách dùng: nhacviec db current",
     "nhacviec db current: lỗi: lệnh này không có tham số hay tùy chọn: --all"),
    (("sandbox", "--prot", "8081"), "cách dùng: nhacviec sandbox",
     "nhacviec sandbox: lỗi: lệnh này không có tham số hay tùy chọn: --prot 8081"),
    (("parse", "--yaml", "x"), "cách dùng: nhacviec parse",
     "nhacviec parse: lỗi: lệnh này không có tham số hay tùy chọn: --yaml"),
    # a missing argument or command
    ((), "cách dùng: nhacviec [-h]", "nhacviec: lỗi: thiếu tham số bắt buộc: LỆNH"),
    (("restore",), "cách dùng: nhacviec restore", "nhacviec restore: lỗi: thiếu tham số bắt buộc: TỆP"),
    (("db",), "cách dùng: nhacviec db", "nhacviec db: lỗi: thiếu tham số bắt buộc: LỆNH"),
    (("db", "downgrade"), "cách dùng: nhacviec db downgrade",
     "nhacviec db downgrade: lỗi: thiếu tham số bắt buộc: REV"),
    (("migrate-to-postgres",), "cách dùng: nhacviec migrate-to-postgres",
     "nhacviec migrate-to-postgres: lỗi: thiếu tham số bắt buộc: --to"),
    (("backup", "--to"), "cách dùng: nhacviec backup", "nhacviec backup: lỗi: tham số --to: cần một giá trị theo sau"),
    # a command or a value that does not exist
    (("chay",), "cách dùng: nhacviec [-h]", "nhacviec: lỗi: tham số LỆNH: không có 'chay' (chọn một trong: 'run',"),
    (("sandbox", "--port", "80800"), "cách dùng: nhacviec sandbox",
     "nhacviec sandbox: lỗi: tham số --port: cổng phải là một số từ 1 đến 65535, không phải «80800»"),
    (("backup", "--keep", "0"), "cách dùng: nhacviec backup", "nhacviec backup: lỗi: tham số --keep: --keep cần"),
])
def test_a_mistyped_command_is_told_in_vietnamese_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...], usage: str, line: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # a database made by mistake would show here
    code, out, err = typed(capsys, *argv)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith(usage)
    assert any(each.startswith(line) for each in lines), err
    prog = line.split(":")[0]
    assert lines[-1] == f"Xem hướng dẫn: {prog} --help"
    for english in ENGLISH:
        assert english not in err, english
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("argv", "says"), [
    (("sandbox",), "--port CỔNG"),
    (("parse",), "--date NGÀY"),
    (("db", "upgrade"), "--no-backup"),
])
def test_help_of_every_command_is_vietnamese(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...],
                                             says: str) -> None:
    code, out, err = typed(capsys, *argv, "--help")
    assert code == 0 and err == ""
    assert out.startswith(f"cách dùng: nhacviec {' '.join(argv)}")
    assert says in out and "in hướng dẫn này rồi thoát" in out and "tùy chọn:" in out
    for english in ("usage:", "options:", "positional arguments", "show this help", "show program's"):
        assert english not in out


def test_top_help_names_every_command_and_the_version_option_in_vietnamese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _err = typed(capsys, "--help")
    assert code == 0
    assert any(line.split() == ["--version", "in", "phiên", "bản", "rồi", "thoát"] for line in out.splitlines())
    for command in ("run", "backup", "restore", "status", "db", "migrate-to-postgres", "parse", "sandbox"):
        assert f"\n    {command} " in out or f"\n    {command}\n" in out


def test_the_installed_command_says_it_the_same_way(tmp_path: Path) -> None:
    """Through the `nhacviec` script an administrator runs (a subprocess): exit code and stderr."""
    code, out, err = run_nhacviec(tmp_path, "restore", "--keep-aside", "2")
    assert (code, out) == (2, "")
    assert err.splitlines()[-2:] == ["nhacviec restore: lỗi: thiếu tham số bắt buộc: TỆP",
                                    "Xem hướng dẫn: nhacviec restore --help"]
