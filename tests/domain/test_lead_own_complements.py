"""After «và», a kind with its own complement or its own determiner is another lead (LABELLING.md §13;
`domain/understand/lead_own_complements.py`, branch `leadlist2`, ninth issue-11 session). Sentences written
for these tests; the rule was written from X014-01, D057-01 and N046-05."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each side its own complement
        ("Đề nghị các cơ quan chức năng và đoàn thể huyện tuyên truyền về phòng cháy rừng.",
         ["các cơ quan chức năng", "đoàn thể huyện"]),
        ("Yêu cầu các đơn vị chủ rừng và cơ quan kiểm lâm trên địa bàn tăng cường tuần tra.",
         ["các đơn vị chủ rừng", "cơ quan kiểm lâm trên địa bàn"]),
        # its own determiner, before a kind whose first word is also a place noun ("tổ")
        ("Giao UBND phường và các tổ chức đoàn thể vận động nhân dân dọn vệ sinh.",
         ["UBND phường", "các tổ chức đoàn thể"]),
        ("Ủy ban MTTQ xã và các tổ chức thành viên giám sát việc bình xét hộ nghèo.",
         ["Ủy ban MTTQ xã", "các tổ chức thành viên"]),
    ],
)
def test_item_after_va_with_its_own_complement_or_determiner_is_a_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# One lead stays one: bare kinds sharing the list's determiner and complement, a group of people, kinds
# of one head, the places of one head, and «và» inside a name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đề nghị các phòng, ban và đơn vị liên quan rà soát hồ sơ.", ["các phòng, ban và đơn vị liên quan"]),
        ("Đề nghị các cơ quan, đơn vị và hộ dân chấp hành lịch thu gom rác.", ["các cơ quan, đơn vị và hộ dân"]),
        ("Đề nghị các hộ gia đình và cá nhân trên địa bàn chấp hành nghiêm.",
         ["các hộ gia đình và cá nhân trên địa bàn"]),
        ("Đề nghị các trường mầm non và trường tiểu học trên địa bàn rà soát cơ sở vật chất.",
         ["các trường mầm non và trường tiểu học trên địa bàn"]),
        ("Hội đồng NVQS huyện và các xã/thị trấn cần rà soát danh sách.", ["Hội đồng NVQS huyện và các xã/thị trấn"]),
        ("Giao Phòng Văn hóa và Thông tin chủ trì tuyên truyền.", ["Phòng Văn hóa và Thông tin"]),
        ("Giao Sở Tài nguyên và Môi trường chủ trì kiểm tra.", ["Sở Tài nguyên và Môi trường"]),
    ],
)
def test_one_lead_stays_one(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
