"""Parsing /caidat values (pure): times, reminder offsets, weekdays, quiet hours."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.understand.textnorm import fold

_TIME = re.compile(r"^(\d{1,2})(?:\s*[:h.]\s*(\d{2})?)?$")
_WEEKDAYS = {
    "thu2": 0, "thu hai": 0, "t2": 0, "monday": 0, "mon": 0,
    "thu3": 1, "thu ba": 1, "t3": 1, "tuesday": 1,
    "thu4": 2, "thu tu": 2, "t4": 2, "wednesday": 2,
    "thu5": 3, "thu nam": 3, "t5": 3, "thursday": 3,
    "thu6": 4, "thu sau": 4, "t6": 4, "friday": 4,
    "thu7": 5, "thu bay": 5, "t7": 5, "saturday": 5,
    "cn": 6, "chu nhat": 6, "sunday": 6,
}  # fmt: skip
MAX_OFFSET_DAYS = 30
@dataclass(frozen=True)
class ReportHeading:
    """Who issues the committee's report (/baocao, the heading of /xuat): set with /caidat coquan,
    diadanh, nguoiky, kyhieu, or asked for once by /baocao."""

    committee: str
    agency: str | None = None
    place: str | None = None
    signer: str | None = None
    code: str | None = None


# The committee's abbreviation in its report's number line («Số: …/BC-BCĐ») until the chair sets one.
DEFAULT_REPORT_CODE = "BCĐ"


class SettingError(ValueError):
    pass


def parse_time(text: str) -> str:
    """'8', '8h', '8:30', '08.30', '8h30' -> 'HH:MM'."""
    m = _TIME.match(fold(text).strip())
    if not m:
        raise SettingError(text)
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise SettingError(text)
    return f"{hour:02d}:{minute:02d}"


def parse_offsets(text: str) -> list[int]:
    """'3,1,0' / '3 1 0' -> [3, 1, 0]: working days before the due day (0 = on the day)."""
    parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    if not parts:
        raise SettingError(text)
    try:
        values = sorted({int(p) for p in parts}, reverse=True)
    except ValueError as exc:
        raise SettingError(text) from exc
    if any(v < 0 or v > MAX_OFFSET_DAYS for v in values):
        raise SettingError(text)
    return values


def parse_weekday(text: str) -> int:
    key = " ".join(fold(text).split())
    if key not in _WEEKDAYS:
        raise SettingError(text)
    return _WEEKDAYS[key]


def parse_quiet_hours(text: str) -> tuple[str, str]:
    """'20:00-07:00' / '20h - 7h' -> ('20:00', '07:00')."""
    parts = [p for p in re.split(r"\s*(?:-|–|\bden\b)\s*", fold(text).strip()) if p]
    if len(parts) != 2:
        raise SettingError(text)
    return parse_time(parts[0]), parse_time(parts[1])


def parse_positive(text: str, maximum: int) -> int:
    try:
        value = int(text.strip())
    except ValueError as exc:
        raise SettingError(text) from exc
    if not 1 <= value <= maximum:
        raise SettingError(text)
    return value
