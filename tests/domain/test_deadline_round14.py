"""Deadline rules of branch deado (domain/understand/deadline_round14.py), with invented sentences of each class."""

from datetime import date

import pytest

from domain.types import DeadlineKind
from domain.understand.deadlines import deadline_in_context, parse_deadline
from domain.understand.directive import parse_directive

TODAY = date(2027, 3, 1)


# --- "ngay" that answers a condition (LABELLING §22, §31.6) --------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Khi nhận được phản ánh của người dân về rác thải tồn đọng trên các tuyến đường liên thôn, "
        "Tổ công tác phải kiểm tra, xử lý ngay.",
        "- Trường hợp phát hiện gia súc có biểu hiện bỏ ăn: sốt cao, chảy nước dãi, thú y viên cần báo ngay cho trạm.",
        "Nếu mực nước vượt báo động 2, các xã ven sông sơ tán ngay người dân ra khỏi vùng trũng.",
        "Phòng Giáo dục sẽ thông báo ngay đến các trường khi có quyết định cho học sinh đi học trở lại.",
    ],
)
def test_ngay_answering_a_condition_is_no_deadline(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Các xã triển khai ngay việc khơi thông cống rãnh trên địa bàn.",
        "Khi đến trụ sở, các hộ nộp hồ sơ. Phòng Tài chính rà soát ngay danh sách các hộ còn nợ.",  # another sentence
        "Nếu có vướng mắc thì báo cáo về Sở; đồng thời các trường tổ chức ngay việc kiểm tra sĩ số.",  # another clause
        "UBND huyện yêu cầu bãi bỏ ngay các khoản thu trái quy định khi giải quyết thủ tục hành chính.",
    ],
)
def test_ngay_of_one_task_stays_immediate(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.IMMEDIATE


# --- a day of the sentence before and a sentence that marks itself as another or an ongoing task --------------
BEFORE = "Ngày 2/3, UBND tỉnh có công văn yêu cầu các huyện ven biển báo cáo thiệt hại chậm nhất ngày 5/3."


@pytest.mark.parametrize(
    "text",
    [
        "Ngoài ra, Sở Nông nghiệp tổ chức tập huấn kỹ thuật nuôi trồng cho các hợp tác xã.",
        "Sở Tài chính cũng đề nghị các huyện chủ động bố trí nguồn dự phòng để hỗ trợ người dân.",
        "Các xã tiếp tục theo dõi diễn biến thời tiết để thông báo kịp thời cho ngư dân.",
        "Hội Phụ nữ kêu gọi hội viên tiếp tục duy trì phong trào nuôi heo đất giúp nhau.",
    ],
)
def test_another_or_ongoing_task_takes_no_day_of_the_sentence_before(text: str) -> None:
    assert parse_directive(text, TODAY, context=BEFORE).deadline.kind is DeadlineKind.NONE
    assert deadline_in_context(text, TODAY, BEFORE).kind is DeadlineKind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Các huyện ven biển tổng hợp số liệu thiệt hại về nhà ở, tàu thuyền.",  # the same task, no mark: carried
        "Các xã phối hợp cùng giáo viên rà soát số học sinh bị ảnh hưởng.",  # "cùng", not "cũng"
        "Các xã tiếp tục theo dõi, báo cáo theo thời gian nêu trên.",  # points back to the time
    ],
)
def test_the_same_task_or_a_pointer_back_keeps_the_day(text: str) -> None:
    got = parse_directive(text, TODAY, context=BEFORE).deadline
    assert (got.kind, got.due) == (DeadlineKind.DATE, date(2027, 3, 5))


def test_a_lead_in_still_scopes_its_items() -> None:
    lead_in = "Từ nay đến hết ngày 20/3, UBND xã yêu cầu các thôn thực hiện các nội dung sau:"
    got = parse_directive("- Ngoài ra, các thôn tiếp tục theo dõi số hộ còn nợ phí.", TODAY, context=lead_in).deadline
    assert (got.kind, got.due) == (DeadlineKind.DATE, date(2027, 3, 20))


# --- a notice's "Thời gian <việc>: từ A đến B" line times its items (conclusion_round14.timed_by_the_notice_line) --
from domain.understand.conclusion import split_conclusion  # noqa: E402


class _Items(dict):
    """item text -> (kind, due); looked up by the item's opening words."""

    def __getitem__(self, opening: str) -> tuple[DeadlineKind, date | None]:
        found = [v for k, v in self.items() if k.lstrip("0123456789./ ").startswith(opening)]
        assert len(found) == 1, (opening, list(self))
        return found[0]


def _deadlines(text: str) -> _Items:
    parsed = split_conclusion(text, date(2027, 4, 20))
    return _Items({d.text: (d.deadline.kind, d.deadline.due) for d in parsed.directives})


def test_a_numbered_time_line_times_the_item_before_it() -> None:
    got = _deadlines(
        "THÔNG BÁO VỀ VIỆC TREO CỜ TỔ QUỐC\n"
        "UBND phường Tân An thông báo đến các cơ quan, đơn vị và nhân dân thực hiện treo cờ Tổ quốc như sau:\n"
        "1/ Các cơ quan, trường học và hộ gia đình trên địa bàn phường thực hiện treo cờ Tổ quốc tại trụ sở và nhà ở.\n"
        "2/ Thời gian treo cờ Tổ quốc: Từ ngày 29/4/2027 đến hết ngày 02/5/2027.\n"
    )
    assert got["Các cơ quan, trường học và"] == (DeadlineKind.DATE, date(2027, 5, 2))


def test_a_time_line_before_the_list_times_its_items_and_an_announcement_takes_the_start() -> None:
    got = _deadlines(
        "Thông báo ra quân tổng vệ sinh môi trường\n"
        "UBND xã Hòa Bình thông báo đến các thôn, cơ quan, đơn vị về đợt tổng vệ sinh cụ thể như sau:\n"
        "Thời gian ra quân vệ sinh: Từ ngày 10/5/2027 đến hết ngày 12/5/2027.\n"
        "1. Đài truyền thanh xã thông tin nội dung thông báo này để nhân dân biết, thực hiện.\n"
        "2. Các thôn huy động đoàn viên, hội viên dọn dẹp đường làng, khơi thông cống rãnh.\n"
        "3. Trạm Y tế xã có trách nhiệm cấp hóa chất khử khuẩn cho các thôn.\n"
    )
    assert got["Đài truyền thanh xã thông "] == (DeadlineKind.DATE, date(2027, 5, 10))
    assert got["Các thôn huy động đoàn viê"] == (DeadlineKind.DATE, date(2027, 5, 12))
    assert got["Trạm Y tế xã có trách nhiệ"] == (DeadlineKind.DATE, date(2027, 5, 12))


def test_a_lead_in_that_is_the_one_task_takes_its_first_time_line() -> None:
    got = _deadlines(
        "Kính gửi: Hiệu trưởng các trường THCS.\n"
        "Phòng Giáo dục và Đào tạo huyện đề nghị Hiệu trưởng các trường THCS tổ chức cho học sinh tham gia cuộc thi "
        "viết thư quốc tế như sau:\n"
        "1. Thời gian dự thi: Từ ngày 02/5/2027 đến ngày 25/5/2027.\n"
        "2. Đối tượng dự thi: Học sinh từ lớp 6 đến lớp 9.\n"
    )
    assert (DeadlineKind.DATE, date(2027, 5, 25)) in got.values()


def test_an_item_with_its_own_day_keeps_it() -> None:
    got = _deadlines(
        "UBND xã thông báo lịch tiêm phòng cho đàn gia súc cụ thể như sau:\n"
        "Thời gian tiêm phòng gia súc: Từ ngày 03/5/2027 đến hết ngày 08/5/2027.\n"
        "1. Các thôn lập danh sách hộ chăn nuôi gửi về UBND xã trước ngày 30/4/2027.\n"
        "2. Thú y viên các thôn có trách nhiệm tiêm phòng cho đàn gia súc tại từng hộ.\n"
    )
    assert got["Các thôn lập danh sách hộ"] == (DeadlineKind.DATE, date(2027, 4, 30))
    assert got["Thú y viên các thôn có"] == (DeadlineKind.DATE, date(2027, 5, 8))


# --- a bare "trong năm" that qualifies the noun before it (deadline_round14.year_of_a_noun) ---------------------
@pytest.mark.parametrize(
    "text",
    [
        "Bộ phận một cửa tiếp nhận hồ sơ vào tất cả các ngày làm việc trong năm.",
        "Các phòng chuyên môn đôn đốc giải ngân nhằm nâng tỷ lệ giải ngân vốn sự nghiệp trong năm.",
    ],
)
def test_the_year_of_a_noun_is_no_deadline(text: str) -> None:
    assert parse_deadline(text, TODAY).kind is DeadlineKind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Các xã hoàn thành việc cấp giấy chứng nhận quyền sử dụng đất trong năm.",
        "Phấn đấu đạt 100% chỉ tiêu tuyển quân trong năm.",
        "Các xã hoàn thành cấp giấy chứng nhận trong năm 2027.",
        "Các trường rà soát cơ sở vật chất trong năm nay.",
    ],
)
def test_a_year_asked_for_the_work_stays_a_deadline(text: str) -> None:
    got = parse_deadline(text, TODAY)
    assert (got.kind, got.due) == (DeadlineKind.YEAR, date(2027, 12, 31))


# --- "trong N ngày, kể từ A đến hết B": the count is the window's length (deadline_round11, widened) -----------
def test_a_count_of_days_with_its_window_opened_by_ke_tu_is_the_window() -> None:
    got = parse_deadline("Các thôn treo băng rôn tuyên truyền trong 3 ngày, kể từ ngày 18-5 đến hết ngày 20-5.", TODAY)
    assert (got.kind, got.due) == (DeadlineKind.DATE, date(2027, 5, 20))
    other = parse_deadline("Các xã nộp hồ sơ trong 10 ngày, kể từ ngày 5/3.", TODAY)  # a duration from its start
    assert (other.kind, other.due) == (DeadlineKind.RELATIVE, date(2027, 3, 15))
