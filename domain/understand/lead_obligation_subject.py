"""The subject of an obligation whose head the lexicon does not know (issue 11, ninth session, branch
`leadn`).

Kind of sentence: a rule or a notice that opens (after a connective such as "Theo đó," or a label such as
"Lưu ý:") with the people it binds, picked by a restrictive clause, then a word of obligation — "phải", "cần
(phải)", "bắt buộc phải", "có trách nhiệm" — then the task: "Người ở lại chăm sóc bệnh nhân cần phải có thẻ
ra vào", "Theo đó, nam công dân đủ 17 tuổi, có hộ khẩu thường trú tại địa phương chưa đăng ký NVQS lần đầu
phải đăng ký …". The head ("người", "nam công dân") is on none of the reader's lists, so it read no subject
at the start and named nobody, or took a Title-case name from inside the restrictive clause ("… chưa ra
đăng ký Nghĩa vụ quân sự lần đầu phải …" read as a unit called "Nghĩa vụ quân sự").

The cue is the word order and the mark of people, not a list of heads (issue 11: grow structure, not word
lists): the sentence opens with a noun phrase marked as people — the classifier "người", or "nam" / "nữ"
before a noun — and the first word of obligation of the clause follows it, not negated and not a passive
("phải được", "cần được": done by someone unnamed, LABELLING.md §29.23). The whole stretch up to the word of
obligation leads, with its restrictive clauses (§11, §29.12: kept whole up to the modal, commas included;
§31.1: people bound by a rule are named as written); an adverb right before the modal is not part of it. No
assigning, asking or speaking verb may come before the modal: "UBND yêu cầu các xã phải …" is read by the
reader's own rules. A body with an unknown head ("Cảng hàng không phải bố trí …", K029-01) is left alone:
a thing can be the subject of "phải" in the same order ("Các hạng mục phụ trợ phải bảo đảm chất lượng").

Dev sentences of the class (written from corpus N; M, L, J and K left out to measure): N021-02, N022-01,
N047-01 (three documents). Hooked by one line in `assignees._find_lead`, only when no subject was found at
the start. Tests: `tests/domain/test_lead_leadn.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand.lead_fronted_subject import _phrase_at

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

# Words of obligation, as (first syllable, the rest).
_OBLIGATIONS = (("phải", ()), ("cần", ()), ("bắt", ("buộc", "phải")), ("có", ("trách", "nhiệm")))
# The marks of people, whatever the noun after them: the classifier of persons ("người ở lại chăm sóc bệnh
# nhân", "người trông giữ xe") and the words of sex before a noun of people ("nam công dân", "nữ hội viên").
# A thing can be the subject of "phải" too ("Các hạng mục phụ trợ phải bảo đảm chất lượng", a state it must
# be in): without one of these marks the reader's own rules decide (`test_assignee_who`).
_HUMAN = ("người", "nam", "nữ")
# After the word of obligation: a passive or a state, not a party's task.
_NOT_TASKS = ("được", "bị", "là", "thiết")  # ("cần thiết": necessary, an adjective)
_NEGATIONS = ("không", "chưa", "chẳng", "đâu")
_TAIL_ADVERBS = ("vẫn", "cũng", "đều", "đã", "đang", "luôn", "còn", "nhất thiết", "tuyệt đối")
_STOPS = ";.:?!“\"()"
_LONGEST = 40  # tokens from the subject's start to the word of obligation


def subject_before_obligation(s: _Sentence) -> _Found | None:
    """The noun phrase that opens the sentence and runs into its first word of obligation (see the module
    doc). Text typed without diacritics is left alone."""
    if not s.accented:
        return None
    i = _opening(s)
    if i is None or not s.word(i):
        return None
    if i == s.first and not s.tokens[i].capitalized:
        return None  # a sentence opens with a capital; a lower-case start is a fragment, not a subject
    head = A._skip_determiners(s, i)
    if not _phrase_at(s, head, _HUMAN) or not s.word(head + 1):
        return None  # "Các hạng mục phụ trợ phải bảo đảm chất lượng": a thing that must be so, not a party
    if s.m(L.ORG_HEADS, i) or s.m(L.PERSON_HEADS, i):
        return None  # a known head: the reader's own rules read it (and found nothing to act)
    q, nxt = _first_obligation(s, i)
    if q is None or q <= i or _phrase_at(s, nxt, _NOT_TASKS) or not s.word(nxt):
        return None
    if any(_phrase_at(s, q - 1, (w,)) for w in _NEGATIONS) and not s.is_(q - 2, "hàng"):
        return None  # "Người nộp hồ sơ không cần …": no obligation ("… cảng hàng không phải …" is one)
    if any(s.punct(c, ",") and (A._np_start(s, c + 1) or s.m(L.DETERMINERS, c + 1)) for c in range(i, q)):
        return None  # "Người dân ở ven biển, các xã cần …": a new subject after the comma, the reader's
    asking = (L.ASSIGN_VERBS, A._ASK_VERBS, A._CHI_DAO, A._SPEAKING_VERBS)
    if any(s.m(words, x) for x in range(i, q) for words in asking):
        return None  # "X yêu cầu Y phải …", "X chỉ đạo phải …": who acts is read elsewhere
    if _predicate_later(s, nxt):
        return None  # "Những người phải di dời sẽ được hỗ trợ": a relative clause, "sẽ" the predicate
    end = q
    while end > i + 1 and _phrase_at(s, end - 1, _TAIL_ADVERBS):
        end -= 1
    while end > i + 1 and s.punct(end - 1, ","):
        end -= 1
    if end <= i or any(s.is_(end - 1, w) for w in ("và", "hoặc", "nhưng", "mà")):
        return None  # "…, và phải cấp …": the subject is elided after a conjunction
    return A._Found([(i, end)], i, end, "subject")


def _opening(s: _Sentence) -> int | None:
    """Where the subject would start: past a connective ("Theo đó,") and a label ("Lưu ý:", "Chú ý:")."""
    i = A._skip_intro(s, s.first)
    if (s.is_(i, "lưu") or s.is_(i, "chú")) and s.is_(i + 1, "ý") and s.punct(i + 2, ":"):
        i += 3
    return i if i < s.n else None


def _first_obligation(s: _Sentence, i: int) -> tuple[int | None, int]:
    """(where the clause's first word of obligation starts, where the task after it starts), or (None, 0) when
    the clause ends first or it is too far."""
    for q in range(i + 1, min(s.n, i + _LONGEST)):
        if any(s.punct(q, p) for p in _STOPS):
            return None, 0
        for first, rest in _OBLIGATIONS:
            if s.is_(q, first) and all(s.is_(q + 1 + k, w) for k, w in enumerate(rest)):
                nxt = q + 1 + len(rest)
                if first == "cần" and s.is_(nxt, "phải"):
                    nxt += 1
                return q, nxt
    return None, 0


def _predicate_later(s: _Sentence, k: int) -> bool:
    """Is there a "sẽ" after tokens[k] in the same stretch (up to a comma or a stop)?"""
    for x in range(k, s.n):
        if any(s.punct(x, p) for p in _STOPS + ","):
            return False
        if s.is_(x, "sẽ"):
            return True
    return False
