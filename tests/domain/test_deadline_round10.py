"""Deadline rules of the tenth round (branch deadm, eighth issue-11 session, corpus M's first look): each test is
one class of sentence, with sentences written for the test (not copied from the corpus); the rule's comment in
domain/understand/deadline_round10.py names the dev sentences of its class."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.deadlines import parse_deadline

TODAY = date(2027, 3, 1)  # a Monday


def reading(text: str, today: date = TODAY) -> str:
    d = parse_deadline(text, today)
    return f"{d.kind.value} {d.due or ''}".strip()


# --- a day in brackets after "vào" and the words naming it is that day (§15) ---------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các tổ rà soát hộ dân vào ngày kiểm đếm đầu tiên (15-3-2027) tại nhà văn hóa thôn.", "date 2027-03-15"),
        ("Đoàn thanh niên các xã ra quân dọn vệ sinh vào ngày cao điểm (20/3/2027).", "date 2027-03-20"),
        ("Các cơ quan treo cờ Tổ quốc vào thứ Sáu (ngày 2.4.2027).", "date 2027-04-02"),
        ("Ban tổ chức bố trí xe đưa đón đại biểu vào ngày khai mạc hội nghị (ngày 12/3).", "date 2027-03-12"),
    ],
)
def test_bracketed_day_after_the_named_day(text: str, expected: str) -> None:
    assert reading(text) == expected


# guards: a bracketed day that is a stamp or a cited document's day, with no "vào" naming it, stays unread
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hôm qua (28/2), Sở Y tế đã có văn bản yêu cầu các trạm y tế rà soát danh sách.", "none"),
        ("Sở tổ chức hội nghị sơ kết (ngày 20/3/2027) để các xã báo cáo kết quả.", "none"),
        ("Thực hiện Công văn số 12/UBND (ngày 10/3/2027), các xã rà soát hộ nghèo.", "none"),
        ("Vào năm trước, các xã đã tổ chức (ngày 20/3/2026) lễ ra quân.", "none"),
    ],
)
def test_bracketed_day_guards(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a cadence word outside the task's action: the weekly day off, a comparison, a reported past practice ----
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các phòng bố trí người trực, cho nghỉ bù vào ngày nghỉ hằng tuần kế tiếp.", "none"),
        ("Trưởng các bộ phận căn cứ ngày nghỉ hàng tuần của từng người để xếp lịch trực Tết.", "none"),
        ("Năm nay mưa đến sớm hơn so với mọi năm, đề nghị các hợp tác xã nạo vét kênh mương.", "none"),
        ("Do giá vật tư tăng cao so với hằng năm nên các hộ cần tính toán diện tích gieo trồng.", "none"),
        ("Yêu cầu các hộ rào chắn ao hồ mặc dù hằng năm đã được nhắc nhở nhiều lần.", "none"),
    ],
)
def test_cadence_outside_the_action(text: str, expected: str) -> None:
    assert reading(text) == expected


# guards: a cadence that times the action stays recurring
@pytest.mark.parametrize(
    ("text", "cadence"),
    [
        ("Các trạm y tế báo cáo số ca mắc trước 16 giờ hằng ngày.", "daily"),
        ("Hằng năm, các xã tổ chức ra quân làm thủy lợi nội đồng.", "yearly"),
        ("Các tổ dân phố tổng vệ sinh vào sáng Chủ nhật hằng tuần.", "weekly"),
        ("Hằng tháng các trường báo cáo sĩ số về Phòng Giáo dục.", "monthly"),
    ],
)
def test_cadence_of_the_action_guards(text: str, cadence: str) -> None:
    d = parse_deadline(text, TODAY)
    assert (d.kind.value, d.cadence.value if d.cadence else None) == ("recurring", cadence)
