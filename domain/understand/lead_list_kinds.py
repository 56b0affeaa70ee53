"""A known body's name written in lower case inside a list of kinds under one determiner names a kind, not
the one body (issue 11, ninth session, branch `leadlist`).

Kind of sentence: a determiner, then kinds of bodies listed with commas, one of them a word that also names
a known unit ("đảng ủy", "mặt trận"), written in lower case and with no determiner of its own: "đề nghị các
tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương chỉ đạo …", "chỉ đạo các cấp ủy Đảng, chính quyền, mặt
trận, đoàn thể tại địa phương tăng cường …". The reader started a new lead at the known unit ("Đảng ủy",
"Ủy ban MTTQ") and cut the list in two; LABELLING.md §12: kinds sharing one determiner are one lead. In lower
case the word is the kind (every party committee, every front committee); capitalised ("…, Mặt trận Tổ quốc
huyện") or followed by a place or a name ("…, đảng ủy xã Tân Hòa") it is still one body and a lead of its own.

Dev sentences of the class: N010-01, N010-03 (corpus N), B068-03 (corpus B, v3b): three sentences, two
documents, two corpora. Hooked by one line in `assignees._starts_new_item`. Tests:
`tests/domain/test_lead_trade_names.py` (this branch's test file).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence


def kind_in_list(s: _Sentence, k: int, plural: bool) -> bool:
    """Is the known unit starting at tokens[k] a kind in a list under one determiner: the list's
    determiner shared (`plural`), every word of the unit's name in lower case, and no place noun, proper
    name or number right after it?"""
    if not plural:
        return False
    found = s.unit_at(k)
    if found is None:
        return False
    end = found[0]
    if any(not s.word(x) or s.tokens[x].capitalized or s.m(L.PLACE_NOUNS, x) for x in range(k, end)):
        return False  # (a unit of a place, "công an xã", stays a body of its own)
    if s.word(end) and (s.tokens[end].capitalized or s.tokens[end].is_number or s.m(L.PLACE_NOUNS, end)):
        return False  # "…, đảng ủy xã Tân Hòa", "…, mặt trận huyện": one body of a place
    # "…, công an các huyện, thành phố": the body of each place, a lead of its own
    det = s.m(L.DETERMINERS, end)
    return not (det and s.m(L.PLACE_NOUNS, end + det))
