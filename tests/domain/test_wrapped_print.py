"""A printed page's text layer (a PDF, a Word file saved as PDF) wraps its lines by width: most lines go on
in small letters, while sentences and items start with a capital. split_conclusion joins them again
(conclusion._wrapped_print); a chat typed in small letters is not joined. Texts written for this test."""

from __future__ import annotations

from datetime import date

from domain.understand.conclusion import split_conclusion

TODAY = date(2026, 11, 23)

WRAPPED = (
    "THÔNG BÁO KẾT LUẬN\n"
    "Các cơ quan, đơn vị, trường học và doanh nghiệp trên địa bàn phường treo cờ Tổ\n"
    "quốc tại trụ sở trong ngày 02/12/2026, bảo đảm trang trọng, không treo cờ cũ,\n"
    "bạc màu.\n"
    "Giao Văn phòng HĐND và UBND phường rà soát danh sách hộ nghèo, cập nhật vào\n"
    "phần mềm quản lý, báo cáo Chủ tịch UBND phường trước ngày 10/12/2026.\n"
    "Công an phường tăng cường tuần tra, kiểm soát trật tự tại các tuyến phố chính\n"
    "trong dịp cuối năm.\n"
)


def test_the_wrapped_lines_of_a_printed_page_make_whole_items() -> None:
    got = split_conclusion(WRAPPED, TODAY).directives
    texts = [d.text for d in got]
    assert len(texts) == 3, texts
    assert texts[0].startswith("Các cơ quan") and texts[0].endswith("bạc màu."), texts[0]
    assert "cập nhật vào phần mềm quản lý" in texts[1]
    assert got[1].deadline.due == date(2026, 12, 10)
    assert [r.text for r in got[1].assignees.lead] == ["Văn phòng HĐND và UBND phường"]
    assert texts[2].endswith("trong dịp cuối năm.")


def test_a_chat_typed_in_small_letters_keeps_its_lines() -> None:
    text = "giao cong an phuong ra soat camera truoc 15/12\nphong kinh te kiem tra quan karaoke truoc 20/12\n"
    assert len(split_conclusion(text, TODAY).directives) == 2


def test_one_capital_first_line_alone_does_not_join_the_lines_after_it() -> None:
    text = "Giao Công an phường rà soát camera trước 15/12\nphòng Kinh tế kiểm tra quán karaoke trước 20/12\n"
    assert len(split_conclusion(text, TODAY).directives) == 2
