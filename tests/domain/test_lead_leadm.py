"""Corpus M's lead forms that recur in the pooled dev sets (branch `leadm`, eighth issue-11 session).
Sentences written for these tests, in the classes the rules name; the dev sentences each class was written
from are named in comments (never pasted here)."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


# A compound noun whose second syllable is a verb on its own ("chương trình", "trật tự", "nuôi trồng",
# "cây trồng") stays inside a name (`data/name_verb_compounds.txt`; LABELLING §11). Dev: M028-01, M068-02,
# M084-01 (three documents of corpus M; the class of K's "hàng không").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban quản lý chương trình mục tiêu quốc gia huyện phải báo cáo trước ngày 10/5.",
         ["Ban quản lý chương trình mục tiêu quốc gia huyện"]),
        ("Trung tâm Giống cây trồng tỉnh cần cung ứng đủ giống cho vụ xuân.", ["Trung tâm Giống cây trồng tỉnh"]),
        ("Đề nghị Phòng Cảnh sát trật tự Công an tỉnh tăng cường tuần tra ban đêm.",
         ["Phòng Cảnh sát trật tự Công an tỉnh"]),
        ("Trạm Khuyến nông và Nuôi trồng thủy sản huyện có trách nhiệm hướng dẫn các hộ.",
         ["Trạm Khuyến nông và Nuôi trồng thủy sản huyện"]),
        # the same words after the name are the task's object, not part of the name
        ("UBND xã triển khai chương trình nông thôn mới.", ["UBND xã"]),
        ("Các xã cần rà soát trật tự đô thị.", ["Các xã"]),
    ],
)
def test_verb_compound_stays_in_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# A request opened by "Rất mong" with no speaker before it: the body asked leads (LABELLING §5). Dev: M001-01
# (M), L044-01 (L), CM02 (conclusions_v11); the public after it is left to the reader's earlier reading (§8 d
# gives the lead-in's body, which a word list cannot). `data/wish_verbs.txt`.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rất mong UBND xã sớm có giải pháp xử lý điểm tập kết rác này.", ["UBND xã"]),
        ("Rất mong Công ty Môi trường đô thị sớm thu gom rác tại khu vực chợ.", ["Công ty Môi trường đô thị"]),
        ("Rất mong các cơ quan, đơn vị trên địa bàn phối hợp thực hiện tốt.", ["các cơ quan, đơn vị trên địa bàn"]),
        ("Đồng thời, rất mong các doanh nghiệp chung tay tiết kiệm điện.", ["các doanh nghiệp"]),
        # a wish for oneself asks nobody: the people it hopes to hear from are not asked
        ("Ban quản lý dự án rất mong nhận được sự ủng hộ của bà con.", ["Ban quản lý dự án"]),
    ],
)
def test_wish_asks_the_body_named(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# A task verb the lists lacked ends the name (the run-on class, J row 14 / K row 8). Dev: M017-01, L044-01.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các xã siết chặt quản lý đất đai công ích.", ["Các xã"]),
        ("Đề nghị các địa phương siết chặt công tác kiểm tra.", ["các địa phương"]),
        ("Các trường học và doanh nghiệp chung tay hỗ trợ học sinh khó khăn.", ["Các trường học và doanh nghiệp"]),
    ],
)
def test_new_task_verbs_end_the_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# "Đó là ý kiến chỉ đạo của A đối với B" → B (LABELLING §6), the noun "ý kiến chỉ đạo" read as "chỉ đạo" is
# (the class of D093-01, G059-02, L042-01, J076-01; M025-01); "Tổng Giám đốc" a title of its own (§12).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đó là ý kiến chỉ đạo của Chủ tịch UBND tỉnh đối với Giám đốc các sở.", ["Giám đốc các sở"]),
        ("Đó là những ý kiến chỉ đạo của Bí thư Huyện ủy đối với các xã, thị trấn.", ["các xã, thị trấn"]),
        ("Đó là ý kiến chỉ đạo của Bộ trưởng đối với Thủ trưởng các cục, Tổng Giám đốc các tập đoàn.",
         ["Thủ trưởng các cục", "Tổng Giám đốc các tập đoàn"]),
        ("Sở đã xin ý kiến chỉ đạo của UBND tỉnh đối với dự án này.", []),
    ],
)
def test_opinion_of_direction_for(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# People at large named by a common noun the person list lacked, as the subject with no advising body: named
# as written (LABELLING §8 d last case, §11); advised by a body, the body leads as before. Dev: M011-01 (M),
# L034-01 (L), two corpora. `data/people_heads_more.txt`.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hành khách cần có mặt tại nhà ga trước giờ tàu chạy 30 phút.", ["Hành khách"]),
        ("Bạn đọc nên theo dõi lịch cắt điện để chủ động sắp xếp công việc.", ["Bạn đọc"]),
        ("Theo thông báo, khách hàng có nhu cầu cần đăng ký trước tại quầy giao dịch.",
         ["khách hàng có nhu cầu"]),
        ("Công ty Cấp nước khuyến cáo khách hàng chủ động trữ nước.", ["Công ty Cấp nước"]),
    ],
)
def test_people_at_large_named_as_written(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# The subject of an obligation after a reason, source or condition run into it by "nên" / "thì" (LABELLING §4,
# §5). Dev: M005-02 (M), L090-01 (L), J041-01 (J). `lead_result_clause.py`.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do kinh phí còn hạn chế nên các xã phải chủ động huy động nguồn lực xã hội hóa.", ["các xã"]),
        ("Theo chỉ đạo của UBND tỉnh thì các cơ sở karaoke phải tạm dừng hoạt động.", ["các cơ sở karaoke"]),
        ("Khi có sự cố thì UBND xã có trách nhiệm báo cáo ngay về huyện.", ["UBND xã"]),
        # "nên" as "should" after the subject, and a result with no obligation, are not this form
        ("Người dân nên hạn chế ra đường khi có bão.", ["Người dân"]),
        ("Do mưa lớn kéo dài nên nhiều tuyến đường bị ngập.", []),
    ],
)
def test_subject_after_so_or_then(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
