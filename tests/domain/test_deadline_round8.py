# ruff: noqa: E501  (real-looking sentences are long)
"""Deadline rules of the eighth round (branch deadl8, issue 11, pooled dev sets): each test is one class of
sentence, with sentences written for the test (not copied from the corpus); the rule's comment in
domain/understand/deadline_round8.py names the dev sentences of its class."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.deadlines import parse_deadline

TODAY = date(2027, 3, 1)  # a Monday


def reading(text: str, today: date = TODAY) -> str:
    d = parse_deadline(text, today)
    return f"{d.kind.value} {d.due or ''} {d.cadence.value if d.cadence else ''}".strip()


# --- a day whose own clause reports what happened is no deadline ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Trước đó vào ngày 12/8 đã xảy ra vụ cháy kho hàng tại cụm công nghiệp, UBND huyện yêu cầu các xã rà soát phương án chữa cháy.",
        "Được biết, vào ngày 3/4 vừa qua tại Km 15 quốc lộ 1 đã xảy ra vụ tai nạn, Sở Giao thông vận tải đề nghị Công an tỉnh tăng cường tuần tra.",
        "Trước đó, vào lúc 9 giờ 30 phút ngày 20/5 vừa rồi, một trận lốc xoáy làm tốc mái 30 ngôi nhà, huyện yêu cầu các xã thống kê thiệt hại.",
        "Để kịp thời chấn chỉnh, ngày 18/6/2027 Giám đốc Sở Y tế có công văn số 1520/SYT-NV yêu cầu các bệnh viện rà soát quy trình khám bệnh.",
        "Nhằm bảo đảm an toàn thực phẩm, ngày 10/9 Ban Quản lý an toàn thực phẩm đã ban hành văn bản đề nghị các quận kiểm tra bếp ăn tập thể.",
    ],
)
def test_a_day_its_clause_reports_is_no_deadline(text: str) -> None:
    assert reading(text) == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the work's day, a "và" or a modal before any report word
        ("Các xã tổ chức lễ ra quân vào ngày 15/4 và ban hành kế hoạch tuyên truyền.", "date 2027-04-15"),
        ("Vào ngày 20/3 các trường phải báo cáo kết quả đã đạt được trong học kỳ I.", "date 2027-03-20"),
        # a deadline word governs the day: a report after it changes nothing
        ("Các xã hoàn thành rà soát trước ngày 15/4 đã được UBND huyện giao tại cuộc họp.", "date 2027-04-15"),
        ("Hội nghị tổng kết tổ chức vào ngày 26/3 tại hội trường, đề nghị các đơn vị chuẩn bị báo cáo.", "date 2027-03-26"),
    ],
)
def test_the_works_day_stays(text: str, expected: str) -> None:
    assert reading(text) == expected


# the same for a period opening its clause whose clause reports (no dev sentence of the period form)
@pytest.mark.parametrize(
    "text",
    [
        "Trong tháng 2, các xã đã tổ chức ra quân làm thủy lợi, đề nghị các xã tiếp tục duy trì.",
        "Quý I, toàn huyện vừa khởi công 12 công trình giao thông nông thôn.",
        "Trong tháng 1, UBND huyện Quỳnh Phụ đã tổ chức 3 đoàn kiểm tra an toàn thực phẩm.",
    ],
)
def test_a_period_its_clause_reports_is_no_deadline(text: str) -> None:
    assert reading(text) == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trong tháng 4, các xã phải rà soát lại các hộ đã thoát nghèo.", "month 2027-04-30"),
        ("Trong tháng 4, các xã rà soát lại danh sách các hộ đã thoát nghèo.", "month 2027-04-30"),
        ("Trong quý II, các trường hoàn thành việc sửa chữa phòng học.", "quarter 2027-06-30"),
    ],
)
def test_a_period_over_an_order_stays(text: str, expected: str) -> None:
    assert reading(text) == expected

# --- a day or a document number written with spaces around its separators reads as written together ---------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các phòng chuyên môn gửi báo cáo về Văn phòng trước ngày 15 / 4.", "date 2027-04-15"),
        ("UBND các xã hoàn thành việc cập nhật dữ liệu dân cư trước ngày 30 /6/2027.", "date 2027-06-30"),
        ("Trung tâm Y tế huyện tổng hợp số liệu tiêm chủng, báo cáo Sở Y tế chậm nhất ngày 10/ 5/ 2027.", "date 2027-05-10"),
        ("Các trường nộp hồ sơ thi đua trước 20 / 05 / 2027 để Hội đồng xét duyệt.", "date 2027-05-20"),
        ("Đề nghị các xã hoàn thành đợt kiểm tra từ ngày 2 / 5 - 12 / 5 / 2027.", "date 2027-05-12"),
    ],
)
def test_a_spaced_day_is_read(text: str, expected: str) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Các trường triển khai theo đúng hướng dẫn tại Công văn số 1432/SGD&ĐT- GDTrH ngày 24/8/2027.",
        "Các xã thực hiện theo Kế hoạch số 57/KH - UBND ngày 12/9/2027.",
        "Các phòng, ban thực hiện nghiêm Quyết định số 210 /QĐ-UBND ngày 05/10/2027.",
    ],
)
def test_a_spaced_document_numbers_day_stays_cited(text: str) -> None:
    assert reading(text) == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các thôn vận động bổ sung 1 / 2 số hộ còn thiếu hồ sơ.", "none"),  # a fraction, as "1/2"
        ("Các tổ duy trì chế độ báo cáo 1 lần / tháng.", "recurring  monthly"),
        ("Trạm y tế trực cấp cứu 24 / 24 giờ trong dịp lễ.", "none"),
    ],
)
def test_spaced_numbers_that_are_no_day(text: str, expected: str) -> None:
    assert reading(text) == expected


def test_the_spaced_phrase_is_the_written_one() -> None:
    d = parse_deadline("Các xã báo cáo trước ngày 20/4/ 2027.", TODAY)
    assert d.phrase == "trước ngày 20/4/ 2027"
    assert d.due == date(2027, 4, 20)


# --- a word that only folds to a trigger word is not it, where the text is written with its diacritics --------
@pytest.mark.parametrize(
    "text",
    [
        "Trung tâm Y tế huyện bố trí kíp trực cấp cứu 24/24 giờ, sẵn sàng tiếp nhận bệnh nhân.",
        "Bệnh viện duy trì kíp mổ cấp cứu thường trực.",
        "Công an xã vận động nhân dân giao nộp vũ khí, vật liệu nổ, kíp nổ.",
        "Đề nghị đồng chí Nguyễn Văn Tuấn tới dự và phát biểu chỉ đạo tại hội nghị.",
        "Giao đồng chí Tuấn tới làm việc với các hộ dân để vận động giải phóng mặt bằng.",
        "Các đơn vị phải theo dõi liên tục thì mới phát hiện kịp thời sai phạm.",
        "Bộ phận một cửa rà soát các thủ tục thì thấy còn rườm rà, cần đề xuất cắt giảm.",
    ],
)
def test_a_word_that_only_folds_to_a_trigger_is_no_deadline(text: str) -> None:
    assert reading(text) == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các xã nộp báo cáo trong tuần tới.", "relative 2027-03-12"),
        ("Cac xa nop bao cao trong tuan toi.", "relative 2027-03-12"),  # typed without marks: read as before
        ("Các hợp tác xã gieo cấy kịp khung thời vụ.", "relative"),
        ("Bệnh viện bố trí kíp trực, hoàn thành sửa chữa phòng mổ trước ngày 15/4.", "date 2027-04-15"),
        ("Phòng Y tế báo cáo tức thì khi có ca bệnh.", "immediate"),
        ("Theo dõi liên tục, phát hiện ca bệnh thì báo cáo ngay lập tức.", "immediate"),
    ],
)
def test_the_trigger_words_themselves_stay(text: str, expected: str) -> None:
    assert reading(text) == expected
