"""`nhacviec parse`: what a user sees on the terminal, the JSON shapes, batch mode, the default date."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import parse_cli
from bot.clock import ManualClock
from tests.conftest import no_database

pytestmark = no_database

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
DIRECTIVE = "Giao Văn phòng chủ trì, phối hợp Công an phường rà soát camera an ninh xong trước ngày 15/12"


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """run(*argv, stdin=...) -> (exit code, stdout, stderr)."""

    def call(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = parse_cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_json_one_object_per_directive(run: Run) -> None:
    code, out, _ = run("--date", "2020-12-04", "--json", DIRECTIVE)
    assert code == 0
    (line,) = out.splitlines()
    obj = json.loads(line)
    assert obj["text"] == DIRECTIVE
    assert obj["lead"] == ["Văn phòng"]
    assert obj["support"] == ["Công an phường"]
    assert set(obj["deadline"]) == {"kind", "due", "phrase", "cadence"}
    assert obj["deadline"]["kind"] == "date"
    assert obj["deadline"]["due"] == "2020-12-15"


def test_readable_vietnamese_listing(run: Run) -> None:
    code, out, _ = run("--date", "2020-12-04", DIRECTIVE)
    assert code == 0
    assert out.splitlines() == [
        "Tìm thấy 1 nhiệm vụ (hạn tính từ ngày 04/12/2020):",
        f"1. {DIRECTIVE}",
        "   Chủ trì:  Văn phòng",
        "   Phối hợp: Công an phường",
        "   Hạn:      Thứ Ba, 15/12/2020 — hạn ngày («xong trước ngày 15/12»)",
    ]


def test_words_given_as_separate_arguments_are_one_text(run: Run) -> None:
    _, out, _ = run("--json", "--date", "2020-12-04", *DIRECTIVE.split())
    assert json.loads(out)["lead"] == ["Văn phòng"]


def test_a_whole_conclusion_from_stdin_is_split(run: Run) -> None:
    report = (SEEDS / "001_7f2e9915450f735b.txt").read_text(encoding="utf-8")
    code, out, _ = run("--json", "-", stdin=report)
    assert code == 0
    objects = [json.loads(line) for line in out.splitlines()]
    assert len(objects) == 6
    # resolved against the meeting of 04/12/2020 stated in the report, not today
    (due,) = [o["deadline"]["due"] for o in objects if o["deadline"]["due"]]
    assert due == "2020-12-15"
    assert objects[3]["lead"] == ["02 đồng chí PCT phụ trách 2 khối"]


def test_conclusion_listing_names_the_meeting(run: Run) -> None:
    report = (SEEDS / "004_2aba020f7bcf65ca.txt").read_text(encoding="utf-8")
    _, out, _ = run(stdin=report)
    lines = out.splitlines()
    assert lines[0] == "Cuộc họp: Giao ban Ban chỉ đạo công nghệ thông tin quận — ngày 12/04/2018"
    assert lines[1] == "Tìm thấy 19 nhiệm vụ (hạn tính từ ngày 12/04/2018):"
    assert "   Chủ trì:  (chưa rõ)" in lines
    # The heading "nhiệm vụ trọng tâm trong tháng 4/2018:" dates the points under it.
    assert sum("30/04/2018" in line for line in lines if line.startswith("   Hạn:")) == 18


def test_batch_reads_and_writes_json_lines(run: Run) -> None:
    stdin = "\n".join(
        [
            json.dumps(
                {"id": "a", "text": "Giao Phòng GD&ĐT báo cáo trước ngày 15/12", "date": "2020-12-01"}
            ),
            "",
            json.dumps({"id": 7, "text": "Giao Văn phòng rà soát hồ sơ.\nĐề nghị Công an phường tuần tra."}),
        ]
    )
    code, out, err = run("--batch", "--date", "2024-01-01", stdin=stdin)
    assert (code, err) == (0, "")
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["id"] == "a"
    assert [d["lead"] for d in first["directives"]] == [["Phòng GD&ĐT"]]
    assert first["directives"][0]["deadline"]["due"] == "2020-12-15"  # the record's own date
    assert second["id"] == 7
    assert [d["lead"] for d in second["directives"]] == [["Văn phòng"], ["Công an phường"]]


def test_batch_reports_a_bad_line_and_goes_on(run: Run) -> None:
    stdin = 'không phải json\n{"id": "b", "text": "Đề nghị Đoàn TN ra quân."}\n{"id": "c"}\n'
    code, out, err = run("--batch", "--date", "2024-01-01", stdin=stdin)
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["b"]
    assert err.splitlines()[0].startswith("Dòng 1: không phải JSON hợp lệ")
    assert err.splitlines()[1].startswith("Dòng 3: không phải JSON hợp lệ")


def test_bad_date_is_refused_with_an_example(run: Run) -> None:
    code, out, err = run("--date", "2020-02-31", DIRECTIVE)
    assert (code, out) == (2, "")
    assert err.strip() == "Ngày «2020-02-31» không hợp lệ. Dùng dạng YYYY-MM-DD, ví dụ: --date 2020-12-04"


def test_empty_text_is_refused(run: Run) -> None:
    code, _, err = run("-", stdin="  \n")
    assert code == 2
    assert err.startswith("Chưa có nội dung.")


def test_default_date_is_today_in_viet_nam(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    # 18:00 UTC on 31/12/2020 is already 01:00 on 1/1/2021 in Hà Nội: "31/12" is then a year away.
    monkeypatch.setattr(parse_cli, "CLOCK", ManualClock(datetime(2020, 12, 31, 18, 0, tzinfo=UTC)))
    _, out, _ = run("--json", "Giao Văn phòng báo cáo trước ngày 31/12")
    assert json.loads(out)["deadline"]["due"] == "2021-12-31"
