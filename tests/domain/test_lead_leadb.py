"""The subject of an obligation or a programme after a fronted part with no comma (branch `leadb`, eighth
issue-11 session; `domain/understand/lead_fronted_subject.py`). Sentences written for these tests, in the
class the rule names; the dev sentences it was written from (M004-01, M007-01, M072-01, J041-01) are named,
never pasted."""

from __future__ import annotations

import pytest

from tests.domain.assignee_helpers import lead


# LABELLING §4 (the subject of an obligation), §1 and §29.15 (a body's programme), §29.23 (the agent of
# "được X <verb>"): a purpose, a topic, an opener or a passive's "được" run into the subject with no comma.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a purpose clause citing the law it follows, then the obligation (M004-01's class)
        ("Để bảo đảm an toàn cho học sinh theo quy định của Luật Giáo dục các trường trong huyện bắt buộc phải "
         "kiểm tra hệ thống điện trước ngày 15/8.", ["các trường trong huyện"]),
        ("Để giảm thiệt hại do mưa lũ các xã ven sông cần chủ động di dời tài sản của nhân dân.",
         ["các xã ven sông"]),
        # a fronted object or topic, then the body and its programme (M007-01's class)
        ("Còn lại hai hạng mục Ban quản lý dự án dự kiến phấn đấu hoàn thành trong tháng 11.",
         ["Ban quản lý dự án"]),
        # the programme's opener "Dự kiến" (L017-01's form; L was not written from)
        ("Dự kiến Hội Cựu chiến binh xã sẽ tổ chức gặp mặt hội viên vào ngày 20/12.", ["Hội Cựu chiến binh xã"]),
        # a passive's agent: "được X phấn đấu hoàn thành" (M072-01's class)
        ("Trong đó, nhiều hạng mục đã được chính quyền các thôn phấn đấu hoàn thành trong quý III.",
         ["chính quyền các thôn"]),
        # an adverb between the subject and its modal is not part of the name (J041-01's class)
        ("Theo kế hoạch thì các đơn vị vẫn phải nộp báo cáo trước ngày 5 hằng tháng.", ["các đơn vị"]),
    ],
)
def test_subject_after_fronted_part(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        # the fronted part's own object before a modal is not the subject ("hỗ trợ các hộ phải di dời")
        ("Để hỗ trợ các hộ phải di dời, UBND xã sẽ bố trí nơi ở tạm.", ["các hộ"]),
        # an event "will" happen: no body to lead
        ("Theo kế hoạch, Đại hội điểm cấp huyện sẽ diễn ra trước ngày 10/4.", ["cấp huyện"]),
        # a topic with a word of obligation, then the body that assigns: the topic does not lead
        ("Những nội dung cần phối hợp giải quyết UBND xã giao cho từng bộ phận xác minh, báo cáo.",
         ["Những nội dung"]),
        # a possessor inside a longer phrase ("thời gian học của học sinh") is not the subject
        ("Cũng theo Phòng Giáo dục, thời gian học của học sinh tiểu học sẽ kéo dài đến tháng 5.",
         ["học sinh tiểu học"]),
        # an event "will take place", with no comma: not a task
        ("Ngày hội thể thao của huyện năm nay sẽ diễn ra vào ngày 2/9.", ["huyện năm nay"]),
        # a typo in the head after "Các": the rule does not start a subject inside that phrase
        ("Các đông chí cán bộ mới cần tự học nghiệp vụ.", ["cán bộ"]),
    ],
)
def test_not_taken_for_a_subject(text: str, not_expected: list[str]) -> None:
    assert lead(text) != not_expected
