"""Folding Vietnamese text so that input with or without diacritics matches.

"xong truoc ngay 15/12" must mean the same as "xong trước ngày 15/12". Folding keeps the string
length unchanged (one character in, one out) so that spans found in folded text index the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_SPECIAL = str.maketrans({"đ": "d", "Đ": "D"})


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return ch.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    return base if len(base) == 1 else ch


class _FoldedChars(dict[int, str]):
    """code point -> its folded character, filled as characters are met: str.translate with this
    table folds a text in C, several times faster than a Python loop over its characters (fold runs
    on every line the parser reads). Bounded: a stream of exotic characters must not grow it for ever."""

    def __missing__(self, code_point: int) -> str:
        if len(self) >= 20_000:
            self.clear()
        folded = self[code_point] = _fold_char(chr(code_point))
        return folded


_FOLDED_CHARS = _FoldedChars()


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics, same length as the NFC input."""
    if len(text) > _LONGEST_REMEMBERED:
        return _fold(text)
    return _fold_remembered(text)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_FOLDED_CHARS).lower()


# The conclusion splitter folds the same line or sentence several times (to classify it, to find a
# title, a heading, a closing formula): each text is folded once. Lines and sentences only; a whole
# pasted conclusion is folded each time rather than kept.
_LONGEST_REMEMBERED = 2000
_fold_remembered = lru_cache(maxsize=2048)(_fold)


def clear_caches() -> None:
    """Forget the texts folded so far (benchmarks time texts read as new)."""
    _fold_remembered.cache_clear()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
