"""sec15: roles that change in the middle of a flow — each case as a user meets it, through the emulator.

Nobody acts beyond their role as Telegram has it at the moment they act (not when the flow began), and what
they were refused changes nothing stored."""

from __future__ import annotations

from sqlalchemy import select

from bot.texts import BTN_GATHER_DONE
from db.models import ExtensionRequest, Task
from emulator import text_mention
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import bot_messages_since, committee, preview_after

CONCLUSION = ("Kết luận giao ban\n1. Giao Văn phòng rà soát hồ sơ một cửa trước ngày 15/12/2026.\n"
              "2. Giao Công an phường kiểm tra camera an ninh trước ngày 20/12/2026.")


async def _tasks(env: Env) -> int:
    async with env.sessions() as s:
        return len(list(await s.scalars(select(Task.id))))


async def test_a_secretary_demoted_while_her_preview_is_open_cannot_save_it(env: Env) -> None:
    w = env.world
    chair, member, group = await committee(env)
    await env.say(chair, group, ["/vaitro ", text_mention(member), " thuky"])
    cursor = len(w.bot_messages(group))
    w.send_text(member, group, "/nhap " + CONCLUSION)
    pages = await preview_after(env, group, cursor)
    await env.say(chair, group, ["/vaitro ", text_mention(member), " bo"])
    cursor = len(w.bot_messages(group))
    query = await env.press(member, pages[-1], next(t for t in pages[-1].button_texts() if "Lưu tất cả" in t))
    await env.idle()
    refusal = (query.answer_text or "") + " ".join(m.plain for m in bot_messages_since(env, group, cursor))  # type: ignore[attr-defined]
    assert "⛔" in refusal, refusal
    assert await _tasks(env) == 0
    # The chair, who may, saves the same preview: nothing the secretary prepared is lost.
    await env.press(chair, pages[-1], next(t for t in pages[-1].button_texts() if "Lưu tất cả" in t))
    assert await _tasks(env) == 2


async def test_a_secretary_removed_from_the_group_while_gathering_privately_saves_nothing(env: Env) -> None:
    w = env.world
    chair, member, group = await committee(env)
    await env.say(chair, group, ["/vaitro ", text_mention(member), " thuky"])
    w.start_private(member)
    await env.idle()
    await env.say(member, member, "/nhap")
    w.send_text(member, member, CONCLUSION)
    got = await w.wait_for(lambda m: "Đã nhận 1 phần" in m.plain, timeout=30, chat=member)
    await env.idle()
    w.remove_member(group, member, by=chair)
    await env.idle()
    cursor = len(w.bot_messages(member))
    query = await env.press(member, got, BTN_GATHER_DONE)
    await env.idle()
    said = (query.answer_text or "") + " ".join(m.plain for m in bot_messages_since(env, member, cursor))  # type: ignore[attr-defined]
    assert "⛔" in said or "không" in said.lower(), said
    assert not any(any("Lưu tất cả" in t for t in m.button_texts()) for m in bot_messages_since(env, member, cursor))
    assert await _tasks(env) == 0


async def test_a_chair_who_left_the_group_cannot_decide_an_extension_from_her_private_chat(env: Env) -> None:
    """Hà, an administrator (a chair), leaves the group; a request for more time is pending. A press of
    «Duyệt» forged in her private chat is refused; the request stays pending."""
    w = env.world
    chair, member, group = await committee(env)
    ha = w.add_user("Hà", "Trần", username="ha_phochutich")
    w.add_member(group, ha, by=chair)
    w.promote_admin(group, ha)
    w.start_private(ha)
    await env.idle()
    await env.say(ha, group, "/ds")  # the bot knows her as a chair
    await env.say(chair, group, ["/giao ", text_mention(member), " rà soát hồ sơ một cửa trước ngày 15/12"])
    await env.say(member, group, "/giahan 1 22/12 chờ số liệu của phường")
    async with env.sessions() as s:
        req = await s.scalar(select(ExtensionRequest))
        assert req is not None and req.status == "pending"
    w.remove_member(group, ha)  # she leaves
    await env.idle()
    hello = await env.say(ha, ha, "/viec")
    query = w.press_forged(ha, hello, f"extok:{req.id}")
    await w.wait_until(lambda: query.answered)
    await env.idle()
    assert "⛔" in (query.answer_text or ""), query.answer_text
    async with env.sessions() as s:
        again = await s.get(ExtensionRequest, req.id)
        task = await s.scalar(select(Task).where(Task.number == 1))
        assert again is not None and again.status == "pending" and task is not None and task.due_current.day == 15


async def test_a_member_of_two_committees_who_left_one_unheard_cannot_report_there_privately(env: Env) -> None:
    """Minh is in wards A and B, with task #1 in each. He leaves B; Telegram hides the «left» message (a big
    group's setting) and the bot is no admin there: nothing tells it. His private «/tiendo» answers for A's
    #1 goes to A at once (B is not offered: before, a button for each ward, B's refused only when pressed);
    B's #1 takes no report, as Telegram says now."""
    w = env.world
    chair, minh, ward_a = await committee(env)
    binh = w.add_user("Bình", "Lê", username="binh_chutich")
    ward_b = w.add_group("BCĐ Chuyển đổi số phường Phúc Đồng", creator=binh, members=[minh])
    w.start_private(minh)
    await env.idle()
    await env.say(chair, ward_a, ["/giao ", text_mention(minh), " rà soát hồ sơ một cửa trước ngày 15/12"])
    await env.say(binh, ward_b, ["/giao ", text_mention(minh), " kiểm tra camera an ninh trước ngày 20/12"])
    ward_b.members[minh.id] = "left"  # unheard: no service message, no chat_member update
    env.advance(minutes=2)  # past any answer the bot remembers
    answer = await env.say(minh, minh, "/tiendo 1 đã làm được một nửa")
    assert "Phúc Đồng" not in answer.plain and "#1" in answer.plain and not answer.buttons, answer.plain
    async with env.sessions() as s:
        from db.models import Committee, TaskEvent

        b_id = await s.scalar(select(Committee.id).where(Committee.chat_id == ward_b.id))
        b_task = await s.scalar(select(Task).where(Task.committee_id == b_id))
        assert b_task is not None
        kinds = set(await s.scalars(select(TaskEvent.kind).where(TaskEvent.task_id == b_task.id)))
        assert "progress" not in kinds
        a_task = await s.scalar(select(Task).where(Task.committee_id != b_id))
        assert a_task is not None
        assert "progress" in set(await s.scalars(select(TaskEvent.kind).where(TaskEvent.task_id == a_task.id)))
