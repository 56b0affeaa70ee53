"""qa16: a reminder's «Chủ trì» line has the icon every other screen gives the lead — 👤 a person, 🏢 a unit,
❓ a name nobody could place (domain.lead_kinds) — where it read a bare «Chủ trì: …»."""

from __future__ import annotations

from datetime import date

import pytest

from bot.texts import render_reminder
from domain.reminders import ReminderItem, ReminderKind


@pytest.mark.parametrize(("kind", "lead", "line"), [
    ("unit", "Công an phường", "🏢 Chủ trì: Công an phường"),
    ("person", "Trần Thị Hoa", "👤 Chủ trì: Trần Thị Hoa"),
    ("unknown", "Hùng", "❓ Chủ trì: Hùng"),
])  # fmt: skip
def test_the_lead_line_of_a_group_reminder_has_the_leads_icon(kind: str, lead: str, line: str) -> None:
    item = ReminderItem(task_id=1, number=4, text="Rà soát camera an ninh", committee="BCĐ phường",
                        due=date(2026, 12, 10), kind=ReminderKind.DUE, lead=lead, lead_kind=kind)  # fmt: skip
    assert line in render_reminder([item], date(2026, 12, 10), in_group=True).split("\n")
