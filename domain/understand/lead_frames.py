"""Lead rules of the sixth issue-11 session (branch `frames`): who speaks and who acts when a clause
stands between them, and the frames put before a sentence's subject. Kept apart from
`domain.understand.assignees` (several branches edit it at once); each rule is one function, hooked by
one line into the reader.

Method (leave one corpus out): each mechanism was written from the examples of at least two corpora
(corpus J = `v4j_dev` and the older dev sets) and kept only because it also moves the dev part of a
corpus it was not written from (corpus K = `v4k_dev`), and the reverse; the figures are in
`bench/README.md` ("Speaker vs doer and fronted frames"). Unit tests with sentences written for each
class: `tests/domain/test_lead_frames.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand.lexicons import phrases

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

_REPORT_VERBS = phrases("frame_report_verbs")
_FRAME_ADVERBS = phrases("frame_adverbs")


# ------------------------------------------------------------------------------------------ mechanism 1
# Speaker vs doer across an intervening clause.


def asks_after_report(s: _Sentence, subject: _Found, p: int) -> bool:
    """A body or a person that reports, announces or explains something, then asks someone in a new
    clause: the assigning verb at tokens[p] still opens its addressee, who leads; the subject is the
    speaker (LABELLING.md §5, §6).

    The class (the clause between the subject and the verb is a report, never the subject's own task):
        "UBND phường đã kiểm tra, tạm thời yêu cầu cơ sở X dừng …"      (a done step, then an adverb)
        "Nhà trường thông báo vẫn còn nhiều bạn chưa nộp …, đề nghị sinh viên …"   (an announcement)
        "Sở … hướng dẫn các phòng …; đồng thời yêu cầu, các trường …"  (guidance, then "đồng thời")
        "Thủ tướng giao nhiệm vụ và phân công cho Bộ trưởng …"         (two assigning verbs joined)
        "ông X – Phó chủ tịch UBND phường đã công bố quyết định …, giao nhiệm vụ cho Y …" (a person)
    Not: a subject whose clause is its own task or carries an obligation ("UBND xã rà soát …, đề nghị
    …", "Sở phải kiểm tra …, yêu cầu …": the subject acts, the request is part of its task).

    Examples it was written from: J039-01 (corpus J), B062-01, B084-01, B090-01, D082-01, F137-01,
    G073-01 (older sets, already right through `_speaker_asks` for persons and "đã"); checked on corpus
    K (K019-01, K052-01, K063-01, K098-01), which it was not written from."""
    if p <= subject.end or not (s.m(A._ASK_VERBS, p) or s.m(L.ASSIGN_VERBS, p)):
        return False
    if _assigning_pair(s, subject.end, p):
        return True
    c, joined = _clause_break_before(s, subject.end, p)
    if c is None:
        return False
    for x in range(subject.end, c):
        if s.m(A._MODALS, x) or s.is_(x, "sẽ") or s.is_(x, "cần") or s.is_(x, "phải"):
            return False  # "Sở phải kiểm tra …, yêu cầu …": an obligation, the subject acts
    k = subject.end
    while k < c and (s.is_(k, "cũng") or s.is_(k, "đều") or s.is_(k, "sau") and s.is_(k + 1, "khi")):
        k += 1
    if s.is_(k, "đã") or s.is_(k, "vừa"):
        return True  # what was done is reported, then the request
    if s.m(_REPORT_VERBS, k) or s.m(A._SPEAKING_VERBS, k):
        return True
    if s.is_(k, "hướng") and s.is_(k + 1, "dẫn"):
        return joined  # guidance (its party is nobody, §8), then "đồng thời yêu cầu …" / "; yêu cầu …"
    return _a_person(s, subject) and bool(s.m(L.ASSIGN_VERBS, p))


def _clause_break_before(s: _Sentence, a: int, p: int) -> tuple[int | None, bool]:
    """The comma or ";" that ends the clause before the assigning verb at tokens[p], with only adverbs
    between it and the verb ("…, tạm thời yêu cầu", "…; đồng thời yêu cầu"); and whether the new
    clause is marked as another step (";" or "đồng thời")."""
    for c in range(p - 1, max(a, p - 6) - 1, -1):
        if not s.punct(c, ",;"):
            continue
        k, joined = c + 1, s.punct(c, ";")
        while k < p:
            size = s.m(L.ADVERBS, k) or s.m(_FRAME_ADVERBS, k)
            if not size:
                return None, False
            joined = joined or (s.is_(k, "đồng") and s.is_(k + 1, "thời"))
            k += size
        return (c, joined) if k == p else (None, False)
    return None, False


def _assigning_pair(s: _Sentence, a: int, p: int) -> bool:
    """ "X giao nhiệm vụ và phân công cho Y …", "X chỉ đạo và giao cho Y …": two assigning verbs joined
    by "và", the addressee after the second (K063-01's class; "đã chỉ đạo, yêu cầu Y" is K005-01's,
    read elsewhere)."""
    k = a
    while k < p and (s.is_(k, "đã") or s.is_(k, "vừa") or s.is_(k, "cũng")):
        k += 1
    size = s.m(L.ASSIGN_VERBS, k)
    return bool(size) and k + size < p and s.is_(k + size, "và") and k + size + 1 == p


def _a_person(s: _Sentence, subject: _Found) -> bool:
    """A person named with a title ("ông X – Phó chủ tịch UBND phường", "Chủ tịch UBND huyện"): a
    person who speaks does not carry out what they hand on (LABELLING.md §6)."""
    a, _ = subject.items[0]
    a = A._skip_determiners(s, a)
    if s.is_(a, "ông") or s.is_(a, "bà") or s.is_(a, "đồng"):
        return len(subject.items) == 1
    return A._one_person(s, subject) or (len(subject.items) == 1 and bool(s.m(L.PERSON_HEADS, a)))
