"""qa11: a ward committee over a month in the sandbox, as its chair and secretary typed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator import Chat, User
from tests.domain.test_ocr_pages import pytestmark as needs_tesseract
from tests.e2e.conftest import Env

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


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


def _web_page_photo(text: str) -> bytes:
    """A printed web article photographed a little crooked (1.2°), as JPEG: the secretary's «scan» in the
    sandbox. Tesseract's orientation detection called this upright page upside down (180°, confidence 4.8,
    «Script: Cyrillic»): the bot turned it over and read «09E1E6:dẻ2 Ẩn. ỏn[ …»."""
    import io
    import textwrap

    from PIL import Image, ImageDraw, ImageFont

    lines: list[str] = []
    for para in text.split("\n"):
        lines += textwrap.wrap(para, 70) or [""]
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 22)
    page = Image.new("L", (1400, 40 + 34 * len(lines)), 255)
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(lines):
        draw.text((40, 20 + 34 * i), line, font=font, fill=0)
    out = io.BytesIO()
    page.rotate(1.2, fillcolor=250, expand=True).convert("RGB").save(out, "JPEG", quality=70)
    return out.getvalue()


@needs_tesseract
@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf").exists(), reason="DejaVu Serif")
async def test_an_upright_photo_the_orientation_guess_calls_upside_down_is_read_upright(env: Env) -> None:
    lan, _hoa, _binh, group = ward(env)
    await env.say(lan, group, "/viec")
    photo = _web_page_photo((SEEDS / "003_e56d91e21fdd0fe3.txt").read_text(encoding="utf-8"))
    env.world.send_photo(lan, group, photo, caption="/nhap")
    answer = await env.world.wait_for(
        lambda m: "Xem trước" in m.plain or "Không tìm thấy" in m.plain, chat=group, timeout=120
    )
    await env.idle()
    assert "Xem trước" in answer.plain, answer.plain
    assert "UBND quận" in answer.plain and "hòm công vụ" in answer.plain


async def test_a_correction_to_the_preview_may_start_with_sua(env: Env) -> None:
    """The secretary replied «sửa mục 2 giao Văn phòng» to the preview — what one says — and was told
    «Chưa hiểu yêu cầu sửa»; «mục 2 giao Văn phòng» alone was understood."""
    lan, _hoa, _binh, group = ward(env)
    await env.say(lan, group, "/donvi them Văn phòng HĐND&UBND = VP, Văn phòng")
    await env.say(lan, group, "/donvi them Công an phường = CA")
    preview = await env.say(
        lan, group,
        "/nhap\n1. Giao Công an phường kiểm tra camera an ninh trước ngày 20/12.\n"
        "2. Giao Công an phường rà soát hồ sơ một cửa trong tháng 12.",
    )
    assert "Xem trước: 2 nhiệm vụ" in preview.plain
    answer = await env.say(lan, group, "sửa mục 2 giao Văn phòng", reply_to=preview)
    assert "Mục 2: chủ trì mới Văn phòng HĐND&UBND" in answer.plain
    newer = [m for m in env.world.bot_messages(group) if "Xem trước" in m.plain][-1]
    answer = await env.say(lan, group, "Đổi mục 1 hạn 24/12", reply_to=newer)
    assert "Mục 1: hạn mới 24/12" in answer.plain


def _opens_reply_for(prompt: object, user: User) -> bool:
    """Telegram's selective ForceReply opens the reply box only for the people @mentioned in the prompt, or
    for the author of the message it replies to; a prompt that names nobody opens it for nobody."""
    from tests.e2e.conftest import mentioned

    assert getattr(prompt, "reply_markup", None) and prompt.reply_markup.get("force_reply")  # type: ignore[attr-defined]
    replied = getattr(prompt, "reply_to", None)
    return (
        f"@{user.username}" in prompt.plain  # type: ignore[attr-defined]
        or user.id in mentioned(prompt)  # type: ignore[arg-type]
        or (replied is not None and replied.from_user is not None and replied.from_user.id == user.id)
    )


async def test_the_questions_of_nhap_in_a_group_open_the_reply_for_who_asked(env: Env) -> None:
    """«/nhap» alone in the group answered «📋 Trả lời (reply) tin nhắn này bằng toàn bộ nội dung kết luận»
    naming nobody and replying to nothing: the secretary's Telegram did not open the reply, she pasted the
    conclusion as a plain message, and the bot (privacy mode) never saw it — silence. The same for
    «✏️ Sửa mục…» → a number: «Trả lời tin này bằng …» opened the reply for nobody."""
    lan, _hoa, _binh, group = ward(env)
    minh = env.world.add_user("Minh", "Trần", username="minh_thuky")
    env.world.add_member(group, minh, by=lan)
    await env.say(lan, group, "/vaitro @minh_thuky thuky")
    asked = await env.say(minh, group, "/nhap")
    assert "Trả lời (reply) tin nhắn này" in asked.plain
    assert _opens_reply_for(asked, minh)
    preview = await env.say(
        minh, group, "1. Giao Công an phường kiểm tra camera an ninh trước ngày 20/12.", reply_to=asked
    )
    assert "Xem trước: 1 nhiệm vụ" in preview.plain
    await env.press(minh, preview, "✏️ Sửa mục…")
    picked = [m for m in env.world.bot_messages(group) if m.message_id == preview.message_id][-1]
    await env.press(minh, picked, "1")
    question = env.world.bot_messages(group)[-1]
    assert _opens_reply_for(question, minh), question.plain


async def test_a_conclusion_pasted_to_the_bot_without_nhap_need_not_be_pasted_again(env: Env) -> None:
    """The secretary pasted a conclusion straight into her chat with the bot; it answered «gõ /nhap rồi dán
    lại toàn văn» — on a phone, copying a long text again. A reply «/nhap» to the pasted message takes it
    (it always did): the hint says so."""
    lan, _hoa, _binh, group = ward(env)
    minh = env.world.add_user("Minh", "Trần", username="minh_thuky")
    env.world.add_member(group, minh, by=lan)
    await env.say(lan, group, "/vaitro @minh_thuky thuky")
    env.world.start_private(minh)
    await env.idle()
    text = ("Kết luận giao ban Ban chỉ đạo chuyển đổi số phường tháng 12. " * 40
            + "\n1. Giao Công an phường kiểm tra camera an ninh các tổ dân phố trước ngày 20/12.\n")
    pasted = env.world.send_text(minh, minh, text)
    hint = await env.world.wait_for(chat=minh)
    await env.idle()
    assert "trả lời (reply) tin vừa dán bằng /nhap" in hint.plain and "không cần dán lại" in hint.plain
    started = await env.say(minh, minh, "/nhap", reply_to=pasted)
    assert "Đã nhận 1 phần" in started.plain


async def test_an_impossible_date_is_answered_with_an_example_of_the_same_command(env: Env) -> None:
    """«/giahan 2 31/02» was answered «Ngày «31/02» không tồn tại … ví dụ: xong trước ngày 15/12» — an
    example of /giao, not of what was typed; so for «/sua 2 han 30/02» and «1 hạn 31/02» to a preview."""
    lan, _hoa, _binh, group = ward(env)
    await env.say(lan, group, "/donvi them Công an phường = CA")
    await env.say(lan, group, "/giao CA kiểm tra camera an ninh trước ngày 20/12")
    answer = await env.say(lan, group, "/giahan 1 31/02 chờ số liệu")
    assert "«31/02» không tồn tại" in answer.plain and "/giahan 1 " in answer.plain
    answer = await env.say(lan, group, "/sua 1 han 30/02")
    assert "«30/02» không tồn tại" in answer.plain and "/sua 1 han " in answer.plain
    preview = await env.say(lan, group, "/nhap\n1. Giao Công an phường rà soát hồ sơ một cửa trước ngày 20/12.")
    answer = await env.say(lan, group, "1 hạn 31/02", reply_to=preview)
    assert "«31/02» không tồn tại" in answer.plain and "ví dụ: 1 hạn " in answer.plain
