"""Several leads in one sentence, the later one missed (issue 11, tenth session, leadmulti).

Kind of sentence: a second order in the same sentence, after the clause that gave the first lead, set apart by
STRUCTURE — a ";" ("Công an huyện cần nắm chắc địa bàn; đề nghị Công an xã phối hợp …"), a "và" repeating the
very asking verb that gave the first lead ("X đề nghị A rà soát …, gửi về … và đề nghị B thực hiện …"), or the
speaker named again after a comma ("…, đồng chí đề nghị B …"). Each addressee of an order leads (LABELLING.md
§4, §12: separate leads after ";"; §5: the speaker is never one). The reader stops at the first order whose
subject acts, and `assignees._also_asked` only knows ", đồng thời (đồng chí) yêu cầu Y"; this reads the later orders.

Not a second lead: the public asked (§8 c, d: "…; yêu cầu nhân dân …"), someone named already (the same words
after the determiners), a party that only coordinates the first lead's task ("…; đề nghị B phối hợp." with no
partner of its own, §9), and an order inside the first (after "chỉ đạo": an executor, §8 b — `_triggers` never
returns those).

Written from corpus L (L023-01, L047-01) and O (O024-01's second request, already read); corpora M, N and the
older sets were not read for it (their figures are in bench/README.md, session 10, leadmulti).
Tests: `tests/domain/test_lead_round14_multi.py` (invented sentences of the class).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

# Words between the separator and the asking verb that only repeat who speaks ("; đồng thời đồng chí đề nghị").
_REPEATED_SPEAKER = ("đồng", "thời", "chí", "ông", "bà", "cũng")
_MAX_BETWEEN = 3


def _verb_words(s: _Sentence, q: int) -> tuple[str, ...]:
    return tuple(s.tokens[x].key for x in range(q, q + s.m(L.ASSIGN_VERBS, q)))


def _separated(s: _Sentence, q: int, first_verb: tuple[str, ...] | None) -> bool:
    """Is the asking verb at tokens[q] a new order's start: after ";", after "và" when it repeats the verb that
    asked the first lead ("đề nghị A … và đề nghị B": the speaker again; "giao A rà soát và đề nghị B hỗ trợ" is
    A's own task, bottom-up), or after a comma with the speaker named again ("…, đồng chí đề nghị")?"""
    k = q - 1
    skipped = 0
    while skipped < _MAX_BETWEEN and s.word(k) and any(s.is_(k, w) for w in _REPEATED_SPEAKER):
        k -= 1
        skipped += 1
    if s.punct(k, ";"):
        return True
    if s.is_(k, "và") and skipped == 0:
        return first_verb is not None and _verb_words(s, q) == first_verb
    # "…, đồng chí đề nghị": the speaker named again (not "…, đồng thời đề nghị": `_also_asked` reads that)
    return s.punct(k, ",") and skipped > 0 and s.is_(k + 1, "đồng") and s.is_(k + 2, "chí")


def _may_separate(s: _Sentence, q: int) -> bool:
    """(gate) `_separated` with its verb test left out: the punctuation or "và" it needs before tokens[q]. Every q
    `_separated` accepts passes this (each of its three returns needs ";", "và" or "," at the same k)."""
    k = q - 1
    skipped = 0
    while skipped < _MAX_BETWEEN and s.word(k) and any(s.is_(k, w) for w in _REPEATED_SPEAKER):
        k -= 1
        skipped += 1
    return s.punct(k, ";") or s.is_(k, "và") or s.punct(k, ",")


def _only_coordinates(s: _Sentence, end: int) -> bool:
    """"…; đề nghị B phối hợp." / "… phối hợp thực hiện": B helps the first lead's task (§9), no partner of its
    own named ("phối hợp với chính quyền các cấp tuyên truyền …" is B's own task with a partner)."""
    from domain.understand import assignees as A  # the reader imports this module: read it late

    k = A._skip_adverbs(s, end)
    size = s.m(A._PHOI_HOP, k)
    return bool(size) and not s.m(A._WITH, k + size)


def _name_words(s: _Sentence, a: int, b: int) -> tuple[str, ...]:
    """The words of a name after its determiners: "Công an huyện" and "Công an" are two parties as written
    (§11), "các đơn vị" asked twice is one."""
    from domain.understand import assignees as A

    return tuple(s.tokens[x].key for x in range(A._skip_determiners(s, a), b) if s.word(x))


def later_orders(
    s: _Sentence,
    lead: _Found,
    leads: list[tuple[int, int]],
    support: list[tuple[int, int]],
    executor: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The leads with the addressees of later, separate orders of the same sentence added."""
    from domain.understand import assignees as A

    if lead.how not in ("assigned", "subject") or not leads:
        return leads
    if not any(q >= lead.end and _may_separate(s, q) for q in s.at(A._ASK_VERBS)):
        return leads  # (speed14 gate: no asking verb after the lead behind ";", "và" or ","; most sentences)
    seen = {_name_words(s, a, b) for a, b in (*leads, *support, *executor)}
    out = list(leads)
    triggers = A._triggers(s)
    first_verb = next((_verb_words(s, q) for q, f in triggers if f.start == lead.start), None)
    if lead.how != "assigned":
        first_verb = None
    for q, found in triggers:
        if q < lead.end or not found.items or not s.m(L.ASSIGN_VERBS, q):
            continue
        if not s.m(A._ASK_VERBS, q) or not _separated(s, q, first_verb):
            continue
        if A._the_public(s, found.start) or _only_coordinates(s, found.end):
            continue
        for a, b in found.items:
            head = _name_words(s, a, b)
            if head not in seen:
                seen.add(head)
                out.append((a, b))
    return out
