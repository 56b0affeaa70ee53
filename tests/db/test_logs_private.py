"""Logs never quote what people wrote: SQL parameters are hidden on database errors, and an error
page from a proxy is reduced to its status and title (issue 14, "Logs")."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.logging_setup import BriefErrorPages, brief_error
from db.models import Committee

NGINX_502 = (
    "Bad Gateway (502). Parsing the server response b'<html>\\r\\n<head><title>502 Bad Gateway</title></head>\\r\\n"
    "<body>\\r\\n<center><h1>502 Bad Gateway</h1></center>\\r\\n<hr><center>nginx/1.18.0</center>\\r\\n</body>\\r\\n"
    "</html>\\r\\n' failed"
)


async def test_a_database_error_does_not_quote_the_values(sessions: async_sessionmaker[AsyncSession]) -> None:
    secret_title = "BCĐ phòng chống tham nhũng — hồ sơ mật"
    now = datetime(2026, 11, 23, tzinfo=UTC)
    async with sessions() as s, s.begin():
        s.add(Committee(chat_id=-100, title=secret_title, created_at=now))
    with pytest.raises(IntegrityError) as caught:
        async with sessions() as s, s.begin():
            s.add(Committee(chat_id=-100, title=secret_title, created_at=now))
    assert secret_title not in str(caught.value)
    assert "hidden" in str(caught.value)


def test_a_proxy_error_page_is_its_status_and_title() -> None:
    assert brief_error(NGINX_502) == "Bad Gateway (502) [error page: 502 Bad Gateway]"
    assert brief_error("Forbidden: bot was blocked by the user") == "Forbidden: bot was blocked by the user"


def test_ptbs_log_of_an_unparsable_answer_is_one_line() -> None:
    page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>\n"
    try:
        raise ValueError("Expecting value")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "telegram.request.BaseRequest", logging.ERROR, __file__, 1, "Can not load invalid JSON data: %r",
            (page,), sys.exc_info(),
        )
    assert BriefErrorPages().filter(record)
    text = logging.Formatter().format(record)
    assert text == "Can not load invalid JSON data: [error page: 502 Bad Gateway]"
