"""Deadline rules of the ninth round (branch deadl9, seventh issue-11 session).

Each rule names the kind of sentence it serves and the dev sentences of its class; the tests
(`tests/domain/test_deadline_round9.py`) use sentences written for them. The convention they follow is
LABELLING.md §30 (days of the sentence before: start days, event days, days off).
"""

from __future__ import annotations

from domain.types import Deadline, DeadlineKind
from domain.understand.textnorm import fold

# --- a start day of the sentence before is carried only to the measure it starts -------------------------
# Kind of sentence: a task whose only time is a start day written in the sentence before, for a measure or
# a campaign there ("Tháng cao điểm … bắt đầu từ ngày 17-10." then "Đồng thời, kêu gọi nhân dân ủng hộ
# quỹ …"; "từ ngày 23/9, Chi cục … sẽ tổ chức tiêu độc …" then "Theo đó, … Chi cục cung cấp thuốc sát trùng
# …"). A start day is a deadline only of the measure that starts (§23); another task that runs during the
# campaign is not due that day (LABELLING §30.1). It is carried when the sentence points back to that time
# ("theo thời gian trên", "trong thời gian này") or announces the measure to those it concerns ("thông báo
# …", "triển khai đến …", "phổ biến …": it must be out before the start, CJ15, CJ16, CI03 of the
# conclusion sets). Dev: D083-01 (D), K095-02 (K) not carried; CJ15, CJ16 (J conclusions), CI03 (I)
# carried (there by the conclusion splitter, which does not carry at all yet). An end ("đến ngày 25.9",
# "từ nay đến 20/1") and an event's day ("vào ngày 20-2") are carried as before (G082-01, G117-01,
# K046-01).
_START_WORDS = ("tu ", "ke tu ", "bat dau tu ", "tinh tu ", "bat dau ngay ")
_END_WORDS = (" den ", " toi ", " cho den ")
_POINTS_BACK = (
    "thoi gian tren", "thoi gian noi tren", "thoi gian neu tren", "thoi gian nay", "thoi gian do",
    "thoi gian nghi", "thoi diem tren", "thoi diem nay", "ngay tren", "ngay nay",
    "thong bao", "trien khai den", "trien khai toi", "pho bien",
)  # fmt: skip


def start_day_carried(text: str, carried: Deadline) -> bool:
    """Whether `carried`, a deadline read in the sentence before `text`, applies to `text`.

    False only for a day that is a start day alone (no end) while `text` neither points back to that
    time nor announces the measure."""
    if carried.kind is not DeadlineKind.DATE or not carried.phrase:
        return True
    phrase = fold(carried.phrase)
    if not phrase.startswith(_START_WORDS) or any(w in phrase for w in _END_WORDS):
        return True
    folded = fold(text)
    return any(w in folded for w in _POINTS_BACK)
