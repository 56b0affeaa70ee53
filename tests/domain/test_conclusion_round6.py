"""Whole conclusions, sixth round (issue 11, helper concl6): the preview proposes only lines that give
work, and keeps the items it used to drop. Texts written for each class the rules in
domain/understand/conclusion.py name (comments marked "concl6"); the dev documents are in bench/README.md."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.conclusion import split_conclusion

TODAY = date(2025, 3, 14)

BODY = (
    "Chủ tịch UBND xã kết luận như sau:\n"
    "1. Giao Công an xã tăng cường tuần tra ban đêm.\n"
    "2. Giao Trạm Y tế xã tổ chức tổng vệ sinh các khu dân cư trước ngày 30/3/2025.\n"
)


def texts(text: str) -> list[str]:
    return [d.text for d in split_conclusion(text, TODAY).directives]


# --- execution formulas whose object is the notice itself: no task ---
@pytest.mark.parametrize(
    "closing",
    [
        "Hội Liên hiệp Phụ nữ xã yêu cầu các chi hội nghiêm túc triển khai thông báo này./.",
        "UBND huyện yêu cầu các phòng, ban, UBND các xã phổ biến, kiểm tra, đôn đốc thực hiện nghiêm thông báo này.",
        "Đề nghị các trường quán triệt, triển khai kết luận này.",
        "Nhà trường thông báo đến toàn thể học sinh thực hiện./",
        "Ban Giám hiệu yêu cầu Trưởng các khoa thông báo tới toàn thể giảng viên, học viên để tổ chức thực hiện.",
        "UBND xã thông báo cho các thôn để thực hiện.",
        "Đây là căn cứ để xét thi đua cuối năm, đề nghị các chi đoàn triển khai thực hiện nghiêm túc.",
        "Để bảo đảm tiến độ chung, yêu cầu các tổ nghiêm túc thực hiện.",
    ],
)
def test_a_formula_about_the_notice_is_no_task(closing: str) -> None:
    got = texts(BODY + closing)
    assert len(got) == 2, got


@pytest.mark.parametrize(
    "work",
    [
        "Giao Văn phòng thông báo lịch tiếp dân đến các hộ dân để thực hiện.",
        "Yêu cầu Công an xã kiểm tra việc thực hiện thông báo này tại các thôn.",
        "Các thôn hoàn thành báo cáo trước ngày 20/3/2025, đề nghị các đơn vị nghiêm túc thực hiện.",
    ],
)
def test_named_work_beside_the_notice_stays(work: str) -> None:
    got = texts(BODY + work)
    assert len(got) == 3, got


# --- lines above the body: a title printed again, basis lines "Thực hiện …" among the "Căn cứ" lines ---
@pytest.mark.parametrize(
    "above",
    [
        # printed again under the page's own title line
        "Thông báo v/v tổ chức ngày hội đọc sách |\nThứ năm, 13/03/2025 07:39 |\n"
        "THÔNG BÁO Về việc tổ chức ngày hội đọc sách\n",
        "Kế hoạch tổng vệ sinh môi trường đợt 1 của xã Tân Minh\nKẾ HOẠCH V/v tổng vệ sinh môi trường đợt 1\n",
        "Căn cứ Điều lệ Hội Nông dân Việt Nam;\nThực hiện các chỉ tiêu công tác năm 2025 của Hội Nông dân huyện.\n",
        "Căn cứ vào kế hoạch năm học 2024 – 2025;\nThực hiện phong trào thi đua dạy tốt, học tốt năm 2025\n",
    ],
)
def test_title_and_basis_lines_are_no_task(above: str) -> None:
    got = texts(above + BODY)
    assert len(got) == 2, got
    assert not any(t.startswith(("THÔNG BÁO", "KẾ HOẠCH", "Thực hiện")) for t in got), got


def test_a_thuc_hien_item_under_a_lead_in_stays() -> None:
    got = texts("Chủ tịch UBND xã kết luận như sau:\n1. Thực hiện tốt công tác phòng chống dịch trên đàn gia súc.\n")
    assert len(got) == 1, got


# --- "Tiến hành <action>" items are tasks; "Tiến hành thảo luận" is the meeting's talk ---
def test_tien_hanh_items_are_kept() -> None:
    text = (
        "Nay BCH Hội Cựu chiến binh xã thông báo tới các chi hội việc thu hội phí năm 2025 như sau:\n"
        "1. Đối với các chi hội thôn.\n"
        "– Tiến hành thu hội phí năm 2025, mức thu 12.000đ/hội viên.\n"
        "2. Đối với chi hội cơ quan.\n"
        "– Tiến hành rà soát danh sách hội viên, nộp về Hội trước ngày 30/3/2025.\n"
    )
    got = texts(text)
    assert [t[:14] for t in got] == ["Tiến hành thu ", "Tiến hành rà s"], got


def test_tien_hanh_a_meeting_talk_is_no_task() -> None:
    got = texts(BODY + "Tiến hành thảo luận các nội dung còn vướng mắc.\n")
    assert len(got) == 2, got


# --- a condition or a topic, then "thì" and the action with no subject of its own ---
@pytest.mark.parametrize(
    "then",
    [
        "Trường hợp vượt quá khả năng thì báo cáo UBND xã xem xét, giải quyết.",
        "Đối với các hộ chưa đăng ký tạm trú thì hướng dẫn làm thủ tục trong tuần.",
        "Nếu phát hiện gia cầm chết bất thường thì báo cáo ngay cho Trạm Thú y huyện.",
        "Đối với các thôn không tổ chức họp dân thì căn cứ vào tình hình thực tế để bố trí lịch họp cho phù hợp.",
    ],
)
def test_a_condition_then_an_action_is_a_task(then: str) -> None:
    got = texts(BODY + then)
    assert len(got) == 3, got


@pytest.mark.parametrize(
    "outcome",
    ["Nếu làm tốt thì sẽ được khen thưởng.", "Trường hợp trực lễ thì được nghỉ bù vào tuần sau."],
)
def test_a_condition_then_an_outcome_is_no_task(outcome: str) -> None:
    got = texts(BODY + outcome)
    assert len(got) == 2, got


# --- contact lines and labels that only point to an attachment ---
@pytest.mark.parametrize(
    "line",
    [
        "Thông tin chi tiết về hội thi, liên hệ: ThS Nguyễn Văn An, chuyên viên Phòng GD&ĐT, điện thoại: 0912.345.678.",
        "Mọi chi tiết xin liên hệ với đồng chí Trần Thị Bình – Phó Bí thư Đoàn xã; ĐTDĐ: 0987654321.",
        "Mọi thắc mắc liên hệ Văn phòng UBND xã, số điện thoại 0237.3821.456.",
        "Mẫu đăng ký dự thi: (phụ lục 2 đính kèm).",
        "Thể lệ hội thi: (xem phụ lục 1 kèm theo).",
    ],
)
def test_contact_and_attachment_lines_are_no_task(line: str) -> None:
    got = texts(BODY + line)
    assert len(got) == 2, got


def test_an_order_to_contact_someone_stays() -> None:
    got = texts(BODY + "Đề nghị các thôn liên hệ với Trạm Y tế xã (ĐT: 0237.3821.456) để nhận thuốc khử trùng.")
    assert len(got) == 3, got


@pytest.mark.parametrize(
    "point",
    [
        "Mẫu đăng ký dự thi: (phụ lục 2 đính kèm).",
        "Thể lệ hội thi: (xem phụ lục 1 kèm theo).",
        "Thông tin chi tiết, liên hệ: bà Lê Thị Hoa, điện thoại: 0915.218.464.",
    ],
)
def test_points_of_a_lead_in_that_only_point_to_an_attachment_or_a_contact(point: str) -> None:
    text = (
        "Phòng Giáo dục và Đào tạo huyện đề nghị Hiệu trưởng các trường tổ chức hội thi như sau:\n"
        "1. Các trường gửi danh sách thí sinh về Phòng trước ngày 25/3/2025.\n"
        f"2. {point}\n"
    )
    got = texts(text)
    assert len(got) == 1, got


# --- the schedule of a break: make-up working days and the days that follow the break ---
@pytest.mark.parametrize(
    "line",
    [
        "- Đi làm ngày thứ bảy 26/4/2025 để nghỉ ngày thứ sáu 2/5/2025.",
        "- Làm việc bù vào ngày chủ nhật 27/4/2025 để nghỉ hoán đổi ngày thứ hai 28/4/2025.",
        "Tiếp theo 02 ngày nghỉ lễ là 02 ngày nghỉ cuối tuần: ngày 03/5/2025 (thứ Bảy) và ngày 04/5/2025 (Chủ nhật).",
    ],
)
def test_the_schedule_of_a_break_is_no_task(line: str) -> None:
    text = "UBND xã thông báo lịch nghỉ lễ như sau:\n1. Đối với cán bộ, công chức xã:\n" + line + "\n" + BODY
    got = texts(text)
    assert len(got) == 2, got


def test_an_order_to_arrange_make_up_days_stays() -> None:
    got = texts(BODY + "Thủ trưởng các đơn vị bố trí nghỉ bù cho cán bộ trực lễ trước ngày 30/5/2025.")
    assert len(got) == 3, got


def test_a_topic_then_an_action_is_led_by_the_topic() -> None:
    text = BODY + "Đối với các hộ chưa đăng ký tạm trú thì hướng dẫn làm thủ tục trong tuần.\n"
    last = split_conclusion(text, TODAY).directives[-1]
    assert [a.text for a in last.assignees.lead] == ["các hộ chưa đăng ký tạm trú"]
