"""Folding Vietnamese text so that input with or without diacritics matches.

"xong truoc ngay 15/12" must mean the same as "xong trước ngày 15/12". Folding keeps the string
length unchanged (one character in, one out) so that spans found in folded text index the original.
"""

from __future__ import annotations

import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "D"})


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return ch.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics, same length as the NFC input."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_fold_char(c) for c in text).lower()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
