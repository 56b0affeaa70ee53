"""qa11: a ward committee over a month in the sandbox, as its chair and secretary typed it."""

from __future__ import annotations

from emulator import Chat, User
from tests.e2e.conftest import Env


def ward(env: Env) -> tuple[User, User, User, Chat]:
    w = env.world
    lan = w.add_user("Lan", "Nguyễn", username="lan_truongban")
    hoa = w.add_user("Hoa", "Lê", username="hoa_vanphong")
    binh = w.add_user("Bình", "Phạm", username="binh_congan")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=lan, members=[hoa, binh])
    return lan, hoa, binh, group


async def test_a_person_leading_with_a_unit_coordinating_keeps_the_unit(env: Env) -> None:
    """«/giao @hoa_vanphong chủ trì, phối hợp Công an phường rà soát …» — the spec's own form with a
    person as lead — was saved with Hoa as lead and no coordinator: the unit after «phối hợp» was silently
    dropped (the reader does not take an @username for a name, so the sentence had no subject)."""
    lan, hoa, binh, group = ward(env)
    await env.say(hoa, group, "/viec")  # both known to the bot by name
    await env.say(binh, group, "/viec")
    await env.say(lan, group, "/donvi them Công an phường = CA")
    await env.say(lan, group, "/donvi gan Công an phường @binh_congan")
    logged = await env.say(
        lan, group, "/giao @hoa_vanphong chủ trì, phối hợp Công an phường rà soát hồ sơ một cửa trước ngày 10/12"
    )
    assert "Đã ghi nhiệm vụ #1" in logged.plain
    assert "Chủ trì: Hoa Lê" in logged.plain
    assert "Phối hợp: Công an phường" in logged.plain
    # The same with «phối hợp với» and a unit's alias; a person after «phối hợp» still coordinates.
    logged = await env.say(
        lan, group, "/giao @hoa_vanphong phối hợp với CA kiểm tra camera an ninh tổ dân phố 3 trước ngày 11/12"
    )
    assert "Chủ trì: Hoa Lê" in logged.plain and "Phối hợp: Công an phường" in logged.plain
    logged = await env.say(lan, group, "/giao @hoa_vanphong chủ trì, phối hợp @binh_congan lập danh sách hộ kinh doanh")
    assert "Chủ trì: Hoa Lê" in logged.plain and "Phối hợp: Bình Phạm" in logged.plain
    # Two people, no role words: the first leads, as before.
    logged = await env.say(lan, group, "/giao @binh_congan @hoa_vanphong rà soát hồ sơ một cửa trước ngày 12/12")
    assert "Chủ trì: Bình Phạm" in logged.plain and "Phối hợp: Hoa Lê" in logged.plain


async def test_a_second_unit_cannot_take_a_name_another_unit_answers_to(env: Env) -> None:
    """The chair typed «/donvi them Văn phòng HĐND-UBND = VP, Văn phòng» where «Văn phòng HĐND&UBND (VP)»
    was registered: the bot answered «➕ Đã thêm», /donvi then listed two units both called «VP», and «phối
    hợp Văn phòng» in the next conclusion went to the new, empty one — its contact people never told."""
    lan, hoa, _binh, group = ward(env)
    await env.say(lan, group, "/donvi them Văn phòng HĐND&UBND = VP")
    await env.say(lan, group, "/donvi gan VP @hoa_vanphong")
    answer = await env.say(lan, group, "/donvi them Văn phòng HĐND-UBND = VP, Văn phòng")
    # The alias taken already is named, with whose it is, and not given twice.
    assert "«VP» đã là tên gọi của «Văn phòng HĐND&UBND»" in answer.plain
    # The near-identical name is pointed out, with how to undo it.
    assert "gần giống «Văn phòng HĐND&UBND»" in answer.plain and "/donvi bo Văn phòng HĐND-UBND" in answer.plain
    units = await env.say(hoa, group, "/donvi")
    assert units.plain.count("(VP") == 1
    logged = await env.say(lan, group, "/giao VP rà soát hồ sơ một cửa trước ngày 10/12")
    assert "Chủ trì: Văn phòng HĐND&UBND" in logged.plain
    # A name that is already another unit's alias is not a new unit.
    refused = await env.say(lan, group, "/donvi them VP")
    assert "«VP» đã là tên gọi của «Văn phòng HĐND&UBND»" in refused.plain
    units = await env.say(hoa, group, "/donvi")
    assert "• VP" not in units.plain
