"""Labelling conventions the lead reader follows (`domain/understand/lead_conventions.py`, branch `conv`,
sixth issue-11 session). Sentences written for these tests, in the classes the rules name; the dev
sentences each class was written from are named in comments (and in the rules' docstrings)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.assignees import assignees_from_context
from domain.understand.directive import parse_directive
from tests.domain.assignee_helpers import lead


# (a) A letter "gửi Y (về việc) <task>": the receivers lead, each title or named body its own lead
# (LABELLING.md §7, §29 (22)). Dev: K006-01, K008-01, K081-01, K091-01 (K), J066-03's context (J),
# G028-01, G029-01 (G); already right and kept so: K043-01, K058-01, J059-01, J076-02, G030-01, F131-01.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # receivers with verb-words inside their names, up to "về việc"
        (
            "Cục Trồng trọt vừa có công điện gửi Giám đốc Sở Nông nghiệp và Phát triển nông thôn các tỉnh, "
            "thành phố vùng Tây Nguyên, Giám đốc các công ty quản lý khai thác hồ chứa liên tỉnh về việc "
            "điều tiết nước tưới cho cà phê.",
            [
                "Giám đốc Sở Nông nghiệp và Phát triển nông thôn các tỉnh, thành phố vùng Tây Nguyên",
                "Giám đốc các công ty quản lý khai thác hồ chứa liên tỉnh",
            ],
        ),
        # named bodies and a title, then "về" + the topic (not "về việc")
        (
            "Chủ tịch Ủy ban Quốc gia phòng chống thiên tai vừa có công điện gửi Bộ Xây dựng, Bộ Quốc phòng, "
            "Chủ tịch UBND các tỉnh ven biển về các biện pháp cấp bách ứng phó triều cường.",
            ["Bộ Xây dựng", "Bộ Quốc phòng", "Chủ tịch UBND các tỉnh ven biển"],
        ),
        # "ban hành" + the letter, then the receivers' task after an adverb
        (
            "Bộ Tư pháp ban hành Công văn số 512/BTP-TĐKT gửi các Tổng cục, Cục, Vụ, đơn vị thuộc Bộ "
            "tiếp tục rà soát hồ sơ khen thưởng.",
            ["các Tổng cục, Cục, Vụ, đơn vị thuộc Bộ"],
        ),
        # "quán triệt tới" + names to the sentence end
        (
            "Tổng cục Thuế vừa có công điện quán triệt tới cục trưởng Cục Thuế các tỉnh, Giám đốc Trung tâm "
            "Dữ liệu thuế.",
            ["cục trưởng Cục Thuế các tỉnh", "Giám đốc Trung tâm Dữ liệu thuế"],
        ),
        # a count of bodies written with a slash
        (
            "Cục Trồng trọt vừa có công điện khẩn gửi 9 tỉnh/thành phố vùng Đồng bằng sông Cửu Long về việc "
            "xuống giống vụ Hè Thu.",
            ["9 tỉnh/thành phố vùng Đồng bằng sông Cửu Long"],
        ),
        # a new determiner and "cùng" start new receivers
        (
            "Sở Y tế đã có công văn khẩn gửi UBND các xã, thị trấn cùng các trạm y tế về việc chủ động "
            "phòng chống dịch sốt xuất huyết.",
            ["UBND các xã, thị trấn", "các trạm y tế"],
        ),
    ],
)
def test_letter_receivers_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_a_new_addressee_after_the_letter_leads() -> None:
    # "gửi các sở, yêu cầu Sở Y tế …": the one asked leads (§7), not every receiver
    assert lead("UBND tỉnh có văn bản gửi các sở, ngành, yêu cầu Sở Y tế kiểm tra các bếp ăn tập thể.") == [
        "Sở Y tế"
    ]


def test_a_report_sent_back_is_not_a_letter() -> None:
    # the recipient of a report is neither lead nor support (§7)
    assert lead("Các trường tổng hợp danh sách gửi về Phòng Giáo dục trước ngày 10/5.") == ["Các trường"]


# (a) The context's letter frame for an item that names nobody: the "Kính gửi:" addressees (§10).
# Dev: J084-01, J036-02 (J); K081-02, K081-03 read the receivers of the letter in their context (K).
def test_items_of_a_letter_take_its_addressees() -> None:
    context = "Kính gửi: - Ban Chấp hành Chi đoàn các lớp … Đoàn trường thông báo kế hoạch hội thao, như sau:"
    found = assignees_from_context(context)
    assert [a.text for a in found.lead][:1] == ["Ban Chấp hành Chi đoàn các lớp"]


def test_a_heading_in_capitals_is_not_a_name() -> None:
    context = "Kính gửi: Các trường Tiểu học trên địa bàn huyện … III. NHỮNG YÊU CẦU CHUNG … 1. Về hồ sơ"
    found = parse_directive("Hồ sơ học sinh cần được cập nhật đầy đủ.", date(2026, 3, 1), context=context)
    assert [a.text for a in found.assignees.lead] == ["Các trường Tiểu học trên địa bàn huyện"]


def test_subjectless_item_of_a_letter_in_context() -> None:
    context = "Sở Công Thương vừa có văn bản gửi các doanh nghiệp kinh doanh xăng dầu về việc bảo đảm nguồn cung."
    found = parse_directive("Báo cáo tình hình tồn kho trước ngày 20/7.", date(2026, 7, 1), context=context)
    assert [a.text for a in found.assignees.lead] == ["các doanh nghiệp kinh doanh xăng dầu"]


# (c) Advice, appeals and requests to the public: the body that gives them leads (§8 c, d; §29 (1)).
# Dev: K089-01, K015-01 (K), J092-01 and through its context J092-02 (J); the guide's own example.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Y tế khuyến cáo người dân cần rửa tay thường xuyên.", ["Sở Y tế"]),
        ("EVNCPC khuyến cáo người dân nên tiết kiệm điện trong giờ cao điểm.", ["EVNCPC"]),
        (
            "Trạm Khuyến nông khuyến cáo bà con tại các xã ven sông cần gieo sạ đúng lịch thời vụ.",
            ["Trạm Khuyến nông"],
        ),
        (
            "Vì vậy, Ban Chỉ đạo huyện, BCĐ xã đề nghị tất cả mọi người dân khai báo trung thực.",
            ["Ban Chỉ đạo huyện", "BCĐ xã"],
        ),
        ("Nhà trường cũng khuyến cáo tới các bậc phụ huynh không cho trẻ tắm sông.", ["Nhà trường"]),
    ],
)
def test_advice_to_the_public_is_the_body_s_work(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the public as the subject, no body gives the advice: named as written (§8 d)
        ("Người dân cần chủ động dự trữ nước sạch.", ["Người dân"]),
        # the public asked together with bodies (F002-01): the bodies as written; since LABELLING §31.1 (session 8,
        # F002-01 relabelled) the public's part is the asker's own campaign, so the asker leads for it
        (
            "Chủ tịch UBND tỉnh đề nghị Nhân dân và yêu cầu các sở, ngành thực hiện nghiêm việc đeo khẩu trang.",
            ["các sở, ngành", "Chủ tịch UBND tỉnh"],
        ),
    ],
)
def test_the_public_named_as_written(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# (b) A body's commitment to its own work: "X khẳng định / cam kết sẽ …" → X (§1, §29 (15)).
# Dev: K068-01 (this form); the programme class K086-01, K095-01 (K), J016-01, J088-02 (J).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Quản lý chợ Đông Ba khẳng định sẽ kiểm tra hằng ngày việc niêm yết giá.", ["Ban Quản lý chợ Đông Ba"]),
        ("Lãnh đạo UBND huyện cam kết sẽ hoàn thành giải phóng mặt bằng trong tháng 9.", ["Lãnh đạo UBND huyện"]),
    ],
)
def test_a_body_commits_to_its_own_work(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# (d) The one asked in the passive leads: "X (đã) bị / được yêu cầu …" (§29 (23)), with an existential "có"
# and a restrictive clause kept whole up to the verb (§11, §29 (12)). Dev: K044-01 (K); already right:
# J054-03, J072-04 (J), A062-01, B032-02 (older).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Theo Công an tỉnh, có 5 cơ sở karaoke không bảo đảm an toàn phòng cháy đã bị yêu cầu tạm dừng "
            "hoạt động.",
            ["5 cơ sở karaoke không bảo đảm an toàn phòng cháy"],
        ),
        ("Ban Quản lý dự án giao thông cũng được yêu cầu đẩy nhanh tiến độ.", ["Ban Quản lý dự án giao thông"]),
    ],
)
def test_the_one_asked_in_the_passive_leads(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_a_passive_task_with_no_doer_names_nobody() -> None:
    assert lead("Việc giải trình phải được thực hiện trong vòng 05 ngày.") == []


# (e) A body notes a fault and reports its own order, which names nobody: empty lead (§4, §8 a).
# Dev: K010-01 (K); the subject's own order right after it, already empty: G046-01, G128-01 (G).
def test_own_order_naming_nobody_is_an_empty_lead() -> None:
    text = (
        "Qua kiểm tra, Sở Công Thương phát hiện nhiều cửa hàng vi phạm nên đã có công văn chỉ đạo chấn chỉnh "
        "hoạt động kinh doanh xăng dầu."
    )
    assert lead(text) == []


def test_an_order_to_someone_after_a_finding_keeps_a_lead() -> None:
    # the order names who is to act: not emptied (the reader's other rules decide who)
    text = (
        "Qua kiểm tra, Sở Công Thương phát hiện nhiều cửa hàng vi phạm nên đã có công văn chỉ đạo các phòng "
        "chức năng xử lý."
    )
    assert lead(text) != []


# (b) A body's programme after an opener the subject rules did not cross (§1, §29 (15)); a fallback.
# Dev: K086-01, K095-01 (K), J016-01 (J).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thời gian tới, Bộ đội Biên phòng tỉnh tiếp tục tăng cường tuần tra biên giới.", ["Bộ đội Biên phòng tỉnh"]),
        (
            "Hưởng ứng Tháng hành động vì môi trường, từ ngày 5/6, Trạm Thú y và Khuyến nông sẽ tổ chức phun khử "
            "trùng các chợ.",
            ["Trạm Thú y và Khuyến nông"],
        ),
        (
            "Đến nay 8 xã đã tổ chức xong đại hội, còn xã Tân Phú sẽ tổ chức đại hội trong tháng 5.",
            ["xã Tân Phú"],
        ),
    ],
)
def test_a_body_s_programme_after_an_opener(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Công việc này sẽ kết thúc vào ngày 23/5.",  # a thing, not a body
        "Đại hội sẽ diễn ra vào ngày 20/4.",  # an event
        "Dự kiến ngày 23/1, UBTVQH sẽ họp phiên thứ năm.",  # a meeting held, not a task
    ],
)
def test_what_will_happen_is_no_programme(text: str) -> None:
    assert lead(text) == []
