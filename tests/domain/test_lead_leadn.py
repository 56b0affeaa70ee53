"""The subject of an obligation whose head the lexicon does not know (branch `leadn`, ninth issue-11
session; `domain/understand/lead_obligation_subject.py`). Sentences written for these tests, in the class the
rule names; the dev sentences it was written from (N021-02, N022-01, N047-01) are named, never pasted."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees


def lead(text: str) -> list[str]:
    return [a.text for a in parse_assignees(text).lead]


# LABELLING §4 (the subject of an obligation leads), §11 and §29.12 (its restrictive clauses kept whole up
# to the modal), §31.1 (parties bound by a rule are named as written).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group of citizens picked by restrictive clauses, commas inside (N021-02's, N022-01's class)
        ("Theo đó, nữ công dân đủ 18 tuổi, có bằng tốt nghiệp ngành y chưa đăng ký Dự bị động viên phải đến "
         "Ban Chỉ huy quân sự xã để đăng ký.",
         ["nữ công dân đủ 18 tuổi, có bằng tốt nghiệp ngành y chưa đăng ký Dự bị động viên"]),
        # a hospital's or a school's rule after a label (N047-01's class)
        ("Lưu ý: Người đến thăm bệnh nhân cần phải xuất trình giấy tờ tùy thân.", ["Người đến thăm bệnh nhân"]),
        ("Người trông giữ xe phải ghi vé cho từng lượt gửi.", ["Người trông giữ xe"]),
        # "người" after a determiner; "hàng không" is a noun, not "không phải"
        ("Những người làm việc tại cảng hàng không phải khai báo y tế hằng ngày.",
         ["Những người làm việc tại cảng hàng không"]),
    ],
)
def test_subject_before_obligation(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a passive: done by someone the sentence does not name
        "Người được miễn học phí phải được công bố tên tại trường.",
        # negated: no obligation
        "Người nộp hồ sơ trực tuyến không cần đến trụ sở.",
        # the obligation is a relative clause of the people helped; the predicate is "sẽ được"
        "Những người phải di dời sẽ được hỗ trợ tiền thuê nhà.",
        # a lower-case fragment is no sentence
        "người mới phải làm thủ tục",
        # a conjunction before the modal: the subject is elided
        "Người bệnh, và phải đóng viện phí trước.",
        # no mark of people: a body or a thing with an unknown head is left to the reader's own rules
        "Nhà ga hàng không phải bố trí lối đi riêng cho hành khách.",
        "Hạng mục sân chơi phải hoàn thiện đúng thiết kế.",
    ],
)
def test_no_subject_taken(text: str) -> None:
    assert lead(text) == []


def test_a_fronted_topic_then_a_known_subject_is_left_to_the_reader() -> None:
    # "Người già neo đơn, các xã cần …": the people before the comma are the topic, the reader's subject leads
    assert lead("Người già neo đơn, các xã cần thăm hỏi thường xuyên.") == ["các xã"]
