"""A kind's restrictive clause run on to the predicate's modal (seventh issue-11 session, branch `names2`).

The kind of lead miss that recurs in every corpus is a name cut before (or inside) the clause that says which
ones: "các trường học vốn không thực hiện lịch nghỉ cố định 2 ngày thứ bảy và chủ nhật hàng tuần sẽ thực hiện
…", "các cấp ủy, đảng viên sau khi được bàn giao tiếp tục phát huy …", "địa phương nào xuống giống không kịp
khung thời vụ có thể cắt vụ …". One structural cue tells the clause's verb from the task's: the clause is
opened by a marker of aspect, polarity or time ("không", "chưa", "đang", "đã", "còn", "vốn", "sau khi"), and
the predicate proper opens with a word only an actor takes (a modal "sẽ", "cần", "tiếp tục", an actor's adverb
"chủ động", "có thể") followed by a verb. The name then runs to that word (LABELLING.md §11: a name spans what
says which ones, up to the predicate).

Asked once, where `assignees._extend` ends a name (no new pass over the tokens); gated by a set test
of one token key (the marker where the name ends).

Written from the class's examples in corpora J and L (and K): J041-02, J045-01 (won), J043-01 (the
predicate opens after a comma with "căn cứ": not read), J063-01 (the clause is inside the name the reader
already took: "còn hạn mức | tăng trưởng", a title "trưởng" inside a verb; not read), L078-01 (its gold
runs past the ask verb "khuyến cáo": not read), K070-01 (the reader ends that name elsewhere). Figures per
set in bench/README.md ("Seventh issue-11 session — names2"). Tests with invented sentences of the class,
and of what it must leave alone: tests/domain/test_name_clauses.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand.lead_rules import _keys

if TYPE_CHECKING:
    from domain.understand.assignees import _Head, _Sentence

# Markers that open a clause saying which ones ("sau" only with "khi").
_MARKERS = ("không", "chưa", "đang", "đã", "còn", "vốn", "sau")
_SCAN = 20  # tokens read ahead at most
KEYS = _keys(_MARKERS)  # the words the hook asks about, with and without diacritics


def _opener(s: _Sentence, x: int) -> int:
    """The length of a word only an actor takes at tokens[x] ("sẽ", "cần", "tiếp tục", "chủ động",
    "có thể"), 0 when none."""
    hit = s.hits[x]
    size = max(hit.get(A._MODALS.slot, 0), hit.get(A._ACTOR_ADVERBS.slot, 0))
    if not size and s.is_(x, "có") and s.is_(x + 1, "thể"):
        size = 2
    return size


def clause_end(s: _Sentence, start: int, j: int, head: _Head | None) -> int:
    """Where a kind's restrictive clause, opened by a marker at tokens[j] (where the name ends), ends: at
    the modal or actor's adverb that opens the predicate proper (followed by a verb). 0 when there is
    none: the clause must hold a verb and no comma, determiner, capitalised word, body or person acted
    upon, order, clause link or prohibition ("không được", "không để")."""
    if j >= s.n or j <= start or not s.word(j) or (head is not None and head.unit_complete):
        return 0
    toks = s.tokens  # (the hook has asked `KEYS` about tokens[j], the word where the name ends)
    # a cheap pass first: a modal or an actor's adverb within the window before any punctuation
    # (most names that end at "đã", "không" have none: "các xã đã hoàn thành, …")
    hits, modal, adverb = s.hits, A._MODALS.slot, A._ACTOR_ADVERBS.slot
    last = min(s.n, j + _SCAN)
    x = j + 2
    while x < last and toks[x][5] and not (hits[x].get(modal, 0) or hits[x].get(adverb, 0) or s.is_(x, "có")):
        x += 1
    if x >= last or not toks[x][5]:
        return 0
    first = A._skip_determiners(s, start)
    if toks[first].capitalized and (first not in s.initial or s.m(L.ORG_HEADS, first)):
        return 0  # a named body ("UBND huyện đã …", "Sở Y tế đã …"; a Title-Case head) keeps its predicate
    if s.is_(j, "sau") and not s.is_(j + 1, "khi"):
        return 0
    if (s.is_(j, "không") and (s.is_(j + 1, "được") or s.is_(j + 1, "để"))) or _opener(s, j + 1):
        return 0  # "không được bán …", "không để …", "không phải": a prohibition, the predicate itself
    if _opener(s, j) or s.hits[j].get(L.ASSIGN_VERBS.slot, 0):
        return 0
    links = A._word_keys(A._CLAUSE_LINKS, s.accented)
    verb = False
    x = j + 2 if s.is_(j, "sau") else j  # "sau khi": one marker ("khi" is no clause link here)
    last = min(s.n, j + _SCAN)
    while x < last:
        t = toks[x]
        if not (t.is_word or t.is_number):
            return 0
        hit = s.hits[x]
        if x > j + 1 and verb:
            size = _opener(s, x)
            if size:
                if s.is_(x - 1, "và"):
                    return 0  # "… và phải …": two predicates joined
                after = A._skip_adverbs(s, x + size, adjuncts=False)
                # then the verb (a lower-case word that names no one: "đầu tư", "cắt vụ" are on no list)
                verb_after = s.word(after) and not toks[after].capitalized and not s.m(L.DETERMINERS, after)
                return x if verb_after and not s.m(L.ORG_HEADS, after) else 0
        if t.capitalized or hit.get(L.DETERMINERS.slot, 0) or t[3] in links:
            return 0
        if s.is_(x, "và"):
            if s.m(L.ORG_HEADS, x + 1) or s.m(L.PERSON_HEADS, x + 1) or s.m(L.DETERMINERS, x + 1):
                return 0  # "… và UBND xã …": another body
            x += 1
            continue
        if (
            hit.get(L.ASSIGN_VERBS.slot, 0)
            or hit.get(A._ASK_VERBS.slot, 0)
            or hit.get(A._CHI_DAO.slot, 0)
            or hit.get(A._WORD_SEPARATORS.slot, 0)
            or hit.get(L.NARRATIVE_VERBS.slot, 0)
        ):
            return 0
        v = hit.get(L.VERBS.slot, 0)
        who = hit.get(L.ORG_HEADS.slot, 0) or hit.get(L.PERSON_HEADS.slot, 0)
        if who and not v:
            return 0  # "… vận động nhân dân …": someone acted upon
        verb = verb or bool(v)
        x += max(1, v, hit.get(L.NP_KEEP.slot, 0))  # "tăng trưởng": the verb whole (not the title "trưởng")
    return 0
