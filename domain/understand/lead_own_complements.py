"""After «và», a kind of body with a complement of its own is another lead when the kind before «và» has
its own complement too (issue 11, ninth session, branch `leadlist2`).

Kind of sentence: one determiner, a kind of body with the words that say which ones, «và», a second kind
with its own words: "Các cơ quan liên quan và đoàn thể huyện phối hợp …", "các đơn vị chủ rừng và cơ quan
liên quan trên địa bàn tỉnh …", "các hội quán chức năng và tổ tự quản khu dân cư …". The list reader let the
second kind share the first's determiner (as in "các phòng, ban và đơn vị liên quan", where the kinds are
bare and one complement closes the list) and read one lead. LABELLING.md §13: the item after «và» is a lead
of its own "when each side carries its own complement" ("Các cơ quan liên quan và đoàn thể huyện" → two).

Guards (one lead stays one): a bare kind on either side ("các cơ quan, đơn vị và hộ dân", "các xã và thị
trấn"); a list of kinds before «và» ("các sở, ban, ngành liên quan và …": the list's one determiner over
kinds); the same head again ("các trường mầm non và trường tiểu học": kinds of one head); places ("UBND các
huyện, thị xã và thành phố"); people ("các hộ gia đình và cá nhân …", a group, §12); names with a Title-case
word ("Phòng Văn hóa và Thông tin", "Sở Tài nguyên và Môi trường": «và» inside one name).

The same item after «và» with its own determiner ("UBND xã và các tổ chức đoàn thể", "Ủy ban MTTQ xã và
các tổ chức thành viên": §13, "UB MTTQ và các đoàn thể huyện" → two) was read as the first body's places
("UBND TP Thủ Đức và các huyện"), because "tổ" (a hamlet's group) is on the place list: a place noun that
only opens a longer kind of body ("tổ chức") names no place (`kind_not_place`).

Dev sentences of the class (the item after «và» that §13 makes a lead, absorbed into the first): X014-01
(corpus X, train_v2), D057-01 (corpus D), N046-05 (corpus N): three sentences, three documents, three corpora.
Hooked by one line in `assignees._read_list` and one in `assignees._more_places`. Tests:
`tests/domain/test_lead_own_complements.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence


def _kind_with_complement(s: _Sentence, a: int, b: int) -> int:
    """Length of the lower-case kind of body opening tokens[a:b] when lower-case words of its own follow it
    (no comma, no Title-case word, no person or place noun as the kind); 0 otherwise."""
    kind = s.m(L.CATEGORY_NOUNS, a)
    if not kind or a + kind >= b or s.m(L.PLACE_NOUNS, a) or s.m(L.PERSON_HEADS, a):
        return 0
    for x in range(a, b):
        t = s.tokens[x]
        if not t.is_word or (t.capitalized and x > a) or t.is_number or s.m(L.DETERMINERS, x):
            return 0
    return kind


def own_complements(s: _Sentence, start: int, j: int, k: int, end_of: Callable[[], int]) -> bool:
    """Is tokens[start:j] "các <kind> <its words>" and the item after «và» at tokens[k] (ending where
    `end_of()` says: read only when the first side qualifies) "<kind> <its words>"?"""
    det = s.m(L.DETERMINERS, start)
    if not det or s.m(L.DETERMINERS, k) or not s.m(L.CATEGORY_NOUNS, k):
        return False
    first = _kind_with_complement(s, start + det, j)
    if not first:
        return False
    second = _kind_with_complement(s, k, end_of())
    if not first or not second:
        return False
    if s.tokens[start + det][3] == s.tokens[k][3]:
        return False  # "các trường mầm non và trường tiểu học": one head's kinds
    # "các trường học viện …": a kind run on into another kind is a compound kind, not its complement
    return not any(s.m(L.CATEGORY_NOUNS, x) and not s.m(L.PLACE_NOUNS, x) for x in (start + det + first, k + second))


def kind_not_place(s: _Sentence, p: int, size: int) -> bool:
    """Is the place noun of `size` words at tokens[p] only the opening of a longer kind of body ("tổ" in
    "các tổ chức thành viên")?"""
    return s.m(L.CATEGORY_NOUNS, p) > size
