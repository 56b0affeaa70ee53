"""A body's purpose written with its comma inside a Title-Case name (issue 11, seventh session, branch `leadl`).

Kind of sentence: a body whose name ends in a purpose of the form "Phòng, chống …" after "và": "Cục Quản lý đê
điều và Phòng, chống thiên tai khuyến nghị …", "Ban Chỉ huy Bảo vệ rừng và Phòng, chống cháy rừng tỉnh đề nghị
…", "Chi cục Thủy lợi và Phòng, chống thiên tai tỉnh …". After "và" the reader takes "Phòng" for the head of a
new body (a room, an office) and stops at the comma; the capital and the purpose list (`committee_purposes.txt`:
"phòng, chống") say it is the name's purpose, one word with its comma (LABELLING.md §11: a name runs to the
predicate; §12: "the parts of one name").

Dev sentences of the class: L088-01 (corpus L, a subject), G121-01 (G, a speaker), B056-01 (B, a letter's
sender); hooked by one line where `assignees._extend` meets a comma. Tests: `tests/domain/test_lead_public.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand.lead_rules import _keys

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence


def purpose_across_comma(s: _Sentence, start: int, j: int) -> int:
    """At the comma tokens[j] of a name: where a Title-Case purpose that holds it ("Phòng, chống") ends, else 0.
    Only when the word before the comma is capitalised inside the name (one attribute test first: most commas
    follow a lower-case word or end the name)."""
    if j <= start or not s.tokens[j - 1].capitalized:
        return 0
    n = s.m(L.COMMITTEE_PURPOSES, j - 1)
    return j - 1 + n if n > 2 else 0


# ---------------------------------------------------------------- a committee's field after "về"
# Kind of sentence: a national or standing committee named with its level, then "về" and its field: "Ban
# Chỉ đạo Trung ương về phòng chống thiên tai yêu cầu …", "Văn phòng thường trực Ban Chỉ đạo Trung ương về
# phòng chống thiên tai cho biết, …", "Ban chỉ đạo liên ngành Trung ương về Vệ sinh an toàn thực phẩm đã …",
# "Ban Chỉ đạo quốc gia về Phòng, chống thiên tai có Văn bản …". "về" is where the reader ends a name ("về
# việc", "gửi về"); after a committee it opens the committee's field, part of its name (LABELLING.md §11).
# Dev sentences: L087-01 (L, a speaker: with its name cut, the sentence read as verb-initial and the
# addressee was lost), D048-01 (D, the lead), F095-01, G085-01 (F, G: speakers already read through their
# capitals). Tests: `tests/domain/test_lead_public.py`.
_LEVELS = ("trung ương", "t.ư", "tư", "quốc gia", "nhà nước", "liên ngành", "tỉnh", "thành phố", "huyện")
VE_KEYS = _keys(("về",))  # the word the hook asks about, with and without diacritics


def _level_at_end(s: _Sentence, j: int) -> int:
    """Length of a committee's level word ("Trung ương", "T.Ư", "quốc gia", "liên ngành") ending at j - 1."""
    for level in _LEVELS:
        words = level.split()
        k = j - len(words)
        if k > 0 and all(s.is_(k + w, words[w]) for w in range(len(words))):
            return len(words)
    return 0


def field_after_committee(s: _Sentence, start: int, j: int) -> int:
    """At "về" (tokens[j]) after a committee and up to two level words: the index after "về" and the field's
    purpose ("phòng chống", "Phòng, chống") or where a Title-Case field starts ("về Vệ sinh an toàn thực
    phẩm"), else 0. The reader goes on through the field's words to the predicate, as after a purpose."""
    if j <= start + 1:
        return 0
    k = j
    for _ in range(2):
        n = _level_at_end(s, k)
        if not n:
            break
        k -= n
    if not A._after_committee(s, k):
        return 0
    purpose = s.m(L.COMMITTEE_PURPOSES, j + 1)
    if purpose:
        return j + 1 + purpose
    nxt = j + 1
    return nxt if nxt < s.n and s.word(nxt) and s.tokens[nxt].capitalized and not s.m(L.ORG_HEADS, nxt) else 0


def purpose_after_level(s: _Sentence, start: int, j: int, purpose: int) -> int:
    """At a committee purpose (tokens[j], `purpose` tokens long) after a committee and its level: "Ban Chỉ đạo
    quốc gia phòng, chống dịch Covid-19 yêu cầu …", "Ủy ban Quốc gia ứng phó sự cố, thiên tai và tìm kiếm cứu
    nạn yêu cầu …": the index after the purpose (the reader reads its object on, as after "Ban chỉ đạo phòng
    chống dịch"), else 0. Same class as `field_after_committee` (the committee's field, with or without "về");
    the reader asked for the committee right before the purpose only. Dev: L087-01 (L); K's "Ban chỉ đạo
    quốc gia phòng, chống dịch Covid-19 xây dựng" (name_bounds, `activity_name_end`)."""
    if j <= start + 1:
        return 0
    n = _level_at_end(s, j)
    if not n or not A._after_committee(s, j - n):
        return 0
    return j + purpose
