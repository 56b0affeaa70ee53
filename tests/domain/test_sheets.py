"""docs11: an office's Excel tracking sheet («Bảng theo dõi nhiệm vụ») and an RTF file sent with /nhap.

The sheets are made here as offices make them (merged title rows, section rows, headers worded many
ways, a sheet per month, a lead merged down the column); the bot's own /xuat workbook is read back and
must give the same tasks. The RTF files are written as Word writes them: \\uN escapes with a «?» fallback
for the Vietnamese letters outside the code page, \\'xx bytes in the code page (1252, or 1258 with the
Vietnamese font charset 163), a table as \\cell / \\row.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from domain.periods import ALL_TIME
from domain.report_xlsx import build_workbook
from domain.types import DeadlineKind, KnownUnit, ParsedDirective, TaskStatus
from domain.understand import documents
from domain.understand.documents import DocumentError, extract_text
from domain.understand.sheets import MARK, split_with_sheets
from tests.domain.report_tasks import task

TODAY = date(2026, 11, 25)


def xlsx(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def items(data: bytes, name: str = "bang-theo-doi.xlsx", units: tuple[KnownUnit, ...] = ()) -> list[ParsedDirective]:
    parsed, _note = split_with_sheets(extract_text(name, data), TODAY, units)
    return list(parsed.directives)


def leads(d: ParsedDirective) -> list[str]:
    return [a.text for a in d.assignees.lead]


def supports(d: ParsedDirective) -> list[str]:
    return [a.text for a in d.assignees.support]


def tracking_sheet() -> Workbook:
    book = Workbook()
    ws = book.active
    ws.title = "Tháng 11"
    ws.append(["UBND PHƯỜNG ĐÔNG HOÀ"])
    ws.merge_cells("A1:F1")
    ws.append(["BẢNG THEO DÕI NHIỆM VỤ THEO KẾT LUẬN GIAO BAN NGÀY 23/11/2026"])
    ws.merge_cells("A2:F2")
    ws.append([])
    ws.append(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Ghi chú / Kết quả"])
    ws.append(["I", "LĨNH VỰC CẢI CÁCH HÀNH CHÍNH"])
    ws.merge_cells("B5:F5")
    ws.append([1, "Rà soát, cập nhật danh sách hộ nghèo trên địa bàn", "Văn phòng HĐND&UBND", "Công an phường",
               datetime(2026, 12, 15), "Đang thực hiện"])
    ws.append([2, "Đăng tải bài viết về gương người tốt việc tốt lên Cổng TTĐT", "Ban biên tập", None,
               "Thường xuyên", None])
    ws.append([3, "Xây dựng kế hoạch chuyển đổi số năm 2027", "Phòng Văn hoá - Thông tin",
               "Văn phòng HĐND&UBND, Công an phường", "Quý I/2027", None])
    ws.append(["II", "LĨNH VỰC AN NINH TRẬT TỰ"])
    ws.append([4, "Tổ chức tuyên truyền phòng chống cháy nổ tại các khu dân cư", "Công an phường", None,
               "15/12/2026", None])
    ws.append([5, "Báo cáo kết quả thực hiện các nhiệm vụ quý IV", "Đ/c Nguyễn Văn An", None, "Trước 30/12", None])
    ws.append([])
    ws.append([None, None, "Người lập biểu"])
    return book


def test_a_tracking_sheet_gives_one_item_a_row_with_its_columns_read_as_written() -> None:
    got = items(xlsx(tracking_sheet()))
    assert [d.text for d in got] == [
        "Rà soát, cập nhật danh sách hộ nghèo trên địa bàn",
        "Đăng tải bài viết về gương người tốt việc tốt lên Cổng TTĐT",
        "Xây dựng kế hoạch chuyển đổi số năm 2027",
        "Tổ chức tuyên truyền phòng chống cháy nổ tại các khu dân cư",
        "Báo cáo kết quả thực hiện các nhiệm vụ quý IV",
    ]  # section rows (I, II), the empty row and the signature line left out
    assert [leads(d) for d in got] == [
        ["Văn phòng HĐND&UBND"], ["Ban biên tập"], ["Phòng Văn hoá - Thông tin"], ["Công an phường"],
        ["Đ/c Nguyễn Văn An"],  # a person, not a unit: kept as written (the preview asks about it)
    ]
    assert got[0].assignees.lead[0].unit_key is not None and got[4].assignees.lead[0].unit_key is None
    assert supports(got[0]) == ["Công an phường"]
    assert supports(got[2]) == ["Văn phòng HĐND&UBND", "Công an phường"]
    assert got[0].deadline.kind is DeadlineKind.DATE and got[0].deadline.due == date(2026, 12, 15)  # an Excel date
    assert got[1].deadline.kind is DeadlineKind.NONE and got[1].deadline.phrase == "Thường xuyên"
    assert got[2].deadline.kind is DeadlineKind.QUARTER and got[2].deadline.due == date(2027, 3, 31)
    assert got[3].deadline.due == date(2026, 12, 15)  # «15/12/2026» as text
    assert got[4].deadline.due == date(2026, 12, 30)


def test_the_title_row_names_the_import_and_dates_its_meeting() -> None:
    parsed, note = split_with_sheets(extract_text("bang.xlsx", xlsx(tracking_sheet())), TODAY)
    assert parsed.title == "BẢNG THEO DÕI NHIỆM VỤ THEO KẾT LUẬN GIAO BAN NGÀY 23/11/2026"
    assert parsed.meeting_date == date(2026, 11, 23)
    assert note is not None
    assert note.sheets == ["Tháng 11"] and note.rows == 5 and note.headings == 2
    assert note.columns["lead"] == "Đơn vị chủ trì" and note.columns["due"] == "Thời hạn"


def test_headers_are_found_in_other_wordings_without_accents_or_in_capitals() -> None:
    book = Workbook()
    ws = book.active
    ws.append(["DANH MUC CONG VIEC"])
    ws.append(["TT", "NOI DUNG CONG VIEC", "CO QUAN THUC HIEN", "KET QUA THUC HIEN", "THOI GIAN HOAN THANH"])
    ws.append(["1", "Hoàn thiện hồ sơ đề nghị công nhận phường đạt chuẩn", "Văn phòng HĐND&UBND", "Chưa xong",
               "Tháng 12/2026"])
    ws.append(["2", "Kiểm tra an toàn thực phẩm dịp Tết", "Công an phường", None, "Trước Tết Nguyên đán"])
    got = items(xlsx(book))
    assert [leads(d) for d in got] == [["Văn phòng HĐND&UBND"], ["Công an phường"]]  # «Kết quả thực hiện» is no lead
    assert got[0].deadline.kind is DeadlineKind.MONTH and got[0].deadline.due == date(2026, 12, 31)
    assert got[1].deadline.kind is DeadlineKind.HOLIDAY


def test_a_sheet_per_month_is_read_sheet_by_sheet() -> None:
    book = Workbook()
    for month, work in (("T11", "Rà soát thủ tục hành chính"), ("T12", "Tổng kết công tác năm 2026")):
        ws = book.create_sheet(month)
        ws.append(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"])
        ws.append([1, work, "Văn phòng HĐND&UBND", "Cuối tháng"])
    book.remove(book["Sheet"])
    parsed, note = split_with_sheets(extract_text("bang.xlsx", xlsx(book)), TODAY)
    assert [d.text for d in parsed.directives] == ["Rà soát thủ tục hành chính", "Tổng kết công tác năm 2026"]
    assert note is not None and note.sheets == ["T11", "T12"]


def test_a_lead_merged_down_the_column_leads_each_row_it_spans() -> None:
    book = Workbook()
    ws = book.active
    ws.append(["STT", "Nội dung", "Chủ trì", "Hạn"])
    ws.append([1, "Cập nhật dữ liệu dân cư", "Công an phường", "15/12/2026"])
    ws.append([2, "Tuyên truyền đề án 06", None, 46_376])  # a date cell that lost its format: Excel's day number
    ws.merge_cells("C2:C3")
    got = items(xlsx(book))
    assert [leads(d) for d in got] == [["Công an phường"], ["Công an phường"]]
    assert got[1].deadline.due == date(2026, 12, 20)


def test_without_a_lead_column_the_lead_and_deadline_are_read_from_the_task_text() -> None:
    book = Workbook()
    ws = book.active
    ws.append(["STT", "Nội dung kết luận", "Đơn vị phối hợp"])
    ws.append([1, "Giao Văn phòng HĐND&UBND rà soát hồ sơ một cửa, xong trước ngày 15/12/2026", "Công an phường"])
    (got,) = items(xlsx(book))
    assert leads(got) == ["Văn phòng HĐND&UBND"] and supports(got) == ["Công an phường"]
    assert got.deadline.due == date(2026, 12, 15)


def test_a_sheet_without_a_task_header_is_read_as_a_conclusion_text() -> None:
    book = Workbook()
    ws = book.active
    ws.append(["KẾT LUẬN CUỘC HỌP GIAO BAN"])
    ws.append(["1. Giao Văn phòng HĐND&UBND rà soát hồ sơ một cửa, xong trước ngày 15/12/2026."])
    ws.append(["2. Giao Công an phường tuyên truyền phòng chống cháy nổ, hoàn thành trong tháng 12/2026."])
    text = extract_text("ket-luan.xlsx", xlsx(book))
    assert MARK not in text
    got = items(xlsx(book))
    assert [leads(d) for d in got] == [["Văn phòng HĐND&UBND"], ["Công an phường"]]
    assert [d.deadline.due for d in got] == [date(2026, 12, 15), date(2026, 12, 31)]


def test_the_bots_own_export_read_back_gives_the_same_tasks() -> None:
    tasks = [
        task(1, text="Rà soát camera an ninh tại các tổ dân phố", lead="Văn phòng HĐND&UBND",
             support=("Công an phường", "Ban biên tập"), due_original=date(2026, 12, 10),
             due_current=date(2026, 12, 15), extension_count=1),
        task(2, text="Tổng hợp số liệu dân cư; báo cáo UBND quận", lead="Công an phường",
             due_original=date(2026, 12, 20)),
        task(3, text="Cập nhật Cổng TTĐT", lead="Văn phòng HĐND&UBND", status=TaskStatus.DONE,
             done_on=date(2026, 11, 18), due_original=date(2026, 11, 30), latest_note="Đã đăng 2 bài"),
        task(4, text="Chuẩn bị hội nghị tổng kết", lead="Ban biên tập", due_original=None, due_current=None),
    ]
    data = build_workbook("Ban chỉ đạo Chuyển đổi số phường Đông Hoà", ALL_TIME, tasks, TODAY)
    got = items(data, "nhiem-vu_bcd_tat-ca.xlsx")
    assert [d.text for d in got] == [t.text for t in tasks]
    assert [leads(d) for d in got] == [[t.lead] for t in tasks]
    assert [supports(d) for d in got] == [list(t.support) for t in tasks]
    assert [d.deadline.due for d in got] == [t.due_current for t in tasks]  # the current deadline, not the first


def test_old_excel_is_refused_with_how_to_resave_it_and_a_broken_one_said_so() -> None:
    with pytest.raises(DocumentError) as err:
        extract_text("bang-theo-doi.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert str(err.value) == documents.OLD_EXCEL and "Lưu thành" in str(err.value) and ".xlsx" in str(err.value)
    with pytest.raises(DocumentError) as err:
        extract_text("bang-theo-doi.xlsx", b"PK\x03\x04 not a workbook")
    assert str(err.value) == documents.BROKEN_XLSX
    # an «.xls» that is really a .xlsx (saved by a web system under the old name) is read
    assert "Rà soát" in extract_text("bang.xls", xlsx(tracking_sheet()))


# ------------------------------------------------------------------------------------------------- RTF
def word_rtf(text: str) -> str:
    """Text as Word writes it in an RTF saved with code page 1252: a letter outside it as \\uN\\'3f."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\par\n")
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch)}\\'3f")
    return "".join(out)


WORD_HEAD = (
    r"{\rtf1\adeflang1025\ansi\ansicpg1252\uc1\adeff0\deff0\stshfdbch0\stshfloch31506\deflang1033"
    r"{\fonttbl{\f0\fbidi \froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}}"
    r"{\colortbl;\red0\green0\blue0;}{\*\generator Microsoft Word 16.0;}"
    r"{\info{\title K\u7870?T LU\u7852?N}{\author V\u259?n th\'f9}}\paperw11906\paperh16838"
    "\n\\pard\\plain \\ql \\f0\\fs28 "
)
CONCLUSION = (
    "THÔNG BÁO KẾT LUẬN\nCuộc họp giao ban ngày 23/11/2026\n"
    "1. Giao Văn phòng HĐND&UBND rà soát hồ sơ một cửa, xong trước ngày 15/12/2026.\n"
    "2. Giao Công an phường chủ trì, phối hợp Ban biên tập tuyên truyền phòng chống cháy nổ, hoàn thành trong "
    "tháng 12/2026."
)


def test_an_rtf_saved_by_word_is_read_with_its_vietnamese_letters() -> None:
    data = (WORD_HEAD + word_rtf(CONCLUSION) + "\\par }").encode("ascii")
    text = extract_text("ket-luan.rtf", data)
    assert text == CONCLUSION  # \uN letters (ă, ệ, ộ …) and \'xx ones (ò, ô, à …) alike; the \info title not in it
    parsed, note = split_with_sheets(text, TODAY)
    assert note is None
    assert [leads(d) for d in parsed.directives] == [["Văn phòng HĐND&UBND"], ["Công an phường"]]


def cp1258_rtf(text: str) -> str:
    """Text in Windows' Vietnamese code page as \\'xx bytes (tones as combining marks, as cp1258 has them)."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            split = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in split if c in "\u0300\u0301\u0303\u0309\u0323")
            out += (unicodedata.normalize("NFC", "".join(c for c in split if c not in tones)) + tones).encode("cp1258")
    return "".join(f"\\'{b:02x}" if b > 127 else chr(b) for b in out)


def test_an_rtf_in_the_vietnamese_code_page_named_doc_is_read() -> None:
    """An e-office export in code page 1258 (font charset 163), saved under .doc: read (it was «save as .docx»)."""
    line = "1. Giao Văn phòng rà soát hồ sơ một cửa, xong trước ngày 15/12/2026."
    data = (r"{\rtf1\ansi\ansicpg1258\deff0{\fonttbl{\f0\fcharset163 Times New Roman;}}\f0 " + cp1258_rtf(line)
            + r"\par}").encode("ascii")
    assert extract_text("ket-luan.doc", data) == line


def test_a_task_table_in_an_rtf_gives_one_item_a_row() -> None:
    def cells(*texts: str) -> str:
        return (r"\trowd\cellx800\cellx5000\cellx7000\cellx9000\pard\intbl "
                + "".join(word_rtf(t) + r"\cell " for t in texts) + r"\row ")

    table = cells("TT", "Nội dung", "Chủ trì", "Thời hạn") + cells("1", "Cập nhật danh sách hộ nghèo", "Văn phòng",
                                                                   "30/12/2026")
    data = (WORD_HEAD + word_rtf("KẾT LUẬN GIAO BAN") + r"\par " + table + r"\pard }").encode("ascii")
    parsed, _ = split_with_sheets(extract_text("kl.rtf", data), TODAY)
    (got,) = parsed.directives
    assert "Cập nhật danh sách hộ nghèo" in got.text
    assert leads(got) == ["Văn phòng"] and got.deadline.due == date(2026, 12, 30)


def test_a_damaged_rtf_is_said_to_be_unreadable_not_a_stack_trace() -> None:
    with pytest.raises(DocumentError):
        extract_text("kl.rtf", rb"{\rtf1\ansi {\fonttbl")


def test_a_sheet_gathered_after_a_pasted_part_keeps_its_rows() -> None:
    """In a private gathering a part cut mid-sentence is joined to the next with a space: the sheet's first
    row may follow text on the same line."""
    book = Workbook()
    ws = book.active
    ws.append(["STT", "Nội dung", "Chủ trì", "Hạn"])
    ws.append([1, "Cập nhật dữ liệu dân cư", "Công an phường", "15/12/2026"])
    pasted = "KẾT LUẬN GIAO BAN\n1. Giao Văn phòng HĐND&UBND rà soát hồ sơ một cửa, xong trước ngày 10/12/2026 và"
    parsed, _ = split_with_sheets(pasted + " " + extract_text("bang.xlsx", xlsx(book)), TODAY)
    assert [leads(d) for d in parsed.directives] == [["Văn phòng HĐND&UBND"], ["Công an phường"]]
    assert all(MARK.strip() not in d.text and "{" not in d.text for d in parsed.directives)


def test_one_column_for_lead_and_support_is_read_by_the_understanding() -> None:
    book = Workbook()
    ws = book.active
    ws.append(["TT", "Nhiệm vụ", "Cơ quan chủ trì, phối hợp", "Thời gian hoàn thành"])
    ws.append([1, "Kiểm tra công tác phòng cháy tại chợ", "Công an phường chủ trì, phối hợp Ban biên tập", "Quý IV"])
    (got,) = items(xlsx(book))
    assert leads(got) == ["Công an phường"] and supports(got) == ["Ban biên tập"]
    assert got.deadline.due == date(2026, 12, 31)


def test_a_summary_sheet_beside_the_tasks_gives_no_items() -> None:
    """A workbook's «Tổng hợp» sheet («Đơn vị | Số nhiệm vụ | Hoàn thành …») is no task list."""
    book = tracking_sheet()
    summary = book.create_sheet("Tổng hợp")
    summary.append(["Đơn vị", "Số nhiệm vụ", "Hoàn thành", "Tỷ lệ"])
    summary.append(["Văn phòng HĐND&UBND", 2, 1, "50%"])
    assert len(items(xlsx(book))) == 5


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(cut=st.integers(0, 20_000), junk=st.binary(max_size=40), rtf=st.text(max_size=300))
def test_damaged_sheets_and_rtf_are_read_or_refused_in_words(cut: int, junk: bytes, rtf: str) -> None:
    """A damaged .xlsx, RTF noise, and hand-typed mark lines: a DocumentError that says why, or items."""
    real = xlsx(tracking_sheet())
    for name, data in (("bang.xlsx", real[:cut] + junk + real[cut + len(junk):]),
                       ("kl.rtf", ("{\\rtf1\\ansi\\ansicpg1258 " + rtf + "}").encode("utf-8", "replace"))):
        try:
            text = extract_text(name, data)
        except DocumentError as err:
            assert str(err)
            continue
        split_with_sheets(text, TODAY)
    split_with_sheets(f'{MARK}{{"task": "Rà soát", "date": "{rtf[:12]}", "lead": 3}}\n{MARK}{rtf}\n{MARK}[1]', TODAY)


def test_a_header_on_two_rows_takes_its_lower_names() -> None:
    """«Đơn vị thực hiện» merged over «Chủ trì | Phối hợp», «STT» and «Nội dung» merged down both rows."""
    book = Workbook()
    ws = book.active
    ws.append(["STT", "Nội dung công việc", "Đơn vị thực hiện", None, "Thời hạn hoàn thành"])
    ws.append([None, None, "Chủ trì", "Phối hợp", None])
    for merged in ("A1:A2", "B1:B2", "C1:D1", "E1:E2"):
        ws.merge_cells(merged)
    ws.append([1, "Rà soát hồ sơ đất đai tồn đọng", "Văn phòng HĐND&UBND", "Công an phường", "31/12/2026"])
    parsed, note = split_with_sheets(extract_text("bang.xlsx", xlsx(book)), TODAY)
    (got,) = parsed.directives
    assert leads(got) == ["Văn phòng HĐND&UBND"] and supports(got) == ["Công an phường"]
    assert got.deadline.due == date(2026, 12, 31)
    assert note is not None and note.columns["lead"] == "Chủ trì" and note.columns["task"] == "Nội dung công việc"


def test_a_cell_of_two_paragraphs_keeps_its_rtf_row_on_one_line() -> None:
    row = (r"\trowd\cellx800\cellx5000\cellx7000\cellx9000\pard\intbl 1\cell "
           + word_rtf("Rà soát hồ sơ đất đai.") + r"\par\pard\intbl " + word_rtf("Báo cáo UBND quận.") + r"\cell "
           + word_rtf("Văn phòng") + r"\cell 30/12/2026\cell\row ")
    header = (r"\trowd\cellx800\cellx5000\cellx7000\cellx9000\pard\intbl TT\cell "
              + word_rtf("Nội dung") + r"\cell " + word_rtf("Chủ trì") + r"\cell " + word_rtf("Thời hạn")
              + r"\cell\row ")
    data = (WORD_HEAD + word_rtf("KẾT LUẬN") + r"\par " + header + row + r"\pard }").encode("ascii")
    parsed, _ = split_with_sheets(extract_text("kl.rtf", data), TODAY)
    (got,) = parsed.directives
    assert "Rà soát hồ sơ đất đai. Báo cáo UBND quận." in got.text
    assert leads(got) == ["Văn phòng"] and got.deadline.due == date(2026, 12, 30)
