"""Who is assigned in a Vietnamese directive. (Stub: the full parser lands with issue 3.)"""

from __future__ import annotations

from collections.abc import Sequence

from domain.textnorm import fold, nfc
from domain.types import AssigneeRef, Assignees, KnownUnit


def parse_assignees(text: str, units: Sequence[KnownUnit] = ()) -> Assignees:
    """Lead, coordinating and executing assignees named in `text`, matched against `units`."""
    text = nfc(text)
    folded = fold(text)
    found: list[AssigneeRef] = []
    for unit in units:
        for name in (unit.name, *unit.aliases):
            i = folded.find(fold(name))
            if i >= 0:
                found.append(AssigneeRef(text[i : i + len(name)], unit.key, (i, i + len(name))))
                break
    found.sort(key=lambda a: a.span or (0, 0))
    if not found:
        return Assignees()
    return Assignees(lead=(found[0],), support=tuple(found[1:]))
