# ruff: noqa: E501  (real-looking sentences are long)
"""Deadline rules of the sixth round (branch deadl6, issue 11): each test is one class of sentence, with
sentences written for the test (not copied from the corpus); the rule's comment in
domain/understand/deadline_grammar.py (or deadline_scan.py) names the dev sentences of its class.
And the scorer's reading of undated records (tests/domain/unseen_scoring.py)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.types import DeadlineKind
from domain.understand.deadlines import parse_deadline
from tests.domain.unseen_scoring import score_sentences, undated_reference


def reading(text: str, today: date) -> str:
    d = parse_deadline(text, today)
    return f"{d.kind.value} {d.due or ''} {d.cadence.value if d.cadence else ''}".strip()


# --- the scorer: an undated record is read as of the earliest year it writes, in a date too -------------
@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Từ nay đến 15-1-2015, Công đoàn các trường lập danh sách giáo viên khó khăn.", 2015),
        ("Các phường báo cáo kết quả về UBND quận ngay trong tháng 8-2014.", 2014),
        ("Thực hiện Chỉ thị số 29/2008/CT-TTg, các xã rà soát bến bãi cát trong năm 2013.", 2008),
        ("Các xã hoàn thành trước ngày 30.6.2016.", 2016),
    ],
)
def test_an_undated_record_is_read_as_of_a_year_written_inside_a_date(text: str, year: int) -> None:
    assert undated_reference(text) == date(year, 1, 1)


def test_an_undated_month_deadline_written_with_its_year_in_a_date_scores() -> None:
    record = {
        "id": "T1",
        "doc_date": None,
        "text": "Sau khi báo đăng, Phó Chủ tịch UBND thành phố đã có văn bản giao Sở Xây dựng kiểm tra, báo cáo kết quả ngay trong tháng 8-2014.",
        "gold": {"lead": ["Sở Xây dựng"], "deadline": {"kind": "month", "due": "2014-08-31"}},
    }
    assert score_sentences([record]).deadline == 1


# --- a line's list marker and an opening quotation mark are no words ---------------------------------------
# The stamp of a reported instruction opens the text after them: its year-less days count from the letter's
# day (20/4/2021, before the news item of 1/6/2021), so "trước ngày 15/5" is 15/5/2021, not next year's.
@pytest.mark.parametrize("opening", ["", "- ", "+ ", "a) ", "1. ", "2.1. ", "“"])
@pytest.mark.parametrize(
    "text",
    [
        "Ngày 20/4, UBND thành phố đã có văn bản chỉ đạo các phường rà soát, báo cáo kết quả trước ngày 15/5.",
        "Trước đó, ngày 20/4, Sở Xây dựng đã có công văn yêu cầu các quận kiểm tra, báo cáo trước ngày 15/5.",
    ],
)
def test_a_reported_instruction_after_a_list_marker_keeps_its_own_day(opening: str, text: str) -> None:
    assert reading(opening + text, date(2021, 6, 1)) == "date 2021-05-15"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short quoted sentence of reported speech is read ...
        ("Chủ tịch UBND huyện yêu cầu: “Các xã hoàn thành trước ngày 10/3/2027”.", "date 2027-03-10"),
        ("Đồng chí Bí thư nhấn mạnh: “Hoàn thành trước ngày 15/4.”", "date 2027-04-15"),
        # ... and an opening quotation mark starts its clause, as a line's start does
        ("Chủ tịch nhấn mạnh: “Năm 2027 này, các xã phải hoàn thành tiêu chí nông thôn mới”.", "year 2027-12-31"),
        ("“06 tháng/lần, UBND cấp xã lập danh sách giếng đã trám lấp gửi Phòng Tài nguyên.”", "recurring  half_yearly"),
        # a quoted name holds no time, and a word glued to the quotation mark is a word
        ("Các xã hưởng ứng phong trào “Ngày Chủ nhật xanh” do tỉnh phát động.", "none"),
        ("Các trường tích cực hưởng ứng “Tháng hành động vì trẻ em”.", "none"),
        ("“Những ngày giá rét, các hộ chăn nuôi đưa trâu bò về chuồng, che chắn kín gió.”", "none"),
    ],
)
def test_quoted_speech_is_read_as_the_sentence_it_quotes(text: str, expected: str) -> None:
    assert reading(text, date(2027, 2, 20)) == expected


# --- "tối X," set off by commas after an opening phrase stamps a report (as "ngày X," does) ------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theo chỉ đạo của UBND tỉnh, tối 23/12, Sở Y tế đã ban hành công văn yêu cầu các bệnh viện tăng cường phòng dịch.", "none"),
        ("Trước đó, tối 3/10, Sở Giáo dục và Đào tạo đã có công văn khẩn yêu cầu các trường cho học sinh nghỉ học.", "none"),
        ("Ngay trong đêm, tối 5/9, UBND huyện vừa có công điện gửi các xã ven biển.", "none"),
        # "tới" (until) still sets the day when no report follows
        ("Các xã tiếp tục lấy ý kiến nhân dân, tới ngày 25/12, các xã phải tổng hợp gửi về huyện.", "date 2027-12-25"),
        ("Các xã tiếp tục lấy ý kiến nhân dân tới ngày 25/12, sau đó tổng hợp gửi về huyện.", "date 2027-12-25"),
    ],
)
def test_an_evening_stamp_after_an_opening_phrase_is_no_deadline(text: str, expected: str) -> None:
    assert reading(text, date(2027, 9, 1)) == expected


# --- a holiday's day written after its name is a day, not the start of a longer number ---------------------
def test_a_number_after_a_holiday_is_not_its_day() -> None:
    d = parse_deadline("Các nhà thầu đẩy nhanh thi công, thông xe trước Tết 1.700 km đường cao tốc.", date(2024, 1, 10))
    assert (d.kind, d.due, d.phrase) == (DeadlineKind.HOLIDAY, date(2024, 2, 9), "trước Tết")
    d = parse_deadline("Các cơ quan treo cờ Tổ quốc trước Quốc khánh 2/9.", date(2024, 1, 10))
    assert d.phrase == "trước Quốc khánh 2/9"


# --- a dot inside a date or a number does not end a clause ("ngày 10.9", "30.4 - 1.5", "TP.HCM") -------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the forecast and the occasion are read with the words before them, days written with dots or slashes
        ("Các xã chủ động ứng phó với mưa lớn dự báo có khả năng xảy ra từ ngày 9.9 đến đêm 10.9 trên địa bàn.", "none"),
        ("Các xã chủ động ứng phó với mưa lớn dự báo có khả năng xảy ra từ ngày 9/9 đến đêm 10/9 trên địa bàn.", "none"),
        ("Đội Quản lý thị trường tăng cường kiểm tra hàng hóa dịp nghỉ lễ 30.4 - 1.5 và Lễ giỗ Tổ Hùng Vương.", "none"),
        ("Đội Quản lý thị trường tăng cường kiểm tra hàng hóa dịp nghỉ lễ 30/4 - 1/5 và Lễ giỗ Tổ Hùng Vương.", "none"),
        # a full stop followed by a space still ends the clause
        ("Dự báo có mưa lớn. Các xã báo cáo tình hình thiệt hại đến ngày 10.9.", "date 2027-09-10"),
    ],
)
def test_a_dot_inside_a_date_does_not_end_the_clause(text: str, expected: str) -> None:
    assert reading(text, date(2027, 3, 1)) == expected
