"""domain/understand/conclusion_carry.py: leads given by the structure around an item (issue 11, carry10).

Invented sentences of each class (LABELLING.md §8 b and §8 d, carried from the lead-in, the order before
or the sentence before), with the negative cases the rules must leave alone."""

from datetime import date

import pytest

from domain.understand.assignees import parse_assignees
from domain.understand.conclusion import split_conclusion
from domain.understand.conclusion_carry import asks_public, speaker_to_public
from domain.understand.directive import parse_directive

TODAY = date(2024, 3, 1)


def _leads(text: str, context: str | None = None) -> list[str]:
    return [a.text for a in parse_directive(text, TODAY, context=context).assignees.lead]


def _items(text: str) -> list[tuple[list[str], list[str]]]:
    return [
        ([a.text for a in d.assignees.lead], [a.text for a in d.assignees.executor])
        for d in split_conclusion(text, TODAY).directives
    ]


# ------------------------------------------------------------------ §8 d in the sentence: who asks
@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # a polite request verb ("kính mong", "rất mong") to the parents
        ("Nhà trường kính mong quý phụ huynh đưa đón các cháu đúng giờ quy định.", "Nhà trường"),
        ("Ban giám hiệu rất mong cha mẹ học sinh nhắc nhở các em ôn bài ở nhà.", "Ban giám hiệu"),
        # the pupils' families asked with "đề nghị", after an opening time phrase
        ("Trong những ngày mưa lũ, nhà trường đề nghị gia đình không cho các em đi qua suối.", "nhà trường"),
        # a purpose clause that runs into the subject with no comma
        ("Để giữ an toàn cho trẻ nhà trường kính mong CMHS đeo khẩu trang cho các cháu khi đến lớp.", "nhà trường"),
    ],
)
def test_the_body_asking_the_parents_leads(text: str, lead: str) -> None:
    assert [a.text for a in parse_assignees(text).lead] == [lead]


def test_the_parents_as_subject_with_nobody_asking_are_named_as_written() -> None:
    assert [a.text for a in parse_assignees("Cha mẹ học sinh cần đưa đón con đúng giờ.").lead] == ["Cha mẹ học sinh"]


def test_a_school_asking_a_body_is_not_advice_to_the_public() -> None:
    # "giao" of "giao thông" is no other request; an addressee that is a body is read as before
    text = "Nhà trường đề nghị Công an xã bố trí lực lượng phân luồng giao thông."
    assert [a.text for a in parse_assignees(text).lead] == ["Công an xã"]


# ------------------------------------------------------------------ §8 d carried: the body before asks
@pytest.mark.parametrize(
    "text",
    [
        "Trong thời gian nghỉ học, đề nghị quý phụ huynh quản lý con em mình.",
        "Đồng thời, rất mong khách hàng tắt bớt điều hòa vào giờ cao điểm.",
        "- Kính mong cha mẹ học sinh theo dõi sức khỏe của các cháu.",
    ],
)
def test_subjectless_requests_to_the_public(text: str) -> None:
    assert asks_public(text)


@pytest.mark.parametrize(
    "text",
    [
        "UBND xã đề nghị người dân chấp hành nghiêm lệnh cấm đốt rơm rạ.",  # a body asks in the sentence
        "Đề nghị người dân và các doanh nghiệp chấp hành nghiêm quy định.",  # others named with them
        "Đề nghị Phòng Y tế hướng dẫn người dân phòng dịch.",  # a body asked
    ],
)
def test_not_subjectless_requests_to_the_public(text: str) -> None:
    assert not asks_public(text)


def test_the_speaker_to_the_public_in_a_sentence() -> None:
    found = speaker_to_public("Hơn lúc nào hết, Công ty Điện lực huyện luôn mong nhận được sự ủng hộ của khách hàng.")
    assert [a.text for a in found] == ["Công ty Điện lực huyện"]
    assert speaker_to_public("Mùa mưa bão đang đến gần, bà con cần chủ động.") == ()


def test_a_request_to_the_public_takes_the_body_that_spoke_to_it_before() -> None:
    context = "Hơn lúc nào hết, Công ty Điện lực huyện luôn mong nhận được sự ủng hộ của khách hàng."
    assert _leads("Đồng thời, rất mong khách hàng tắt bớt điều hòa vào giờ cao điểm.", context) == [
        "Công ty Điện lực huyện"
    ]


def test_a_request_to_the_public_with_nobody_before_keeps_the_public() -> None:
    assert _leads("Đề nghị bà con chủ động chằng chống nhà cửa.", "Mùa mưa bão đang đến gần.") == ["bà con"]


def test_whole_conclusion_request_to_parents_after_the_schools_notice() -> None:
    text = (
        "Trường Tiểu học Kim Đồng thông báo tới cha mẹ học sinh như sau: Nhà trường cho học sinh nghỉ học từ"
        " ngày 10/3/2024 đến hết ngày 17/3/2024.\n"
        "Trong thời gian nghỉ học, đề nghị cha mẹ học sinh nhắc các em ôn bài ở nhà."
    )
    assert _items(text)[-1] == (["Trường Tiểu học Kim Đồng"], [])


def test_whole_conclusion_second_request_takes_the_school_of_the_first() -> None:
    text = (
        "Nhà trường kính mong phụ huynh đưa đón con đúng giờ. "
        "Trong những ngày mưa lũ, kính mong phụ huynh không cho con đi qua suối."
    )
    assert [lead for lead, _ in _items(text)] == [["Nhà trường"], ["Nhà trường"]]


# ------------------------------------------------------------------ §8 b carried: who was told to direct
def test_directing_item_under_a_lead_in_that_assigns() -> None:
    parsed = parse_directive(
        "- Chỉ đạo các trường tiểu học rà soát bếp ăn bán trú.",
        TODAY,
        context="Giao Phòng Giáo dục và Đào tạo thực hiện các nội dung sau:",
    )
    assert [a.text for a in parsed.assignees.lead] == ["Phòng Giáo dục và Đào tạo"]
    assert [a.text for a in parsed.assignees.executor] == ["các trường tiểu học"]


def test_require_item_under_a_lead_in_that_assigns() -> None:
    context = "Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Xây dựng thực hiện các việc sau:"
    assert _leads("Yêu cầu các chủ đầu tư cam kết lộ trình khắc phục.", context) == ["Giám đốc Sở Xây dựng"]


def test_directing_the_same_party_the_sentence_before_told_someone_to_direct() -> None:
    context = "UBND huyện đề nghị Phòng Nông nghiệp chỉ đạo các hợp tác xã chuẩn bị đủ giống lúa."
    assert _leads("Chỉ đạo các hợp tác xã kiểm tra kênh mương trước vụ.", context) == ["Phòng Nông nghiệp"]


@pytest.mark.parametrize(
    ("context", "lead"),
    [
        # §8 a: the body before directs by its own order (a report): those directed lead
        ("UBND huyện đang tập trung chỉ đạo các xã phòng chống cháy rừng.", "Hạt Kiểm lâm"),
        # a speaker's lead-in assigns nobody
        ("Chủ tịch UBND huyện kết luận như sau:", "Hạt Kiểm lâm"),
    ],
)
def test_directing_item_without_a_party_told_to_direct(context: str, lead: str) -> None:
    assert _leads("Chỉ đạo Hạt Kiểm lâm tăng cường tuần tra.", context) == [lead]


def test_whole_conclusion_directing_item_after_another_item() -> None:
    text = (
        "Sở Y tế đề nghị UBND các huyện chỉ đạo các trạm y tế xã rà soát tủ thuốc.\n"
        "Sở cũng lưu ý, đối với các nhà thuốc tư nhân không bán thuốc kháng sinh khi không có đơn.\n"
        "Bên cạnh đó, chỉ đạo các trạm y tế xã báo cáo số ca bệnh hàng tuần. "
        "Kịp thời, thông báo các ổ dịch mới về Sở Y tế."
    )
    items = _items(text)
    assert items[-2] == (["UBND các huyện"], ["các trạm y tế xã"])
    assert items[-1][0] == ["UBND các huyện"]


# ------------------------------------------------------------------ §10: the order before beats the heading
def test_follow_up_takes_the_subject_of_the_order_before_not_the_heading() -> None:
    text = (
        "Trung tâm Văn hóa thông báo lịch hoạt động dịp hè như sau:\n"
        "1. Các câu lạc bộ thể thao đăng ký sân tập với Văn phòng. Nộp danh sách hội viên trước ngày 15/5/2024."
    )
    # (the deadline sentence is part of its task, LABELLING §3; a different action after it is not)
    items = _items(text + "\n2. Đội văn nghệ xã xây dựng chương trình mừng Quốc khánh. Chuẩn bị trang phục biểu diễn.")
    assert [lead for lead, _ in items][-1] == ["Đội văn nghệ xã"]


def test_follow_up_of_an_assignment_under_a_heading_naming_the_issuer() -> None:
    text = (
        "Phòng Giáo dục thông báo kế hoạch thi học kỳ cụ thể như sau:\n"
        "Đề nghị các tổ chuyên môn rà soát đề cương ôn tập. Gửi bản rà soát cho Phó Hiệu trưởng."
    )
    assert [lead for lead, _ in _items(text)] == [["các tổ chuyên môn"], ["các tổ chuyên môn"]]
