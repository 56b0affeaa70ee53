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

# ============================================================================ nhacviec parse (issue 3, CLI)
# Plain text for a terminal (no HTML).
PARSE_HELP = "In các nhiệm vụ bot hiểu được từ một câu chỉ đạo hoặc cả kết luận cuộc họp."
PARSE_HELP_DATE = "ngày của chỉ đạo, dạng YYYY-MM-DD (mặc định: hôm nay)"
PARSE_HELP_JSON = "mỗi nhiệm vụ một dòng JSON"
PARSE_HELP_BATCH = 'đọc từ stdin các dòng JSON {"id","text","date"}, mỗi dòng trả một dòng JSON'
PARSE_HELP_TEXT = 'nội dung cần đọc, hoặc "-" (mặc định) để đọc từ stdin'
PARSE_MEETING = "Cuộc họp: {title} — ngày {date}"
PARSE_MEETING_UNTITLED = "Cuộc họp ngày {date}"
PARSE_COUNT = "Tìm thấy {count} nhiệm vụ (hạn tính từ ngày {date}):"
PARSE_NOTHING = "Không tìm thấy nhiệm vụ nào. Mỗi nhiệm vụ nên là một câu hoặc một ý (1., a), -)."
PARSE_ITEM = "{k}. {text}"
PARSE_ROW = "   {label:<9} {value}"
PARSE_LABEL_LEAD = "Chủ trì"
PARSE_LABEL_SUPPORT = "Phối hợp"
PARSE_LABEL_EXECUTOR = "Thực hiện"
PARSE_LABEL_DUE = "Hạn"
PARSE_NOBODY = "(chưa rõ)"
PARSE_DUE = "{day} — {kind} («{phrase}»)"
PARSE_DUE_NO_DAY = "{kind} («{phrase}»)"
PARSE_NO_DUE = "không có hạn"
PARSE_KINDS = {
    "date": "hạn ngày",
    "month": "trong tháng",
    "quarter": "trong quý",
    "half": "trong 6 tháng",
    "year": "trong năm",
    "week": "trong tuần",
    "relative": "theo thời hạn",
    "immediate": "⚡ khẩn, làm ngay",
    "recurring": "🔁 định kỳ",
    "holiday": "trước dịp lễ",
    "none": "không có hạn",
}
PARSE_CADENCES = {
    "daily": "hằng ngày",
    "weekly": "hằng tuần",
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "half_yearly": "6 tháng một lần",
    "yearly": "hằng năm",
}
PARSE_BAD_DATE = "Ngày «{value}» không hợp lệ. Dùng dạng YYYY-MM-DD, ví dụ: --date 2020-12-04"
PARSE_NO_TEXT = 'Chưa có nội dung. Ví dụ: nhacviec parse "Giao Văn phòng rà soát hồ sơ xong trước ngày 15/12"'
PARSE_BAD_LINE = "Dòng {line}: không phải JSON hợp lệ {{\"id\", \"text\", \"date\"}} ({error})"
