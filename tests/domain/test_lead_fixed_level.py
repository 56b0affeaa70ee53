"""A department or agency named in full (Sở …, Cục …) followed, after a comma, by a body with its place
is a lead of its own (`domain/understand/lead_fixed_level.py`; branch `leadlist2`, ninth issue-11
session). Sentences written for these tests; the rule was written from L059-01, L061-01 and F065-01."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead, support


# A Sở is always the province's, a Cục the central one's: its name needs no place and shares none
# (LABELLING.md §12, §29: "Thanh tra tỉnh, Cục Thuế, Công an tỉnh" → three leads).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Giao Sở Y tế, Công an tỉnh kiểm tra các cơ sở kinh doanh thuốc trước ngày 15/3.",
         ["Sở Y tế", "Công an tỉnh"]),
        ("UBND tỉnh giao Sở Tài nguyên và Môi trường, Công an tỉnh xử lý dứt điểm các điểm khai thác cát trái phép.",
         ["Sở Tài nguyên và Môi trường", "Công an tỉnh"]),
        ("Đề nghị Sở GTVT, Công an thành phố rà soát các điểm đen tai nạn giao thông.",
         ["Sở GTVT", "Công an thành phố"]),
        ("Giao Sở Nông nghiệp và Phát triển nông thôn, Bộ Chỉ huy Quân sự tỉnh chuẩn bị phương án ứng phó bão.",
         ["Sở Nông nghiệp và Phát triển nông thôn", "Bộ Chỉ huy Quân sự tỉnh"]),
        ("Yêu cầu Cục Quản lý thị trường, Công an tỉnh kiểm tra hàng giả dịp Tết.",
         ["Cục Quản lý thị trường", "Công an tỉnh"]),
    ],
)
def test_named_department_then_a_body_of_a_place_are_two_leads(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_the_same_list_after_phoi_hop_gives_two_coordinators() -> None:
    text = ("Sở Xây dựng chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch, Bưu điện tỉnh kiểm tra "
            "các công trình quảng cáo.")
    assert lead(text) == ["Sở Xây dựng"]
    assert support(text) == ["Sở Văn hóa, Thể thao và Du lịch", "Bưu điện tỉnh"]


# Guards: bodies of one commune named by their head share its place (§12); a name joined by «và» stays
# whole; an agency named through its parents is one name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Công an, Ban Chỉ huy quân sự xã tăng cường tuần tra dịp Tết.",
         ["Ban Công an, Ban Chỉ huy quân sự xã"]),
        ("Đảng ủy, UBND các xã chỉ đạo ra quân làm thủy lợi.", ["Đảng ủy, UBND các xã"]),
        ("Giao Phòng Văn hóa và Thông tin phối hợp với Đài Truyền thanh huyện tuyên truyền.",
         ["Phòng Văn hóa và Thông tin"]),
        ("Giao Sở Tài nguyên và Môi trường kiểm tra việc khai thác cát.", ["Sở Tài nguyên và Môi trường"]),
    ],
)
def test_shared_place_and_names_with_va_unchanged(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_agency_named_through_its_parent_stays_one_name() -> None:
    text = "Đề nghị Cục Thú y, Bộ Nông nghiệp và Phát triển nông thôn hướng dẫn các tỉnh tiêm phòng."
    assert lead(text) == ["Cục Thú y, Bộ Nông nghiệp và Phát triển nông thôn"]
    text = "Đề nghị Tổng cục Lâm nghiệp, Bộ Nông nghiệp và Phát triển nông thôn hướng dẫn các tỉnh."
    assert lead(text) == ["Tổng cục Lâm nghiệp, Bộ Nông nghiệp và Phát triển nông thôn"]
