"""Where the name of an assignee ends (domain/understand/assignees.py, "name spans"): the words that
say which ones — a clause, where the body is, the area it covers, the work a committee steers — are
part of the name when the predicate proper follows them; the predicate is not.

Every sentence here is written for the test, in the classes of the dev corpus sentences named in
the rules' comments; none is a corpus sentence."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


# ------------------------------------------------------------------------------------------ which ones
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause marked as one ("có", "đang", "chưa", "được giao"), then how the actor acts
        ("Sở Tư pháp kiến nghị các cơ quan có thẩm quyền sớm ban hành hướng dẫn.",
         ["các cơ quan có thẩm quyền"]),
        ("UBND huyện yêu cầu các hộ có nhu cầu đăng ký trước ngày 20/5.", ["các hộ có nhu cầu"]),
        ("Yêu cầu các chủ đầu tư đang chậm giải ngân khẩn trương hoàn thiện hồ sơ thanh toán.",
         ["các chủ đầu tư đang chậm giải ngân"]),
        ("Đề nghị các trường chưa nộp báo cáo nghiêm túc rút kinh nghiệm.", ["các trường chưa nộp báo cáo"]),
        ("Yêu cầu các đơn vị thi công được giao sửa chữa đường huyện chủ động bố trí nhân lực.",
         ["các đơn vị thi công được giao sửa chữa đường huyện"]),
        # a plain clause (a verb and its object), then a modal
        ("Yêu cầu các cơ sở kinh doanh karaoke phải chấp hành quy định về phòng cháy.",
         ["các cơ sở kinh doanh karaoke"]),
        ("Đề nghị các đơn vị chủ trì tổ chức giải chạy phải bảo đảm an ninh trật tự.",
         ["các đơn vị chủ trì tổ chức giải chạy"]),
    ],
)
def test_a_clause_saying_which_ones_is_part_of_the_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause is the predicate: nothing opens another one after it
        ("Các đơn vị đang triển khai kế hoạch tiêm chủng.", ["Các đơn vị"]),
        ("Yêu cầu các xã có văn bản báo cáo trước ngày 10/6.", ["các xã"]),
        # its object is someone who then acts: that someone is not part of the name
        ("Đề nghị các xã vận động nhân dân tích cực tham gia hiến máu.", ["các xã"]),
        # "được giao" alone opens the predicate
        ("UBND phường được giao tập trung chỉ đạo việc giải phóng mặt bằng.", ["UBND phường"]),
        # a verb after "đã" with a comma: the predicate, then another one
        ("Các trường đã rà soát danh sách, kịp thời báo cáo Phòng GD&ĐT.", ["Các trường"]),
    ],
)
def test_the_predicate_is_not_part_of_the_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ where it is
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yêu cầu Kho bạc Nhà nước chi nhánh tại các Khu vực 3, 4, 5 khẩn trương đối chiếu số liệu.",
         ["Kho bạc Nhà nước chi nhánh tại các Khu vực 3, 4, 5"]),
        ("Đề nghị Bảo hiểm xã hội chi nhánh tại Khu vực 2-4 rà soát hồ sơ hưu trí.",
         ["Bảo hiểm xã hội chi nhánh tại Khu vực 2-4"]),
        # "tại" and a meeting, not a place: the name ends before it
        ("Đề nghị Phòng Y tế tại Hội nghị báo cáo tình hình dịch bệnh.", ["Phòng Y tế"]),
    ],
)
def test_where_a_body_is_is_part_of_its_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ its area
def test_the_area_a_body_covers_is_part_of_its_name() -> None:
    text = "Các huyện đoàn còn lại trong cả nước lập một đội hình tình nguyện."
    assert lead(text) == ["Các huyện đoàn còn lại trong cả nước"]


# ------------------------------------------------------------------------------------------ committees
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban chỉ đạo Tổng điều tra kinh tế huyện Đồng Xuân tiếp tục đôn đốc các điều tra viên.",
         ["Ban chỉ đạo Tổng điều tra kinh tế huyện Đồng Xuân"]),
        ("Ban Chỉ đạo chuyển đổi số tỉnh có trách nhiệm tổng hợp kết quả hằng quý.",
         ["Ban Chỉ đạo chuyển đổi số tỉnh"]),
        # the committee's own verb, then a place in its object: not its name
        ("Ban Chỉ đạo yêu cầu UBND các xã hoàn thành việc rà soát.", ["UBND các xã"]),
        ("Tổ công tác sẽ kiểm tra thực tế tại xã Hòa Bình.", ["Tổ công tác"]),
    ],
)
def test_a_committee_is_named_by_its_work_down_to_its_level(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ after "các"
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đề nghị lãnh đạo các tổ chức hội nghề nghiệp tích cực tham gia góp ý dự thảo.",
         ["lãnh đạo các tổ chức hội nghề nghiệp"]),
        ("Yêu cầu bí thư các chi bộ nắm chắc tình hình đảng viên.", ["bí thư các chi bộ"]),
    ],
)
def test_the_word_after_a_determiner_is_a_noun(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ predicates
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "giúp" someone do the task opens the predicate; "tổ giúp việc" is a body
        ("Giao Công an huyện giúp UBND huyện theo dõi việc thực hiện.", ["Công an huyện"]),
        ("Giao Văn phòng Sở giúp Giám đốc Sở đôn đốc các phòng.", ["Văn phòng Sở"]),
        ("Tổ giúp việc Ban Chỉ đạo tổng hợp kết quả trước ngày 20.", ["Tổ giúp việc Ban Chỉ đạo"]),
    ],
)
def test_helping_a_superior_opens_the_predicate(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_a_letter_sent_is_no_part_of_the_senders_name() -> None:
    text = "Giám đốc Sở Y tế có công điện khẩn gửi các bệnh viện về việc phòng chống dịch."
    assert not any("công điện" in name for name in lead(text))


# ------------------------------------------------------------------------------------------ "như:"
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the members of a plural kind after "như:" are one lead (LABELLING.md §11)
        ("Các huyện miền núi như: Mường Lát, Quan Sơn và Quan Hóa cần chủ động phương án sơ tán dân.",
         ["Các huyện miền núi như: Mường Lát, Quan Sơn và Quan Hóa"]),
        ("Đề nghị các trường ven biển như: Hải Thịnh, Hải Đông khẩn trương chằng chống phòng học.",
         ["các trường ven biển như: Hải Thịnh, Hải Đông"]),
        # "gồm" / "bao gồm:" enumerate the same way
        ("Các đơn vị gồm Trung tâm Y tế, Trạm Thú y và Đội Quản lý thị trường tổ chức kiểm tra liên ngành.",
         ["Các đơn vị gồm Trung tâm Y tế, Trạm Thú y và Đội Quản lý thị trường"]),
        ("Yêu cầu các trường bao gồm: Trường Tiểu học Kim Đồng, Trường THCS Lê Lợi rà soát sĩ số.",
         ["các trường bao gồm: Trường Tiểu học Kim Đồng, Trường THCS Lê Lợi"]),
        # "như:" and the tasks: not a list of members
        ("UBND tỉnh yêu cầu các sở thực hiện các nội dung như: Rà soát, kiểm tra hồ sơ.", ["các sở"]),
    ],
)
def test_members_after_nhu_or_gom_are_one_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ levels
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "cơ sở" after a body is its level; "cơ sở vật chất" is a noun of its own
        ("Đề nghị Đảng bộ cơ sở khẩn trương kiện toàn tổ chức.", ["Đảng bộ cơ sở"]),
        ("Yêu cầu Công đoàn cơ sở lập danh sách đoàn viên khó khăn.", ["Công đoàn cơ sở"]),
        # "Trung ương" is a level, not a name: the kinds share one determiner
        ("Đề nghị các bộ, ngành Trung ương, địa phương khẩn trương giải ngân vốn.",
         ["các bộ, ngành Trung ương, địa phương"]),
        ("Yêu cầu các sở, cơ quan Trung ương và địa phương gửi báo cáo trước ngày 5.",
         ["các sở, cơ quan Trung ương", "địa phương"]),
        # where they are, then how they act
        ("Các doanh nghiệp hoạt động trên địa bàn huyện khẩn trương nộp báo cáo.",
         ["Các doanh nghiệp hoạt động trên địa bàn huyện"]),
    ],
)
def test_levels_and_areas_inside_a_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ places listed
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural kind named by its places, then the places after a colon: one lead
        ("Yêu cầu các Chi cục Thuế khu vực: Bắc Hà, Mường Khương, Si Ma Cai rà soát nợ đọng.",
         ["các Chi cục Thuế khu vực: Bắc Hà, Mường Khương, Si Ma Cai"]),
        ("Đề nghị UBND các huyện: Đakrông, Hải Lăng và Cam Lộ chủ động sơ tán dân.",
         ["UBND các huyện: Đakrông, Hải Lăng và Cam Lộ"]),
        # a body, a colon and its task: the task is no place
        ("UBND huyện: Xây dựng kế hoạch trước ngày 10.", ["UBND huyện"]),
        # a committee down to its levels after "các"
        ("Đề nghị Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn các huyện, thị xã khẩn trương "
         "kiểm tra đê điều.",
         ["Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn các huyện, thị xã"]),
        ("Ban Chỉ đạo kiểm tra các xã trong tuần tới.", ["Ban Chỉ đạo"]),
    ],
)
def test_places_that_name_the_members(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ run-on
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a manner adverb or a verb opens the predicate: the name does not run on into it
        ("Các xã, thị trấn đồng loạt ra quân dọn vệ sinh môi trường.", ["Các xã, thị trấn"]),
        ("Đề nghị các chi đoàn nhiệt tình hưởng ứng phong trào hiến máu.", ["các chi đoàn"]),
        ("Các huyện đoàn còn lại trên cả nước chọn một xã làm điểm.", ["Các huyện đoàn còn lại trên cả nước"]),
        ("Đề nghị Phó Chủ tịch UBND 10 xã tạo điều kiện cho cán bộ văn hóa tham gia tập huấn.",
         ["Phó Chủ tịch UBND 10 xã"]),
        ("Các trường kiên quyết xử lý việc dạy thêm trái quy định.", ["Các trường"]),
        # "kiểm lâm" is the forest rangers, a body: not the verb "kiểm"
        ("Yêu cầu các Hạt kiểm lâm tăng cường tuần tra rừng phòng hộ.", ["các Hạt kiểm lâm"]),
        ("Đề nghị lực lượng kiểm lâm phối hợp với công an xã kiểm tra xưởng gỗ.", ["lực lượng kiểm lâm"]),
    ],
)
def test_the_name_stops_where_the_predicate_starts(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ people
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people named by a common noun start a name (LABELLING.md §11)
        ("Người nuôi ong cần di chuyển đàn ong ra khỏi vùng phun thuốc.", ["Người nuôi ong"]),
        ("Đề nghị phụ huynh học sinh đưa đón con em đúng giờ.", ["phụ huynh học sinh"]),
        ("Tiểu thương chợ Đông Ba phải sắp xếp hàng hóa gọn gàng.", ["Tiểu thương chợ Đông Ba"]),
        ("Ngư dân khẩn trương đưa tàu thuyền vào nơi tránh trú an toàn.", ["Ngư dân"]),
    ],
)
def test_people_named_by_a_common_noun_can_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "lead_name"),
    [
        ("Cục Hàng không Việt Nam tăng cường kiểm tra an ninh soi chiếu.", "Cục Hàng không Việt Nam"),
        ("Yêu cầu Tổng công ty Cảng hàng không Việt Nam bố trí đủ nhân lực.", "Tổng công ty Cảng hàng không Việt Nam"),
        ("Giao Cảng hàng không quốc tế Nội Bài rà soát phương án phục vụ hành khách.",
         "Cảng hàng không quốc tế Nội Bài"),
        ("Đề nghị Học viện Hàng không Việt Nam phối hợp tổ chức tập huấn.", "Học viện Hàng không Việt Nam"),
    ],
)
def test_hang_khong_stays_in_an_aviation_body_name(text: str, lead_name: str) -> None:
    # "không" is a negation and marks a predicate elsewhere ("Các đơn vị không được …"); in "hàng không"
    # (aviation) it is part of the name (corpus K dev: aviation pages, 5 sentences in 4 documents).
    assert lead(text) == [lead_name]


def test_khong_after_a_name_is_still_a_negation() -> None:
    assert lead("Các đơn vị không được để xảy ra sai sót.") == ["Các đơn vị"]
