"""A unit's name or registered abbreviation, then words in capitals for emphasis, then the task
(domain/understand/caps_emphasis.py). The sentences are invented, of the class «/giao VPPL BÍ MẬT …»."""

from __future__ import annotations

from datetime import date

import pytest

from domain.types import KnownUnit
from domain.understand.caps_emphasis import is_syllable
from domain.understand.directive import parse_directive

UNITS = [
    KnownUnit(key="1", name="Văn phòng pháp lý", aliases=("VPPL",)),
    KnownUnit(key="2", name="Công an phường", aliases=("CA",)),
    KnownUnit(key="3", name="Ban biên tập", aliases=("BBT",)),
]
TODAY = date(2026, 11, 23)


def _lead(text: str) -> list[tuple[str, str | None]]:
    return [(r.text, r.unit_key) for r in parse_directive(text, TODAY, UNITS).assignees.lead]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("VPPL BÍ MẬT kiểm tra hồ sơ trước 15/12", [("VPPL", "1")]),
        ("CA KHẨN TRƯƠNG xác minh đơn thư của bà Lê Thị Hạnh", [("CA", "2")]),
        ("BBT LƯU Ý đăng tin lễ ra quân trước thứ Sáu", [("BBT", "3")]),
        ("Ban biên tập KHẨN TRƯƠNG cập nhật chuyên mục hỏi đáp", [("Ban biên tập", "3")]),
        ("Giao VPPL GẤP rà soát quy chế tiếp công dân", [("VPPL", "1")]),
        ("Đề nghị CA TUYỆT ĐỐI giữ bí mật danh sách", [("CA", "2")]),
    ],
)
def test_capitals_after_a_units_name_are_emphasis_and_the_unit_leads(text: str, lead: list[tuple[str, str]]) -> None:
    assert _lead(text) == lead


def test_the_role_words_in_capitals_still_say_who_leads_and_who_coordinates() -> None:
    found = parse_directive("VPPL CHỦ TRÌ, CA PHỐI HỢP rà soát hồ sơ đất đai", TODAY, UNITS).assignees
    assert [(r.text, r.unit_key) for r in found.lead] == [("VPPL", "1")]
    assert [(r.text, r.unit_key) for r in found.support] == [("CA", "2")]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # A longer name than the known one, in ordinary case or all in capitals: another body, as before.
        ("Văn phòng Điều phối nông thôn mới rà soát tiêu chí", [("Văn phòng Điều phối nông thôn mới", None)]),
        ("VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI rà soát tiêu chí", [("VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI", None)]),
        # An acronym or one short syllable after a name goes on naming.
        ("Đoàn TN tổ chức ra quân", [("Đoàn TN", "builtin:doan-tn")]),
        ("Hội đồng TƯ rà soát quy chế", [("Hội đồng TƯ", None)]),
    ],
)
def test_a_name_going_on_in_capitals_is_still_one_name(text: str, lead: list[tuple[str, str | None]]) -> None:
    assert _lead(text) == lead


def test_a_text_all_in_capitals_is_not_read_as_emphasis() -> None:
    assert _lead("ĐỀ NGHỊ UBND CÁC XÃ KHẨN TRƯƠNG RÀ SOÁT") != [("UBND", "builtin:ubnd")]


@pytest.mark.parametrize(("word", "syllable"), [
    ("BÍ", True), ("TRƯƠNG", True), ("NGHIÊNG", True), ("KHẨN", True),
    ("HĐND", False), ("TN", False), ("CĐS", False), ("VPPL", False), ("UBND", False),
])
def test_a_syllable_is_told_from_an_acronym(word: str, syllable: bool) -> None:
    assert is_syllable(word) is syllable
