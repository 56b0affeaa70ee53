"""Session 11, branch `leadshape`: three shapes of administrative text (`domain/understand/lead_shapes15.py`).
Sentences written for these tests, in the classes the rules name; the dev sentences each class was written
from are named in the module, never pasted."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.assignees import parse_assignees
from domain.understand.conclusion import split_conclusion
from domain.understand.directive import parse_directive

TODAY = date(2026, 12, 7)


def roles(text: str) -> tuple[list[str], list[str], list[str]]:
    found = parse_assignees(text)
    return [a.text for a in found.lead], [a.text for a in found.support], [a.text for a in found.executor]


# (a) A dotted level abbreviation inside a unit's name: kept as written, dot included, whatever follows the dot —
# a Title-Case name (read before), a number (the numbered districts and wards), or nothing (the city itself).
@pytest.mark.parametrize(
    ("text", "leads", "support"),
    [
        # a number after the dot: the name goes on; a subject so named has its predicate
        ("Công an Q. 1 chủ trì kiểm tra trật tự vỉa hè trong tháng 12.", ["Công an Q. 1"], []),
        ("Giao Công an Q. 3 phối hợp UBND P. Võ Thị Sáu kiểm tra trật tự đô thị.",
         ["Công an Q. 3"], ["UBND P. Võ Thị Sáu"]),
        ("UBND P. 12 phối hợp Đội Quản lý trật tự đô thị Q. 5 giải tỏa lấn chiếm.",
         ["UBND P. 12"], ["Đội Quản lý trật tự đô thị Q. 5"]),
        ("Yêu cầu Chủ tịch UBND P. 7 báo cáo số hộ nghèo trước ngày 20/12.", ["Chủ tịch UBND P. 7"], []),
        ("Để bảo đảm an toàn dịp Tết, Công an Q. 10 phải tăng cường tuần tra ban đêm.", ["Công an Q. 10"], []),
        ("Đây là chỉ tiêu mà UBND P. 4 phải hoàn thành trong năm nay.", ["UBND P. 4"], []),
        # nothing after the dot but the predicate: the city (town) itself, named by its abbreviation
        ("Văn phòng UBND TP. theo dõi, đôn đốc các phòng thực hiện, tổng hợp báo cáo UBND TP.",
         ["Văn phòng UBND TP."], []),
        ("Công an Tp. chủ trì bảo đảm an ninh trật tự lễ hội pháo hoa.", ["Công an Tp."], []),
        ("Trong tháng 12, Phòng Tài chính - Kế hoạch TX. cần rà soát các khoản tạm ứng.",
         ["Phòng Tài chính - Kế hoạch TX."], []),
        ("Giao Phòng Quản lý đô thị TP. phối hợp với UBND các phường rà soát biển quảng cáo.",
         ["Phòng Quản lý đô thị TP."], ["UBND các phường"]),
        # a name after the dot, as before
        ("Giao UBND TP. Huế chủ trì rà soát quy hoạch chung.", ["UBND TP. Huế"], []),
        ("UBND TX. Hương Thủy và UBND H. Phong Điền báo cáo kết quả giải ngân.",
         ["UBND TX. Hương Thủy", "UBND H. Phong Điền"], []),
    ],
)
def test_a_dotted_abbreviation_stays_inside_the_name(text: str, leads: list[str], support: list[str]) -> None:
    assert roles(text)[:2] == (leads, support)


def test_a_dot_that_ends_the_sentence_is_not_taken_into_the_name() -> None:
    # «TP.» at the end of a sentence, or before a capital, is not the abbreviation's dot followed by a name
    assert roles("Giao Sở Xây dựng kiểm tra các công trình trên địa bàn TP.")[0] == ["Sở Xây dựng"]
    assert roles("Chủ tịch UBND Tp. giao Sở Tài chính rà soát các khoản chi.")[0] == ["Sở Tài chính"]


def test_a_dotted_abbreviation_before_a_number_that_is_no_place_is_left_alone() -> None:
    # only districts and wards are numbered: «TP. 2 …» is no place, the dot is read as before
    assert roles("Giao Sở Y tế TP. 2 tuần một lần báo cáo số ca mắc.")[0] != ["Sở Y tế TP. 2"]


def test_a_whole_conclusion_keeps_dotted_names_and_items() -> None:
    text = (
        "KẾT LUẬN CỦA CHỦ TỊCH UBND QUẬN\n"
        "1. Giao Phòng Kinh tế Q. 1 rà soát các hộ kinh doanh trên vỉa hè trước ngày 20/12/2026.\n"
        "2. UBND P. 12 phối hợp Công an Q. 3 lập danh sách đối tượng trong tháng 12/2026.\n"
        "3. Văn phòng UBND TP. tổng hợp, báo cáo kết quả trước ngày 31/12/2026.\n"
    )
    items = split_conclusion(text, TODAY).directives
    assert [[a.text for a in d.assignees.lead] for d in items] == [
        ["Phòng Kinh tế Q. 1"],
        ["UBND P. 12"],
        ["Văn phòng UBND TP."],
    ]
    assert [a.text for a in items[1].assignees.support] == ["Công an Q. 3"]
    assert [d.deadline.due for d in items] == [date(2026, 12, 20), date(2026, 12, 31), date(2026, 12, 31)]


def test_a_conclusion_is_not_split_inside_a_dotted_name() -> None:
    text = (
        "Chủ tịch UBND TP. Huế kết luận: Giao UBND P. Phú Hội ra quân dọn vệ sinh trong tháng 12/2026. "
        "Đề nghị Công an TP. Huế phối hợp xử lý vi phạm trước ngày 25/12/2026."
    )
    items = split_conclusion(text, TODAY).directives
    assert [[a.text for a in d.assignees.lead] for d in items] == [["UBND P. Phú Hội"], ["Công an TP. Huế"]]


def test_a_directive_keeps_the_dotted_name_with_its_deadline() -> None:
    d = parse_directive("Giao Công an Q. 1 chủ trì kiểm tra trật tự đô thị trước ngày 15/12/2026.", TODAY)
    assert [a.text for a in d.assignees.lead] == ["Công an Q. 1"]
    assert d.deadline.due == date(2026, 12, 15)


# (c) «(giao / đề nghị) X chỉ đạo A phối hợp (với) B <việc>»: X leads, A executes, B supports (§8 b, §37.1 c).
@pytest.mark.parametrize(
    ("text", "lead", "support", "executor"),
    [
        ("Đề nghị Phòng Giáo dục chỉ đạo các trường phối hợp với Trạm Y tế khám sức khỏe cho học sinh.",
         ["Phòng Giáo dục"], ["Trạm Y tế"], ["các trường"]),
        ("Giao Chủ tịch UBND các xã chỉ đạo Công an xã phối hợp với Ban Chỉ huy Quân sự xã tuần tra đêm.",
         ["Chủ tịch UBND các xã"], ["Ban Chỉ huy Quân sự xã"], ["Công an xã"]),
        ("Yêu cầu Giám đốc Sở Y tế chỉ đạo Trung tâm Y tế huyện phối hợp chặt chẽ với UBND các xã giám sát dịch.",
         ["Giám đốc Sở Y tế"], ["UBND các xã"], ["Trung tâm Y tế huyện"]),
        ("Giao Phòng Văn hóa chỉ đạo các trường phối hợp cùng Đoàn xã tổ chức hội trại.",
         ["Phòng Văn hóa"], ["Đoàn xã"], ["các trường"]),
        # the directed body's name ran over «phối hợp với» (a place before it): cut there
        ("Đề nghị Chủ tịch UBND tỉnh chỉ đạo các đơn vị tại địa phương phối hợp với Cục Hải quan giải tỏa hàng.",
         ["Chủ tịch UBND tỉnh"], ["Cục Hải quan"], ["các đơn vị tại địa phương"]),
    ],
)
def test_c_the_partner_of_a_directed_body_supports(
    text: str, lead: list[str], support: list[str], executor: list[str]
) -> None:
    assert roles(text) == (lead, support, executor)


@pytest.mark.parametrize(
    ("text", "lead", "support", "executor"),
    [
        # «phối hợp» with no partner named: nobody supports
        ("Đề nghị UBND huyện chỉ đạo các phòng chuyên môn phối hợp thực hiện tốt công tác dân vận.",
         ["UBND huyện"], [], ["các phòng chuyên môn"]),
        # the directed body chairs, the partner after «chủ trì, phối hợp» supports (read before, unchanged)
        ("Giao UBND huyện chỉ đạo Phòng Nông nghiệp chủ trì, phối hợp với các xã rà soát diện tích lúa.",
         ["UBND huyện"], ["các xã"], ["Phòng Nông nghiệp"]),
    ],
)
def test_c_what_the_rule_leaves(text: str, lead: list[str], support: list[str], executor: list[str]) -> None:
    assert roles(text) == (lead, support, executor)


def test_c_a_reported_order_keeps_the_directed_body_as_lead() -> None:
    # «X đã chỉ đạo A phối hợp B» reports the order: A leads, B supports (§8 a), as before
    assert roles("UBND huyện đã chỉ đạo Công an xã phối hợp Hội Phụ nữ xã vận động người dân.")[:2] == (
        ["Công an xã"],
        ["Hội Phụ nữ xã"],
    )

