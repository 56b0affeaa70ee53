"""PostgreSQL answered and refused: a wrong password, a user or a database that is not there, no pg_hba.conf line
for this machine. Told as «Không kết nối được cơ sở dữ liệu… Kiểm tra máy chủ cơ sở dữ liệu đã chạy chưa», the
administrator looked at a server that was running; `migrate-to-postgres` printed SQLAlchemy's English with its
«Background on this error at: https://sqlalche.me/…». Each is a setting to fix, said in one Vietnamese line with
the user and the database (never the password); `nhacviec run` exits 2 (configuration: systemd does not restart
it for ever, as for a wrong token).

The SQLSTATE codes are PostgreSQL's (Appendix A of its manual), read from asyncpg's exception wherever it sits
in the chain SQLAlchemy wraps it in.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url

from bot import texts as T
from bot.settings import database_url_from
from db.engine import normalise_url

REFUSALS = {
    "28P01": T.PG_REFUSED_PASSWORD,  # invalid_password
    "28000": T.PG_REFUSED_NOT_ALLOWED,  # invalid_authorization_specification: no pg_hba.conf line, no such role
    "3D000": T.PG_REFUSED_NO_DATABASE,  # invalid_catalog_name
}


def _sqlstates(error: BaseException) -> list[str]:
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [error]
    while todo:
        current = todo.pop()
        if current is None or current in seen:
            continue
        seen.append(current)
        todo.extend([current.__cause__, current.__context__, getattr(current, "orig", None)])
    return [str(code) for e in seen if (code := getattr(e, "sqlstate", None))]


def pg_refusal(error: BaseException, database_url: str) -> str | None:
    """The line that says what PostgreSQL refused and what to fix; None when it was not such a refusal."""
    for code in _sqlstates(error):
        if code in REFUSALS:
            try:
                url = make_url(normalise_url(database_url_from(database_url)))
            except Exception:  # unparsable: say nothing of it rather than risk the password
                return None
            return REFUSALS[code].format(user=url.username or "?", database=url.database or "?",
                                         host=url.host or "?")
    return None


def pg_refusal_password(database_url: str) -> str:
    """The wrong-password line for this URL (to tell it from the others)."""
    url = make_url(normalise_url(database_url_from(database_url)))
    return T.PG_REFUSED_PASSWORD.format(user=url.username or "?", database=url.database or "?", host=url.host or "?")
