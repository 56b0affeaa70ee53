"""Which noun phrase leads, read from the sentence's structure (issue 11, helper leadwho2): the one
who speaks vs the one asked, a topic put first, a framing clause with commas of its own. Sentences
written for these tests, in the classes the rules name (the dev ids are in the rules' comments)."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees
from tests.domain.assignee_helpers import lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A request naming nobody after a clause of context: who asks does not lead (_unless_only_asks).
        ("Mùa mưa bão đã đến gần, Chủ tịch UBND tỉnh yêu cầu khẩn trương gia cố đê điều.", []),
        ("Trước tình hình dịch bệnh, Bộ trưởng đề nghị tăng cường kiểm tra các chợ đầu mối.", []),
        # One body's own order naming nobody ("chỉ đạo" + a verb): the body speaks (LABELLING.md §8a).
        ("UBND quận cũng chỉ đạo tăng cường kiểm tra an toàn thực phẩm dịp Tết.", []),
        # ... not a plan's item "X chỉ đạo, hướng dẫn Y ..." (Y named after the second verb).
        ("Phòng Y tế chỉ đạo, hướng dẫn các trạm y tế tổ chức tiêm chủng.", ["Phòng Y tế"]),
        # The sender of a letter whose request names nobody is not the lead (§5).
        ("Sở Nông nghiệp đã có công văn số 45/SNN chỉ đạo tăng cường phòng chống rét cho đàn trâu bò.", []),
        ("UBND tỉnh vừa có văn bản yêu cầu khẩn trương hoàn thành hồ sơ đất đai.", []),
        # ... but a request that names its addressee still gives the addressee.
        ("Mùa mưa bão đã đến gần, Chủ tịch UBND tỉnh yêu cầu các huyện khẩn trương gia cố đê điều.",
         ["các huyện"]),
    ],
)
def test_speaker_who_only_asks_after_a_framing_clause(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A frame that lists nouns with commas of its own, then the subject (_framed_subject).
        ("Khi tổ chức kiểm tra nhà trọ, ký túc xá, Công an phường cần phối hợp với tổ dân phố.",
         ["Công an phường"]),
        ("Để hoàn thành các chỉ tiêu, nhiệm vụ năm 2025, UBND các xã phải rà soát lại kế hoạch.",
         ["UBND các xã"]),
        # A reminder before a colon frames the words after it (_colon_reports).
        ("Chủ tịch UBND huyện nhắc nhở: Khi thu hồi đất, bồi thường, các xã phải công khai phương án.",
         ["các xã"]),
        # A frame that is not a clause ("Trước ...", a time) ends at its own comma: no later search.
        ("Trước diễn biến của dịch, sáng 5-3, Sở Y tế yêu cầu các bệnh viện sẵn sàng giường bệnh.",
         ["các bệnh viện"]),
    ],
)
def test_subject_after_a_frame_with_commas(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The topic is who is asked when the clause after it only asks (_fronted_topic).
        ("Đối với Phòng Tài chính - Kế hoạch, UBND huyện yêu cầu hoàn thành dự toán trước ngày 15/11.",
         ["Phòng Tài chính - Kế hoạch"]),
        ("Đối với BQL các chợ, thành phố, UBND tỉnh đề nghị bố trí lực lượng trực đêm.",
         ["BQL các chợ, thành phố"]),
        # A thing as topic is not asked: nobody is named.
        ("Đối với việc kiểm kê tài sản, UBND huyện yêu cầu thực hiện đúng quy định.", []),
        # The clause's own subject acts: it leads, whatever comes later in the sentence.
        ("Đối với những hộ bị ngập, các xã cần hỗ trợ lương thực; cắm biển cảnh báo ở đường giao thông.",
         ["các xã"]),
        # The clause's subject hands the task on: the one named after the verb leads.
        ("Đối với các trường chưa báo cáo, Giám đốc Sở đề nghị Phòng Giáo dục huyện đôn đốc.",
         ["Phòng Giáo dục huyện"]),
    ],
)
def test_fronted_topic(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One person with several titles speaks, then directs others in a new clause (_person_directs).
        ("Phó Bí thư Đảng ủy, Chủ tịch UBND xã Lê Văn Nam giải đáp các ý kiến; đồng thời chỉ đạo các "
         "bộ phận chuyên môn rà soát hồ sơ.", ["các bộ phận chuyên môn"]),
        # A body that must direct keeps the task (not this class).
        ("UBND xã có trách nhiệm chỉ đạo các thôn rà soát hồ sơ.", ["UBND xã"]),
    ],
)
def test_person_who_speaks_then_directs(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A letter sent to receivers who act or whom it is about (_letter_receivers; LABELLING.md §7).
        ("Sở Công Thương đã có công văn gửi UBND các huyện về việc kiểm tra các cửa hàng xăng dầu.",
         ["UBND các huyện"]),
        ("Bộ trưởng Bộ Nông nghiệp vừa có điện khẩn gửi Sở Nông nghiệp các tỉnh miền Trung chủ động "
         "phương án chống lũ.", ["Sở Nông nghiệp các tỉnh miền Trung"]),
        # A report sent to someone names no lead of its own.
        ("Báo cáo kết quả gửi Sở Tài chính trước ngày 10/01 hằng năm.", []),
    ],
)
def test_letter_receivers(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Phát biểu chỉ đạo," is a speech that directs, not an order to the speaker named after it
        # (chidao_not_after; LABELLING.md §6).
        ("Phát biểu chỉ đạo, đồng chí Lê Văn Hùng, Phó Bí thư Huyện ủy ghi nhận các kết quả, đồng thời "
         "đề nghị các chi bộ tập trung phát triển đảng viên.", ["các chi bộ"]),
    ],
)
def test_speech_that_directs(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A speaker who says again ("tiếp tục lưu ý") addresses the units after the verb (_continues).
        ("Giám đốc Sở Y tế tiếp tục lưu ý các bệnh viện tuyến huyện phải tăng cường trực cấp cứu.",
         ["các bệnh viện tuyến huyện"]),
        # An order, then after ";" another clause with its own subject: both lead (_later_assigned) ...
        ("Chủ tịch UBND huyện đề nghị Phòng Nội vụ rà soát biên chế; các xã chuẩn bị hồ sơ nhân sự.",
         ["Phòng Nội vụ", "các xã"]),
        # ... but not coordinators listed after "phối hợp" and separated by ";".
        ("Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ; UBND các huyện tổ chức triển khai kế hoạch.",
         ["Sở Tư pháp"]),
    ],
)
def test_addressees_and_later_clauses(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A letter "tới" the receivers, asking without naming anyone else (_letter_receivers).
        ("Sở Y tế vừa có công điện tới các bệnh viện, trung tâm y tế, yêu cầu sẵn sàng ứng phó với bão.",
         ["các bệnh viện, trung tâm y tế"]),
        # Everything between "gửi" and "về việc" receives the letter, even a subject read over it.
        ("Ngày 5/9, Giám đốc Sở Nông nghiệp có Công văn số 88/SNN gửi Chủ tịch UBND các xã ven biển từ Cửa "
         "Việt trở vào về việc gia cố đê.", ["Chủ tịch UBND các xã ven biển từ Cửa Việt trở vào"]),
        # "yêu cầu:" then a person told to direct: the person leads, those directed execute (§8b).
        ("UBND huyện yêu cầu: Chủ tịch UBND xã Tân Lập chỉ đạo lực lượng công an xã giải tỏa lấn chiếm.",
         ["Chủ tịch UBND xã Tân Lập"]),
    ],
)
def test_letters_and_requests(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "lead_", "executor_"),
    [
        # LABELLING.md §8a: one body gives (or is reported giving) its own order: those directed lead.
        ("Ban Thường vụ Thị ủy chỉ đạo các chi bộ hoàn thành đại hội trước ngày 30/6.", ["các chi bộ"], []),
        ("Cục Thuế tỉnh tiếp tục chỉ đạo các chi cục thuế đôn đốc thu nợ.", ["các chi cục thuế"], []),
        ("Đồng thời, Sở Y tế chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh giám sát ổ dịch.",
         ["Trung tâm Kiểm soát bệnh tật tỉnh"], []),
        # §8b: told to direct (an obligation, an item addressed to it, a plural of addressees): X leads,
        # Y executes.
        ("Cục Thuế tỉnh phải chỉ đạo các chi cục thuế đôn đốc thu nợ.", ["Cục Thuế tỉnh"], ["các chi cục thuế"]),
        ("2. Phòng Kinh tế chỉ đạo các hợp tác xã kiểm kê vật tư.", ["Phòng Kinh tế"], ["các hợp tác xã"]),
        ("UBND các huyện chỉ đạo các xã lập danh sách hộ nghèo.", ["UBND các huyện"], ["các xã"]),
        ("Yêu cầu UBND các xã chỉ đạo các thôn rà soát hộ nghèo.", ["UBND các xã"], ["các thôn"]),
        # §8c: the public is directed: the director leads, nobody executes.
        ("Trong tháng tới, UBND phường tiếp tục chỉ đạo nhân dân thu gom rác đúng giờ.", ["UBND phường"], []),
        ("Hội Nông dân xã chỉ đạo các hộ gia đình tiêm phòng cho đàn gà.", ["Hội Nông dân xã"], []),
    ],
)
def test_who_directs_by_the_guide(text: str, lead_: list[str], executor_: list[str]) -> None:
    parsed = parse_assignees(text)
    assert ([a.text for a in parsed.lead], [a.text for a in parsed.executor]) == (lead_, executor_)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An order named as a noun, then whom it is for (_directed_to; LABELLING.md §6).
        ("“Kiểm tra chặt chẽ giá cả dịp Tết” là chỉ đạo của Sở Công Thương tới Đội Quản lý thị trường số 3.",
         ["Đội Quản lý thị trường số 3"]),
        ("Giám đốc Sở Y tế đã có những chỉ đạo cụ thể đối với các bệnh viện tuyến tỉnh khẩn trương tiếp nhận "
         "bệnh nhân.", ["các bệnh viện tuyến tỉnh"]),
    ],
)
def test_order_named_as_a_noun(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A condition naming bodies, then "thì" and who acts (_after_condition).
        ("Với các hồ sơ đã nộp đủ; trường hợp hồ sơ thiếu, các hộ chưa bổ sung kịp thì Bộ phận một cửa "
         "thông báo lại cho công dân.", ["Bộ phận một cửa"]),
    ],
)
def test_who_acts_after_a_condition(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
