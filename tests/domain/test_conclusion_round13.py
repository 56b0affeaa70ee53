"""domain/understand/conclusion_round13.py and its hooks in conclusion.py (issue 11, concl13).

Invented conclusions of each class (none is a corpus sentence), with the cases the rules must leave alone:
sentences glued by an end mark, marked items led by a unit the assignee reader cannot delimit, obligations
whose subject the reader does not know, and a task timed "trong thời gian nghỉ tết"."""

from datetime import date

import pytest

from domain.understand.conclusion import split_conclusion, split_sentences
from domain.understand.conclusion_round13 import advises, listed_item_subject, obligation, split_glued

TODAY = date(2024, 3, 1)


def _texts(text: str) -> list[str]:
    return [d.text for d in split_conclusion(text, TODAY).directives]


def _leads(text: str) -> list[list[str]]:
    return [[a.text for a in d.assignees.lead] for d in split_conclusion(text, TODAY).directives]


# ------------------------------------------------------------------ 1. glued sentences
@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a full stop glued to the next sentence's capital, after a plain word
        ("Ban quản lý chợ bố trí bảo vệ.Đối với các quầy hàng, tiểu thương tự kiểm tra điện.", 2),
        # an ellipsis glued after a name
        ("Đã kiểm tra chợ Hòa Bình...Tuy nhiên, còn nhiều quầy vi phạm.", 2),
        ("Đã lập các tổ công tác…Dự kiến xong trong tuần.", 2),
    ],
)
def test_a_glued_end_mark_is_a_boundary(text: str, parts: int) -> None:
    assert len(split_glued(text)) == parts
    assert len(split_sentences(text)) == parts


@pytest.mark.parametrize(
    "text",
    [
        "Giao UBND TP.Hồ Chí Minh và Tp.Vũng Tàu kiểm tra.",  # abbreviations before the capital
        "Đề nghị Q.Bình Thạnh, P.Tân Định báo cáo.",
        "Xem hướng dẫn tại dichvucong.gov.Vn trước khi nộp.",  # an address
        "Hỗ trợ 1.500 hộ dân.",  # a number
        "Đăng ký tại TP.HCM.",  # capitals after the mark
    ],
)
def test_abbreviations_addresses_and_numbers_are_no_boundary(text: str) -> None:
    assert split_glued(text) == [text]


def test_a_report_glued_to_an_order_no_longer_hides_it() -> None:
    text = (
        "Thời gian qua, phường đã ra quân dọn vệ sinh tại chợ Bến Thành...Tuy nhiên, tình trạng xả rác còn nhiều.\n"
        "Vừa qua, UBND phường đã kiểm tra các tuyến đường.Đề nghị Tổ dân phố 3 tăng cường tuyên truyền người dân."
    )
    assert _texts(text) == ["Đề nghị Tổ dân phố 3 tăng cường tuyên truyền người dân."]


# ------------------------------------------------------------------ 2. marked items, unknown shapes of a unit
@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Phòng Kế hoạch – Tài chính tổng hợp số liệu thi đua.", "Phòng Kế hoạch – Tài chính"),
        ("Tổ trưởng hoặc Tổ phó chuyên môn kiểm tra giáo án hàng tuần.", "Tổ trưởng hoặc Tổ phó chuyên môn"),
        ("Trường rà soát lại hệ thống điện.", "Trường"),
    ],
)
def test_the_subject_of_an_item_before_its_first_small_letter_verb(text: str, subject: str) -> None:
    assert listed_item_subject(text) == subject


@pytest.mark.parametrize(
    "text",
    [
        "Trang phục: Áo dài truyền thống.",  # a label
        "Kết quả thực hiện tốt các chỉ tiêu.",  # no unit head
        "Tạm dừng tiếp công dân.",  # the verb first: no subject
        "Phòng họp số 2, tầng 3 tổ chức hội nghị.",  # a comma before the verb: a clause
        "Hội nghị đã thống nhất kế hoạch năm tới.",  # what was done
        "Hoi nghi da thong nhat ke hoach nam toi.",  # the same typed without diacritics
    ],
)
def test_no_subject_read_off_labels_and_clauses(text: str) -> None:
    assert listed_item_subject(text) is None


def test_marked_items_led_by_such_units_are_tasks() -> None:
    text = (
        "Hiệu trưởng thông báo kế hoạch chào cờ như sau:\n"
        "+ Địa điểm: Sân trường.\n"
        "+ Phòng Kế hoạch – Tài chính tổng hợp số liệu thi đua hàng tháng.\n"
        "+ Tổ trưởng hoặc Tổ phó chuyên môn kiểm tra giáo án hàng tuần.\n"
    )
    assert _leads(text) == [["Phòng Kế hoạch – Tài chính"], ["Tổ trưởng hoặc Tổ phó chuyên môn"]]


def test_a_marked_item_recording_a_decision_or_praise_stays_out() -> None:
    text = (
        "Kết luận:\n"
        "1. Thường trực HĐND thống nhất chương trình kỳ họp thứ 8.\n"
        "2. Ban Thường vụ Đảng ủy nhất trí với đề xuất của Mặt trận.\n"
        "3. Phòng Văn hóa – Thông tin biểu dương các thôn làm tốt.\n"
        "4. Phòng Văn hóa – Thông tin rà soát các thiết chế văn hóa thôn.\n"
    )
    assert _texts(text) == ["Phòng Văn hóa – Thông tin rà soát các thiết chế văn hóa thôn."]


def test_an_unmarked_line_of_that_shape_is_left_alone() -> None:
    # outside a list the shape is not read (a report's sentence "Trường tổ chức …" tells what the school did)
    assert _texts("Tổ trưởng hoặc Tổ phó chuyên môn kiểm tra giáo án.") == []


# ------------------------------------------------------------------ 3. obligations
@pytest.mark.parametrize(
    "text",
    [
        "Trong quý này, công tác thu thuế phải bảo đảm đúng tiến độ đã đề ra.",
        "Theo kế hoạch, các hợp tác xã nêu trên phải nộp hồ sơ trước ngày 15/4.",
        "Bảng giá dịch vụ phải được niêm yết công khai tại quầy.",
        "Khi phát hiện gia cầm chết bất thường, cần thông báo ngay cho thú y xã.",
        "Với các hộ nuôi ong, cũng cần di chuyển đàn ong khỏi vùng phun thuốc.",
    ],
)
def test_an_obligation_is_an_order_whoever_its_subject_is(text: str) -> None:
    assert obligation(text) is not None
    assert _texts(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Trong năm qua, nhiều hộ đã phải di dời khỏi vùng sạt lở.",  # what happened
        "Đây không phải là việc của riêng ngành y tế.",  # a negated copula
        "Hội nghị chỉ ra những việc cần làm ngay.",  # things to do, named
        "Các hộ phải di dời sẽ được hỗ trợ tiền thuê nhà.",  # the outcome rules the sentence
        "Có cần thiết tổ chức lại không?",  # a question
        "Kinh phí cần thiết cho công trình là 5 tỷ đồng.",  # no verb after it
        "Việc cấp phát học bổng phải được thực hiện theo đúng quy định của Bộ.",  # a principle: only the rules
    ],
)
def test_what_is_no_obligation_to_act(text: str) -> None:
    assert _texts(text) == []


def test_a_duty_to_carry_out_the_above_is_the_closing_formula() -> None:
    text = (
        "Giao Phòng Y tế kiểm tra các bếp ăn.\n"
        "Các nhân viên trong phòng có trách nhiệm thực hiện những việc nêu trên."
    )
    assert _texts(text) == ["Giao Phòng Y tế kiểm tra các bếp ăn."]


# ------------------------------------------------------------------ 4. "trong thời gian nghỉ tết" times a task
def test_a_task_timed_by_the_holiday_is_no_day_off() -> None:
    text = (
        "1. Phòng Tổ chức và tổ bảo vệ bố trí người trực trong thời gian nghỉ tết.\n"
        "2. Học sinh nghỉ học từ ngày 5/2."
    )
    assert _texts(text) == ["Phòng Tổ chức và tổ bảo vệ bố trí người trực trong thời gian nghỉ tết."]


# ------------------------------------------------------------------ 5. "Khuyến cáo / Khuyến nghị" opens an order
@pytest.mark.parametrize(
    "text",
    [
        "Khuyến cáo các hộ nuôi tôm thay nước ao định kỳ, bổ sung vôi sau mưa lớn.",
        "Khuyến nghị người dân hạn chế ra đường khi có gió giật mạnh.",
        "Vùng trồng lúa ven sông: Khuyến cáo thu hoạch sớm các diện tích đã chín.",
    ],
)
def test_advice_opens_an_order(text: str) -> None:
    assert advises(text)
    assert _texts(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Khuyến cáo của ngành nông nghiệp là gieo cấy sau tiết lập xuân.",  # the noun
        "Khuyến cáo này được đăng trên trang thông tin của xã.",
        "Năm qua, Trạm Khuyến nông đã khuyến cáo nông dân gieo cấy đúng lịch.",  # a report
    ],
)
def test_the_noun_and_reports_of_advice_stay_out(text: str) -> None:
    assert _texts(text) == []


# ------------------------------------------------------------------ 6. a lead-in naming the work, details under it
def test_a_lead_in_over_details_only_is_the_task() -> None:
    text = (
        "Căn cứ kế hoạch của Sở Giáo dục và Đào tạo,\n"
        "Phòng Giáo dục đề nghị Hiệu trưởng các trường THCS tổ chức hội thi kể chuyện về Bác như sau:\n"
        "1. Thời gian: Từ ngày 10/3 đến ngày 25/3/2024.\n"
        "2. Đối tượng: Học sinh lớp 6 và lớp 7.\n"
        "3. Thể lệ: (phụ lục đính kèm).\n"
    )
    assert _leads(text) == [["Hiệu trưởng các trường THCS"]]


def test_a_lead_in_with_tasks_under_it_is_no_task_itself() -> None:
    text = (
        "Phòng Giáo dục đề nghị Hiệu trưởng các trường THCS tổ chức hội thi kể chuyện về Bác như sau:\n"
        "1. Các trường lập danh sách học sinh dự thi, gửi về Phòng trước ngày 5/3/2024.\n"
    )
    assert _texts(text) == ["Các trường lập danh sách học sinh dự thi, gửi về Phòng trước ngày 5/3/2024."]


def test_a_lead_in_pointing_to_its_items_names_no_work() -> None:
    # "thực hiện tốt các nội dung sau:" hands over the items; with none found, nothing is proposed
    text = (
        "UBND xã đề nghị các thôn thực hiện tốt các nội dung sau:\n"
        "1. Thời gian: Từ ngày 10/3 đến ngày 25/3/2024.\n"
    )
    assert _texts(text) == []
