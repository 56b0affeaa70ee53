"""An Excel tracking sheet («Bảng theo dõi nhiệm vụ») read as /nhap items (docs11).

Offices keep their directives in a sheet: «STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp |
Thời hạn | Ghi chú / Kết quả», headers worded in many ways, merged title rows on top, section rows
(«I. LĨNH VỰC CẢI CÁCH HÀNH CHÍNH»), sometimes a sheet per month. Each task row becomes one item, its
columns read as written: the task cell is the task's text, the lead cell names the lead (a unit the
committee knows gets its key; other words stay as written, and the preview asks about them), the
deadline cell is read by the deadline understanding (an Excel date is that day; «Quý I/2027» the
quarter's end; «Thường xuyên» stays as written, with no day). A sheet without a lead (or deadline) column
reads it from the task's own text, as a pasted conclusion is read. A workbook in which no sheet has a
header the bot recognises is read as text, row by row, through the normal conclusion path.

How the rows reach the preview: /nhap carries what a file gives as text (a pasted part, a file read in
a group, a part of a private gathering stored in the database). So `workbook_text` writes each task row
as one line, `MARK` followed by the row as JSON, and `split_with_sheets` (called where the conclusion
is split) takes those lines out and makes them items, the rest of the text split as before. The lines
never reach a user: only the items do.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from domain.types import AssigneeRef, Assignees, Deadline, DeadlineKind, KnownUnit, ParsedConclusion, ParsedDirective
from domain.understand.assignees import parse_assignees
from domain.understand.conclusion import find_meeting_date, split_conclusion
from domain.understand.deadlines import parse_deadline
from domain.understand.textnorm import fold, nfc

# The start of a line that holds one row of a sheet (JSON after it). Brackets no office text uses.
MARK = "⟦bảng Excel⟧ "
# Where the header is looked for: merged title rows, the agency's name, a date line come first.
HEADER_SEARCH_ROWS = 25
MAX_ROWS = 5000  # per sheet: a tracking sheet holds tens to a few hundred tasks

# The header words of each column, accent- and case-insensitive (folded text). Checked in this order:
# «Ghi chú / Kết quả thực hiện» is a note (not a lead for its «thực hiện»), «Đơn vị phối hợp» is support
# (not a lead for its «đơn vị»), «Thời gian thực hiện» is the deadline, «Số lần gia hạn» and «Số ngày quá
# hạn» (the bot's own /xuat) are neither.
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(s?tt|so tt|so thu tu|thu tu|so)\.?$")),
    ("other", re.compile(r"\b(ghi chu|ket qua|trang thai|tinh hinh|danh gia|gia han|qua han|ngay giao|"
                         r"cuoc hop|van ban|can cu|ngay hoan thanh|muc do|ly do)\b")),
    # «Số nhiệm vụ», «Tổng số», «Tỷ lệ …»: a count, in a summary sheet
    ("other", re.compile(r"^(so|tong|tong so|ty le)\b(?! tt\b)")),
    # «Cơ quan chủ trì, phối hợp»: one column for both, each cell read by the understanding («X chủ trì, phối hợp Y»)
    ("lead", re.compile(r"\bchu tri\b.*\bphoi hop\b|\bphoi hop\b.*\bchu tri\b")),
    ("support", re.compile(r"\bphoi hop\b")),
    ("due", re.compile(r"\b(thoi han|han|thoi gian|tien do hoan thanh|thoi diem|hoan thanh truoc|ket thuc)\b")),
    ("task", re.compile(r"\b(noi dung|nhiem vu|cong viec|viec|chi dao|ket luan|yeu cau)\b")),
    ("lead", re.compile(r"\b(chu tri|thuc hien|phu trach|don vi|co quan|can bo|nguoi|duoc giao|giao cho|"
                        r"trach nhiem)\b")),
)
# A section's number: «I», «II.», «A», «Phần 2» (a task's number is «1», «2», or «a», «b» under a section).
_SECTION_NUMBER = re.compile(r"^(?:[IVXLC]+|[A-Z]|(?:Phần|PHẦN)\s+\S+)\.?$")
_DATE_FORMAT = "%d/%m/%Y"
_EXCEL_DAYS = (36_526, 73_050)  # Excel's day numbers of 1/1/2000 and 31/12/2099
_TITLE_WORDS = re.compile(r"\b(theo doi|nhiem vu|ket luan|giao ban|danh sach|cuoc hop|chi dao|cong viec)\b")


@dataclass
class SheetNote:
    """What the preview says about the sheets it read: which, by which columns, rows left out."""

    sheets: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # role -> the header as written (first sheet)
    rows: int = 0
    headings: int = 0

    def as_json(self) -> dict[str, Any]:
        return {"sheets": self.sheets, "columns": self.columns, "rows": self.rows, "headings": self.headings}


# ------------------------------------------------------------------------------------------ reading
def workbook_text(data: bytes) -> str:
    """The text a workbook gives /nhap: its task rows as `MARK` lines (with a line for each sheet read and
    the title rows above its header), or, when no sheet has a task header, every row's cells as a line."""
    from openpyxl import load_workbook

    # Not read-only: merged cells are needed (a lead merged down several rows leads each of them).
    book = load_workbook(io.BytesIO(data), data_only=True)
    sheets = [ws for ws in book.worksheets if ws.sheet_state == "visible"] or list(book.worksheets)
    out: list[str] = []
    plain: list[str] = []
    for ws in sheets:
        grid = _grid(ws)
        found = _header(grid)
        if found is None:
            plain += [line for line in (_plain_line(cells) for cells in grid) if line]
            continue
        top, columns = found
        at = _sub_header(grid, top, columns)
        named = {role: _header_name(grid[top], grid[at], i) for role, i in columns.items()}
        out.append(_mark({"sheet": ws.title, "columns": named}))
        out += [_mark({"title": line}) for line in (_plain_line(cells) for cells in grid[:top]) if line]
        out += [_mark(row) for row in _rows(grid[at + 1 :], columns)]
    return "\n".join(out) if out else "\n".join(plain)


def _grid(ws: Any) -> list[list[Any]]:
    """The sheet's values, a cell merged down a column repeated in each row it spans (a lead or a
    deadline written once for a group of tasks); a merge across columns keeps its one value."""
    rows = [list(r) for r in ws.iter_rows(max_row=min(ws.max_row, MAX_ROWS), values_only=True)]
    for merged in ws.merged_cells.ranges:
        if merged.min_col != merged.max_col:
            continue
        top = merged.min_row - 1
        if top >= len(rows) or merged.min_col - 1 >= len(rows[top]):
            continue
        value = rows[top][merged.min_col - 1]
        for r in range(merged.min_row, min(merged.max_row, len(rows))):
            if merged.min_col - 1 < len(rows[r]):
                rows[r][merged.min_col - 1] = value
    return rows


def _header_name(upper_row: list[Any], lower_row: list[Any], index: int) -> str:
    """A column's name as the header writes it: the lower row's, on a two-row header, where it has its own."""
    lower, upper = _text(_at(lower_row, index)), _text(_at(upper_row, index))
    return lower if lower and lower != upper else upper or lower


def _at(cells: list[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime(_DATE_FORMAT)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(nfc(str(value)).split())


def _plain_line(cells: Iterable[Any]) -> str:
    texts = [t for t in (_text(c) for c in cells) if t]
    if texts and texts[0].isdigit() and len(texts) > 1:  # «1 | Giao Văn phòng …»: an item's number
        texts[0] += "."
    return " ".join(texts)


def _role_of(header: str) -> str | None:
    folded = fold(header).replace("/", " / ")
    for role, pattern in _ROLES:
        if pattern.search(folded):
            return role
    return None


def _header(grid: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    """The header row (its index) and the columns it names: a row naming the task and at least one of
    lead, support, deadline in separate cells."""
    for at, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        due_now = False
        for index, value in enumerate(cells):
            header = _text(value)
            if not header or len(header) > 80 or isinstance(value, int | float | datetime | date):
                continue
            role = _role_of(header)
            if role is None or role == "other":
                continue
            if role == "due" and "due" in columns and not due_now:
                # «Hạn ban đầu | Hạn hiện tại» (the /xuat workbook): the current deadline is the one to keep
                due_now = "hien tai" in fold(header)
                if due_now:
                    columns["due"] = index
                continue
            columns.setdefault(role, index)
        if "task" in columns and {"lead", "support", "due"} & columns.keys():
            return at, columns
    return None


def _sub_header(grid: list[list[Any]], at: int, columns: dict[str, int]) -> int:
    """A header on two rows («Đơn vị thực hiện» merged over «Chủ trì | Phối hợp», «Thời hạn» over «Bắt đầu |
    Kết thúc»): the lower row's names decide those columns. The index of the header's last row."""
    if at + 1 >= len(grid):
        return at
    below = grid[at + 1]
    task = columns["task"]
    if task < len(below) and _text(below[task]) not in ("", _text(grid[at][task])):
        return at  # the row under the header holds a task: a one-row header
    roles: dict[str, int] = {}
    for index, value in enumerate(below):
        header = _text(value)
        if header and (index >= len(grid[at]) or header != _text(grid[at][index])):  # not a cell merged down
            role = _role_of(header)
            if role in ("lead", "support", "due") and role not in roles:
                roles[role] = index
    if not roles:
        return at
    columns.update(roles)
    return at + 1


def _rows(grid: list[list[Any]], columns: dict[str, int]) -> Iterable[dict[str, Any]]:
    """The task rows under the header as JSON-able dicts; section and empty rows left out (counted)."""
    numbered = "number" in columns and any(
        _is_number(row[columns["number"]]) for row in grid if columns["number"] < len(row)
    )
    for cells in grid:
        def cell(role: str, cells: list[Any] = cells) -> Any:
            index = columns.get(role)
            return cells[index] if index is not None and index < len(cells) else None

        task = _text(cell("task"))
        if not re.search(r"[^\W\d_]{2,}", task):
            task = ""  # a number or a mark in the task column is no task
        others = [_text(cell(role)) for role in ("lead", "support", "due")]
        number = _text(cell("number"))
        if not task:
            if number and _SECTION_NUMBER.match(number):
                yield {"heading": True}  # «II» with its title merged across the row from the number cell
            continue
        if _is_heading(task, number, others, numbered, cell("number")):
            # (a signature line under the table, «Người lập biểu», is left out too, without a count)
            if (number and _SECTION_NUMBER.match(number)) or _titled(task):
                yield {"heading": True}
            continue
        # (empty cells left out: an empty lead or deadline cell is read from the task text, as a missing column;
        # a sheet of 300 tasks stays within what /nhap takes)
        row: dict[str, Any] = {"task": task}
        for role in ("lead", "support", "due"):
            if _text(cell(role)):
                row[role] = _text(cell(role))
        due = cell("due")
        if isinstance(due, int | float) and _EXCEL_DAYS[0] <= due <= _EXCEL_DAYS[1]:
            # a date cell that lost its date format (copied from another sheet) shows Excel's day number
            from openpyxl.utils.datetime import from_excel

            due = from_excel(due)
        if isinstance(due, datetime | date):  # an Excel date: the day itself (its text is the day as dd/mm/yyyy)
            del row["due"]
            row["date"] = (due.date() if isinstance(due, datetime) else due).isoformat()
        yield row


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) or bool(re.fullmatch(r"\d{1,4}\.?", _text(value)))


def _is_heading(task: str, number: str, others: list[str], numbered: bool, raw_number: Any) -> bool:
    """A section row: «I», «A», «Phần II» in the number column, or, in a numbered sheet, a row with no
    number and nothing but its title («LĨNH VỰC CHUYỂN ĐỔI SỐ», «Tháng 12/2026:»)."""
    if number and _SECTION_NUMBER.match(number):
        return True
    if any(others):
        return False
    if numbered and not _is_number(raw_number):
        return True
    return _titled(task)


def _titled(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return text.endswith(":") or (len(letters) > 3 and all(c.isupper() for c in letters))


def _mark(obj: dict[str, Any]) -> str:
    return MARK + json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# ------------------------------------------------------------------------------------------ items
def split_with_sheets(
    text: str, today: date, units: Sequence[KnownUnit] = ()
) -> tuple[ParsedConclusion, SheetNote | None]:
    """`split_conclusion`, with the rows of a sheet (`workbook_text`'s lines) made one item each."""
    if MARK not in text:
        return split_conclusion(text, today, units), None
    rest: list[str] = []
    titles: list[str] = []
    rows: list[dict[str, Any]] = []
    note = SheetNote()
    rows_first = None
    for line in _marked_lines(text):
        if not line.startswith(MARK):
            rest.append(line)
            continue
        try:
            obj = json.loads(line[len(MARK):])
        except ValueError:
            rest.append(line)
            continue
        if not isinstance(obj, dict):
            rest.append(line)
        elif isinstance(obj.get("columns"), dict):
            note.sheets.append(str(obj.get("sheet", "")))
            note.columns = note.columns or {str(k): str(v) for k, v in obj["columns"].items()}
        elif "title" in obj:
            titles.append(str(obj["title"]))
        elif obj.get("heading"):
            note.headings += 1
        elif obj.get("task"):
            rows.append(obj)
            if rows_first is None:
                rows_first = not any(r.strip() for r in rest)
    body = "\n".join(rest)
    parsed = split_conclusion(body, today, units) if body.strip() else ParsedConclusion(None, None, ())
    meeting_date = parsed.meeting_date or find_meeting_date("\n".join(titles))
    basis = meeting_date or today
    items = [row_directive(row, basis, units) for row in rows if isinstance(row.get("task"), str)]
    note.rows = len(items)
    directives = (*items, *parsed.directives) if rows_first else (*parsed.directives, *items)
    # The sheet's title row («BẢNG THEO DÕI NHIỆM VỤ …», «… danh sách nhiệm vụ — tháng 11/2026»), not the agency's
    named = [t for t in titles if _TITLE_WORDS.search(fold(t))] or [t for t in titles if len(t.split()) >= 2]
    title = parsed.title or (named[0] if named else None)
    return ParsedConclusion(meeting_date=meeting_date, title=title, directives=tuple(directives)), note


def _marked_lines(text: str) -> Iterable[str]:
    """The text's lines, a row's mark always starting one: a private gathering joins a part cut mid-sentence
    to the next with a space, and the next may be a sheet's first row."""
    for line in text.split("\n"):
        before, *marked = line.split(MARK)
        if before.strip() or not marked:
            yield before
        yield from (MARK + after.strip() for after in marked)


def row_directive(row: dict[str, Any], basis: date, units: Sequence[KnownUnit] = ()) -> ParsedDirective:
    """One row: the task cell as the text; the lead and support cells as written (units matched); the
    deadline cell read as a deadline. Without a lead (or deadline) cell, the task text says it."""
    text = " ".join(nfc(str(row["task"])).split())
    from_text = parse_assignees(text, units)
    written = " ".join(nfc(str(row.get("lead") or "")).split())
    lead = _refs_of(written, units)
    support = _refs_of(str(row.get("support") or ""), units)
    if re.search(r"\b(chu tri|phoi hop)\b", fold(written)):
        # «Văn phòng chủ trì, phối hợp Công an phường» in the lead cell: the understanding reads who is which
        both = parse_assignees(written, units)
        if both.lead:
            lead, support = both.lead, (*both.support, *support)
    if lead:
        assignees = Assignees(lead=lead, support=support)
    else:  # no lead column, or an empty cell: the text names the lead, as a pasted line would
        assignees = Assignees(from_text.lead, support or from_text.support, from_text.executor)
    return ParsedDirective(text=text, assignees=assignees, deadline=_deadline_of(row, text, basis))


def _deadline_of(row: dict[str, Any], text: str, basis: date) -> Deadline:
    written = " ".join(nfc(str(row.get("due") or "")).split())
    try:
        day = date.fromisoformat(str(row["date"])) if row.get("date") else None
    except ValueError:  # (only a hand-typed mark line can hold a bad day)
        day = None
    if day is not None:
        return Deadline(DeadlineKind.DATE, day, written or day.strftime(_DATE_FORMAT))
    if not written:
        found = parse_deadline(text, basis)  # no deadline column, or an empty cell
        return found if found.kind is not DeadlineKind.NONE else Deadline.none()
    found = parse_deadline(written, basis)
    if found.kind is DeadlineKind.NONE:
        # A bare «15/12/2026» or «Năm 2027» in a deadline column: read as a deadline phrase is
        found = parse_deadline("hạn " + written, basis)
    if found.kind is DeadlineKind.NONE:
        # «Thường xuyên», «Theo kế hoạch»: no day to remind on; kept as written for the preview and the task
        return Deadline(DeadlineKind.NONE, None, written)
    return Deadline(found.kind, found.due, written, found.cadence, None, found.note)


def _refs_of(cell: str, units: Sequence[KnownUnit]) -> tuple[AssigneeRef, ...]:
    """The names in a lead or support cell, as written: «Văn phòng; Công an phường» is two; «Ban biên
    tập, Công an phường» too when each part is a unit («Phòng Văn hoá, Thông tin» stays whole). A part the
    understanding knows gets its unit key; an unknown name is kept (the preview asks about it)."""
    cell = " ".join(nfc(cell).replace("\n", ";").split()) if cell else ""
    if not cell:
        return ()
    parts = [p.strip(" .") for p in re.split(r"\s*;\s*", cell) if p.strip(" .")]
    out: list[AssigneeRef] = []
    for part in parts:
        pieces = [p.strip(" .") for p in part.split(",") if p.strip(" .")]
        if len(pieces) > 1 and all(_unit_key(p, units) for p in pieces):
            out += [AssigneeRef(p, _unit_key(p, units)) for p in pieces]
        else:
            out.append(AssigneeRef(part, _unit_key(part, units)))
    return tuple(out)


def _unit_key(name: str, units: Sequence[KnownUnit]) -> str | None:
    found = parse_assignees(name, units)
    refs = (*found.lead, *found.support)
    return next((r.unit_key for r in refs if r.unit_key), None)
