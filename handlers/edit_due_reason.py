"""qa17: the reason written after a corrected deadline, «/sua 9 han 15/12 theo ý kiến Trưởng ban».

`/sua N han …` read the whole answer as a deadline and dropped what followed the date: the person doing
the task was told a new deadline with no reason, and the task's history kept none, though the guide
promises «hạn mới, hạn cũ, ai sửa và lý do». The words outside the deadline phrase are the reason, as in
`/giahan` (handlers.progress._due_and_reason, domain.extension_reason.reason_of)."""

from __future__ import annotations

from datetime import date

from domain.extension_reason import reason_of
from domain.understand.deadlines import parse_deadline_answer


def due_edit_reason(answer: str, today: date) -> str | None:
    """What the editor wrote besides the new deadline, or None (only a date, or no deadline read)."""
    deadline = parse_deadline_answer(answer, today)
    if deadline.due is None or deadline.span is None:
        return None
    start, end = deadline.span
    return reason_of(answer[:start] + " " + answer[end:])
