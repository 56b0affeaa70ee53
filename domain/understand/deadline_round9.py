"""Deadline rules of the ninth round (branch deadl9, seventh issue-11 session).

Each rule names the kind of sentence it serves and the dev sentences of its class; the tests
(`tests/domain/test_deadline_round9.py`) use sentences written for them. The convention they follow is
LABELLING.md §30 (days of the sentence before: start days, event days, days off).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from domain.types import Deadline, DeadlineKind
from domain.understand.deadline_scan import words_before
from domain.understand.textnorm import fold

# --- a start day of the sentence before is carried only to the measure it starts -------------------------
# Kind of sentence: a task whose only time is a start day written in the sentence before, for a measure or
# a campaign there ("Tháng cao điểm … bắt đầu từ ngày 17-10." then "Đồng thời, kêu gọi nhân dân ủng hộ
# quỹ …"; "từ ngày 23/9, Chi cục … sẽ tổ chức tiêu độc …" then "Theo đó, … Chi cục cung cấp thuốc sát trùng
# …"). A start day is a deadline only of the measure that starts (§23); another task that runs during the
# campaign is not due that day (LABELLING §30.1). It is carried when the sentence points back to that time
# ("theo thời gian trên", "trong thời gian này") or announces the measure to those it concerns ("thông báo
# …", "triển khai đến …", "phổ biến …": it must be out before the start, CJ15, CJ16, CI03 of the
# conclusion sets). Dev: D083-01 (D), K095-02 (K) not carried; CJ15, CJ16 (J conclusions), CI03 (I)
# carried (there by the conclusion splitter, which does not carry at all yet). An end ("đến ngày 25.9",
# "từ nay đến 20/1") and an event's day ("vào ngày 20-2") are carried as before (G082-01, G117-01,
# K046-01).
_START_WORDS = ("tu ", "ke tu ", "bat dau tu ", "tinh tu ", "bat dau ngay ")
_END_WORDS = (" den ", " toi ", " cho den ")
_POINTS_BACK = (
    "thoi gian tren", "thoi gian noi tren", "thoi gian neu tren", "thoi gian nay", "thoi gian do",
    "thoi gian nghi", "thoi diem tren", "thoi diem nay", "ngay tren", "ngay nay",
    "thong bao", "trien khai den", "trien khai toi", "pho bien",
)  # fmt: skip


def start_day_carried(text: str, carried: Deadline, source: str = "") -> bool:
    """Whether `carried`, a deadline read in `source` (the sentence before `text`), applies to `text`.

    False only for a day that is a start day alone (no end) while `text` neither points back to that
    time nor announces the measure. A lead-in ("Từ ngày 15/3, các xã thực hiện các nội dung sau:") is
    the measure its items make up: its start day is carried to them."""
    if carried.kind is not DeadlineKind.DATE or not carried.phrase or source.rstrip().endswith(":"):
        return True
    phrase = fold(carried.phrase)
    if not phrase.startswith(_START_WORDS) or any(w in phrase for w in _END_WORDS):
        return True
    folded = fold(text)
    return any(w in folded for w in _POINTS_BACK)


# --- whole conclusions: an item announcing a measure, or pointing back to its time, takes its day ---------
# Kind of item: a subjectless or new-doer item of a notice that announces the measure an earlier line
# starts ("2. UBND thị trấn triển khai đến các tiểu thương và thông báo … về việc tạm dừng hoạt động chợ"
# after "1. Tạm dừng … từ ngày 01/11/2021 …", CJ16; the same for the market hours from 28/7, CJ15;
# "Công đoàn trường phổ biến bài hát quốc ca" under a schedule "kể từ 30-11-2009", CG21), or that points back
# to the time an earlier line gives ("thông báo cho học sinh nghỉ theo thời gian trên", CI03). LABELLING
# §30.1: the announcement must be out by the start day; a pointer back takes that time (a window's end).
# The nearest earlier line holding a day decides: an announcement takes its start day only (a start day
# alone, no end), a pointer back any day. Dev: CJ15, CJ16 (J, conclusions_v8), CG21 (G, v5), CI03 (I, v7).
_POINTS_BACK_ONLY = ("thoi gian tren", "thoi gian noi tren", "thoi gian neu tren", "thoi diem tren")
# (an item of a list, "1. …", "- …", "1/ …", or a schedule line "Thời gian …:" — not a narrative's day,
# "Theo đó, thời gian bắt đầu có dịch từ ngày 18/2." (CH02), "Sở … đã thông báo cho học sinh nghỉ học từ
# chiều 14.9" (CB11): those report, they start no measure of the notice)
_LISTED = re.compile(r"^\s*(?:\d{1,2}\s*[.)/]|[a-zđ][.)]|[-–+*•])\s*|^\s*[-–+*•]?\s*thoi gian[^:]{0,40}:")


def _announces(folded: str) -> bool:
    """'phổ biến …', 'thông báo … về việc / về thời gian …', 'thông báo … để X biết': the item makes the
    measure known (not 'thông báo đến X thực hiện …', an order passed on, nor 'thông báo kết quả về UBND', a
    report sent)."""
    if "pho bien" in folded:
        return True
    at = folded.find("thong bao")
    if at < 0:
        return False
    after = folded[at:]
    return " ve viec " in after or " ve thoi gian " in after or " biet" in after


def _earlier_day(lines: list[str], basis: object, start_only: bool, folds: Callable[[str], str]) -> Deadline | None:
    from domain.understand.deadlines import find_deadlines  # (deadlines imports this module)

    for line in reversed(lines):
        days = [d for d in find_deadlines(line, basis) if d.kind is DeadlineKind.DATE]  # type: ignore[arg-type]
        if not days:
            continue
        if not _LISTED.match(folds(line)):
            return None
        if not start_only:
            return days[-1]
        starts = [
            d for d in days
            if d.phrase and fold(d.phrase).startswith(_START_WORDS) and not any(w in fold(d.phrase) for w in _END_WORDS)
        ]  # fmt: skip
        return starts[-1] if starts else None
    return None


# (a while the notice itself dates: "Trong thời gian các em học sinh nghỉ học, đề nghị cha mẹ …" after "… cho các em
# nghỉ học từ ngày 9/3/2020 đến hết ngày 15/3/2020" (CL02), "Trong thời gian trẻ tạm dừng đến trường, kính mong
# CMHS …" after "… tạm dừng đến trường từ ngày 17/02/2021 đến hết ngày 28/02/2021" (CL03): the while's last two
# words name the dated line. A while no line dates — "trong thời gian diễn ra hội nghị", "Trong thời gian học
# sinh ở trường:" (CE06) — stays no deadline, as before.)
_NAMED_WHILE = re.compile(r"\btrong thoi gian ([a-z ]{3,60}?)\s*(?:,|$)")


def _named_while(folded: str) -> str:
    m = _NAMED_WHILE.search(folded)
    if m is None:
        return ""
    words = m[1].split()
    return " ".join(words[-2:]) if len(words) >= 2 else ""


def _dated_line_naming(lines: list[str], what: str, basis: object, folds: Callable[[str], str]) -> Deadline | None:
    from domain.understand.deadlines import find_deadlines  # (deadlines imports this module)

    for line in reversed(lines):
        if what in folds(line):
            days = [d for d in find_deadlines(line, basis) if d.kind is DeadlineKind.DATE]  # type: ignore[arg-type]
            if days:
                return days[-1]
    return None


def carried_to_items(directives: list, lines: list[str], basis: object, folds: Callable[[str], str] = fold) -> list:
    """The directives of a whole conclusion, an undated item that announces a measure or points back to its
    time given the day of the nearest earlier line that dates it (see above). `lines` are the kept lines
    of the text, in order; `folds` the splitter's cached fold."""
    out = []
    for d in directives:
        if d.deadline.kind is DeadlineKind.NONE:
            folded = folds(d.text)
            back = any(w in folded for w in _POINTS_BACK_ONLY)
            what = _named_while(folded) if "trong thoi gian" in folded else ""
            if back or what or _announces(folded):
                key = folded[:40]
                at = next((k for k, line in enumerate(lines) if key and key in folds(line)), -1)
                if at > 0:
                    if what:
                        day = _dated_line_naming(lines[:at], what, basis, folds)
                    else:
                        day = _earlier_day(lines[:at], basis, not back, folds)
                    if day is not None:
                        d = replace(d, deadline=Deadline(day.kind, day.due, day.phrase, day.cadence, None, day.note))
        out.append(d)
    return out


# --- a public holiday's own days off are an occasion (§30.3) -----------------------------------------------
# Kind of sentence: the public holidays' days off restated for the doer to observe, written as calendar days
# after "nghỉ" ("chỉ nghỉ 2 ngày 30/4 và 1/5", "được nghỉ ngày 2/9"): the law sets them, nothing is to be done
# by them — an occasion like "dịp nghỉ lễ 30/4 - 1/5" (§21; D093-01, B134-01, J064-01, K043-01, L033-01,
# CK06 read so already), not a closure the document orders (D099-01 "nghỉ học ngày 18 và 19.9", CI03: `date`).
# Dev: J041-02 (J), the one form of the class the reader missed. Only the fixed-day holidays (30/4, 1/5, 2/9)
# without a year, written after "nghỉ" and at most "N ngày" / "ngày" / "lễ".
_DAYS_OFF_FILLERS = frozenset({"ngay", "le", "2", "02", "hai", "3", "03", "ba", "cac", "vao"})
# (the second day of a list, "30/4 và 1/5", "30/4 - 1/5", "30/4, 1/5": read from the first)
_LISTED_DAY_BEFORE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})\s*(?:va|,|-|–)\s*$")
_HOLIDAY_DAYS = frozenset({(30, 4), (1, 5), (2, 9)})


def holiday_day_off(f: str, start: int) -> bool:
    """Whether the fixed holiday's day at f[start] (folded text) is written as a day off after "nghỉ"."""
    m = _LISTED_DAY_BEFORE.search(f, max(0, start - 12), start)
    if m is not None:
        if (int(m[1]), int(m[2])) not in _HOLIDAY_DAYS:
            return False
        start = m.start()
    for w in reversed(words_before(f, start, 4)):
        if w == "nghi":
            return True
        if w not in _DAYS_OFF_FILLERS:
            return False
    return False
