"""Lead classes of the fourth issue-11 round on the assignee reader (helper leadwho3). Sentences
written for these tests, in the classes the rules name (the dev ids are in the rules' comments)."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees
from tests.domain.assignee_helpers import lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A second order after ", đồng thời" naming someone new: both lead (_also_asked).
        (
            "Tại buổi làm việc, đồng chí Chủ tịch UBND huyện yêu cầu các trường rà soát cơ sở vật chất, "
            "đồng thời đồng chí yêu cầu các thôn dừng các hoạt động đông người.",
            ["các trường", "các thôn"],
        ),
        (
            "Bí thư Đảng ủy xã đề nghị Ban Văn hóa xã tuyên truyền luật giao thông, đồng thời ông đề nghị "
            "Công an xã tăng cường tuần tra.",
            ["Ban Văn hóa xã", "Công an xã"],
        ),
        (
            "Chủ tịch UBND huyện yêu cầu các xã rà soát hồ sơ; đồng thời yêu cầu Phòng Nội vụ tổng hợp.",
            ["các xã", "Phòng Nội vụ"],
        ),
        # ... the same addressee asked again is one lead.
        (
            "Giám đốc Sở đề nghị Phòng Y tế kiểm tra bếp ăn, đồng thời đồng chí đề nghị Phòng Y tế báo cáo "
            "kết quả.",
            ["Phòng Y tế"],
        ),
        # ... a statement before "đồng thời" is no order: the only order keeps its lead.
        ("Chủ tịch xã biểu dương các thôn, đồng thời đề nghị Ban Văn hóa xã tiếp tục tuyên truyền.",
         ["Ban Văn hóa xã"]),
        # ... "đồng thời" without a comma of its own is not a new clause here.
        ("Đề nghị Phòng Nội vụ rà soát hồ sơ và đồng thời hướng dẫn các xã.", ["Phòng Nội vụ"]),
    ],
)
def test_second_order_after_dong_thoi(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A force named by its task ("lực lượng" takes the word after it, as "Bộ phận giữ xe").
        ("Lực lượng bảo vệ kiểm tra thẻ ra vào tại cổng cơ quan.", ["Lực lượng bảo vệ"]),
        ("Đề nghị lực lượng bảo vệ dân phố tăng cường tuần tra ban đêm.", ["lực lượng bảo vệ dân phố"]),
        ("Lực lượng dân quân trực tại trụ sở trong dịp Tết.", ["Lực lượng dân quân"]),
        # ... a plural kind has no name: the verb after it is the predicate.
        ("Các lực lượng tăng cường tuần tra trên các tuyến đường.", ["Các lực lượng"]),
    ],
)
def test_force_named_by_its_task(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The speaker reminds Y, and Y has a predicate of its own: Y leads (_reminded).
        ("Phó Chủ tịch UBND quận Lê Văn Nam lưu ý các phường nên tổ chức đối thoại với nhân dân.",
         ["các phường"]),
        ("Giám đốc Sở lưu ý các trường cần kiểm tra hệ thống điện trước mùa mưa; các phòng chức năng chủ "
         "động theo dõi.", ["các trường", "các phòng chức năng"]),
        # ... a body that must itself take care is the one to act.
        ("Các xã cần lưu ý việc phòng chống cháy rừng trong mùa khô.", ["Các xã"]),
        # ... "lưu ý," frames the words after it: the subject there acts.
        ("Chủ tịch UBND huyện lưu ý, các xã cần chủ động phòng chống bão.", ["các xã"]),
    ],
)
def test_speaker_reminds(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "cấp" as the levels that must act, not the verb "cấp" (_level_as_body).
        ("Các cấp, các ngành cần tập trung khắc phục hậu quả mưa lũ.", ["Các cấp", "các ngành"]),
        ("Cấp huyện cần hoàn thành việc rà soát quy hoạch trong quý III.", ["Cấp huyện"]),
        ("Đề nghị mọi cấp, mọi ngành quan tâm công tác giảm nghèo.", ["mọi cấp", "mọi ngành"]),
        # ... the verb "cấp" (to issue) is still a verb, and "cấp ủy" a body.
        ("UBND thị trấn cấp giấy chứng nhận cho các hộ trước ngày 30/6.", ["UBND thị trấn"]),
        ("Cấp ủy các chi bộ phải tổ chức sinh hoạt chuyên đề.", ["Cấp ủy các chi bộ"]),
    ],
)
def test_levels_that_act(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "học" inside a name is a syllable of a noun, not the verb "học" (_study_word).
        ("Sở Khoa học và Công nghệ chủ trì thẩm định công nghệ dự án.", ["Sở Khoa học và Công nghệ"]),
        ("Hội Khuyến học huyện tổ chức trao học bổng cho học sinh nghèo.", ["Hội Khuyến học huyện"]),
        ("Phòng Công tác học sinh tổng hợp danh sách khen thưởng.", ["Phòng Công tác học sinh"]),
        ("Giao Trường Trung học cơ sở Tân Lập chuẩn bị hội trường.", ["Trường Trung học cơ sở Tân Lập"]),
        # ... after a name that has ended, "học" is still a verb of the predicate.
        ("Đoàn Thanh niên học tập và làm theo tư tưởng của Bác.", ["Đoàn Thanh niên"]),
        ("Phòng Giáo dục hướng dẫn học sinh ôn tập.", ["Phòng Giáo dục"]),
    ],
)
def test_study_word_inside_a_name(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_lead", "expected_support"),
    [
        # "X kết hợp (với) Y …": Y coordinates (LABELLING.md §9), the name stops before the verb.
        ("Sở Xây dựng kết hợp chủ đầu tư thực hiện đồ án quy hoạch.", ["Sở Xây dựng"], ["chủ đầu tư"]),
        ("Công an xã phối kết hợp với Ban Chỉ huy Quân sự xã tuần tra.", ["Công an xã"],
         ["Ban Chỉ huy Quân sự xã"]),
        # ... joining two activities names no coordinator.
        ("Các trường tổ chức chào cờ kết hợp kể chuyện về Bác.", ["Các trường"], []),
    ],
)
def test_ket_hop_coordinates(text: str, expected_lead: list[str], expected_support: list[str]) -> None:
    parsed = parse_assignees(text)
    assert ([a.text for a in parsed.lead], [a.text for a in parsed.support]) == (expected_lead, expected_support)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a framing clause, the speaker sends a letter and asks in it: the addressee leads
        # (_sends_letter_then_asks).
        ("Thực hiện chỉ đạo của UBND tỉnh, Chủ tịch UBND huyện vừa có công văn yêu cầu các xã rà soát hộ "
         "nghèo.", ["các xã"]),
        ("Triển khai Kế hoạch số 12 của Sở Y tế, UBND quận đã ban hành văn bản đề nghị các phường kiểm "
         "tra bếp ăn tập thể.", ["các phường"]),
        # ... a word of obligation makes the speaker act.
        ("Thực hiện chỉ đạo của UBND tỉnh, UBND huyện phải có văn bản yêu cầu các xã rà soát hồ sơ.",
         ["UBND huyện"]),
    ],
)
def test_letter_after_a_framing_clause(text: str, expected: list[str]) -> None:
    assert lead(text) == expected
