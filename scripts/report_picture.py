"""Remakes docs/baocao.png: the first page of a sample `/baocao` report, as Word would print it.

    .venv/bin/python scripts/report_picture.py

Needs LibreOffice (`soffice`) and poppler's `pdftoppm` (Debian: libreoffice-writer-nogui,
poppler-utils, fonts-liberation for a Times New Roman–metric font); the tests do not.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.committee_settings import ReportHeading  # noqa: E402
from domain.periods import month_period  # noqa: E402
from domain.report_docx import build_report  # noqa: E402
from domain.types import TaskStatus, TaskView  # noqa: E402


def sample() -> list[TaskView]:
    def task(number: int, text: str, lead: str, due: date, **more: object) -> TaskView:
        return TaskView(number=number, text=text, status=more.pop("status", TaskStatus.OPEN), lead=lead,  # type: ignore[arg-type]
                        support=(), assigned_on=date(2026, 11, 2), due_original=due, due_current=due,
                        lead_unit=lead, **more)  # type: ignore[arg-type]  # fmt: skip

    return [
        task(1, "Rà soát, cập nhật hồ sơ thủ tục hành chính lên Cổng dịch vụ công", "Văn phòng HĐND&UBND",
             date(2026, 11, 20), status=TaskStatus.DONE, done_on=date(2026, 11, 18)),
        task(2, "Lắp đặt camera an ninh tại các tổ dân phố 3, 5, 7", "Công an phường", date(2026, 11, 25),
             blocked_note="chờ quận cấp kinh phí lắp đặt"),
        task(3, "Tuyên truyền cài đặt ứng dụng VNeID cho người dân", "Đoàn Thanh niên", date(2026, 11, 30),
             status=TaskStatus.DONE, done_on=date(2026, 12, 2)),
        task(4, "Báo cáo số liệu dân cư phục vụ Đề án 06", "Công an phường", date(2026, 12, 15)),
        task(5, "Tổng hợp kết quả chuyển đổi số quý IV", "Văn phòng HĐND&UBND", date(2026, 12, 28)),
    ]  # fmt: skip


def main() -> int:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("cần LibreOffice (soffice) và pdftoppm: apt-get install libreoffice-writer-nogui poppler-utils")
        return 2
    heading = ReportHeading("Ban chỉ đạo Chuyển đổi số phường Sài Đồng", agency="UBND phường Sài Đồng",
                            place="Long Biên", signer="Nguyễn Thị Lan", code="BCĐ")  # fmt: skip
    data = build_report(heading, month_period(2026, 11), sample(), date(2026, 12, 4))
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "bao-cao.docx"
        docx.write_bytes(data)
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)], check=True,
                       capture_output=True)  # fmt: skip
        pdf = str(docx.with_suffix(".pdf"))
        page = ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([pdftoppm, *page, pdf, str(ROOT / "docs" / "baocao")], check=True)
    print(ROOT / "docs" / "baocao.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
