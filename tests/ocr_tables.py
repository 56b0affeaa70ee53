"""(docs14) A task appendix («Danh mục nhiệm vụ») printed as a table and scanned: A4 at 200 dpi, a serif
font with the Vietnamese letters, cells wrapped to their column, ruled or not, turned by a degree or two,
speckled (`tests/ocr_pages`' noise). Deterministic. Used by tests/domain/test_docs14_scanned_tables.py and
bench/ocr_table_bench.py."""

from __future__ import annotations

import random
from datetime import date

from PIL import Image, ImageDraw, ImageFont

from tests.ocr_pages import A4, DPI, MARGIN, _speckle, serif_font

HEADER = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
# Ten tasks as a district's appendix lists them: (task, lead, support, deadline as printed, the day it means).
ROWS: list[tuple[str, str, str, str, date]] = [
    ("Rà soát danh mục dự án đầu tư công trung hạn giai đoạn 2026-2030", "Phòng Tài chính - Kế hoạch",
     "Các xã, thị trấn", "15/12/2026", date(2026, 12, 15)),
    ("Đẩy nhanh tiến độ giải phóng mặt bằng tuyến đường trục trung tâm", "Ban Quản lý dự án huyện",
     "Phòng Tài nguyên và Môi trường", "20/12/2026", date(2026, 12, 20)),
    ("Tổ chức thăm, tặng quà Tết cho hộ nghèo, gia đình chính sách", "Phòng Lao động - Thương binh và Xã hội",
     "Ủy ban Mặt trận Tổ quốc huyện", "10/01/2027", date(2027, 1, 10)),
    ("Kiểm tra an toàn thực phẩm dịp Tết Nguyên đán", "Phòng Y tế", "Công an huyện", "25/01/2027",
     date(2027, 1, 25)),
    ("Hoàn thiện hồ sơ công nhận xã đạt chuẩn nông thôn mới nâng cao", "Phòng Nông nghiệp và Phát triển nông thôn",
     "Ủy ban nhân dân các xã", "30/12/2026", date(2026, 12, 30)),
    ("Rà soát, cập nhật dữ liệu dân cư trên hệ thống", "Công an huyện", "Văn phòng HĐND và UBND huyện",
     "18/12/2026", date(2026, 12, 18)),
    ("Xây dựng kế hoạch chuyển đổi số năm 2027", "Phòng Văn hóa và Thông tin", "Các cơ quan, đơn vị",
     "05/01/2027", date(2027, 1, 5)),
    ("Tổng hợp kết quả thu ngân sách năm 2026", "Chi cục Thuế khu vực", "Phòng Tài chính - Kế hoạch",
     "28/12/2026", date(2026, 12, 28)),
    ("Kiểm tra công tác phòng cháy, chữa cháy tại các chợ", "Công an huyện", "Ban quản lý chợ",
     "22/12/2026", date(2026, 12, 22)),
    ("Báo cáo tình hình thực hiện cải cách hành chính", "Phòng Nội vụ", "Các phòng, ban chuyên môn",
     "31/12/2026", date(2026, 12, 31)),
]
# Column widths in parts of the printable width.
WIDTHS = (0.07, 0.38, 0.21, 0.20, 0.14)
INTRO = ["Phụ lục", "DANH MỤC NHIỆM VỤ", "(Kèm theo Thông báo số 125/TB-UBND ngày 18/11/2026)"]


def render_table(
    rows: list[tuple[str, str, str, str, date]] = ROWS,
    *,
    ruled: bool = True,
    angle: float = 1.2,
    noise: float = 0.002,
    seed: int = 5,
    points: int = 11,
    merged: frozenset[int] = frozenset(),
) -> Image.Image:
    """One A4 page: the appendix's title centred, then the table, every cell's text wrapped to its column.
    `merged`: numbers of the rows whose «chủ trì» cell is the row above's, merged down (its text printed
    once, no rule between the two in that column)."""
    path = serif_font()
    assert path is not None, "no serif font with Vietnamese letters (apt-get install fonts-liberation)"
    font = ImageFont.truetype(path, round(points * DPI / 72))
    line_height = round(font.size * 1.4)
    pad = round(0.05 * DPI)
    w, _ = A4
    inner = w - 2 * MARGIN
    edges = [MARGIN]
    for part in WIDTHS:
        edges.append(edges[-1] + round(part * inner))
    page = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(page)
    y = MARGIN
    for line in INTRO:
        draw.text(((w - font.getlength(line)) / 2, y), line, font=font, fill=20)
        y += line_height
    y += line_height // 2

    def wrap(text: str, width_px: int) -> list[str]:
        out, line = [], ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if line and font.getlength(trial) > width_px:
                out.append(line)
                line = word
            else:
                line = trial
        return [*out, line] if line else out

    table_top = y
    cells_of = [HEADER, *[[str(n), task, lead, support, due] for n, (task, lead, support, due, _) in
                          enumerate(rows, start=1)]]
    for number, cells in enumerate(cells_of):
        if number in merged:
            cells = [*cells[:2], "", *cells[3:]]
        wrapped = [wrap(text, edges[k + 1] - edges[k] - 2 * pad) for k, text in enumerate(cells)]
        height = max(len(lines) for lines in wrapped) * line_height + 2 * pad
        if ruled and number in merged:
            draw.line((edges[0], y, edges[2], y), fill=20, width=3)
            draw.line((edges[3], y, edges[-1], y), fill=20, width=3)
        elif ruled:
            draw.line((edges[0], y, edges[-1], y), fill=20, width=3)
        for k, lines in enumerate(wrapped):
            for n, line in enumerate(lines):
                x = edges[k] + pad
                if k == 0 or cells is HEADER:  # numbers and header words centred in their cell
                    x = edges[k] + (edges[k + 1] - edges[k] - font.getlength(line)) / 2
                draw.text((x, y + pad + n * line_height), line, font=font, fill=20)
        y += height
    if ruled:
        draw.line((edges[0], y, edges[-1], y), fill=20, width=3)
        for x in edges:
            draw.line((x, table_top, x, y), fill=20, width=3)
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return _speckle(page, noise, random.Random(seed))


def photographed(
    rows: list[tuple[str, str, str, str, date]] = ROWS, *, keystone: float = 0.04, shade: float = 0.15
) -> Image.Image:
    """(docs15) The ruled table printed, then photographed by a phone held below the page (`keystone`: how
    much narrower the top is on each side, a part of the width) and sent as Telegram sends a photo."""
    from tests.ocr_pages import phone_shot

    return phone_shot(render_table(rows, ruled=True, angle=0.8, noise=0.002), tilt=keystone, shade=shade)
