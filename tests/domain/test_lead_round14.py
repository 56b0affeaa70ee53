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


# Places named after a plural kind of place, some with their own level word, are members of ONE lead
# (`lead_round14.named_places_list`). Dev: O032-02 ("… các địa phương A, B, Thành phố C, …"), L059-01 ("UBND các
# huyện A, B, thị xã C và thành phố D"); N032-01 is the colon form, already one lead.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chủ tịch UBND tỉnh giao Công an tỉnh và UBND các huyện Đông Anh, Gia Lâm, thị xã Sơn Tây và thành phố "
         "Hà Đông rà soát ngư dân.", ["Công an tỉnh", "UBND các huyện Đông Anh, Gia Lâm, thị xã Sơn Tây và thành phố "
                                     "Hà Đông"]),
        ("Thủ tướng yêu cầu Chủ tịch UBND các tỉnh Nghệ An, Hà Tĩnh, Thành phố Huế và lãnh đạo các bộ liên quan "
         "chỉ đạo sơ tán dân.", ["Chủ tịch UBND các tỉnh Nghệ An, Hà Tĩnh, Thành phố Huế",
                                 "lãnh đạo các bộ liên quan"]),
    ],
)
def test_named_places_after_a_plural_kind_are_one_lead(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_a_level_named_after_another_body_stays_its_own_lead() -> None:
    # "Sở Y tế" names no places: "thành phố Quảng Ngãi" after it is another addressee.
    text = "UBND tỉnh yêu cầu Sở Y tế, thành phố Quảng Ngãi rà soát hộ nghèo."
    assert lead(text) == ["Sở Y tế", "thành phố Quảng Ngãi"]
