"""How long `/xuat` takes for a large committee: the .xlsx against plain CSV of the same rows.

Run from the project root:  PYTHONPATH=$PWD python bench/export_bench.py [--tasks 10000] [--repeat 3]

The baseline is measured in the same run on the same machine: the same 14 columns per task
computed by the same column functions, written with the csv module (UTF-8 with BOM, as Excel
wants). The ratio says what the formatting, styles and zip of a real workbook cost over the
cheapest possible export; the absolute time says how long the worker thread is busy. The best of
`--repeat` runs is reported, to keep other load on the machine out of the numbers.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from domain.periods import ALL_TIME
from domain.report_xlsx import TASK_COLUMNS, build_workbook
from domain.types import TaskStatus, TaskView

TODAY = date(2026, 11, 20)
TELEGRAM_LIMIT = 50 * 1024 * 1024
UNITS = (
    "Văn phòng HĐND&UBND phường",
    "Công an phường",
    "Ban biên tập Cổng thông tin điện tử",
    "Phòng Văn hoá - Thông tin",
    "Đoàn Thanh niên",
    "Hội Liên hiệp Phụ nữ",
    "Trạm Y tế",
    "Tổ dân phố số 5",
)
VERBS = ("Rà soát", "Triển khai", "Tổng hợp", "Cập nhật", "Tuyên truyền", "Kiểm tra", "Xây dựng")
OBJECTS = (
    "dữ liệu dân cư trên hệ thống",
    "kế hoạch chuyển đổi số năm 2026",
    "hồ sơ thủ tục hành chính trực tuyến mức độ 4",
    "camera an ninh tại các tuyến phố chính",
    "bài viết về gương người tốt việc tốt lên Cổng TTĐT",
)


def make_tasks(count: int, seed: int = 5) -> list[TaskView]:
    rng = random.Random(seed)
    tasks = []
    for n in range(1, count + 1):
        assigned = TODAY - timedelta(days=rng.randint(0, 365))
        due = assigned + timedelta(days=rng.randint(3, 90))
        status = rng.choices(list(TaskStatus), weights=(5, 4, 1))[0]
        closed = assigned + timedelta(days=rng.randint(0, 100)) if status is not TaskStatus.OPEN else None
        closed = min(closed, TODAY) if closed else None
        extensions = rng.choice((0, 0, 0, 1, 2))
        tasks.append(
            TaskView(
                number=n,
                text=f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}, báo cáo kết quả về Thường trực BCĐ.",
                status=status,
                lead=rng.choice(UNITS),
                support=tuple(rng.sample(UNITS, rng.randint(0, 2))),
                assigned_on=assigned,
                due_original=due,
                due_current=due + timedelta(days=15 * extensions),
                done_on=closed if status is TaskStatus.DONE else None,
                cancelled_on=closed if status is TaskStatus.CANCELLED else None,
                extension_count=extensions,
                latest_note=rng.choice(
                    (None, "Đang triển khai, đạt khoảng 60%", "Đã hoàn thành, gửi báo cáo")
                ),
                meeting_title=f"Giao ban tháng {assigned.month}/{assigned.year}",
            )
        )
    return tasks


def build_csv(tasks: Sequence[TaskView], today: date) -> bytes:
    """The cheapest export of the same rows: same values, dates as dd/mm/yyyy text, no styling."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.header for column in TASK_COLUMNS])
    for ordinal, task in enumerate(sorted(tasks, key=lambda t: t.number), start=1):
        row = [column.value(task, today) for column in TASK_COLUMNS]
        row[0] = ordinal
        writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def best_of(repeat: int, build: Callable[[], bytes]) -> tuple[float, bytes]:
    best, data = float("inf"), b""
    for _ in range(repeat):
        start = time.perf_counter()
        data = build()
        best = min(best, time.perf_counter() - start)
    return best, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    tasks = make_tasks(args.tasks)
    csv_time, csv_data = best_of(args.repeat, lambda: build_csv(tasks, TODAY))
    xlsx_time, xlsx_data = best_of(
        args.repeat, lambda: build_workbook("Ban chỉ đạo Chuyển đổi số phường", ALL_TIME, tasks, TODAY)
    )

    print(f"tasks: {args.tasks:,}  (best of {args.repeat})")
    print(f"csv  (baseline): {csv_time * 1000:8.1f} ms  {len(csv_data) / 1024:8.1f} KiB")
    print(f"xlsx (/xuat)   : {xlsx_time * 1000:8.1f} ms  {len(xlsx_data) / 1024:8.1f} KiB")
    print(f"time ratio xlsx/csv: {xlsx_time / csv_time:.1f}x")
    print(f"size ratio xlsx/csv: {len(xlsx_data) / len(csv_data):.2f}x")
    print(f"xlsx per task: {xlsx_time / args.tasks * 1e6:.0f} µs, {len(xlsx_data) / args.tasks:.0f} bytes")
    print(f"share of Telegram's 50 MB limit: {len(xlsx_data) / TELEGRAM_LIMIT:.2%}")


if __name__ == "__main__":
    main()
