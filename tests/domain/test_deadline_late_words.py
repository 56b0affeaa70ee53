"""«trễ hạn», «quá hạn», «hết hạn» + a period describe what is late or expiring, not by when the task is
due (found by qa9 in the sandbox: «hồ sơ trễ hạn năm 2026, báo cáo … trước ngày 18/12/2026» was due
31/12/2026). No dev sentence has the form; these are written examples of the class."""

from __future__ import annotations

from datetime import date

import pytest

from domain.understand.deadlines import parse_deadline

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("Văn phòng tổng hợp số liệu hồ sơ trễ hạn năm 2026, báo cáo Trưởng ban trước ngày 18/12/2026.",
         "date", date(2026, 12, 18)),
        ("Bộ phận một cửa rà soát các hồ sơ quá hạn tháng 11, báo cáo Chủ tịch trước ngày 10/12/2026.",
         "date", date(2026, 12, 10)),
        ("Công an phường thống kê giấy tờ tùy thân hết hạn tháng 12, gửi Văn phòng trước ngày 15/12/2026.",
         "date", date(2026, 12, 15)),
        ("Văn phòng rà soát hồ sơ trễ hạn quý III, báo cáo trong tháng 12/2026.", "month", date(2026, 12, 31)),
        ("Văn phòng rà soát hồ sơ trễ hạn năm 2026.", "none", None),  # no time allowed is stated
        # "hạn" as the time allowed still is one.
        ("Giao Văn phòng báo cáo kết quả, hạn tháng 12/2026.", "month", date(2026, 12, 31)),
        ("Các tổ dân phố nộp danh sách, thời hạn năm 2026.", "year", date(2026, 12, 31)),
        ("Các xã hoàn thành việc rà soát, hạn chót ngày 20/12/2026.", "date", date(2026, 12, 20)),
    ],
)
def test_what_is_late_is_no_deadline(text: str, kind: str, due: date | None) -> None:
    found = parse_deadline(text, TODAY)
    assert (found.kind.value, found.due) == (kind, due)
