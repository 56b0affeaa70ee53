# ruff: noqa: E501  (real-looking sentences are long)
"""Deadline rules of the eighth round (branch deadl8, issue 11, pooled dev sets): each test is one class of
sentence, with sentences written for the test (not copied from the corpus); the rule's comment in
domain/understand/deadline_round8.py names the dev sentences of its class."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.deadlines import parse_deadline

TODAY = date(2027, 3, 1)  # a Monday


def reading(text: str, today: date = TODAY) -> str:
    d = parse_deadline(text, today)
    return f"{d.kind.value} {d.due or ''} {d.cadence.value if d.cadence else ''}".strip()


# --- a day whose own clause reports what happened is no deadline ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Trước đó vào ngày 12/8 đã xảy ra vụ cháy kho hàng tại cụm công nghiệp, UBND huyện yêu cầu các xã rà soát phương án chữa cháy.",
        "Được biết, vào ngày 3/4 vừa qua tại Km 15 quốc lộ 1 đã xảy ra vụ tai nạn, Sở Giao thông vận tải đề nghị Công an tỉnh tăng cường tuần tra.",
        "Trước đó, vào lúc 9 giờ 30 phút ngày 20/5 vừa rồi, một trận lốc xoáy làm tốc mái 30 ngôi nhà, huyện yêu cầu các xã thống kê thiệt hại.",
        "Để kịp thời chấn chỉnh, ngày 18/6/2027 Giám đốc Sở Y tế có công văn số 1520/SYT-NV yêu cầu các bệnh viện rà soát quy trình khám bệnh.",
        "Nhằm bảo đảm an toàn thực phẩm, ngày 10/9 Ban Quản lý an toàn thực phẩm đã ban hành văn bản đề nghị các quận kiểm tra bếp ăn tập thể.",
    ],
)
def test_a_day_its_clause_reports_is_no_deadline(text: str) -> None:
    assert reading(text) == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the work's day, a "và" or a modal before any report word
        ("Các xã tổ chức lễ ra quân vào ngày 15/4 và ban hành kế hoạch tuyên truyền.", "date 2027-04-15"),
        ("Vào ngày 20/3 các trường phải báo cáo kết quả đã đạt được trong học kỳ I.", "date 2027-03-20"),
        # a deadline word governs the day: a report after it changes nothing
        ("Các xã hoàn thành rà soát trước ngày 15/4 đã được UBND huyện giao tại cuộc họp.", "date 2027-04-15"),
        ("Hội nghị tổng kết tổ chức vào ngày 26/3 tại hội trường, đề nghị các đơn vị chuẩn bị báo cáo.", "date 2027-03-26"),
    ],
)
def test_the_works_day_stays(text: str, expected: str) -> None:
    assert reading(text) == expected
