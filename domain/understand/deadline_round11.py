"""Deadline rules of the eleventh round (branch deadn, ninth issue-11 session; corpus N's first look).

Each rule names the kind of sentence it serves and the dev sentences of its class; the tests
(`tests/domain/test_deadline_round11.py`) use sentences written for them.
"""

from __future__ import annotations

import re
from datetime import date

from domain.understand import deadline_dates as dd
from domain.understand.deadline_scan import DATE, RELATIVE, Scan

# --- the days of the event a purpose clause prepares for --------------------------------------------------
# Kind of sentence: the work is done "để / nhằm chuẩn bị (tốt) cho <event>" or "để kịp <event>", and the event's
# calendar days are written, often as a window: "để chuẩn bị tốt cho kỳ họp …, diễn ra trong 3 ngày (từ ngày 3
# đến 5/12), …" (M026-01…05, M), "nhằm chuẩn bị cho Tuần lễ cấp cao APEC 2017 (diễn ra từ ngày 6 - 11.11)"
# (J033-01, J), "để kịp cấy vào khung thời vụ từ 3/7 đến 10/7/2022" (M090-02, M), "để chuẩn bị lấy ý kiến nhân
# dân … vào ngày mai 28/7" (G047-01, G). LABELLING.md, session 8 decision 4: the work is a step the event needs,
# so (a) with the event's calendar days written the kind is `date` (the deadline_grammar reader made it
# `relative`, which §19 keeps for an event named without a day), and (b) the day is the event's FIRST day: a
# reminder at the window's end would come after the event began. A stated deadline word for the work itself
# ("hoàn thành trong tháng 1 để chuẩn bị cho hội nghị vào ngày 20/2") still wins (the event's day keeps the
# anchor's low score). Four documents of three corpora; left out when written: corpora N, L, K and the older ones.
# "nhằm chuẩn bị" is "để chuẩn bị" in a more formal register (J033-01); both open the purpose clause.
EVENT_HEADS = ("de chuan bi", "nham chuan bi")
_CLAUSE_END = re.compile(r"[;!?\n]|\.(?:\s|$)")  # "11.11" is a day, not the clause's end
_WINDOW = re.compile(
    r"\btu\s+(?:ngay\s+)?(?:mung\s+)?(?P<d>\d{1,2})(?:\s*[/.\-]\s*(?P<m>\d{1,2})(?![\d/.\-]))?\s*"
    r"(?:den(?:\s+het)?(?:\s+ngay)?|[-\u2013])\s*(?P<d2>\d{1,2})\s*[/.\-]\s*(?P<m2>\d{1,2})"
    r"(?:\s*[/.\-]\s*(?P<y>\d{4}))?"
)


_CALENDAR_DAY = re.compile(
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}(?!\d)|\bngay\s+\d{1,2}\s+thang\b|\b(?:ngay\s+mai|ngay\s+kia|hom\s+nay)\b"
    r"|\b(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\b"
)


def calendar_day_written(f: str, start: int, end: int) -> bool:
    """Whether f[start:end] writes a calendar day ("28/7", "ngày 3 tháng 12", "ngày mai", "thứ Hai"): an event
    named by a part of a month ("vào giữa tháng 8", read as the 15th) stays `relative` (§19, F125-01)."""
    return _CALENDAR_DAY.search(f, start, end) is not None


def event_clause_end(f: str, head_end: int) -> int:
    """Where the purpose clause opened at f[head_end] ends (a day "11.11" does not end it)."""
    stop = _CLAUSE_END.search(f, head_end)
    return stop.start() if stop is not None else len(f)


def event_first_day(scan: Scan, start: int, head_end: int) -> None:
    """A window "từ A đến B" written for the event of the purpose clause opened at f[start:head_end]:
    the candidate read from it (due B) is due the event's first day A, kind `date`."""
    f = scan.f
    end = event_clause_end(f, head_end)
    m = _WINDOW.search(f, head_end, end)
    if m is None:
        return
    for i, cand in enumerate(scan.found):
        if cand.kind not in (DATE, RELATIVE) or cand.due is None or not cand.start < m.end() <= cand.end:
            continue
        last = cand.due
        if (last.day, last.month) != (int(m["d2"]), int(m["m2"])):
            continue
        first = _first_day(int(m["d"]), int(m["m"] or m["m2"]), last)
        if first is not None:
            scan.found[i] = cand._replace(kind=DATE, start=min(cand.start, m.start()), due=first, cadence=None)
        return


def _first_day(day: int, month: int, last: date) -> date | None:
    """Day `day` of month `month` on or before `last` (a window from late December ends in January)."""
    first = dd.valid_date(last.year, month, day)
    if first is not None and first > last:
        first = dd.valid_date(last.year - 1, month, day)
    return first


# --- "trong N ngày" that is the length of the window written after it ------------------------------------------
# Kind of sentence: an event or a campaign "diễn ra / được tổ chức / hoàn thành … trong N ngày" followed by the
# window those N days are: "sẽ được tổ chức trong 03 ngày từ 12-14/1/2021" (N054, N; carried to N054-01/02),
# "diễn ra trong 3 ngày (từ ngày 3 đến 5/12)" (M026-01, M), "hoàn thành … trong 4 ngày bắt đầu từ ngày mùng 7 đến
# hết ngày 10/7/2023" (J088-02, J), "Kỳ họp … sẽ diễn ra trong 2 ngày (từ 25 - 26.12.2019)" (CH17's background
# line, conclusions_v6). The N days are not a duration from the directive's date (§19) but the calendar window
# (§15): `date`, due its last day; when the window is an event's span ("diễn ra", "được tổ chức", "kéo dài": the
# event is the subject), its first day, as for the event a purpose clause prepares for (session 8 decision 4:
# a reminder at the window's end would come after the event began). The window must be N days long
# (12-14 is 3 days), so a duration followed by some other window ("trong 10 ngày kể từ ngày 5/3") is unchanged.
# Four documents of four corpora (N, M, J, older conclusions); left out when written: L, K, G, F.
_N_DAYS = re.compile(r"trong\s+(?:vong\s+)?(?P<n>\d{1,2}|hai|ba|bon|nam|sau|bay)\s+ngay\b")
_NUMBERS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7}
# (deado: "kể từ" opens the window too, "treo cờ trong 4 ngày, kể từ ngày 27-1 đến hết ngày 30-1", O017-01)
_TO_WINDOW = re.compile(r"\s*[,(]?\s*(?:bat\s+dau\s+|ke\s+)?(?=tu\b)")
_EVENT_SPAN = re.compile(r"\b(?:dien\s+ra|duoc\s+to\s+chuc|keo\s+dai)\b")
_EVENT_LOOKBACK = 40


def days_of_a_window(scan: Scan) -> None:
    """A duration "trong N ngày" followed by an N-day window "từ A đến B": the window's day (see above)."""
    f = scan.f
    for i, cand in enumerate(scan.found):
        if cand.kind is not RELATIVE:
            continue
        n = _N_DAYS.match(f, cand.start)
        if n is None:
            continue
        gap = _TO_WINDOW.match(f, n.end())
        w = _WINDOW.match(f, gap.end()) if gap is not None else None
        if w is None:
            continue
        last = _window_last(w, scan.today)
        first = _first_day(int(w["d"]), int(w["m"] or w["m2"]), last) if last is not None else None
        days = int(n["n"]) if n["n"].isdigit() else _NUMBERS[n["n"]]
        if first is None or last is None or (last - first).days + 1 != days:
            continue
        event = _EVENT_SPAN.search(f, max(0, cand.start - _EVENT_LOOKBACK), cand.start) is not None
        due = first if event else last
        scan.found[i] = cand._replace(kind=DATE, end=max(cand.end, w.end()), due=due, cadence=None)
        # the window's own end, read apart ("đến 1/4"), is this reading already
        scan.found = [c for j, c in enumerate(scan.found) if j == i or not w.start() <= c.start < w.end()]
        return


def _window_last(w: re.Match[str], today: date) -> date | None:
    day, month = int(w["d2"]), int(w["m2"])
    if w["y"]:
        return dd.valid_date(int(w["y"]), month, day)
    return dd.next_day_month(day, month, today)
