"""Every text the bot shows a user, in one place (reviewable by a non-coder).

Messages use Telegram HTML: anything that comes from a user must go through `esc()`.
Each section belongs to one feature; keep texts inside their section.
"""

from __future__ import annotations

import html
from datetime import date

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def fmt_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def fmt_day(d: date) -> str:
    """'Thứ Ba, 15/12/2026'."""
    return f"{WEEKDAYS[d.weekday()]}, {fmt_date(d)}"


def fmt_due(due: date | None, today: date) -> str:
    """'Thứ Ba, 15/12/2026 (còn 22 ngày)' / '(hôm nay)' / '(quá hạn 3 ngày)' / 'không có hạn'."""
    if due is None:
        return "không có hạn"
    days = (due - today).days
    if days > 0:
        rel = f"còn {days} ngày"
    elif days == 0:
        rel = "hạn là hôm nay"
    else:
        rel = f"quá hạn {-days} ngày"
    return f"{fmt_day(due)} ({rel})"


# ============================================================================ general / errors
GENERIC_ERROR = "⚠️ Có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau ít phút."
DB_BUSY = "⚠️ Hệ thống đang bận, chưa lưu gì cả. Vui lòng thử lại sau."
GROUP_ONLY = "Lệnh này dùng trong nhóm của Ban chỉ đạo."
NOT_CHAIR_OR_SECRETARY = (
    "⛔ Chỉ Trưởng ban hoặc thư ký mới được {action}.\n"
    "Nếu anh/chị cần quyền này, đề nghị Trưởng ban dùng lệnh /vaitro @tên thuky."
)
NOT_CHAIR = "⛔ Chỉ Trưởng ban mới được {action}."
UNKNOWN_COMMAND = "Không có lệnh này. Gõ /huongdan để xem các lệnh."

# ============================================================================ core loop (issue 2)

# ============================================================================ units and roles

# ============================================================================ import /nhap (issue 3)

# ============================================================================ reminders (issue 4)

# ============================================================================ summary (issue 4)

# ============================================================================ reports (issue 5)

# ============================================================================ sandbox (issue 7)
