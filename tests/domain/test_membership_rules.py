"""The pure rules behind issue 14: who is a chair now, and which unknown command is a slip of ours."""

from __future__ import annotations

import pytest

from domain.commands import close_command, edit_distance
from domain.permissions import Role, current_role

OURS = ["giao", "assign", "ds", "list", "xong", "done", "tonghop", "summary", "vuongmac", "start", "help", "hop"]


@pytest.mark.parametrize(
    ("stored", "granted", "admin", "expected"),
    [
        (None, False, True, Role.CHAIR),  # an admin is a chair
        (Role.CHAIR, False, True, Role.CHAIR),
        (Role.CHAIR, False, False, Role.MEMBER),  # recorded as admin, no longer one: a member
        (Role.CHAIR, True, False, Role.CHAIR),  # granted by a chair (/vaitro truongban): stays
        (Role.SECRETARY, True, False, Role.SECRETARY),
        (Role.SECRETARY, True, True, Role.CHAIR),  # a secretary made admin
        (None, False, False, Role.MEMBER),
    ],
)
def test_current_role(stored: Role | None, granted: bool, admin: bool, expected: Role) -> None:
    assert current_role(stored, granted_by_chair=granted, telegram_admin=admin) == expected


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("giaoo", "giao"), ("gioa", "giao"), ("xogn", "xong"), ("tonghopp", "tonghop"), ("vuongmat", "vuongmac"),
     ("tonhgop", "tonghop"), ("GIAO", None), ("giao", None)],
)
def test_a_slip_of_the_keyboard_is_recognised(typed: str, meant: str | None) -> None:
    assert close_command(typed, OURS) == meant


@pytest.mark.parametrize("other_bots", ["stats", "ban", "id", "mute", "warn", "info", "rules", "kick", "settings1x"])
def test_other_bots_commands_are_not_ours(other_bots: str) -> None:
    assert close_command(other_bots, OURS) is None


def test_edit_distance() -> None:
    assert edit_distance("giao", "giao") == 0
    assert edit_distance("giao", "gioa") == 1  # a swap of neighbours
    assert edit_distance("stats", "start") == 2
    assert edit_distance("", "ds") == 2
