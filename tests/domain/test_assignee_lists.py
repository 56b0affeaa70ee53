"""How the assignee reader cuts a list of leads (the convention in domain/understand/assignees.py,
"Lists of assignees"): one lead per body or group of bodies that share one determiner, one head
or one complement; another lead for each item with a determiner, a title or a complement of its
own, or after ";".

Every sentence here is written for the test, in the classes of the dev corpus sentences named in
the rules' comments; none is a corpus sentence."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


# ------------------------------------------------------------------------------------------ one lead
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bodies named by their head alone share the last body's determiner and places
        ("Đảng ủy, UBND các phường rà soát danh sách hộ nghèo trước ngày 15/3.",
         ["Đảng ủy, UBND các phường"]),
        ("Giao Đảng ủy, HĐND, UBND các thị trấn chuẩn bị tốt công tác bầu cử.",
         ["Đảng ủy, HĐND, UBND các thị trấn"]),
        ("Đề nghị Mặt trận, đoàn thể các xã đẩy mạnh tuyên truyền về phòng chống cháy rừng.",
         ["Mặt trận, đoàn thể các xã"]),
        # ... or its place, or the kind of place
        ("Trạm Y tế, Công an phường kiểm tra các cơ sở kinh doanh thực phẩm.", ["Trạm Y tế, Công an phường"]),
        ("Yêu cầu cấp ủy, chính quyền cơ sở quan tâm chỉ đạo công tác dân vận.",
         ["cấp ủy, chính quyền cơ sở"]),
        ("Giao Ban Văn hóa, Ban Chỉ huy quân sự thị trấn phối hợp tổ chức hội trại.",
         ["Ban Văn hóa, Ban Chỉ huy quân sự thị trấn"]),
        ("HĐND, UBND, Ủy ban Mặt trận Tổ quốc phường chuẩn bị hội nghị tiếp xúc cử tri.",
         ["HĐND, UBND, Ủy ban Mặt trận Tổ quốc phường"]),
        # places under one head, named or not
        ("Giao UBND thị xã, thành phố Bạc Liêu khẩn trương rà soát các dự án chậm tiến độ.",
         ["UBND thị xã, thành phố Bạc Liêu"]),
        ("Đề nghị Công an huyện Đầm Dơi, thành phố Cà Mau tăng cường tuần tra.",
         ["Công an huyện Đầm Dơi, thành phố Cà Mau"]),
        ("Chủ tịch UBND các quận, thành phố Thủ Đức chịu trách nhiệm trước UBND Thành phố.",
         ["Chủ tịch UBND các quận, thành phố Thủ Đức"]),
        # kinds of people under one collective noun, or sharing what ends the last
        ("Đề nghị cán bộ, công chức phường chấp hành nghiêm giờ làm việc.", ["cán bộ, công chức phường"]),
        ("Yêu cầu đội ngũ giáo viên, nhân viên y tế trường học tăng cường kiểm tra.",
         ["đội ngũ giáo viên, nhân viên y tế trường học"]),
        ("Đề nghị giáo viên, nhân viên các trường thực hiện nghiêm quy chế.", ["giáo viên, nhân viên các trường"]),
        ("Yêu cầu cán bộ, công chức, viên chức thị trấn kê khai tài sản đúng hạn.",
         ["cán bộ, công chức, viên chức thị trấn"]),
        ("Giao lãnh đạo, nhân viên trực Tết tại trụ sở.", ["lãnh đạo, nhân viên"]),
        # ... and after "và", places with their own determiner under the same head
        ("Giao UBND TP Thủ Dầu Một và các huyện rà soát danh sách cử tri.",
         ["UBND TP Thủ Dầu Một và các huyện"]),
        ("Ban Chỉ huy quân sự huyện và các xã/thị trấn tổ chức huấn luyện dân quân.",
         ["Ban Chỉ huy quân sự huyện và các xã/thị trấn"]),
        # a kind, a colon and its members: one lead, whatever heads the members have
        ("Giao UBND các địa phương: Cam Lâm, Diên Khánh, Ninh Hòa khẩn trương di dời dân.",
         ["UBND các địa phương: Cam Lâm, Diên Khánh, Ninh Hòa"]),
        ("Yêu cầu các đơn vị: Trung tâm Y tế huyện, Phòng Giáo dục huyện và Nhà Văn hóa tổ chức tập huấn.",
         ["các đơn vị: Trung tâm Y tế huyện, Phòng Giáo dục huyện và Nhà Văn hóa"]),
        # a clause saying which ones, then the modal that opens the predicate
        ("Các đơn vị chưa nộp báo cáo phải hoàn thành trước ngày 10/12.", ["Các đơn vị chưa nộp báo cáo"]),
        ("Lực lượng trực chốt kiểm soát phải bảo đảm 24/24 giờ.", ["Lực lượng trực chốt kiểm soát"]),
        ("Đề nghị các trường tham gia hội thao cần chuẩn bị chu đáo.", ["các trường tham gia hội thao"]),
        # ... but a named unit's verb is its predicate, a modal right after the kind opens it, and a
        # clause ending in a purpose ("để tiếp tục …") is the predicate
        ("Đề nghị các đồng chí tổ trưởng tuyên truyền vận động nhân dân để tiếp tục giữ gìn vệ sinh.",
         ["các đồng chí tổ trưởng"]),
        ("Phòng Nội vụ rà soát hồ sơ phải báo cáo.", ["Phòng Nội vụ"]),
        ("Các đơn vị cần tiếp tục rà soát hồ sơ.", ["Các đơn vị"]),
        # the area a body covers is part of who it is
        ("Bộ Y tế sẽ chỉ đạo các bệnh viện trong toàn quốc tăng cường phòng chống dịch.",
         ["các bệnh viện trong toàn quốc"]),
        ("Đề nghị công an các tỉnh trên cả nước đẩy mạnh tuyên truyền.", ["công an các tỉnh trên cả nước"]),
        ("Yêu cầu các cơ sở giáo dục trong tỉnh rà soát đội ngũ giáo viên.", ["các cơ sở giáo dục trong tỉnh"]),
        # "và" between kinds of the same sort goes on
        ("Các trường học và trung tâm giáo dục nghề nghiệp tổ chức tuyên truyền.",
         ["Các trường học và trung tâm giáo dục nghề nghiệp"]),
        ("UBND các quận, huyện và xã, phường kiểm tra việc xây dựng.", ["UBND các quận, huyện và xã, phường"]),
    ],
)
def test_one_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ several leads
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each body with its own place or name
        ("Giao UBND xã, Công an xã kiểm tra việc đăng ký tạm trú.", ["UBND xã", "Công an xã"]),
        ("Giao Phòng Y tế thị xã, Trung tâm Y tế thị xã tổ chức tiêm chủng.",
         ["Phòng Y tế thị xã", "Trung tâm Y tế thị xã"]),
        ("Đề nghị thị trấn Phước Long, xã Phong Thạnh phối hợp giải quyết dứt điểm.",
         ["thị trấn Phước Long", "xã Phong Thạnh"]),
        # a body with a proper name is one body: it does not share a plural
        ("Giao Sở Tài chính, UBND các huyện bố trí kinh phí.", ["Sở Tài chính", "UBND các huyện"]),
        # a list of kinds is a group of its own, then another lead
        ("Đề nghị sở, ban, ngành, UBND các huyện triển khai thực hiện.", ["sở, ban, ngành", "UBND các huyện"]),
        # a determiner of its own, whatever the head
        ("Đề nghị UBND các xã và các hộ gia đình chủ động phòng chống hạn.", ["UBND các xã", "các hộ gia đình"]),
        ("Yêu cầu các trường, các cơ sở giáo dục ngoài công lập rà soát học phí.",
         ["các trường", "các cơ sở giáo dục ngoài công lập"]),
        # a name ending in a word that is also a kind ("Môi trường") qualifies nothing
        ("Giao Sở Xây dựng, Sở Tài nguyên và Môi trường, UBND quận Cái Răng kiểm tra hiện trạng.",
         ["Sở Xây dựng", "Sở Tài nguyên và Môi trường", "UBND quận Cái Răng"]),
        # bodies named alone with no complement after them: nothing to share
        ("Giao Phòng Nội vụ, Phòng Tài chính - Kế hoạch rà soát biên chế.",
         ["Phòng Nội vụ", "Phòng Tài chính - Kế hoạch"]),
        # places after "và" share a head only when the first item has one ("UBND xã" does; a place
        # named alone does not)
        ("Đề nghị xã Tân Lập và các thôn rà soát hộ nghèo.", ["xã Tân Lập", "các thôn"]),
        # "và" between bodies and places (or the reverse) starts another lead
        ("Đề nghị các hội, đoàn thể và khóm, ấp tích cực vận động nhân dân.",
         ["các hội, đoàn thể", "khóm, ấp"]),
        ("UBND tỉnh đã chỉ đạo các sở, ngành và địa phương rà soát danh sách.",
         ["các sở, ngành", "địa phương"]),
        ("Giao UBND các thị trấn và ngành chức năng kiểm tra.", ["UBND các thị trấn", "ngành chức năng"]),
        # people each with their title and body
        ("Giao đồng chí cán bộ Địa chính, cán bộ văn phòng Đảng ủy rà soát hồ sơ.",
         ["đồng chí cán bộ Địa chính", "cán bộ văn phòng Đảng ủy"]),
        ("Đề nghị Giám đốc các sở, Chủ tịch UBND các huyện chỉ đạo thực hiện.",
         ["Giám đốc các sở", "Chủ tịch UBND các huyện"]),
        # a kind of people with its own complement is a group of its own
        ("Giao thành viên Ban Chỉ đạo phường, cán bộ văn hóa theo dõi việc thực hiện.",
         ["thành viên Ban Chỉ đạo phường", "cán bộ văn hóa"]),
        # a title of its own after a list of bodies
        ("Giao các phòng chuyên môn, Chủ tịch UBND các xã rà soát hồ sơ.",
         ["các phòng chuyên môn", "Chủ tịch UBND các xã"]),
        ("Yêu cầu các sở, ngành, Giám đốc Sở Y tế báo cáo kết quả.", ["các sở, ngành", "Giám đốc Sở Y tế"]),
        # ";" always separates
        ("Giao Đảng ủy; UBND các xã tổ chức thực hiện.", ["Đảng ủy", "UBND các xã"]),
    ],
)
def test_several_leads(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ names
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "toàn" in "An toàn" is a syllable of the name, not the determiner: the unit is not plural,
        # and the title after it is another lead
        ("Yêu cầu Ban An toàn giao thông thị xã, Thủ trưởng các cơ quan, đơn vị tổ chức tuyên truyền.",
         ["Ban An toàn giao thông thị xã", "Thủ trưởng các cơ quan, đơn vị"]),
        # after a title or a head the determiner is one
        ("Đề nghị Trưởng các phòng chuyên môn báo cáo kết quả.", ["Trưởng các phòng chuyên môn"]),
        ("Giao Sở Y tế các tỉnh kiểm tra.", ["Sở Y tế các tỉnh"]),
    ],
)
def test_names_and_determiners(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
