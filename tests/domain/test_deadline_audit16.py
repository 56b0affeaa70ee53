"""False triggers of the deadline grammar found by branch deadaudit's audit (domain/understand/deadline_audit16.py):
invented sentences of each class, the misfire and the true use side by side."""

from datetime import date

import pytest

from domain.types import Cadence, DeadlineKind
from domain.understand.deadlines import parse_deadline

TODAY = date(2026, 3, 10)


# --- «hàng» closing a noun before a named period is no cadence ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Sở Tài chính chủ trì hội nghị triển khai nhiệm vụ ngân hàng năm 2026 của tỉnh.",
        "Đội Quản lý thị trường kiểm soát giá các mặt hàng tháng Tết trên địa bàn.",
        "Chi nhánh điện lực rà soát danh sách khách hàng năm 2025 chưa thanh toán.",
        "Phòng Kinh tế tổng hợp số liệu các cửa hàng tháng 2 để báo cáo.",
        "Kiem tra danh sach khach hang nam 2026.",  # written without accents: the same reading
    ],
)
def test_a_nouns_hang_before_a_named_period_is_no_cadence(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is not DeadlineKind.RECURRING


@pytest.mark.parametrize(
    ("text", "cadence"),
    [
        ("Các xã báo cáo kết quả hàng tháng về Văn phòng UBND huyện.", Cadence.MONTHLY),
        ("Tổ công tác kiểm tra các mặt hàng thiết yếu hằng tuần.", Cadence.WEEKLY),
        ("Ban chỉ đạo họp giao ban hàng tháng 2 lần.", Cadence.MONTHLY),
        ("Đoàn kiểm tra liên ngành kiểm tra hàng năm 2 đợt.", Cadence.YEARLY),
    ],
)
def test_a_cadence_and_its_count_stay_a_cadence(text: str, cadence: Cadence) -> None:
    found = parse_deadline(text, TODAY)
    assert (found.kind, found.cadence) == (DeadlineKind.RECURRING, cadence)


# --- «tháng sáu» is June, «tháng sau» next month -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Các phòng chuyên môn hoàn thành việc rà soát trong tháng sáu.", date(2026, 6, 30)),
        ("Sở Nội vụ trình đề án trong tháng Sáu năm 2027.", date(2027, 6, 30)),
        # the true "next month", written with its accents and without
        ("Các phòng chuyên môn hoàn thành việc rà soát trong tháng sau.", date(2026, 4, 30)),
        ("Cac phong chuyen mon hoan thanh viec ra soat trong thang sau.", date(2026, 4, 30)),
    ],
)
def test_the_sixth_month_is_not_the_next(text: str, due: date) -> None:
    found = parse_deadline(text, TODAY)
    assert (found.kind, found.due) == (DeadlineKind.MONTH, due)


def test_a_lunar_sixth_month_is_not_read_as_june() -> None:
    text = "Ban quản lý di tích tổ chức lễ vào ngày rằm tháng sáu âm lịch."
    assert parse_deadline(text, TODAY).kind is DeadlineKind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Các xã gửi báo cáo hằng tuần tới Văn phòng UBND huyện.",
        "Phòng Tài chính tổng hợp số liệu hàng tháng sau khi các xã gửi về.",
        "Các đơn vị gửi báo cáo hàng tháng qua hệ thống quản lý văn bản.",
        "Các xã báo cáo kết quả hàng tháng\n2. Giao Phòng Nội vụ theo dõi.",
    ],
)
def test_a_cadence_before_a_preposition_or_an_item_stays_a_cadence(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.RECURRING


# --- «hạng» (a rank) and «hãng» (a firm) are not the cadence «hằng» ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Sở Nội vụ công bố kết quả xếp hạng tuần của các xã trên cổng thông tin.",
        "Các trường được xếp hạng tháng trước phải rà soát lại tiêu chí.",
    ],
)
def test_a_rank_is_no_cadence(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is not DeadlineKind.RECURRING


@pytest.mark.parametrize(
    "text",
    [
        "Sở Nội vụ tổ chức xét thăng hạng hàng năm cho viên chức.",
        "Cong bo xep hang tuan cua cac xa.",  # written without accents: ambiguous, the old reading
    ],
)
def test_a_rank_beside_a_cadence_keeps_the_cadence(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.RECURRING
