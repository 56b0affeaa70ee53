"""Who acts when the speaker picks, wishes or asks with a row of verbs, and words typed twice
(`domain/understand/lead_doers.py`, `domain/understand/lead_typos.py`, branch `leadjk`, seventh issue-11
session). Sentences written for these tests, in the classes the rules name; the dev sentences each class
was written from are named in comments (and in the rules' docstrings)."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees
from tests.domain.assignee_helpers import lead


# (a) A designation "X chọn / lấy / cử Y (làm | là) …": Y leads (LABELLING.md §4). Dev: G117-01, G089-01,
# J088-03; the subject keeps it for an indefinite object (F072-01).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Huyện đoàn chọn Đoàn thanh niên xã Hòa Bình tổ chức Đại hội điểm của huyện.",
            ["Đoàn thanh niên xã Hòa Bình"],
        ),
        (
            "Ban Thường vụ Huyện ủy chọn Chi bộ thôn Đông làm điểm chỉ đạo xây dựng chi bộ kiểu mẫu.",
            ["Chi bộ thôn Đông"],
        ),
        ("UBND xã đã cử cán bộ địa chính xuống kiểm tra hiện trạng và yêu cầu các hộ tháo dỡ.", ["cán bộ địa chính"]),
        ("Sở Nội vụ cử Phòng Công chức tham gia đoàn kiểm tra liên ngành.", ["Phòng Công chức"]),
        (
            "Thị trấn xác định lấy Hội Phụ nữ, Đoàn Thanh niên là hai đoàn thể nòng cốt của phong trào.",
            ["Hội Phụ nữ", "Đoàn Thanh niên"],
        ),
        # left to the subject: an indefinite place picked, "lấy" taking a thing, "bầu cử" and "cử tri"
        ("Các tỉnh đoàn còn lại chọn một phường làm điểm.", ["Các tỉnh đoàn còn lại"]),
        ("Trung tâm Y tế huyện lấy mẫu nước giếng để xét nghiệm.", ["Trung tâm Y tế huyện"]),
        ("Tại kỳ họp, Ủy ban bầu cử xã đã báo cáo tình hình chuẩn bị bầu cử.", None),
    ],
)
def test_designation(text: str, expected: list[str] | None) -> None:
    if expected is None:
        assert "xã" not in lead(text)  # never the place after "bầu cử" read as the one picked
    else:
        assert lead(text) == expected


# (b) A wish: "mong muốn / mong rằng Y …" asks Y (data/assign_verbs.txt, data/ask_verbs.txt); to the
# public, the one who wishes leads (§8 d). Dev: J045-01, G114-01.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bí thư Huyện ủy mong muốn các chi bộ tiếp tục phát huy vai trò hạt nhân chính trị.", ["các chi bộ"]),
        ("Đồng chí Phó Bí thư mong rằng Hội Nông dân sẽ tiếp tục nhân rộng mô hình.", ["Hội Nông dân"]),
        (
            "Chủ tịch UBND huyện mong muốn người dân tích cực tham gia tập luyện thể dục thể thao.",
            ["Chủ tịch UBND huyện"],
        ),
        (
            "Phát biểu tại buổi lễ Bí thư Đảng ủy xã Nguyễn Văn An mong muốn mọi tầng lớp nhân dân "
            "hưởng ứng phong trào.",
            ["Bí thư Đảng ủy xã Nguyễn Văn An"],
        ),
        # the noun "mong muốn" asks nobody
        ("Với mong muốn các em học tốt, nhà trường tổ chức lớp học thêm.", ["nhà trường"]),
    ],
)
def test_wish(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# (c) A row of asking verbs asks the addressee after its last verb. Dev: D081-02; class read right
# before: K005-01, B062-01, G098-01.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ủy ban MTTQ xã kêu gọi, vận động các doanh nghiệp, nhà hảo tâm đóng góp quỹ.",
            ["các doanh nghiệp, nhà hảo tâm"],
        ),
        ("UBND huyện yêu cầu, đề nghị các xã khẩn trương rà soát.", ["các xã"]),
        ("UBND tỉnh giao, yêu cầu Sở Xây dựng kiểm tra các công trình.", ["Sở Xây dựng"]),
        ("Đề nghị, yêu cầu các đơn vị báo cáo trước ngày 20.", ["các đơn vị"]),
        ("Sở Y tế chỉ đạo, yêu cầu các bệnh viện tăng cường trực.", ["các bệnh viện"]),
    ],
)
def test_verb_row(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# (d) A function word or a directing verb's last syllable typed twice is read once (lead_typos). Dev:
# A044-01, D088-01, F119-01; left: a syllable that ends one word and starts the next.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đồng thời chỉ đạo các các phòng chuyên môn rà soát hồ sơ.", ["các phòng chuyên môn"]),
        ("Đề nghị Chi bộ và và Ban Chi ủy các thôn tập trung thực hiện.", ["Chi bộ", "Ban Chi ủy các thôn"]),
        ("Sở chỉ đạo đạo các trường học kiểm tra an toàn thực phẩm.", ["các trường học"]),
        ("Xử lý nghiêm các hành vi vi phạm, đề nghị Công an xã tuần tra.", ["Công an xã"]),
    ],
)
def test_typed_twice(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_typed_twice_keeps_offsets() -> None:
    text = "Đồng thời chỉ đạo các các phòng chuyên môn rà soát hồ sơ."
    ref = parse_assignees(text).lead[0]
    assert text[ref.span[0] : ref.span[1]] == ref.text
