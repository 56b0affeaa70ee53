"""LABELLING.md §31 conventions the reader follows (branch `conv11`, eighth issue-11 session):
`domain/understand/lead_conventions_s8.py` (§31.1 a mixed appeal, §31.4 a previous report of advising) and
`domain/understand/deadline_conventions_s8.py` (§31.6 "ngay" for each case of a class). Sentences written for
these tests, in the classes the rules name; the dev sentences each class was written from are named in
comments (never pasted here)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.types import DeadlineKind
from domain.understand.deadlines import parse_deadline
from domain.understand.directive import parse_directive
from tests.domain.assignee_helpers import lead

TODAY = date(2024, 5, 6)


# §31.1 A mixed appeal with separate determiners: the organisations lead as written, and the public's part is
# the asking body's own campaign, so it leads too, after them. Dev: F002-01/02, CL07 item 0 (corpora F, L);
# G121-01, L044-01, CG14 item 0 are of the class (read elsewhere or not yet).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND xã đề nghị các hộ dân và các doanh nghiệp treo cờ Tổ quốc.", ["các doanh nghiệp", "UBND xã"]),
        ("Ban Chỉ đạo huyện đề nghị các cơ quan, đơn vị, các trường học và toàn thể nhân dân hưởng ứng Ngày Chủ "
         "nhật xanh.", ["các cơ quan, đơn vị", "các trường học", "Ban Chỉ đạo huyện"]),
        ("Hội Chữ thập đỏ huyện kêu gọi các cơ quan, các doanh nghiệp và toàn thể bà con tham gia hiến máu "
         "tình nguyện.",
         ["các cơ quan", "các doanh nghiệp", "Hội Chữ thập đỏ huyện"]),
        # a framing phrase with verbs of its own before the asking body
        ("Theo đó, trong khi chờ Bộ Y tế ban hành hướng dẫn mới, Chủ tịch UBND huyện đề nghị Nhân dân và yêu cầu "
         "các phòng, ban tiếp tục thực hiện các biện pháp phòng dịch.",
         ["các phòng, ban", "Chủ tịch UBND huyện"]),
    ],
)
def test_mixed_appeal_asker_leads_for_the_public(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_mixed_appeal_order_binding_the_public_keeps_them() -> None:
    # an order binding residents (§31.1 last paragraph): the households stay as written, the orderer is not added
    got = lead("UBND thị trấn yêu cầu các hộ dân và các doanh nghiệp thu gom rác đúng giờ.")
    assert "các hộ dân" in got
    assert "UBND thị trấn" not in got


def test_mixed_appeal_needs_the_public() -> None:
    # only organisations asked: nothing to add
    assert lead("UBND xã đề nghị các thôn và các trường học ra quân dọn vệ sinh.") == ["các thôn", "các trường học"]
    # "các hộ kinh doanh" are businesses, not the public (bare "hộ")
    got = lead("UBND phường đề nghị các cơ quan, trường học và các hộ kinh doanh trên địa bàn treo cờ Tổ quốc.")
    assert "UBND phường" not in got


def test_mixed_appeal_without_asker_named_keeps_the_list() -> None:
    # nobody named as asking: the reader's list is left as it was (the body comes from the context elsewhere)
    got = lead("Đề nghị các cơ quan, đơn vị và nhân dân trên địa bàn treo cờ Tổ quốc.")
    assert "UBND" not in " ".join(got)


# §31.4 A previous report of advising as the lead-in: the sentence before reports the body advising,
# reminding or mobilising the same public; the sentence (the public as subject) is the content of that advice.
# Dev: L022-01, K035-01 (corpora L, K); D083-01 is of the class (its sentence before names no advice).
@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Người dân không được cung cấp mã OTP cho người lạ.",
         "Công an xã thường xuyên nhắc nhở người dân cảnh giác với lừa đảo qua mạng.", ["Công an xã"]),
        ("Các hộ gia đình cần thả cá giống đúng lịch thời vụ.",
         "Trạm Khuyến nông huyện đã tổ chức nhiều buổi tuyên truyền, hướng dẫn các hộ dân nuôi cá an toàn.",
         ["Trạm Khuyến nông huyện"]),
        ("Phụ huynh cần cho trẻ đi tiêm đúng lịch.",
         "Trung tâm Y tế huyện đã triển khai truyền thông về tiêm chủng tới người dân, nhất là phụ huynh có con nhỏ.",
         ["Trung tâm Y tế huyện"]),
    ],
)
def test_advised_public_takes_the_advising_body(text: str, context: str, expected: list[str]) -> None:
    got = parse_directive(text, TODAY, context=context)
    assert [a.text for a in got.assignees.lead] == expected


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # the body's other work, not advice to the public: the public as written
        ("Người dân cần khóa cửa cẩn thận khi ra khỏi nhà.", "Công an xã đã bắt giữ hai đối tượng trộm cắp."),
        # a lead-in (":"): its items are read by the lead-in rules
        ("Người dân cần khóa cửa cẩn thận khi ra khỏi nhà.", "Công an xã tuyên truyền người dân như sau:"),
    ],
)
def test_advised_public_not_without_a_report_of_advice(text: str, context: str) -> None:
    got = parse_directive(text, TODAY, context=context)
    assert [a.text for a in got.assignees.lead] != ["Công an xã"] or context.endswith(":")
    assert "Công an xã" not in [a.text for a in got.assignees.lead] or context.endswith(":")


# §31.6 "ngay" that times the response to each case of a class → none; "ngay" for one task → immediate.
# Dev: CL01 (corpus L), J010-02 (J), L022-01 (L, already read by the older contingency).
@pytest.mark.parametrize(
    "text",
    [
        "Các trạm y tế báo cáo ngay cho Trung tâm Y tế đối với các ca sốt cao bất thường.",
        "Chi cục Hải quan giải quyết thủ tục ngay đối với các lô hàng đã đủ hồ sơ.",
        "Mỗi khi có người từ vùng dịch về, tổ dân phố phải báo ngay cho trạm y tế.",
        "Nếu phát hiện gia cầm chết bất thường, các hộ phải báo ngay cho thú y xã.",
        "Trường hợp xảy ra ngộ độc, nhà trường phải đưa học sinh đi cấp cứu ngay.",
    ],
)
def test_ngay_per_case_is_no_deadline(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Các trạm y tế rà soát ngay danh sách người về từ vùng dịch.",
        "Công ty khắc phục ngay sự cố mất điện ở khu phố 3.",
        "Sở Y tế yêu cầu báo cáo ngay các trường hợp mắc bệnh đã ghi nhận trong tuần.",
        "Các xã báo cáo ngay về huyện tình hình thiệt hại do bão, nhất là thiệt hại trong quá trình di dời đối "
        "với các hộ ven sông.",
    ],
)
def test_ngay_for_one_task_stays_immediate(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.IMMEDIATE
