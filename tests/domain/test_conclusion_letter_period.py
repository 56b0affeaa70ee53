# ruff: noqa: E501  (letters are long lines)
"""domain/understand/conclusion_letter_period.py: a letter's own period over its items (LABELLING §31.13,
concperiod). Invented letters of the class, and what must not be carried: an item's own day, a plan's year, a
report's period, a span a plan to be written covers."""

from datetime import date

from domain.types import DeadlineKind
from domain.understand.conclusion import split_conclusion

TODAY = date(2024, 11, 12)


def _due_of(text: str, start: str, today: date = TODAY) -> tuple[DeadlineKind, date | None]:
    directives = split_conclusion(text, today).directives
    for d in directives:
        if start in d.text:
            return d.deadline.kind, d.deadline.due
    raise AssertionError(f"no directive with {start!r}: {[d.text for d in directives]}")


_OPENING_ORDER = """UBND tỉnh vừa ban hành Công văn số 512/UBND-KT về các nhiệm vụ những tháng cuối năm 2024.
Theo đó, các sở, ngành, UBND các huyện tập trung chỉ đạo quyết liệt để hoàn thành các nhiệm vụ trọng tâm từ nay đến cuối năm 2024; thực hiện thành công Kế hoạch phát triển kinh tế - xã hội năm 2024.
Đẩy mạnh giải ngân vốn đầu tư công, tháo gỡ vướng mắc về mặt bằng cho các dự án trọng điểm.
Rà soát, sắp xếp lại các cơ sở nhà, đất dôi dư sau sáp nhập trước ngày 20/12/2024.
Chủ động ứng phó với rét đậm, rét hại, bảo vệ cây trồng, vật nuôi."""


def test_the_opening_orders_period_dates_the_items_after_it() -> None:
    assert _due_of(_OPENING_ORDER, "Đẩy mạnh giải ngân") == (DeadlineKind.YEAR, date(2024, 12, 31))
    assert _due_of(_OPENING_ORDER, "Chủ động ứng phó") == (DeadlineKind.YEAR, date(2024, 12, 31))


def test_an_item_with_its_own_day_keeps_it() -> None:
    assert _due_of(_OPENING_ORDER, "Rà soát, sắp xếp") == (DeadlineKind.DATE, date(2024, 12, 20))


def test_a_lead_in_month_just_past_keeps_its_year() -> None:
    # a news page of 12/11 relays the party committee's letter about October's work
    text = """Đảng ủy Sở Y tế yêu cầu các chi bộ trực thuộc thực hiện tốt một số nội dung công tác trong tháng 10/2024 như sau:
Tập trung quán triệt Nghị quyết số 12-NQ/ĐU ngày 05/9/2024 của Đảng ủy Sở.
Tổ chức sinh hoạt chuyên đề về đạo đức nghề nghiệp của cán bộ y tế."""
    assert _due_of(text, "Tập trung quán triệt") == (DeadlineKind.MONTH, date(2024, 10, 31))
    assert _due_of(text, "Tổ chức sinh hoạt") == (DeadlineKind.MONTH, date(2024, 10, 31))


def test_an_older_lead_in_period_is_not_read() -> None:
    text = """Đảng ủy Sở Y tế yêu cầu các chi bộ trực thuộc thực hiện tốt một số nội dung công tác trong tháng 6/2024 như sau:
Tập trung quán triệt Nghị quyết số 12-NQ/ĐU của Đảng ủy Sở."""
    assert _due_of(text, "Tập trung quán triệt")[0] is DeadlineKind.NONE


def test_a_plans_year_is_no_period_of_the_letter() -> None:
    text = """Theo đó, các phòng, ban thực hiện tốt Kế hoạch phát triển kinh tế - xã hội năm 2025 của huyện.
Tăng cường kiểm tra việc chấp hành kỷ luật hành chính tại bộ phận một cửa."""
    assert _due_of(text, "Tăng cường kiểm tra")[0] is DeadlineKind.NONE


def test_a_reports_period_is_not_carried() -> None:
    text = """Kết quả thực hiện nhiệm vụ 9 tháng đầu năm 2024 của các phòng, ban đạt khá, các phòng, ban tiếp tục thực hiện nhiệm vụ trong năm 2024.
Rà soát các hồ sơ tồn đọng, giải quyết dứt điểm đơn thư của công dân."""
    assert _due_of(text, "Rà soát các hồ sơ")[0] is DeadlineKind.NONE


def test_a_span_a_plan_covers_is_not_carried() -> None:
    text = """Theo đó, UBND huyện yêu cầu Ban Quản lý dự án khẩn trương lập tiến độ triển khai thực hiện từ nay đến cuối năm 2024.
Trong đó, Ban phải xác định rõ trách nhiệm của từng cán bộ phụ trách dự án."""
    assert _due_of(text, "Ban phải xác định")[0] is DeadlineKind.NONE


def test_an_item_of_another_lead_takes_no_period() -> None:
    text = """Theo đó, các xã, thị trấn tập trung hoàn thành các nhiệm vụ trọng tâm từ nay đến cuối năm 2024.
Công an huyện tăng cường tuần tra, kiểm soát địa bàn."""
    assert _due_of(text, "Công an huyện")[0] is DeadlineKind.NONE


def test_one_tasks_own_period_is_not_the_letters() -> None:
    text = """Theo đó, UBND các xã thực hiện công tác tiêm chủng trong tháng 12/2024.
UBND các xã tăng cường kiểm tra việc giết mổ gia súc, gia cầm."""
    assert _due_of(text, "UBND các xã thực hiện") == (DeadlineKind.MONTH, date(2024, 12, 31))
    assert _due_of(text, "tăng cường kiểm tra")[0] is DeadlineKind.NONE
