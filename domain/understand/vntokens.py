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
from itertools import compress
from operator import itemgetter

from domain.understand.deadlines import CODE_CHARS, in_code
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
    if len(text) > 2000:
        return _has_diacritics(text)
    return _has_diacritics_remembered(text)


def _has_diacritics(text: str) -> bool:
    code = in_code(text)
    if code is not None:
        return _has_diacritics_coded(code)
    # Words of two letters or more, and how many of them are outside ASCII (a Vietnamese mark, or
    # đ), counted chunk by chunk (a letter run never spans a blank), each distinct chunk once.
    stats = _CHUNK_LETTERS
    words = marked = 0
    for chunk in text.split():
        counts = stats.get(chunk) or _chunk_letters(chunk)
        words += counts[0]
        marked += counts[1]
    if not words:
        return False
    return marked / words >= 0.15


def _chunk_letters(chunk: str) -> tuple[int, int]:
    """(letter runs of two letters or more, those not in ASCII) in a blank-free chunk, remembered
    (a bounded table: texts repeat their words). NFC chunk by chunk equals NFC of the text: a blank
    composes with nothing."""
    words = _LONG_LETTER_RUN.findall(nfc(chunk))
    counts = (len(words), len(words) - sum(map(str.isascii, words)))
    if len(_CHUNK_LETTERS) >= 1 << 16:
        _CHUNK_LETTERS.clear()
    _CHUNK_LETTERS[chunk] = counts
    return counts


_CHUNK_LETTERS: dict[str, tuple[int, int]] = {}
_LONG_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")


def _letter_class(char: str) -> int:
    if not re.fullmatch(r"[^\W\d_]", char):
        return ord(" ")
    return ord("a") if char.isascii() else ord("v")


# A text written in the deadline parser's one-byte code (nearly every text: ASCII, the Vietnamese letters,
# the usual marks) is NFC already; its bytes mapped to "a" (an ASCII letter of _LONG_LETTER_RUN), "v" (one
# outside ASCII) or " " give the same letter runs in two C passes and a findall, no Python per chunk.
_LETTER_CLASSES = bytes(map(_letter_class, CODE_CHARS))


def _has_diacritics_coded(code: bytes) -> bool:
    # The runs are counted by where they start, with no object made for each (a `split` made one bytes
    # object a word: half the cost): a run starts after a blank, a one-letter run is a letter between
    # blanks (the blanks doubled, so that two such runs side by side do not share theirs).
    classes = b" " + code.translate(_LETTER_CLASSES)
    runs = classes.count(b" a") + classes.count(b" v")  # every letter run (one-letter runs too)
    spaced = classes.replace(b" ", b"  ") + b" "
    short_plain, short_marked = spaced.count(b" a "), spaced.count(b" v ")
    words = runs - short_plain - short_marked
    if not words:
        return False
    # the runs with a letter outside ASCII: what is left of them once the ASCII letters are deleted
    marked = classes.translate(None, b"a").count(b" v") - short_marked
    return marked / words >= 0.15
# A sentence is asked several times (by the reader, the splitter's classification, the tokenizer).
_has_diacritics_remembered = lru_cache(maxsize=2048)(_has_diacritics)


try:  # CPython's descriptor for namedtuple fields
    from collections import _tuplegetter as _field  # type: ignore[attr-defined]
except ImportError:  # another Python: a property does the same, slower

    def _field(index: int, doc: str) -> property:  # type: ignore[misc]
        return property(itemgetter(index), doc=doc)


class Token(tuple):
    """One word or punctuation character of a text: (text, start, end, key, compact, is_word,
    capitalized, is_number). A tuple made in one step: a text has many tokens, and the flags of a
    word are computed once per distinct word (texts repeat their words), not each time a rule asks.

    key: the comparison key (see the module doc); compact: folded letters and digits only, "GD&ĐT"
    -> "gddt" (for unit names)."""

    __slots__ = ()

    # The rules read these a few thousand times a sentence: the field descriptors of namedtuple
    # (one C call each), not properties (a property calls an itemgetter).
    text = _field(0, "the word or character as written")
    start = _field(1, "offset of its first character in the text")
    end = _field(2, "offset after its last character")
    key = _field(3, "comparison key")
    compact = _field(4, "folded letters and digits only")
    is_word = _field(5, "a word (letters or digits), not punctuation")
    capitalized = _field(6, "its first character is upper-case")
    is_number = _field(7, "its first character is a digit")

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


def _word_info(word: str, accented: bool) -> tuple[str, str, bool, bool, bool]:
    """(key, compact, is_word, capitalized, is_number) of a word, remembered per writing mode (a
    bounded table: texts repeat their words)."""
    infos = _WORD_INFO[accented]
    info = infos.get(word)
    if info is None:
        if len(infos) >= 1 << 16:
            infos.clear()
        first = word[0]
        key = tone_key(word) if accented else fold_word(word)
        info = infos[word] = (key, compact(word), first.isalnum() or first == "_", first.isupper(), first.isdigit())
    return info


_WORD_INFO: dict[bool, dict[str, tuple[str, str, bool, bool, bool]]] = {True: {}, False: {}}


# A token with the spaces before it: positions follow from the lengths, with no match objects.
_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")


@lru_cache(maxsize=1024)
def _tokenize(text: str, accented: bool) -> tuple[Token, ...]:
    # A token never holds a blank (\w, the joiners and \S are not blanks), so the tokens of a text
    # are those of its blank-separated chunks, in order. Each distinct chunk is tokenized once (texts
    # repeat their words), its tokens placed at the chunk's start: a text costs a split, one find
    # per chunk and one tuple per token (no regex, no match objects).
    table = _CHUNKS[accented]
    out: list[Token] = []
    append = out.append
    chunks = text.split()
    if " ".join(chunks) == text:
        # One space between chunks and none around them (most texts): a chunk starts one after the end
        # of the one before, no `find` (str.find parses its arguments the slow way: a third of the time).
        at = 0
        for chunk in chunks:
            for word, start, end, key, compact_, is_word, capitalized, is_number in (
                table.get(chunk) or _chunk_tokens(chunk, accented)
            ):
                append(Token((word, at + start, at + end, key, compact_, is_word, capitalized, is_number)))
            at += len(chunk) + 1
        return tuple(out)
    find = text.find
    pos = 0
    for chunk in chunks:
        at = find(chunk, pos)  # the chunk itself: only blanks lie between pos and it
        for word, start, end, key, compact_, is_word, capitalized, is_number in (
            table.get(chunk) or _chunk_tokens(chunk, accented)
        ):
            append(Token((word, at + start, at + end, key, compact_, is_word, capitalized, is_number)))
        pos = at + len(chunk)
    return tuple(out)


_TokenRow = tuple[str, int, int, str, str, bool, bool, bool]


def _chunk_tokens(chunk: str, accented: bool) -> tuple[_TokenRow, ...]:
    """The tokens of a blank-free chunk as rows (positions in the chunk), remembered per writing
    mode (a bounded table: texts repeat their words)."""
    rows = []
    pos = 0
    for spaces, word in _SPACED_TOKEN.findall(chunk):
        pos += len(spaces)
        end = pos + len(word)
        key, compact_, is_word, capitalized, is_number = _WORD_INFO[accented].get(word) or _word_info(word, accented)
        rows.append((word, pos, end, key, compact_, is_word, capitalized, is_number))
        pos = end
    table = _CHUNKS[accented]
    if len(table) >= 1 << 16:
        table.clear()
    found = table[chunk] = tuple(rows)
    return found


_CHUNKS: dict[bool, dict[str, tuple[_TokenRow, ...]]] = {True: {}, False: {}}


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
        size = len(tokens)
        if i >= size:
            return 0
        index = self._index.get(accented) or self._built(accented)
        # (the splitter asks this a dozen times a sentence: no generator, tuple index 3 is the key; a
        # phrase's first word is the index key, so the comparison starts at its second)
        options = index.get(tokens[i][3])
        if options is None:
            return 0
        for words, not_before in options:
            n = len(words)
            end = i + n
            if end > size:
                continue
            k = 1
            while k < n and tokens[i + k][3] == words[k]:
                k += 1
            if k < n:
                continue
            if not_before and end < size and tokens[end][3] in not_before:
                continue  # the first syllables of a longer word: "dự" of "dự án"
            return n
        return 0

    def __add__(self, other: PhraseSet) -> PhraseSet:
        return PhraseSet((*self._phrases, *other._phrases), {**self._compounds, **other._compounds})


# ------------------------------------------------------------------------------------------ one pass
# Readers ask "which phrase of list L starts at word i?" a few hundred times per sentence, for some
# fifty lists. Rather than trying each list at each position, one pass over the sentence finds every
# phrase of every list that starts at every word: the phrases of all lists form one trie of words
# (a word automaton: from each position, follow the next words as long as some phrase goes on), so
# a position costs a walk of one to three dictionary look-ups. Afterwards a question is a dictionary
# read. (A character-level Aho–Corasick automaton, pyahocorasick, would also work, but phrases must
# match whole words under two keyings, and this word trie does that with no extra dependency.)
class _Node:
    __slots__ = ("alone", "cum", "ends", "found", "guarded", "next")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.ends: list[tuple[int, frozenset[str]]] = []  # (phrase set slot, syllables not after)
        # What a position whose walk stops at this node finds, when no "not after" rule applies:
        # one shared table (readers only read it), not one built per position.
        self.alone: dict[int, int] | None = None
        # The ends split once, when the index is built: those with no "not after" rule as the table
        # they add ({slot: this node's depth}, merged in C by `dict.update`), the others to check.
        self.found: dict[int, int] = {}
        self.guarded: list[tuple[int, frozenset[str]]] = []
        # What a walk that stops at this node finds, when no node on the way from the root has a "not
        # after" rule: the `found` of every node on the path merged (deeper wins), one shared table built
        # with the index; None when some node on the path has a guarded end (those walks are read the
        # long way, against the next word).
        self.cum: dict[int, int] | None = None


class _MergedIndex:
    def __init__(self, accented: bool) -> None:
        self.accented = accented
        self.size = 0
        self.root = _Node()

    def refresh(self) -> _Node:
        if self.size != len(_REGISTRY):  # phrase sets made since (they are made at import time)
            root = _Node()
            for phrase_set in _REGISTRY:
                for options in phrase_set._built(self.accented).values():
                    for words, not_before in options:
                        node = root
                        for word in words:
                            node = node.next.setdefault(word, _Node())
                        node.ends.append((phrase_set.slot, not_before))
            for first in root.next.values():
                if not any(not_before for _, not_before in first.ends):
                    first.alone = {slot: 1 for slot, _ in first.ends}
            stack: list[tuple[_Node, int, dict[int, int] | None]] = [(node, 1, {}) for node in root.next.values()]
            while stack:
                node, depth, above = stack.pop()
                node.found = {slot: depth for slot, not_before in node.ends if not not_before}
                node.guarded = [(slot, not_before) for slot, not_before in node.ends if not_before]
                node.cum = None if above is None or node.guarded else {**above, **node.found}
                stack.extend((child, depth + 1, node.cum) for child in node.next.values())
            self.root, self.size = root, len(_REGISTRY)
        return self.root


_KEY_OF = itemgetter(3)  # a token's comparison key (tuple index 3), read in C
_MERGED = {True: _MergedIndex(True), False: _MergedIndex(False)}
_NOTHING: dict[int, int] = {}  # shared, never written


def match_table(
    tokens: Sequence[Token], accented: bool, keys: Sequence[str] | None = None
) -> list[dict[int, int]]:
    """For every token position, {phrase set slot: length of that set's longest phrase starting
    there}; `table[i].get(phrase_set.slot, 0)` equals `phrase_set.match(tokens, i, accented)`.
    The tables are shared between positions (and texts): read them, never write them. `keys`: the
    tokens' keys when the caller has them already."""
    root = _MERGED[accented].refresh().next
    if keys is None:
        keys = list(map(_KEY_OF, tokens))
    n = len(keys)
    # The first word's node of every position looked up in C, and only the positions where some phrase
    # starts visited in Python (a third of the words start none).
    nodes = list(map(root.get, keys))
    table: list[dict[int, int]] = [_NOTHING] * n
    for i in compress(range(n), nodes):
        node = nodes[i]
        if node.alone is not None and (i + 1 >= n or keys[i + 1] not in node.next):
            table[i] = node.alone  # a one-word phrase (or none) that nothing longer continues
            continue
        # Walk down as far as the words go; when no node on the way has a "not after" rule, what the
        # position finds is the stopping node's merged table (built once with the index, shared).
        end, depth = node, 1
        while i + depth < n:
            child = end.next.get(keys[i + depth])
            if child is None:
                break
            end = child
            depth += 1
        if end.cum is not None:
            table[i] = end.cum
            continue
        found: dict[int, int] = {}
        depth = 1
        while True:
            if node.found:
                found.update(node.found)  # deeper is longer: the longest phrase of each set wins
            for slot, not_before in node.guarded:
                if i + depth < n and keys[i + depth] in not_before:
                    continue  # the first syllables of a longer word: "dự" of "dự án"
                found[slot] = depth
            if i + depth >= n:
                break
            node = node.next.get(keys[i + depth])
            if node is None:
                break
            depth += 1
        table[i] = found
    return table


def clear_text_caches() -> None:
    """Forget what was learnt about whole texts (their tokens, their writing mode); word-level
    tables stay (benchmarks time texts read as new, in a bot that has read other texts)."""
    _tokenize.cache_clear()
    _has_diacritics_remembered.cache_clear()
