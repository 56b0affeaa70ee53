"""The subject of an obligation whose head the lexicon does not know (branch `leadn`, ninth issue-11
session; `domain/understand/lead_obligation_subject.py`). Sentences written for these tests, in the class the
rule names; the dev sentences it was written from (N021-02, N022-01, N047-01) are named, never pasted."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


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


# ------------------------------------------------------------- an order reported with no addressee
# LABELLING §4, §5 (the signer and the speaker never lead), §6 ("Đồng chí yêu cầu …" naming no addressee → empty);
# `domain/understand/lead_unaddressed_order.py`, written from L005-01, N012-05 (M057-01 measured).
@pytest.mark.parametrize(
    "text",
    [
        # a document named by its number and what it is about, no receivers (L005-01's class)
        "Chủ tịch UBND tỉnh Lê Văn Hòa vừa ký Văn bản số 1250 về việc đẩy nhanh giải ngân vốn đầu tư công.",
        "Bộ trưởng Bộ Y tế đã ký ban hành Công văn số 88/BYT-KCB về tăng cường phòng chống sốt xuất huyết.",
        "Thủ tướng Chính phủ vừa có Công điện số 45/CĐ-TTg về việc chủ động ứng phó với bão số 3.",
        # the directing verb followed straight by a word of obligation (N012-05's class)
        "Bên cạnh đó, Giám đốc Sở chỉ đạo phải có phương án phân luồng xe vào dịp Tết.",
        "Phó Chủ tịch UBND huyện cũng chỉ đạo cần rà soát lại toàn bộ hồ sơ đất đai.",
    ],
)
def test_order_with_no_addressee_names_nobody(text: str) -> None:
    assert lead(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # receivers after "gửi": they lead (§7)
        ("Sở Xây dựng vừa có Công văn số 301/SXD-QLN gửi UBND các huyện về việc kiểm tra nhà ở xuống cấp.",
         ["UBND các huyện"]),
        # an addressee after the verb of asking
        ("Bộ Công Thương đã có văn bản số 12/BCT-TTTN yêu cầu các doanh nghiệp xăng dầu bảo đảm nguồn cung.",
         ["các doanh nghiệp xăng dầu"]),
        # the addressee after "chỉ đạo": it leads
        ("Giám đốc Sở chỉ đạo Thanh tra Sở phải kiểm tra ngay các bến xe.", ["Thanh tra Sở"]),
    ],
)
def test_order_with_an_addressee_keeps_it(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_a_document_asking_the_public_leaves_its_sender_to_the_reader() -> None:
    # a request to the public for comments is the sender's own campaign (§8 d): the rule does not empty it
    text = "Sở Tư pháp vừa có Văn bản số 15/STP về việc lấy ý kiến của tổ chức, công dân đối với dự thảo quy định."
    assert lead(text) == ["Sở Tư pháp"]


# ------------------------------------------------------------- the agent of a passive task
# LABELLING §29.23: "<task> cần / phải / sẽ được X <verb>" → X leads; `domain/understand/lead_passive_agent.py`,
# written from N060-01, K104-01 (L023-02 measured, not written from).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lịch thi bổ sung sẽ được nhà trường thông báo trên cổng thông tin.", ["nhà trường"]),
        ("Các mô hình này cần được Hội tiếp tục nhân rộng.", ["Hội"]),
        ("Những kiến nghị của cử tri đã được lãnh đạo UBND huyện tiếp thu và trả lời.", ["lãnh đạo UBND huyện"]),
        ("Kết quả xét tuyển sẽ được Ban tổ chức công bố trước ngày 30/6.", ["Ban tổ chức"]),
    ],
)
def test_agent_of_a_passive_task_leads(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no agent between "được" and the verb: nobody is named
        "Danh sách học sinh sẽ được niêm yết công khai tại trường.",
        "Lúa chín cần được thu hoạch ngay.",
    ],
)
def test_a_passive_with_no_agent_names_nobody(text: str) -> None:
    assert lead(text) == []


def test_duoc_after_its_subject_is_left_to_the_reader() -> None:
    # "được" as "may" right after the subject, no word of time or obligation before it: the subject leads
    assert lead("Học sinh được nghỉ học vào ngày 3/11.") == ["Học sinh"]
