"""A period word followed by a number that is not one of its kind ("quý 202", "tháng 13", "tuần 60") is
no deadline. OCR misreads «quý I/2027» as «quý 202», people mistype «tháng 12» as «tháng 13»; the bare
period word ("hoàn thành trong quý" = this quarter) used to answer for them with the current period, a
confident wrong date the secretary had no reason to check. No deadline is shown as such in the preview,
which asks for one."""

from __future__ import annotations

from datetime import date

import pytest

from domain.types import DeadlineKind
from domain.understand.deadlines import parse_deadline

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "text",
    [
        "Văn phòng hoàn thành việc số hoá hồ sơ trong quý 202.",  # OCR of «quý I/2027»
        "Phòng Tài chính báo cáo quyết toán hết quý 7 năm 2027.",
        "Trạm Y tế tổng hợp số liệu tiêm chủng trong tháng 13.",
        "Công an phường rà soát hộ tạm trú xong trong tuần 60.",
        "Đoàn thanh niên tổ chức ra quân cuối tháng 14/2026.",
    ],
)
def test_a_period_with_an_impossible_number_is_no_deadline(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.NONE


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Văn phòng hoàn thành việc số hoá hồ sơ trong quý.", date(2026, 12, 31)),
        ("Văn phòng hoàn thành việc số hoá hồ sơ trong quý I/2027.", date(2027, 3, 31)),
        ("Phòng Tài chính báo cáo quyết toán hết quý 1 năm 2027.", date(2027, 3, 31)),
        ("Trạm Y tế tổng hợp số liệu tiêm chủng trong tháng 12.", date(2026, 12, 31)),
        ("Trạm Y tế tổng hợp số liệu tiêm chủng trong tháng.", date(2026, 12, 31)),
        ("Công an phường rà soát hộ tạm trú xong trong tuần.", date(2026, 12, 11)),
    ],
)
def test_the_period_itself_and_its_real_numbers_still_read(text: str, due: date) -> None:
    assert parse_deadline(text, TODAY).due == due
