"""product13: a bare name the bot cannot place is not shown as a unit; deadlines typed without diacritics."""

from __future__ import annotations

from tests.e2e.conftest import Env
from tests.e2e.test_qa12_first_day import ward


async def _ready(env: Env):  # type: ignore[no-untyped-def]
    lan, _hung, _mai, group = ward(env)
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    return lan, group


async def test_a_bare_name_nobody_can_place_is_asked_about_not_shown_as_a_unit(env: Env) -> None:
    """«Tuấn Anh chủ trì …»: nobody of that name has written in the group and no unit is called so. Before:
    «🏢 Chủ trì: Tuấn Anh», «chưa có trong danh sách đơn vị», and /tonghop counted him under «Theo đơn vị»."""
    lan, group = await _ready(env)
    logged = await env.say(lan, group, "/giao Tuấn Anh chủ trì rà soát camera trước ngày 15/12")
    assert "❓ Chủ trì: Tuấn Anh" in logged.plain, logged.plain
    assert "🏢" not in logged.plain and "chưa có trong danh sách đơn vị" not in logged.plain
    assert "chưa rõ «Tuấn Anh» là ai hay đơn vị nào" in logged.plain
    assert "/sua 1 giao @ten_nguoi" in logged.plain  # a person: by @name
    labels = [b["text"] for row in logged.reply_markup["inline_keyboard"] for b in row]
    assert any("Tuấn Anh" in label for label in labels), labels  # a unit: the button, as for unknown units

    # A coordinator named so is asked about alike; the lead, a unit, keeps its icon.
    logged = await env.say(lan, group, "/giao Văn phòng chủ trì, phối hợp Hùng rà soát camera trước ngày 15/12")
    assert "🏢 Chủ trì: Văn phòng" in logged.plain
    assert "chưa rõ «Hùng» là ai hay đơn vị nào" in logged.plain, logged.plain

    summary = (await env.say(lan, group, "/tonghop")).plain
    units = summary.split("Theo đơn vị", 1)[1].split("Giao trực tiếp cho cá nhân", 1)[0]
    assert "Văn phòng HĐND&UBND: 0/1" in units and "Tuấn Anh" not in units, summary
    assert "Tuấn Anh: 0/1" in summary.split("Giao trực tiếp cho cá nhân", 1)[1]

    # A unit not yet declared is still a unit.
    logged = await env.say(lan, group, "/giao Tổ công nghệ số cộng đồng làm báo cáo trước thứ 6")
    assert "🏢 Chủ trì: Tổ công nghệ số cộng đồng" in logged.plain and "chưa có trong danh sách đơn vị" in logged.plain


async def test_deadlines_typed_without_diacritics_are_read(env: Env) -> None:
    """A phone without a Vietnamese keyboard: «truoc ngay 15/12», «han cuoi thang 12» (no tone keys typed:
    raw Telex such as «truwowcs» is not read, and is not claimed to be)."""
    lan, group = await _ready(env)
    logged = await env.say(lan, group, "/giao Van phong lam bao cao truoc ngay 15/12")
    assert "📅 Hạn: Thứ Ba, 15/12/2026" in logged.plain, logged.plain
    logged = await env.say(lan, group, "/giao Cong an phuong ra soat camera xong truoc ngay 15/12")
    assert "📅 Hạn: Thứ Ba, 15/12/2026" in logged.plain, logged.plain
    # The unit it names is saved with its diacritics: before, «Cong an phuong» in the card, /donvi and reports.
    assert "🏢 Chủ trì: Công an phường" in logged.plain, logged.plain
    units = (await env.say(lan, group, "/donvi")).plain
    assert "Công an phường" in units and "Cong an phuong" not in units, units
    logged = await env.say(lan, group, "/giao Van phong lam bao cao han cuoi thang 12")
    assert "📅 Hạn: Thứ Năm, 31/12/2026" in logged.plain, logged.plain


async def test_a_plain_date_whose_words_were_not_read_is_offered_as_the_deadline(env: Env) -> None:
    """Telex typed raw («truwowcs ngayf 15/12»: the tone keys stay in the words) is not read; the date in
    plain numbers is offered as a button under «Chưa thấy hạn hoàn thành», not guessed."""
    lan, group = await _ready(env)
    logged = await env.say(lan, group, "/giao Van phong lam bao cao truwowcs ngayf 15/12")
    assert "Chưa thấy hạn hoàn thành" in logged.plain and "Trong tin có ngày 15/12/2026" in logged.plain
    assert (await env.task(1, group)).due_current is None  # offered, not set
    await env.press(lan, logged, "📅 Hạn 15/12/2026")
    task = await env.task(1, group)
    assert task.due_current is not None and f"{task.due_current:%d/%m/%Y}" == "15/12/2026"

    # Two dates: none is offered (which one is the deadline is not guessed).
    logged = await env.say(lan, group, "/giao Van phong tong hop so lieu tu 01/12 den 10/12")
    assert "Trong tin có ngày" not in logged.plain, logged.plain
