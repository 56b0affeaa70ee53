"""Hypothesis strategies for hostile text: arbitrary unicode, control characters, huge numbers,
impossible dates, Vietnamese with and without diacritics, and the words the parsers react to (so that
random input reaches their deeper paths, not only the "nothing found" exit)."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

# Words the deadline, assignee and conclusion grammars react to, with and without diacritics.
VOCABULARY = [
    "Giao", "giao", "Văn phòng", "Van phong", "HĐND&UBND", "HDND&UBND", "chủ trì", "chu tri", "phối hợp",
    "phoi hop", "Công an phường", "Cong an phuong", "Ban biên tập", "Phòng GD&ĐT", "UBND", "đề nghị",
    "de nghi", "thực hiện", "thuc hien", "báo cáo", "bao cao", "trước", "truoc", "ngày", "ngay", "tháng",
    "thang", "năm", "nam", "quý", "quy", "tuần", "tuan", "này", "nay", "sau", "tới", "hạn", "han",
    "chậm nhất", "cham nhat", "hoàn thành", "hoan thanh", "xong", "trong", "vòng", "làm việc", "từ", "đến",
    "hết", "hàng", "hằng", "mỗi", "định kỳ", "thứ", "hai", "sáu", "Tết", "Nguyên đán", "dịp", "lễ",
    "lập tức", "khẩn trương", "hôm nay", "mai", "cuối", "đầu", "I", "II", "IV", "đã", "vào",
    "15/12", "31/02", "29/02", "30/02/2023", "2/9", "30/4", "15-12-2020", "4/2018", "9.2020", "0/0",
    "00/00/0000", "32/13", "31/12/9999", "1/1/1", "01/01/0001", "15/12/99999", "99/99/9999",
    "17h00", "10", "07", "30", "0", "-1", "+5", "999999999", "18446744073709551616", "1e308",
    "99999999999999999999999999", "trong 99999999 ngày", "trong 999999999 ngày làm việc",
    "trong 10000 năm", "quý 99", "quý 0", "tháng 13", "tháng 0", "năm 0", "năm 99999", "tuần 999",
    "@lan_chutich", "@", "@@", "#1", "#", "#99999999999", "<b>", "</a>", "&", "&amp;", "<", ">", '"',
    "'", "\\", "/giao", "/xong@NhacViecTestBot", "=", ",", ".", ";", ":", "(", ")", "-", "•", "*",
    "+", "a)", "1.", "2)", "\n", "\n\n", "\t", "\r\n", "\u200b", "\u200e", "\u202e", "\ufeff",
    "\x00", "\x07", "\x1b", "\u0301", "\u0323", "a\u0301", "😀", "👨‍👩‍👧", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﷺ", "Ⅳ",
    "１５／１２", "٣", "ǅ", "İ", "ß", "\U0010ffff",
]  # fmt: skip

# Any code point hypothesis can put in a str (all categories except surrogates): controls included.
ANY_TEXT = st.text(max_size=200)
NUMBERS = st.integers(min_value=-(10**30), max_value=10**30).map(str)
DATES_TEXT = st.tuples(
    st.integers(-5, 99), st.integers(-5, 99), st.one_of(st.none(), st.integers(0, 100_000))
).map(lambda t: f"{t[0]}/{t[1]}" + (f"/{t[2]}" if t[2] is not None else ""))
FRAGMENT = st.one_of(
    st.sampled_from(VOCABULARY), ANY_TEXT.map(lambda s: s[:20]), NUMBERS, DATES_TEXT
)
SEPARATOR = st.sampled_from([" ", " ", " ", "", "\n", ", ", ". ", "\t", " - "])


@st.composite
def hostile_text(draw: st.DrawFn, max_parts: int = 30) -> str:
    """A sentence of hostile fragments, or plain arbitrary unicode."""
    if draw(st.integers(0, 4)) == 0:
        return draw(ANY_TEXT)
    parts = draw(st.lists(st.tuples(FRAGMENT, SEPARATOR), max_size=max_parts))
    return "".join(f + s for f, s in parts)


# Very long inputs (the parsers must stay well-behaved, and handlers must cut them): a word the grammars
# react to, repeated. Drawn among every property's examples (LONG_TEXT = one_of(hostile_text, this))
# they were a quarter of the examples and most of the CPU (11-20 ms each against 0.1-0.8 ms for a
# hostile sentence), hundreds of draws over the same few words: 300 draws held 136 distinct words.
# test_parsers.test_very_long_inputs now draws them in one property of their own, through every parser.
VERY_LONG = st.tuples(st.sampled_from(VOCABULARY), st.integers(100, 3000)).map(lambda t: (t[0] + " ") * t[1])

# Directive dates: the whole range Python dates allow, edges included (year 1 and year 9999).
DAYS = st.one_of(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from([date(1, 1, 1), date(1, 1, 2), date(9999, 12, 31), date(9999, 12, 1), date(9999, 1, 1)]),
    st.dates(),
)


def _real_files() -> dict[str, bytes]:
    from tests.domain.test_documents import _docx, _pdf

    return {".docx": _docx(), ".pdf": _pdf("1. Giao Văn phòng tổng hợp số liệu trước 15/12.")}


REAL_FILES = _real_files()


@st.composite
def attached_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file named like a conclusion, whose bytes are noise, a damaged real file, or text in an odd
    encoding (a byte-order mark followed by invalid UTF-8, for one)."""
    ext = draw(st.sampled_from([".txt", ".docx", ".pdf", ".doc", ".TXT", "", ".exe"]))
    how = draw(st.integers(0, 3))
    if how == 0:
        data = draw(st.binary(max_size=2000))
    elif how == 1:
        real = REAL_FILES.get(ext.lower(), REAL_FILES[".docx"])
        cut = draw(st.integers(0, len(real)))
        junk = draw(st.binary(max_size=50))
        data = real[:cut] + junk + real[cut + len(junk):] if draw(st.booleans()) else real[:cut]
    elif how == 2:
        prefix = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04", b"%PDF-1.4\n"]))
        data = prefix + draw(st.binary(max_size=500))
    else:
        text = draw(hostile_text())
        data = text.encode(draw(st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1258"])), errors="replace")
    return "kết luận" + ext, data
