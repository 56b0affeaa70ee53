"""PostgreSQL answered and refused — a wrong password, a user or a database that is not there — as the admin
meets it following the README's PostgreSQL steps: one Vietnamese line saying which setting to fix. It used to
be «Không kết nối được cơ sở dữ liệu … Kiểm tra máy chủ cơ sở dữ liệu đã chạy chưa» (exit 4, systemd restarting
it for ever) while the server ran, and SQLAlchemy's English from `migrate-to-postgres`."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from bot import texts as T
from bot.pg_refusal import pg_refusal
from db.engine import normalise_url
from tests.conftest import PG_ADMIN_URL, using_postgres
from tests.ops.conftest import run_nhacviec

needs_postgres = pytest.mark.skipif(not using_postgres(), reason="needs PostgreSQL (TEST_DATABASE_URL)")
PASSWORD = "Mk@2026/bcd:x"


def wrapped(error: Exception) -> DBAPIError:
    """As SQLAlchemy hands asyncpg's error on: a DBAPIError whose cause is the driver's."""
    try:
        try:
            raise error
        except Exception as driver:
            raise DBAPIError("SELECT 1", None, driver) from driver
    except DBAPIError as outer:
        return outer


def test_a_wrong_password_is_told_as_such_with_the_user_and_without_the_password() -> None:
    url = f"postgresql://nhacviec:{PASSWORD}@10.0.0.10:5432/nhacviec"
    said = pg_refusal(wrapped(asyncpg.exceptions.InvalidPasswordError("password authentication failed")), url)
    assert said == T.PG_REFUSED_PASSWORD.format(user="nhacviec", database="nhacviec", host="10.0.0.10")
    assert "từ chối mật khẩu của người dùng «nhacviec»" in said and "Mk@2026" not in said


def test_a_server_that_is_down_is_not_a_refusal() -> None:
    assert pg_refusal(wrapped(ConnectionRefusedError(111, "Connection refused")), "postgresql://u:p@h/d") is None


def pg_url(**parts: str) -> str:
    admin = make_url(normalise_url(PG_ADMIN_URL))
    return admin.set(drivername="postgresql", **parts).render_as_string(hide_password=False)  # type: ignore[arg-type]


async def refusal_of(url: str) -> Exception:
    """What the bot's engine raises on connecting to `url` (a real PostgreSQL answer)."""
    from db.engine import create_engine

    engine = create_engine(url)
    try:
        async with engine.connect():
            pass
    except Exception as exc:
        return exc
    finally:
        await engine.dispose()
    raise AssertionError("PostgreSQL let it in")


@needs_postgres
@pytest.mark.parametrize(("parts", "says"), [
    ({"database": "khong_co_csdl_nay"}, "không có cơ sở dữ liệu «khong_co_csdl_nay»: tạo nó"),
    ({"username": "khong_co_nguoi_nay", "password": PASSWORD}, "không cho người dùng «khong_co_nguoi_nay» vào"),
])
def test_run_and_status_say_which_setting_to_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 parts: dict[str, str], says: str) -> None:
    from bot.settings import Settings
    from bot.startup import startup_failed

    url = pg_url(**parts)
    # `nhacviec run`: what bot.startup says of the error the engine raised on this server.
    assert startup_failed(asyncio.run(refusal_of(url)), Settings(database_url=url)) == 2  # not restarted for ever
    err = capsys.readouterr().err
    assert says in err and "Kiểm tra máy chủ cơ sở dữ liệu đã chạy chưa" not in err and PASSWORD not in err
    # `nhacviec status`, as the administrator runs it.
    code, out, err = run_nhacviec(tmp_path, "status", DATABASE_URL=url, wait=60)
    assert code == 1 and says in out and PASSWORD not in out + err and "DBAPIError" not in out


def migrated_sqlite(path: Path) -> str:
    from db.engine import create_engine
    from db.migrate import upgrade_to_head

    async def build() -> None:
        engine = create_engine(f"sqlite:///{path}")
        await upgrade_to_head(engine)
        await engine.dispose()

    asyncio.run(build())
    return f"sqlite:///{path}"


@needs_postgres
def test_migrate_to_a_database_not_created_says_so_in_vietnamese(tmp_path: Path) -> None:
    sqlite_url = migrated_sqlite(tmp_path / "nhacviec.db")
    code, out, err = run_nhacviec(tmp_path, "migrate-to-postgres", "--to", pg_url(database="khong_co_csdl_nay"),
                                  DATABASE_URL=sqlite_url)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        T.PG_REFUSED_NO_DATABASE.format(host=make_url(normalise_url(PG_ADMIN_URL)).host, user="nhacviec",
                                        database="khong_co_csdl_nay"),
        "Không lưu gì vào PostgreSQL; SQLite không bị thay đổi.",
    ]


def test_migrate_without_a_terminal_says_to_run_it_at_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`--to` without a password where none can be asked (a script, `ssh host sudo …` without -t): PostgreSQL
    refuses the empty password; the fault is where the command ran, not a wrong password."""
    from bot import migrate_pg

    async def refused(_sqlite: str, _to: str) -> None:
        raise wrapped(asyncpg.exceptions.InvalidPasswordError("password authentication failed"))

    monkeypatch.setattr(migrate_pg, "move", refused)
    sqlite_url = migrated_sqlite(tmp_path / "nhacviec.db")
    to = "postgresql://nhacviec@10.0.0.10:5432/nhacviec"
    assert migrate_pg.run_migrate_to_postgres(sqlite_url, to, None) == 1
    assert capsys.readouterr().err.splitlines() == [T.PG_MIGRATE_ASK_AT_TERMINAL,
                                                    "Không lưu gì vào PostgreSQL; SQLite không bị thay đổi."]
    # Asked at a terminal and typed wrong: then it is the password.
    assert migrate_pg.run_migrate_to_postgres(sqlite_url, to, lambda: "sai") == 1
    assert capsys.readouterr().err.splitlines()[0] == T.PG_REFUSED_PASSWORD.format(
        host="10.0.0.10", user="nhacviec", database="nhacviec")
