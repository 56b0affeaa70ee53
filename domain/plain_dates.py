"""A date written plainly in a directive whose deadline phrase was not read: «… truwowcs ngayf 15/12» (Telex
typed raw on a phone without a Vietnamese keyboard: the tone keys stay in the words), «… 15/12» alone. The
numbers are plain, the words around them are not read: the bot offers the date as a button under «Chưa thấy
hạn hoàn thành» instead of guessing (handlers/directives._logged_reply). Only one distinct date, today or
later, is offered: two dates, or a past one, leave the usual choices alone."""

from __future__ import annotations

import re
from datetime import date

# dd/mm or dd/mm/yyyy (also with «.» or «-»), not part of a longer number or a document number («12/2026»,
# «15/KH-UBND» is no date).
_DATE = re.compile(r"(?<![\d/.\-])(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}))?(?![\d/.\-]*\d)")


def offered_date(text: str, today: date) -> date | None:
    """The one date `text` writes in numbers that is today or later (a date without a year: its next
    occurrence), or None."""
    found: set[date] = set()
    for m in _DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        try:
            if m.group(3):
                when = date(int(m.group(3)), month, day)
            else:
                when = date(today.year, month, day)
                if when < today:
                    when = date(today.year + 1, month, day)
        except ValueError:
            continue
        if when >= today:
            found.add(when)
    return found.pop() if len(found) == 1 else None
