"""Secrets in URLs and webhooks (issue 15, item 6): a PostgreSQL password written raw with "@" is
read right and no part of it is ever printed; the pg_dump line works when pasted (password from
PGPASSWORD); webhook secrets and the secret path segment need 16 characters; masking never garbles
unrelated log words."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot import texts as T
from bot.logging_setup import Redactor
from bot.settings import Settings, database_url_from, load_settings
from bot.webhook import WebhookConfigError, webhook_config
from tests.conftest import PG_ADMIN_URL, no_database, using_postgres
from tests.ops.conftest import run_nhacviec

RAW = "Mk@2026/bcd:xa"  # a password as an administrator types it
FRAGMENTS = ("Mk@2026", "2026/bcd", "bcd:xa", "Mk%402026")


@pytest.mark.parametrize(
    ("written", "password", "host", "database"),
    [
        (f"postgresql+asyncpg://nhacviec:{RAW}@10.0.0.10:5432/nhacviec", RAW, "10.0.0.10", "nhacviec"),
        ("postgresql://nhacviec:Mk%402026%2Fbcd%3Axa@db.local/nhacviec", RAW, "db.local", "nhacviec"),
        ("postgres://u:p@ss@db.local:6432/bcd?ssl=require", "p@ss", "db.local", "bcd"),
        ("postgresql://nhacviec:plain@db.local/nhacviec", "plain", "db.local", "nhacviec"),
    ],
)
def test_a_raw_or_encoded_password_is_read_right(written: str, password: str, host: str, database: str) -> None:
    url = make_url(database_url_from(written).replace("postgres://", "postgresql://", 1))
    assert (url.password, url.host, url.database) == (password, host, database)


def test_settings_read_dotenv_only_when_readable_and_never_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = tmp_path / ".env"
    env.write_text("BOT_TOKEN=from-the-file\nLOG_LEVEL=debug\n")
    monkeypatch.setenv("BOT_TOKEN", "from-the-environment")
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    settings = load_settings(env)
    assert settings.bot_token == "from-the-environment" and settings.log_level == "DEBUG"
    monkeypatch.delenv("LOG_LEVEL")
    assert load_settings(tmp_path / "missing.env").log_level == "INFO"  # no file: no error


@no_database  # the URL is its own (nothing listens), not the test database
def test_unreachable_database_with_a_raw_password_names_it_without_any_part_of_the_password(tmp_path: Path) -> None:
    url = f"postgresql://nhacviec:{RAW}@127.0.0.1:1/nhacviec"  # port 1: nothing listens
    code, out, err = run_nhacviec(tmp_path, "db", "current", DATABASE_URL=url)
    assert code == 1 and "Không thực hiện được" in err
    assert [f for f in FRAGMENTS if f in out + err] == []
    code, out, err = run_nhacviec(tmp_path, "status", DATABASE_URL=url)
    assert code == 1 and "Không kết nối được cơ sở dữ liệu" in out
    assert re.search(r"Cơ sở dữ liệu: postgresql://nhacviec:\S+@127\.0\.0\.1:1/nhacviec\n", out)  # the right host
    assert [f for f in FRAGMENTS if f in out + err] == []


def test_masking_short_secrets_never_garbles_unrelated_words() -> None:
    settings = Settings(
        bot_token="123456789:AAThisIsTheBotTokenForTests_abcdef",
        database_url="postgresql://nhacviec:nhacviec@db.local/nhacviec",
        webhook_secret="a" * 16,
        webhook_url="https://bot.tinh.gov.vn/nhacviec-8f3a1c9e27d44b6f",
    )
    redact = Redactor(settings.secrets)
    line = "nhacviec.monitor: dispatcher ran; a task; database nhacviec; path /nhacviec ok"
    assert redact(line) == "nhacviec.monitor: dispatcher ran; a task; database <secret>; path /nhacviec ok"
    logged = redact("connect postgresql://nhacviec:nhacviec@db.local/nhacviec and POST /nhacviec-8f3a1c9e27d44b6f")
    assert "nhacviec:nhacviec@" not in logged and "8f3a1c9e27d44b6f" not in logged
    raw = Redactor(Settings(database_url=database_url_from(f"postgresql://u:{RAW}@h/d")).secrets)
    assert [f for f in FRAGMENTS if f in raw(f"error: postgresql://u:{RAW}@h/d refused ({RAW})")] == []


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"webhook_secret": "x" * 15}, "WEBHOOK_SECRET quá ngắn"),
        ({"webhook_url": "https://bot.tinh.gov.vn/h"}, "quá ngắn"),
        ({"webhook_url": "https://bot.tinh.gov.vn/tg/hook-123"}, "quá ngắn"),
    ],
)
def test_short_webhook_secrets_are_refused(changes: dict[str, str], says: str) -> None:
    values = {"bot_token": "1:x", "webhook_url": "https://bot.tinh.gov.vn/nhacviec-8f3a1c9e27d4",
              "webhook_secret": "x" * 16, **changes}
    with pytest.raises(WebhookConfigError, match=says):
        webhook_config(Settings(**values))  # type: ignore[arg-type]


def test_sixteen_characters_are_enough() -> None:
    settings = Settings(bot_token="1:x", webhook_url="https://b.vn/abcdefghijklmnop", webhook_secret="s" * 16)
    hook = webhook_config(settings)
    assert hook.url_path == "abcdefghijklmnop"


@no_database
def test_nhacviec_run_refuses_a_short_webhook_secret_in_one_line(tmp_path: Path) -> None:
    code, _, err = run_nhacviec(tmp_path, "run", "--webhook", BOT_TOKEN="123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                  DATABASE_URL=f"sqlite:///{tmp_path / 'a.db'}", WEBHOOK_SECRET="h",
                                  WEBHOOK_URL="https://bot.tinh.gov.vn/nhacviec-8f3a1c9e27d4")
    assert code == 2
    assert err.strip() == T.WEBHOOK_SHORT_SECRET.format(least=16)
    assert not (tmp_path / "a.db").exists()


@pytest.mark.skipif(not using_postgres(), reason="needs PostgreSQL (TEST_DATABASE_URL)")
def test_the_pg_dump_line_works_when_pasted(tmp_path: Path) -> None:
    """Printed when the bot's machine has no pg_dump (exit 1: no backup made), to run on one that has."""
    admin = make_url(PG_ADMIN_URL)
    code, _, out = run_nhacviec(tmp_path, "backup", DATABASE_URL=PG_ADMIN_URL, PATH=str(tmp_path / "no-pg-dump"))
    assert code == 1
    assert f":{admin.password}@" not in out and "***" not in out  # no password in the URLs at all
    line = next(x.strip() for x in out.splitlines() if x.strip().startswith("pg_dump "))
    assert "***" not in line
    # Pasted into a shell where the administrator typed the password into PGPASSWORD.
    done = subprocess.run(["bash", "-c", line], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "PGPASSWORD": str(admin.password)})
    assert done.returncode == 0, done.stderr
    dumps = list(tmp_path.glob("nhacviec-*.dump"))
    assert len(dumps) == 1 and dumps[0].stat().st_size > 0
    assert re.fullmatch(r"nhacviec-\d{4}-\d{2}-\d{2}\.dump", dumps[0].name)
