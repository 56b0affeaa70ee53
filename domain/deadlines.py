"""Vietnamese deadline phrases -> Deadline. (Stub: the full parser lands with issue 3.)"""

from __future__ import annotations

import re
from datetime import date

from domain.textnorm import fold, nfc
from domain.types import Deadline, DeadlineKind

_DATE = re.compile(r"\b(\d{1,2})[/\-.](\d{1,2})(?:[/\-.](\d{4}))?\b")


def parse_deadline(text: str, today: date) -> Deadline:
    """Find the deadline that governs `text`, resolved against the directive date `today`."""
    text = nfc(text)
    folded = fold(text)
    for m in _DATE.finditer(folded):
        d, mth, y = int(m.group(1)), int(m.group(2)), m.group(3)
        try:
            due = date(int(y), mth, d) if y else date(today.year, mth, d)
        except ValueError:
            continue
        if not y and due < today:
            due = due.replace(year=today.year + 1)
        return Deadline(DeadlineKind.DATE, due, text[m.start() : m.end()], span=(m.start(), m.end()))
    return Deadline.none()


def find_invalid_date(text: str) -> str | None:
    """A date-like phrase that names no real day (31/02), as written; None when there is none."""
    text = nfc(text)
    for m in _DATE.finditer(fold(text)):
        d, mth, y = int(m.group(1)), int(m.group(2)), m.group(3)
        try:
            date(int(y) if y else 2000, mth, d)
        except ValueError:
            return text[m.start() : m.end()]
    return None
