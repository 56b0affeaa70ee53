"""Deadline lines set out under an item of a whole conclusion (issue 11, session 8, `conv12`; LABELLING §32.1).

Kind of text served: a numbered item gives a task, then a bare time label on a line of its own and, under it,
one line a group with the day that group is done by —

    1. Kiểm tra giữa kỳ
    - Tổ chức triển khai: Các tổ chuyên môn ra đề và chấm bài tại lớp.
    - Thời gian tiến hành:
    + Khối 6: xong trước ngày 10/4.
    + Khối 7, 8: xong trước ngày 17/4.

The lines under the label name no doer and give the days by which the task above them is done, broken by
group: they are that task's deadline sentence (§3), and the task is done only when the last group is, so the
latest day governs (§C, "the last step's"); the lines are not tasks of their own. Before this module the
splitter read the label as a heading with nothing to head and the group lines as no directive, so the task
was stored with no deadline (CM07, CM08 — two notices of one school, each two years apart). The one-line form
("Thời gian: 7h00 ngày 02/8/2025" CK12; "*Thời gian: Treo cờ … đến hết ngày 05/4/2023" CH09), the same class,
is already read by the splitter's closing-line and schedule rules and is not touched here.

What is carried, and where:
- only to items of the **same numbered item**, above the label (back to the nearest line numbered "1." /
  "I." / "a)"), that the reader left with **no deadline** — a task there with a day of its own keeps it
  ("Các trưởng nhóm … nộp … trước ngày 16/3" beside the undated task, CM07, CM08);
- the group lines of a block that dated a task are dropped if the splitter took one for a task ("+ Khối 6:
  xong trước ngày 10/4." led by "Khối 6"): they are its deadline, not tasks (§32.1); a block that dated no task
  is left as read;
- only when **every** line under the label reads as a day (`date`): a line of a cadence ("- Tất cả các thứ Hai
  đầu tuần …", §31.8) or of anything else leaves the block to the rules that read it now.

Hook (one line): `conclusion.split_conclusion`, after the issuer's lines are taken out, only when the text
writes "thời gian". Tests with invented notices: `tests/domain/test_conclusion_timelines.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from domain.types import Deadline, DeadlineKind
from domain.understand.textnorm import fold

# The bare label: "- Thời gian tiến hành:", "Thời gian thực hiện:", "+ Thời gian:" — nothing after the colon.
_LABEL = re.compile(
    r"^\s*(?:[-–—+*•·●○▪■►]\s*)?thoi gian(?: tien hanh| thuc hien| hoan thanh| to chuc| kiem tra)?\s*:\s*$"
)
# A line under it: its mark, a short group label and a colon ("+ Khối lớp 10 và 11:"), then the time; or the
# time alone after the mark ("+ Xong trước ngày 20/4.").
_GROUP_LINE = re.compile(r"^\s*[-–—+*•·●○▪■►]\s*(?:[^:]{1,50}:\s*)?(?=\S)")
_TIME_OPENING = re.compile(r"(?:xong|hoan thanh|truoc|cham nhat|den het|ket thuc|han)\b")
# A numbered line opens an item: "1.", "II.", "a)", "2/".
_NUMBERED = re.compile(r"^\s*(?:[IVXL]{1,5}[.)]|\d{1,2}(?:\.\d{1,2})*[.)/]|[a-zđ][.)])\s")
_BACK = 12  # lines looked back for the item's tasks


def _group_day(line: str, basis: date, folds: Callable[[str], str]) -> Deadline | None:
    from domain.understand.deadlines import parse_deadline  # (deadlines is imported by the splitter's modules)

    m = _GROUP_LINE.match(line)
    if m is None:
        return None
    rest = line[m.end() :]
    if _TIME_OPENING.match(folds(rest)) is None:
        return None
    day = parse_deadline(rest, basis)
    return day if day.kind is DeadlineKind.DATE and day.due is not None else None


def timed_by_group_lines(
    directives: list, lines: list[str], basis: date, folds: Callable[[str], str] = fold
) -> list:
    """The directives of a whole conclusion, an undated task of a numbered item given the latest day of the
    group lines under that item's bare "Thời gian …:" label (see above). `lines` are the kept lines of the
    text, in order; `folds` the splitter's cached fold."""
    blocks: list[tuple[int, int, Deadline]] = []  # (label line's index, its last line's, the governing day)
    for k, line in enumerate(lines):
        if _LABEL.match(folds(line)) is None:
            continue
        days: list[Deadline] = []
        for sub in lines[k + 1 :]:
            day = _group_day(sub, basis, folds)
            if day is None:
                break
            days.append(day)
        # every line under the label a day (a line of another kind ends the block: what follows is no day)
        if days:
            blocks.append((k, k + len(days), max(days, key=lambda d: d.due or basis)))
    if not blocks:
        return directives
    out = []
    used: set[int] = set()  # the blocks that dated a task
    where = []
    for d in directives:
        key = folds(d.text)[:40]
        at = next((k for k, line in enumerate(lines) if key and key in folds(line)), -1)
        where.append(at)
        if d.deadline.kind is DeadlineKind.NONE:
            for n, (k, _, day) in enumerate(blocks):
                if 0 <= at < k and k - at <= _BACK and not any(_NUMBERED.match(x) for x in lines[at + 1 : k]):
                    d = replace(d, deadline=Deadline(day.kind, day.due, day.phrase, day.cadence, None, day.note))
                    used.add(n)
                    break
        out.append(d)
    # a group line of a block that dated its task is that task's deadline, not a task ("+ Khối 6: xong trước
    # ngày 10/4." read as led by "Khối 6"); a block that dated nothing is left as the splitter read it
    spans = [(k, end) for n, (k, end, _) in enumerate(blocks) if n in used]
    return [d for d, at in zip(out, where, strict=True) if not any(k < at <= end for k, end in spans)]
