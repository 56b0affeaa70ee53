"""Words that name a time already past — «hôm qua», «hôm kia», «3 ngày trước», «thứ Sáu tuần trước»,
«tuần trước», «tháng trước», «quý trước», «năm ngoái» — as written in an answer to "which deadline?"
(/giahan, the chair's new deadline). The deadline reader knows only dates ahead: these were not read
at all (a generic "how to use" answer), and «thứ Sáu tuần trước» was read as the coming Friday. Found
here so that the answer can say which day they mean and that it is past. Input with or without
diacritics (folded, same length, so spans index the text as written)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from domain.understand.textnorm import fold


@dataclass(frozen=True)
class PastWords:
    start: int
    end: int
    phrase: str  # as written
    first: date  # the day named, or the first day of the period named
    last: date  # == first for a day


_AGO = r"(?:truoc|roi|vua\s+roi|vua\s+qua|qua)"
_WEEKDAYS = {
    "hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3, "sau": 4, "6": 4, "bay": 5, "7": 5,
}  # fmt: skip
_PATTERNS = [
    ("yesterday", re.compile(r"\b(?:hom|bua)\s+qua\b")),
    ("day_before", re.compile(r"\bhom\s+kia\b")),
    # «3 ngày trước» (not «3 ngày trước hạn», «trước ngày»): N days ago.
    ("days_ago", re.compile(r"\b(\d{1,3})\s+ngay\s+(?:truoc|roi)\b(?!\s*(?:khi|han|ngay|\d))")),
    ("weekday", re.compile(r"\b(?:thu\s+(hai|ba|tu|nam|sau|bay|[2-7])|(chu\s+nhat|cn))\s+tuan\s+" + _AGO + r"\b")),
    ("week", re.compile(r"\b(cuoi\s+)?tuan\s+" + _AGO + r"\b")),
    ("month", re.compile(r"\b(cuoi\s+)?thang\s+" + _AGO + r"\b")),
    ("quarter", re.compile(r"\b(cuoi\s+)?quy\s+" + _AGO + r"\b")),
    ("year", re.compile(r"\b(cuoi\s+)?nam\s+(?:ngoai|truoc|roi|qua)\b")),
]


def past_words(text: str, today: date) -> PastWords | None:
    """The first phrase of `text` naming a past day or period, or None."""
    folded = fold(text)
    found: list[PastWords] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            span = _span(kind, m, today)
            if span is not None:
                found.append(PastWords(m.start(), m.end(), text[m.start() : m.end()], *span))
    if not found:
        return None
    # «thứ Sáu tuần trước» is one phrase, not «tuần trước» inside it: the longest at the first start.
    return min(found, key=lambda p: (p.start, -(p.end - p.start)))


def past_deadline(text: str, today: date, span: tuple[int, int] | None) -> PastWords | None:
    """The past words of an answer to "which deadline?" when they are its deadline: no date was read
    (`span` None), or they qualify the one read at `span` («thứ Sáu tuần trước»: «thứ Sáu» alone is the
    coming one). After a date they are the reason («15/12 vì tuần trước ốm»): None."""
    past = past_words(text, today)
    if past is None or span is None:
        return past
    start, end = span
    if past.start < end:
        return past if past.end > start else None
    return None if text[end : past.start].strip() else past


def _span(kind: str, m: re.Match[str], today: date) -> tuple[date, date] | None:
    monday = today - timedelta(days=today.weekday())
    if kind == "yesterday":
        return _day(today - timedelta(days=1))
    if kind == "day_before":
        return _day(today - timedelta(days=2))
    if kind == "days_ago":
        n = int(m.group(1))
        return _day(today - timedelta(days=n)) if n > 0 else None
    if kind == "weekday":
        weekday = 6 if m.group(2) else _WEEKDAYS[m.group(1)]
        return _day(monday - timedelta(days=7) + timedelta(days=weekday))
    if kind == "week":
        first = monday - timedelta(days=7)
        return (first + timedelta(days=5), first + timedelta(days=6)) if m.group(1) else (first, first + timedelta(6))
    if kind == "month":
        last = today.replace(day=1) - timedelta(days=1)
        return _day(last) if m.group(1) else (last.replace(day=1), last)
    if kind == "quarter":
        first_this = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        last = first_this - timedelta(days=1)
        first = date(last.year, last.month - 2, 1)
        return _day(last) if m.group(1) else (first, last)
    # year
    last = date(today.year - 1, 12, 31)
    return _day(last) if m.group(1) else (date(today.year - 1, 1, 1), last)


def _day(day: date) -> tuple[date, date]:
    return day, day

