"""Text typed without diacritics (branch `nodiac`, twelfth issue-11 session; `domain/understand/lead_nodiac16.py`):
a sentence typed on a phone without marks gives the same lead as the marked sentence, where the folded words are
unambiguous. Sentences invented for these tests."""

from __future__ import annotations

import unicodedata

import pytest

from tests.domain.assignee_helpers import lead


def fold(text: str) -> str:
    """The text as typed on a phone without marks: letters kept, capitals kept, marks gone."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")

# The property: fold(lead(marked)) == lead(fold(marked)), over bodies whose names hold a word that folds onto a
# function word or a trigger (thị → thì, chợ → cho, giáo → giao, tỉnh → tính) and over plain names (unchanged).
MARKED = [
    ("Đội Quản lý thị trường số 2 kiểm tra các cửa hàng trên địa bàn.", "Đội Quản lý thị trường số 2"),
    ("Đội Quản lý thị trường số 5 phải xử lý hàng giả.", "Đội Quản lý thị trường số 5"),
    ("UBND thị xã Sơn Tây rà soát các công trình xây dựng.", "UBND thị xã Sơn Tây"),
    ("UBND thị trấn Phùng hoàn thành giải phóng mặt bằng.", "UBND thị trấn Phùng"),
    ("Ban Quản lý chợ thực hiện sắp xếp lại các ki-ốt.", "Ban Quản lý chợ"),
    ("Ban Quản lý chợ Đồng Xuân phối hợp kiểm tra phòng cháy.", "Ban Quản lý chợ Đồng Xuân"),
    ("Ban Tôn giáo tỉnh hướng dẫn các cơ sở tôn giáo.", "Ban Tôn giáo tỉnh"),
    ("Ban Dân tộc tỉnh tổng hợp danh sách người có uy tín.", "Ban Dân tộc tỉnh"),
    ("Sở Y tế tỉnh kiểm tra an toàn thực phẩm.", "Sở Y tế tỉnh"),
    ("Ban Quản lý các khu công nghiệp tỉnh rà soát các doanh nghiệp.", "Ban Quản lý các khu công nghiệp tỉnh"),
    ("Cảnh sát giao thông tăng cường tuần tra trên Quốc lộ 1.", "Cảnh sát giao thông"),
    ("Cảnh sát cơ động phối hợp bảo vệ hội nghị.", "Cảnh sát cơ động"),
    # plain names: the fold changed nothing before and changes nothing now
    ("Phòng Giáo dục và Đào tạo tổ chức kỳ thi.", "Phòng Giáo dục và Đào tạo"),
    ("Trung tâm Y tế huyện giám sát dịch bệnh.", "Trung tâm Y tế huyện"),
    ("Hội Nông dân huyện vận động hội viên.", "Hội Nông dân huyện"),
]


@pytest.mark.parametrize(("text", "who"), MARKED)
def test_folded_sentence_gives_the_marked_lead(text: str, who: str) -> None:
    assert lead(text) == [who]
    assert lead(fold(text)) == [fold(who)]


# The same folded words outside a body's name keep their other reading.
@pytest.mark.parametrize(
    ("text", "who"),
    [
        # «thì trưởng thôn»: «thi truong» is the name word only after «quan ly»
        ("Doi voi cac xa thi truong thon phai bao cao hang tuan.", ["truong thon"]),
        # «tính toán»: a folded «tinh» before its compound stays the verb
        ("So Tai chinh tinh toan lai du toan.", ["So Tai chinh"]),
        # a marked sentence is untouched: «thì» is «thì»
        ("Đội Quản lý thì trường hợp vi phạm phải xử lý.", []),
    ],
)
def test_the_other_reading_stays(text: str, who: list[str]) -> None:
    assert lead(text) == who


# «phụ trách» + a verb after a person handed a duty is the duty, not part of who the person is; «phụ trách» + a
# noun (a portfolio) and «cán bộ phụ trách» stay in the name.
@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Giao bà Lê Thị C - Phó Chủ tịch UBND huyện phụ trách theo dõi việc tu sửa đê.",
            ["bà Lê Thị C - Phó Chủ tịch UBND huyện"],
        ),
        ("Giao đồng chí Phó Bí thư Đảng ủy xã phụ trách chỉ đạo đợt ra quân.", ["đồng chí Phó Bí thư Đảng ủy xã"]),
        ("Đồng chí Phó Chủ tịch phụ trách khối kinh tế chủ trì họp.", ["Đồng chí Phó Chủ tịch phụ trách khối kinh tế"]),
        ("Cán bộ phụ trách theo dõi việc cấp phát vật tư.", ["Cán bộ phụ trách"]),
    ],
)
def test_in_charge_after_a_title(text: str, who: list[str]) -> None:
    assert lead(text) == who
    assert lead(fold(text)) == [fold(w) for w in who]
