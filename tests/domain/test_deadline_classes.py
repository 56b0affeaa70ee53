# ruff: noqa: E501  (real-looking sentences are long)
"""Deadline rules written for kinds of sentences seen on unseen text (issue 11): each test is one
class of sentence, with several realistic sentences of that class written for the test (not copied
from the corpus); the rule's comment in domain/understand/deadline_grammar.py names the dev sentences.

Most cases are read on 10/1/2024 (Tết Giáp Thìn is 10/2/2024); those written for another day say so
(`case(..., today=APR16)`)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.types import DeadlineKind
from domain.understand.deadlines import NOTE_WEEKEND_WEEK, parse_deadline

JAN10 = date(2024, 1, 10)
APR16 = date(2021, 4, 16)
SAT, SUN, FRI, MON = date(2026, 12, 5), date(2026, 12, 6), date(2026, 12, 4), date(2026, 12, 7)


def reading(text: str, today: date = JAN10) -> str:
    d = parse_deadline(text, today)
    return f"{d.kind.value} {d.due or ''} {d.cadence.value if d.cadence else ''}".strip()


def case(text: str, expected: str, today: date = JAN10) -> object:
    """One sentence, what it reads as ("kind due cadence", the parts it has) on `today`."""
    return pytest.param(text, today, expected, id=text[:48])


CASE = ("text", "today", "expected")


# --- "trong tuần này" written on a weekend: the coming working week (SPEC; issue14 item 7) ---
@pytest.mark.parametrize("day", [SAT, SUN])
@pytest.mark.parametrize(
    "text",
    [
        "Các tổ dân phố nộp báo cáo trong tuần này.",
        "Văn phòng hoàn thành dự thảo kế hoạch trong tuần.",
        "Đề nghị Công an phường gửi danh sách trước cuối tuần này",
    ],
)
def test_this_week_on_a_weekend_is_the_coming_working_week(text: str, day: date) -> None:
    d = parse_deadline(text, day)
    assert (d.kind, d.due, d.note) == (DeadlineKind.RELATIVE, date(2026, 12, 11), NOTE_WEEKEND_WEEK)


@pytest.mark.parametrize(("day", "due"), [(FRI, FRI), (MON, date(2026, 12, 11))])
def test_this_week_on_a_working_day_is_this_week(day: date, due: date) -> None:
    d = parse_deadline("Các tổ dân phố nộp báo cáo trong tuần này.", day)
    assert (d.due, d.note) == (due, None)


def test_next_week_on_a_weekend_has_no_note() -> None:
    d = parse_deadline("Hoàn thành việc rà soát trong tuần sau.", SAT)
    assert (d.due, d.note) == (date(2026, 12, 11), None)


# --- a holiday named by its name is the occasion of the work (gifts, visits, decorations, "đón Tết",
# "trong dịp / nhân dịp <lễ>"); "trước Tết …" is a deadline ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Các xã chủ động làm tốt công tác vệ sinh môi trường, tạo điều kiện để Nhân dân đón Tết vui tươi, an toàn.",
            "none",
        ),
        case(
            "Hội Chữ thập đỏ phối hợp các đoàn thể tổ chức thăm, tặng quà Tết cho hộ nghèo, gia đình chính sách.",
            "none",
        ),
        case("Đề nghị các cơ quan chăm lo Tết cho công nhân, người lao động có hoàn cảnh khó khăn.", "none"),
        case("UBND phường chỉ đạo trang trí đường phố, treo cờ chào mừng Đảng, mừng Xuân, đón Tết Giáp Thìn.", "none"),
        case("Đảm bảo mọi người, mọi nhà đều có Tết.", "none"),
        case("Công an huyện đảm bảo an ninh trật tự trước, trong và sau Tết Nguyên đán.", "none"),
        case("Phòng Văn hóa tổ chức các hoạt động vui Tết Trung thu cho thiếu nhi trên địa bàn.", "none"),
        case("Sở Công Thương bình ổn giá cả thị trường, bảo đảm cung ứng hàng hóa phục vụ Tết.", "none"),
        case("Để đảm bảo an toàn trong dịp lễ Quốc khánh, Công an tỉnh tăng cường lực lượng trực gác.", "none"),
        case(
            "Các Công đoàn cơ sở tiết kiệm chi tiêu để hỗ trợ đời sống giáo viên trong dịp Tết Nguyên đán năm nay.",
            "none",
        ),
        case("UBND xã tổ chức thăm hỏi các gia đình chính sách nhân dịp Tết Nguyên đán.", "none"),
        case("Các đơn vị hoàn thành việc chi trả tiền lương trước Tết Nguyên đán.", "holiday 2024-02-09"),
        case("UBND các xã hoàn thành việc tặng quà cho các gia đình chính sách trước Tết.", "holiday 2024-02-09"),
        case("Giải ngân xong vốn hỗ trợ chậm nhất trước Tết Giáp Thìn.", "holiday 2024-02-09"),
        case("Các xã hoàn thành chi trả trợ cấp trước Tết.", "holiday 2024-02-09"),
    ],
)
def test_a_holiday_as_the_occasion_is_no_deadline_before_it_is(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a holiday named by its day ("dịp nghỉ lễ 30/4 - 1/5", "nhân dịp 2/9") is an occasion as one named by
# its name; a deadline word ("trước 30/4", "hoàn thành dịp 2/9") makes it the deadline ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Đội Quản lý thị trường tăng cường kiểm tra hàng hóa dịp nghỉ lễ 30/4 - 1/5.", "none"),
        case("Các xã bố trí lực lượng trực trong dịp 2/9, báo cáo tình hình về huyện.", "none"),
        case("Tổ chức thăm hỏi các gia đình chính sách nhân dịp 30/4.", "none"),
        case("Hoàn thành việc sửa chữa trụ sở trước 30/4.", "holiday 2024-04-29"),
        case("Các phường hoàn thành việc chỉnh trang đô thị trước dịp 2/9.", "holiday 2024-09-01"),
        case("Đội Quản lý thị trường kiểm tra hàng hóa dịp nghỉ lễ 30/4 - 1/5.", "none", APR16),
        case("Công an các phường bảo đảm an ninh trật tự trong dịp nghỉ lễ 2/9 và Tết Trung thu.", "none", APR16),
        case("Các trường tổ chức trực dịp nghỉ lễ 30/4 và Lễ giỗ Tổ Hùng Vương.", "none", APR16),
        case("Các xã hoàn thành việc sửa chữa trụ sở trước 30/4.", "holiday 2021-04-29", APR16),
        case("Ban quản lý phải thi công xong dịp 2/9.", "holiday 2021-09-01", APR16),
    ],
)
def test_a_holiday_named_by_its_day_is_an_occasion_unless_a_deadline_word_precedes(
    text: str, today: date, expected: str
) -> None:
    assert reading(text, today) == expected


# --- a period before the subject scopes the work; a plan's or programme's year in its title does not ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Năm 2024, UBND các xã tập trung hoàn thành tiêu chí nông thôn mới nâng cao.", "year 2024-12-31"),
        case("Trong năm 2024, các phòng, ban chuyên môn rà soát toàn bộ thủ tục hành chính.", "year 2024-12-31"),
        case("Tháng 01/2024, Văn phòng HĐND và UBND chủ trì tổ chức hội nghị tổng kết.", "month 2024-01-31"),
        case("Trong tháng 2, các trường học tổ chức kiểm tra cơ sở vật chất.", "month 2024-02-29"),
        case("Quý I/2024, Phòng Tài chính - Kế hoạch hoàn thành quyết toán vốn đầu tư.", "quarter 2024-03-31"),
        case("Triển khai thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2024 của huyện.", "none"),
        case("Các đơn vị xây dựng kế hoạch cải cách hành chính năm 2024 theo hướng dẫn.", "none"),
        case("Tổ chức thực hiện tốt Chương trình công tác năm 2024 của Ban Thường vụ.", "none"),
        case("Phòng Giáo dục triển khai nhiệm vụ năm học 2023-2024 theo kế hoạch.", "none"),
        case("Năm 2024, toàn huyện đã có 5 xã đạt chuẩn nông thôn mới nâng cao.", "none"),
        case("Tháng 12, các tổ dân phố rà soát, cập nhật danh sách hộ nghèo.", "month 2024-12-31"),
        case("Tháng 12, các tổ dân phố đã rà soát danh sách hộ nghèo.", "none"),
        case("Năm 2024 này, các trường phải hoàn thành kiểm định chất lượng giáo dục.", "year 2024-12-31"),
        case("Năm 2024 này, toàn huyện đã có 5 xã đạt chuẩn nông thôn mới.", "none"),
    ],
)
def test_a_period_heading_the_sentence_scopes_the_work_a_plans_year_does_not(
    text: str, today: date, expected: str
) -> None:
    assert reading(text, today) == expected


# --- a month deadline deep in a long sentence, after the dates of cited documents; a future month after "vào" ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Thực hiện Công văn số 123/UBND-KT ngày 05/3/2024 của UBND tỉnh về việc rà soát đất công, đề nghị UBND các xã, thị trấn kiểm tra, tổng hợp và báo cáo kết quả về UBND huyện (qua Phòng Tài nguyên và Môi trường) trong tháng 4/2024.",
            "month 2024-04-30",
        ),
        case(
            "Căn cứ Kế hoạch số 45/KH-UBND ngày 12/01/2024 và Thông báo số 16/TB-UBND ngày 20/01/2024, giao Phòng Nội vụ chủ trì, phối hợp các đơn vị liên quan tham mưu UBND huyện ban hành quyết định kiện toàn Ban chỉ đạo, hoàn thành trong tháng 3 năm 2024.",
            "month 2024-03-31",
        ),
        case(
            "Kiện toàn Ban chỉ đạo, kịp thời tham mưu cho UBND phường chỉ đạo các bộ phận chuyên môn hoàn thiện các tiêu chí chấm điểm vào tháng 11 sắp tới.",
            "month 2024-11-30",
        ),
        case(
            "Theo Quyết định số 1234/QĐ-UBND ngày 15/12/2023 của UBND tỉnh, các xã phải hoàn thành việc cấp giấy chứng nhận quyền sử dụng đất lần đầu chậm nhất trong tháng 6/2024.",
            "month 2024-06-30",
        ),
        case(
            "Trên cơ sở Nghị quyết số 10/NQ-HĐND ngày 08/12/2023, UBND các xã lập danh sách hộ nghèo, hộ cận nghèo, gửi Phòng Lao động - Thương binh và Xã hội thẩm định, xong trong tháng 5.",
            "month 2024-05-31",
        ),
        case("Tổ chức hội nghị sơ kết vào tháng 11 tới.", "month 2024-11-30"),
    ],
)
def test_a_month_deadline_after_cited_documents_dates(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "hàng tháng / quý / tuần / năm" naming the report, meeting or plan the work goes into (a noun phrase,
# often after a preposition) is no cadence; qualifying the action it is ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Hàng quý, các đơn vị báo cáo kết quả thực hiện về Văn phòng UBND huyện.", "recurring  quarterly"),
        case("Các xã báo cáo tiến độ hàng tháng về Ban chỉ đạo huyện.", "recurring  monthly"),
        case("Định kỳ hàng tháng, Phòng Y tế tổng hợp tình hình dịch bệnh báo cáo UBND huyện.", "recurring  monthly"),
        case("Các phòng chuyên môn báo cáo kết quả thực hiện về Văn phòng hàng tháng.", "recurring  monthly"),
        case("UBND các xã tổ chức kiểm tra hàng tuần các điểm tập kết rác thải.", "recurring  weekly"),
        case("Đề nghị Văn phòng đưa nội dung này vào báo cáo hàng tháng của UBND phường.", "none"),
        case("Các phòng, ban lồng ghép nội dung cải cách hành chính trong báo cáo hàng quý gửi UBND huyện.", "none"),
        case("Chuẩn bị nội dung để báo cáo tại cuộc họp giao ban hàng tuần của Thường trực Đảng ủy.", "none"),
        case("Văn phòng đưa kết quả thực hiện vào nội dung giao ban hàng tuần của Thường trực UBND.", "none"),
        case("Các phòng chuyên môn thực hiện theo kế hoạch hằng năm của UBND tỉnh.", "none"),
        case("Lồng ghép nhiệm vụ chuyển đổi số vào kế hoạch công tác hàng năm của đơn vị.", "none"),
        case("Báo cáo tình hình tại các cuộc họp giao ban hàng tháng của UBND huyện.", "none"),
    ],
)
def test_every_period_naming_a_report_or_meeting_is_no_cadence(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a day of every reporting period is recurring: standing reporting rules ("trước ngày 15 của tháng cuối
# quý báo cáo", "… của năm liền kề năm báo cáo") and days of every year ("ngày 01 tháng 3 hàng năm") ---
@pytest.mark.parametrize(
    CASE,
    [
        case("- Báo cáo quý gửi trước ngày 15 của tháng cuối quý báo cáo;", "recurring  quarterly", APR16),
        case("- Báo cáo năm gửi trước ngày 20/01 của năm liền kề năm báo cáo.", "recurring  yearly", APR16),
        case("- Báo cáo 9 tháng gửi trước ngày 05/10 của năm báo cáo.", "recurring  yearly", APR16),
        case("Chậm nhất ngày 25 của tháng báo cáo, các đơn vị gửi số liệu về Sở.", "recurring  monthly", APR16),
        case("Các xã nộp báo cáo trước ngày 20/01 của năm 2022.", "date 2022-01-20", APR16),
        case("Báo cáo 6 tháng đầu năm gửi trước ngày 10/07 của năm báo cáo.", "recurring  yearly"),
        case("Báo cáo năm gửi trước ngày 15/01 của năm liền kề năm báo cáo.", "recurring  yearly"),
        case(
            "Báo cáo công khai phân bổ dự toán năm, gửi Sở Tài chính trước ngày 01 tháng 3 năm hàng năm.",
            "recurring  yearly",
        ),
        case("Các đơn vị gửi báo cáo trước ngày 01 tháng 3 hàng năm.", "recurring  yearly"),
    ],
)
def test_a_day_of_every_reporting_period_is_recurring(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "ngay" (at once) before "toàn bộ"; "ngày càng" (increasingly) and "Ngày toàn dân" are neither ---
@pytest.mark.parametrize(
    CASE,
    [
        case("UBND các xã vận động nhân dân tiến hành cày ải ngay toàn bộ diện tích đất ruộng.", "immediate"),
        case("Chi cục Thú y tổ chức tiêm phòng ngay toàn bộ đàn gia súc trong vùng dịch.", "immediate"),
        case("Hưởng ứng Ngày toàn dân phòng cháy chữa cháy, các trường tổ chức tuyên truyền.", "none"),
        case("Đề nghị các chi bộ nỗ lực góp phần xây dựng phường ngày càng phát triển vững mạnh.", "none"),
        case("Các đơn vị nâng cao chất lượng phục vụ để người dân ngày càng hài lòng.", "none"),
    ],
)
def test_ngay_at_once_vs_ngay_day(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a count before "ngày" ("(một) số ngày", "(10 ngày trước …)", "Số ngày") counts days: not "ngay" (at once) ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Các xã theo dõi diễn biến mưa lớn có thể xảy ra trong một số ngày tới để chủ động ứng phó.", "none"),
        case("Sở Nội vụ rà soát, cắt giảm số ngày giải quyết thủ tục hành chính.", "none"),
        case("Các xã khắc phục ngay các điểm sạt lở trên tuyến đường.", "immediate"),
        case(
            "Danh sách phải được niêm yết chậm nhất đến ngày 05/01/2024 (30 ngày trước ngày bầu cử).", "date 2024-01-05"
        ),
        case(
            "Hồ sơ phải nộp chậm nhất đến ngày 10/4/2021 (10 ngày trước ngày khai giảng), đồng thời niêm yết công khai.",
            "date 2021-04-10",
            APR16,
        ),
        case("Các xã đề phòng mưa lớn kéo dài trong một số ngày tới.", "none", APR16),
        case("Số ngày nghỉ phép được tính theo quy định.", "none", APR16),
        case("Đề nghị các đơn vị khắc phục ngay (nếu có sai sót).", "immediate", APR16),
    ],
)
def test_a_counted_day_is_no_at_once(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "từ đầu năm (học) đến ngày X": the period the figures cover, not a deadline; a window "từ ngày A đến ngày B" is ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Bộ GD&ĐT đề nghị các sở báo cáo nhanh tình hình biến động sĩ số học sinh thời điểm từ đầu năm học đến ngày 15/10.",
            "none",
        ),
        case("Các xã tổng hợp số liệu thu ngân sách từ đầu năm đến ngày 30/9 gửi Phòng Tài chính.", "none"),
        case("Các trường tổ chức kiểm tra cơ sở vật chất từ ngày 01/3 đến ngày 15/3.", "date 2024-03-15"),
        case(
            "Các đơn vị báo cáo kết quả thực hiện từ đầu năm đến nay, gửi về Văn phòng trước ngày 31/01/2024.",
            "date 2024-01-31",
        ),
    ],
)
def test_a_running_total_from_the_start_of_a_period_is_no_deadline(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "tuần trước / tuần qua": a past week dates an event, it sets no deadline ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Tại Hội nghị gặp gỡ doanh nghiệp vào cuối tuần trước, Chủ tịch UBND đề nghị Tổ công tác theo dõi các sở.",
            "none",
        ),
        case("Tại buổi làm việc tuần qua, Giám đốc Sở yêu cầu các phòng rà soát hồ sơ.", "none"),
        case("Các đơn vị nộp báo cáo trong tuần này.", "relative 2024-01-12"),
    ],
)
def test_a_past_week_dates_an_event(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "trả lời trong kỳ họp tiếp theo", "báo cáo tại phiên họp thường kỳ tới": an undatable deadline ---
@pytest.mark.parametrize(
    CASE,
    [
        case("UBND phường chỉ đạo các bộ phận chuyên môn rà soát và trả lời trong kỳ họp tiếp theo.", "relative"),
        case("Phòng Tài nguyên và Môi trường báo cáo kết quả tại phiên họp thường kỳ tới của UBND huyện.", "relative"),
        case("Các đơn vị báo cáo tiến độ tại cuộc họp giao ban lần sau.", "relative"),
    ],
)
def test_the_next_meeting_is_an_event_anchor(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "kết quả đạt được trong năm X" reports; "vào ... ngày X" written on day X is that day; a narrative time stamp is not ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Đồng chí Bí thư đã đánh giá những kết quả đạt được trong năm 2023 và yêu cầu các chi bộ triển khai nhiệm vụ.",
            "none",
        ),
        case("Phát huy những kết quả đạt được trong năm 2024, các chi bộ tiếp tục triển khai nhiệm vụ.", "none"),
        case("Các cơ quan tiến hành dọn dẹp vệ sinh vào lúc 16h chiều ngày 10/01.", "date 2024-01-10"),
        case("Ngày 10/01, UBND huyện tổ chức hội nghị tổng kết.", "none"),
    ],
)
def test_results_achieved_in_a_period_are_a_report(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a weekday's name between the trigger words and the day: "trước thứ Sáu ngày 15/12" ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Các cơ quan dọn dẹp vệ sinh vào lúc 16h chiều thứ bảy ngày 27/12.", "date 2014-12-27", date(2014, 12, 27)
        ),
        case("Gửi báo cáo về Văn phòng trước thứ Sáu ngày 15/12/2023.", "date 2023-12-15", date(2023, 12, 1)),
        case("Nộp hồ sơ chậm nhất chủ nhật ngày 17/12.", "date 2023-12-17", date(2023, 12, 1)),
    ],
)
def test_a_weekday_name_between_trigger_and_day(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a quoted campaign name ("Ngày Chủ nhật xanh", "Tết trồng cây") and "(các) ngày Tết" as the days reported on hold no deadline ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            'Tiếp tục thực hiện có hiệu quả "Ngày Chủ nhật xanh"; nỗ lực phấn đấu hoàn thành xuất sắc nhiệm vụ được giao.',
            "none",
        ),
        case("Đoàn Thanh niên tổ chức hưởng ứng “Tháng hành động vì môi trường” tại các khu dân cư.", "none"),
        case("Các xã phát động Tết trồng cây đời đời nhớ ơn Bác Hồ.", "none"),
        case("Văn phòng UBND tỉnh tổng hợp, báo cáo tình hình trong các ngày Tết gửi Thường trực Tỉnh ủy.", "none"),
        case("Các hộ gia đình treo cờ Tổ quốc vào ngày Quốc khánh.", "none"),
        case("Hoàn thành sửa chữa nhà văn hóa trước ngày Quốc khánh.", "holiday 2024-09-01"),
    ],
)
def test_a_quoted_campaign_name_holds_no_time(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "Trong tháng 4 và quý 2 năm 2024": the trigger covers both; the later end governs ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Trong tháng 4 và quý 2 năm 2024, các phòng ban tập trung giải quyết hồ sơ tồn đọng.", "quarter 2024-06-30"
        ),
        case("Trong tháng 4 và tháng 5/2024, các xã hoàn thành kê khai.", "month 2024-05-31"),
    ],
)
def test_a_trigger_covers_the_periods_coordinated_after_it(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a full year after mixed separators ("28.6-2024") ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Thời gian các trường nhận hồ sơ của học sinh trúng tuyển từ ngày 26 đến ngày 28.6-2024.", "date 2024-06-28"
        ),
        case("Các đơn vị gửi báo cáo trước ngày 15.3-2024.", "date 2024-03-15"),
        case("Các đơn vị gửi báo cáo trước ngày 15/3/2024.", "date 2024-03-15"),
        case("Tỷ lệ đạt 28.6 phần trăm trong năm 2023.", "none"),
    ],
)
def test_dates_with_mixed_separators(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a window "từ (ngày) A - B" written with a dash for "đến": due B, as "từ ngày A đến ngày B" ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Các trường tổ chức kiểm tra cơ sở vật chất từ 04-08/3/2024.", "date 2024-03-08"),
        case("Thời gian nhận hồ sơ: từ ngày 15 - 25/01/2024 tại Bộ phận một cửa.", "date 2024-01-25"),
        case("Tổ chức lấy ý kiến nhân dân về dự thảo từ 20/01/2024 – 20/02/2024.", "date 2024-02-20"),
        case("Các tổ dân phố ra quân tổng vệ sinh từ ngày 20/01 - 05/02/2024.", "date 2024-02-05"),
        case("Các xã tổ chức tiêm phòng đợt 1 từ ngày 15/3 đến ngày 15/4/2024.", "date 2024-04-15"),
        case("Từ 01 - 05/01/2024, UBND huyện đã kiểm tra 12 cơ sở.", "none"),
        case("Giai đoạn 2021 - 2025, các xã tập trung xây dựng nông thôn mới.", "none"),
    ],
)
def test_a_window_written_with_a_dash_ends_on_its_last_day(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- the day a measure takes effect ("kể từ ngày X", "từ chiều X") when nothing else is due; a window is its end's ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Các trường cho học sinh nghỉ học kể từ ngày 20/4/2021.", "date 2021-04-20", APR16),
        case("Thời gian áp dụng kể từ 0 giờ ngày 18/4/2021 cho đến khi có thông báo mới.", "date 2021-04-18", APR16),
        case("Từ sáng 19/4, các chốt kiểm soát dịch bệnh hoạt động trở lại.", "date 2021-04-19", APR16),
        case("Các tổ công tác trực từ ngày 20/4 đến ngày 25/4.", "date 2021-04-25", APR16),
        case("Kể từ ngày 1/3/2021, phường đã tiếp nhận 120 hồ sơ.", "none", APR16),
        case("Kể từ ngày 1/5/2021 đến khi có thông báo mới, tạm dừng các lễ hội.", "date 2021-05-01", APR16),
        case("Từ ngày 20/4/2021 cho đến nay, các xã đã tiếp nhận 50 hồ sơ.", "none", APR16),
        case("Kiểm tra việc chấp hành tính từ ngày 20/4/2021.", "none", APR16),
        case("Hoàn thành việc lắp đặt trước ngày 30/4/2021 để vận hành từ ngày 1/5/2021.", "date 2021-04-30", APR16),
    ],
)
def test_the_day_a_measure_takes_effect(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a part of the day between the trigger and the day: "ngay trong đêm 20/01", "vào trưa ngày 15/01", "từ chiều 18/4" ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Lực lượng cứu hộ khẩn trương tiếp cận các hộ bị cô lập ngay trong đêm 12/01.", "date 2024-01-12"),
        case("Các đơn vị hoàn thành việc di dời dân ra khỏi vùng nguy hiểm trước trưa ngày 15/01.", "date 2024-01-15"),
        case("Ban Chỉ huy tổ chức ứng trực tại trụ sở vào đêm 20/01/2024.", "date 2024-01-20"),
        case("Đêm 05/01, lực lượng chức năng đã bắt giữ 3 đối tượng.", "none"),
        case("Lực lượng cứu hộ tiếp cận ngay trong đêm 18/4 các khu vực bị chia cắt.", "date 2021-04-18", APR16),
        case("Các xã báo cáo số liệu trước trưa 19/4.", "date 2021-04-19", APR16),
    ],
)
def test_a_part_of_the_day_before_the_day(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- the period of a weather forecast is the weather's, not the work's ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Các xã chủ động ứng phó với mưa lớn, sạt lở đất dự báo có khả năng xảy ra từ ngày 12/01 đến đêm 14/01.",
            "none",
        ),
        case("Theo dự báo, các xã hoàn thành di dời dân khỏi vùng sạt lở trước 17 giờ ngày 12/01.", "date 2024-01-12"),
        case(
            "Các địa phương chủ động ứng phó với mưa lớn dự báo có khả năng xảy ra từ ngày 20/4 đến đêm 22/4.",
            "none",
            APR16,
        ),
        case("Các hồ chứa tích nước để chủ động trước dự báo tình hình khô, hạn trong năm 2022.", "none", APR16),
        case("Trung tâm Khí tượng gửi bản tin dự báo trước ngày 20/4.", "date 2021-04-20", APR16),
    ],
)
def test_a_forecast_period_is_no_deadline(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "trong thời gian <việc>" is a while, unless it points back to a period defined before ("nêu trên") ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Trong thời gian nghỉ hè, các trường bố trí lực lượng bảo vệ trực 24/24.", "none"),
        case("Trong thời gian diễn ra Đại hội: Công an phường đảm bảo an ninh trật tự khu vực hội trường.", "none"),
        case("Các hộ kinh doanh không tập kết vật liệu trên vỉa hè trong thời gian thi công.", "none"),
        case("Trong thời gian lấy ý kiến nêu trên, các phòng nghiên cứu góp ý dự thảo.", "relative"),
    ],
)
def test_a_while_is_no_deadline_unless_it_points_back(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a time allowed in hours, or "about N days": durations too ("trong vòng 48 giờ", "trong vòng khoảng 07 ngày") ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Nhà thầu khắc phục sự cố rò rỉ nước trong vòng 48 giờ.", "relative 2024-01-12"),
        case("Cơ sở y tế báo cáo ca bệnh về Trung tâm Kiểm soát bệnh tật trong 24 giờ.", "relative 2024-01-11"),
        case("Đơn vị thi công hoàn trả mặt bằng trong khoảng 05 ngày.", "relative 2024-01-15"),
        case("Sơ tán người dân đến nơi an toàn trước 17 giờ ngày 12/01.", "date 2024-01-12"),
        case("Bộ phận một cửa tiếp nhận hồ sơ trong 8 giờ hành chính.", "none"),
        case("Tuần tra kiểm soát từ 22 giờ đến 5 giờ sáng hôm sau.", "none"),
    ],
)
def test_a_time_allowed_in_hours_or_about_n_days(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a count written in words and then in digits in brackets: "không quá mười (10) ngày làm việc" ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Trong thời hạn không quá mười lăm (15) ngày, cơ quan tiếp nhận phải trả lời bằng văn bản.",
            "relative 2024-01-25",
        ),
        case("Chủ đầu tư nộp hồ sơ trong vòng ba mươi (30) ngày kể từ ngày 10/01/2024.", "relative 2024-02-09"),
        case("UBND xã hỗ trợ mười (10) hộ nghèo sửa chữa nhà ở.", "none"),
        case(
            "Trong thời hạn không quá mười lăm (15) ngày, chủ đầu tư báo cáo Sở Xây dựng.", "relative 2021-05-01", APR16
        ),
        case(
            "Trong thời hạn bảy (07) ngày kể từ ngày nhận đơn, UBND xã trả lời công dân.", "relative 2021-04-23", APR16
        ),
        case("Đơn vị thi công sửa chữa khoảng 300 mét đường (10 ngày trước đã khảo sát).", "none", APR16),
    ],
)
def test_a_count_in_words_then_in_digits(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "trong N tháng còn lại (của năm)": the months left of the year, due at its end ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Các xã tập trung hoàn thành các chỉ tiêu trong hai tháng còn lại.",
            "relative 2024-12-31",
            date(2024, 10, 28),
        ),
        case("Phấn đấu giải ngân hết vốn trong 3 tháng còn lại của năm.", "relative 2024-12-31", date(2024, 9, 30)),
        case("Các phòng hoàn thành kế hoạch trong 2 tháng tới.", "relative 2024-12-28", date(2024, 10, 28)),
    ],
)
def test_the_months_left_of_the_year(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a giao ban's section on the work of a period scopes its tasks: "Về công tác tháng 7/2024, …", "… trọng tâm tháng 8 như sau:" ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Về công tác tháng 02/2024, đồng chí Chủ tịch yêu cầu các phòng tập trung giải quyết hồ sơ tồn đọng.",
            "month 2024-02-29",
        ),
        case("Chủ tịch UBND phường chỉ đạo một số nội dung trọng tâm tháng 02/2024 như sau:", "month 2024-02-29"),
        case("Nhiệm vụ trọng tâm tháng 3:", "month 2024-03-31"),
        case("Về nhiệm vụ quý I/2024, Giám đốc Sở yêu cầu các phòng bám sát kế hoạch.", "quarter 2024-03-31"),
        case("Các phòng báo cáo kết quả công tác tháng 02/2024 về Văn phòng.", "none"),
        case("Xây dựng chương trình công tác tháng 02/2024 của UBND huyện.", "none"),
        case("Về công tác tháng 01/2024, các đơn vị đã hoàn thành 95% kế hoạch.", "none"),
    ],
)
def test_the_work_of_a_period_heading_a_section(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "ngay sau khi / trước khi <event>" is an event anchor even when the event is a holiday ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Cán bộ, công chức trở lại làm việc ngay sau khi kết thúc kỳ nghỉ Tết Nguyên đán.", "relative"),
        case("Các hộ kinh doanh hoàn thành sửa chữa mái che trước khi nghỉ Tết.", "relative"),
        case("Các trường kiểm tra cơ sở vật chất ngay sau khi kết thúc đợt nghỉ lễ Quốc khánh.", "relative"),
        case(
            "Ngay sau khi báo đăng bài “Ngang nhiên lấn chiếm vỉa hè”, ngày 10/01, UBND quận có văn bản chỉ đạo.",
            "none",
        ),
    ],
)
def test_an_event_anchor_may_name_a_holiday(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a time line: a line opening with "Thời gian <việc> …" dates the work on its day, comma after the day
# or not; one opening with a deadline label ("Hạn cuối nhận hồ sơ: …", "Thời hạn nộp …") sets the deadline.
# At the text's start or after a sentence break, behind a list marker; "Thời gian qua / tới" opens no
# label, and a narrative stamp outside such a line stays a narrative ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Thời gian tổ chức hội nghị tiếp xúc cử tri tại các phường ngày 20/01/2024, bắt đầu từ 8 giờ sáng.",
            "date 2024-01-20",
        ),
        case("Thời gian kiểm tra tại các xã, thị trấn ngày 25/01/2024, kết thúc trong ngày.", "date 2024-01-25"),
        case("Ngày 20/01/2024, UBND huyện tổ chức hội nghị tiếp xúc cử tri.", "none"),
        case("Thời gian qua, ngày 05/01/2024, các xã đã ra quân dọn vệ sinh.", "none"),
        case(
            "Thời gian tổ chức hội thi tại nhà văn hóa các khu phố ngày 25/4/2021, bắt đầu từ 7 giờ 30.",
            "date 2021-04-25",
            APR16,
        ),
        case("- Thời gian thực hiện: ngày 28/4/2021, tại hội trường UBND phường.", "date 2021-04-28", APR16),
        case("Ngày 25/4/2021, UBND phường đã tổ chức hội thi.", "none", APR16),
        case("Hạn cuối nhận hồ sơ đăng ký: 30/6/2021.", "date 2021-06-30", APR16),
        case("- Hạn nộp bài dự thi: ngày 10/5/2021.", "date 2021-05-10", APR16),
        # the same line further into the text, after a sentence break or behind a letter marker, with an
        # activity of any name
        case(
            "Phường tổ chức tập huấn cho cán bộ khu phố. Thời gian tập huấn tại hội trường phường ngày 22/01/2024, từ 8 giờ.",
            "date 2024-01-22",
        ),
        case(
            "Các hộ dân đăng ký tại tổ dân phố; thời gian nhận hồ sơ tại nhà văn hóa khu phố ngày 18/01/2024, từ 7 giờ 30.",
            "date 2024-01-18",
        ),
        case(
            "b) Thời gian ra quân tổng vệ sinh tại các tuyến phố chính ngày 27/01/2024, từ 6 giờ 30.", "date 2024-01-27"
        ),
        case(
            "Các đơn vị đăng ký tham gia hội thao; hạn chót gửi danh sách: ngày 19/01/2024, qua Văn phòng.",
            "date 2024-01-19",
        ),
        # the line ends at the next sentence break: a stamp in the sentence after it is a narrative again
        case(
            "Thời gian tập huấn: cả ngày 15/01/2024. Ngày 20/01/2024, UBND phường đã kiểm tra công tác chuẩn bị.",
            "date 2024-01-15",
        ),
        case("Thời gian tới, ngày 20/01/2024, UBND phường làm việc với các khu phố.", "none"),
    ],
)
def test_a_time_line_dates_its_activity_and_a_deadline_label_sets_the_deadline(
    text: str, today: date, expected: str
) -> None:
    assert reading(text, today) == expected


# --- a clause-opening day stamp followed by an obligation ("Ngày X, Y phải …") sets that day; followed by a
# report ("đã", "cho biết", "có văn bản") it is a narrative ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Ngày 15/5, các trường phải hoàn thành việc bàn giao sổ điểm.", "date 2021-05-15", APR16),
        case("Ngày 20/4, các xã có trách nhiệm gửi danh sách về huyện.", "date 2021-04-20", APR16),
        case("Ngày 20/4, Sở Y tế cho biết các bệnh viện cần tăng cường phòng dịch.", "none", APR16),
        case("Ngày 20/4/2021, UBND huyện đã ban hành văn bản yêu cầu các xã phải rà soát.", "none", APR16),
        case("Ngày 25/4, Sở GD&ĐT có văn bản yêu cầu các trường cần dạy học trực tuyến.", "none", APR16),
    ],
)
def test_a_day_stamp_followed_by_an_obligation_sets_that_day(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a reported earlier instruction ("Trước đó, ngày X, … đã có văn bản …"): its year-less days count from X ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Trước đó, ngày 2/3, UBND huyện đã có văn bản yêu cầu các xã báo cáo trước ngày 30/3.",
            "date 2021-03-30",
            APR16,
        ),
        case(
            "Trước kiến nghị này, ngày 5/4, Sở Y tế đã có công văn đề nghị các bệnh viện rà soát trước ngày 10/4.",
            "date 2021-04-10",
            APR16,
        ),
        case(
            "Ngày 20/12, UBND tỉnh đã ban hành văn bản giao Sở Tài chính hoàn thành trước ngày 15/1.",
            "date 2021-01-15",
            date(2021, 1, 5),
        ),
        case("Các xã báo cáo UBND huyện trước ngày 30/3.", "date 2022-03-30", APR16),
    ],
)
def test_a_reported_instruction_counts_from_its_day(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a response set for when something happens ("khi xảy ra sự cố phải … ngay") is no deadline ---
@pytest.mark.parametrize(
    CASE,
    [
        case(
            "Các xã bố trí lực lượng thường trực; khi xảy ra sạt lở phải sơ tán ngay người dân ra khỏi khu vực nguy hiểm.",
            "none",
            APR16,
        ),
        case("Trạm Y tế theo dõi chặt chẽ, khi phát hiện ca bệnh báo cáo ngay về Trung tâm Y tế huyện.", "none", APR16),
        case("Sau cuộc họp, các phòng triển khai ngay kế hoạch kiểm tra.", "immediate", APR16),
    ],
)
def test_a_contingent_response_is_no_deadline(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- round the clock ("24/24 giờ trong ngày") is how a duty runs, not a deadline; "trong ngày" alone is today ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Các chốt kiểm soát duy trì lực lượng trực 24/24 giờ trong ngày.", "none", APR16),
        case("Bảo đảm trực chỉ huy 24/24h trong ngày, kể cả thứ bảy, chủ nhật.", "none", APR16),
        case("Văn phòng tổng hợp báo cáo trong ngày.", "date 2021-04-16", APR16),
        case("Gửi danh sách trước 17 giờ trong ngày.", "date 2021-04-16", APR16),
    ],
)
def test_round_the_clock_is_no_deadline(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a target's horizon ("mục tiêu … năm 2025", "phấn đấu đến năm 2025") is no deadline; a target set
# within a year or by its end ("phấn đấu hoàn thành … trong năm 2021", "… vào cuối năm 2021") is ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Các chi bộ phấn đấu hoàn thành xuất sắc nhiệm vụ trong năm 2021.", "year 2021-12-31", APR16),
        case("Phấn đấu trong năm 2022, toàn huyện có thêm 3 xã đạt chuẩn nông thôn mới.", "year 2022-12-31", APR16),
        case(
            "Các xã phấn đấu đạt mục tiêu có ít nhất 50 km đường bê tông vào cuối năm 2021.", "year 2021-12-31", APR16
        ),
        case("Các xã phấn đấu đến năm 2025 có 100% thôn đạt chuẩn.", "none", APR16),
        case("Huyện xác định mục tiêu hoàn thành các chỉ tiêu năm 2022.", "none", APR16),
        case("Tập trung thực hiện các mục tiêu định hướng phát triển năm 2030.", "none", APR16),
    ],
)
def test_a_target_within_a_year_is_a_deadline_its_horizon_is_not(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- a comma between a time of day and its day ("trước 14 giờ, ngày 12/5") is part of the time: the
# trigger before the time governs the day, as without the comma ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Các phòng gửi báo cáo về Văn phòng trước 16 giờ, ngày 16/4/2021.", "date 2021-04-16", APR16),
        case("Các xã gửi danh sách trước 9h30, ngày 20/4/2021.", "date 2021-04-20", APR16),
        case(
            "Các chợ tạm dừng hoạt động từ 0 giờ, ngày 16/4/2021 cho đến khi có thông báo mới.",
            "date 2021-04-16",
            APR16,
        ),
        case("Thời gian áp dụng từ 12 giờ 30 phút, ngày 18/4/2021 đến ngày 25/4/2021.", "date 2021-04-25", APR16),
        case("Ngày 16/4/2021, lúc 9 giờ, ngày làm việc đầu tiên, UBND phường đã họp.", "none", APR16),
    ],
)
def test_a_comma_between_a_time_of_day_and_its_day(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- three months from the year's start or to its end are a quarter, six a half; other runs end with
# their last month or the year ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Các ngành tập trung thực hiện các nhiệm vụ trong 3 tháng cuối năm.", "quarter 2021-12-31", APR16),
        case("Phấn đấu giải ngân 40% vốn trong ba tháng cuối năm 2021.", "quarter 2021-12-31", APR16),
        case("Các xã hoàn thành kê khai trong 3 tháng đầu năm 2022.", "quarter 2022-03-31", APR16),
        case("Các trường hoàn thành kiểm định trong 6 tháng cuối năm.", "half 2021-12-31", APR16),
        case("Các xã hoàn thành 70% kế hoạch trong 9 tháng đầu năm 2022.", "month 2022-09-30", APR16),
    ],
)
def test_three_months_at_the_years_start_or_end_are_a_quarter(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- work done for an event is anchored to it: "kịp" + the event or season it must be ready for is a
# deadline we cannot date; a time inside "để kịp …" / "để chuẩn bị (cho) <event> …" is the event's, the
# work is anchored to it (relative, due by the event's time when known; `date` when a calendar day is written,
# deadline_round11); a deadline word keeps its date,
# "kịp thời" is urgency, "chưa kịp" / "theo kịp" no deadline ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Các xã nạo vét kênh mương nội đồng để kịp phục vụ gieo cấy vụ chiêm xuân.", "relative"),
        case("Ban quản lý dự án đẩy nhanh thi công nhà lớp học, đưa vào sử dụng kịp năm học mới.", "relative"),
        case("Các hợp tác xã chuẩn bị đủ giống, phân bón kịp cho sản xuất vụ mùa.", "relative"),
        case(
            "Phòng Nội vụ rà soát hồ sơ cán bộ để chuẩn bị cho đoàn kiểm tra của tỉnh về làm việc trong tháng 3 này.",
            "relative 2024-03-31",
        ),
        case(
            "Các khu phố niêm yết danh sách cử tri để chuẩn bị cho cuộc bầu cử được tổ chức vào ngày 24/02/2024.",
            "date 2024-02-24",  # the event's calendar day written: `date` (LABELLING.md session 8 decision 4)
        ),
        # a deadline word keeps the date; a holiday stays a holiday; urgency and "not yet" set nothing
        case("Các trường nộp hồ sơ để kịp báo cáo Sở trước ngày 20/01/2024.", "date 2024-01-20"),
        case("Các xã sửa chữa đường giao thông nông thôn kịp phục vụ Nhân dân đón Tết.", "holiday 2024-02-09"),
        case("Các đơn vị kịp thời xử lý các vi phạm về trật tự đô thị.", "none"),
        case("Một số hộ dân chưa kịp di dời tài sản ra khỏi vùng ngập.", "none"),
        case(
            "Phòng Văn hóa hoàn thành kế hoạch trong tháng 1 để chuẩn bị cho hội nghị tổng kết vào ngày 20/02/2024.",
            "month 2024-01-31",
        ),
    ],
)
def test_work_done_for_an_event_is_anchored_to_it(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "tỉnh" (province) and "tính" (count) fold alike: "UBND tỉnh đến ngày X" is the province's committee
# and then a deadline, "tính đến ngày X" an as-of day ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Ban Quản lý dự án báo cáo Chủ tịch UBND tỉnh đến ngày 25/01.", "date 2024-01-25"),
        case("Sở Tài chính tổng hợp, trình Ủy ban nhân dân tỉnh đến ngày 31/01/2024.", "date 2024-01-31"),
        case("Các huyện gửi kết quả rà soát về Công an tỉnh đến ngày 20/01 để tổng hợp.", "date 2024-01-20"),
        case("Các xã giải ngân vốn theo cam kết với UBND tỉnh đến ngày 31-01.", "date 2024-01-31"),
        case("Tính đến ngày 31/01/2024, toàn tỉnh có 120 hộ nghèo.", "none"),
        case("Số liệu tính đến ngày 15/01/2024 cho thấy tiến độ còn chậm.", "none"),
        case("Toàn tỉnh tính đến ngày 20/01/2024 đã giải ngân 90% kế hoạch vốn.", "none"),
    ],
)
def test_the_province_before_den_is_no_as_of_word(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "tối" (evening) folds to "tới" (until): a clause-opening "Tối <day>," stamps a narrative as "Chiều
# <day>," does; "Tới ngày <day>, … phải …" sets the day of an obligation ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Tối 12/01, UBND huyện có văn bản yêu cầu các xã cho học sinh nghỉ học ngày 15/01.", "date 2024-01-15"),
        case("Tối ngày 12/01, Ban Chỉ huy phòng chống thiên tai huyện có công điện khẩn gửi các xã.", "none"),
        case("Chiều 12/01, UBND huyện có văn bản yêu cầu các xã cho học sinh nghỉ học ngày 15/01.", "date 2024-01-15"),
        case("Tới ngày 20/01, các xã phải hoàn thành việc kê khai.", "date 2024-01-20"),
        case("Các xã hoàn thành việc kê khai tới ngày 20/01.", "date 2024-01-20"),
    ],
)
def test_an_evening_stamp_is_no_deadline(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "vào ngày X," followed by what someone did is a narrative time stamp; followed by the work, the
# work's day ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Trước đó vào ngày 15/01, Sở Tài chính ban hành văn bản hướng dẫn các huyện.", "none"),
        case(
            "Trước tình trạng chậm giải ngân, vào ngày 20/01, ông Trần Văn B, Giám đốc Sở đã có công văn gửi các chủ đầu tư.",
            "none",
        ),
        case("Sau đó vào ngày 18/01, UBND huyện vừa có công điện khẩn gửi các xã.", "none"),
        case("Hội nghị tổng kết dự kiến tổ chức vào ngày 26/01, các phòng chuẩn bị báo cáo tham luận.", "date 2024-01-26"),
        case("Các xã hoàn thành trang trí khánh tiết vào ngày 20/01, làm tốt công tác tuyên truyền.", "date 2024-01-20"),
        # an event anchor opening a report is a stamp too; opening an order it stays the deadline
        case("Ngay sau khi Nghị định có hiệu lực, Bộ Tài chính đã ban hành Thông tư hướng dẫn.", "none"),
        case("Trước khi nghỉ Tết, UBND huyện đã tổ chức kiểm tra các chợ.", "none"),
        case("Ngay sau khi nhận được văn bản này, các xã phải rà soát, báo cáo UBND huyện.", "relative"),
        case("Trước khi nghỉ Tết, các trường phải tổng vệ sinh lớp học.", "relative"),
    ],
)
def test_a_day_stamping_a_report_is_no_deadline(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected


# --- "điện tử" (electronic) folds to "dien tu": neither "tự trọng" before "trong" nor the "từ" that rejects a
# day (found in the sandbox by qa5's «cổng thông tin điện tử trong tháng 12»; no corpus sentence has it) ---
@pytest.mark.parametrize(
    CASE,
    [
        case("Văn phòng cập nhật cổng thông tin điện tử trong tháng 02/2024.", "month 2024-02-29"),
        case("Các xã số hóa hồ sơ điện tử trong quý I/2024.", "quarter 2024-03-31"),
        case("Sở Công Thương triển khai sàn thương mại điện tử trước ngày 20/01/2024.", "date 2024-01-20"),
        case("Cán bộ phải giữ lòng tự trọng trong năm 2024.", "year 2024-12-31"),
        case("Chú trọng năm 2024 phát triển chính phủ điện tử.", "none"),
    ],
)
def test_electronic_is_no_preposition(text: str, today: date, expected: str) -> None:
    assert reading(text, today) == expected
