"""A DATABASE_URL the administrator mistyped (no scheme, two slashes, a misspelt driver, a port that is not
a number, a folder that does not exist): `nhacviec run` and the admin commands say in one Vietnamese line
what is wrong and how the URL is written, exit 2 (systemd does not restart), never a traceback, never the
password. Before (walked by helper ops11): a traceback of SQLAlchemy, exit 1, restarted every 5 seconds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import texts as T
from tests.conftest import no_database
from tests.ops.conftest import run_nhacviec

TOKEN = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
PASSWORD = "Mk@2026/bcd"
REPO = Path(__file__).resolve().parents[2]

pytestmark = no_database


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("nhacviec.db", T.DBURL_UNREADABLE),
        ("sqlite://nhacviec.db", T.DBURL_SQLITE_SLASHES),
        (f"postgre://nhacviec:{PASSWORD}@10.0.0.10/nhacviec", T.DBURL_UNKNOWN_KIND.format(kind="postgre")),
        (f"postgresql://nhacviec:{PASSWORD}@10.0.0.10:cong/nhacviec", T.DBURL_UNREADABLE),
        ("sqlite:////khong/co/thu-muc/nhacviec.db", T.DBURL_NO_FOLDER.format(folder="/khong/co/thu-muc")),
    ],
)
@pytest.mark.parametrize("command", [("run",), ("status",), ("backup",)])
def test_a_mistyped_database_url_is_told_in_one_line_exit_2(
    tmp_path: Path, url: str, says: str, command: tuple[str, ...]
) -> None:
    code, out, err = run_nhacviec(tmp_path, *command, BOT_TOKEN=TOKEN, DATABASE_URL=url, wait=60)
    assert code == 2, out + err
    assert says in err and T.DBURL_HOW in err
    assert "Traceback" not in out + err
    assert "Mk@2026" not in out + err and "2026/bcd" not in out + err


@pytest.mark.parametrize("command", [("run",), ("status",), ("backup",), ("db", "current")])
def test_a_settings_file_given_that_is_not_there_is_named(tmp_path: Path, command: tuple[str, ...]) -> None:
    """`sudo nhacviec status` passes --env-file /etc/nhacviec/nhacviec.env: when that file is missing, the
    administrator read «Không có tệp cơ sở dữ liệu nhacviec.db» (the default settings, silently) — a lead
    to the wrong place. Now the file is named, exit 2."""
    missing = tmp_path / "etc" / "nhacviec.env"
    code, out, err = run_nhacviec(tmp_path, "--env-file", str(missing), *command, wait=60)
    assert code == 2, out + err
    assert T.ENV_FILE_MISSING.format(path=missing) in err
    assert "Traceback" not in out + err and not (tmp_path / "nhacviec.db").exists()


def test_a_settings_file_the_user_cannot_read_is_named(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    secret = tmp_path / "nhacviec.env"
    secret.write_text(f"BOT_TOKEN={TOKEN}\n")
    secret.chmod(0)
    code, _out, err = run_nhacviec(tmp_path, "--env-file", str(secret), "status", wait=60)
    assert code == 2 and T.ENV_FILE_UNREADABLE.format(path=secret) in err


def test_downgrade_to_a_revision_that_does_not_exist_changes_nothing_and_lists_the_known(tmp_path: Path) -> None:
    """`nhacviec db downgrade 0042` (a typo for 0002...) took a backup first, then failed with Alembic's English
    «CommandError: Can't locate revision»: a stray backup file each try. Now refused before anything, with
    exactly the versions of this release: those of the migration files (read here from the folder, not from
    the code that prints them), and the number never used (0004) said so, not a version left out."""
    database = tmp_path / "nhacviec.db"
    database.touch()
    url = f"sqlite:///{database}"
    code, _, err = run_nhacviec(tmp_path, "db", "--no-backup", "upgrade", DATABASE_URL=url)
    assert code == 0, err
    code, _, err = run_nhacviec(tmp_path, "db", "downgrade", "0077", DATABASE_URL=url)
    assert code == 1
    files = sorted(p.name.split("_", 1)[0] for p in (REPO / "db" / "migrations" / "versions").glob("[0-9]*_*.py"))
    assert files[:3] == ["0001", "0002", "0003"] and "0004" not in files
    listed = err.split("biết: ", 1)[1].split(";", 1)[0]
    assert listed.split(", ") == files
    assert "số 0004 không được dùng" in err and "Không thay đổi gì" in err
    assert T.DB_UNKNOWN_REVISION.format(revision="0077", known=T.db_known_revisions(files)) in err
    assert list(tmp_path.glob("nhacviec-*.db")) == []


@pytest.mark.parametrize(
    ("known", "said"),
    [
        (["0001", "0002", "0003"], "0001, 0002, 0003"),
        (["0001", "0002", "0003", "0005", "0006"], "0001, 0002, 0003, 0005, 0006; số 0004 không được dùng"),
        (["0001", "0004", "0006"], "0001, 0004, 0006; số 0002, 0003, 0005 không được dùng"),
        (["ae1027a6acf"], "ae1027a6acf"),  # a revision id Alembic made up: no numbering to speak of
    ],
)
def test_the_known_versions_say_the_numbers_never_used(known: list[str], said: str) -> None:
    assert T.db_known_revisions(known) == said


def test_start_up_errors_name_the_settings_file_that_is_read(tmp_path: Path) -> None:
    """Under systemd and `sudo nhacviec` the settings are /etc/nhacviec/nhacviec.env; «sửa BOT_TOKEN trong .env»
    sent the administrator looking for a .env that is not there. The file read is named after the error."""
    settings = tmp_path / "nhacviec.env"
    settings.write_text(f"DATABASE_URL=sqlite:///{tmp_path / 'nhacviec.db'}\n")
    code, _, err = run_nhacviec(tmp_path, "--env-file", str(settings), "run", wait=60)
    assert code == 2 and T.NO_TOKEN in err and T.CONFIG_FILE_IS.format(path=settings) in err

    settings.write_text(
        f"BOT_TOKEN={TOKEN}\nDATABASE_URL=sqlite:///{tmp_path / 'nhacviec.db'}\n"
        "TELEGRAM_API_URL=http://127.0.0.1:1/bot\n"
    )
    code, _, err = run_nhacviec(tmp_path, "--env-file", str(settings), "run", wait=60)
    assert code == 5 and T.CONFIG_FILE_IS.format(path=settings) in err
    assert TOKEN not in err and "Traceback" not in err


def test_the_units_name_their_settings_file_to_the_bot() -> None:
    root = Path(__file__).resolve().parents[2]
    for unit in ("nhacviec.service", "nhacviec@.service"):
        text = (root / "deploy" / unit).read_text()
        assert "EnvironmentFile=/etc/nhacviec/nhacviec.env" in text
        assert "Environment=NHACVIEC_ENV_FILE=/etc/nhacviec/nhacviec.env" in text


@pytest.mark.parametrize(
    ("setting", "says", "how"),
    [
        ("TZ_NAME=Asia/Hanoi", T.TZ_NAME_INVALID.format(value="Asia/Hanoi"), T.TZ_NAME_HOW),
        ("TZ_NAME=GMT+7", T.TZ_NAME_INVALID.format(value="GMT+7"), T.TZ_NAME_HOW),
        ("LOG_LEVEL=verbose", T.LOG_LEVEL_INVALID.format(value="VERBOSE"), T.LOG_LEVEL_HOW),
    ],
)
def test_a_time_zone_or_log_level_that_does_not_exist_is_told_exit_2(
    tmp_path: Path, setting: str, says: str, how: str
) -> None:
    """Before (walked by helper ops11): ZoneInfoNotFoundError / «ValueError: Unknown level» tracebacks, exit 1."""
    name, _, value = setting.partition("=")
    code, out, err = run_nhacviec(tmp_path, "run", BOT_TOKEN=TOKEN, DATABASE_URL=f"sqlite:///{tmp_path / 'a.db'}",
                                  wait=60, **{name: value})
    assert code == 2, out + err
    assert says in err and how in err and "Traceback" not in out + err
    assert not (tmp_path / "a.db").exists()


def test_a_database_folder_the_user_cannot_write_is_told_exit_2(tmp_path: Path) -> None:
    """A /var/lib/nhacviec left owned by root (a copy made by hand): PermissionError traceback, exit 1, before."""
    import os
    import shutil
    import subprocess
    import sys

    if os.geteuid() != 0 or not shutil.which("runuser"):
        pytest.skip("needs root to run as another user")
    # The runner's Python must be usable by that user (not so for a pyenv Python under /root, as on the
    # machines the helpers and CI use): the service runs its own venv, which the install makes readable.
    if subprocess.run(["runuser", "-u", "nobody", "--", sys.executable, "-c", "import telegram"],
                      capture_output=True).returncode != 0:
        pytest.skip("the test runner's Python and packages are not usable by another user (under /root?)")
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="ops11-", dir="/tmp")) / "data"  # reachable by nobody, not writable
    folder.mkdir(mode=0o755)
    folder.parent.chmod(0o755)
    done = subprocess.run(
        ["runuser", "-u", "nobody", "--", "env", "-i", "PATH=/usr/bin:/bin", f"BOT_TOKEN={TOKEN}",
         f"DATABASE_URL=sqlite:///{folder / 'nhacviec.db'}", sys.executable, "-m", "bot.cli", "run"],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert T.DB_FOLDER_NOT_WRITABLE.format(user="nobody", folder=folder, name="nhacviec.db") in done.stderr
    assert "Traceback" not in done.stderr
    shutil.rmtree(folder.parent)


# A BOT_TOKEN that cannot be a token (ops12): pasted from a chat with a space, quotes or a word around it,
# half of it, or a word. It was sent to Telegram; with no network the administrator read «Không kết nối
# được Telegram» (exit 5) — a lead to the firewall, not to the token. Now it is told before anything is
# opened, in one line, exit 2, and never printed (not even a short one).
GOOD_SECRET = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


@pytest.mark.parametrize(
    "token",
    [
        "abc",
        "xin-chao",
        f"123456789:{GOOD_SECRET} ",  # a space after it, pasted from a chat (systemd keeps it)
        f"123456789: {GOOD_SECRET}",
        f'"123456789:{GOOD_SECRET}',  # one quote: an unbalanced pair is kept
        f"“123456789:{GOOD_SECRET}”",  # a chat's typographic quotes
        f"token 123456789:{GOOD_SECRET}",
        "123456789:AAHdqTcv",  # half of it
        f"bot123456789:{GOOD_SECRET}",
    ],
)
def test_a_token_that_is_not_well_formed_is_told_in_one_line_exit_2(tmp_path: Path, token: str) -> None:
    nowhere = "http://127.0.0.1:9/bot"  # no network: a closed port
    code, out, err = run_nhacviec(tmp_path, "run", BOT_TOKEN=token, TELEGRAM_API_URL=nowhere,
                                  DATABASE_URL=f"sqlite:///{tmp_path / 'a.db'}", wait=60)
    assert code == 2, out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(T.TOKEN_MALFORMED_START), err
    assert T.TELEGRAM_UNREACHABLE.split("{")[0] not in err
    core = token.strip(' "“”').removeprefix("token ").removeprefix("bot")
    for secret in (token, token.strip(), core, core.partition(":")[2].strip(), GOOD_SECRET[:8]):
        assert not secret or secret not in out + err, secret
    assert "Traceback" not in out + err
    assert not (tmp_path / "a.db").exists() and not (tmp_path / "a.db.lock").exists()  # refused first


def test_a_well_formed_token_still_goes_to_telegram(tmp_path: Path) -> None:
    """The shape is all that is checked: a token of the right shape with no network is exit 5, as before."""
    code, out, err = run_nhacviec(tmp_path, "run", BOT_TOKEN=f"123456789:{GOOD_SECRET}",
                                  TELEGRAM_API_URL="http://127.0.0.1:9/bot",
                                  DATABASE_URL=f"sqlite:///{tmp_path / 'a.db'}", wait=90)
    assert code == 5, out + err
    assert GOOD_SECRET not in out + err


def test_the_masked_token_keeps_only_the_bot_number() -> None:
    from bot.config_check import token_problem

    assert token_problem(f"123456789:{GOOD_SECRET}") is None
    assert token_problem("5000000001:AAEmulatorTokenForTestsOnly_nhacviec") is None  # 36: not refused
    for token in ("abc", "zq", f"123456789:{GOOD_SECRET} ", f"123456789:{GOOD_SECRET[:20]}"):
        said = token_problem(token)
        assert said is not None and token.strip() not in said and GOOD_SECRET[:4] not in said
        assert f"{len(token)} ký tự" in said
    assert "123456789:…" in (token_problem(f"123456789:{GOOD_SECRET} ") or "")
