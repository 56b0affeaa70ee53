"""Lead rules written from corpus P dev's misses, read by their STRUCTURE (issue 11, eleventh session, branch `leadp`).

Kinds of sentence (the table of kinds is in bench/README.md, "Session 11 (branch leadp)"):

1. `determined_subject_obliged` (kind 7, a subject whose head no list knows) — a sentence that opens with a
   determined noun phrase («Các …», «Tất cả …», «Mọi …», also after «Đối với») and goes straight to «phải / cần
   (phải) / có trách nhiệm»: «Tất cả phương tiện phải vào nơi neo đậu …», «Các chủ bến và chủ phương tiện phải
   theo dõi …», «Đối với các dịch vụ khác còn được phép hoạt động phải có biện pháp …». Whatever the head noun, the
   phrase is the subject of the obligation and is copied as written (LABELLING §11 "up to the modal", §35.11
   vessels stand for their operators, §10 «Đối với X, <việc>» names X). The reader's `_signalled_subject` takes a
   plural phrase only before words an actor alone can take («có trách nhiệm», «phối hợp» …), not «phải / cần»,
   for fear of things («Các công trình phải bảo đảm chất lượng»); but at the very START of a sentence every dev
   sentence of this shape has its subject as gold (13 of 13 already read, the misses had a head no list knows),
   so the layout decides, not the head. A fallback, asked only when the reader named nobody (one hook line in
   `assignees._read_cached`, after `lead_will_subject`). Not: «Những …» (it counts things as often as people:
   «Những khó khăn cần sớm tháo gỡ»), «không phải» (a negation), a passive after the modal («… phải được …»,
   «Các trường hợp phải di dời sẽ được hỗ trợ»), a comma before the modal (not one phrase).
   Dev sentences: P060-01 (P), O064-01 (O), L089-02 (L) — three documents, three corpora.

Tests: `tests/domain/test_lead_round15.py` (invented sentences of each class).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

_MAX_OBLIGED = 12  # words of a determined subject up to its modal («Đối với các dịch vụ khác còn được phép …»)
# Obligations that end a determined subject; «không phải» is a negation, not an obligation.
_OBLIGED = (("có", "trách", "nhiệm"), ("cần", "phải"), ("phải",), ("cần",))


def _at(s: _Sentence, k: int, words: tuple[str, ...]) -> bool:
    return all(s.word(k + i) and s.is_(k + i, w) for i, w in enumerate(words))


def determined_subject_obliged(s: _Sentence) -> _Found | None:
    """Kind 2 of the module doc: «Các / Tất cả / Mọi … phải | cần | có trách nhiệm …» opening the sentence."""
    k = A._skip_intro(s, s.first)
    if _at(s, k, ("đối", "với")):
        k += 2
    if k >= s.n or not s.m(L.DETERMINERS, k) or s.tokens[k].is_number or s.is_(k, "những"):
        return None  # «Những khó khăn cần sớm tháo gỡ»: «những» as often counts things as people
    for x in range(k + s.m(L.DETERMINERS, k), min(s.n, k + _MAX_OBLIGED + 1)):
        if not s.word(x):
            return None  # a comma or a mark before the modal: not one subject phrase
        if any(_at(s, x, ob) for ob in _OBLIGED):
            if s.is_(x - 1, "không") or x - k < 2:
                return None  # «không phải»: a negation; a determiner alone names nobody
            size = next(len(ob) for ob in _OBLIGED if _at(s, x, ob))
            rest = next((y for y in range(x + size, s.n) if s.punct(y, ",;:.")), s.n)
            if any(s.is_(y, "được") or s.is_(y, "bị") for y in range(x + size, rest)):
                return None  # «… phải được …», «Các trường hợp phải di dời sẽ được hỗ trợ»: the subject undergoes
            return A._Found([(k, x)], k, x, "subject")
        if s.m(A._SPEAKING_VERBS, x) or s.m(L.ASSIGN_VERBS, x):
            return None  # the phrase has a predicate of its own before any modal
    return None


