"""Subjects that coordinate: who leads and who supports (LABELLING.md §9, §12, §29.2, decided again by the
second reader in §37.1). The secretary cannot tell who answers for work that several bodies "phối hợp" with
nobody said to chair, so each of them is reminded: all lead, none supports. A party named as the OBJECT of
"phối hợp" (after it, with or without "với") or after "chủ trì" supports. The sentences are invented, one
class of sentence per shape a–e of §37.1."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees


def roles(text: str) -> tuple[list[str], list[str], list[str]]:
    found = parse_assignees(text)
    return [a.text for a in found.lead], [a.text for a in found.support], [a.text for a in found.executor]


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        # a) "A và B (cùng) phối hợp <việc>": every member leads, support empty — a named body or a generic one
        ("Trưởng Công an xã và Chủ tịch Hội Nông dân xã phối hợp vận động người dân ký cam kết.",
         ["Trưởng Công an xã", "Chủ tịch Hội Nông dân xã"]),
        ("Giám đốc Trung tâm Y tế huyện và thủ trưởng các cơ quan liên quan phối hợp giám sát dịch sởi.",
         ["Giám đốc Trung tâm Y tế huyện", "thủ trưởng các cơ quan liên quan"]),
        ("Đề nghị Phòng Giáo dục và Phòng Y tế phối hợp kiểm tra bếp ăn bán trú.",
         ["Phòng Giáo dục", "Phòng Y tế"]),
        ("Ban Quản lý chợ, Đội Quản lý thị trường phối hợp kiểm tra niêm yết giá.",
         ["Ban Quản lý chợ", "Đội Quản lý thị trường"]),
    ],
)
def test_a_members_who_coordinate_with_nobody_chairing_all_lead(text: str, leads: list[str]) -> None:
    assert roles(text) == (leads, [], [])


@pytest.mark.parametrize(
    ("text", "leads", "support"),
    [
        # b) "A và B phối hợp (với) C <việc>": A and B lead, C (the object) supports
        ("Phòng Nội vụ và Phòng Tài chính phối hợp với Kho bạc huyện rà soát quỹ lương.",
         ["Phòng Nội vụ", "Phòng Tài chính"], ["Kho bạc huyện"]),
        ("Trạm Y tế xã và Công an xã phối hợp Đoàn Thanh niên kiểm tra các điểm karaoke.",
         ["Trạm Y tế xã", "Công an xã"], ["Đoàn Thanh niên"]),
        # c) "A phối hợp (với) B <việc>": one subject leads, the object supports
        ("Đội Quản lý thị trường phối hợp với Công an huyện kiểm tra hàng lậu.",
         ["Đội Quản lý thị trường"], ["Công an huyện"]),
        ("Giao Hội Phụ nữ phối hợp Trạm Y tế tuyên truyền tiêm chủng.", ["Hội Phụ nữ"], ["Trạm Y tế"]),
        # d) "A chủ trì, (phối hợp) B" / "A chủ trì, B phối hợp": A leads, B supports
        ("Phòng Văn hóa chủ trì, Đoàn Thanh niên phối hợp tổ chức hội trại hè.",
         ["Phòng Văn hóa"], ["Đoàn Thanh niên"]),
        ("Giao Phòng Văn hóa chủ trì, phối hợp Hội Cựu chiến binh tổ chức hội thi.",
         ["Phòng Văn hóa"], ["Hội Cựu chiến binh"]),
        # d) with two subjects, one said to chair: the other only supports
        ("Phòng Kinh tế chủ trì, Phòng Tài nguyên và Môi trường và Phòng Quản lý đô thị phối hợp thẩm định.",
         ["Phòng Kinh tế"], ["Phòng Tài nguyên và Môi trường", "Phòng Quản lý đô thị"]),
    ],
)
def test_b_c_d_the_object_of_phoi_hop_or_the_one_not_chairing_supports(
    text: str, leads: list[str], support: list[str]
) -> None:
    assert roles(text)[:2] == (leads, support)


# §37.1 c's «(giao) X chỉ đạo A phối hợp B»: lead_shapes15.directed_partners (dev G052-01, CI13 item 1, M014-03).
def test_c_one_who_directs_another_to_coordinate() -> None:
    # "(giao) X chỉ đạo A phối hợp B", X told to direct: X leads, A executes, B supports (§8 b)
    text = "Giao UBND các xã chỉ đạo Trưởng thôn phối hợp Chi hội Nông dân rà soát đất bỏ hoang."
    lead, support, executor = roles(text)
    assert (lead, executor) == (["UBND các xã"], ["Trưởng thôn"])
    assert support == ["Chi hội Nông dân"]


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        # e) one head over a list of kinds, one determiner over a list: one lead, no support
        ("Lực lượng Dân quân và Bảo vệ dân phố phối hợp tuần tra ban đêm.",
         ["Lực lượng Dân quân và Bảo vệ dân phố"]),
        ("Các cơ quan, đơn vị phối hợp thực hiện tốt công tác dân vận.", ["Các cơ quan, đơn vị"]),
    ],
)
def test_e_one_head_over_a_list_is_one_lead(text: str, leads: list[str]) -> None:
    assert roles(text) == (leads, [], [])


@pytest.mark.xfail(
    strict=True,
    reason="§37.1 a's «A và B cùng phối hợp <việc>» as the sentence's subject: «cùng» before the verb is read as a "
    "list joiner, so the subject is lost or cut to A. No open dev sentence has the shape (the two «cùng phối hợp» "
    "of the dev sets, X058-01 and B046-01, follow an assigning verb and are read right); a rule needs >= 3 dev "
    "examples.",
)
def test_a_members_joined_then_cung_before_the_verb_all_lead() -> None:
    text = "Phòng Kinh tế và Phòng Nội vụ cùng phối hợp kiểm tra chợ tạm."
    assert roles(text) == (["Phòng Kinh tế", "Phòng Nội vụ"], [], [])
