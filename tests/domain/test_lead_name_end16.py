"""Session 12, branch `leadend`: where a name ends before its predicate (`lead_name_end16`; bench/README.md,
"Session 12 (branch leadend)"). Sentences written for these tests in the classes the rules name; the dev
sentences each class was written from are named in comments, never pasted."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees


def lead(text: str) -> list[str]:
    return [a.text for a in parse_assignees(text).lead]


# Class A: the name cut before its own qualifier — a body, a person or a place noun run, or a scope phrase — with
# the predicate opening only after it, at a modal or an actor's adverb. Dev: L028-02 (L), D088-01 (D), Q017-01 (Q).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đề nghị các đồng chí cấp ủy các xóm tập trung vận động nhân dân thu hoạch lúa.",
         ["các đồng chí cấp ủy các xóm"]),
        ("Đề nghị đồng chí Bí thư cấp ủy các chi bộ tập trung kiểm điểm đảng viên.",
         ["đồng chí Bí thư cấp ủy các chi bộ"]),
        ("Yêu cầu mỗi cán bộ, đảng viên trong hệ thống chính trị của xã tiếp tục gương mẫu chấp hành.",
         ["mỗi cán bộ, đảng viên trong hệ thống chính trị của xã"]),
        ("Yêu cầu mỗi cán bộ, công chức trong bộ máy của phường phải nêu gương.",
         ["mỗi cán bộ, công chức trong bộ máy của phường"]),
    ],
)
def test_a_name_runs_over_its_qualifier_to_the_actor_word(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# What class A leaves: a named body's own predicate («cho phép» is a verb no list holds; a permission names no
# lead), the predicate's adverb right after the name («trước mắt»), the predicate that opens at once with a verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Y tế cho phép các bệnh viện chủ động bố trí lịch trực.", []),
        ("Chủ tịch UBND huyện đề nghị Phòng Tài chính trước mắt phải rà soát các khoản chi.", ["Phòng Tài chính"]),
        ("Đề nghị các đồng chí rà soát danh sách các hộ, chủ động báo cáo.", ["các đồng chí"]),
    ],
)
def test_what_the_qualifier_rule_leaves(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
