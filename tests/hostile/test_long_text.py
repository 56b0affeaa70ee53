"""Answers that repeat what a person wrote must still reach them: Telegram refuses a message longer
than 4096 characters, and a refused answer is silence."""

from __future__ import annotations

from emulator import text_mention
from tests.hostile.conftest import HostileEnv, make_cast

LONG = "Cần bổ sung <số liệu> & hồ sơ; " * 125  # about 3,900 characters, with HTML-special characters


async def test_long_texts_are_answered(hostile_env: HostileEnv) -> None:
    env = hostile_env
    cast = await make_cast(env)
    for who, text in [
        (cast.assignee, f"/tiendo 1 {LONG}"),
        (cast.assignee, f"/vuongmac 1 {LONG}"),
        (cast.chair, f"/donvi bo {LONG}"),
        (cast.chair, f"/ds {LONG}"),
        (cast.chair, f"/hop moi {LONG}"),
        (cast.chair, f"/sua 1 {LONG[:1900]}"),
    ]:
        answer = await env.say(who, cast.group, text)
        assert answer.plain.strip(), text[:20]
    # After all that history, the task's card is still one message.
    card = await env.say(cast.chair, cast.group, "/xem 1")
    assert "#1" in card.plain
    # The extension request reaches the chair with its buttons, the reason cut short.
    await env.say(cast.assignee, cast.group, "/giahan 2 30/12 " + (LONG * 2)[:4070])
    await env.say(cast.chair, cast.group, ["/giao ", text_mention(cast.assignee), " " + LONG[:1900]])
    asks = [m for m in env.world.bot_messages(cast.group) if any(
        b.get("callback_data", "").startswith("extok:") for row in m.buttons for b in row)]
    assert len(asks) == 2 and "#2" in asks[-1].plain
    assert not env.errors, env.errors


async def test_a_conclusion_of_two_hundred_points(hostile_env: HostileEnv) -> None:
    """A file of 200 directives: the preview shows every item, over several messages cut between items
    (each within Telegram's limit, the buttons under the last), the pick screen stays under Telegram's
    100 buttons, and saving saves all the kept ones."""
    env = hostile_env
    cast = await make_cast(env)
    before = await env.task_count()
    mark = len(env.world.bot_messages(cast.group))
    lines = "\n".join(f"{k}. Giao Văn phòng rà soát hồ sơ đợt {k} của phường trước 15/12." for k in range(1, 201))
    env.world.send_document(cast.chair, cast.group, "ket_luan.txt", lines.encode(), caption="/nhap")
    # 200 directives to read and a preview of several messages to send: more than a reply's 5 s on a loaded machine.
    preview = await env.world.wait_for(lambda m: m.buttons != [], chat=cast.group, timeout=60)
    await env.idle()
    pages = env.world.bot_messages(cast.group)[mark:]
    assert "200 nhiệm vụ" in pages[0].plain and pages[-1].message_id == preview.message_id and len(pages) > 1
    assert all(len(p.plain.encode("utf-16-le")) // 2 <= 4096 and not p.buttons for p in pages[:-1])
    shown = "\n".join(p.plain for p in pages)
    assert all(f"đợt {k} của phường" in shown for k in range(1, 201))
    draft = preview.buttons[0][0]["callback_data"].split(":")[1]
    await env.press(cast.chair, preview, "🗑 Bỏ mục…")
    picking = env.world.message(cast.group, preview.message_id)
    assert 0 < sum(len(row) for row in picking.buttons) <= 100
    # (qa20) Dropping an item redraws every part of the preview in place: every kept item still shown (the
    # buttons' message once became a summary pointing «above», and the items it had shown were shown nowhere).
    query = env.world.press_button(cast.chair, picking, f"imp:{draft}:drop:5")
    await env.world.wait_until(lambda: query.answered)
    await env.idle()
    summary = env.world.message(cast.group, preview.message_id)
    now = [m for m in env.world.bot_messages(cast.group)[mark:] if not m.deleted]
    assert "199 nhiệm vụ" in now[0].plain and "đã bỏ mục 5" in summary.plain and summary.buttons
    shown = "\n".join(p.plain for p in now)
    assert all(f"đợt {k} của phường" in shown for k in range(1, 201) if k != 5)
    assert "đợt 5 của phường" not in shown
    assert all(len(p.plain.encode("utf-16-le")) // 2 <= 4096 for p in now)
    query = env.world.press_forged(cast.chair, summary, f"imp:{draft}:save")
    await env.world.wait_until(lambda: query.answered, timeout=60)  # 199 tasks and their reminders
    await env.idle()
    assert await env.task_count() == before + 199
    assert not env.errors, env.errors
