"""Text out of an attached conclusion file: .txt, .docx (python-docx) and .pdf (pypdf).

Reasons a file cannot be read are Vietnamese sentences (shown to the chair as "không đọc được tệp
...: <lý do>"); they are kept here, next to the checks that raise them, because domain code does not
import the bot's texts.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator

from domain.understand.textnorm import fold, nfc

UNSUPPORTED = "chưa đọc được tệp {ext}; hãy gửi tệp .docx, .pdf hoặc .txt"
OLD_WORD = "tệp .doc (Word cũ) chưa đọc được; hãy mở bằng Word và lưu lại thành .docx"
BROKEN_DOCX = "tệp .docx bị hỏng hoặc không phải tệp Word"
BROKEN_PDF = "tệp .pdf bị hỏng hoặc không mở được"
LOCKED_PDF = "tệp .pdf có mật khẩu; hãy gửi bản không khóa"
SCANNED_PDF = "tệp .pdf là ảnh quét, không có chữ để đọc; hãy gửi bản .docx hoặc dán nội dung"
EMPTY = "tệp không có nội dung chữ"
GARBLED = "chữ trong tệp bị lỗi mã, không đọc được; hãy lưu lại bằng Unicode (UTF-8)"
LEGACY_FONT = "tệp dùng bảng mã cũ (TCVN3/VNI); hãy chuyển sang Unicode rồi gửi lại"


class DocumentError(ValueError):
    """A file the bot cannot read; str(error) says why, in Vietnamese."""


def extract_text(filename: str, data: bytes) -> str:
    """The text of an attached file, paragraphs on their own lines, NFC-normalised."""
    ext = _extension(filename)
    if ext == ".txt":
        text = _decode_text(data)
    elif ext == ".docx":
        text = _docx_text(data)
    elif ext == ".pdf":
        text = _pdf_text(data)
    elif ext == ".doc":
        raise DocumentError(OLD_WORD)
    else:
        raise DocumentError(UNSUPPORTED.format(ext=ext or "không có đuôi"))
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    _check_readable(text)
    return text.strip()


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
    # Windows' Vietnamese code page (old Notepad files); its tones are combining marks.
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


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
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield _paragraph_text(Paragraph(child, document))
        elif tag == "tbl":
            yield from _table_lines(Table(child, document))


def _cells(row: object) -> list[str]:
    """A row's cell texts; a merged cell is returned by python-docx once per grid column."""
    out: list[str] = []
    seen: set[int] = set()
    for cell in row.cells:  # type: ignore[attr-defined]
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append("\n".join(_paragraph_text(p) for p in cell.paragraphs).strip())
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
    rows = [_cells(row) for row in table.rows]  # type: ignore[attr-defined]
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
        line = f"- Giao {lead} chủ trì" if lead else "-"
        if support:
            line += f", phối hợp {support}"
        line += f" thực hiện: {task}" if lead else f" {task}"
        if due:
            line += f"; thời hạn: {due}"
        yield line


_LIST_MARKS = ("-", "+", "•", "*")


def _paragraph_text(paragraph: object) -> str:
    text: str = paragraph.text  # type: ignore[attr-defined]
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


# ------------------------------------------------------------------------------------------ .pdf
def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(LOCKED_PDF)
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(BROKEN_PDF) from exc
    except Exception as exc:
        # pypdf on damaged bytes can fail in many other ways (zlib.error, IndexError, RecursionError...).
        raise DocumentError(BROKEN_PDF) from exc
    text = "\n".join(pages)
    if not re.search(r"[^\W\d_]{2,}", text):
        raise DocumentError(SCANNED_PDF)
    return text


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
