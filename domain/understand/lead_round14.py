"""An enumeration of administrative levels inside one lead, cut at its comma (issue 11, tenth session, leado).

Kind of sentence: one body named for several levels at once — "UBND các xã, phường ở Hà Nội được yêu cầu …",
"tại các Trạm y tế xã, Thị trấn đồng loạt thực hiện …", "danh sách cử tri do UBND xã, thị trấn lập …". The
levels after the head are ONE lead (LABELLING.md §12: commas inside one title; §11: a name with its places). On a
path where the reader starts the name after the comma, only the tail ("phường ở Hà Nội", "Thị trấn") is kept,
a place, not a body. The cue is structural: a lead that OPENS with a level word right after "<level word>,"
is the tail of an enumeration of levels; the lead is the noun phrase the enumeration belongs to.

Written from corpus O (O002-01), G (G133-01) and F (F089-01 through its context); corpora L, M, N were not read
for it (their figures are in bench/README.md, session 10). Tests: `tests/domain/test_lead_round14.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence

# Administrative levels: each names a place of a kind, never a body by itself (the body is the head before).
_LEVELS = (("thị", "xã"), ("thị", "trấn"), ("thành", "phố"), ("xã",), ("phường",), ("huyện",), ("quận",), ("tỉnh",))
# Words a name does not cross going back: where its noun phrase begins (a preposition, a passive's or a
# relative's marker, a conjunction) — "tại các Trạm y tế xã, …" starts at "các".
_STOPS = ("tại", "ở", "của", "cho", "với", "từ", "đến", "do", "được", "bị", "và", "hoặc", "là", "thì", "nên")
_MAX_BACK = 8  # a head of a few words ("Trung tâm Y tế", "UBND"); further back is another phrase


def _level_at(s: _Sentence, k: int) -> int:
    """How many words of an administrative level start at tokens[k] (any case), else 0."""
    for words in _LEVELS:
        if all(s.word(k + i) and s.is_(k + i, w) for i, w in enumerate(words)):
            return len(words)
    return 0


def _level_ending_at(s: _Sentence, x: int) -> int:
    """Where a level word that ends right before tokens[x] starts, else -1."""
    for size in (2, 1):
        if x - size >= 0 and _level_at(s, x - size) == size:
            return x - size
    return -1


def _enumeration_start(s: _Sentence, a: int) -> int:
    """The first level of the enumeration whose tail starts at tokens[a] ("xã" of "các xã, phường"), else -1."""
    first = -1
    x = a
    while s.punct(x - 1, ","):
        k = _level_ending_at(s, x - 1)
        if k < s.first:
            break
        first = x = k
    return first


def _opens_nothing(s: _Sentence, k: int) -> bool:
    """A word a unit's head does not run back over: a verb, an adverb or predicate marker ("cả nước mới chỉ có
    14/63 tỉnh, …": a report), a count or a date ("18 huyện, thị xã": places counted, not a body), or another
    level ("UBND các xã UBND quận, huyện": the enumeration's own head comes after it)."""
    t = s.tokens[k]
    return bool(
        s.m(L.ASSIGN_VERBS, k)
        or s.m(L.VERBS, k)
        or s.m(L.ADVERBS, k)
        or s.m(L.PREDICATE_MARKERS, k)
        or any(ch.isdigit() for ch in t.text)
        or _level_ending_at(s, k + 1) >= 0
    )


def _head_start(s: _Sentence, first: int, floor: int) -> int:
    """Where the noun phrase holding the enumeration begins: back from its first level over a determiner and a
    head of a few words, to the clause start, a punctuation mark or a stop word; -1 when no head is there."""
    x = first
    while x - 1 >= floor and first - (x - 1) <= _MAX_BACK and s.word(x - 1):
        if any(s.is_(x - 1, w) for w in _STOPS) or _opens_nothing(s, x - 1):
            break
        x -= 1
    # the phrase opens at its head or a determiner: skip words before it that open nothing ("Trong các ngày …")
    while x < first and not (s.m(L.DETERMINERS, x) or s.m(L.ORG_HEADS, x) or s.tokens[x].capitalized):
        x += 1
    if x >= first:
        return -1  # "xã, phường" alone: no body named before the levels
    if s.m(L.DETERMINERS, x) and x + s.m(L.DETERMINERS, x) == first:
        return -1  # "các xã, phường": the places themselves (the reader's own list rules decide)
    return x


def level_list_heads(s: _Sentence, leads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each lead that is only the tail of an enumeration of levels ("phường ở Hà Nội" of "UBND các xã, phường
    ở Hà Nội") becomes the whole noun phrase; the others are kept as they are."""
    out: list[tuple[int, int]] = []
    for a, b in leads:
        if not _level_at(s, a) or not s.punct(a - 1, ","):
            out.append((a, b))
            continue  # (the common case: a lead that does not open with a level word after a comma)
        first = _enumeration_start(s, a)
        floor = out[-1][1] if out else s.first
        start = _head_start(s, first, floor) if first >= 0 else -1
        if start < 0 or any(x < b and start < y for x, y in out):
            out.append((a, b))
            continue
        out.append((start, b))
    return out
