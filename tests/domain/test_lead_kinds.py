"""domain/lead_kinds: which leads are people, units, or names nobody could place (the «Chủ trì» icon)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from domain.lead_kinds import bare_name, lead_kind


@pytest.mark.parametrize("label", ["Hùng", "Tuấn Anh", "Nguyễn Thị Thanh Hoa", "Nguyen Van Hung", "Mai"])
def test_a_persons_name_written_bare_is_a_bare_name(label: str) -> None:
    assert bare_name(label)


@pytest.mark.parametrize("label", [
    "Văn phòng", "Công an phường", "Cong An Phuong", "UBND", "MTTQ", "Ban Tuyên giáo", "Trạm Y Tế",
    "Tổ công nghệ số cộng đồng", "Hội Phụ Nữ", "Thôn Đông", "anh Tuấn", "@hung", "Hùng, Mai",
    "Nguyễn Thị Thanh Hoa Lan",
])
def test_units_titles_and_mentions_are_not(label: str) -> None:
    assert not bare_name(label)


def _lead(label: str, unit_id: int | None = None, person_id: int | None = None) -> SimpleNamespace:
    return SimpleNamespace(role="lead", label=label, unit_id=unit_id, person_id=person_id)


def test_the_kind_of_a_tasks_leads() -> None:
    assert lead_kind([_lead("Hùng")]) == "unknown"
    assert lead_kind([_lead("Hùng", person_id=3)]) == "person"
    assert lead_kind([_lead("Hùng", unit_id=2)]) == "unit"
    assert lead_kind([_lead("anh Tuấn"), _lead("@mai")]) == "person"
    assert lead_kind([_lead("anh Tuấn"), _lead("Hùng")]) == "unknown"
    assert lead_kind([_lead("Tổ công nghệ số"), _lead("Hùng")]) == "unit"
    assert lead_kind([]) == "unit"
