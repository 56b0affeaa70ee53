"""The subject after a reason or condition run into it by "nên" / "thì" (issue 11, eighth session, branch `leadm`).

Kind of sentence: a clause of reason, source or condition, with no comma before the subject, then the
conjunction "nên" (so) or "thì" (then) and the subject of an obligation: "Vì đây là chương trình học hè, không
nằm trong chương trình giáo dục bắt buộc nên các trường mầm non phải tổ chức họp phụ huynh …", "Theo chỉ đạo của
Ủy ban nhân dân tỉnh thì các cơ sở kinh doanh dịch vụ ăn uống … phải …", "… để kịp “chạy” theo chương trình thì
các trường vẫn phải tổ chức dạy học …". The subject leads (LABELLING.md §4: the subject of an obligation; §5:
a source "Theo X" is not the lead). The reader found no subject at the start (the sentence opens with the
reason) and, with no comma, read no clause start before the subject, so it named nobody.

Dev sentences of the class: M005-02 (corpus M), L090-01 (L), J041-01 (J): three documents, three corpora (L090-01
and J041-01 have a second fault of their own — a restrictive clause, the adverb "vẫn" — that this rule does not
touch). Only when no subject was found at the start and only with a modal or an obligation right after the
subject ("phải", "cần", "có trách nhiệm"): "nên" as the modal "should" ("Người dân nên …") is followed by a
verb, not a name, and is never taken. Hooked by one line in `assignees._find_lead`. Tests:
`tests/domain/test_lead_leadm.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignees as A

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

_CONJUNCTIONS = ("nên", "thì")
# A gate on the text (one substring test each in C), since the hook is asked of every sentence with no subject.
_MARKS = {True: (" nên ", " thì "), False: (" nen ", " thi ")}


def subject_after_conjunction(s: _Sentence) -> _Found | None:
    """The subject of an obligation after "… nên / thì" (see the module doc), else None."""
    text = s.text
    if not any(mark in text for mark in _MARKS[s.accented]):
        return None
    for x in range(s.first + 3, s.n - 2):
        if not any(s.is_(x, c) for c in _CONJUNCTIONS) or not s.word(x - 1):
            continue
        if not A._np_start(s, x + 1):
            continue
        found = A._subject_at(s, x + 1)
        if found is None or found.start != x + 1:
            continue
        pred = A._skip_adverbs(s, found.end)
        if s.m(A._MODALS, pred) or s.m(A._OBLIGATIONS, pred) or s.m(A._MODALS, found.end):
            return A._Found(found.items, found.start, found.end, "subject")
    return None
