"""Deadline rules of branch deadp (domain/understand/deadline_round15.py), with invented sentences of each class."""

from datetime import date

import pytest

from domain.types import DeadlineKind
from domain.understand.deadlines import parse_deadline
from domain.understand.directive import parse_directive

TODAY = date(2027, 3, 1)


# --- a sibling list item is no heading of the item after it (LABELLING §30.1, §31.13) ---------------------------
@pytest.mark.parametrize(
    ("context", "text"),
    [
        (  # a standing weekly day of the item before, then a conditional delegation
            "- Tổ trưởng tổ dân phố họp dân vào tối thứ Sáu hằng tuần tại nhà văn hóa.",
            "- Trường hợp tổ trưởng đi vắng, tổ trưởng ủy quyền cho tổ phó chủ trì buổi họp.",
        ),
        (  # another body's dated drill, then the health station's own task
            "+ Các trường học tổ chức diễn tập phòng cháy, chữa cháy trước ngày 15/3/2027.",
            "+ Trạm Y tế xã bố trí cán bộ trực tại các điểm tiêm chủng.",
        ),
        (  # a numbered item's yearly month, then the next numbered item, with a second sentence in between
            "1. Tháng 5 hằng năm, các thôn lập danh sách thanh niên. Danh sách gửi về Ban Chỉ huy quân sự xã.\n",
            "2. Ban Chỉ huy quân sự xã kiểm tra hồ sơ, cấp giấy chứng nhận cho thanh niên.",
        ),
    ],
)
def test_a_sibling_items_time_is_not_carried(context: str, text: str) -> None:
    assert parse_directive(text, TODAY, context=context).deadline.kind is DeadlineKind.NONE


@pytest.mark.parametrize(
    ("context", "text", "kind", "due"),
    [
        (  # a lead-in written with its items' dash heads them; the label time line above it still times them
            "- Thời gian áp dụng: từ ngày 10/3/2027 đến hết ngày 20/3/2027.\n- Yêu cầu đối với các hộ kinh doanh:",
            "- Các hộ kinh doanh không bày bán hàng hóa lấn chiếm vỉa hè.",
            DeadlineKind.DATE,
            date(2027, 3, 20),
        ),
        (  # an item that points back to its sibling's time takes it (§30.1)
            "- Các thôn treo cờ Tổ quốc từ ngày 28/4/2027 đến hết ngày 01/5/2027.",
            "- Trong thời gian trên, Công an xã tăng cường tuần tra bảo đảm an ninh trật tự.",
            DeadlineKind.DATE,
            date(2027, 5, 1),
        ),
        (  # a heading with another marker times its dashes
            "2. Trong tháng 4/2027, các phòng chuyên môn thực hiện:",
            "- Rà soát hồ sơ đất đai tồn đọng trên địa bàn.",
            DeadlineKind.MONTH,
            date(2027, 4, 30),
        ),
    ],
)
def test_a_heading_still_times_its_items(context: str, text: str, kind: DeadlineKind, due: date) -> None:
    deadline = parse_directive(text, TODAY, context=context).deadline
    assert (deadline.kind, deadline.due) == (kind, due)


# --- "trọng" is not the preposition "trong" ----------------------------------------------------------------------
def test_a_year_after_quan_trong_names_the_events() -> None:
    text = "Các đơn vị bảo đảm an ninh, trật tự cho các sự kiện chính trị, văn hóa quan trọng năm 2027."
    assert parse_deadline(text, TODAY).kind is DeadlineKind.NONE


def test_the_peaks_window_further_up_is_carried_past_an_events_year() -> None:
    context = (
        "Đợt cao điểm kéo dài từ ngày 01/4/2027 đến ngày 30/6/2027.\n"
        "Mục tiêu là bảo đảm an toàn cho các lễ hội, sự kiện quan trọng năm 2027."
    )
    text = "Lực lượng cảnh sát giao thông tăng cường tuần tra, kiểm soát trên các tuyến quốc lộ"
    deadline = parse_directive(text, TODAY, context=context).deadline
    assert (deadline.kind, deadline.due) == (DeadlineKind.DATE, date(2027, 6, 30))


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("Công an xã xử lý dứt điểm các vụ việc nghiêm trọng trước ngày 15/12/2027.", "trước ngày 15/12/2027",
         DeadlineKind.DATE),
        ("Tuyên truyền kỷ niệm các sự kiện lịch sử quan trọng trong năm 2027.", "trong năm 2027", DeadlineKind.YEAR),
        ("Các phòng tập trung thực hiện nhiệm vụ trọng tâm tháng 4/2027 như sau:", "tháng 4/2027", DeadlineKind.MONTH),
    ],
)  # fmt: skip
def test_the_real_trigger_after_trong_still_counts(text: str, phrase: str, kind: DeadlineKind) -> None:
    deadline = parse_deadline(text, TODAY)
    assert (deadline.kind, deadline.phrase) == (kind, phrase)


# --- the day work resumes is not the deadline of what is done during the break -----------------------------------
@pytest.mark.parametrize(
    ("context", "text", "due"),
    [
        (
            "Các trường cho học sinh nghỉ học từ ngày 10/3/2027 đến hết ngày 12/3/2027. "
            "Học sinh đi học trở lại vào ngày 15/3/2027.",
            "Trong thời gian nghỉ, phụ huynh quản lý chặt chẽ con em, không cho các em đến gần sông suối.",
            date(2027, 3, 12),
        ),
        (
            "Cán bộ nghỉ lễ từ ngày 30/4/2027 đến hết ngày 03/5/2027. "
            "Bắt đầu làm việc trở lại vào thứ Ba (ngày 04/5/2027).\n1. Trong thời gian nghỉ lễ, các phòng lưu ý:",
            "- Các phòng bố trí người trực, bảo vệ tài sản cơ quan.",
            date(2027, 5, 3),
        ),
    ],
)
def test_the_return_day_is_not_the_breaks_deadline(context: str, text: str, due: date) -> None:
    deadline = parse_directive(text, TODAY, context=context).deadline
    assert (deadline.kind, deadline.due) == (DeadlineKind.DATE, due)


def test_a_return_announced_in_the_text_keeps_its_day() -> None:
    text = "Các trường thông báo cho học sinh đi học trở lại từ ngày 15/3/2027."
    context = "Do mưa lũ, học sinh toàn tỉnh nghỉ học từ ngày 10/3/2027."
    deadline = parse_directive(text, TODAY, context=context).deadline
    assert (deadline.kind, deadline.due) == (DeadlineKind.DATE, date(2027, 3, 15))
