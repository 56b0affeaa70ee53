"""Lead classes of the sixth issue-11 round (helper lead6, `domain/understand/lead_rules.py`, section
"round 6"). Sentences written for these tests, in the classes the rules name (the dev ids are in the
rules' docstrings)."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title over a plural kind: the lower-case kinds after "," or "và" are more of its complement.
        (
            "Yêu cầu hiệu trưởng các trường tiểu học và trường THCS bố trí giáo viên trực trong dịp hè.",
            ["hiệu trưởng các trường tiểu học và trường THCS"],
        ),
        (
            "Đề nghị bí thư các chi bộ, đảng bộ trực thuộc hoàn thành kiểm điểm trước ngày 20/12.",
            ["bí thư các chi bộ, đảng bộ trực thuộc"],
        ),
        (
            "Thủ trưởng các phòng chuyên môn, đơn vị sự nghiệp có trách nhiệm rà soát vị trí việc làm.",
            ["Thủ trưởng các phòng chuyên môn, đơn vị sự nghiệp"],
        ),
        # ... a name in capitals or a determiner of its own after the list starts another lead.
        (
            "Đề nghị cấp ủy các chi bộ, đảng bộ cơ sở, Hội Nông dân và các đoàn thể tổ chức học tập nghị quyết.",
            ["cấp ủy các chi bộ, đảng bộ cơ sở", "Hội Nông dân", "các đoàn thể"],
        ),
        # ... a title of its own is another lead.
        (
            "Giám đốc các sở, thủ trưởng các ban, ngành cấp tỉnh chỉ đạo thực hiện nghiêm.",
            ["Giám đốc các sở", "thủ trưởng các ban, ngành cấp tỉnh"],
        ),
    ],
)
def test_a_title_keeps_its_list(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_a_list_without_a_title_is_read_as_before() -> None:
    # no title: the kinds are not merged by this rule (LABELLING.md §13 decides them on their own)
    text = "Đề nghị các trường tiểu học và trường THCS bố trí giáo viên trực."
    assert lead(text) == ["các trường tiểu học", "trường THCS"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count written in words counts a group as digits do.
        ("Đề nghị hai xã khẩn trương báo cáo số hộ bị thiệt hại.", ["hai xã"]),
        ("Ba trường tiểu học phải hoàn thành sửa chữa phòng học trước ngày 15/8.", ["Ba trường tiểu học"]),
        ("Giao hai đồng chí Phó Chủ tịch UBND xã theo dõi tiến độ.", ["hai đồng chí Phó Chủ tịch UBND xã"]),
        # ... after ";", a second clause whose subject is counted in words: both lead.
        (
            "Đề nghị UBND xã giải quyết dứt điểm các kiến nghị; hai ban HĐND xã tăng cường giám sát.",
            ["UBND xã", "hai ban HĐND xã"],
        ),
    ],
)
def test_a_count_in_words(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year or a school year is no count
        ("Năm 2024, các xã phải hoàn thành chỉ tiêu giảm nghèo.", ["các xã"]),
        ("Trong năm học mới, các trường cần đổi mới phương pháp dạy học.", ["các trường"]),
    ],
)
def test_a_year_is_no_count(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An aside after a comma singles out some of those named: no lead and no item of its own.
        ("Yêu cầu các xã, nhất là các xã vùng cao, tăng cường phòng chống rét cho đàn gia súc.", ["các xã"]),
        ("Đề nghị các sở, ngành, đặc biệt là Sở Y tế, chủ động chuẩn bị phương án.", ["các sở, ngành"]),
        ("Các địa phương, nhất là các xã ven biển, phải sẵn sàng sơ tán dân.", ["Các địa phương"]),
        ("Các đơn vị, trong đó có Công an huyện, phải báo cáo trước ngày 10/5.", ["Các đơn vị"]),
        ("Các xã, kể cả các xã đã đạt chuẩn, tiếp tục rà soát các tiêu chí.", ["Các xã"]),
        # ... at the end of the sentence the aside is part of the task
        ("Yêu cầu các phòng tập trung hoàn thành các việc tồn đọng, nhất là việc quyết toán.", ["các phòng"]),
    ],
)
def test_an_aside_is_no_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The dot of an abbreviated place is inside the name, not the end of a clause: the subject of a
        # modal is read back across it.
        ("Đây là mục tiêu mà TP. Hà Nội phải đạt được vào ngày 1/5.", ["TP. Hà Nội"]),
        ("Đây là chỉ tiêu mà UBND TP. Hà Nội cần hoàn thành trong tháng 6.", ["UBND TP. Hà Nội"]),
        ("Đây là chỉ tiêu mà Công an Q. Long Biên cần hoàn thành trong tháng 6.", ["Công an Q. Long Biên"]),
        # ... a full stop still ends the clause before it
        ("Kết quả trên chưa đạt kế hoạch. Các xã cần khắc phục ngay.", ["Các xã"]),
    ],
)
def test_a_dotted_place_inside_a_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kinds of people listed with commas are one group at the start of a sentence or an item too:
        # the capital that position forces is no title's.
        ("Cán bộ, công chức xã phải chấp hành nghiêm giờ giấc làm việc.", ["Cán bộ, công chức xã"]),
        ("- Giáo viên, nhân viên phải có mặt trước 7 giờ.", ["Giáo viên, nhân viên"]),
        # ... titles written in capitals inside the sentence are still other leads
        ("Giám đốc Sở Y tế, Chủ tịch UBND huyện chỉ đạo thực hiện.", ["Giám đốc Sở Y tế", "Chủ tịch UBND huyện"]),
    ],
)
def test_a_group_of_people_at_the_start(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
