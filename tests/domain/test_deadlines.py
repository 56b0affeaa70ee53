"""Vietnamese deadline phrases -> kind and due day, one form or trap per case.

Every case states the directive date (`today`) it is resolved against. Sentences are written the
way committees write them; none is copied from the corpus (tests/domain/test_deadline_corpus.py
measures those).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.types import Cadence, DeadlineKind
from domain.understand.deadlines import (
    deadline_in_context,
    fast_fold,
    find_deadlines,
    find_invalid_date,
    parse_deadline,
    period_end,
)
from domain.understand.textnorm import fold, nfc

K = DeadlineKind
FRI = date(2020, 12, 4)  # a Friday; most cases are read on this day


def check(text: str, today: date, kind: DeadlineKind, due: date | None) -> None:
    got = parse_deadline(text, today)
    assert (got.kind, got.due) == (kind, due), f"{text!r} -> {got}"


# --- calendar days -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Hoàn thành trước ngày 15/12/2020.", date(2020, 12, 15)),
        ("báo cáo UBND quận xong trước 15/12/2020", date(2020, 12, 15)),
        ("chậm nhất ngày 20/12/2020 phải nộp hồ sơ", date(2020, 12, 20)),
        ("chậm nhất là ngày 05/01/2021", date(2021, 1, 5)),
        ("hạn 15/12/2020", date(2020, 12, 15)),
        ("hạn chót: 18/12/2020", date(2020, 12, 18)),
        ("trong ngày 15/12/2020", date(2020, 12, 15)),
        ("đến hết ngày 31/12/2020", date(2020, 12, 31)),
        ("gửi về Văn phòng trước 15-12-2020", date(2020, 12, 15)),
        ("gửi về Văn phòng trước ngày 15.12.2020", date(2020, 12, 15)),
        ("trước ngày 15 tháng 12 năm 2020", date(2020, 12, 15)),
        ("trước ngày 15 tháng 12, năm 2020", date(2020, 12, 15)),
        ("nộp trước 17h00 ngày 18/12/2020", date(2020, 12, 18)),
        ("nộp trước 16 giờ 30 phút ngày 18/12/2020", date(2020, 12, 18)),
        ("Thời gian hoàn thành: trước 30/12/2020", date(2020, 12, 30)),
        ("hoàn thành xong trước ngày 20/12/20", date(2020, 12, 20)),
    ],
)
def test_a_stated_day_is_the_due_day(text: str, due: date) -> None:
    check(text, FRI, K.DATE, due)


@pytest.mark.parametrize(
    ("text", "today", "due"),
    [
        ("xong trước ngày 15/12", FRI, date(2020, 12, 15)),
        ("xong trước ngày 15/12", date(2020, 12, 16), date(2021, 12, 15)),  # the next 15/12
        ("xong trước ngày 15/12", date(2020, 12, 15), date(2020, 12, 15)),  # on the day itself
        ("hạn 10/1", FRI, date(2021, 1, 10)),
        ("trước ngày 10 tháng 1", FRI, date(2021, 1, 10)),
        ("hạn 15.12", FRI, date(2020, 12, 15)),
        ("trước ngày 25", FRI, date(2020, 12, 25)),  # the next 25th
        ("trước ngày 25 tháng này", FRI, date(2020, 12, 25)),
        ("trước ngày 10 tháng sau", FRI, date(2021, 1, 10)),
        ("trước ngày 29/2", date(2024, 1, 5), date(2024, 2, 29)),  # a leap year
    ],
)
def test_a_day_without_year_is_the_next_one(text: str, today: date, due: date) -> None:
    check(text, today, K.DATE, due)


def test_without_diacritics_it_reads_the_same() -> None:
    check("xong truoc ngay 15/12", FRI, K.DATE, date(2020, 12, 15))
    check("HOAN THANH TRONG THANG 1/2021", FRI, K.MONTH, date(2021, 1, 31))
    check("trien khai ngay", FRI, K.IMMEDIATE, None)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("hôm nay hoàn thành", FRI),
        ("báo cáo ngay trong ngày", FRI),
        ("hoàn thành trong ngày.", FRI),
        ("gửi bản dự thảo ngày mai", date(2020, 12, 5)),
        ("xong trước thứ Sáu tuần này", FRI),
        ("trước thứ 2 tuần sau", date(2020, 12, 7)),
        ("hạn thứ năm tuần tới", date(2020, 12, 10)),
        ("Đến ngày 15/12, các đơn vị phải hoàn thành", date(2020, 12, 15)),
        ("trước thứ 3", date(2020, 12, 8)),  # the next Tuesday
        ("hoàn thành trong 10 ngày đầu tháng 12", date(2020, 12, 10)),
        ("hoàn thành vào giữa tháng 1/2021", date(2021, 1, 15)),
        ("triển khai nhiệm vụ năm 2021 vào tuần đầu tháng 01/2021", date(2021, 1, 7)),
    ],
)
def test_near_days_and_weekdays(text: str, due: date) -> None:
    check(text, FRI, K.DATE, due)


# --- periods --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "due"),
    [
        ("Hoàn thành trong tháng 4/2018.", date(2018, 4, 13), date(2018, 4, 30)),
        ("hoàn thành trong tháng 12", FRI, date(2020, 12, 31)),
        ("hoàn thành trong tháng 2", FRI, date(2021, 2, 28)),  # the next February
        ("khắc phục xong trong tháng này", FRI, date(2020, 12, 31)),
        ("báo cáo UBND quận trong tháng 12", FRI, date(2020, 12, 31)),
        ("trong tháng tới", FRI, date(2021, 1, 31)),
        ("báo cáo kết quả vào cuối tháng", FRI, date(2020, 12, 31)),
        ("cuối tháng 1/2021 hoàn thành", FRI, date(2021, 1, 31)),
        ("tập trung thực hiện trong tháng 9.2021", FRI, date(2021, 9, 30)),
        ("hoàn thành trong tháng 02 năm 2021", FRI, date(2021, 2, 28)),
        ("đến trước tháng 9.2021", FRI, date(2021, 8, 31)),  # before September: end of August
        ("Thời gian hoàn thành: tháng 6/2021", FRI, date(2021, 6, 30)),
        ("từ nay đến tháng 3/2021 phải xử lý dứt điểm", FRI, date(2021, 3, 31)),
        ("trong tháng 12/2020 và tháng 1/2021", FRI, date(2021, 1, 31)),  # a range: its end
        ("cuối tháng 12 và trong tháng 1/2021", FRI, date(2021, 1, 31)),
        ("Tháng 1/2021: tổ chức tổng kết", FRI, date(2021, 1, 31)),  # heading the clause
        ("cuối tháng tổ chức tổng kết", FRI, date(2020, 12, 31)),
        ("hoàn thành trong tháng, tập trung cho công tác khác", FRI, date(2020, 12, 31)),
    ],
)
def test_month_phrases_end_with_the_month(text: str, today: date, due: date) -> None:
    check(text, today, K.MONTH, due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("trong quý I/2021", date(2021, 3, 31)),
        ("hoàn thành trong Quý II năm 2021", date(2021, 6, 30)),
        ("trong quý 3/2021", date(2021, 9, 30)),
        ("Quý IV/2021 tập trung thực hiện các nội dung sau", date(2021, 12, 31)),
        ("trong quý này", date(2020, 12, 31)),
        ("cuối quý báo cáo kết quả", date(2020, 12, 31)),
        ("trong quý tới", date(2021, 3, 31)),
        ("hoàn thành trong quý II", date(2021, 6, 30)),
        ("trước quý III/2021", date(2021, 6, 30)),
        ("thời gian thực hiện: quý I năm 2021", date(2021, 3, 31)),
    ],
)
def test_quarter_phrases_end_with_the_quarter(text: str, due: date) -> None:
    check(text, FRI, K.QUARTER, due)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("hoàn thành trong 6 tháng đầu năm 2021", K.HALF, date(2021, 6, 30)),
        ("6 tháng cuối năm, tập trung triển khai", K.HALF, date(2020, 12, 31)),
        ("hoàn thành trong sáu tháng đầu năm", K.HALF, date(2021, 6, 30)),  # next first half
        ("hoàn thành trong 9 tháng đầu năm 2021", K.MONTH, date(2021, 9, 30)),
        ("hoàn thành trong năm 2021", K.YEAR, date(2021, 12, 31)),
        ("cuối năm tổ chức tổng kết", K.YEAR, date(2020, 12, 31)),
        ("đến hết năm 2021", K.YEAR, date(2021, 12, 31)),
        ("từ nay đến cuối năm", K.YEAR, date(2020, 12, 31)),
        ("trong năm tới", K.YEAR, date(2021, 12, 31)),
        ("hoàn thành trước năm 2022", K.YEAR, date(2021, 12, 31)),
    ],
)
def test_halves_and_years(text: str, kind: DeadlineKind, due: date) -> None:
    check(text, FRI, kind, due)


@pytest.mark.parametrize(
    ("text", "today", "due"),
    [
        ("hoàn thành trong tuần này", date(2020, 12, 1), date(2020, 12, 4)),
        ("trình ban hành trong tuần này", FRI, FRI),
        ("tuần sau nộp báo cáo", date(2020, 12, 1), date(2020, 12, 11)),
        ("hoàn thành trong tuần tới", FRI, date(2020, 12, 11)),
    ],
)
def test_week_phrases_end_on_friday(text: str, today: date, due: date) -> None:
    # Labelled `relative` in the corpus (the SPEC calls it week); the Friday is the due day.
    check(text, today, K.RELATIVE, due)


# --- durations and anchors ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "due"),
    [
        ("báo cáo trong 10 ngày", FRI, date(2020, 12, 14)),
        ("trong vòng 15 ngày", FRI, date(2020, 12, 19)),
        ("trong mười lăm ngày", FRI, date(2020, 12, 19)),
        ("trong 2 tuần", FRI, date(2020, 12, 18)),
        ("trong 3 tháng", FRI, date(2021, 3, 4)),
        ("trong 3-5 ngày", FRI, date(2020, 12, 9)),  # a range: its end
        ("trong 30 ngày kể từ ngày 15/12/2020", FRI, date(2021, 1, 14)),
        ("trong thời hạn 15 ngày kể từ ngày nhận được văn bản", FRI, date(2020, 12, 19)),
        # working days skip the weekend...
        ("trong vòng 07 ngày làm việc", FRI, date(2020, 12, 15)),
        # ... and public holidays: Tết 2021 ran from 10 to 16 February
        ("trả lời trong 3 ngày làm việc", date(2021, 2, 8), date(2021, 2, 18)),
        ("chậm nhất 05 ngày làm việc", FRI, date(2020, 12, 11)),
        ("Thời hạn: 15 ngày kể từ ngày nhận được Quyết định này", FRI, date(2020, 12, 19)),
    ],
)
def test_durations_count_from_the_directive_day(text: str, today: date, due: date) -> None:
    check(text, today, K.RELATIVE, due)


@pytest.mark.parametrize(
    "text",
    [
        "tổng hợp ý kiến trước khi trình UBND quận",
        "nạo vét kênh mương trước mùa mưa bão",
        "hoàn thiện hồ sơ trước kỳ họp HĐND",
        "triển khai ngay sau khi kế hoạch được phê duyệt",
        "gửi giấy mời trước 03 ngày",
    ],
)
def test_event_anchors_are_relative_without_a_day(text: str) -> None:
    check(text, FRI, K.RELATIVE, None)


# --- immediate, urgency ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tập trung khắc phục ngay những tồn tại",
        "chấm dứt ngay tình trạng lấn chiếm vỉa hè",
        "yêu cầu UBND phường báo cáo ngay về UBND quận",
        "dừng thi công ngay lập tức",
        "lập tức cho dừng thi công",
    ],
)
def test_ngay_alone_is_immediate(text: str) -> None:
    check(text, FRI, K.IMMEDIATE, None)


@pytest.mark.parametrize(
    "text",
    [
        "Khẩn trương hoàn thiện hồ sơ",  # urgency, not a deadline (corpus convention)
        "kịp thời báo cáo các khó khăn, vướng mắc",
        "sớm trình phê duyệt",
        "thường xuyên kiểm tra",
        "Trong thời gian tới, tăng cường tuyên truyền",
        "xác định lộ trình ngay từ những ngày đầu",  # "ngay từ": right from, not at once
        "tổ chức Ngày hội đại đoàn kết toàn dân",
        "kỷ niệm ngày thành lập quận",
        "ngay cả các tổ dân phố",
    ],
)
def test_urgency_words_and_day_words_are_no_deadline(text: str) -> None:
    check(text, FRI, K.NONE, None)


def test_a_date_beats_ngay() -> None:
    check("khắc phục ngay, hoàn thành trước ngày 20/12/2020", FRI, K.DATE, date(2020, 12, 20))
    check("khắc phục ngay các tồn tại trong tháng 12", FRI, K.MONTH, date(2020, 12, 31))


# --- recurring ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cadence"),
    [
        ("thực hiện đánh giá cán bộ hàng tháng", Cadence.MONTHLY),
        ("hằng tháng báo cáo kết quả", Cadence.MONTHLY),
        ("Duy trì mỗi tháng đăng tải một bài", Cadence.MONTHLY),
        ("định kỳ hàng tuần tổng hợp", Cadence.WEEKLY),
        ("Định kỳ hàng quý báo cáo", Cadence.QUARTERLY),
        ("báo cáo hằng năm", Cadence.YEARLY),
        ("cập nhật số liệu hàng ngày", Cadence.DAILY),
        ("định kỳ 6 tháng báo cáo", Cadence.HALF_YEARLY),
        ("kiểm tra 3 tháng một lần", Cadence.QUARTERLY),
        ("báo cáo 1 lần/tháng", Cadence.MONTHLY),
        ("đánh giá vào sáng thứ 2 tuần đầu của tháng", Cadence.MONTHLY),
        ("giao ban vào thứ 6 hàng tuần", Cadence.WEEKLY),
        ("báo cáo trước ngày 20 hằng tháng", Cadence.MONTHLY),
        ("từ ngày 1 đến ngày 5 hằng tháng cập nhật kết quả", Cadence.MONTHLY),
        ("báo cáo trước ngày 15/12 hằng năm", Cadence.YEARLY),
        ("báo cáo trước ngày 20 của tháng cuối quý", Cadence.QUARTERLY),
    ],
)
def test_recurring_phrases_carry_their_cadence(text: str, cadence: Cadence) -> None:
    got = parse_deadline(text, FRI)
    assert (got.kind, got.due, got.cadence) == (K.RECURRING, None, cadence), got


def test_periodic_without_a_period_has_no_cadence() -> None:
    got = parse_deadline("Duy trì tiếp công dân theo định kỳ", FRI)
    assert (got.kind, got.cadence, got.phrase) == (K.RECURRING, None, "theo định kỳ")


def test_ngay_beats_a_generic_periodic_review() -> None:
    check("xây dựng kế hoạch ngay và định kỳ kiểm đếm kết quả theo tháng, quý", FRI, K.IMMEDIATE, None)


@pytest.mark.parametrize(
    ("cadence", "day", "end"),
    [
        (Cadence.DAILY, date(2020, 12, 2), date(2020, 12, 2)),
        (Cadence.WEEKLY, date(2020, 12, 1), date(2020, 12, 4)),
        (Cadence.WEEKLY, date(2020, 12, 5), date(2020, 12, 11)),  # a Saturday: next week's Friday
        (Cadence.MONTHLY, date(2021, 2, 3), date(2021, 2, 28)),
        (Cadence.QUARTERLY, date(2021, 5, 3), date(2021, 6, 30)),
        (Cadence.HALF_YEARLY, date(2021, 7, 1), date(2021, 12, 31)),
        (Cadence.YEARLY, date(2021, 3, 1), date(2021, 12, 31)),
    ],
)
def test_period_end_is_the_first_due_day_of_a_recurring_task(cadence: Cadence, day: date, end: date) -> None:
    assert period_end(cadence, day) == end


# --- holidays -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "due"),
    [
        # lunar Tết: 12/2/2021, 17/2/2026
        ("hoàn thành trước Tết Nguyên đán", FRI, date(2021, 2, 11)),
        ("trước Tết Nguyên đán Tân Sửu 2021", FRI, date(2021, 2, 11)),
        ("chi trả trợ cấp trước Tết", date(2025, 12, 20), date(2026, 2, 16)),
        ("trước 30/4", FRI, date(2021, 4, 29)),
        ("hoàn thành dịp 2/9", FRI, date(2021, 9, 1)),
        ("trước ngày Quốc khánh 2/9", FRI, date(2021, 9, 1)),
        ("trước lễ 30/4", FRI, date(2021, 4, 29)),
        ("trước Tết Trung thu", date(2024, 1, 10), date(2024, 9, 16)),  # 15/8 lunar = 17/9/2024
    ],
)
def test_holidays_are_due_the_day_before(text: str, today: date, due: date) -> None:
    check(text, today, K.HOLIDAY, due)


def test_a_holiday_day_written_as_a_date_with_ngay_or_a_year_is_that_date() -> None:
    check("trước ngày 30/4", FRI, K.DATE, date(2021, 4, 30))  # corpus: "trước ngày X" is due X
    check("trước ngày 2/9/2021", FRI, K.DATE, date(2021, 9, 2))
    check("xong trước 02/09", FRI, K.DATE, date(2021, 9, 2))  # zero-padded: a calendar day


def test_after_tet_is_no_deadline() -> None:
    check("Sau Tết Nguyên đán tổ chức ra quân", FRI, K.NONE, None)


# --- what is not a deadline ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "báo cáo tháng 2",
        "xây dựng kế hoạch năm 2021",
        "theo tiêu chí năm 2019 của quận",
        "Thực hiện Thông báo số 16/TB-STTTT ngày 24/2/2020 của Sở Thông tin và Truyền thông",
        "Căn cứ Quyết định 29/QĐ-UBND, rà soát các thủ tục",
        "theo Nghị định số 68/2017/NĐ-CP ngày 25/5/2017",
        "triển khai kế hoạch giai đoạn 2021-2025",
        "tổng số 20 nhiệm vụ, trong đó 16 nhiệm vụ đã hoàn thành, đang thực hiện 04",
        "gửi email cho các đơn vị",  # "mai" inside "email"
        "làm việc với hai đơn vị và ba xã trong năm ngoái",  # numbers, not weekdays
        "chuẩn bị nội dung kỳ họp thứ 7",  # an ordinal, not Saturday
        "tính đến ngày 30/11/2020, đã hoàn thành 16 nhiệm vụ",  # an as-of date
        "Ngày 28/5, UBND thành phố đã có công văn chỉ đạo",  # a narrative time stamp
        "tại cuộc họp ngày 10/12/2020 các đơn vị thống nhất",  # a meeting date
        "các nhóm công việc đã triển khai trong quý III/2020",  # a past period, reported
        "tuyên truyền 15 năm thành lập quận",
        "chịu trách nhiệm trước Chủ tịch UBND thành phố",
        "phấn đấu đến năm 2025 đạt 100% hồ sơ trực tuyến",  # a target year
        "định hướng đến năm 2030",
        "dịch vụ công mức độ 3, 4",
        "giảm 1/2 số hồ sơ trễ hạn",  # a fraction
        "kết quả 6 tháng đầu năm",  # a period qualifying a noun
        "lịch công tác tuần tới",
        "Trong thời gian qua, các đơn vị đã cố gắng",
        "Đến tháng 12/2020, phường đã có 90% hộ dân tham gia",  # progress as of a month
        "các hoạt động trong tháng tập trung vào tuyên truyền",
        "các đơn vị bố trí lực lượng trong thời gian diễn ra hội nghị",
        "triển khai nhiệm vụ trọng tâm tháng 03 năm 2021",  # "trọng tâm" folds to "trong tam"
        "tổ chức họp giao ban định kỳ.",  # the meeting's name
        "cân đối nhuận bút cho 2 tháng cuối năm.",
        "Ngày đăng 03/12/2020 | 09:17",
        "",
    ],
)
def test_not_a_deadline(text: str) -> None:
    check(text, FRI, K.NONE, None)


def test_the_governing_deadline_wins_over_other_dates() -> None:
    check("khắc phục các tồn tại tháng 11, xong trước ngày 15/12", FRI, K.DATE, date(2020, 12, 15))
    check(
        "Căn cứ Quyết định số 03/2021/QĐ-UBND ngày 08/01/2021, đề nghị Sở trình trước ngày 30/8/2021",
        date(2021, 8, 1),
        K.DATE,
        date(2021, 8, 30),
    )
    check("trước ngày 30/8 để vận hành từ ngày 1/9", date(2025, 7, 1), K.DATE, date(2025, 8, 30))
    check("Ngày 08/4/2021, Văn phòng ban hành văn bản; báo cáo trong 10 ngày", date(2021, 4, 8), K.RELATIVE,
          date(2021, 4, 18))  # fmt: skip


def test_two_deadlines_the_later_one_governs() -> None:
    check("báo cáo sơ bộ trước ngày 10/12/2020, báo cáo chính thức trước ngày 20/12/2020", FRI, K.DATE,
          date(2020, 12, 20))  # fmt: skip


def test_a_deadline_in_a_purpose_clause_is_the_issuer_s_not_the_assignee_s() -> None:
    text = (
        "báo cáo kết quả về UBND huyện trước ngày 25/12/2020 để tổng hợp, "
        "báo cáo UBND tỉnh trước ngày 30/12/2020"
    )
    check(text, FRI, K.DATE, date(2020, 12, 25))
    check("Đề nghị các đơn vị báo cáo trước ngày 10/12/2020 và trước ngày 20/12/2020", FRI, K.DATE,
          date(2020, 12, 20))  # fmt: skip


def test_a_future_event_day_is_the_day_to_be_ready_by() -> None:
    text = "Tập trung chuẩn bị kỳ họp thứ 7, dự kiến tổ chức vào ngày 26/12/2020, đảm bảo chất lượng"
    check(text, FRI, K.DATE, date(2020, 12, 26))
    check("tổ chức hội nghị vào ngày 15/12/2020 tại hội trường", FRI, K.DATE, date(2020, 12, 15))
    check("tổ chức ra quân vào sáng Chủ nhật, ngày 20/12/2020", FRI, K.DATE, date(2020, 12, 20))


def test_a_stated_deadline_already_past_is_kept_so_it_can_be_refused() -> None:
    check("xong trước ngày 15/12/2019", FRI, K.DATE, date(2019, 12, 15))


def test_a_future_deadline_beats_a_past_one() -> None:
    check("xong trước ngày 15/11/2020, báo cáo trước ngày 20/12/2020", FRI, K.DATE, date(2020, 12, 20))


# --- phrase, span, all ------------------------------------------------------------------------


def test_phrase_and_span_index_the_original_text() -> None:
    text = "Kiểm soát, đôn đốc các bộ phận khắc phục các tồn tại xong trước ngày 15/12/2020."
    got = parse_deadline(text, FRI)
    assert got.phrase == "xong trước ngày 15/12/2020"
    assert got.span is not None and text[got.span[0] : got.span[1]] == got.phrase


def test_span_indexes_the_nfc_text_when_input_is_decomposed() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Hoàn thành trong tháng 4/2018.")
    got = parse_deadline(text, date(2018, 4, 13))
    nfc_text = unicodedata.normalize("NFC", text)
    assert got.span is not None and nfc_text[got.span[0] : got.span[1]] == "Hoàn thành trong tháng 4/2018"


def test_find_deadlines_lists_every_phrase_in_order() -> None:
    text = "khắc phục ngay các tồn tại trong tháng 12; định kỳ hàng quý báo cáo"
    found = find_deadlines(text, FRI)
    assert [(d.kind, d.phrase) for d in found] == [
        (K.IMMEDIATE, "ngay"),
        (K.MONTH, "trong tháng 12"),
        (K.RECURRING, "định kỳ hàng quý"),
    ]
    assert parse_deadline(text, FRI).kind is K.MONTH


@pytest.mark.parametrize(
    "text",
    [
        "Kiểm soát, đôn đốc các bộ phận khắc phục các tồn tại xong trước ngày 15/12/2020.",
        "Duy trì mỗi tháng đăng tải một bài chuyên sâu về gương người tốt.",
        "Tập trung khắc phục ngay những tồn tại sau đánh giá tháng 2 năm 2020.",
        "Hoàn thành trước Tết Nguyên đán; trong quý I/2021 tổng kết.",
    ],
)
def test_folded_text_gives_the_same_deadline(text: str) -> None:
    a, b = parse_deadline(text, FRI), parse_deadline(fold(text), FRI)
    assert (a.kind, a.due, a.cadence, a.span) == (b.kind, b.due, b.cadence, b.span)


def test_fast_fold_is_fold() -> None:
    texts = ("Xong TRƯỚC ngày 15/12  ", "Đồng chí Lưu Ngọc Tiến-PCT", "İstanbul ẞ Ǆ", "a\tb\nc", "\x00Ấ\x01 – “Tết”")
    for text in texts:
        assert fast_fold(text) == fold(text)


# fast_fold reads text in a one-byte code of Vietnamese letters and marks, and word by word when a
# character is outside it: both ways must be textnorm.fold().
_FOLD_ALPHABET = st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ ,.;:/-()0123456789\t\n\x00\x01\x1f")
    + list("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵẤẦỮỲ–—“”‘’…•\u00a0°×ΣσİßǄ→\u0301")
)


@settings(max_examples=300, derandomize=True)
@given(st.text(_FOLD_ALPHABET, max_size=40))
def test_fast_fold_is_fold_on_any_text(text: str) -> None:
    text = nfc(text)
    assert fast_fold(text) == fold(text)


# --- impossible dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("/giao @an báo cáo trước ngày 31/02", "31/02"),
        ("xong truoc ngay 30/2/2021", "30/2/2021"),
        ("hạn ngày 31 tháng 4", "31 tháng 4"),
        ("hạn 29/2/2021", "29/2/2021"),  # 2021 is no leap year
        ("trước ngày 15/13", "15/13"),
        ("hạn 31-04-2021", "31-04-2021"),
    ],
)
def test_an_impossible_date_is_reported_and_is_no_deadline(text: str, phrase: str) -> None:
    assert find_invalid_date(text) == phrase
    assert parse_deadline(text, FRI).kind is K.NONE


def test_a_leap_day_without_year_is_checked_in_the_year_it_falls() -> None:
    assert find_invalid_date("hạn 29/2", date(2025, 1, 10)) == "29/2"
    assert find_invalid_date("hạn 29/2", date(2028, 1, 10)) is None


@pytest.mark.parametrize(
    "text",
    [
        "trước ngày 15/12",
        "giảm 1/2 số hồ sơ",
        "Nghị định 34/2016/NĐ-CP",
        "tỷ lệ 31/2 xã",
        "lúc 17.30",
        "phấn đấu hoàn thành 18/20 chỉ tiêu",  # a score
    ],
)
def test_possible_dates_and_non_dates_are_not_reported(text: str) -> None:
    assert find_invalid_date(text) is None


# --- context (lead-ins of an imported conclusion) ---------------------------------------------


def test_a_lead_in_period_governs_its_list_items() -> None:
    lead_in = "Quý II/2021 tập trung thực hiện một số nội dung như sau: 1. Đối với HĐND phường"
    got = deadline_in_context("+ Tổ chức hội nghị tiếp xúc cử tri", date(2021, 4, 2), lead_in)
    assert (got.kind, got.due, got.span) == (K.QUARTER, date(2021, 6, 30), None)


def test_a_sibling_item_does_not_govern() -> None:
    lead_in = "2. Thời gian lấy ý kiến: từ ngày 17/3/2025 đến ngày 05/4/2025. 3. Giao:"
    got = deadline_in_context("- UBND các xã tổ chức lấy ý kiến", date(2025, 3, 14), lead_in)
    assert got.kind is K.NONE


def test_a_sibling_item_s_deadline_does_not_pass_to_the_next_item() -> None:
    lead_in = "Quý II/2021 tập trung thực hiện: - Tổ chức hội nghị tiếp xúc cử tri trước ngày 15/4/2021;"
    got = deadline_in_context("- Thực hiện 2 cuộc giám sát", date(2021, 4, 2), lead_in)
    assert (got.kind, got.due) == (K.QUARTER, date(2021, 6, 30))


def test_a_closing_sentence_of_the_paragraph_governs() -> None:
    paragraph = "Giao Văn phòng rà soát máy tính bảng. Lập biên bản giao nhận. Hoàn thành trong tháng 4/2018."
    got = deadline_in_context("Giao Văn phòng rà soát máy tính bảng.", date(2018, 4, 13), paragraph)
    assert (got.kind, got.due) == (K.MONTH, date(2018, 4, 30))


def test_the_text_s_own_deadline_wins_over_the_context() -> None:
    got = deadline_in_context("báo cáo trước ngày 20/4/2021", date(2021, 4, 2), "Quý II/2021 tập trung:")
    assert (got.kind, got.due) == (K.DATE, date(2021, 4, 20))


def test_a_window_named_above_ends_where_the_context_says() -> None:
    context = "2. Thời gian lấy ý kiến: từ ngày 17/3/2025 đến ngày 05/4/2025. 3. Giao:"
    text = "Trong thời gian lấy ý kiến nêu trên, các cơ quan gửi ý kiến về UBND huyện."
    got = deadline_in_context(text, date(2025, 3, 14), context)
    assert (got.kind, got.due) == (K.RELATIVE, date(2025, 4, 5))
    assert parse_deadline(text, date(2025, 3, 14)).due is None  # alone, the window is unknown


def test_a_month_past_the_end_of_the_calendar_is_no_deadline_not_a_crash() -> None:
    # Hostile input (found by hypothesis): "tháng sau" read on 31/12/9999 would be January 10000.
    last = date(9999, 12, 31)
    for text in ("THANG SAU", "hoàn thành trong tháng tới", "tháng 1 năm sau"):
        assert parse_deadline(text, last).due is None
    assert parse_deadline("trong tháng 12", last).due == last


def test_any_deadline_past_the_end_of_the_calendar_is_no_deadline_not_a_crash() -> None:
    for today in (date(9999, 12, 25), date(9999, 12, 31)):
        for text in ("quý sau", "năm sau", "tuần tới", "trong 10 ngày làm việc", "ngày mai", "quý I năm sau"):
            parse_deadline(text, today)  # no exception


def test_text_in_the_fold_code_is_already_nfc() -> None:
    """deadlines._scan skips NFC for a text the fold's one-byte code encodes: every character of the
    code is NFC on its own and next to any other."""
    import codecs
    import unicodedata

    from domain.understand import deadlines

    code = []
    for cp in range(0x2400):
        try:
            codecs.charmap_encode(chr(cp), "strict", deadlines._FOLD_CODE)
        except UnicodeError:
            continue
        code.append(chr(cp))
    assert len(code) == 256
    assert all(unicodedata.normalize("NFC", a + b) == a + b for a in code for b in code)
