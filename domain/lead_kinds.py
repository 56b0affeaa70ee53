"""What a task's lead is, for the «Chủ trì» icon and the summary's lists: a person (👤), a unit (🏢), or a
name the bot cannot place (❓).

SPEC: «A unit or @name the bot cannot resolve is asked about, never silently dropped», and the motto «rõ
người». A bare name written as a person's name — «/giao Văn phòng chủ trì, phối hợp Hùng …», «Tuấn Anh chủ
trì …» — that is neither a member the bot found nor a unit was shown as a unit (🏢, «chưa có trong danh
sách đơn vị») and counted under «Theo đơn vị». The bot does not know who or what it is: it says so and
offers both (a person by @name, or the unit button); it never claims a unit."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal

from domain.titled_names import titled_person
from domain.understand.assignee_lexicon import CATEGORY_NOUNS, ORG_HEADS, PLACE_NOUNS
from domain.understand.vntokens import has_diacritics, tokenize

LeadKind = Literal["person", "unit", "unknown"]

_WORD = re.compile(r"[^\W\d_]+")
_MAX_WORDS = 4  # «Nguyễn Thị Thanh Hoa»


def bare_name(label: str) -> bool:
    """«Hùng», «Tuấn Anh», «Nguyen Van Hung»: one to four capitalised words (not an acronym: «UBND»), none
    a word that names a body or a place (Phòng, Ban, Tổ, Trạm, Công an, thôn …)."""
    words = label.split()
    if not 1 <= len(words) <= _MAX_WORDS:
        return False
    if not all(_WORD.fullmatch(w) and w[0].isupper() and w[1:] == w[1:].lower() for w in words):
        return False
    accented = has_diacritics(label)
    tokens = tokenize(label, accented)
    unit_words = (ORG_HEADS, PLACE_NOUNS, CATEGORY_NOUNS)
    return not any(s.match(tokens, i, accented) for s in unit_words for i in range(len(tokens)))


def label_kind(unit_id: int | None, person_id: int | None, label: str) -> LeadKind:
    """One assignee: a unit (found), a person (found, an @name, a titled name), or a bare name nobody
    could place; anything else is a unit not declared yet («Tổ công nghệ số», offered as one)."""
    if unit_id is not None:
        return "unit"
    if person_id is not None or label.startswith("@") or titled_person(label):
        return "person"
    return "unknown" if bare_name(label) else "unit"


def lead_kind(assignees: Iterable[Any]) -> LeadKind:
    """`assignees`: TaskAssignee rows or the resolved ones about to be saved (role, unit_id, person_id,
    label). People when every lead is one; a name nobody could place when the others are people; a unit
    otherwise (and without a lead)."""
    kinds = {label_kind(a.unit_id, a.person_id, a.label) for a in assignees if a.role == "lead"}
    if not kinds or "unit" in kinds:
        return "unit"
    return "unknown" if "unknown" in kinds else "person"
