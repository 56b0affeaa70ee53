"""Duty lines of a holiday notice that point back to the break take the break's last day (branch duty15).

Kind of item (LABELLING §38.1 with its refinement of §30.3 / §32.9): in a notice that writes the days of a
holiday break ("… được nghỉ Lễ trong một ngày (2/9/2013)", "nghỉ … từ ngày 30-8 đến hết ngày 2-9"), a duty
line that points back to that break — "bố trí lãnh đạo trực trong ngày nghỉ", "bố trí người trực 24/24 giờ
trong thời gian nghỉ lễ", "tổ chức trực cơ quan trong thời gian nghỉ Tết …", "Bố trí trực vào ngày nghỉ" —
runs to the break's last day: `date`, that day, read from the context (the line's own words as its phrase).
It stays no deadline
- when the notice names the holiday only and writes no days for the break ("trong dịp nghỉ Lễ Quốc khánh
  02/9/2023": a holiday's name, an occasion, not days off — only a "nghỉ" that is not "dịp / trong … nghỉ"
  starts a break's days);
- when the days off meant are the week's ("căn cứ vào ngày nghỉ hằng tuần để bố trí nghỉ bù", CI05);
- when the line has no word pointing back (arranging duty "hợp lý" while the schedule is kept);
- when the notice gives two breaks (one for lecturers and students, another for the staff) and the line does
  not say whose: two written runs of days that overlap while sharing neither first nor last day. A run that
  restates or extends the one before (the days off, then the days made up, then "Như vậy … từ A đến hết B")
  is the same break.
Dev: CH31, CH32 (conclusions_v6), CJ04, CJ05 (v8, corpus J), CK16 (v9, corpus K); CM06 (v11) is dated so
already by deadline_round9.carried_to_items, which reads "trong thời gian nghỉ tết" only when the while ends
its clause with a comma or the line (not a full stop, not a year after it). Structural cue: the break's days
are the dates in the clause a "nghỉ" opens, in a line above the item; no word list of holidays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from domain.types import Deadline, DeadlineKind
from domain.understand.textnorm import nfc

# "trong / vào (thời gian | những | các) (ngày) nghỉ" — the line's pointer back to the break (NFC, lower case:
# the tone mark tells "nghỉ", a break, from "nghị", đề nghị / hội nghị)
_POINTS_BACK = re.compile(
    r"\b(?:trong|vào)\s+(?:(?:thời\s+gian|những|các)\s+)?(?:ngày\s+)?nghỉ(?:\s+(?:lễ|tết))?\b"
    r"(?!\s+(?:hằng|hàng|cuối)\s+tuần)"
)
_OCCASION = re.compile(r"\b(?:trong|vào)\s+dịp\s+nghỉ\b")
# "trực" as a duty, not "trực tiếp / trực thuộc / trực tuyến / trực quan"
_DUTY = re.compile(r"\btrực\b(?!\s+(?:tiếp|thuộc|tuyến|quan|giác|diện|tính))")
# a "nghỉ" that starts the break's days ("được nghỉ …", "nghỉ Tết …", "Thời gian nghỉ tết: …"), not an
# occasion or a pointer ("dịp nghỉ lễ …", "trong thời gian nghỉ …", "vào ngày nghỉ")
_BREAK = re.compile(r"(?<!dịp )(?<!trong )(?<!vào )(?<!ngày )\bnghỉ\b")
_FIGURES_DAY = re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?(?![\d/.-]*\d)")
_RUN_END = re.compile(r"\s(?=(?:đến|tới)\s)")
_CLAUSE_END = re.compile(r";|\.(?:\s|$)|\n")
# a day in brackets is read on its own too, as the day it names ("vào …"): "nghỉ Lễ trong một ngày (2/9/2013)"
# reads as "within a day" whole, and a bare day is no deadline to the grammar (a page's stamp)
_BRACKETED = re.compile(r"\(([^()]{4,60})\)")


def _break_runs(line: str, basis: date) -> list[tuple[date, date]]:
    """The (first, last) day of each break the line writes: the dates in the clause each "nghỉ" opens."""
    from domain.understand.deadlines import find_deadlines  # (deadlines imports the conclusion modules' kin)

    low = nfc(line).lower()
    runs: list[tuple[date, date]] = []
    for m in _BREAK.finditer(low):
        end = _CLAUSE_END.search(low, m.end())
        clause = line[m.start() : end.start() if end else len(line)]
        # (the grammar reads "từ A đến hết B" as B alone, and a bare day or "bắt đầu ngày A" as none: each day
        # written in figures is read on its own as the day it names)
        parts = [*_RUN_END.split(clause), *(f"vào {b[1]}" for b in _BRACKETED.finditer(clause))]
        parts += [f"vào ngày {m[0]}" for m in _FIGURES_DAY.finditer(clause)]
        days = [d.due for p in parts for d in find_deadlines(p, basis) if d.kind is DeadlineKind.DATE and d.due]
        if days:
            runs.append((min(days), max(days)))
    return runs


def _two_breaks(runs: Sequence[tuple[date, date]]) -> bool:
    """Two written runs of days that overlap while sharing neither their first nor their last day."""
    spans = [r for r in runs if r[0] != r[1]]
    for k, (a0, a1) in enumerate(spans):
        for b0, b1 in spans[k + 1 :]:
            if a0 <= b1 and b0 <= a1 and a0 != b0 and a1 != b1:
                return True
    return False


def dated_duty_lines(directives: list, lines: list[str], basis: date, folds: Callable[[str], str]) -> list:
    """The directives with each undated duty line that points back to the notice's one written break given the
    break's last day, and a day carried to such a line taken back when the notice gives two breaks (see above).
    `lines` are the kept lines in order; `folds` the splitter's cached fold."""
    out = []
    for d in directives:
        carried = d.deadline.kind is not DeadlineKind.NONE and not (d.deadline.phrase and d.deadline.phrase in d.text)
        if d.deadline.kind is DeadlineKind.NONE or carried:
            low = nfc(d.text).lower()
            pointer = _POINTS_BACK.search(low)
            if pointer is None and carried:
                pointer = _OCCASION.search(low)  # ("trong dịp nghỉ Tết": only to take a carried day back)
            if pointer is not None and _DUTY.search(low):
                key = folds(d.text)[:40]
                at = next((k for k, line in enumerate(lines) if key and key in folds(line)), -1)
                runs = [r for line in lines[: max(at, 0)] for r in _break_runs(line, basis)]
                if runs and _two_breaks(runs):
                    # whose break the line means it does not say: a day carried from one of them (a schedule
                    # line "Thời gian nghỉ Tết …" read by an earlier pass) is not the line's either
                    d = replace(d, deadline=Deadline.none())
                elif runs and not carried:
                    phrase = nfc(d.text)[pointer.start() : pointer.end()]
                    last = max(r[1] for r in runs)
                    d = replace(d, deadline=Deadline(DeadlineKind.DATE, last, phrase, None, None))
        out.append(d)
    return out
