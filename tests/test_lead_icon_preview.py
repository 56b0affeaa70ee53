"""The /nhap preview draws the «Chủ trì» icon by the same rule as the card (domain/lead_kinds): a bare name
nobody could place is ❓, not the unit icon 🏢 (product13)."""

from __future__ import annotations

from datetime import date

from domain.types import AssigneeRef, Assignees, Deadline, DeadlineKind, ParsedDirective
from handlers.importing import _item_lines, directive_to_json
from tests.conftest import no_database

pytestmark = no_database
TODAY = date(2026, 11, 23)


def _preview(*lead: AssigneeRef) -> str:
    d = ParsedDirective(
        text="Rà soát camera an ninh", assignees=Assignees(lead=lead),
        deadline=Deadline(DeadlineKind.DATE, date(2026, 12, 15), "trước ngày 15/12"),
    )
    return _item_lines(1, directive_to_json(d), TODAY)


def test_the_preview_icons() -> None:
    assert "❓" in _preview(AssigneeRef("Tuấn Anh")) and "🏢" not in _preview(AssigneeRef("Tuấn Anh"))
    assert "👤" in _preview(AssigneeRef("anh Tuấn"))
    assert "🏢" in _preview(AssigneeRef("Văn phòng", "builtin:van-phong-hdnd-ubnd"))
    assert "🏢" in _preview(AssigneeRef("Tổ công nghệ số cộng đồng"))
