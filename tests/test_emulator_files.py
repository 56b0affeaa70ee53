"""The emulator's side of /nhap with scans and photos: a user's photo arrives as Telegram sends it
(photo sizes, no file name) and downloads through getFile; a file over Telegram's 20 MB download
limit is refused by getFile with Telegram's own error."""

from __future__ import annotations

import pytest
import telegram
from telegram.error import BadRequest

from emulator import Emulator
from tests.conftest import no_database
from tests.test_emulator import bot, emu  # noqa: F401  (fixtures)

pytestmark = no_database


async def test_a_users_photo_arrives_with_its_sizes_and_downloads(emu: Emulator, bot: telegram.Bot) -> None:  # noqa: F811
    chair = emu.world.add_user("Lan")
    group = emu.world.add_group("BCĐ", creator=chair)
    size = (905).to_bytes(4, "big") + (1280).to_bytes(4, "big")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + size + bytes(64)
    emu.world.send_photo(chair, group, png, caption="/nhap")
    (update,) = await bot.get_updates()
    message = update.message
    assert message.document is None and message.caption == "/nhap"
    assert (message.photo[-1].width, message.photo[-1].height) == (905, 1280)
    file = await bot.get_file(message.photo[-1].file_id)
    assert bytes(await file.download_as_bytearray()) == png


async def test_get_file_refuses_a_file_over_20_mb_as_telegram_does(emu: Emulator, bot: telegram.Bot) -> None:  # noqa: F811
    chair = emu.world.add_user("Lan")
    group = emu.world.add_group("BCĐ", creator=chair)
    emu.world.send_document(chair, group, "quet.pdf", b"%PDF" + bytes(20 * 1024 * 1024), caption="/nhap")
    (update,) = await bot.get_updates()
    assert update.message.document.file_size > 20 * 1024 * 1024
    with pytest.raises(BadRequest, match="too big"):
        await bot.get_file(update.message.document.file_id)
