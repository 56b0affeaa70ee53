"""(docs13) Text typed in the legacy Vietnamese fonts TCVN3 (ABC: .VnTime, .VnArial…), read as Unicode.

Those fonts draw Vietnamese letters at the code points of Western ones, so a PDF or Word file typed in them
gives «Th«ng b¸o kÕt luËn» for «Thông báo kết luận» (pypdf, PDFium and python-docx all read the code
points). The bot refused such files («bảng mã cũ»); the letters are put back here instead.

The table is TCVN 5712:1993's, as glibc ships it (iconv's TCVN5712-1 charmap), restricted to the letters
TCVN3 (its VN3 part) has: the seven base capitals and the lower-case letters. VN1's capitals with a tone sit
at code points (0x80–0x9F: «–», «“», «”») that TCVN3 documents use for punctuation, and are left alone. An
upper-case TCVN3 font (.VnTimeH) uses the lower-case codes: a word in capitals is given in capitals.
(docs14) VNI fonts (VNI-Times, VNI-Helve…: «Thoâng baùo keát luaän» for «Thông báo kết luận») are converted
too: see `VNI_LETTERS`.
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


# ------------------------------------------------------------------------------------------ VNI
# (docs14) VNI Windows: a Vietnamese letter is its base letter followed by one code point of Latin-1 that the
# font draws as the marks (one for the tone, the vowel's hat, or both); ơ, ư, đ and four of the i's and ỵ are
# single code points. No maintained Python package converts it (PyPI's «vniencoder» is the VNI typing method,
# «a1 a2»; iconv has no VNI), so the table is written here — built from what each mark byte means, so that no
# letter is typed by hand: the mark bytes as VNI's font charts give them (the lower-case byte over a small
# letter, the capital one over a capital; a title-case word mixes them, and either is read).
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_HAT, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_TONES = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_HAT_TONES = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_BREVE_TONES = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# The mark bytes each base takes (ô and ö are VNI's ơ and ư, which take a tone).
_MARKS_OF = {
    "a": {**{m: t for m, t in _TONES.items()}, **{m: _HAT + t for m, t in _HAT_TONES.items()},
          **{m: _BREVE + t for m, t in _BREVE_TONES.items()}},
    "e": {**_TONES, **{m: _HAT + t for m, t in _HAT_TONES.items()}},
    "o": {**_TONES, **{m: _HAT + t for m, t in _HAT_TONES.items()}},
    "ô": {m: _HORN + t for m, t in _TONES.items()},
    "u": _TONES,
    "ö": {m: _HORN + t for m, t in _TONES.items()},
    "y": _TONES,
}
_BASE_OF = {"ô": "o", "ö": "u"}
# Letters of one code point: í ì (as in Unicode), ỉ ĩ ị ỵ, ơ ư, đ.
_SINGLE = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ô": "ơ", "ö": "ư", "ñ": "đ"}


def _vni_letters() -> dict[str, str]:
    import unicodedata

    out: dict[str, str] = {}
    for base, marks in _MARKS_OF.items():
        plain = _BASE_OF.get(base, base)
        for mark, combining in marks.items():
            for upper_base in (False, True):
                letter = unicodedata.normalize("NFC", plain + combining)
                letter = letter.upper() if upper_base else letter
                written = base.upper() if upper_base else base
                out[written + mark] = letter
                out[written + mark.upper()] = letter
    for code, letter in _SINGLE.items():
        out[code] = letter
        out[code.upper()] = letter.upper()
    return out


# Every VNI spelling of a Vietnamese letter -> the letter (the two-code-point ones first in the pattern).
VNI_LETTERS = _vni_letters()
_VNI_SPELLING = re.compile("|".join(sorted(map(re.escape, VNI_LETTERS), key=len, reverse=True)))
# Code points a VNI text has and Vietnamese in Unicode never does: its sign.
_VNI_MARKS = frozenset("øûïåäëüæöîñ" + "øûïåäëüæöîñ".upper())


def is_vni(text: str) -> bool:
    """Whether the text reads as VNI taken for Unicode: its signs outnumber the Vietnamese letters beyond
    Latin-1 (which VNI never has), and outnumber TCVN3's signs that are no letters («¸ µ ¶ ¹ © ª «»: TCVN3's
    á à ả ạ â ê ô, common in any TCVN3 text; every VNI mark byte is a letter of Latin-1). TCVN3's ø, û, ï…
    are letters of its own: its text has VNI's signs too, but far fewer."""
    letters = sum(1 for c in text if c.isalpha())
    marks = sum(1 for c in text if c in _VNI_MARKS)
    tcvn3 = sum(1 for c in text if c in _MARKS and not c.isalpha())
    return marks > max(3, letters // 60) and len(_UNICODE_VIETNAMESE.findall(text)) < marks and marks > tcvn3


def vni_to_unicode(text: str) -> str:
    """VNI text in Unicode, line by line: a line already in Unicode (a letter beyond Latin-1) is kept."""
    return "\n".join(
        line if _UNICODE_VIETNAMESE.search(line) else _VNI_SPELLING.sub(lambda m: VNI_LETTERS[m.group(0)], line)
        for line in text.split("\n")
    )


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
