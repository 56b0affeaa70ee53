"""Replies to the bot's questions that come before the bot has written the question down, or that answer
a copy of it, used to be dropped in silence (no answer at all). Which ask can race:

- /baocao's heading question (handlers.reports.baocao): /baocao runs as its own task (block=False in
  handlers/registry.py), and handlers.common.ask_by_reply stored the question only after Telegram answered
  the send (committed later still). Now handlers.common.ask_before_sending stores and commits it first and
  fills in the message id after; a reply meanwhile is matched by the question's text (handlers.answers).
- An earlier page of a long /nhap preview (a file's /nhap runs as its own task; so does the quiet minute
  of a private gathering): the draft's message ids are stored after every page is sent, and the buttons
  that found the draft meanwhile (test_preview_reply_race.py) are under the last page only. Now the page's
  text is matched against the drafts whose ids are not stored yet.
- Any question whose send was tried again after its answer was lost (bot/reply_retry.py): it shows twice
  and only the second copy's id was stored. Questions now keep their visible text.

The other questions (directives, membership, progress: button presses; /nhap's text question; a preview
item's fix question) are asked from blocking handlers: with one instance the next update waits until their
transaction is committed, so they cannot race this way; with two instances they could, and every question
is now stored before it is sent (handlers.common.ask_by_reply; tests/replication/test_question_race.py).

As in test_preview_reply_race.py, the order is made certain: Telegram carries out the sendMessage but its
answer to the bot waits (a gate), the chair replies meanwhile, and the answer is released once that reply
was handled.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import pytest
from docx import Document

from emulator.faults import FaultKind, FaultRule
from tests.e2e.conftest import Env, bot_env
from tests.e2e.racekit import HELD_ANSWERS, questions_sent, when_handled
from tests.e2e.test_long_conclusion import long_conclusion


@pytest.fixture
async def env(database_url: str) -> AsyncIterator[Env]:
    """The bot of tests/e2e/conftest.py waiting for Telegram's held answers (racekit.HELD_ANSWERS)."""
    async with bot_env(database_url, **HELD_ANSWERS) as e:
        yield e


async def test_a_reply_to_the_report_question_before_it_is_stored_is_answered(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[])
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, "/giao Công an phường rà soát camera an ninh trước ngày 27/11")

    late = env.emulator.faults.add(FaultRule(
        FaultKind.DELAY, frozenset({"sendmessage"}), frozenset({group.id}), times=1, after_processing=True,
        gate=asyncio.Event(),
    ))
    answer = "UBND phường Sài Đồng; Long Biên; Nguyễn Thị Lan"
    handled = when_handled(env, answer)

    w.send_text(chair, group, "/baocao")
    prompt = await w.wait_for(lambda m: "cơ quan chủ quản" in m.plain, timeout=30, chat=group)
    w.send_text(chair, group, answer, reply_to=prompt)  # before the bot heard back from Telegram
    await asyncio.wait_for(handled.wait(), 30)
    assert late.gate is not None
    late.gate.set()
    sent = await w.wait_for(lambda m: m.document is not None, timeout=30, chat=group)
    await env.idle()
    assert sent.document is not None
    left = Document(io.BytesIO(sent.document.data)).tables[0].rows[0].cells[0].text
    assert left.startswith("UBND PHƯỜNG SÀI ĐỒNG")
    # Answered once: the question, stored when Telegram answered, is not left waiting for a second reply.
    again = await env.say(chair, group, "/baocao")
    assert again.document is not None


async def test_a_reply_that_fits_two_questions_not_yet_stored_is_told_so_and_applies_nothing(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[])
    await env.say(chair, group, "/donvi them Công an phường = CA")  # the chair is known before two tasks run

    late = env.emulator.faults.add(FaultRule(
        FaultKind.DELAY, frozenset({"sendmessage"}), frozenset({group.id}), times=2, after_processing=True,
        gate=asyncio.Event(),
    ))
    answer = "UBND phường Sài Đồng; Long Biên; Nguyễn Thị Lan"
    handled = when_handled(env, answer)

    month = w.send_text(chair, group, "/baocao")
    w.send_text(chair, group, "/baocao quy IV/2026")
    await w.wait_for(
        lambda m: len([e for e in w.events if "cơ quan chủ quản" in e.message.plain]) == 2, timeout=30, chat=group
    )
    # The question asked by the first /baocao (each quotes its command; the two run as tasks, in any order).
    first = next(
        e.message for e in w.events
        if "cơ quan chủ quản" in e.message.plain and e.message.reply_to is not None
        and e.message.reply_to.message_id == month.message_id
    )
    w.send_text(chair, group, answer, reply_to=first)  # both questions sent, neither heard back yet
    unclear = await w.wait_for(lambda m: "trả lời lại" in m.plain, timeout=30, chat=group)
    assert "chưa được lưu" in unclear.plain and unclear.document is None
    await asyncio.wait_for(handled.wait(), 30)
    assert late.gate is not None
    late.gate.set()
    await questions_sent(env, 2)
    await env.idle()
    assert not [e for e in w.events if e.message.document is not None]  # nothing applied

    # Once the questions are stored with their messages, the same reply is answered: the report follows.
    w.send_text(chair, group, answer, reply_to=first)
    sent = await w.wait_for(lambda m: m.document is not None, timeout=30, chat=group)
    await env.idle()
    assert sent.document is not None and sent.document.filename.endswith("_thang-11-2026.docx")


async def test_a_reply_to_the_first_page_of_a_long_preview_before_it_is_stored_is_answered(env: Env) -> None:
    """The buttons that let handlers.importing find a draft before its message ids are stored are under
    the preview's last message only: a reply to an earlier page of a long preview, sent while the next
    pages were still going out, was dropped in silence."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[])
    await env.say(chair, group, "/ds")  # the chair is known

    late = env.emulator.faults.add(FaultRule(
        FaultKind.DELAY, frozenset({"sendmessage"}), frozenset({group.id}), times=1, after_processing=True,
        gate=asyncio.Event(),
    ))
    edit = "2 hạn 10/12"
    handled = when_handled(env, edit)
    w.send_document(chair, group, "ket_luan.txt", long_conclusion().encode("utf-8"), caption="/nhap")
    first = await w.wait_for(lambda m: "Xem trước" in m.plain, timeout=60, chat=group)
    assert not first.button_texts()  # a page before the last: no buttons under it
    w.send_text(chair, group, edit, reply_to=first)  # before the bot heard back from Telegram
    await asyncio.wait_for(handled.wait(), 30)
    assert late.gate is not None
    late.gate.set()
    answer = await w.wait_for(lambda m: "Mục 2" in m.plain, timeout=30, chat=group)
    assert "10/12/2026" in answer.plain
    await env.idle()

    # The corrected preview is the one that saves; the first, whose last pages went out after it, is
    # superseded (its first page shows item 2 before the correction).
    first_last, corrected = sorted(
        (m for m in w.bot_messages(group) if any("Lưu tất cả" in t for t in m.button_texts())),
        key=lambda m: m.message_id, reverse=True,
    )
    query = await env.press(chair, first_last, next(t for t in first_last.button_texts() if "Lưu tất cả" in t))
    assert "đã cũ" in (query.answer_text or "")  # type: ignore[attr-defined]
    await env.press(chair, corrected, next(t for t in corrected.button_texts() if "Lưu tất cả" in t))
    assert "Đã lưu" in w.message(group, corrected.message_id).plain


async def test_a_reply_to_a_copy_of_a_question_a_retried_send_delivered_is_answered(env: Env) -> None:
    """A send whose answer is lost (the connection dropped after Telegram acted) is tried again
    (bot/reply_retry.py): the question shows twice and only the second copy's id was stored. A reply to
    the first copy used to find nothing and was dropped in silence."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[])
    await env.say(chair, group, "/donvi them Công an phường = CA")
    card = await env.say(chair, group, "/giao Công an phường rà soát camera an ninh")
    env.emulator.faults.add(FaultRule(
        FaultKind.DISCONNECT, frozenset({"sendmessage"}), frozenset({group.id}), times=1, after_processing=True,
    ))
    await env.press(chair, card, next(t for t in card.button_texts() if "Ngày khác" in t))
    first, second = [m for m in w.bot_messages(group) if m.message_id > card.message_id and m.reply_markup]
    assert first.plain == second.plain  # the same question twice
    w.send_text(chair, group, "15/12", reply_to=first)
    answer = await w.wait_for(lambda m: "15/12" in m.plain, timeout=30, chat=group)
    assert answer.reply_markup is None or "force_reply" not in answer.reply_markup
    task = await env.task(1, group)
    assert task.due_current is not None and task.due_current.isoformat() == "2026-12-15"
