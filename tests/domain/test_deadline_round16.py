"""Deadline rules of branch deadq (domain/understand/deadline_round16.py), with invented sentences of each class."""

from datetime import date

import pytest

from domain.types import Cadence, DeadlineKind
from domain.understand.deadlines import parse_deadline

TODAY = date(2027, 3, 1)


# --- the noun "ngày" (day) is not the adverb "ngay" (at once) --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # a holiday named after "ngày", its calendar day given as an occasion
        "Các trường thực hiện đúng lịch nghỉ lễ ngày Giải phóng miền Nam và ngày Quốc tế thiếu nhi theo hướng dẫn.",
        # a lunar gloss after the break's written end, the doers only asked to follow the notice
        "Đề nghị các cơ quan nghiêm túc chấp hành thời gian nghỉ (tức ngày mùng 6 tháng Giêng) theo quy định.",
        # a named day in a campaign's name
        "Hội Phụ nữ phường tổ chức các hoạt động hưởng ứng ngày Gia đình Việt Nam tại các khu dân cư.",
    ],
)
def test_the_noun_day_is_not_at_once(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is not DeadlineKind.IMMEDIATE


@pytest.mark.parametrize(
    "text",
    [
        "Ban Quản lý chợ khắc phục ngay các điểm cháy nổ trong ngày Chủ nhật xanh.",
        "Phường triển khai ngay kế hoạch tổng vệ sinh.",
        "UBND xa trien khai ngay ke hoach tong ve sinh.",  # written without accents: the adverb as before
    ],
)
def test_the_adverb_at_once_is_still_read(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.IMMEDIATE


# --- a daily clock time that names a noun's hours, not when the work is done (§24, §38.4) ---------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Các hộ gia đình hạn chế bật điều hòa vào các giờ cao điểm phụ tải 10h-12h và 17h-20h hằng ngày.",
        "Người dân tránh đi qua nút giao trong khung giờ tan tầm (16h30-18h30 hàng ngày).",
        "Các cơ sở hạn chế xả thải vào thời điểm triều cường: từ 5h00 – 8h00 và từ 17h00 – 20h00 hàng ngày.",
    ],
)
def test_daily_hours_of_a_noun_are_no_cadence(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Các trạm y tế tổng hợp số ca mắc, báo cáo Trung tâm Y tế vào 15h00 hằng ngày.",
        "Tổ công tác tuần tra trong khoảng thời gian từ 22 giờ đến 2 giờ hằng ngày tại các tuyến đường.",
        "Các xã gửi số liệu về Phòng Nông nghiệp trước 10h30 hàng ngày.",
    ],
)
def test_daily_hours_of_the_action_stay_a_cadence(text: str) -> None:
    found = parse_deadline(text, TODAY)
    assert (found.kind, found.cadence) == (DeadlineKind.RECURRING, Cadence.DAILY)


# --- a day of Tết written as a lunar day (§15, §23, §36.6) -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "today", "due"),
    [
        # a start day on a named lunar year's first day (Tết Đinh Mùi: 6 February 2027)
        (
            "Từ 0 giờ mùng 1 Tết Nguyên đán Đinh Mùi, các chốt kiểm soát hoạt động 24/24.",
            date(2026, 12, 20),
            date(2027, 2, 6),
        ),
        # a window's lunar end, no year: the next one after the document's day
        ("Các chợ được hoạt động đến hết mùng 4 Tết.", date(2027, 1, 10), date(2027, 2, 9)),
        # "tháng Giêng" with a solar year
        (
            "Lễ hội khai mạc vào sáng mồng 6 tháng Giêng năm 2027, Ban tổ chức hoàn tất trang trí.",
            TODAY.replace(month=1),
            date(2027, 2, 11),
        ),
    ],
)
def test_a_lunar_day_of_tet_is_a_day(text: str, today: date, due: date) -> None:
    found = parse_deadline(text, today)
    assert (found.kind, found.due) == (DeadlineKind.DATE, due)


def test_a_lunar_gloss_leaves_the_solar_day_governing() -> None:
    text = "Cán bộ nghỉ Tết từ ngày 5/2/2027 đến hết ngày 10/2/2027 (tức đến hết mùng 5 tháng Giêng năm Đinh Mùi)."
    found = parse_deadline(text, date(2027, 1, 5))
    assert (found.kind, found.due, found.phrase) == (DeadlineKind.DATE, date(2027, 2, 10), "đến hết ngày 10/2/2027")
