"""Since the 2025 reorganisation a province's grassroots level is "xã, phường, đặc khu": "đặc khu" is a
level like "xã" and "phường" (it ends a body's name and is an item of a list of levels), so lists of
leads are not cut at it (dev CH32: "chủ tịch UBND phường, xã, đặc khu, thủ trưởng các cơ quan …")."""

from __future__ import annotations

from datetime import date

import pytest

from db.units import same_but_level
from domain.understand.directive import parse_directive

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        (
            "Đề nghị Chủ tịch UBND xã, phường, đặc khu, thủ trưởng các sở, ngành rà soát hồ sơ tồn đọng.",
            ["Chủ tịch UBND xã, phường, đặc khu", "thủ trưởng các sở, ngành"],
        ),
        ("Giao Công an đặc khu tuần tra, kiểm soát trên biển.", ["Công an đặc khu"]),
        ("UBND các phường, xã, đặc khu hoàn thành thu quỹ trong quý I/2027.", ["UBND các phường, xã, đặc khu"]),
    ],
)
def test_special_zone_is_a_level(text: str, leads: list[str]) -> None:
    assert [a.text for a in parse_directive(text, TODAY).assignees.lead] == leads


def test_a_special_zones_unit_is_the_registered_one_without_its_level() -> None:
    # "Trạm Y tế đặc khu" for a registered "Trạm Y tế": the committee's own, fuller name.
    assert same_but_level("Trạm Y tế đặc khu", "Trạm Y tế")
