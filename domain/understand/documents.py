"""Text out of an attached conclusion file: .txt, .docx (python-docx), .pdf (pypdf), .rtf (striprtf),
an Excel tracking sheet .xlsx (openpyxl, its task rows made items by `sheets`), and, read by
OCR, a scanned .pdf (pages rasterised with pypdfium2), a photo or scan (.jpg, .png, .tif...) and a
Word 97–2003 .doc (its converter). The programs themselves (Tesseract, antiword) are passed in as
`tools` (`bot/tesseract.py`): this module decides what to read and how to prepare the pages.

Reasons a file cannot be read are Vietnamese sentences (shown to the chair as "không đọc được tệp
...: <lý do>"); they are kept here, next to the checks that raise them, because domain code does not
import the bot's texts.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol

from domain.understand import (
    legacy_fonts,
    lighting,
    ocr,
    page_furniture,
    pdf_columns,
    running_lines,
    scan_tables,
    table_keystone,
)
from domain.understand.textnorm import fold, nfc

UNSUPPORTED = "chưa đọc được tệp {ext}; hãy gửi tệp .docx, .doc, .pdf, .rtf, .txt, bảng Excel .xlsx hoặc ảnh .jpg/.png"
OLD_WORD = "tệp .doc (Word cũ) bị hỏng hoặc không đọc được; hãy mở bằng Word và lưu lại thành .docx"
BROKEN_RTF = "tệp .rtf bị hỏng hoặc không đọc được; hãy mở bằng Word và lưu lại thành .docx"
# (docs11) Excel 97–2003: no maintained pure-Python reader is installed (xlrd is not a dependency).
OLD_EXCEL = (
    "tệp .xls (Excel 97–2003) bot chưa đọc được; hãy mở bằng Excel, chọn «Lưu thành» (Save As) kiểu "
    "«Sổ làm việc Excel (*.xlsx)» rồi gửi lại tệp .xlsx"
)
BROKEN_XLSX = "tệp .xlsx bị hỏng hoặc không phải bảng tính Excel; hãy mở bằng Excel, lưu lại rồi gửi lại"
NO_OCR = "máy chủ chưa cài {what} để đọc {kind}; người quản trị cài bằng lệnh: apt-get install {packages}"
KIND_SCAN = "ảnh chụp, bản quét"
KIND_DOC = "tệp Word cũ (.doc)"
BROKEN_IMAGE = "tệp ảnh bị hỏng hoặc không mở được"
NOT_TEXT = (
    "không thấy chữ trong ảnh (trang trắng hoặc quá mờ); hãy chụp hoặc quét lại trang văn bản cho thẳng, rõ, "
    "đủ sáng rồi gửi lại"
)
OCR_TOO_SLOW = "đọc ảnh quá lâu, đã dừng; hãy gửi ít trang hơn hoặc bản .docx"
BROKEN_DOCX = "tệp .docx bị hỏng hoặc không phải tệp Word"
BROKEN_PDF = "tệp .pdf bị hỏng hoặc không mở được"
LOCKED_PDF = "tệp .pdf có mật khẩu; hãy gửi bản không khóa"
SCANNED_PDF = "tệp .pdf là ảnh quét, không có chữ để đọc; hãy gửi bản .docx hoặc dán nội dung"
EMPTY = "tệp không có nội dung chữ"
GARBLED = "chữ trong tệp bị lỗi mã, không đọc được; hãy lưu lại bằng Unicode (UTF-8)"
LEGACY_FONT = "tệp dùng bảng mã cũ (TCVN3/VNI); hãy chuyển sang Unicode rồi gửi lại"


IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp")
# Pages read from a scan: a conclusion notice has 2–6; a 60-page file is read up to here, and the
# preview says so.
MAX_PAGES = 10


class DocumentError(ValueError):
    """A file the bot cannot read; str(error) says why, in Vietnamese."""


class OcrUnavailable(RuntimeError):
    """The program that reads scans (or .doc files) is not installed on this server."""

    def __init__(self, what: str, packages: str) -> None:
        super().__init__(what)
        self.what, self.packages = what, packages


class OcrTimeout(RuntimeError):
    """The time allowed for reading the document ran out."""


class Tools(Protocol):
    """The programs OCR and .doc reading need (`bot/tesseract.py` runs them)."""

    def tsv(self, image: Any) -> str: ...
    def rotation(self, image: Any) -> tuple[int, float]: ...
    def doc_text(self, data: bytes) -> str: ...
    def time_left(self) -> float: ...
    def starting(self, pages: int, total: int) -> None:
        """OCR is about to read `pages` of the file's `total` pages (the bot says so at once)."""


@dataclass
class Extracted:
    text: str
    reading: ocr.Reading | None = None  # set when the text was read from images


def extract_text(filename: str, data: bytes, tools: Tools | None = None) -> str:
    """The text of an attached file, paragraphs on their own lines, NFC-normalised."""
    return read_document(filename, data, tools).text


def read_document(filename: str, data: bytes, tools: Tools | None = None) -> Extracted:
    """The text of an attached file, and, for a scan or a photo, what OCR made of it."""
    ext = _extension(filename)
    kind = _kind(ext, data)
    reading = None
    try:
        if kind == ".txt":
            text = _decode_text(data)
        elif kind == ".docx":
            text = _docx_text(data)
        elif kind == ".xlsx":
            text = _xlsx_text(data)
        elif kind == ".rtf":
            text = _rtf_text(data)
        elif kind == ".html":
            text = _html_text(data)
        elif kind == ".pdf":
            try:
                text = _pdf_text(data)
            except DocumentError as exc:
                if str(exc) != SCANNED_PDF or tools is None:
                    raise
                reading = _read_pages(_pdf_pages(data), tools)
                text = reading.text
        elif kind == "image":
            if tools is None:
                raise DocumentError(UNSUPPORTED.format(ext=ext))
            reading = _read_pages(_image_pages(data), tools)
            text = reading.text
        elif kind == ".doc":
            if tools is None:
                raise DocumentError(OLD_WORD)
            text = tools.doc_text(data)
            if not text.strip():
                raise DocumentError(OLD_WORD)
            text = _doc_tables(text)
        else:
            raise DocumentError(UNSUPPORTED.format(ext=ext or "không có đuôi"))
    except OcrUnavailable as exc:
        what = KIND_DOC if kind == ".doc" else KIND_SCAN
        raise DocumentError(NO_OCR.format(what=exc.what, kind=what, packages=exc.packages)) from exc
    except OcrTimeout as exc:
        raise DocumentError(OCR_TOO_SLOW) from exc
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    if legacy_fonts.is_vni(text):
        text = legacy_fonts.vni_to_unicode(text)  # (docs14) typed in VNI fonts: «Thoâng baùo» is «Thông báo»
    elif legacy_fonts.is_legacy(text):
        text = legacy_fonts.to_unicode(text)  # (docs13) typed in TCVN3 fonts: «Th«ng b¸o» is «Thông báo»
    text = _appendix_first(text)
    _check_readable(text)
    return Extracted(text.strip(), reading)


# (docs13) The signature block («Nơi nhận:», «TM. / KT. / TL. / TUQ. …»): the reader of a conclusion stops
# there. A notice's task list is often its appendix, on the pages after the signature («Phụ lục», «Danh mục
# nhiệm vụ», «Kèm theo Thông báo số …»): read in the file's order, those tasks were never seen.
_SIGNATURE_START = re.compile(r"^\s*(noi nhan|tm\.|kt\.|tl\.|tuq\.|t/m|k/t)")
_APPENDIX_START = re.compile(r"^\s*(phu luc\b|danh muc (cac )?(nhiem vu|cong viec)\b)")


def _appendix_first(text: str) -> str:
    """The text with an appendix that follows the signature block moved before it: the body, the appendix,
    then «Nơi nhận:» and the signer (kept, so that the reader still stops there and the recipients' list
    «- Như trên; - Lưu: VT.» is no task)."""
    lines = text.split("\n")
    folded = [fold(line) for line in lines]
    sign = next((k for k, line in enumerate(folded) if _SIGNATURE_START.match(line)), None)
    if sign is None:
        return text
    appendix = next((k for k in range(sign + 1, len(lines)) if _APPENDIX_START.match(folded[k])), None)
    if appendix is None or not any(line.strip() for line in lines[appendix + 1 :]):
        return text
    return "\n".join([*lines[:sign], *lines[appendix:], *lines[sign:appendix]])


def _kind(ext: str, data: bytes) -> str:
    """What the file is: by its name, or, for a name that says nothing, by its first bytes."""
    if ext in IMAGE_EXTENSIONS:
        return "image"
    if ext in (".xlsx", ".xlsm", ".xls"):
        # (docs11) an office's tracking sheet. A .xlsx is a zip holding xl/workbook.xml; an .xls is Excel 97
        # (OLE2, refused with how to resave it); an «.xls» that is really a .xlsx is read as one.
        if data.startswith(b"PK\x03\x04"):
            return ".xlsx"
        if ext == ".xls" or data.startswith(b"\xd0\xcf\x11\xe0"):
            raise DocumentError(OLD_EXCEL)
        raise DocumentError(BROKEN_XLSX)
    if ext in (".docx", ".pdf", ".doc", ".rtf"):
        # (qa10) a Word file's name may lie: a .docx saved or renamed as .doc, a Word 97 file renamed .docx,
        # an RTF saved as .doc (e-office systems and WPS do it). Word opens them without a word; the bot
        # said «bị hỏng». The first bytes say what the file is.
        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
            return ".rtf"  # (docs11) read; was «lưu lại thành .docx»
        if _looks_html(data):
            return ".html"  # «Xuất file Word» of web systems: an HTML page named .doc
        if data.startswith(b"PK\x03\x04") and ext != ".pdf":
            return ".xlsx" if _is_workbook(data) else ".docx"
        if data.startswith(b"\xd0\xcf\x11\xe0") and ext != ".pdf":
            return ".doc"
        if data.startswith(b"%PDF"):
            return ".pdf"
        return ext
    if ext == ".txt":
        return ext
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"{\\rtf"):
        return ".rtf"
    if data.startswith(b"PK\x03\x04") and _is_workbook(data):
        return ".xlsx"
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2 compound file: Word 97–2003
        return ".doc"
    return ext


def _extension(filename: str) -> str:
    m = re.search(r"\.[A-Za-z0-9]{1,5}$", filename.strip())
    return m.group(0).lower() if m else ""


# ------------------------------------------------------------------------------------------ .txt
def _decode_text(data: bytes) -> str:
    # Undecodable bytes after a byte-order mark become U+FFFD: _check_readable then says "garbled".
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-16 without a byte-order mark: every other byte of Latin text is zero.
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        try:
            return data.decode("utf-16-le")
        except UnicodeDecodeError:
            pass
    # (docs14) A file typed in VNI fonts and saved as plain text: its bytes are the fonts' Western code points
    # (Windows-1252); read as Vietnamese Windows (cp1258) its «õ», «ò», «ì» became «ơ» and tone marks.
    western = data.decode("cp1252", errors="replace")
    if legacy_fonts.is_vni(western):
        return western
    # Windows' Vietnamese code page (old Notepad files); its tones are combining marks.
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


# ------------------------------------------------------------------------------------------ .xlsx
def _is_workbook(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _xlsx_text(data: bytes) -> str:
    """(docs11) An Excel tracking sheet: its task rows as `sheets` lines (each row one item), or, with no
    header the bot recognises, its rows as text lines. openpyxl, already here for /xuat."""
    from domain.understand import sheets

    try:
        return sheets.workbook_text(data)
    except Exception as exc:  # openpyxl on a damaged or foreign zip: KeyError, BadZipFile, XML errors...
        raise DocumentError(BROKEN_XLSX) from exc


# ------------------------------------------------------------------------------------------ .rtf
_RTF_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
# A table row: from its first cell's paragraph (\intbl) to its \row. A cell of two paragraphs has a \par
# inside; made a space, the row stays one line («a|b|c|»), as a .docx table row is read.
_RTF_ROW = re.compile(r"\\intbl.*?\\row(?![a-z])", re.DOTALL)
_RTF_PAR = re.compile(r"\\par(?![a-z])\s?")


def _one_line_cells(row: re.Match[str]) -> str:
    return _RTF_PAR.sub(" ", row.group(0))


def _rtf_text(data: bytes) -> str:
    """(docs11) An RTF file, as e-office systems export documents and Word and WordPad save them: text by
    striprtf (a maintained RTF-to-text library), which decodes Word's \\uN escapes (Vietnamese letters
    outside the code page) and \\'xx bytes in the code page of the file (\\ansicpg1258) or of the font
    (\\fcharset163: Vietnamese). Table cells come as «a|b|c|» lines, rows as lines: given a leading «|»,
    they are read as antiword's tables are (`_doc_tables`), a task table one item a row."""
    from striprtf.striprtf import rtf_to_text

    page = _RTF_CODEPAGE.search(data[:4096])
    codepage = f"cp{page.group(1).decode()}" if page else "cp1252"
    try:
        source = data.decode("utf-8")  # RTF is 7-bit; a few writers put UTF-8 in it
    except UnicodeDecodeError:
        try:
            source = data.decode(codepage, errors="replace")
        except LookupError:
            source = data.decode("cp1252", errors="replace")
    source = _RTF_ROW.sub(_one_line_cells, source)
    try:
        text = rtf_to_text(source, encoding=codepage, errors="replace")
    except LookupError:
        text = rtf_to_text(source, encoding="cp1252", errors="replace")
    except Exception as exc:  # striprtf on damaged input (IndexError, ValueError from a bad \\'xx...)
        raise DocumentError(BROKEN_RTF) from exc
    lines = [f"|{line}" if line.count("|") >= 2 and line.rstrip().endswith("|") else line
             for line in text.replace("\r\n", "\n").split("\n")]
    return _doc_tables("\n".join(lines))


# ------------------------------------------------------------------------------------------ Word HTML
def _looks_html(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<html", b"<!doctype html")) or (head.startswith(b"<?xml") and b"<html" in head)


def _html_text(data: bytes) -> str:
    """(qa10) The text of a «Word» file that is an HTML page (the «Xuất file Word» of document systems and
    portals writes HTML and names it .doc; Word opens it silently, and the bot said «Word cũ bị hỏng»): one
    line per paragraph, table row or line break, as a .docx gives them. Python's own HTML parser."""
    from html.parser import HTMLParser

    charset = re.search(rb"charset=[\"']?([\w-]+)", data[:2048], re.IGNORECASE)
    try:
        text = data.decode(charset.group(1).decode("ascii")) if charset else _decode_text(data)
    except (LookupError, UnicodeDecodeError):
        text = _decode_text(data)

    blocks = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "title"})

    class Lines(HTMLParser):

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[str] = []
            self.skip = 0
            self.rows: list[list[str]] | None = None  # the table being read, row by row, cell by cell

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            if tag in ("script", "style", "head"):
                self.skip += 1
            elif tag == "table":
                self.rows = []
            elif tag == "tr" and self.rows is not None:
                self.rows.append([])
            elif tag in ("td", "th") and self.rows:
                self.rows[-1].append("")
            elif tag in blocks:
                self.add("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style", "head"):
                self.skip = max(0, self.skip - 1)
            elif tag == "table" and self.rows is not None:
                rows = [[" ".join(c.split()) for c in row] for row in self.rows if any(c.strip() for c in row)]
                self.rows = None
                self.out.append("\n" + "\n".join(_rows_as_lines(rows)) + "\n")  # as a .docx table is read
            elif tag in blocks:
                self.add("\n")

        def handle_data(self, chunk: str) -> None:
            if not self.skip:
                self.add(chunk)

        def add(self, chunk: str) -> None:
            if self.rows and self.rows[-1]:
                self.rows[-1][-1] += " " + chunk if chunk == "\n" else chunk
            else:
                self.out.append(chunk)

    parser = Lines()
    parser.feed(text)
    parser.close()
    lines = (" ".join(line.replace("\xa0", " ").split()) for line in "".join(parser.out).split("\n"))
    return "\n".join(line for line in lines if line)


# ------------------------------------------------------------------------------------------ .docx
def _docx_text(data: bytes) -> str:
    from docx import Document  # python-docx; imported here so .txt users don't pay for it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
        return "\n".join(_docx_blocks(document))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(BROKEN_DOCX) from exc
    except Exception as exc:
        # A damaged archive fails deep inside zipfile, zlib or lxml (zlib.error, EOFError, XML
        # syntax errors...): whatever it is, the file cannot be read, and the chair is told so.
        raise DocumentError(BROKEN_DOCX) from exc


def _docx_blocks(document: object) -> Iterator[str]:
    """Paragraphs and table cells in document order; Word's automatic list numbering (which is not
    part of the paragraph text) becomes "-", "+", "•" by list level so that the splitter sees the
    items and their nesting."""
    yield from _blocks(document.element.body, document)  # type: ignore[attr-defined]


def _blocks(parent: Any, owner: Any) -> Iterator[str]:
    """The lines of a body or of a table cell (`parent`, an XML element; `owner`, its python-docx object)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield _paragraph_text(Paragraph(child, owner))
            # (docs13) A text box anchored in the paragraph: its paragraphs, after it (python-docx
            # reads none; a point typed in a box was lost). Word's VML copy of the box is skipped.
            # (docs17) read as a body is: a task table drawn inside the box gives its rows. A box inside
            # the box is read with the paragraph that anchors it.
            for box in _xpath(_TEXT_BOXES)(child):
                if next(box.iterancestors(f"{_W}p"), None) is child:
                    yield from _blocks(box, owner)
        elif tag == "tbl":
            yield from _table_lines(Table(child, owner))
        elif tag == "sdt":
            # (docs13) a content control (e-office templates wrap the body, or a point, in one)
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from _blocks(content, owner)


def _cells(row: object) -> list[str]:
    """A row's cell texts; a merged cell is returned by python-docx once per grid column. (docs17) A cell is
    read as a body is: a table used for layout holds the whole conclusion in one big cell, its task table
    nested inside and its points in text boxes (python-docx's `cell.paragraphs` gave neither)."""
    out: list[str] = []
    seen: set[int] = set()
    for cell in row.cells:  # type: ignore[attr-defined]
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append("\n".join(_blocks(cell._tc, cell)).strip())
    return out


# Header words of a task table: "Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian".
_TASK_COLUMNS = {
    "task": re.compile(r"\b(noi dung|nhiem vu|cong viec)\b"),
    "lead": re.compile(r"\b(chu tri|thuc hien|phu trach|don vi|can bo|nguoi)\b"),
    "support": re.compile(r"\bphoi hop\b"),
    "due": re.compile(r"\b(thoi gian|thoi han|han|tien do)\b"),
}


def _task_columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        folded = fold(cell)
        for role in ("support", "due", "task", "lead"):  # "Đơn vị phối hợp" is support, not lead
            if role not in columns and _TASK_COLUMNS[role].search(folded):
                columns[role] = index
                break
    return columns


def _table_lines(table: object) -> Iterator[str]:
    """A task table gives one directive per row ("- Giao <chủ trì> chủ trì, phối hợp <phối hợp> thực
    hiện: <nội dung>; thời hạn: <thời gian>"), which the splitter reads like a typed list; any other
    table gives its cells in order."""
    yield from _rows_as_lines([_cells(row) for row in table.rows])  # type: ignore[attr-defined]


def _rows_as_lines(rows: list[list[str]]) -> Iterator[str]:
    """A table's rows of cell texts as lines: one directive a row for a task table (`_table_lines`)."""
    columns = _task_columns(rows[0]) if rows else {}
    if "task" not in columns or "lead" not in columns:
        for cells in rows:
            yield from cells
        return
    for cells in rows[1:]:
        def cell(role: str, cells: list[str] = cells) -> str:
            index = columns.get(role)
            return " ".join(cells[index].split()) if index is not None and index < len(cells) else ""

        task = cell("task")
        if not task:
            continue
        # A lead merged down the column comes back in every row it spans (python-docx).
        lead, support, due = cell("lead"), cell("support"), cell("due")
        if lead:
            line = f"- Giao {lead} chủ trì" + (f", phối hợp {support}" if support else "") + f" thực hiện: {task}"
        else:
            # (docs13) A row whose lead cell is empty: the task, its deadline, and who supports it aside —
            # «-, phối hợp Các chủ đầu tư Đẩy nhanh …» gave no task at all, and the row was lost unseen.
            line = f"- {task}" + (f" (phối hợp: {support})" if support else "")
        if due:
            line += f"; thời hạn: {due}"
        yield line


_LIST_MARKS = ("-", "+", "•", "*")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# (docs13) The paragraph's text as Word shows it with its changes accepted: python-docx's `paragraph.text`
# reads only the runs directly in the paragraph, so a tracked insertion left unaccepted (w:ins: a
# secretary's corrected deadline, «chủ trì» added) was lost. Deleted text (w:delText, w:moveFrom) is left
# out; a text box's own paragraphs (w:txbxContent) are read apart; Word's compatibility copy of a drawing
# (mc:Fallback) repeats the drawing's text and is skipped.
_PARAGRAPH_TEXT = (
    "descendant::*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]"
    "[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:pPr"
    " or ancestor::w:rPr or ancestor::mc:Fallback)]"
)
_TEXT_BOXES = "descendant::w:txbxContent[not(ancestor::mc:Fallback)]"
_XML_NAMESPACES = {
    "w": _W[1:-1],
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}


@functools.cache
def _xpath(expression: str) -> Any:
    from lxml import etree  # python-docx's XML library (its elements' own `xpath` takes no namespaces)

    return etree.XPath(expression, namespaces=_XML_NAMESPACES)


def _accepted_text(p: Any, vni: bool = False) -> str:
    parts: list[str] = []
    for node in _xpath(_PARAGRAPH_TEXT)(p):
        if next(node.iterancestors(f"{_W}p")) is not p:
            continue  # a letter of a text box's own paragraph
        tag = node.tag[len(_W):]
        if tag == "t":
            text = node.text or ""
            # (docs14) A run in a VNI font (VNI-Times…) is VNI whatever the rest of the file is: a paragraph
            # pasted from an old file into a Unicode one is too little of the text to be told by its letters.
            parts.append(legacy_fonts.vni_to_unicode(text) if text and _vni_font(node.getparent(), vni) else text)
        elif tag == "tab":
            parts.append("\t")
        elif tag == "noBreakHyphen":
            parts.append("-")
        elif tag == "cr" or node.get(f"{_W}type") in (None, "textWrapping"):
            parts.append("\n")  # a line break (a page or column break is no break in the text)
    return "".join(parts)


def _vni_font(run: Any, default: bool) -> bool:
    """Whether a run's letters are drawn by a VNI font: its own font if it names one, else its paragraph's."""
    fonts = run.find(f"{_W}rPr/{_W}rFonts") if run is not None else None
    if fonts is None:
        return default
    name = fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi")
    return default if name is None else name.upper().startswith("VNI")


def _paragraph_text(paragraph: object) -> str:
    style = getattr(paragraph, "style", None)
    font = getattr(getattr(style, "font", None), "name", None) or ""
    text = _accepted_text(paragraph._p, font.upper().startswith("VNI"))  # type: ignore[attr-defined]
    level = _list_level(paragraph)
    if level is None or not text.strip():
        return text
    return f"{_LIST_MARKS[min(level, len(_LIST_MARKS) - 1)]} {text.strip()}"


def _list_level(paragraph: object) -> int | None:
    p_pr = paragraph._p.pPr  # type: ignore[attr-defined]
    if p_pr is not None and p_pr.numPr is not None:
        ilvl = p_pr.numPr.ilvl
        return int(ilvl.val) if ilvl is not None and ilvl.val is not None else 0
    style = getattr(paragraph, "style", None)
    name = getattr(style, "name", "") or ""
    m = re.fullmatch(r"List (?:Bullet|Number|Paragraph)(?: (\d))?", name)
    if m:
        return int(m.group(1)) - 1 if m.group(1) else 0
    return None


# ------------------------------------------------------------------------------------------ .doc
_PIPE_ROW = re.compile(r"^\|.*\|\s*$")
_NUMBER_COLUMN = re.compile(r"^(s?tt|số(?: tt)?|so tt|\d{0,2})$", re.IGNORECASE)


def _doc_tables(text: str) -> str:
    """antiword prints a Word 97 table as rows of «|cell|cell|», a long cell wrapped on the rows
    below with the other cells empty (qa7: a task table «TT | Nội dung | Chủ trì | Phối hợp | Thời
    gian» in a .doc gave no task at all). Its rows are put back together — a row whose number cell
    («TT», «STT») is empty goes on the row above — and read as a .docx table is (`_rows_as_lines`)."""
    out: list[str] = []
    table: list[list[str]] = []

    def close() -> None:
        if table:
            out.extend(_rows_as_lines(_doc_rows(table)))
            table.clear()

    for line in text.split("\n"):
        if _PIPE_ROW.match(line):
            table.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        else:
            close()
            out.append(line)
    close()
    return "\n".join(out)


def _doc_rows(physical: list[list[str]]) -> list[list[str]]:
    numbered = bool(physical) and bool(_NUMBER_COLUMN.match(physical[0][0]))
    rows: list[list[str]] = []
    for cells in physical:
        if not any(cells):
            continue
        goes_on = numbered and rows and not cells[0] and len(cells) == len(rows[-1])
        if goes_on:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return rows


# ------------------------------------------------------------------------------------------ .pdf
def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(LOCKED_PDF)
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except DependencyError:
        # AES encryption (qa10): what Acrobat's «restrict editing» and e-office exports of signed
        # documents write — the file opens without a password, only printing or copying is limited.
        # pypdf decrypts AES only with the `cryptography` package; PDFium, already here for the layout
        # and for scans, decrypts it itself. (Such a file was refused as «bị hỏng».)
        pages = _pdfium_texts(data)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(BROKEN_PDF) from exc
    except Exception as exc:
        # pypdf on damaged bytes can fail in many other ways (zlib.error, IndexError, RecursionError...).
        raise DocumentError(BROKEN_PDF) from exc
    text = "\n".join(pages)
    if not re.search(r"[^\W\d_]{2,}", text):
        raise DocumentError(SCANNED_PDF)
    laid_out = _pdf_paragraphs(data)
    return laid_out if laid_out and re.search(r"[^\W\d_]{2,}", laid_out) else text


def _pdfium_texts(data: bytes) -> list[str]:
    """Each page's text as PDFium reads it; LOCKED_PDF when the file needs a password to open."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
        return [pdf[index].get_textpage().get_text_range() for index in range(len(pdf))]
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise DocumentError(LOCKED_PDF) from exc
        raise DocumentError(BROKEN_PDF) from exc
    except Exception as exc:  # damaged bytes: as pypdf's failures are said
        raise DocumentError(BROKEN_PDF) from exc


# A page number printed in the header or footer: «2», «- 2 -», «Trang 2», «2/5».
_PAGE_NUMBER = re.compile(r"^[-–(]?\s*(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?\s*[-–)]?$", re.IGNORECASE)


def _pdf_paragraphs(data: bytes) -> str | None:
    """A PDF's text as its paragraphs, one a line, as the .docx path gives them (qa7). A PDF's text
    layer holds printed lines, not paragraphs: a line broken at «đồng chí Nguyễn Thị» / «Lan - Chủ
    tịch UBND phường …», at «hoàn thành trước ngày» / «15/12/2026.», at «mức» / «2 cho người dân»
    read, cut there, as a task led by «Lan», tasks without their deadline, and the page number as a
    line of its own. With each line's place on the page (PDFium), lines are joined back as OCR's are
    (`ocr.paragraphs`: a heading, a centred title, a paragraph's short last line or a first-line indent
    stand apart), and page numbers are dropped. None when PDFium cannot place the text."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
        lines: list[ocr.Line] = []
        segments = _without_running_lines(
            [_placed_segments(pdf[index], index + 1) for index in range(len(pdf))],
            [pdf[index].get_size()[1] for index in range(len(pdf))])
        for index in range(len(pdf)):
            page_lines = _placed_lines(pdf[index], index + 1, segments[index])
            while page_lines and _PAGE_NUMBER.match(page_lines[-1].text):
                page_lines.pop()
            while page_lines and _PAGE_NUMBER.match(page_lines[0].text):
                page_lines.pop(0)
            lines += page_lines
    except Exception:  # PdfiumError and friends: pypdf's text is used as it is
        return None
    return "\n".join(ocr.paragraphs(lines)) if lines else None


def _without_running_lines(pages: list[list[_Segment]], heights: list[float]) -> list[list[_Segment]]:
    """(docs17) Each page's printed lines without the running header and footer (`running_lines`): the same
    line at the same height on most pages. A PDF page's lines sit exactly where the template puts them."""
    printed = [[running_lines.Printed(sg.line.text, (height - sg.top) / height, sg.line.left) for sg in page]
               for page, height in zip(pages, heights, strict=True)]
    height = max(heights, default=1.0) or 1.0
    dropped = running_lines.repeated(printed, same_band=2.5 / height, tolerance=3 / height, keep=_table_header)
    return [[sg for i, sg in enumerate(page) if i not in gone] for page, gone in zip(pages, dropped, strict=True)]


def _table_header(text: str) -> bool:
    """A task table's header row (Word repeats it on each page): kept, the table is found by it."""
    folded = fold(text)
    return bool(_TASK_COLUMNS["task"].search(folded) and _TASK_COLUMNS["lead"].search(folded))


def _placed_lines(page: Any, number: int, segments: list[_Segment] | None = None) -> list[ocr.Line]:
    """The printed lines of a PDF page in PDFium's reading order, each with the left and right edges
    of its letters; a task table's rows made one line each (`_table_lines_of`)."""
    if segments is None:
        segments = _placed_segments(page, number)
    # (docs13) The page number under a table that runs to the page's foot: the table read it as a
    # wrapped line of the last row's cell («Sở Lao động - Thương binh và Xã hội 2»). The lowest line
    # of the page, alone on its band, is dropped when it is a page number.
    if (
        len(segments) > 1
        and _PAGE_NUMBER.match(segments[-1].line.text)
        and segments[-1].top < min(seg.top for seg in segments[:-1]) - 1
    ):
        segments = segments[:-1]
    table = _table_lines_of(segments, _horizontal_rules(page))
    if table is not None:
        return table
    # (docs16) a page set in two columns, drawn line by line across the page: read column by column;
    # (docs18) any number of columns, each run (a column of a band) its own block, as Tesseract's columns are
    columns = pdf_columns.runs(segments, lambda sg: (sg.line.left, sg.line.right, sg.top))
    if len(columns) <= 1:
        return [seg.line for seg in segments]
    return [replace(seg.line, block=n) for n, run in enumerate(columns, start=1) for seg in run]


def _horizontal_rules(page: Any) -> list[tuple[float, float, float]]:
    """(docs13) The page's horizontal rules (a table's cell borders), each as (height, left, right):
    where a border is missing between two rows, a cell is merged over both."""
    import pypdfium2 as pdfium

    rules: list[tuple[float, float, float]] = []
    try:
        for obj in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_PATH,), max_depth=2):
            left, bottom, right, top = obj.get_bounds()
            if top - bottom <= 2 and right - left >= 5:
                rules.append(((top + bottom) / 2, left, right))
    except Exception:  # a path PDFium cannot measure: the table is read without its borders
        return []
    return rules


@dataclass
class _Segment:
    line: ocr.Line  # a printed line of a paragraph, or of one table cell
    top: float


# (docs13) The number column's header word: «STT» is as wide as its narrow column, and the gap to «Nội dung
# nhiệm vụ» is under the 2.5 letters that part two cells — read as one, the table was not found.
_NUMBER_HEADER = re.compile(r"^(?:s|s[oố]\s*)?tt$|^s[oố] th[uứ] t[uự]$", re.IGNORECASE)


def _placed_segments(page: Any, number: int) -> list[_Segment]:
    """PDFium's printed lines, each with its box (PDFium's text has one character box per character,
    the line breaks it puts between printed lines included). A wide gap on a line starts another
    segment: PDFium runs a table's narrow number cell into the next cell («TT Nội dung»); so does (docs17)
    a two-column page's gutter, however narrow (`pdf_columns.narrow_gutter`)."""
    textpage = page.get_textpage()
    # PDFium gives a hyphen that ends a printed line («HĐND-» / «UBND») as U+FFFE, joined to the rest
    # of the word: it is the hyphen of «HĐND-UBND».
    text = textpage.get_text_range().replace("\ufffe", "-")
    # Each printed line's characters with their boxes (None for a space), read first: the gutter is seen only
    # on the page's lines together.
    printed: list[list[tuple[str, tuple[float, float, float, float] | None]]] = [[]]
    for index, char in enumerate(text):
        if char in "\r\n":
            printed.append([])
        elif char.isspace():
            printed[-1].append((char, None))
        else:
            printed[-1].append((char, textpage.get_charbox(index, loose=True)))
    boxes = [[box for _, box in line if box is not None] for line in printed]
    heights = sorted(box[3] - box[1] for line in boxes for box in line)
    top_down = sorted(boxes, key=lambda ln: -max((b[3] for b in ln), default=0))
    gutter = pdf_columns.narrow_gutter([[(b[0], b[2]) for b in line] for line in top_down],
                                       heights[len(heights) // 2] if heights else 0.0)
    out: list[_Segment] = []

    def close(line: str, left: float, right: float, top: float) -> None:
        words = " ".join(line.split())
        if words:
            out.append(_Segment(ocr.Line(number, 1, 1, words, 100.0, round(left), round(right)), top))

    for chars in printed:
        line, left, right, top, height = "", float("inf"), float("-inf"), float("-inf"), 0.0
        for char, box in chars:
            if box is None:
                line += char
                continue
            box_left, box_bottom, box_right, box_top = box
            height = max(height, box_top - box_bottom)
            gap = box_left - right
            across = gutter is not None and right <= gutter[0] + 1 and box_left >= gutter[1] - 1
            if line.strip() and (across or gap > 2.5 * height or (gap > height and _NUMBER_HEADER.match(line.strip()))):
                close(line, left, right, top)
                line, left, right, top = "", float("inf"), float("-inf"), float("-inf")
            line += char
            left, right, top = min(left, box_left), max(right, box_right), max(top, box_top)
        close(line, left, right, top)
    return out


# A task row's number, or (docs13) a group row's: «I | Lĩnh vực kinh tế» spans the table over its rows (the
# table was taken to end there, and none of its rows gave a task).
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXL]{1,5})\.?$")


def _table_lines_of(
    segments: list[_Segment], rules: list[tuple[float, float, float]] | None = None
) -> list[ocr.Line] | None:
    """The page's lines with a numbered task table («TT | Nội dung | Chủ trì | Phối hợp | Thời gian»)
    made one line a row, as a .docx table is (`_rows_as_lines`) — PDFium reads it cell by cell, and
    its header words became tasks while the rows gave none (qa7). The header's first printed line
    gives the columns; a row starts on the printed line whose number cell is filled, the cells'
    wrapped lines below go on it; the table ends at a line the number column does not explain.
    None when the page has no such table."""
    bands: list[list[_Segment]] = []
    for seg in sorted(segments, key=lambda sg: -sg.top):
        if bands and abs(bands[-1][0].top - seg.top) <= 2.5:
            bands[-1].append(seg)
        else:
            bands.append([seg])
    for band in bands:
        band.sort(key=lambda sg: sg.line.left)
    for k, band in enumerate(bands):
        if len(band) < 3 or not _NUMBER_COLUMN.match(band[0].line.text):
            continue
        edges = [sg.line.left for sg in band]

        def column(seg: _Segment, edges: list[int] = edges) -> int:
            return max(0, sum(1 for edge in edges if seg.line.left >= edge - 3) - 1)

        header = [""] * len(edges)
        rows: list[list[str]] = []
        spans: list[list[float]] = []  # each row's first and last printed line (their tops)
        used = {id(sg) for sg in band}
        for sg in band:
            header[column(sg)] = sg.line.text
        for below in bands[k + 1 :]:
            first = [sg for sg in below if column(sg) == 0]
            if first and not _ROW_NUMBER.match(first[0].line.text):
                break  # a line the table's number column does not explain: the table has ended
            if first:
                rows.append([""] * len(edges))
                spans.append([below[0].top, below[0].top])
            elif spans:
                spans[-1][1] = below[0].top
            cells = rows[-1] if rows else header
            for sg in below:
                cells[column(sg)] = f"{cells[column(sg)]} {sg.line.text}".strip()
                used.add(id(sg))
        columns = _task_columns(header)
        if not rows or "task" not in columns or "lead" not in columns:
            continue
        _merged_leads(rows, spans, [edges[columns["task"]], edges[columns["lead"]]], columns["lead"], rules or [])
        rebuilt = [ocr.Line(band[0].line.page, 1000 + n, 1, text, 100.0)
                   for n, text in enumerate(_rows_as_lines([header, *rows]))]
        at = min(i for i, sg in enumerate(segments) if id(sg) in used)
        before = [sg.line for sg in segments[:at] if id(sg) not in used]
        after = [sg.line for sg in segments[at:] if id(sg) not in used]
        return [*before, *rebuilt, *after]
    return None


def _merged_leads(
    rows: list[list[str]], spans: list[list[float]], lefts: list[int], lead: int,
    rules: list[tuple[float, float, float]],
) -> None:
    """(docs13) A lead cell merged down over several rows («Sở Kế hoạch và Đầu tư» chủ trì for rows 1 and
    2) is printed once, at its top: the rows under it came without a lead. Where the table is ruled, the
    merge shows: between those rows the task column has its border and the lead column has none. Such a
    row takes the lead of the row above. A table without borders says nothing, and is left as printed."""
    task_left, lead_left = lefts

    def ruled(low: float, high: float, x: float) -> bool:
        return any(low < y < high and left <= x + 1 and right >= x + 1 for y, left, right in rules)

    for r in range(1, len(rows)):
        if rows[r][lead] or not rows[r - 1][lead]:
            continue
        low, high = spans[r][0], spans[r - 1][1]  # from this row's first line up to the last line above
        if ruled(low, high, task_left) and not ruled(low, high, lead_left):
            rows[r][lead] = rows[r - 1][lead]


# ------------------------------------------------------------------------------------------ scans
def _pdf_pages(data: bytes) -> tuple[int, Iterator[Any]]:
    """A scanned PDF's pages as images at about 300 dpi (pypdfium2: PDFium's renderer, wheels with
    no system library), and how many pages the file has."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # PdfiumError and friends: whatever it is, the file cannot be opened
        raise DocumentError(BROKEN_PDF) from exc
    if len(pdf) == 0:
        raise DocumentError(BROKEN_PDF)

    def pages() -> Iterator[Any]:
        for index in range(min(len(pdf), MAX_PAGES)):
            page = pdf[index]
            width, height = page.get_size()
            # 300 dpi for an A4 page; an oversized page is held to the same pixel count.
            scale = min(300 / 72, 3600 / max(width, height, 1))
            yield page.render(scale=scale, grayscale=True).to_pil()

    return len(pdf), pages()


def _image_pages(data: bytes) -> tuple[int, Iterator[Any]]:
    """A photo or scan's pages (a TIFF from a scanner can hold several)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError) as exc:
        raise DocumentError(BROKEN_IMAGE) from exc

    def pages() -> Iterator[Any]:
        try:
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                if index >= MAX_PAGES:
                    break
                yield frame.copy()
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            raise DocumentError(BROKEN_IMAGE) from exc

    return frames, pages()


def _read_pages(source: tuple[int, Iterator[Any]], tools: Tools) -> ocr.Reading:
    total, pages = source
    tools.starting(min(total, MAX_PAGES), total)
    words_by_page: list[list[ocr.Word]] = []
    rules_by_page: list[scan_tables.Rules] = []
    heights: list[int] = []
    timed_out = False
    for number, raw in enumerate(pages, start=1):
        try:
            try:
                page = prepare_page(raw, tools)
                rules = scan_tables.find_rules(page)  # (docs14) a ruled table's borders, read before they go
                straight = table_keystone.straighten(page, rules)  # (docs15) a photo's leaning table squared
                if straight is not None:
                    page, rules = straight, scan_tables.find_rules(straight)
                if rules:
                    page = scan_tables.erase_rules(page, rules)
            except (OSError, ValueError, SyntaxError) as exc:  # Pillow on a damaged or odd image
                raise DocumentError(BROKEN_IMAGE) from exc
            # (docs16) its printed page number out: it sat inside an item that runs over the page break
            words = page_furniture.without_page_numbers(ocr.parse_tsv(tools.tsv(page), number))
            words_by_page.append(words)
            rules_by_page.append(rules)
            heights.append(page.height)
        except OcrTimeout:
            if not words_by_page:
                raise
            timed_out = True  # the pages read so far are kept, and the preview says where it stopped
            break
    if not ocr.is_writing([w for words in words_by_page for w in words]):
        raise DocumentError(NOT_TEXT)
    # (docs17) the running header and footer out, by comparing the pages: they split an item over the break
    words_by_page = page_furniture.without_running_lines(words_by_page, heights, _table_header)
    lines_by_page = [_scanned_table_lines(words, rules, number)
                     for number, (words, rules) in enumerate(zip(words_by_page, rules_by_page, strict=True), start=1)]
    read = ocr.reading(words_by_page, total, timed_out=timed_out, lines_by_page=lines_by_page)
    read.table_rows = sum(1 for lines in lines_by_page for ln in lines or () if ln.block >= _TABLE_ROW_BLOCK)
    return read


_TABLE_ROW_BLOCK = 1000  # a rebuilt row's block number: its own paragraph, never joined to the line above


def _scanned_table_lines(words: list[ocr.Word], rules: scan_tables.Rules, number: int) -> list[ocr.Line] | None:
    """(docs14) A scanned page's printed lines with its task table made one line a row, as a .docx table's
    rows are (`_rows_as_lines`); None when the page holds no task table."""
    table = scan_tables.table_rows(words, rules)
    if table is None:
        return None
    rows = list(_rows_as_lines(table.rows))
    if not rows or not all(row.startswith("- ") for row in rows):
        return None  # not a task table after all (no task and lead columns): read as printed
    rebuilt = [ocr.Line(number, _TABLE_ROW_BLOCK + n, 1, text, 100.0) for n, text in enumerate(rows)]
    return [*ocr.lines_of(table.before), *rebuilt, *ocr.lines_of(table.after)]


def prepare_page(image: Any, tools: Tools) -> Any:
    """A page made ready for OCR: upright (the photo's EXIF, then Tesseract's orientation detection),
    grey and despeckled, about 300 dpi for an A4 page, and straightened (projection profile)."""
    from PIL import Image, ImageFilter, ImageOps

    image = ImageOps.exif_transpose(image) or image
    # (docs16) a hand's or the phone's shadow lifted: Tesseract's one threshold lost the shaded third's letters
    image = lighting.even(image.convert("L"))
    long_side = max(image.size)
    # Telegram sends a photo at 1280 pixels: Tesseract reads letters best near 30 pixels high.
    if long_side < 2400:
        factor = min(2.5, 3500 / long_side)
    elif long_side > 4200:
        factor = 4200 / long_side
    else:
        factor = 1.0
    if factor != 1.0:
        image = image.resize((round(image.width * factor), round(image.height * factor)), Image.Resampling.LANCZOS)
    # The scanner's speckles removed: a 3×3 median, once the letters are big enough that it keeps their
    # strokes and tone marks, drops the isolated dots Tesseract would read as commas and dashes.
    image = image.filter(ImageFilter.MedianFilter(3))
    rotate, confidence = tools.rotation(_small(image, 1600))
    if rotate in (90, 180, 270) and confidence >= 2.0:
        turned = image.rotate(-rotate, expand=True, fillcolor=255)
        if _reads_better(turned, image, tools):
            image = turned
    angle = skew_of(image)
    if abs(angle) >= 0.2:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return image


def _reads_better(turned: Any, image: Any, tools: Tools) -> bool:
    """Whether a band across the middle of `turned` reads as more writing than the same band of `image`.
    Tesseract's orientation guess is sure of itself on pages it has wrong: an upright photo of a printed
    web article was «180°, confidence 4.8, script Cyrillic», and the whole page was read upside down into
    «09E1E6:dẻ2 Ẩn. ỏn[ …». Two small readings settle it; they are made only when a turn is proposed."""

    def score(page: Any) -> float:
        w, h = page.size
        band = page.crop((0, h * 3 // 8, w, h * 5 // 8))
        words = ocr.parse_tsv(tools.tsv(band))
        return sum(x.conf for x in words if x.conf >= ocr.READ_AT_LEAST and sum(c.isalpha() for c in x.text) >= 2)

    return score(turned) > score(image)


def skew_of(image: Any) -> float:
    """The page's skew in degrees (counter-clockwise rotation that straightens it), measured on a
    small black-and-white copy."""
    from PIL import Image, ImageOps

    small = ImageOps.invert(_small(image.convert("L"), 900))  # ink bright, paper dark
    small = small.point(lambda v: 255 if v > 96 else 0)
    # Only the middle of the page: the margins' edges would dominate once rotated.
    w, h = small.size
    small = small.crop((w // 8, h // 8, w - w // 8, h - h // 8))

    def rows_at(angle: float) -> list[float]:
        turned = small.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
        return list(turned.resize((1, turned.height), Image.Resampling.BOX).get_flattened_data())

    return ocr.skew_angle(rows_at)


def _small(image: Any, long_side: int) -> Any:
    from PIL import Image

    factor = long_side / max(image.size)
    if factor >= 1:
        return image
    return image.resize((round(image.width * factor), round(image.height * factor)), Image.Resampling.BOX)


# ------------------------------------------------------------------------------------------ checks
# Characters TCVN3 (ABC) and VNI fonts put where Vietnamese letters should be, when such text is
# read as Unicode: "Giao V¨n phßng" for "Giao Văn phòng".
_LEGACY_MARKS = set("¸µ¶·¹¨©ª«®¬¦§¡¢£¤¥¯°±²³´ºß¼½¾¿")
_VIETNAMESE_ONLY = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")


def _check_readable(text: str) -> None:
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        raise DocumentError(EMPTY)
    controls = sum(1 for c in text if unicodedata.category(c) in ("Cc", "Co") and c not in "\n\t")
    bad = text.count("\ufffd") + controls
    if bad > max(3, letters // 50):
        raise DocumentError(GARBLED)
    legacy = sum(1 for c in text if c in _LEGACY_MARKS)
    if legacy > max(3, letters // 40) and len(_VIETNAMESE_ONLY.findall(text)) < legacy:
        raise DocumentError(LEGACY_FONT)
