"""(docs13) Text typed in the legacy Vietnamese fonts TCVN3 (ABC: .VnTime, .VnArial…), read as Unicode.

Those fonts draw Vietnamese letters at the code points of Western ones, so a PDF or Word file typed in them
gives «Th«ng b¸o kÕt luËn» for «Thông báo kết luận» (pypdf, PDFium and python-docx all read the code
points). The bot refused such files («bảng mã cũ»); the letters are put back here instead.

The table is TCVN 5712:1993's, as glibc ships it (iconv's TCVN5712-1 charmap), restricted to the letters
TCVN3 (its VN3 part) has: the seven base capitals and the lower-case letters. VN1's capitals with a tone sit
at code points (0x80–0x9F: «–», «“», «”») that TCVN3 documents use for punctuation, and are left alone. An
upper-case TCVN3 font (.VnTimeH) uses the lower-case codes: a word in capitals is given in capitals.
VNI fonts (two code points a letter) are not converted: the bot still asks for Unicode.
"""

from __future__ import annotations

import re

_TCVN3 = "¡¢£¤¥¦§¨©ª«¬­®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ"
_UNICODE = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
_TABLE = str.maketrans(_TCVN3, _UNICODE)
# Code points of the table that no Vietnamese text in Unicode has: the legacy text's sign.
_MARKS = frozenset(c for c in _TCVN3 if not c.isalpha() or c in "ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞß")
# Vietnamese letters beyond Latin-1 (ă, đ, ơ, ư, ạ, ế…): a line holding one is Unicode already.
_UNICODE_VIETNAMESE = re.compile(r"[\u0100-\u01ff\u1ea0-\u1ef9]")
_WORD = re.compile(r"\S+")


def is_legacy(text: str) -> bool:
    """Whether the text reads as TCVN3 taken for Unicode: its signs outnumber the Vietnamese letters."""
    letters = sum(1 for c in text if c.isalpha())
    marks = sum(1 for c in text if c in _MARKS)
    return marks > max(3, letters // 40) and len(_UNICODE_VIETNAMESE.findall(text)) < marks


def to_unicode(text: str) -> str:
    """TCVN3 text in Unicode, line by line: a line already in Unicode (a Vietnamese letter beyond Latin-1)
    or without a sign of TCVN3 is kept as it is."""
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    if _UNICODE_VIETNAMESE.search(line) or not any(c in _MARKS for c in line):
        return line
    return _WORD.sub(_word, line)


def _word(match: re.Match[str]) -> str:
    word = match.group(0)
    converted = word.translate(_TABLE)
    plain = [c for c in word if c.isascii() and c.isalpha()]
    if converted != word and len(plain) >= 2 and all(c.isupper() for c in plain):
        return converted.upper()  # «TH«NG B¸O» in .VnTimeH: «THÔNG BÁO»
    return converted
