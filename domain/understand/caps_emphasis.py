"""Words in capitals right after a unit's name: emphasis, or the rest of another name?

The kind of sentence served: a unit's registered name or abbreviation, then words written in capitals
for emphasis or as a label, then the task — «/giao VPPL BÍ MẬT rà soát hồ sơ …», «CA KHẨN TRƯƠNG xác
minh …», «Văn phòng GẤP: gửi báo cáo …», «VP CHỦ TRÌ, phối hợp …». The assignee reader takes a capital
after a name for the start of a different, longer name («Văn phòng Điều phối nông thôn mới» is not
«Văn phòng»), so these lost their unit altogether («chưa rõ ai»).

A run in capitals is emphasis, not a name going on, when
- the text is not all in capitals (there, capitals are no emphasis: a heading, OCR of a title page),
- it is made of Vietnamese syllables (a vowel, a possible initial and final): «BÍ MẬT», «KHẨN TRƯƠNG»,
  «GẤP»; an acronym («HĐND», «TN», «CĐS», «GD&ĐT», «TP»), a Roman number («Đội II») or one short
  syllable that may abbreviate («TƯ» for Trung ương, «CA») goes on naming («Đoàn TN», «BCĐ CĐS»), and
- the name before it is not written in capital words of the same kind: it is the unit's registered
  abbreviation («VPPL», «CA», «BBT»), or a name written in ordinary case («Văn phòng KHẨN TRƯƠNG»).
  A name in capital words followed by more capital words («VĂN PHÒNG ĐIỀU PHỐI …», a heading) is one
  name in capitals, as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.types import KnownUnit
from domain.understand.vntokens import Token, compact, fold_word

# A Vietnamese syllable, folded (no tone marks, «đ» as «d»): initial consonants, a vowel nucleus, a final.
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnpqrstvx])?"
    r"(?:[aeiouy]{1,3})"
    r"(?:ch|ng|nh|[cmnpt])?$"
)


_ROMAN = re.compile(r"^[IVXLC]+$")


def is_syllable(word: str) -> bool:
    """A word that is one Vietnamese syllable («BÍ», «TRƯƠNG»), not an acronym («HĐND», «TN»)."""
    return bool(_SYLLABLE.match(fold_word(word).lower()))


def _upper_word(t: Token) -> bool:
    return t.is_word and not t.is_number and len(t.text) > 1 and t.text.isupper()


def _registered_abbreviation(unit: KnownUnit, written: str) -> bool:
    """The name was written as one of the unit's aliases registered in capitals («VPPL», «CA»)."""
    return any(a.isupper() and compact(a) == written for a in (unit.name, *unit.aliases))


def capitals_are_emphasis(tokens: Sequence[Token], start: int, end: int, unit: KnownUnit) -> bool:
    """tokens[start:end] name `unit`; do the capitals at tokens[end] stand apart from that name?"""
    if not any(t.is_word and t.text != t.text.upper() for t in tokens):
        return False  # a text all in capitals (a heading, a shout): its capitals say nothing
    run = end
    while run < len(tokens) and _upper_word(tokens[run]):
        if not is_syllable(tokens[run].text) or _ROMAN.match(tokens[run].text):
            return False  # an acronym or a number («Đội II»): part of a name
        run += 1
    if run == end or (run - end == 1 and len(tokens[end].text) < 3):
        return False  # one short word may be an abbreviation too: «TƯ», «CA», «HU»
    name = [t for t in tokens[start:end] if t.is_word]
    written = "".join(t.compact for t in name)
    if _registered_abbreviation(unit, written):
        return True
    return not all(t.text.isupper() for t in name)
