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


class Token:
    """One word or punctuation character of a text. Its flags are computed once per distinct word
    (texts repeat their words), not each time a rule asks."""

    __slots__ = ("capitalized", "compact", "end", "is_number", "is_word", "key", "start", "text")

    def __init__(self, text: str, start: int, end: int, key: str, compact_: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.key = key  # comparison key (see module doc)
        self.compact = compact_  # folded letters and digits only: "GD&ĐT" -> "gddt" (for unit names)
        first = text[0]
        self.is_word = first.isalnum() or first == "_"
        self.capitalized = first.isupper()
        self.is_number = first.isdigit()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


@lru_cache(maxsize=1 << 16)
def compact(text: str) -> str:
    """Folded letters and digits only, the words joined: 'Phòng GD & ĐT' -> 'phonggddt'."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def tokenize(text: str, accented: bool | None = None) -> tuple[Token, ...]:
    """Tokens of `text` (already NFC) with keys for the given (or detected) writing mode."""
    if accented is None:
        accented = has_diacritics(text)
    return _tokenize(text, accented)


@lru_cache(maxsize=1 << 16)
def _word_keys(word: str, accented: bool) -> tuple[str, str]:
    return (tone_key(word) if accented else fold_word(word)), compact(word)


@lru_cache(maxsize=1024)
def _tokenize(text: str, accented: bool) -> tuple[Token, ...]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        key, compact_ = _word_keys(word, accented)
        out.append(Token(word, m.start(), m.end(), key, compact_))
    return tuple(out)


_REGISTRY: list[PhraseSet] = []


class PhraseSet:
    """Phrases (one or more words), matched longest-first at a token position.

    `compounds` names, for a phrase, the syllables that turn it into another word when they follow
    it: Vietnamese writes compound words as separate syllables, so "dự" (attend) must not match
    the first syllable of "dự án" (project), "dự toán" (budget), "dự thảo" (draft)."""

    def __init__(self, phrases: Iterable[str], compounds: dict[str, Iterable[str]] | None = None) -> None:
        self._phrases = tuple(dict.fromkeys(phrases))
        self._compounds = {p: tuple(after) for p, after in (compounds or {}).items()}
        self._index: dict[bool, dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]] = {}
        # Every phrase set has a slot in the one-pass match table (`match_table`).
        self.slot = len(_REGISTRY)
        _REGISTRY.append(self)

    @property
    def phrases(self) -> tuple[str, ...]:
        return self._phrases

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


# ------------------------------------------------------------------------------------------ one pass
# Readers ask "which phrase of list L starts at word i?" a few hundred times per sentence, for some
# forty lists. Rather than trying each list at each position, one pass over the sentence finds every
# phrase of every list that starts at every word: one index keyed by a phrase's first word holds the
# phrases of all lists (longest first), so a position costs one dictionary look-up and a comparison of
# the few phrases starting with that word. Afterwards a question is a dictionary read.
_Candidate = tuple[tuple[str, ...], frozenset[str], int]


class _MergedIndex:
    def __init__(self, accented: bool) -> None:
        self.accented = accented
        self.size = 0
        self.by_first: dict[str, list[_Candidate]] = {}

    def refresh(self) -> dict[str, list[_Candidate]]:
        if self.size != len(_REGISTRY):  # phrase sets made since (they are made at import time)
            merged: dict[str, list[_Candidate]] = {}
            for phrase_set in _REGISTRY:
                for first, options in phrase_set._built(self.accented).items():
                    merged.setdefault(first, []).extend(
                        (words, not_before, phrase_set.slot) for words, not_before in options
                    )
            for options in merged.values():
                options.sort(key=lambda option: len(option[0]), reverse=True)
            self.by_first, self.size = merged, len(_REGISTRY)
        return self.by_first


_MERGED = {True: _MergedIndex(True), False: _MergedIndex(False)}


def match_table(tokens: Sequence[Token], accented: bool) -> list[dict[int, int]]:
    """For every token position, {phrase set slot: length of that set's longest phrase starting
    there}; `table[i].get(phrase_set.slot, 0)` equals `phrase_set.match(tokens, i, accented)`."""
    by_first = _MERGED[accented].refresh()
    keys = [t.key for t in tokens]
    n = len(keys)
    table: list[dict[int, int]] = []
    for i, key in enumerate(keys):
        found: dict[int, int] = {}
        for words, not_before, slot in by_first.get(key, ()):
            if slot in found:
                continue  # a longer phrase of the same set already matched here
            size = len(words)
            if size > 1 and (i + size > n or keys[i + 1 : i + size] != list(words[1:])):
                continue
            if not_before and i + size < n and keys[i + size] in not_before:
                continue
            found[slot] = size
        table.append(found)
    return table
