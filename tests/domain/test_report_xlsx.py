"""The `/xuat` workbook, read back with openpyxl as the office's Excel would see it."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from domain.periods import ALL_TIME, month_period, quarter_period
from domain.report_xlsx import build_workbook, workbook_filename
from domain.types import TaskStatus, TaskView
from tests.domain.report_tasks import TODAY, one_of_each_state, task

COMMITTEE = "Ban chỉ đạo Chuyển đổi số phường Đông Hoà"
NOVEMBER = month_period(2026, 11)
HEADERS = [
    "STT",
    "Số",
    "Nội dung",
    "Đơn vị/người chủ trì",
    "Phối hợp",
    "Ngày giao",
    "Cuộc họp",
    "Hạn ban đầu",
    "Hạn hiện tại",
    "Số lần gia hạn",
    "Trạng thái",
    "Ngày hoàn thành",
    "Số ngày quá hạn",
    "Tiến độ / ghi chú mới nhất",
]
COL = {header: index for index, header in enumerate(HEADERS)}


def read(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def task_rows(ws: Worksheet) -> dict[int, list]:
    """Data rows of the tasks sheet by task number (column "Số")."""
    rows = list(ws.iter_rows(min_row=4))
    return {row[COL["Số"]].value: row for row in rows if isinstance(row[COL["Số"]].value, int)}


@pytest.fixture(scope="module")
def workbook() -> Workbook:
    tasks = one_of_each_state()
    tasks[0] = TaskView(
        **{
            **tasks[0].__dict__,
            "support": ("Ban biên tập", "Công an phường"),
            "meeting_title": "Giao ban tháng 11",
            "latest_note": "Đã đăng 2 bài",
            "extension_count": 0,
        }
    )
    tasks[3] = TaskView(
        **{
            **tasks[3].__dict__,
            "due_current": date(2026, 11, 18),
            "extension_count": 1,
            "lead_unit": "Văn phòng",
        }
    )
    # Given out of order: rows come sorted by number.
    return read(build_workbook(COMMITTEE, NOVEMBER, list(reversed(tasks)), TODAY))


def test_two_sheets_with_titles_naming_the_committee_and_period(workbook: Workbook) -> None:
    assert workbook.sheetnames == ["Nhiệm vụ", "Tổng hợp"]
    tasks, summary = workbook["Nhiệm vụ"], workbook["Tổng hợp"]
    assert tasks["A1"].value == f"{COMMITTEE}: danh sách nhiệm vụ — Tháng 11/2026"
    assert summary["A1"].value == f"{COMMITTEE}: tổng hợp kết quả thực hiện nhiệm vụ — Tháng 11/2026"
    assert tasks["A2"].value.startswith("Lập ngày 20/11/2026; số liệu tính đến ngày 20/11/2026.")
    assert [c.value for c in tasks[3]] == HEADERS


def test_one_row_per_task_in_number_order_with_its_state(workbook: Workbook) -> None:
    ws = workbook["Nhiệm vụ"]
    rows = task_rows(ws)
    assert list(rows) == [1, 2, 3, 4, 5]
    assert [rows[n][COL["STT"]].value for n in rows] == [1, 2, 3, 4, 5]
    assert {n: rows[n][COL["Trạng thái"]].value for n in rows} == {
        1: "Hoàn thành đúng hạn",
        2: "Hoàn thành quá hạn",
        3: "Đang thực hiện trong hạn",
        4: "Đang thực hiện quá hạn",
        5: "Đã huỷ",
    }
    # The task number shows as "#4" yet stays a number the office can sort on.
    assert rows[4][COL["Số"]].number_format == '"#"0'


def test_the_columns_say_who_what_when(workbook: Workbook) -> None:
    rows = task_rows(workbook["Nhiệm vụ"])
    first = [c.value for c in rows[1]]
    assert first[COL["Nội dung"]] == "Nhiệm vụ số 1"
    assert first[COL["Đơn vị/người chủ trì"]] == "Văn phòng"
    assert first[COL["Phối hợp"]] == "Ban biên tập, Công an phường"
    assert first[COL["Cuộc họp"]] == "Giao ban tháng 11"
    assert first[COL["Tiến độ / ghi chú mới nhất"]] == "Đã đăng 2 bài"
    assert first[COL["Số ngày quá hạn"]] is None
    overdue = [c.value for c in rows[4]]
    assert overdue[COL["Số lần gia hạn"]] == 1
    assert overdue[COL["Số ngày quá hạn"]] == 2  # 20/11 against the extended 18/11
    late = [c.value for c in rows[2]]
    assert late[COL["Số ngày quá hạn"]] == 3  # finished 18/11, originally due 15/11
    assert rows[5][COL["Ngày hoàn thành"]].value is None  # cancelled: not a completion


def test_dates_are_real_excel_dates_shown_dd_mm_yyyy(workbook: Workbook) -> None:
    rows = task_rows(workbook["Nhiệm vụ"])
    done = rows[2]
    for header, expected in [
        ("Ngày giao", date(2026, 11, 2)),
        ("Hạn ban đầu", date(2026, 11, 15)),
        ("Hạn hiện tại", date(2026, 11, 15)),
        ("Ngày hoàn thành", date(2026, 11, 18)),
    ]:
        cell = done[COL[header]]
        assert cell.is_date, header
        assert isinstance(cell.value, datetime) and cell.value.date() == expected, header
        assert cell.number_format == "dd/mm/yyyy", header
    assert rows[4][COL["Hạn hiện tại"]].value.date() == date(2026, 11, 18)


def test_frozen_header_filters_and_a4_landscape_printing(workbook: Workbook) -> None:
    ws = workbook["Nhiệm vụ"]
    assert ws.freeze_panes == "C4"  # header rows and the STT/Số columns stay in view
    assert ws.auto_filter.ref == "A3:N8"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)  # one page wide
    assert ws.print_title_rows == "$3:$3"  # the header on every printed page
    assert workbook["Tổng hợp"].page_setup.orientation == "landscape"


def column_widths(ws: Worksheet) -> dict[str, float]:
    return {header: ws.column_dimensions[chr(ord("A") + i)].width for i, header in enumerate(HEADERS)}


def test_column_widths_fit_the_vietnamese_headers_and_text(workbook: Workbook) -> None:
    ws = workbook["Nhiệm vụ"]
    widths = column_widths(ws)
    for header, width in widths.items():
        longest_word = max(len(word) for word in header.split())
        assert width >= longest_word + 1, header  # headers wrap between words, never inside one
    assert widths["Ngày giao"] >= len("20/11/2026") + 1  # narrower and Excel shows "#####"
    assert widths["Nội dung"] > widths["Phối hợp"]
    assert ws.row_dimensions[3].height >= 3 * 15  # three lines of wrapped header


def test_long_text_wraps_instead_of_widening_the_sheet_past_a4() -> None:
    wordy = "Ủy ban nhân dân phường phối hợp Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội " * 3
    tasks = [task(1, text=wordy, lead=wordy, support=(wordy,), meeting_title=wordy, latest_note=wordy)]
    short = [task(1, text="Rà soát", lead="Văn phòng", support=("Công an",))]
    wide = column_widths(read(build_workbook(COMMITTEE, NOVEMBER, tasks, TODAY))["Nhiệm vụ"])
    narrow = column_widths(read(build_workbook(COMMITTEE, NOVEMBER, short, TODAY))["Nhiệm vụ"])
    assert wide["Nội dung"] > narrow["Nội dung"]  # widths follow the content ...
    # ... up to a budget that prints one page wide on A4 landscape at ~78 % (see the module).
    assert sum(wide.values()) <= 185


def test_summary_counts_per_unit_and_in_total(workbook: Workbook) -> None:
    ws = workbook["Tổng hợp"]
    header = [c.value for c in ws[3]]
    assert header == [
        "Đơn vị chủ trì",
        "Tổng số",
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Đang thực hiện trong hạn",
        "Đang thực hiện quá hạn",
        "Tỷ lệ đúng hạn",
        "Đã huỷ",
    ]
    body = {row[0]: row[1:] for row in ws.iter_rows(min_row=4, values_only=True) if row[0]}
    assert body["Văn phòng"] == (4, 1, 1, 1, 1, pytest.approx(1 / 3), 1)
    assert body["Tổng cộng"] == (4, 1, 1, 1, 1, pytest.approx(1 / 3), 1)
    rate_cell = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "Tổng cộng")[6]
    assert rate_cell.number_format == "0.0%"


def test_summary_has_a_line_per_lead_unit() -> None:
    tasks = [
        task(1, lead="Công an phường", status=TaskStatus.DONE, done_on=date(2026, 11, 3)),
        task(2, lead="Công an phường", due_original=date(2026, 11, 10)),
        task(3, lead="Phòng Giáo dục và Đào tạo"),
        task(4, lead="Phòng Giáo dục và Đào tạo"),
    ]
    ws = read(build_workbook(COMMITTEE, NOVEMBER, tasks, TODAY))["Tổng hợp"]
    body = {row[0]: row[1:] for row in ws.iter_rows(min_row=4, values_only=True) if row[0]}
    assert body["Công an phường"] == (2, 1, 0, 0, 1, 0.5, 0)
    assert body["Phòng Giáo dục và Đào tạo"] == (2, 0, 0, 2, 0, "—", 0)  # nothing judged yet
    assert body["Tổng cộng"] == (4, 1, 0, 2, 1, 0.5, 0)


def test_an_empty_period_gives_headers_and_a_no_tasks_line() -> None:
    book = read(build_workbook(COMMITTEE, quarter_period(2030, 1), [], TODAY))
    ws = book["Nhiệm vụ"]
    assert [c.value for c in ws[3]] == HEADERS
    assert ws["A4"].value == "Không có nhiệm vụ nào trong kỳ: Quý I/2030."
    assert ws.max_row == 4
    summary = {row[0]: row[1:] for row in book["Tổng hợp"].iter_rows(min_row=4, values_only=True) if row[0]}
    assert summary["Tổng cộng"] == (0, 0, 0, 0, 0, "—", 0)
    assert "Không có nhiệm vụ nào trong kỳ: Quý I/2030." in summary


def test_user_text_is_kept_as_text() -> None:
    long_text = "Xây dựng kế hoạch chuyển đổi số. " * 1500  # ~49,500 characters, over Excel's cell limit
    tasks = [
        task(1, text="Rà soát <thủ tục> & báo cáo \"kết quả\" cho 'UBND'"),
        task(2, text='=HYPERLINK("http://x","bấm")', latest_note="+84 912 345 678"),
        task(3, text=long_text),
        task(4, text="Dòng 1\r\nDòng 2\x07\x1b hết"),
        task(5, text="Kiểm tra tiến độ", lead="=1+1"),
    ]
    rows = task_rows(read(build_workbook('Ban <chỉ đạo> & "CĐS"', ALL_TIME, tasks, TODAY))["Nhiệm vụ"])
    assert rows[1][COL["Nội dung"]].value == "Rà soát <thủ tục> & báo cáo \"kết quả\" cho 'UBND'"
    formula_like = rows[2][COL["Nội dung"]]
    assert formula_like.value == '=HYPERLINK("http://x","bấm")' and formula_like.data_type == "s"
    assert rows[2][COL["Tiến độ / ghi chú mới nhất"]].value == "+84 912 345 678"
    long_cell = rows[3][COL["Nội dung"]].value
    assert len(long_cell) == 32_767 and long_cell.endswith("…") and long_cell.startswith("Xây dựng kế hoạch")
    assert rows[4][COL["Nội dung"]].value == "Dòng 1\nDòng 2 hết"  # control characters dropped
    assert rows[5][COL["Đơn vị/người chủ trì"]].data_type == "s"


def test_hundreds_of_tasks_stay_small() -> None:
    units = ["Văn phòng", "Công an phường", "Ban biên tập", "Phòng Văn hoá - Thông tin", "Đoàn Thanh niên"]
    tasks = [
        task(
            n,
            text=f"Triển khai nhiệm vụ chuyển đổi số số {n}: rà soát, cập nhật dữ liệu dân cư, báo cáo",
            lead=units[n % len(units)],
            support=(units[(n + 1) % len(units)],),
            latest_note="Đang thực hiện, dự kiến hoàn thành đúng hạn",
            status=TaskStatus.DONE if n % 3 == 0 else TaskStatus.OPEN,
            done_on=date(2026, 11, 10) if n % 3 == 0 else None,
            due_original=date(2026, 11, 1 + n % 28),
        )
        for n in range(1, 301)
    ]
    data = build_workbook(COMMITTEE, NOVEMBER, tasks, TODAY)
    assert len(data) < 100_000  # Telegram takes 50 MB; 300 tasks must be tens of kilobytes
    book = read(data)
    assert len(task_rows(book["Nhiệm vụ"])) == 300
    assert book["Nhiệm vụ"].auto_filter.ref == "A3:N303"


@pytest.mark.parametrize(
    ("committee", "period", "expected"),
    [
        (
            "Ban chỉ đạo CĐS phường Đông Hoà",
            NOVEMBER,
            "nhiem-vu_ban-chi-dao-cds-phuong-dong-hoa_thang-11-2026.xlsx",
        ),
        (
            "BCĐ Cải cách hành chính",
            quarter_period(2026, 4),
            "nhiem-vu_bcd-cai-cach-hanh-chinh_quy-iv-2026.xlsx",
        ),
        ("🚀 !!!", ALL_TIME, "nhiem-vu_ban-chi-dao_tat-ca.xlsx"),
    ],
)
def test_file_name_is_ascii_and_names_committee_and_period(committee: str, period, expected: str) -> None:
    name = workbook_filename(committee, period)
    assert name == expected
    assert name.isascii()


def test_long_committee_names_give_a_bounded_file_name() -> None:
    name = workbook_filename("Ban chỉ đạo " + "rất dài " * 40, NOVEMBER)
    assert len(name) < 100 and name.endswith("_thang-11-2026.xlsx") and "--" not in name
