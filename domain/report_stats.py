"""Counting tasks by state — overall and per unit — for summaries, the workbook and the chart.

The state of each task comes from `TaskView.state(today)` (lateness judged against the original
deadline); nothing here re-decides it. Cancelled tasks are counted separately and left out of the
total, as committees write "tổng số 20 nhiệm vụ, trong đó 16 đã hoàn thành, đang thực hiện 04".

On-time rate ("tỷ lệ đúng hạn"): done on time / (done on time + done late + open overdue), i.e.
among the tasks whose outcome is known — finished, or past their deadline — the share that met the
deadline. Open tasks still within their deadline are not judged yet: counting them against a unit
would punish the unit that was just given ten new tasks. It is None when nothing can be judged
(shown as "—", never as 0 %, which would read as a failure).

Units are the lead's unit (`TaskView.lead_unit`), else the lead's display name, else
`NO_UNIT_LABEL`. They are listed in Vietnamese alphabetical order (a < ă < â < b ... d < đ ...),
with the "no lead" bucket last, so a unit keeps its place from one month's report to the next.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date

from domain.types import TaskState, TaskView

NO_UNIT_LABEL = "Chưa rõ đơn vị chủ trì"


@dataclass(frozen=True)
class StateCounts:
    done_on_time: int = 0
    done_late: int = 0
    open_on_time: int = 0
    open_overdue: int = 0
    cancelled: int = 0

    @property
    def total(self) -> int:
        """Tasks counted ("tổng số"): everything but the cancelled ones."""
        return self.done_on_time + self.done_late + self.open_on_time + self.open_overdue

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def open(self) -> int:
        return self.open_on_time + self.open_overdue

    @property
    def judged(self) -> int:
        """Tasks whose on-time outcome is known: finished, or open past the deadline."""
        return self.done + self.open_overdue

    @property
    def on_time_rate(self) -> float | None:
        """Share (0..1) of judged tasks that met the deadline; None when none can be judged."""
        return self.done_on_time / self.judged if self.judged else None

    def of(self, state: TaskState) -> int:
        return int(getattr(self, state.value))

    def __add__(self, other: StateCounts) -> StateCounts:
        return StateCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def count_states(tasks: Iterable[TaskView], today: date) -> StateCounts:
    tally = dict.fromkeys(TaskState, 0)
    for task in tasks:
        tally[task.state(today)] += 1
    return StateCounts(**{state.value: n for state, n in tally.items()})


def unit_of(task: TaskView) -> str:
    """The unit a task is counted under; spacing and Unicode form do not split a unit in two."""
    name = " ".join(unicodedata.normalize("NFC", task.lead_unit or task.lead or "").split())
    return name or NO_UNIT_LABEL


def per_unit(tasks: Iterable[TaskView], today: date) -> list[tuple[str, StateCounts]]:
    """(unit, counts) for every unit that leads at least one of `tasks`, in Vietnamese order."""
    groups: dict[str, list[TaskView]] = {}
    for task in tasks:
        groups.setdefault(unit_of(task), []).append(task)
    names = sorted(groups, key=lambda name: (name == NO_UNIT_LABEL, vietnamese_sort_key(name)))
    return [(name, count_states(groups[name], today)) for name in names]


def per_unit_and_person(
    tasks: Iterable[TaskView], today: date
) -> tuple[list[tuple[str, StateCounts]], list[tuple[str, StateCounts]]]:
    """(units, people): `per_unit` of the tasks led by units (or by nobody known), and apart from them
    the people given tasks directly and counted under no unit (`TaskView.lead_is_person`), so that a
    person never reads as a unit. The summary, /tonghop, the workbook, the report and the charts all
    list them so."""
    tasks = list(tasks)
    return (
        per_unit([t for t in tasks if not t.lead_is_person], today),
        per_unit([t for t in tasks if t.lead_is_person], today),
    )


# ------------------------------------------------------------------------------ collation

# Vietnamese alphabet order: letters with breve/circumflex/horn and đ are letters of their own
# (a ă â b c d đ e ê ... o ô ơ ... u ư ...); tone marks only break ties (ngang, huyền, hỏi, ngã,
# sắc, nặng — the dictionary order). Runs of digits compare as numbers, so "Tổ dân phố 2" comes
# before "Tổ dân phố 10".
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # breve, circumflex, horn
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_TOKEN = re.compile(r"\d+|\D")

_Primary = tuple[str, int]


def _token_key(token: str) -> tuple[_Primary, int]:
    if token.isdigit():
        return ("", int(token)), 0  # "" sorts numbers before letters
    if token in "đĐ":
        return ("d", 9), 0
    decomposed = unicodedata.normalize("NFD", token.lower())
    base, marks = decomposed[0], decomposed[1:]
    letter = sum(_LETTER_MARKS.get(m, 0) for m in marks)
    tone = sum(_TONE_MARKS.get(m, 0) for m in marks)
    return (base, letter), tone


def vietnamese_sort_key(text: str) -> tuple[tuple[_Primary, ...], tuple[int, ...], str]:
    keys = [_token_key(token) for token in _TOKEN.findall(unicodedata.normalize("NFC", text))]
    return tuple(k for k, _ in keys), tuple(t for _, t in keys), text
