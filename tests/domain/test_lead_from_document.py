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


# Not carried: a person who speaks (§5), a sentence whose own subject is named, a lead-in
# colon that names nobody, a place named in a headline.
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
    ],
)
def test_no_body_is_carried_where_none_acts(text: str, context: str) -> None:
    found = lead(text, context)
    assert not any(name in " ".join(found) for name in ("Thứ trưởng", "lực lượng", "Ea Kar"))
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
