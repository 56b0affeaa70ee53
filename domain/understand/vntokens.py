"""Word tokens of a Vietnamese sentence, and phrase lists matched against them.

Two ways of comparing words, chosen per text:

- text written with diacritics: words compare with their diacritics ("bàn" is not "ban", "số" is
  not "sở", "có" is not "cô"), tone marks normalised so that old- and new-style placement agree
  ("hoá" = "hóa", "uỷ" = "ủy");
- text typed without diacritics ("giao van phong chu tri"): words compare folded, so every phrase
  list still matches, at the price of the collisions above.

Phrase lists are written once, with diacritics, and indexed both ways.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from domain.understand.textnorm import fold, nfc

# A word: letters/digits joined by & / - . ' inside ("GD&ĐT", "đ/c", "TP.HCM", "Tiến-PCT",
# "15/12/2020"), optionally ending in % ("100%"). Anything else is a one-character token.
_TOKEN = re.compile(r"\w+(?:[&/'’.\-]\w+)*%?|\S")

# Combining tone marks (grave, acute, tilde, hook, dot below); other marks (circumflex, breve,
# horn) change the vowel and are kept.
_TONE_MARKS = {"\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5"}
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _tone_key_run(run: str) -> str:
    tone = ""
    base: list[str] = []
    for ch in unicodedata.normalize("NFD", run):
        if ch in _TONE_MARKS:
            tone = _TONE_MARKS[ch]
        else:
            base.append(ch)
    return unicodedata.normalize("NFC", "".join(base)) + tone


@lru_cache(maxsize=1 << 16)
def tone_key(word: str) -> str:
    """Lower-case word with its tone moved to the end: 'hoá' and 'hóa' both give 'hoa2'."""
    return _LETTER_RUN.sub(lambda m: _tone_key_run(m.group(0)), word.lower())


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """`textnorm.fold` of one word, remembered (texts repeat their words)."""
    return fold(word)


def has_diacritics(text: str) -> bool:
    """True when the text is written with Vietnamese diacritics (most words carry some)."""
    words = [w for w in re.findall(r"[^\W\d_]+", nfc(text)) if len(w) > 1]
    if not words:
        return False
    marked = sum(1 for w in words if fold_word(w) != w.lower())
    return marked / len(words) >= 0.15


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    key: str  # comparison key (see module doc)
    compact: str  # folded letters and digits only: "GD&ĐT" -> "gddt" (for unit names)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def capitalized(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


@lru_cache(maxsize=1 << 16)
def compact(text: str) -> str:
    """Folded letters and digits only, the words joined: 'Phòng GD & ĐT' -> 'phonggddt'."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def tokenize(text: str, accented: bool | None = None) -> tuple[Token, ...]:
    """Tokens of `text` (already NFC) with keys for the given (or detected) writing mode."""
    if accented is None:
        accented = has_diacritics(text)
    return _tokenize(text, accented)


@lru_cache(maxsize=1024)
def _tokenize(text: str, accented: bool) -> tuple[Token, ...]:
    keyer = tone_key if accented else fold_word
    words = ((m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text))
    return tuple(Token(word, start, end, keyer(word), compact(word)) for word, start, end in words)


class PhraseSet:
    """Phrases (one or more words), matched longest-first at a token position.

    `compounds` names, for a phrase, the syllables that turn it into another word when they follow
    it: Vietnamese writes compound words as separate syllables, so "dự" (attend) must not match
    the first syllable of "dự án" (project), "dự toán" (budget), "dự thảo" (draft)."""

    def __init__(self, phrases: Iterable[str], compounds: dict[str, Iterable[str]] | None = None) -> None:
        self._phrases = tuple(dict.fromkeys(phrases))
        self._compounds = {p: tuple(after) for p, after in (compounds or {}).items()}
        self._index: dict[bool, dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]] = {}

    def _built(self, accented: bool) -> dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]:
        index = self._index.get(accented)
        if index is None:
            keyer = tone_key if accented else fold_word
            index = {}
            for phrase in self._phrases:
                words = tuple(keyer(w) for w in _TOKEN.findall(nfc(phrase)))
                not_before = frozenset(keyer(nfc(w)) for w in self._compounds.get(phrase, ()))
                index.setdefault(words[0], []).append((words, not_before))
            for options in index.values():
                options.sort(key=lambda option: len(option[0]), reverse=True)
            self._index[accented] = index
        return index

    def match(self, tokens: Sequence[Token], i: int, accented: bool) -> int:
        """Number of tokens of the longest phrase starting at tokens[i], 0 when none does."""
        if i >= len(tokens):
            return 0
        for words, not_before in self._built(accented).get(tokens[i].key, ()):
            n = len(words)
            if i + n <= len(tokens) and all(tokens[i + k].key == words[k] for k in range(n)):
                if not_before and i + n < len(tokens) and tokens[i + n].key in not_before:
                    continue  # the first syllables of a longer word: "dự" of "dự án"
                return n
        return 0

    def __add__(self, other: PhraseSet) -> PhraseSet:
        return PhraseSet((*self._phrases, *other._phrases), {**self._compounds, **other._compounds})
