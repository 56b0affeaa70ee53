"""Lead classes of the seventh issue-11 round (helper lead7, `domain/understand/lead_rules.py`, section
"round 7"). Sentences written for these tests, in the classes the rules name (the dev ids are in the
rules' docstrings)."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees
from tests.domain.assignee_helpers import lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A fronted purpose lists its verbs: the lower-case verb after its comma is more of the purpose.
        (
            "Để bảo đảm an toàn cho người dân vui xuân, đón Tết, lực lượng CSGT Công an huyện sẽ tăng cường tuần tra.",
            ["lực lượng CSGT Công an huyện"],
        ),
        (
            "Nhằm giúp người dân vui xuân, đón Tết, Ban Quản lý chợ Đồng Xuân phải bố trí thêm lực lượng bảo vệ.",
            ["Ban Quản lý chợ Đồng Xuân"],
        ),
        # ... or its nouns: the list inside the purpose is nobody; the clause after it says who is asked.
        (
            "Để bảo đảm an toàn của giáo viên, học sinh, cán bộ quản lý giáo dục và nhân dân, Sở Giáo dục "
            "yêu cầu hiệu trưởng các trường cho học sinh nghỉ học.",
            ["hiệu trưởng các trường"],
        ),
        (
            "Để bảo đảm quyền lợi của giáo viên, nhân viên, học sinh, cán bộ quản lý và phụ huynh, Sở Giáo "
            "dục đề nghị các trường công khai các khoản thu.",
            ["các trường"],
        ),
    ],
)
def test_a_purpose_keeps_its_commas(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: the subject right after the purpose's comma, with a modal or an assigning verb, stays.
        ("Để phòng chống dịch cho người dân, UBND các xã phải tăng cường kiểm tra.", ["UBND các xã"]),
        (
            "Để hỗ trợ giáo viên, học sinh, nhân viên nhà trường, Công đoàn ngành đề nghị các công đoàn "
            "cơ sở rà soát.",
            ["các công đoàn cơ sở"],
        ),
        (
            "Để thực hiện các mục tiêu, nhiệm vụ năm 2025, các cấp, các ngành cần tập trung chỉ đạo.",
            ["các cấp", "các ngành"],
        ),
    ],
)
def test_a_purpose_before_its_subject_is_read_as_before(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plural kind of body named by its trades ("V1, V2 + object"), then "thực hiện" or a modal:
        # the trades say which ones and stay in the name.
        (
            "Yêu cầu các cơ sở lưu trú, kinh doanh ăn uống thực hiện niêm yết giá công khai.",
            ["các cơ sở lưu trú, kinh doanh ăn uống"],
        ),
        (
            "Đề nghị các đơn vị quản lý, khai thác các bến thủy nội địa thực hiện kiểm tra phương tiện.",
            ["các đơn vị quản lý, khai thác các bến thủy nội địa"],
        ),
        (
            "Các cơ sở sản xuất, nhập khẩu thuốc thú y thực hiện kê khai giá trước ngày 15/3.",
            ["Các cơ sở sản xuất, nhập khẩu thuốc thú y"],
        ),
    ],
)
def test_a_kind_keeps_its_trades(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: verbs listed after the kind with no later predicate, or a next task after a comma,
        # or a purpose, are the predicate as before.
        ("Yêu cầu các đơn vị kiểm tra, xử lý vi phạm.", ["các đơn vị"]),
        ("Các đơn vị kiểm tra, xử lý nghiêm các vi phạm, khẩn trương báo cáo.", ["Các đơn vị"]),
        ("Đề nghị các trường rà soát, sửa chữa phòng học để thực hiện năm học mới.", ["các trường"]),
        (
            "Yêu cầu thành viên Ban Chỉ đạo bám sát địa bàn, thường xuyên kiểm tra việc thực hiện.",
            ["thành viên Ban Chỉ đạo"],
        ),
    ],
)
def test_verbs_after_a_kind_without_a_later_predicate_are_its_task(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_a_qualified_kind_keeps_its_verbs_as_its_task() -> None:
    # after "liên quan" (a qualifier already) the verbs are the coordinators' task, not their trades
    text = (
        "Giao Sở Công Thương chủ trì, phối hợp với các đơn vị liên quan đánh giá, tổng hợp báo cáo kết quả "
        "triển khai thực hiện Nghị định."
    )
    found = parse_assignees(text)
    assert [a.text for a in found.lead] == ["Sở Công Thương"]
    assert [a.text for a in found.support] == ["các đơn vị liên quan"]
    text = (
        "Để nâng cao nhận thức của nhân dân, Hội Nông dân tỉnh phối hợp với các cơ quan báo chí, đẩy mạnh "
        "công tác tuyên truyền kết quả thực hiện phong trào."
    )
    assert [a.text for a in parse_assignees(text).support] == ["các cơ quan báo chí"]
    text = "Đề nghị các tổ chức đoàn thể của huyện tiếp tục quán triệt, triển khai và tổ chức thực hiện tốt."
    assert lead(text) == ["các tổ chức đoàn thể của huyện"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plural group, ":" or "là", then two or more names in capitals: its members, one lead.
        (
            "Sở Nông nghiệp yêu cầu các trạm khuyến nông: Tân Phú, Tân Lập và Hòa Bình tổ chức tập huấn.",
            ["các trạm khuyến nông: Tân Phú, Tân Lập và Hòa Bình"],
        ),
        (
            "Hai xã vùng lũ là Tân Phú và Tân Lập phải hoàn thành di dời dân trước 17 giờ.",
            ["Hai xã vùng lũ là Tân Phú và Tân Lập"],
        ),
        (
            "Chi cục chỉ đạo các hạt kiểm lâm: Ba Vì, Sóc Sơn, Mỹ Đức về việc tăng cường tuần tra.",
            ["các hạt kiểm lâm: Ba Vì, Sóc Sơn, Mỹ Đức"],
        ),
    ],
)
def test_a_group_keeps_its_members(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: "là" before words in lower case, and an order in capitals after ":", are no members.
        ("Các xã là đơn vị điểm phải hoàn thành trước ngày 30/6.", ["Các xã"]),
        ("Chủ tịch UBND các xã: Khẩn trương triển khai phương án sơ tán.", ["Chủ tịch UBND các xã"]),
    ],
)
def test_no_members_without_names(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
