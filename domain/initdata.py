"""Telegram Mini App `initData`: who opened the board, as Telegram vouches for it.

Telegram opens a Mini App with `initData`, a query string (`query_id`, `user` as JSON, `auth_date`,
`start_param`, …, `hash`). Telegram's rule (core.telegram.org/bots/webapps, "Validating data
received via the Mini App"): `data_check_string` is every field but `hash`, as `key=value`, sorted
by key, joined by "\\n"; the secret key is HMAC-SHA256 of the bot token keyed with "WebAppData"; the
data is genuine when HMAC-SHA256(secret key, data_check_string) in hex equals `hash`.

Genuine is not enough: a copy of an old `initData` (from a log, a shared screenshot of the URL) is
genuine for ever. So `auth_date` must also be recent (`MAX_AGE`): a stale one is refused like a
forged one. The board's page re-opens (and Telegram signs again) whenever it is opened from the chat.

Pure: the clock (`now`) and the token are parameters; `sign` is the same computation the other way,
for the sandbox (which plays Telegram) and the tests.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode

MAX_AGE = timedelta(hours=1)
# A clock a little behind Telegram's must not refuse a fresh launch.
CLOCK_SKEW = timedelta(minutes=5)


class InitDataError(Exception):
    """Why initData was refused (for the log; the user gets a plain 401)."""


@dataclass(frozen=True)
class WebAppUser:
    id: int
    first_name: str
    last_name: str
    username: str | None
    auth_date: datetime
    start_param: str | None

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


def _secret(bot_token: str) -> bytes:
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def _check_string(fields: dict[str, str]) -> str:
    return "\n".join(f"{key}={fields[key]}" for key in sorted(fields) if key != "hash")


def sign(fields: dict[str, str], bot_token: str) -> str:
    """initData for `fields` (values as Telegram sends them: `user` is JSON text), with its hash."""
    digest = hmac.new(_secret(bot_token), _check_string(fields).encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})


def sign_user(
    user_id: int,
    first_name: str,
    bot_token: str,
    auth_date: datetime,
    *,
    last_name: str = "",
    username: str | None = None,
    start_param: str | None = None,
) -> str:
    user: dict[str, object] = {"id": user_id, "first_name": first_name, "last_name": last_name, "language_code": "vi"}
    if username:
        user["username"] = username
    fields = {"user": json.dumps(user, ensure_ascii=False, separators=(",", ":")),
              "auth_date": str(int(auth_date.timestamp()))}  # fmt: skip
    if start_param:
        fields["start_param"] = start_param
    return sign(fields, bot_token)


def verify(init_data: str, bot_token: str, now: datetime, max_age: timedelta = MAX_AGE) -> WebAppUser:
    """The user Telegram vouches for, or InitDataError (forged, altered, stale, malformed)."""
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True)
    except ValueError as exc:
        raise InitDataError("not a query string") from exc
    fields = dict(pairs)
    if len(fields) != len(pairs):
        raise InitDataError("a field given twice")
    given = fields.get("hash", "")
    expected = hmac.new(_secret(bot_token), _check_string(fields).encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(given, expected):
        raise InitDataError("hash does not match")
    try:
        auth_date = datetime.fromtimestamp(int(fields["auth_date"]), tz=now.tzinfo)
        user = json.loads(fields["user"])
        user_id = int(user["id"])
    except (KeyError, ValueError, TypeError) as exc:
        raise InitDataError("missing or malformed user or auth_date") from exc
    if auth_date > now + CLOCK_SKEW:
        raise InitDataError("auth_date in the future")
    if now - auth_date > max_age:
        raise InitDataError("stale")
    return WebAppUser(
        id=user_id,
        first_name=str(user.get("first_name", "")),
        last_name=str(user.get("last_name", "")),
        username=user.get("username"),
        auth_date=auth_date,
        start_param=fields.get("start_param"),
    )
