"""A holiday notice's duty line that points back to a break whose days the notice writes runs to the break's last
day (LABELLING §38.1 with its refinement of §30.3 / §32.9; domain/understand/conclusion_duty15.py).

The notices are written for these tests (not copied from a corpus)."""

from datetime import date

from domain.types import DeadlineKind
from domain.understand.conclusion import split_conclusion

TODAY = date(2031, 4, 20)


def _duty_line(text: str):
    found = [d for d in split_conclusion(text, TODAY).directives if "trực" in d.text]
    assert len(found) == 1, [d.text for d in split_conclusion(text, TODAY).directives]
    return found[0]


def test_duty_during_a_written_break_runs_to_its_last_day() -> None:
    text = (
        "THÔNG BÁO nghỉ lễ Chiến thắng và Quốc tế Lao động năm 2031\n"
        "1. Công chức, viên chức của Trung tâm được nghỉ lễ từ ngày 30/4/2031 đến hết ngày 04/5/2031.\n"
        "2. Phòng Hành chính bố trí cán bộ trực trong những ngày nghỉ để xử lý công việc phát sinh.\n"
    )
    duty = _duty_line(text)
    assert duty.deadline.kind is DeadlineKind.DATE
    assert duty.deadline.due == date(2031, 5, 4)
    assert duty.deadline.phrase == "trong những ngày nghỉ"


def test_a_single_bracketed_day_off_is_the_break() -> None:
    text = (
        "Thông báo nghỉ Tết Dương lịch năm 2032\n"
        "- Cán bộ, nhân viên được nghỉ Tết trong một ngày (01/01/2032).\n"
        "- Đội bảo vệ tổ chức trực cơ quan trong thời gian nghỉ Tết, bảo đảm an toàn tài sản.\n"
    )
    duty = _duty_line(text)
    assert (duty.deadline.kind, duty.deadline.due) == (DeadlineKind.DATE, date(2032, 1, 1))


def test_a_notice_naming_only_the_holiday_gives_no_day() -> None:
    text = (
        "Bảo đảm an toàn trong dịp nghỉ lễ Quốc khánh 02/9/2031\n"
        "Giám đốc Sở yêu cầu các phòng tăng cường công tác bảo vệ trong dịp nghỉ lễ Quốc khánh 02/9/2031.\n"
        "Các phòng phân công lãnh đạo trực tại trụ sở trong thời gian nghỉ lễ.\n"
    )
    assert _duty_line(text).deadline.kind is DeadlineKind.NONE


def test_a_duty_line_not_pointing_back_gives_no_day() -> None:
    text = (
        "Thông báo lịch nghỉ Tết Nguyên đán\n"
        "1. Viên chức được nghỉ Tết từ ngày 05/02/2032 đến hết ngày 11/02/2032.\n"
        "2. Yêu cầu các khoa bố trí sắp xếp các bộ phận trực, làm việc hợp lý để giải quyết công việc liên tục.\n"
    )
    assert _duty_line(text).deadline.kind is DeadlineKind.NONE


def test_two_breaks_for_two_groups_give_no_day() -> None:
    text = (
        "Kế hoạch nghỉ Tết của Nhà trường như sau:\n"
        "1. Đối với học sinh:\n"
        "- Thời gian nghỉ Tết từ ngày 01/02/2032 đến hết ngày 15/02/2032.\n"
        "2. Đối với giáo viên, nhân viên:\n"
        "- Thời gian nghỉ Tết từ ngày 05/02/2032 đến hết ngày 11/02/2032.\n"
        "3. Tổ bảo vệ bố trí người trực trong những ngày nghỉ Tết.\n"
    )
    assert _duty_line(text).deadline.kind is DeadlineKind.NONE


def test_the_weeks_days_off_are_not_the_break() -> None:
    text = (
        "Thông báo nghỉ lễ Quốc khánh\n"
        "Công chức được nghỉ lễ 1 ngày vào thứ Ba (ngày 02/9/2031).\n"
        "Đơn vị trực cấp cứu bố trí cho nhân viên nghỉ bù vào ngày nghỉ hằng tuần cho phù hợp.\n"
    )
    assert _duty_line(text).deadline.kind is DeadlineKind.NONE
