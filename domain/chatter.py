"""Is a message sent during a private /nhap gathering a part of the conclusion, or talk to the bot?

While the person pastes a long conclusion they also write «ok», «đợi chút», «em gửi tiếp nhé», an
emoji: those were glued into the conclusion's text. The rule is careful, because losing a real part
is worse than keeping a word of talk:
- CHAT (left out, and said so): no letter or digit at all (emoji, «...»), or every word is a word of
  talk (ok, vâng, dạ, em, gửi, tiếp, đợi, chút, nhé …) — a directive always has a word that is not;
- SHORT (kept, and shown in the preview so the person can see it and drop it): a few words without
  a digit that are not all talk — «Đồng ý», «Trân trọng», «Phần còn lại» may be talk or text;
- PART: anything else (a sentence, a number, a line of a list).
Input with or without diacritics."""

from __future__ import annotations

import enum
import re

from domain.understand.textnorm import fold


class Chatter(enum.Enum):
    PART = "part"
    SHORT = "short"
    CHAT = "chat"


# Words of talk to the bot while sending (folded): consent, waiting, "sending more", thanks, pronouns
# and particles. None of them names a task, a unit or a deadline.
_TALK = frozenset(
    " ".join([
        "ok oke okie okay oki uh u um uhm ua vang da ak a ah nhe nha nhen nhi ha ho luon day nay ne kia do",
        "em anh chi minh toi con chau ban bot ad admin",
        "doi cho chut ti xiu lat giay phut",
        "gui tiep nua not them xong roi het du la va voi di de sau lai phan nhung cac",
        "cam on thanks thank you tks thx cmon",
        "hi hello alo xin chao",
    ]).split()
)
_WORD = re.compile(r"[a-z0-9đ]+")
_LETTER_OR_DIGIT = re.compile(r"\w", re.UNICODE)
SHORT_WORDS = 3  # at most this many words, without a digit: maybe talk


def classify(text: str) -> Chatter:
    stripped = text.strip()
    if not _LETTER_OR_DIGIT.search(stripped.replace("_", "")):
        return Chatter.CHAT  # only emoji, punctuation, symbols
    words = _WORD.findall(fold(stripped))
    if not words:
        return Chatter.CHAT
    if all(w in _TALK for w in words) and not any(w.isdigit() for w in words):
        return Chatter.CHAT
    if len(words) <= SHORT_WORDS and not any(ch.isdigit() for ch in stripped) and "\n" not in stripped:
        return Chatter.SHORT
    return Chatter.PART


# (gaps2) What a message may carry besides text, a file or a photo, none of it text the bot can read: a
# sticker, a GIF, a voice message, a place… During a gathering it is left out, and said so (the person
# otherwise waits for a reply that never comes). In the order they are looked for: a GIF comes with a
# `document` too (for older apps), so it is named before any file is read.
LEFT_OUT_KINDS = (
    "sticker", "animation", "voice", "video_note", "video", "audio", "location", "venue", "contact", "poll", "dice",
)
