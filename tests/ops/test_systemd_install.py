"""The systemd install, end to end, as the README says (issue 15, item 2): `scripts/install-service.sh`
creates the user, the data folder and the settings file with safe permissions and installs the units;
the bot then starts as systemd would start it — as that unprivileged user, with exactly the unit's
environment (EnvironmentFile, Environment=, WorkingDirectory, UMask) — and answers through the
emulator; `sudo nhacviec status` and `backup` run as the service does; a configuration error exits 2,
which the unit does not restart. Needs root (to create a user); skipped otherwise."""

from __future__ import annotations

import asyncio
import configparser
import grp
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from emulator import Emulator, World
from tests.conftest import using_postgres

ROOT = Path(__file__).resolve().parents[2]
STARTUP = 90.0

pytestmark = [
    pytest.mark.skipif(using_postgres(), reason="the install does not depend on the database; run once"),
    pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("useradd"), reason="needs root to create a user"),
    pytest.mark.skipif(not Path("/usr/bin/python3").exists(), reason="needs the system's python3"),
    pytest.mark.slow,
]


def read_unit(path: Path) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(path)
    return unit


def unit_environment(path: Path) -> dict[str, str]:
    """`Environment=` lines (systemd keeps the last of several; configparser keeps one: read by hand)."""
    env = {}
    for line in path.read_text().splitlines():
        if line.startswith("Environment="):
            key, _, value = line.removeprefix("Environment=").partition("=")
            env[key] = value
    return env


def environment_file(path: Path) -> dict[str, str]:
    """What systemd's EnvironmentFile= sets: KEY=VALUE lines, "#"/";" comment lines; a "#" after a
    value stays part of the value (so the file must not have any)."""
    env = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        key, _, value = line.partition("=")
        env[key.strip()] = value.strip()
    return env


def copy_of_the_repository(target: Path) -> None:
    """What `git clone` gives: the tracked (and new, not ignored) files."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.splitlines()
    for name in files:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def runner_packages() -> str:
    return next(p for p in sys.path if p.endswith("site-packages") and Path(p, "telegram").is_dir())


def readable_by(user: str, path: str) -> bool:
    check = subprocess.run(["runuser", "-u", user, "--", "test", "-r", f"{path}/telegram/__init__.py"],
                           capture_output=True)
    return check.returncode == 0


def prepare_venv(code: Path) -> None:
    """scripts/start.sh would build .venv with the system's python3 and download the dependencies
    (pip install -e .); here the same interpreter gets the test runner's installed packages and the
    copy's source on its path, and the `nhacviec` script pip would write — no download, no build."""
    venv = code / ".venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "nhacviec_test.pth").write_text(f"{code}\n{runner_packages()}\n")
    script = venv / "bin" / "nhacviec"
    script.write_text(f"#!{venv}/bin/python\nimport sys\nfrom bot.cli import main\nsys.exit(main())\n")
    script.chmod(0o755)
    (venv / ".installed").touch()  # what start.sh leaves: installed after pyproject.toml last changed
    os.utime(code / "pyproject.toml", (0, 0))


@pytest.fixture
def machine() -> Iterator[tuple[Path, str]]:
    """A scratch root for the install (readable by the new user), and the user's name; removed after."""
    base = Path(tempfile.mkdtemp(prefix="nhacviec-install-"))
    base.chmod(0o755)
    user = "nvt" + uuid.uuid4().hex[:8]
    try:
        yield base, user
    finally:
        subprocess.run(["userdel", user], capture_output=True)
        subprocess.run(["groupdel", user], capture_output=True)  # already gone with the user, usually
        shutil.rmtree(base, ignore_errors=True)


async def test_the_documented_install_starts_the_bot_as_an_unprivileged_user(
    machine: tuple[Path, str],
) -> None:
    base, user = machine
    code = base / "opt" / "nhacviec"
    code.mkdir(parents=True)
    copy_of_the_repository(code)
    prepare_venv(code)
    paths = {
        "NHACVIEC_USER": user,
        "NHACVIEC_DATA": str(base / "var/lib/nhacviec"),
        "NHACVIEC_CONFIG": str(base / "etc/nhacviec"),
        "NHACVIEC_UNITS": str(base / "etc/systemd/system"),
        "NHACVIEC_BIN": str(base / "usr/local/bin"),
        "NHACVIEC_NO_SYSTEMCTL": "1",
    }
    done = await asyncio.to_thread(subprocess.run, ["bash", str(code / "scripts/install-service.sh")],
                                   env={**os.environ, **paths}, capture_output=True, text=True, timeout=300)
    if "không chạy được" in done.stderr and not readable_by(user, runner_packages()):
        pytest.skip("the test runner's packages are not readable by another user (a checkout under /root?)")
    assert done.returncode == 0, done.stdout + done.stderr

    # What the script made.
    account = pwd.getpwnam(user)
    data, config = Path(paths["NHACVIEC_DATA"]), Path(paths["NHACVIEC_CONFIG"]) / "nhacviec.env"
    assert (os.stat(data).st_uid, stat.S_IMODE(os.stat(data).st_mode)) == (account.pw_uid, 0o700)
    assert (config.stat().st_uid, grp.getgrgid(config.stat().st_gid).gr_name) == (0, user)
    assert stat.S_IMODE(config.stat().st_mode) == 0o640
    assert environment_file(config)["DATABASE_URL"] == f"sqlite:///{data}/nhacviec.db"
    for line in config.read_text().splitlines():  # safe for EnvironmentFile: no comment after a value
        assert line.startswith("#") or "#" not in line, line
    unit_path = Path(paths["NHACVIEC_UNITS"]) / "nhacviec.service"
    unit = read_unit(unit_path)
    service = unit["Service"]
    assert unit["Unit"]["Wants"] == "network-online.target" and unit["Unit"]["After"] == "network-online.target"
    assert {"2", "3"} <= set(service["RestartPreventExitStatus"].split())
    assert service["Restart"] == "on-failure"
    assert service["User"] == user and service["WorkingDirectory"] == str(data)
    assert service["ExecStart"] == f"{code}/.venv/bin/nhacviec run"
    if shutil.which("systemd-analyze"):
        verify = await asyncio.to_thread(subprocess.run, ["systemd-analyze", "verify", str(unit_path)],
                                         capture_output=True, text=True)
        assert verify.returncode == 0 and verify.stderr == "", verify.stderr

    # The template of several webhook instances, started as nhacviec@8082 the way systemd does it: the
    # EnvironmentFile overrides Environment=, and the README's one-instance webhook example writes
    # WEBHOOK_PORT=8081 into it. Each instance still gets its own port and status file.
    template = Path(paths["NHACVIEC_UNITS"]) / "nhacviec@.service"
    argv = read_unit(template)["Service"]["ExecStart"].replace("%i", "8082").split()
    unit_env = {key: value.replace("%i", "8082") for key, value in unit_environment(template).items()}
    systemd_env = {"PATH": "/usr/bin:/bin", **unit_env, **environment_file(config), "WEBHOOK_PORT": "8081"}
    probe = [*argv[: argv.index(f"{code}/.venv/bin/nhacviec")], sys.executable, "-c",
             "import os; print(os.environ['WEBHOOK_PORT'], os.environ['STATUS_FILE'])"]
    started = await asyncio.to_thread(subprocess.run, probe, env=systemd_env, capture_output=True, text=True,
                                      check=True)
    seen = started.stdout.split()
    assert seen == ["8082", f"{data}/nhacviec-8082.status"]

    world = World()
    lan = world.add_user("Lan", "Nguyễn", username="lan_chutich")
    async with Emulator(world) as emu:
        # The administrator fills in the settings file (as root, as the README says).
        text = config.read_text()
        text = text.replace("BOT_TOKEN=\n", f"BOT_TOKEN={world.token}\n")
        text = text.replace("TELEGRAM_API_URL=https://api.telegram.org/bot", f"TELEGRAM_API_URL={emu.base_url}")
        config.write_text(text + "DISPATCH_INTERVAL=1\n")
        # A stray .env beside the database that the service cannot read (root's, 0600): ignored, not fatal.
        stray = data / ".env"
        stray.write_text("BOT_TOKEN=not-this-one\n")
        stray.chmod(0o600)

        def as_systemd_starts_it(extra: dict[str, str] | None = None) -> dict[str, object]:
            # systemd's order: the EnvironmentFile overrides Environment= (systemd.exec(5)).
            env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(data),
                   **unit_environment(unit_path), **environment_file(config), **(extra or {})}
            return {"cwd": service["WorkingDirectory"], "env": env, "user": service["User"],
                    "group": service["Group"], "extra_groups": [], "umask": int(service["UMask"], 8)}

        # A configuration error: exit 2, which RestartPreventExitStatus keeps from looping.
        broken = as_systemd_starts_it({"BOT_TOKEN": ""})
        proc = await asyncio.create_subprocess_exec(*service["ExecStart"].split(), **broken,  # type: ignore[arg-type]
                                                    stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await proc.communicate()
        assert proc.returncode == 2 and "Traceback" not in (out + err).decode()

        proc = await asyncio.create_subprocess_exec(*service["ExecStart"].split(), **as_systemd_starts_it(),  # type: ignore[arg-type]
                                                    stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        try:
            world.start_private(lan)
            await world.wait_for(chat=world.private_chat(lan), timeout=STARTUP)
            world.send_text(lan, world.private_chat(lan), "/huongdan")
            assert "Nhắc việc" in (await world.wait_for(chat=world.private_chat(lan), timeout=STARTUP)).plain
            database = data / "nhacviec.db"
            assert database.stat().st_uid == account.pw_uid and stat.S_IMODE(database.stat().st_mode) == 0o600

            # The administrator's commands, through the installed wrapper (as root: runs as the user).
            wrapper = str(Path(paths["NHACVIEC_BIN"]) / "nhacviec")
            private = base / "root-only"  # run from a folder the service user cannot enter (as from /root)
            private.mkdir(mode=0o700)
            status = await asyncio.to_thread(subprocess.run, [wrapper, "status"], capture_output=True, text=True,
                                             timeout=120, cwd=private)
            assert status.returncode == 0, status.stdout + status.stderr
            assert "Bot: đang chạy" in status.stdout
            backup = await asyncio.to_thread(subprocess.run, [wrapper, "backup", "--to", str(data / "saoluu.db")],
                                             capture_output=True, text=True, timeout=120, cwd="/")
            assert backup.returncode == 0, backup.stderr
            copy = (data / "saoluu.db").stat()
            assert (copy.st_uid, stat.S_IMODE(copy.st_mode)) == (account.pw_uid, 0o600)
            # The README's nightly crontab line, in cron's environment (PATH=/usr/bin:/bin, no sbin):
            # runuser is in /usr/sbin, and the wrapper failed there every night.
            nightly = data / "saoluu" / "nhacviec-2026-12-06.db"
            cron_env = {"PATH": "/usr/bin:/bin", "HOME": "/root", "LOGNAME": "root", "SHELL": "/bin/sh"}
            nightly_line = f"{wrapper} backup --to {nightly} --keep 14"
            cron = await asyncio.to_thread(subprocess.run, ["/bin/sh", "-c", nightly_line],
                                           capture_output=True, text=True, timeout=120, cwd="/root", env=cron_env)
            assert cron.returncode == 0, cron.stdout + cron.stderr
            assert nightly.stat().st_uid == account.pw_uid
            # The README's check of a backup, as root, while the bot runs: good, nothing changed.
            check = await asyncio.to_thread(subprocess.run, [wrapper, "restore", "--check", str(nightly)],
                                            capture_output=True, text=True, timeout=120, cwd=private)
            assert check.returncode == 0, check.stdout + check.stderr
            assert check.stdout.startswith(f"Bản sao lưu tốt: {nightly}")
        finally:
            if proc.returncode is None:
                proc.terminate()
            out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()
    assert "Traceback" not in err.decode() and world.token not in err.decode()

    # An update: `git pull` brings a release that needs a new library, and the README's update steps run
    # the install again. It installs again (start.sh: pyproject.toml newer than the install); it used to
    # skip an existing .venv, and the restarted service died on an ImportError, again and again.
    site = next((code / ".venv" / "lib").glob("python3*/site-packages"))
    (site / "pip").mkdir()
    calls = base / "pip-calls"  # pip in the fake .venv only says how it was called
    record = f"import sys\nopen({str(calls)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
    (site / "pip" / "__init__.py").touch()  # a regular package: it comes before the runner's real pip
    (site / "pip" / "__main__.py").write_text(record)
    os.utime(code / "pyproject.toml")  # changed by the pull
    again = await asyncio.to_thread(subprocess.run, ["bash", str(code / "scripts/install-service.sh")],
                                    env={**os.environ, **paths, "PYTHON": "/bin/true"}, capture_output=True,
                                    text=True, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert calls.exists() and "install -q -e ." in calls.read_text(), again.stdout + again.stderr


def test_code_in_a_home_folder_is_refused_before_anything_is_made() -> None:
    """The units have ProtectHome=yes: code cloned into /home/<admin> is hidden from the service, which
    failed with 203/EXEC and was restarted every 5 s, for ever, after an install that said «Xong». The
    script now refuses at once, says why and where to move it, and makes nothing (no user, no unit)."""
    home = Path(tempfile.mkdtemp(prefix="qa8-admin-", dir="/home"))
    try:
        code = home / "nhacviec"
        (code / "scripts").mkdir(parents=True)
        shutil.copy2(ROOT / "scripts" / "install-service.sh", code / "scripts" / "install-service.sh")
        units = home / "units"
        user = "nvt" + uuid.uuid4().hex[:8]
        done = subprocess.run(["bash", str(code / "scripts/install-service.sh")], capture_output=True, text=True,
                              env={**os.environ, "NHACVIEC_USER": user, "NHACVIEC_UNITS": str(units),
                                   "NHACVIEC_NO_SYSTEMCTL": "1"}, timeout=60)
        assert done.returncode == 1
        assert "ProtectHome" in done.stderr and "/opt/nhacviec" in done.stderr
        assert not units.exists()
        assert subprocess.run(["id", "-u", user], capture_output=True).returncode != 0
    finally:
        shutil.rmtree(home, ignore_errors=True)
