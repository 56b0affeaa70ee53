"""«/giahan 3 thêm 1 tuần», «xin gia hạn thêm 10 ngày làm việc», «lùi 5 ngày nữa»: more time, as a length
added to the current deadline — how units ask for it in the group and under a reminder's «⏳ Xin gia hạn».

The deadline reader (domain.understand) reads «10 ngày» from today and «thêm 1 tuần» not at all: the unit was
shown only «Cách dùng: /giahan <số> <hạn mới>» (qa21). Counted from the current deadline, or from today when
that is already past (an overdue task given «thêm 1 tuần» is due a week from now, not a week after a day gone).
Months by dateutil's relativedelta (installed with matplotlib, declared in pyproject): 31/1 + 1 tháng = 28/2."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from domain.calendar import add_working_days
from domain.understand.textnorm import fold

# Matched on folded text (same length as the original, so the span cuts the original): the word that asks
# for more, the number, the unit, an optional «nữa».
_MORE = re.compile(
    r"(?<!\w)(?:them|lui|doi|keo dai)\s+(?:han\s+|thoi gian\s+)?(\d{1,3})\s+"
    r"(ngay lam viec|ngay|tuan|thang)(?!\w)(?:\s+nua(?!\w))?"
)


@dataclass(frozen=True)
class MoreTime:
    due: date
    span: tuple[int, int]  # where the phrase is in the text (the rest is the reason)


def more_time(text: str, current: date | None, today: date) -> MoreTime | None:
    """The new deadline a «thêm N ngày/ngày làm việc/tuần/tháng» asks for, or None when the text says none."""
    match = _MORE.search(fold(text).lower())
    if match is None or int(match.group(1)) == 0:
        return None
    n, unit = int(match.group(1)), match.group(2)
    base = max(current or today, today)
    if unit == "ngay lam viec":
        due = add_working_days(base, n)
    elif unit == "ngay":
        due = base + timedelta(days=n)
    elif unit == "tuan":
        due = base + timedelta(weeks=n)
    else:
        due = base + relativedelta(months=n)
    return MoreTime(due, match.span())
