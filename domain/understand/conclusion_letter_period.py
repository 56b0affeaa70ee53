"""A letter's own period over its items (issue 11, session 9, `concperiod`; LABELLING §31.13).

Kind of text served: a whole conclusion or letter whose opening order, or whose lead-in, bounds the work it asks
by a period — the work's noun, then the period —

    Theo đó, các sở, ngành triển khai … để hoàn thành các nhiệm vụ trọng tâm từ nay đến cuối năm 2025; …
    Tăng cường kỷ luật thu ngân sách …;                       ← no period of its own: due 31/12/2025
    Theo dõi tình hình thiên tai …                            ← the same

    Đảng ủy … yêu cầu các chi bộ thực hiện tốt một số nội dung tuyên truyền trong tháng 9/2019 như sau:
    Tập trung tuyên truyền 08 nội dung theo Hướng dẫn số 85 …  ← due 30/9/2019, read on a page of 22/10/2019

The period is carried (`source: context`) to each later item that has no period of its own (an item with its own
day or period keeps it) and no other lead than the opening's. Read narrowly (§25, §29.17):
- the period follows the noun of the letter's work as a whole, counted ("các / những / một số nhiệm vụ, công việc,
  nội dung, công tác", at most three qualifying words: "trọng tâm", "tuyên truyền"; one task's own period, "các xã
  thực hiện công tác tiêm chủng trong tháng 10", stays that task's) and opens with "từ nay đến", "trong tháng / quý
  / năm", "đến cuối / hết": a plan's year ("Kế hoạch phát triển kinh tế - xã hội năm 2025"), the year that names the
  tasks ("nhiệm vụ trọng tâm năm 2025") and a span a plan to be written covers ("xây dựng kế hoạch, tiến độ triển
  khai thực hiện từ nay đến cuối năm 2019", CK29) are not the letter's period;
- not a period reported on ("Kết quả thực hiện nhiệm vụ 9 tháng đầu năm", "đánh giá công tác tháng 11");
- in the text's first directive (its opening order) or in the lead-in (a context ending with a colon) of the item.
A lead-in month that is the document's current or just-past month keeps its year and stays the deadline
(§31.13, §14: a page dated in October relays a letter about September's work); an older period is not read.

Dev: CK28 ×3 (letter's period in its opening order), CK11 (a lead-in month, page dated the month after) — corpus K
(conclusions_v9), 4 items, 2 documents; CK29 is the guard (a plan's span). Hook (one line): `conclusion.
split_conclusion`, last. Tests with invented letters: `tests/domain/test_conclusion_letter_period.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from domain.types import Deadline, DeadlineKind, ParsedDirective
from domain.understand.deadlines import parse_deadline
from domain.understand.textnorm import fold

# the noun of the work, up to three qualifying words, then the period's opening words (folded text)
_WORK_PERIOD = re.compile(
    r"\b(?:cac|nhung|mot so|moi)\s+(?:muc tieu,?\s+)?(?:nhiem vu|cong viec|noi dung|cong tac)(?:\s+[a-z]+){0,3}?\s+"
    r"(?P<p>(?:tu nay den|trong (?:thang|quy|nam)|den (?:cuoi|het))\s[^.;:,]{1,40})"
)


def _may_hold_work_period(folded: str) -> bool:
    """(speed13) Words every _WORK_PERIOD match holds, a work's noun and a period's opening: plain substring
    tests, so that the pattern scans only the few texts that have both."""
    return ("nhiem vu" in folded or "cong viec" in folded or "noi dung" in folded or "cong tac" in folded) and (
        "tu nay den" in folded or "trong thang" in folded or "trong quy" in folded or "trong nam" in folded
        or "den cuoi" in folded or "den het" in folded
    )


_REPORTED = re.compile(r"\b(?:ket qua|danh gia|tinh hinh|bao cao|so ket|tong ket)\b")
_JUST_PAST_DAYS = 62  # the basis's month or the month before it


def _period_in(text: str, basis: date, folds: Callable[[str], str]) -> Deadline | None:
    """The period the work of `text` is bounded by (see the module doc), or None."""
    folded = folds(text)
    if len(folded) != len(text):
        return None  # (spans of the fold index the text only when the lengths agree)
    if not _may_hold_work_period(folded):
        return None  # (speed13) what _WORK_PERIOD cannot match without: no scan of the whole text
    m = _WORK_PERIOD.search(folded)
    if m is None or _REPORTED.search(folded, 0, m.start()):
        return None
    phrase = text[m.start("p") : m.end("p")]
    found = parse_deadline(phrase, basis)
    if found.kind is DeadlineKind.NONE:
        # a just-past month or period keeps its year: read it as of a day inside it
        earlier = parse_deadline(phrase, (basis.replace(day=1) - timedelta(days=1)).replace(day=1))
        if earlier.kind is DeadlineKind.MONTH and earlier.due and (basis - earlier.due).days <= _JUST_PAST_DAYS:
            found = earlier
    if found.kind not in (DeadlineKind.MONTH, DeadlineKind.QUARTER, DeadlineKind.YEAR, DeadlineKind.DATE):
        return None
    return replace(found, span=None)


def _leads(d: ParsedDirective, folds: Callable[[str], str]) -> frozenset[str]:
    return frozenset(" ".join(folds(a.text).split()) for a in d.assignees.lead)


def letter_period(
    directives: list[ParsedDirective], basis: date, folds: Callable[[str], str] = fold
) -> list[ParsedDirective]:
    """The directives, an item without a period of its own given the letter's period (see the module doc)."""
    if not directives:
        return directives
    opening = directives[0]
    opened = _period_in(opening.text, basis, folds)
    out = [opening]
    for d in directives[1:]:
        if d.deadline.kind is DeadlineKind.NONE:
            lead_in = d.context.splitlines()[-1] if d.context and d.context.endswith(":") else None
            period = _period_in(lead_in, basis, folds) if lead_in else None
            if period is None and opened is not None and _leads(d, folds) <= _leads(opening, folds):
                period = opened
            if period is not None:
                d = replace(d, deadline=period)
        out.append(d)
    if opening.deadline.kind is DeadlineKind.NONE and opening.context and opening.context.endswith(":"):
        period = _period_in(opening.context.splitlines()[-1], basis, folds)
        if period is not None:
            out[0] = replace(opening, deadline=period)
    return out
