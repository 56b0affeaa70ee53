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
