"""The ward committee most e2e tests start from: Lan chairs «BCĐ Chuyển đổi số phường»; with
`office_with_contact`, its «Văn phòng» (VP) has Hoa Lê (@hoa_vanphong) as contact person, so she is
reminded in person. Written once for test_qa4_week and test_import_reminded."""

from __future__ import annotations

from dataclasses import dataclass

from emulator import Chat, User
from tests.e2e.conftest import Env

WARD = "BCĐ Chuyển đổi số phường"


def chair_and_group(env: Env, *, chair_username: str = "lan_truongban", title: str = WARD) -> tuple[User, Chat]:
    """Lan and her committee's group, nobody else in it yet."""
    chair = env.world.add_user("Lan", "Nguyễn", username=chair_username)
    return chair, env.world.add_group(title, creator=chair, members=[])


@dataclass(frozen=True)
class Office:
    chair: User
    hoa: User
    group: Chat


async def office_with_contact(env: Env, *, chair_username: str = "lan_truongban", title: str = WARD) -> Office:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username=chair_username)
    hoa = w.add_user("Hoa", "Lê", username="hoa_vanphong")
    group = w.add_group(title, creator=chair, members=[hoa])
    await env.say(chair, group, "/donvi them Văn phòng = VP")
    await env.say(chair, group, "/donvi gan VP @hoa_vanphong")
    return Office(chair, hoa, group)
