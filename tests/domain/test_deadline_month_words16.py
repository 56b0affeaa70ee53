"""Gregorian month names written in words (domain/understand/deadline_month_words16.py): invented sentences, each
misfire (a count, a date field, a named event, a lunar month, a determiner) beside the month's true use."""

from datetime import date

import pytest

from domain.types import DeadlineKind
from domain.understand.deadlines import parse_deadline

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("Sở Xây dựng hoàn thành đề án trong tháng tư.", DeadlineKind.MONTH, date(2026, 4, 30)),
        ("Các xã gửi báo cáo trong tháng Năm.", DeadlineKind.MONTH, date(2026, 5, 31)),
        ("Phòng Nội vụ rà soát xong trong tháng năm, báo cáo UBND huyện.", DeadlineKind.MONTH, date(2026, 5, 31)),
        ("Ban quản lý dự án bàn giao công trình vào cuối tháng Bảy.", DeadlineKind.MONTH, date(2026, 7, 31)),
        ("Trung tâm Y tế gửi kết quả trước 15 tháng Tám.", DeadlineKind.DATE, date(2026, 8, 15)),
        ("Tổng kết phong trào vào cuối tháng Mười Hai.", DeadlineKind.MONTH, date(2026, 12, 31)),
        ("Hoàn thành việc chi trả trong tháng Mười một năm 2026.", DeadlineKind.MONTH, date(2026, 11, 30)),
        ("Trình đề án trước ngày 20 tháng Chín năm 2026.", DeadlineKind.DATE, date(2026, 9, 20)),
        ("Hoàn thành thủ tục trong tháng Hai.", DeadlineKind.MONTH, date(2027, 2, 28)),
    ],
)
def test_a_month_named_in_words_is_read_as_its_figure(text: str, kind: DeadlineKind, due: date) -> None:
    found = parse_deadline(text, TODAY)
    assert (found.kind, found.due) == (kind, due)


def test_the_word_reads_as_the_figure_reads() -> None:
    for words, figure in [("tháng tư", "tháng 4"), ("tháng Tám", "tháng 8"), ("tháng Mười Hai", "tháng 12")]:
        text = "Các phòng báo cáo kết quả trong {}.".format
        read, as_figure = parse_deadline(text(words), TODAY), parse_deadline(text(figure), TODAY)
        assert (read.kind, read.due) == (as_figure.kind, as_figure.due)
        assert read.phrase == f"trong {words}"  # the user sees the words written, whole


@pytest.mark.parametrize(
    "text",
    [
        "Ban chỉ đạo họp giao ban mỗi tháng hai lần.",  # a count, not February
        "Tổ kiểm tra đi cơ sở mỗi tháng Ba đợt.",
        "Ban chỉ đạo họp giao ban mỗi tháng Mười hai lần.",  # twelve times a month, not December
    ],
)
def test_a_count_after_month_stays_a_cadence(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.RECURRING


def test_a_length_of_time_is_no_month() -> None:
    # «một tháng mười ngày» is a month and ten days, not October
    text = "Thời gian thực hiện là một tháng mười ngày kể từ ngày ký."
    assert parse_deadline(text, TODAY).due != date(2026, 10, 31)


@pytest.mark.parametrize(
    "text",
    [
        "Ghi đầy đủ họ tên, ngày tháng năm sinh của người được đề nghị.",  # a date of birth, not May
        "Kỷ niệm 81 năm Cách mạng tháng Tám thành công.",  # a name, no deadline
        "Trong tháng một số đơn vị chưa gửi báo cáo.",  # «một số» (some), not January
        "Phát động Tháng Thanh niên trong toàn tỉnh.",
    ],
)
def test_a_date_field_a_name_or_a_determiner_is_no_deadline(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.NONE


def test_a_yearly_month_stays_yearly() -> None:
    assert parse_deadline("Tháng tư hàng năm tổ chức kiểm tra an toàn thực phẩm.", TODAY).kind is DeadlineKind.RECURRING


@pytest.mark.parametrize(
    "text",
    [
        "Tổ chức lễ hội ngày 19/12/2026 (tức ngày 1 tháng Mười một âm lịch).",  # a lunar gloss
        "Khai mạc ngày 12/02/2027 (tức ngày 6 tháng Giêng năm Đinh Mùi).",
        "Tổ chức hội chợ ngày 05/02/2027 (tức ngày 29 tháng Chạp).",
    ],
)
def test_a_lunar_gloss_keeps_the_solar_day(text: str) -> None:
    before = parse_deadline(text.split(" (")[0] + ".", TODAY)
    assert parse_deadline(text, TODAY).due == before.due


@pytest.mark.parametrize(
    ("month", "solar_reading"),
    [("tháng Giêng", date(2027, 1, 31)), ("tháng Chạp", date(2026, 12, 31)), ("tháng Ba âm lịch", date(2027, 3, 31))],
)
def test_a_lunar_month_is_not_read_as_a_solar_one(month: str, solar_reading: date) -> None:
    # LABELLING §29: a lunar month is due the last solar day of that lunar month; never the solar month's end
    assert parse_deadline(f"Hoàn thành việc chuẩn bị trong {month}.", date(2026, 5, 10)).due != solar_reading


def test_text_without_accents_reads_as_before() -> None:
    # «thang tu» may be «tháng từ …», «thang nam» «tháng, năm»: unaccented words are not read as months
    unaccented = parse_deadline("Hoan thanh trong thang tu.", TODAY)
    assert unaccented.due == parse_deadline("Hoan thanh trong thang.", TODAY).due


@pytest.mark.parametrize(
    ("text", "not_due"),
    [
        ("Hà Nội, ngày    tháng    năm 2026", date(2026, 5, 31)),  # a template's blank fields, not May
        ("Tổ chức lễ kỷ niệm Tổng khởi nghĩa tháng Tám tại quảng trường.", date(2026, 8, 31)),  # a name
        ("Các chùa tổ chức lễ Vu Lan vào rằm tháng Bảy.", date(2026, 7, 31)),  # a lunar day
    ],
)
def test_a_blank_field_a_name_or_a_lunar_day_is_not_the_month(text: str, not_due: date) -> None:
    assert parse_deadline(text, TODAY).due != not_due
