"""qa10: a committee whose chair — the group's creator — leaves a group with no other administrator.
Telegram passes a group's ownership on to nobody when its owner leaves (it gives the owner's rights back
when they return), so the bot cannot find a new chair: it said only «đã bỏ vai trò Trưởng ban», and every
«⛔ Chỉ Trưởng ban mới được …» after it was a dead end (the secretary asking /vaitro … truongban too)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Env


@pytest.mark.parametrize("bot_admin", [False, True])
async def test_a_committee_left_without_a_chair_says_so_and_gets_one_when_the_owner_returns(
    env: Env, bot_admin: bool
) -> None:
    w = env.world
    lan = w.add_user("Lan", "Nguyễn", username="lan_truongban")
    minh = w.add_user("Minh", "Trần", username="minh_thuky")
    binh = w.add_user("Bình", "Phạm", username="binh_pham")
    group = w.add_group("BCĐ Chuyển đổi số phường", creator=lan, members=[minh, binh],
                        bot_status="administrator" if bot_admin else "member")
    await env.say(lan, group, "/vaitro @minh_thuky thuky")
    await env.say(lan, group, "/giao @binh_pham rà soát hồ sơ một cửa trước ngày 15/12")

    before = len(w.bot_messages(group))
    w.remove_member(group, lan)  # the creator leaves; nobody else is an administrator
    await env.idle()
    told = "\n".join(m.plain for m in w.bot_messages(group)[before:])
    assert "Lan Nguyễn đã rời nhóm" in told
    assert "Ban không còn Trưởng ban" in told and "mời người tạo nhóm quay lại nhóm" in told

    env.advance(minutes=2)  # past the bot's memory of who is an administrator
    refused = await env.say(minh, group, "/huy 1 trùng việc")
    assert "Chỉ Trưởng ban mới được huỷ" in refused.plain
    assert "Ban hiện không có Trưởng ban" in refused.plain and "người tạo nhóm quay lại nhóm" in refused.plain
    roles = await env.say(binh, group, "/vaitro")
    assert "Chưa có Trưởng ban" in roles.plain and "Minh Trần — Thư ký" in roles.plain
    # What a secretary may do is not refused, and says nothing of the chair.
    logged = await env.say(minh, group, "/giao @binh_pham báo cáo số liệu dân cư trước ngày 20/12")
    assert "Đã ghi nhiệm vụ #2" in logged.plain and "Trưởng ban" not in logged.plain

    # Lan is added back: Telegram gives her the owner's rights again, and the committee its chair.
    before = len(w.bot_messages(group))
    w.add_member(group, lan, by=minh)
    await env.idle()
    back = "\n".join(m.plain for m in w.bot_messages(group)[before:])
    assert "Lan Nguyễn là Trưởng ban" in back
    cancelled = await env.say(lan, group, "/huy 1 trùng việc")
    assert "Đã huỷ nhiệm vụ #1" in cancelled.plain
    roles = await env.say(binh, group, "/vaitro")
    assert "Lan Nguyễn — Trưởng ban" in roles.plain and "Chưa có Trưởng ban" not in roles.plain


async def test_a_chair_leaving_with_an_administrator_left_passes_the_role_as_before(env: Env) -> None:
    """The way out is said only when there is no administrator: otherwise they are the chairs."""
    w = env.world
    lan = w.add_user("Lan", "Nguyễn", username="lan_truongban")
    tu = w.add_user("Tú", "Đỗ", username="tu_pho")
    group = w.add_group("BCĐ Chuyển đổi số phường", creator=lan, admins=[tu])
    await env.say(lan, group, "/vaitro")
    before = len(w.bot_messages(group))
    w.remove_member(group, lan)
    await env.idle()
    told = "\n".join(m.plain for m in w.bot_messages(group)[before:])
    assert "Tú Đỗ" in told and "Ban không còn Trưởng ban" not in told


@pytest.mark.parametrize("bot_admin", [False, True])
async def test_a_demoted_admin_is_told_why_the_chair_role_ended(env: Env, bot_admin: bool) -> None:
    """Bình, an administrator, acted as chair; the creator takes his administrator rights. His next
    «/huy» was refused with «Chỉ Trưởng ban mới được huỷ» only, as if he had never been chair."""
    w = env.world
    lan = w.add_user("Lan", "Nguyễn", username="lan_truongban")
    binh = w.add_user("Bình", "Phạm", username="binh_pham")
    group = w.add_group("BCĐ Chuyển đổi số phường", creator=lan, admins=[binh],
                        bot_status="administrator" if bot_admin else "member")
    changed = await env.say(binh, group, "/giao @binh_pham rà soát hồ sơ một cửa trước ngày 15/12")
    assert "Đã ghi nhiệm vụ #1" in changed.plain
    w.demote_admin(group, binh, by=lan)
    await env.idle()
    env.advance(minutes=2)  # past the bot's memory of who is an administrator
    refused = await env.say(binh, group, "/huy 1 trùng việc")
    assert "Chỉ Trưởng ban mới được huỷ" in refused.plain
    assert "không còn là quản trị viên của nhóm nên không còn quyền Trưởng ban" in refused.plain
    assert "Ban hiện không có Trưởng ban" not in refused.plain  # Lan is
    # Someone who never was chair is refused as before.
    minh = w.add_user("Minh", "Trần", username="minh_tv")
    w.add_member(group, minh, by=lan)
    await env.idle()
    plain = await env.say(minh, group, "/huy 1 trùng việc")
    assert "Chỉ Trưởng ban mới được huỷ" in plain.plain and "quản trị viên" not in plain.plain


async def test_a_secretary_moving_a_deadline_with_giahan_is_shown_sua(env: Env) -> None:
    """A secretary types /giahan (the word a meeting uses) for a task she does not do: she was told only
    «Chỉ người được giao hoặc Trưởng ban mới xin gia hạn»; /sua is hers, and now she is shown it."""
    w = env.world
    lan = w.add_user("Lan", "Nguyễn", username="lan_truongban")
    minh = w.add_user("Minh", "Trần", username="minh_thuky")
    binh = w.add_user("Bình", "Phạm", username="binh_pham")
    group = w.add_group("BCĐ Chuyển đổi số phường", creator=lan, members=[minh, binh])
    await env.say(lan, group, "/vaitro @minh_thuky thuky")
    await env.say(lan, group, "/giao @binh_pham rà soát hồ sơ một cửa trước ngày 26/11")
    refused = await env.say(minh, group, "/giahan 1 05/12 chờ số liệu")
    assert "không phải người thực hiện nhiệm vụ #1" in refused.plain
    assert "Thư ký đổi hạn bằng lệnh sửa: /sua 1 han 05/12/2026" in refused.plain
    done = await env.say(minh, group, "/sua 1 han 05/12/2026")
    assert "Đã sửa #1" in done.plain and "05/12/2026" in done.plain
    # A member who is neither is refused as before, without the secretary's way.
    plain = await env.say(binh, group, "/giahan 1 05/12")  # his own task: a request to the chair
    assert "Thư ký đổi hạn" not in plain.plain
