"""(docs14) A task appendix («Danh mục nhiệm vụ»: STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời
hạn) scanned or photographed: the tasks, leads and deadlines the /nhap preview lists must be the table's rows,
as the same table in a .docx gives them. Pages printed here (`tests/ocr_tables`), read by the real
Tesseract (those tests are skipped without it, as test_ocr_pages is); the table's geometry is also
tested on word boxes written by hand, without Tesseract."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from PIL import Image, ImageDraw

from bot.tesseract import SystemTools
from domain.understand import ocr, scan_tables
from domain.understand.conclusion import split_conclusion
from domain.understand.documents import extract_text, read_document
from handlers.scans import merged_reading, preview_note
from tests.domain.test_ocr_pages import pytestmark as needs_tesseract
from tests.ocr_pages import as_jpeg, as_png, phone_shot
from tests.ocr_tables import HEADER, ROWS, render_table

TODAY = date(2026, 11, 19)


def found(text: str) -> list[tuple[str, list[str], date | None]]:
    """What the preview lists: each item's text, its leads, its deadline."""
    return [(d.text, [a.text for a in d.assignees.lead], d.deadline.due)
            for d in split_conclusion(text, TODAY).directives]


def leads_and_dues(text: str) -> list[tuple[list[str], date | None]]:
    return [(lead, due) for _, lead, due in found(text)]


EXPECTED = [([lead], due) for _, lead, _, _, due in ROWS]


def _docx_of_the_table() -> bytes:
    document = Document()
    document.add_paragraph("DANH MỤC NHIỆM VỤ")
    table = document.add_table(rows=len(ROWS) + 1, cols=5)
    for j, value in enumerate(HEADER):
        table.cell(0, j).text = value
    for i, (task, lead, support, due, _) in enumerate(ROWS, start=1):
        for j, value in enumerate([str(i), task, lead, support, due]):
            table.cell(i, j).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------ Tesseract
@needs_tesseract
def test_a_scanned_ruled_task_table_gives_the_tasks_of_the_same_table_in_word() -> None:
    # Read as text, the rows came out across the cells («1 |Rà soát … công Phòng Tài chính - Các xã, thị trấn
    # 15/12/2026 trung hạn …»), the header row was dropped and 3 row numbers lost: 3 items, no lead right.
    page = render_table(ruled=True, angle=1.2, noise=0.003)
    read = read_document("phu-luc.png", as_png(page), SystemTools(240))
    text = read.text
    assert leads_and_dues(text) == EXPECTED
    assert read.reading is not None
    assert "Bảng nhiệm vụ trong ảnh được đọc theo từng hàng (10 hàng" in "\n".join(preview_note(read.reading.as_json()))
    in_word = extract_text("phu-luc.docx", _docx_of_the_table())
    assert [t for t, _, _ in found(text)] == [t for t, _, _ in found(in_word)]
    assert "STT" not in text and "|" not in text


@needs_tesseract
def test_a_lead_merged_down_two_rows_of_a_scanned_table_leads_both() -> None:
    # Rows 2 and 3 share row 2's «chủ trì» cell: its text printed once, no rule under it in that column. The
    # rule across the other columns still parts the rows (it is split in two: neither half spans the table).
    rows = [ROWS[0], ROWS[5], ROWS[8], ROWS[9]]  # rows 2 and 3: «Công an huyện» leads both
    page = render_table(rows, ruled=True, angle=1.2, noise=0.003, merged=frozenset({3}))
    text = read_document("phu-luc.png", as_png(page), SystemTools(240)).text
    assert leads_and_dues(text) == [([lead], due) for _, lead, _, _, due in rows]


@needs_tesseract
def test_a_scanned_table_without_rules_is_read_by_its_gutters() -> None:
    # Tesseract reads a borderless column as a block: all the tasks, then all the leads, then the dates,
    # and the lone row numbers were not read — 12 items, none with its lead or deadline.
    page = render_table(ROWS[:6], ruled=False, angle=-1.5, noise=0.003, seed=11)
    text = read_document("phu-luc.png", as_png(page), SystemTools(240)).text
    assert leads_and_dues(text) == EXPECTED[:6]
    assert "thực hiện: Tổ chức thăm, tặng quà Tết cho hộ nghèo, gia đình chính sách; thời hạn" in found(text)[2][0]


@needs_tesseract
def test_a_photographed_ruled_table_keeps_its_rows() -> None:
    # A Telegram photo (1280 px, keystone, a light shadow): the rules are found by local contrast; where the
    # photo is too skewed for a column, fewer rows come out, never a lead paired with another row's task.
    shot = phone_shot(render_table(ROWS[:5], ruled=True, angle=0.8, noise=0.002), tilt=0.02, shade=0.15)
    text = read_document("anh.jpg", as_jpeg(shot), SystemTools(240)).text
    rows = {task: ([lead], due) for task, lead, _, _, due in ROWS[:5]}
    read = [(t, lead, due) for t, lead, due in found(text)]
    assert len(read) >= 4
    for t, lead, due in read:
        task = next(task for task in rows if task.split()[0] in t and task.split()[-1] in t)
        assert (lead, due) == rows[task]


# ------------------------------------------------------------------------------------------ geometry
def _word(text: str, left: int, top: int, *, block: int = 1) -> ocr.Word:
    return ocr.Word(1, block, 1, 1, 95.0, text, left, left + 18 * len(text), top, top + 40)


def _words(rows: list[list[tuple[int, str]]], *, tops: list[int]) -> list[ocr.Word]:
    """Words at (column's left, text) on printed lines at `tops`; each cell's words side by side."""
    out = []
    for top, cells in zip(tops, rows, strict=True):
        for left, text in cells:
            x = left
            for word in text.split():
                out.append(_word(word, x, top))
                x += 18 * len(word) + 14
    return out


_COLUMNS = (100, 300, 1100, 1500, 1900)


def test_a_ruled_table_whose_row_numbers_were_lost_keeps_its_rows_by_its_rules() -> None:
    header = [(_COLUMNS[0], "STT"), (_COLUMNS[1], "Nội dung nhiệm vụ"), (_COLUMNS[2], "Đơn vị chủ trì"),
              (_COLUMNS[3], "Phối hợp"), (_COLUMNS[4], "Thời hạn")]
    row1 = [(_COLUMNS[1], "Rà soát hồ sơ"), (_COLUMNS[2], "Phòng Nội vụ"), (_COLUMNS[4], "15/12/2026")]
    row1b = [(_COLUMNS[1], "đất đai"), (_COLUMNS[2], "huyện")]
    row2 = [(_COLUMNS[1], "Kiểm tra chợ"), (_COLUMNS[2], "Công an"), (_COLUMNS[4], "20/12/2026")]
    words = _words([header, row1, row1b, row2], tops=[100, 200, 250, 350])
    rules = scan_tables.Rules([(y, 80, 2200, 3) for y in (80, 180, 330, 430)])
    table = scan_tables.table_rows(words, rules)
    assert table is not None
    assert [row[1:3] for row in table.rows[1:]] == [["Rà soát hồ sơ đất đai", "Phòng Nội vụ huyện"],
                                                    ["Kiểm tra chợ", "Công an"]]


def test_without_rules_a_number_a_wider_gap_or_a_second_date_starts_a_row() -> None:
    header = [(_COLUMNS[0], "TT"), (_COLUMNS[1], "Nội dung công việc"), (_COLUMNS[2], "Cơ quan chủ trì"),
              (_COLUMNS[4], "Thời hạn")]
    lines = [
        [(_COLUMNS[0], "1"), (_COLUMNS[1], "Rà soát hồ sơ"), (_COLUMNS[2], "Phòng Nội vụ"),
         (_COLUMNS[4], "15/12/2026")],
        [(_COLUMNS[1], "đất đai")],
        [(_COLUMNS[1], "Kiểm tra chợ"), (_COLUMNS[2], "Công an"), (_COLUMNS[4], "20/12/2026")],  # number lost
        [(_COLUMNS[1], "Báo cáo quý"), (_COLUMNS[2], "Phòng Tài chính"), (_COLUMNS[4], "25/12/2026")],
    ]
    # Lines 50 apart within a cell; the last row follows the one above as closely (only its date tells).
    words = _words([header, *lines], tops=[100, 200, 250, 350, 400])
    table = scan_tables.table_rows(words, scan_tables.Rules())
    assert table is not None
    assert [row[1] for row in table.rows[1:]] == ["Rà soát hồ sơ đất đai", "Kiểm tra chợ", "Báo cáo quý"]
    assert [row[-1] for row in table.rows[1:]] == ["15/12/2026", "20/12/2026", "25/12/2026"]


def test_a_page_of_paragraphs_has_no_table() -> None:
    words = _words([[(100, "Giao Phòng Nội vụ chủ trì rà soát nội dung nhiệm vụ đơn vị")]] * 3, tops=[100, 150, 200])
    assert scan_tables.table_rows(words, scan_tables.Rules()) is None


def test_a_tables_rules_are_found_and_a_shadow_is_none() -> None:
    page = Image.new("L", (1700, 2300), 245)
    draw = ImageDraw.Draw(page)
    for y in (400, 600, 800):
        draw.line((150, y, 1550, y), fill=30, width=3)
    draw.line((150, 400, 150, 800), fill=30, width=3)
    # A phone's shadow darkening the foot of the page (from the paper's 245 to 120, as light falls off).
    shade = Image.linear_gradient("L").resize((1700, 800)).point(lambda v: 245 - v * 125 // 255)
    page.paste(shade, (0, 1500))
    rules = scan_tables.find_rules(page)
    assert [y for y, _, _, _ in rules.horizontal] == [400, 600, 800]
    assert all(left <= 150 + 16 and right >= 1550 - 16 for _, left, right, _ in rules.horizontal)
    assert [x for x, _, _, _ in rules.vertical] == [150]
    erased = scan_tables.erase_rules(page, rules)
    assert erased.getpixel((700, 600)) == 255 and erased.getpixel((700, 2200)) == page.getpixel((700, 2200)) < 140


def test_the_preview_says_how_many_table_rows_were_read_from_the_images() -> None:
    one = {"pages": 1, "total_pages": 1, "unsure": [], "table_rows": 6}
    two = merged_reading(one, {"pages": 1, "total_pages": 1, "unsure": [], "table_rows": 4})
    assert "(10 hàng;" in "\n".join(preview_note(two))
    assert "hàng" not in "\n".join(preview_note({"pages": 1, "total_pages": 1, "unsure": []}))
