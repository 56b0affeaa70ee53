"""(docs17) Running headers and footers, narrow column gutters: documents built here and read as /nhap reads
them; the items the preview lists (lead, deadline) must be the document's.
"""

from __future__ import annotations

import io
import textwrap
from datetime import date

from bot.tesseract import SystemTools
from domain.understand import pdf_columns, running_lines
from domain.understand.conclusion import split_conclusion
from domain.understand.documents import extract_text, read_document
from tests.domain.test_docs16_office_documents import _two_pages, placed_columns
from tests.domain.test_ocr_pages import pytestmark as needs_tesseract
from tests.ocr_pages import as_pdf

TODAY = date(2026, 11, 19)


def found(text: str) -> list[tuple[str, list[str], date | None]]:
    return [(d.text, [a.text for a in d.assignees.lead], d.deadline.due)
            for d in split_conclusion(text, TODAY).directives]


_ITEMS = [
    "1. Giao Phòng Tài chính - Kế hoạch chủ trì rà soát danh mục dự án đầu tư công trung hạn, báo cáo UBND huyện "
    "trước ngày 15/12/2026.",
    "2. Giao Ban Quản lý dự án huyện đẩy nhanh tiến độ giải phóng mặt bằng tuyến đường trục trung tâm, hoàn thành "
    "trước ngày 20/12/2026.",
    "3. Giao Phòng Lao động - Thương binh và Xã hội chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc huyện tổ chức "
    "thăm, tặng quà Tết cho hộ nghèo, gia đình chính sách, người có công với cách mạng trên địa bàn huyện, bảo đảm "
    "đúng đối tượng, công khai, minh bạch, hoàn thành trước ngày 10/01/2027.",
    "4. Giao Phòng Y tế kiểm tra an toàn thực phẩm dịp Tết Nguyên đán, báo cáo kết quả trước ngày 25/01/2027.",
    "5. Giao Phòng Nội vụ tổng hợp, báo cáo tình hình thực hiện cải cách hành chính của các cơ quan, đơn vị trên "
    "địa bàn huyện, gửi Ủy ban nhân dân huyện trước ngày 31/12/2026.",
]
EXPECTED = [
    (["Phòng Tài chính - Kế hoạch"], date(2026, 12, 15)), (["Ban Quản lý dự án huyện"], date(2026, 12, 20)),
    (["Phòng Lao động - Thương binh và Xã hội"], date(2027, 1, 10)), (["Phòng Y tế"], date(2027, 1, 25)),
    (["Phòng Nội vụ"], date(2026, 12, 31)),
]
def _pdf(pages: list[list[tuple[float, float, str]]], fontsize: float = 11) -> bytes:
    """An A4 PDF of the given lines (x, y from the page's foot, text), TrueType text as Word embeds it."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    out = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(out) as pdf:
        for lines in pages:
            figure = Figure(figsize=(8.27, 11.69))
            for x, y, text in lines:
                figure.text(x, y, text, fontsize=fontsize)
            pdf.savefig(figure)
    return out.getvalue()


def _notice_with_running_lines(header: str, footer: str) -> bytes:
    """The notice on four pages of five lines, `header` printed at the head of pages 2+ (Word's «different first
    page»), `footer` at the foot of every page ({n}: the page's number); item 2 runs over the first break."""
    body = [(0.38, "THÔNG BÁO KẾT LUẬN CUỘC HỌP GIAO BAN"),
            (0.1, "Đồng chí Chủ tịch UBND huyện kết luận như sau:")]
    body += [(0.1, line) for item in _ITEMS for line in textwrap.wrap(item, 88)]
    body += [(0.1, "Nơi nhận:"), (0.1, "- Như trên;")]
    per_page = 5
    pages = []
    for n, start in enumerate(range(0, len(body), per_page), start=1):
        lines = [(x, 0.86 - 0.025 * k, text) for k, (x, text) in enumerate(body[start:start + per_page])]
        if n > 1 and header:
            lines.insert(0, (0.1, 0.95, header.format(n=n)))
        if footer:
            lines.append((0.1, 0.04, footer.format(n=n)))
        pages.append(lines)
    return _pdf(pages)


def test_a_running_header_and_footer_of_a_text_pdf_are_not_read_into_the_items() -> None:
    # Before: the header opened item 2's tail, read as an item of its own, and item 2 lost its deadline; the
    # header alone made another item; the footers ran into the items' last lines (7 items, 4 of 5 right).
    pdf = _notice_with_running_lines("Thông báo số 123/TB-UBND ngày 18/11/2026 của UBND huyện",
                                     "Kết luận giao ban tháng 12 – trang {n}")
    text = extract_text("thong-bao.pdf", pdf)
    items = found(text)
    assert [(leads, due) for _, leads, due in items] == EXPECTED
    assert "123/TB-UBND" not in text and "trang" not in text.casefold().split()
    assert "gia đình chính sách, người có công" in items[2][0]
    assert text.startswith("THÔNG BÁO KẾT LUẬN")


def test_a_line_printed_once_and_the_first_heading_are_kept() -> None:
    def page(*lines: tuple[str, float]) -> list[running_lines.Printed]:
        return [running_lines.Printed(text, top) for text, top in lines]

    body = [("Giao Phòng Y tế kiểm tra", 0.3), ("an toàn thực phẩm", 0.33), ("trước ngày 25/01/2027.", 0.36)]
    other = [("Giao Công an huyện kiểm tra", 0.3), ("phòng cháy tại các chợ", 0.33), ("xong trước Tết.", 0.36)]
    # The heading of page 1 printed again at page 2's head: kept on page 1, taken from page 2.
    pages = [page(("ỦY BAN NHÂN DÂN HUYỆN", 0.05), *body), page(("ỦY BAN NHÂN DÂN HUYỆN", 0.05), *other)]
    kept = running_lines.repeated(pages, same_band=0.005, tolerance=0.01)
    assert kept == [set(), {0}]
    # OCR's misread letters («Thông bảo sô l23») still match; another height, or one page only, do not.
    ocr_pages = [page(*body, ("Thông báo số 123/TB-UBND", 0.95)), page(*other, ("Thông bảo sô l23/TB-UBND", 0.952)),
                 page(("Giao Phòng Nội vụ", 0.3), ("Thông báo số 123/TB-UBND", 0.5), ("báo cáo.", 0.6))]
    assert running_lines.repeated(ocr_pages, same_band=0.005, tolerance=0.01) == [{3}, {3}, set()]
    assert running_lines.repeated(ocr_pages[:1], same_band=0.005, tolerance=0.01) == [set()]


@needs_tesseract
def test_a_running_footer_of_a_scanned_pdf_is_not_read_into_the_item_over_the_page_break() -> None:
    # docs16's scanned notice (two pages, turned 0.8°, speckled), a template's footer on both pages. Before:
    # page 1's footer opened item 3's tail, which was read as led by «Kết luận giao» (4 of 5 items right).
    pdf = as_pdf(_two_pages("small letter", "Kết luận giao ban tháng 12 – trang {n}", ""))
    text = read_document("thong-bao.pdf", pdf, SystemTools(240)).text
    items = found(text)
    assert [(leads, due) for _, leads, due in items] == EXPECTED  # docs16's items: the same leads and days
    assert "gia đình chính sách, người có công" in items[2][0]
    assert "Kết luận giao ban" not in text


# ------------------------------------------------------------------------------------------ narrow gutter
def _two_columns_narrow() -> bytes:
    """docs16's bulletin page (title and lead-in across, items 1–3 left, 4–6 right, drawn line by line across
    the page), its right column moved left: a gutter of 12 pt, about one letter (Word's default is 36 pt)."""
    columns = placed_columns(0.51)
    across = [p for pair in zip(*columns, strict=False) for p in pair]
    rest = columns[0][len(columns[1]):] + columns[1][len(columns[0]):]
    head = [(0.35, 0.95, "BẢN TIN KẾT LUẬN GIAO BAN"), (0.06, 0.92, "Đồng chí Chủ tịch UBND huyện kết luận như sau:")]
    return _pdf([[*head, *across, *rest]], fontsize=10)


def test_a_pdf_in_two_columns_with_a_gutter_of_one_letter_gives_each_item_whole() -> None:
    # Before: PDFium's line ran the left and right columns' lines into one (the gap under 2.5 letters), so the
    # columns were never seen: each item's lines mixed with another's, items 1, 2 and 6 lost their deadline and
    # item 4 took item 1's (2 of 6 right).
    items = found(extract_text("ban-tin.pdf", _two_columns_narrow()))
    assert [(leads, due) for _, leads, due in items] == [
        (["Phòng Tài chính - Kế hoạch"], date(2026, 12, 15)), (["Ban Quản lý dự án huyện"], date(2026, 12, 20)),
        (["Phòng Lao động - Thương binh và Xã hội"], date(2027, 1, 10)), (["Phòng Y tế"], date(2027, 1, 25)),
        (["Phòng Nội vụ"], date(2026, 12, 31)), (["Công an huyện"], date(2026, 12, 22)),
    ]
    assert items[0][0].endswith("báo cáo UBND huyện trước ngày 15/12/2026.")


def test_wide_word_gaps_that_do_not_line_up_are_no_gutter() -> None:
    def line(*gaps: float) -> list[tuple[float, float]]:
        """A justified line from 0 to 400: words 20 wide, the given gaps between them."""
        glyphs, x = [], 0.0
        for gap in (*gaps, 0.0):
            glyphs.append((x, x + 20))
            x += 20 + gap
        return glyphs

    # Word gaps of 8–9 (over half a letter of 12) on seven lines, each line's at other places: no gutter.
    loose = [line(*([5.0] * k), 9.0, *([5.0] * (12 - k))) for k in range(3, 10)]
    assert pdf_columns.narrow_gutter(loose, 12.0) is None
    # The same lines with one gap of 12 at the same place on five lines one under the other: a gutter.
    ruled = [line(*([5.0] * 6), 12.0, *([5.0] * 6)) for _ in range(5)]
    band = pdf_columns.narrow_gutter(ruled, 12.0)
    assert band is not None and band[1] - band[0] == 12.0
    assert pdf_columns.narrow_gutter(ruled[:4], 12.0) is None  # four lines: a coincidence, not a gutter


# ------------------------------------------------------------------------------------------ layout table
def test_a_conclusion_inside_a_layout_tables_big_cell_gives_its_nested_task_table_and_text_box() -> None:
    # Before: a cell was read by python-docx's `cell.paragraphs`, which holds neither a table nested in the cell
    # nor a text box in it: of the four tasks, only item 1 (a paragraph of the cell) was read.
    from docx import Document

    from tests.domain.test_docs13_office_documents import _text_box

    document = Document()
    layout = document.add_table(rows=2, cols=2)  # the page's frame: the header's two halves, then the body
    layout.cell(0, 0).text = "UBND HUYỆN AN PHÚ\nVĂN PHÒNG"
    layout.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    body = layout.cell(1, 0).merge(layout.cell(1, 1))
    body.paragraphs[0].text = "THÔNG BÁO KẾT LUẬN CUỘC HỌP GIAO BAN"
    body.add_paragraph("Đồng chí Chủ tịch UBND huyện kết luận như sau:")
    body.add_paragraph(_ITEMS[0])
    tasks = body.add_table(rows=3, cols=4)
    for j, value in enumerate(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"]):
        tasks.cell(0, j).text = value
    for i, row in enumerate([("Kiểm tra an toàn thực phẩm dịp Tết Nguyên đán", "Phòng Y tế", "25/01/2027"),
                             ("Báo cáo tình hình cải cách hành chính", "Phòng Nội vụ", "31/12/2026")], start=1):
        for j, value in enumerate([str(i), *row]):
            tasks.cell(i, j).text = value
    boxed = body.add_paragraph("Lưu ý:")
    _text_box(boxed, "Giao Công an huyện kiểm tra công tác phòng cháy, chữa cháy tại các chợ, xong trước ngày "
                     "22/12/2026.")
    out = io.BytesIO()
    document.save(out)
    items = found(extract_text("thong-bao.docx", out.getvalue()))
    assert [(leads, due) for _, leads, due in items] == [
        (["Phòng Tài chính - Kế hoạch"], date(2026, 12, 15)), (["Phòng Y tế"], date(2027, 1, 25)),
        (["Phòng Nội vụ"], date(2026, 12, 31)), (["Công an huyện"], date(2026, 12, 22)),
    ]


def test_a_task_table_drawn_inside_a_text_box_gives_its_rows() -> None:
    # Before: a text box's paragraphs were read, its table not: the two task rows were lost.
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    from tests.domain.test_docs13_office_documents import _text_box

    document = Document()
    document.add_paragraph("Đồng chí Chủ tịch UBND huyện kết luận như sau:")
    anchor = document.add_paragraph("Các nhiệm vụ cụ thể:")
    _text_box(anchor, "Danh mục nhiệm vụ")
    table = document.add_table(rows=3, cols=4)  # built in the body, then moved into both copies of the box
    for j, value in enumerate(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"]):
        table.cell(0, j).text = value
    for i, row in enumerate([("Kiểm tra an toàn thực phẩm dịp Tết Nguyên đán", "Phòng Y tế", "25/01/2027"),
                             ("Báo cáo tình hình cải cách hành chính", "Phòng Nội vụ", "31/12/2026")], start=1):
        for j, value in enumerate([str(i), *row]):
            table.cell(i, j).text = value
    for box in anchor._p.iter(qn("w:txbxContent")):
        box.append(parse_xml(table._tbl.xml))
    table._tbl.getparent().remove(table._tbl)
    out = io.BytesIO()
    document.save(out)
    text = extract_text("thong-bao.docx", out.getvalue())
    assert [(leads, due) for _, leads, due in found(text)] == [
        (["Phòng Y tế"], date(2027, 1, 25)), (["Phòng Nội vụ"], date(2026, 12, 31))]
    assert text.count("Kiểm tra an toàn thực phẩm") == 1  # Word's VML copy of the box is not read again
