"""Reported news that assigns nobody: the speaker's own issuing told as done (branch `newsr`, twelfth issue-11
session; `domain/understand/lead_reported16.py`). Sentences written for these tests, in the class the rule names;
the dev sentences it was written from (G069-01, O062-01) are named, never pasted."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.directive import parse_directive
from tests.domain.assignee_helpers import lead


# LABELLING §5 (the issuer speaks), §7 (an issue names its receivers, or nobody), §29.24, §34.2 («đã» marks a report).
@pytest.mark.parametrize(
    "text",
    [
        # a notice issued, told as done, about a measure (O062-01's context)
        "Để bảo đảm an toàn cho người dân, Ban Chỉ huy phòng chống thiên tai huyện vừa ban hành thông báo về việc "
        "cấm tàu thuyền ra khơi.",
        # a campaign launched, told as done, with its targets (G069-01's class)
        "Ngày 2/3, Tỉnh đoàn đã phát động “Chiến dịch Mùa hè xanh” với mục tiêu đến ngày 31/8 sửa 20 km đường "
        "giao thông nông thôn.",
        # a plan issued, with «mới»
        "UBND huyện mới ký ban hành kế hoạch về việc tổ chức Hội khỏe Phù Đổng năm 2027.",
        # a letter without a number
        "Sở Y tế đã có công văn về việc tăng cường phòng chống sốt xuất huyết.",
    ],
)
def test_issue_told_as_done_names_nobody(text: str) -> None:
    assert lead(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # receivers or addressees named: they lead (§7, §8 a); «phát đi thông báo» issues as «ban hành» does
        (
            "Ngày 3/2, Công an huyện đã phát đi thông báo yêu cầu các cơ sở karaoke kiểm tra lối thoát hiểm.",
            ["các cơ sở karaoke"],
        ),
        ("UBND huyện vừa ban hành công văn yêu cầu các xã rà soát hộ nghèo.", ["các xã"]),
        ("Sở Y tế đã có công văn gửi các bệnh viện về việc phòng chống sốt xuất huyết.", ["các bệnh viện"]),
        # no past marker: the body's programme or task (§1)
        ("Hội Nông dân xã phát động phong trào thi đua sản xuất giỏi trong năm 2027.", ["Hội Nông dân xã"]),
        # «có kế hoạch <verb>»: the body's own plan (§1, §29.15)
        ("Trung tâm Y tế huyện vừa có kế hoạch tổ chức tiêm vắc xin sởi cho trẻ em.", ["Trung tâm Y tế huyện"]),
        # a campaign among the public is the body's own (§8 d)
        ("Ủy ban MTTQ xã đã phát động cuộc vận động nhân dân ủng hộ người nghèo.", ["Ủy ban MTTQ xã"]),
    ],
)
def test_issue_with_doers_keeps_them(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_passive_measure_after_a_reported_notice_names_nobody() -> None:
    # O062-01's class: the measure in the passive takes no lead from the context that only reports the notice
    context = "Ban Chỉ huy phòng chống thiên tai thành phố vừa ban hành thông báo về việc tạm dừng các tuyến đò."
    parsed = parse_directive(
        "Theo đó, các tuyến đò ngang sẽ bị tạm dừng từ 12 giờ ngày 5/10.", date(2027, 10, 4), context=context
    )
    assert parsed.assignees.lead == ()
