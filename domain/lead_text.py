"""A task given by naming its person at the start («/giao @binh_le rà soát hồ sơ…») is stored without
that name (helper «product11»): the card, /xem, /ds and every reminder show the lead on their own line
(«👤 Chủ trì: @binh_le»), and the text began with the same name — said twice on every screen.

Only a leading run of mentions of the task's leads goes (with a «chủ trì» right after it, and the
separators): a name inside the sentence («… cùng @an_pham») is part of what is to be done, and a
coordinator named first («@an_pham phối hợp, …») is not on the lead line (the caller passes the leads)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from domain.assign import Mention
from domain.understand.textnorm import fold

_BETWEEN = re.compile(r"(?:[\s,;]|\bvà\b|\bva\b)*", re.IGNORECASE)
_AFTER = re.compile(r"[\s,;:\-–—]*(?:(?:chủ trì|chu tri)\b[\s,;:\-–—]*)?", re.IGNORECASE)


def without_leading_mentions(text: str, mentions: Sequence[Mention], assignee_keys: Collection[str]) -> str:
    """`text` without the mentions of `assignee_keys` it starts with; `text` itself when it does not
    start with one, or when nothing of the task would be left."""
    at = {m.start: m for m in mentions}
    pos = len(text) - len(text.lstrip())
    cut = 0
    while True:
        m = at.get(pos)
        if m is None or m.person_key not in assignee_keys:
            break
        cut = m.end
        pos = _BETWEEN.match(text, m.end).end()  # type: ignore[union-attr]
    if not cut:
        return text
    rest = text[_AFTER.match(text, cut).end():]  # type: ignore[union-attr]
    return rest if fold(rest).strip(" .,;:") else text
