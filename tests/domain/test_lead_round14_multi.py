"""Tenth issue-11 session, branch `leadmulti`: several leads in one sentence, the later one missed (kind 2 of
`bench/README.md`, "Session 10 (branch leado)"). Sentences written for these tests, in the class the rule names; the
dev sentences it was written from are named in comments, never pasted."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees


def lead(text: str) -> list[str]:
    return [a.text for a in parse_assignees(text).lead]


def support(text: str) -> list[str]:
    return [a.text for a in parse_assignees(text).support]


# A second order after the clause that gave the first lead, set apart by ";" or by "và" + the speaker's asking verb
# again: each addressee leads (`domain/understand/lead_round14_multi.py`, LABELLING §12). Dev: L023-01 (";" after a
# subject's duty), L047-01 ("và đề nghị" after an order), O024-01 (", đồng chí đề nghị").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phòng Giáo dục cần rà soát lại đội ngũ giáo viên hợp đồng; đề nghị Phòng Nội vụ phối hợp với các trường "
         "thẩm định hồ sơ.", ["Phòng Giáo dục", "Phòng Nội vụ"]),
        ("Trạm Y tế xã tăng cường giám sát dịch sốt xuất huyết; yêu cầu Đoàn Thanh niên xã ra quân diệt lăng quăng "
         "tại các thôn.", ["Trạm Y tế xã", "Đoàn Thanh niên xã"]),
        ("Chủ tịch UBND xã đề nghị Ban Quản lý chợ sắp xếp lại các quầy hàng và đề nghị Hội Phụ nữ xã vận động hội "
         "viên bỏ túi ni lông.", ["Ban Quản lý chợ", "Hội Phụ nữ xã"]),
        ("Đảng ủy xã cần chỉ đạo chặt chẽ việc bầu cử trưởng thôn, đồng chí đề nghị Mặt trận Tổ quốc xã giám sát "
         "việc lập danh sách cử tri.", ["Đảng ủy xã", "Mặt trận Tổ quốc xã"]),
    ],
)
def test_a_later_separate_order_adds_its_addressee(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# What the rule leaves: the public asked after ";" (the body that asks leads its campaign, §8 c/d), a party that only
# coordinates the first lead's task (§9), the same party asked again, and a request inside one clause with no
# separator (the subject's own task, "… kiểm tra và đề nghị …").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các thôn phải hoàn thành việc di dời dân trước 17 giờ; yêu cầu nhân dân không ra khỏi nhà khi mưa lớn.",
         ["Các thôn"]),
        ("Giao Phòng Kinh tế chủ trì kiểm tra các cơ sở kinh doanh; đề nghị Công an xã phối hợp.", ["Phòng Kinh tế"]),
        ("UBND xã yêu cầu các đơn vị rà soát hộ nghèo; đồng thời yêu cầu các đơn vị báo cáo trước ngày 20/5.",
         ["các đơn vị"]),
        # "và" + another asking verb inside the addressee's own task: it asks upwards (§5), it is not the speaker
        ("Giao Phòng Y tế kiểm tra các điểm tiêm chủng và đề nghị Sở Y tế bổ sung vắc xin.", ["Phòng Y tế"]),
    ],
)
def test_what_is_not_a_second_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_a_coordinator_after_the_semicolon_stays_out_of_the_leads() -> None:
    text = "Giao Phòng Kinh tế chủ trì kiểm tra các cơ sở kinh doanh; đề nghị Công an xã phối hợp."
    assert "Công an xã" not in lead(text)
