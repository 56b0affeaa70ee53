"""Words that can only continue a name: `assignees._extend` steps over them without its rule chain.

Speed only (issue 11 part 4; bench/README.md, "Eighth issue-11 session — speed10"): no reading changes.
`_extend` grows a noun phrase word by word and asks, at every word, a dozen rules in turn (a
demonstrative, "học" of "Khoa học", a noun after a determiner, a clause saying which ones, a committee's
level, a capital, a number, a scope, a place, a list of activities, the end of the phrase …). For most
words every rule answers 0 and the word is simply taken into the name. Each of those rules first needs
something of the word itself or of the word before it — a phrase list starting there, one of a few rule
words, a capital, a determiner just before — so one look at the word, made once a sentence and
remembered, says that none of them can act:

- PLAIN: a lower-case word none of the rules can act on, which `_ends_np` does not end; `_extend` takes it
  (j + 1), after asking only the two rules that read a clause ahead (`_qualifier_end`,
  `_relative_clause_end`), and those only when a modal or an actor's adverb follows within their reach;
- CAPITAL: a capitalised word inside the sentence that none of the rules before `_extend`'s capital
  branch can act on; it is taken with its two-syllable verb, if any, as that branch does;
- END: a lower-case word that `_ends_np` ends the name at (a verb, a stop word, a separator …) and no rule
  before it can act on but the clause readers and `activities_end`; `_extend` asks those, then
  `activity_name_end`, and stops;
- OTHER: anything else (the whole chain runs, as before).

Why each test is there, rule by rule (the order of `_extend`; each rule's own first test, unchanged):
`demonstrative_end` needs a demonstrative's first word; `NP_KEEP` a phrase of its list; `_study_word` "học";
`_noun_after_determiner` a determiner of size 1, 2, 3 ending right before; the straddling compound a `NP_KEEP`
phrase of two or more words starting one word before; "chủ trì" its list; `_qualifier_end` answers 0 for a
capital and otherwise needs "có" or an actor's adverb ahead in the same run of words; at the head's end, a title
needs `PERSON_HEADS`, and a head that takes a name takes a PLAIN word before the relative clause is asked, as
`step` does (an END word there is left to the chain); the unit-complete branches only happen after a complete
unit's name, where `step` is not asked; `_committee_level_end` needs a committee's last word just before; a
committee's purpose its list; then (PLAIN only) a number, "số", "kiêm", a passive relative, a determiner,
`_relative_clause_end` (a modal ahead in the run), `_such_as` ("như", "gồm", "bao"), `level_range_end` ("từ"), a
field after "về", "đóng", `_located_end` ("tại", "ở"), `_scope` ("trong", "trên"), `activities_end` (a verb),
"là"; and `_ends_np` is true only for "có", "được", "trên", "ban" (its own test) or a phrase of its lists.
`tests/domain/test_name_words.py` reads every corpus sentence both ways (this step and the whole chain) from
every position and head and compares.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress, count
from operator import itemgetter, not_
from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand import lead_rules, name_bounds, name_purposes, name_stationed
from domain.understand.lead_rules import _keys

if TYPE_CHECKING:
    from domain.understand.assignees import _Head, _Sentence

UNKNOWN, OTHER, PLAIN, CAPITAL, END = -1, 0, 1, 2, 3

# `_qualifier_end` looks up to 14 words ahead, `_relative_clause_end` 10.
_CLAUSE_REACH = 14


class _Gates:
    """What the rules look for at a word, read from `assignees` on first use (it imports this module
    before its own lists are made)."""

    def __init__(self) -> None:
        # phrase lists starting at the word that a rule before the capital branch acts on …
        self.early_slots = frozenset(p.slot for p in (L.NP_KEEP, A._CHU_TRI, L.PERSON_HEADS, L.COMMITTEE_PURPOSES))
        # … and those a rule after it acts on (a lower-case word) …
        self.rule_slots = frozenset(p.slot for p in (A._PASSIVE_RELATIVE, L.DETERMINERS, L.NP_LINKS_BEFORE_ORG))
        # … and those that make `_ends_np` true (with "có", "được", "trên", "ban" in late_keys)
        self.end_slots = frozenset(
            p.slot for p in (A._WORD_SEPARATORS, L.PREDICATE_MARKERS, L.NP_STOPS, L.ASSIGN_VERBS, L.VERBS)
        )
        # rule words (keys with and without diacritics), the same way
        early = (*lead_rules._DEMONSTRATIVE_FIRSTS, "học")
        self.early_keys = _keys(early)
        late = ("số", "kiêm", "như", "gồm", "bao", "từ", "tại", "ở", "trong", "trên", "là", "có", "được", "ban")
        self.late_keys = {
            accented: keys | name_purposes.VE_KEYS[accented] | name_stationed.KEYS[accented]
            for accented, keys in _keys((*early, *late)).items()
        }
        self.committee_last_keys = _keys(A._COMMITTEE_LAST_WORDS)
        self.np_keep, self.det, self.verbs = L.NP_KEEP.slot, L.DETERMINERS.slot, L.VERBS.slot


_gates: _Gates | None = None


def step(s: _Sentence, start: int, j: int, head: _Head | None) -> int:
    """Where `_extend`'s loop goes on after the word tokens[j] when no rule but the clause readers can act
    on it (PLAIN, CAPITAL); minus where the name ends when the word ends it (END: after the clause readers,
    a list of activities, `activity_name_end`, as the chain would); 0 when the whole chain must be asked.
    The caller has made sure that the head is not a complete unit's name (those words may end it:
    `_may_follow_unit`). (A head that takes a name, "Ban quản lý", takes an END word: the chain reads it.)"""
    kinds = s.name_words
    kind = kinds[j]
    if kind == UNKNOWN:
        kind = kinds[j] = _kind(s, j)
    if kind == CAPITAL:
        return j + max(1, s.hits[j].get(L.VERBS.slot, 0))  # as the capital branch
    if kind == PLAIN:
        if clause_ahead(s, j):
            end = A._qualifier_end(s, start, j, head)
            if end:
                return end
            # (at a head that takes a name, "Ban quản lý", the word is taken before the relative
            # clause is asked: `_extend`'s names_head)
            if not (head is not None and j == head.end and head.takes_name):
                end = A._relative_clause_end(s, start, j, head)
                if end:
                    return end
        return j + 1
    if kind == END and not (head is not None and j == head.end and head.takes_name):
        if clause_ahead(s, j):
            end = A._qualifier_end(s, start, j, head) or A._relative_clause_end(s, start, j, head)
            if end:
                return end
        if s.hits[j].get(L.VERBS.slot, 0):
            acts = lead_rules.activities_end(s, start, j, head)
            if acts:
                return -acts
        return -(name_bounds.activity_name_end(s, start, j, head) or j)  # as `_extend` after `_ends_np`
    return 0


def _kind(s: _Sentence, j: int) -> int:
    global _gates
    g = _gates
    if g is None:
        g = _gates = _Gates()
    t = s.tokens[j]
    if not t[5]:
        return OTHER  # punctuation: `_extend` reads it itself
    hits = s.hits
    hit = hits[j]
    if not g.early_slots.isdisjoint(hit):
        return OTHER
    if j >= 1:
        before = hits[j - 1]
        if (
            before.get(g.np_keep, 0) > 1  # a compound straddling the word before
            or before.get(g.det, 0) == 1  # the noun after a determiner
            or (j >= 2 and hits[j - 2].get(g.det, 0) == 2)
            or (j >= 3 and hits[j - 3].get(g.det, 0) == 3)
            or s.tokens[j - 1][3] in g.committee_last_keys[s.accented]  # a committee's level
        ):
            return OTHER
    key = t[3]
    if t[6]:  # capitalized
        if j in s.initial or key in g.early_keys[s.accented]:
            return OTHER  # (at a clause's start a capital says nothing: the whole chain reads it)
        return CAPITAL
    if t[7] or key in g.late_keys[s.accented] or not g.rule_slots.isdisjoint(hit):
        return OTHER  # (t[7]: a number)
    return PLAIN if g.end_slots.isdisjoint(hit) else END


def clause_ahead(s: _Sentence, j: int) -> bool:
    """Can a clause that says which ones start at tokens[j]? `_qualifier_end` needs an actor's adverb at
    some x in [j + 2, j + 14) and `_relative_clause_end` a modal at some x in (j, j + 10), the tokens up
    to x words both (from j + 2 on for the first): is there such an x for either list? (The lists'
    positions and the punctuation's, read once a sentence: two bisections instead of a walk.)"""
    openers = s.clause_openers
    if openers is None:
        openers = s.clause_openers = sorted({*s.at(A._MODALS), *s.at(A._ACTOR_ADVERBS)})
        s.breaks = list(compress(count(), map(not_, map(itemgetter(5), s.tokens))))
    i = bisect_right(openers, j)
    if i == len(openers) or openers[i] >= j + _CLAUSE_REACH:
        return False
    breaks = s.breaks
    b = bisect_left(breaks, j + 2)
    return b == len(breaks) or breaks[b] > openers[i]
