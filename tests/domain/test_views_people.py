"""People given tasks directly (counted under no unit) apart from the units: the split, the chart's room,
and a committee without such people keeping its workbook and report as they were."""

from __future__ import annotations

import io

from docx import Document
from openpyxl import load_workbook

from domain.chart import MAX_ROWS, OTHER_PEOPLE, chart_groups, chart_size_px, completion_figure
from domain.committee_settings import ReportHeading
from domain.periods import ALL_TIME, month_period
from domain.report_docx import SECTION_UNITS, SECTION_UNITS_AND_PEOPLE, build_report
from domain.report_stats import StateCounts, per_unit_and_person
from domain.report_xlsx import PEOPLE_HEADER, build_workbook
from tests.domain.report_tasks import TODAY, one_of_each_state, task


def test_the_split_puts_people_apart_and_keeps_unnamed_leads_with_the_units() -> None:
    views = [
        task(1, lead="Công an phường", lead_unit="Công an phường"),
        task(2, lead="@tuan_vp", lead_is_person=True),
        task(3, lead="Mai Trần", lead_is_person=True),
        task(4, lead=None),
    ]
    units, people = per_unit_and_person(views, TODAY)
    assert [name for name, _ in units] == ["Công an phường", "Chưa rõ đơn vị chủ trì"]
    assert [name for name, _ in people] == ["@tuan_vp", "Mai Trần"]


def one(n: int) -> StateCounts:
    return StateCounts(open_on_time=n)


def test_the_chart_gives_the_units_most_of_the_room_when_both_are_many() -> None:
    units = [(f"Tổ dân phố {i}", one(1)) for i in range(30)]
    people = [(f"Người {i}", one(1)) for i in range(30)]
    u, p = chart_groups(units, people)
    assert len(u) + len(p) == MAX_ROWS and len(p) == MAX_ROWS // 4
    assert p[-1][0] == OTHER_PEOPLE.format(count=30 - (MAX_ROWS // 4 - 1))
    few_units, many_people = chart_groups(units[:5], people)
    assert len(few_units) == 5 and len(many_people) == MAX_ROWS - 5
    assert chart_groups(units[:3], people[:2]) == (units[:3], people[:2])


def test_the_chart_heading_has_a_row_of_its_own_and_no_bar() -> None:
    fig = completion_figure([("Văn phòng", one(2))], "T", [("@tuan_vp", one(1))])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Văn phòng", "Giao trực tiếp cho cá nhân", "@tuan_vp"]
    assert sorted({round(b.get_y() + b.get_height() / 2) for b in ax.patches}) == [0, 2]  # type: ignore[attr-defined]
    assert fig.get_size_inches()[1] * fig.dpi == chart_size_px(3)[1]


def test_without_people_the_workbook_and_the_report_are_as_before() -> None:
    views = one_of_each_state()
    ws = load_workbook(io.BytesIO(build_workbook("BCĐ", ALL_TIME, views, TODAY)))["Tổng hợp"]
    assert PEOPLE_HEADER not in [row[0] for row in ws.iter_rows(values_only=True)]
    heading = ReportHeading("BCĐ", agency="UBND", place="Dĩ An", signer="Lan", code="BCĐ")
    doc = Document(io.BytesIO(build_report(heading, month_period(2026, 11), views, TODAY)))
    texts = [p.text for p in doc.paragraphs]
    assert SECTION_UNITS in texts and SECTION_UNITS_AND_PEOPLE not in texts
