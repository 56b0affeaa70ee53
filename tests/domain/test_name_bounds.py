"""Name boundaries by structure (sixth issue-11 session, branch `names`, `domain/understand/name_bounds.py`).
Sentences written for these tests, in the classes the rules name (the dev ids are in the rules'
docstrings); each class also has sentences where the rule must NOT fire."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kind, its activity and object, then an adjunct or an actor's adverb that opens the predicate
        ("Đơn vị quản lý bến cảng căn cứ lượng tàu, chủ động bố trí cầu bến.", ["Đơn vị quản lý bến cảng"]),
        ("UBND xã đề nghị đơn vị khai thác cát sỏi khẩn trương hoàn nguyên môi trường.", ["đơn vị khai thác cát sỏi"]),
        ("Sở yêu cầu các công ty vận hành hồ chứa thường xuyên kiểm tra đập.", ["các công ty vận hành hồ chứa"]),
        # a Title-Case kind with no name of its own, its activity, a proper name, then its verb
        (
            "Tỉnh yêu cầu Công ty TNHH một thành viên khai thác thủy lợi Sông Chu nạo vét kênh tưới.",
            ["Công ty TNHH một thành viên khai thác thủy lợi Sông Chu"],
        ),
        # a letter's receivers: a kind, its activity, a region's proper name, then "về việc"
        (
            "Cục có công văn gửi các công ty vận hành hồ chứa vùng Tây Nguyên và Duyên hải Nam Bộ về việc xả lũ.",
            ["các công ty vận hành hồ chứa vùng Tây Nguyên và Duyên hải Nam Bộ"],
        ),
        # a committee, its level, its work ("phòng, chống") and the disease's name
        (
            "Chủ tịch tỉnh yêu cầu Ban chỉ đạo liên ngành phòng, chống dịch sởi xây dựng kịch bản ứng phó.",
            ["Ban chỉ đạo liên ngành phòng, chống dịch sởi"],
        ),
        # a passive participle and its cause ("bị ảnh hưởng của …"), then the modal
        (
            "Sở yêu cầu các trường học trong khu vực bị ngập của lũ sông Hồng cần lên phương án dạy bù.",
            ["các trường học trong khu vực bị ngập của lũ sông Hồng"],
        ),
        # a clause marker ("đang") and a remark in brackets, then the modal
        (
            "Các cơ sở đang tổ chức bếp tập thể (bếp bán trú) phải kiểm tra nguồn thực phẩm hằng ngày.",
            ["Các cơ sở đang tổ chức bếp tập thể (bếp bán trú)"],
        ),
    ],
)
def test_activity_inside_a_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named body keeps its verb as predicate
        ("Sở Tài chính hướng dẫn thủ tục thanh toán để các xã thực hiện.", ["Sở Tài chính"]),
        # the object is a group acted upon (a determiner), or someone
        ("Các đơn vị hướng dẫn các hộ kinh doanh thực hiện niêm yết giá.", ["Các đơn vị"]),
        # the object is a task's noun: the first verb is the predicate
        ("Các đơn vị báo cáo tình hình thực hiện trước ngày 10/5.", ["Các đơn vị"]),
        ("Các đơn vị chấn chỉnh việc kịp thời trả lời kiến nghị của dân.", ["Các đơn vị"]),
        # two task verbs joined by a comma: the first is the predicate
        ("UBND tỉnh đề nghị ngành chức năng rà soát, điều chỉnh phù hợp đảm bảo đúng quy hoạch.", ["ngành chức năng"]),
        # after an object, "đảm bảo" says what for, "căn cứ" is the object's adjunct, "về việc" no letter's
        ("Các đơn vị kiểm tra hồ sơ đảm bảo đúng quy định.", ["Các đơn vị"]),
        ("Các đơn vị xử lý hồ sơ căn cứ quy định hiện hành.", ["Các đơn vị"]),
        ("Các đơn vị lập hồ sơ về việc cấp phép.", ["Các đơn vị"]),
        # a task verb after a lower-case kind's object is the object's complement ("kế hoạch triển khai")
        ("Các đơn vị xây dựng kế hoạch triển khai thực hiện trước ngày 15/5.", ["Các đơn vị"]),
        ("Các đơn vị chuẩn bị lực lượng tăng cường cho các chốt.", ["Các đơn vị"]),
        # people act: their verb is the predicate ("vận động gia đình thực hiện")
        ("Các giáo viên, nhân viên vận động gia đình thực hiện an toàn giao thông.", ["Các giáo viên, nhân viên"]),
        # places are named by no trade
        ("Hằng quý, các quận, huyện báo cáo tiến độ thực hiện các dự án.", ["các quận, huyện"]),
    ],
)
def test_verb_after_a_kind_stays_the_predicate(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group determiner, a kind no head list knows, a word only an actor takes and its verb
        ("Đặc biệt, các bến phà phải chủ động bố trí đủ áo phao cho hành khách.", ["các bến phà"]),
        ("Tỉnh yêu cầu các nhà ga tăng cường kiểm tra hành lý.", ["các nhà ga"]),
        # a compound holding a negation is one word of the name ("hàng không", "không chuyên trách")
        ("Cục yêu cầu các hãng hàng không nội địa tăng cường kiểm tra tàu bay.", ["các hãng hàng không nội địa"]),
        (
            "Huyện yêu cầu các cán bộ không chuyên trách cấp xã phải nộp bản kê khai.",
            ["các cán bộ không chuyên trách cấp xã"],
        ),
    ],
)
def test_unknown_kind_and_compounds(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an amount, a passive, an adjective after "cần": no kind of body
        "Đảm bảo các điều kiện cần thiết cho kỳ thi.",
        "Các tồn tại cần được khắc phục ngay.",
        # things of which "phải" speaks (no word only an actor does): not a kind of body
        "Các bến phà phải bảo đảm an toàn cho hành khách.",
    ],
)
def test_no_unknown_kind(text: str) -> None:
    assert lead(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a complement "của / thuộc <body named by its head alone>" says which ones
        ("Bộ Tài chính yêu cầu các cục chuyên ngành của Bộ rà soát các khoản chi.", ["các cục chuyên ngành của Bộ"]),
        ("Sở đề nghị các phòng chuyên môn thuộc Sở tiếp tục cập nhật dữ liệu.", ["các phòng chuyên môn thuộc Sở"]),
        # a full name after "của" is read as before
        ("Bộ yêu cầu các đơn vị của Bộ Công Thương rà soát hồ sơ.", ["các đơn vị của Bộ Công Thương"]),
    ],
)
def test_complement_with_a_bare_body(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kinds after one determiner, to the item after "và", then the predicate
        (
            "Sở yêu cầu các trường mầm non, tiểu học, trung học cơ sở và trung tâm giáo dục thường xuyên"
            " rà soát sĩ số.",
            ["các trường mầm non, tiểu học, trung học cơ sở và trung tâm giáo dục thường xuyên"],
        ),
        ("Tỉnh đề nghị ngành y tế và giáo dục, phối hợp kiểm tra bếp ăn.", ["ngành y tế và giáo dục"]),
        # sector names in Title Case after one kind head
        (
            "Các ngành Nông nghiệp, Tài nguyên Môi trường chủ động ứng phó với hạn mặn.",
            ["Các ngành Nông nghiệp, Tài nguyên Môi trường"],
        ),
        # each item with its own determiner stays its own lead
        ("Huyện yêu cầu các xã, các trường học tổ chức dọn vệ sinh.", ["các xã", "các trường học"]),
    ],
)
def test_kinds_after_one_determiner(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
