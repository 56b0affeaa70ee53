# ruff: noqa: E501  (real-looking sentences are long)
"""Deadline rules of the ninth round (branch deadl9, seventh issue-11 session): each test is one class of
sentence, with sentences written for the test (not copied from the corpus); the rule's comment in
domain/understand/deadline_round9.py (or at its hook) names the dev sentences of its class. The convention
followed is LABELLING.md §30."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.deadlines import deadline_in_context, parse_deadline
from domain.understand.directive import parse_directive

TODAY = date(2027, 3, 1)  # a Monday


def reading(text: str, today: date = TODAY) -> str:
    d = parse_deadline(text, today)
    return f"{d.kind.value} {d.due or ''}".strip()


def in_context(text: str, context: str, today: date = TODAY) -> str:
    d = parse_directive(text, today, context=context).deadline
    e = deadline_in_context(text, today, context)
    assert (d.kind, d.due) == (e.kind, e.due)  # the /nhap reader and the bench reader agree
    return f"{d.kind.value} {d.due or ''}".strip()


# --- a minutes mark after the hour ("20h00'", "07h00’") is part of the time of day --------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các phường báo cáo kết quả kiểm đếm về Văn phòng UBND quận trước 16h30' ngày 12/3/2027.", "date 2027-03-12"),
        (
            "Ban Chỉ huy quân sự xã hoàn thành sơ tán dân trước 18h00’ ngày 05/3/2027; báo cáo ngay khi xong.",
            "date 2027-03-05",
        ),
        ("Trường nộp hồ sơ chậm nhất 10h00′ ngày 20/3/2027 tại bộ phận một cửa.", "date 2027-03-20"),
        # the same class typed with a colon or marks around "giờ": the day is the meeting's own (today)
        ("Các tổ dân phố gửi danh sách về phường trước 15:30 ngày 01/3/2027.", "date 2027-03-01"),
        ("Các đơn vị hoàn thành di dời trước 17 giờ 00' ngày 01/3/2027.", "date 2027-03-01"),
        ("Các trường báo cáo sĩ số trước 9h30’, ngày 01/3/2027 qua thư điện tử.", "date 2027-03-01"),
    ],
)
def test_a_minutes_mark_after_the_hour(text: str, expected: str) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2026, 2027, ngày 01/3/2027 được chọn làm ngày hội của xã.",  # a year list, no time of day
        "Tỷ số 2:1, ngày 01/3/2027 đội tuyển xã đã thắng.",  # a score, not 2 o'clock
        "Đoàn khảo sát ghi nhận 45:30 phút, ngày 01/3/2027 đã kết thúc.",  # no hour over 23
    ],
)
def test_numbers_with_marks_that_are_no_time_of_day(text: str) -> None:
    assert reading(text) == "none"


# --- a start day of the sentence before is carried only to the measure it starts (§30.1) --------------------
@pytest.mark.parametrize(
    ("text", "context"),
    [
        (
            "Đồng thời, Hội Chữ thập đỏ kêu gọi các nhà hảo tâm đóng góp cho quỹ khuyến học qua tài khoản của Hội.",
            "Đợt vận động ủng hộ quỹ khuyến học năm 2027 bắt đầu từ ngày 15/3.",
        ),
        (
            "Theo đó, Trung tâm Y tế huyện cấp phát hóa chất diệt muỗi cho các xã theo nhu cầu thực tế.",
            "Hưởng ứng chiến dịch diệt bọ gậy, từ ngày 10/3, Trung tâm Y tế huyện sẽ phun hóa chất tại các ổ dịch.",
        ),
        (
            "Các trạm y tế xã bố trí cán bộ trực, tiếp nhận người dân đến tiêm.",
            "Chiến dịch tiêm vắc xin sởi kể từ ngày 20/3/2027 tại tất cả các xã.",
        ),
    ],
)
def test_another_tasks_start_day_is_not_carried(text: str, context: str) -> None:
    assert in_context(text, context) == "none"


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        # the sentence points back to the time, or announces the measure: carried
        (
            "Ban Quản lý chợ thông báo đến các tiểu thương về giờ hoạt động mới của chợ.",
            "Chợ trung tâm chuyển sang giờ hoạt động mới, áp dụng từ ngày 15/3/2027.",
            "date 2027-03-15",
        ),
        (
            "Giáo viên chủ nhiệm báo cho học sinh nghỉ theo thời gian trên.",
            "Các trường cho học sinh nghỉ học kể từ ngày 10/3/2027.",
            "date 2027-03-10",
        ),
        # a lead-in's start day scopes the items under it: they are the measure that starts
        (
            "Các thôn tổ chức ra quân thu gom vật dụng chứa nước đọng.",
            "Từ ngày 15/3/2027, UBND xã triển khai chiến dịch diệt bọ gậy với các nội dung sau:",
            "date 2027-03-15",
        ),
        # an end, a window and an event's day are carried as before
        (
            "Đoàn kiểm tra tập trung kiểm tra các cơ sở sản xuất nước đá.",
            "Việc kiểm tra bắt đầu từ tháng 3 đến ngày 25/4.",
            "date 2027-04-25",
        ),
        (
            "Huyện giao Ban Chỉ huy Quân sự huyện tổ chức lễ giao nhận quân đúng quy định.",
            "Lễ giao nhận quân dự kiến sẽ được tổ chức tại sân vận động huyện vào ngày 12-3.",
            "date 2027-03-12",
        ),
    ],
)
def test_carried_when_it_is_the_measure_or_an_end(text: str, context: str, expected: str) -> None:
    assert in_context(text, context) == expected


# --- whole conclusions: an item announcing the measure, or pointing back to its time, takes its day (§30.1) --
def _items(text: str, today: date = TODAY) -> dict[str, str]:
    from domain.understand.conclusion import split_conclusion

    out = {}
    for d in split_conclusion(text, today).directives:
        out[d.text[:30]] = f"{d.deadline.kind.value} {d.deadline.due or ''}".strip()
    return out


def test_an_item_announcing_the_closure_takes_its_start_day() -> None:
    text = (
        "Để phòng chống dịch sởi trên địa bàn, UBND xã Tân Phú thông báo:\n"
        "1. Tạm dừng hoạt động các nhóm trẻ tư thục trên địa bàn xã từ ngày 08/3/2027 cho đến khi có thông báo mới.\n"
        "2. Các trưởng thôn thông báo trên hệ thống loa truyền thanh về việc tạm dừng các nhóm trẻ để phụ huynh biết.\n"
        "3. Trạm Y tế xã tăng cường giám sát các ca bệnh nghi sởi."
    )
    got = _items(text)
    assert got["Các trưởng thôn thông báo trên"] == "date 2027-03-08"
    assert got["Trạm Y tế xã tăng cường giám s"] == "none"  # no announcement: the start day is not its


def test_an_item_pointing_back_takes_the_window_end() -> None:
    text = (
        "Thực hiện chỉ đạo của Phòng Giáo dục, Hiệu trưởng thông báo:\n"
        "1. Các lớp cho học sinh nghỉ học từ ngày 10/3/2027 đến ngày 12/3/2027 để phòng tránh lũ.\n"
        "2. Tổ bảo vệ kê cao bàn ghế, tài liệu ở các phòng tầng một.\n"
        "Giáo viên chủ nhiệm nhắn tin cho phụ huynh để học sinh nghỉ theo thời gian trên."
    )
    got = _items(text)
    assert got["Giáo viên chủ nhiệm nhắn tin c"] == "date 2027-03-12"
    assert got.get("Tổ bảo vệ kê cao bàn ghế, tài", "none") == "none"


def test_a_narrated_start_is_not_carried_to_an_announcement() -> None:
    # the outbreak's start is reported in prose, not a measure of the notice's list
    text = (
        "Ngày 05/3, UBND huyện đã công bố dịch cúm gia cầm tại xã Hòa Bình.\n"
        "Theo đó, thời gian bắt đầu có dịch từ ngày 20/3.\n"
        "UBND huyện giao Chủ tịch UBND xã Hòa Bình thông báo đến người chăn nuôi về việc dịch xuất hiện trên địa bàn."
    )
    got = _items(text)
    assert all(v == "none" for v in got.values()), got


# --- a public holiday's own days off are an occasion (§30.3) -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Các cơ quan hành chính thực hiện đúng lịch nghỉ theo quy định: nghỉ 2 ngày 30/4 và 1/5, làm việc bình thường các ngày còn lại.",
        "Các trường mầm non tư thục chỉ được nghỉ ngày 2/9 theo quy định của Bộ luật Lao động.",
        "Nhà máy bố trí cho công nhân nghỉ lễ 30/4, 1/5 theo đúng quy định và không tăng ca.",
    ],
)
def test_a_public_holidays_own_days_off_are_no_deadline(text: str) -> None:
    assert reading(text) == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closure ordered for other days, a holiday's day as the day of the work, a deadline before it
        ("Các trường cho học sinh nghỉ học ngày 18 và 19/3 để phòng tránh bão.", "date 2027-03-19"),
        ("Các hộ gia đình treo cờ Tổ quốc trong ngày 30/4.", "date 2027-04-30"),
        ("Các phòng hoàn thành báo cáo quý trước 30/4.", "holiday 2027-04-29"),
        ("Các xã báo cáo số người nghỉ việc trước ngày 30/4/2027.", "date 2027-04-30"),
    ],
)
def test_days_that_stay_deadlines(text: str, expected: str) -> None:
    assert reading(text) == expected


def test_a_report_sent_after_a_measure_takes_no_start_day() -> None:
    text = (
        "UBND huyện thông báo:\n"
        "1. Thu phí vệ sinh môi trường theo mức mới từ ngày 01/4/2027.\n"
        "2. Phòng Tài chính - Kế hoạch thông báo kết quả thu về UBND huyện.\n"
        "3. Các xã thông báo đến các thôn thực hiện thu đúng mức."
    )
    got = _items(text)
    assert all(v == "none" for k, v in got.items() if not k.startswith("Thu phí")), got


def test_a_while_the_notice_dates_takes_its_end() -> None:
    text = (
        "Trường Tiểu học Hòa Lạc thông báo tới cha mẹ học sinh như sau: nhà trường cho học sinh nghỉ học từ ngày"
        " 08/3/2027 đến hết ngày 14/3/2027 để phun khử khuẩn.\n"
        "Trong thời gian học sinh nghỉ học, đề nghị cha mẹ học sinh nhắc các con ôn bài theo hướng dẫn của giáo viên.\n"
        "Trong thời gian diễn ra hội nghị, đề nghị các đại biểu tắt điện thoại di động."
    )
    got = _items(text)
    assert got["Trong thời gian học sinh nghỉ "] == "date 2027-03-14"
    assert got.get("Trong thời gian diễn ra hội ng", "none") == "none"  # a while no line dates
