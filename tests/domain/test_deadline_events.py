# ruff: noqa: E501  (real-looking sentences are long)
"""Deadline classes of issue 11 seen on the v4 dev sets: counted days that are no "ngay" (at once),
durations with words between the trigger and the count, round-the-clock duty, holidays named by
their day as occasions, standing reporting rules, start days and event days. Each group is one
class, with sentences written for the test (not copied from the corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.deadlines import parse_deadline

APR16 = date(2021, 4, 16)


def reading(text: str, today: date = APR16) -> str:
    d = parse_deadline(text, today)
    return f"{d.kind.value} {d.due or ''} {d.cadence.value if d.cadence else ''}".strip()


# --- a count before "ngày" (in brackets, after "số") makes it a day, not "ngay" (at once) ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hồ sơ phải nộp chậm nhất đến ngày 10/4/2021 (10 ngày trước ngày khai giảng), đồng thời niêm yết công khai.", "date 2021-04-10"),
        ("Các xã đề phòng mưa lớn kéo dài trong một số ngày tới.", "none"),
        ("Số ngày nghỉ phép được tính theo quy định.", "none"),
        ("Đề nghị các đơn vị khắc phục ngay (nếu có sai sót).", "immediate"),
    ],
)
def test_a_counted_day_is_no_at_once(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a count spelled out then bracketed between a duration's trigger and its unit ---
# ("trong vòng khoảng 07 ngày", E025-01, is branch deadl2's: the same class, done there)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trong thời hạn không quá mười lăm (15) ngày, chủ đầu tư báo cáo Sở Xây dựng.", "relative 2021-05-01"),
        ("Trong thời hạn bảy (07) ngày kể từ ngày nhận đơn, UBND xã trả lời công dân.", "relative 2021-04-23"),
        ("Đơn vị thi công sửa chữa khoảng 300 mét đường (10 ngày trước đã khảo sát).", "none"),
    ],
)
def test_a_spelled_count_before_bracketed_digits(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- round the clock ("24/24 giờ trong ngày") is how a duty runs, not a deadline ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các chốt kiểm soát duy trì lực lượng trực 24/24 giờ trong ngày.", "none"),
        ("Bảo đảm trực chỉ huy 24/24h trong ngày, kể cả thứ bảy, chủ nhật.", "none"),
        ("Văn phòng tổng hợp báo cáo trong ngày.", "date 2021-04-16"),
        ("Gửi danh sách trước 17 giờ trong ngày.", "date 2021-04-16"),
    ],
)
def test_round_the_clock_is_no_deadline(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a holiday named by its day, as an occasion ("dịp nghỉ lễ 30/4 - 1/5") vs a deadline ("trước 30/4") ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đội Quản lý thị trường kiểm tra hàng hóa dịp nghỉ lễ 30/4 - 1/5.", "none"),
        ("Công an các phường bảo đảm an ninh trật tự trong dịp nghỉ lễ 2/9 và Tết Trung thu.", "none"),
        ("Các trường tổ chức trực dịp nghỉ lễ 30/4 và Lễ giỗ Tổ Hùng Vương.", "none"),
        ("Các xã hoàn thành việc sửa chữa trụ sở trước 30/4.", "holiday 2021-04-29"),
        ("Ban quản lý phải thi công xong dịp 2/9.", "holiday 2021-09-01"),
    ],
)
def test_a_holiday_day_as_occasion(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- standing reporting rules: a day of every reporting period is recurring ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Báo cáo quý gửi trước ngày 15 của tháng cuối quý báo cáo;", "recurring  quarterly"),
        ("- Báo cáo năm gửi trước ngày 20/01 của năm liền kề năm báo cáo.", "recurring  yearly"),
        ("- Báo cáo 9 tháng gửi trước ngày 05/10 của năm báo cáo.", "recurring  yearly"),
        ("Chậm nhất ngày 25 của tháng báo cáo, các đơn vị gửi số liệu về Sở.", "recurring  monthly"),
        ("Các xã nộp báo cáo trước ngày 20/01 của năm 2022.", "date 2022-01-20"),
    ],
)
def test_a_day_of_every_reporting_period_is_recurring(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- the day a measure takes effect ("kể từ ngày X", "từ chiều X") when nothing else is due; a window is its end's ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các trường cho học sinh nghỉ học kể từ ngày 20/4/2021.", "date 2021-04-20"),
        ("Thời gian áp dụng kể từ 0 giờ ngày 18/4/2021 cho đến khi có thông báo mới.", "date 2021-04-18"),
        ("Từ sáng 19/4, các chốt kiểm soát dịch bệnh hoạt động trở lại.", "date 2021-04-19"),
        ("Các tổ công tác trực từ ngày 20/4 đến ngày 25/4.", "date 2021-04-25"),
        ("Kể từ ngày 1/3/2021, phường đã tiếp nhận 120 hồ sơ.", "none"),
        ("Kể từ ngày 1/5/2021 đến khi có thông báo mới, tạm dừng các lễ hội.", "date 2021-05-01"),
        ("Từ ngày 20/4/2021 cho đến nay, các xã đã tiếp nhận 50 hồ sơ.", "none"),
        ("Kiểm tra việc chấp hành tính từ ngày 20/4/2021.", "none"),
        ("Hoàn thành việc lắp đặt trước ngày 30/4/2021 để vận hành từ ngày 1/5/2021.", "date 2021-04-30"),
    ],
)
def test_the_day_a_measure_takes_effect(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a part of the day between the trigger and the day: "ngay trong đêm 20/4", "từ chiều 18/4", "trước trưa 19/4" ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lực lượng cứu hộ tiếp cận ngay trong đêm 18/4 các khu vực bị chia cắt.", "date 2021-04-18"),
        ("Các xã báo cáo số liệu trước trưa 19/4.", "date 2021-04-19"),
    ],
)
def test_a_part_of_the_day_before_the_day(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- the period of a weather forecast is not the work's ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các địa phương chủ động ứng phó với mưa lớn dự báo có khả năng xảy ra từ ngày 20/4 đến đêm 22/4.", "none"),
        ("Các hồ chứa tích nước để chủ động trước dự báo tình hình khô, hạn trong năm 2022.", "none"),
        ("Trung tâm Khí tượng gửi bản tin dự báo trước ngày 20/4.", "date 2021-04-20"),
    ],
)
def test_a_forecast_period_is_no_deadline(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a time line "Thời gian tổ chức … ngày X, bắt đầu từ …": the day is the activity's ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thời gian tổ chức hội thi tại nhà văn hóa các khu phố ngày 25/4/2021, bắt đầu từ 7 giờ 30.", "date 2021-04-25"),
        ("- Thời gian thực hiện: ngày 28/4/2021, tại hội trường UBND phường.", "date 2021-04-28"),
        ("Ngày 25/4/2021, UBND phường đã tổ chức hội thi.", "none"),
    ],
)
def test_a_time_line_dates_its_activity(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a reported earlier instruction ("Trước đó, ngày X, … đã có văn bản …"): its year-less days count from X ---
@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("Trước đó, ngày 2/3, UBND huyện đã có văn bản yêu cầu các xã báo cáo trước ngày 30/3.", date(2021, 4, 16), "date 2021-03-30"),
        ("Trước kiến nghị này, ngày 5/4, Sở Y tế đã có công văn đề nghị các bệnh viện rà soát trước ngày 10/4.", date(2021, 4, 16), "date 2021-04-10"),
        ("Ngày 20/12, UBND tỉnh đã ban hành văn bản giao Sở Tài chính hoàn thành trước ngày 15/1.", date(2021, 1, 5), "date 2021-01-15"),
        ("Các xã báo cáo UBND huyện trước ngày 30/3.", date(2021, 4, 16), "date 2022-03-30"),
    ],
)
def test_a_reported_instruction_counts_from_its_day(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a response set for when something happens ("khi xảy ra sự cố phải … ngay") is no deadline ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các xã bố trí lực lượng thường trực; khi xảy ra sạt lở phải sơ tán ngay người dân ra khỏi khu vực nguy hiểm.", "none"),
        ("Trạm Y tế theo dõi chặt chẽ, khi phát hiện ca bệnh báo cáo ngay về Trung tâm Y tế huyện.", "none"),
        ("Sau cuộc họp, các phòng triển khai ngay kế hoạch kiểm tra.", "immediate"),
    ],
)
def test_a_contingent_response_is_no_deadline(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a deadline label ("Hạn cuối nhận hồ sơ: …") and a day stamp that sets an obligation ("Ngày X, Y phải …") ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hạn cuối nhận hồ sơ đăng ký: 30/6/2021.", "date 2021-06-30"),
        ("- Hạn nộp bài dự thi: ngày 10/5/2021.", "date 2021-05-10"),
        ("Ngày 15/5, các trường phải hoàn thành việc bàn giao sổ điểm.", "date 2021-05-15"),
        ("Ngày 20/4, các xã có trách nhiệm gửi danh sách về huyện.", "date 2021-04-20"),
        ("Ngày 20/4, Sở Y tế cho biết các bệnh viện cần tăng cường phòng dịch.", "none"),
        ("Ngày 20/4/2021, UBND huyện đã ban hành văn bản yêu cầu các xã phải rà soát.", "none"),
        ("Ngày 25/4, Sở GD&ĐT có văn bản yêu cầu các trường cần dạy học trực tuyến.", "none"),
    ],
)
def test_a_deadline_label_and_a_stamp_that_obliges(text: str, expected: str) -> None:
    assert reading(text) == expected
