"""Corpus L's lead forms (branch `leadl`, seventh issue-11 session): advice to the public in the forms
`lead_conventions.public_advice` did not read (`domain/understand/lead_public.py`), a Title-Case purpose with
its comma inside a name (`domain/understand/name_purposes.py`), business actors named by their trade-law kind
(`domain/understand/data/business_kinds.txt`), where a body is stationed (`name_stationed.py`), "ngoại giao" in a
name (`data/name_compounds.txt`). Sentences written for these tests, in the classes the rules
name; the dev sentences each class was written from are named in comments."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.directive import parse_directive
from tests.domain.assignee_helpers import lead


# Advice to the public: the body that gives it leads (LABELLING.md §8 d, §29 (1)). Dev: L088-01 ("khuyến
# nghị"), L045-01 (a utility's customers), L028-01 ("thông báo đề nghị" + households), corpus L.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trung tâm Dự báo khí tượng thủy văn khuyến nghị người dân hạn chế ra khỏi nhà khi có dông lốc.",
         ["Trung tâm Dự báo khí tượng thủy văn"]),
        ("Để tránh quá tải lưới điện, Công ty Điện lực Hải Dương khuyến cáo đến khách hàng hãy tắt điều hòa "
         "khi không có người.", ["Công ty Điện lực Hải Dương"]),
        ("Tổng công ty Đường sắt khuyến cáo quý hành khách nên mua vé qua ứng dụng để tránh xếp hàng.",
         ["Tổng công ty Đường sắt"]),
        ("UBND phường thông báo đề nghị các hộ gia đình có con em trong độ tuổi đến đăng ký tiêm chủng.",
         ["UBND phường"]),
        ("Ban quản lý chợ thông báo và kêu gọi người dân không mua hàng không rõ nguồn gốc.",
         ["Ban quản lý chợ"]),
        ("Công ty Cấp nước khuyến nghị khách hàng tích trữ nước trong hai ngày cắt nước.", ["Công ty Cấp nước"]),
        # typed without diacritics (the gate's folded marks)
        ("UBND phuong thong bao de nghi cac ho dan den dang ky tiem chung.", ["UBND phuong"]),
    ],
)
def test_body_advising_the_public_leads(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# What the rule leaves to the others: others asked with the public, the public named as the subject with no
# advising body (§8 d), the old forms (read by `public_advice`), an order to a body.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theo khuyến nghị, người dân cần hạn chế ra đường khi có bão.", ["người dân"]),
        ("SAWACO khuyến cáo người dân nên chủ động tích trữ nước sạch.", ["SAWACO"]),
        ("UBND xã thông báo các hộ dân có đất bị thu hồi đến nhận tiền bồi thường.", ["UBND xã"]),
        ("UBND huyện yêu cầu Phòng Kinh tế hướng dẫn khách hàng vay vốn đúng quy định.", ["Phòng Kinh tế"]),
    ],
)
def test_advice_rule_leaves_other_forms(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_others_asked_with_the_public_are_not_advice() -> None:
    # the advising body does not lead when others are asked in the same sentence (read as the old form is)
    text = "Sở Công Thương khuyến nghị khách hàng và yêu cầu các cửa hàng niêm yết giá công khai."
    assert "Sở Công Thương" not in lead(text)


def test_items_under_an_advice_lead_in_take_the_advising_body() -> None:
    # L088-02: the items of a body's advice to the public (§8 d, `lead_source: context`).
    parsed = parse_directive(
        "Kiểm tra, chằng chống nhà cửa; không ra biển khi có gió mạnh.",
        date(2025, 7, 20),
        context="Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh khuyến nghị người dân thực hiện:",
    )
    assert [a.text for a in parsed.assignees.lead] == ["Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh"]


# A Title-Case purpose "Phòng, chống …" after "và" inside a name: one word with its comma (§11, §12). Dev:
# L088-01 (L), G121-01 (G), B056-01 (B).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chi cục Thủy lợi và Phòng, chống thiên tai tỉnh kiểm tra các tuyến đê xung yếu.",
         ["Chi cục Thủy lợi và Phòng, chống thiên tai tỉnh"]),
        ("Giao Ban Chỉ huy Bảo vệ rừng và Phòng, chống cháy rừng huyện tổ chức trực 24/24.",
         ["Ban Chỉ huy Bảo vệ rừng và Phòng, chống cháy rừng huyện"]),
        # the comma still separates two offices, and a lower-case purpose after a head is read as before
        ("Giao Phòng Tư pháp, Phòng Y tế kiểm tra hồ sơ.", ["Phòng Tư pháp", "Phòng Y tế"]),
        ("Giao Sở Y tế, Phòng Văn hóa phối hợp kiểm tra.", ["Sở Y tế", "Phòng Văn hóa"]),
    ],
)
def test_title_case_purpose_with_its_comma(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# Business actors named by their trade-law kind: "thương nhân", "tổng đại lý", "đại lý" head a noun phrase
# and list with their sister kinds under one determiner (§11, §12). Dev: L011-01, L013-02, L014-01 (L).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bộ Tài chính đề nghị các thương nhân kinh doanh phân bón bảo đảm nguồn hàng cho vụ đông xuân.",
         ["các thương nhân kinh doanh phân bón"]),
        ("Sở Công Thương có văn bản gửi các thương nhân đầu mối, tổng đại lý yêu cầu niêm yết giá bán lẻ.",
         ["các thương nhân đầu mối, tổng đại lý"]),
        ("Các đại lý xổ số phải niêm yết danh sách vé trúng thưởng.", ["Các đại lý xổ số"]),
    ],
)
def test_business_kinds_head_a_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# Where a body is stationed says which ones (LABELLING.md §11: "đóng chân trên địa bàn"). Dev: L077-01 (L),
# F002-01, F002-02 (F). `domain/understand/name_stationed.py`.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yêu cầu các cơ quan Trung ương đóng chân trên địa bàn tỉnh thực hiện nghiêm việc treo cờ.",
         ["các cơ quan Trung ương đóng chân trên địa bàn tỉnh"]),
        ("Đề nghị các Sở, các cơ quan Trung ương đóng trên địa bàn, UBND các huyện rà soát lại kế hoạch.",
         ["các Sở", "các cơ quan Trung ương đóng trên địa bàn", "UBND các huyện"]),
        ("Các đơn vị quân đội đóng tại huyện Quỳnh Lưu tham gia dọn dẹp sau bão.",
         ["Các đơn vị quân đội đóng tại huyện Quỳnh Lưu"]),
        # "đóng" as the task: no qualifier
        ("Yêu cầu các cơ sở karaoke đóng cửa trước 22 giờ.", ["các cơ sở karaoke"]),
    ],
)
def test_stationed_qualifier_stays_in_the_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_ngoai_giao_is_no_assigning_verb() -> None:
    # L087-03 (name_compounds.txt): "giao" of "ngoại giao" inside a ministry's name
    assert lead("Bộ Ngoại giao khẩn trương làm việc với phía bạn để bảo hộ công dân.") == ["Bộ Ngoại giao"]


# A committee's field after "về" is part of its name (§11). Dev: L087-01 (L), D048-01 (D); F095-01, G085-01
# (F, G: already read). `name_purposes.field_after_committee`.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Chỉ đạo Trung ương về phòng chống thiên tai yêu cầu các tỉnh ven biển kiểm đếm tàu thuyền.",
         ["các tỉnh ven biển"]),
        ("Văn phòng thường trực Ban Chỉ đạo quốc gia về phòng chống thiên tai đề nghị các bộ, ngành theo dõi "
         "sát diễn biến mưa lũ.", ["các bộ, ngành"]),
        ("Giao Ban chỉ đạo liên ngành tỉnh về Vệ sinh an toàn thực phẩm kiểm tra các bếp ăn tập thể.",
         ["Ban chỉ đạo liên ngành tỉnh về Vệ sinh an toàn thực phẩm"]),
        # a committee, its level and its work with no "về" (`purpose_after_level`)
        ("Ban Chỉ đạo quốc gia phòng, chống dịch cúm gia cầm đề nghị các tỉnh tăng cường giám sát.", ["các tỉnh"]),
        ("Ủy ban Quốc gia ứng phó sự cố, thiên tai và tìm kiếm cứu nạn yêu cầu các cảng vụ kiểm tra việc neo đậu.",
         ["các cảng vụ"]),
        # "về" after a committee with no field: the reader's "về" as before
        ("Giao Ban chỉ đạo báo cáo về tình hình dịch bệnh.", ["Ban chỉ đạo"]),
    ],
)
def test_committee_field_after_ve(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# A stated order, then whom it is for at the sentence's end: the words after the name say which ones (§6,
# §11). Dev: L042-01 (L), J076-01 (J); L077-01, D093-01 (a document, a time after the name: left).
# `domain/understand/lead_addressed.py`.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Không để học sinh nào thiếu sách giáo khoa” - đó là yêu cầu của Bộ trưởng đối với các sở giáo dục "
         "tham gia hội nghị trực tuyến về sách giáo khoa lớp một.",
         ["các sở giáo dục tham gia hội nghị trực tuyến về sách giáo khoa lớp một"]),
        ("Phải rà soát từng hộ nghèo, đây là yêu cầu của Chủ tịch UBND tỉnh đối với 5 huyện miền núi gồm Sơn "
         "Hà, Sơn Tây, Ba Tơ, Minh Long và Trà Bồng.",
         ["5 huyện miền núi gồm Sơn Hà, Sơn Tây, Ba Tơ, Minh Long và Trà Bồng"]),
        ("Kiểm tra, xử lý nghiêm các vi phạm - đó là chỉ đạo của UBND tỉnh đối với các sở, ngành tại Công văn "
         "số 120/UBND-KT ngày 3/5.", ["các sở, ngành"]),
        ("“Tăng cường kiểm tra thị trường” - là chỉ đạo của Tổng cục tới Cục QLTT các tỉnh trong suốt dịp nghỉ "
         "lễ sắp tới.", ["Cục QLTT các tỉnh"]),
    ],
)
def test_addressee_of_a_stated_order_runs_to_the_end(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
