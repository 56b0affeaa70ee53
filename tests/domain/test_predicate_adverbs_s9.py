"""A lead's name ends where an adverb of continuation, a verb of attention under «đặc biệt» or
a condition «tùy vào / tùy theo» opens its predicate (branch `leadname`, list
`domain/understand/data/predicate_adverbs_s9.txt`). Sentences written for these tests, in the class the
list names (the dev ids are in its header), and names it must leave whole."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «vẫn» before a verb no list knows, before a known one, before a modal
        ("Các hợp tác xã vẫn duy trì lịch bơm nước như cũ.", ["Các hợp tác xã"]),
        ("Huyện đề nghị các trạm y tế vẫn kiểm tra nhiệt độ người ra vào.", ["các trạm y tế"]),
        ("Các bến xe vẫn phải niêm yết giá vé công khai.", ["Các bến xe"]),
        # a verb of attention whose object is the task, under «đặc biệt»
        ("Các tổ dân phố đặc biệt chú ý, không để người dân đốt rác ven đường.", ["Các tổ dân phố"]),
        ("Xã yêu cầu các thôn đặc biệt quan tâm hộ nghèo trong dịp Tết.", ["các thôn"]),
        ("Các nhà trường đặc biệt lưu ý an toàn giao thông khi đưa đón học sinh.", ["Các nhà trường"]),
        # a condition that opens the predicate with an adjunct
        ("Sở đề nghị các bệnh viện tùy vào số ca bệnh để bố trí giường điều trị.", ["các bệnh viện"]),
        ("Các xã tuỳ theo điều kiện thực tế bố trí điểm tiêm phù hợp.", ["Các xã"]),
        # typed without diacritics
        ("Cac hop tac xa van duy tri lich bom nuoc nhu cu.", ["Cac hop tac xa"]),
    ],
)
def test_name_ends_at_the_predicates_opening_word(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «đặc biệt» alone is a name's adjective
        ("Ban Quản lý Khu kinh tế đặc biệt khẩn trương hoàn thành quy hoạch.", ["Ban Quản lý Khu kinh tế đặc biệt"]),
        # «van» typed without diacritics as «văn» inside a name
        ("Trung tam van hoa huyen chu tri to chuc le hoi.", ["Trung tam van hoa huyen"]),
    ],
)
def test_names_that_only_look_like_it_stay_whole(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
