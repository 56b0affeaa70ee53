"""Lead classes of `domain/understand/lead_frames.py` (branch `frames`, sixth issue-11 session): who
speaks and who acts across an intervening clause, and the frames put before a subject. Sentences written
for these tests, in the classes the rules name (the dev ids are in the rules' docstrings)."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mechanism 1: a report, an announcement or guidance between the speaker and the assigning verb;
        # the addressee leads, the body that speaks does not.
        (
            "UBND xã Tân Lập đã làm việc với chủ cơ sở, tạm thời yêu cầu Công ty Hoàng Phát dừng khai thác cát.",
            ["Công ty Hoàng Phát"],
        ),
        (
            "Phòng Giáo dục đã kiểm tra hiện trường, trước mắt đề nghị các trường học rà soát lại tường rào.",
            ["các trường học"],
        ),
        (
            "Ban Giám hiệu thông báo còn nhiều lớp chưa nộp kế hoạch, đề nghị giáo viên chủ nhiệm nộp trong tuần.",
            ["giáo viên chủ nhiệm"],
        ),
        (
            "Sở Y tế cho biết số ca mắc tăng nhanh, yêu cầu các trạm y tế xã tăng cường giám sát.",
            ["các trạm y tế xã"],
        ),
        (
            "Phòng Nội vụ hướng dẫn các xã lập hồ sơ; đồng thời yêu cầu, các thôn không được thu thêm phí.",
            ["các thôn"],
        ),
        (
            "Chủ tịch UBND huyện giao nhiệm vụ và phân công cho Phòng Tài chính lập dự toán bổ sung.",
            ["Phòng Tài chính"],
        ),
        (
            "Tại buổi làm việc, bà Lê Thị Hoa – Phó Chủ tịch UBND xã đã nghe báo cáo tiến độ, giao nhiệm vụ cho "
            "Ban Quản lý chợ sắp xếp lại các quầy hàng.",
            ["Ban Quản lý chợ"],
        ),
    ],
)
def test_speaker_then_addressee(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not the class: the body's own task or an obligation before the request keeps the body.
        ("UBND phường rà soát các hộ nghèo, đề nghị Hội Phụ nữ phối hợp.", ["UBND phường"]),
        ("Phòng Y tế phải kiểm tra các quầy thuốc, yêu cầu các quầy vi phạm khắc phục.", ["Phòng Y tế"]),
        # A request to the public after the report: the body that asks leads (§8 d).
        ("Công ty Điện lực thông báo lịch cắt điện, đề nghị bà con chủ động sắp xếp sản xuất.", ["Công ty Điện lực"]),
        # Guidance without "đồng thời" or ";": the guiding body is not read as a speaker.
        (
            "Phòng Giáo dục hướng dẫn các trường lập kế hoạch, yêu cầu các trường nộp trước ngày 5/9.",
            ["Phòng Giáo dục"],
        ),
    ],
)
def test_subject_keeps_its_task(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mechanism 2: a chain of frames before the subject (an opener, a time, "Về …,", "X cho biết,").
        (
            "Thực hiện đợt cao điểm phòng, chống dịch sốt xuất huyết (đợt 1), từ ngày 5/10, Trung tâm Y tế huyện "
            "sẽ tổ chức phun hóa chất tại các thôn.",
            ["Trung tâm Y tế huyện"],
        ),
        (
            "Ngày 3/4, Ban Chỉ huy Quân sự huyện cho biết, để chuẩn bị cho mùa mưa bão, Ban Chỉ huy Quân sự huyện "
            "rà soát lực lượng dân quân cơ động.",
            ["Ban Chỉ huy Quân sự huyện"],
        ),
        (
            "Về công tác tuyển sinh đầu cấp, từ ngày 10/6 đến ngày 20/6, các trường tiểu học tiếp nhận hồ sơ "
            "trực tuyến.",
            ["các trường tiểu học"],
        ),
        (
            "Bắt đầu từ 7 giờ ngày 2-1-2027 đến 15-1-2027, theo kế hoạch của UBND tỉnh, các xã, thị trấn đồng loạt "
            "ra quân giải tỏa hành lang giao thông.",
            ["các xã, thị trấn"],
        ),
        # One frame is read as before.
        ("Từ ngày 1/3, các xã tạm dừng cấp phép giết mổ gia cầm.", ["các xã"]),
    ],
)
def test_subject_after_frames(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Đối với X <which ones> thì / cần / phải <task>": X leads, its restrictive clause kept whole.
        (
            "Đối với các hộ kinh doanh chưa đăng ký thuế thì buộc hoàn tất thủ tục trước ngày 30/6.",
            ["các hộ kinh doanh chưa đăng ký thuế"],
        ),
        ("Đối với mỗi tổ dân phố phải có một sổ theo dõi tạm trú.", ["mỗi tổ dân phố"]),
        ("Đối với học sinh lớp 9 cần nộp hồ sơ dự tuyển tại trường.", ["học sinh lớp 9"]),
        # A doer named after "thì" leads, not the topic.
        (
            "Đối với các cơ quan làm việc cả thứ bảy thì thủ trưởng các cơ quan bố trí nghỉ bù.",
            ["thủ trưởng các cơ quan"],
        ),
    ],
)
def test_topic_doer(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_topic_that_is_a_thing_names_nobody() -> None:
    # "Đối với số liệu …": a thing, not a party: the topic rule names nobody.
    assert lead("Đối với số liệu còn tồn đọng cần báo cáo về Cục trước 8 giờ hằng ngày.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "“…”, đây là yêu cầu của A đối với B": B leads, not A (LABELLING.md §6).
        ("“Không để học sinh nào thiếu sách”, đó là yêu cầu của Giám đốc Sở đối với các phòng giáo dục.",
         ["các phòng giáo dục"]),
        ("“Phải xong trước mùa mưa”, đây là đề nghị của Chủ tịch UBND tỉnh đối với Ban Quản lý dự án huyện.",
         ["Ban Quản lý dự án huyện"]),
    ],
)
def test_request_named_as_a_noun(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
