"""An attached file or photo, downloaded and read: text files directly, scans, photos and Word 97
files by OCR or conversion in a worker thread with a time limit, so the bot keeps answering others
while a scan is read. Used by /nhap (handlers/importing.py), in a group and in a private chat."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Any

from telegram import Message
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import CallbackContext

from bot import texts as T
from bot.tesseract import SystemTools
from domain.understand.documents import DocumentError, Extracted, read_document
from handlers.task_actions import Refused

# Telegram's getFile refuses files over 20 MB (Bot API: "file is too big"): refused before asking.
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
# The whole reading (every page, orientation, OCR); a few seconds more for the thread to hand back.
OCR_SECONDS = 60.0
# What the "reading started" message promises, per page (bench/ocr_bench.py measures 3.5–5.6 s).
SECONDS_PER_PAGE = 5
UNSURE_SHOWN = 5
UNSURE_CHARS = 110


@dataclass(frozen=True)
class Attachment:
    file_id: str
    name: str
    size: int | None
    photo: bool = False  # sent as a photo: Telegram has recompressed it


def attachment_of(msg: Message | None) -> Attachment | None:
    """The file of a message: a document, or the largest size of a photo (sent as a photo)."""
    if msg is None:
        return None
    if msg.document is not None:
        doc = msg.document
        return Attachment(doc.file_id, doc.file_name or T.FILE_DEFAULT_NAME, doc.file_size)
    if msg.photo:
        photo = max(msg.photo, key=lambda p: (p.width * p.height, p.file_size or 0))
        return Attachment(photo.file_id, T.PHOTO_FILE_NAME, photo.file_size, photo=True)
    return None


async def read_attachment(
    context: CallbackContext,  # type: ignore[type-arg]
    attachment: Any,
    chat_id: int | None = None,
    *,
    gathering: bool = False,
) -> Extracted:
    """The attachment's text (and, when read from images, what the preview must say). When OCR is
    needed and `chat_id` is given, the chat is told at once that the reading started and how long it
    takes, so a long scan never looks like a hang. `gathering`: the text joins a private /nhap gathering
    (no preview comes when the reading ends: it is said what happens to the text instead)."""
    if not isinstance(attachment, Attachment):  # a telegram Document
        attachment = Attachment(attachment.file_id, attachment.file_name or T.FILE_DEFAULT_NAME, attachment.file_size)
    name = attachment.name
    # In MB as Telegram's apps show a file's size (1 MB = 1024 × 1024 bytes), with a decimal comma: a file
    # the phone labels «21,0 MB» was said to be «22.1 MB» (qa10); and what to send instead.
    too_big = T.IMPORT_FILE_TOO_BIG_HOW.format(
        name=T.esc(name), size=f"{(attachment.size or 0) / 2**20:.1f}".replace(".", ","),
        limit=MAX_DOWNLOAD_BYTES // 2**20,
    )
    if attachment.size and attachment.size > MAX_DOWNLOAD_BYTES:
        raise Refused(too_big)
    try:
        file = await context.bot.get_file(attachment.file_id)
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        if "too big" in exc.message.lower():
            raise Refused(too_big) from exc
        raise Refused(T.IMPORT_FILE_ERROR.format(name=T.esc(name), reason=T.esc(exc.message))) from exc
    loop = asyncio.get_running_loop()

    def announce(pages: int, total: int) -> None:  # called from the worker thread
        if chat_id is None:
            return
        started = T.OCR_STARTED_GATHERING if gathering else T.OCR_STARTED
        text = started.format(pages=pages, seconds=max(10, round(pages * SECONDS_PER_PAGE, -1)))
        if total > pages:
            text += " " + T.OCR_STARTED_CAPPED.format(total=total, pages=pages)
        asyncio.run_coroutine_threadsafe(_say(context, chat_id, text), loop)

    tools = SystemTools(OCR_SECONDS, on_start=announce)
    try:
        # The thread ends by itself: every child process it starts is killed at the tools' deadline.
        read = await asyncio.wait_for(asyncio.to_thread(read_document, name, data, tools), OCR_SECONDS + 10)
    except DocumentError as exc:
        raise Refused(T.IMPORT_FILE_ERROR.format(name=T.esc(name), reason=T.esc(exc))) from exc
    except TimeoutError as exc:
        raise Refused(T.IMPORT_FILE_ERROR.format(name=T.esc(name), reason=T.esc(T.OCR_TOO_SLOW))) from exc
    if read.reading is not None:
        read.reading.compressed = attachment.photo
    return read


async def _say(context: CallbackContext, chat_id: int, text: str) -> None:  # type: ignore[type-arg]
    with contextlib.suppress(TelegramError):
        await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)


def merged_reading(before: dict[str, Any] | None, reading: dict[str, Any]) -> dict[str, Any]:
    """The readings of several images of one gathered conclusion, as one (pages and unsure lines added)."""
    if not before:
        return reading
    return {
        "pages": int(before.get("pages", 0)) + int(reading.get("pages", 0)),
        "total_pages": int(before.get("total_pages", 0)) + int(reading.get("total_pages", 0)),
        "unsure": [*before.get("unsure", []), *reading.get("unsure", [])],
        "timed_out": bool(before.get("timed_out")) or bool(reading.get("timed_out")),
        "compressed": bool(before.get("compressed")) or bool(reading.get("compressed")),
        "table_rows": int(before.get("table_rows", 0)) + int(reading.get("table_rows", 0)),
    }


def preview_note(ocr: dict[str, Any] | None) -> list[str]:
    """Lines the /nhap preview shows when its text was read from images: that it was, how many pages,
    and the lines the OCR was unsure of, for the secretary to check against the paper."""
    if not ocr:
        return []
    pages, total = int(ocr.get("pages", 0)), int(ocr.get("total_pages", 0))
    lines = [T.OCR_NOTE.format(pages=pages)]
    if ocr.get("timed_out"):
        lines.append(T.OCR_STOPPED.format(pages=pages, total=total))
    elif total > pages:
        lines.append(T.OCR_CAPPED.format(pages=pages, total=total))
    if ocr.get("table_rows"):  # (docs14) a task table rebuilt row by row: the rows to count against the paper
        lines.append(T.OCR_TABLE_ROWS.format(rows=int(ocr["table_rows"])))
    unsure = list(ocr.get("unsure", []))
    if unsure:
        lines.append(T.OCR_UNSURE.format(count=len(unsure)))
        for line in unsure[:UNSURE_SHOWN]:
            shown = line if len(line) <= UNSURE_CHARS else line[: UNSURE_CHARS - 1] + "…"
            lines.append(T.OCR_UNSURE_LINE.format(line=T.esc(shown)))
        if len(unsure) > UNSURE_SHOWN:
            lines.append(T.OCR_UNSURE_MORE.format(more=len(unsure) - UNSURE_SHOWN))
        if ocr.get("compressed"):
            lines.append(T.OCR_SEND_AS_FILE)
    else:
        lines.append(T.OCR_ALL_SURE)
    return lines
