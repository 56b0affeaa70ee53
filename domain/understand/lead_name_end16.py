"""Where a name ends before its predicate (issue 11, session 12, branch `leadend`).

Kind of sentence served: a lead whose name the reader cut before its own qualifier — a level and place
phrase, a scope phrase or a noun run that says which ones — while the predicate proper only opens a few
words later with a word only an actor takes (a modal or obligation «phải», «cần», «có trách nhiệm»; an
actor's adverb «tập trung», «chủ động», «tiếp tục», «khẩn trương», «nghiêm túc»), itself followed by a
verb of the verb list: «đề nghị các đồng chí | cấp uỷ các thôn tập trung tuyên truyền …», «yêu cầu mỗi
cán bộ, công chức | trong hệ thống chính trị của phường tiếp tục đoàn kết …». The words between where the
reader stopped and that actor's word are the name's qualifier (LABELLING §11: a name spans what says which
ones, up to the predicate), so the name runs to the actor's word.

Structural, not a word list: the cue is the actor's word + verb (the predicate's shape) and a stretch
between that holds no predicate of its own — no verb of any verb list, no punctuation but a comma inside a
list of places or levels, no capitalised word, no second body joined by «và», no clause link.

Asked once, where `assignees._extend` returns (one hook line), only when the name ended at a lower-case word
or at a comma before a place word; reads at most `_SCAN` tokens ahead. Tests with invented sentences of the
class and of what it must leave alone: tests/domain/test_lead_name_end16.py; figures per dev set in
bench/README.md ("Session 12 (branch leadend)").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A

if TYPE_CHECKING:
    from domain.understand.assignees import _Head, _Sentence

_SCAN = 10  # words read ahead at most: a qualifier, not a clause
# Prepositions that open a qualifier of scope or belonging: "trong hệ thống chính trị của phường", "thuộc …".
_SCOPE = ("trong", "của", "thuộc", "tại", "ở", "trên")


@lru_cache(maxsize=2)
def _scope_keys(accented: bool) -> frozenset[str]:
    return A._word_keys(_SCOPE, accented)


def _actor_word(s: _Sentence, x: int) -> int:
    """The length of a modal, obligation or actor's adverb at tokens[x], 0 when none."""
    hit = s.hits[x]
    return max(hit.get(A._MODALS.slot, 0), hit.get(A._OBLIGATIONS.slot, 0), hit.get(A._ACTOR_ADVERBS.slot, 0))


def _verb_at(s: _Sentence, x: int) -> bool:
    """A lower-case word at tokens[x] that is no determiner (what an actor's adverb is followed by: its verb,
    «đoàn kết» and «cày bừa» included, which no list holds)."""
    return bool(s.word(x) and not s.tokens[x].capitalized and not s.m(L.DETERMINERS, x))


def name_end(s: _Sentence, start: int, j: int, head: _Head | None) -> int:
    """The end of the name tokens[start:j] run over its qualifier to the predicate's actor word, 0 when the
    words after tokens[j] are not a qualifier followed by the predicate."""
    if j >= s.n or j <= start:
        return 0
    toks = s.tokens
    x = j
    if not toks[j].is_word or (head is not None and head.unit_complete):
        return 0  # a known unit's name ("Sở GD&ĐT Hà Nội") is followed by its own predicate ("cho phép …")
    opens = s.hits[j]
    verb = opens.get(L.VERBS.slot, 0)
    if verb and verb >= max(opens.get(L.ORG_HEADS.slot, 0), opens.get(L.PERSON_HEADS.slot, 0)):
        return 0  # the name ended at a verb ("tổ chức" too): the predicate
    if not (
        opens.get(L.ORG_HEADS.slot, 0)
        or opens.get(L.PERSON_HEADS.slot, 0)
        or opens.get(L.PLACE_NOUNS.slot, 0)
        or opens.get(L.DETERMINERS.slot, 0)
        or toks[j][3] in _scope_keys(s.accented)
    ):
        return 0  # a qualifier opens with a body, a person, a place or a preposition of scope
    last = min(s.n, j + _SCAN)
    links = A._word_keys(A._CLAUSE_LINKS, s.accented)
    noun = False  # the qualifier names a body, a person or a place
    while x < last:
        t = toks[x]
        if not t.is_word:
            return 0
        size = _actor_word(s, x)
        if size and x > j:
            after = A._skip_adverbs(s, x + size, adjuncts=False)
            if s.is_(x - 1, "và") or not noun or s.is_(after, "được") or s.is_(after, "bị"):
                return 0  # two predicates joined; no qualifier (a lone unknown word: "sẻ"); a passive
            must = s.hits[x].get(A._MODALS.slot, 0) or s.hits[x].get(A._OBLIGATIONS.slot, 0)
            return x if must or _verb_at(s, after) else 0  # a manner adverb must open a verb
        if A._skip_adverbs(s, x) > x:
            return 0  # an adverb or adjunct of the predicate ("trước mắt", "ngay"): the predicate has begun
        hit = s.hits[x]
        if t.capitalized or t[3] in links:
            return 0
        size = max(hit.get(L.ORG_HEADS.slot, 0), hit.get(L.PERSON_HEADS.slot, 0), hit.get(L.PLACE_NOUNS.slot, 0))
        if size and hit.get(L.VERBS.slot, 0) >= size:
            size = 0  # "tổ chức" is a body and a verb: here, before the predicate, read as the verb
        if size:
            noun = True
            x += size  # "cấp ủy", "xã", "cán bộ": a body, a person or a place, whatever else the word is
            continue
        if (
            hit.get(L.VERBS.slot, 0)
            or hit.get(L.ASSIGN_VERBS.slot, 0)
            or hit.get(A._ASK_VERBS.slot, 0)
            or hit.get(A._CHI_DAO.slot, 0)
            or hit.get(A._WORD_SEPARATORS.slot, 0)
            or hit.get(L.NARRATIVE_VERBS.slot, 0)
            or hit.get(L.PREDICATE_MARKERS.slot, 0)
            or hit.get(A._MODALS.slot, 0)
        ):
            return 0
        if s.is_(x, "và") and (s.m(L.ORG_HEADS, x + 1) or s.m(L.PERSON_HEADS, x + 1) or s.m(L.DETERMINERS, x + 1)):
            return 0  # "… và UBND xã …": another body
        x += 1
    return 0
