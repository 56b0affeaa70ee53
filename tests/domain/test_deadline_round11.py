"""Deadline rules of the eleventh round (branch deadn, ninth issue-11 session, corpus N's first look): each test is
one class of sentence, with sentences written for the test (not copied from the corpus); the rule's comment in
domain/understand/deadline_round11.py names the dev sentences of its class."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.deadlines import parse_deadline

NOW = date(2027, 3, 1)  # a Monday


def reading(text: str, now: date = NOW) -> str:
    d = parse_deadline(text, now)
    return f"{d.kind.value} {d.due or ''}".strip()


# --- work done to prepare an event whose calendar days are written: `date`, the event's FIRST day -------------
# (LABELLING.md session 8 decision 4: a reminder at the window's end would come after the event began)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Để chuẩn bị cho hội chợ diễn ra từ ngày 10 đến 14/3, Ban tổ chức yêu cầu các xã đăng ký gian hàng.",
            "date 2027-03-10",
        ),
        (
            "Các trường rà soát phòng thi nhằm chuẩn bị cho kỳ thi học sinh giỏi (diễn ra từ ngày 22 - 24.3).",
            "date 2027-03-22",
        ),
        (
            "Các hợp tác xã làm đất, bơm nước để kịp gieo cấy trong khung lịch thời vụ từ 5/4 đến 15/4/2027.",
            "date 2027-04-05",
        ),
        # a window across the month's end keeps the first day's own month
        (
            "Để chuẩn bị cho đợt kiểm tra từ ngày 29/3 đến 2/4, các phòng chuyên môn hoàn thiện hồ sơ.",
            "date 2027-03-29",
        ),
        # one calendar day of the event, written: `date` that day (no longer `relative`)
        (
            "Các khu phố niêm yết danh sách cử tri để chuẩn bị cho cuộc bầu cử được tổ chức vào ngày 21/3/2027.",
            "date 2027-03-21",
        ),
    ],
)
def test_work_for_an_event_is_due_the_events_first_written_day(text: str, expected: str) -> None:
    assert reading(text) == expected


# guards: an event named without a calendar day stays an anchor; the work's own deadline word still governs
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các trường sửa chữa phòng học để kịp năm học mới vào giữa tháng 8/2027.", "relative 2027-08-15"),
        (
            "Phòng Văn hóa hoàn thành kế hoạch trong tháng 3 để chuẩn bị cho hội nghị diễn ra từ ngày 10 đến 12/4.",
            "month 2027-03-31",
        ),
        ("Các đơn vị nộp hồ sơ để kịp báo cáo Sở trước ngày 20/3/2027.", "date 2027-03-20"),
        # a window that is the work's own, with no purpose clause: its end governs (§15)
        ("Các hộ nộp thuế sử dụng đất từ ngày 10/3 đến hết ngày 25/3.", "date 2027-03-25"),
    ],
)
def test_guards_of_the_event_reading(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "trong N ngày" followed by the N-day window it is: the window's day, not N days from now ------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the work is done inside the window: its last day (§15)
        ("Các xã hoàn thành thu thuế sử dụng đất trong 5 ngày, từ ngày 8 đến hết ngày 12/3/2027.", "date 2027-03-12"),
        ("Phường tổ chức tiêm phòng dại cho chó, mèo trong 3 ngày (từ 15 - 17.3).", "date 2027-03-17"),
        # an event's span ("diễn ra", "được tổ chức"): the event's first day
        ("Hội nghị tổng kết sẽ được tổ chức trong hai ngày từ 20-21/3/2027 tại hội trường huyện.", "date 2027-03-20"),
        ("Kỳ thi diễn ra trong 3 ngày (từ ngày 30/3 đến 1/4), các trường bố trí cán bộ coi thi.", "date 2027-03-30"),
    ],
)
def test_a_duration_that_is_the_written_window(text: str, expected: str) -> None:
    assert reading(text) == expected


# guards: a duration counted from a day, or a window of another length, is still a duration
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các xã nộp hồ sơ trong 10 ngày kể từ ngày 5/3/2027.", "relative 2027-03-15"),
        # a window of another length is not those days
        ("Chợ hoàn thành di dời trong 10 ngày, từ ngày 2 đến 5/3 các hộ tạm ngừng bán.", "relative 2027-03-11"),
    ],
)
def test_guards_of_the_window_reading(text: str, expected: str) -> None:
    assert reading(text) == expected
