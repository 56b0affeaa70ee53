"""The trigger audit (branch `leadaudit`, twelfth issue-11 session; `domain/understand/lead_audit16.py`): a trigger
word that is part of another word, or folds onto one when typed without diacritics, names nobody; the same trigger
in its true use still names its doer. Sentences invented for these tests, misfire and true use side by side."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


# A head that is another word names nobody: «hội nhập», «hội đủ», «chi trả», and text typed without diacritics
# whose folded letters spell a head: phong trào, tố tụng, tố cáo, đổi mới, bàn giao, bản cam kết.
@pytest.mark.parametrize(
    "text",
    [
        "Hội nhập kinh tế quốc tế tạo thêm nhiều thị trường cho nông sản.",
        "Hội đủ các điều kiện theo quy định thì được xét cấp giấy phép.",
        "Chi trả trợ cấp cho người có công trước Tết Nguyên đán.",
        "Phong trao xay dung nong thon moi duoc lan toa rong khap.",
        "To tung dan su phai bao dam quyen cua duong su.",
        "To cao nac danh bi xu ly theo quy dinh.",
        "Doi moi cong tac can bo la nhiem vu then chot.",
        "Ban giao cong trinh cho dia phuong truoc ngay 30/9.",
        "Ban cam ket duoc cac ho kinh doanh ky truoc ngay 15/8.",
    ],
)
def test_a_head_that_is_another_word_names_nobody(text: str) -> None:
    assert lead(text) == []


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Hội Liên hiệp Phụ nữ huyện vận động hội viên tham gia.", "Hội Liên hiệp Phụ nữ huyện"),
        ("Chi cục Thủy lợi kiểm tra các hồ chứa trước mùa mưa.", "Chi cục Thủy lợi"),
        ("Phong Tai chinh - Ke hoach tham dinh du toan truoc ngay 20/7.", "Phong Tai chinh - Ke hoach"),
        ("To dan pho so 5 ra soat cac ho ngheo.", "To dan pho so 5"),
        ("Đội Quản lý thị trường số 2 kiểm tra các cửa hàng.", "Đội Quản lý thị trường số 2"),
        ("Ban Quản lý chợ bàn giao các ki-ốt cho tiểu thương trước ngày 1/9.", "Ban Quản lý chợ"),
    ],
)
def test_the_true_head_still_leads(text: str, who: str) -> None:
    assert lead(text) == [who]


# «giáo» typed as «giao» is not the handing verb: «Tuyên giáo», «Tôn giáo», «giáo viên», «giáo dục».
@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Ban Tuyen giao Huyen uy chu tri to chuc hoi thi.", ["Ban Tuyen giao Huyen uy"]),
        ("Giao vien chu nhiem cac lop phai lien he voi phu huynh.", ["Giao vien chu nhiem cac lop"]),
        # the true verb, typed the same way
        ("Giao Phong Van hoa chu tri to chuc hoi thi.", ["Phong Van hoa"]),
        ("Giao Trung tam Y te huyen giam sat dich benh.", ["Trung tam Y te huyen"]),
    ],
)
def test_folded_giao(text: str, who: list[str]) -> None:
    assert lead(text) == who


# «tinh thần / ý thức trách nhiệm của X»: X's quality is praised or urged, no duty is handed to X.
@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Chủ tịch UBND xã ghi nhận tinh thần trách nhiệm của các ban ngành trong đợt mưa lũ vừa qua.", []),
        ("Hội nghị biểu dương ý thức trách nhiệm của lực lượng dân quân trong phòng chống dịch.", []),
        ("Bi thu danh gia cao tinh than trach nhiem cua cac chi bo trong nam qua.", []),
        # the duty itself, handed
        ("Trách nhiệm của Phòng Nội vụ là tổng hợp hồ sơ thi đua trước ngày 10/12.", ["Phòng Nội vụ"]),
    ],
)
def test_spirit_of_responsibility_hands_nothing(text: str, who: list[str]) -> None:
    assert lead(text) == who


# After «theo» (according to) a handing word is a noun: the clause after the comma has its own subject, who leads;
# the one whose request or assignment it was does not. The same words opening the clause still hand the task.
@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Theo đề nghị các phường, Phòng Quản lý đô thị bổ sung đèn chiếu sáng trước ngày 15/10.",
            ["Phòng Quản lý đô thị"],
        ),
        ("Theo yêu cầu các trường học, Trung tâm Y tế cử cán bộ khám sức khỏe cho học sinh.", ["Trung tâm Y tế"]),
        ("Theo phan cong cac thanh vien Ban Chi dao, Phong Noi vu tong hop danh sach.", ["Phong Noi vu"]),
        # the act itself, opening the clause
        ("Đề nghị các phường bổ sung đèn chiếu sáng trước ngày 15/10.", ["các phường"]),
        ("Yêu cầu các trường học rà soát sĩ số trước ngày 5/9.", ["các trường học"]),
    ],
)
def test_by_the_noun_after_theo(text: str, who: list[str]) -> None:
    assert lead(text) == who


# «chủ trì» / «phối hợp» after a head that names no body («cơ quan», «đơn vị») and before a word of duty is the body's
# role, part of its name; after a named body, or before «phối hợp với», it is still the verb.
@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Cơ quan chủ trì chịu trách nhiệm tổng hợp kết quả gửi Văn phòng UBND tỉnh.", ["Cơ quan chủ trì"]),
        ("Đơn vị phối hợp có trách nhiệm cử cán bộ tham gia đoàn kiểm tra.", ["Đơn vị phối hợp"]),
        ("Các cơ quan phối hợp có nhiệm vụ cung cấp số liệu đúng hạn.", ["Các cơ quan phối hợp"]),
        # the verb
        ("Sở Công Thương chủ trì phối hợp với Công an tỉnh kiểm tra thị trường.", ["Sở Công Thương"]),
        ("Các đơn vị chủ trì, phối hợp với Mặt trận tuyên truyền đến nhân dân.", ["Các đơn vị"]),
    ],
)
def test_a_role_in_the_name(text: str, who: list[str]) -> None:
    assert lead(text) == who
