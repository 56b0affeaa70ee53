"""The tokenizer reads a text chunk by chunk (between blanks), each distinct chunk once, and counts
the writing mode the same way: the tokens, their positions and the mode must be exactly those of the
definition — one regex over the whole text — for any text, whatever its blanks and script."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.understand.textnorm import fold, nfc
from domain.understand.vntokens import (
    _TOKEN,
    _has_diacritics,
    _tokenize,
    has_diacritics,
    tokenize,
    tone_key,
)

_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")


def _defined_has_diacritics(text: str) -> bool:
    words = _LETTER_RUN.findall(nfc(text))
    return bool(words) and (len(words) - sum(map(str.isascii, words))) / len(words) >= 0.15


def _defined_tokens(text: str, accented: bool) -> list[tuple[str, int, int, str]]:
    keyer = tone_key if accented else fold
    return [(m.group(), m.start(), m.end(), keyer(m.group())) for m in _TOKEN.finditer(text)]


# Vietnamese with and without diacritics, combining marks typed apart, joiners inside words, and
# every kind of blank (no-break, ideographic, line and paragraph separators, the C0 separators that
# str.split also splits at, a zero-width space that is no blank).
TRICKY = st.sampled_from(
    [*"aăâđêôơư ÀÁẢÃẠẰẮẲẴẶĐ\u0300\u0301\u0303\u0309\u0323.,;:()“”–…&/-'’%_0123456789º½°\x01",
     *" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2007\u2028\u2029\u202f\u3000\u200b",
     "Văn phòng", "UBND", "GD&ĐT", "TP.HCM", "15/12/2020", "100%", "Tiến-PCT", "  ", "xã,"]
)
TEXTS = st.one_of(st.text(), st.lists(TRICKY, max_size=50).map("".join))


@settings(max_examples=400, deadline=None)
@given(text=TEXTS)
def test_tokens_are_those_of_the_whole_text_regex(text: str) -> None:
    for accented in (True, False):
        got = [(t.text, t.start, t.end, t.key) for t in _tokenize.__wrapped__(text, accented)]
        assert got == _defined_tokens(text, accented)
        assert [(t.text, t.start, t.end) for t in tokenize(text, accented)] == [g[:3] for g in got]


@settings(max_examples=400, deadline=None)
@given(text=TEXTS)
def test_writing_mode_is_counted_as_defined(text: str) -> None:
    assert _has_diacritics(text) == _defined_has_diacritics(text)
    assert has_diacritics(text) == _defined_has_diacritics(text)  # and again, remembered


def test_token_fields() -> None:
    """What the rules read of a token: its text, place, key and flags."""
    text = "Giao Văn phòng UBND, 02 xã."
    tokens = tokenize(text, accented=True)
    van = tokens[1]
    assert (van.text, van.start, van.end, van.key, van.compact) == ("Văn", 5, 8, "văn", "van")
    assert van.is_word and van.capitalized and not van.is_number
    comma = tokens[4]
    assert comma.text == "," and not comma.is_word and text[comma.start : comma.end] == ","
    assert tokens[5].is_number and tokens[5].is_word and not tokens[5].capitalized
