"""Lead classes of the fifth issue-11 round (helper leadwho4, `domain/understand/lead_rules.py`).
Sentences written for these tests, in the classes the rules name (the dev ids are in the rules'
docstrings)."""

from __future__ import annotations

import pytest

from domain.understand.assignees import read_assignees
from tests.domain.assignee_helpers import lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject of a word of obligation after a framing phrase with no comma of its own.
        ("Phát huy kết quả đạt được các phòng, các ban cần đẩy mạnh cải cách hành chính.", ["các phòng", "các ban"]),
        ("Giữ vững danh hiệu đã được công nhận các trường học phải nâng cao chất lượng dạy học.", ["các trường học"]),
        # ... after a relative "mà": the one that must reach the target.
        ("Đây là chỉ tiêu mà UBND huyện phải đạt trong năm nay.", ["UBND huyện"]),
        # ... after a connecting phrase and a comma, a kind the head list reads loosely.
        ("Ngoài ra, tổ kiểm phiếu phải niêm yết kết quả tại trụ sở.", ["tổ kiểm phiếu"]),
        # ... the one asked, with a "với" adjunct of manner before the modal.
        (
            "Bí thư Huyện ủy yêu cầu Đảng ủy, chính quyền các xã với quyết tâm cao nhất cần tập trung thu hoạch lúa.",
            ["Đảng ủy, chính quyền các xã"],
        ),
    ],
)
def test_subject_of_an_obligation_after_a_frame(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a passive: no actor
        "Những tồn tại của năm trước cần được khắc phục ngay.",
        # a thing, not a body
        "Các công trình phải bảo đảm chất lượng.",
        # the public told of something, inside the object of a verb
        "Thông báo cho nhân dân các xã ven sông khẩn trương thu hoạch lúa.",
        # an event that will happen ("sẽ" is no word of obligation)
        "Theo Ban tổ chức, Đại hội điểm Đoàn cấp cơ sở sẽ diễn ra từ nay đến ngày 20/1.",
    ],
)
def test_no_subject_of_an_obligation(text: str) -> None:
    assert lead(text) == []


def test_framed_subject_is_told_apart() -> None:
    """The splitter judges a framed sentence by its opening, as when nobody was found."""
    reading = read_assignees("Phát huy kết quả đạt được các phòng, các ban cần đẩy mạnh cải cách hành chính.")
    assert reading.how == "framed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A range of levels or places after a kind of bodies says which ones (LABELLING.md §11).
        (
            "Để chuẩn bị năm học mới, các trường, các trung tâm từ huyện đến xã cần rà soát cơ sở vật chất.",
            ["các trường", "các trung tâm từ huyện đến xã"],
        ),
        (
            "Yêu cầu các cơ quan báo chí từ trung ương tới địa phương đưa tin kịp thời.",
            ["các cơ quan báo chí từ trung ương tới địa phương"],
        ),
        (
            "Bộ Y tế đề nghị các tỉnh từ Quảng Trị trở vào và các bệnh viện tuyến cuối chuẩn bị giường bệnh.",
            ["các tỉnh từ Quảng Trị trở vào", "các bệnh viện tuyến cuối"],
        ),
        # ... not a time ("từ ngày …") nor a source ("từ ngân sách"): the name ends before it.
        ("Đề nghị các xã từ ngày 10/5 tạm dừng chợ phiên.", ["các xã"]),
    ],
)
def test_range_of_levels_in_a_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A person and their title between commas, then "đã giao Y": the person's past order, Y leads.
        (
            "Ngày 28-8, ông Nguyễn Văn An, phó chủ tịch UBND huyện, đã giao Phòng Nội vụ chủ trì rà soát hồ sơ.",
            ["Phòng Nội vụ"],
        ),
        (
            "Sáng nay, bà Lê Thị Hoa, Giám đốc Sở Y tế, đã giao Trung tâm Y tế huyện kiểm tra bếp ăn tập thể.",
            ["Trung tâm Y tế huyện"],
        ),
        # ... and the same with "đã chỉ đạo" (read before this round too).
        (
            "Tại huyện, Thượng tá Trần Văn Bình, Trưởng Công an huyện, đã chỉ đạo công an các xã tăng cường tuần tra.",
            ["công an các xã"],
        ),
    ],
)
def test_past_order_of_a_person_with_title(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A demonstrative closes the name, whatever word follows (a verb the word lists lack).
        ("Ban quản lý dự án yêu cầu công ty này nỗ lực hơn nữa để bù tiến độ.", ["công ty này"]),
        ("Đề nghị các hộ kinh doanh nói trên cam kết không tái phạm.", ["các hộ kinh doanh nói trên"]),
        # ... "trên" is a demonstrative before the predicate, a place word before a place.
        ("Huyện ủy chỉ đạo các chi bộ trên hoàn thành đại hội trước ngày 30/6.", ["các chi bộ trên"]),
        ("Yêu cầu các chi bộ trên địa bàn hoàn thành đại hội trước ngày 30/6.", ["các chi bộ trên địa bàn"]),
        # ... a time's own demonstrative ("trong tuần này") is not the name's.
        ("Phòng Nội vụ trong tuần này rà soát hồ sơ.", ["Phòng Nội vụ"]),
    ],
)
def test_demonstrative_closes_a_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "giao trách nhiệm (cụ thể) (cho / tới) Y": the "nhiệm vụ" paradigm with "trách nhiệm".
        (
            "Chủ tịch UBND huyện đã chỉ đạo, giao trách nhiệm cụ thể cho từng phòng ban liên quan khẩn trương "
            "khắc phục sự cố.",
            ["từng phòng ban liên quan"],
        ),
        ("Đảng ủy xã giao trách nhiệm tới các chi bộ rà soát đảng viên.", ["các chi bộ"]),
    ],
)
def test_giao_trach_nhiem_cu_the(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body that reminds ("lưu ý") the one named after it, who has a predicate: that one acts.
        ("Sở Giáo dục lưu ý các trường tuyệt đối không thu thêm khoản ngoài quy định.", ["các trường"]),
        ("UBND huyện cũng lưu ý các xã phải hoàn thành thu hoạch trước mùa mưa.", ["các xã"]),
        # ... the public reminded: the body keeps the task (LABELLING.md §8c).
        ("UBND phường lưu ý người dân không đốt rơm rạ.", ["UBND phường"]),
    ],
)
def test_body_reminds_addressee(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Đối với <bodies or people>(,) <task>" with no subject of its own: the topic does the task.
        (
            "Đối với các cơ quan thông tấn, báo chí, tăng cường đưa tin về phòng dịch.",
            ["các cơ quan thông tấn, báo chí"],
        ),
        ("- Đối với Phòng Nội vụ; Phòng Tài chính gửi báo cáo trước ngày 15/12.", ["Phòng Nội vụ", "Phòng Tài chính"]),
        ("Đối với UBND các xã, khẩn trương rà soát hồ sơ đất đai.", ["UBND các xã"]),
    ],
)
def test_topic_does_the_task(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a thing, or people to be dealt with, as the topic: nobody named to act
        "Đối với phần mềm quản lý, thực hiện theo hướng dẫn của Sở.",
        "Đối với các hộ vi phạm, xử phạt nghiêm theo quy định.",
    ],
)
def test_topic_that_names_nobody(text: str) -> None:
    assert lead(text) == []
