# ruff: noqa: E501  (real sentences are long)
"""Whole conclusions: the kinds of lines that are no task (closing formulas, decisions and principles,
a news page's headline), a lead named in a section heading carried to the items under it, and a
lead-in period dating the items under it (issue 11). Each test holds several texts of its class."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.conclusion import headlines, split_conclusion
from domain.understand.textnorm import fold

TODAY = date(2024, 12, 1)


def items(text: str) -> list[str]:
    return [d.text for d in split_conclusion(text, TODAY).directives]


def one_task(extra: str) -> list[str]:
    text = "Chủ tịch UBND phường kết luận như sau:\n1. Giao Công an phường rà soát camera an ninh.\n" + extra
    return items(text)


# --- closing formulas pass the text on; they are no task ---
@pytest.mark.parametrize(
    "closing",
    [
        "Trên đây là kết luận của Chủ tịch UBND phường tại cuộc họp giao ban, đề nghị các bộ phận liên quan biết, thực hiện./.",
        "Trên đây là Thông báo kết luận của đồng chí Chủ tịch UBND xã, yêu cầu các ngành, đơn vị nghiêm túc triển khai thực hiện.",
        "Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện.",
        "Văn phòng UBND thành phố thông báo để các sở, ngành, địa phương biết và phối hợp thực hiện.",
        "Đề nghị các đơn vị có liên quan biết, triển khai thực hiện.",
    ],
)
def test_a_closing_formula_is_no_task(closing: str) -> None:
    assert one_task(closing) == ["Giao Công an phường rà soát camera an ninh."]


# --- decisions and principles state what was agreed; they name nobody to act ---
@pytest.mark.parametrize(
    "decision",
    [
        "2. Đồng ý chủ trương sửa chữa nhà văn hóa tổ dân phố số 5 từ nguồn xã hội hóa.",
        "2. Thống nhất thời gian tổ chức Hội nghị tổng kết năm 2024 vào ngày 20/12/2024.",
        "2. Chấp thuận đề xuất của Trường Mầm non về việc sửa chữa phòng học.",
        "2. Việc mua sắm tài sản phải đảm bảo đúng Luật Đấu thầu và các quy định hiện hành.",
        "2. Đảm bảo đúng quy định của Luật Đầu tư công.",
        "2. Phải tuân thủ đúng quy trình, quy định về thủ tục hành chính.",
    ],
)
def test_a_decision_or_a_principle_is_no_task(decision: str) -> None:
    assert one_task(decision) == ["Giao Công an phường rà soát camera an ninh."]


@pytest.mark.parametrize(
    "task",
    [
        "2. Thống nhất giao Phòng Kinh tế chủ trì lập dự toán sửa chữa nhà văn hóa.",
        "2. Rà soát hồ sơ đất đai, đảm bảo đúng quy định.",
        "2. Các trường học đảm bảo đúng tiến độ xây dựng phòng học.",
    ],
)
def test_a_task_that_mentions_agreement_or_rules_stays(task: str) -> None:
    assert len(one_task(task)) == 2


# --- a news page's headline is no task ---
@pytest.mark.parametrize(
    "page",
    [
        "UBND huyện Thạch Hà triển khai nhiệm vụ trọng tâm tháng 12\n"
        "Ngày 02/12/2024, UBND huyện tổ chức hội nghị giao ban đánh giá tình hình tháng 11.\n"
        "Phòng Tài chính - Kế hoạch đôn đốc giải ngân vốn đầu tư công trước ngày 31/12/2024.",
        "Tin hoạt động\nPhường Đông Ngạc tăng cường công tác phòng cháy chữa cháy\n"
        "(PLVN) - Vừa qua, UBND phường đã tổ chức hội nghị về công tác phòng cháy chữa cháy.\n"
        "Phòng Tài chính - Kế hoạch đôn đốc giải ngân vốn đầu tư công trước ngày 31/12/2024.",
        "Xã Cẩm Bình đẩy mạnh cải cách hành chính\n"
        "Thực hiện Kế hoạch số 12/KH-UBND của UBND huyện, chiều ngày 28/11/2024 UBND xã họp.\n"
        "Phòng Tài chính - Kế hoạch đôn đốc giải ngân vốn đầu tư công trước ngày 31/12/2024.",
    ],
)
def test_a_news_headline_is_no_task(page: str) -> None:
    assert items(page) == ["Phòng Tài chính - Kế hoạch đôn đốc giải ngân vốn đầu tư công trước ngày 31/12/2024."]


def test_orders_typed_without_full_stops_are_no_headlines() -> None:
    lines = ["Giao Văn phòng rà soát camera", "Công an phường tăng cường tuần tra", "Tổ dân phố vận động người dân đóng quỹ."]
    assert headlines(lines) == []
    assert len(items("\n".join(lines))) == 3


# --- a lead named in a section heading is carried to the items under it that name nobody ---
@pytest.mark.parametrize(
    "heading",
    [
        "3. Về máy tính bảng: giao Văn phòng HĐND và UBND phường chủ trì.",
        "3. Về máy tính bảng, giao Văn phòng HĐND và UBND phường chủ trì thực hiện:",
        "3. Giao Văn phòng HĐND và UBND phường chủ trì, phối hợp các tổ dân phố thực hiện.",
        "3. Về máy tính bảng: đề nghị Văn phòng HĐND và UBND phường chủ trì thực hiện các nội dung sau:",
    ],
)
def test_a_heading_gives_its_lead_to_the_items_under_it(heading: str) -> None:
    text = (
        "Chủ tịch UBND phường kết luận như sau:\n"
        f"{heading}\n"
        "- Rà soát số lượng máy tính bảng đã cấp, hoàn thành trước ngày 20/12/2024.\n"
        "- Hướng dẫn các tổ trưởng sử dụng phần mềm quản lý hộ gia đình.\n"
        "4. Giao Công an phường rà soát camera an ninh."
    )
    found = split_conclusion(text, TODAY).directives
    assert [d.text[:20] for d in found] == ["Rà soát số lượng máy", "Hướng dẫn các tổ trư", "Giao Công an phường "]
    assert [[fold(a.text) for a in d.assignees.lead] for d in found[:2]] == [["van phong hdnd va ubnd phuong"]] * 2
    assert found[0].deadline.due == date(2024, 12, 20)


def test_a_lead_only_point_without_items_stays_a_task() -> None:
    text = "Kết luận:\n1. Về máy tính bảng: giao Văn phòng chủ trì.\n2. Giao Công an phường rà soát camera."
    assert len(items(text)) == 2


# --- an item of its own that finishes work is no closer of the item above ---
def test_an_item_that_finishes_work_is_not_a_closer() -> None:
    text = (
        "3. Đối với Công an phường:\n- Tăng cường tuần tra, kiểm soát địa bàn.\n"
        "- Hoàn thành rà soát camera an ninh trong tháng 12/2024.\n"
        "4. Giao Văn phòng tổng hợp báo cáo. Hoàn thành trong tháng 12/2024."
    )
    found = split_conclusion(text, TODAY).directives
    assert [d.text for d in found] == [
        "Tăng cường tuần tra, kiểm soát địa bàn.",
        "Hoàn thành rà soát camera an ninh trong tháng 12/2024.",
        "Giao Văn phòng tổng hợp báo cáo. Hoàn thành trong tháng 12/2024.",
    ]


# --- a lead-in period before a list dates the items under it ---
@pytest.mark.parametrize(
    ("lead_in", "due"),
    [
        ("Trong tháng 12, các bộ phận chuyên môn tập trung thực hiện các nội dung sau:", date(2024, 12, 31)),
        ("Quý I/2025, các bộ phận chuyên môn tập trung thực hiện:", date(2025, 3, 31)),
        ("Từ nay đến hết năm 2024, yêu cầu các bộ phận chuyên môn thực hiện tốt các nhiệm vụ sau:", date(2024, 12, 31)),
    ],
)
def test_a_lead_in_period_dates_the_items(lead_in: str, due: date) -> None:
    text = (
        f"{lead_in}\n- Rà soát, hoàn thiện hồ sơ thủ tục hành chính tồn đọng.\n"
        "- Công an phường xây dựng kế hoạch đảm bảo an ninh trật tự dịp Tết Nguyên đán."
    )
    found = split_conclusion(text, TODAY).directives
    assert [d.deadline.due for d in found] == [due, due]


# --- a decision clause before the order it leads to; a discourse opener before a subject ---
@pytest.mark.parametrize(
    "sentence",
    [
        "Thống nhất dự thảo kế hoạch triển khai dự án, Phó Chủ tịch UBND tỉnh chỉ đạo khẩn trương hoàn thành các thủ tục.",
        "Đồng ý với đề xuất của Phòng Kinh tế, đồng chí Chủ tịch yêu cầu các xã rà soát lại diện tích.",
        "Đặc biệt các xã tiếp tục phối hợp với các ngành chuyên môn đẩy nhanh tiến độ giải phóng mặt bằng.",
        "Ngoài ra, Công an phường tăng cường tuần tra vào ban đêm.",
        "Bên cạnh đó, các trường học rà soát cơ sở vật chất trước năm học mới.",
    ],
)
def test_an_order_after_a_decision_or_a_discourse_opener_is_a_task(sentence: str) -> None:
    text = "Tại cuộc họp, đại diện Sở Xây dựng đã báo cáo tiến độ thực hiện dự án.\n" + sentence
    assert items(text) == [sentence]


def test_a_headline_with_a_byline_above_a_story_citing_an_urgent_dispatch() -> None:
    page = (
        "Học sinh nghỉ học từ chiều nay, 14.9\nNGUYÊN BẢO |\n"
        "Thực hiện Công điện khẩn số 04/CĐ-UBND ngày 14.9 của Chủ tịch UBND tỉnh, Sở GD-ĐT đã thông báo cho học sinh nghỉ học.\n"
        "Lãnh đạo các trường học cần chỉ đạo học sinh đề phòng lũ quét, sạt lở đất."
    )
    assert items(page) == ["Lãnh đạo các trường học cần chỉ đạo học sinh đề phòng lũ quét, sạt lở đất."]


# --- a sentence naming nobody continues the order before it in the same paragraph (its lead, not its deadline) ---
@pytest.mark.parametrize(
    "paragraph",
    [
        "Đồng chí Bí thư yêu cầu ban soạn thảo rà soát báo cáo chính trị trước ngày 10/12/2024. Làm rõ những kết quả đạt được trên các lĩnh vực.",
        "Giao Ban soạn thảo Đại hội rà soát báo cáo chính trị trước ngày 10/12/2024. Đồng thời bổ sung số liệu về thu ngân sách.",
        "Chủ tịch UBND huyện đề nghị ban soạn thảo rà soát báo cáo chính trị trước ngày 10/12/2024. Kịp thời báo cáo những vấn đề phát sinh.",
    ],
)
def test_a_sentence_naming_nobody_takes_the_lead_of_the_order_before_it(paragraph: str) -> None:
    first, second = split_conclusion(paragraph, TODAY).directives
    assert [fold(a.text) for a in second.assignees.lead] == [fold(a.text) for a in first.assignees.lead]
    assert fold(first.assignees.lead[0].text).startswith("ban soan thao")
    assert first.deadline.due == date(2024, 12, 10) and second.deadline.due is None


def test_a_report_in_between_breaks_the_thread() -> None:
    text = (
        "Giao Văn phòng rà soát hồ sơ. Công an phường đã triển khai kế hoạch tuần tra. "
        "Kiểm tra hệ thống loa truyền thanh."
    )
    found = split_conclusion(text, TODAY).directives
    assert found[-1].assignees.lead == ()


# --- the nearest heading that names someone leads, not the body that speaks in the opening ---
@pytest.mark.parametrize(
    "point",
    [
        "1. Giao Phòng Nội vụ thực hiện các nội dung sau:",
        "1. Đề nghị Phòng Nội vụ chủ trì, phối hợp các đơn vị thực hiện:",
        "1. Đối với Phòng Nội vụ:",
    ],
)
def test_the_nearest_heading_leads_the_items_under_it(point: str) -> None:
    text = (
        "Thực hiện Hướng dẫn số 03-HD/HU ngày 17/9/2020 của Huyện ủy, Ủy ban nhân dân huyện có ý kiến như sau:\n"
        f"{point}\n- Đẩy mạnh công tác tuyên truyền Đại hội Thi đua yêu nước.\n"
        "2. Giao Phòng Văn hóa và Thông tin đăng tải đề cương tuyên truyền."
    )
    first = split_conclusion(text, TODAY).directives[0]
    assert [fold(a.text) for a in first.assignees.lead] == ["phong noi vu"]


def test_a_headline_above_news_of_a_document() -> None:
    page = (
        "Thông tin chỉ đạo, điều hành\n"
        "Khẩn trương triển khai các kế hoạch sắp xếp, tinh gọn bộ máy hành chính\n"
        "Đăng ngày: 05-09-2018; 385 lần đọc\n"
        "Chủ tịch UBND tỉnh vừa có văn bản chỉ đạo thủ trưởng các sở, ban ngành khẩn trương xây dựng các đề án.\n"
        "Chủ tịch UBND tỉnh giao Sở Nội vụ theo dõi, đôn đốc quá trình triển khai."
    )
    found = items(page)
    assert len(found) == 2 and not any(f.startswith(("Khẩn trương", "Đăng ngày")) for f in found)


# --- a condition and who answers for it is no task ---
@pytest.mark.parametrize(
    "sanction",
    [
        "Nếu không đảm bảo tiến độ và chất lượng tham mưu, thủ trưởng các cơ quan, đơn vị phải chịu trách nhiệm trước UBND tỉnh.",
        "Trường hợp để xảy ra sai phạm, Chủ tịch UBND xã phải chịu trách nhiệm trước Chủ tịch UBND huyện.",
    ],
)
def test_a_sanction_is_no_task(sanction: str) -> None:
    assert one_task(sanction) == ["Giao Công an phường rà soát camera an ninh."]


# --- labels of the minutes name who attended, not who acts ---
@pytest.mark.parametrize(
    "label",
    [
        "Chủ trì: đồng chí Nguyễn Văn A - Chủ tịch UBND phường.",
        "Thư ký: đồng chí Trần Thị B - Công chức Văn phòng - Thống kê.",
        "Dự họp: các đồng chí Phó Chủ tịch UBND phường, lãnh đạo các bộ phận chuyên môn.",
    ],
)
def test_labels_of_the_minutes_are_no_task(label: str) -> None:
    assert one_task(label) == ["Giao Công an phường rà soát camera an ninh."]


def test_a_closer_between_sub_items_dates_the_item_above_it_only() -> None:
    text = (
        "Ban Thường vụ Đảng ủy xã kết luận như sau:\n1. Các chi bộ trực thuộc:\n"
        "a) Xây dựng dự thảo báo cáo chính trị, gửi về Đảng ủy xã.\nThời gian hoàn thành: trước ngày 15/3/2025.\n"
        "b) Chuẩn bị nhân sự cấp ủy khóa mới theo hướng dẫn.\n"
        "2. Văn phòng Đảng ủy tổng hợp danh sách đảng viên.\n- Rà soát hồ sơ đảng viên.\nHoàn thành trong tháng 4/2025."
    )
    dues = [d.deadline.due for d in split_conclusion(text, TODAY).directives]
    assert dues == [date(2025, 3, 15), None, date(2025, 4, 30), date(2025, 4, 30)]


@pytest.mark.parametrize(
    "closing",
    [
        "Yêu cầu các chi bộ, các đồng chí đảng ủy viên nghiêm túc triển khai thực hiện.",
        "Đề nghị các bộ phận chuyên môn khẩn trương triển khai thực hiện./.",
    ],
)
def test_an_order_to_carry_out_the_notice_itself_is_no_task(closing: str) -> None:
    assert one_task(closing) == ["Giao Công an phường rà soát camera an ninh."]


def test_an_order_to_carry_out_named_work_stays() -> None:
    assert len(one_task("Đề nghị các chi bộ nghiêm túc triển khai thực hiện Kế hoạch số 05-KH/ĐU.")) == 2


@pytest.mark.parametrize(
    "task",
    [
        "2. Các tổ dân phố tuyên truyền để người dân biết và thực hiện.",
        "2. Đề nghị các tổ dân phố phổ biến quy định mới để các hộ kinh doanh biết, thực hiện.",
    ],
)
def test_making_others_know_is_a_task_not_a_closing_formula(task: str) -> None:
    assert len(one_task(task)) == 2


def test_an_item_keeping_to_a_schedule_under_a_heading_stays() -> None:
    text = "3. Đối với Phòng Kinh tế:\n- Đảm bảo đúng tiến độ thi công trường học.\n- Rà soát hồ sơ đất đai."
    found = split_conclusion(text, TODAY).directives
    assert [d.text for d in found] == ["Đảm bảo đúng tiến độ thi công trường học.", "Rà soát hồ sơ đất đai."]


def test_a_decision_verb_under_a_heading_that_assigns_is_that_units_work() -> None:
    text = (
        "Chủ tịch UBND phường kết luận như sau:\n1. Thống nhất danh sách khen thưởng năm 2024.\n"
        "2. Giao Phòng Nội vụ thực hiện các nội dung sau:\n- Thống nhất danh sách khen thưởng với các tổ dân phố.\n"
    )
    found = split_conclusion(text, TODAY).directives
    assert [d.text for d in found] == ["Thống nhất danh sách khen thưởng với các tổ dân phố."]
    assert [fold(a.text) for a in found[0].assignees.lead] == ["phong noi vu"]
