"""Tenth issue-11 session, branch `leaddoc`: leads the document gives a sentence that names nobody
(`domain/understand/lead_from_document.py`; kind 6 of `bench/README.md`, "Session 10 (branch leado)"). Sentences
and conclusions written for these tests, in the classes the rules name; the dev sentences each class was written
from are named in comments, never pasted."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.assignees import parse_assignees
from domain.understand.conclusion import split_conclusion
from domain.understand.directive import parse_directive

TODAY = date(2027, 3, 1)


def lead(text: str, context: str | None = None) -> list[str]:
    return [a.text for a in parse_directive(text, TODAY, context=context).assignees.lead]


# ------------------------------------------------------------------ the capital of a sentence's first word
# A lone Title-case word that opens the sentence ("Vậy", "Và") is no name, however it stands before a verb.
# Dev: CO01 (corpus O conclusions, "Vậy đề nghị các hộ …"), L030-01 (corpus L, a lead-in "Và mong muốn …").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vậy đề nghị các hộ kinh doanh nộp phí vệ sinh đúng hạn.", ["các hộ kinh doanh"]),
        ("Vậy kính đề nghị các chi hội nộp danh sách trước ngày 10/3.", ["các chi hội"]),
    ],
)
def test_a_sentence_opening_word_is_not_a_name(text: str, expected: list[str]) -> None:
    assert [a.text for a in parse_assignees(text).lead] == expected


# What stays: a name in capitals, or with a capital past the clause start, before a verb it does not know.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SAWACO khuyến cáo người dân trữ nước trong ba ngày cắt nước.", ["SAWACO"]),
        ("Theo đó, EVNHANOI khuyến cáo khách hàng tiết kiệm điện giờ cao điểm.", ["EVNHANOI"]),
    ],
)
def test_capitals_still_name_a_body(text: str, expected: list[str]) -> None:
    assert [a.text for a in parse_assignees(text).lead] == expected


# ------------------------------------------------------------------ the subject of the sentence before
# A subjectless item (a bare verb, an ordinal of a list told in prose) after a sentence that tells a body's own
# programme and assigns nothing: the body leads (§1, §10 previous sentence). Dev: O006-01, O006-02 (corpus O, "Thứ
# nhất là …", "Thứ hai là …" after a committee "đã thống nhất lựa chọn 2 nội dung"), N042-02 (corpus N, a bare verb
# after "Năm 2019, Ban Thường vụ … tập trung chỉ đạo …").
PROGRAMME = "Năm 2027, Ban Chấp hành Hội Nông dân xã đã thống nhất chọn ba việc trọng tâm để tập trung thực hiện."


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Thứ nhất là vận động hội viên chuyển đổi cây trồng trên đất lúa kém hiệu quả.", PROGRAMME),
        (
            "Thứ hai là mở lớp tập huấn kỹ thuật chăn nuôi cho hội viên.",
            PROGRAMME + " Thứ nhất là vận động hội viên chuyển đổi cây trồng trên đất lúa kém hiệu quả.",
        ),
        (
            "Kiểm tra việc sử dụng vốn vay của các tổ hội.",
            "Trong quý II, Ban Thường vụ Hội Cựu chiến binh huyện tập trung chỉ đạo củng cố các chi hội yếu.",
        ),
    ],
)
def test_an_item_takes_the_body_of_the_programme_before(text: str, context: str) -> None:
    assert lead(text, context)[:1] in (["Ban Chấp hành Hội Nông dân xã"], ["Ban Thường vụ Hội Cựu chiến binh huyện"])


# Not carried: a person who speaks or a body that asks (§5), a
# sentence whose own subject is named, a lead-in colon that names nobody, a place named in a headline.
@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Tập trung kiểm tra các bến xe khách.", "Bên cạnh đó, Thứ trưởng chỉ đạo phải có phương án chống ùn tắc."),
        (
            "Đồng thời, chính quyền xã khuyến cáo người dân không qua ngầm tràn.",
            "Tại hiện trường, lực lượng chức năng đã rào chắn lối đi.",
        ),
        ("Dọn vệ sinh khuôn viên nhà văn hóa.", "Sau hội nghị, có các nội dung như sau:"),
        ("Rà soát các hộ nghèo.", "Ea Kar chọn giảm nghèo là việc đột phá năm nay."),
        ("Tổ chức tuyên truyền cho học sinh.", "Sở GD-ĐT đề nghị trong dịp Tết, các trường học phải duy trì nền nếp."),
    ],
)
def test_no_body_is_carried_where_none_acts(text: str, context: str) -> None:
    found = lead(text, context)
    assert not any(name in " ".join(found) for name in ("Thứ trưởng", "lực lượng", "Ea Kar", "Sở GD-ĐT"))
    if text.startswith("Đồng thời"):
        assert found == ["chính quyền xã"] or found == []


# The same carry in a whole conclusion, where the context is the document itself.
def test_a_conclusion_item_takes_the_body_of_the_programme_before() -> None:
    text = (
        "Năm 2027, Ban Thường vụ Đảng ủy xã tập trung chỉ đạo nâng cao chất lượng sinh hoạt chi bộ. "
        "Kiểm tra việc ghi sổ biên bản của các chi bộ trước ngày 30/6/2027."
    )
    items = split_conclusion(text, TODAY).directives
    checked = [d for d in items if d.text.startswith("Kiểm tra")]
    assert checked and [a.text for a in checked[0].assignees.lead] == ["Ban Thường vụ Đảng ủy xã"]


# ------------------------------------------------------------------ the public's items under a body's lead-in
# §8 d: the public's items under a lead-in colon whose speaker is a body are that body's campaign. Dev: CM02 ×3
# (corpus M conclusions, "UBND xã … khuyến cáo:"), M012-02 (corpus M, a school "xin gửi tới các bậc phụ huynh …
# sau:"), L030-01 (corpus L, the asker left out of the lead-in, named in the sentence before).
@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Người dân không đi qua ngầm tràn khi nước lũ dâng cao.", "UBND xã Tân Lập khuyến cáo:", ["UBND xã Tân Lập"]),
        (
            "Mong rằng các bậc phụ huynh nhắc nhở con em không tắm sông.",
            "Trước kỳ nghỉ hè, trường Mầm non Hoa Sen xin gửi tới các bậc phụ huynh một số lưu ý sau:",
            ["trường Mầm non Hoa Sen"],
        ),
        (
            "1. Nhân dân dọn vệ sinh đường làng vào sáng chủ nhật.",
            "BQL thôn đã họp và thống nhất kế hoạch. Và mong muốn bà con hãy cùng chung tay, cụ thể như:",
            ["BQL thôn"],
        ),
    ],
)
def test_the_public_under_a_bodys_lead_in(text: str, context: str, expected: list[str]) -> None:
    assert lead(text, context) == expected


# Not moved: the public under a lead-in whose speaker is not named (the public stays as written, §8 d), a body
# that is not the public (the item's own doer, §10), and the public after a sentence (not a lead-in colon).
@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Người dân không đi qua ngầm tràn.", "Cụ thể như sau:", ["Người dân"]),
        ("Trạm Y tế xã kiểm tra nguồn nước.", "UBND xã Tân Lập khuyến cáo:", ["Trạm Y tế xã"]),
        ("Người dân cần trữ nước sạch.", "UBND xã đã sửa xong đường ống chính.", ["Người dân"]),
    ],
)
def test_the_public_stays_where_no_body_speaks_to_it(text: str, context: str, expected: list[str]) -> None:
    assert lead(text, context) == expected


def test_a_conclusion_lead_in_gives_its_speaker_to_the_publics_items() -> None:
    text = (
        "THÔNG BÁO\nVề việc phòng chống rét cho đàn vật nuôi\n"
        "UBND xã Tân Lập khuyến cáo:\n"
        "Người dân che chắn chuồng trại, không thả rông trâu bò khi rét đậm.\n"
        "Bà con dự trữ rơm rạ làm thức ăn cho trâu bò."
    )
    items = split_conclusion(text, TODAY).directives
    assert items and all([a.text for a in d.assignees.lead] == ["UBND xã Tân Lập"] for d in items)


# In a whole conclusion, a numbered sibling after "Giao X …" keeps its own empty lead (the lead-in names nobody,
# §10): X is the object of an order, not the subject of a programme. (A report of work done between an order and a
# bare item breaks the thread: `test_conclusion_classes.test_a_report_in_between_breaks_the_thread`.)
def test_a_sibling_order_is_no_programme_before() -> None:
    siblings = (
        "Chủ tịch UBND xã kết luận như sau:\n1. Giao Đội dân phòng tăng cường tuần tra.\n"
        "2. Tổ chức dọn vệ sinh chợ trước ngày 30/3/2027.\n"
    )
    items = split_conclusion(siblings, TODAY).directives
    assert [d.text for d in items][-1].startswith("Tổ chức") and items[-1].assignees.lead == ()
