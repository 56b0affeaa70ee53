"""A body whose head fixes its level (Sở, Cục, Tổng cục) and that has its own proper name does not share
the place written after the next body of a comma list (issue 11, ninth session, branch `leadlist2`).

Kind of sentence: a list of named bodies where the first is a department or an agency with its full
name and no place word ("Sở Y tế", "Sở GTVT", "Sở Tài nguyên và Môi trường"), then, after a comma, a body
whose name ends with a place ("Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bưu điện tỉnh"): "giao Sở Văn
hóa, Công an tỉnh kiểm tra …", "phối hợp với Sở Xây dựng, Công an thành phố …". The shared-complement rule
(`assignees._shared_complement_end`, "Ban Công an, Ban Chỉ huy quân sự xã": the bodies of one commune)
read the two as one lead. A Sở is always the province's and a Cục always the central one's: its name needs
no place, so it shares none; LABELLING.md §12 (§29): "Thanh tra tỉnh, Cục Thuế, Công an tỉnh" → three leads,
"a full name that needs none" is a lead of its own.

Guard: a Cục followed by the body it belongs to ("Cục Kiểm lâm, Tổng cục Lâm nghiệp, Bộ Nông nghiệp …",
"Cục Thuế, Bộ Tài chính") names one agency through its parents; the chain stays one name. Bodies whose
head does not fix a level ("Ban Công an", "Chi đoàn Dân quân" of a ward) keep sharing the place.

Dev sentences of the class: L059-01 (lead), L061-01 (support) (corpus L, two documents), F065-01
(support, corpus F): three sentences, three documents, two corpora. Hooked by one line in
`assignees._shared_complement_end`. Tests: `tests/domain/test_lead_fixed_level.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence

# Heads whose level is fixed: the province's department, the central agency and its general department.
_FIXED_HEADS: tuple[tuple[str, ...], ...] = (("Tổng", "cục"), ("Sở",), ("Cục",))
# Parents an agency is named through ("Cục X, Tổng cục Y, Bộ Z"): never "Bộ Chỉ huy" (the province's command).
_PARENT_HEADS: tuple[tuple[str, ...], ...] = (("Tổng", "cục"), ("Bộ",))


def _head_at(s: _Sentence, i: int, heads: tuple[tuple[str, ...], ...]) -> int:
    """Length of the capitalised head of `heads` at tokens[i] followed by a capitalised name, else 0."""
    for words in heads:
        n = len(words)
        if all(s.is_(i + x, w) for x, w in enumerate(words)) and s.tokens[i].capitalized:
            name = i + n
            if s.word(name) and s.tokens[name].capitalized:
                return n
    return 0


def own_level(s: _Sentence, a: int, k: int) -> bool:
    """Is tokens[a:…] a named body whose head fixes its level, and tokens[k] not its parent body? Then it
    shares no complement with the body at tokens[k]."""
    if not _head_at(s, a, _FIXED_HEADS):
        return False
    parent = _head_at(s, k, _PARENT_HEADS)
    return not (parent and not (s.is_(k + parent, "Chỉ") and s.is_(k + parent + 1, "huy")))
