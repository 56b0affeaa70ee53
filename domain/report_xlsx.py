"""The Excel workbook `/xuat` sends: the committee's task register for a period, and its summary.

Sheet "Nhiệm vụ": one row per task (the columns are `TASK_COLUMNS`), a title row with the
committee's name and the period, a line saying as of which day the states are judged, a frozen
header (and the STT/Số columns, so a row keeps its number when scrolled right), filters, widths
fitted to the text, and A4 landscape printing one page wide with the header repeated on every page.
Sheet "Tổng hợp": the four state counts, the cancelled ones and the on-time rate, per lead unit, then
per person given tasks directly (under its own header, as the Monday summary lists them apart), and
in total (numbers from `domain.report_stats`, the same as the Monday summary's).

Why the labels are constants here and not in `bot/texts.py`: the workbook is a document built in
`domain/` (pure, tested by reading the file back), and `domain/` must not import `bot/`. Its column
headers belong to its layout and are read next to it; the state names are shared with the
summary through `domain.states.STATE_LABELS`, so they are written once.

Robustness: user text is written as text even when it starts with "=" (openpyxl would otherwise
store a formula), control characters XML cannot hold are dropped, and cells are cut at Excel's
32,767-character limit. Dates are real Excel dates shown as dd/mm/yyyy, so the office can sort and
filter on them.

Speed: the sheet is streamed (openpyxl's write-only mode, with lxml), with named styles so that a
cell's formatting is one assignment. `build_workbook` is a plain synchronous function returning
bytes, meant to run in a worker thread (`asyncio.to_thread`) so the bot is not blocked. It is
pure Python and holds the GIL in turns, so the event loop keeps answering, only slower, while it
runs. `bench/export_bench.py`: ~0.2 s for 300 tasks, ~5 s for 10,000 (about 20x the csv module
writing the same rows), ~75 bytes per task: far below Telegram's 50 MB.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from domain.periods import Period
from domain.report_stats import StateCounts, count_states, per_unit_and_person
from domain.states import COUNTED_STATES, STATE_LABELS
from domain.types import TaskState, TaskStatus, TaskView
from domain.understand.textnorm import fold

if TYPE_CHECKING:  # the streaming sheet's class lives in a private module; only named in hints
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

TASKS_SHEET = "Nhiệm vụ"
SUMMARY_SHEET = "Tổng hợp"
DATE_FORMAT = "dd/mm/yyyy"
EXCEL_MAX_CELL_CHARS = 32_767

TITLE = "{committee}: danh sách nhiệm vụ — {period}"
SUMMARY_TITLE = "{committee}: tổng hợp kết quả thực hiện nhiệm vụ — {period}"
# The agency above the committee (/caidat coquan), as in the heading of the signed report.
AGENCY_PREFIX = "{agency} — "
AS_OF = (
    "Lập ngày {today}; số liệu tính đến ngày {today}. Hoàn thành đúng hạn / quá hạn tính theo hạn ban đầu; "
    "đang thực hiện trong hạn / quá hạn tính theo hạn hiện tại."
)
NO_TASKS = "Không có nhiệm vụ nào trong kỳ: {period}."
TOTAL_ROW = "Tổng cộng"
RATE_NOTE = (
    "Tỷ lệ đúng hạn = số hoàn thành đúng hạn / (số đã hoàn thành + số đang thực hiện quá hạn); "
    "nhiệm vụ còn trong hạn chưa được tính; nhiệm vụ đã huỷ không tính vào tổng số."
)
NOT_APPLICABLE = "—"

HEADER_ROW = 3  # title, as-of line, then the header
FIRST_DATA_ROW = HEADER_ROW + 1
# Headers of narrow columns wrap onto up to three lines ("Số lần / gia / hạn"); Excel does not
# grow a row for wrapped text it did not type itself, so the header row's height is set.
HEADER_HEIGHT = 48  # points

_FONT_NAME = "Times New Roman"  # what Vietnamese administrative documents are set in
_thin = Side(style="thin", color="808080")
_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_STATE_FILLS = {
    TaskState.DONE_ON_TIME: "E2F0D9",
    TaskState.DONE_LATE: "FFF2CC",
    TaskState.OPEN_ON_TIME: "DDEBF7",
    TaskState.OPEN_OVERDUE: "F8CBAD",
    TaskState.CANCELLED: "EDEDED",
}

# ------------------------------------------------------------------------------ columns


@dataclass(frozen=True)
class Column:
    header: str
    style: str  # one of the named styles below
    value: Callable[[TaskView, date], object]
    min_width: float  # in Excel's character units; enough for the header's longest word
    max_width: float  # wrap beyond this


def _joined(names: Sequence[str]) -> str | None:
    return ", ".join(names) or None


def _days_late(task: TaskView, today: date) -> int | None:
    """Days past the deadline: for an open task against the current deadline (as reminders say),
    for a finished one against the original deadline (as the state says)."""
    state = task.state(today)
    if state is TaskState.OPEN_OVERDUE:
        return task.days_overdue(today)
    if state is TaskState.DONE_LATE and task.done_on and task.due_original:
        return (task.done_on - task.due_original).days
    return None


def _done_on(task: TaskView) -> date | None:
    return task.done_on if task.status is TaskStatus.DONE else None


# Width budget: the widest possible sheet is ~185 character units (~1,350 px), which A4 landscape
# (~1,050 px between 0.4" margins) prints one page wide at ~78 %: Times 11 comes out near 9 pt,
# still readable. Long text wraps inside its column instead of widening it. Dates need 11 units
# (narrower and Excel shows "########").
TASK_COLUMNS: tuple[Column, ...] = (
    Column("STT", "nv_int", lambda t, _: None, 5, 6),  # filled with the row's ordinal
    Column("Số", "nv_number", lambda t, _: t.number, 6, 7),
    Column("Nội dung", "nv_text", lambda t, _: t.text, 30, 36),
    Column("Đơn vị/người chủ trì", "nv_text", lambda t, _: t.lead, 12, 16),
    Column("Phối hợp", "nv_text", lambda t, _: _joined(t.support), 9, 14),
    Column("Ngày giao", "nv_date", lambda t, _: t.assigned_on, 11, 11),
    Column("Cuộc họp", "nv_text", lambda t, _: t.meeting_title, 9, 13),
    Column("Hạn ban đầu", "nv_date", lambda t, _: t.due_original, 11, 11),
    Column("Hạn hiện tại", "nv_date", lambda t, _: t.due_current, 11, 11),
    Column("Số lần gia hạn", "nv_int", lambda t, _: t.extension_count, 7, 7),
    Column("Trạng thái", "nv_state", lambda t, today: STATE_LABELS[t.state(today)], 12, 13),
    Column("Ngày hoàn thành", "nv_date", lambda t, _: _done_on(t), 11, 11),
    Column("Số ngày quá hạn", "nv_int", _days_late, 7, 7),
    Column("Tiến độ / ghi chú mới nhất", "nv_text", lambda t, _: t.latest_note, 12, 22),
)

# People given tasks directly (counted under no unit) have their own table under the units', with this
# header in its first column; the total row under both counts everything.
PEOPLE_HEADER = "Cá nhân được giao trực tiếp"
SUMMARY_HEADERS: tuple[str, ...] = (
    "Đơn vị chủ trì",
    "Tổng số",
    *(STATE_LABELS[s] for s in COUNTED_STATES),
    "Tỷ lệ đúng hạn",
    STATE_LABELS[TaskState.CANCELLED],
)

# ------------------------------------------------------------------------------ styles


def _named_styles() -> list[NamedStyle]:
    def style(
        name: str, *, bold: bool = False, size: int = 11, italic: bool = False, **kw: object
    ) -> NamedStyle:
        ns = NamedStyle(name=name, font=Font(name=_FONT_NAME, size=size, bold=bold, italic=italic))
        for key, value in kw.items():
            setattr(ns, key, value)
        return ns

    top_wrap = Alignment(vertical="top", wrap_text=True)
    centered = Alignment(horizontal="center", vertical="top", wrap_text=True)
    styles = [
        style("nv_title", bold=True, size=14),
        style("nv_subtitle", italic=True),
        style(
            "nv_header",
            bold=True,
            border=_BORDER,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            fill=PatternFill("solid", fgColor="D9E1F2"),
        ),
        style("nv_text", border=_BORDER, alignment=top_wrap),
        style("nv_bold_text", bold=True, border=_BORDER, alignment=top_wrap),
        style("nv_int", border=_BORDER, alignment=centered, number_format="0"),
        style("nv_bold_int", bold=True, border=_BORDER, alignment=centered, number_format="0"),
        style("nv_number", border=_BORDER, alignment=centered, number_format='"#"0'),
        style("nv_date", border=_BORDER, alignment=centered, number_format=DATE_FORMAT),
        style("nv_percent", border=_BORDER, alignment=centered, number_format="0.0%"),
        style("nv_bold_percent", bold=True, border=_BORDER, alignment=centered, number_format="0.0%"),
        style("nv_note", italic=True),
    ]
    styles += [
        style(
            f"nv_state_{state.value}",
            border=_BORDER,
            alignment=centered,
            fill=PatternFill("solid", fgColor=rgb),
        )
        for state, rgb in _STATE_FILLS.items()
    ]
    return styles


# ------------------------------------------------------------------------------ cell values

_ILLEGAL_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text as a cell can hold it: NFC, no XML-illegal control characters, within Excel's limit."""
    text = _ILLEGAL_XML_CHARS.sub("", unicodedata.normalize("NFC", text).replace("\r\n", "\n"))
    if len(text) > EXCEL_MAX_CELL_CHARS:
        text = text[: EXCEL_MAX_CELL_CHARS - 1] + "…"
    return text


def _cell(ws: WriteOnlyWorksheet, value: object, style: str) -> WriteOnlyCell:
    if isinstance(value, str):
        value = clean_text(value)
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, even when the user's text starts with "="
    cell.style = style
    return cell


def _text_width(value: object) -> int:
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    return len(str(value)) if value is not None else 0


def _fit(values: list[object], column: Column) -> float:
    longest = max((_text_width(v) for v in values), default=0)
    return min(max(longest + 2, column.min_width), column.max_width)


# ------------------------------------------------------------------------------ sheets


def _setup_print(ws: WriteOnlyWorksheet, header_row: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = "Trang &P/&N"


def _title_rows(ws: WriteOnlyWorksheet, title: str, today: date) -> None:
    ws.append([_cell(ws, title, "nv_title")])
    ws.append([_cell(ws, AS_OF.format(today=today.strftime("%d/%m/%Y")), "nv_subtitle")])


def _write_tasks_sheet(
    ws: WriteOnlyWorksheet, committee: str, period: Period, tasks: Sequence[TaskView], today: date
) -> None:
    rows = [[column.value(task, today) for column in TASK_COLUMNS] for task in tasks]
    for ordinal, row in enumerate(rows, start=1):
        row[0] = ordinal

    # Widths and sheet settings must be set before the first row is streamed.
    for index, column in enumerate(TASK_COLUMNS):
        width = _fit([row[index] for row in rows], column)
        ws.column_dimensions[get_column_letter(index + 1)].width = width
    last_col = get_column_letter(len(TASK_COLUMNS))
    ws.freeze_panes = f"C{FIRST_DATA_ROW}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{HEADER_ROW + max(len(rows), 1)}"
    _setup_print(ws, HEADER_ROW)

    _title_rows(ws, TITLE.format(committee=committee, period=period.label), today)
    ws.row_dimensions[HEADER_ROW].height = HEADER_HEIGHT
    ws.append([_cell(ws, column.header, "nv_header") for column in TASK_COLUMNS])
    if not rows:
        ws.append([_cell(ws, NO_TASKS.format(period=period.label), "nv_note")])
        return
    styles = [column.style for column in TASK_COLUMNS]
    for task, row in zip(tasks, rows, strict=True):
        state_style = f"nv_state_{task.state(today).value}"
        ws.append(
            [
                _cell(ws, value, state_style if style == "nv_state" else style)
                for value, style in zip(row, styles, strict=True)
            ]
        )


def _summary_row(
    ws: WriteOnlyWorksheet, name: str, counts: StateCounts, *, bold: bool
) -> list[WriteOnlyCell]:
    text_style, int_style, pct_style = (
        ("nv_bold_text", "nv_bold_int", "nv_bold_percent") if bold else ("nv_text", "nv_int", "nv_percent")
    )
    rate = counts.on_time_rate
    return [
        _cell(ws, name, text_style),
        _cell(ws, counts.total, int_style),
        *(_cell(ws, counts.of(state), int_style) for state in COUNTED_STATES),
        _cell(ws, rate, pct_style) if rate is not None else _cell(ws, NOT_APPLICABLE, int_style),
        _cell(ws, counts.cancelled, int_style),
    ]


def _write_summary_sheet(
    ws: WriteOnlyWorksheet, committee: str, period: Period, tasks: Sequence[TaskView], today: date,
    wards: Sequence[str] = (),
) -> None:
    units, people = per_unit_and_person(tasks, today)
    longest_name = max((len(name) for name, _ in units + people), default=0)
    unit_width = min(max(longest_name + 2, 24), 40)  # wraps beyond 40
    widths = [unit_width, 9, *[13] * len(COUNTED_STATES), 11, 9]
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = f"B{FIRST_DATA_ROW}"
    _setup_print(ws, HEADER_ROW)

    _title_rows(ws, SUMMARY_TITLE.format(committee=committee, period=period.label), today)
    ws.row_dimensions[HEADER_ROW].height = HEADER_HEIGHT
    if people:
        ws.row_dimensions[FIRST_DATA_ROW + len(units)].height = HEADER_HEIGHT  # the people's header
    ws.append([_cell(ws, header, "nv_header") for header in SUMMARY_HEADERS])
    for name, counts in units:
        ws.append(_summary_row(ws, name, counts, bold=False))
    if people:
        ws.append([_cell(ws, header, "nv_header") for header in (PEOPLE_HEADER, *SUMMARY_HEADERS[1:])])
        for name, counts in people:
            ws.append(_summary_row(ws, name, counts, bold=False))
    ws.append(_summary_row(ws, TOTAL_ROW, count_states(tasks, today), bold=True))
    ws.append([])
    if not tasks:
        ws.append([_cell(ws, NO_TASKS.format(period=period.label), "nv_note")])
    ws.append([_cell(ws, RATE_NOTE, "nv_note")])
    if wards:  # a district's wards: the Monday summary's lines, heading first (handlers.ward_lines)
        ws.append([])
        ws.append([_cell(ws, wards[0], "nv_bold_text")])
        for line in wards[1:]:
            ws.append([_cell(ws, line, "nv_note")])


def build_workbook(
    committee: str, period: Period, tasks: Sequence[TaskView], today: date, agency: str | None = None,
    wards: Sequence[str] = (),
) -> bytes:
    """The .xlsx for `tasks` (already chosen for the period, see `tasks_in_period`), as bytes.

    Rows are in task-number order. States are judged as of `today`. Synchronous and CPU-bound:
    run it in a worker thread from async code. With `agency`, each sheet's title names it first,
    so the printed workbook can be filed like the report.
    """
    ordered = sorted(tasks, key=lambda t: t.number)
    if agency:
        committee = AGENCY_PREFIX.format(agency=agency.upper()) + committee
    wb = Workbook(write_only=True)
    for named in _named_styles():
        wb.add_named_style(named)
    _write_tasks_sheet(wb.create_sheet(TASKS_SHEET), committee, period, ordered, today)
    _write_summary_sheet(wb.create_sheet(SUMMARY_SHEET), committee, period, ordered, today, wards)
    wb.properties.title = clean_text(TITLE.format(committee=committee, period=period.label))
    wb.properties.creator = "Nhắc việc"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------------ file name


def slugify(text: str, *, max_length: int = 60) -> str:
    """ASCII, lower case, words joined by '-'.

    'Ban chỉ đạo CĐS phường Đông Hoà' -> 'ban-chi-dao-cds-phuong-dong-hoa'.
    """
    ascii_text = fold(text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-")


def workbook_filename(committee: str, period: Period) -> str:
    """'nhiem-vu_<committee>_<period>.xlsx', ASCII only (safe for every mail client and file system)."""
    return f"nhiem-vu_{slugify(committee) or 'ban-chi-dao'}_{period.slug}.xlsx"
