# ruff: noqa: E501  (real-looking sentences are long)
"""Deadline rules of the seventh round (branch deadl7, issue 11, corpus J dev): each test is one class of
sentence, with sentences written for the test (not copied from the corpus); the rule's comment in
domain/understand/deadline_grammar.py names the dev sentences of its class."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.deadlines import parse_deadline

TODAY = date(2027, 10, 4)  # a Monday


def reading(text: str, today: date = TODAY) -> str:
    d = parse_deadline(text, today)
    return f"{d.kind.value} {d.due or ''} {d.cadence.value if d.cadence else ''}".strip()


# --- the year-end as a season ("dịp cuối năm", "những tháng cuối năm") is no deadline (§21) ---------------
@pytest.mark.parametrize(
    "text",
    [
        "Sở Công Thương chỉ đạo các siêu thị bảo đảm nguồn hàng phục vụ mua sắm trong dịp cuối năm.",
        "Để đáp ứng lượng khách tăng mạnh vào dịp cuối năm, Sở Giao thông vận tải yêu cầu các bến xe tăng chuyến.",
        "Công an huyện tăng cường tuần tra, kiểm soát trật tự an toàn giao thông dịp cuối năm 2027.",
        "Các xã chủ động phương án phòng chống cháy rừng trong những tháng cuối năm.",
        "Ban Chỉ huy quân sự huyện duy trì nghiêm chế độ trực sẵn sàng chiến đấu trong các tháng cuối năm.",
    ],
)
def test_the_year_end_season_is_no_deadline(text: str) -> None:
    assert reading(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Các xã hoàn thành chi trả trợ cấp trước dịp cuối năm.",
        "Phòng Tài chính hoàn thành quyết toán trong những tháng cuối năm.",
        "Các trường hoàn thành sửa chữa phòng học vào cuối năm.",
        "Các phường xong việc cấp giấy chứng nhận trước cuối năm 2027.",
    ],
)
def test_a_deadline_word_before_the_year_end_still_sets_a_limit(text: str) -> None:
    assert reading(text) == "year 2027-12-31"


def test_a_count_of_months_at_the_year_end_stays_a_quarter() -> None:
    assert reading("Các xã hoàn thành thu thuế trong 3 tháng cuối năm.") == "quarter 2027-12-31"


# --- a weekly cadence naming the days of a rest schedule is the schedule's, not the task's (§24) --------
@pytest.mark.parametrize(
    "text",
    [
        "Các trường không áp dụng lịch nghỉ cố định hai ngày thứ bảy và chủ nhật hàng tuần, căn cứ kế hoạch giảng dạy để bố trí ngày nghỉ bù.",
        "Những cơ quan không thực hiện chế độ nghỉ ngày thứ bảy và chủ nhật hằng tuần chủ động sắp xếp lịch trực phù hợp.",
        "Các bệnh viện có lịch nghỉ chủ nhật hằng tuần phải bố trí người trực cấp cứu.",
    ],
)
def test_a_rest_schedules_weekly_days_are_no_cadence_of_the_task(text: str) -> None:
    assert reading(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Văn phòng bố trí cán bộ trực cơ quan sáng thứ Bảy hằng tuần.",
        "Các chi đoàn tổ chức sinh hoạt vào chiều thứ Năm hàng tuần.",
        "Các lớp chào cờ sáng thứ 2 hàng tuần.",
    ],
)
def test_a_weekday_every_week_said_of_the_action_stays_recurring(text: str) -> None:
    assert reading(text) == "recurring  weekly"


# --- "đầu tư" closing an addressee's name is no "tự trọng": the "trong" after it is the preposition ---------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Quản lý dự án giải phóng mặt bằng, bàn giao cho chủ đầu tư trong tháng 11/2027.", "month 2027-11-30"),
        ("Các huyện gửi danh mục dự án về Sở Kế hoạch và Đầu tư trong quý IV/2027.", "quarter 2027-12-31"),
        ("UBND xã hoàn thiện hồ sơ để giao đất cho nhà đầu tư trong tháng 12/2027.", "month 2027-12-31"),
    ],
)
def test_a_time_phrase_after_an_investor_keeps_its_deadline(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a list of days under one "ngày": the last governs ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các khu phố vận động nhân dân treo cờ Tổ quốc trong các ngày: 02/9/2028, 03/9/2028.", "date 2028-09-03"),
        ("Trung tâm Y tế tổ chức tiêm vắc xin tại trạm y tế xã vào các ngày 12/10, 13/10 và 14/10.", "date 2027-10-14"),
        ("Các trường cho học sinh nghỉ học ngày 7 và 8.10 để phòng tránh bão.", "date 2027-10-08"),
    ],
)
def test_a_list_of_days_is_due_on_its_last_day(text: str, expected: str) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 5/10/2027, 6/10/2027, UBND huyện đã tổ chức đoàn kiểm tra các xã.",
        "Thực hiện Công văn số 12/UBND ngày 10/9/2027, 15/9/2027 của UBND tỉnh, các xã rà soát hộ nghèo.",
    ],
)
def test_a_list_of_stamps_or_cited_days_stays_no_deadline(text: str) -> None:
    assert reading(text) == "none"
