"""Lists under one determiner: kinds of business named by their trade, listed with commas
(`domain/understand/lead_trade_names.py`), and a known body's word in lower case as a kind (`lead_list_kinds.py`);
branch `leadlist`, ninth issue-11 session. Sentences written for
these tests in each class; the dev sentences each rule was written from are named in comments."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


# A business kind, the verb of its trade and the goods, then the order: the trade says which ones
# (LABELLING.md §11); kinds listed with commas share the determiner and are one lead (§12).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Công Thương yêu cầu các thương nhân phân phối phân bón, đại lý, cửa hàng vật tư nông nghiệp "
         "niêm yết giá bán công khai.", ["các thương nhân phân phối phân bón, đại lý, cửa hàng vật tư nông nghiệp"]),
        ("UBND huyện đề nghị các doanh nghiệp kinh doanh bán lẻ khí dầu mỏ hóa lỏng bảo đảm an toàn phòng cháy.",
         ["các doanh nghiệp kinh doanh bán lẻ khí dầu mỏ hóa lỏng"]),
        ("Đề nghị tổng đại lý, đại lý bán buôn thuốc thú y phải báo cáo lượng hàng tồn kho trước ngày 10.",
         ["tổng đại lý, đại lý bán buôn thuốc thú y"]),
        ("Các cơ sở nhập khẩu thức ăn chăn nuôi thực hiện kê khai giá theo quy định.",
         ["Các cơ sở nhập khẩu thức ăn chăn nuôi"]),
        ("Yêu cầu các thương nhân phân phối xi măng, tổng đại lý, đại lý phân phối vật liệu xây dựng, "
         "các hộ kinh doanh trên địa bàn xã không được găm hàng.",
         ["các thương nhân phân phối xi măng, tổng đại lý, đại lý phân phối vật liệu xây dựng",
          "các hộ kinh doanh trên địa bàn xã"]),
    ],
)
def test_business_kinds_named_by_their_trade(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# The trade verb stays the order where nothing but its object and a manner follows, or after a body of the
# state (its verbs are tasks): the old reading.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các doanh nghiệp phân phối hàng hóa kịp thời cho người dân vùng lũ.", ["Các doanh nghiệp"]),
        ("Yêu cầu các đơn vị phân phối gạo cứu trợ cho các hộ dân bảo đảm đúng đối tượng.", ["các đơn vị"]),
    ],
)
def test_trade_verb_that_is_the_order(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# A known body's word in lower case inside a list of kinds under one determiner is a kind, and the list one
# lead (`domain/understand/lead_list_kinds.py`; LABELLING.md §12). Written from N010-01, N010-03 (corpus N)
# and B068-03 (corpus B). Capitalised, or of a place, it stays a body of its own.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Tuyên giáo đề nghị các huyện ủy, thị ủy, đảng ủy trực thuộc tỉnh tổ chức học tập nghị quyết.",
         ["các huyện ủy, thị ủy, đảng ủy trực thuộc tỉnh"]),
        ("Thường trực Huyện ủy yêu cầu các chi bộ, chính quyền, mặt trận, đoàn thể trong huyện tuyên truyền sâu rộng.",
         ["các chi bộ, chính quyền, mặt trận, đoàn thể trong huyện"]),
        ("Đề nghị các chi bộ, đảng ủy xã Tân Hòa tổ chức quán triệt.", ["các chi bộ", "đảng ủy xã Tân Hòa"]),
        ("Yêu cầu các phòng chuyên môn, công an các xã, thị trấn tăng cường tuần tra.",
         ["các phòng chuyên môn", "công an các xã, thị trấn"]),
    ],
)
def test_known_body_word_as_a_kind_in_a_list(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
