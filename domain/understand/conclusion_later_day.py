"""A day stated after the items for the same work (issue 11, session 8, `conv12`; LABELLING §32.2).

Kind of text served: a whole conclusion whose list of items gives work without a day, and the line right after
the list sets the day by which that work is sent or checked —

    Sở đề nghị các phòng chuyên môn:
    1. Rà soát danh mục thủ tục hành chính thuộc lĩnh vực quản lý.
    2. Đề xuất phương án đơn giản hóa thủ tục.
    Đề nghị các phòng rà soát, tổng hợp theo mẫu, gửi Văn phòng Sở trước ngày 20/5/2024.

In a whole conclusion the secretary reads the whole notice, so §3 works both ways there: the later line that
sets the day for the items' work is carried to them (`source: context`), and stays a directive of its own
(its step: sending). Dev: CM03 items 1 and 2 (M, the national emulation committee's letter: "Đề nghị các Bộ …
đánh giá, xếp loại và tổng hợp theo Biểu mẫu …, gửi về … trước ngày 15 tháng 01 năm 2013" after "1. Đánh giá,
xếp loại …" "2. Cung cấp số lượng khen thưởng …"); CJ12 (J: "BCH Đoàn trường sẽ … kiểm tra và thu các loại sổ
sách ngày 10/8/2011" after "Đối với mỗi chi đoàn phải có các loại sổ sau: - Sổ chi đoàn; …", whose block the
splitter does not yet find as an item, so it does not move here) — 3 items, 2 documents.

How the later line is known to name the items' work (§32.2: "it names them, or its product is theirs"), read
narrowly so that a closing line for a different task is never carried (§3):
- it is the line right after the run of marked items (no other line between), it was read as a directive, and
  its own deadline is a day (`date`);
- it names the items back ("các nội dung trên", "các nhiệm vụ trên", "nội dung nêu trên"), or it repeats the
  opening action of one of them (the item's first two words after its mark: "Đánh giá, xếp loại …" → "đánh
  giá, xếp loại và tổng hợp …"); then every undated item of the run takes its day — the product it sends is
  the run's (the form the items fill).
An item with a deadline of its own keeps it. A consequence line ("Nếu gửi muộn …") is not handled here.

Hook (one line): `conclusion.split_conclusion`, after the group lines of §32.1. Tests with invented notices:
`tests/domain/test_conclusion_later_day.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from domain.types import Deadline, DeadlineKind
from domain.understand.textnorm import fold

_MARKED = re.compile(
    r"^\s*(?:[IVXL]{1,5}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[-–—+*•·●○▪■►])\s*(?=\S)"
)
_NAMES_BACK = re.compile(r"\b(?:cac |nhung )?(?:noi dung|nhiem vu|cong viec|viec) (?:tren|neu tren)\b")
_WORD = re.compile(r"[a-z0-9đ]+")


def _opening(item: str, folds: Callable[[str], str]) -> str:
    """The item's first two words after its mark, folded ("1. Đánh giá, xếp loại …" → "danh gia")."""
    m = _MARKED.match(item)
    words = _WORD.findall(folds(item[m.end() :] if m else item))
    return " ".join(words[:2]) if len(words) >= 2 else ""


def _at(text: str, lines: list[str], folds: Callable[[str], str]) -> int:
    key = folds(text)[:40]
    return next((k for k, line in enumerate(lines) if key and key in folds(line)), -1)


def carried_back(directives: list, lines: list[str], folds: Callable[[str], str] = fold) -> list:
    """The directives of a whole conclusion, the undated items of a run given the day of the line right after
    the run when that line names their work (see above). `lines` are the kept lines, in order."""
    if not any(d.deadline.kind is DeadlineKind.DATE for d in directives[1:]):
        return directives  # (no directive after the first with a day: no later line to carry)
    where = [_at(d.text, lines, folds) for d in directives]
    days: dict[int, Deadline] = {}  # the index of a run's first line → the later line's day
    runs: dict[int, int] = {}  # a line in a run → the run's first line
    for d, at in zip(directives, where, strict=True):
        if at <= 0 or d.deadline.kind is not DeadlineKind.DATE or _MARKED.match(lines[at]):
            continue
        if not _MARKED.match(lines[at - 1]):
            continue
        start = at - 1
        while start > 0 and _MARKED.match(lines[start - 1]):
            start -= 1
        later = " ".join(_WORD.findall(folds(lines[at])))
        run = lines[start:at]
        names = _NAMES_BACK.search(later) is not None or any(
            (o := _opening(item, folds)) and f" {o} " in f" {later} " for item in run
        )
        if names:
            days[start] = d.deadline
            runs.update({k: start for k in range(start, at)})
    if not days:
        return directives
    out = []
    for d, at in zip(directives, where, strict=True):
        if d.deadline.kind is DeadlineKind.NONE and at in runs:
            day = days[runs[at]]
            d = replace(d, deadline=Deadline(day.kind, day.due, day.phrase, day.cadence, None, day.note))
        out.append(d)
    return out
