"""qa14: who sees a ward's board through a district link — a code past its day, a ward chair who is not
in the district, a district the ward never joined (the board's HTTP API, as the page calls it)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.e2e.conftest import Env, bot_env
from tests.e2e.test_board import WEBAPP, Client, committee_id


@pytest.fixture
async def env(database_url: str) -> AsyncIterator[Env]:
    async with bot_env(database_url, webapp_url=WEBAPP, webapp_port=0) as e:
        yield e


async def test_a_link_code_past_its_day_links_nothing_and_shows_nothing(env: Env) -> None:
    w = env.world
    district_chair = w.add_user("Hằng", "Nguyễn", username="hang_quan")
    ward_chair = w.add_user("An", "Lê", username="an_phuong")
    other_chair = w.add_user("Bảo", "Vũ", username="bao_quan")
    district = w.add_group("BCĐ quận Long Biên", creator=district_chair)
    other = w.add_group("BCĐ quận Gia Lâm", creator=other_chair)
    ward = w.add_group("BCĐ phường Sài Đồng", creator=ward_chair)
    await env.say(ward_chair, ward, "/giao Văn phòng rà soát hồ sơ trước ngày 24/11")
    code = (await env.say(district_chair, district, "/lienket ma")).plain.split("Mã liên kết: ")[1].split(" ")[0]
    env.advance(hours=25)
    late = await env.say(ward_chair, ward, f"/lienket {code}")
    assert "không đúng hoặc đã hết hạn" in late.plain
    ward_id, district_id = await committee_id(env, ward), await committee_id(env, district)
    await env.say(other_chair, other, "/tonghop")
    status, _ = await Client(env, district_chair).call(f"c/{ward_id}")
    assert status == 403
    _, board = await Client(env, district_chair).call(f"c/{district_id}")
    assert board["lower"] == []
    # A district the ward never joined sees nothing of it either, not even its title on /api/me.
    assert (await Client(env, other_chair).call(f"c/{ward_id}"))[0] == 403
    _, me = await Client(env, other_chair).call("me")
    assert "Sài Đồng" not in str(me)
