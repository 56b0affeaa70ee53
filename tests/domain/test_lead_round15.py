"""Eleventh issue-11 session, branch `leadp`: lead rules written from the kinds analysis of corpus P dev
(`bench/README.md`, "Session 11 (branch leadp)"). Sentences written for these tests, in the classes the rules name;
the dev sentences each class was written from are named in comments, never pasted."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees


def lead(text: str) -> list[str]:
    return [a.text for a in parse_assignees(text).lead]


# Kind 7: a sentence that opens with a determined noun phrase whose head no list knows, straight to «phải / cần /
# có trách nhiệm» (`lead_round15.determined_subject_obliged`). Dev: P060-01, O064-01, L089-02.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tất cả xe khách tuyến cố định phải dừng hoạt động từ 12 giờ ngày 5/11.", ["Tất cả xe khách tuyến cố định"]),
        ("Các chủ ghe và chủ bè nuôi cá phải đưa người lên bờ trước khi bão vào.", ["Các chủ ghe và chủ bè nuôi cá"]),
        ("Mọi quầy hàng ăn uống trong chợ cần niêm yết giá công khai.", ["Mọi quầy hàng ăn uống trong chợ"]),
        ("Các tiệm cầm đồ cần khai báo tạm trú cho người làm thuê.", ["Các tiệm cầm đồ"]),
        ("Đối với các quán karaoke còn mở cửa phải bố trí lối thoát nạn.", ["các quán karaoke còn mở cửa"]),
    ],
)
def test_a_determined_subject_before_its_obligation_leads(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# What the rule leaves: things counted by «những», a negation «không phải», a passive after the modal, a comma
# before it (not one phrase), and a sentence whose subject the reader already reads (no fallback needed).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Những vướng mắc về mặt bằng cần sớm tháo gỡ.", []),
        ("Các khoản thu này không phải nộp vào ngân sách.", []),
        ("Các hộ phải di dời sẽ được bố trí tái định cư.", []),
        ("Các lô hàng tồn đọng phải được kiểm đếm trước khi bàn giao.", []),
        ("Các điểm trông giữ xe, nếu chưa đăng ký, phải tạm dừng.", []),
        ("Tất cả các hạng mục cải tạo phải đúng thiết kế được duyệt.", []),
        ("Các trường phải hoàn thành tuyển sinh trước ngày 30/7.", ["Các trường"]),
    ],
)
def test_what_the_obligation_rule_leaves(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# Two leads read as one: a comma list whose members each name a whole body (a head with its own complement, then a
# new head) becomes one lead per body (`lead_round15.own_complement_members`). Dev: P059-02, P066-01, G023-01.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Trưởng các bản, Ban nhân dân các bản vùng cao:Có trách nhiệm thông báo lịch tiêm tới từng hộ.",
         ["Trưởng các bản", "Ban nhân dân các bản vùng cao"]),
        ("Đề nghị Ban Quản lý chợ số 2, lực lượng công an phường, lực lượng dân phòng phối hợp kiểm tra.",
         ["Ban Quản lý chợ số 2", "lực lượng công an phường", "lực lượng dân phòng"]),
        ("Chủ tịch UBND tỉnh yêu cầu Tổ công tác 153, lực lượng kiểm lâm, lực lượng biên phòng tăng cường tuần tra.",
         ["Tổ công tác 153", "lực lượng kiểm lâm", "lực lượng biên phòng"]),
        ("Yêu cầu Sở Tư pháp, Thanh tra tỉnh, Cục thuế, Công an tỉnh rà soát hồ sơ các doanh nghiệp.",
         ["Sở Tư pháp", "Thanh tra tỉnh", "Cục thuế", "Công an tỉnh"]),
    ],
)
def test_members_each_with_their_own_complement_are_separate_leads(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# What stays one lead (§12, §37.5): bare bodies sharing one complement, one determiner over a list of kinds, one title
# over a determiner's list, a body named by a head word sharing a place, a name whose parts are not heads.
@pytest.mark.parametrize(
    "text",
    [
        "Yêu cầu Đảng ủy, UBND các xã rà soát hồ sơ.",
        "Yêu cầu thủ trưởng các phòng, ban liên quan rà soát hồ sơ.",
        "Yêu cầu lãnh đạo các sở, ngành có liên quan rà soát hồ sơ.",
        "Yêu cầu cấp ủy các chi bộ, đảng bộ cơ sở rà soát hồ sơ.",
        "Yêu cầu Ban Công an, Ban Chỉ huy quân sự xã rà soát hồ sơ.",
        "Giao Ban Tư pháp, Ban Chỉ huy quân sự phường phối hợp tuyên truyền luật.",
        "Yêu cầu các phòng chuyên môn, cơ quan, đơn vị rà soát hồ sơ.",
        "Yêu cầu Sở Văn hóa, Thể thao và Du lịch rà soát hồ sơ.",
        "Yêu cầu UBND huyện, thành phố Cà Mau rà soát hồ sơ.",
    ],
)
def test_lists_that_stay_one_lead(text: str) -> None:
    assert len(lead(text)) == 1
