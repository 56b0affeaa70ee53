"""Where a body is stationed, part of which ones it names (issue 11, seventh session, branch `leadl`).

Kind of sentence: a kind of body, then "đóng (chân) trên / tại / ở (địa bàn) <place>" saying which ones, then
the task or the next lead of a list: "các cơ quan Trung ương đóng chân trên địa bàn tỉnh và UBND các huyện
tiếp tục …", "… đối với các Sở, ban, ngành, các cơ quan Trung ương đóng trên địa bàn, UBND các huyện …",
"các đơn vị quân đội đóng tại huyện Quỳnh Lưu tham gia …". LABELLING.md §11 names "đóng chân trên địa bàn"
among the qualifiers that say which ones; the reader stopped at "đóng" (a verb on no list, after a kind whose
level "Trung ương" is Title Case), so the lead lost its qualifier.

Dev sentences of the class: L077-01 (corpus L), F002-01, F002-02 (corpus F): three sentences, two documents,
two corpora. Hooked by one line in `assignees._extend`, asked only at a token whose key is "đóng" (a set test
in the hook: no call at other words). Tests: `tests/domain/test_lead_public.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand.lead_rules import _keys

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence

KEYS = _keys(("đóng",))  # the word the hook asks about, with and without diacritics


def stationed_end(s: _Sentence, start: int, j: int) -> int:
    """At "đóng" (tokens[j]) after a name's kind: the index after "đóng (chân) trên / tại / ở (địa bàn)
    <place>", else 0. The place is "địa bàn" with what follows it ("tỉnh", "thành phố Huế", "các huyện"), or
    a place noun and its name; a name of its own ("đóng tại Khu công nghiệp …") runs through its capitals."""
    if j <= start or not s.word(j - 1):
        return 0
    k = j + 1
    if s.is_(k, "chân"):
        k += 1
    if not (s.is_(k, "trên") or s.is_(k, "tại") or s.is_(k, "ở")):
        return 0
    k += 1
    area = s.is_(k, "địa") and s.is_(k + 1, "bàn")
    if area:
        k += 2
    k += s.m(L.DETERMINERS, k)
    place = s.m(L.PLACE_NOUNS, k)
    if not (place or area):
        return 0
    k += place
    while k < s.n and s.word(k) and (s.tokens[k].capitalized or s.tokens[k].is_number):
        k += 1  # its name: "tỉnh Nghệ An", "Khu công nghiệp Hòa Khánh", "Quận 3"
    return k
