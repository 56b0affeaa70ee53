"""Whole-conclusion rules of session 12 (branch `conclq`): the document's structure, not its words.

Tests with invented notices: `tests/domain/test_conclusion_round16.py`.

1. **The event's one stated time dates the list under it** (`timed_by_the_event_time`). A notice or a news page
   about one event (a campaign, a power cut, a drive) says once, in a sentence or a label line of its own, when the
   event is — and then lists what is to be done for it under a lead-in that ends with a colon, the items saying no
   time of their own:

       Chiến dịch diễn ra từ ngày 28-12-2025 đến 16-2-2026, với … chỉ tiêu …   ← the event's window (prose)
       …
       9 hệ thống chỉ tiêu, gồm:
       - Tổ chức ít nhất 1 chương trình …                                   ← due 16-2-2026 (the window's end)
       - Vận động ít nhất 200 đơn vị máu.                                    ← due 16-2-2026

       I. Thời gian và Phạm vi ảnh hưởng
       Thời gian ngừng điện (dự kiến): Thứ Sáu, ngày 21 tháng 11 năm 2025.  ← the event's day (a label, one day)
       II. Đề nghị phối hợp
       UBND xã … đề nghị các cơ quan, … hộ gia đình tại các khu vực bị ảnh hưởng:
       Chủ động sắp xếp công việc, sinh hoạt …                              ← due 21/11/2025
       Thực hiện các biện pháp bảo quản …                                   ← due 21/11/2025
       Lưu ý: …                                                             ← (a label: the list has ended)

   The listed items are the event's own work, due by its end (LABELLING §30.1, §33.14, §36.4: "the peak's own work,
   whose window the context holds → its end"; the start for an item that makes the measure known). conclo's label
   rule (`conclusion_round14.timed_by_the_notice_line`) reads only "Thời gian <việc>: từ A đến B" with the items
   in the list right at the line; this reads the two other forms the same structure takes: a prose sentence whose
   predicate is the event's own happening ("<sự kiện> (sẽ) diễn ra / kéo dài … từ A đến B" — nobody acts, nothing is
   asked) and a label line with a remark in brackets or one day ("Thời gian ngừng điện (dự kiến): <ngày>"), with
   the list under any lead-in after it (another section of the same notice). Dev: CQ08 (conclusions_v15, corpus Q,
   9 items), CP07 (conclusions_v14, corpus P, 2 items); the same class in the sentence sets' contexts (P011-02, the
   peak's window, read there by the deadline grammar). Only when the text states exactly one such time, conclo's
   rule did not act (no label line of its form), and only for items with no time of their own: an item after the
   list (a speech reported after it, a closing line) is not the event's list. A span (start before end) dates only
   a list whose lead-in asks nobody ("… chỉ tiêu, gồm:"): the event's own content. A list of requests under a span
   may be the steps an event needs by its first day (§30.2: a congress's preparations) or tasks that merely run
   during a campaign (§30.1, D083-01: `none`), so it is left as it was; under one day (start = end) there is no such
   doubt and any list is dated.
   Gate: the folded text writes "dien ra", "keo dai" or "thoi gian" (substring tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from domain.types import Deadline, DeadlineKind, ParsedDirective
from domain.understand.textnorm import fold

# (folded) the event's own happening and its span, in one sentence: up to eight words of subject (no comma: a fronted
# adjunct is another shape), "(sẽ) diễn ra / kéo dài", a few words ("trong 3 tháng,"), then "từ A đến (hết) B"
_WINDOW = re.compile(
    r"(?:^|[.;]\s+)(?P<subject>[^,.;:]{2,60}?)\s+(?:se\s+)?(?:dien ra|keo dai)\b[^.;:]{0,30}?"
    r"\btu\s+(?:ngay\s+)?(?P<start>\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{4})?)\s+(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?"
    r"(?P<end>\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{4})?)"
)
# (folded) a label line "Thời gian <việc> (<remark>): <one day>": the remark in brackets ("dự kiến") and a day the
# label form of round 14 does not read (one day, a weekday before it)
_LABEL_DAY = re.compile(
    r"^\s*thoi gian(?:\s+[a-z]+){0,6}\s*(?:\([^()]{1,20}\))?\s*:\s*[^;]{0,20}?"
    r"(?P<day>ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})\W*$"
)
# a line that ends a list of items: a label ("Lưu ý: …", "Địa điểm: …") opens it
_LABEL_START = re.compile(r"^[^:.;,]{1,25}:")


def _event_times(
    lines: Sequence[str], basis: date, folds: Callable[[str], str]
) -> list[tuple[int, Deadline, Deadline]]:
    """(line, start, end) of every statement of the event's time in the text."""
    from domain.understand.deadlines import parse_deadline  # (deadlines is imported by the splitter's modules)

    out = []
    for k, line in enumerate(lines):
        folded = folds(line)
        if len(folded) != len(line):
            continue
        for m in _WINDOW.finditer(folded):
            start = parse_deadline("từ ngày " + line[m.start("start") : m.end("start")], basis)
            end = parse_deadline("đến ngày " + line[m.start("end") : m.end("end")], basis)
            dated = start.kind is DeadlineKind.DATE and end.kind is DeadlineKind.DATE
            if dated and start.due and end.due and start.due <= end.due:
                out.append((k, start, end))
        label = _LABEL_DAY.match(folded)
        if label is not None:
            day = parse_deadline("đến " + line[label.start("day") : label.end("day")], basis)
            if day.kind is DeadlineKind.DATE and day.due:
                out.append((k, day, day))
    return out


# (folded) a lead-in that asks someone: its list is requests, which may be steps the event needs by its first day
# (§30.2: a congress's preparations), not the event's own content
_ASKS = re.compile(r"\b(?:de nghi|yeu cau|giao|chi dao|keu goi|khuyen cao|luu y|can|phai|co trach nhiem)\b")


def _listed_after(lines: Sequence[str], k: int, folds: Callable[[str], str], content_only: bool) -> set[int]:
    """The item lines of every list under a lead-in (a line ending with a colon) after line `k`: the marked lines
    right under it, or, when the first is unmarked, the unmarked lines up to a label line or a marked one. With
    `content_only`, only the lists whose lead-in asks nobody ("9 hệ thống chỉ tiêu, gồm:"): the event's content."""
    from domain.understand.conclusion import _MARKER  # (conclusion imports this module)

    out: set[int] = set()
    for j in range(k + 1, len(lines)):
        if not lines[j].rstrip().endswith(":") or j + 1 >= len(lines):
            continue
        if content_only and _ASKS.search(folds(lines[j])):
            continue
        marked = _MARKER.match(lines[j + 1]) is not None
        i = j + 1
        while i < len(lines) and lines[i].strip():
            here = _MARKER.match(lines[i]) is not None
            if here != marked or lines[i].rstrip().endswith(":") or (not marked and _LABEL_START.match(lines[i])):
                break
            out.add(i)
            i += 1
    return out


def timed_by_the_event_time(
    directives: list[ParsedDirective], lines: Sequence[str], basis: date, folds: Callable[[str], str] = fold
) -> list[ParsedDirective]:
    """The undated items of the lists under the event's one stated time, dated by it (see 1.)."""
    times = _event_times(lines, basis, folds)
    if len(times) != 1:
        return directives
    from domain.understand.conclusion_round14 import _label_lines, _line_of, _span_days

    if any(_span_days(lines[j], basis, folds) is not None for j in _label_lines(lines, folds)):
        return directives  # (round 14's label line times the text: its rule has acted)
    from domain.understand.deadline_round9 import _announces  # (the §30.1 reading of "makes the measure known")

    k, start, end = times[0]
    # (a span: its own content lists only, due by the end — a list of requests may be the event's preparations, due by
    # its first day, §30.2; one day: start and end are the same day, any list under it)
    scope = _listed_after(lines, k, folds, content_only=start.due != end.due)
    if not scope:
        return directives
    out = []
    for d in directives:
        if d.deadline.kind is DeadlineKind.NONE and _line_of(d, lines, folds) in scope:
            day = start if _announces(folds(d.text)) else end
            d = replace(d, deadline=Deadline(day.kind, day.due, day.phrase, day.cadence, None, day.note))
        out.append(d)
    return out


def may_state_the_event_time(whole: str) -> bool:
    """(gate) the folded text writes the event's happening or a time label: the only texts rule 1 can act on."""
    return "dien ra" in whole or "keo dai" in whole or "thoi gian" in whole
