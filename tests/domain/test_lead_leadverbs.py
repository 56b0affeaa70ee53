"""Lead forms of branch `leadverbs` (ninth issue-11 session). Sentences written for these tests, in the
classes the rules name; the dev sentences each class was written from are named in comments (never pasted)."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


# The subject of a programme sentence right before «sẽ» (`lead_will_subject`): «A hoặc B sẽ …», «X cho biết(,)
# sẽ …», «Chúng tôi sẽ …» (LABELLING §4, §10: «chúng tôi» copied as written). Dev: N029-01, N029-02, N009-01
# (corpus N), M006-01 (corpus M).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theo đó, Chủ tịch UBND huyện hoặc Phó Chủ tịch UBND huyện sẽ tiếp công dân vào ngày 15 hàng tháng.",
         ["Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện"]),
        # a bare title before «hoặc» shares the body named after it: one lead
        ("Ngoài ra, Giám đốc hoặc Phó Giám đốc Sở Tư pháp sẽ tiếp công dân đột xuất khi cần.",
         ["Giám đốc hoặc Phó Giám đốc Sở Tư pháp"]),
        ("Các cơ quan chức năng cho biết sẽ siết chặt việc đào đường trong dịp Tết.", ["Các cơ quan chức năng"]),
        ("Lãnh đạo Ban quản lý dự án huyện cho biết, sẽ cho nhà thầu tạm dừng thi công vào dịp Tết.",
         ["Lãnh đạo Ban quản lý dự án huyện"]),
        ("Chúng tôi sẽ họp lại với phụ huynh để thống nhất các khoản thu.", ["Chúng tôi"]),
        ("“Chúng tôi sẽ kiểm tra lại toàn bộ hồ sơ trong tuần này.", ["Chúng tôi"]),
    ],
)
def test_subject_before_will_leads(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dự kiến sẽ có khoảng hai triệu học sinh được tiêm trong năm nay.",  # no subject before «sẽ»
        "Theo kế hoạch, trong tháng 12 sẽ khởi công cây cầu mới.",  # a time, not a subject
    ],
)
def test_nobody_before_will_names_nobody(text: str) -> None:
    assert lead(text) == []
