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


# --- a subjectless next sentence that only gives the task's deadline (and its report back) is part of
# that task (LABELLING.md §3): one task with its date, not an undated task plus a half-task ---
@pytest.mark.parametrize(
    ("closing", "due"),
    [
        ("Báo cáo kết quả về UBND phường trước ngày 20/12/2024.", date(2024, 12, 20)),
        ("Báo cáo Chủ tịch UBND phường chậm nhất ngày 18/12/2024./.", date(2024, 12, 18)),
        ("Gửi báo cáo về Văn phòng trước ngày 15/12/2024", date(2024, 12, 15)),
        ("Gửi UBND phường trước ngày 16/12/2024.", date(2024, 12, 16)),
        ("Thời gian rà soát hoàn thành trước ngày 25/12/2024.", date(2024, 12, 25)),
        ("Việc rà soát phải được hoàn thành trong tháng 12/2024.", date(2024, 12, 31)),
        ("Yêu cầu hoàn thiện, gửi UBND phường trước ngày 22/12/2024.", date(2024, 12, 22)),
    ],
)
def test_the_tasks_deadline_sentence_joins_the_task(closing: str, due: date) -> None:
    text = f"Kết luận:\nGiao Trạm Y tế phường kiểm tra các bếp ăn tập thể trên địa bàn. {closing}\n"
    found = split_conclusion(text, TODAY).directives
    assert [d.text for d in found] == [f"Giao Trạm Y tế phường kiểm tra các bếp ăn tập thể trên địa bàn. {closing}"]
    assert found[0].deadline.due == due
    assert [a.text for a in found[0].assignees.lead] == ["Trạm Y tế phường"]


@pytest.mark.parametrize(
    "after",
    [
        "Báo cáo Ban Giám hiệu hàng tuần.",  # a standing report: a task of its own
        "Đồng thời tuyên truyền người dân giữ vệ sinh bếp ăn trước ngày 20/12/2024.",  # another action
        "Phòng Kinh tế báo cáo kết quả trước ngày 20/12/2024.",  # a doer of its own
    ],
)
def test_another_task_after_a_task_stays_a_task_of_its_own(after: str) -> None:
    text = f"Kết luận:\nGiao Trạm Y tế phường kiểm tra các bếp ăn tập thể trên địa bàn. {after}\n"
    assert len(split_conclusion(text, TODAY).directives) == 2


def test_a_report_date_after_a_dated_task_stays_its_own() -> None:
    text = (
        "Kết luận:\nGiao Trạm Y tế phường kiểm tra các bếp ăn tập thể trong tháng 12/2024. "
        "Báo cáo kết quả về UBND phường trước ngày 05/01/2025.\n"
    )
    found = split_conclusion(text, TODAY).directives
    assert [d.deadline.due for d in found] == [date(2024, 12, 31), date(2025, 1, 5)]


# --- a news page's photo caption names a person and what they do there; it is no task ---
STORY = (
    "Sáng ngày 02/12/2024, UBND phường Hòa An tổ chức hội nghị giao ban tháng 11 với các tổ dân phố trên địa bàn phường.\n"
    "{caption}\n"
    "Kết luận hội nghị, đồng chí Chủ tịch UBND phường đề nghị các tổ dân phố rà soát hộ nghèo, gửi danh sách về phường trước ngày 15/12/2024.\n"
)


@pytest.mark.parametrize(
    "caption",
    [
        "Đồng chí Lê Văn Bình, Chủ tịch UBND phường phát biểu tại hội nghị",
        "Đồng chí Trần Thị Hoa - Bí thư Đảng ủy phường thăm hỏi hộ nghèo tổ dân phố số 3",
        "Ông Nguyễn Hữu Phước, Phó Chủ tịch UBND phường kiểm tra công tác vệ sinh tại chợ Hòa An",
        "Đồng chí Phạm Thị Thu, Phó Chủ tịch UBND phường phát biểu tại hội nghị.",
    ],
)
def test_a_photo_caption_is_no_task(caption: str) -> None:
    found = items(STORY.format(caption=caption))
    assert len(found) == 1 and found[0].startswith("Kết luận hội nghị")


def test_a_list_of_orders_typed_without_full_stops_keeps_a_named_persons_task() -> None:
    text = "Kết luận\nĐồng chí Lê Văn Bình kiểm tra công tác vệ sinh tại chợ Hòa An\nCông an phường tăng cường tuần tra ban đêm\n"
    assert len(items(text)) == 2


# --- a section that reports, assesses or states aims holds no task; the work comes in the next one ---
WORK = "II. Nhiệm vụ trọng tâm tháng 12\n1. Giao Công an phường rà soát camera an ninh, xong trước ngày 20/12/2024.\n"


@pytest.mark.parametrize(
    "report",
    [
        "I. Đánh giá chung\nTrong tháng 11, các tổ dân phố đã hoàn thành các chỉ tiêu. Tuy nhiên, tiến độ thu phí vệ sinh còn chậm.\n",
        "I. ĐÁNH GIÁ KẾT QUẢ THÁNG 11:\n- Thực hiện tốt công tác tiếp công dân.\n- Duy trì nề nếp giao ban hàng tuần.\n",
        "I. Kết quả thực hiện nhiệm vụ tháng 11\n1. Tổ chức thành công Ngày hội Đại đoàn kết.\n2. Hoàn thành thu thuế đất phi nông nghiệp.\n",
        "I. Tồn tại, hạn chế:\n- Công tác vệ sinh môi trường tại chợ chưa đảm bảo.\n- Một số tổ dân phố báo cáo chậm.\n",
        "I. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức của cán bộ về chuyển đổi số.\n- Bảo đảm an toàn thông tin trong cơ quan.\n",
    ],
)
def test_a_report_or_aims_section_holds_no_task(report: str) -> None:
    assert items(report + WORK) == ["Giao Công an phường rà soát camera an ninh, xong trước ngày 20/12/2024."]


def test_an_assignment_inside_a_report_section_is_still_a_task() -> None:
    text = "I. Tồn tại, hạn chế:\n- Thu phí vệ sinh còn chậm; đề nghị Tổ thu phí khẩn trương đôn đốc các hộ.\n" + WORK
    assert len(items(text)) == 2


def test_a_report_word_item_with_nothing_under_it_is_a_point_of_the_list() -> None:
    text = "Kết luận:\n1. Công an phường tăng cường tuần tra ban đêm.\n2. Đánh giá, xếp loại cán bộ cuối năm\n3. Văn phòng tổng hợp báo cáo.\n"
    assert len(items(text)) == 3


# --- the national title and motto head every official letter; they are no task ---
def test_the_national_title_and_motto_are_no_task() -> None:
    text = (
        "UBND PHƯỜNG HÒA AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "THÔNG BÁO\n1. Giao Công an phường rà soát camera an ninh.\n"
    )
    assert items(text) == ["Giao Công an phường rà soát camera an ninh."]


# --- a closing formula said after its speaker is still a closing formula ---
@pytest.mark.parametrize(
    "closing",
    [
        "Hiệu trưởng nhà trường đề nghị toàn thể cán bộ, giáo viên nghiêm túc thực hiện thông báo này./.",
        "Chủ tịch UBND phường yêu cầu các bộ phận nghiêm túc triển khai thực hiện.",
        "UBND phường thông báo đề nghị các tổ dân phố, các cơ quan đóng trên địa bàn và toàn thể nhân dân biết, thực hiện.",
    ],
)
def test_a_closing_formula_after_its_speaker_is_no_task(closing: str) -> None:
    assert one_task(closing) == ["Giao Công an phường rà soát camera an ninh."]


# --- the issuer's "X THÔNG BÁO" heading names who speaks, not who acts ---
@pytest.mark.parametrize("heading", ["TRƯỜNG THCS HÒA AN THÔNG BÁO", "Ủy ban nhân dân phường Hòa An thông báo:"])
def test_the_issuers_notice_heading_leads_nobody(heading: str) -> None:
    text = f"{heading}\n1. Rà soát danh sách học sinh vắng học, báo cáo trước ngày 10/12/2024.\n"
    (task,) = split_conclusion(text, TODAY).directives
    assert task.assignees.lead == ()


# --- a subject assessed (what it has not done, how all of it did) or granted something is not asked ---
@pytest.mark.parametrize(
    "assessment",
    [
        "Tuy nhiên, một số tổ dân phố chưa tổ chức được buổi sinh hoạt nào.",
        "Trong tháng 11, các tổ dân phố đều thực hiện tốt công tác vệ sinh môi trường.",
        "Công tác cải cách hành chính cơ bản đáp ứng yêu cầu.",
        "Cán bộ, công chức phường được nghỉ Tết Dương lịch 01 ngày.",
    ],
)
def test_an_assessed_or_entitled_subject_is_no_task(assessment: str) -> None:
    assert one_task(assessment) == ["Giao Công an phường rà soát camera an ninh."]


@pytest.mark.parametrize(
    "order",
    [
        "Các tổ dân phố chưa nộp báo cáo phải nộp về Văn phòng trước ngày 10/12/2024.",
        "Các tổ dân phố chưa nộp báo cáo khẩn trương nộp về Văn phòng.",
        "Các tổ dân phố chưa kê khai nộp tờ khai về phường trước ngày 10/12/2024.",
        "Các tổ dân phố đều phải cử người tham gia tổng vệ sinh.",
        "Công an phường được giao chủ trì tuần tra dịp Tết.",
    ],
)
def test_an_order_on_an_assessed_subject_stays(order: str) -> None:
    assert len(one_task(order)) == 2


# --- a reported order is still an order (LABELLING.md §1): the people told to act are reminded ---
@pytest.mark.parametrize(
    "reported",
    [
        "Tại buổi kiểm tra, đồng chí Bí thư Đảng ủy phường đã yêu cầu các tổ dân phố khơi thông cống rãnh trước mùa mưa.",
        "Trước đó, ngày 02/11, UBND phường đã có văn bản chỉ đạo Trạm Y tế phun thuốc diệt muỗi tại các tổ dân phố.",
        "Chủ tịch UBND phường vừa giao Công an phường rà soát các cơ sở kinh doanh karaoke.",
    ],
)
def test_a_reported_order_is_a_task(reported: str) -> None:
    text = f"Sáng ngày 02/12/2024, UBND phường Hòa An tổ chức hội nghị giao ban tháng 11 với các tổ dân phố trên địa bàn phường.\n{reported}\n"
    assert items(text) == [reported]


# --- a day off announced to those who take it asks nobody to act; letting them off is work ---
@pytest.mark.parametrize(
    "day_off",
    [
        "Học sinh toàn trường nghỉ học từ sáng ngày 10/12/2024.",
        "Theo đó, trẻ mầm non và học sinh tiểu học được nghỉ học vào ngày 11/12/2024.",
        "Cán bộ, công chức phường được nghỉ Tết Dương lịch 01 ngày.",
    ],
)
def test_a_day_off_is_no_task(day_off: str) -> None:
    assert one_task(day_off) == ["Giao Công an phường rà soát camera an ninh."]


def test_letting_them_off_is_a_task() -> None:
    text = (
        "Đề nghị Hiệu trưởng các trường thực hiện các nội dung sau:\n1. Rà soát phòng học xuống cấp.\n"
        "2. Cho học sinh toàn trường nghỉ học ngày 10/12/2024 để phòng tránh bão.\n"
    )
    assert len(items(text)) == 2


def test_work_during_the_days_off_is_a_task() -> None:
    assert len(one_task("2. Công an phường trực 24/24 giờ trong những ngày nghỉ Tết Nguyên đán.")) == 2


def test_a_person_named_with_an_order_and_a_full_stop_is_no_caption() -> None:
    text = STORY.format(caption="Đồng chí Lê Văn Bình rà soát lại danh sách hộ nghèo của tổ dân phố số 3.")
    assert len(items(text)) == 2


def test_a_topic_heading_on_the_situation_keeps_its_orders() -> None:
    text = "3. Tình hình an ninh trật tự:\n- Công an phường tăng cường tuần tra ban đêm.\n- Các tổ dân phố nắm chắc số người tạm trú.\n"
    assert len(items(text)) == 2


def test_evaluating_as_the_work_of_a_section_keeps_its_orders() -> None:
    text = "2. Đánh giá, xếp loại chất lượng đảng viên cuối năm\n- Các chi bộ tổ chức kiểm điểm trước ngày 15/12/2024.\n"
    assert len(items(text)) == 1


@pytest.mark.parametrize(
    "delegates",
    ["Các đại biểu thảo luận tại hội nghị.", "Đại biểu tham gia hội nghị nêu ý kiến về công tác thu ngân sách."],
)
def test_what_the_delegates_did_at_the_meeting_is_no_task(delegates: str) -> None:
    assert one_task(delegates) == ["Giao Công an phường rà soát camera an ninh."]


@pytest.mark.parametrize(
    "assessment",
    [
        "Nhìn chung, các tổ dân phố thực hiện tốt công tác vệ sinh môi trường.",
        "Theo đánh giá, công tác cải cách hành chính tiếp tục chuyển biến tích cực.",
    ],
)
def test_an_assessment_opening_is_no_task(assessment: str) -> None:
    assert one_task(assessment) == ["Giao Công an phường rà soát camera an ninh."]


def test_an_order_after_an_inspection_opening_stays() -> None:
    assert len(one_task("Qua kiểm tra, đề nghị Ban quản lý chợ khắc phục ngay các điểm mất an toàn phòng cháy.")) == 2


def test_the_tasks_deadline_sentence_on_the_next_line_joins_it() -> None:
    text = "Kết luận:\n1. Giao Trạm Y tế phường kiểm tra các bếp ăn tập thể.\nBáo cáo kết quả về UBND phường trước ngày 20/12/2024.\n2. Công an phường tăng cường tuần tra.\n"
    found = split_conclusion(text, TODAY).directives
    assert len(found) == 2 and found[0].deadline.due == date(2024, 12, 20)
    assert found[0].text.endswith("trước ngày 20/12/2024.")


def test_a_marked_deadline_line_is_a_point_of_its_own() -> None:
    text = "Kết luận:\n1. Giao Trạm Y tế phường kiểm tra các bếp ăn tập thể.\n2. Báo cáo kết quả về UBND phường trước ngày 20/12/2024.\n"
    assert len(split_conclusion(text, TODAY).directives) == 2


# --- a schedule line naming its activity times the items about that activity (CG21, CH09, CH36) ---
@pytest.mark.parametrize(
    ("schedule", "before"),
    [
        ("Thời gian thực hiện việc dọn vệ sinh: từ ngày 10 đến hết ngày 15/12/2024.", False),
        ("*Thời gian: Dọn vệ sinh khu dân cư xong trước ngày 15/12/2024.", True),
        ("- Thời gian dọn vệ sinh: đến hết ngày 15/12/2024.", True),
    ],
)
def test_a_schedule_line_times_the_items_about_its_activity(schedule: str, before: bool) -> None:
    body = (
        "Ủy ban nhân dân phường yêu cầu các tổ dân phố thực hiện các việc sau:\n"
        "1. Các tổ dân phố dọn vệ sinh các tuyến hẻm, khơi thông cống rãnh.\n"
        "2. Tổ chức tuyên truyền người dân phân loại rác tại nguồn.\n"
        "3. Đoàn Thanh niên phường ra quân dọn vệ sinh bờ kênh vào sáng Chủ nhật trước ngày 8/12/2024.\n"
    )
    text = f"{schedule}\n{body}" if before else f"{body}{schedule}\n"
    found = {fold(d.text).split()[0]: d.deadline for d in split_conclusion(text, TODAY).directives}
    dated, other, own = found["cac"], found["to"], found["doan"]
    assert dated.due == date(2024, 12, 15)  # about its activity: timed by it
    assert other.kind.value == "none"  # another activity: not
    assert own.due == date(2024, 12, 8)  # its own time stays


# --- a paragraph naming nobody goes on from the order that ended the paragraph before (CH32, CH36) ---
@pytest.mark.parametrize(
    "follow",
    [
        "Bố trí lực lượng trực 24/24 giờ trong những ngày mưa lớn.",
        "Đồng thời, kiểm tra, đôn đốc các hộ dân gia cố nhà cửa.",
        "Tiếp tục rà soát các điểm sạt lở ven sông.",
    ],
)
def test_a_paragraph_naming_nobody_takes_the_lead_of_the_order_before(follow: str) -> None:
    text = (
        "Ngày 2/12, UBND huyện có văn bản về phòng chống lụt bão.\n\n"
        "Theo đó, UBND huyện giao Chủ tịch UBND các xã, thị trấn chủ động sơ tán dân ở vùng nguy hiểm.\n\n"
        f"{follow}\n\n"
        "Tiếp tục theo dõi chặt chẽ diễn biến mưa lũ.\n\n"
        "Phòng Nông nghiệp huyện tổng hợp thiệt hại.\n"
    )
    found = [[a.text for a in d.assignees.lead] for d in split_conclusion(text, TODAY).directives]
    assert found == [["Chủ tịch UBND các xã, thị trấn"]] * 3 + [["Phòng Nông nghiệp huyện"]]


def test_a_paragraph_naming_nobody_after_a_report_takes_no_lead() -> None:
    text = (
        "Theo đó, UBND huyện giao Chủ tịch UBND các xã chủ động sơ tán dân ở vùng nguy hiểm.\n\n"
        "Năm qua, các xã đã sơ tán 200 hộ dân an toàn.\n\n"
        "Bố trí lực lượng trực 24/24 giờ trong những ngày mưa lớn.\n"
    )
    found = [[a.text for a in d.assignees.lead] for d in split_conclusion(text, TODAY).directives]
    assert found[-1] == []
