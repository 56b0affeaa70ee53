"""Building TaskViews for the report tests: one task per state, with readable defaults."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.types import TaskStatus, TaskView

TODAY = date(2026, 11, 20)


def task(number: int, **overrides: Any) -> TaskView:
    fields: dict[str, Any] = {
        "number": number,
        "text": f"Nhiệm vụ số {number}",
        "status": TaskStatus.OPEN,
        "lead": "Văn phòng",
        "support": (),
        "assigned_on": date(2026, 11, 2),
        "due_original": date(2026, 11, 30),
        "due_current": date(2026, 11, 30),
    }
    fields.update(overrides)
    if "due_original" in overrides and "due_current" not in overrides:
        fields["due_current"] = fields["due_original"]
    return TaskView(**fields)


def one_of_each_state() -> list[TaskView]:
    """#1 done on time, #2 done late, #3 open on time, #4 open overdue, #5 cancelled (as of TODAY)."""
    return [
        task(1, status=TaskStatus.DONE, done_on=date(2026, 11, 10), due_original=date(2026, 11, 15)),
        task(2, status=TaskStatus.DONE, done_on=date(2026, 11, 18), due_original=date(2026, 11, 15)),
        task(3, due_original=date(2026, 11, 30)),
        task(4, due_original=date(2026, 11, 16)),
        task(5, status=TaskStatus.CANCELLED, cancelled_on=date(2026, 11, 12)),
    ]
