# ruff: noqa: E501  (passages are long)
"""Whole conclusions, second round (issue 11): more forms of the lines that are no task (the issuer
passing the notice on, an order to carry out the notice itself, a body recording its decision, praise,
principles with their qualities), and the lead a sentence naming nobody takes from the order before
it. The passages are written for these tests in the class each rule serves (not copied from the
corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.conclusion import split_conclusion
from domain.understand.textnorm import fold

TODAY = date(2024, 12, 1)
FIRST = "Giao Trạm Y tế xã kiểm tra vệ sinh an toàn thực phẩm tại các bếp ăn tập thể."


def items(text: str) -> list[str]:
    return [d.text for d in split_conclusion(text, TODAY).directives]


def after_one_task(extra: str) -> list[str]:
    return items(f"Phó Chủ tịch UBND xã kết luận:\n1. {FIRST}\n{extra}")


# --- the issuer passes the conclusion on: no task for the office that writes the notice ---
@pytest.mark.parametrize(
    "closing",
    [
        "Văn phòng Đảng ủy thị trấn thông báo ý kiến kết luận của đồng chí Bí thư để các chi bộ biết, thực hiện./.",
        "Văn phòng HĐND và UBND huyện trân trọng thông báo./.",
        "Ủy ban nhân dân phường xin thông báo đến các tổ dân phố, các ban ngành biết và thực hiện.",
        "Văn phòng Sở thông báo kết luận của Giám đốc Sở tại buổi làm việc cho các phòng chuyên môn biết, triển khai.",
        "Văn phòng UBND thị xã thông báo ý kiến chỉ đạo của Chủ tịch UBND thị xã để các phòng, ban biết, thực hiện.",
    ],
)
def test_the_issuer_passing_the_notice_on_is_no_task(closing: str) -> None:
    assert after_one_task(closing) == [FIRST]


def test_an_office_telling_the_public_is_work() -> None:
    task = "2. Văn phòng UBND thị trấn thông báo lịch tiếp công dân tháng 12 trên hệ thống loa truyền thanh để nhân dân biết."
    assert len(after_one_task(task)) == 2


# --- an order whose only work is to carry out the notice itself ---
@pytest.mark.parametrize(
    "closing",
    [
        "Yêu cầu các trường học, trạm y tế tổ chức thực hiện nghiêm túc nội dung thông báo này./.",
        "Đề nghị các phòng, ban căn cứ chức năng, nhiệm vụ được giao khẩn trương triển khai thực hiện có hiệu quả các nội dung trên.",
        "Yêu cầu Thủ trưởng các cơ quan, đơn vị quán triệt và thực hiện nghiêm kết luận này.",
        "Đề nghị các chi bộ thực hiện nghiêm túc./.",
        "Kính đề nghị các đồng chí thành viên Ban Chỉ đạo quan tâm phối hợp thực hiện./.",
        "Yêu cầu Ban Chỉ huy Quân sự xã và Công an xã chủ động triển khai các nội dung kết luận nêu trên.",
    ],
)
def test_an_order_to_carry_out_the_text_itself_is_no_task(closing: str) -> None:
    assert after_one_task(closing) == [FIRST]


@pytest.mark.parametrize(
    "task",
    [
        "Yêu cầu các trường học tổ chức thực hiện nghiêm túc Kế hoạch phòng chống dịch bệnh mùa đông.",
        "Đề nghị các chi bộ triển khai thực hiện các nội dung của Nghị quyết số 12-NQ/ĐU trước ngày 20/12/2024.",
        "Yêu cầu các tổ dân phố quán triệt đến từng hộ gia đình quy định về phân loại rác tại nguồn.",
        "Đề nghị các trường học thực hiện nghiêm túc, báo cáo kết quả về Phòng Giáo dục trước ngày 25/12/2024.",
    ],
)
def test_an_order_to_carry_out_named_work_stays(task: str) -> None:
    assert len(after_one_task(task)) == 2


# --- a body recording its decision, and praise: what was agreed, nobody sent to act ---
@pytest.mark.parametrize(
    "decision",
    [
        "2. Thường trực Đảng ủy xã thống nhất chủ trương sửa chữa hội trường thôn Đông.",
        "2. UBND thị trấn đồng ý cho Hội Cựu chiến binh sử dụng hội trường để tổ chức đại hội.",
        "2. Ban Thường vụ Huyện ủy nhất trí với đề xuất điều chỉnh quy hoạch khu dân cư số 3.",
        "2. Hội đồng thi đua cơ bản thống nhất với danh sách đề nghị khen thưởng năm 2024.",
        "2. Biểu dương tinh thần trách nhiệm của đội ngũ y, bác sĩ Trạm Y tế xã trong đợt dịch vừa qua.",
        "2. Hoan nghênh sự vào cuộc tích cực của Hội Liên hiệp Phụ nữ xã.",
    ],
)
def test_a_decision_or_praise_of_a_named_body_is_no_task(decision: str) -> None:
    assert after_one_task(decision) == [FIRST]


@pytest.mark.parametrize(
    "task",
    [
        "2. Thường trực Đảng ủy xã thống nhất chủ trương sửa chữa hội trường, giao UBND xã lập dự toán.",
        "2. Phòng Tài chính - Kế hoạch thống nhất với các xã phương án bố trí vốn, trình UBND huyện trước ngày 15/12/2024.",
        "2. Thường trực 24/24 giờ tại trụ sở trong những ngày nghỉ Tết.",
    ],
)
def test_a_decision_leading_to_work_or_a_duty_stays(task: str) -> None:
    assert len(after_one_task(task)) == 2


# --- a principle, its qualities listed before the rules it keeps to ---
@pytest.mark.parametrize(
    "principle",
    [
        "2. Đảm bảo công khai, minh bạch, đúng quy định của pháp luật.",
        "2. Bảo đảm khách quan, dân chủ, đúng trình tự, thủ tục.",
        "2. Việc xét duyệt hồ sơ phải bảo đảm công bằng, đúng quy định hiện hành.",
    ],
)
def test_a_principle_with_its_qualities_is_no_task(principle: str) -> None:
    assert after_one_task(principle) == [FIRST]


def test_keeping_to_the_rules_while_doing_named_work_stays() -> None:
    task = "2. Đảm bảo an toàn, đúng quy định trong quá trình tháo dỡ công trình tạm tại chợ xã, báo cáo kết quả trước ngày 20/12/2024."
    assert len(after_one_task(task)) == 2


# --- a sentence naming nobody takes the leads of the order before it, as that order was read ---
@pytest.mark.parametrize(
    "paragraph",
    [
        "Chủ tịch UBND huyện giao các phòng, ban chuyên môn; UBND các xã phân công cán bộ, công chức trực tại trụ sở trong dịp Tết. Kịp thời báo cáo các vụ việc phát sinh về UBND huyện.",
        "Đồng chí Chủ tịch yêu cầu Công an xã; Ban Chỉ huy Quân sự xã bố trí lực lượng, phương tiện ứng trực. Thường xuyên báo cáo tình hình về Thường trực UBND xã.",
    ],
)
def test_a_sentence_naming_nobody_takes_every_lead_of_the_order_before_it(paragraph: str) -> None:
    first, second = split_conclusion(paragraph, TODAY).directives
    assert len(first.assignees.lead) == 2
    assert [fold(a.text) for a in second.assignees.lead] == [fold(a.text) for a in first.assignees.lead]


# --- a lead-in naming who speaks gives no lead to the items under it ---
@pytest.mark.parametrize(
    "speaker",
    [
        "Phó Chủ tịch UBND thị trấn kết luận:",
        "Ban Thường vụ Đảng ủy phường kết luận như sau:",
        "Đồng chí Giám đốc Sở chỉ đạo:",
        "Thường trực Huyện ủy có ý kiến như sau:",
        "Chủ tịch UBND thị xã giao:",
    ],
)
def test_the_speaker_of_a_lead_in_is_no_lead(speaker: str) -> None:
    text = f"{speaker}\n- Rà soát danh sách hộ nghèo, cận nghèo năm 2025.\n- Phòng Y tế kiểm tra các cơ sở hành nghề y tư nhân."
    first, second = split_conclusion(text, TODAY).directives
    assert first.assignees.lead == ()
    assert [fold(a.text) for a in second.assignees.lead] == ["phong y te"]


def test_a_speakers_lead_in_still_dates_the_items_under_it() -> None:
    text = "Trong tháng 12/2024, Chủ tịch UBND xã chỉ đạo:\n- Rà soát danh sách hộ nghèo.\n- Kiểm tra các cơ sở hành nghề y tư nhân."
    found = split_conclusion(text, TODAY).directives
    assert [(d.assignees.lead, d.deadline.due) for d in found] == [((), date(2024, 12, 31))] * 2


def test_an_order_to_a_body_to_direct_is_no_speaker() -> None:
    text = "Đề nghị UBND các xã chỉ đạo:\n- Rà soát danh sách hộ nghèo.\n- Kiểm tra các cơ sở hành nghề y tư nhân."
    found = split_conclusion(text, TODAY).directives
    assert [[fold(a.text) for a in d.assignees.lead] for d in found] == [["ubnd cac xa"]] * 2


# --- a news page's head: headline, byline, posting line; the story opens in many ways ---
STORY_TASK = "Chủ tịch UBND huyện yêu cầu Phòng Nông nghiệp và PTNT phối hợp với UBND các xã tiêm phòng cho đàn gia súc, gia cầm trước ngày 20/12/2024."


@pytest.mark.parametrize(
    "head",
    [
        "Huyện Kỳ Anh: Chủ động phòng chống rét cho đàn gia súc\nCập nhật lúc: 02/12/2024 08:30\nTác giả: Thu Hà\nUBND huyện vừa tổ chức hội nghị triển khai công tác phòng chống đói, rét cho đàn vật nuôi.",
        "Chủ động phòng chống rét cho đàn gia súc\nThứ Hai, 02/12/2024 - 08:30\n(TTXVN) Hôm nay, UBND huyện họp bàn công tác phòng chống đói, rét cho đàn vật nuôi.",
        "Chủ động phòng chống rét cho đàn gia súc\n02/12/2024 | 08:30\nTại hội nghị, lãnh đạo các xã đã báo cáo tình hình chăn nuôi trên địa bàn.",
        "Chủ động phòng chống rét cho đàn gia súc\nTheo báo cáo của Phòng Nông nghiệp, toàn huyện có hơn 12 nghìn con trâu, bò.",
        "Chủ động phòng chống rét cho đàn gia súc\nBáo Nông nghiệp\nMùa đông năm nay được dự báo rét đậm, rét hại kéo dài trên địa bàn các tỉnh miền núi phía Bắc.",
    ],
)
def test_a_news_pages_head_is_no_task(head: str) -> None:
    assert items(f"{head}\n{STORY_TASK}") == [STORY_TASK]


def test_orders_typed_without_full_stops_above_a_paragraph_stay() -> None:
    text = (
        "Rà soát danh sách hộ nghèo\nKiểm tra các cơ sở kinh doanh\n"
        "Công an xã tăng cường tuần tra, kiểm soát trên các tuyến đường liên thôn trong dịp cuối năm."
    )
    assert len(items(text)) == 3


@pytest.mark.parametrize(
    "stamp",
    ["TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nNguyễn Văn An", "TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG", "Người ký: Trần Văn Bình\nThời gian ký: 02.12.2024"],
)
def test_the_signature_block_ends_the_body(stamp: str) -> None:
    assert after_one_task(f"{stamp}\nĐề nghị các đơn vị rà soát hồ sơ.") == [FIRST]


# --- a point that names only whom it assigns heads the items under it; so does a plural kind ---
@pytest.mark.parametrize(
    "point",
    [
        "2. Về công tác chuyển đổi số: Giao Trạm Y tế xã",
        "2. Giao Trạm Y tế xã.",
        "2. Các trạm y tế trên địa bàn",
        "2. Các trường mầm non, tiểu học trong huyện",
    ],
)
def test_a_point_naming_only_its_lead_heads_the_items(point: str) -> None:
    text = f"Kết luận:\n{point}\n- Cập nhật hồ sơ sức khỏe điện tử.\n- Hướng dẫn người dân cài đặt ứng dụng VNeID."
    found = split_conclusion(text, TODAY).directives
    assert [d.text[:9] for d in found] == ["Cập nhật ", "Hướng dẫn"]
    named = fold(point.split(": ")[-1].removeprefix("2. ").removeprefix("Giao ").rstrip("."))
    for d in found:  # the name, or its head without the place ("Các trạm y tế" of "... trên địa bàn")
        (lead,) = d.assignees.lead
        assert named.startswith(fold(lead.text)) and len(lead.text.split()) >= 3


# --- one directive broken over printed lines; two orders joined by a semicolon ---
def test_a_line_the_copy_broke_goes_on_with_the_line_before() -> None:
    text = (
        "Kết luận:\n1. Giao Phòng Tài nguyên và Môi trường chủ trì kiểm tra\n"
        "các điểm tập kết rác thải tự phát dọc tuyến đê, báo cáo kết quả\ntrước ngày 25/12/2024.\n"
        "2. Giao Công an xã xử lý các trường hợp đổ trộm rác thải."
    )
    found = split_conclusion(text, TODAY).directives
    assert [d.text[:22] for d in found] == ["Giao Phòng Tài nguyên ", "Giao Công an xã xử lý "]
    assert found[0].deadline.due == date(2024, 12, 25) and found[1].deadline.due is None


def test_items_under_a_heading_in_small_letters_stay_items() -> None:
    text = "Giao Trạm Y tế xã thực hiện:\n- kiểm tra vệ sinh bếp ăn tập thể;\n- tuyên truyền phòng chống dịch sốt xuất huyết."
    assert len(items(text)) == 2


def test_a_new_assignment_after_a_semicolon_is_a_directive_of_its_own() -> None:
    text = "Giao Phòng Kinh tế rà soát hồ sơ cấp phép xây dựng, báo cáo UBND xã trước ngày 15/12/2024; giao Công an xã kiểm tra các công trình xây dựng trái phép."
    first, second = split_conclusion(text, TODAY).directives
    assert [fold(a.text) for a in second.assignees.lead] == ["cong an xa"]
    assert first.deadline.due == date(2024, 12, 15) and second.deadline.due is None


# --- the closing time of a section in its other forms dates every item above it ---
@pytest.mark.parametrize(
    "closer",
    [
        "(Hoàn thành trước ngày 18/12/2024)",
        "Thời hạn hoàn thành: ngày 18/12/2024.",
        "Các nội dung trên hoàn thành trước ngày 18/12/2024.",
        "Tất cả hoàn thành trước ngày 18/12/2024.",
        "Yêu cầu hoàn thành trước ngày 18/12/2024.",
        "Thời gian hoàn thành các nội dung trên: trước ngày 18/12/2024.",
    ],
)
def test_a_closing_time_in_another_form_dates_the_section(closer: str) -> None:
    text = (
        "1. Giao Hội Nông dân xã:\n- Vận động hội viên tham gia bảo hiểm y tế hộ gia đình.\n"
        f"- Tổ chức tập huấn kỹ thuật chăn nuôi.\n{closer}\n2. Giao Đoàn Thanh niên ra quân vệ sinh môi trường."
    )
    found = split_conclusion(text, TODAY).directives
    assert len(found) == 3
    assert [d.deadline.due for d in found] == [date(2024, 12, 18), date(2024, 12, 18), None]


@pytest.mark.parametrize(
    "heading",
    [
        "1. Giao Hội Nông dân xã (hoàn thành trước ngày 18/12/2024):",
        "1. Hội Nông dân xã (thời hạn: trước ngày 18/12/2024):",
    ],
)
def test_a_time_in_brackets_in_a_heading_dates_the_items_and_keeps_the_name(heading: str) -> None:
    text = f"{heading}\n- Vận động hội viên tham gia bảo hiểm y tế.\n- Tổ chức tập huấn kỹ thuật chăn nuôi."
    found = split_conclusion(text, TODAY).directives
    assert [([fold(a.text) for a in d.assignees.lead], d.deadline.due) for d in found] == [
        (["hoi nong dan xa"], date(2024, 12, 18))
    ] * 2


# --- news reports: the speech read from its speaker on; what a subject says or issued is no task ---
@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        ("Phát biểu chỉ đạo tại buổi kiểm tra, ông Lê Văn Hòa, Phó Chủ tịch UBND huyện đề nghị Ban Quản lý dự án huyện đẩy nhanh tiến độ thi công trường mầm non.", "ban quan ly du an huyen"),
        ("Phát biểu kết luận hội nghị, đồng chí Trần Minh, Bí thư Đảng ủy xã yêu cầu các chi bộ rà soát danh sách đảng viên trước ngày 20/12/2024.", "cac chi bo"),
        ("Tại buổi làm việc, lãnh đạo huyện chỉ đạo: Trước mùa mưa bão, Phòng Nông nghiệp và PTNT kiểm tra toàn bộ hệ thống đê bao.", "phong nong nghiep va ptnt"),
    ],
)
def test_a_reported_speech_is_read_from_its_speaker_on(sentence: str, lead: str) -> None:
    text = f"Ngày 02/12/2024, UBND huyện đã tổ chức kiểm tra tiến độ các công trình trên địa bàn.\n{sentence}"
    (found,) = split_conclusion(text, TODAY).directives
    assert found.text == sentence
    assert [fold(a.text) for a in found.assignees.lead] == [lead]


@pytest.mark.parametrize(
    "said",
    [
        "Ông Trần Văn Hùng, trú tại thôn 4, trình bày: Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất cho gia đình.",
        "UBND tỉnh có thông báo như trên sau buổi làm việc với lãnh đạo huyện.",
        "Sở Y tế cũng cho biết toàn tỉnh đã tiêm được hơn 90% số liều vắc xin được phân bổ.",
    ],
)
def test_what_a_subject_says_or_has_issued_is_no_task(said: str) -> None:
    assert after_one_task(said) == [FIRST]


def test_a_speakers_time_before_the_items_dates_them() -> None:
    text = (
        "Để phòng chống dịch cúm mùa, nhà trường đề nghị: Trong tháng 12/2024.\n"
        "1. Giáo viên chủ nhiệm theo dõi sức khỏe học sinh hàng ngày.\n2. Nhân viên y tế kiểm tra tủ thuốc của trường."
    )
    found = split_conclusion(text, TODAY).directives
    assert [d.text[:12] for d in found] == ["Giáo viên ch", "Nhân viên y "]
    assert found[1].deadline.due == date(2024, 12, 31)


# --- a second lead-in right after the first narrows it; orders in other shapes under a leading heading ---
def test_a_lead_in_right_after_a_lead_in_narrows_it() -> None:
    text = (
        "Để phòng chống dịch sốt xuất huyết, Ban Giám hiệu đề nghị toàn thể cán bộ, nhân viên thực hiện các nội dung sau:\n"
        "Trong giờ làm việc:\n- Kiểm tra, dọn dẹp các dụng cụ chứa nước đọng quanh lớp học.\n"
        "- Nhắc nhở học sinh ngủ màn khi ở nhà."
    )
    found = split_conclusion(text, TODAY).directives
    assert [d.text[:10] for d in found] == ["Kiểm tra, ", "Nhắc nhở h"]
    assert all([fold(a.text) for a in d.assignees.lead] == ["toan the can bo, nhan vien"] for d in found)


@pytest.mark.parametrize(
    "item",
    [
        "- Không tổ chức liên hoan, tiệc tùng trong giờ hành chính.",
        "- Tuyệt đối không để xảy ra cháy nổ tại kho lưu trữ.",
        "- Nghiêm cấm sử dụng tài sản công vào việc riêng.",
        "- Mỗi tổ chuyên môn cử một đồng chí trực vào thứ Bảy.",
    ],
)
def test_a_prohibition_or_an_unknown_part_under_a_leading_heading_is_an_order(item: str) -> None:
    text = f"Giao Văn phòng nhà trường thực hiện các nội dung sau:\n- Rà soát sổ sách tài sản.\n{item}"
    assert len(items(text)) == 2


def test_a_prohibition_without_a_heading_that_leads_stays_unread() -> None:
    text = "Kết luận:\n- Không có ý kiến khác.\n- Giao Văn phòng rà soát sổ sách tài sản."
    assert items(text) == ["Giao Văn phòng rà soát sổ sách tài sản."]


# --- a requirement on the work with its time continues the order before it ---
@pytest.mark.parametrize(
    ("requirement", "due"),
    [
        ("Việc này cần hoàn thành chậm nhất trước ngày 28/12/2024.", date(2024, 12, 28)),
        ("Việc kiểm kê phải được thực hiện xong trong tháng 12/2024.", date(2024, 12, 31)),
    ],
)
def test_a_requirement_with_its_time_is_a_task_of_the_order_before_it(requirement: str, due: date) -> None:
    text = f"Giao Phòng Tài chính - Kế hoạch kiểm kê tài sản công tại các trường học. {requirement}"
    _first, second = split_conclusion(text, TODAY).directives
    assert second.text == requirement and second.deadline.due == due
    assert [fold(a.text) for a in second.assignees.lead] == ["phong tai chinh - ke hoach"]


def test_a_requirement_without_a_time_is_a_principle() -> None:
    assert after_one_task("Việc mua sắm thiết bị phải được thực hiện đúng quy định.") == [FIRST]


# --- the month or quarter of the work a heading announces dates its items; a plan's year does not ---
@pytest.mark.parametrize(
    ("heading", "due"),
    [
        ("II. NHIỆM VỤ TRỌNG TÂM THÁNG 12/2024", date(2024, 12, 31)),
        ("Về công tác tháng 01/2025, đồng chí Chủ tịch UBND phường nhấn mạnh một số nhiệm vụ như sau:", date(2025, 1, 31)),
        ("Chủ tịch UBND xã kết luận một số nội dung trọng tâm quý I/2025 như sau:", date(2025, 3, 31)),
        ("3. Nhiệm vụ tháng 12/2024", date(2024, 12, 31)),
    ],
)
def test_the_period_of_the_work_a_heading_announces_dates_the_items(heading: str, due: date) -> None:
    text = f"{heading}\n- Công chức Địa chính rà soát hồ sơ đất công.\n- Trạm Y tế xã tiêm chủng mở rộng cho trẻ em."
    assert [d.deadline.due for d in split_conclusion(text, TODAY).directives] == [due, due]


@pytest.mark.parametrize(
    "heading",
    [
        "Kế hoạch phòng chống thiên tai năm 2025:",
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11/2024",
    ],
)
def test_a_plans_year_or_a_reported_month_does_not_date_the_items(heading: str) -> None:
    text = f"{heading}\n- Công chức Địa chính rà soát hồ sơ đất công.\n- Trạm Y tế xã tiêm chủng mở rộng cho trẻ em."
    assert [d.deadline.due for d in split_conclusion(text, TODAY).directives] == [None, None]


# --- a lead-in's scope ends with its list ---
def test_the_paragraph_after_a_lead_ins_list_is_not_its_item() -> None:
    text = (
        "Trước ngày 15/12/2024, Phòng Văn hóa và Thông tin thực hiện các nội dung sau:\n"
        "- Treo băng rôn, khẩu hiệu chào mừng Đại hội.\n- Tuyên truyền trên hệ thống loa truyền thanh.\n"
        "Ngoài ra, Công an xã tăng cường tuần tra trên các tuyến đường liên thôn."
    )
    found = split_conclusion(text, TODAY).directives
    assert [d.deadline.due for d in found] == [date(2024, 12, 15), date(2024, 12, 15), None]
    assert [fold(a.text) for a in found[2].assignees.lead] == ["cong an xa"]


def test_a_closer_after_a_lead_ins_list_still_closes_it() -> None:
    text = (
        "Phòng Văn hóa và Thông tin thực hiện các nội dung sau:\n"
        "- Treo băng rôn, khẩu hiệu chào mừng Đại hội.\n- Tuyên truyền trên hệ thống loa truyền thanh.\n"
        "Thời gian hoàn thành: trước ngày 15/12/2024."
    )
    assert [d.deadline.due for d in split_conclusion(text, TODAY).directives] == [date(2024, 12, 15)] * 2


def test_an_item_naming_its_own_part_of_the_lead_is_led_by_it() -> None:
    text = (
        "Ban Giám hiệu đề nghị toàn thể giáo viên thực hiện các nội dung sau:\n"
        "- Rà soát sĩ số học sinh hằng ngày.\n- Mỗi tổ chuyên môn cử một đồng chí trực vào thứ Bảy."
    )
    first, second = split_conclusion(text, TODAY).directives
    assert [fold(a.text) for a in first.assignees.lead] == ["toan the giao vien"]
    assert [a.text for a in second.assignees.lead] == ["Mỗi tổ chuyên môn"]


def test_a_list_of_coordinators_across_semicolons_keeps_the_order_whole() -> None:
    text = (
        "Giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp với Phòng Kinh tế; Phòng Tài chính - Kế hoạch; "
        "UBND các xã rà soát quỹ đất công, báo cáo UBND huyện trước ngày 20/12/2024."
    )
    (found,) = split_conclusion(text, TODAY).directives
    assert [fold(a.text) for a in found.assignees.lead] == ["phong tai nguyen va moi truong"]
    assert found.deadline.due == date(2024, 12, 20)


def test_orders_typed_in_small_letters_one_a_line_stay_apart() -> None:
    text = "giao cong an xa ra soat camera an ninh\nphong kinh te kiem tra ho so dat dai\ntram y te xa tiem phong cho tre"
    assert len(items(text)) == 3


def test_a_body_whose_name_holds_a_decision_word_still_acts() -> None:
    assert len(after_one_task("2. Thường trực Hội đồng Y tế xã rà soát danh sách cơ sở hành nghề.")) == 2


@pytest.mark.parametrize(
    "point",
    [
        "1. Về dự án đường liên thôn: Dự án chậm tiến độ do vướng mặt bằng. Giao UBND xã Hòa Bình hoàn thành giải phóng mặt bằng.",
        "1. Về công tác thu ngân sách: Đến nay thu đạt 85% dự toán. Giao UBND xã Hòa Bình hoàn thành giải phóng mặt bằng.",
    ],
)
def test_a_topics_report_after_its_colon_is_no_task(point: str) -> None:
    assert items(f"Kết luận:\n{point}") == ["Giao UBND xã Hòa Bình hoàn thành giải phóng mặt bằng."]


def test_a_topics_order_after_its_colon_stays() -> None:
    assert len(items("Kết luận:\n1. Về dự án đường liên thôn: Rà soát hồ sơ giải phóng mặt bằng.")) == 1
