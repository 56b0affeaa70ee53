"""Long conclusions as Telegram delivers them, and the secretary's one-line corrections of a preview.

Telegram refuses a message over 4096 UTF-16 units, so the apps cut a longer paste into several
messages before sending: each cut in the second half of the 4096, at the best place found there — a
paragraph break, else a line break, else a space after a sentence, after a clause, any space — and
Telegram trims the whitespace at each cut. The bot gets the parts as separate messages and must glue
them back: with a line break where the cut was at one, with a space where it was inside a sentence.
And in a group with privacy mode the bot sees only the first part (the one with the command).

Pure functions; no telegram, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MESSAGE_LIMIT = 4096  # UTF-16 units
# A part cut by an app is never shorter than half the limit (the apps look for a cut after that).
CUT_MIN = MESSAGE_LIMIT // 2
# A text this close to the limit that stops mid-sentence was, most likely, cut by the app.
CUT_NEAR = 3000

_SENTENCE_END = ".!?…;:)]\"”'/"
# What starts an item of a conclusion: "2.", "2)", "a)", "II.", "-", "+", "*", "•".
_ITEM_START = re.compile(r"^\s*(?:\d{1,3}[.)]|[a-zđ][.)]|[IVXLC]{1,5}[.)]|[-+*•–])\s", re.IGNORECASE)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def newline_late(message_text: str) -> bool:
    """True when the message has a line break in its second half (past CUT_MIN units). An app cuts at
    the last line break of that half when there is one: a message cut after it was cut at a line break."""
    head = message_text.encode("utf-16-le")[2 * CUT_MIN :].decode("utf-16-le", errors="ignore")
    return "\n" in head


@dataclass(frozen=True)
class Part:
    """One message of a long paste: its text, and whether the message had a line break past its middle
    (see `newline_late`; for a document: True, it is joined as a paragraph)."""

    text: str
    newline_late: bool


def join_parts(parts: list[Part]) -> str:
    """The text the person pasted, from the messages Telegram delivered. Between two parts: a line break
    when the first part was not cut by an app at all (shorter than half the limit: the person sent it
    as it is, and the next message is a new line of theirs), when the cut was surely at a line break (one
    past the middle of the first part) or probably (the first part ends a sentence, or the next starts a
    new item); otherwise a space (the cut was inside a long paragraph, at a space)."""
    out = ""
    for k, part in enumerate(parts):
        text = part.text.strip()
        if not text:
            continue
        if out:
            prev = parts[k - 1]
            at_line = (
                utf16_len(prev.text.strip()) < CUT_MIN
                or prev.newline_late
                or out.rstrip().endswith(tuple(_SENTENCE_END))
                or _ITEM_START.match(text) is not None
            )
            out += "\n" if at_line else " "
        out += text
    return out


def cut_kind(message_text: str) -> str | None:
    """Whether Telegram probably cut a /nhap text sent in a group (the rest went as other messages, which
    a bot with privacy mode never sees): "cut" when it is close to the 4096 limit and ends mid-sentence,
    or is right at the limit; "maybe" when it is close to the limit but ends a sentence (the apps cut at
    a line break, so a cut text often ends one; a long text that is whole does too); else None."""
    size = utf16_len(message_text.rstrip())
    if size >= MESSAGE_LIMIT - 100:
        return "cut"
    if size < CUT_NEAR:
        return None
    return "maybe" if message_text.rstrip().endswith(tuple(_SENTENCE_END)) else "cut"


def looks_cut(message_text: str) -> bool:
    return cut_kind(message_text) == "cut"


# ---------------------------------------------------------------------------------------- corrections
@dataclass(frozen=True)
class ItemEdit:
    """«3 hạn 20/12» → ItemEdit(3, "due", "20/12"); «3 giao Phòng Văn hoá» → ItemEdit(3, "lead", ...)."""

    k: int
    field: str  # "due" | "lead" | "support"
    value: str


# A leading «sửa» / «đổi» («sửa mục 2 giao Văn phòng»: what one says; qa11) changes nothing in the reading.
_EDIT = re.compile(
    r"^\s*(?:(?:sửa|sua|đổi|doi)\s+)?(?:mục|muc|#)?\s*(?P<k>\d{1,4})\s*[.:,)\-–]?\s*"
    r"(?P<field>hạn mới|han moi|hạn|han|giao cho|giao|chủ trì|chu tri|phối hợp|phoi hop)"
    r"\s*[:=]?\s+(?P<value>\S.*?)\s*$",
    re.IGNORECASE | re.DOTALL,
)
# (qa13) «3 phối hợp UBND xã Kim Sơn»: the coordinators of item 3 only.
_FIELDS = {"hạn": "due", "han": "due", "hạn mới": "due", "han moi": "due", "phối hợp": "support", "phoi hop": "support"}


def parse_item_edit(text: str) -> ItemEdit | None:
    """A reply to the preview that changes one field of one item, or None when it is not one."""
    m = _EDIT.match(text)
    if m is None:
        return None
    field = _FIELDS.get(" ".join(m.group("field").lower().split()), "lead")
    return ItemEdit(int(m.group("k")), field, m.group("value"))


def is_past(due: date | None, today: date) -> bool:
    return due is not None and due < today
