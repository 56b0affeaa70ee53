"""@usernames written in an imported conclusion (domain.assign.written_usernames / arrange_written):
sentences written for this test."""

from __future__ import annotations

from domain.assign import Mention, arrange_written, written_usernames
from domain.understand.assignees import parse_assignees


def test_usernames_are_found_and_addresses_are_not() -> None:
    text = "Giao @binh_pham và @an_le, gửi về gopy@ubnd.gov.vn; @ab quá ngắn, email@@x không phải."
    assert [u for _, _, u in written_usernames(text)] == ["binh_pham", "an_le"]


def test_a_title_before_the_username_is_that_person_in_its_role() -> None:
    text = "Đề nghị đồng chí @hoa_vanphong gửi giấy mời trước ngày 10/12."
    mentions = [Mention(s, e, "7", "@" + u) for s, e, u in written_usernames(text)]
    got = arrange_written(text, parse_assignees(text), mentions)
    assert [r.text for r in got.lead] == ["@hoa_vanphong"] and got.lead[0].unit_key == "person:7"
    assert not got.support


def test_no_username_leaves_the_reading_as_it_was() -> None:
    text = "Giao Văn phòng rà soát hồ sơ trước ngày 15/12."
    parsed = parse_assignees(text)
    assert arrange_written(text, parsed, []) == parsed
