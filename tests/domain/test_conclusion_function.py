"""Whole conclusions: what a sentence does (issue 11, helper concl4). An order tells someone to act;
a count of results, a cheer, or the execution formula said with its doers as subject do not, whoever
they name. Each test holds texts written for it, in the classes the rules in
domain/understand/conclusion.py name (section "sentence function")."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.conclusion import split_conclusion

TODAY = date(2024, 12, 1)
ORDER = "Giao Phòng Văn hóa rà soát các điểm treo băng rôn trên địa bàn."


def items(text: str) -> list[str]:
    return [d.text for d in split_conclusion(text, TODAY).directives]


def with_order(sentence: str) -> list[str]:
    """A news-style page: the order, then the sentence in its own paragraph."""
    return items(f"Chủ tịch UBND huyện kết luận như sau:\n\n{ORDER}\n\n{sentence}")


# --- a count of results is no task ---
@pytest.mark.parametrize(
    "count",
    [
        "Có 14/18 xã, thị trấn gửi báo cáo kết quả rà soát về Phòng Nội vụ đúng hạn.",
        "Theo đó, trong quý III, toàn huyện có hơn 150 hồ sơ đất đai giải quyết trễ hẹn.",
        "Trong đó, 37 hồ sơ trễ hẹn được các xã gửi thư xin lỗi người dân.",
        "Tính đến nay, thị trấn có gần 2.300 hộ gia đình ký cam kết không đốt rơm rạ.",
        "Trên địa bàn xã Hòa Bình có 12 trường hợp xây dựng không phép.",
        "Tỷ lệ hộ dân treo cờ Tổ quốc trong dịp lễ đạt trên 95%.",
    ],
)
def test_a_count_of_results_is_no_task(count: str) -> None:
    assert with_order(count) == [ORDER]


@pytest.mark.parametrize(
    "order",
    [
        "Các xã có 02 hồ sơ trễ hẹn trở lên phải gửi thư xin lỗi người dân trước ngày 20/12/2024.",
        "UBND các xã phấn đấu đến cuối năm 2025 tỷ lệ hộ dân dùng nước sạch đạt 100%.",
        "Mỗi xã có ít nhất 01 mô hình dân vận khéo trong năm 2025.",
        "Đề nghị 5 xã chưa nộp báo cáo khẩn trương hoàn thành trong tuần này.",
    ],
)
def test_a_count_in_a_target_or_a_duty_stays_a_task(order: str) -> None:
    assert order in with_order(order)


# --- a cheer or a greeting is no task ---
@pytest.mark.parametrize(
    "cheer",
    [
        "Toàn thể cán bộ, đảng viên và nhân dân xã quyết tâm hoàn thành thắng lợi các chỉ tiêu năm 2025!",
        "Nhiệt liệt chào mừng Đại hội đại biểu Đảng bộ huyện lần thứ XX!",
        "Thi đua lập thành tích chào mừng 80 năm Ngày Quốc khánh!",
        "Trân trọng cảm ơn!",
    ],
)
def test_a_cheer_is_no_task(cheer: str) -> None:
    assert with_order(cheer) == [ORDER]


def test_an_order_handed_to_someone_with_an_exclamation_mark_stays() -> None:
    order = "Đề nghị các hộ dân khẩn trương dọn dẹp vệ sinh quanh nhà trước ngày 15/12/2024!"
    assert order in with_order(order)


# --- the execution formula with its doers as subject is no task ---
@pytest.mark.parametrize(
    "formula",
    [
        "Các phòng, ban chuyên môn và UBND các xã có trách nhiệm thực hiện nghiêm túc nội dung thông báo này.",
        "Các tổ chuyên môn có trách nhiệm triển khai thực hiện những việc nêu trên.",
        "Thủ trưởng các đơn vị chịu trách nhiệm tổ chức thực hiện kết luận này.",
        "Toàn thể giáo viên phải thực hiện đầy đủ các nội dung trên để bảo đảm an toàn cho học sinh.",
    ],
)
def test_the_execution_formula_with_its_doers_as_subject_is_no_task(formula: str) -> None:
    assert with_order(formula) == [ORDER]


@pytest.mark.parametrize(
    "order",
    [
        "Các trường học có trách nhiệm thực hiện Kế hoạch số 12/KH-UBND về phòng chống đuối nước.",
        "UBND các xã phải thực hiện việc treo cờ Tổ quốc từ ngày 28/12/2024.",
    ],
)
def test_a_duty_naming_its_work_stays_a_task(order: str) -> None:
    assert order in with_order(order)


# --- "1/", "2/" mark the points of a list as "1." and "2)" do ---
def test_points_marked_with_a_slash_are_items() -> None:
    text = (
        "Ban Giám hiệu thông báo đến các tổ chuyên môn nội dung sau:\n"
        "1/ Các tổ chuyên môn nộp kế hoạch ôn tập học kỳ I trước ngày 10/12/2024.\n"
        "2/ Các giáo viên chủ nhiệm rà soát danh sách học sinh có hoàn cảnh khó khăn."
    )
    parsed = split_conclusion(text, TODAY).directives
    assert [[a.text for a in d.assignees.lead] for d in parsed] == [["Các tổ chuyên môn"], ["Các giáo viên chủ nhiệm"]]
    assert parsed[0].deadline.due == date(2024, 12, 10)


def test_a_date_opening_a_line_is_no_mark() -> None:
    text = "Giao Phòng Nội vụ rà soát hồ sơ thi đua.\n15/12/2024 họp xét khen thưởng tại hội trường UBND xã."
    assert items(text)[0] == "Giao Phòng Nội vụ rà soát hồ sơ thi đua."


# --- the grounds of a notice are no task, "căn cứ vào (tinh thần) …" as "căn cứ …" ---
@pytest.mark.parametrize(
    "grounds",
    [
        "Căn cứ vào tinh thần chỉ đạo của UBND huyện tại Công văn số 118/UBND-VP ngày 02/12/2024 về rét hại.",
        "Căn cứ vào kế hoạch công tác năm học 2024 - 2025 của Phòng Giáo dục và Đào tạo, tập trung rà soát chỉ tiêu.",
        "Thực hiện tinh thần chỉ đạo của Huyện ủy về việc tăng cường phòng chống cháy rừng mùa khô.",
    ],
)
def test_the_grounds_of_a_notice_are_no_task(grounds: str) -> None:
    assert with_order(grounds) == [ORDER]


# --- "Vệ sinh …" is no "Về …" topic: folded they look the same ---
@pytest.mark.parametrize(
    "order",
    [
        "Vệ sinh lớp học, nhà vệ sinh và khuôn viên trường sạch sẽ trước ngày khai giảng.",
        "Vệ sinh tiêu độc khử trùng chuồng trại hai lần mỗi tuần.",
        "Vệ sinh môi trường tại các khu chợ, bến xe và nơi công cộng.",
    ],
)
def test_an_order_opening_with_ve_sinh_is_no_topic_heading(order: str) -> None:
    text = f"Hiệu trưởng yêu cầu các tổ thực hiện:\n{order}\nBáo cáo kết quả cho Ban Giám hiệu."
    assert items(text)[0] == order


def test_a_topic_heading_opening_with_ve_still_heads() -> None:
    text = "Về công tác vệ sinh môi trường\n- Các tổ dân phố tổng vệ sinh vào sáng thứ bảy hằng tuần."
    assert items(text) == ["Các tổ dân phố tổng vệ sinh vào sáng thứ bảy hằng tuần."]


# --- a petition from the public is the question the text answers, no task ---
@pytest.mark.parametrize(
    "petition",
    [
        "Cử tri xã Phú Mậu: Đề nghị sớm nâng cấp tuyến đường liên thôn bị sạt lở sau mùa mưa.",
        "Cử tri phường Tây Lộc kiến nghị bố trí thêm đèn chiếu sáng trên đường Lê Duẩn.",
        "Công dân Nguyễn Văn B., trú tại tổ 5, phản ánh việc xả rác thải ra kênh thủy lợi.",
        "Ý kiến cử tri huyện Phong Điền: Kiến nghị Tỉnh hỗ trợ kinh phí sửa chữa trường mầm non.",
    ],
)
def test_a_petition_from_the_public_is_no_task(petition: str) -> None:
    assert with_order(petition) == [ORDER]


def test_an_order_to_answer_the_voters_stays() -> None:
    order = "Giao Phòng Tài chính - Kế hoạch trả lời kiến nghị của cử tri xã Phú Mậu trước ngày 20/12/2024."
    assert order in with_order(order)


# --- courtesy: greetings, thanks, regards are no task ---
@pytest.mark.parametrize(
    "courtesy",
    [
        "Kính chào quý Ông/Bà.",
        "UBND xã chân thành cảm ơn ý kiến đóng góp của bà con và mong tiếp tục nhận được phản ánh.",
        "Xin trân trọng cảm ơn.",
        "Trân trọng.",
    ],
)
def test_courtesy_is_no_task(courtesy: str) -> None:
    assert with_order(courtesy) == [ORDER]


@pytest.mark.parametrize(
    "order",
    [
        "UBND các xã có 10 ngày làm việc để rà soát, báo cáo danh sách hộ nghèo.",
        "3 trường chưa được kiểm định chất lượng hoàn thành hồ sơ trước ngày 30/12/2024.",
        "Giảm 5% chi thường xuyên so với dự toán năm 2024.",
    ],
)
def test_a_span_of_time_a_dated_counted_subject_or_an_opening_cut_stays_a_task(order: str) -> None:
    assert order in with_order(order)


@pytest.mark.parametrize(
    "order",
    [
        "Người dân tuyệt đối không được đốt rơm rạ trên đồng ruộng!",
        "Các hộ kinh doanh phải nộp tờ khai thuế trước ngày 20/12/2024!",
    ],
)
def test_an_order_with_a_duty_stays_though_shouted(order: str) -> None:
    assert order in with_order(order)


@pytest.mark.parametrize(
    "order",
    [
        "Bà con có nhu cầu đề nghị hỗ trợ giống cây trồng cần đăng ký với trưởng thôn trước ngày 15/12/2024.",
        "Người dân có kiến nghị về giải phóng mặt bằng phải gửi đơn về UBND xã trước ngày 20/12/2024.",
    ],
)
def test_the_public_told_how_to_petition_is_given_a_task(order: str) -> None:
    assert order in with_order(order)

