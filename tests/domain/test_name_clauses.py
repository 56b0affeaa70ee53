"""A kind's restrictive clause run on to the predicate's modal (branch `names2`,
`domain/understand/name_clauses.py`). Sentences written for these tests, in the class the rule names
(the dev ids are in its docstring), and sentences it must leave alone."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a marker of polarity or time after the kind, its clause (with numbers, "và" between nouns), a modal
        (
            "Sở chỉ đạo các trường vốn không tổ chức học 2 buổi thứ bảy và chủ nhật sẽ bố trí lịch học bù.",
            ["các trường vốn không tổ chức học 2 buổi thứ bảy và chủ nhật"],
        ),
        (
            "Huyện mong muốn các chi bộ, đảng viên sau khi được chuyển sinh hoạt tiếp tục giữ vững vai trò.",
            ["các chi bộ, đảng viên sau khi được chuyển sinh hoạt"],
        ),
        (
            "Các hộ dân sau khi nhận bàn giao mặt bằng sẽ tự xây dựng hàng rào.",
            ["Các hộ dân sau khi nhận bàn giao mặt bằng"],
        ),
        (
            "Tỉnh yêu cầu các xã chưa hoàn thành kiểm kê đất đai tiếp tục rà soát hồ sơ.",
            ["các xã chưa hoàn thành kiểm kê đất đai"],
        ),
        (
            "Tỉnh đề nghị các trường chưa được công nhận chuẩn quốc gia tiếp tục đầu tư cơ sở vật chất.",
            ["các trường chưa được công nhận chuẩn quốc gia"],
        ),
    ],
)
def test_clause_runs_to_the_modal(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prohibition is the predicate itself
        ("Các cơ sở không được bán hàng rong và phải niêm yết giá.", ["Các cơ sở"]),
        ("Các đơn vị không để xảy ra cháy nổ và tiếp tục kiểm tra.", ["Các đơn vị"]),
        # two predicates joined by "và": the first is no clause
        ("Các xã đã hoàn thành tiêm chủng và cần báo cáo kết quả.", ["Các xã"]),
        # someone acted upon inside the would-be clause
        ("Các đơn vị đã vận động nhân dân sẽ tổ chức ra quân.", ["Các đơn vị"]),
    ],
)
def test_clause_left_alone(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
