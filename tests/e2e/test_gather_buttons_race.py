"""A gathering's buttons are removed once, whoever gets there first.

At load 11 test_qa6_import's «file captioned /nhap» test failed at teardown with Telegram's «message is not
modified»: the buttons of the «Đã nhận 1 phần» answer were removed twice. «Xong, phân tích» pressed on the
newest answer («Đã nhận 2 phần») read the gathering while the newest answer's own bookkeeping
(handlers.importing._latest_ack: «this is the latest answer now, the one before loses its buttons») had not
stored it yet: both saw «the latest answer is the first one» and both removed its buttons. Here the order is
made certain: Telegram's answer to «Đã nhận 2 phần» is held (the bot does not know its id yet), the press is
held inside its transaction (at getChatMember, asked when the admin status is not cached), the answer is let
through (the bookkeeping runs), then the press."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.texts import BTN_GATHER_DONE
from db.engine import is_sqlite
from emulator.faults import FaultKind, FaultRule
from tests.e2e.conftest import Env, bot_env
from tests.e2e.racekit import HELD_ANSWERS
from tests.e2e.test_long_conclusion import committee, docx_of, preview_after, save, what


@pytest.fixture
async def env(database_url: str) -> AsyncIterator[Env]:
    async with bot_env(database_url, **HELD_ANSWERS) as e:
        yield e


async def test_done_pressed_while_the_newest_answer_is_being_recorded_removes_the_old_buttons_once(
    env: Env, database_url: str
) -> None:
    chair, _member, group = await committee(env)
    await env.say(chair, chair, "/nhap")
    report = "Kết luận giao ban\n1. Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, xong trước ngày 15/12."
    annex = "Phụ lục\n1. Công an phường kiểm tra hệ thống camera an ninh trong tháng 12."
    env.world.send_document(chair, chair, "ket_luan.docx", docx_of(report))
    first = await env.world.wait_for(lambda m: "Đã nhận 1 phần" in m.plain, timeout=30, chat=chair)
    await env.idle()
    assert env.world.message(chair, first.message_id).button_texts()

    # Telegram's answer to the next «Đã nhận …» is held: the message is shown, the bot waits for its id.
    sent = env.emulator.faults.add(FaultRule(FaultKind.DELAY, frozenset({"sendmessage"}), frozenset({chair.id}),
                                             times=1, after_processing=True, gate=asyncio.Event()))
    env.world.send_document(chair, chair, "phu_luc.docx", docx_of(annex), caption="/nhap")
    got = await env.world.wait_for(lambda m: "Đã nhận 2 phần" in m.plain, timeout=30, chat=chair)
    await env.world.wait_until(lambda: sent.injected == 1)

    # The press reads the gathering, then asks Telegram whether the chair is still the group's admin: held.
    env.services.members.clear()
    asked = env.emulator.faults.hold(methods=["getChatMember"], chats=[group.id], times=1)
    cursor = len(env.world.bot_messages(chair))
    query = env.world.press_button(chair, env.world.message(chair, got.message_id), text=BTN_GATHER_DONE)
    await env.world.wait_until(lambda: asked.injected == 1)

    # The answer's id arrives: the bot records it as the latest answer and takes the first one's buttons.
    assert sent.gate is not None and asked.gate is not None
    sent.gate.set()
    if is_sqlite(database_url):
        await env.world.wait_until(lambda: not env.world.message(chair, first.message_id).button_texts())
    # (On PostgreSQL the press holds the gathering's row lock: the bookkeeping waits for the press to end.)
    asked.gate.set()
    await env.world.wait_until(lambda: query.answered)
    await env.idle()

    pages = await preview_after(env, chair, cursor)
    saved = await what(env, await save(env, chair, pages))
    assert [text for text, _due, _leads in saved] == [
        "Văn phòng rà soát hồ sơ thủ tục hành chính một cửa, xong trước ngày 15/12.",
        "Công an phường kiểm tra hệ thống camera an ninh trong tháng 12.",
    ]
    # (bot_env fails on any edit Telegram refused: the first answer's buttons removed twice.)
