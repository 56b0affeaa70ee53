"""The names of a task's states, defined once for every place that shows them.

The Monday summary, `/tonghop`, the Excel workbook and the chart all count the same four states
(plus cancelled). If the workbook said "Hoàn thành quá hạn" and the summary "Xong trễ hạn", a
committee comparing the two would think they measure different things, so the wording lives here
and both import it. It is in `domain/` rather than `bot/texts.py` because the workbook and chart
are built in `domain/` (pure, testable), which must not import `bot/`; `bot/texts.py` may import
these names if a message needs them.
"""

from __future__ import annotations

from types import MappingProxyType

from domain.types import TaskState

# The four states committees count, in the order a report lists them ("hoàn thành (đúng hạn /
# quá hạn), đang thực hiện (trong hạn / quá hạn)"). Cancelled tasks are shown but not counted.
COUNTED_STATES: tuple[TaskState, ...] = (
    TaskState.DONE_ON_TIME,
    TaskState.DONE_LATE,
    TaskState.OPEN_ON_TIME,
    TaskState.OPEN_OVERDUE,
)

ALL_STATES: tuple[TaskState, ...] = (*COUNTED_STATES, TaskState.CANCELLED)

# Sentence case, full diacritics: they appear mid-sentence in messages and as cell values.
STATE_LABELS: MappingProxyType[TaskState, str] = MappingProxyType(
    {
        TaskState.DONE_ON_TIME: "Hoàn thành đúng hạn",
        TaskState.DONE_LATE: "Hoàn thành quá hạn",
        TaskState.OPEN_ON_TIME: "Đang thực hiện trong hạn",
        TaskState.OPEN_OVERDUE: "Đang thực hiện quá hạn",
        TaskState.CANCELLED: "Đã huỷ",
    }
)
