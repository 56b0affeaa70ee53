"""(docs14) Conclusions typed in VNI fonts (VNI-Times: «Thoâng baùo keát luaän»), as old district files are: a
.txt, a .docx whose runs use a VNI font, a paragraph of one pasted into a Unicode file. The text is written
in VNI here by inverting the bot's own table, and checked against a sample written by another converter."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from domain.understand import legacy_fonts
from domain.understand.conclusion import split_conclusion
from domain.understand.documents import extract_text

TODAY = date(2026, 11, 19)
NOTICE = [
    "THÔNG BÁO",
    "Kết luận của Chủ tịch Ủy ban nhân dân huyện tại cuộc họp ngày 15/11/2026",
    "Sau khi nghe báo cáo, đồng chí Chủ tịch kết luận như sau:",
    "1. Giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp Ủy ban nhân dân các xã rà soát hồ sơ đất đai, "
    "hoàn thành trước ngày 10/12/2026.",
    "2. Giao Công an huyện bảo đảm an ninh trật tự dịp Tết, hoàn thành trước ngày 25/01/2027.",
    "3. Giao Phòng Giáo dục và Đào tạo kiểm tra cơ sở vật chất trường học, hoàn thành trước ngày 20/12/2026.",
    "Nơi nhận:",
]
TASKS = [
    (["Phòng Tài nguyên và Môi trường"], date(2026, 12, 10)),
    (["Công an huyện"], date(2027, 1, 25)),
    (["Phòng Giáo dục và Đào tạo"], date(2026, 12, 20)),
]
# Unicode -> VNI, the table read backwards; the mark byte's case follows its letter's, as VNI fonts type it.
_TO_VNI = {letter: spelling for spelling, letter in legacy_fonts.VNI_LETTERS.items()
           if spelling[-1:].isupper() == letter.isupper()}


def to_vni(text: str) -> str:
    return "".join(_TO_VNI.get(c, c) for c in text)


def leads_and_dues(text: str) -> list[tuple[list[str], date | None]]:
    return [([a.text for a in d.assignees.lead], d.deadline.due) for d in split_conclusion(text, TODAY).directives]


def _docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A .docx of (text, font) paragraphs, the font set on the run, as Word saves a VNI-Times document."""
    document = Document()
    for text, font in paragraphs:
        document.add_paragraph().add_run(text).font.name = font
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_every_vietnamese_letter_has_one_vni_spelling_that_reads_back() -> None:
    letters = "aăâeêioôơuưy"
    tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
    import unicodedata

    every = {unicodedata.normalize("NFC", base + tone) for base in letters for tone in tones} | {"đ"}
    every |= {c.upper() for c in every}
    assert len(every) == 2 * (12 * 6 + 1)
    for letter in sorted(every):
        if letter in "aeiouyAEIOUY":
            continue  # a plain vowel is itself
        assert letter in _TO_VNI, letter
        assert legacy_fonts.vni_to_unicode(_TO_VNI[letter]) == letter


@pytest.mark.parametrize(("vni", "unicode"), [
    # Written by another converter (the npm package «vietnamese-conversion»'s own example), not by this table.
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    # A title-case word mixes the cases: the capital's mark byte over «Ñ», the small one after «a».
    ("Ñaø Naüng", "Đà Nẵng"),
    ("UÛY BAN NHAÂN DAÂN", "ỦY BAN NHÂN DÂN"),
])
def test_vni_samples_read_as_vietnamese(vni: str, unicode: str) -> None:
    assert legacy_fonts.vni_to_unicode(vni) == unicode


def test_a_text_file_typed_in_vni_is_read_in_unicode() -> None:
    # Saved by Notepad as «ANSI»: the VNI fonts' Western bytes. Read as Vietnamese Windows (cp1258) they gave
    # «ơ» for «õ» and loose tone marks; read as Unicode, the file was refused as «bảng mã cũ».
    data = to_vni("\n".join(NOTICE)).encode("cp1252")
    text = extract_text("ket-luan.txt", data)
    assert text.startswith("THÔNG BÁO\nKết luận của Chủ tịch Ủy ban nhân dân huyện")
    assert leads_and_dues(text) == TASKS


def test_a_word_file_whose_runs_use_a_vni_font_is_read_in_unicode() -> None:
    text = extract_text("thong-bao.docx", _docx([(to_vni(line), "VNI-Times") for line in NOTICE]))
    assert text == "\n".join(NOTICE)
    assert leads_and_dues(text) == TASKS


def test_a_vni_paragraph_pasted_into_a_unicode_file_is_read_by_its_font() -> None:
    # One paragraph in VNI-Times among Unicode ones: too few of the letters for the text to look like VNI,
    # but its font says what it is.
    paragraphs = [(line, "Times New Roman") for line in NOTICE]
    paragraphs[4] = (to_vni(NOTICE[4]), "VNI-Times")
    text = extract_text("thong-bao.docx", _docx(paragraphs))
    assert text == "\n".join(NOTICE)
    assert leads_and_dues(text) == TASKS


def test_unicode_and_tcvn3_texts_are_not_taken_for_vni() -> None:
    unicode = "\n".join(NOTICE)
    assert not legacy_fonts.is_vni(unicode)
    assert extract_text("kl.txt", unicode.encode()) == unicode
    tcvn3 = "KÕt luËn cña Tr­ëng Ban chØ ®¹o: giao Së Tµi chÝnh chñ tr× hoµn thµnh tr­íc ngµy 10/12/2026 vµ b¸o c¸o."
    assert not legacy_fonts.is_vni(tcvn3) and legacy_fonts.is_legacy(tcvn3)
