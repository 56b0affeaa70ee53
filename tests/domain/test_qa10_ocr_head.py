"""qa10: a letter's head read across its two columns, as Tesseract reads a scanned or photographed notice
in the Decree 30 layout: the issuer and the motto on one line («BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ Độc lập - Tự do
- Hạnh phúc»), the number and the dateline on the next («Số: 27/TB-BCĐ Nghĩa Tân, ngày 20 tháng 11 năm
2026»). Those two lines were no head lines, and the first, which holds «chỉ đạo», was shown as the
meeting's name in the /nhap preview («Cuộc họp: BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ»). Heads invented for the
class: a ward's steering committee, a district's, a Party committee's."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.conclusion import split_conclusion

HEADS = [
    (
        "UBND PHƯỜNG NGHĨA TÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ Độc lập - Tự do - Hạnh phúc\n"
        "Số: 27/TB-BCĐ Nghĩa Tân, ngày 20 tháng 11 năm 2026\n"
    ),
    (
        "UBND QUẬN LONG BIÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH Độc lập – Tự do – Hạnh phúc\n"
        "Số: 142/TB-BCĐ Long Biên, ngày 02 tháng 12 năm 2026\n"
    ),
    (
        "ĐẢNG BỘ QUẬN HOÀNG MAI ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "ĐẢNG ỦY PHƯỜNG ĐỊNH CÔNG\n"
        "Số: 05-TB/ĐU Định Công, ngày 3 tháng 12 năm 2026\n"
    ),
]
BODY = (
    "THÔNG BÁO\n"
    "Kết luận của đồng chí Trưởng ban tại cuộc họp giao ban tháng 11 năm 2026\n"
    "Ngày 19/11/2026, Ban chỉ đạo tổ chức họp giao ban. Đồng chí Trưởng ban kết luận như sau:\n"
    "1. Giao Văn phòng HĐND&UBND phường rà soát, cập nhật dữ liệu dân cư, hoàn thành trước ngày 15/12/2026.\n"
    "2. Giao Công an phường kiểm tra hệ thống camera an ninh, báo cáo kết quả trước ngày 10/12/2026.\n"
    "Nơi nhận: TL. TRƯỞNG BAN\n"
)


@pytest.mark.parametrize("head", HEADS)
def test_a_head_read_across_its_columns_is_no_title_and_no_task(head: str) -> None:
    parsed = split_conclusion(head + BODY, date(2026, 11, 23))
    assert parsed.title == "Kết luận của đồng chí Trưởng ban tại cuộc họp giao ban tháng 11 năm 2026"
    assert parsed.meeting_date == date(2026, 11, 19)
    assert [d.text.split(",")[0] for d in parsed.directives] == [
        "1. Giao Văn phòng HĐND&UBND phường rà soát",
        "2. Giao Công an phường kiểm tra hệ thống camera an ninh",
    ] or [d.text.split(",")[0] for d in parsed.directives] == [
        "Giao Văn phòng HĐND&UBND phường rà soát",
        "Giao Công an phường kiểm tra hệ thống camera an ninh",
    ]


def test_a_number_in_a_sentence_before_a_dateline_is_left_as_written() -> None:
    """Only the head's row is cut: a body line that starts with «Số:» and holds no dateline stays whole."""
    text = "Số: 12 hồ sơ đã được rà soát trong tháng, còn 3 hồ sơ chưa xong.\n" + BODY
    parsed = split_conclusion(text, date(2026, 11, 23))
    assert parsed.meeting_date == date(2026, 11, 19)
    assert len(parsed.directives) == 2
