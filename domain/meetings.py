"""Meetings ("giao ban"): reading `/hop moi <tiêu đề> [ngày]`, and which meeting a new `/giao` joins.

Which meeting a `/giao` belongs to
----------------------------------
Directives are logged during the meeting or typed up by the secretary afterwards, so a meeting
takes the directives logged from its day until the end of the next day (`LINK_DAYS`). A meeting
entered after the fact (`/hop moi Giao ban tuần 47 20/11` typed on the 23rd) takes those logged
on the day it was entered and the next, counted from that day instead. A meeting is never joined
before its day: one opened for next week is an agenda, not yet a place where directives are given.
A meeting held more than `STALE_DAYS` ago is never current, however recently it was entered: an
old conclusion imported today (February's giao ban, typed in in December) is a record of the past,
and today's `/giao` does not belong to it. When two meetings qualify, the latest by its own day
wins, then the one opened last (it is the one being worked on).

This needs no "closed" flag in the database: the window is a rule over the meeting's day and the
day it was opened, and `/hop` tells the chair until when it applies.

Parsing `/hop moi`
------------------
The date, if any, ends the argument: "Giao ban tháng 11 ngày 25/11/2026", "Họp BCĐ 25-11". A
title may itself contain numbers ("Giao ban tháng 11/2026"): only a whole day/month[/year] at the
end counts as the date. Without a year the date is the one nearest to today (a meeting is usually
entered within days of it, before or after). Without a date the meeting is today's; without a
title the handler gives it one ("Giao ban ngày …").
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, timedelta

from domain.understand.textnorm import fold, nfc

LINK_DAYS = 1
# A meeting's directives are given within days of it; one held longer ago than this is history.
STALE_DAYS = 14
MAX_TITLE_CHARS = 300

# On folded text (same length as the original, so the match indexes the title as written).
_TRAILING_DATE = re.compile(
    r"(?:^|[\s,;:(\-–]+)(?:ngay\s*)?(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})"
    r"(?:\s*[/.\-]\s*(?P<y>\d{4}|\d{2}))?\s*\)?\s*$"
)
_TITLE_TRIM = " \t\n,;:-–"


class MeetingArgProblem(enum.StrEnum):
    BAD_DATE = "bad_date"  # 31/02
    TITLE_TOO_LONG = "title_too_long"


class MeetingArgError(ValueError):
    def __init__(self, problem: MeetingArgProblem, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail  # the date as written, or the title's length


@dataclass(frozen=True)
class NewMeeting:
    title: str | None  # None: the handler names it after its day
    held_on: date


def _nearest(day: int, month: int, today: date) -> date:
    """The day/month nearest to today, in the year before, this year or the next."""
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError
    return min(candidates, key=lambda d: (abs((d - today).days), d))


def parse_new_meeting(args: str, today: date) -> NewMeeting:
    """'<tiêu đề> [ngày dd/mm[/yyyy]]' -> NewMeeting. Raises MeetingArgError."""
    text = nfc(args).strip()
    held_on = today
    m = _TRAILING_DATE.search(fold(text))
    if m:
        written = text[m.start("d") : m.end("y") if m["y"] else m.end("m")]
        day, month = int(m["d"]), int(m["m"])
        try:
            if m["y"]:
                year = int(m["y"])
                held_on = date(year + 2000 if year < 100 else year, month, day)
            else:
                held_on = _nearest(day, month, today)
        except ValueError:
            raise MeetingArgError(MeetingArgProblem.BAD_DATE, written) from None
        text = text[: m.start()]
    title = " ".join(text.strip(_TITLE_TRIM).split())
    if len(title) > MAX_TITLE_CHARS:
        raise MeetingArgError(MeetingArgProblem.TITLE_TOO_LONG, str(len(title)))
    return NewMeeting(title or None, held_on)


def links_until(held_on: date, opened_on: date) -> date:
    """The last day on which a `/giao` joins this meeting."""
    return max(held_on, opened_on) + timedelta(days=LINK_DAYS)


def takes_directives(held_on: date, opened_on: date, today: date) -> bool:
    """Does a directive logged today join this meeting? (See the module docstring.)"""
    if today - held_on > timedelta(days=STALE_DAYS):
        return False
    return held_on <= today <= links_until(held_on, opened_on)
