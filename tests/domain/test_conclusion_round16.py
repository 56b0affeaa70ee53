# ruff: noqa: E501  (notices are long lines)
"""Whole-conclusion rules of session 12 (branch conclq, conclusion_round16): the event's one stated time dates
the list under it; the closing formula that points back to "các nội dung tại Thông báo này". Invented texts of
each class, and what must stay."""

from datetime import date

from domain.types import DeadlineKind
from domain.understand.conclusion import split_conclusion

TODAY = date(2026, 3, 2)


def _directives(text: str, today: date = TODAY) -> list:
    return list(split_conclusion(text, today).directives)


def _one(text: str, start: str) -> object:
    found = [d for d in _directives(text) if start in d.text]
    assert len(found) == 1, f"no single directive with {start!r}: {[d.text for d in _directives(text)]}"
    return found[0]


# --- 1. the event's window said in prose, its targets listed under a lead-in naming no time -----------------------
_DRIVE = """Đợt vận động diễn ra từ ngày 10-3-2026 đến 30-4-2026, nhằm hưởng ứng Tháng hành động vì môi trường của Huyện đoàn.
Sáng 10-3, Đoàn xã Tân Phú tổ chức lễ ra quân đợt vận động.
Các chỉ tiêu của đợt vận động gồm:
- Trồng ít nhất 300 cây xanh trên các tuyến đường liên ấp.
- Tổ chức 2 buổi ra quân thu gom rác thải nhựa tại bờ kênh.
- Vận động 100 hộ dân phân loại rác tại nguồn.
Phát biểu tại buổi lễ, Bí thư Đoàn xã đề nghị mỗi đoàn viên phải là tấm gương về giữ gìn vệ sinh."""


def test_the_drive_window_dates_each_listed_target() -> None:
    for start in ("Trồng ít nhất 300 cây", "Tổ chức 2 buổi ra quân", "Vận động 100 hộ dân"):
        d = _one(_DRIVE, start)
        assert d.deadline.kind is DeadlineKind.DATE, start  # type: ignore[attr-defined]
        assert d.deadline.due == date(2026, 4, 30), start  # type: ignore[attr-defined]


def test_a_speech_after_the_list_is_not_one_of_its_targets() -> None:
    d = _one(_DRIVE, "mỗi đoàn viên")
    assert d.deadline.kind is DeadlineKind.NONE  # type: ignore[attr-defined]


# --- 1. the event's day in a label line with a remark, the requests in another section ---------------------------
_WATER_CUT = """I. Thời gian và khu vực tạm ngừng cấp nước
Thời gian ngừng cấp nước (dự kiến): Thứ Ba, ngày 17 tháng 3 năm 2026.
Khu vực ảnh hưởng: toàn bộ tổ dân phố 3 và tổ dân phố 4, phường An Lạc.
II. Đề nghị phối hợp
UBND phường An Lạc đề nghị các hộ gia đình, cơ sở kinh doanh tại khu vực ảnh hưởng:
Chủ động sắp xếp sinh hoạt, dự trữ nước đủ dùng trong thời gian ngừng cấp nước.
Thực hiện các biện pháp kiểm tra đường ống trong nhà để tránh rò rỉ khi có nước trở lại.
Lưu ý: Thời gian cấp nước trở lại có thể sớm hơn dự kiến.
UBND phường An Lạc thông báo để các hộ gia đình được biết."""


def test_the_cut_day_dates_the_requests_of_the_other_section() -> None:
    for start in ("Chủ động sắp xếp sinh hoạt", "Thực hiện các biện pháp kiểm tra"):
        d = _one(_WATER_CUT, start)
        assert d.deadline.kind is DeadlineKind.DATE, start  # type: ignore[attr-defined]
        assert d.deadline.due == date(2026, 3, 17), start  # type: ignore[attr-defined]


# --- what stays: two stated times, and a list before the window ----------------------------------------------------
_TWO_WINDOWS = """Giải bóng đá thiếu niên diễn ra từ ngày 05-4-2026 đến 12-4-2026.
Hội trại hè diễn ra từ ngày 01-6-2026 đến 03-6-2026.
Các nội dung chuẩn bị gồm:
- Liên đội các trường đăng ký danh sách vận động viên.
- Trung tâm Văn hóa chuẩn bị sân bãi."""


def test_two_stated_times_leave_the_items_undated() -> None:
    d = _one(_TWO_WINDOWS, "Trung tâm Văn hóa chuẩn bị")
    assert d.deadline.kind is DeadlineKind.NONE  # type: ignore[attr-defined]


_LIST_FIRST = """Ban Chỉ huy quân sự xã đề nghị:
- Các thôn rà soát thanh niên trong độ tuổi nhập ngũ.
- Trạm Y tế xã chuẩn bị khám sơ tuyển.
Đợt khám tuyển diễn ra từ ngày 02-11-2026 đến 05-11-2026 tại Trung tâm Y tế huyện."""


def test_a_list_above_the_window_is_not_its_list() -> None:
    d = _one(_LIST_FIRST, "Các thôn rà soát")
    assert d.deadline.kind is DeadlineKind.NONE  # type: ignore[attr-defined]


# --- the closing formula that points back to "các nội dung tại Thông báo này" --------------------------------------
_FLAGS = """UBND phường Tân Hòa thông báo lịch treo cờ Tổ quốc như sau:
Các cơ quan, trường học và hộ gia đình treo cờ Tổ quốc từ ngày 29/4/2026 đến hết ngày 01/5/2026.
Tổ dân phố kiểm tra việc treo cờ của các hộ trên địa bàn.
UBND phường yêu cầu các cơ quan, đơn vị, tổ dân phố và các hộ gia đình trên địa bàn phường tổ chức thực hiện nghiêm các nội dung tại Thông báo này./."""


def test_the_contents_of_this_notice_pointed_back_to_close_it() -> None:
    texts = [d.text for d in _directives(_FLAGS)]
    assert not any("Thông báo này" in t for t in texts), texts
    assert any(t.startswith("Tổ dân phố kiểm tra") for t in texts), texts


def test_named_contents_to_carry_out_stay_a_task() -> None:
    text = _FLAGS.replace("các nội dung tại Thông báo này", "các nội dung của Kế hoạch số 12/KH-UBND")
    assert any("Kế hoạch số 12" in d.text for d in _directives(text))


# --- what stays: a span's list of requests may be the event's preparations (§30.2: due by its first day) ----------
_CONGRESS = """Đại hội Hội Nông dân xã diễn ra từ ngày 14-4-2026 đến 15-4-2026 tại hội trường UBND xã.
Ban Tổ chức đề nghị các chi hội:
- Chi hội các thôn gửi danh sách đại biểu về Văn phòng Hội.
- Chi hội các thôn chuẩn bị tham luận theo chủ đề được phân công."""


def test_the_span_does_not_date_a_list_of_requests() -> None:
    d = _one(_CONGRESS, "gửi danh sách đại biểu")
    assert d.deadline.due != date(2026, 4, 15)  # type: ignore[attr-defined]
