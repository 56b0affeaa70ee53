"""domain/lead_text.py: the name a task starts with goes when it is the task's own assignee."""

from __future__ import annotations

from domain.assign import Mention
from domain.lead_text import without_leading_mentions


def _m(text: str, written: str, key: str) -> Mention:
    start = text.index(written)
    return Mention(start, start + len(written), key, written)


def test_a_leading_username_of_the_lead_goes() -> None:
    text = "@binh_le rà soát hồ sơ thủ tục một cửa trước ngày 2/12"
    assert without_leading_mentions(text, [_m(text, "@binh_le", "7")], {"7"}) == (
        "rà soát hồ sơ thủ tục một cửa trước ngày 2/12"
    )


def test_several_names_and_a_chu_tri_after_them_go() -> None:
    text = "@thu_ha, @quang_vo chủ trì: cập nhật tin bài lên Cổng TTĐT"
    mentions = [_m(text, "@thu_ha", "1"), _m(text, "@quang_vo", "2")]
    assert without_leading_mentions(text, mentions, {"1", "2"}) == "cập nhật tin bài lên Cổng TTĐT"
    text = "@thu_ha và @quang_vo kiểm tra camera"
    mentions = [_m(text, "@thu_ha", "1"), _m(text, "@quang_vo", "2")]
    assert without_leading_mentions(text, mentions, {"1", "2"}) == "kiểm tra camera"


def test_a_name_inside_the_sentence_or_not_an_assignee_stays() -> None:
    text = "rà soát hồ sơ cùng @an_pham"
    assert without_leading_mentions(text, [_m(text, "@an_pham", "3")], {"3"}) == text
    text = "@lan_chutich nhắc: kiểm tra hồ sơ"
    assert without_leading_mentions(text, [_m(text, "@lan_chutich", "9")], {"3"}) == text


def test_nothing_left_keeps_the_text() -> None:
    text = "@binh_le chủ trì"
    assert without_leading_mentions(text, [_m(text, "@binh_le", "7")], {"7"}) == text


def test_a_coordinator_named_first_stays_when_only_leads_are_passed() -> None:
    text = "@an_pham phối hợp, Văn phòng chủ trì rà soát hồ sơ"
    assert without_leading_mentions(text, [_m(text, "@an_pham", "3")], set()) == text
