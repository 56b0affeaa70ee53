# ruff: noqa: E501  (notices are long lines)
"""domain/understand/conclusion_round14.py (conclo): a notice's one time label line is its items' time, not a task;
a sentence-initial "Vậy" is a connective, not a subject. Invented notices of the classes, and what must stay."""

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


_LABEL_BEFORE = """UBND phường Hòa Bình thông báo việc trang trí, treo cờ chào mừng Đại hội Đoàn phường như sau:
Thời gian trang trí khánh tiết: Từ ngày 01/9/2026 đến hết ngày 05/9/2026.
1. Đài truyền thanh phường phát nội dung thông báo này để cán bộ và nhân dân biết, thực hiện.
2. Các khu phố, trường học, doanh nghiệp trên địa bàn phường treo băng rôn, khẩu hiệu tại trụ sở, nhà văn hóa.
3. Công an phường có trách nhiệm bảo đảm an ninh, trật tự khu vực trung tâm phường."""


def test_the_time_line_before_the_items_is_no_task() -> None:
    texts = [d.text for d in _directives(_LABEL_BEFORE)]
    assert not any(t.startswith("Thời gian") for t in texts), texts
    assert len(texts) == 3


def test_the_items_take_the_span_end_and_the_announcement_its_start() -> None:
    hang = _one(_LABEL_BEFORE, "Các khu phố")
    police = _one(_LABEL_BEFORE, "Công an phường")
    radio = _one(_LABEL_BEFORE, "Đài truyền thanh")
    assert (hang.deadline.kind, hang.deadline.due) == (DeadlineKind.DATE, date(2026, 9, 5))
    assert (police.deadline.kind, police.deadline.due) == (DeadlineKind.DATE, date(2026, 9, 5))
    # the notice must be out when the decorating starts (LABELLING §30.1)
    assert (radio.deadline.kind, radio.deadline.due) == (DeadlineKind.DATE, date(2026, 9, 1))


_LABEL_NUMBERED = """Thực hiện Kế hoạch của UBND huyện, UBND xã Tân Lập thông báo đến các cơ quan, đơn vị và nhân dân cụ thể như sau:
1/ Các cơ quan, trường học, các thôn tổ chức tổng vệ sinh môi trường tại trụ sở, nhà văn hóa và đường làng, ngõ xóm.
2/ Thời gian ra quân tổng vệ sinh: Từ ngày 25/8/2026 đến hết ngày 27/8/2026."""


def test_a_numbered_time_line_dates_the_item_above_and_is_no_task() -> None:
    texts = [d.text for d in _directives(_LABEL_NUMBERED)]
    assert len(texts) == 1, texts
    clean = _one(_LABEL_NUMBERED, "Các cơ quan, trường học")
    assert (clean.deadline.kind, clean.deadline.due) == (DeadlineKind.DATE, date(2026, 8, 27))


def test_an_item_with_its_own_day_keeps_it() -> None:
    text = _LABEL_BEFORE.replace(
        "3. Công an phường có trách nhiệm", "3. Trước ngày 30/8/2026, Công an phường có trách nhiệm"
    )
    police = _one(text, "Công an phường")
    assert (police.deadline.kind, police.deadline.due) == (DeadlineKind.DATE, date(2026, 8, 30))


def test_two_time_lines_are_left_to_the_rules_before() -> None:
    # two times in one notice: which item each dates is not the notice's one time; nothing is carried by this rule
    text = _LABEL_BEFORE.replace(
        "3. Công an phường", "Thời gian tổng vệ sinh: Từ ngày 10/9/2026 đến hết ngày 12/9/2026.\n3. Công an phường"
    )
    police = _one(text, "Công an phường")
    assert police.deadline.due != date(2026, 9, 5)


_THEN_CLOSING = """UBND xã Hòa Phú thông báo lịch thu quỹ phòng chống thiên tai năm 2026 như sau: mỗi quý thu một lần, trong 10 ngày đầu quý.
Vậy đề nghị các hộ gia đình trên địa bàn thôn chủ động nộp quỹ đúng hạn./."""

_THEN_LEAD_IN = """Thực hiện Công văn số 15 của UBND huyện về phòng chống rét cho cây trồng.
Vậy Phòng Nông nghiệp xã triển khai một số nội dung sau:
1. Hướng dẫn bà con che phủ mạ bằng nilon trong những ngày rét đậm.
2. Kiểm tra, thống kê diện tích mạ bị chết rét, báo cáo UBND xã."""


def test_then_is_no_lead_of_the_closing_request() -> None:
    pay = _one(_THEN_CLOSING, "nộp quỹ")
    assert [a.text for a in pay.assignees.lead] == ["các hộ gia đình trên địa bàn thôn"]


def test_then_does_not_hide_the_lead_in_body_from_its_items() -> None:
    for start in ("Hướng dẫn bà con", "Kiểm tra, thống kê"):
        item = _one(_THEN_LEAD_IN, start)
        assert [a.text for a in item.assignees.lead] == ["Phòng Nông nghiệp xã"], start


def test_then_with_a_comma_reads_as_before() -> None:
    text = _THEN_CLOSING.replace("Vậy đề nghị", "Vì vậy, đề nghị")
    pay = _one(text, "nộp quỹ")
    assert [a.text for a in pay.assignees.lead] == ["các hộ gia đình trên địa bàn thôn"]


_ADVICE = """Do ảnh hưởng của không khí lạnh tăng cường, nhiệt độ tại các xã vùng cao có nơi xuống dưới 5 độ C.
Trung tâm Y tế huyện Mường Lát khuyến cáo:
Người dân hạn chế ra ngoài vào sáng sớm và ban đêm, giữ ấm cho người già và trẻ nhỏ.
Không đốt than, củi trong phòng kín để sưởi ấm."""


def _leads(text: str, start: str) -> list[str]:
    return [a.text for a in _one(text, start).assignees.lead]  # type: ignore[attr-defined]


def test_advice_to_the_public_is_led_by_the_body_of_the_lead_in() -> None:
    assert _leads(_ADVICE, "Người dân hạn chế") == ["Trung tâm Y tế huyện Mường Lát"]


def test_the_public_in_a_list_is_replaced_in_place() -> None:
    text = """UBND phường Đông Hải thông báo đến các cơ quan, đơn vị và nhân dân trên địa bàn phường cụ thể như sau:
1. Các cơ quan, trường học, các tổ dân phố và các hộ gia đình treo cờ Tổ quốc tại trụ sở, nhà ở trong ba ngày nghỉ lễ."""
    # (the bodies before it are read as the reader reads them; only the households are replaced)
    leads = _leads(text, "Các cơ quan, trường học")
    assert leads[-1] == "UBND phường Đông Hải" and "các tổ dân phố" in leads
    assert not any("hộ gia đình" in x for x in leads)


def test_households_stay_when_no_lead_in_names_a_speaker() -> None:
    text = """Thời gian qua nhiều hộ chưa nộp phí vệ sinh môi trường năm 2025.
Đề nghị các hộ gia đình còn nợ nộp đủ phí trước ngày 30/9/2026."""
    assert _leads(text, "nộp đủ phí") == ["các hộ gia đình còn nợ"]


def test_two_speakers_leave_the_public_as_written() -> None:
    # (session 11, conclp) each item under its own lead-in follows that lead-in's body (§8 d); with two speakers,
    # an item after both lead-ins' lists names none of them and keeps the public as written
    text = _ADVICE.replace(
        "Không đốt than", "Trạm Y tế xã Pù Nhi thông báo:\nNgười dân không đốt than"
    ) + "\nNgười dân theo dõi bản tin thời tiết trên Đài truyền thanh xã."
    assert _leads(text, "Người dân hạn chế") == ["Trung tâm Y tế huyện Mường Lát"]
    assert _leads(text, "bản tin thời tiết") == ["Người dân"]
