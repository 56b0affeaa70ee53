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
   «Các trường hợp phải di dời sẽ được hỗ trợ»), a comma before the modal (not one phrase), and what a thing must
   be («Các hạng mục phụ trợ phải bảo đảm chất lượng», «… phải chính xác, đầy đủ»: `data/lead_round15_conformance.txt`,
   the reader's own decision pinned by `tests/domain/test_assignee_who.py`).
   Dev sentences: P060-01 (P), O064-01 (O), L089-02 (L) — three documents, three corpora.

2. `own_complement_members` (two leads read as one) — a comma list whose members each name a whole body, each head
   with a complement of its own: «Trưởng các thôn, Ban nhân dân các thôn ven biển», «Ban Chỉ đạo 389, lực lượng quản
   lý thị trường, lực lượng hải quan», «Thanh tra tỉnh, Cục thuế». One lead per body (§12); the cases §12 and
   §37.5 keep as one stay one (see the block comment below). Applied to the leads read, one hook line after
   `lead_round14_multi.later_orders`. Dev sentences: P059-02, P066-01 (P), G023-01 (G) — three documents.

Written from corpus P dev, with O, L (rule 1) and G (rule 2) dev sentences of the class; not written from N, M and
the other older sets, which did not move. Tests: `tests/domain/test_lead_round15.py` (invented sentences).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand import lead_round14
from domain.understand.lexicons import phrases

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

_CONFORMANCE = phrases("lead_round15_conformance")  # «… phải bảo đảm chất lượng / chính xác»: a thing's standard
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
            if s.m(_CONFORMANCE, x + size):
                return None  # «Các hạng mục phụ trợ phải bảo đảm chất lượng»: what a thing must be, no doer
            rest = next((y for y in range(x + size, s.n) if s.punct(y, ",;:.")), s.n)
            if any(s.is_(y, "được") or s.is_(y, "bị") for y in range(x + size, rest)):
                return None  # «… phải được …», «Các trường hợp phải di dời sẽ được hỗ trợ»: the subject undergoes
            return A._Found([(k, x)], k, x, "subject")
        if s.m(A._SPEAKING_VERBS, x) or s.m(L.ASSIGN_VERBS, x):
            return None  # the phrase has a predicate of its own before any modal
    return None




# ------------------------------------------------------------------ list members each with its own complement
# Kind "two leads read as one" (leadmulti's «also seen»; bench/README.md session 11): a comma list whose members
# each name a whole body — a head WITH its own complement, then after the comma a new head with its own — was read
# as one lead: «Trưởng các thôn, Ban nhân dân các thôn ven biển», «Ban Chỉ đạo 389, lực lượng quản lý thị trường,
# lực lượng hải quan», «Thanh tra tỉnh, Cục thuế». LABELLING §12: separate leads when each has its own determiner,
# title, name or complement; one lead only when bare bodies share ONE complement written once at the end («Đảng ủy,
# UBND các xã», «Công an, Quân sự xã», «Chủ tịch UBND, Trưởng ban … các huyện»), or one determiner heads a list of
# kinds («các phòng chuyên môn, cơ quan, đơn vị»), or one title heads a list of bodies («Giám đốc Sở A, Sở B»,
# §37.5). The cue is the layout: what follows each member's head.
# Dev sentences: P059-02 (P), P066-01 (P), G023-01 (G) — three documents, two corpora.


def _complement_end(s: _Sentence, a: int, b: int) -> int:
    """Where the head of the member tokens[a:b] ends when a complement of its own follows it inside the member
    (a determiner, a number, a capitalised name, a lower-case qualifier), else -1 (a bare head, or a head
    followed by another head: «Chủ tịch UBND», «Giám đốc Sở Xây dựng» — a title over a body)."""
    if s.m(L.DETERMINERS, a) or s.tokens[a].is_number:
        return -1
    head = A._head(s, a, loose=True)  # (loose: «Cục thuế», a head that wants a name, written in lower case)
    if head is None or head.end >= b:
        return -1
    e = head.end
    if head.person and not s.m(L.DETERMINERS, e):
        return -1  # a bare title («Chủ tịch UBND …»): what follows is its body, shared or not
    if s.m(L.PLACE_NOUNS, e) or lead_round14._level_at(s, e):
        return e  # «Thanh tra tỉnh», «Công an xã»: its own place
    if s.m(L.PERSON_HEADS, e):
        return -1
    # «Chủ tịch UBND», «Giám đốc Sở X»: a title over a body (§37.5); «Ban Công an»: a body named by a head word (§12
    # «Ban Công an, Ban Chỉ huy quân sự xã» shares one place). «lực lượng quản lý thị trường»: a lower-case qualifier
    # that says which force, a complement.
    over_body = s.m(L.PERSON_HEADS, a) or s.tokens[e].capitalized or A._is_abbreviation(s.tokens[e])
    if (s.m(L.ORG_HEADS, e) or s.unit_at(e) is not None) and over_body:
        return -1
    if s.tokens[e].capitalized and not any(_says_which(s, x) for x in range(e, b)):
        return -1  # «Ban Văn hóa, Ban Chỉ huy quân sự thị trấn»: a name and no place, the place written once (§12)
    return e


def _says_which(s: _Sentence, x: int) -> bool:
    """A number, a determiner, a place or a level inside a member: what says which body it is."""
    return bool(
        s.tokens[x].is_number or s.m(L.DETERMINERS, x) or s.m(L.PLACE_NOUNS, x) or lead_round14._level_at(s, x)
    )


def _member_head(s: _Sentence, k: int) -> bool:
    """Does a member open at tokens[k] with a head of its own (not a level or a place: «huyện», «thành phố Huế»)?"""
    if not s.word(k) or s.m(L.DETERMINERS, k) or s.m(L.PLACE_NOUNS, k):
        return False
    return bool(s.m(L.ORG_HEADS, k) or s.m(L.PERSON_HEADS, k) or s.unit_at(k) is not None)


def _has_determiner(s: _Sentence, a: int, b: int) -> bool:
    """«thủ trưởng các sở, ngành liên quan», «cấp ủy các chi bộ, đảng bộ cơ sở»: after a determiner inside a member,
    a lower-case kind after the comma continues that determiner's list (one lead, §12), and so does a capitalised
    kind with no determiner of its own («Giám đốc các Bệnh viện, Viện nghiên cứu …»: one title over both, §37.5);
    only a capitalised body with its own determiner («Trưởng các thôn, Ban nhân dân các thôn ven biển») is another."""
    return any(s.m(L.DETERMINERS, x) for x in range(a, b))


def own_complement_members(s: _Sentence, leads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each lead that is a comma list of whole bodies (see above) becomes one lead per body."""
    out: list[tuple[int, int]] = []
    for a, b in leads:
        commas = [c for c in range(a + 1, b - 1) if s.punct(c, ",")]
        if not commas or s.m(L.DETERMINERS, a):
            out.append((a, b))  # (most leads have no comma; «các …, …» is one determiner over kinds)
            continue
        parts = list(zip([a, *(c + 1 for c in commas)], [*commas, b], strict=True))
        whole = all(_complement_end(s, x, y) > 0 for x, y in parts) and all(
            _member_head(s, x)
            and (not _has_determiner(s, *before) or (s.tokens[x].capitalized and _has_determiner(s, x, y)))
            for before, (x, y) in pairwise(parts)
        )
        out.extend(parts if whole else [(a, b)])
    return out
