"""domain/understand/conclusion_timelines.py: deadline lines set out under an item (LABELLING §32.1, conv12).

Invented notices of the class — a task in a numbered item, then a bare "Thời gian …:" label and one line a
group with its day — and the cases the rule must leave alone."""

from datetime import date

from domain.types import DeadlineKind
from domain.understand.conclusion import split_conclusion

TODAY = date(2024, 3, 1)


def _deadlines(text: str) -> list[tuple[str, DeadlineKind, date | None]]:
    return [(d.text[:30], d.deadline.kind, d.deadline.due) for d in split_conclusion(text, TODAY).directives]


def _due_of(text: str, start: str) -> tuple[DeadlineKind, date | None]:
    for d in split_conclusion(text, TODAY).directives:
        if start in d.text:
            return d.deadline.kind, d.deadline.due
    raise AssertionError(f"no directive with {start!r}: {_deadlines(text)}")


_SCHOOL = """Trường THCS Hòa Bình thông báo kế hoạch kiểm tra học kỳ 2 như sau:
1. Kiểm tra giữa kỳ
- Hình thức: Làm bài trên giấy tại lớp.
- Tổ chức: Các tổ chuyên môn ra đề và chấm bài theo ma trận đã thống nhất.
- Thời gian tiến hành:
+ Khối 6: xong trước ngày 10/4/2024.
+ Khối 7 và 8: xong trước ngày 17/4/2024.
+ Khối 9: xong trước ngày 12/4/2024.
2. Kiểm tra cuối kỳ
- Địa điểm: Tại trường.
- Giáo viên chủ nhiệm nhắc học sinh mang đủ dụng cụ học tập."""


def test_group_lines_date_the_task_above_them_by_their_latest_day() -> None:
    assert _due_of(_SCHOOL, "Các tổ chuyên môn ra đề") == (DeadlineKind.DATE, date(2024, 4, 17))


def test_the_next_numbered_item_is_not_dated_by_them() -> None:
    assert _due_of(_SCHOOL, "Giáo viên chủ nhiệm nhắc") == (DeadlineKind.NONE, None)


def test_group_lines_are_not_tasks_of_their_own() -> None:
    texts = [d.text for d in split_conclusion(_SCHOOL, TODAY).directives]
    assert not any(t.lstrip("+ ").startswith("Khối") for t in texts)


def test_a_task_with_its_own_day_keeps_it() -> None:
    text = """Phòng Giáo dục thông báo việc kiểm tra chuyên đề như sau:
1. Kiểm tra chuyên đề
- Triển khai: Các trường rà soát hồ sơ chuyên môn. Hiệu trưởng các trường gửi danh sách về Phòng trước ngày 05/4/2024.
- Thời gian thực hiện:
+ Cụm trường phía Bắc: hoàn thành trước ngày 20/4/2024.
+ Cụm trường phía Nam: hoàn thành trước ngày 27/4/2024."""
    assert _due_of(text, "Các trường rà soát hồ sơ") == (DeadlineKind.DATE, date(2024, 4, 27))
    assert _due_of(text, "Hiệu trưởng các trường gửi") == (DeadlineKind.DATE, date(2024, 4, 5))


def test_a_cadence_under_the_label_is_left_to_the_other_rules() -> None:
    # §31.8: a line of an action that itself repeats is no day; the block is not read as group days
    text = """Nhà trường thông báo lịch sinh hoạt dưới cờ như sau:
1. Sinh hoạt dưới cờ
- Tổ chức: Đoàn trường phân công các chi đoàn trực cờ đỏ.
- Thời gian:
+ Tất cả các thứ Hai đầu tuần, từ 7 giờ đến 7 giờ 30.
+ Khối 12: xong trước ngày 15/4/2024."""
    kind, _ = _due_of(text, "Đoàn trường phân công")
    assert kind is not DeadlineKind.DATE or _ != date(2024, 4, 15)


def test_a_label_with_lines_of_another_kind_carries_nothing() -> None:
    text = """Ban chỉ đạo thông báo kế hoạch tổng vệ sinh như sau:
1. Tổng vệ sinh khu dân cư
- Các tổ dân phố vận động hộ gia đình dọn dẹp đường làng, ngõ xóm.
- Thời gian tổ chức:
+ Địa điểm tập kết: nhà văn hóa tổ dân phố.
+ Dụng cụ: các hộ tự chuẩn bị."""
    assert _due_of(text, "Các tổ dân phố vận động") == (DeadlineKind.NONE, None)
