"""An import preview corrected one item at a time is edited where it stands, not sent again (qa18).

Each «3 hạn 20/12» replied to a long preview re-sent it whole (about 7,000 characters in two messages) and
left the old copy above, its «Lưu tất cả» looking alive. Now only the message(s) whose text changed are
edited (Telegram's editMessageText; an edit does not notify — the secretary is looking at the preview);
when the corrected preview no longer splits into the same number of messages it is sent again (the
caller), and the old copy's buttons are taken away. Once saved, every part of it says so, without buttons.
Which text each message shows is kept in the draft as a digest (`page_keys`), so a restart loses nothing.
"""

from __future__ import annotations

import hashlib
import logging

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from domain.long_text import utf16_len
from handlers.common import Buttons, keyboard

log = logging.getLogger(__name__)
TELEGRAM_LIMIT = 4096  # UTF-16 units of a message's text (the emulator checks it as Telegram does)


def page_key(text: str, buttons: Buttons | None = None) -> str:
    """What a preview message shows: its text and (the last one) its buttons."""
    return hashlib.sha1(repr((text, buttons)).encode("utf-8")).hexdigest()[:16]


def page_keys(texts: list[str], buttons: Buttons) -> list[str]:
    return [page_key(t, buttons if n == len(texts) - 1 else None) for n, t in enumerate(texts)]


async def _edit(bot: Bot, chat_id: int, message_id: int, text: str, buttons: Buttons | None) -> None:
    try:
        await bot.edit_message_text(
            text, chat_id, message_id, parse_mode=ParseMode.HTML, reply_markup=keyboard(buttons),
            disable_web_page_preview=True,
        )
    except BadRequest as exc:
        if "message is not modified" not in str(exc).lower():
            raise


async def edit_changed(
    bot: Bot, chat_id: int, pages: list[int], shown: list[str], texts: list[str], buttons: Buttons
) -> list[str] | None:
    """Edit the preview's messages `pages` (showing `shown`) into `texts`, the buttons under the last: only
    those that changed. The new keys, or None when it cannot be done in place (another number of messages,
    an edit refused: the message deleted, too old) — the caller then sends the preview again."""
    if not pages or len(pages) != len(texts):
        return None
    keys = page_keys(texts, buttons)
    try:
        for n, (message_id, text) in enumerate(zip(pages, texts, strict=True)):
            if n < len(shown) and shown[n] == keys[n]:
                continue
            await _edit(bot, chat_id, message_id, text, buttons if n == len(texts) - 1 else None)
    except TelegramError as exc:
        log.info("preview not edited in place in chat %s: %s", chat_id, exc)
        return None
    return keys


async def mark_done(
    bot: Bot, chat_id: int, pages: list[int], texts: list[str], keyboard_id: int | None, head: str
) -> None:
    """After «Lưu tất cả» (or «Huỷ»): the preview's other messages (the pressed one now says what was done)
    are headed `head`, without buttons — the part 1/2 above no longer reads as a preview waiting for a decision."""
    for message_id, text in zip(pages, texts, strict=False):
        if message_id == keyboard_id:
            continue
        saved = head + "\n\n" + text
        if utf16_len(saved) > TELEGRAM_LIMIT:  # Telegram's limit: the part keeps its text, loses nothing
            saved = text
        try:
            await _edit(bot, chat_id, message_id, saved, None)
        except TelegramError as exc:  # deleted by the person: nothing to mark
            log.info("saved preview part %s not marked in chat %s: %s", message_id, chat_id, exc)


async def drop_old_buttons(bot: Bot, chat_id: int, message_id: int) -> None:
    """The buttons of a preview a newer one has replaced (pressed, they only say it is superseded)."""
    try:
        await bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
    except TelegramError as exc:
        log.info("old preview buttons not removed in chat %s: %s", chat_id, exc)
