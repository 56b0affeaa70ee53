"""OCR's pure half (domain/understand/ocr.py) and the document reader's handling of scans, with the
programs replaced by stand-ins that answer at once: page caps, time running out, a server without
Tesseract or antiword, a picture with no writing, Word 97 files. The real Tesseract is exercised in
test_ocr_pages.py."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from bot import tesseract
from domain.understand import documents, ocr
from domain.understand.conclusion import split_conclusion
from domain.understand.documents import DocumentError, OcrTimeout, OcrUnavailable, read_document

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def tsv(rows: list[tuple[int, int, int, float, str]]) -> str:
    """Tesseract's TSV for words given as (block, paragraph, line, confidence, text)."""
    out = [HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t"]
    for n, (block, par, line, conf, text) in enumerate(rows, start=1):
        out.append(f"5\t1\t{block}\t{par}\t{line}\t{n}\t0\t0\t10\t10\t{conf}\t{text}")
    return "\n".join(out) + "\n"


def words(line: str, block: int = 1, par: int = 1, number: int = 1, conf: float = 93) -> list[tuple]:
    return [(block, par, number, conf, w) for w in line.split()]


PAGE = tsv(
    words("KẾT LUẬN", 1, 1, 1)
    + words("1. Giao Văn phòng HĐND&UBND rà soát hồ sơ", 2, 1, 1)
    + words("đất đai, xong trước ngày 15/12/2026.", 2, 1, 2)
    + words("2. Giao Công an phường kiểm tra camera", 2, 1, 3)
    + [(2, 1, 4, 41.0, "tại"), (2, 1, 4, 90.0, "các"), (2, 1, 4, 88.0, "tổ"), (2, 1, 4, 30.0, "dân"),
       (2, 1, 4, 20.0, "|"), (2, 1, 4, 90.0, "phố.")]
)


# ------------------------------------------------------------------------------------------ TSV
def test_tsv_becomes_paragraphs_one_item_a_line() -> None:
    reading = ocr.reading([ocr.parse_tsv(PAGE)], 1)
    assert reading.text.split("\n") == [
        "KẾT LUẬN",
        "1. Giao Văn phòng HĐND&UBND rà soát hồ sơ đất đai, xong trước ngày 15/12/2026.",
        "2. Giao Công an phường kiểm tra camera tại các tổ dân phố.",
    ]


def test_lines_with_an_unsure_word_are_listed_for_checking() -> None:
    reading = ocr.reading([ocr.parse_tsv(PAGE)], 1)
    assert reading.unsure == ["tại các tổ dân phố."]  # the speck "|" is gone, the line is flagged


def test_a_line_in_small_letters_continues_across_tesseracts_paragraphs() -> None:
    page = tsv(words("Giao Văn phòng rà soát, tổng hợp", 1, 1, 1) + words("báo cáo trước 15/12;", 1, 2, 1)
               + words("tập trung khắc phục.", 1, 3, 1) + words("Giao Công an phường kiểm tra:", 1, 4, 1)
               + words("- rà soát camera;", 1, 5, 1) + words("- lập danh sách.", 1, 6, 1))
    assert ocr.reading([ocr.parse_tsv(page)], 1).text.split("\n") == [
        "Giao Văn phòng rà soát, tổng hợp báo cáo trước 15/12; tập trung khắc phục.",
        "Giao Công an phường kiểm tra:",
        "- rà soát camera;",
        "- lập danh sách.",
    ]


def test_a_speck_read_as_a_full_stop_inside_a_sentence_is_dropped() -> None:
    page = tsv(words("đề nghị các thành viên và các bộ phận.", 1, 1, 1) + words("chuyên môn khắc phục, v.v.", 1, 1, 2)
               + words("và báo cáo tại TP.", 1, 1, 3) + words("Hà Nội.", 1, 1, 4))
    assert ocr.reading([ocr.parse_tsv(page)], 1).text == (
        "đề nghị các thành viên và các bộ phận chuyên môn khắc phục, v.v. và báo cáo tại TP. Hà Nội."
    )


def test_ocr_slips_are_tidied() -> None:
    page = tsv(words("Giao VP HÐĐND&UBND ( tham mưu ) thôi việc).:", 1, 1, 1))
    assert ocr.reading([ocr.parse_tsv(page)], 1).text == "Giao VP HĐND&UBND (tham mưu) thôi việc)."


def test_pages_keep_their_order() -> None:
    first = ocr.parse_tsv(tsv(words("Trang một có chữ.")), page=1)
    second = ocr.parse_tsv(tsv(words("Trang hai có chữ.")), page=2)
    assert ocr.reading([first, second], 2).text == "Trang một có chữ.\nTrang hai có chữ."


def test_writing_is_told_from_noise() -> None:
    assert ocr.is_writing(ocr.parse_tsv(PAGE))
    noise = tsv([(1, 1, 1, 12.0, "~"), (1, 1, 1, 31.0, "ii"), (1, 1, 2, 22.0, "Wm"), (1, 1, 2, 40.0, "a")])
    assert not ocr.is_writing(ocr.parse_tsv(noise))


@pytest.mark.parametrize("turned", [-3.0, -1.2, 0.0, 0.8, 2.5])
def test_skew_is_measured_on_the_rows_of_a_page(turned: float) -> None:
    page = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(page)
    for y in range(150, 1450, 45):  # printed lines: dark bands with gaps
        draw.rectangle((120, y, 1080, y + 18), fill=0)
    crooked = page.rotate(turned, fillcolor=255)
    assert documents.skew_of(crooked) == pytest.approx(-turned, abs=0.25)


# ------------------------------------------------------------------------------------------ reader
class FakeTools:
    """Answers at once: every page gives the same words; `slow_from` pages run out of time."""

    def __init__(self, page: str = PAGE, slow_from: int | None = None) -> None:
        self.page, self.slow_from, self.read = page, slow_from, 0

    def tsv(self, image: Any) -> str:
        self.read += 1
        if self.slow_from is not None and self.read >= self.slow_from:
            raise OcrTimeout
        return self.page

    def rotation(self, image: Any) -> tuple[int, float]:
        return 0, 0.0

    def doc_text(self, data: bytes) -> str:
        return "Giao Văn phòng rà soát hồ sơ trước 15/12/2026.\n" if data.startswith(b"\xd0\xcf\x11\xe0") else ""

    def time_left(self) -> float:
        return 60.0

    def starting(self, pages: int, total: int) -> None:
        self.announced = (pages, total)


def blank_pdf(pages: int) -> bytes:
    out = io.BytesIO()
    first, *rest = [Image.new("RGB", (200, 283), "white") for _ in range(pages)]
    first.save(out, format="PDF", save_all=True, append_images=rest, resolution=200)  # small pages: quick
    return out.getvalue()


def png(size: tuple[int, int] = (400, 560)) -> bytes:
    out = io.BytesIO()
    Image.new("L", size, 255).save(out, format="PNG")
    return out.getvalue()


def test_a_sixty_page_scan_is_read_up_to_the_cap_and_says_so() -> None:
    tools = FakeTools()
    read = read_document("ho-so.pdf", blank_pdf(60), tools)
    assert tools.announced == (documents.MAX_PAGES, 60)  # said before reading: the bot answers at once
    assert tools.read == documents.MAX_PAGES
    assert read.reading is not None
    assert (read.reading.pages, read.reading.total_pages) == (documents.MAX_PAGES, 60)


def test_time_running_out_keeps_the_pages_read() -> None:
    read = read_document("ho-so.pdf", blank_pdf(4), FakeTools(slow_from=3))
    assert read.reading is not None and read.reading.timed_out
    assert (read.reading.pages, read.reading.total_pages) == (2, 4)


def test_time_running_out_on_the_first_page_is_a_clear_refusal() -> None:
    with pytest.raises(DocumentError, match="quá lâu"):
        read_document("anh.png", png(), FakeTools(slow_from=1))


def test_a_picture_without_writing_is_refused_clearly() -> None:
    with pytest.raises(DocumentError, match="không thấy chữ trong ảnh"):
        read_document("anh.jpg", png(), FakeTools(page=tsv([(1, 1, 1, 15.0, "~~")])))


def test_a_photo_without_a_name_is_known_by_its_bytes() -> None:
    read = read_document("tệp", png(), FakeTools())
    assert read.reading is not None and "Giao Công an phường" in read.text


def test_a_damaged_image_is_refused_clearly() -> None:
    with pytest.raises(DocumentError, match="ảnh bị hỏng"):
        read_document("anh.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", FakeTools())


def test_a_word_97_file_is_read_by_its_converter() -> None:
    read = read_document("ket-luan.doc", b"\xd0\xcf\x11\xe0" + bytes(600), FakeTools())
    assert read.text == "Giao Văn phòng rà soát hồ sơ trước 15/12/2026." and read.reading is None
    with pytest.raises(DocumentError, match=r"\.doc"):
        read_document("ket-luan.doc", b"not a word file", FakeTools())


def test_a_server_without_tesseract_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tesseract.shutil, "which", lambda name: None)
    with pytest.raises(DocumentError) as refused:
        read_document("anh.png", png(), tesseract.SystemTools(10))
    message = str(refused.value)
    assert "Tesseract" in message and "apt-get install tesseract-ocr tesseract-ocr-vie" in message
    assert "\n" not in message
    with pytest.raises(DocumentError, match="apt-get install antiword"):
        read_document("cu.doc", b"\xd0\xcf\x11\xe0" + bytes(600), tesseract.SystemTools(10))
    # Text files and real-text PDFs need neither program.
    assert read_document("a.txt", "Giao Văn phòng rà soát.".encode(), tesseract.SystemTools(10)).text


def test_without_the_vietnamese_model_the_answer_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DocumentError, match="tesseract-ocr-vie"):
        read_document("anh.png", png(), tesseract.SystemTools(10, language="khongco"))


def test_unavailable_is_not_raised_for_text_documents() -> None:
    class NoPrograms(FakeTools):
        def tsv(self, image: Any) -> str:
            raise OcrUnavailable("Tesseract", tesseract.TESSERACT_PACKAGES)

    assert read_document("a.txt", b"Giao Van phong ra soat.", NoPrograms()).reading is None


@pytest.mark.skipif(shutil.which("antiword") is None, reason="apt-get install antiword (scripts/test.sh does)")
def test_a_real_word_97_file_gives_the_same_directives_as_its_text() -> None:
    """tests/data/ket-luan-word97.doc: a corpus report saved as "Word 97–2003" by LibreOffice."""
    data_dir = Path(__file__).resolve().parents[1] / "data"
    typed = (data_dir / "seeds" / "001_7f2e9915450f735b.txt").read_text(encoding="utf-8")
    data = (data_dir / "ket-luan-word97.doc").read_bytes()
    read = read_document("ket-luan-word97.doc", data, tesseract.SystemTools(30))
    assert "Giao Bộ phận tham mưu kiểm soát chặt chẽ" in read.text and read.reading is None

    def seen(text: str) -> list[tuple[str, list[str], object]]:
        return [
            (d.text, [a.text for a in d.assignees.lead], d.deadline.due)
            for d in split_conclusion(text, date(2026, 11, 23)).directives
        ]

    assert seen(read.text) == seen(typed)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(["anh.jpg", "anh.png", "scan.pdf", "cu.doc", "tệp", "x.tif"]),
    head=st.sampled_from(
        [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"%PDF-1.4\n", b"\xd0\xcf\x11\xe0", b"II*\x00"]
    ),
    body=st.binary(max_size=400),
)
def test_damaged_scans_and_photos_get_a_reason_never_a_crash(name: str, head: bytes, body: bytes) -> None:
    try:
        read = read_document(name, head + body, FakeTools())
    except DocumentError as refused:
        assert str(refused)
        return
    assert read.text == read.text.strip() and read.text


# ------------------------------------------------------------------------------ (qa7) layout
def placed(rows: list[tuple[int, int, int, int, str]]) -> str:
    """Tesseract's TSV for printed lines given as (paragraph, line, left, right, text): the words of
    a line spread evenly between its left and right edges, all in block 1."""
    out = [HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2338\t-1\t"]
    n = 0
    for par, line, left, right, text in rows:
        ws = text.split()
        step = (right - left) // len(ws)
        for k, w in enumerate(ws):
            n += 1
            out.append(f"5\t1\t1\t{par}\t{line}\t{n}\t{left + k * step}\t0\t{step - 8}\t40\t92\t{w}")
    return "\n".join(out) + "\n"


def test_a_title_and_headings_tesseract_joined_to_the_text_below_stand_apart() -> None:
    # One paragraph of Tesseract's: the centred title, the preamble with its first-line indent, a short
    # heading, then numbered items of two levels whose wrapped lines begin with a unit's capital.
    page = placed([
        (1, 1, 700, 950, "THÔNG BÁO"),
        (1, 2, 330, 1330, "Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp giao ban tháng 11"),
        (1, 3, 240, 1490, "Ngày 19/11/2026, Ban Chỉ đạo tổ chức họp giao ban triển khai nhiệm vụ"),
        (1, 4, 160, 1480, "tháng 12 năm 2026. Chủ trì cuộc họp: đồng chí Nguyễn Thị Lan, Trưởng Ban."),
        (1, 5, 160, 900, "2. Nhiệm vụ trọng tâm thời gian tới"),
        (1, 6, 160, 1485, "2.1. Giao Văn phòng HĐND-UBND phường chủ trì, phối hợp với"),
        (1, 7, 160, 1200, "Công an phường rà soát dữ liệu dân cư, xong trước ngày 15/12/2026."),
        (1, 8, 160, 1490, "2.2. Công an phường cấp tài khoản định danh điện tử cho người dân; báo"),
        (1, 9, 160, 1000, "cáo kết quả trước ngày 10/12/2026. :"),
        (2, 1, 160, 1300, "2.3. Giao Trạm Y tế phường rà soát danh sách người cao tuổi. |"),
    ])
    lines = ocr.reading([ocr.parse_tsv(page)], 1).text.split("\n")
    assert lines == [
        "THÔNG BÁO",
        "Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp giao ban tháng 11",
        "Ngày 19/11/2026, Ban Chỉ đạo tổ chức họp giao ban triển khai nhiệm vụ tháng 12 năm 2026. Chủ trì cuộc "
        "họp: đồng chí Nguyễn Thị Lan, Trưởng Ban.",
        "2. Nhiệm vụ trọng tâm thời gian tới",
        "2.1. Giao Văn phòng HĐND-UBND phường chủ trì, phối hợp với Công an phường rà soát dữ liệu dân cư, xong "
        "trước ngày 15/12/2026.",
        # The speck after the full stop is dropped once the space before it is closed up: left as ".:",
        # the item read as the lead-in of a list, and its task was lost.
        "2.2. Công an phường cấp tài khoản định danh điện tử cho người dân; báo cáo kết quả trước ngày 10/12/2026.",
        "2.3. Giao Trạm Y tế phường rà soát danh sách người cao tuổi.",  # the page's edge read as «|» is gone
    ]
    found = split_conclusion("\n".join(lines), date(2026, 11, 19)).directives
    assert [(d.assignees.lead[0].text, d.deadline.due) for d in found] == [
        ("Văn phòng HĐND-UBND phường", date(2026, 12, 15)),
        ("Công an phường", date(2026, 12, 10)),
        ("Trạm Y tế phường", None),
    ]


def test_lines_without_positions_are_joined_as_before() -> None:
    # Words without positions (0, 0): no layout to read; a capital after an open line goes on.
    page = tsv(words("Giao Văn phòng rà soát, phối hợp", 1, 1, 1) + words("Công an phường kiểm tra", 1, 1, 2))
    assert ocr.reading([ocr.parse_tsv(page)], 1).text == "Giao Văn phòng rà soát, phối hợp Công an phường kiểm tra"


def test_a_title_in_capitals_stands_apart_from_the_text_under_it() -> None:
    page = tsv(words("THÔNG BÁO KẾT LUẬN", 1, 1, 1) + words("Ngày 19/11/2026, Ban Chỉ đạo họp", 1, 1, 2))
    assert ocr.reading([ocr.parse_tsv(page)], 1).text.split("\n") == [
        "THÔNG BÁO KẾT LUẬN", "Ngày 19/11/2026, Ban Chỉ đạo họp"
    ]


# ------------------------------------------------------------------------------ (qa7) .doc tables
_TASK_TABLE = [
    ("TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"),
    ("1", "Rà soát, cập nhật dữ liệu dân cư trên hệ thống", "Văn phòng HĐND-UBND", "Công an phường",
     "Trước ngày 15/12/2026"),
    ("2", "Cấp tài khoản định danh điện tử mức 2 cho người dân", "Công an phường", "", "Trước ngày 10/12/2026"),
    ("3", "Tập huấn kỹ năng số cho giáo viên", "Trường Tiểu học Sài Đồng", "Văn phòng HĐND-UBND", "Tháng 12/2026"),
]


def _task_table_docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("KẾT LUẬN CUỘC HỌP GIAO BAN THÁNG 11/2026")
    document.add_paragraph("Đồng chí Trưởng Ban kết luận, giao nhiệm vụ như sau:")
    table = document.add_table(rows=len(_TASK_TABLE), cols=5)
    for row, values in zip(table.rows, _TASK_TABLE, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _seen(text: str) -> list[tuple[str, list[str], list[str], object]]:
    return [
        (d.text, [a.text for a in d.assignees.lead], [a.text for a in d.assignees.support], d.deadline.due)
        for d in split_conclusion(text, date(2026, 11, 19)).directives
    ]


def test_a_task_table_in_a_word_97_file_gives_its_tasks() -> None:
    # antiword prints the table as «|cell|cell|» rows, a long cell wrapped on the rows below: read as
    # text, the table gave no task at all.
    class Antiword(FakeTools):
        def doc_text(self, data: bytes) -> str:
            return (
                "KẾT LUẬN CUỘC HỌP GIAO BAN THÁNG 11/2026\n\n"
                "|TT      |Nội dung công việc       |Đơn vị chủ trì     |Đơn vị phối hợp |Thời gian hoàn thành  |\n"
                "|1       |Rà soát, cập nhật dữ liệu|Văn phòng HĐND-UBND|Công an phường  |Trước ngày 15/12/2026 |\n"
                "|        |dân cư trên hệ thống     |                   |                |                      |\n"
                "|2       |Cấp tài khoản định danh  |Công an phường     |                |Trước ngày 10/12/2026 |\n"
                "|        |điện tử mức 2 cho người  |                   |                |                      |\n"
                "|        |dân                      |                   |                |                      |\n"
            )

    read = read_document("bang.doc", b"\xd0\xcf\x11\xe0" + bytes(600), Antiword())
    assert [(lead, support, due) for _, lead, support, due in _seen(read.text)] == [
        (["Văn phòng HĐND-UBND"], ["Công an phường"], date(2026, 12, 15)),
        (["Công an phường"], [], date(2026, 12, 10)),
    ]
    assert "Rà soát, cập nhật dữ liệu dân cư trên hệ thống" in read.text


@pytest.mark.skipif(shutil.which("antiword") is None, reason="apt-get install antiword (scripts/test.sh does)")
def test_a_real_word_97_task_table_reads_as_its_docx() -> None:
    """tests/data/qa7-bang-nhiem-vu.doc: the same table saved as "Word 97–2003" by LibreOffice."""
    data = (Path(__file__).resolve().parents[1] / "data" / "qa7-bang-nhiem-vu.doc").read_bytes()
    old_word = read_document("bang-nhiem-vu.doc", data, tesseract.SystemTools(30)).text
    assert len(_seen(old_word)) == 3
    assert _seen(old_word) == _seen(read_document("bang-nhiem-vu.docx", _task_table_docx()).text)
