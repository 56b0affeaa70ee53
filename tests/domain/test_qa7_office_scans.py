"""qa7: an official notice (Decree 30/2020 layout) printed, scanned and photographed, read by the real
Tesseract: the header, the title, the preamble, «Nơi nhận», the signature and the page numbers give no
task, and the tasks are those of the same text pasted — no more, no fewer, same leads and deadlines.

Tesseract puts a title and the paragraph under it, or a heading and its first item, in one paragraph
when the gap between them is small; read so, the title and the meeting's preamble became one more
«directive» (and «2. Nhiệm vụ …» swallowed items 2.1–2.4). Skipped without Tesseract, as
test_ocr_pages is."""

from __future__ import annotations

from datetime import date

import pytest
from rapidfuzz import fuzz

from bot.tesseract import SystemTools
from domain.understand.conclusion import split_conclusion
from domain.understand.documents import read_document
from domain.understand.textnorm import fold
from tests.domain.test_ocr_pages import pytestmark  # noqa: F401  (skipped as they are)
from tests.ocr_pages import as_jpeg, as_pdf, phone_shot, render_notice

MEETING = date(2026, 11, 19)
HEAD = (["UBND PHƯỜNG SÀI ĐỒNG", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "", "Số: 15/TB-BCĐ"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
         "Sài Đồng, ngày 20 tháng 11 năm 2026"])
TITLE = ["THÔNG BÁO", "Kết luận của Trưởng Ban Chỉ đạo chuyển đổi số phường tại cuộc họp giao ban tháng 11 năm 2026"]
BODY = [
    "Ngày 19 tháng 11 năm 2026, Ban Chỉ đạo chuyển đổi số phường Sài Đồng tổ chức họp giao ban đánh giá kết quả "
    "thực hiện nhiệm vụ tháng 11 và triển khai nhiệm vụ tháng 12 năm 2026. Chủ trì cuộc họp: đồng chí Nguyễn Thị "
    "Lan - Chủ tịch UBND phường, Trưởng Ban Chỉ đạo. Tham dự cuộc họp có các đồng chí thành viên Ban Chỉ đạo.",
    "Sau khi nghe Văn phòng HĐND-UBND phường báo cáo và ý kiến của các thành viên dự họp, đồng chí Trưởng Ban "
    "Chỉ đạo kết luận như sau:",
    "1. Đánh giá chung",
    "Trong tháng 11, các thành viên Ban Chỉ đạo đã tích cực triển khai nhiệm vụ được giao; tỷ lệ hồ sơ trực "
    "tuyến toàn trình đạt 82%, tăng 7% so với tháng trước. Tuy nhiên, việc cập nhật dữ liệu dân cư còn chậm.",
    "2. Nhiệm vụ trọng tâm thời gian tới",
    "2.1. Giao Văn phòng HĐND-UBND phường chủ trì, phối hợp Công an phường rà soát, cập nhật dữ liệu dân cư "
    "trên hệ thống, hoàn thành trước ngày 15/12/2026.",
    "2.2. Công an phường tiếp tục triển khai cấp tài khoản định danh điện tử mức 2 cho người dân trên địa bàn; "
    "báo cáo kết quả về Văn phòng trước ngày 10/12/2026.",
    "2.3. Giao Trạm Y tế phường rà soát danh sách người cao tuổi, hoàn thành trước ngày 18/12/2026.",
    "2.4. Giao Trường Tiểu học Sài Đồng tổ chức tập huấn kỹ năng số cho giáo viên trong tháng 12/2026.",
    "Trên đây là kết luận của đồng chí Trưởng Ban Chỉ đạo tại cuộc họp. Văn phòng HĐND-UBND phường thông báo "
    "để các đơn vị, cá nhân liên quan biết, thực hiện./.",
]
SIGN = (["Nơi nhận:", "- Thường trực Đảng ủy (để b/c);", "- Các thành viên BCĐ;", "- Lưu: VT."],
        ["TL. TRƯỞNG BAN", "CHÁNH VĂN PHÒNG", "", "(Đã ký)", "", "Phạm Văn Hùng"])


def tasks(text: str) -> list[tuple[str, list[str], object]]:
    return [
        (fold(d.text), [fold(a.text) for a in d.assignees.lead], d.deadline.due)
        for d in split_conclusion(text, MEETING).directives
    ]


def same_tasks(read: str) -> None:
    typed = tasks("\n".join(BODY))
    scanned = tasks(read)
    assert len(typed) == 4
    assert len(scanned) == len(typed), [t[0][:70] for t in scanned]
    for want, got in zip(typed, scanned, strict=True):
        assert fuzz.ratio(want[0], got[0]) >= 85, (want[0], got[0])
        assert (want[1], want[2]) == (got[1], got[2])


@pytest.fixture(scope="module")
def pages() -> list:
    return render_notice(HEAD, TITLE, BODY, SIGN, points=15)


def test_a_scanned_notice_gives_the_tasks_of_its_typed_text(pages: list) -> None:
    assert len(pages) == 2  # a page number at the foot of page 2
    read = read_document("thong-bao-ket-luan.pdf", as_pdf(pages), SystemTools(240))
    same_tasks(read.text)


def test_a_phone_photo_of_the_first_page_gives_its_tasks(pages: list) -> None:
    """Page 1 alone (its last sentence runs on to page 2): its four tasks, and none made of the title,
    the preamble or the headings."""
    read = read_document("IMG_2041.jpg", as_jpeg(phone_shot(pages[0])), SystemTools(120))
    typed = tasks("\n".join(BODY))
    shot = tasks(read.text)
    for want in typed:
        got = max(shot, key=lambda t: fuzz.ratio(want[0], t[0]))
        assert fuzz.ratio(want[0], got[0]) >= 85 and (want[1], want[2]) == (got[1], got[2]), (want, got)
    assert not any(word in t[0] for t in shot for word in ("ngay 19 thang 11", "ket luan cua", "danh gia chung")), shot
