"""Tenth issue-11 session, branch `leado`: lead rules written from the kinds analysis of corpus O dev
(`bench/README.md`, "Session 10 (branch leado)"). Sentences written for these tests, in the classes the rules name;
the dev sentences each class was written from are named in comments, never pasted."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees


def lead(text: str) -> list[str]:
    return [a.text for a in parse_assignees(text).lead]


# An enumeration of administrative levels inside ONE lead, on the paths where the reader started the name after the
# comma (`domain/understand/lead_round14.py`). Dev: O002-01 (a passive «được yêu cầu»), G133-01 (after «tại»),
# F089-01 (after «do», through its context).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Công an các quận, huyện ở Hà Nội được yêu cầu tăng cường tuần tra dịp lễ.",
         ["Công an các quận, huyện ở Hà Nội"]),
        ("Trong tuần này tại các Trạm y tế xã, Thị trấn tổ chức khám sàng lọc cho người cao tuổi.",
         ["các Trạm y tế xã, Thị trấn"]),
        ("Theo hướng dẫn thì hồ sơ do UBND xã, thị trấn lập và gửi về huyện trước ngày 10/5.", ["UBND xã, thị trấn"]),
    ],
)
def test_levels_after_a_head_stay_one_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


# What the rule leaves: places counted in a report are not a body ("14/63 tỉnh, thành phố"), and the levels
# named alone are the reader's own list ("Các xã, phường …" is one plural lead already).
@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Đến nay cả nước mới chỉ có 14/63 tỉnh, thành phố hoàn thành việc kiểm kê đất đai.",
         "cả nước mới chỉ có 14/63 tỉnh, thành phố"),
    ],
)
def test_a_count_before_the_levels_is_not_a_head(text: str, not_expected: str) -> None:
    assert not_expected not in lead(text)


def test_levels_named_alone_are_left_to_the_list_rules() -> None:
    assert lead("Các xã, phường tổ chức ra quân tổng vệ sinh vào sáng chủ nhật.") == ["Các xã, phường"]
