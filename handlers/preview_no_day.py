"""qa17: an item of a /nhap preview whose deadline is words, not a day.

«… dự thảo báo cáo Ban thường vụ trước khi ban hành và áp dụng» was previewed «📅 Hạn: trước khi ban hành và
áp dụng», read by the secretary as a deadline the bot would keep; saved, the task had none («📅 Hạn: không có
hạn» in the unit's notice) and no reminder ever came. The preview now says it will have no deadline, and how
to give it one with the quick edit it already offers."""

from __future__ import annotations

from datetime import date

from bot import texts as T
from domain.types import Deadline, DeadlineKind
from handlers.task_actions import example_date


def no_day_flag(k: int, deadline: Deadline, today: date) -> str | None:
    """The warning under item `k` when its deadline phrase gives no day (urgent and recurring items are
    reminded by their own rules: not these)."""
    if deadline.due is not None or not deadline.phrase:
        return None
    if deadline.kind in (DeadlineKind.IMMEDIATE, DeadlineKind.RECURRING):
        return None
    return T.QA17_IMPORT_FLAG_NO_DAY.format(k=k, example=example_date(today))
