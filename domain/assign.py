"""Putting together the assignees of a logged directive: units and people named in the text (found by
domain.assignees) plus people @mentioned in the message, in one lead / coordinators / executors split.

A directive has exactly one lead. Whoever is named after "phối hợp" coordinates; of the rest, the first
named leads and any others coordinate with it (a chair writing "@An, @Bình làm X" expects An to answer
for it, helped by Bình).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.textnorm import fold
from domain.types import AssigneeRef, Assignees

_SUPPORT_MARK = re.compile(r"\bphoi hop\b")


@dataclass(frozen=True)
class Mention:
    """A person mentioned in the message: where, who (a key the caller understands), how written."""

    start: int
    end: int
    person_key: str
    label: str


def _support_from(text: str) -> int | None:
    m = _SUPPORT_MARK.search(fold(text))
    return m.start() if m else None


def arrange(text: str, parsed: Assignees, mentions: Sequence[Mention]) -> Assignees:
    if not mentions:
        return parsed
    mark = _support_from(text)
    people = [AssigneeRef(m.label, f"person:{m.person_key}", (m.start, m.end)) for m in mentions]
    leads = list(parsed.lead)
    support = list(parsed.support)
    for ref in people:
        assert ref.span is not None
        if mark is not None and ref.span[0] > mark:
            support.append(ref)
        else:
            leads.append(ref)
    leads.sort(key=lambda r: r.span[0] if r.span else 1 << 30)
    if not leads and support:
        support.sort(key=lambda r: r.span[0] if r.span else 1 << 30)
        leads, support = [support[0]], support[1:]
    lead, extra = leads[:1], leads[1:]
    support = extra + support
    # Same assignee named twice: keep the first mention.
    seen: set[str] = set()
    unique_support = []
    for ref in support:
        key = ref.unit_key or fold(ref.text)
        lead_key = (lead[0].unit_key or fold(lead[0].text)) if lead else None
        if key in seen or key == lead_key:
            continue
        seen.add(key)
        unique_support.append(ref)
    return Assignees(lead=tuple(lead), support=tuple(unique_support), executor=parsed.executor)
