"""A conclusion's title given in two or three paragraphs (qafix13, domain/understand/conclusion_title.py).

Found by a QA helper as a district office: a .docx notice titled «Kết luận của đồng chí Phó Chủ tịch UBND huyện
tại cuộc họp» / «Ban Chỉ đạo Chuyển đổi số huyện tháng 12 năm 2026» showed the first paragraph only in /nhap's
preview, «Đã lưu …» and /hop. Texts invented; each is driven through `split_conclusion`, the function /nhap
calls."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.conclusion import split_conclusion

TODAY = date(2026, 12, 20)
HEAD = "ỦY BAN NHÂN DÂN\nHUYỆN SÓC SƠN\nSố: 45/TB-UBND\nSóc Sơn, ngày 19 tháng 12 năm 2026\nTHÔNG BÁO\n"
BODY = (
    "Ngày 17/12/2026, đồng chí Phó Chủ tịch UBND huyện chủ trì cuộc họp. Đồng chí kết luận như sau:\n"
    "1. Giao Phòng Tài chính - Kế hoạch huyện tổng hợp nhu cầu kinh phí trước ngày 28/12/2026.\n"
    "2. Giao Văn phòng HĐND và UBND huyện theo dõi, đôn đốc việc thực hiện.\n"
)


@pytest.mark.parametrize(
    ("title_lines", "whole"),
    [
        # a body's name and a month go on with "… tại cuộc họp"
        (
            "Kết luận của đồng chí Phó Chủ tịch UBND huyện tại cuộc họp\n"
            "Ban Chỉ đạo Chuyển đổi số huyện tháng 12 năm 2026",
            "Kết luận của đồng chí Phó Chủ tịch UBND huyện tại cuộc họp "
            "Ban Chỉ đạo Chuyển đổi số huyện tháng 12 năm 2026",
        ),
        # a lower-case paragraph goes on, over two more lines
        (
            "Kết luận của Chủ tịch UBND huyện\ntại buổi làm việc với Ban Quản lý dự án\nvề tiến độ giải phóng mặt bằng",
            "Kết luận của Chủ tịch UBND huyện tại buổi làm việc với Ban Quản lý dự án về tiến độ giải phóng mặt bằng",
        ),
        # a day goes on with the meeting word
        (
            "Kết luận cuộc họp giao ban Ban Chỉ đạo cải cách hành chính\nNgày 16/12/2026",
            "Kết luận cuộc họp giao ban Ban Chỉ đạo cải cách hành chính Ngày 16/12/2026",
        ),
    ],
)
def test_a_title_in_several_paragraphs_is_read_whole(title_lines: str, whole: str) -> None:
    parsed = split_conclusion(HEAD + title_lines + "\n" + BODY, TODAY)
    assert parsed.title == whole
    # the paragraphs of the title are no task, and the tasks are all still read
    assert [d.text[:12] for d in parsed.directives] == ["Giao Phòng T", "Giao Văn phò"]


@pytest.mark.parametrize(
    "after",
    [
        "Ngày 17/12/2026, đồng chí Phó Chủ tịch UBND huyện chủ trì cuộc họp. Đồng chí kết luận như sau:",
        "Ban Chỉ đạo huyện đã nghe báo cáo tiến độ và thống nhất kết luận.",
        "1. Giao Phòng Nội vụ huyện rà soát biên chế trước ngày 30/12/2026.",
    ],
)
def test_a_one_line_title_stays_as_it_is(after: str) -> None:
    text = HEAD + "Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban tuần\n" + after + "\n" + BODY
    assert split_conclusion(text, TODAY).title == "Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban tuần"


def test_a_title_ending_with_a_full_stop_takes_no_next_line() -> None:
    text = HEAD + "Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban.\nBan Chỉ đạo huyện tháng 12\n" + BODY
    assert split_conclusion(text, TODAY).title == "Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban"


def test_a_one_line_title_with_a_full_stop_is_not_replaced_by_the_letters_date() -> None:
    # (it was: «Sóc Sơn, ngày 19 tháng 12 năm 2026», the letter's place and date, read as a news headline)
    text = HEAD + "Kết luận cuộc họp giao ban Ban Chỉ đạo cải cách hành chính ngày 16/12/2026.\n" + BODY
    parsed = split_conclusion(text, TODAY)
    assert parsed.title == "Kết luận cuộc họp giao ban Ban Chỉ đạo cải cách hành chính ngày 16/12/2026"
    assert [d.text[:12] for d in parsed.directives] == ["Giao Phòng T", "Giao Văn phò"]
