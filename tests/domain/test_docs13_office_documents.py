"""(docs13) Conclusion notices as Vietnamese offices really send them, read end to end: the file is built
here (python-docx), read by `documents.extract_text` as /nhap reads it, and split by `split_conclusion`;
the tasks that come out must be those a secretary would list (lead, deadline)."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from domain.understand.conclusion import split_conclusion
from domain.understand.documents import extract_text

W = nsdecls("w")
TODAY = date(2026, 11, 19)


def tasks(text: str) -> list[tuple[str, list[str], date | None]]:
    return [
        (d.text, [a.text for a in d.assignees.lead], d.deadline.due)
        for d in split_conclusion(text, TODAY).directives
    ]


def leads_and_dues(text: str) -> list[tuple[list[str], date | None]]:
    return [(lead, due) for _, lead, due in tasks(text)]


def _saved(document: object) -> bytes:
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def _tracked(paragraph: object, inserted: str, deleted: str = "") -> None:
    """A change left unaccepted: Word shows `inserted` (underlined) and `deleted` (struck through)."""
    p = paragraph._p  # type: ignore[attr-defined]
    if deleted:
        p.append(parse_xml(
            f'<w:del {W} w:id="1" w:author="VP" w:date="2026-11-20T00:00:00Z">'
            f'<w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'
        ))
    p.append(parse_xml(
        f'<w:ins {W} w:id="2" w:author="VP" w:date="2026-11-20T00:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'
    ))


def _text_box(paragraph: object, text: str) -> None:
    """A text box as Word 2010+ writes it: the DrawingML box, and the VML copy for old readers."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    paragraph._p.append(parse_xml(  # type: ignore[attr-defined]
        f'<w:r {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r>"
    ))


def _head(document: object) -> None:
    """The national motto block: a 2-column borderless table, then the title."""
    head = document.add_table(rows=2, cols=2)  # type: ignore[attr-defined]
    head.cell(0, 0).text = "UBND TỈNH QUẢNG NAM\nBAN CHỈ ĐẠO"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    head.cell(1, 0).text = "Số: 125/TB-BCĐ"
    head.cell(1, 1).text = "Quảng Nam, ngày 18 tháng 11 năm 2026"
    document.add_paragraph("THÔNG BÁO")  # type: ignore[attr-defined]
    document.add_paragraph("Kết luận của Trưởng Ban chỉ đạo tại cuộc họp ngày 15/11/2026")  # type: ignore[attr-defined]
    document.add_paragraph(  # type: ignore[attr-defined]
        "Sau khi nghe báo cáo, Trưởng Ban chỉ đạo kết luận như sau:"
    )


def _signature(document: object) -> None:
    """«Nơi nhận:» and the signer, side by side in a 2-column table, as the template has them."""
    sign = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    sign.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- TT Tỉnh ủy (b/c);\n- Lưu: VT."
    sign.cell(0, 1).text = "TL. TRƯỞNG BAN\nCHÁNH VĂN PHÒNG\n(Đã ký)\nNguyễn Văn An"


def test_a_tracked_change_left_unaccepted_reads_as_word_shows_it_accepted() -> None:
    # The secretary's correction of the deadline («30/11» struck out, «20/12» inserted) was not accepted
    # before sending: python-docx's paragraph text has neither, and the task came without its deadline.
    document = Document()
    _head(document)
    p = document.add_paragraph("1. Giao Sở Xây dựng ")
    _tracked(p, "chủ trì ")
    p.add_run("rà soát quy hoạch khu công nghiệp, báo cáo UBND tỉnh trước ngày ")
    _tracked(p, "20/12/2026", deleted="30/11/2026")
    p.add_run(".")
    _signature(document)
    text = extract_text("thong-bao.docx", _saved(document))
    assert "30/11/2026" not in text
    assert leads_and_dues(text) == [(["Sở Xây dựng"], date(2026, 12, 20))]


def test_a_point_typed_in_a_text_box_is_read_once() -> None:
    # A point pasted into a text box (Word keeps the box's text twice: DrawingML and its VML copy):
    # python-docx reads neither, and the task was lost.
    document = Document()
    _head(document)
    document.add_paragraph("1. Giao Sở Tài chính chủ trì tham mưu phân bổ vốn, hoàn thành trước ngày 10/12/2026.")
    _text_box(document.add_paragraph(), "2. Giao Sở Y tế kiểm tra an toàn thực phẩm, hoàn thành trước ngày 31/12/2026.")
    _signature(document)
    text = extract_text("thong-bao.docx", _saved(document))
    assert text.count("Sở Y tế") == 1
    assert leads_and_dues(text) == [(["Sở Tài chính"], date(2026, 12, 10)), (["Sở Y tế"], date(2026, 12, 31))]


def test_points_inside_a_content_control_are_read() -> None:
    # E-office templates wrap the body in a content control (w:sdt): its paragraphs were skipped.
    document = Document()
    _head(document)
    body = document.element.body
    sdt = parse_xml(
        f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>1. Giao Công an tỉnh chủ trì bảo đảm an ninh "
        "trật tự dịp Tết, hoàn thành trước ngày 25/01/2027.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    body.insert(list(body).index(body[-1]), sdt)  # before the section properties
    _signature(document)
    text = extract_text("thong-bao.docx", _saved(document))
    assert leads_and_dues(text) == [(["Công an tỉnh"], date(2027, 1, 25))]


APPENDIX = [
    ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Ghi chú"],
    ["I", "Lĩnh vực kinh tế", "", "", "", ""],
    ["1", "Rà soát danh mục dự án đầu tư công\ntrung hạn", "Sở Kế hoạch và Đầu tư", "Sở Tài chính",
     "Trước 15/12/2026", ""],
    ["2", "Đẩy nhanh giải ngân vốn đầu tư công", "", "Các chủ đầu tư", "Trước 25/12/2026", "Báo cáo hằng tuần"],
    ["II", "Lĩnh vực văn hóa - xã hội", "", "", "", ""],
    ["3", "Tổ chức thăm, tặng quà Tết\ncho hộ nghèo", "Sở Lao động - Thương binh và Xã hội", "UBND các huyện",
     "Trước 20/01/2027", ""],
]
# What the secretary lists from the appendix: row 2's lead is the merged cell of row 1.
APPENDIX_TASKS = [
    (["Sở Kế hoạch và Đầu tư"], date(2026, 12, 15)),
    (["Sở Kế hoạch và Đầu tư"], date(2026, 12, 25)),
    (["Sở Lao động - Thương binh và Xã hội"], date(2027, 1, 20)),
]


def _appendix(document: object) -> None:
    """«Phụ lục: Danh mục nhiệm vụ» after the signature: group rows merged across, the lead of rows 1–2
    merged down, multi-line cells, the header row repeated on every page."""
    document.add_page_break()  # type: ignore[attr-defined]
    document.add_paragraph("Phụ lục")  # type: ignore[attr-defined]
    document.add_paragraph("DANH MỤC NHIỆM VỤ")  # type: ignore[attr-defined]
    document.add_paragraph("(Kèm theo Thông báo số 125/TB-BCĐ ngày 18/11/2026 của Ban chỉ đạo)")  # type: ignore[attr-defined]
    table = document.add_table(rows=len(APPENDIX), cols=6)  # type: ignore[attr-defined]
    for i, row in enumerate(APPENDIX):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    for group in (1, 4):
        table.cell(group, 1).merge(table.cell(group, 5))
    table.cell(2, 2).merge(table.cell(3, 2))
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W}/>"))


def test_the_task_appendix_after_the_signature_gives_its_tasks() -> None:
    # The notice's body, «Nơi nhận:» and the signer, then the appendix on a page of its own: the reader
    # stops at «Nơi nhận:», so the appendix's tasks — the notice's real list — were never read.
    document = Document()
    _head(document)
    document.add_paragraph("1. Giao Sở Tài chính chủ trì tham mưu phân bổ vốn, hoàn thành trước ngày 10/12/2026.")
    document.add_paragraph("2. Các nhiệm vụ cụ thể tại Phụ lục kèm theo.")
    document.add_paragraph("Văn phòng Ban chỉ đạo thông báo để các cơ quan, đơn vị biết, thực hiện./.")
    _signature(document)
    _appendix(document)
    text = extract_text("thong-bao.docx", _saved(document))
    assert leads_and_dues(text) == [(["Sở Tài chính"], date(2026, 12, 10)), *APPENDIX_TASKS]
    # The recipients are no tasks, and the group rows are headings, not tasks without a lead.
    assert not any("Như trên" in t or "Lĩnh vực" in t for t, _, _ in tasks(text))


# The appendix printed to PDF: column left edges (fractions of an A4 width), each cell's printed lines.
_PDF_COLUMNS = [0.06, 0.13, 0.42, 0.60, 0.76, 0.90]
_PDF_HEADER = [["STT"], ["Nội dung nhiệm vụ"], ["Cơ quan", "chủ trì"], ["Cơ quan", "phối hợp"],
               ["Thời gian", "hoàn thành"], ["Ghi chú"]]
_PDF_PAGES = [
    (["Phụ lục", "DANH MỤC NHIỆM VỤ", "(Kèm theo Thông báo số 125/TB-BCĐ ngày 18/11/2026)"], [
        [["I"], ["Lĩnh vực kinh tế"], [], [], [], []],
        [["1"], ["Rà soát danh mục dự án đầu", "tư công trung hạn"], ["Sở Kế hoạch", "và Đầu tư"], ["Sở Tài chính"],
         ["Trước", "15/12/2026"], []],
        [["2"], ["Đẩy nhanh giải ngân vốn", "đầu tư công"], [], ["Các chủ đầu tư"], ["Trước", "25/12/2026"],
         ["Báo cáo", "hằng tuần"]],
    ]),
    ([], [  # the header row repeated at the top of the next page
        [["II"], ["Lĩnh vực văn hóa - xã hội"], [], [], [], []],
        [["3"], ["Tổ chức thăm, tặng quà Tết", "cho hộ nghèo"], ["Sở Lao động -", "Thương binh và", "Xã hội"],
         ["UBND các", "huyện"], ["Trước", "20/01/2027"], []],
    ]),
]


def _appendix_pdf(ruled: bool = False) -> bytes:
    """The appendix as Word prints it to PDF (TrueType text, as Word embeds it; matplotlib writes it):
    a page number at the foot, the header repeated; `ruled` draws the cell borders, with none between
    rows 1 and 2 in the «chủ trì» column, whose cell is merged (its text printed once, at the top)."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    out = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(out) as pdf:
        for number, (intro, rows) in enumerate(_PDF_PAGES, start=1):
            figure = Figure(figsize=(8.27, 11.69))
            y = 0.92
            for line in intro:
                figure.text(0.5, y, line, ha="center", fontsize=10)
                y -= 0.025
            for r, row in enumerate([_PDF_HEADER, *rows]):
                top = y + 0.014
                for x, cell in zip(_PDF_COLUMNS, row, strict=True):
                    for k, line in enumerate(cell):
                        figure.text(x, y - 0.018 * k, line, fontsize=9)
                y -= 0.018 * max(len(cell) for cell in row) + 0.012
                if ruled:
                    merged_above = number == 1 and r == 3  # row «2»: its «chủ trì» cell is row «1»'s
                    for x0, x1 in zip([0.05, *_PDF_COLUMNS[1:]], [*_PDF_COLUMNS[1:], 0.97], strict=True):
                        if not (merged_above and x0 == _PDF_COLUMNS[2]):
                            figure.add_artist(Line2D([x0 - 0.01, x1 - 0.01], [top, top], linewidth=0.5))
            figure.text(0.5, 0.04, str(number), ha="center")
            pdf.savefig(figure)
    return out.getvalue()


def test_the_task_appendix_printed_to_pdf_gives_its_tasks() -> None:
    # Three things hid the table: «STT» ran into «Nội dung nhiệm vụ» (a gap under the one that parts two
    # cells), the group row «I | Lĩnh vực kinh tế» was taken for the table's end, and the page number at
    # the foot became a line of the last lead («Sở Lao động - Thương binh và Xã hội 2»).
    text = extract_text("phu-luc.pdf", _appendix_pdf())
    found = leads_and_dues(text)
    assert APPENDIX_TASKS[0] in found and APPENDIX_TASKS[2] in found
    assert "STT" not in text and "Ghi chú" not in text


def test_a_lead_merged_over_two_rows_of_a_ruled_pdf_table_leads_both() -> None:
    # The merged «chủ trì» cell is printed once, in row 1: row 2 came without a lead and gave no task. The
    # missing border between the two rows in that column says the cell spans both.
    assert leads_and_dues(extract_text("phu-luc.pdf", _appendix_pdf(ruled=True))) == APPENDIX_TASKS


# A notice typed in the TCVN3 fonts (.VnTime; the title in .VnTimeH, capitals drawn at the lower-case
# codes), as its text layer reads: the code points of the font, not Vietnamese letters (iconv's
# TCVN5712-1 wrote these lines from the Unicode ones).
_TCVN3_NOTICE = [
    "TH«NG B¸O",
    "KÕt luËn cña Tr­ëng Ban chØ ®¹o t¹i cuéc häp ngµy 15/11/2026",
    "Sau khi nghe b¸o c¸o, Tr­ëng Ban chØ ®¹o kÕt luËn nh­ sau:",
    "1. Giao Së Tµi chÝnh chñ tr×, phèi hîp Së X©y dùng tham m­u ph©n bæ vèn, hoµn thµnh tr­íc ngµy 10/12/2026.",
    "2. Giao C«ng an tØnh b¶o ®¶m an ninh trËt tù dÞp TÕt, hoµn thµnh tr­íc ngµy 25/01/2027.",
    "N¬i nhËn:",
]
_TCVN3_TASKS = [(["Sở Tài chính"], date(2026, 12, 10)), (["Công an tỉnh"], date(2027, 1, 25))]


def test_a_word_file_typed_in_tcvn3_fonts_is_read_in_unicode() -> None:
    # Refused as «bảng mã cũ (TCVN3/VNI)»: the letters are put back (TCVN 5712:1993's table).
    document = Document()
    for line in _TCVN3_NOTICE:
        document.add_paragraph().add_run(line).font.name = ".VnTime"
    text = extract_text("thong-bao.docx", _saved(document))
    assert text.startswith("THÔNG BÁO\nKết luận của Trưởng Ban chỉ đạo")
    assert leads_and_dues(text) == _TCVN3_TASKS


def test_a_pdf_typed_in_tcvn3_fonts_is_read_in_unicode() -> None:
    # «Th«ng b¸o» from the text layer of a PDF printed from such a file.
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    out = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(out) as pdf:
        figure = Figure(figsize=(8.27, 11.69))
        for k, line in enumerate(_TCVN3_NOTICE):
            figure.text(0.5 if k == 0 else 0.08, 0.9 - 0.03 * k, line, ha="center" if k == 0 else "left", fontsize=9)
        pdf.savefig(figure)
    text = extract_text("thong-bao.pdf", out.getvalue())
    assert "Kết luận của Trưởng Ban chỉ đạo" in text
    assert leads_and_dues(text) == _TCVN3_TASKS


def test_a_text_file_typed_in_tcvn3_is_read_in_unicode() -> None:
    data = "Giao V¨n phßng rµ so¸t hå s¬ xong tr­íc ngµy 15/12/2026.".encode()
    assert extract_text("kl.txt", data) == "Giao Văn phòng rà soát hồ sơ xong trước ngày 15/12/2026."


def test_a_task_row_with_an_empty_lead_cell_is_a_task_without_a_lead() -> None:
    # A row whose «Cơ quan chủ trì» is blank (left for the meeting to decide, or a merged cell printed to a
    # PDF without borders): it gave no task, silently; now the chair sees it, its deadline kept, to assign.
    document = Document()
    _head(document)
    table = document.add_table(rows=3, cols=5)
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        ["1", "Rà soát danh mục dự án đầu tư công", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Trước 15/12/2026"],
        ["2", "Đẩy nhanh giải ngân vốn đầu tư công", "", "Các chủ đầu tư", "Trước 25/12/2026"],
    ]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    text = extract_text("thong-bao.docx", _saved(document))
    assert leads_and_dues(text) == [(["Sở Kế hoạch và Đầu tư"], date(2026, 12, 15)), ([], date(2026, 12, 25))]
    assert "giải ngân vốn" in tasks(text)[1][0]
