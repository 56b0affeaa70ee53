# ruff: noqa: E501  (notices are long lines)
"""Whole-conclusion rules of session 11 (branch conclp): the notice time line's scope (conclusion_round14),
the one §8 d rule for the public under a body's lead-in (lead_public_campaign), the letter's address block and
the kinds of conclusions_v14 dev (conclusion_round15). Invented texts of each class, and what must stay."""

from datetime import date

from domain.types import DeadlineKind
from domain.understand.conclusion import split_conclusion

TODAY = date(2026, 8, 20)


def _directives(text: str, today: date = TODAY) -> list:
    return list(split_conclusion(text, today).directives)


def _one(text: str, start: str) -> object:
    found = [d for d in _directives(text) if start in d.text]
    assert len(found) == 1, f"no single directive with {start!r}: {[d.text for d in _directives(text)]}"
    return found[0]


def _leads(text: str, start: str) -> list[str]:
    return [a.text for a in _one(text, start).assignees.lead]  # type: ignore[attr-defined]


# --- (a) a notice's time line times the list it stands in or heads, not the whole text --------------------------
_TWO_SECTIONS = """I. Trang trí chào mừng Đại hội
UBND phường Hòa Bình thông báo việc trang trí chào mừng Đại hội Đoàn phường như sau:
Thời gian trang trí khánh tiết: Từ ngày 01/9/2026 đến hết ngày 05/9/2026.
1. Đài truyền thanh phường phát nội dung thông báo này để cán bộ và nhân dân biết, thực hiện.
2. Các khu phố, trường học, doanh nghiệp trên địa bàn phường treo băng rôn, khẩu hiệu tại trụ sở.
II. Công tác khác
Phòng Văn hóa phường rà soát các biển quảng cáo sai quy định trên các tuyến phố chính.
Các khu phố hoàn thiện hồ sơ khu phố văn hóa, gửi UBND phường."""


def test_the_time_line_times_the_list_it_heads() -> None:
    hang = _one(_TWO_SECTIONS, "Các khu phố, trường học")
    radio = _one(_TWO_SECTIONS, "Đài truyền thanh")
    assert (hang.deadline.kind, hang.deadline.due) == (DeadlineKind.DATE, date(2026, 9, 5))
    assert (radio.deadline.kind, radio.deadline.due) == (DeadlineKind.DATE, date(2026, 9, 1))


def test_an_item_of_another_section_is_not_timed_by_the_line() -> None:
    # the decorating window says nothing of the billboards or the cultural files (session 10 dated both 5/9)
    for start in ("Phòng Văn hóa phường", "hoàn thiện hồ sơ"):
        assert _one(_TWO_SECTIONS, start).deadline.kind is DeadlineKind.NONE, start


def test_a_closing_request_after_the_list_is_not_timed_by_the_line() -> None:
    text = """UBND xã Tân Lập thông báo đến các cơ quan, đơn vị và nhân dân cụ thể như sau:
1/ Các cơ quan, trường học, các thôn tổ chức tổng vệ sinh môi trường tại trụ sở, nhà văn hóa.
2/ Thời gian ra quân tổng vệ sinh: Từ ngày 25/8/2026 đến hết ngày 27/8/2026.
Đề nghị Hội Nông dân xã xây dựng mô hình phân loại rác tại nguồn ở hai thôn."""
    clean = _one(text, "Các cơ quan, trường học")
    assert (clean.deadline.kind, clean.deadline.due) == (DeadlineKind.DATE, date(2026, 8, 27))
    assert _one(text, "Hội Nông dân").deadline.kind is DeadlineKind.NONE


# --- (b) one §8 d rule: the public advised follows the body of the lead-in; addressees bound stay as written ----
_BOUND = """UBND xã Hòa An thông báo:
1. Các hộ gia đình nộp phí vệ sinh môi trường quý III trước ngày 15/9/2026.
2. Người dân phải để rác đúng nơi quy định, không đổ rác ra lòng đường."""

_ADVISED = """UBND xã Hòa An thông báo:
1. Các hộ gia đình treo cờ Tổ quốc trong hai ngày 1 và 2/9/2026.
2. Người dân chủ động dọn dẹp đường làng, ngõ xóm trước ngày lễ."""


def test_the_public_advised_under_a_neutral_lead_in_takes_its_body() -> None:
    assert _leads(_ADVISED, "treo cờ") == ["UBND xã Hòa An"]
    assert _leads(_ADVISED, "dọn dẹp") == ["UBND xã Hòa An"]


def test_addressees_bound_by_the_notice_stay_as_written() -> None:
    # a fee to pay, a rule to keep (§8 d: "a school's students told to pay fees"; §31.1: "đổ rác đúng giờ")
    assert _leads(_BOUND, "nộp phí") == ["Các hộ gia đình"]
    assert _leads(_BOUND, "để rác") == ["Người dân"]


def test_a_lead_in_that_advises_wins_over_the_items_words() -> None:
    text = """Trung tâm Y tế huyện Quan Sơn khuyến cáo:
1. Người dân phải đeo khẩu trang khi đến nơi đông người.
2. Các gia đình không được để nước đọng trong chum, vại."""
    assert _leads(text, "đeo khẩu trang") == ["Trung tâm Y tế huyện Quan Sơn"]


def test_the_notice_speaker_reaches_the_advice_below_a_nameless_lead_in() -> None:
    text = """THÔNG BÁO
Nay Trạm Y tế xã Tân Phú xin thông báo lịch tiêm chủng tháng 9 như sau:
Sáng ngày 10/9/2026: Từ 7 giờ 30 phút đến 11 giờ 00 phút
- Vắc xin Sởi: Cho trẻ từ 9 tháng tuổi trở lên
Lưu ý các bà mẹ:
- Khi trẻ sốt cao sau tiêm, phụ huynh cần đưa ngay trẻ đến trạm y tế gần nhất.
Đề nghị các bà mẹ đưa trẻ đến tiêm đúng ngày giờ nêu trên."""
    assert _leads(text, "sốt cao") == ["Trạm Y tế xã Tân Phú"]
    assert _leads(text, "đúng ngày giờ") == ["Trạm Y tế xã Tân Phú"]


def test_the_notice_speaker_leaves_a_bound_payment_as_written() -> None:
    text = """UBND xã Hòa An xin thông báo lịch thu quỹ như sau:
Mỗi quý thu một lần, trong 10 ngày đầu quý, tại nhà văn hóa các thôn.
Đề nghị các hộ gia đình nộp đủ quỹ phòng chống thiên tai năm 2026 theo lịch trên."""
    assert _leads(text, "nộp đủ quỹ") == ["các hộ gia đình"]


def test_the_public_part_of_an_item_whose_subject_already_leads_is_not_named_twice() -> None:
    text = """Ủy ban nhân dân phường Tân Mai thông báo:
1. UBND phường phát động tổng vệ sinh; đề nghị các trường học, các tổ dân phố và toàn thể nhân dân trên địa bàn phường tham gia vào sáng Chủ nhật hàng tuần."""
    leads = _leads(text, "phát động tổng vệ sinh")
    assert leads[0] == "UBND phường" and "Ủy ban nhân dân phường Tân Mai" not in leads
    assert not any("nhân dân trên địa bàn" in x for x in leads)


# --- (c) the letter's address block names addressees, never tasks ------------------------------------------------
_LETTER = """ỦY BAN NHÂN DÂN HUYỆN TÂN SƠN
Số: 215/UBND-NN
V/v chủ động ứng phó với mưa lớn
Kính gửi:
- Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn các xã;
- Các phòng: Nông nghiệp và Phát triển nông thôn, Kinh tế và Hạ tầng, Tài chính - Kế hoạch;
- Công ty TNHH MTV Khai thác công trình thủy lợi.
Đồng kính gửi: Thường trực Huyện ủy.
Để chủ động ứng phó với đợt mưa lớn, UBND huyện đề nghị:
1. Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn các xã rà soát các hộ ở vùng nguy cơ sạt lở, báo cáo trước ngày 25/8/2026.
2. Phòng Nông nghiệp và Phát triển nông thôn kiểm tra các hồ chứa xung yếu."""


def test_the_address_block_gives_no_task() -> None:
    texts = [d.text for d in _directives(_LETTER)]
    assert len(texts) == 2, texts
    assert not any("kính gửi" in t.lower() or t.startswith(("Các phòng", "Công ty")) for t in texts), texts


def test_an_item_that_opens_with_an_addressees_words_stays() -> None:
    item = _one(_LETTER, "rà soát các hộ")
    assert item.deadline.due == date(2026, 8, 25)  # type: ignore[attr-defined]


def test_a_one_line_addressee_and_the_body_under_it_read_as_before() -> None:
    text = """Kính gửi: Đài truyền thanh xã Tân Phú.
Đề nghị Đài truyền thanh xã phát thông báo lịch tiêm chủng trên loa truyền thanh trong ba ngày 8, 9, 10/9/2026."""
    assert len(_directives(text)) == 1


# --- (d) the issuer's own step after a fronted adjunct is no task --------------------------------------------------
_OWN_STEPS = """UBND xã Tân Phú thông báo về việc thu quỹ phòng, chống thiên tai năm 2026
Căn cứ Luật Phòng, chống thiên tai và kế hoạch của UBND huyện, UBND xã Tân Phú tổ chức thu quỹ phòng, chống thiên tai năm 2026 tại nhà văn hóa các thôn.
Để thuận tiện cho Nhân dân, UBND xã sẽ bố trí cán bộ thu vào các ngày thứ Bảy trong tháng 9/2026.
Ban cán sự các thôn có trách nhiệm thông báo lịch thu đến từng hộ gia đình trước ngày 5/9/2026.
Vậy UBND xã thông báo để Nhân dân biết, thực hiện./."""


def test_the_issuers_steps_after_a_fronted_adjunct_are_no_tasks() -> None:
    texts = [d.text for d in _directives(_OWN_STEPS)]
    assert not any("tổ chức thu quỹ" in t or "bố trí cán bộ thu" in t for t in texts), texts
    assert _leads(_OWN_STEPS, "Ban cán sự các thôn") == ["Ban cán sự các thôn"]


def test_the_issuers_request_after_a_fronted_adjunct_stays() -> None:
    text = _OWN_STEPS.replace("UBND xã sẽ bố trí cán bộ thu", "UBND xã đề nghị các thôn bố trí cán bộ thu")
    assert any("bố trí cán bộ thu" in d.text for d in _directives(text))


def test_another_bodys_programme_after_a_fronted_adjunct_stays() -> None:
    # §1: a body that is not the issuer says what it will do: the secretary tracks it
    text = _OWN_STEPS.replace("UBND xã sẽ bố trí cán bộ thu", "Hội Nông dân xã sẽ bố trí cán bộ thu")
    assert any("bố trí cán bộ thu" in d.text for d in _directives(text))


def test_the_issuers_letter_that_asks_others_is_kept() -> None:
    # concl7's "issuer's own step" is a step nobody is asked to take; a letter the issuer sends asking named bodies
    # is an order reported (LABELLING §1), the bodies asked are reminded
    text = """Sở Y tế vừa có công văn yêu cầu các bệnh viện công lập bố trí trực cấp cứu 24/24 giờ trong dịp Tết.
Bên cạnh đó, Sở Y tế gửi văn bản tới các bệnh viện tư nhân trên địa bàn đề nghị các bệnh viện chuẩn bị đủ cơ số thuốc, vật tư."""
    assert any("bệnh viện tư nhân" in d.text for d in _directives(text))


def test_the_issuers_own_step_after_its_order_is_still_no_task() -> None:
    text = """Sở Y tế vừa có công văn yêu cầu các bệnh viện công lập bố trí trực cấp cứu 24/24 giờ trong dịp Tết.
Bên cạnh đó, Sở Y tế thành lập các đoàn kiểm tra công tác trực Tết tại các bệnh viện."""
    assert not any("thành lập các đoàn" in d.text for d in _directives(text))


def test_a_letter_copied_as_one_line_keeps_its_body() -> None:
    # a copy that lost its line breaks: the body goes on after the addressees on the "Kính gửi:" line
    for head in ("Kính gửi: Các phòng, ban chuyên môn thuộc UBND huyện", "Kính gửi: - Các phòng, ban chuyên môn; - UBND các xã;"):
        text = f"{head} Căn cứ Kế hoạch số 12/KH-UBND của UBND tỉnh, UBND huyện đề nghị các phòng, ban chuyên môn rà soát danh mục dự án, báo cáo trước ngày 30/9/2026."
        found = [d for d in _directives(text) if "rà soát danh mục" in d.text]
        assert found and found[0].deadline.due == date(2026, 9, 30), head


def test_one_rule_for_a_sentence_and_its_lead_in() -> None:
    # parse_directive with a lead-in as context (the sentence sets, a /giao with context) reads as the splitter does:
    # the public's own part of a list is the advising body's campaign (§31.1), a fee stays with those who pay
    from domain.understand.directive import parse_directive

    def leads(context: str, text: str) -> list[str]:
        return [a.text for a in parse_directive(text, TODAY, context=context).assignees.lead]

    assert leads("UBND xã Hòa An thông báo:", "Các cơ quan, các thôn và các hộ gia đình treo cờ Tổ quốc trong hai ngày 1 và 2/9/2026.") == ["Các cơ quan", "các thôn", "UBND xã Hòa An"]
    assert leads("UBND xã Hòa An thông báo:", "Các cơ quan, các thôn và các hộ gia đình nộp quỹ phòng chống thiên tai trước ngày 30/9/2026.") == ["Các cơ quan", "các thôn", "các hộ gia đình"]
