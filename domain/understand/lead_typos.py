"""A word typed twice, read once by the lead reader (issue 11, seventh session, branch `leadjk`).

Kind of sentence: text copied from web pages and scanned letters with a word typed twice — "chỉ đạo các
các bộ phận chuyên môn …" (A044-01, v3a), "đề nghị cấp ủy và và đồng chí Bí thư …" (D088-01, v4d), "NHNN
chỉ đạo đạo các TCTD và …" (F119-01, v4f): three documents of three corpora. The double breaks the
structures the reader looks for (a determiner then a head, "và" between two names, the verb "chỉ đạo"
before its addressees), and the name read keeps the extra word. Only doubles that are never meant are
dropped:

- a function word typed twice ("các các", "và và", "cho cho", "của của"): Vietnamese never doubles them;
- the last syllable of a verb of assigning typed again ("chỉ đạo đạo", "giao cho cho").

Not dropped: a syllable that ends one word and starts the next ("hành vi vi phạm", "giao thông thông
suốt", "Đại hội Hội LHPN"), reduplication ("người người, nhà nhà", "dần dần"), a capital after the double
("Bộ Bộ Chỉ huy" may be a title), and any other word. The first of the two tokens is dropped, so that a
name read from the second one is written once ("các bộ phận chuyên môn"); offsets stay those of the text.

Hooked by two lines into `assignees._Sentence` (the only reader of these tokens); deadlines and the
conclusion splitter read the text as before. Cost: one comparison of neighbouring keys in C per sentence;
the rest runs only where two neighbours are equal.
"""

from __future__ import annotations

from functools import cache
from operator import eq, itemgetter
from typing import TYPE_CHECKING

from domain.understand.lexicons import entries
from domain.understand.vntokens import fold_word, tone_key

if TYPE_CHECKING:
    from collections.abc import Sequence

    from domain.understand.vntokens import Token

_KEY_OF = itemgetter(3)

# Closed-class words that are never doubled on purpose.
_FUNCTION_WORDS = (
    "các", "những", "và", "hoặc", "cho", "của", "với", "theo", "tại", "trong", "để", "đã", "sẽ", "được",
    "cùng", "từ", "đến", "tới", "về", "là", "thì", "mà", "phải", "cần", "có", "đối",
)


@cache
def _keys(accented: bool) -> frozenset[str]:
    key = tone_key if accented else fold_word
    return frozenset(key(w) for w in _FUNCTION_WORDS)


@cache
def _verb_ends(accented: bool) -> frozenset[tuple[str, str]]:
    """(syllable before, last syllable) of the two-syllable verbs of assigning: "chỉ đạo", "giao cho"."""
    key = tone_key if accented else fold_word
    out = set()
    for name in ("assign_verbs", "chi_dao"):
        for phrase in entries(name):
            parts = phrase.split()
            if len(parts) == 2:
                out.add((key(parts[0]), key(parts[1])))
    return frozenset(out)


def doubled(keys: Sequence[str]) -> bool:
    """Are two neighbouring tokens the same word (asked in C: the common case is no)?"""
    return any(map(eq, keys, keys[1:]))


def undoubled(tokens: tuple[Token, ...], keys: list[str], accented: bool) -> tuple[tuple[Token, ...], list[str]]:
    """The tokens and their keys without the first of each pair typed twice by mistake (see the module)."""
    function_words, verb_ends = _keys(accented), _verb_ends(accented)
    drop = set()
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if keys[i] != keys[i + 1] or not (a.is_word and b.is_word) or b.capitalized:
            continue
        if keys[i] in function_words or (i >= 1 and (keys[i - 1], keys[i]) in verb_ends):
            drop.add(i)
    if not drop:
        return tokens, keys
    kept = tuple(t for i, t in enumerate(tokens) if i not in drop)
    return kept, list(map(_KEY_OF, kept))
