"""The report an office files and the chair signs: `/baocao` as a Word document laid out per Decree
30/2020/NĐ-CP (Phụ lục I, «Thể thức văn bản hành chính»).

Layout, as the decree sets it:
- A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman throughout,
  body 14 pt, justified, first line indented 1 cm, 6 pt between paragraphs.
- The heading is a borderless two-column table: on the left the agency above (upper case, 13 pt),
  the committee (upper case, bold, a short rule under it) and «Số: …/BC-<ký hiệu>» (the number is
  left for the clerk who registers the document); on the right the national title (upper case,
  bold, 13 pt), the motto (bold, 14 pt, a rule under it) and «<địa danh>, ngày … tháng … năm …»
  (italic; days below 10 and months below 3 get a leading zero).
- The type and title («BÁO CÁO», then the subject, both bold and centred), the body, then «Nơi nhận»
  (bold italic 12 pt, items 11 pt) on the left and the signature block (TRƯỞNG BAN, room for the
  signature, the signer's name in bold) on the right.

The numbers are those of `/tonghop` and `/xuat` for the same period by construction: the same
`TaskView`s (handlers.reports.period_views) counted by the same `domain.report_stats` functions.

Why the labels are constants here and not in `bot/texts.py`: as for the workbook
(`domain.report_xlsx`), the document is built in `domain/`, which must not import `bot/`; its
headings belong to the administrative layout and are read next to it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from domain.committee_settings import DEFAULT_REPORT_CODE as DEFAULT_CODE
from domain.committee_settings import ReportHeading
from domain.periods import Period, PeriodKind
from domain.report_stats import StateCounts, count_states, per_unit_and_person
from domain.types import TaskState, TaskStatus, TaskView

FONT = "Times New Roman"
BODY_PT = 14
HEADING_PT = 13
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOC_TYPE = "BÁO CÁO"
SUBJECT = "Kết quả thực hiện các kết luận, chỉ đạo của {committee} {period}"
NUMBER_LINE = "Số:        /BC-{code}"
DATE_LINE = "{place}, ngày {day} tháng {month} năm {year}"
MISSING = "…………"

SECTION_OVERALL = "I. KẾT QUẢ CHUNG"
OVERALL_TEXT = (
    "{period_cap}, {committee} theo dõi {total} nhiệm vụ, trong đó: hoàn thành đúng hạn {done_on_time}; "
    "hoàn thành quá hạn {done_late}; đang thực hiện trong hạn {open_on_time}; quá hạn chưa hoàn thành "
    "{open_overdue}. Tỷ lệ hoàn thành đúng hạn: {rate}{rate_basis}."
)
# The rate is not done-on-time over the total (the workbook says the same under its table): without
# the basis, "1 of 7 done, rate 25%" reads as a mistake in a document the chair signs.
RATE_BASIS = " (trên {base} nhiệm vụ đã hoàn thành hoặc đã quá hạn; nhiệm vụ còn trong hạn chưa tính)"
CANCELLED_TEXT = "Ngoài ra có {count} nhiệm vụ đã huỷ, không tính vào tổng số."
NOTHING_TEXT = "{period_cap}, {committee} không có nhiệm vụ nào cần báo cáo."
SECTION_UNITS = "II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ"
# People given tasks directly (counted under no unit) are listed apart from the units, as in the Monday
# summary: the section names both, and the table has a second header row for the people.
SECTION_UNITS_AND_PEOPLE = "II. KẾT QUẢ THEO ĐƠN VỊ, CÁ NHÂN CHỦ TRÌ"
PEOPLE_COLUMN = "Cá nhân được giao trực tiếp"
UNIT_COLUMNS = (
    "STT",
    "Đơn vị chủ trì",
    "Tổng số",
    "Hoàn thành đúng hạn",
    "Hoàn thành quá hạn",
    "Đang thực hiện trong hạn",
    "Quá hạn chưa hoàn thành",
)
TOTAL_ROW = "Tổng cộng"
SECTION_OVERDUE = "III. NHIỆM VỤ QUÁ HẠN, NGUYÊN NHÂN VÀ VƯỚNG MẮC"
OVERDUE_LINE = "Nhiệm vụ số {number}: {text} (chủ trì: {lead}; hạn {due}, quá hạn {days} ngày)."
OBSTACLE = "Vướng mắc đơn vị báo cáo: {note}."
LATEST_NOTE = "Tiến độ báo cáo gần nhất: {note}."
NO_REASON = "Đơn vị chưa báo cáo nguyên nhân."
# A task given to a person directly (no unit): the person reported, or did not.
OBSTACLE_PERSON = "Vướng mắc người thực hiện báo cáo: {note}."
NO_REASON_PERSON = "Người thực hiện chưa báo cáo nguyên nhân."
NO_OVERDUE = "Không có nhiệm vụ quá hạn."
SECTION_CARRIED = "IV. NHIỆM VỤ CHUYỂN SANG KỲ SAU"
CARRIED_LINE = "Nhiệm vụ số {number}: {text} (chủ trì: {lead}; {due})."
CARRIED_DUE = "hạn {due}"
# A task without a deadline: «hạn không có hạn» read as a slip in a document to be signed.
CARRIED_NO_DUE = "chưa có hạn"
CARRIED_URGENT = "việc khẩn, chưa có hạn"
NO_CARRIED = "Không có nhiệm vụ chuyển sang kỳ sau."
# A report made before its period has ended (qa of report11: «/baocao» on 20/11 listed tasks due 30/11
# as carried over to December): a task still within its deadline is «đang thực hiện», not carried; only
# a task due after the period is carried over. Then the sections are IV (in progress) and V (carried).
SECTION_IN_PROGRESS = "IV. NHIỆM VỤ ĐANG THỰC HIỆN TRONG KỲ"
SECTION_CARRIED_AFTER = "V. NHIỆM VỤ CHUYỂN SANG KỲ SAU"
NO_IN_PROGRESS = "Không có nhiệm vụ đang thực hiện trong hạn."
NO_DUE = "không có hạn"
NO_LEAD = "chưa rõ"
RECIPIENTS_TITLE = "Nơi nhận:"
RECIPIENTS = ("- {agency};", "- Thành viên Ban chỉ đạo;", "- Lưu: VT.")
SIGNER_TITLE = "TRƯỞNG BAN"


def date_line(place: str | None, day: date) -> str:
    """«Sài Đồng, ngày 05 tháng 02 năm 2026»: a leading zero for days below 10 and months below 3."""
    return DATE_LINE.format(
        place=place or MISSING,
        day=f"{day.day:02d}",
        month=f"{day.month:02d}" if day.month < 3 else str(day.month),
        year=day.year,
    )


def _rate(counts: StateCounts) -> str:
    rate = counts.on_time_rate
    return "—" if rate is None else f"{rate * 100:.1f}".replace(".", ",").removesuffix(",0") + "%"


def _sentence(text: str) -> str:
    """A directive's text inside a report line: its own closing stop goes, the line adds «(chủ trì: …).»"""
    return " ".join(text.split()).rstrip(" .;,")


def _fmt(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else NO_DUE


def _carried_due(v: TaskView) -> str:
    if v.due_current is not None:
        return CARRIED_DUE.format(due=_fmt(v.due_current))
    return CARRIED_URGENT if v.urgent else CARRIED_NO_DUE


def _style(paragraph: Paragraph, *, size: int = BODY_PT, bold: bool = False, italic: bool = False) -> None:
    for run in paragraph.runs:
        run.font.name = FONT
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
        # East-Asian fallback font name, or Word substitutes another font for Vietnamese letters.
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _para(
    container: Document | _Cell,
    text: str,
    *,
    size: int = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
    after: int = 6,
) -> Paragraph:
    p = container.add_paragraph(text)
    _style(p, size=size, bold=bold, italic=italic)
    p.alignment = align
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.space_before = Pt(0)
    if indent:
        p.paragraph_format.first_line_indent = Cm(1)
    return p


def _rule(cell: _Cell, length: Cm, cell_width: Cm) -> None:
    """The short horizontal rule the decree puts under the committee's name and under the motto:
    an empty 2-pt paragraph, indented on both sides so that its bottom border is `length` long."""
    paragraph = cell.add_paragraph()
    side = max(0, (cell_width - length) // 2)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(2)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _first_paragraph(cell: _Cell, text: str, **kwargs: object) -> Paragraph:
    """A new cell holds one empty paragraph: use it for the first line, or the cell starts with a blank."""
    p = cell.paragraphs[0]
    p.add_run(text)
    _style(p, size=int(kwargs.get("size", BODY_PT)), bold=bool(kwargs.get("bold")), italic=bool(kwargs.get("italic")))
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(0)
    return p


def _widths(table: Table, widths: Sequence[Cm]) -> None:
    """Fixed column widths, written where both Word (cells) and LibreOffice (the grid) read them."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


# The text block is 210 - 30 - 15 = 165 mm wide: the agency column takes 6.5 cm, the national title
# (one line at 13 pt bold) the other 10.
HEADING_WIDTHS = (Cm(6.5), Cm(10.0))


def _heading(doc: Document, heading: ReportHeading, today: date) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, HEADING_WIDTHS)
    left, right = table.rows[0].cells
    _first_paragraph(left, (heading.agency or MISSING).upper(), size=HEADING_PT)
    _para(left, heading.committee.upper(), size=HEADING_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _rule(left, Cm(2.2), HEADING_WIDTHS[0])
    _para(
        left,
        NUMBER_LINE.format(code=heading.code or DEFAULT_CODE),
        size=HEADING_PT,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=0,
    ).paragraph_format.space_before = Pt(6)
    _first_paragraph(right, NATIONAL_TITLE, size=HEADING_PT, bold=True)
    _para(right, MOTTO, size=BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _rule(right, Cm(6.0), HEADING_WIDTHS[1])
    _para(right, date_line(heading.place, today), size=BODY_PT, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    right.paragraphs[-1].paragraph_format.space_before = Pt(6)


def _cell_text(
    cell: _Cell, text: str, *, bold: bool = False, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER
) -> None:
    p = cell.paragraphs[0]
    p.add_run(text)
    _style(p, size=12, bold=bold)
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)


def _units_table(
    doc: Document,
    units: Sequence[tuple[str, StateCounts]],
    totals: StateCounts,
    people: Sequence[tuple[str, StateCounts]] = (),
) -> Table:
    """Units, then (under a header row of their own, numbered from 1 again) the people given tasks
    directly, then the total of everything — the figures of section I."""
    table = doc.add_table(rows=1, cols=len(UNIT_COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER

    def header(cells: Sequence[_Cell], titles: Sequence[str]) -> None:
        for cell, title in zip(cells, titles, strict=True):
            _cell_text(cell, title, bold=True)

    def row(number: str, name: str, c: StateCounts, *, bold: bool = False) -> None:
        values = (number, name, c.total, c.done_on_time, c.done_late, c.open_on_time, c.open_overdue)
        for k, (cell, value) in enumerate(zip(table.add_row().cells, values, strict=True)):
            align = WD_ALIGN_PARAGRAPH.LEFT if k == 1 else WD_ALIGN_PARAGRAPH.CENTER
            _cell_text(cell, str(value), bold=bold, align=align)

    header(table.rows[0].cells, UNIT_COLUMNS)
    for i, (name, c) in enumerate(units, start=1):
        row(str(i), name, c)
    if people:
        header(table.add_row().cells, (UNIT_COLUMNS[0], PEOPLE_COLUMN, *UNIT_COLUMNS[2:]))
        for i, (name, c) in enumerate(people, start=1):
            row(str(i), name, c)
    row("", TOTAL_ROW, totals, bold=True)
    _widths(table, (Cm(1.3), Cm(4.4), Cm(1.6), Cm(2.3), Cm(2.3), Cm(2.3), Cm(2.3)))
    return table


def _signature(doc: Document, heading: ReportHeading) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    # One block: «TRƯỞNG BAN» on one page and the signer's name on the next is no signature block.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _widths(table, (Cm(8.0), Cm(8.5)))
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    first.add_run(RECIPIENTS_TITLE)
    _style(first, size=12, bold=True, italic=True)
    first.paragraph_format.space_after = Pt(0)
    for line in RECIPIENTS:
        _para(left, line.format(agency=heading.agency or MISSING), size=11, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    _first_paragraph(right, SIGNER_TITLE, size=BODY_PT, bold=True)
    for _ in range(4):  # room for the signature and the seal
        _para(right, "", align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(right, heading.signer or MISSING, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)


def build_report(
    heading: ReportHeading, period: Period, views: Sequence[TaskView], today: date, wards: Sequence[str] = ()
) -> bytes:
    """The .docx of `period`'s report as of `today`: a plain synchronous function for a worker thread.
    `wards`: a district's linked wards' lines (handlers.ward_lines: the Monday summary's, heading first), under
    section II's table."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)

    _heading(doc, heading, today)
    _para(doc, "", after=0)
    _para(doc, DOC_TYPE, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    subject = SUBJECT.format(committee=heading.committee, period=period.label[:1].lower() + period.label[1:])
    _para(doc, subject, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)

    totals = count_states(views, today)
    fields = {"period_cap": period.label, "committee": heading.committee}
    _para(doc, SECTION_OVERALL, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    if totals.total == 0 and totals.cancelled == 0:
        _para(doc, NOTHING_TEXT.format(**fields), indent=True)
    else:
        _para(
            doc,
            OVERALL_TEXT.format(
                total=totals.total,
                done_on_time=totals.done_on_time,
                done_late=totals.done_late,
                open_on_time=totals.open_on_time,
                open_overdue=totals.open_overdue,
                rate=_rate(totals),
                rate_basis=RATE_BASIS.format(base=totals.judged) if totals.on_time_rate is not None else "",
                **fields,
            ),
            indent=True,
        )
        if totals.cancelled:
            _para(doc, CANCELLED_TEXT.format(count=totals.cancelled), indent=True)

    units, people = per_unit_and_person(views, today)
    units, people = [(n, c) for n, c in units if c.total], [(n, c) for n, c in people if c.total]
    _para(doc, SECTION_UNITS_AND_PEOPLE if people else SECTION_UNITS, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    _units_table(doc, units, totals, people)
    if wards:
        _para(doc, "", after=0)
        _para(doc, wards[0], bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
        for line in wards[1:]:
            _para(doc, line, indent=True, after=0)

    _para(doc, "", after=0)
    _para(doc, SECTION_OVERDUE, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    overdue = sorted(
        (v for v in views if v.state(today) is TaskState.OPEN_OVERDUE),
        key=lambda v: (-(v.days_overdue(today) or 0), v.number),
    )
    if not overdue:
        _para(doc, NO_OVERDUE, indent=True)
    for v in overdue:
        line = OVERDUE_LINE.format(
            number=v.number,
            text=_sentence(v.text),
            lead=v.lead or NO_LEAD,
            due=_fmt(v.due_current),
            days=v.days_overdue(today),
        )
        _para(doc, line, indent=True, after=0)
        if v.blocked_note:
            obstacle = OBSTACLE_PERSON if v.lead_is_person else OBSTACLE
            _para(doc, obstacle.format(note=v.blocked_note), indent=True, italic=True, after=0)
        if v.latest_note and v.latest_note != v.blocked_note:
            _para(doc, LATEST_NOTE.format(note=v.latest_note), indent=True, italic=True, after=0)
        if not v.blocked_note and not v.latest_note:
            _para(doc, NO_REASON_PERSON if v.lead_is_person else NO_REASON, indent=True, italic=True, after=0)
        doc.paragraphs[-1].paragraph_format.space_after = Pt(6)

    # Carried over to the next period: every open task once the period has ended; before its end, only
    # the tasks due after it — the others are still being done in the period (overdue ones are in III).
    def by_due(v: TaskView) -> tuple[date, int]:
        return (v.due_current or date.max, v.number)

    open_views = [v for v in views if v.status is TaskStatus.OPEN]
    if today > period.end:
        _task_list(doc, SECTION_CARRIED, sorted(open_views, key=by_due), NO_CARRIED)
    else:

        def due_after(v: TaskView) -> bool:
            return v.due_current is not None and v.due_current > period.end

        after = [v for v in open_views if due_after(v)]
        in_progress = [v for v in open_views if not due_after(v) and v.state(today) is not TaskState.OPEN_OVERDUE]
        _task_list(doc, SECTION_IN_PROGRESS, sorted(in_progress, key=by_due), NO_IN_PROGRESS)
        if period.kind is not PeriodKind.ALL:  # «toàn bộ» has no next period
            _task_list(doc, SECTION_CARRIED_AFTER, sorted(after, key=by_due), NO_CARRIED)

    _para(doc, "", after=0)
    _signature(doc, heading)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _task_list(doc: Document, title: str, tasks: Sequence[TaskView], empty: str) -> None:
    _para(doc, title, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    if not tasks:
        _para(doc, empty, indent=True)
    for v in tasks:
        line = CARRIED_LINE.format(number=v.number, text=_sentence(v.text), lead=v.lead or NO_LEAD, due=_carried_due(v))
        _para(doc, line, indent=True)


def report_filename(committee: str, period: Period) -> str:
    """'bao-cao_<committee>_<period>.docx', ASCII only, named like the workbook."""
    from domain.report_xlsx import slugify

    return f"bao-cao_{slugify(committee) or 'ban-chi-dao'}_{period.slug}.docx"
