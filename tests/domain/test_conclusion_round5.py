"""Whole conclusions, fifth round (issue 11, helper concl5): the kinds QA found on real conclusions
pasted with /nhap. Each test holds texts written for it, in the classes the rules in
domain/understand/conclusion.py name (comments marked "concl5")."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.conclusion import split_conclusion

TODAY = date(2025, 3, 14)

BODY = (
    "Chủ tịch UBND xã kết luận như sau:\n"
    "1. Giao Công an xã tăng cường tuần tra ban đêm.\n"
    "2. Tổ chức tổng vệ sinh các khu dân cư trước ngày 30/3/2025.\n"
)


def found(text: str) -> list[tuple[str, list[str]]]:
    return [(d.text, [a.text for a in d.assignees.lead]) for d in split_conclusion(text, TODAY).directives]


# --- the head of an official letter: no task, and the issuer in capitals leads nothing ---
@pytest.mark.parametrize(
    "head",
    [
        # one line each, as a Word file pastes
        "UBND XÃ TÂN MINH\nSố: 37/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Tân Minh, ngày 14 tháng 3 năm 2025\nTHÔNG BÁO\nKết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 3",
        # the two columns interleaved, the issuer on two lines, rules under them
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TÂN MINH\nĐộc lập – Tự do – Hạnh phúc\n______\n"
        "Số: 37 /TB-UBND\nTân Minh, ngày 14 tháng 3 năm 2025\nTHÔNG BÁO\nKết luận của Chủ tịch UBND xã",
        # a party committee's letter, the number without a colon
        "ĐẢNG BỘ HUYỆN ĐÔNG SƠN\nĐẢNG ỦY XÃ TÂN MINH\n*\nSố 12-TB/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Tân Minh, ngày 14 tháng 3 năm 2025\nTHÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Đảng ủy xã",
        # the subject line of a letter
        "UBND XÃ TÂN MINH\nSố: 37/UBND-VP\nV/v triển khai nhiệm vụ trọng tâm tháng 3\n"
        "Tân Minh, ngày 14 tháng 3 năm 2025",
        # a two-column page copied into one line
        "UBND XÃ TÂN MINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 37/TB-UBND "
        "Tân Minh, ngày 14 tháng 3 năm 2025 THÔNG BÁO Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban",
        # the issuer and its number on one line, the title with a full stop
        "UBND XÃ TÂN MINH Số: 37/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "Tân Minh, ngày 14 tháng 3 năm 2025\nTHÔNG BÁO Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban.",
    ],
)
def test_a_letters_head_is_no_task_and_its_issuer_leads_nothing(head: str) -> None:
    assert found(f"{head}\n{BODY}") == [
        ("Giao Công an xã tăng cường tuần tra ban đêm.", ["Công an xã"]),
        ("Tổ chức tổng vệ sinh các khu dân cư trước ngày 30/3/2025.", []),
    ]


def test_the_number_of_a_cited_decision_in_the_body_is_kept() -> None:
    text = (
        "UBND XÃ TÂN MINH\nSố: 37/TB-UBND\nTân Minh, ngày 14 tháng 3 năm 2025\n"
        "Giao Văn phòng xã triển khai Quyết định số: 12/QĐ-UBND trước ngày 20/3/2025.\n"
    )
    order = "Giao Văn phòng xã triển khai Quyết định số: 12/QĐ-UBND trước ngày 20/3/2025."
    assert found(text) == [(order, ["Văn phòng xã"])]


def test_the_national_title_and_a_date_said_in_a_sentence_cut_nothing() -> None:
    order = (
        "Nhân kỷ niệm 80 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam, ngày 2 tháng 9 năm 1945, "
        "giao Văn phòng xã treo cờ Tổ quốc tại trụ sở trước ngày 30/8/2025."
    )
    text = (
        "UBND XÃ TÂN MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 37/TB-UBND\n"
        f"Tân Minh, ngày 14 tháng 8 năm 2025\n{order}\n"
    )
    assert found(text) == [(order, ["Văn phòng xã"])]


def test_a_one_line_conclusion_is_its_order_not_its_title() -> None:
    text = "Kết luận cuộc họp, Chủ tịch UBND xã giao Công an xã rà soát camera an ninh."
    assert found(text) == [(text, ["Công an xã"])]


# --- a unit and which ones, heading the items under it, is one name («UBND các huyện, …», not «UBND») ---
@pytest.mark.parametrize(
    ("heading", "lead"),
    [
        ("2. UBND các huyện, thị xã, thành phố:", "UBND các huyện, thị xã, thành phố"),
        ("b) Ủy ban nhân dân các quận, huyện:", "Ủy ban nhân dân các quận, huyện"),
        ("3. UBND các xã, thị trấn:", "UBND các xã, thị trấn"),
    ],
)
def test_a_heading_naming_a_unit_and_which_ones_leads_whole(heading: str, lead: str) -> None:
    text = f"{heading}\n- Rà soát hồ sơ đất đai tồn đọng.\n- Báo cáo kết quả về Sở Tài nguyên và Môi trường."
    assert found(text)[0] == ("Rà soát hồ sơ đất đai tồn đọng.", [lead])


# --- a point that only names who leads the list under it, said in more ways ---
def _led(text: str) -> list[tuple[str, list[str], list[str], str, date | None]]:
    return [
        (
            d.text,
            [a.text for a in d.assignees.lead],
            [a.text for a in d.assignees.support],
            d.deadline.kind.value,
            d.deadline.due,
        )
        for d in split_conclusion(text, TODAY).directives
    ]


ITEMS = "\n- Kiểm kê thiết bị hư hỏng.\n- Lập danh sách cán bộ được cấp phát."


@pytest.mark.parametrize(
    ("point", "lead", "support", "due"),
    [
        (
            "2. Về thiết bị họp trực tuyến: giao Văn phòng UBND xã chủ trì, hoàn thành trong tháng 4/2025.",
            "Văn phòng UBND xã",
            [],
            date(2025, 4, 30),
        ),
        (
            "2. Về thiết bị họp trực tuyến: giao Văn phòng UBND xã chủ trì thực hiện, thời gian hoàn thành trước "
            "ngày 25/4/2025.",
            "Văn phòng UBND xã",
            [],
            date(2025, 4, 25),
        ),
        ("2. Về thiết bị họp trực tuyến: Văn phòng UBND xã chủ trì thực hiện.", "Văn phòng UBND xã", [], None),
        ("2. Giao Văn phòng UBND xã thực hiện một số nội dung sau", "Văn phòng UBND xã", [], None),
        (
            "2. Về thiết bị họp trực tuyến: giao Văn phòng UBND xã chủ trì, phối hợp với Trạm Y tế xã thực hiện.",
            "Văn phòng UBND xã",
            ["Trạm Y tế xã"],
            None,
        ),
    ],
)
def test_the_items_under_a_point_that_names_their_lead_take_it(
    point: str, lead: str, support: list[str], due: date | None
) -> None:
    got = _led(point + ITEMS)
    assert [(t, leads, sup, d) for t, leads, sup, _, d in got] == [
        ("Kiểm kê thiết bị hư hỏng.", [lead], support, due),
        ("Lập danh sách cán bộ được cấp phát.", [lead], support, due),
    ]


def test_a_point_with_its_own_work_and_no_list_under_it_stays_a_task() -> None:
    text = (
        "1. Giao Văn phòng UBND xã chủ trì, hoàn thành trong tháng 4/2025.\n"
        "2. Giao Trạm Y tế xã kiểm tra các bếp ăn tập thể."
    )
    assert [t for t, *_ in _led(text)] == [
        "Giao Văn phòng UBND xã chủ trì, hoàn thành trong tháng 4/2025.",
        "Giao Trạm Y tế xã kiểm tra các bếp ăn tập thể.",
    ]


# --- a lead-in naming its doers, then the scope each works in ("theo lĩnh vực phụ trách") ---
@pytest.mark.parametrize(
    ("lead_in", "lead"),
    [
        ("2. 02 đồng chí Phó Chủ tịch UBND xã theo lĩnh vực phụ trách:", ["02 đồng chí Phó Chủ tịch UBND xã"]),
        ("2. 03 đồng chí Phó Chủ tịch UBND xã, theo lĩnh vực được phân công:", ["03 đồng chí Phó Chủ tịch UBND xã"]),
        ("Các phòng, ban chuyên môn theo chức năng, nhiệm vụ được giao:", ["Các phòng, ban chuyên môn"]),
        (
            "3. Công an xã, Ban Chỉ huy Quân sự xã theo nhiệm vụ được phân công:",
            ["Công an xã", "Ban Chỉ huy Quân sự xã"],
        ),
    ],
)
def test_the_dashes_under_doers_and_their_scope_take_the_doers(lead_in: str, lead: list[str]) -> None:
    text = f"{lead_in}\n- Chỉ đạo rà soát hồ sơ đất đai.\n- Kiểm tra tiến độ xây dựng trường học."
    assert [leads for _, leads in found(text)] == [lead, lead]


def test_a_scope_with_nobody_before_it_gives_no_lead() -> None:
    text = "Trong thời gian tới, theo chức năng nhiệm vụ:\n- Rà soát hồ sơ đất đai.\n- Kiểm tra tiến độ xây dựng."
    assert [leads for _, leads in found(text)] == [[], []]


# --- the unit's kind then "các" + places or levels names other bodies, not this committee's unit ---
@pytest.mark.parametrize(
    ("order", "key"),
    [
        ("Đề nghị UBND các huyện, thị xã, thành phố rà soát hồ sơ tồn đọng.", None),
        ("Giao Thường trực HĐND các xã tổng hợp ý kiến cử tri.", None),
        ("Yêu cầu Công an các phường tăng cường tuần tra.", None),
        ("Đề nghị UBND các xã, thị trấn rà soát hồ sơ tồn đọng.", "builtin:ubnd-cac-phuong-xa"),
        ("Giao UBND phường rà soát hồ sơ tồn đọng.", "builtin:ubnd"),
        ("Giao Ban Quản lý dự án đầu tư xây dựng các công trình giao thông rà soát hồ sơ.", "builtin:ban-qlda"),
    ],
)
def test_a_group_of_other_bodies_is_not_the_committees_own_unit(order: str, key: str | None) -> None:
    (directive,) = split_conclusion(order, TODAY).directives
    assert [a.unit_key for a in directive.assignees.lead] == [key]


def test_items_above_a_dateline_at_the_foot_of_a_short_text_stay() -> None:
    text = (
        "Kết luận:\n1- Giao Phòng Kinh tế rà soát hồ sơ đất đai.\n2- Giao Công an xã tuần tra ban đêm.\n"
        "ỦY BAN NHÂN DÂN XÃ\nTân Minh, ngày 14 tháng 3 năm 2025"
    )
    assert [leads for _, leads in found(text)] == [["Phòng Kinh tế"], ["Công an xã"]]
