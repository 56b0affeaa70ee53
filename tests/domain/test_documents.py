"""Reading attached conclusion files: the files are built here (python-docx writes .docx,
matplotlib writes a .pdf with real text) and must come back as the text a chair would paste."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import matplotlib
import pytest
from docx import Document

from domain.understand import documents
from domain.understand.conclusion import split_conclusion
from domain.understand.documents import DocumentError, extract_text

matplotlib.use("Agg")

SENTENCE = "Giao Văn phòng HĐND&UBND rà soát hồ sơ, xong trước ngày 15/12/2020."
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """How Windows' Vietnamese code page stores text: letters precomposed, tones as combining marks."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tone)
    return "".join(out).encode("cp1258")


# ------------------------------------------------------------------------------------------ .txt
@pytest.mark.parametrize(
    "data",
    [
        SENTENCE.encode("utf-8"),
        SENTENCE.encode("utf-8-sig"),
        SENTENCE.encode("utf-16"),  # with a byte-order mark
        SENTENCE.encode("utf-16-le"),  # without one (Notepad "Unicode")
        windows_1258(SENTENCE),
        unicodedata.normalize("NFD", SENTENCE).encode("utf-8"),  # macOS-style decomposed letters
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le", "cp1258", "utf-8-nfd"],
)
def test_text_files_in_every_usual_encoding(data: bytes) -> None:
    assert extract_text("ket-luan.TXT", data) == SENTENCE


def test_windows_line_ends_become_newlines() -> None:
    assert extract_text("a.txt", "Dòng một.\r\nDòng hai.".encode()) == "Dòng một.\nDòng hai."


# ------------------------------------------------------------------------------------------ .docx
def _docx_bytes(doc: Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx() -> bytes:
    doc = Document()
    doc.add_paragraph("THÔNG BÁO KẾT LUẬN")
    doc.add_paragraph("Kết luận:")
    doc.add_paragraph(SENTENCE, style="List Number")
    doc.add_paragraph("Đề nghị Công an phường tăng cường tuần tra ban đêm.", style="List Number")
    doc.add_paragraph("Tổ dân phố số 3 vận động nhân dân.", style="List Bullet 2")
    table = doc.add_table(rows=2, cols=2)  # not a task table: its cells, in order
    for (r, c), text in {
        (0, 0): "Họ và tên",
        (0, 1): "Chức vụ",
        (1, 0): "Nguyễn Văn A",
        (1, 1): "Chủ tịch",
    }.items():
        table.cell(r, c).text = text
    doc.add_paragraph("Nơi nhận:")
    return _docx_bytes(doc)


def test_docx_paragraphs_and_table_cells_in_order_with_list_markers() -> None:
    assert extract_text("kl.docx", _docx()).splitlines() == [
        "THÔNG BÁO KẾT LUẬN",
        "Kết luận:",
        f"- {SENTENCE}",
        "- Đề nghị Công an phường tăng cường tuần tra ban đêm.",
        "+ Tổ dân phố số 3 vận động nhân dân.",
        "Họ và tên",
        "Chức vụ",
        "Nguyễn Văn A",
        "Chủ tịch",
        "Nơi nhận:",
    ]


def test_a_docx_conclusion_splits_into_its_points() -> None:
    parsed = split_conclusion(extract_text("kl.docx", _docx()), date(2020, 12, 1))
    assert parsed.directives[0].text == SENTENCE
    assert [[a.text for a in d.assignees.lead] for d in parsed.directives] == [
        ["Văn phòng HĐND&UBND"],
        ["Công an phường"],
        ["Tổ dân phố số 3"],
    ]
    assert parsed.directives[0].deadline.due == date(2020, 12, 15)


def test_a_task_table_gives_one_directive_per_row() -> None:
    doc = Document()
    doc.add_paragraph("Nhiệm vụ trọng tâm tháng 5/2024:")
    header = ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]
    rows = [
        [
            "1",
            "Rà soát hồ sơ đất đai tồn đọng",
            "Công chức Địa chính - Xây dựng",
            "Văn phòng HĐND&UBND",
            "30/5/2024",
        ],
        ["2", "Tổng hợp báo cáo kết quả", "", "", ""],
        ["3", "Tuyên truyền chuyển đổi số", "Đài truyền thanh phường", "", ""],
    ]
    table = doc.add_table(rows=len(rows) + 1, cols=len(header))
    for r, cells in enumerate([header, *rows]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    text = extract_text("kh.docx", _docx_bytes(doc))
    assert text.splitlines()[1:] == [
        "- Giao Công chức Địa chính - Xây dựng chủ trì, phối hợp Văn phòng HĐND&UBND thực hiện: "
        "Rà soát hồ sơ đất đai tồn đọng; thời hạn: 30/5/2024",
        "- Tổng hợp báo cáo kết quả",
        "- Giao Đài truyền thanh phường chủ trì thực hiện: Tuyên truyền chuyển đổi số",
    ]
    first, second, third = split_conclusion(text, date(2024, 5, 2)).directives
    assert [a.text for a in first.assignees.lead] == ["Công chức Địa chính - Xây dựng"]
    assert [a.text for a in first.assignees.support] == ["Văn phòng HĐND&UBND"]
    assert first.deadline.due == date(2024, 5, 30)
    assert second.assignees.lead == ()
    assert [a.text for a in third.assignees.lead] == ["Đài truyền thanh phường"]


# ------------------------------------------------------------------------------------------ .pdf
def _pdf(*lines: str) -> bytes:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    out = io.BytesIO()
    with PdfPages(out) as pdf:
        figure = Figure(figsize=(8.27, 11.69))
        for k, line in enumerate(lines):
            figure.text(0.05, 0.95 - 0.04 * k, line)
        pdf.savefig(figure)
    return out.getvalue()


def test_pdf_text_keeps_vietnamese() -> None:
    text = extract_text("kl.pdf", _pdf("1. " + SENTENCE, "2. Đề nghị Đoàn Thanh niên ra quân."))
    assert text.splitlines() == ["1. " + SENTENCE, "2. Đề nghị Đoàn Thanh niên ra quân."]


def test_scanned_pdf_without_text() -> None:
    with pytest.raises(DocumentError) as err:
        extract_text("scan.pdf", _pdf())
    assert str(err.value) == documents.SCANNED_PDF


def test_password_protected_pdf() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(_pdf(SENTENCE))))
    writer.encrypt("mat-khau")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(DocumentError) as err:
        extract_text("kl.pdf", locked.getvalue())
    assert str(err.value) == documents.LOCKED_PDF


def test_a_pdf_restricted_with_aes_is_read_and_one_locked_with_aes_is_called_locked() -> None:
    """qa10: Acrobat's «restrict editing» and e-office exports encrypt with AES and an owner password
    only: the file opens for anyone. pypdf alone (without `cryptography`) cannot decrypt AES, and the
    bot answered «tệp .pdf bị hỏng» for a file any reader opens. (Fixtures: AES-256, permissions none;
    the second also has a password to open it.)"""
    from pathlib import Path

    data_dir = Path(__file__).resolve().parents[1] / "data"
    text = extract_text("kl.pdf", (data_dir / "qa10-aes-han-che.pdf").read_bytes())
    assert text.splitlines()[0] == "1. Giao Văn phòng HĐND&UBND rà soát hồ sơ một cửa, xong trước ngày 15/12/2026."
    with pytest.raises(DocumentError) as err:
        extract_text("kl.pdf", (data_dir / "qa10-aes-mat-khau.pdf").read_bytes())
    assert str(err.value) == documents.LOCKED_PDF


def test_a_word_file_whose_name_lies_is_read_by_what_it_is() -> None:
    """qa10: a .docx saved or renamed as .doc, a Word 97 file renamed .docx (Word opens both without a word)
    were «bị hỏng»; an RTF saved as .doc was «Word cũ bị hỏng». The first bytes decide."""
    from pathlib import Path

    document = Document()
    document.add_paragraph("1. " + SENTENCE)
    out = io.BytesIO()
    document.save(out)
    assert extract_text("ket-luan.doc", out.getvalue()) == "1. " + SENTENCE
    word97 = (Path(__file__).resolve().parents[1] / "data" / "ket-luan-word97.doc").read_bytes()
    with pytest.raises(DocumentError) as err:  # no antiword here (tools=None): read as .doc, not «.docx hỏng»
        extract_text("ket-luan.docx", word97)
    assert str(err.value) == documents.OLD_WORD
    # (docs11) an RTF saved as .doc is read as RTF (it was «hãy lưu lại thành .docx»)
    assert extract_text("ket-luan.doc", rb"{\rtf1\ansi 1. Giao V\u259?n ph\'f2ng ...\par }") == "1. Giao Văn phòng ..."


def test_a_word_file_that_is_an_html_page_is_read_with_its_task_table() -> None:
    """qa10: «Xuất file Word» of document systems writes an HTML page named .doc; Word opens it, the bot
    said «Word cũ bị hỏng». Its paragraphs and its task table read as a .docx's."""
    page = (
        '<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta http-equiv=Content-Type '
        'content="text/html; charset=utf-8"><title>x</title><style>p {margin:0}</style></head><body>'
        "<p class=MsoNormal>TH&Ocirc;NG B&Aacute;O</p><p>1. " + SENTENCE + "</p>"
        "<table><tr><td>TT</td><td>Nội dung công việc</td><td>Đơn vị chủ trì</td><td>Thời gian</td></tr>"
        "<tr><td>2</td><td><p>Kiểm tra camera&nbsp;an ninh</p></td><td>Công an phường</td>"
        "<td>Trước 10/12/2026</td></tr></table></body></html>"
    )
    lines = extract_text("ket-luan.doc", page.encode("utf-8")).splitlines()
    assert lines[:2] == ["THÔNG BÁO", "1. " + SENTENCE]
    assert lines[2].startswith("- Giao Công an phường chủ trì thực hiện: Kiểm tra camera an ninh")
    assert "Trước 10/12/2026" in lines[2]


# ------------------------------------------------------------------------------------------ refusals
@pytest.mark.parametrize(
    ("filename", "data", "reason"),
    [
        ("kl.doc", b"\xd0\xcf\x11\xe0 old word", documents.OLD_WORD),
        ("kl.xlsx", b"PK\x03\x04", documents.BROKEN_XLSX),  # (docs11) a .xlsx is read: this one is damaged
        ("kl.ods", b"PK\x03\x04", documents.UNSUPPORTED.format(ext=".ods")),
        ("ketluan", b"abc", documents.UNSUPPORTED.format(ext="không có đuôi")),
        ("kl.docx", b"this is not a zip", documents.BROKEN_DOCX),
        ("kl.pdf", b"%PDF-1.4 broken", documents.BROKEN_PDF),
        ("kl.txt", b"", documents.EMPTY),
        ("kl.txt", b"   \n\n 12/12 ", documents.EMPTY),
        ("kl.txt", bytes(range(0, 32)) * 4 + b"abc", documents.GARBLED),
        # (docs13) TCVN3 text is converted now: tests/domain/test_docs13_office_documents.py
    ],
)
def test_files_that_cannot_be_read_say_why(filename: str, data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError) as err:
        extract_text(filename, data)
    assert str(err.value) == reason


# ------------------------------------------------------------------------------ (qa7) a Word PDF
# A notice as Word prints it to PDF: the agency and the national title side by side, a centred title,
# left-aligned paragraphs broken where the line is full, a page number at the foot of each page.
_WORD_PAGES = [
    [
        ("cols", "UBND PHƯỜNG SÀI ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("cols", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "Độc lập - Tự do - Hạnh phúc"),
        ("cols", "Số: 15/TB-BCĐ", "Sài Đồng, ngày 20 tháng 11 năm 2026"),
        ("centre", "THÔNG BÁO"),
        ("centre", "Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp giao ban tháng 11"),
        ("first", "Ngày 19 tháng 11 năm 2026, Ban Chỉ đạo chuyển đổi số phường tổ chức họp giao"),
        ("line", "ban. Chủ trì cuộc họp: đồng chí Trưởng Ban Chỉ đạo, đồng chí Nguyễn Thị"),
        ("last", "Lan - Chủ tịch UBND phường."),
        ("first", "2.1. Giao Văn phòng HĐND-UBND phường chủ trì, phối hợp Công an phường rà"),
        ("line", "soát, cập nhật dữ liệu dân cư trên hệ thống, hoàn thành trước ngày"),
        ("last", "15/12/2026."),
        ("first", "2.2. Công an phường tiếp tục triển khai cấp tài khoản định danh điện tử mức"),
        ("line", "2 cho người dân trên địa bàn; báo cáo kết quả về Văn phòng HĐND-UBND"),
    ],
    [
        ("line", "phường trước ngày 10/12/2026."),
        ("first", "2.3. Giao Trạm Y tế phường rà soát danh sách người cao tuổi, hoàn thành"),
        ("last", "trước ngày 18/12/2026."),
        ("cols", "Nơi nhận:", "TL. TRƯỞNG BAN"),
        ("cols", "- Các thành viên BCĐ;", "CHÁNH VĂN PHÒNG"),
        ("cols", "- Lưu: VT.", "Phạm Văn Hùng"),
    ],
]


def _typed() -> str:
    """The same notice's body as a chair pastes it: one paragraph a line."""
    paragraphs: list[str] = []
    for kind, *texts in (line for page in _WORD_PAGES for line in page):
        if kind == "first":
            paragraphs.append(texts[0])
        elif kind in ("line", "last"):
            paragraphs[-1] += " " + texts[0]
    return "\n".join(paragraphs)


def _word_pdf() -> bytes:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    out = io.BytesIO()
    with PdfPages(out) as pdf:
        for number, lines in enumerate(_WORD_PAGES, start=1):
            figure = Figure(figsize=(8.27, 11.69))
            for k, (kind, *texts) in enumerate(lines):
                y = 0.92 - 0.03 * k
                if kind == "cols":
                    figure.text(0.28, y, texts[0], ha="center")
                    figure.text(0.72, y, texts[1], ha="center")
                elif kind == "centre":
                    figure.text(0.5, y, texts[0], ha="center")
                else:
                    figure.text(0.14 if kind == "first" else 0.1, y, texts[0])
            figure.text(0.5, 0.04, str(number), ha="center")
            pdf.savefig(figure)
    return out.getvalue()


def _tasks(text: str) -> list[tuple[str, list[str], date | None]]:
    return [
        (d.text, [a.text for a in d.assignees.lead], d.deadline.due)
        for d in split_conclusion(text, date(2026, 11, 19)).directives
    ]


def test_a_pdf_printed_from_word_gives_the_tasks_of_its_pasted_text() -> None:
    # Its lines broken at «Nguyễn Thị» / «Lan - Chủ tịch», «trước ngày» / «15/12/2026.», «mức» / «2 cho
    # người dân» and across the page: read line by line, «Lan» led a task, 2.1 and 2.2 lost their
    # deadlines, and the page numbers were lines of the text.
    text = extract_text("thong-bao.pdf", _word_pdf())
    assert _tasks(text) == _tasks(_typed())
    assert [due for _, _, due in _tasks(text)] == [date(2026, 12, 15), date(2026, 12, 10), date(2026, 12, 18)]
    assert "\n1\n" not in text and not text.endswith("\n2")


def test_a_hyphen_that_ends_a_printed_line_stays_a_hyphen() -> None:
    """tests/data/qa7-bang-nhiem-vu.pdf: the task table printed to PDF by LibreOffice; «HĐND-UBND»
    wraps in its narrow cell, and PDFium gives that hyphen as U+FFFE («HĐND\ufffeUBND»)."""
    from pathlib import Path

    data = (Path(__file__).resolve().parents[1] / "data" / "qa7-bang-nhiem-vu.pdf").read_bytes()
    text = extract_text("bang-nhiem-vu.pdf", data)
    assert "\ufffe" not in text and text.count("HĐND-UBND") == 2


def test_a_task_table_printed_to_pdf_gives_the_tasks_of_its_docx() -> None:
    """The same file: PDFium reads a table cell by cell, each cell's lines apart («Đơn vị chủ» / «trì»,
    «Văn phòng» / «HĐND-UBND»). Read so, the header's words were tasks («Đơn vị chủ trì», «Đơn vị
    phối hợp») and the three rows gave none; now each row is one task, as from the .docx."""
    from pathlib import Path

    from tests.domain.test_ocr import _seen, _task_table_docx

    data = (Path(__file__).resolve().parents[1] / "data" / "qa7-bang-nhiem-vu.pdf").read_bytes()
    printed = extract_text("bang-nhiem-vu.pdf", data)
    assert len(_seen(printed)) == 3
    assert _seen(printed) == _seen(extract_text("bang-nhiem-vu.docx", _task_table_docx()))
    assert printed.split("\n")[:2] == [  # the title stands apart from the sentence under it
        "KẾT LUẬN CUỘC HỌP GIAO BAN THÁNG 11/2026", "Đồng chí Trưởng Ban kết luận, giao nhiệm vụ như sau:"
    ]
