"""(docs18) Documents as offices send them, built here and read as /nhap reads them: the items the preview lists
(lead, deadline), each whole, must be the document's.

- a bulletin page set in three columns (text PDF, drawn line by line across the page, or column by column);
- a two-page notice whose running header is printed on page 2 only (Word's «different first page»);
- a scanned page naming units by compound abbreviations («Phòng KT&HT», «Phòng VH&TT»), which OCR misreads at «&».
"""

from __future__ import annotations

import random
import textwrap
from datetime import date

from PIL import Image, ImageDraw, ImageFont

from bot.tesseract import SystemTools
from domain.understand import ocr, ocr_compounds, pdf_columns, running_lines
from domain.understand.documents import extract_text, read_document
from tests.domain.test_docs16_office_documents import _two_pages
from tests.domain.test_docs17_running_lines import _ITEMS, EXPECTED, _pdf, found
from tests.domain.test_ocr_pages import pytestmark as needs_tesseract
from tests.ocr_pages import A4, DPI, MARGIN, _speckle, as_pdf, serif_font

# ------------------------------------------------------------------------------------------ three columns
_COLUMNS = [
    ["1. Giao Phòng Tài chính - Kế hoạch chủ trì rà soát danh mục dự án đầu tư công trung hạn, báo cáo UBND huyện "
     "trước ngày 15/12/2026.",
     "2. Giao Ban Quản lý dự án huyện đẩy nhanh tiến độ giải phóng mặt bằng tuyến đường trục trung tâm, hoàn thành "
     "trước ngày 20/12/2026."],
    ["3. Giao Phòng Lao động - Thương binh và Xã hội tổ chức thăm, tặng quà Tết cho hộ nghèo, hoàn thành trước ngày "
     "10/01/2027.",
     "4. Giao Phòng Y tế kiểm tra an toàn thực phẩm dịp Tết Nguyên đán, báo cáo kết quả trước ngày 25/01/2027."],
    ["5. Giao Phòng Nội vụ báo cáo tình hình thực hiện cải cách hành chính trước ngày 31/12/2026.",
     "6. Giao Công an huyện kiểm tra công tác phòng cháy, chữa cháy tại các chợ, xong trước ngày 22/12/2026."],
]
SIX = [
    (["Phòng Tài chính - Kế hoạch"], date(2026, 12, 15)), (["Ban Quản lý dự án huyện"], date(2026, 12, 20)),
    (["Phòng Lao động - Thương binh và Xã hội"], date(2027, 1, 10)), (["Phòng Y tế"], date(2027, 1, 25)),
    (["Phòng Nội vụ"], date(2026, 12, 31)), (["Công an huyện"], date(2026, 12, 22)),
]


def _three_column_pdf(line_by_line: bool) -> bytes:
    """A bulletin page: a title and a lead-in across the page, then six items in three columns of 30 letters
    (gutters of about Word's 1.27 cm), each item's first line indented, lines ragged as Word leaves them.
    `line_by_line`: the content stream draws the three columns' lines at one height one after the other."""
    columns = []
    for x, items in zip((0.06, 0.37, 0.68), _COLUMNS, strict=True):
        y, placed = 0.89, []
        for item in items:
            for k, line in enumerate(textwrap.wrap(item, 30)):
                placed.append((x + (0.015 if k == 0 else 0), y, line))
                y -= 0.016
            y -= 0.006
        columns.append(placed)
    longest = max(map(len, columns))
    body = ([c[i] for i in range(longest) for c in columns if i < len(c)] if line_by_line
            else [p for c in columns for p in c])
    head = [(0.35, 0.95, "BẢN TIN KẾT LUẬN GIAO BAN"), (0.06, 0.92, "Đồng chí Chủ tịch UBND huyện kết luận như sau:")]
    return _pdf([[*head, *body]], fontsize=9)


def test_a_pdf_in_three_columns_gives_each_item_whole_in_reading_order() -> None:
    # Before: one gutter was looked for, the middle columns' lines ran into the right column's («5. Giao Phòng
    # Nội vụ báo cáo Thương binh và Xã hội tổ chức tình …»): 6 items, 2 with their own lead and deadline.
    for line_by_line in (True, False):
        text = extract_text("ban-tin.pdf", _three_column_pdf(line_by_line))
        items = found(text)
        assert [(leads, due) for _, leads, due in items] == SIX
        # each whole: item 3's first printed line ends at «Lao động -», its name goes on in the next line
        assert items[2][0] == ("Giao Phòng Lao động - Thương binh và Xã hội tổ chức thăm, tặng quà Tết cho hộ "
                               "nghèo, hoàn thành trước ngày 10/01/2027.")
        assert text.startswith("BẢN TIN KẾT LUẬN GIAO BAN\nĐồng chí Chủ tịch")


@needs_tesseract
def test_a_scanned_page_in_three_columns_gives_each_item_whole() -> None:
    # The bulletin printed and scanned (200 dpi, 10 pt, columns of about 30 letters, turned 0.5°, speckled):
    # Tesseract finds the columns as blocks itself. Before: item 3's first line «3. Giao Phòng Lao động -», short
    # of its column's edge, read as a paragraph's end; the item was cut there, led by «Phòng Lao động», no
    # deadline (5 of 6 right).
    font = ImageFont.truetype(serif_font() or "", round(10 * DPI / 72))
    page = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(page)
    draw.text((A4[0] // 3, MARGIN), "BẢN TIN KẾT LUẬN GIAO BAN", font=font, fill=20)
    draw.text((MARGIN, MARGIN + 50), "Đồng chí Chủ tịch UBND huyện kết luận như sau:", font=font, fill=20)
    width = (A4[0] - 2 * MARGIN - 200) // 3
    for c, column in enumerate(_COLUMNS):
        x, y = MARGIN + c * (width + 100), MARGIN + 130
        for item in column:
            line, indent = "", 30  # each item's first line indented
            for word in item.split():
                if line and font.getlength(f"{line} {word}") > width - indent:
                    draw.text((x + indent, y), line, font=font, fill=20)
                    line, indent, y = word, 0, y + 40
                else:
                    line = f"{line} {word}".strip()
            draw.text((x + indent, y), line, font=font, fill=20)
            y += 52
    page = _speckle(page.rotate(0.5, resample=Image.Resampling.BICUBIC, fillcolor=255), 0.002, random.Random(3))
    items = found(read_document("ban-tin.pdf", as_pdf([page]), SystemTools(240)).text)
    assert [(leads, due) for _, leads, due in items] == SIX
    assert items[2][0].startswith("Giao Phòng Lao động - Thương binh và Xã hội tổ chức thăm")


def test_columns_are_runs_read_one_after_the_other() -> None:
    def box(item: tuple[float, float, float]) -> tuple[float, float, float]:
        return item

    title = (40, 560, 800)
    columns = [[(x, x + 150, 780 - 15 * k) for k in range(8)] for x in (40, 230, 420)]
    across = [p for k in range(8) for p in (columns[0][k], columns[1][k], columns[2][k])]
    assert pdf_columns.runs([title, *across], box) == [[title], *columns]
    one = [(40, 560, 760 - 15 * k) for k in range(12)]
    assert pdf_columns.runs(one, box) == [one]


def test_a_line_wrapped_before_a_long_word_in_a_narrow_column_goes_on_and_a_heading_stands_apart() -> None:
    def line(text: str, left: int, right: int) -> ocr.Line:
        return ocr.Line(1, 1, 1, text, 95.0, left, right)

    # A column 300 wide, 10 a letter: «Thương» (7 with its space) did not fit in the 60 left after «động -».
    column = [line("3. Giao Phòng Lao động -", 20, 240), line("Thương binh và Xã hội tổ chức", 0, 290),
              line("thăm hộ nghèo.", 0, 140)]
    assert ocr.paragraphs(column) == ["3. Giao Phòng Lao động - Thương binh và Xã hội tổ chức thăm hộ nghèo."]
    # A heading that leaves room for the next line's first word stands apart, on a page's width or a column's.
    heading = [line("Về thu ngân sách", 0, 160), line("Giao Chi cục Thuế thực hiện thu đúng hạn.", 0, 300)]
    assert ocr.paragraphs(heading) == ["Về thu ngân sách", "Giao Chi cục Thuế thực hiện thu đúng hạn."]
    # (the same heading ending within «Giao»'s width of the edge is a line wrapped there: nothing tells it apart)


# ------------------------------------------------------------------------------------------ header on page 2 only
_HEADER = "Thông báo số 123/TB-UBND ngày 18/11/2026 của UBND huyện"
_ITEM_3 = ("Giao Phòng Lao động - Thương binh và Xã hội chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc huyện tổ chức "
           "thăm, tặng quà Tết cho hộ nghèo, gia đình chính sách, người có công với cách mạng trên địa bàn huyện, bảo "
           "đảm đúng đối tượng, công khai, minh bạch, hoàn thành trước ngày 10/01/2027.")


def _two_page_notice(header: str) -> bytes:
    """docs17's notice on two pages of eight lines from the top margin (y 0.86), item 3 over the break; `header`
    printed in page 2's top margin only (Word's «different first page»: page 1 opens with the heading)."""
    body = [(0.38, "THÔNG BÁO KẾT LUẬN CUỘC HỌP GIAO BAN"), (0.1, "Đồng chí Chủ tịch UBND huyện kết luận như sau:")]
    body += [(0.1, line) for item in _ITEMS for line in textwrap.wrap(item, 88)]
    body += [(0.1, "Nơi nhận:"), (0.1, "- Như trên;")]
    pages = [[(x, 0.86 - 0.025 * k, text) for k, (x, text) in enumerate(body[start:start + 8])]
             for start in range(0, len(body), 8)]
    assert len(pages) == 2
    if header:
        pages[1].insert(0, (0.1, 0.92, header))
    return _pdf(pages)


def test_a_header_printed_on_page_two_only_is_not_read_into_the_item_over_the_break() -> None:
    # Before: seen on one page, the header was kept, and read into item 3's text between its halves («… người có
    # công Thông báo số 123/TB-UBND ngày 18/11/2026 của UBND huyện với cách mạng …»); the leads and days were right.
    text = extract_text("thong-bao.pdf", _two_page_notice(_HEADER))
    items = found(text)
    assert [(leads, due) for _, leads, due in items] == EXPECTED
    assert items[2][0] == _ITEM_3
    assert "123/TB-UBND" not in text and text.startswith("THÔNG BÁO KẾT LUẬN")
    # the same notice without the header reads the same
    assert extract_text("thong-bao.pdf", _two_page_notice("")) == text


def test_a_body_line_at_a_page_head_is_kept_however_often_it_comes() -> None:
    def page(*lines: tuple[str, float]) -> list[running_lines.Printed]:
        return [running_lines.Printed(text, top) for text, top in lines]

    first = page(("ỦY BAN NHÂN DÂN HUYỆN", 0.1), ("- Hoàn thành trước ngày 15/12/2026.", 0.125),
                 ("Giao Phòng Y tế", 0.15), ("kiểm tra.", 0.175))
    # page 2 opens at the text's top with the line page 1 has in its body: kept
    again_lines = (("- Hoàn thành trước ngày 15/12/2026.", 0.1), ("Giao Công an huyện", 0.125), ("kiểm tra.", 0.15),
                   ("báo cáo.", 0.175))
    again = page(*again_lines)
    assert running_lines.repeated([first, again], same_band=0.005, tolerance=0.01) == [set(), set()]
    # a line one step above the text's top (page 2 set a line higher): a paragraph's line, kept
    higher = page(("Giao Công an huyện", 0.075), ("kiểm tra phòng cháy.", 0.1), ("Giao Phòng Nội vụ", 0.125),
                  ("báo cáo.", 0.15))
    assert running_lines.repeated([first, higher], same_band=0.005, tolerance=0.01) == [set(), set()]
    # a line in the top margin, the body under it starting where page 1's text starts: the header
    headed = page(("Thông báo số 123/TB-UBND", 0.05), *again_lines)
    assert running_lines.repeated([first, headed], same_band=0.005, tolerance=0.01) == [set(), {0}]


@needs_tesseract
def test_a_header_printed_on_page_two_only_of_a_scanned_notice_is_not_read_into_the_item() -> None:
    # docs16's scanned notice (two pages, turned 0.8°, speckled), the notice's number in page 2's top margin.
    # Before: kept (seen on one page) and read into item 3 between its halves.
    pdf = as_pdf(_two_pages("small letter", "", "Thông báo số 123/TB-UBND ngày 18/11/2026"))
    text = read_document("thong-bao.pdf", pdf, SystemTools(240)).text
    items = found(text)
    assert [(leads, due) for _, leads, due in items] == EXPECTED  # docs16's items: the same leads and days
    assert "gia đình chính sách, người có công với cách mạng" in items[2][0]
    assert "TB-UBND" not in text


# ------------------------------------------------------------------------------------------ «&» in abbreviations
_UNITS = [
    "1. Giao Văn phòng HĐND&UBND huyện rà soát hồ sơ, xong trước ngày 15/12/2026.",
    "2. Giao Phòng GD&ĐT kiểm tra cơ sở vật chất trường học trước ngày 20/12/2026.",
    "3. Giao Phòng TN&MT và Phòng KT&HT phối hợp kiểm tra trước ngày 22/12/2026.",
    "4. Giao Phòng NN&PTNT chủ trì, Sở KH&ĐT phối hợp báo cáo trước ngày 25/12/2026.",
    "5. Giao Phòng VH&TT tổ chức hội thi, Phòng LĐ-TB&XH phối hợp trước ngày 28/12/2026.",
]


@needs_tesseract
def test_compound_abbreviations_misread_at_their_ampersand_name_the_units_written() -> None:
    # A scanned page (200 dpi, 11 pt, turned 0.5°, speckled). Before: Tesseract read «KT&(HT» and «VH&TTT», and
    # the preview named «Phòng KT&» and «Phòng VH&TTT» (3 of 5 items with the leads written).
    font = ImageFont.truetype(serif_font() or "", round(11 * DPI / 72))
    page = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(page)
    for k, line in enumerate(_UNITS):
        draw.text((MARGIN, MARGIN + k * round(font.size * 1.6)), line, font=font, fill=20)
    page = _speckle(page.rotate(0.5, resample=Image.Resampling.BICUBIC, fillcolor=255), 0.002, random.Random(3))
    items = found(read_document("thong-bao.pdf", as_pdf([page]), SystemTools(240)).text)
    assert [(leads, due) for _, leads, due in items] == [
        (["Văn phòng HĐND&UBND huyện"], date(2026, 12, 15)), (["Phòng GD&ĐT"], date(2026, 12, 20)),
        (["Phòng TN&MT", "Phòng KT&HT"], date(2026, 12, 22)), (["Phòng NN&PTNT"], date(2026, 12, 25)),
        (["Phòng VH&TT"], date(2026, 12, 28))]


def test_a_glyph_added_at_a_compounds_ampersand_is_taken_back_only_toward_one_known_compound() -> None:
    line = ocr.Line(1, 1, 1, "1. Giao Văn phòng HĐND&YUBND huyện, Phòng KT&(HT và Phòng VH&TTT thực hiện.", 95.0)
    assert ocr.paragraphs([line]) == ["1. Giao Văn phòng HĐND&UBND huyện, Phòng KT&HT và Phòng VH&TT thực hiện."]
    for kept in (
        "Phòng GD&ĐT, Phòng TN&MT.",  # known: as written
        "Sở VH/TT&(DL",  # two glyphs wrong: no single one makes it known
        "Công ty AB&CD",  # a compound no list knows
        "Phòng TXN&MT",  # a glyph inside a part, away from the «&»
        "tra cứu R&D",
    ):
        assert ocr_compounds.mended(kept) == kept
