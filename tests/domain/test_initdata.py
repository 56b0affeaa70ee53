"""Telegram's initData check for the board: genuine, fresh data passes; anything else is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlencode

import pytest

from domain.initdata import MAX_AGE, InitDataError, sign, sign_user, verify

TOKEN = "123456:AAE-test-token-of-the-bot"
NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


def fresh(**kwargs: object) -> str:
    return sign_user(42, "Lan", TOKEN, NOW - timedelta(minutes=3), last_name="Nguyễn", username="lan", **kwargs)


def test_genuine_fresh_data_names_the_user() -> None:
    user = verify(fresh(start_param="c-100123"), TOKEN, NOW)
    assert (user.id, user.full_name, user.username, user.start_param) == (42, "Lan Nguyễn", "lan", "c-100123")


def test_the_same_computation_as_telegrams_documented_example_shape() -> None:
    # Telegram sends fields in any order and URL-encoded; the check sorts them itself.
    data = dict(parse_qsl(fresh()))
    shuffled = urlencode(dict(reversed(list(data.items()))))
    assert verify(shuffled, TOKEN, NOW).id == 42


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: {**d, "user": d["user"].replace("42", "43")},  # someone else's id
        lambda d: {**d, "auth_date": str(int(d["auth_date"]) + 60)},  # a later date
        lambda d: {**d, "hash": "0" * 64},
        lambda d: {k: v for k, v in d.items() if k != "hash"},
        lambda d: {**d, "start_param": "c-999"},  # another group's committee
    ],
)
def test_altered_data_is_refused(tamper) -> None:  # type: ignore[no-untyped-def]
    data = dict(parse_qsl(fresh()))
    with pytest.raises(InitDataError):
        verify(urlencode(tamper(data)), TOKEN, NOW)


def test_data_signed_for_another_bot_is_refused() -> None:
    other = sign_user(42, "Lan", "999:another-bot", NOW)
    with pytest.raises(InitDataError):
        verify(other, TOKEN, NOW)


def test_stale_or_future_data_is_refused() -> None:
    old = sign_user(42, "Lan", TOKEN, NOW - MAX_AGE - timedelta(seconds=1))
    with pytest.raises(InitDataError, match="stale"):
        verify(old, TOKEN, NOW)
    ahead = sign_user(42, "Lan", TOKEN, NOW + timedelta(hours=1))
    with pytest.raises(InitDataError, match="future"):
        verify(ahead, TOKEN, NOW)


@pytest.mark.parametrize("raw", ["", "garbage", "user=%7B%7D", "a=1&a=2"])
def test_malformed_data_is_refused(raw: str) -> None:
    with pytest.raises(InitDataError):
        verify(raw, TOKEN, NOW)


def test_a_signed_record_without_a_user_is_refused() -> None:
    with pytest.raises(InitDataError):
        verify(sign({"auth_date": str(int(NOW.timestamp()))}, TOKEN), TOKEN, NOW)
