"""QA round 2: what people see after the bot learns more than it knew when a task was logged."""

from __future__ import annotations

from sqlalchemy import select

from db.models import TaskAssignee
from tests.e2e.conftest import Env


async def test_a_person_first_named_by_username_is_shown_by_their_real_name_once_seen(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    minh = w.add_user("Minh", "Phạm", username="minh_vanphong")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[minh])
    await env.say(chair, group, "/giao @minh_vanphong soạn báo cáo quý trước 15/12")
    before = await env.say(chair, group, "/ds")
    assert "— @minh_vanphong ·" in before.plain  # all the bot knows so far

    await env.say(minh, group, "/viec")  # Minh writes in the group: Telegram gives his name
    seen = {command: (await env.say(chair, group, command)).plain for command in ("/ds", "/tonghop", "/xem 1")}
    assert "— Minh Phạm ·" in seen["/ds"]
    assert "Chủ trì: Minh Phạm" in seen["/xem 1"]
    assert "Minh Phạm" in seen["/tonghop"] and "@minh_vanphong" not in seen["/tonghop"]

    minh.first_name, minh.last_name = "Minh", "Phạm Văn"  # he changes his profile later
    await env.say(minh, group, "/viec")
    reply = await env.say(chair, group, "/ds")
    assert "— Minh Phạm Văn ·" in reply.plain
    async with env.sessions() as s:
        assert (await s.scalars(select(TaskAssignee.label))).all() == ["Minh Phạm Văn"]
