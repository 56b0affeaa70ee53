"""Lead classes of the fourth issue-11 round on the assignee reader (helper leadwho3). Sentences
written for these tests, in the classes the rules name (the dev ids are in the rules' comments)."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees


def lead(text: str) -> list[str]:
    return [a.text for a in parse_assignees(text).lead]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A second order after ", đồng thời" naming someone new: both lead (_also_asked).
        (
            "Tại buổi làm việc, đồng chí Chủ tịch UBND huyện yêu cầu các trường rà soát cơ sở vật chất, "
            "đồng thời đồng chí yêu cầu các thôn dừng các hoạt động đông người.",
            ["các trường", "các thôn"],
        ),
        (
            "Bí thư Đảng ủy xã đề nghị Ban Văn hóa xã tuyên truyền luật giao thông, đồng thời ông đề nghị "
            "Công an xã tăng cường tuần tra.",
            ["Ban Văn hóa xã", "Công an xã"],
        ),
        # ... the same addressee asked again is one lead.
        (
            "Giám đốc Sở đề nghị Phòng Y tế kiểm tra bếp ăn, đồng thời đồng chí đề nghị Phòng Y tế báo cáo "
            "kết quả.",
            ["Phòng Y tế"],
        ),
        # ... a statement before "đồng thời" is no order: the only order keeps its lead.
        ("Chủ tịch xã biểu dương các thôn, đồng thời đề nghị Ban Văn hóa xã tiếp tục tuyên truyền.",
         ["Ban Văn hóa xã"]),
        # ... "đồng thời" without a comma of its own is not a new clause here.
        ("Đề nghị Phòng Nội vụ rà soát hồ sơ và đồng thời hướng dẫn các xã.", ["Phòng Nội vụ"]),
    ],
)
def test_second_order_after_dong_thoi(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A force named by its task ("lực lượng" takes the word after it, as "Bộ phận giữ xe").
        ("Lực lượng bảo vệ kiểm tra thẻ ra vào tại cổng cơ quan.", ["Lực lượng bảo vệ"]),
        ("Đề nghị lực lượng bảo vệ dân phố tăng cường tuần tra ban đêm.", ["lực lượng bảo vệ dân phố"]),
        ("Lực lượng dân quân trực tại trụ sở trong dịp Tết.", ["Lực lượng dân quân"]),
        # ... a plural kind has no name: the verb after it is the predicate.
        ("Các lực lượng tăng cường tuần tra trên các tuyến đường.", ["Các lực lượng"]),
    ],
)
def test_force_named_by_its_task(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
