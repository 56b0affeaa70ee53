"""Checks on a deadline as understood, for the answer to say what may be a slip.

A day and month written without a year mean the next such date on or after the directive's date
(SPEC, "Deadlines"): «hạn 1/11» written on 23/11/2026 is 01/11/2027. The rule stands, but a date
that lands more than about ten months ahead was most likely meant for a day just past (a typo): the
answer says which year was taken and asks to check.
"""

from __future__ import annotations

import re
from datetime import date

from domain.types import Deadline, DeadlineKind

# More than this many days ahead is "about ten months or more".
FAR_AHEAD_DAYS = 300

# Calendar kinds whose year may be guessed (a relative "trong 12 tháng" is meant to be far).
_GUESSED_KINDS = frozenset(
    {DeadlineKind.DATE, DeadlineKind.MONTH, DeadlineKind.QUARTER, DeadlineKind.HALF, DeadlineKind.HOLIDAY}
)

# A year written: 2027, 1/11/27, "năm 2027" / "nam 27".
_YEAR_WRITTEN = re.compile(r"\d{4}|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2}\b|\bn[aă]m\s*\d", re.IGNORECASE)


def year_guessed_far_ahead(deadline: Deadline, today: date, written: str | None = None) -> bool:
    """The deadline's year was not written and the next such date is more than ~10 months after
    `today`. `written`: the words the date was read from (default: the deadline's phrase)."""
    if deadline.due is None or deadline.kind not in _GUESSED_KINDS:
        return False
    if (deadline.due - today).days <= FAR_AHEAD_DAYS:
        return False
    words = written if written is not None else deadline.phrase or ""
    return not _YEAR_WRITTEN.search(words)
