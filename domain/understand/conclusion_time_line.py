"""A notice's "Thời gian <việc>: từ A đến (hết) B" line times the items it stands with (issue 11, session 10, branch
deado; LABELLING §32.1, §31.10, §31.13, §30.1).

Kind of text served: a whole notice whose time is set out on a label line of its own — the shape of flag, campaign
and contest notices — and not written into the items:

    1/ Tất cả các cơ quan, các thôn … thực hiện treo cờ Tổ quốc …     ← due B (the line after it times it)
    2/ Thời gian treo cờ tổ quốc: Từ ngày 30/4/2025 đến hết ngày 01/5/2025.
                                                                        (CO03: the label line numbered as a sibling)
    … thông báo … cụ thể như sau:
    Thời gian treo cờ Tổ quốc: Từ ngày 23/7/2025 đến hết ngày 27/7/2025.  ← the line before the numbered items
    1. Trung tâm … thông tin nội dung trong thông báo này để … biết …  ← announces: due A (§30.1)
    2. … treo cờ Tổ quốc …                                              ← due B
    3. Ban cán sự các thôn có trách nhiệm vận động, kiểm tra …          ← due B (CO04)

    … đề nghị Hiệu Trưởng các trường thực hiện tổ chức cuộc thi … như sau:   ← the only task: due B (§31.10)
    1. Thời gian dự thi: Từ ngày 05/4/2021 đến ngày 30/4/2021.               (CJ01)

The splitter already times items naming the line's activity (conclusion._schedules); it misses a label line with a
list marker ("2/ Thời gian …", "1. Thời gian …"), the items under a label line that stands before the whole list
and do not repeat its activity, and a lead-in that is the one task. Read narrowly: only an item with no time of its
own; a label line whose time is a window or a day; the line before the list only when it is not itself an item
("1. …") and the items after it are numbered; the lead-in only when the label line is the first line after it.
Dev: CO03, CO04 (corpus O, conclusions_v13), CJ01 (corpus J, conclusions_v8): 4 items, 3 documents.
Hook (one line): `conclusion.split_conclusion`, after the letter's period. Tests with invented notices:
`tests/domain/test_deadline_round14.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from domain.types import Deadline, DeadlineKind, ParsedDirective

_MARKER = re.compile(r"^\s*(?:\d{1,2}\s*[.)/]|[a-zđ][.)]|[-–+*•])\s*")
_TIMING_KINDS = (DeadlineKind.DATE, DeadlineKind.MONTH, DeadlineKind.QUARTER, DeadlineKind.YEAR, DeadlineKind.WEEK)
_START = re.compile(r"\b(?:tu|ke tu|bat dau tu)\s+(?:ngay\s+)?\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?")


def _announces(folded: str) -> bool:
    from domain.understand.deadline_round9 import _announces as announces  # (the splitter imports round9 first)

    return announces(folded) or ("thong tin" in folded and " biet" in folded)


_Label = tuple[int, bool, str, Deadline]


def _label_lines(lines: Sequence[str], basis: date, folds: Callable[[str], str]) -> list[_Label]:
    """(line index, marked as an item, activity letters, the line's time) of each "Thời gian <việc>:" line."""
    from domain.understand.conclusion import _LETTERS, _SCHEDULE  # (conclusion imports this module)
    from domain.understand.deadlines import parse_deadline

    out = []
    for k, line in enumerate(lines):
        folded = folds(line)
        if "thoi gian" not in folded:
            continue
        marker = _MARKER.match(folded)
        body = folded[marker.end() :] if marker else folded
        m = _SCHEDULE.match(body)
        if m is None:
            continue
        found = parse_deadline(line, basis)
        if found.kind in _TIMING_KINDS:
            numbered = marker is not None and marker.group().strip()[:1].isdigit()
            out.append((k, numbered, _LETTERS.sub("", m["act"]), found))
    return out


def _start_of(line: str, folded: str, basis: date) -> Deadline | None:
    from domain.understand.deadlines import parse_deadline

    m = _START.search(folded)
    if m is None:
        return None
    start = parse_deadline(line[m.start() : m.end()], basis)
    return start if start.kind is DeadlineKind.DATE else None


def timed_by_label_line(
    directives: list[ParsedDirective], lines: Sequence[str], basis: date, folds: Callable[[str], str]
) -> list[ParsedDirective]:
    """The directives, an item with no time of its own timed by its notice's label line (see the module doc)."""
    if not any(d.deadline.kind is DeadlineKind.NONE for d in directives):
        return directives
    labels = _label_lines(lines, basis, folds)
    if not labels:
        return directives
    from domain.understand.conclusion import _LETTERS

    out = []
    for d in directives:
        folded = folds(d.text)
        if d.deadline.kind is DeadlineKind.NONE and not any(folds(lines[k]).endswith(folded[-30:]) for k, *_ in labels):
            key = folded[:40]
            at = next((k for k, line in enumerate(lines) if key and key in folds(line)), -1)
            chosen = _label_for(d, folded, at, labels, lines, folds, _LETTERS.sub("", folded))
            if chosen is not None:
                k, timing = chosen
                if _announces(folded) and k < at:
                    timing = _start_of(lines[k], folds(lines[k]), basis) or timing
                d = replace(d, deadline=replace(timing, span=None))
        out.append(d)
    return out


def _label_for(
    d: ParsedDirective,
    folded: str,
    at: int,
    labels: list[_Label],
    lines: Sequence[str],
    folds: Callable[[str], str],
    letters: str,
) -> tuple[int, Deadline] | None:
    if at < 0:
        return None
    for k, numbered, activity, timing in labels:
        if numbered and activity and activity in letters:
            return k, timing  # "2/ Thời gian treo cờ: …" and an item that hangs flags
        if k == at + 1 and d.text.rstrip().endswith(":"):
            return k, timing  # the lead-in that is the one task, its label line first under it (§31.10)
    before = [(k, timing) for k, numbered, _, timing in labels if not numbered and k < at]
    if before and _MARKER.match(folds(lines[at])) and str(lines[at]).lstrip()[:1].isdigit():
        k, timing = before[-1]
        # the label line stands before the list: every line between it and the item is an item of the list
        if all(_MARKER.match(folds(lines[j])) for j in range(k + 1, at + 1)) and k + 1 <= at:
            return k, timing
    return None
