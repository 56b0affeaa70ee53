"""domain/understand/conclusion_later_day.py: a day stated after the items for the same work (LABELLING
§32.2, conv12). Invented notices of the class, and the later lines the rule must not carry (§3: a later line
for a different task)."""

from datetime import date

from domain.types import DeadlineKind
from domain.understand.conclusion import split_conclusion

TODAY = date(2024, 3, 1)


def _due_of(text: str, start: str) -> tuple[DeadlineKind, date | None]:
    directives = split_conclusion(text, TODAY).directives
    for d in directives:
        if start in d.text:
            return d.deadline.kind, d.deadline.due
    raise AssertionError(f"no directive with {start!r}: {[d.text for d in directives]}")


_REPEATS_THE_ACTION = """Sở Tư pháp đề nghị các phòng chuyên môn:
1. Rà soát danh mục thủ tục hành chính thuộc lĩnh vực quản lý.
2. Đề xuất phương án đơn giản hóa thủ tục hành chính.
Đề nghị các phòng chuyên môn rà soát, tổng hợp theo mẫu đính kèm, gửi Văn phòng Sở trước ngày 20/5/2024."""


def test_the_later_line_dates_every_item_of_the_run() -> None:
    assert _due_of(_REPEATS_THE_ACTION, "Rà soát danh mục") == (DeadlineKind.DATE, date(2024, 5, 20))
    assert _due_of(_REPEATS_THE_ACTION, "Đề xuất phương án") == (DeadlineKind.DATE, date(2024, 5, 20))


def test_the_later_line_stays_a_directive() -> None:
    assert _due_of(_REPEATS_THE_ACTION, "gửi Văn phòng Sở") == (DeadlineKind.DATE, date(2024, 5, 20))


def test_a_later_line_naming_the_items_back() -> None:
    text = """Hội nghị giao ban kết luận, yêu cầu UBND các xã:
- Cập nhật danh sách hộ cận nghèo trên địa bàn.
- Kiểm tra việc chi trả trợ cấp cho người có công.
Các xã báo cáo kết quả thực hiện các nội dung trên về Phòng Lao động trước ngày 15/4/2024."""
    assert _due_of(text, "Cập nhật danh sách") == (DeadlineKind.DATE, date(2024, 4, 15))
    assert _due_of(text, "Kiểm tra việc chi trả") == (DeadlineKind.DATE, date(2024, 4, 15))


def test_an_item_with_its_own_day_keeps_it() -> None:
    text = """Trung tâm đề nghị các khoa, phòng:
1. Rà soát trang thiết bị hư hỏng trước ngày 10/4/2024.
2. Lập dự trù vật tư quý II.
Đề nghị các khoa, phòng rà soát, lập dự trù theo mẫu, gửi Phòng Vật tư trước ngày 25/4/2024."""
    assert _due_of(text, "Rà soát trang thiết bị") == (DeadlineKind.DATE, date(2024, 4, 10))
    assert _due_of(text, "Lập dự trù vật tư") == (DeadlineKind.DATE, date(2024, 4, 25))


def test_a_later_line_for_another_task_is_not_carried() -> None:
    text = """UBND xã yêu cầu các thôn:
1. Tuyên truyền nhân dân không đốt rơm rạ trên đồng ruộng.
2. Vận động các hộ thu gom rác thải đúng nơi quy định.
Trạm Y tế xã tổ chức tiêm phòng dại cho chó, mèo trước ngày 30/4/2024."""
    assert _due_of(text, "Tuyên truyền nhân dân") == (DeadlineKind.NONE, None)
    assert _due_of(text, "Vận động các hộ") == (DeadlineKind.NONE, None)


def test_a_line_with_another_between_is_not_carried() -> None:
    text = """UBND phường đề nghị các tổ dân phố:
1. Rà soát các hộ kinh doanh chưa đăng ký.
2. Lập danh sách hộ đề nghị hỗ trợ.
Giao Công an phường phối hợp kiểm tra an ninh trật tự khu dân cư.
Các tổ dân phố rà soát, lập danh sách gửi UBND phường trước ngày 12/4/2024."""
    assert _due_of(text, "Rà soát các hộ kinh doanh") == (DeadlineKind.NONE, None)
