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


async def test_a_ward_chair_sitting_in_the_district_group_does_not_open_another_wards_board(env: Env) -> None:
    """Ward chairs sit in the district's steering committee, so in its Telegram group: as a member of the
    district, Bình (chair of Phúc Đồng) opened Sài Đồng's board — its tasks, obstacles, history. A ward's
    board opens to the district's chair (and secretary); the district's other members see each ward's
    line of figures, as in the Monday summary, and no «Mở bảng»."""
    w = env.world
    district_chair = w.add_user("Hằng", "Nguyễn", username="hang_quan")
    a_chair = w.add_user("An", "Lê", username="an_phuong")
    b_chair = w.add_user("Bình", "Võ", username="binh_phuong")
    district = w.add_group("BCĐ quận Long Biên", creator=district_chair, members=[a_chair, b_chair])
    ward_a = w.add_group("BCĐ phường Sài Đồng", creator=a_chair)
    ward_b = w.add_group("BCĐ phường Phúc Đồng", creator=b_chair)
    await env.say(a_chair, ward_a, "/giao Văn phòng rà soát hồ sơ, vướng kinh phí, trước ngày 24/11")
    await env.say(b_chair, ward_b, "/giao Công an phường kiểm tra cư trú trước ngày 30/11")
    for chair, ward in ((a_chair, ward_a), (b_chair, ward_b)):
        code = (await env.say(district_chair, district, "/lienket ma")).plain.split("Mã liên kết: ")[1].split(" ")[0]
        assert "Đã liên kết" in (await env.say(chair, ward, f"/lienket {code}")).plain
    upper, a = await committee_id(env, district), await committee_id(env, ward_a)

    status, body = await Client(env, b_chair).call(f"c/{a}")
    assert status == 403 and "rà soát hồ sơ" not in str(body)
    assert (await Client(env, b_chair).call(f"c/{a}/t/1"))[0] == 403
    _, district_board = await Client(env, b_chair).call(f"c/{upper}")
    assert [line["title"] for line in district_board["lower"]] == ["BCĐ phường Phúc Đồng", "BCĐ phường Sài Đồng"]
    assert district_board["committee"]["can"]["open_lower"] is False
    # The district's chair still opens every ward, read-only.
    status, ward_board = await Client(env, district_chair).call(f"c/{a}")
    assert status == 200 and ward_board["committee"]["read_only"]
    _, own = await Client(env, district_chair).call(f"c/{upper}")
    assert own["committee"]["can"]["open_lower"] is True
