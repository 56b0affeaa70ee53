"""Whole conclusions, seventh round (issue 11, helper concl7): propose only lines with a doer other than
the issuer, keep the items the splitter dropped, and carry a letter's period. Texts written for each class
the rules in domain/understand/conclusion_doer.py and domain/understand/conclusion.py name (comments
marked "concl7"); the dev documents are in bench/README.md ("Whole conclusions, seventh round")."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.conclusion import _opening_verb, split_conclusion

TODAY = date(2025, 3, 14)


def texts(text: str) -> list[str]:
    return [d.text for d in split_conclusion(text, TODAY).directives]


# --- a news lead that announces the letter or its purpose; the next paragraph ("Theo đó, …") gives the tasks ---
@pytest.mark.parametrize(
    "lead",
    [
        "Để chuẩn bị cho mùa mưa bão năm 2025, UBND tỉnh yêu cầu các địa phương rà soát các công trình đê điều.",
        "Để bảo đảm 1.250 hộ dân có nước sạch trong mùa khô, UBND huyện ban hành Chỉ thị số 05/CT-UBND.",
        "Sở Giáo dục và Đào tạo vừa có công văn gửi các trường học về việc phòng, chống dịch sốt xuất huyết.",
        "Cục Quản lý thị trường đã có văn bản gửi các đội quản lý thị trường yêu cầu kiểm tra hàng hóa dịp Tết.",
    ],
)
def test_a_lead_that_announces_the_details_is_no_task(lead: str) -> None:
    text = (
        f"{lead}\n"
        "Theo đó, Phòng Nông nghiệp chủ trì kiểm tra các kè xung yếu, báo cáo trước ngày 30/4/2025.\n"
        "Ban Chỉ huy Quân sự huyện bố trí lực lượng ứng trực tại các điểm sạt lở.\n"
    )
    got = texts(text)
    assert len(got) == 2, got
    assert got[0].startswith("Theo đó, Phòng Nông nghiệp"), got


@pytest.mark.parametrize(
    "lead",
    [
        # an order reported, kept beside its details (the gold keeps both)
        "Trước tình hình đó, UBND huyện đã chỉ đạo các xã tăng cường kiểm tra các hồ chứa nước.",
        "UBND tỉnh vừa có văn bản yêu cầu các sở, ngành triển khai treo băng rôn tuyên truyền.",
    ],
)
def test_a_reported_order_before_its_details_stays(lead: str) -> None:
    text = f"{lead}\nTheo đó, Phòng Nông nghiệp chủ trì kiểm tra các kè xung yếu, báo cáo trước ngày 30/4/2025.\n"
    assert len(texts(text)) == 2


def test_a_purpose_lead_with_no_details_after_it_stays() -> None:
    text = "Để chuẩn bị cho mùa mưa bão năm 2025, UBND tỉnh yêu cầu các địa phương rà soát các công trình đê điều.\n"
    assert len(texts(text)) == 1


# --- the issuer's own step: the body that gave the orders now does something itself ---
@pytest.mark.parametrize(
    ("issuer", "own_step"),
    [
        (
            "Ủy ban nhân dân xã Tân Phú thông báo và đề nghị các thôn treo cờ Tổ quốc từ ngày 28/4/2025.",
            "UBND xã tổ chức đoàn đi kiểm tra việc treo cờ tại các thôn vào ngày 29/4/2025.",
        ),
        (
            "Ban Chỉ huy Quân sự huyện đã yêu cầu các xã rà soát danh sách thanh niên trong độ tuổi.",
            "Trong thời gian này, Ban Chỉ huy Quân sự huyện thành lập các tổ đi kiểm tra tại các xã.",
        ),
        (
            "Thông báo thu đoàn phí học kỳ II\nCăn cứ kế hoạch của Thành đoàn;\n"
            "BAN CHẤP HÀNH ĐOÀN TRƯỜNG CAO ĐẲNG KỸ THUẬT THÔNG BÁO\n- Các chi đoàn nộp đoàn phí trước ngày 20/3/2025.",
            "BCH Đoàn trường sẽ tiến hành kiểm tra sổ sách các chi đoàn vào ngày 25/3/2025.",
        ),
    ],
)
def test_the_issuers_own_step_is_no_task(issuer: str, own_step: str) -> None:
    got = texts(f"{issuer}\n{own_step}\n")
    assert len(got) == 1, got
    assert own_step not in got


@pytest.mark.parametrize(
    "other",
    [
        # another body's announced programme (LABELLING.md §1: a directive for it)
        "Thời gian tới, Trung tâm Y tế huyện sẽ tổ chức kiểm tra các bếp ăn tập thể.",
        # the issuer's own duty said with a modal
        "Ủy ban nhân dân xã phải hoàn thành việc cấp cờ cho các hộ nghèo trước ngày 27/4/2025.",
    ],
)
def test_another_bodys_programme_stays(other: str) -> None:
    got = texts(
        f"Ủy ban nhân dân xã Tân Phú thông báo và đề nghị các thôn treo cờ Tổ quốc từ ngày 28/4/2025.\n{other}\n"
    )
    assert len(got) == 2, got


def test_a_group_named_by_the_issuer_is_not_the_issuer() -> None:
    text = (
        "Thông báo nghỉ hè\n"
        "Nhà trường thông báo đến toàn thể sinh viên lịch nghỉ hè năm 2025 như sau:\n"
        "1. Sinh viên nội trú hoàn thành thủ tục trả phòng trước ngày 30/5/2025.\n"
        "2. Sinh viên ngoại trú nộp sổ tay sinh viên trước ngày 30/5/2025.\n"
    )
    assert len(texts(text)) == 2


# --- "Theo dõi …" is a verb, not the adjunct "theo …," before a clause: the item stays ---
@pytest.mark.parametrize(
    "item",
    [
        "- Theo dõi tình hình, dự báo, cung cấp thông tin kịp thời về diễn biến mưa lũ.",
        "- Theo dõi sát diễn biến dịch bệnh trên đàn gia cầm, kịp thời báo cáo UBND huyện.",
    ],
)
def test_an_item_that_opens_with_theo_doi_stays(item: str) -> None:
    text = f"UBND huyện yêu cầu các xã thực hiện tốt các nội dung sau:\n- Rà soát các hộ dân sống ven sông.\n{item}\n"
    got = texts(text)
    assert len(got) == 2, got


def test_an_adjunct_theo_before_the_order_is_still_skipped() -> None:
    # (the opening "Theo <noun>," is still an adjunct skipped to the verb after its comma)
    assert _opening_verb("Theo kế hoạch của huyện, rà soát các hộ dân sống ven sông.") == (True, False)
    assert _opening_verb("Theo dõi tình hình, dự báo, cung cấp thông tin kịp thời.") == (True, False)


# --- a deadline day said before the subject, then the subject's duty ---
@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        (
            "Chậm nhất là ngày 28/3/2025 (thứ Sáu) các chi đoàn phải nộp danh sách đoàn viên về Văn phòng Đoàn.",
            date(2025, 3, 28),
        ),
        ("Ngày 20/3/2025, các thôn, tổ dân phố hoàn thành việc niêm yết danh sách cử tri.", date(2025, 3, 20)),
        (
            "Trước ngày 25/3/2025, UBND các xã, thị trấn phải báo cáo kết quả rà soát về Phòng Nội vụ.",
            date(2025, 3, 25),
        ),
    ],
)
def test_a_day_before_the_subject_dates_its_task(sentence: str, due: date) -> None:
    text = f"Kết luận giao ban tuần\nChủ tịch UBND huyện kết luận như sau:\n{sentence}\n"
    got = split_conclusion(text, TODAY).directives
    assert len(got) == 1, [d.text for d in got]
    assert got[0].deadline.due == due, got[0].deadline


@pytest.mark.parametrize(
    "report",
    [
        "Ngày 10/3/2025, tại hội trường UBND xã, Ban Chỉ đạo tổ chức hội nghị triển khai công tác bầu cử.",
        "Ngày 11/3/2025, các thôn đã hoàn thành việc niêm yết danh sách cử tri.",
    ],
)
def test_a_day_that_opens_a_report_is_no_task(report: str) -> None:
    text = f"Kết luận giao ban tuần\n{report}\nGiao Văn phòng tổng hợp ý kiến cử tri trước ngày 25/3/2025.\n"
    got = texts(text)
    assert len(got) == 1, got


# --- the closing formula cut off at the end of page 1 (a photo or scan of one page) ---
PAGE_ONE = (
    "THÔNG BÁO\nKết luận của Chủ tịch UBND xã tại cuộc họp giao ban\n"
    "1. Giao Công an xã tăng cường tuần tra ban đêm.\n"
    "2. Giao Trạm Y tế xã tổ chức tổng vệ sinh các khu dân cư trước ngày 30/3/2025.\n"
)


@pytest.mark.parametrize(
    "cut",
    [
        "Văn phòng HĐND-UBND xã thông báo để các đơn vị, cá nhân liên quan",
        "Văn phòng UBND huyện thông báo để các ban, ngành, đoàn thể và",
        "UBND phường thông báo đến các tổ dân phố, các cơ quan",
        "Văn phòng Đảng ủy thông báo cho các chi bộ",
    ],
)
def test_a_closing_formula_cut_at_the_page_end_is_no_task(cut: str) -> None:
    got = texts(PAGE_ONE + cut)
    assert len(got) == 2, got


@pytest.mark.parametrize(
    "work",
    [
        # the addressees given work, cut or not
        "UBND xã thông báo đến các hộ kinh doanh nộp thuế môn bài trước ngày 30/3/2025",
        # a full stop: the text ends there, it is not cut
        "UBND xã thông báo đến các hộ kinh doanh nộp thuế môn bài trước ngày 30/3/2025.",
    ],
)
def test_a_notice_that_gives_work_at_the_end_stays(work: str) -> None:
    assert len(texts(PAGE_ONE + work)) == 3


def test_a_task_cut_short_after_passing_a_notice_on_stays() -> None:
    cut = "3. Các Trưởng thôn chuyển phiếu thông báo đến các hộ gia đình để các hộ nắm được"
    assert len(texts(PAGE_ONE + cut)) == 3
