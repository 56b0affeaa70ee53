"""(docs16) Documents as offices really send them, built here and read as /nhap reads them: the items the
preview lists (text, lead, deadline) must be the document's.

- a Word report's last draft, tracked changes and comments left in (python-docx 1.2 writes the comment);
- a task table in Word whose «chủ trì» cell is merged down over three task rows;
- a notice scanned to a two-page PDF with an item running over the page break, the page number between its
  halves (read by the real Tesseract; skipped without it, as test_ocr_pages is);
- a task table photographed under a hand's heavy shadow, and a border's trace read as «"» at a cell's edge;
- a bulletin PDF set in two columns.
"""

from __future__ import annotations

import io
import random
from datetime import date

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image, ImageChops, ImageDraw, ImageFont

from bot.tesseract import SystemTools
from domain.understand import lighting, ocr, page_furniture, pdf_columns, scan_tables
from domain.understand.conclusion import split_conclusion
from domain.understand.documents import extract_text, read_document
from tests.domain.test_ocr_pages import pytestmark as needs_tesseract
from tests.ocr_pages import A4, DPI, MARGIN, _speckle, as_jpeg, as_pdf, serif_font
from tests.ocr_tables import ROWS, photographed

TODAY = date(2026, 11, 19)


def found(text: str) -> list[tuple[str, list[str], date | None]]:
    """What the preview lists: each item's text, its leads, its deadline."""
    return [(d.text, [a.text for a in d.assignees.lead], d.deadline.due)
            for d in split_conclusion(text, TODAY).directives]


def _docx(document: object) -> bytes:
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


# ------------------------------------------------------------------------------------------ tracked changes
def _run(text: str, change: str | None = None, author: str = "Văn thư") -> object:
    """A run of `text`; inside a tracked insertion (w:ins) or deletion (w:del, its text in w:delText)."""
    run = OxmlElement("w:r")
    node = OxmlElement("w:delText" if change == "del" else "w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = text
    run.append(node)
    if change is None:
        return run
    wrap = OxmlElement(f"w:{change}")
    wrap.set(qn("w:id"), str(random.Random(text).randrange(1, 10_000)))
    wrap.set(qn("w:author"), author)
    wrap.set(qn("w:date"), "2026-11-18T09:00:00Z")
    wrap.append(run)
    return wrap


def _draft_with_changes() -> bytes:
    """The report's last draft as the office sent it: the secretary's tracked edits not accepted, the
    reviewer's comments not deleted, the signature block under it."""
    document = Document()
    document.add_paragraph("THÔNG BÁO KẾT LUẬN CUỘC HỌP GIAO BAN")
    document.add_paragraph("Đồng chí Chủ tịch UBND huyện kết luận như sau:")
    item = document.add_paragraph()
    for part, change in [("1. Giao ", None), ("Phòng Tài chính - Kế hoạch", "del"), ("Phòng Kinh tế - Hạ tầng", "ins"),
                         (" chủ trì rà soát danh mục dự án, hoàn thành trước ngày ", None), ("15/12/2026", "del"),
                         ("20/12/2026", "ins"), (".", None)]:
        item._p.append(_run(part, change))
    commented = document.add_paragraph(
        "2. Giao Công an huyện kiểm tra công tác phòng cháy, chữa cháy tại các chợ, xong trước ngày 22/12/2026.")
    document.add_comment(commented.runs, text="Đề nghị giao thêm Phòng Y tế, hạn 01/12/2026", author="Trưởng phòng")
    struck = document.add_paragraph()  # an item struck out whole
    struck._p.append(_run("3. Giao Phòng Y tế kiểm tra an toàn thực phẩm, hoàn thành trước ngày 25/01/2027.", "del"))
    added = document.add_paragraph()  # an item added whole
    added._p.append(_run("4. Giao Phòng Nội vụ báo cáo tình hình cải cách hành chính trước ngày 31/12/2026.", "ins"))
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("KT. CHỦ TỊCH")
    return _docx(document)


def test_a_draft_with_tracked_changes_and_comments_gives_the_text_as_accepted_without_the_comments() -> None:
    text = extract_text("ket-luan.docx", _draft_with_changes())
    assert [(leads, due) for _, leads, due in found(text)] == [
        (["Phòng Kinh tế - Hạ tầng"], date(2026, 12, 20)),  # the inserted lead and day, not the deleted ones
        (["Công an huyện"], date(2026, 12, 22)),  # not the comment's «Phòng Y tế, hạn 01/12/2026»
        (["Phòng Nội vụ"], date(2026, 12, 31)),  # the item inserted whole; the one deleted whole is gone
    ]
    for gone in ("Tài chính", "15/12/2026", "an toàn thực phẩm", "01/12/2026", "Đề nghị giao thêm"):
        assert gone not in text


# ------------------------------------------------------------------------------------------ merged cells
TASKS = [
    ("Rà soát danh mục dự án đầu tư công", "Phòng Tài chính - Kế hoạch", "Các xã, thị trấn", "15/12/2026"),
    ("Đẩy nhanh giải phóng mặt bằng tuyến đường trục", "Ban Quản lý dự án huyện", "Phòng Tài nguyên và Môi trường",
     "20/12/2026"),
    ("Hoàn thiện hồ sơ quyết toán công trình trường học", "", "Phòng Giáo dục và Đào tạo", "25/01/2027"),
    ("Lắp đặt hệ thống chiếu sáng công cộng", "", "Ủy ban nhân dân các xã", "28/12/2026"),
    ("Báo cáo tình hình cải cách hành chính", "Phòng Nội vụ", "Các phòng, ban chuyên môn", "31/12/2026"),
]


def test_a_lead_cell_merged_over_three_task_rows_leads_each_of_them() -> None:
    document = Document()
    document.add_paragraph("DANH MỤC NHIỆM VỤ")
    table = document.add_table(rows=len(TASKS) + 1, cols=5)
    table.style = "Table Grid"
    for j, value in enumerate(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]):
        table.cell(0, j).text = value
    for i, row in enumerate(TASKS, start=1):
        for j, value in enumerate([str(i), *row]):
            table.cell(i, j).text = value
    table.cell(2, 2).merge(table.cell(4, 2))  # «Ban Quản lý dự án huyện» chủ trì rows 2–4 (w:vMerge)
    text = extract_text("phu-luc.docx", _docx(document))
    assert [(leads, due) for _, leads, due in found(text)] == [
        (["Phòng Tài chính - Kế hoạch"], date(2026, 12, 15)),
        (["Ban Quản lý dự án huyện"], date(2026, 12, 20)),
        (["Ban Quản lý dự án huyện"], date(2027, 1, 25)),
        (["Ban Quản lý dự án huyện"], date(2026, 12, 28)),
        (["Phòng Nội vụ"], date(2026, 12, 31)),
    ]


# ------------------------------------------------------------------------------------------ page break
_INTRO = "Ngày 18/11/2026, Ủy ban nhân dân huyện họp giao ban. Đồng chí Chủ tịch UBND huyện kết luận như sau:"
_ITEMS = [
    "1. Giao Phòng Tài chính - Kế hoạch chủ trì rà soát danh mục dự án đầu tư công trung hạn, báo cáo UBND huyện "
    "trước ngày 15/12/2026.",
    "2. Giao Ban Quản lý dự án huyện đẩy nhanh tiến độ giải phóng mặt bằng tuyến đường trục trung tâm, hoàn thành "
    "trước ngày 20/12/2026.",
]
# Item 3 as the page cuts it: its first printed lines end page 1, the rest opens page 2.
_HALVES = {
    "small letter": (
        ["3. Giao Phòng Lao động - Thương binh và Xã hội chủ trì, phối hợp với Ủy ban Mặt trận",
         "Tổ quốc huyện tổ chức thăm, tặng quà Tết cho hộ nghèo, gia đình chính sách,"],
        ["người có công với cách mạng trên địa bàn huyện, bảo đảm đúng đối tượng, công khai,",
         "minh bạch, hoàn thành trước ngày 10/01/2027."]),
    "capital": (
        ["3. Giao Phòng Lao động - Thương binh và Xã hội chủ trì tổ chức thăm, tặng quà Tết cho",
         "hộ nghèo, gia đình chính sách trên địa bàn huyện, phối hợp chặt chẽ với các cơ quan của"],
        ["Ủy ban Mặt trận Tổ quốc huyện, bảo đảm đúng đối tượng, công khai, minh bạch, hoàn thành",
         "trước ngày 10/01/2027."]),
}
_AFTER = [
    "4. Giao Phòng Y tế kiểm tra an toàn thực phẩm dịp Tết Nguyên đán, báo cáo kết quả trước ngày 25/01/2027.",
    "5. Giao Phòng Nội vụ báo cáo tình hình thực hiện cải cách hành chính trước ngày 31/12/2026.",
]


def _two_pages(cut: str, foot: str, head: str) -> list[Image.Image]:
    """The notice on two A4 pages (200 dpi, turned 0.8°, speckled): page 1 filled to its foot with the intro,
    items 1–2 and item 3's first half, then `foot` at the page's foot; page 2 opens with `head` at its top,
    then item 3's second half, items 4–5. Item lines are printed as given (`_HALVES`); the others wrapped."""
    font = ImageFont.truetype(serif_font() or "", round(13 * DPI / 72))
    step = round(font.size * 1.45)
    w, h = A4
    indent = round(0.4 * DPI)

    def wrap(text: str) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        line = ""
        for word in text.split():
            width = w - 2 * MARGIN - (indent if not out else 0)
            if line and font.getlength(f"{line} {word}") > width:
                out.append((indent if not out else 0, line))
                line = word
            else:
                line = f"{line} {word}".strip()
        return [*out, (indent if not out else 0, line)]

    first, second = _HALVES[cut]
    body = [line for text in [_INTRO, *_ITEMS] for line in wrap(text)]
    room = (h - 2 * MARGIN) // step
    page_one = [*body, *[(0, "")] * (room - len(body) - len(first)),
                *[(indent if k == 0 else 0, line) for k, line in enumerate(first)]]
    page_two = [*[(0, line) for line in second], *[line for text in _AFTER for line in wrap(text)]]
    rng = random.Random(11)
    pages = []
    for number, lines in enumerate([page_one, page_two], start=1):
        page = Image.new("L", A4, 255)
        draw = ImageDraw.Draw(page)
        for k, (x, line) in enumerate(lines):
            draw.text((MARGIN + x, MARGIN + k * step), line, font=font, fill=20)
        marks = [(foot.format(n=number), h - MARGIN // 2)] if foot else []
        if head and number > 1:
            marks.append((head.format(n=number), MARGIN // 2))
        for mark, y in marks:
            draw.text(((w - font.getlength(mark)) / 2, y), mark, font=font, fill=20)
        pages.append(_speckle(page.rotate(0.8, resample=Image.Resampling.BICUBIC, fillcolor=255), 0.002, rng))
    return pages


@needs_tesseract
def test_an_item_over_the_page_break_of_a_scanned_pdf_is_read_whole_without_the_page_number() -> None:
    # Before: page 2's number «2» (read «Su», unsure) opened a paragraph of its own, item 3's tail went on it,
    # and item 3 lost its deadline: 5 items, 4 with their day.
    text = read_document("thong-bao.pdf", as_pdf(_two_pages("small letter", "", "{n}")), SystemTools(240)).text
    items = found(text)
    assert [(leads, due) for _, leads, due in items] == [
        (["Phòng Tài chính - Kế hoạch"], date(2026, 12, 15)),
        (["Ban Quản lý dự án huyện"], date(2026, 12, 20)),
        (["Phòng Lao động - Thương binh và Xã hội"], date(2027, 1, 10)),
        (["Phòng Y tế"], date(2027, 1, 25)),
        (["Phòng Nội vụ"], date(2026, 12, 31)),
    ]
    assert "gia đình chính sách, người có công với cách mạng" in items[2][0]
    assert all(text.startswith("Giao ") for text, _, _ in items)  # no «S.» left of a misread «5.»


@needs_tesseract
def test_an_item_cut_before_a_capitalised_name_at_the_page_break_is_read_whole() -> None:
    # The page's foot says «Trang 1/2», page 2 opens with «- 2 -», and the tail starts with a name in capitals.
    pdf = as_pdf(_two_pages("capital", "Trang {n}/2", "- {n} -"))
    text = read_document("thong-bao.pdf", pdf, SystemTools(240)).text
    items = found(text)
    assert len(items) == 5
    assert items[2][1:] == (["Phòng Lao động - Thương binh và Xã hội"], date(2027, 1, 10))
    assert "các cơ quan của Ủy ban Mặt trận Tổ quốc huyện" in items[2][0]
    assert "Trang" not in text and "- 2 -" not in text


# ------------------------------------------------------------------------------------------ without Tesseract
def _line(block: int, top: int, text: str, conf: float = 95.0, left: int = 200) -> list[ocr.Word]:
    words, x = [], left
    for n, word in enumerate(text.split()):
        words.append(ocr.Word(1, block, 1, 1 + n // 99, conf, word, x, x + 30 * len(word), top, top + 50))
        x += 30 * len(word) + 15
    return words


def test_a_page_number_apart_at_the_head_or_foot_is_dropped_and_a_number_in_the_body_is_kept() -> None:
    body = [*_line(2, 300, "người có công với cách mạng"), *_line(3, 370, "4. Giao Phòng Y tế kiểm tra"),
            *_line(4, 440, "trước ngày"), *_line(5, 510, "15/12")]
    for mark in ([*_line(1, 150, "2", left=1250)], [*_line(1, 150, "Su", conf=17, left=1250)]):
        kept = page_furniture.without_page_numbers([*mark, *body])
        assert [w.text for w in kept] == [w.text for w in body]
    foot = _line(9, 3300, "Trang 1/2", left=1200)
    assert [w.text for w in page_furniture.without_page_numbers([*body, *foot])] == [w.text for w in body]
    # The body's own last line «15/12» right under the line before it: a day, kept; a sure word at the top, kept.
    assert page_furniture.without_page_numbers(body) == body
    heading = _line(1, 150, "KL", conf=93, left=1250)
    assert len(page_furniture.without_page_numbers([*heading, *body])) == len(heading) + len(body)


def test_a_paragraph_ending_short_of_the_margin_at_a_page_foot_is_not_joined_to_the_next_page() -> None:
    def line(page: int, block: int, text: str, right: int) -> ocr.Line:
        return ocr.Line(page, block, 1, text, 95.0, 200, right)

    # The page's last line runs to the margin, its sentence not ended: the next page's capital goes on with it.
    full = [line(1, 1, "Đoạn trước kết thúc ở đây.", 2300), line(1, 2, "Giao Phòng Văn hóa phối hợp với", 2300),
            line(2, 1, "Ủy ban Mặt trận Tổ quốc huyện thực hiện.", 1500)]
    assert ocr.paragraphs(full) == [
        "Đoạn trước kết thúc ở đây.", "Giao Phòng Văn hóa phối hợp với Ủy ban Mặt trận Tổ quốc huyện thực hiện."]
    # A heading at the page's foot ends short of the margin: the next page starts its own paragraph.
    short = [line(1, 1, "Đoạn trước kết thúc, chạy hết dòng.", 2300), line(1, 2, "Về công tác thu ngân sách", 900),
             line(2, 1, "Giao Chi cục Thuế thực hiện.", 1500)]
    assert ocr.paragraphs(short)[-2:] == ["Về công tác thu ngân sách", "Giao Chi cục Thuế thực hiện."]


# ------------------------------------------------------------------------------------------ a shaded photo
@needs_tesseract
def test_a_table_photographed_under_a_heavy_shadow_gives_its_rows() -> None:
    # A third of the page 45 % darker (a hand's shadow, a hard edge): before, Tesseract's one threshold lost the
    # shaded letters, the header was not found and the page read as noise (5 task texts, no lead, no deadline).
    read = read_document("anh.jpg", as_jpeg(photographed(keystone=0.04, shade=0.45)), SystemTools(240))
    assert read.reading is not None and read.reading.table_rows == 10
    items = found(read.text)
    assert len(items) == 10
    # The deadlines all right; the leads case-folded (a photo still turns a letter here and there: «khu Vực»).
    assert [(([lead.casefold() for lead in leads]), due) for _, leads, due in items] == [
        ([lead.casefold()], due) for _, lead, _, _, due in ROWS]


def test_uneven_light_is_evened_and_an_evenly_lit_page_is_left_as_it_is() -> None:
    page = Image.new("L", (800, 1100), 235)
    draw = ImageDraw.Draw(page)
    for y in range(100, 1000, 40):
        draw.text((80, y), "Giao Phòng Nội vụ báo cáo trước ngày 31/12/2026", fill=20)
    assert lighting.even(page) is page  # a scan: not touched
    shade = Image.new("L", page.size, 255)
    ImageDraw.Draw(shade).rectangle((0, 0, 800, 400), fill=120)  # the top third in a hand's shadow
    shot = ImageChops.multiply(page, shade)
    evened = lighting.even(shot)
    # The shaded paper is white again (was 110), the letters in the shade still dark, the lit part unchanged.
    assert evened.getpixel((700, 300)) >= 230 and shot.getpixel((700, 300)) < 120
    assert min(evened.crop((80, 100, 400, 130)).get_flattened_data()) < 80
    assert abs(evened.getpixel((700, 900)) - 255) <= 25


def test_a_lone_mark_at_a_cells_edge_is_dropped_and_a_quoted_name_keeps_its_quotes() -> None:
    def cell(text: str) -> str:
        words = [ocr.Word(1, 1, 1, 1, 90.0, word, 100 + 80 * n, 170 + 80 * n, 500, 530)
                 for n, word in enumerate(text.split())]
        return scan_tables._cell_text(words)

    assert cell('"Tổng hợp kết quả thu ngân sách') == "Tổng hợp kết quả thu ngân sách"
    assert cell("Công an huyện '") == "Công an huyện"
    assert cell("“ Kiểm tra công tác phòng cháy") == "Kiểm tra công tác phòng cháy"
    assert cell('Phát động "Ngày chủ nhật xanh"') == 'Phát động "Ngày chủ nhật xanh"'
    assert cell('"Ngày chủ nhật xanh" tại các xã') == '"Ngày chủ nhật xanh" tại các xã'


# ------------------------------------------------------------------------------------------ two columns
_LEFT = [
    "1. Giao Phòng Tài chính - Kế hoạch chủ trì rà soát danh mục dự án đầu tư công trung hạn, báo cáo UBND "
    "huyện trước ngày 15/12/2026.",
    "2. Giao Ban Quản lý dự án huyện đẩy nhanh tiến độ giải phóng mặt bằng tuyến đường trục trung tâm, hoàn "
    "thành trước ngày 20/12/2026.",
    "3. Giao Phòng Lao động - Thương binh và Xã hội tổ chức thăm, tặng quà Tết cho hộ nghèo, hoàn thành trước "
    "ngày 10/01/2027.",
]
_RIGHT = [
    "4. Giao Phòng Y tế kiểm tra an toàn thực phẩm dịp Tết Nguyên đán, báo cáo kết quả trước ngày 25/01/2027.",
    "5. Giao Phòng Nội vụ báo cáo tình hình thực hiện cải cách hành chính trước ngày 31/12/2026.",
    "6. Giao Công an huyện kiểm tra công tác phòng cháy, chữa cháy tại các chợ, xong trước ngày 22/12/2026.",
]


def placed_columns(right_x: float) -> list[list[tuple[float, float, str]]]:
    """The bulletin's items 1–3 (left, from x 0.06) and 4–6 (right, from `right_x`) as (x, y, line) in figure
    fractions, wrapped at 48 letters, each item's first line indented; docs17's narrow gutter reuses it."""
    import textwrap

    columns = []
    for x, items in ((0.06, _LEFT), (right_x, _RIGHT)):
        y, placed = 0.89, []
        for item in items:
            for k, line in enumerate(textwrap.wrap(item, 48)):
                placed.append((x + (0.02 if k == 0 else 0), y, line))
                y -= 0.018
            y -= 0.006
        columns.append(placed)
    return columns


def _two_column_pdf(line_by_line: bool) -> bytes:
    """A bulletin page: a title and a lead-in across the page, then items in two columns (Word's default gutter,
    1.27 cm), TrueType text as Word embeds it (matplotlib writes it). `line_by_line`: the content stream draws
    the left column's line, then the right one's at the same height, as some layout programs do."""

    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    columns = placed_columns(0.56)
    order = ([p for pair in zip(*columns, strict=False) for p in pair] + columns[0][len(columns[1]):]
             + columns[1][len(columns[0]):]) if line_by_line else [*columns[0], *columns[1]]
    out = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(out) as pdf:
        figure = Figure(figsize=(8.27, 11.69))
        figure.text(0.5, 0.95, "BẢN TIN KẾT LUẬN GIAO BAN", ha="center", fontsize=12)
        figure.text(0.06, 0.92, "Đồng chí Chủ tịch UBND huyện kết luận như sau:", fontsize=10)
        for x, y, line in order:
            figure.text(x, y, line, fontsize=10)
        pdf.savefig(figure)
    return out.getvalue()


def test_a_pdf_in_two_columns_drawn_line_by_line_gives_each_item_whole() -> None:
    # Before: PDFium's stream order mixed the columns' lines («… chủ trì rà» / «4. Giao Phòng Y tế … soát danh
    # mục»): 6 items, 2 with their own lead and deadline.
    expected = [
        (["Phòng Tài chính - Kế hoạch"], date(2026, 12, 15)), (["Ban Quản lý dự án huyện"], date(2026, 12, 20)),
        (["Phòng Lao động - Thương binh và Xã hội"], date(2027, 1, 10)), (["Phòng Y tế"], date(2027, 1, 25)),
        (["Phòng Nội vụ"], date(2026, 12, 31)), (["Công an huyện"], date(2026, 12, 22)),
    ]
    for line_by_line in (True, False):
        items = found(extract_text("ban-tin.pdf", _two_column_pdf(line_by_line)))
        assert [(leads, due) for _, leads, due in items] == expected
        assert items[0][0].endswith("báo cáo UBND huyện trước ngày 15/12/2026.")


def test_a_one_column_page_and_a_side_by_side_header_keep_their_order() -> None:
    def box(item: tuple[float, float, float]) -> tuple[float, float, float]:
        return item

    header = [(40, 250, 800), (330, 560, 800), (60, 230, 785), (350, 540, 785)]  # agency | national motto
    body = [(40, 560, 760 - 15 * k) for k in range(12)]
    assert pdf_columns.reading_order([*header, *body], box) == [*header, *body]


def test_a_list_number_read_as_a_letter_is_put_back_after_the_number_before_it() -> None:
    def line(block: int, text: str) -> ocr.Line:
        return ocr.Line(1, block, 1, text, 95.0)

    lines = [line(1, "4. Giao Phòng Y tế kiểm tra an toàn thực phẩm."), line(2, "S. Giao Phòng Nội vụ báo cáo."),
             line(3, "S. Nguyễn Văn An trình bày.")]
    assert ocr.paragraphs(lines) == [
        "4. Giao Phòng Y tế kiểm tra an toàn thực phẩm.", "5. Giao Phòng Nội vụ báo cáo.",
        "S. Nguyễn Văn An trình bày."]
