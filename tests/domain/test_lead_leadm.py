"""Corpus M's lead forms that recur in the pooled dev sets (branch `leadm`, eighth issue-11 session).
Sentences written for these tests, in the classes the rules name; the dev sentences each class was written
from are named in comments (never pasted here)."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees


def lead(text: str) -> list[str]:
    return [a.text for a in parse_assignees(text).lead]


# A compound noun whose second syllable is a verb on its own ("chương trình", "trật tự", "nuôi trồng",
# "cây trồng") stays inside a name (`data/name_verb_compounds.txt`; LABELLING §11). Dev: M028-01, M068-02,
# M084-01 (three documents of corpus M; the class of K's "hàng không").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban quản lý chương trình mục tiêu quốc gia huyện phải báo cáo trước ngày 10/5.",
         ["Ban quản lý chương trình mục tiêu quốc gia huyện"]),
        ("Trung tâm Giống cây trồng tỉnh cần cung ứng đủ giống cho vụ xuân.", ["Trung tâm Giống cây trồng tỉnh"]),
        ("Đề nghị Phòng Cảnh sát trật tự Công an tỉnh tăng cường tuần tra ban đêm.",
         ["Phòng Cảnh sát trật tự Công an tỉnh"]),
        ("Trạm Khuyến nông và Nuôi trồng thủy sản huyện có trách nhiệm hướng dẫn các hộ.",
         ["Trạm Khuyến nông và Nuôi trồng thủy sản huyện"]),
        # the same words after the name are the task's object, not part of the name
        ("UBND xã triển khai chương trình nông thôn mới.", ["UBND xã"]),
        ("Các xã cần rà soát trật tự đô thị.", ["Các xã"]),
    ],
)
def test_verb_compound_stays_in_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
