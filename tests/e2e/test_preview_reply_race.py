"""A reply to an import preview that comes before the bot has written down the preview's message ids
is ignored: the chair gets no answer (found while explaining tests/e2e/test_views_import_year.py's
timeout in the full suite — «2 hạn 10/11» got no answer at all).

Why: `/nhap` with a file runs as its own task (block=False, registry.py: OCR may take a minute), and
handlers.importing.send_preview_to sends the preview, *then* stores its message ids in the draft (a
second transaction). A reply handled in between (the next update does not wait for that task) finds no
draft for the message it answers (answers.on_reply → importing._draft_of_message) and is dropped in
silence. The window is the send's answer plus a SQLite write (up to the 5 s busy timeout under load);
alone the test hit it about once in six runs with its timing shifted a little. The same holds for any
prompt sent from a block=False handler and stored after the send (handlers.common.ask_by_reply from
/baocao's heading question).

Here the order is made certain: Telegram carries out the preview's sendMessage but its answer to the
bot waits (a gate), the chair replies meanwhile, and the answer is released once that reply was
handled. handlers/importing.py (_draft_of_message) now also finds the draft by the draft id in the
buttons under the preview's last message (`imp:<draft>:…`), so the reply is answered.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from emulator.faults import FaultKind, FaultRule
from tests.e2e.conftest import Env, bot_env
from tests.e2e.racekit import HELD_ANSWERS, when_handled
from tests.e2e.test_views_import_year import CONCLUSION


@pytest.fixture
async def env(database_url: str) -> AsyncIterator[Env]:
    """The bot of tests/e2e/conftest.py waiting for Telegram's held answers (racekit.HELD_ANSWERS)."""
    async with bot_env(database_url, **HELD_ANSWERS) as e:
        yield e


async def test_a_reply_to_a_preview_whose_ids_are_not_stored_yet_is_answered(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[])
    await env.say(chair, group, "/donvi them Công an phường = CA")

    late = env.emulator.faults.add(FaultRule(
        FaultKind.DELAY, frozenset({"sendmessage"}), frozenset({group.id}), times=1, after_processing=True,
        gate=asyncio.Event(),
    ))
    handled = when_handled(env, "2 hạn 10/11")

    w.send_document(chair, group, "ket_luan.txt", CONCLUSION.encode("utf-8"), caption="/nhap")
    preview = await w.wait_for(lambda m: "Xem trước" in m.plain, timeout=30, chat=group)
    w.send_text(chair, group, "2 hạn 10/11", reply_to=preview)  # before the bot heard back from Telegram
    await asyncio.wait_for(handled.wait(), 30)
    assert late.gate is not None
    late.gate.set()
    answer = await w.wait_for(lambda m: "Mục 2" in m.plain, timeout=10, chat=group)
    assert "10/11/2027" in answer.plain
