"""A commune's body gives the task: "UBND xã giao X …" (the giver's name ends in its level, as "UBND
tỉnh giao Sở …" does), not the word "xã giao" (courtesy), which blocks "giao" as an order."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.directive import parse_directive

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("UBND xã giao Công an xã kiểm tra tạm trú, tạm vắng trên địa bàn.", "Công an xã"),
        ("Chủ tịch UBND xã giao Văn phòng tổng hợp ý kiến cử tri.", "Văn phòng"),
        ("Ủy ban nhân dân xã giao công chức Tư pháp - Hộ tịch rà soát hồ sơ.", "công chức Tư pháp - Hộ tịch"),
        ("Đảng ủy xã giao Đoàn Thanh niên chủ trì tổ chức ngày ra quân.", "Đoàn Thanh niên"),
        ("UBND xa giao Cong an xa tuan tra ban dem.", "Cong an xa"),
    ],
)
def test_a_commune_body_that_gives_is_not_the_lead(text: str, lead: str) -> None:
    assert [a.text for a in parse_directive(text, TODAY).assignees.lead] == [lead]


def test_courtesy_is_still_no_order() -> None:
    # "xã giao" (courtesy) followed by no named body with its own work: not "giao" the order.
    parsed = parse_directive("Cán bộ một cửa cần có kỹ năng xã giao, niềm nở với người dân.", TODAY)
    assert [a.text for a in parsed.assignees.lead] == ["Cán bộ một cửa"]
