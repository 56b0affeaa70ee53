"""The `/baocao` Word report, read back with python-docx as the office's Word would open it."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from docx.document import Document as DocumentType
from docx.oxml.ns import qn
from docx.shared import Length, Pt

from domain.committee_settings import ReportHeading
from domain.periods import month_period
from domain.report_docx import build_report, date_line, report_filename
from domain.report_stats import count_states, per_unit
from domain.types import TaskStatus, TaskView
from tests.domain.report_tasks import TODAY, one_of_each_state, task

COMMITTEE = "Ban chỉ đạo Chuyển đổi số phường Đông Hoà"
NOVEMBER = month_period(2026, 11)
HEADING = ReportHeading(COMMITTEE, agency="UBND phường Đông Hoà", place="Dĩ An", signer="Nguyễn Thị Lan", code="BCĐ")


def views() -> list[TaskView]:
    tasks = one_of_each_state()
    tasks[3] = TaskView(**{**tasks[3].__dict__, "blocked_note": "chờ kinh phí của quận", "lead": "Công an phường",
                           "lead_unit": "Công an phường"})  # fmt: skip
    tasks.append(task(6, due_original=date(2026, 11, 10), lead="Công an phường", lead_unit="Công an phường"))
    return tasks


@pytest.fixture(scope="module")
def doc() -> DocumentType:
    return Document(io.BytesIO(build_report(HEADING, NOVEMBER, views(), TODAY)))


def all_text(doc: DocumentType) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_page_is_a4_with_the_decrees_margins(doc: DocumentType) -> None:
    section = doc.sections[0]
    # Word stores twentieths of a point: compare in whole millimetres.
    def mm(length: Length | None) -> int:
        assert length is not None
        return round(length.mm)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (20, 20)
    assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)


def test_every_run_is_times_new_roman_13_or_14_in_the_body(doc: DocumentType) -> None:
    runs = [run for p in doc.paragraphs for run in p.runs if run.text.strip()]
    assert runs
    assert {run.font.name for run in runs} == {"Times New Roman"}
    assert {run.font.size for run in runs} <= {Pt(13), Pt(14)}


def test_the_heading_names_agency_committee_number_motto_and_date(doc: DocumentType) -> None:
    heading = doc.tables[0]
    left, right = ([line for line in cell.text.splitlines() if line] for cell in heading.rows[0].cells)
    assert left == ["UBND PHƯỜNG ĐÔNG HOÀ", COMMITTEE.upper(), "Số:        /BC-BCĐ"]
    assert right == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Dĩ An, ngày 20 tháng 11 năm 2026",
    ]
    text = all_text(doc)
    assert "BÁO CÁO\nKết quả thực hiện các kết luận, chỉ đạo của " + COMMITTEE + " tháng 11/2026" in text


def test_the_counts_and_the_unit_table_are_the_summarys(doc: DocumentType) -> None:
    tasks = views()
    totals = count_states(tasks, TODAY)
    text = all_text(doc)
    assert (
        f"theo dõi {totals.total} nhiệm vụ, trong đó: hoàn thành đúng hạn {totals.done_on_time}; hoàn thành quá hạn "
        f"{totals.done_late}; đang thực hiện trong hạn {totals.open_on_time}; quá hạn chưa hoàn thành "
        f"{totals.open_overdue}" in text
    )
    assert "1 nhiệm vụ đã huỷ" in text
    table = doc.tables[1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][1] == "Đơn vị chủ trì"
    expected = [
        [str(i), name, str(c.total), str(c.done_on_time), str(c.done_late), str(c.open_on_time), str(c.open_overdue)]
        for i, (name, c) in enumerate(per_unit(tasks, TODAY), start=1)
        if c.total
    ]
    assert rows[1:-1] == expected
    assert rows[-1][1:] == ["Tổng cộng", *map(str, (totals.total, totals.done_on_time, totals.done_late,
                                                    totals.open_on_time, totals.open_overdue))]  # fmt: skip


def test_overdue_tasks_carry_their_obstacle_or_say_none_was_reported(doc: DocumentType) -> None:
    text = all_text(doc)
    overdue = text.split("III. NHIỆM VỤ QUÁ HẠN")[1].split("IV. NHIỆM VỤ ĐANG THỰC HIỆN TRONG KỲ")[0]
    # The longest overdue first: #6 (10/11) before #4 (16/11).
    assert overdue.index("Nhiệm vụ số 6") < overdue.index("Nhiệm vụ số 4")
    assert "quá hạn 10 ngày" in overdue and "Vướng mắc đơn vị báo cáo: chờ kinh phí của quận." in overdue
    assert "Đơn vị chưa báo cáo nguyên nhân." in overdue  # #6 reported nothing


def sections(text: str) -> tuple[str, str]:
    """(in progress, carried over) of a report made before its period ended."""
    rest = text.split("IV. NHIỆM VỤ ĐANG THỰC HIỆN TRONG KỲ")[1]
    in_progress, carried = rest.split("V. NHIỆM VỤ CHUYỂN SANG KỲ SAU")
    return in_progress, carried


def test_mid_period_a_task_not_yet_due_is_in_progress_not_carried_over() -> None:
    # report11: /baocao on 20/11 listed tasks due 30/11 under «IV. Nhiệm vụ chuyển sang kỳ sau».
    later = task(7, text="Tổng kết năm", due_original=date(2026, 12, 15))
    no_due = task(8, text="Rà soát hồ sơ lưu trữ", due_original=None)
    text = all_text(Document(io.BytesIO(build_report(HEADING, NOVEMBER, [*views(), later, no_due], TODAY))))
    in_progress, carried = sections(text)
    assert "Nhiệm vụ số 3:" in in_progress and "Nhiệm vụ số 8:" in in_progress
    assert all(f"Nhiệm vụ số {n}:" not in in_progress for n in (1, 2, 4, 5, 6, 7))  # overdue ones are in III
    assert "Nhiệm vụ số 7: Tổng kết năm (chủ trì: Văn phòng; hạn 15/12/2026)." in carried
    assert all(f"Nhiệm vụ số {n}:" not in carried for n in (1, 2, 3, 4, 5, 6, 8))


def test_once_the_period_has_ended_every_open_task_is_carried_over() -> None:
    text = all_text(Document(io.BytesIO(build_report(HEADING, NOVEMBER, views(), date(2026, 12, 2)))))
    assert "ĐANG THỰC HIỆN TRONG KỲ" not in text
    carried = text.split("IV. NHIỆM VỤ CHUYỂN SANG KỲ SAU")[1]
    assert all(f"Nhiệm vụ số {n}:" in carried for n in (3, 4, 6))
    assert "Nhiệm vụ số 1:" not in carried and "Nhiệm vụ số 5:" not in carried


def test_recipients_and_signature_block(doc: DocumentType) -> None:
    signature = doc.tables[-1]
    left, right = (cell.text for cell in signature.rows[0].cells)
    assert left.splitlines()[0] == "Nơi nhận:" and "- Lưu: VT." in left
    lines = [line for line in right.splitlines() if line.strip()]
    assert lines == ["TRƯỞNG BAN", "Nguyễn Thị Lan"]


def test_without_settings_the_blanks_are_left_to_fill_in() -> None:
    doc = Document(io.BytesIO(build_report(ReportHeading(COMMITTEE), NOVEMBER, [], TODAY)))
    text = all_text(doc)
    assert "…………, ngày 20 tháng 11 năm 2026" in text
    assert "không có nhiệm vụ nào cần báo cáo" in text and "Không có nhiệm vụ quá hạn." in text


def test_the_date_line_writes_leading_zeros_as_the_decree_does() -> None:
    assert date_line("Long Biên", date(2026, 2, 5)) == "Long Biên, ngày 05 tháng 02 năm 2026"
    assert date_line("Long Biên", date(2026, 3, 9)) == "Long Biên, ngày 09 tháng 3 năm 2026"
    assert date_line("Long Biên", date(2026, 12, 25)) == "Long Biên, ngày 25 tháng 12 năm 2026"


def test_file_name_is_ascii() -> None:
    expected = "bao-cao_ban-chi-dao-chuyen-doi-so-phuong-dong-hoa_thang-11-2026.docx"
    assert report_filename(COMMITTEE, NOVEMBER) == expected


def test_closed_tasks_are_not_carried_over() -> None:
    done = task(1, status=TaskStatus.DONE, done_on=date(2026, 11, 10))
    doc = Document(io.BytesIO(build_report(HEADING, NOVEMBER, [done], date(2026, 12, 1))))
    assert "Không có nhiệm vụ chuyển sang kỳ sau." in all_text(doc)


def test_the_on_time_rate_says_what_it_is_counted_on(doc: DocumentType) -> None:
    # 1 done on time of 4 counted tasks reads as a mistake next to "theo dõi 5 nhiệm vụ" unless the basis is said.
    totals = count_states(views(), TODAY)
    base = totals.done_on_time + totals.done_late + totals.open_overdue
    assert base != totals.total  # the case where a reader would otherwise divide by the total
    assert (
        f"Tỷ lệ hoàn thành đúng hạn: {round(100 * totals.done_on_time / base)}% (trên {base} nhiệm vụ đã hoàn thành "
        "hoặc đã quá hạn; nhiệm vụ còn trong hạn chưa tính)." in all_text(doc)
    )


def test_a_directive_ending_with_a_full_stop_reads_as_one_sentence_in_its_line() -> None:
    overdue = task(7, text="Kiểm soát, đôn đốc các bộ phận khắc phục tồn tại.", due_original=date(2026, 11, 16))
    carried = task(8, text="Hoàn thiện hồ sơ một cửa. ")
    text = all_text(Document(io.BytesIO(build_report(HEADING, NOVEMBER, [overdue, carried], TODAY))))
    assert "khắc phục tồn tại (chủ trì: Văn phòng; hạn 16/11/2026, quá hạn 4 ngày)." in text
    assert "Nhiệm vụ số 8: Hoàn thiện hồ sơ một cửa (chủ trì: Văn phòng; hạn 30/11/2026)." in text
    assert ". (" not in text


def test_the_signature_block_is_never_split_across_two_pages(doc: DocumentType) -> None:
    row = doc.tables[-1].rows[0]._tr
    assert row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None


def test_a_carried_task_without_a_deadline_says_so_in_plain_vietnamese() -> None:
    # qa4 saw «(chủ trì: Văn phòng HĐND&UBND; hạn không có hạn)» in the month's report.
    carried = task(9, text="Rà soát hồ sơ lưu trữ", due_original=None)
    urgent = task(10, text="Khắc phục sự cố cổng thông tin", due_original=None, urgent=True)
    text = all_text(Document(io.BytesIO(build_report(HEADING, NOVEMBER, [carried, urgent], TODAY))))
    assert "Nhiệm vụ số 9: Rà soát hồ sơ lưu trữ (chủ trì: Văn phòng; chưa có hạn)." in text
    assert "Nhiệm vụ số 10: Khắc phục sự cố cổng thông tin (chủ trì: Văn phòng; việc khẩn, chưa có hạn)." in text
    assert "hạn không có hạn" not in text


def test_a_report_of_every_task_has_no_next_period_to_carry_over_to() -> None:
    from domain.periods import ALL_TIME

    text = all_text(Document(io.BytesIO(build_report(HEADING, ALL_TIME, views(), TODAY))))
    assert "CHUYỂN SANG KỲ SAU" not in text
    in_progress = text.split("IV. NHIỆM VỤ ĐANG THỰC HIỆN TRONG KỲ")[1]
    assert "Nhiệm vụ số 3:" in in_progress and "Nhiệm vụ số 4:" not in in_progress  # #4 is overdue: in III
