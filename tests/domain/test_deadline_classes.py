# ruff: noqa: E501  (real sentences are long)
"""Deadline rules written for kinds of sentences seen on unseen text (issue 11): each group of
tests is one class of sentence, with several realistic sentences of that class."""

from __future__ import annotations

from datetime import date

import pytest

from domain.types import DeadlineKind
from domain.understand.deadlines import NOTE_WEEKEND_WEEK, parse_deadline

JAN10 = date(2024, 1, 10)  # Tết Giáp Thìn is 10/2/2024


def reading(text: str) -> str:
    d = parse_deadline(text, JAN10)
    return f"{d.kind.value} {d.due or ''}".strip()


SAT, SUN, FRI, MON = date(2026, 12, 5), date(2026, 12, 6), date(2026, 12, 4), date(2026, 12, 7)


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


# --- Tết: the occasion of the work (gifts, visits, decorations, "đón Tết") vs "trước Tết" ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Các xã chủ động làm tốt công tác vệ sinh môi trường, tạo điều kiện để Nhân dân đón Tết vui tươi, an toàn.",
            "none",
        ),
        ("Hội Chữ thập đỏ phối hợp các đoàn thể tổ chức thăm, tặng quà Tết cho hộ nghèo, gia đình chính sách.", "none"),
        ("Đề nghị các cơ quan chăm lo Tết cho công nhân, người lao động có hoàn cảnh khó khăn.", "none"),
        ("UBND phường chỉ đạo trang trí đường phố, treo cờ chào mừng Đảng, mừng Xuân, đón Tết Giáp Thìn.", "none"),
        ("Đảm bảo mọi người, mọi nhà đều có Tết.", "none"),
        ("Công an huyện đảm bảo an ninh trật tự trước, trong và sau Tết Nguyên đán.", "none"),
        ("Phòng Văn hóa tổ chức các hoạt động vui Tết Trung thu cho thiếu nhi trên địa bàn.", "none"),
        ("Sở Công Thương bình ổn giá cả thị trường, bảo đảm cung ứng hàng hóa phục vụ Tết.", "none"),
        ("Các đơn vị hoàn thành việc chi trả tiền lương trước Tết Nguyên đán.", "holiday 2024-02-09"),
        ("UBND các xã hoàn thành việc tặng quà cho các gia đình chính sách trước Tết.", "holiday 2024-02-09"),
        ("Giải ngân xong vốn hỗ trợ chậm nhất trước Tết Giáp Thìn.", "holiday 2024-02-09"),
    ],
)
def test_tet_as_occasion_is_no_deadline_and_before_tet_is(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- A period before the subject scopes the work; a plan's or programme's year in its title does not ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm 2024, UBND các xã tập trung hoàn thành tiêu chí nông thôn mới nâng cao.", "year 2024-12-31"),
        ("Trong năm 2024, các phòng, ban chuyên môn rà soát toàn bộ thủ tục hành chính.", "year 2024-12-31"),
        ("Tháng 01/2024, Văn phòng HĐND và UBND chủ trì tổ chức hội nghị tổng kết.", "month 2024-01-31"),
        ("Trong tháng 2, các trường học tổ chức kiểm tra cơ sở vật chất.", "month 2024-02-29"),
        ("Quý I/2024, Phòng Tài chính - Kế hoạch hoàn thành quyết toán vốn đầu tư.", "quarter 2024-03-31"),
        ("Triển khai thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2024 của huyện.", "none"),
        ("Các đơn vị xây dựng kế hoạch cải cách hành chính năm 2024 theo hướng dẫn.", "none"),
        ("Tổ chức thực hiện tốt Chương trình công tác năm 2024 của Ban Thường vụ.", "none"),
        ("Phòng Giáo dục triển khai nhiệm vụ năm học 2023-2024 theo kế hoạch.", "none"),
        ("Năm 2024, UBND các xã tập trung hoàn thành tiêu chí nông thôn mới nâng cao.", "year 2024-12-31"),
        ("Năm 2024, toàn huyện đã có 5 xã đạt chuẩn nông thôn mới nâng cao.", "none"),
        ("Tháng 12, các tổ dân phố rà soát, cập nhật danh sách hộ nghèo.", "month 2024-12-31"),
        ("Tháng 12, các tổ dân phố đã rà soát danh sách hộ nghèo.", "none"),
    ],
)
def test_a_period_heading_the_sentence_scopes_the_work_a_plans_year_does_not(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- A month deadline deep in a long sentence, after the dates of cited documents; a future month after "vào" ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thực hiện Công văn số 123/UBND-KT ngày 05/3/2024 của UBND tỉnh về việc rà soát đất công, đề nghị UBND các xã, thị trấn kiểm tra, tổng hợp và báo cáo kết quả về UBND huyện (qua Phòng Tài nguyên và Môi trường) trong tháng 4/2024.",
            "month 2024-04-30",
        ),
        (
            "Căn cứ Kế hoạch số 45/KH-UBND ngày 12/01/2024 và Thông báo số 16/TB-UBND ngày 20/01/2024, giao Phòng Nội vụ chủ trì, phối hợp các đơn vị liên quan tham mưu UBND huyện ban hành quyết định kiện toàn Ban chỉ đạo, hoàn thành trong tháng 3 năm 2024.",
            "month 2024-03-31",
        ),
        (
            "Kiện toàn Ban chỉ đạo, kịp thời tham mưu cho UBND phường chỉ đạo các bộ phận chuyên môn hoàn thiện các tiêu chí chấm điểm vào tháng 11 sắp tới.",
            "month 2024-11-30",
        ),
        (
            "Theo Quyết định số 1234/QĐ-UBND ngày 15/12/2023 của UBND tỉnh, các xã phải hoàn thành việc cấp giấy chứng nhận quyền sử dụng đất lần đầu chậm nhất trong tháng 6/2024.",
            "month 2024-06-30",
        ),
        (
            "Trên cơ sở Nghị quyết số 10/NQ-HĐND ngày 08/12/2023, UBND các xã lập danh sách hộ nghèo, hộ cận nghèo, gửi Phòng Lao động - Thương binh và Xã hội thẩm định, xong trong tháng 5.",
            "month 2024-05-31",
        ),
        ("Tổ chức hội nghị sơ kết vào tháng 11 tới.", "month 2024-11-30"),
    ],
)
def test_a_month_deadline_after_cited_documents_dates(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "hàng tháng/quý/tuần" naming the report or meeting the work goes into vs qualifying the action ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hàng quý, các đơn vị báo cáo kết quả thực hiện về Văn phòng UBND huyện.", "recurring"),
        ("Các xã báo cáo tiến độ hàng tháng về Ban chỉ đạo huyện.", "recurring"),
        ("Đề nghị Văn phòng đưa nội dung này vào báo cáo hàng tháng của UBND phường.", "none"),
        ("Các phòng, ban lồng ghép nội dung cải cách hành chính trong báo cáo hàng quý gửi UBND huyện.", "none"),
        ("Chuẩn bị nội dung để báo cáo tại cuộc họp giao ban hàng tuần của Thường trực Đảng ủy.", "none"),
        ("Định kỳ hàng tháng, Phòng Y tế tổng hợp tình hình dịch bệnh báo cáo UBND huyện.", "recurring"),
    ],
)
def test_every_month_qualifying_a_report_or_meeting_is_no_cadence(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "ngay" (at once) before "toàn bộ"; "ngày càng" (increasingly) and "Ngày toàn dân" are neither ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND các xã vận động nhân dân tiến hành cày ải ngay toàn bộ diện tích đất ruộng.", "immediate"),
        ("Chi cục Thú y tổ chức tiêm phòng ngay toàn bộ đàn gia súc trong vùng dịch.", "immediate"),
        ("Hưởng ứng Ngày toàn dân phòng cháy chữa cháy, các trường tổ chức tuyên truyền.", "none"),
        ("Đề nghị các chi bộ nỗ lực góp phần xây dựng phường ngày càng phát triển vững mạnh.", "none"),
        ("Các đơn vị nâng cao chất lượng phục vụ để người dân ngày càng hài lòng.", "none"),
    ],
)
def test_ngay_at_once_vs_ngay_day(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "từ đầu năm (học) đến ngày X": the period the figures cover, not a deadline; a window "từ ngày A đến ngày B" is ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bộ GD&ĐT đề nghị các sở báo cáo nhanh tình hình biến động sĩ số học sinh thời điểm từ đầu năm học đến ngày 15/10.",
            "none",
        ),
        ("Các xã tổng hợp số liệu thu ngân sách từ đầu năm đến ngày 30/9 gửi Phòng Tài chính.", "none"),
        ("Các trường tổ chức kiểm tra cơ sở vật chất từ ngày 01/3 đến ngày 15/3.", "date 2024-03-15"),
        (
            "Các đơn vị báo cáo kết quả thực hiện từ đầu năm đến nay, gửi về Văn phòng trước ngày 31/01/2024.",
            "date 2024-01-31",
        ),
    ],
)
def test_a_running_total_from_the_start_of_a_period_is_no_deadline(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "trong dịp / nhân dịp <lễ, Tết>": during the holiday, the occasion of the work ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Để đảm bảo an toàn trong dịp lễ Quốc khánh, Công an tỉnh tăng cường lực lượng trực gác.", "none"),
        (
            "Các Công đoàn cơ sở tiết kiệm chi tiêu để hỗ trợ đời sống giáo viên trong dịp Tết Nguyên đán năm nay.",
            "none",
        ),
        ("UBND xã tổ chức thăm hỏi các gia đình chính sách nhân dịp Tết Nguyên đán.", "none"),
        ("Các xã hoàn thành chi trả trợ cấp trước Tết.", "holiday 2024-02-09"),
    ],
)
def test_during_a_holiday_is_no_deadline(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "tuần trước / tuần qua": a past week dates an event, it sets no deadline ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tại Hội nghị gặp gỡ doanh nghiệp vào cuối tuần trước, Chủ tịch UBND đề nghị Tổ công tác theo dõi các sở.",
            "none",
        ),
        ("Tại buổi làm việc tuần qua, Giám đốc Sở yêu cầu các phòng rà soát hồ sơ.", "none"),
        ("Các đơn vị nộp báo cáo trong tuần này.", "relative 2024-01-12"),
    ],
)
def test_a_past_week_dates_an_event(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "trả lời trong kỳ họp tiếp theo", "báo cáo tại phiên họp thường kỳ tới": an undatable deadline ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND phường chỉ đạo các bộ phận chuyên môn rà soát và trả lời trong kỳ họp tiếp theo.", "relative"),
        ("Phòng Tài nguyên và Môi trường báo cáo kết quả tại phiên họp thường kỳ tới của UBND huyện.", "relative"),
        ("Các đơn vị báo cáo tiến độ tại cuộc họp giao ban lần sau.", "relative"),
    ],
)
def test_the_next_meeting_is_an_event_anchor(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "kết quả đạt được trong năm X" reports; "vào ... ngày X" written on day X is that day; a narrative time stamp is not ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đồng chí Bí thư đã đánh giá những kết quả đạt được trong năm 2023 và yêu cầu các chi bộ triển khai nhiệm vụ.",
            "none",
        ),
        ("Phát huy những kết quả đạt được trong năm 2024, các chi bộ tiếp tục triển khai nhiệm vụ.", "none"),
        ("Các cơ quan tiến hành dọn dẹp vệ sinh vào lúc 16h chiều ngày 10/01.", "date 2024-01-10"),
        ("Ngày 10/01, UBND huyện tổ chức hội nghị tổng kết.", "none"),
    ],
)
def test_results_achieved_in_a_period_are_a_report(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a weekday's name between the trigger words and the day: "trước thứ Sáu ngày 15/12" ---
@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("Các cơ quan dọn dẹp vệ sinh vào lúc 16h chiều thứ bảy ngày 27/12.", date(2014, 12, 27), "date 2014-12-27"),
        ("Gửi báo cáo về Văn phòng trước thứ Sáu ngày 15/12/2023.", date(2023, 12, 1), "date 2023-12-15"),
        ("Nộp hồ sơ chậm nhất chủ nhật ngày 17/12.", date(2023, 12, 1), "date 2023-12-17"),
    ],
)
def test_a_weekday_name_between_trigger_and_day(text: str, today: date, expected: str) -> None:
    d = parse_deadline(text, today)
    assert f"{d.kind.value} {d.due}" == expected


# --- a quoted campaign name ("Ngày Chủ nhật xanh", "Tết trồng cây") and "(các) ngày Tết" as the days reported on hold no deadline ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Tiếp tục thực hiện có hiệu quả "Ngày Chủ nhật xanh"; nỗ lực phấn đấu hoàn thành xuất sắc nhiệm vụ được giao.',
            "none",
        ),
        ("Đoàn Thanh niên tổ chức hưởng ứng “Tháng hành động vì môi trường” tại các khu dân cư.", "none"),
        ("Các xã phát động Tết trồng cây đời đời nhớ ơn Bác Hồ.", "none"),
        ("Văn phòng UBND tỉnh tổng hợp, báo cáo tình hình trong các ngày Tết gửi Thường trực Tỉnh ủy.", "none"),
        ("Các hộ gia đình treo cờ Tổ quốc vào ngày Quốc khánh.", "none"),
        ("Hoàn thành sửa chữa nhà văn hóa trước ngày Quốc khánh.", "holiday 2024-09-01"),
    ],
)
def test_a_quoted_campaign_name_holds_no_time(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "Trong tháng 4 và quý 2 năm 2024": the trigger covers both; the later end governs ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trong tháng 4 và quý 2 năm 2024, các phòng ban tập trung giải quyết hồ sơ tồn đọng.", "quarter 2024-06-30"),
        ("Trong tháng 4 và tháng 5/2024, các xã hoàn thành kê khai.", "month 2024-05-31"),
    ],
)
def test_a_trigger_covers_the_periods_coordinated_after_it(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a full year after mixed separators ("28.6-2024"); a yearly day written "ngày 01 tháng 3 (năm) hàng năm" ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thời gian các trường nhận hồ sơ của học sinh trúng tuyển từ ngày 26 đến ngày 28.6-2024.", "date 2024-06-28"),
        ("Các đơn vị gửi báo cáo trước ngày 15.3-2024.", "date 2024-03-15"),
        ("Các đơn vị gửi báo cáo trước ngày 15/3/2024.", "date 2024-03-15"),
        ("Báo cáo công khai phân bổ dự toán năm, gửi Sở Tài chính trước ngày 01 tháng 3 năm hàng năm.", "recurring"),
        ("Các đơn vị gửi báo cáo trước ngày 01 tháng 3 hàng năm.", "recurring"),
        ("Tỷ lệ đạt 28.6 phần trăm trong năm 2023.", "none"),
    ],
)
def test_dates_with_mixed_separators_and_yearly_days(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a window "từ (ngày) A - B" written with a dash for "đến": due B, as "từ ngày A đến ngày B" ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các trường tổ chức kiểm tra cơ sở vật chất từ 04-08/3/2024.", "date 2024-03-08"),
        ("Thời gian nhận hồ sơ: từ ngày 15 - 25/01/2024 tại Bộ phận một cửa.", "date 2024-01-25"),
        ("Tổ chức lấy ý kiến nhân dân về dự thảo từ 20/01/2024 – 20/02/2024.", "date 2024-02-20"),
        ("Các tổ dân phố ra quân tổng vệ sinh từ ngày 20/01 - 05/02/2024.", "date 2024-02-05"),
        ("Các xã tổ chức tiêm phòng đợt 1 từ ngày 15/3 đến ngày 15/4/2024.", "date 2024-04-15"),
        ("Từ 01 - 05/01/2024, UBND huyện đã kiểm tra 12 cơ sở.", "none"),
        ("Giai đoạn 2021 - 2025, các xã tập trung xây dựng nông thôn mới.", "none"),
    ],
)
def test_a_window_written_with_a_dash_ends_on_its_last_day(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a part of the day between the trigger and the day: "trong đêm 20/01", "vào trưa ngày 15/01" ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lực lượng cứu hộ khẩn trương tiếp cận các hộ bị cô lập ngay trong đêm 12/01.", "date 2024-01-12"),
        ("Các đơn vị hoàn thành việc di dời dân ra khỏi vùng nguy hiểm trước trưa ngày 15/01.", "date 2024-01-15"),
        ("Ban Chỉ huy tổ chức ứng trực tại trụ sở vào đêm 20/01/2024.", "date 2024-01-20"),
        ("Đêm 05/01, lực lượng chức năng đã bắt giữ 3 đối tượng.", "none"),
    ],
)
def test_a_part_of_the_day_before_the_day(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a holiday named by its day is an occasion like one named by its name; a deadline word makes it the deadline ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đội Quản lý thị trường tăng cường kiểm tra hàng hóa dịp nghỉ lễ 30/4 - 1/5.", "none"),
        ("Các xã bố trí lực lượng trực trong dịp 2/9, báo cáo tình hình về huyện.", "none"),
        ("Tổ chức thăm hỏi các gia đình chính sách nhân dịp 30/4.", "none"),
        ("Hoàn thành việc sửa chữa trụ sở trước 30/4.", "holiday 2024-04-29"),
        ("Các phường hoàn thành việc chỉnh trang đô thị trước dịp 2/9.", "holiday 2024-09-01"),
    ],
)
def test_a_holiday_named_by_its_day_as_an_occasion(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "(một) số ngày" counts days: not "ngay" (at once) ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các xã theo dõi diễn biến mưa lớn có thể xảy ra trong một số ngày tới để chủ động ứng phó.", "none"),
        ("Sở Nội vụ rà soát, cắt giảm số ngày giải quyết thủ tục hành chính.", "none"),
        ("Các xã khắc phục ngay các điểm sạt lở trên tuyến đường.", "immediate"),
    ],
)
def test_a_number_of_days_is_no_immediate(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "trong thời gian <việc>" is a while, unless it points back to a period defined before ("nêu trên") ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trong thời gian nghỉ hè, các trường bố trí lực lượng bảo vệ trực 24/24.", "none"),
        ("Trong thời gian diễn ra Đại hội: Công an phường đảm bảo an ninh trật tự khu vực hội trường.", "none"),
        ("Các hộ kinh doanh không tập kết vật liệu trên vỉa hè trong thời gian thi công.", "none"),
        ("Trong thời gian lấy ý kiến nêu trên, các phòng nghiên cứu góp ý dự thảo.", "relative"),
    ],
)
def test_a_while_is_no_deadline_unless_it_points_back(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a time allowed in hours, or "about N days": durations too ("trong vòng 48 giờ", "trong vòng khoảng 07 ngày") ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nhà thầu khắc phục sự cố rò rỉ nước trong vòng 48 giờ.", "relative 2024-01-12"),
        ("Cơ sở y tế báo cáo ca bệnh về Trung tâm Kiểm soát bệnh tật trong 24 giờ.", "relative 2024-01-11"),
        ("Đơn vị thi công hoàn trả mặt bằng trong khoảng 05 ngày.", "relative 2024-01-15"),
        ("Sơ tán người dân đến nơi an toàn trước 17 giờ ngày 12/01.", "date 2024-01-12"),
        ("Bộ phận một cửa tiếp nhận hồ sơ trong 8 giờ hành chính.", "none"),
        ("Tuần tra kiểm soát từ 22 giờ đến 5 giờ sáng hôm sau.", "none"),
    ],
)
def test_a_time_allowed_in_hours_or_about_n_days(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "trong N tháng còn lại (của năm)": the months left of the year, due at its end ---
@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("Các xã tập trung hoàn thành các chỉ tiêu trong hai tháng còn lại.", date(2024, 10, 28), "relative 2024-12-31"),
        ("Phấn đấu giải ngân hết vốn trong 3 tháng còn lại của năm.", date(2024, 9, 30), "relative 2024-12-31"),
        ("Các phòng hoàn thành kế hoạch trong 2 tháng tới.", date(2024, 10, 28), "relative 2024-12-28"),
    ],
)
def test_the_months_left_of_the_year(text: str, today: date, expected: str) -> None:
    d = parse_deadline(text, today)
    assert f"{d.kind.value} {d.due}" == expected


# --- a giao ban's section on the work of a period scopes its tasks: "Về công tác tháng 7/2024, …", "… trọng tâm tháng 8 như sau:" ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Về công tác tháng 02/2024, đồng chí Chủ tịch yêu cầu các phòng tập trung giải quyết hồ sơ tồn đọng.", "month 2024-02-29"),
        ("Chủ tịch UBND phường chỉ đạo một số nội dung trọng tâm tháng 02/2024 như sau:", "month 2024-02-29"),
        ("Nhiệm vụ trọng tâm tháng 3:", "month 2024-03-31"),
        ("Về nhiệm vụ quý I/2024, Giám đốc Sở yêu cầu các phòng bám sát kế hoạch.", "quarter 2024-03-31"),
        ("Các phòng báo cáo kết quả công tác tháng 02/2024 về Văn phòng.", "none"),
        ("Xây dựng chương trình công tác tháng 02/2024 của UBND huyện.", "none"),
        ("Về công tác tháng 01/2024, các đơn vị đã hoàn thành 95% kế hoạch.", "none"),
    ],
)
def test_the_work_of_a_period_heading_a_section(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "ngay sau khi / trước khi <event>" is an event anchor even when the event is a holiday ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cán bộ, công chức trở lại làm việc ngay sau khi kết thúc kỳ nghỉ Tết Nguyên đán.", "relative"),
        ("Các hộ kinh doanh hoàn thành sửa chữa mái che trước khi nghỉ Tết.", "relative"),
        ("Các trường kiểm tra cơ sở vật chất ngay sau khi kết thúc đợt nghỉ lễ Quốc khánh.", "relative"),
        ("Ngay sau khi báo đăng bài “Ngang nhiên lấn chiếm vỉa hè”, ngày 10/01, UBND quận có văn bản chỉ đạo.", "none"),
    ],
)
def test_an_event_anchor_may_name_a_holiday(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a schedule line "Thời gian <việc> … ngày X, …" dates the work; a narrative time stamp does not ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thời gian tổ chức hội nghị tiếp xúc cử tri tại các phường ngày 20/01/2024, bắt đầu từ 8 giờ sáng.", "date 2024-01-20"),
        ("Thời gian kiểm tra tại các xã, thị trấn ngày 25/01/2024, kết thúc trong ngày.", "date 2024-01-25"),
        ("Ngày 20/01/2024, UBND huyện tổ chức hội nghị tiếp xúc cử tri.", "none"),
        ("Thời gian qua, ngày 05/01/2024, các xã đã ra quân dọn vệ sinh.", "none"),
    ],
)
def test_a_schedule_line_dates_the_work(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- "hàng tháng/năm" closing a longer noun phrase after a preposition: the kind of report or plan, no cadence ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Văn phòng đưa kết quả thực hiện vào nội dung giao ban hàng tuần của Thường trực UBND.", "none"),
        ("Các phòng chuyên môn thực hiện theo kế hoạch hằng năm của UBND tỉnh.", "none"),
        ("Lồng ghép nhiệm vụ chuyển đổi số vào kế hoạch công tác hàng năm của đơn vị.", "none"),
        ("Báo cáo tình hình tại các cuộc họp giao ban hàng tháng của UBND huyện.", "none"),
        ("Các phòng chuyên môn báo cáo kết quả thực hiện về Văn phòng hàng tháng.", "recurring"),
        ("UBND các xã tổ chức kiểm tra hàng tuần các điểm tập kết rác thải.", "recurring"),
    ],
)
def test_every_period_closing_a_noun_phrase_after_a_preposition(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- a count written in words and then in digits in brackets: "không quá mười (10) ngày làm việc" ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trong thời hạn không quá mười lăm (15) ngày, cơ quan tiếp nhận phải trả lời bằng văn bản.", "relative 2024-01-25"),
        ("Chủ đầu tư nộp hồ sơ trong vòng ba mươi (30) ngày kể từ ngày 10/01/2024.", "relative 2024-02-09"),
        ("UBND xã hỗ trợ mười (10) hộ nghèo sửa chữa nhà ở.", "none"),
    ],
)
def test_a_count_in_words_then_in_digits(text: str, expected: str) -> None:
    assert reading(text) == expected


# --- the time of a forecast is the weather's; "(40 ngày …)" counts days; "… của năm báo cáo" recurs yearly ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các xã chủ động ứng phó với mưa lớn, sạt lở đất dự báo có khả năng xảy ra từ ngày 12/01 đến đêm 14/01.", "none"),
        ("Theo dự báo, các xã hoàn thành di dời dân khỏi vùng sạt lở trước 17 giờ ngày 12/01.", "date 2024-01-12"),
        ("Danh sách phải được niêm yết chậm nhất đến ngày 05/01/2024 (30 ngày trước ngày bầu cử).", "date 2024-01-05"),
        ("Báo cáo 6 tháng đầu năm gửi trước ngày 10/07 của năm báo cáo.", "recurring"),
        ("Báo cáo năm gửi trước ngày 15/01 của năm liền kề năm báo cáo.", "recurring"),
    ],
)
def test_forecasts_bracketed_counts_and_reporting_years(text: str, expected: str) -> None:
    assert reading(text) == expected
