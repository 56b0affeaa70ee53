"""Splitting meeting conclusions: the five public seed reports (tests/data/seeds/) against their
labelled directive sentences, and the structures conclusions use (lead-ins, headings, closers)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from domain.types import DeadlineKind, ParsedConclusion
from domain.understand.conclusion import find_meeting_date, split_conclusion, split_sentences
from domain.understand.directive import parse_directive
from domain.understand.textnorm import fold

DATA = Path(__file__).resolve().parent.parent / "data"
TODAY = date(2030, 1, 1)  # far from every meeting: dates must come from the text
_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•+])\s*")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", fold(_MARKER.sub("", text))).strip(" .;")


def _gold_by_seed() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for line in (DATA / "seed_directives.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out.setdefault(record["source_url_or_seed"].removeprefix("seed:"), []).append(record)
    return out


GOLD = _gold_by_seed()
SEEDS = sorted(GOLD)


def _split(seed: str) -> ParsedConclusion:
    return split_conclusion((DATA / "seeds" / seed).read_text(encoding="utf-8"), TODAY)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_labelled_directive_is_found(seed: str) -> None:
    found = [_norm(d.text) for d in _split(seed).directives]
    missing = [r["id"] for r in GOLD[seed] if not any(_norm(r["text"]) in f for f in found)]
    assert missing == []


@pytest.mark.parametrize("seed", SEEDS)
def test_nothing_else_is_taken_for_a_directive(seed: str) -> None:
    gold = [_norm(r["text"]) for r in GOLD[seed]]
    extra = [d.text for d in _split(seed).directives if not any(g in _norm(d.text) for g in gold)]
    assert extra == []


@pytest.mark.parametrize(
    ("seed", "report"),
    [
        ("000_c1f80c80dfaf2e5d.txt", "Dự và chủ trì hội nghị có đồng chí Đặng Đức Cường"),
        ("000_c1f80c80dfaf2e5d.txt", "Hội nghị đã có 2 ý kiến"),
        ("000_c1f80c80dfaf2e5d.txt", "Kết luận tại Hội nghị đồng chí Đặng Đức Cường"),
        ("001_7f2e9915450f735b.txt", "Chủ trì hội nghị đồng chí Lương Hồng Điệp"),
        ("001_7f2e9915450f735b.txt", "Hội nghị nghe đồng chí Nguyễn Anh Ngọc"),
        ("002_80cae7db236d09bc.txt", "Thực hiện chương trình công tác tháng, Ban chỉ đạo"),
        ("002_80cae7db236d09bc.txt", "Đồng chí văn phòng HĐND&UBND phụ trách CNTT đã tổng hợp"),
        ("002_80cae7db236d09bc.txt", "Trong buổi giao ban đã có những ý kiến"),
        ("003_e56d91e21fdd0fe3.txt", "Thực hiện Thông báo số 16/TB-STTTT"),
        ("003_e56d91e21fdd0fe3.txt", "Thường xuyên kiểm tra, đôn đốc, đánh giá kết quả"),
        ("003_e56d91e21fdd0fe3.txt", "Đoàn kiểm tra ghi nhận sự chuẩn bị"),
        ("003_e56d91e21fdd0fe3.txt", "Tổng số lượt truy cập"),
        ("004_2aba020f7bcf65ca.txt", "Ngày 12/4/2018, tại phòng họp 1 Quận uỷ"),
        ("004_2aba020f7bcf65ca.txt", "tổng số 20 nhiệm vụ, trong đó: 16 nhiệm vụ đã hoàn thành"),
        ("004_2aba020f7bcf65ca.txt", "đồng ý chủ trương cho kết nối"),
    ],
)
def test_reports_attendance_praise_and_page_furniture_are_skipped(seed: str, report: str) -> None:
    assert not any(_norm(report) in _norm(d.text) for d in _split(seed).directives)


def test_a_report_printed_twice_gives_each_directive_once() -> None:
    directives = _split("002_80cae7db236d09bc.txt").directives
    assert len(directives) == len({_norm(d.text) for d in directives}) == 8


@pytest.mark.parametrize(
    ("seed", "meeting", "title"),
    [
        (
            "000_c1f80c80dfaf2e5d.txt",
            date(2020, 2, 12),
            "Phường Sài Đồng giao ban ứng dụng công nghệ thông tin",
        ),
        ("001_7f2e9915450f735b.txt", date(2020, 12, 4), "Phường Đức Giang tổ chức giao ban Ban chỉ đạo"),
        ("002_80cae7db236d09bc.txt", date(2020, 11, 20), "Giao ban Ban chỉ đạo Ứng dụng CNTT"),
        # the cited notice of 24/2/2020 is not the meeting of 26/02/2020
        ("003_e56d91e21fdd0fe3.txt", date(2020, 2, 26), "UBND Quận Hồng Bàng tiếp Đoàn kiểm tra"),
        ("004_2aba020f7bcf65ca.txt", date(2018, 4, 12), "Giao ban Ban chỉ đạo công nghệ thông tin quận"),
    ],
)
def test_meeting_date_and_title(seed: str, meeting: date, title: str) -> None:
    parsed = _split(seed)
    assert parsed.meeting_date == meeting
    assert parsed.title is not None and parsed.title.startswith(title)


def test_deadlines_resolve_against_the_meeting_date() -> None:
    text = (
        "Chiều ngày 12/11/2020, tại phòng họp số 2, UBND phường họp giao ban.\n"
        "1. Giao Văn phòng báo cáo trước ngày 15/12."
    )
    (directive,) = split_conclusion(text, TODAY).directives
    assert directive.deadline.due == date(2020, 12, 15)


def test_a_clause_after_semicolon_is_a_directive_of_its_own_with_the_same_lead() -> None:
    directives = _split("001_7f2e9915450f735b.txt").directives
    first, second = (
        d for d in directives if "PCT phụ trách 2 khối" in d.text or d.text.startswith("Kiểm soát")
    )
    assert second.text.startswith("Kiểm soát, đôn đốc các bộ phận")
    assert [a.text for a in second.assignees.lead] == ["02 đồng chí PCT phụ trách 2 khối"]
    assert second.deadline.due == date(2020, 12, 15)
    assert [a.text for a in first.assignees.lead] == ["02 đồng chí PCT phụ trách 2 khối"]


def test_a_list_of_assignees_across_a_semicolon_is_not_split() -> None:
    directives = _split("000_c1f80c80dfaf2e5d.txt").directives
    (directive,) = (d for d in directives if d.text.startswith("Đề nghị thành viên Ban chỉ đạo"))
    assert len(directive.assignees.lead) == 2


def test_a_section_closer_joins_the_point_and_dates_the_section() -> None:
    directives = _split("004_2aba020f7bcf65ca.txt").directives
    (office,) = (d for d in directives if d.text.startswith("Giao Văn phòng HĐND&UBND quận tham mưu"))
    (tablets,) = (d for d in directives if d.text.startswith("Đối với máy tính bảng"))
    assert tablets.text.endswith("Hoàn thành trong tháng 4/2018.")
    assert office.context is not None and "Hoàn thành trong tháng 4/2018." in office.context
    assert office.context.splitlines()[-2] == "Về quản lý máy tính bảng:"


def test_heading_context_carries_to_the_lines_under_it() -> None:
    text = (
        "3. Về hệ thống camera:\n"
        "Giao Văn phòng lắp đặt bổ sung camera tại các ngã tư.\n"
        "Đối với camera hỏng: yêu cầu thay thế, sửa chữa. Hoàn thành trước ngày 30/4/2018.\n"
        "4. Về tổng đài: yêu cầu Văn phòng khảo sát hiện trạng."
    )
    first, second, third = split_conclusion(text, TODAY).directives
    assert first.deadline.due == second.deadline.due == date(2018, 4, 30)
    assert third.deadline.kind is DeadlineKind.NONE  # another section
    assert [a.text for a in third.assignees.lead] == ["Văn phòng"]


def test_a_lead_in_gives_its_assignees_to_the_items_under_it() -> None:
    text = (
        "Kết luận:\n"
        "1. Giao Văn phòng HĐND&UBND chủ trì, phối hợp Công an phường thực hiện các nội dung sau, "
        "xong trước ngày 31/3/2024:\n"
        "a) Rà soát, làm sạch dữ liệu dân cư;\n"
        "b) Cấp tài khoản định danh điện tử cho cán bộ.\n"
        "2. Đoàn Thanh niên ra quân dọn vệ sinh môi trường."
    )
    first, second, third = split_conclusion(text, TODAY).directives
    for item in (first, second):
        assert [a.text for a in item.assignees.lead] == ["Văn phòng HĐND&UBND"]
        assert [a.text for a in item.assignees.support] == ["Công an phường"]
        assert item.deadline.due == date(2024, 3, 31)
    assert [a.text for a in third.assignees.lead] == ["Đoàn Thanh niên"]
    assert third.deadline.kind is DeadlineKind.NONE


def test_a_name_line_heads_the_points_under_it() -> None:
    text = (
        "Quý II tập trung thực hiện một số nội dung như sau:\n"
        "1. Đối với HĐND phường\n"
        "- Thường trực HĐND\n"
        "+ Chỉ đạo tổ chức Hội nghị tiếp xúc cử tri\n"
        "+ Thực hiện 2 cuộc giám sát chuyên đề\n"
        "- Ban Kinh tế - Xã hội khảo sát công tác quản lý trật tự đô thị."
    )
    leads = [[a.text for a in d.assignees.lead] for d in split_conclusion(text, TODAY).directives]
    assert leads == [["Thường trực HĐND"], ["Thường trực HĐND"], ["Ban Kinh tế - Xã hội"]]


def test_official_notice_stops_at_the_recipients() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG NGỌC LÂM\nSố: 45/TB-UBND\nNgọc Lâm, ngày 15 tháng 3 năm 2024\n"
        "THÔNG BÁO\nKết luận của Chủ tịch UBND phường tại cuộc họp giao ban tháng 3/2024\n"
        "Ngày 14/3/2024, UBND phường tổ chức họp giao ban. Dự họp có các đồng chí thành viên.\n"
        "1. Đánh giá cao sự cố gắng của các bộ phận trong tháng qua.\n"
        "2. Giao Văn phòng hoàn thành báo cáo trước ngày 20/3/2024.\n"
        "Nơi nhận:\n- UBND quận;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    )
    parsed = split_conclusion(text, TODAY)
    assert parsed.meeting_date == date(2024, 3, 14)
    assert parsed.title == "Kết luận của Chủ tịch UBND phường tại cuộc họp giao ban tháng 3/2024"
    assert [d.text for d in parsed.directives] == ["Giao Văn phòng hoàn thành báo cáo trước ngày 20/3/2024."]


def test_a_paste_without_diacritics() -> None:
    text = (
        "Ket luan:\n"
        "1. Giao van phong chu tri, phoi hop cong an phuong ra soat ho so, xong truoc ngay 15/12/2024.\n"
        "2. De nghi doan thanh nien ra quan ve sinh moi truong.\n"
        "3. Hoi nghi da thong nhat ke hoach nam 2025."
    )
    parsed = split_conclusion(text, date(2024, 12, 1))
    assert [[a.text for a in d.assignees.lead] for d in parsed.directives] == [
        ["van phong"],
        ["doan thanh nien"],
    ]
    assert parsed.directives[0].deadline.due == date(2024, 12, 15)


def test_one_paragraph_of_several_directives() -> None:
    text = "Giao Văn phòng rà soát hồ sơ. Yêu cầu Công an phường tuần tra ban đêm. Đề nghị Đoàn TN ra quân."
    leads = [[a.text for a in d.assignees.lead] for d in split_conclusion(text, TODAY).directives]
    assert leads == [["Văn phòng"], ["Công an phường"], ["Đoàn TN"]]


def test_points_run_together_on_one_line() -> None:
    text = (
        "Kết luận: 1. Giao Văn phòng rà soát hồ sơ. 2. Đề nghị Công an phường tuần tra ban đêm. "
        "3. Giao: - Phòng Kinh tế tiếp nhận ý kiến; - UBND các xã tổ chức lấy ý kiến."
    )
    leads = [[a.text for a in d.assignees.lead] for d in split_conclusion(text, TODAY).directives]
    assert leads == [["Văn phòng"], ["Công an phường"], ["Phòng Kinh tế"], ["UBND các xã"]]


def test_no_directive_in_a_pure_report() -> None:
    text = (
        "Ngày 12/4/2018, UBND phường tổ chức hội nghị. Hội nghị đã nghe báo cáo. "
        "Đoàn kiểm tra ghi nhận sự cố gắng."
    )
    assert split_conclusion(text, TODAY).directives == ()


def test_sentences_do_not_end_at_abbreviations() -> None:
    assert split_sentences("Giao UBND TP. Hà Nội kiểm tra. Đề nghị Q. Long Biên báo cáo.") == [
        "Giao UBND TP. Hà Nội kiểm tra.",
        "Đề nghị Q. Long Biên báo cáo.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chiều ngày 12 tháng 02 năm 2020, tại phòng họp A3, phường họp.", date(2020, 2, 12)),
        ("Tại cuộc họp ngày 04/12/2020 Ban chỉ đạo đã thống nhất.", date(2020, 12, 4)),
        ("Long Biên, ngày 13 tháng 4 năm 2018\nTHÔNG BÁO", date(2018, 4, 13)),
        ("Ngày đăng 13/02/2020 | 09:17", date(2020, 2, 13)),
        ("Thực hiện Văn bản số 12/UBND ngày 08/01/2021 của UBND quận.", None),  # a cited document
        ("Ngày 31/02/2020, tại phòng họp.", None),  # no such day
    ],
)
def test_find_meeting_date(text: str, expected: date | None) -> None:
    assert find_meeting_date(text) == expected


def test_parse_directive_uses_the_context_only_when_the_sentence_names_nobody() -> None:
    context = "Giao Sở Công Thương chủ trì, phối hợp với các đơn vị liên quan đánh giá."
    inherited = parse_directive("Trình UBND tỉnh trước ngày 10/8/2018.", date(2018, 7, 20), context=context)
    assert [a.text for a in inherited.assignees.lead] == ["Sở Công Thương"]
    assert inherited.assignees.support == ()  # a previous sentence, not a lead-in: no coordinators
    assert inherited.assignees.lead[0].span is None  # the name is not in this text
    own = parse_directive("Đề nghị Sở Tài chính thẩm định.", date(2018, 7, 20), context=context)
    assert [a.text for a in own.assignees.lead] == ["Sở Tài chính"]


@pytest.mark.parametrize(
    "subject",
    ["Ban Quản lý dự án đầu tư xây dựng huyện", "Bộ phận lập dự toán"],
)
def test_a_subject_holding_du_an_is_no_attendance_report(subject: str) -> None:
    # "dự" alone is to attend ("tham dự", a report of who came); "dự án", "dự thảo", "dự toán" are nouns.
    text = f"{subject} đẩy nhanh tiến độ thực hiện, hoàn thành trước ngày 31/01/2030."
    found = split_conclusion(text, TODAY).directives
    assert [d.assignees.lead[0].text for d in found] == [subject]
    assert found[0].deadline.due == date(2030, 1, 31)


@pytest.mark.parametrize("issuer", ["BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "BAN CHỈ ĐẠO PHÒNG CHỐNG THIÊN TAI VÀ TKCN"])
def test_the_issuer_in_a_letter_head_is_not_the_meeting_name(issuer: str) -> None:
    # An issuer holding a title word ("chỉ đạo") was taken for the meeting's name (found by qa7 on a signed
    # notice): the letter's head lines are never the title, the "Kết luận …" line under them is.
    text = (
        f"{issuer}\nPHƯỜNG SÀI ĐỒNG\nSố: 12/TB-BCĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSài Đồng, ngày 05 tháng 12 năm 2026\nTHÔNG BÁO\n"
        "Kết luận của Trưởng ban tại cuộc họp giao ban tháng 11 năm 2026\n"
        "1. Giao Văn phòng UBND phường cập nhật dữ liệu dân cư trước ngày 15/12/2026.\n"
    )
    parsed = split_conclusion(text, date(2026, 12, 6))
    assert parsed.title == "Kết luận của Trưởng ban tại cuộc họp giao ban tháng 11 năm 2026"
    assert [d.assignees.lead[0].text for d in parsed.directives] == ["Văn phòng UBND phường"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A heading line names the meeting with a long body's name between the meeting word and its day
        # (qa9, in the sandbox: the preview read the deadlines against today instead).
        ("KẾT LUẬN\nCuộc họp giao ban Ban Chỉ đạo cải cách hành chính phường ngày 01/12/2026\n"
         "1. Giao Văn phòng rà soát hồ sơ tồn đọng, báo cáo trước ngày 15/12/2026.", date(2026, 12, 1)),
        ("THÔNG BÁO\nKết luận Hội nghị Ban Chấp hành Đảng bộ phường Phúc Lợi lần thứ mười hai ngày 5/11/2026\n"
         "1. Giao Văn phòng Đảng ủy tổng hợp ý kiến, trình Thường trực trước ngày 20/11/2026.", date(2026, 11, 5)),
        # A text without a heading: its first sentence stands as the title, and its deadline is no meeting day.
        ("Giao Văn phòng chủ trì cuộc họp rà soát hồ sơ, báo cáo UBND phường trước ngày 20/12/2026.", None),
    ],
)
def test_a_title_names_the_meetings_day(text: str, expected: date | None) -> None:
    assert split_conclusion(text, today=date(2026, 12, 7)).meeting_date == expected
