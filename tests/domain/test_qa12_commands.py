"""qa12: a command written as said, with a word added («/giaoviec», «/giao_viec»), is taken for ours."""

from __future__ import annotations

import pytest

from domain.commands import close_command

OURS = ["giao", "assign", "ds", "xong", "xem", "viec", "tonghop", "start", "help", "huongdan"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("giaoviec", "giao"), ("giao_viec", "giao"), ("xongviec", "xong"), ("xemnhiemvu", "xem"),
     ("giaocongviec", "giao"), ("giao_cho", "giao"), ("startgame", None), ("dsviec", None), ("giaoxyz", None)],
)
def test_a_command_with_a_word_added_is_ours(typed: str, meant: str | None) -> None:
    assert close_command(typed, OURS) == meant
