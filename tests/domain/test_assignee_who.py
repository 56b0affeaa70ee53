"""WHO leads, read from the sentence's structure rather than from the head noun (issue 11, "who
speaks vs who acts", "subjects the lexicon does not know"). Every sentence here is written for the
test in the way administrative and news Vietnamese write them; none is a corpus sentence. The dev
sentences each rule serves are named in the comment above the rule in
domain/understand/assignees.py."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees
from tests.domain.assignee_helpers import lead


# ------------------------------------------------------------------------------------------ plural groups
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural or distributive determiner, words the lexicon does not know, then what only one
        # who acts can do
        ("Các điểm trường có trách nhiệm bố trí giáo viên trực trong dịp nghỉ lễ.", ["Các điểm trường"]),
        ("Các cửa hàng xăng dầu chịu trách nhiệm niêm yết giá bán công khai.", ["Các cửa hàng xăng dầu"]),
        ("Những chợ tạm phối hợp với Ban quản lý giữ gìn vệ sinh chung.", ["Những chợ tạm"]),
        ("Mỗi tiểu ban chủ động chuẩn bị nội dung được phân công.", ["Mỗi tiểu ban"]),
        ("Trong tháng 10, các bến xe tích cực kiểm tra xe trước khi xuất bến.", ["các bến xe"]),
        # the same groups right after an assigning verb: any verb ends the phrase
        ("Yêu cầu các khu công nghiệp rà soát lại hệ thống xử lý nước thải.", ["các khu công nghiệp"]),
        ("UBND huyện đề nghị các nhà hàng, khách sạn chủ động kiểm tra phòng cháy.", ["các nhà hàng, khách sạn"]),
        ("Sở Công Thương yêu cầu các chợ đầu mối báo cáo lượng hàng dự trữ.", ["các chợ đầu mối"]),
    ],
)
def test_plural_group_with_unknown_head_is_the_subject(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # not an actor: the plural phrase is what is acted on ("cần được", "phải được")
        "Các thủ tục hành chính cần được niêm yết công khai tại bộ phận một cửa.",
        "Các điểm trường phải được sửa chữa trước năm học mới.",
        # things that must be so: "phải", "cần" do not make a plural phrase an actor
        "Các hạng mục phụ trợ phải bảo đảm chất lượng, đúng tiến độ.",
        "Những vướng mắc về mặt bằng cần sớm tháo gỡ.",
        "Các biểu mẫu thống kê phải chính xác, đầy đủ.",
        # after an assigning verb, a word that is itself an action names a thing ("các báo cáo")
        "Yêu cầu các báo cáo tổng hợp gửi về trước ngày 25 hằng tháng.",
        # "yêu cầu" as a noun (a requirement), not an order to those after it
        "Các công trình phải đáp ứng yêu cầu các hạng mục phụ trợ hoàn thành đồng bộ.",
        "Theo yêu cầu các điểm trường báo cáo số liệu về phòng học.",
    ],
)
def test_plural_thing_acted_on_is_not_a_lead(text: str) -> None:
    assert lead(text) == []


# ------------------------------------------------------------------------------------------ who speaks
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker, a verb of saying, a comma or colon, then a clause with its own subject
        ("Bí thư Huyện ủy lưu ý, các xã phải hoàn thành việc bầu trưởng thôn trước ngày 30/6.", ["các xã"]),
        ("Giám đốc Sở Tài chính nhấn mạnh, các chủ đầu tư cần đẩy nhanh giải ngân.", ["các chủ đầu tư"]),
        ("Văn bản nêu rõ: UBND các phường chịu trách nhiệm kiểm tra trật tự đô thị.", ["UBND các phường"]),
        ("Công văn cho biết, Sở Y tế có trách nhiệm hướng dẫn các bệnh viện.", ["Sở Y tế"]),
        ("Ông Lê Văn Tâm, Phó Chủ tịch UBND tỉnh khẳng định, Sở Xây dựng phải công khai quy hoạch.", ["Sở Xây dựng"]),
    ],
)
def test_the_one_who_speaks_does_not_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of acting before the comma: the subject acts and the clause after is its task
        ("UBND xã tổ chức tuyên truyền, các thôn phối hợp thực hiện.", ["UBND xã"]),
        ("Phòng Nội vụ chủ trì, các phòng chuyên môn phối hợp thẩm định.", ["Phòng Nội vụ"]),
    ],
)
def test_an_acting_subject_keeps_the_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ orders reported
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an order reported as given or under way: those directed carry the task
        ("UBND thị xã đang tập trung chỉ đạo các phường rà soát hộ kinh doanh cá thể.", ["các phường"]),
        ("Sở Nông nghiệp đang tiếp tục chỉ đạo Chi cục Thủy lợi kiểm tra các hồ chứa.", ["Chi cục Thủy lợi"]),
        ("Bộ Chỉ huy Quân sự tỉnh vừa chỉ đạo các đơn vị sẵn sàng lực lượng cứu hộ.", ["các đơn vị"]),
    ],
)
def test_reported_order_hands_the_task_on(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # who asks does not carry out what is asked: with no addressee, nobody is named
        "Bộ trưởng yêu cầu huy động mọi phương tiện tiếp cận vùng bị cô lập ngay trong đêm.",
        "Chủ tịch UBND tỉnh đề nghị khẩn trương khắc phục sự cố đê bao.",
    ],
)
def test_the_one_who_asks_never_leads(text: str) -> None:
    assert lead(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a letter sent to someone, then what it directs, naming nobody: the receivers lead
        ("Chủ tịch UBND quận có văn bản gửi Trưởng Công an quận, Chủ tịch UBND phường 5, chỉ đạo kiểm tra "
         "làm rõ phản ánh của người dân.", ["Trưởng Công an quận", "Chủ tịch UBND phường 5"]),
        ("UBND huyện đã có công văn gửi Phòng Kinh tế và Hạ tầng chỉ đạo rà soát hiện trạng cầu tạm.",
         ["Phòng Kinh tế và Hạ tầng"]),
    ],
)
def test_letter_receivers_lead_what_it_directs(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb of saying opens the clause, or no comma: the reported subject has a word of obligation
        ("Đồng thời nhấn mạnh, Đội Cảnh sát giao thông cần bố trí lực lượng tại các nút giao.",
         ["Đội Cảnh sát giao thông"]),
        ("Kết luận buổi kiểm tra, Trung tá Lê Văn Hòa – Trưởng Công an huyện nhấn mạnh các tổ công tác "
         "phải trực 24/24 giờ.", ["các tổ công tác"]),
        ("Giám đốc Sở Y tế lưu ý các bệnh viện tuyến huyện cần dự trữ đủ thuốc.", ["các bệnh viện tuyến huyện"]),
    ],
)
def test_reported_clause_without_comma(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_speaking_verb_with_its_object_is_no_report() -> None:
    # "nhấn mạnh vai trò ...": what is stressed, not a clause; the speaker's request names nobody
    assert lead("Chủ tịch UBND huyện nhấn mạnh vai trò của các tổ hòa giải ở cơ sở.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject acts first; the report it sends afterwards relays nothing
        ("Các phòng chuyên môn rà soát hồ sơ tồn đọng, gửi báo cáo đến Văn phòng UBND huyện để tổng hợp, "
         "báo cáo Ban Chỉ đạo huyện.", ["Các phòng chuyên môn"]),
        ("UBND các xã lập danh sách hộ nghèo; kết quả gửi về Phòng Lao động để báo cáo Ban Chỉ đạo.",
         ["UBND các xã"]),
    ],
)
def test_a_subject_that_acts_is_not_a_letter_writer(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_a_phrase_with_a_late_capital_is_no_unit_name() -> None:
    text = ("Để nâng cao nhận thức của nhân dân về ý nghĩa của Tuần lễ quốc gia, Hội Chữ thập đỏ tỉnh phối "
            "hợp với Đài Phát thanh tuyên truyền.")
    assert lead(text) == ["Hội Chữ thập đỏ tỉnh"]


def test_a_request_naming_nobody_stays_an_order_in_a_conclusion() -> None:
    from datetime import date

    from domain.understand.conclusion import split_conclusion

    text = "Theo đó, UBND huyện yêu cầu hoàn thành trong tháng 5/2024. Phòng Nội vụ chủ trì rà soát biên chế."
    items = split_conclusion(text, date(2024, 1, 2)).directives
    assert [(d.text.split(",")[0], [a.text for a in d.assignees.lead]) for d in items] == [
        ("Theo đó", []),
        ("Phòng Nội vụ chủ trì rà soát biên chế.", ["Phòng Nội vụ"]),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a purpose clause lists nouns of its own before its verb: none of them is the subject
        ("Để kinh tế, HTX, doanh nghiệp trên địa bàn tiếp tục phát triển, các xã cần cải thiện môi trường "
         "kinh doanh.", ["các xã"]),
        ("Để sản xuất, các hộ nông dân trong huyện tiếp tục phát triển, Phòng Nông nghiệp cần hướng dẫn kỹ "
         "thuật.", ["Phòng Nông nghiệp"]),
    ],
)
def test_no_subject_inside_a_purpose_clause(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# ------------------------------------------------------------------------------------------ no diacritics
def test_short_alias_typed_without_diacritics() -> None:
    from domain.types import KnownUnit

    units = (KnownUnit("7", "Trạm Y tế phường", ("Y tế",)),)
    read = lambda text: [(a.text, a.unit_key) for a in parse_assignees(text, units).lead]  # noqa: E731
    assert read("Y te phuong phoi hop voi cac to dan pho phun thuoc diet muoi.") == [("Y te phuong", "7")]
    assert read("Giao Y te kiem tra ve sinh an toan thuc pham.") == [("Y te", "7")]
    # written without its capital it is still not the unit ("y te" is any health matter)
    assert read("Yeu cau y te co so tang cuong.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "theo dõi" (follow up) is the verb, not "theo" (according to) opening an adjunct; typed without
        # diacritics "hop" may be "họp" (a meeting), which must not end an adjunct that is not there
        ("Cong an xa chu dong theo doi cac truong hop nghi van.", ["Cong an xa"]),
        ("Tram Y te xa chu dong theo doi cac truong hop sot.", ["Tram Y te xa"]),
    ],
)
def test_theo_doi_is_the_predicate(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asking in other words: "kêu gọi", "đòi hỏi"
        ("Ủy ban MTTQ huyện kêu gọi các doanh nghiệp tham gia ủng hộ đồng bào vùng lũ.", ["các doanh nghiệp"]),
        ("Để hoàn thành chỉ tiêu, đòi hỏi các xã phải vào cuộc quyết liệt hơn.", ["các xã"]),
    ],
)
def test_other_verbs_of_asking(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit written by abbreviation, then its verb
        ("GVCN các lớp nhắc học sinh mang khẩu trang khi đến trường.", ["GVCN các lớp"]),
        ("Học sinh nào sốt thì GVCN thông báo ngay cho phụ huynh.", ["GVCN"]),
    ],
)
def test_abbreviated_units_with_any_verb(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "từng bước" (step by step), "mỗi năm" (each year): adverbs, nobody acts
        "Từng bước nâng cao chất lượng dịch vụ công trực tuyến.",
        "Mỗi năm có khoảng 200 hộ thoát nghèo.",
        "Yêu cầu từng bước hoàn thiện hệ thống văn bản quản lý.",
        "Đề nghị những năm tiếp theo tập trung nguồn lực cho giáo dục.",
    ],
)
def test_distributive_adverbs_name_nobody(text: str) -> None:
    assert lead(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body named before ("này", "đó"): a head that needs a name has one
        ("Sở này phải công khai kết quả thẩm định trên cổng thông tin.", ["Sở này"]),
        ("Ban đó chịu trách nhiệm tổng hợp ý kiến các thành viên.", ["Ban đó"]),
        # "có nhiệm vụ" as "có trách nhiệm"
        ("Tổ này có nhiệm vụ phối hợp với các phòng chuyên môn rà soát hồ sơ.", ["Tổ này"]),
        ("Hội đồng thẩm định có nhiệm vụ xem xét hồ sơ đề nghị công nhận.", ["Hội đồng thẩm định"]),
    ],
)
def test_named_before_and_has_the_duty(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label whose role is said in more words before the colon
        ("Đơn vị chủ trì thực hiện: Trung tâm Y tế huyện.", ["Trung tâm Y tế huyện"]),
        ("Cơ quan chủ trì soạn thảo: Sở Tư pháp.", ["Sở Tư pháp"]),
        ("Đơn vị chịu trách nhiệm chính: Phòng Giáo dục và Đào tạo.", ["Phòng Giáo dục và Đào tạo"]),
    ],
)
def test_label_with_more_words_before_the_colon(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a colon after a verb of saying, directing or reporting: what follows is the speaker's words
        ("UBND thị xã có ý kiến: Phòng Quản lý đô thị kiểm tra, báo cáo trước ngày 15/8.", ["Phòng Quản lý đô thị"]),
        ("Giám đốc Sở chỉ đạo: các phòng chuyên môn rà soát hồ sơ tồn đọng.", ["các phòng chuyên môn"]),
        ("Phòng Giáo dục thông báo: các trường tiểu học dừng thu các khoản ngoài quy định.", ["các trường tiểu học"]),
        # a task with its list after the colon keeps its subject
        ("UBND xã phải thực hiện các việc sau: rà soát, lập danh sách hộ nghèo.", ["UBND xã"]),
    ],
)
def test_colon_after_a_verb_of_saying(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the colon, a framing phrase, then the subject
        ("Lãnh đạo huyện chỉ đạo: Sau khi có kết quả kiểm định, Phòng Kinh tế và Hạ tầng lập phương án sửa "
         "chữa cầu.", ["Phòng Kinh tế và Hạ tầng"]),
        # a body tells what it did, then asks someone else: the one asked leads
        ("Hội Nông dân tỉnh cho biết: Để hỗ trợ hội viên, Hội Nông dân tỉnh đã phối hợp mở 20 lớp tập huấn, "
         "đồng thời đề nghị Sở Nông nghiệp và PTNT cử cán bộ kỹ thuật hướng dẫn.", ["Sở Nông nghiệp và PTNT"]),
        # a body that must act and also asks keeps the lead
        ("UBND phường phải rà soát các hộ kinh doanh, đồng thời đề nghị Công an phường hỗ trợ.", ["UBND phường"]),
    ],
)
def test_framed_words_and_reports_before_a_request(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a promise to ask or direct someone: that someone acts
        ("UBND huyện sẽ đề nghị Sở Giao thông vận tải sửa chữa tuyến đường.", ["Sở Giao thông vận tải"]),
        ("Ban Quản lý chợ sẽ yêu cầu các tiểu thương dọn dẹp lối đi.", ["các tiểu thương"]),
    ],
)
def test_a_promise_to_ask_hands_the_task_on(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
