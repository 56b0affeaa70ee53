"""People given tasks directly (counted under no unit) are listed apart from the units in what the chair
hands on — the workbook (/xuat), the signed report (/baocao), the chart (/tonghop bieudo) and the
board — with the same four counts as the units, as the Monday summary lists them (the e2e clock starts
on Monday 23/11/2026)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

import handlers.reports
from domain.chart import chart_size_px, completion_figure, render_png
from emulator import Chat, User
from tests.e2e.conftest import Env
from tests.e2e.peoplekit import people_and_a_unit
from tests.e2e.test_board import Client, committee_id, env

__all__ = ["env"]  # the fixture (with the board), used by name

PEOPLE = "Giao trực tiếp cho cá nhân"
# name: (total, done on time, done late, in progress on time, overdue) on 26/11/2026
UNITS = {"Công an phường": (2, 1, 0, 1, 0)}
PERSONS = {"@binh_pham": (1, 0, 0, 0, 1), "Hoa Trần": (1, 0, 1, 0, 0)}


async def committee_with_people(env: Env) -> tuple[User, Chat]:
    committee = await people_and_a_unit(env, binh_due="25/11", hoa_due="24/11")
    env.advance(days=3)  # Thursday 26/11: #3 (Bình) overdue; Hoa closes #4 two days late
    await env.say(committee.hoa, committee.group, "/xong 4")
    return committee.chair, committee.group


def counts(row: list[Any]) -> tuple[int, ...]:
    return tuple(int(v) for v in row)


async def test_the_workbook_the_report_the_chart_and_the_board_list_people_apart(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    chair, group = await committee_with_people(env)

    # /xuat: sheet «Tổng hợp» — the units' table, then the people's under a header of their own, then the total.
    sent = await env.say(chair, group, "/xuat")
    assert sent.document is not None
    ws = load_workbook(io.BytesIO(sent.document.data))["Tổng hợp"]
    rows = [list(row) for row in ws.iter_rows(min_row=3, values_only=True)]
    header, people_at = rows[0], next(i for i, r in enumerate(rows) if r[0] == "Cá nhân được giao trực tiếp")
    assert header[:6] == ["Đơn vị chủ trì", "Tổng số", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
                          "Đang thực hiện trong hạn", "Đang thực hiện quá hạn"]  # fmt: skip
    assert rows[people_at][1:] == header[1:]
    assert {r[0]: counts(r[1:6]) for r in rows[1:people_at]} == UNITS
    total_at = next(i for i, r in enumerate(rows) if r[0] == "Tổng cộng")
    assert {r[0]: counts(r[1:6]) for r in rows[people_at + 1 : total_at]} == PERSONS
    assert counts(rows[total_at][1:6]) == (4, 1, 1, 1, 1)

    # /baocao: section II names both; the table lists units, then people under their own header row.
    prompt = await env.say(chair, group, "/baocao")
    env.world.send_text(chair, group, "bỏ qua", reply_to=prompt)
    report = await env.world.wait_for(lambda m: m.document is not None, chat=group)
    await env.idle()
    assert report.document is not None
    doc = Document(io.BytesIO(report.document.data))
    assert "II. KẾT QUẢ THEO ĐƠN VỊ, CÁ NHÂN CHỦ TRÌ" in [p.text for p in doc.paragraphs]
    table = [[cell.text for cell in row.cells] for row in doc.tables[1].rows]
    assert table[0][1] == "Đơn vị chủ trì" and table[2][1] == "Cá nhân được giao trực tiếp"
    assert {r[1]: counts(r[2:]) for r in table[1:2]} == UNITS
    assert {r[1]: counts(r[2:]) for r in table[3:5]} == PERSONS
    assert [r[0] for r in table[3:5]] == ["1", "2"]
    assert table[5][1] == "Tổng cộng" and counts(table[5][2:]) == (4, 1, 1, 1, 1)
    overdue = "\n".join(p.text for p in doc.paragraphs).split("III.")[1].split("IV.")[0]
    assert "(chủ trì: @binh_pham;" in overdue and "Người thực hiện chưa báo cáo nguyên nhân." in overdue
    assert "Đơn vị chưa báo cáo" not in overdue

    # /tonghop bieudo: the bars drawn — units, then the people below their heading.
    drawn: list[tuple[list[str], dict[float, float]]] = []

    def chart(units: Any, title: str, people: Any = ()) -> bytes:
        fig = completion_figure(units, title, people)
        ax = fig.axes[0]
        totals: dict[float, float] = {}
        for bar in ax.patches:
            # The bar's row (a bar sits a little under its row's position, its name above it).
            y = round(bar.get_y() + bar.get_height() / 2)  # type: ignore[attr-defined]
            totals[y] = totals.get(y, 0) + bar.get_width()  # type: ignore[attr-defined]
        drawn.append(([t.get_text() for t in ax.get_yticklabels()], totals))
        return render_png(fig)

    monkeypatch.setattr(handlers.reports, "completion_chart", chart)
    picture = await env.say(chair, group, "/tonghop bieudo")
    assert picture.photo is not None
    [(labels, totals)] = drawn
    assert labels == ["Công an phường", PEOPLE, "@binh_pham", "Hoa Trần"]
    assert picture.plain.startswith("📊 Kết quả thực hiện theo đơn vị, cá nhân — Tháng 11/2026: 2/4 hoàn thành")
    assert totals == {0: 2, 2: 1, 3: 1}  # no bar on the heading's row
    assert (picture.photo.width, picture.photo.height) == chart_size_px(4)

    # The board: units and people counted apart; the people's tasks say so.
    cid = await committee_id(env, group)
    status, board = await Client(env, chair).call(f"c/{cid}")
    assert status == 200
    month = {u["name"]: u["month"] for u in board["units"]}
    people = {p["name"]: p["month"] for p in board["people"]}
    assert set(month) == set(UNITS) and set(people) == set(PERSONS)

    def four(c: dict[str, int]) -> tuple[int, ...]:
        return c["total"], c["done_on_time"], c["done_late"], c["open_on_time"], c["open_overdue"]

    assert {n: four(c) for n, c in month.items()} == UNITS and {n: four(c) for n, c in people.items()} == PERSONS
    assert {t["number"]: t["person_lead"] for t in board["tasks"]} == {1: False, 2: False, 3: True, 4: True}
