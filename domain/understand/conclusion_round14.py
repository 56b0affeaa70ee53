"""Whole-conclusion rules of the tenth issue-11 session (branch `conclo`): the document's structure, not its words.

Each rule says the kind of text it serves, the dev documents it was written from, and the cheap check that gates
it (the splitter calls it for every pasted text). Tests with invented notices:
`tests/domain/test_conclusion_round14.py`.

1. **The notice's time label line** (`timed_by_the_notice_line`). A short notice (flags, a campaign, closing days)
   gives its items, and one line of its own that says when — a label "Thời gian <việc>:" and a span, on a line of
   its own, before the items or as one of them:

       UBND xã … thông báo … cụ thể như sau:
       Thời gian treo cờ Tổ quốc: Từ ngày 23/7/2025 đến hết ngày 27/7/2025.
       1. Trung tâm … thông tin nội dung trong thông báo này để … biết, thực hiện.   ← due 23/7 (the start)
       2. Các cơ quan … thực hiện treo cờ Tổ quốc …                                  ← due 27/7 (the end)
       3. Ban cán sự các thôn có trách nhiệm vận động, kiểm tra …                     ← due 27/7

   or "1/ Tất cả các cơ quan … treo cờ Tổ quốc …" then "2/ Thời gian treo cờ tổ quốc: Từ ngày 30/4/2025 đến hết
   ngày 01/5/2025.". The line names no doer and asks nothing: it is the time of the notice's items (LABELLING §3,
   §31.13, §32.1), not a task. It is carried (source context) to every item of the notice that has no time of its
   own: the span's end, or its start for an item that makes the notice known (§30.1: the announcement is out when
   the measure starts). Before: the line was offered as a task led by "Thời gian", and the items got the day only
   when they repeated the label's words (the splitter's schedule pass), or not at all when the line was numbered.
   Only when the text has exactly one such line (two lines give two times, each read by the rules before) and the
   span is a day (`date`); and (session 11, conclp) only for the items of the list the line stands in or heads,
   and that list's lead-in (`_scope`): an item of another section or a closing line is not the line's.
   Dev: CO03, CO04 (conclusions_v13, corpus O): 2 lines and 3 items, 2 documents.
   Gate: the text writes "thoi gian" and a colon after it on a line of its own (one substring test first).

2. **A sentence-initial "Vậy"** (`without_then`). "Vậy <chủ thể> <vị ngữ>" (no comma) closes a notice or opens its
   list: "Vậy đề nghị các hộ dân nghiêm túc chấp hành nộp …", "Vậy BCĐ triển khai một số nội dung sau:". The
   reader took "Vậy" for a subject ("Vậy" led the item) or, in a lead-in, found no subject at all, so the items
   under it (which name nobody) had no lead. "Vậy" is the connective "so / therefore" (as "Vì vậy, …", "Do vậy,
   …", which the reader already skips): the line is read without it. Dev: CO01 (conclusions_v13, corpus O), CI01
   ×2 (conclusions_v7, corpus I): 3 items, 2 documents. Gate: the line starts with "Vậy ".

3. **The public in a notice whose lead-in names its speaker** — moved (session 11, conclp) to
   `lead_public_campaign.py`, one rule with leaddoc's `public_under_lead_in` (§8 d's advisees against bound addressees).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from domain.types import Deadline, DeadlineKind, ParsedDirective
from domain.understand.textnorm import fold

# ------------------------------------------------------------------------------------------ 1. time label line
# (folded) an optional list mark or number, "thời gian" and up to six words of the work, the colon, then the span:
# "2/ thoi gian treo co to quoc: tu ngay 30/4/2025 den het ngay 01/5/2025."
_TIME_LABEL = re.compile(
    r"^\s*(?:[-–—+*•]\s*|\d{1,2}\s*[./)]\s*)?thoi gian(?P<work>(?:\s+[a-z]+){0,6}?)\s*:\s*(?P<span>.+)$"
)
# the span: from a day to a day ("tu ngay … den het ngay …", "tu … den …")
_SPAN = re.compile(
    r"^(?P<start>tu\s+(?:ngay\s+)?[^;]{1,40}?)\s+(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?(?P<end>[^;]{1,40})$"
)


def _label_lines(lines: Sequence[str], folds: Callable[[str], str]) -> list[int]:
    return [k for k, line in enumerate(lines) if _TIME_LABEL.match(folds(line))]


def _span_days(line: str, basis: date, folds: Callable[[str], str]) -> tuple[Deadline, Deadline] | None:
    """(start, end) of the label line's span, both read as days, or None."""
    from domain.understand.deadlines import parse_deadline  # (deadlines is imported by the splitter's modules)

    folded = folds(line)
    m = _TIME_LABEL.match(folded)
    if m is None or len(folded) != len(line):
        return None
    span = _SPAN.match(m["span"].rstrip(" .;"))
    if span is None:
        return None
    start = parse_deadline(line[m.start("span") + span.start("start") : m.start("span") + span.end("start")], basis)
    end = parse_deadline(line[m.start("span") :], basis)
    if start.kind is not DeadlineKind.DATE or end.kind is not DeadlineKind.DATE or not start.due or not end.due:
        return None
    if start.due > end.due:
        return None
    return start, end


def _is_the_line(d: ParsedDirective, line: str, folds: Callable[[str], str]) -> bool:
    """The directive the splitter made of the label line itself (its text is the line without its mark)."""
    text = folds(d.text).strip(" .")
    return bool(text) and text.startswith("thoi gian") and text in folds(line)


def timed_by_the_notice_line(
    directives: list[ParsedDirective], lines: Sequence[str], basis: date, folds: Callable[[str], str] = fold
) -> list[ParsedDirective]:
    """The notice's items, its one time label line taken out and its span carried to the undated items (see 1.)."""
    labels = _label_lines(lines, folds)
    if len(labels) != 1:
        return directives
    days = _span_days(lines[labels[0]], basis, folds)
    if days is None:
        return directives
    from domain.understand.deadline_round9 import _announces  # (the §30.1 reading of "makes the measure known")

    start, end = days
    scope = _scope(lines, labels[0])
    out = []
    for d in directives:
        if _is_the_line(d, lines[labels[0]], folds):
            continue  # the notice's time, not a task
        if d.deadline.kind is DeadlineKind.NONE and _line_of(d, lines, folds) in scope:
            day = start if _announces(folds(d.text)) else end
            d = replace(d, deadline=Deadline(day.kind, day.due, day.phrase, day.cadence, None, day.note))
        out.append(d)
    return out


def _scope(lines: Sequence[str], k: int) -> set[int]:
    """(conclp, session 11) The lines the time line at `k` speaks for: the list it stands in ("2/ Thời gian …"
    among "1/ …") or heads (the marked lines right after it), and the lead-in right above that list (a line
    ending with a colon: "… đề nghị … tổ chức cuộc thi … như sau:" whose one task the window times, §31.10).
    Not the rest of the text: an item of another section, a closing line after the list, the prose before. On
    every open dev conclusions set (v3 … v14 dev) this scope dates exactly the items the whole-text scope dated
    (CO03, CO04, CJ01); the whole-text scope of session 10 also reached items it has no claim on (the held-out
    costs noted in bench/README.md, session 10's whole)."""
    from domain.understand.conclusion import _MARKER  # (conclusion imports this module)

    def marked(j: int) -> bool:
        return _MARKER.match(lines[j]) is not None

    low = high = k
    if marked(k):
        while low > 0 and marked(low - 1):
            low -= 1
    while high + 1 < len(lines) and marked(high + 1):
        high += 1
    out = set(range(low, high + 1))
    if low > 0 and lines[low - 1].rstrip().endswith(":"):
        out.add(low - 1)
    return out


def _line_of(d: ParsedDirective, lines: Sequence[str], folds: Callable[[str], str]) -> int:
    """The line a directive was made from (its first 40 letters, folded, inside it), or -1."""
    key = folds(d.text)[:40]
    return next((k for k, line in enumerate(lines) if key and key in folds(line)), -1)


def may_have_time_line(whole: str) -> bool:
    """(gate) the folded text writes "thời gian" and a colon: the only texts rule 1 can act on."""
    return "thoi gian" in whole and ":" in whole


# ------------------------------------------------------------------------------------------ 2. "Vậy" at the start
# "Vậy" then a space and a letter (a comma after it is read already): "Vậy đề nghị …", "Vậy UBND xã thông báo …".
_THEN = re.compile(r"^Vậy\s+(?=\w)")


def without_then(content: str) -> str:
    """The line without its opening connective "Vậy" (see 2.); any other line as it is."""
    if not content.startswith("Vậy"):
        return content  # (gate: one prefix test)
    m = _THEN.match(content)
    return content[m.end() :] if m is not None else content


# 3. (the public in a notice whose lead-in names its speaker) moved in session 11 to lead_public_campaign.py, one
# rule with leaddoc's `public_under_lead_in`: `in_notice` is this rule's way in.
