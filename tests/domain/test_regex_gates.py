"""The cheap tests the conclusion splitter runs before some regexes (domain/understand/regex_gates.py):
they may only rule out texts the regex cannot match, and they follow the pattern when a rule is added."""

from __future__ import annotations

import re

from domain.understand.conclusion import _BOUNDARY, _CLOSING_AT_START, _HAS_INLINE_POINT
from domain.understand.regex_gates import MarkSearch, match_gate, opening_words, openings

SENTENCES = [
    "tren day la ket luan cua chu tich, de nghi cac bo phan lien quan biet, thuc hien./.",
    "de nghi cac don vi nghiem tuc trien khai thuc hien.",
    "yeu cau cac chi bo nghiem tuc thuc hien ket luan nay.",
    "giao phong kinh te ra soat ho so, hoan thanh truoc ngay 15/12.",
    "kinh de nghi cac co quan biet va phoi hop thuc hien",
    "Giao UBND TP. Hà Nội kiểm tra. Đề nghị Q. Long Biên báo cáo.",
    "Kết luận: 1. Giao Văn phòng chủ trì; 2. Đề nghị Công an xã tuần tra.",
    "Hoàn thành trước ngày 20/12! Báo cáo kết quả? Xong… Tiếp tục",
    "",
    ".",
    ". A",
]


def test_openings_are_read_from_the_alternatives() -> None:
    assert openings(re.compile(r"^(?:neu|truong hop|moi truong hop)\b")) == ("moi truong hop", "neu", "truong hop")
    assert openings(re.compile(r"^ve(?: phia)?\s")) == ("ve",)
    # an alternative that opens with no fixed word (or a pattern ignoring case) turns the gate off
    assert openings(re.compile(r"^(?:giao|\d+\.)")) is None
    assert openings(re.compile(r"^giao", re.IGNORECASE)) is None
    assert opening_words(re.compile(r"^\s*giao")) == ("",)


def test_a_new_alternative_is_gated_in_without_a_hand_edit() -> None:
    extended = re.compile(_CLOSING_AT_START.pattern + r"|^thong bao nay\b")
    assert "thong bao nay" in (openings(extended) or ())
    assert match_gate(extended)("thong bao nay gui cac don vi")
    assert not match_gate(_CLOSING_AT_START)("thong bao nay gui cac don vi")


def test_match_gate_asks_for_the_words_an_alternative_requires() -> None:
    gate = match_gate(re.compile(r"^(?:de nghi|yeu cau)\b.{0,150}?\bbiet\W*$|^tren day la\b"))
    assert gate("de nghi cac don vi biet.")
    assert gate("tren day la ket luan")
    assert not gate("de nghi cac don vi ra soat ho so")  # opens as one, lacks its "biet"
    assert not gate("giao cac don vi biet")  # has "biet", opens as none
    numbered = match_gate(re.compile(r"^\s*\d+\."))  # no fixed opening: only its "." is asked for
    assert numbered("x. anything")
    assert not numbered("anything")


def test_the_gates_never_rule_out_a_match() -> None:
    texts = SENTENCES + [s.lower() for s in SENTENCES] + [s[k:] for s in SENTENCES for k in range(0, len(s), 7)]
    closing = opening_words(_CLOSING_AT_START)
    closing_gate = match_gate(_CLOSING_AT_START)
    for pattern in (_BOUNDARY, _HAS_INLINE_POINT):
        marks = MarkSearch(pattern)
        for text in texts:
            if pattern.search(text) is not None:
                assert marks.possible(text), (pattern.pattern, text)
    for text in texts:
        if _CLOSING_AT_START.match(text) is not None:
            assert text.startswith(closing), text
            assert closing_gate(text), text


def test_marks_leave_room_for_the_rest_of_the_match() -> None:
    marks = MarkSearch(re.compile(r"[.!?]\s+\w"))
    assert not marks.possible("Một câu duy nhất.")
    assert marks.possible("Câu một. Câu hai")
    assert MarkSearch(re.compile(r"\w+\.")).possible("any text")  # no plain marks to read: always possible
