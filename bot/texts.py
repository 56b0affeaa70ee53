"""Every text the bot shows a user, in one place (reviewable by a non-coder).

Messages use Telegram HTML: anything that comes from a user must go through `esc()`.
Each section belongs to one feature; keep texts inside their section.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date

from domain.board import LowerLine, lower_total
from domain.reminders import ReminderItem
from domain.summary import PeriodCounts, Summary

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
NO_TOKEN = """\
Chưa có BOT_TOKEN — bot chưa thể kết nối Telegram.

Cách lấy token (2 phút):
  1. Trên Telegram, mở @BotFather, gửi /newbot, đặt tên cho bot.
  2. BotFather trả về một token dạng 123456789:AA...; chép nó.
  3. Ghi vào file .env ở thư mục này:  BOT_TOKEN=123456789:AA...
     (hoặc đặt biến môi trường BOT_TOKEN), rồi chạy lại lệnh này.
  4. Thêm bot vào nhóm của Ban chỉ đạo; quản trị viên nhóm là Trưởng ban.

Chưa có token vẫn dùng thử được ngay trong trình duyệt, không cần Telegram:
  bash scripts/start.sh sandbox      (hoặc: nhacviec sandbox)

No BOT_TOKEN: get one from @BotFather (/newbot) and put BOT_TOKEN=... in .env.
To try the bot without Telegram: bash scripts/start.sh sandbox
"""
SECOND_INSTANCE_REFUSED = (
    "Đã có một phiên bản bot đang chạy với cùng cơ sở dữ liệu SQLite này ({lock}).\n"
    "SQLite chỉ cho phép một phiên bản (để không gửi nhắc việc hai lần). "
    "Muốn chạy nhiều phiên bản, hãy dùng PostgreSQL và chế độ webhook (xem README)."
)

# ============================================================================ core loop (issue 2)
HELP = (
    "<b>Nhắc việc</b> — theo dõi kết luận, chỉ đạo của Ban chỉ đạo: <i>rõ người, rõ việc, rõ tiến độ</i>.\n"
    "Bot ghi nhiệm vụ, nhắc người thực hiện trước và sau hạn, và gửi tổng hợp sáng thứ Hai.\n\n"
    "<b>Giao việc</b> (Trưởng ban, thư ký)\n"
    "/giao &lt;ai&gt; &lt;việc&gt; [hạn] — ghi một nhiệm vụ\n"
    "/nhap — dán cả kết luận cuộc họp để tách thành nhiệm vụ\n"
    "/sua &lt;số&gt; … — sửa nội dung, người thực hiện, hạn\n"
    "/huy &lt;số&gt; [lý do] — huỷ nhiệm vụ (Trưởng ban)\n\n"
    "<b>Theo dõi</b>\n"
    "/viec — việc của tôi · /ds [quahan|tuannay|đơn vị] — việc của Ban\n"
    "/xem &lt;số&gt; — chi tiết, lịch sử · /tonghop — tổng hợp · /xuat — file Excel\n"
    "/hop — cuộc họp · /hop chuanbi — chương trình giao ban tới\n\n"
    "<b>Báo cáo</b> (người thực hiện)\n"
    "/xong &lt;số&gt; [ghi chú] · /tiendo &lt;số&gt; &lt;nội dung&gt; · /giahan &lt;số&gt; &lt;hạn mới&gt; [lý do]\n"
    "/vuongmac &lt;số&gt; &lt;nội dung&gt; — báo vướng mắc cần Trưởng ban cho ý kiến\n\n"
    "<b>Quản lý</b>: /donvi (đơn vị, người liên hệ) · /vaitro (vai trò) · /caidat (giờ nhắc)"
    # Read by someone who has never used a bot: what «<số>» and «[lý do]» mean, and where each command's own help
    # is (qa12: «/giao <ai> <việc> [hạn]» was typed as it stood, angle brackets and all).
    "\n\n<i>Cách đọc:</i> phần trong &lt; &gt; là chỗ anh/chị điền (không gõ dấu &lt; &gt;), phần trong [ ] có thể "
    "bỏ qua. Xem kỹ một lệnh: <code>/huongdan giao</code>, <code>/huongdan xong</code>…\n\n"
    "<b>Ví dụ</b>\n"
    "<code>/giao Văn phòng chủ trì, phối hợp Công an phường rà soát camera an ninh xong trước ngày 15/12</code>\n"
    # The example's person: a Telegram username has 5 letters at least (qa12: «@lan» copied was refused);
    # /huongdan puts the reader's own @username here (qa12_help), the refusals keep this placeholder.
    "<code>/giao @ten_nguoi cập nhật tin bài lên Cổng TTĐT trong tuần này</code>"
)
START_PRIVATE = (
    "Xin chào {name}! Từ nay bot sẽ nhắc việc cho anh/chị qua tin nhắn riêng này.\n"
    "Gõ /viec để xem các việc của anh/chị ở mọi Ban chỉ đạo.\n\n"
)
GIAO_USAGE = (
    "Cách dùng: <code>/giao &lt;ai&gt; &lt;việc&gt; [hạn]</code>\n"
    "Ví dụ: <code>/giao Văn phòng chủ trì, phối hợp @ten_nguoi rà soát hồ sơ một cửa xong trước ngày 15/12</code>\n"
    "Người thực hiện: @tên, tên đơn vị đã khai báo (/donvi), hoặc trả lời (reply) tin nhắn của người đó."
)
TOO_LONG = "Nội dung quá dài ({length} ký tự, tối đa {limit}). Hãy tách thành nhiều nhiệm vụ."
INVALID_DATE = "Ngày «{phrase}» không tồn tại. Hãy kiểm tra lại, ví dụ: <code>xong trước ngày 15/12</code>."
PAST_DEADLINE = (
    "Hạn {due} đã qua (hôm nay là {today}). Hãy ghi hạn từ hôm nay trở đi, "
    "ví dụ: <code>xong trước ngày {example}</code>."
)
NO_ASSIGNEE = (
    "Chưa rõ ai thực hiện. Hãy ghi @tên người, tên đơn vị (xem /donvi), "
    "hoặc trả lời (reply) tin nhắn của người được giao.\n"
    "Ví dụ: <code>/giao @ten_nguoi cập nhật tin bài trong tuần này</code>"
)
TASK_LOGGED = "✅ Đã ghi nhiệm vụ <b>#{number}</b>"
URGENT_NO_DATE = "⚡ Việc khẩn — chưa có ngày cụ thể. Trưởng ban chọn hạn bên dưới."
ASK_DEADLINE = "Chưa thấy hạn hoàn thành. Chọn hạn bên dưới, hoặc bấm «Không hạn»."
UNKNOWN_ASSIGNEE = "⚠️ «{label}» chưa có trong danh sách đơn vị. Bấm để thêm, hoặc khai báo: /donvi them {label}"
UNKNOWN_PERSON = (
    "⚠️ Bot chưa gặp {label} trong nhóm: người này cần nhắn /start cho bot hoặc gửi một tin trong nhóm "
    "để nhận nhắc việc riêng."
)
BTN_UNDO = "↩️ Hoàn tác"
BTN_FIX_DUE = "📅 Sửa hạn"
BTN_DUE_3D = "3 ngày"
BTN_DUE_1W = "1 tuần"
BTN_DUE_EOM = "Cuối tháng"
BTN_DUE_NONE = "Không hạn"
BTN_DUE_OTHER = "Ngày khác…"
BTN_ADD_UNIT = "➕ Thêm «{label}»"
UNDONE = "↩️ Đã hoàn tác: nhiệm vụ #{number} được huỷ (ghi sai)."
UNIT_ADDED_FROM_TASK = "➕ Đã thêm đơn vị «{name}» và gắn vào nhiệm vụ #{number}."
DUE_SET = "📅 Hạn của #{number}: {due}"
ASK_OTHER_DUE = "Trả lời (reply) tin nhắn này bằng hạn mới cho #{number}, ví dụ: <code>20/12</code> hoặc <code>cuối tháng</code>."
DUE_NOT_UNDERSTOOD = "Chưa hiểu hạn «{text}». Ví dụ: <code>20/12</code>, <code>20/12/2026</code>, <code>cuối tháng</code>, <code>trong quý I</code>."
TASK_NOT_FOUND = "Không có nhiệm vụ #{number} trong Ban này. Gõ /ds để xem danh sách."
NEED_TASK_NUMBER = "Thiếu số nhiệm vụ. Ví dụ: <code>{example}</code>"
TASK_CLOSED = "Nhiệm vụ #{number} đã {state}, không thay đổi được nữa."
NOT_YOUR_TASK = "⛔ Anh/chị không phải người thực hiện nhiệm vụ #{number}. Chỉ người được giao hoặc Trưởng ban mới {action}."
BUTTON_STALE = "Nút này không còn dùng được."

LABEL_LEAD = "Chủ trì"
LABEL_SUPPORT = "Phối hợp"
LABEL_EXECUTOR = "Thực hiện"
LABEL_DUE = "Hạn"
LABEL_DUE_ORIGINAL = "Hạn ban đầu"
LABEL_STATUS = "Trạng thái"
LABEL_HISTORY = "Lịch sử"
LABEL_NO_DUE = "không có hạn"
LABEL_URGENT = "⚡ khẩn"
LABEL_RECURRING = "🔁 định kỳ ({cadence})"
CADENCE_NAMES = {
    "daily": "hằng ngày",
    "weekly": "hằng tuần",
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "half_yearly": "6 tháng",
    "yearly": "hằng năm",
}
STATUS_OPEN = "đang thực hiện"
STATUS_OPEN_OVERDUE = "đang thực hiện, quá hạn"
STATUS_DONE_ON_TIME = "hoàn thành đúng hạn"
STATUS_DONE_LATE = "hoàn thành quá hạn"
STATUS_CANCELLED = "đã huỷ"
EVENT_NAMES = {
    "created": "giao việc",
    "edited": "sửa nội dung",
    "assignees_changed": "đổi người thực hiện",
    "deadline_changed": "đổi hạn",
    "progress": "báo cáo tiến độ",
    "done": "báo hoàn thành",
    "cancelled": "huỷ",
    "undone": "hoàn tác",
    "extension_requested": "xin gia hạn",
    "extension_approved": "đồng ý gia hạn",
    "extension_rejected": "từ chối gia hạn",
    "blocked": "báo vướng mắc",
    "reopened": "mở lại",
}

LIST_EMPTY = "Không có nhiệm vụ nào {what}."
LIST_HEADER = "<b>{title}</b> — {count} nhiệm vụ"
LIST_MORE = "… và {more} nhiệm vụ nữa. Dùng /ds quahan, /ds tuannay hoặc /ds &lt;đơn vị&gt; để lọc."
MY_TASKS_HEADER = "<b>Việc của {name}</b> — {count} việc đang mở"
MY_TASKS_EMPTY = "Anh/chị không có việc nào đang mở. 👍"
LIST_FILTER_OVERDUE = "quá hạn"
LIST_FILTER_UNIT = "của {unit}"
LIST_ALL_OPEN = "đang mở"
UNKNOWN_UNIT_FILTER = "Không có đơn vị «{name}». Gõ /donvi để xem danh sách đơn vị."

DONE_OK = "✅ #{number} đã hoàn thành — {verdict}."
NEXT_OCCURRENCE = "🔁 Việc định kỳ: đã tạo kỳ tiếp theo <b>#{number}</b>, hạn {due}."
DONE_ON_TIME = "đúng hạn"
DONE_LATE = "trễ {days} ngày so với hạn ban đầu"
DONE_NO_DUE = "không có hạn"
PROGRESS_USAGE = "Cách dùng: <code>/tiendo &lt;số&gt; &lt;nội dung&gt;</code>\nVí dụ: <code>/tiendo 5 đã xong 3/5 tổ dân phố</code>"
PROGRESS_OK = "📝 Đã ghi tiến độ #{number}: {note}"
CANCEL_OK = "🗑 Đã huỷ nhiệm vụ #{number}{reason}."
EDIT_USAGE = (
    "Cách dùng:\n"
    "<code>/sua &lt;số&gt; han &lt;hạn mới&gt;</code> — đổi hạn\n"
    "<code>/sua &lt;số&gt; giao &lt;ai&gt;</code> — đổi người/đơn vị thực hiện\n"
    "<code>/sua &lt;số&gt; noidung &lt;nội dung mới&gt;</code> — sửa nội dung\n"
    "Ví dụ: <code>/sua 5 han 20/12</code>"
)
EDIT_OK = "✏️ Đã sửa #{number}: {what}."
EDIT_WHAT_TEXT = "nội dung"
EDIT_WHAT_ASSIGNEES = "người thực hiện"
EDIT_WHAT_DUE = "hạn → {due}"

EXTEND_USAGE = (
    "Cách dùng: <code>/giahan &lt;số&gt; &lt;hạn mới&gt; [lý do]</code>\n"
    "Ví dụ: <code>/giahan 5 30/12 chờ số liệu của phường</code>"
)
EXTEND_SET = "⏳ Trưởng ban gia hạn #{number} đến {due}."
EXTEND_REQUESTED = "⏳ Đã gửi đề nghị gia hạn #{number} đến {due}. Chờ Trưởng ban duyệt."
EXTEND_ASK_CHAIR = (
    "⏳ {who} xin gia hạn nhiệm vụ <b>#{number}</b> — {text}\n"
    "Hạn hiện tại: {current}\nĐề nghị: <b>{due}</b>\nLý do: {reason}"
)
EXTEND_APPROVED = "✅ Trưởng ban đồng ý gia hạn #{number} đến {due}."
EXTEND_REJECTED = "❌ Trưởng ban không đồng ý gia hạn #{number}. Hạn vẫn là {due}."
EXTEND_ALREADY_DECIDED = "Đề nghị này đã được xử lý."
EXTEND_NOT_LATER = "Hạn mới phải sau hạn hiện tại ({due})."
BTN_APPROVE = "✅ Đồng ý"
BTN_REJECT = "❌ Từ chối"
NO_REASON = "(không ghi)"
ASK_PROGRESS = "📝 Trả lời (reply) tin nhắn này bằng nội dung tiến độ của #{number}."
ASK_EXTENSION = "⏳ Trả lời (reply) tin nhắn này bằng hạn mới và lý do cho #{number}, ví dụ: <code>30/12 chờ số liệu</code>."
ASK_BLOCKED = "🚧 Trả lời (reply) tin nhắn này: #{number} đang vướng mắc gì?"
PROMPT_NOT_YOURS = "Câu hỏi này dành cho người đã bấm nút."

# ============================================================================ units and roles
UNITS_EMPTY = "Ban chưa khai báo đơn vị nào.\nThêm: <code>/donvi them Văn phòng HĐND&amp;UBND = VP, Văn phòng</code>"
UNITS_HEADER = "<b>Đơn vị của Ban</b>"
UNIT_LINE = "• <b>{name}</b>{aliases} — {contacts}"
UNIT_NO_CONTACT = "chưa có người liên hệ"
UNITS_USAGE = (
    "Cách dùng:\n"
    "<code>/donvi</code> — danh sách\n"
    "<code>/donvi them &lt;tên&gt; [= bí danh, …]</code> — thêm đơn vị\n"
    "<code>/donvi gan &lt;tên&gt; @người …</code> — gán người liên hệ\n"
    "<code>/donvi bo &lt;tên&gt;</code> — bỏ đơn vị\n"
    "Ví dụ: <code>/donvi gan Văn phòng @ten_nguoi</code>"
)
UNIT_ADDED = "➕ Đã thêm đơn vị «{name}»{aliases}."
UNIT_REMOVED = "🗑 Đã bỏ đơn vị «{name}»."
UNIT_NOT_FOUND = "Không có đơn vị «{name}». Gõ /donvi để xem danh sách."
UNIT_CONTACTS_ADDED = "👤 Đã gán {people} làm người liên hệ của «{name}»."
UNIT_NEED_PEOPLE = "Hãy nhắc tên người liên hệ: <code>/donvi gan {name} @người</code>"

ROLES_HEADER = "<b>Vai trò trong Ban</b>"
ROLE_CHAIR = "Trưởng ban"
ROLE_SECRETARY = "Thư ký"
ROLES_EMPTY = "Chưa ghi nhận vai trò nào. Quản trị viên nhóm là Trưởng ban."
ROLES_USAGE = (
    "Cách dùng: <code>/vaitro @người thuky</code> — giao quyền thư ký; "
    "<code>/vaitro @người truongban</code>; <code>/vaitro @người bo</code> — bỏ vai trò."
)
ROLE_SET = "👤 {who}: {role}."
ROLE_REMOVED = "👤 Đã bỏ vai trò của {who}."
# Command list registered with Telegram (setMyCommands): command -> description.
COMMAND_DESCRIPTIONS = {
    "giao": "Giao một nhiệm vụ: /giao <ai> <việc> [hạn]",
    "nhap": "Dán kết luận cuộc họp để tách thành nhiệm vụ",
    "viec": "Việc của tôi",
    "ds": "Việc của Ban: /ds [quahan|tuannay|đơn vị]",
    "xem": "Xem một nhiệm vụ: /xem <số>",
    "xong": "Báo hoàn thành: /xong <số> [ghi chú]",
    "tiendo": "Báo cáo tiến độ: /tiendo <số> <nội dung>",
    "giahan": "Xin gia hạn: /giahan <số> <hạn mới> [lý do]",
    "sua": "Sửa nhiệm vụ: /sua <số> han|giao|noidung …",
    "huy": "Huỷ nhiệm vụ: /huy <số> [lý do]",
    "vuongmac": "Báo vướng mắc: /vuongmac <số> <nội dung>",
    "tonghop": "Tổng hợp; /tonghop bieudo — biểu đồ theo đơn vị",
    "xuat": "Xuất file Excel: /xuat [thang 11/2026|quy IV/2026|nam 2026|tatca]",
    "baocao": "Báo cáo Word để trình ký: /baocao [thang 12/2026|quy IV/2026|nam 2026]",
    "hop": "Cuộc họp: /hop, /hop moi <tiêu đề> [ngày], /hop chuanbi",
    "donvi": "Đơn vị và người liên hệ",
    "vaitro": "Vai trò trong Ban",
    "caidat": "Cài đặt giờ nhắc, tổng hợp",
    "bang": "Bảng việc: mọi nhiệm vụ, lọc, biểu đồ, lịch hạn",
    "lienket": "Liên kết Ban cấp trên – cấp dưới",
    "huongdan": "Hướng dẫn sử dụng",
}
BOT_ADDED = (
    "Xin chào {title}! Nhóm này đã trở thành một Ban chỉ đạo trên <b>Nhắc việc</b>.\n"
    "Quản trị viên nhóm là Trưởng ban. Gõ /huongdan để xem cách dùng."
)
ROLE_NEED_PERSON = "Hãy nhắc tên người: <code>/vaitro @người thuky</code>, hoặc trả lời tin nhắn của người đó."

# ============================================================================ import /nhap (issue 3)
IMPORT_USAGE = (
    "Cách dùng: gõ <code>/nhap</code> rồi dán toàn bộ kết luận cuộc họp ngay sau lệnh, "
    "hoặc gửi file .docx / .doc / .rtf / .txt / .pdf (cả bản quét), bảng Excel .xlsx hay ảnh chụp văn bản với chú thích <code>/nhap</code>, "
    "hoặc trả lời (reply) tin nhắn chứa kết luận bằng <code>/nhap</code>."
)
IMPORT_ASK_TEXT = (
    "📋 Trả lời (reply) tin nhắn này bằng toàn bộ nội dung kết luận, hoặc gửi file hay ảnh chụp kèm chú thích "
    "/nhap. Kết luận dài hơn 4.096 ký tự: gửi file, hoặc gõ /nhap trong trò chuyện riêng với bot."
)
IMPORT_FILE_ERROR = "Không đọc được file «{name}»: {reason}"
IMPORT_FILE_TOO_BIG = "File quá lớn ({size} MB). Tối đa {limit} MB."
IMPORT_TEXT_TOO_LONG = "Kết luận quá dài ({length} ký tự, tối đa {limit}). Hãy chia thành nhiều lần nhập."
IMPORT_NOTHING = "Không tìm thấy nhiệm vụ nào trong nội dung này. Mỗi nhiệm vụ nên là một dòng hoặc một ý (1., a), -)."
IMPORT_PREVIEW_HEADER = "📋 <b>Xem trước: {count} nhiệm vụ</b>{meeting}"
IMPORT_PREVIEW_MEETING = "\nCuộc họp: {title} — ngày {date}"
IMPORT_NO_LEAD = "<i>chưa rõ ai</i>"
IMPORT_PREVIEW_FOOTER = "Bấm «Lưu tất cả» để ghi, hoặc bỏ / sửa từng mục."
IMPORT_DROPPED = "đã bỏ mục {items}"
BTN_IMPORT_SAVE = "💾 Lưu tất cả ({count})"
BTN_IMPORT_DROP = "🗑 Bỏ mục…"
BTN_IMPORT_FIX = "✏️ Sửa mục…"
BTN_IMPORT_CANCEL = "✖️ Huỷ"
BTN_BACK = "◀️ Quay lại"
IMPORT_PICK_DROP = "Chọn mục cần bỏ:"
IMPORT_PICK_FIX = "Chọn mục cần sửa:"
IMPORT_ASK_FIX = "✏️ Trả lời (reply) tin nhắn này bằng nội dung đúng của mục {k} (có thể ghi cả người thực hiện và hạn)."
IMPORT_SAVED = "💾 Đã lưu {count} nhiệm vụ (#{first}–#{last}) của cuộc họp «{title}». Gõ /ds để xem."
IMPORT_SAVED_ONE = "💾 Đã lưu nhiệm vụ #{first} của cuộc họp «{title}». Gõ /ds để xem."
IMPORT_CANCELLED = "✖️ Đã huỷ lần nhập này, không lưu gì."
IMPORT_EXPIRED = "Bản xem trước này đã được lưu hoặc huỷ."
IMPORT_DEFAULT_TITLE = "Giao ban ngày {date}"
IMPORT_FIXED = "✏️ Đã sửa mục {k}. Xem bản xem trước mới bên dưới."

# ============================================================================ settings /caidat
SETTINGS_VIEW = (
    "<b>Cài đặt nhắc việc của Ban</b>\n"
    "• Nhắc trước hạn: {offsets} (ngày làm việc; 0 = đúng ngày hạn), lúc {remind_time}\n"
    "• Quá hạn: nhắc mỗi {every} ngày làm việc, tối đa {max} lần; báo Trưởng ban từ ngày thứ {escalate}\n"
    "• Không nhắc trong giờ nghỉ: {quiet_start}–{quiet_end}, thứ Bảy, Chủ nhật, ngày lễ, Tết\n"
    "• Tổng hợp: {summary_day} lúc {summary_time}\n\n"
    "Thay đổi (Trưởng ban):\n"
    "<code>/caidat nhac 3,1,0</code> · <code>/caidat gio 8:00</code> · <code>/caidat yenlang 20:00-07:00</code>\n"
    "<code>/caidat quahan 2 5</code> (mỗi 2 ngày, tối đa 5 lần) · <code>/caidat baotruongban 3</code>\n"
    "<code>/caidat tonghop thu2 7:30</code>"
)
SETTINGS_USAGE = "Chưa hiểu «{text}». Ví dụ: <code>{example}</code>"
SETTINGS_SAVED = "⚙️ Đã lưu: {what}. Lịch nhắc của các việc đang mở đã được tính lại."
SETTINGS_KEYS = {
    "nhac": "/caidat nhac 3,1,0",
    "gio": "/caidat gio 8:00",
    "yenlang": "/caidat yenlang 20:00-07:00",
    "quahan": "/caidat quahan 2 5",
    "baotruongban": "/caidat baotruongban 3",
    "tonghop": "/caidat tonghop thu2 7:30",
}
SETTINGS_WHAT = {
    "nhac": "nhắc trước hạn {value} ngày làm việc",
    "gio": "giờ nhắc {value}",
    "yenlang": "giờ nghỉ {value}",
    "quahan": "nhắc quá hạn {value}",
    "baotruongban": "báo Trưởng ban từ ngày quá hạn thứ {value}",
    "tonghop": "tổng hợp {value}",
}
SETTINGS_QUIET_CONFLICT = "Giờ nhắc {time} rơi vào giờ nghỉ {start}–{end}. Hãy chọn giờ khác."

# ============================================================================ reminders (issue 4)
# A reminder message lists one or more tasks (several due to one person at one moment go in one
# message). Blocks are built by `render_reminder`; the keyboard labels are used by jobs/dispatcher.

# A task's icon in a reminder (product10): «before» is 🔔, not ⏰ — the header «⏰ Nhắc việc» has that one,
# and a reminder 3 days ahead read «⏰ Nhắc việc» then «⏰ #1 …»: the same clock twice, nothing said by it.
REMINDER_KIND_ICON = {"before": "🔔", "due": "📌", "overdue": "⚠️", "escalation": "🔺"}
REMINDER_HEADER = "⏰ <b>Nhắc việc</b>"
REMINDER_HEADER_MANY = "⏰ <b>Nhắc việc</b> — {count} nhiệm vụ cần anh/chị chú ý"
REMINDER_HEADER_ESCALATION = "🔺 <b>Báo cáo Trưởng ban</b> — nhiệm vụ đã quá hạn"
REMINDER_HEADER_GROUP = "⏰ <b>Nhắc việc</b> — các nhiệm vụ sau cần được chú ý"
REMINDER_DUE_LINE = "Hạn: {due}"
REMINDER_LEAD_LINE = "{icon} Chủ trì: {lead}"  # icon: lead_icon_of, as /xem and /giao (qa16)
REMINDER_PEOPLE_LINE = "👤 {people}"
REMINDER_PEOPLE_MORE = "và {count} người khác"
REMINDER_PEOPLE_MAX = 25  # mentions per task in a group message (one task must fit a message)
REMINDER_NO_CONTACT = "👥 Chưa có người nhận nhắc việc riêng — Trưởng ban dùng /donvi gan để gán người phụ trách."
REMINDER_FOOTER_PRIVATE = "Bấm nút bên dưới để báo đã xong, báo tiến độ, xin gia hạn hoặc báo vướng mắc."
REMINDER_FOOTER_GROUP = "Người được nhắc bấm nút bên dưới để báo đã xong, báo tiến độ, xin gia hạn hoặc báo vướng mắc."
REMINDER_PRIVATE_HINT = "💬 Nhắn riêng /start cho bot để nhận nhắc việc riêng."
# Buttons. Callback data ("done:<id>", "prog:<id>", "ext:<id>") is handled by the core handlers.
BTN_DONE = "✅ Đã xong"
BTN_PROGRESS = "📝 Báo cáo tiến độ"
BTN_EXTEND = "⏳ Xin gia hạn"
# A reminder of several tasks: four buttons a row, one row a task. The number comes first (qa11): a phone
# cuts a label after a few letters, and «Xong … · Tiến … · Gia h… · Vướn…» on every row told no task apart.
BTN_DONE_N = "#{number} ✅ Xong"
BTN_PROGRESS_N = "#{number} 📝 Tiến độ"
BTN_EXTEND_N = "#{number} ⏳ Gia hạn"
BTN_BLOCKED_N = "#{number} 🚧 Vướng mắc"
# A task text is shortened in reminders and summaries so that one task never fills a message.
TASK_TEXT_MAX = 300


def shorten(text: str, limit: int = TASK_TEXT_MAX) -> str:
    """At most `limit` characters, cut at a word boundary, with an ellipsis (before escaping)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def mention(name: str, tg_user_id: int | None, username: str | None) -> str:
    """A mention that reaches people without a username too (tg://user?id=… link)."""
    label = name.strip() or (f"@{username}" if username else "")
    if tg_user_id is not None:
        return f'<a href="tg://user?id={int(tg_user_id)}">{esc(label or tg_user_id)}</a>'
    if username:
        return f"@{esc(username)}"
    return esc(label or "?")


def _reminder_block(item: ReminderItem, today: date, *, in_group: bool) -> str:
    icon = REMINDER_KIND_ICON.get(item.kind, "🔔")
    lines = [f"{icon} <b>#{item.number}</b> · <i>{esc(item.committee)}</i>", esc(shorten(item.text))]
    lines.append(REMINDER_DUE_LINE.format(due=fmt_due(item.due, today)))
    lead_mentioned = in_group and item.lead_is_the_person and len(item.people) == 1
    if lead_mentioned:
        # A task led by one person: «Chủ trì: <her mention>» names and notifies her; a «👤» line after
        # it named her a second time (polish1). Units and several people keep both lines.
        p = item.people[0]
        lines.append(REMINDER_LEAD_LINE.format(icon=lead_icon_of(item.lead_kind),
                                                lead=mention(p.name, p.tg_user_id, p.username)))
    elif item.lead and (item.kind == "escalation" or in_group):
        lines.append(REMINDER_LEAD_LINE.format(icon=lead_icon_of(item.lead_kind), lead=esc(item.lead)))
    if in_group and item.people and not lead_mentioned:
        shown = [mention(p.name, p.tg_user_id, p.username) for p in item.people[:REMINDER_PEOPLE_MAX]]
        more = len(item.people) - len(shown)
        if more > 0:
            shown.append(REMINDER_PEOPLE_MORE.format(count=more))
        lines.append(REMINDER_PEOPLE_LINE.format(people=", ".join(shown)))
    if in_group and item.no_contact:
        lines.append(REMINDER_NO_CONTACT)
    if item.obstacle and item.kind == "escalation":
        lines.append(ESCALATION_OBSTACLE_LINE.format(note=esc(shorten(item.obstacle))))
    return "\n".join(lines)


def render_reminder(
    items: Sequence[ReminderItem], today: date, *, in_group: bool, chair_tasks: set[int] | None = None
) -> str:
    """One reminder message (private chat, or the committee group with mentions). `chair_tasks`: the tasks
    that carry the chair's buttons (jobs.dispatcher.reminder_keyboard; default: the escalations)."""
    if in_group:
        header = REMINDER_HEADER_GROUP
    elif all(i.kind == "escalation" for i in items):
        header = REMINDER_HEADER_ESCALATION
    elif len(items) > 1:
        header = REMINDER_HEADER_MANY.format(count=len(items))
    else:
        header = REMINDER_HEADER
    blocks = [header, *(_reminder_block(i, today, in_group=in_group) for i in items)]
    if chair_tasks is None:
        chair_tasks = {i.task_id for i in items if i.kind == "escalation"}
    footer = REMINDER_FOOTER_GROUP if in_group else REMINDER_FOOTER_PRIVATE
    chairs = REMINDER_FOOTER_ESCALATION_GROUP if in_group else REMINDER_FOOTER_ESCALATION
    if all(i.task_id in chair_tasks for i in items):
        # The chair's buttons, not the assignee's (in the group when she has no private chat).
        footer = chairs
    elif any(i.task_id in chair_tasks for i in items):
        # (qa20) Both kinds of buttons under one message: say what each kind does — as the buttons go (a late
        # task whose assignees are reminded in the same message keeps their buttons, not the chair's).
        footer += "\n" + chairs
    people = [p for i in items for p in i.people] if in_group else []
    if any(not p.not_in_group for p in people):
        footer += "\n" + private_hint()  # the people mentioned here have no private chat with the bot
    if any(p.not_in_group for p in people):
        # (sec16) Not in the group: the bot will not write to them privately however they open a chat, and
        # they cannot press a button here: say what they can do.
        footer += "\n" + SEC16_NOT_IN_GROUP_HINT
    blocks.append(footer)
    return "\n\n".join(blocks)


# ============================================================================ summary (issue 4)
# `render_summary` turns a domain.summary.Summary into messages of at most 4096 UTF-16 units,
# split between tasks (a line is never cut; a section split over two messages repeats its title).

MESSAGE_LIMIT = 4096
SUMMARY_TITLE = "📊 <b>TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ</b>"
SUMMARY_COMMITTEE = "<b>{committee}</b>"
SUMMARY_WEEK = "Tuần {start} – {end} · số liệu đến {today}"
SUMMARY_TOTAL = "Tổng số: <b>{total}</b> nhiệm vụ, trong đó:"
SUMMARY_DONE = "• Hoàn thành: <b>{done}</b> (đúng hạn {on_time}, quá hạn {late})"
SUMMARY_OPEN = "• Đang thực hiện: <b>{open}</b> (trong hạn {on_time}, quá hạn {late})"
SUMMARY_EMPTY = "Chưa có nhiệm vụ nào được giao. Dùng /giao để giao việc."
SUMMARY_PERIOD_MONTH = "Kết quả tháng {month}/{year}"
SUMMARY_PERIOD_QUARTER = "Kết quả quý {quarter}/{year}"
SUMMARY_PERIOD = (
    "📅 <b>{label}</b>\n"
    "• Giao mới: {assigned}\n"
    "• Đến hạn: {due} — hoàn thành đúng hạn {on_time}, hoàn thành quá hạn {late}, "
    "chưa hoàn thành {not_done}\n"
    "• Hoàn thành trong {period} (kể cả việc có hạn khác): {completed}"
)
SUMMARY_OVERDUE_TITLE = "⚠️ <b>Nhiệm vụ quá hạn ({count})</b>"
SUMMARY_OVERDUE_NONE = "✅ Không có nhiệm vụ quá hạn."
SUMMARY_OVERDUE_LINE = "<b>#{number}</b> {text} — <b>quá hạn {days} ngày</b> (hạn {due}) — {lead}"
SUMMARY_WEEK_TITLE = "🗓 <b>Đến hạn trong tuần ({count})</b>"
SUMMARY_WEEK_LINE = "<b>#{number}</b> {text} — hạn {due} — {lead}"
SUMMARY_EXT_TITLE = "⏳ <b>Xin gia hạn chờ Trưởng ban duyệt ({count})</b>"
SUMMARY_EXT_LINE = "<b>#{number}</b> {text} — xin đến {requested} (hạn hiện tại {due}) — {lead}"
SUMMARY_UNITS_TITLE = "🏢 <b>Theo đơn vị</b> (hoàn thành/tổng số)"
SUMMARY_UNIT_LINE = "• {unit}: {done}/{total}{overdue}"
SUMMARY_UNIT_OVERDUE = ", quá hạn {count}"
SUMMARY_LEAD = "Chủ trì: {lead}"
SUMMARY_NO_LEAD = "chưa rõ chủ trì"
SUMMARY_CONTINUED = "📊 <b>Tổng hợp</b> (tiếp theo)"
SUMMARY_SECTION_CONTINUED = "{title} (tiếp)"
SUMMARY_LINE_TEXT_MAX = 160
_ROMAN = ("I", "II", "III", "IV")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _short_day(d: date | None) -> str:
    return fmt_day(d) if d is not None else "không có hạn"


def _lead(lead: str | None, left: bool = False) -> str:
    if not lead:
        return SUMMARY_NO_LEAD
    return SUMMARY_LEAD.format(lead=esc(lead) + (QA17_SUMMARY_LEFT if left else ""))


def _period_block(p: PeriodCounts) -> str:
    label = (
        SUMMARY_PERIOD_MONTH.format(month=f"{p.index:02d}", year=p.year)
        if p.kind == "month"
        else SUMMARY_PERIOD_QUARTER.format(quarter=_ROMAN[p.index - 1], year=p.year)
    )
    return SUMMARY_PERIOD.format(
        label=label,
        assigned=p.assigned,
        due=p.due,
        on_time=p.due_done_on_time,
        late=p.due_done_late,
        not_done=p.due_not_done,
        completed=p.completed,
        period="tháng" if p.kind == "month" else "quý",
    )


def _summary_sections(s: Summary) -> tuple[str, list[tuple[str, list[str]]]]:
    head = [SUMMARY_TITLE]
    if s.committee:
        head.append(SUMMARY_COMMITTEE.format(committee=esc(s.committee)))
    week = SUMMARY_WEEK.format(start=s.week_start.strftime("%d/%m"), end=fmt_date(s.week_end), today=fmt_day(s.today))
    head.append(week)
    t = s.totals
    if t.total == 0:
        head += ["", SUMMARY_EMPTY]
    else:
        head += [
            "",
            SUMMARY_TOTAL.format(total=t.total),
            SUMMARY_DONE.format(done=t.done, on_time=t.done_on_time, late=t.done_late),
            SUMMARY_OPEN.format(open=t.open, on_time=t.open_on_time, late=t.open_overdue),
        ]
    for period in (s.month, s.quarter):
        if period is not None:
            head += ["", _period_block(period)]
    sections: list[tuple[str, list[str]]] = []
    if t.total:
        if s.overdue:
            sections.append(
                (
                    SUMMARY_OVERDUE_TITLE.format(count=len(s.overdue)),
                    [
                        SUMMARY_OVERDUE_LINE.format(
                            number=x.number,
                            text=esc(shorten(x.text, SUMMARY_LINE_TEXT_MAX)),
                            days=x.days_overdue,
                            due=_short_day(x.due),
                            lead=_lead(x.lead, x.lead_left),
                        )
                        for x in s.overdue
                    ],
                )
            )
        else:
            head += ["", SUMMARY_OVERDUE_NONE]
    if s.due_this_week:
        sections.append(
            (
                SUMMARY_WEEK_TITLE.format(count=len(s.due_this_week)),
                [
                    SUMMARY_WEEK_LINE.format(
                        number=x.number,
                        text=esc(shorten(x.text, SUMMARY_LINE_TEXT_MAX)),
                        due=_short_day(x.due),
                        lead=_lead(x.lead, x.lead_left),
                    )
                    for x in s.due_this_week
                ],
            )
        )
    if s.extensions:
        sections.append(
            (
                SUMMARY_EXT_TITLE.format(count=len(s.extensions)),
                [
                    SUMMARY_EXT_LINE.format(
                        number=x.number,
                        text=esc(shorten(x.text, SUMMARY_LINE_TEXT_MAX)),
                        requested=_short_day(x.requested_due),
                        due=_short_day(x.due),
                        lead=_lead(x.lead),
                    )
                    for x in s.extensions
                ],
            )
        )
    for title, rows in ((SUMMARY_UNITS_TITLE, s.units), (SUMMARY_PEOPLE_TITLE, s.people)):
        if rows and t.total:
            sections.append(
                (
                    title,
                    [
                        SUMMARY_UNIT_LINE.format(
                            unit=esc(u.unit) + (QA17_SUMMARY_LEFT if u.left else ""),
                            done=u.done,
                            total=u.total,
                            overdue=SUMMARY_UNIT_OVERDUE.format(count=u.overdue) if u.overdue else "",
                        )
                        for u in rows
                    ],
                )
            )
    return "\n".join(head), sections


def pack_messages(head: str, sections: Sequence[tuple[str, Sequence[str]]], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Lay out a head block and titled sections of lines into messages of at most `limit` UTF-16
    units (measured on the HTML source, which is never shorter than what Telegram counts).

    Messages break only between lines (a line is one task); a section title is never left at the
    end of a message without its first line, and a section continued in the next message repeats
    its title. A single line longer than a message cannot happen: task texts are shortened."""
    messages: list[str] = []
    current: list[str] = [head]
    size = utf16_len(head)

    def add(block: str) -> None:
        nonlocal size
        current.append(block)
        size += utf16_len(block) + 1  # the joining newline

    def fits(*blocks: str) -> bool:
        return size + sum(utf16_len(b) + 1 for b in blocks) <= limit

    def flush(title: str | None) -> None:
        nonlocal current, size
        messages.append("\n".join(current))
        current = [SUMMARY_CONTINUED]
        size = utf16_len(SUMMARY_CONTINUED)
        if title is not None:
            add("")
            add(SUMMARY_SECTION_CONTINUED.format(title=title))

    for title, lines in sections:
        if not lines:
            continue
        if not fits("", title, lines[0]):
            flush(None)
        add("")
        add(title)
        for line in lines:
            if not fits(line):
                flush(title)
            add(line)
    messages.append("\n".join(current))
    return messages


def render_summary(summary: Summary, limit: int = MESSAGE_LIMIT) -> list[str]:
    head, sections = _summary_sections(summary)
    return pack_messages(head, sections, limit)


# ============================================================================ reports (issue 5)
# Messages longer than one Telegram message are split at item boundaries; later parts start so.
MESSAGE_CONTINUED = "<i>(tiếp theo)</i>"
SECTION_CONTINUED = "{title} <i>(tiếp)</i>"

# /xuat
EXPORT_ACTION = "xuất file Excel"
EXPORT_EXAMPLE = "Ví dụ: <code>/xuat thang 11/2026</code>, <code>/xuat quy IV/2026</code>, <code>/xuat tatca</code>"
EXPORT_CAPTION = "📊 <b>{committee}</b> — {period}: {count} nhiệm vụ (số liệu tính đến {today})."
EXPORT_EMPTY_CAPTION = (
    "📊 <b>{committee}</b> — {period}: không có nhiệm vụ nào trong kỳ này; file chỉ có tiêu đề các cột."
)
EXPORT_FAILED = "⚠️ Chưa gửi được file Excel. Vui lòng thử lại sau ít phút."

# /tonghop (counts of the current state) and /tonghop bieudo (the chart)
COUNTS_HEADER = "📊 <b>Tổng hợp — {committee}</b>\n{period} · số liệu tính đến {today}"
COUNTS_TOTALS = (
    "Tổng số: <b>{total}</b> nhiệm vụ\n"
    "✅ Hoàn thành: <b>{done}</b> (đúng hạn {done_on_time}, quá hạn {done_late})\n"
    "🔄 Đang thực hiện: <b>{open}</b> (trong hạn {open_on_time}, quá hạn {open_overdue})"
)
COUNTS_CANCELLED = "🗑 Đã huỷ: {count} (không tính vào tổng số)"
COUNTS_RATE = "Tỷ lệ hoàn thành đúng hạn: <b>{rate}</b>"
COUNTS_UNITS = "<b>Theo đơn vị chủ trì</b> (hoàn thành/tổng số)"
COUNTS_UNIT_LINE = "• {unit}: {done}/{total}{overdue}"
COUNTS_UNIT_OVERDUE = ", <b>{count} quá hạn</b>"
COUNTS_EMPTY = "📊 {period}: chưa có nhiệm vụ nào. Giao việc bằng /giao hoặc nhập kết luận bằng /nhap."
COUNTS_FOOTER = "Biểu đồ: /tonghop bieudo · File Excel: /xuat"
COUNTS_EXAMPLE = "Ví dụ: <code>/tonghop</code>, <code>/tonghop thang 11/2026</code>, <code>/tonghop bieudo</code>"
CHART_CAPTION = (
    "📊 Kết quả thực hiện theo đơn vị — {period}: {done}/{total} hoàn thành, {overdue} đang quá hạn "
    "(số liệu tính đến {today})."
)
CHART_EMPTY = "📊 {period}: không có nhiệm vụ nào để vẽ biểu đồ."
CHART_EXAMPLE = (
    "Ví dụ: <code>/tonghop bieudo</code> (tháng này), <code>/tonghop bieudo quy IV/2026</code>, "
    "<code>/tonghop bieudo tatca</code>"
)
CHART_FAILED = "⚠️ Chưa gửi được biểu đồ. Vui lòng thử lại sau ít phút."

# /hop — meetings
MEETING_USAGE = (
    "Cách dùng:\n"
    "<code>/hop</code> — cuộc họp hiện tại và tình hình các nhiệm vụ của cuộc họp\n"
    "<code>/hop moi &lt;tiêu đề&gt; [ngày]</code> — mở cuộc họp (Trưởng ban, thư ký)\n"
    "<code>/hop chuanbi</code> — chương trình giao ban tới: việc chưa xong, xin gia hạn, vướng mắc\n"
    "Ví dụ: <code>/hop moi Giao ban tháng 11 ngày 25/11/2026</code>"
)
MEETING_ACTION = "mở cuộc họp"
MEETING_DEFAULT_TITLE = "Giao ban ngày {date}"
MEETING_BAD_DATE = (
    "Ngày «{date}» không tồn tại. Hãy kiểm tra lại, ví dụ: <code>/hop moi Giao ban tháng 11 ngày 25/11/2026</code>"
)
MEETING_TITLE_TOO_LONG = "Tiêu đề cuộc họp quá dài ({length} ký tự, tối đa {limit})."
MEETING_OPENED = "📋 Đã mở cuộc họp «<b>{title}</b>» — {day}."
MEETING_LINK_RULE = "Việc giao bằng /giao từ {start} đến hết {until} sẽ thuộc cuộc họp này."
MEETING_NONE = (
    "Ban chưa có cuộc họp nào.\n"
    "Mở cuộc họp: <code>/hop moi Giao ban tháng 11</code>, hoặc dán cả kết luận cuộc họp bằng /nhap."
)
MEETING_HEADER = "📋 <b>Cuộc họp: {title}</b>\n{day}"
MEETING_COUNTS = "{total} nhiệm vụ: {done} hoàn thành, {open} đang thực hiện ({overdue} quá hạn){cancelled}"
MEETING_COUNTS_CANCELLED = ", {count} đã huỷ"
MEETING_NO_TASKS = "Cuộc họp chưa có nhiệm vụ nào."
MEETING_TASKS = "<b>Nhiệm vụ của cuộc họp</b>"
MEETING_LINE = "<b>#{number}</b> {text} — {lead} · {state}"
MEETING_NO_LEAD = "chưa rõ ai"
MEETING_STATE_DUE = "hạn {due}"
MEETING_STATE_OVERDUE = "⚠️ quá hạn {days} ngày"
MEETING_NEXT = "📅 Cuộc họp tới: «{title}» — {day}"
MEETING_FOOTER = "Chuẩn bị giao ban tới: /hop chuanbi"
MEETING_LINKED = "📋 Thuộc cuộc họp: {title}"

# /hop chuanbi — the next giao ban's agenda
AGENDA_HEADER = "🗒 <b>Chương trình giao ban{meeting}</b>\n{committee} · chuẩn bị ngày {today}"
AGENDA_FOR_MEETING = " «{title}», {day}"
AGENDA_COUNTS = (
    "{open} nhiệm vụ chưa hoàn thành, trong đó <b>{overdue} quá hạn</b>; "
    "{extensions} đề nghị gia hạn chờ duyệt; {blocked} việc có vướng mắc."
)
AGENDA_EMPTY = "🗒 Không còn nhiệm vụ nào chưa hoàn thành — không có gì phải báo cáo. 👍"
AGENDA_UNIT = "<b>{k}. {unit}</b> — {count} việc"
AGENDA_ITEM = "<b>#{number}</b> {text}"
AGENDA_SUPPORT = "   🤝 Phối hợp: {names}"
AGENDA_DUE = "   📅 Hạn {due}"
AGENDA_OVERDUE = "   ⚠️ <b>Quá hạn {days} ngày</b> (hạn {due})"
AGENDA_NO_DUE = "   📅 Không có hạn"
AGENDA_URGENT = "   ⚡ Khẩn, chưa có hạn"
AGENDA_MEETING = " · 📋 {title}"
AGENDA_PROGRESS = "   📝 Tiến độ: {note}"
AGENDA_NO_PROGRESS = "   📝 Chưa báo cáo tiến độ"
AGENDA_EXTENSION = "   ⏳ Xin gia hạn đến {due} — chờ Trưởng ban duyệt"
AGENDA_BLOCKED = "   🚧 <b>Vướng mắc:</b> {note}"

# /vuongmac — what an assignee is stuck on (also the fourth button on reminders: "blk:<task id>")
BLOCKED_USAGE = (
    "Cách dùng: <code>/vuongmac &lt;số&gt; &lt;nội dung&gt;</code>\n"
    "Ví dụ: <code>/vuongmac 5 chưa có kinh phí mua camera</code>"
)
BLOCKED_ACTION = "báo vướng mắc"
BLOCKED_OK = "🚧 Đã ghi vướng mắc của #{number}: {note}\nNội dung này sẽ có trong chương trình giao ban (/hop chuanbi)."
BTN_BLOCKED = "🚧 Vướng mắc"  # for the reminder keyboard (reminders work): callback data "blk:<task id>"

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

# --- sandbox ---
SANDBOX_STARTED = """\
Nhắc việc — bản chạy thử (sandbox), không cần Telegram.
Mở trình duyệt: {url}
Cơ sở dữ liệu: {db}
Nhấn Ctrl+C để dừng.
"""
SANDBOX_DB_TEMPORARY = "tệp tạm, xoá khi dừng (dùng --db TỆP để giữ lại)"
SANDBOX_PORT_BUSY = "Cổng {port} đang bận. Chọn cổng khác, ví dụ: nhacviec sandbox --port 8081"
SANDBOX_HELP = "chạy thử bot trong trình duyệt: một nhóm Telegram giả lập, không cần token"
SANDBOX_HELP_DB = "tệp SQLite lưu dữ liệu (mặc định: tệp tạm, xoá khi dừng)"
SANDBOX_HELP_PORT = "cổng của trang web (mặc định 8080)"
SANDBOX_HELP_HOST = "địa chỉ nghe (mặc định 127.0.0.1: chỉ máy này)"
SANDBOX_GROUP_TITLE = "BCĐ Chuyển đổi số phường Sài Đồng"
# (key, name as Telegram shows it, username or None, what the person is in the committee)
SANDBOX_PERSONAS = (
    ("chair", "Nguyễn Thị Lan", "lan_truongban", "Trưởng ban"),
    ("secretary", "Trần Văn Minh", "minh_thuky", "Thư ký"),
    ("contact", "Lê Thị Hoa", "hoa_vanphong", "Đầu mối Văn phòng"),
    ("member", "Phạm Quốc Bình", "binh_pham", "Thành viên"),
    ("nousername", "Đỗ Thị An", None, "Thành viên, không có username"),
)
# What the chair types when the sandbox starts, so that a newcomer sees how a committee is set up.
SANDBOX_SETUP_COMMANDS = (
    "/donvi them Văn phòng HĐND&UBND = VP",
    "/donvi gan VP @hoa_vanphong",
    "/vaitro @minh_thuky thuky",
)
# (file in emulator/examples, label on the page)
# (the years in the text are moved so that the report is from the last twelve months)
SANDBOX_EXAMPLES = (
    # The reports are moved in time to the sandbox's clock (the meeting was yesterday): no month here.
    ("giao-ban-cchc-phuong-duc-giang-12-2020.txt", "Giao ban CCHC phường Đức Giang"),
    ("giao-ban-cntt-phuong-sai-dong-02-2020.txt", "Giao ban CNTT phường Sài Đồng"),
)
SANDBOX_CLOCK = "{weekday}, {date} · {time}"
SANDBOX_NOTHING_DUE = "Không còn lời nhắc hay bản tổng hợp nào đang chờ."
SANDBOX_BAD_REQUEST = "Không thực hiện được: {reason}"
SANDBOX_EMPTY_TEXT = "Tin nhắn trống."

# --- replication ---
WEBHOOK_NO_URL = (
    "Chế độ webhook cần WEBHOOK_URL: địa chỉ HTTPS công khai mà Telegram gửi cập nhật tới, "
    "có một đường dẫn bí mật, ví dụ WEBHOOK_URL=https://bot.tinh.gov.vn/nhacviec-8f3a1c9e27d44b6f"
)
WEBHOOK_NO_PATH = (
    "WEBHOOK_URL phải có một đường dẫn bí mật sau tên miền (ví dụ https://bot.tinh.gov.vn/nhacviec-8f3a1c9e27d44b6f), "
    "để người ngoài không đoán được nơi nhận cập nhật."
)
WEBHOOK_BAD_SECRET = (
    "Chế độ webhook cần WEBHOOK_SECRET: 1–256 ký tự A–Z, a–z, 0–9, _ hoặc -. Telegram gửi nó trong "
    "tiêu đề X-Telegram-Bot-Api-Secret-Token; bot từ chối mọi yêu cầu không có đúng giá trị này. "
    'Tạo một chuỗi ngẫu nhiên: python3 -c "import secrets; print(secrets.token_urlsafe(32))"'
)
WEBHOOK_STARTING = "Nhắc việc chạy chế độ webhook: nghe tại {listen}:{port}, đường dẫn /{path_hint}…"
BACKUP_DONE = "Đã sao lưu {source} → {target} ({size} byte, {tasks} nhiệm vụ)."
BACKUP_FAILED = "Không sao lưu được: {error}"
BACKUP_NO_FILE = "Không tìm thấy tệp cơ sở dữ liệu SQLite: {path}"
BACKUP_POSTGRES = """\
Cơ sở dữ liệu là PostgreSQL: hãy sao lưu bằng pg_dump (nhất quán kể cả khi bot đang chạy):

  pg_dump --format=custom --file=nhacviec-$(date +%F).dump "{url}"

Khôi phục vào một cơ sở dữ liệu trống:

  pg_restore --clean --if-exists --no-owner --dbname="postgresql://..." nhacviec-YYYY-MM-DD.dump

(Mật khẩu không in ra ở đây: đặt nó trong ~/.pgpass hoặc biến PGPASSWORD.)
"""

# --- dbfaults ---
# `nhacviec run` could not start (printed to stderr; never the token or the password).
BAD_TOKEN = (
    "Telegram từ chối BOT_TOKEN này (token sai hoặc đã bị thu hồi). "
    "Lấy lại token ở @BotFather (/token), sửa BOT_TOKEN trong .env rồi chạy lại."
)
DB_UNREACHABLE = (
    "Không kết nối được cơ sở dữ liệu {url}. Kiểm tra máy chủ cơ sở dữ liệu đã chạy chưa và "
    "DATABASE_URL trong .env, rồi chạy lại."
)
STARTUP_FAILED = "Bot không khởi động được ({error}). Chi tiết trong nhật ký (log); sửa lỗi rồi chạy lại."
TELEGRAM_UNREACHABLE = (
    "Không kết nối được máy chủ Telegram ({url}). Kiểm tra mạng (tường lửa, proxy) "
    "và TELEGRAM_API_URL trong .env, rồi chạy lại."
)

# --- hostile ---
UNKNOWN_COMMAND = (
    "❓ Bot không có lệnh /{name}. Gõ /huongdan để xem các lệnh.\n"
    "Ví dụ: <code>/giao @ten_nguoi soạn báo cáo trước 15/12</code>, <code>/viec</code>, <code>/ds</code>."
)
# Telegram shows at most 4096 characters of a message: a longer answer is cut here, with this note.
CUT_SHORT = "\n… (đã rút gọn: nội dung quá dài)"

# --- actions named in refusals ("Chỉ Trưởng ban mới được {action}.") ---
ACT_ASSIGN = "giao việc"
ACT_EDIT_DUE = "sửa hạn"
ACT_ADD_UNIT = "thêm đơn vị"
ACT_EDIT_TASK = "sửa nhiệm vụ"
ACT_IMPORT = "nhập kết luận"
ACT_EXTEND = "gia hạn"
ACT_REPORT = "báo cáo"
ACT_ROLES = "giao vai trò"
ACT_SETTINGS = "đổi cài đặt"
ACT_UNITS = "quản lý đơn vị"
ACT_CLOSE = "báo hoàn thành"
ACT_PROGRESS = "báo cáo tiến độ"
ACT_EXTEND_DIRECT = "gia hạn trực tiếp"
ACT_ASK_EXTENSION = "xin gia hạn"
ACT_DECIDE_EXTENSION = "duyệt gia hạn"
ACT_CANCEL = "huỷ nhiệm vụ"
STATE_CLOSED = "đóng"
EXAMPLE_CANCEL = "/huy 5 trùng với nhiệm vụ 3"
EXAMPLE_DONE = "/xong 5 đã gửi báo cáo"
ANONYMOUS_ADMIN_NAME = "Quản trị viên (ẩn danh)"
FILE_DEFAULT_NAME = "tệp"
ATTACHMENT = "đính kèm"
ATTACHED_FILE = " [tệp: {name}]"
SUPPORT_SUFFIX = " (phối hợp: {names})"
DUE_OVERDUE_BY = "⚠️ {when}, quá hạn {days} ngày"
DUE_IS_TODAY = "{when}, hôm nay"
DUE_ORIGINAL_LINE = "📌 " + LABEL_DUE_ORIGINAL + ": {due} (gia hạn {count} lần)"
OVERDUE_CADENCE = "mỗi {every} ngày, tối đa {most} lần"
STATE_DONE = "hoàn thành"

# --- the nhacviec command's help ---
CLI_DESCRIPTION = "Nhắc việc — bot Telegram của Ban chỉ đạo"
CLI_RUN_HELP = "chạy bot (long polling, hoặc --webhook)"
CLI_WEBHOOK_HELP = "chế độ webhook (WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_LISTEN, WEBHOOK_PORT)"
CLI_BACKUP_HELP = "sao lưu cơ sở dữ liệu SQLite khi bot đang chạy (PostgreSQL: pg_dump)"
CLI_BACKUP_TO_HELP = "tệp đích (mặc định: <tên-cơ-sở-dữ-liệu>-<ngày-giờ>.db)"
CLI_PARSE_HELP = "in các nhiệm vụ bot hiểu được từ một đoạn văn bản"

# --- units, dates, meetings (issue 14: items 5–15) ---
GIAO_NO_TASK = "Chưa có nội dung công việc: mới thấy người thực hiện{due}.\n" + GIAO_USAGE
GIAO_NO_TASK_DUE = " và hạn"
DUE_DAY_OFF = "ℹ️ Hạn rơi vào {day} — {why}. Ngày làm việc liền trước: {before}."
DAY_OFF_WEEKEND = "ngày nghỉ cuối tuần"
DAY_OFF_HOLIDAY = "ngày nghỉ lễ"
BTN_DUE_WORKING_DAY = "📅 Đổi sang {day}"
LIST_PAGE = "Trang {page}/{pages}"
BTN_PAGE_PREV = "◀️ Trang trước"
BTN_PAGE_NEXT = "Trang sau ▶️"

# --- the office's report: /baocao (issue 12) ---
REPORT_ACTION = "lập báo cáo"
REPORT_EXAMPLE = "Ví dụ: <code>/baocao thang 12/2026</code>, <code>/baocao quy IV/2026</code>, <code>/baocao nam 2026</code>"
REPORT_CAPTION = (
    "📄 <b>Báo cáo kết quả thực hiện các kết luận, chỉ đạo</b> — {committee}, {period} "
    "(số liệu tính đến {today}; cùng số liệu với /tonghop và /xuat). Mở bằng Word, kiểm tra rồi trình ký."
)
REPORT_FAILED = "⚠️ Chưa gửi được file báo cáo. Vui lòng thử lại sau ít phút."
REPORT_ASK_HEADING = (
    "Để lập báo cáo đúng thể thức (Nghị định 30/2020/NĐ-CP), cho biết <b>một lần</b>: cơ quan chủ quản; "
    "địa danh ghi ở dòng ngày tháng; họ tên Trưởng ban ký — cách nhau bằng dấu chấm phẩy.\n"
    "Trả lời (reply) tin này, ví dụ: <code>UBND phường Sài Đồng; Long Biên; Nguyễn Thị Lan</code>\n"
    "Hoặc trả lời <code>bỏ qua</code> để lập báo cáo với chỗ trống. Sửa sau bằng /caidat coquan, diadanh, nguoiky."
)
REPORT_HEADING_USAGE = (
    "Cần đủ ba phần, cách nhau bằng dấu chấm phẩy: cơ quan chủ quản; địa danh; họ tên người ký.\n"
    "Ví dụ: <code>UBND phường Sài Đồng; Long Biên; Nguyễn Thị Lan</code>"
)
REPORT_HEADING_SAVED = "⚙️ Đã lưu: cơ quan «{agency}», địa danh «{place}», người ký «{signer}». Đang lập báo cáo…"
REPORT_HEADING_SKIPPED = "Đã hiểu: báo cáo để trống cơ quan, địa danh, người ký. Đang lập báo cáo…"
REPORT_SKIP_WORDS = ("bo qua", "boqua", "skip")
REPORT_SETTINGS_VIEW = (
    "\n\n<b>Báo cáo (/baocao)</b>: cơ quan {agency} · địa danh {place} · người ký {signer} · ký hiệu {code}\n"
    "<code>/caidat coquan UBND phường Sài Đồng</code> · <code>/caidat diadanh Long Biên</code> · "
    "<code>/caidat nguoiky Nguyễn Thị Lan</code> · <code>/caidat kyhieu BCĐ</code>"
)
REPORT_SETTINGS_UNSET = "(chưa có)"
REPORT_SETTINGS_SAVED = "⚙️ Đã lưu: {what}. Báo cáo (/baocao) từ nay ghi như vậy."
REPORT_SETTINGS_KEYS = {
    "coquan": "/caidat coquan UBND phường Sài Đồng",
    "diadanh": "/caidat diadanh Long Biên",
    "nguoiky": "/caidat nguoiky Nguyễn Thị Lan",
    "kyhieu": "/caidat kyhieu BCĐ",
}
REPORT_SETTINGS_WHAT = {
    "coquan": "cơ quan chủ quản «{value}»",
    "diadanh": "địa danh «{value}»",
    "nguoiky": "người ký «{value}»",
    "kyhieu": "ký hiệu «{value}»",
}

# --- the board (Mini App) and linked committees (issue 13) ---
BOARD_UNAUTHORIZED = "Không xác thực được. Hãy mở Bảng việc từ Telegram."
BOARD_FORBIDDEN = "Anh/chị không ở trong nhóm của Ban này."
BOARD_BAD_REQUEST = "Yêu cầu không hợp lệ."
BOARD_NOT_FOUND = "Không tìm thấy nhiệm vụ."
BOARD_READ_ONLY = "Bảng của Ban cấp dưới chỉ để xem."
BOARD_DONE_IN_GROUP = "🗂 {who} (trên Bảng việc): {result}"
BOARD_BUTTON = "🗂 Mở Bảng việc"
BOARD_PRIVATE = "🗂 <b>Bảng việc</b>: mọi nhiệm vụ của các Ban anh/chị tham gia, theo đơn vị, lọc, biểu đồ, lịch hạn."
BOARD_GROUP = "🗂 <b>Bảng việc</b> của {title}: <a href=\"{link}\">mở trong Telegram</a>."
BOARD_NOT_CONFIGURED = (
    "Bảng việc chưa được bật trên máy chủ này (quản trị viên đặt WEBAPP_URL). "
    "Trong lúc đó: /ds, /tonghop, /xuat."
)
BOARD_MENU = "Bảng việc"
# Texts of the board's page (bot/board/static/board.js reads them from /api/me).
BOARD_TEXTS = {
    "title": "Bảng việc",
    "loading": "Đang tải…",
    "total_open": "đang mở",
    "total_overdue": "quá hạn",
    "total_done": "đã hoàn thành",
    "unauthorized": BOARD_UNAUTHORIZED,
    "forbidden": BOARD_FORBIDDEN,
    "no_committee": "Anh/chị chưa ở Ban chỉ đạo nào có bot Nhắc việc.",
    "tab_tasks": "Nhiệm vụ",
    "tab_chart": "Biểu đồ",
    "tab_calendar": "Lịch hạn",
    "tab_lower": "Ban cấp dưới",
    "filter_all": "Đang mở",
    "filter_overdue": "Quá hạn",
    "filter_week": "Tuần này",
    "filter_extended": "Đã gia hạn",
    "filter_closed": "Đã đóng",
    "all_units": "Mọi đơn vị",
    "all_people": "Mọi người",
    "search": "Tìm nhiệm vụ…",
    "none": "Không có nhiệm vụ nào.",
    "lead": "Chủ trì",
    "support": "Phối hợp",
    "due": "Hạn",
    "due_original": "Hạn ban đầu",
    "no_due": "không có hạn",
    "overdue_days": "quá hạn {n} ngày",
    "extended_times": "gia hạn {n} lần",
    "pending_extension": "xin gia hạn đến {due}",
    "obstacle": "Vướng mắc",
    "latest": "Tiến độ",
    "meeting": "Cuộc họp",
    "history": "Lịch sử",
    "state_open_on_time": "Đang thực hiện",
    "state_open_overdue": "Quá hạn",
    "state_done_on_time": "Hoàn thành đúng hạn",
    "state_done_late": "Hoàn thành quá hạn",
    "state_cancelled": "Đã huỷ",
    "act_close": "✅ Đóng (hoàn thành)",
    "act_set_due": "📅 Đặt hạn",
    "act_approve": "✔️ Duyệt gia hạn",
    "act_reject": "✖️ Từ chối gia hạn",
    "act_cancel": "🗑 Huỷ",
    "act_reassign": "👤 Giao lại",
    "ask_due": "Hạn mới (ví dụ 31/12 hoặc cuối tháng):",
    "ask_reassign": "Giao cho (tên đơn vị, có thể thêm «phối hợp …»):",
    "ask_note": "Ghi chú (có thể để trống):",
    "ask_reason": "Lý do huỷ:",
    "read_only": "Chỉ xem (Ban cấp dưới)",
    "back": "← Quay lại",
    "month": "Tháng này",
    "quarter": "Quý này",
    "done_on_time": "đúng hạn",
    "lower_open": "đang mở",
    "lower_overdue": "quá hạn",
    "open_board": "Mở bảng",
    "rate": "tỷ lệ đúng hạn",
    "error": "Có lỗi, vui lòng thử lại.",
    "weekdays": ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"],
}
LINK_USAGE = (
    "Liên kết Ban cấp trên (quận, huyện) với Ban cấp dưới (phường, xã):\n"
    "1. Trưởng ban cấp trên gõ <code>/lienket ma</code> trong nhóm của mình để lấy mã dùng một lần.\n"
    "2. Trưởng ban cấp dưới gõ <code>/lienket MÃ</code> trong nhóm của Ban cấp dưới.\n"
    "Huỷ liên kết (bên nào cũng được): <code>/lienket huy &lt;số&gt;</code> theo danh sách <code>/lienket</code>."
)
LINK_CODE = (
    "🔗 Mã liên kết: <code>{code}</code> (dùng một lần, hết hạn sau 24 giờ).\n"
    "Gửi mã này cho Trưởng ban cấp dưới để họ gõ <code>/lienket {code}</code> trong nhóm của Ban đó."
)
LINK_BAD_CODE = "Mã «{code}» không đúng hoặc đã hết hạn. Hãy xin Trưởng ban cấp trên mã mới (<code>/lienket ma</code>)."
LINK_SELF = "Không thể liên kết một Ban với chính nó hoặc với Ban cấp dưới của nó."
LINK_DONE = "🔗 Đã liên kết: «{lower}» là Ban cấp dưới của «{upper}». Ban cấp trên xem được số liệu của Ban này."
LINK_DONE_UPPER = "🔗 «{lower}» đã nhận liên kết: từ nay là Ban cấp dưới của Ban này."
LINK_LIST = "<b>Liên kết</b>\n{upper}{lower}"
LINK_UPPER_LINE = "Ban cấp trên: {title}\n"
LINK_LOWER_TITLE = "Ban cấp dưới:\n"
LINK_LOWER_LINE = "{n}. {title}\n"
LINK_NONE = "Ban này chưa liên kết với Ban nào.\n\n" + LINK_USAGE
LINK_REMOVED = "Đã huỷ liên kết giữa «{a}» và «{b}»."
LINK_NOT_FOUND = "Không có liên kết số {n}. Xem danh sách: <code>/lienket</code>."
LINK_ACTION = "liên kết Ban"


def render_lower_lines(lines: Sequence[LowerLine]) -> str:
    """The Monday summary's last part for a district committee: one line per ward committee."""
    # The lines come ordered (domain.board.order_lower); every line counts the same month, named once.
    period = lines[0].period if lines else ""
    body = [
        SUMMARY_LOWER_LINE_OF.format(title=esc(line.title), open=line.open, overdue=line.overdue,
                                     done=line.done_on_time, counted=line.counted)
        if line.counted else SUMMARY_LOWER_LINE_NONE.format(title=esc(line.title), open=line.open, overdue=line.overdue)
        for line in lines
    ]  # fmt: skip
    total = lower_total(lines)
    if total is not None and len(lines) > 1:  # the wards added up, so the chair need not add them
        body.append(SUMMARY_LOWER_TOTAL.format(n=total.title, open=total.open, overdue=total.overdue,
                                               done=total.done_on_time, counted=total.counted))  # fmt: skip
    return "\n".join([SUMMARY_LOWER_TITLE_OF.format(period=period[:1].lower() + period[1:]), *body])
# --- rights and membership follow the group (issue 14) ---
EVENT_NAMES["assignee_left"] = "người thực hiện rời nhóm"
MEMBER_LEFT = "👋 <b>{who}</b> đã rời nhóm."
MEMBER_LEFT_ROLE = "• Đã bỏ vai trò {role} của người này."
MEMBER_LEFT_UNITS = "• Đã bỏ liên hệ với đơn vị: {units}. Người này không còn được nhắc việc của Ban."
MEMBER_LEFT_NO_CONTACT = "• Đơn vị chưa còn người nhận nhắc việc: {units} — gán người mới: <code>/donvi gan {example} @ten_nguoi</code>"
MEMBER_LEFT_TASKS = "• Các nhiệm vụ đang mở mất người thực hiện (nhắc việc của các nhiệm vụ này tạm gửi vào nhóm):"
MEMBER_LEFT_TASK_LINE = "   #{number} {text} ({role})"
MEMBER_LEFT_ASK = "{chairs} bấm nút bên dưới để giao lại từng nhiệm vụ, hoặc dùng <code>/sua {number} giao …</code>."
MEMBER_LEFT_CHAIRS = "Trưởng ban"
ASSIGNEE_ROLE_NAMES = {"lead": "chủ trì", "support": "phối hợp", "executor": "thực hiện"}
BTN_REASSIGN_N = "🔁 Giao lại #{number}"
ASK_REASSIGN = (
    "Trả lời (reply) tin nhắn này: giao <b>#{number}</b> cho ai? "
    "Ví dụ: <code>@ten_nguoi</code> hoặc <code>Văn phòng chủ trì, phối hợp Công an phường</code>."
)
ACT_REASSIGN = "giao lại nhiệm vụ"
NEW_CHAIRS = "👤 Ban chưa còn Trưởng ban nào: các quản trị viên của nhóm ({names}) là Trưởng ban từ nay."
# Group texts that ask for a private chat carry a link that opens it with one tap (t.me/<bot>?start=…).
START_LINK = "https://t.me/{bot}?start={payload}"
START_LINK_LABEL = "mở chat riêng với bot"
REMINDER_PRIVATE_HINT_LINK = '💬 Để nhận nhắc việc riêng: <a href="{link}">' + START_LINK_LABEL + "</a> rồi bấm «Bắt đầu» (Start)."
UNKNOWN_PERSON_LINK = (
    "⚠️ Bot chưa gặp {label} trong nhóm: người này cần <a href=\"{link}\">" + START_LINK_LABEL + "</a> "
    "(bấm «Bắt đầu») hoặc gửi một tin trong nhóm để nhận nhắc việc riêng."
)
START_PAYLOAD = "nhacviec"  # /start's parameter from these links (handlers/guide.start answers any)
_BOT_USERNAME: list[str] = []  # the bot's own username, learnt at start-up (getMe, bot.app post_init)


def set_bot_username(username: str | None) -> None:
    _BOT_USERNAME[:] = [username] if username else []


def start_link(payload: str = START_PAYLOAD) -> str | None:
    """https://t.me/<bot>?start=<payload>: one tap opens the private chat with the bot."""
    return START_LINK.format(bot=_BOT_USERNAME[0], payload=payload) if _BOT_USERNAME else None


def private_hint() -> str:
    link = start_link()
    return REMINDER_PRIVATE_HINT_LINK.format(link=esc(link)) if link else REMINDER_PRIVATE_HINT


def unknown_person(label: str) -> str:
    """`label` is HTML-escaped already."""
    link = start_link()
    return UNKNOWN_PERSON_LINK.format(label=label, link=esc(link)) if link else UNKNOWN_PERSON.format(label=label)
UNKNOWN_COMMAND_CLOSE = "❓ Bot không có lệnh /{name}. Có phải ý bạn là /{close}? Gõ /huongdan để xem các lệnh."
MEMBER_LEFT_MORE = "   … và {count} nhiệm vụ khác: {numbers} (giao lại bằng <code>/sua &lt;số&gt; giao …</code>)"

# --- long conclusions (/nhap gathering in a private chat) and the preview a secretary can trust ---
def fmt_number(n: int) -> str:
    """12345 -> "12.345" (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


IMPORT_ITEM = "<b>{k}.</b> {text}\n    {icon} Chủ trì: {lead} · 🤝 Phối hợp: {support} · 📅 Hạn: {due}"
IMPORT_NO_SUPPORT = "—"
IMPORT_ITEM_SHORTENED = "… <i>(còn {more} ký tự không hiện ở đây, vẫn được lưu đủ)</i>"
IMPORT_FLAG_PAST = "⚠️ Hạn đã qua ({days} ngày trước)"
IMPORT_FLAG_NOBODY = "⚠️ Chưa rõ ai chủ trì"
IMPORT_FLAG_UNKNOWN = "⚠️ Chưa khớp đơn vị hay người nào đã khai báo (/donvi): {names}"
IMPORT_CUT_WARNING = (
    "⚠️ <b>Văn bản có vẻ bị cắt.</b> Telegram chia tin nhắn dài hơn 4.096 ký tự thành nhiều tin, và trong "
    "nhóm bot chỉ nhận được tin đầu tiên (tin có lệnh /nhap): bản xem trước này có thể thiếu các mục phía sau."
)
IMPORT_CUT_LINK = (
    "\nĐể nhập đủ: mở <a href=\"{link}\">trò chuyện riêng với bot</a> (một lần chạm) rồi dán toàn văn, "
    "hoặc gửi file .docx / .pdf / .txt hay bảng Excel .xlsx kèm chú thích /nhap."
)
IMPORT_PAGE = "<i>(phần {n}/{of})</i>"
IMPORT_EDIT_HELP = (
    "✏️ Sửa nhanh một mục: trả lời (reply) bản xem trước bằng <code>3 hạn 20/12</code> (chỉ đổi hạn mục 3) "
    "hoặc <code>3 giao Phòng Văn hoá</code> (chỉ đổi người/đơn vị chủ trì mục 3)."
)
IMPORT_EDIT_NO_ITEM = "Bản xem trước không có mục {k} (các mục từ 1 đến {count}, trừ mục đã bỏ). Không có gì thay đổi."
IMPORT_EDITED_DUE = "✏️ Mục {k}: hạn mới {due}; nội dung và người thực hiện giữ nguyên. Bản xem trước mới ở bên dưới."
IMPORT_EDITED_LEAD = "✏️ Mục {k}: chủ trì mới {lead}; nội dung và hạn giữ nguyên. Bản xem trước mới ở bên dưới."
IMPORT_EDIT_LEAD_LONG = "Tên người/đơn vị chủ trì quá dài (tối đa {limit} ký tự). Không có gì thay đổi."
IMPORT_SAVED_FOR = "Ban chỉ đạo: {committee}"
BTN_GATHER_DONE = "✅ Xong, phân tích"
BTN_GATHER_CANCEL = "✖️ Huỷ"
IMPORT_COMMITTEE_BUTTON = "📁 {title}"
IMPORT_GATHER_START = (
    "📥 Đang nhận kết luận cho <b>{committee}</b>.\n"
    "Hãy dán toàn văn (Telegram có thể chia thành nhiều tin nhắn — không sao), hoặc gửi file .docx / .pdf / .txt hay bảng Excel .xlsx. "
    "Gửi xong, bấm «Xong, phân tích»; sau 1 phút không có tin mới, bot tự phân tích."
)
IMPORT_GATHER_GOT = "📥 Đã nhận {parts} phần, tổng {chars} ký tự."
IMPORT_GATHER_MORE = "Gửi tiếp nếu còn, hoặc bấm «Xong, phân tích»."
IMPORT_CHOOSE_COMMITTEE = "Anh/chị là Trưởng ban hoặc thư ký của nhiều Ban chỉ đạo. Kết luận này của ban nào?"
IMPORT_PRIVATE_NO_COMMITTEE = (
    "⛔ Chỉ Trưởng ban hoặc thư ký mới nhập được kết luận. "
    "Anh/chị chưa là Trưởng ban hay thư ký của Ban chỉ đạo nào dùng bot. "
    "Nếu anh/chị là quản trị viên nhóm của Ban, hãy gửi một lệnh trong nhóm (ví dụ /ds) rồi thử lại; "
    "thư ký do Trưởng ban giao bằng /vaitro."
)
IMPORT_GATHER_EXPIRED = "Lần nhập này đã được phân tích hoặc đã huỷ."
IMPORT_GATHER_EMPTY = "Chưa nhận được nội dung nào. Hãy dán kết luận hoặc gửi file trước khi bấm «Xong, phân tích»."
IMPORT_GATHER_ANALYSED = "📥 Đã nhận {parts} phần. Bản xem trước ở bên dưới."
IMPORT_GATHER_QUIET = "📥 Đã 1 phút không có tin mới: bot phân tích {parts} phần đã nhận. Bản xem trước ở bên dưới."
IMPORT_ITEMS_ABOVE = "Các mục ở các tin nhắn bản xem trước phía trên."
IMPORT_LINK_UNKNOWN = "Ban chỉ đạo này không còn dùng bot, hoặc đường dẫn đã cũ. Hãy gõ /nhap để chọn lại."
IMPORT_PREVIEW_COMMITTEE = "Ban chỉ đạo: {committee}"
IMPORT_MAYBE_CUT = (
    "ℹ️ Tin nhắn dài gần giới hạn 4.096 ký tự của Telegram. Nếu kết luận còn phần sau, Telegram đã gửi phần "
    "đó thành tin riêng mà bot trong nhóm không nhận được."
)
IMPORT_NOT_GATHERING = (
    "Bot chưa nhận kết luận nào vào lúc này. Để nhập kết luận, gõ <code>/nhap</code> rồi dán lại toàn văn "
    "(hoặc gửi file .docx / .pdf / .txt hay bảng Excel .xlsx)."
)
# --- deadlines read on a weekend ---
# "trong tuần này" written on a Saturday or Sunday: the bot takes the coming working week.
DUE_WEEKEND_WEEK = "ℹ️ Hôm nay là cuối tuần, nên «tuần này» được hiểu là tuần làm việc tới: hạn {due}."
# --- outbox: decisions reach the person they concern (issue 14) ---
# A notice a private chat refused (the person blocked the bot), posted in the group instead.
NOTICE_FOR = "📨 Gửi {who}:\n{text}"
# The chair's decision, told in the chat where the extension was asked.
EXTEND_APPROVED_NOTICE = (
    "✅ Trưởng ban đã <b>đồng ý</b> gia hạn nhiệm vụ #{number} ({committee}).\n"
    "{text}\n📅 Hạn mới: <b>{due}</b>"
)
EXTEND_REJECTED_NOTICE = (
    "❌ Trưởng ban <b>không đồng ý</b> gia hạn nhiệm vụ #{number} ({committee}).\n"
    "{text}\n📅 Hạn vẫn là: <b>{due}</b>"
)
EXTEND_REJECT_REASON_NOTICE = "💬 Lý do Trưởng ban không đồng ý gia hạn #{number} ({committee}): {reason}"
ASK_REJECT_REASON = (
    "✍️ Xin Trưởng ban trả lời (reply) tin nhắn này bằng lý do ngắn gọn không đồng ý gia hạn #{number}; "
    "lý do sẽ được gửi tới {who}."
)
REJECT_REASON_SENT = "✅ Đã gửi lý do không đồng ý gia hạn #{number} tới {who}."
REJECT_REASON_EMPTY = "Lý do đang trống. Xin trả lời tin nhắn của bot bằng lý do ngắn gọn."
# The chair's copy of an overdue task (escalation): the chair's own actions, and the obstacle.
ESCALATION_OBSTACLE_LINE = "🚧 Vướng mắc đã báo: {note}"
BTN_CHAIR_DUE_N = "📅 Hạn mới #{number}"
BTN_CHAIR_REASSIGN_N = "👤 Giao lại #{number}"
BTN_CHAIR_NOTE_N = "🗒 Ghi chú #{number}"
ASK_CHAIR_DUE = (
    "📅 Trả lời (reply) tin nhắn này bằng hạn mới cho #{number}, ví dụ: <code>30/12</code> "
    "hoặc <code>30/12 chờ số liệu</code>."
)
ASK_CHAIR_REASSIGN = (
    "👤 Trả lời (reply) tin nhắn này bằng đơn vị hoặc người thực hiện mới của #{number}, "
    "ví dụ: <code>Văn phòng</code> hoặc <code>Công an phường, phối hợp Văn phòng</code>."
)
ASK_CHAIR_NOTE = "🗒 Trả lời (reply) tin nhắn này bằng ghi chú của Trưởng ban cho #{number}."
CHAIR_NOTE_OK = "🗒 Đã ghi chú của Trưởng ban vào #{number}: {note}"
CHAIR_NOTE_NOTICE = "🗒 Ghi chú của Trưởng ban về nhiệm vụ #{number} ({committee}): {note}"
# A report given in a private chat, told in the committee group (one line).
REPORT_DONE_IN_GROUP = "✅ {who} báo <b>hoàn thành</b> #{number} (qua tin nhắn riêng){note}"
REPORT_PROGRESS_IN_GROUP = "📝 {who} báo <b>tiến độ</b> #{number} (qua tin nhắn riêng): {note}"
REPORT_BLOCKED_IN_GROUP = "🚧 {who} báo <b>vướng mắc</b> #{number} (qua tin nhắn riêng): {note}"
# --- operations: restore, status, schema, moving to PostgreSQL, install (issue 15) ---
CLI_ENV_FILE_HELP = "đọc cấu hình từ tệp này thay cho .env (ví dụ /etc/nhacviec/nhacviec.env)"
CLI_RESTORE_HELP = "khôi phục cơ sở dữ liệu SQLite từ một bản sao lưu (bot phải đang dừng)"
CLI_RESTORE_FILE_HELP = "tệp sao lưu (do nhacviec backup tạo)"
CLI_STATUS_HELP = "bot có đang chạy và gửi nhắc việc không (mã thoát 0: bình thường)"
CLI_DB_HELP = "lược đồ cơ sở dữ liệu: current, history, upgrade, downgrade REV"
CLI_DB_NO_BACKUP_HELP = "không tự sao lưu SQLite trước khi đổi lược đồ"
CLI_DB_CURRENT_HELP = "phiên bản lược đồ hiện tại"
CLI_DB_HISTORY_HELP = "các phiên bản lược đồ mà bản phát hành này biết"
CLI_DB_UPGRADE_HELP = "nâng lược đồ lên mới nhất (bot cũng tự làm khi khởi động)"
CLI_DB_DOWNGRADE_HELP = "hạ lược đồ về phiên bản REV (trước khi cài lại bản phát hành cũ)"
CLI_MIGRATE_PG_HELP = "chuyển toàn bộ dữ liệu từ SQLite sang một cơ sở dữ liệu PostgreSQL trống"
CLI_MIGRATE_PG_TO_HELP = "địa chỉ PostgreSQL đích, ví dụ postgresql://nhacviec:MẬT_KHẨU@10.0.0.10/nhacviec"
SETTING_INVALID = "Giá trị của {name} không hợp lệ (phải là một số). Sửa trong .env hoặc biến môi trường rồi chạy lại."
SCHEMA_TOO_NEW = (
    "Cơ sở dữ liệu đang ở phiên bản lược đồ {revision}, mới hơn phiên bản bot này biết ({head}): "
    "nó đã được một bản phát hành mới hơn nâng cấp. Hãy cài lại bản phát hành mới hơn, hoặc dùng chính "
    "bản mới hơn đó hạ lược đồ (nhacviec db downgrade {head}) trước khi chạy bản này. Bot không chạy để "
    "khỏi làm hỏng dữ liệu."
)
WEBHOOK_SHORT_SECRET = (
    "WEBHOOK_SECRET quá ngắn: cần ít nhất {least} ký tự (A–Z, a–z, 0–9, _ hoặc -). "
    'Tạo một chuỗi ngẫu nhiên: python3 -c "import secrets; print(secrets.token_urlsafe(24))"'
)
WEBHOOK_SHORT_PATH = (
    "Đường dẫn bí mật trong WEBHOOK_URL quá ngắn: cần một đoạn ít nhất {least} ký tự khó đoán, ví dụ "
    "https://bot.tinh.gov.vn/nhacviec-8f3a1c9e27d44b6f"
)
BACKUP_POSTGRES_PASTEABLE = """\
Cơ sở dữ liệu là PostgreSQL: hãy sao lưu bằng pg_dump (nhất quán kể cả khi bot đang chạy).
Mật khẩu không được in ra: nhập nó vào biến PGPASSWORD (dòng đầu, gõ mật khẩu rồi Enter; hoặc dùng ~/.pgpass), rồi chạy dòng thứ hai:

  read -rs PGPASSWORD && export PGPASSWORD
  pg_dump --format=custom --file=nhacviec-$(date +%F).dump "{url}"

Khôi phục vào một cơ sở dữ liệu trống:

  pg_restore --clean --if-exists --no-owner --dbname="{url}" nhacviec-YYYY-MM-DD.dump
"""
RESTORE_NO_FILE = "Không tìm thấy tệp sao lưu: {path}. Không thay đổi gì."
RESTORE_NOT_A_DATABASE = "{path} không phải là một cơ sở dữ liệu SQLite đọc được ({error}). Không thay đổi gì."
RESTORE_DAMAGED = "Bản sao lưu {path} bị hỏng (kiểm tra toàn vẹn: {error}). Không thay đổi gì."
RESTORE_NOT_NHACVIEC = "{path} không phải cơ sở dữ liệu của Nhắc việc (thiếu bảng: {missing}). Không thay đổi gì."
RESTORE_UNKNOWN_REVISION = (
    "Bản sao lưu {path} ở phiên bản lược đồ {revision}, bản bot này không biết (bản sao của một bản phát "
    "hành mới hơn?). Hãy khôi phục bằng bản phát hành đã tạo ra nó. Không thay đổi gì."
)
RESTORE_SAME_FILE = "{path} chính là cơ sở dữ liệu đang dùng: hãy chỉ ra một tệp sao lưu khác. Không thay đổi gì."
RESTORE_BOT_RUNNING = (
    "Bot đang chạy trên cơ sở dữ liệu này ({lock}): hãy dừng bot trước (systemctl stop nhacviec), "
    "rồi chạy lại lệnh. Không thay đổi gì."
)
RESTORE_FAILED = "Không khôi phục được: {error}. Cơ sở dữ liệu cũ đã được đặt lại như trước."
RESTORE_DONE = (
    "Đã khôi phục {backup} → {database}: {committees} Ban chỉ đạo, {tasks} nhiệm vụ, "
    "ghi nhận mới nhất ngày {newest} (lược đồ {revision})."
)
RESTORE_SET_ASIDE = "Cơ sở dữ liệu trước khi khôi phục được giữ lại: {files}"
STATUS_DATABASE = "Cơ sở dữ liệu: {url}"
STATUS_NO_DATABASE = "Không có tệp cơ sở dữ liệu {path} (bot chưa chạy lần nào, hoặc DATABASE_URL sai)."
STATUS_DATABASE_DOWN = "Không kết nối được cơ sở dữ liệu ({error})."
STATUS_SCHEMA = "Phiên bản lược đồ: {revision}"
STATUS_PENDING = "Đang chờ gửi: {reminders} nhắc việc, {summaries} bản tổng hợp"
STATUS_NOT_RUNNING = "Bot: không chạy (không có tín hiệu từ tiến trình bot)."
STATUS_RUNNING = "Bot: đang chạy (pid {pid}, {mode}, đã chạy {since})"
STATUS_TICK = "Bộ gửi nhắc việc: lần quét gần nhất cách đây {age}"
STATUS_NO_TICK_YET = "Bộ gửi nhắc việc: chưa quét lần nào (bot khởi động cách đây {since})"
STATUS_TICK_STALE = "⚠️ Bộ gửi nhắc việc không quét quá {limit}: bot có thể bị treo."
STATUS_TELEGRAM_OK = "Telegram: kết nối bình thường"
STATUS_TELEGRAM_DOWN = "⚠️ Telegram: không kết nối được từ {since} trước"
STATUS_LAST_TELEGRAM_ERROR = "Lỗi Telegram gần nhất ({ago} trước): {error}"
STATUS_NO_TELEGRAM_ERROR = "Lỗi Telegram gần nhất: không có"
STATUS_OK = "Trạng thái: BÌNH THƯỜNG"
STATUS_NOT_OK = "Trạng thái: CÓ VẤN ĐỀ"
DB_NO_DATABASE = (
    "Không có tệp cơ sở dữ liệu {path}: lệnh không tạo cơ sở dữ liệu mới. Kiểm tra DATABASE_URL "
    "(hoặc --env-file)."
)
DB_BACKED_UP = "Đã sao lưu trước khi đổi lược đồ: {target} (khôi phục: nhacviec restore {target})"
DB_COMMAND_FAILED = "Không thực hiện được: {error}"
DB_REVISION = "Lược đồ của {url}: {revision}"
DB_CURRENT_MARK = "hiện tại"
MOVE_SOURCE_NOT_SQLITE = "DATABASE_URL không phải SQLite: không có gì để chuyển."
MOVE_TARGET_NOT_POSTGRES = "--to phải là một địa chỉ PostgreSQL (postgresql://người_dùng:mật_khẩu@máy/tên_csdl)."
MOVE_SOURCE_NOT_AT_HEAD = (
    "Cơ sở dữ liệu SQLite ở lược đồ {revision}, chưa phải {head} của bản này: chạy «nhacviec db upgrade» "
    "(hoặc khởi động bot một lần) trước. Không chuyển gì."
)
MOVE_TARGET_NOT_EMPTY = "Cơ sở dữ liệu PostgreSQL đích đã có dữ liệu (bảng {table}): cần một cơ sở dữ liệu trống. Không chuyển gì."
MOVE_COUNTS_DIFFER = "Số dòng sau khi chép không khớp ({tables}): không lưu gì vào PostgreSQL."
MOVE_FAILED = "Không chuyển được: {error}. Không lưu gì vào PostgreSQL; SQLite không bị thay đổi."
MOVE_TABLE_LINE = "  {table}: {source} → {target}"
MOVE_DONE = (
    "Đã chuyển toàn bộ dữ liệu của {source} sang {url}; số dòng mọi bảng khớp, tệp SQLite giữ nguyên.\n"
    "Tiếp theo: đặt DATABASE_URL là địa chỉ PostgreSQL này rồi khởi động lại bot."
)
SANDBOX_HELP_FORCE = "cho phép dùng một cơ sở dữ liệu không phải của bản chạy thử (cẩn thận: dữ liệu thật)"
SANDBOX_DB_IN_USE = (
    "Một bot đang chạy trên cơ sở dữ liệu này ({lock}): bản chạy thử không dùng nó (sẽ gửi nhắc việc, "
    "đổi giờ của bot thật). Dùng --db với một tệp khác."
)
SANDBOX_NOT_ITS_DATABASE = (
    "{path} không phải cơ sở dữ liệu của bản chạy thử (có thể là dữ liệu thật): bản chạy thử sẽ đổi "
    "giờ, gửi và đánh dấu nhắc việc trong đó. Dùng một tệp mới, hoặc thêm --force nếu chắc chắn."
)
SANDBOX_NOT_A_DATABASE = "{path} không phải một cơ sở dữ liệu SQLite: dùng một tệp mới."
# --- scans, photos and old Word files for /nhap (issue 12) ---
PHOTO_FILE_NAME = "ảnh.jpg"
OCR_TOO_SLOW = "đọc ảnh quá lâu, đã dừng; hãy gửi ít trang hơn hoặc bản .docx"
OCR_NOTE = "📷 <b>Nội dung được máy đọc từ ảnh</b> ({pages} trang): có thể sai chữ, hãy đối chiếu với bản giấy."
OCR_CAPPED = "📄 Tệp có {total} trang, chỉ đọc {pages} trang đầu. Phần sau hãy tách thành tệp riêng và gửi tiếp."
OCR_STOPPED = "⏱ Đọc lâu quá nên dừng sau {pages}/{total} trang; phần sau chưa đọc, hãy gửi riêng."
OCR_UNSURE = "⚠️ {count} dòng máy đọc chưa chắc, cần kiểm tra:"
OCR_UNSURE_LINE = "   • <i>{line}</i>"
OCR_UNSURE_MORE = "   … và {more} dòng nữa."
OCR_ALL_SURE = "Máy không thấy dòng nào đáng ngờ, nhưng vẫn nên đọc lại một lượt."
SANDBOX_EMPTY_FILE = "tệp rỗng hoặc không đọc được"
SANDBOX_FILE_TOO_BIG = "tệp quá lớn cho bản chạy thử (tối đa {limit} MB)"
OCR_STARTED = "⏳ Đang đọc chữ trong ảnh: {pages} trang, khoảng {seconds} giây. Bản xem trước sẽ gửi ngay khi xong."
OCR_STARTED_CAPPED = "(Tệp có {total} trang: chỉ đọc {pages} trang đầu.)"
OCR_SEND_AS_FILE = "💡 Ảnh gửi dạng ảnh bị Telegram nén nhỏ; gửi dạng tệp (📎 → Tệp) thì máy đọc rõ hơn."

# --- qa fixes ---
BOARD_REASSIGN_UNKNOWN = (
    "Chưa nhận ra người hay đơn vị «{name}». Hãy ghi tên đơn vị đã khai báo (xem /donvi trong nhóm) "
    "hoặc @tên người, ví dụ: «Văn phòng» hoặc «Văn phòng chủ trì, phối hợp Công an phường»."
)
BOARD_TEXTS["ask_reassign"] = "Giao cho (tên đơn vị hoặc @tên người; có thể thêm «phối hợp …»):"
ACT_REPORT_SETTINGS = "đổi thông tin ghi trên báo cáo (cơ quan, địa danh, người ký, ký hiệu)"
BOARD_TEXTS["pending_title"] = "Đề nghị gia hạn"
BOARD_TEXTS["pending_until"] = "đến {due}"
BOARD_TEXTS["rate_basis"] = (
    "Tỷ lệ đúng hạn = số hoàn thành đúng hạn / (số đã hoàn thành + số đang quá hạn); việc còn trong hạn chưa tính."
)
REPORT_SETTING_NAMES = {"coquan": "cơ quan chủ quản", "diadanh": "địa danh", "nguoiky": "người ký", "kyhieu": "ký hiệu"}
REPORT_SETTING_NOW = "Báo cáo (/baocao) đang ghi {what}. Muốn đổi, ghi kèm giá trị mới, ví dụ: <code>{example}</code>"
REPORT_SETTING_NONE = "Chưa có {what} cho báo cáo (/baocao). Ghi kèm giá trị, ví dụ: <code>{example}</code>"
REPORT_SETTING_TOO_LONG = (
    "Dài quá ({length} ký tự, tối đa {limit}): chưa lưu gì. Hãy ghi gọn hơn, ví dụ: <code>{example}</code>"
)
BOARD_REASSIGNED_LEAD = "{icon} Chủ trì: {lead}"  # icon: lead_icon (report11)
BOARD_REASSIGNED_SUPPORT = " · 🤝 Phối hợp: {support}"
REPORT_CAPTION_EMPTY = (
    "📄 <b>Báo cáo kết quả thực hiện các kết luận, chỉ đạo</b> — {committee}, {period}: không có nhiệm vụ nào "
    "trong kỳ này (số liệu tính đến {today}); báo cáo ghi «không có nhiệm vụ nào cần báo cáo». Kiểm tra lại kỳ "
    "báo cáo, ví dụ /baocao thang 12/2026."
)
# An hour after it was opened the board's signature is too old: say so, and what to do.
BOARD_UNAUTHORIZED = (
    "Phiên mở Bảng việc đã quá 1 giờ hoặc không hợp lệ, chưa thay đổi gì. Hãy đóng bảng và mở lại từ Telegram."
)
BOARD_TEXTS["unauthorized"] = BOARD_UNAUTHORIZED
MY_LIST_NOT_YOURS = "Đây là danh sách việc của người khác. Gõ /viec để xem việc của anh/chị."
# --- qa2 ---
# A «🔁 Giao lại #N» pressed (or its question answered) after the task was already reassigned.
REASSIGN_SPENT = (
    "#{number} đã được giao lại cho {lead} rồi: nút này không còn dùng, chưa thay đổi gì. "
    "Muốn giao cho người khác: /sua {number} giao …"
)
# /lienket: a code used in the wrong group stays valid; a ward moving to another district.
LINK_CODE_OWN_GROUP = (
    "Mã <code>{code}</code> là mã của chính Ban này, chưa liên kết gì và mã vẫn dùng được. Hãy gửi mã cho "
    "Trưởng ban cấp dưới (phường, xã) để họ gõ <code>/lienket {code}</code> trong nhóm của Ban cấp dưới."
)
LINK_CODE_ABOVE = (
    "«{this}» đang là Ban cấp trên của «{upper}», nên không thể là Ban cấp dưới của «{upper}». Chưa liên kết "
    "gì; mã vẫn dùng được trong nhóm của Ban cấp dưới."
)
LINK_ALREADY = (
    "«{lower}» đã là Ban cấp dưới của «{upper}» rồi: chưa thay đổi gì, mã vẫn dùng được cho một Ban cấp dưới khác."
)
LINK_MOVED_FROM = "Liên kết cũ với «{old}» đã kết thúc; Ban đó đã được báo."
LINK_MOVED_AWAY = (
    "🔗 «{lower}» đã chuyển sang làm Ban cấp dưới của «{upper}». Ban này không còn xem số liệu của «{lower}» "
    "(trên Bảng việc và trong bản tin thứ Hai)."
)
IMPORT_EDITED_LEAD_SUPPORT = (
    "✏️ Mục {k}: chủ trì mới {lead}, phối hợp {support}; nội dung và hạn giữ nguyên. Bản xem trước mới ở bên dưới."
)
# --- qa3 ---
# A «✅ Đã xong» pressed on a reminder in the group only edits that message (Telegram notifies nobody of
# an edit): the group is told by a new line.
REPORT_DONE_BY_BUTTON_IN_GROUP = "✅ {who} báo <b>hoàn thành</b> #{number} (bấm nút trên lời nhắc){note}"
# The weekly summary: people given tasks directly (counted under no unit), listed apart from the units.
SUMMARY_PEOPLE_TITLE = "👤 <b>Giao trực tiếp cho cá nhân</b> (hoàn thành/tổng số)"
# A day and month written without a year are the next such date (SPEC); when that is ~10 months or more
# ahead, it was most likely meant for a day just past: the answer says so (handlers.common.year_guessed_note).
DUE_YEAR_GUESSED = (
    "⚠️ Hạn không ghi năm nên được hiểu là <b>{due}</b> (năm {year}). Nếu ý anh/chị là một ngày đã qua "
    "thì xin kiểm tra lại và sửa hạn, ghi rõ năm (ví dụ 15/12/{year})."
)
# --- leadqa: who is reminded after an import, and units added later ---
# After /nhap saves tasks, leads nobody will be reminded of in person (a unit with no contact person, or a
# name kept as written because it is not a unit of the committee) are named, so the secretary can fix it.
IMPORT_SAVED_GROUP_ONLY = (
    "👥 Chưa có người nhận nhắc việc riêng cho {names}: lời nhắc các việc này sẽ gửi vào nhóm. "
    "Gán người phụ trách: <code>/donvi gan {example} @ten_nguoi</code>"
)
IMPORT_SAVED_NOT_UNITS = (
    "❓ {names} chưa là đơn vị của Ban: lời nhắc gửi vào nhóm. Muốn nhắc riêng, thêm đơn vị "
    "(<code>/donvi them {example}</code>) rồi gán người phụ trách."
)
# /donvi them: open tasks that named the new unit as plain text now belong to it.
UNIT_LINKED_TASKS = "🔗 Các nhiệm vụ {numbers} ghi tên «{name}» nay được tính cho đơn vị này."


def task_numbers(numbers: list[int]) -> str:
    return ", ".join(f"#{n}" for n in numbers)
# --- views ---
# /nhap's preview: an item whose day-month without a year was read as the next such date, about a year
# after the meeting (as /giao and /sua say it: domain.due_checks).
IMPORT_FLAG_YEAR_GUESSED = (
    "⚠️ Hạn không ghi năm nên được hiểu là <b>{due}</b> (năm {year}). Nếu ý là một ngày đã qua, xin kiểm tra "
    "lại và sửa hạn, ghi rõ năm (trả lời bản xem trước, ví dụ <code>{k} hạn {example}</code>)"
)
# The board: people given tasks directly (counted under no unit) under their own heading, in the list
# and in the chart, as the Monday summary lists them apart from the units.
BOARD_TEXTS["people_heading"] = "👤 Giao trực tiếp cho cá nhân"
# /tonghop bieudo when people given tasks directly are drawn too (under the units).
CHART_CAPTION_WITH_PEOPLE = (
    "📊 Kết quả thực hiện theo đơn vị, cá nhân — {period}: {done}/{total} hoàn thành, {overdue} đang quá hạn "
    "(số liệu tính đến {today})."
)
# A change made on the board is told in the group by a new message (bot/board/server.py): under
# «🗂 <who> (trên Bảng việc): <what>», which task it was.
BOARD_DONE_TASK_LINE = "📌 <i>{text}</i>"

# --- qa4 ---
IMPORT_PREVIEW_SUPERSEDED = (
    "Bản xem trước này đã cũ (đã có bản sửa mới hơn). Hãy bấm nút ở bản xem trước mới nhất."
)
# /xong, /tiendo, /giahan, /vuongmac typed in the private chat with the bot: the person's own open tasks.
PRIVATE_TASK_NOT_MINE = (
    "Không thấy nhiệm vụ #{number} trong các việc đang mở của anh/chị. Gõ /viec để xem số các việc của mình; "
    "việc của người khác thì báo trong nhóm của Ban chỉ đạo."
)
# The next period of a recurring duty, opened by the bot when one is closed (its history's first line).
EVENT_NAMES["recurred"] = "tạo kỳ mới của việc định kỳ"
UNIT_FILTER_AMBIGUOUS = "«{name}» có thể là nhiều đơn vị: {units}. Hãy gõ rõ hơn, ví dụ: /ds {example}"
IMPORT_PREVIEW_MEETING_TITLE = "\nCuộc họp: {title}"
# «↩️ Hoàn tác» under a /giao confirmation: a slip taken back, not a cancellation (shown in an alert: no HTML).
UNDO_NOT_GIVER = (
    "⛔ Chỉ người đã giao nhiệm vụ #{number} hoặc Trưởng ban mới hoàn tác được. "
    "Muốn huỷ nhiệm vụ, đề nghị Trưởng ban dùng lệnh /huy {number} kèm lý do."
)
UNDO_TOO_LATE = (
    "Không hoàn tác được nữa: nhiệm vụ #{number} đã có người báo cáo, gia hạn hoặc thay đổi sau khi giao. "
    "Muốn huỷ, Trưởng ban dùng lệnh /huy {number} kèm lý do."
)
EXPORT_CAPTION_CANCELLED = (
    "📊 <b>{committee}</b> — {period}: {count} nhiệm vụ, không tính {cancelled} nhiệm vụ đã huỷ "
    "(số liệu tính đến {today})."
)
# --- leadqa3: a task number that is written but cannot be read ---
TASK_NUMBER_UNREADABLE = "«{given}» không phải số nhiệm vụ. Ví dụ: <code>{example}</code>"


def need_task_number(args: str, example: str) -> str:
    """No number after the command, or words where the number should be ("/xem abc")."""
    given = args.split()[0] if args.split() else ""
    if not given:
        return NEED_TASK_NUMBER.format(example=example)
    return TASK_NUMBER_UNREADABLE.format(given=esc(given[:30]), example=example)


# --- race2 ---
# A reply that came before the bot had recorded its question and fits more than one question just asked.
PROMPT_REPLY_UNCLEAR = (
    "Tôi chưa xác định được anh/chị đang trả lời câu hỏi nào (vừa có nhiều câu hỏi giống nhau). "
    "Xin anh/chị trả lời lại vào đúng câu hỏi (bấm «Trả lời» trên câu hỏi đó); nội dung vừa gửi chưa được lưu."
)


# --- qa5 ---
LINK_UNLINK_USAGE = (
    "Hãy ghi số của liên kết cần huỷ, ví dụ: <code>/lienket huy 1</code>. "
    "Gõ <code>/lienket</code> để xem danh sách liên kết và số của từng liên kết."
)
# /xem's history: events whose names were shown raw («chair_note: …», «extension_reject_reason: …»).
EVENT_NAMES.update({
    "chair_note": "ghi chú của Trưởng ban",
    "extension_reject_reason": "lý do không đồng ý gia hạn",
    "assignee_left": "người thực hiện rời nhóm",
})
# The chair's private report of an overdue task: what her buttons (Hạn mới, Giao lại, Ghi chú) do.
REMINDER_FOOTER_ESCALATION = (
    "Bấm nút bên dưới để đặt hạn mới, giao lại cho người hoặc đơn vị khác, "
    "hoặc gửi ghi chú của Trưởng ban tới người thực hiện."
)
# /donvi them for a unit the committee already has (active).
UNIT_ALREADY_THERE = "Đơn vị «{name}»{aliases} đã có trong Ban. Gõ /donvi để xem danh sách đơn vị và người liên hệ."
UNIT_ALIASES_ADDED = "✏️ Đơn vị «{name}» đã có; đã thêm bí danh{aliases}."
# /caidat <something that is not a setting>: said before the list of settings (nothing changed).
SETTINGS_NOT_UNDERSTOOD = "Chưa hiểu «{text}»: không có mục cài đặt này, chưa thay đổi gì. Các mục và cách đổi:\n\n"
# An extension to a day not after the current deadline (or before today): the deadline, then an example.
EXTEND_NOT_LATER_EXAMPLE = (
    "Hạn mới phải sau hạn hiện tại ({due}). Ví dụ: /giahan {number} {example} chờ số liệu"
)
REMINDER_FOOTER_ESCALATION_GROUP = (
    "Trưởng ban bấm nút bên dưới để đặt hạn mới, giao lại cho người hoặc đơn vị khác, "
    "hoặc gửi ghi chú tới người thực hiện."
)


# --- qa6 ---
# A new /nhap in the private chat while parts of a conclusion were gathered: they are not kept.
IMPORT_GATHER_RESTARTED = (
    "ℹ️ Bắt đầu lại: {parts} phần đã gửi trước đó (chưa phân tích) không được giữ. "
    "Hãy gửi lại toàn bộ kết luận."
)


# --- import undo ---
# «↩️ Hoàn tác lần nhập này» under a saved /nhap: every task of that import taken back as a slip.
BTN_UNDO_IMPORT = "↩️ Hoàn tác lần nhập này"
IMPORT_UNDONE = "↩️ Đã hoàn tác lần nhập: {count} nhiệm vụ (#{first}–#{last}) được huỷ (ghi sai), không ai còn bị nhắc."


# --- gaps ---
# /huy, and /sua giao (or «Giao lại»): the people who were to do the task (and the new ones) are told,
# privately when they opened a chat with the bot, else named in the group (NOTICE_FOR).
TASK_CANCELLED_NOTICE = (
    "🗑 Nhiệm vụ #{number} ({committee}) <b>đã được huỷ</b> bởi {who}{reason}.\n"
    "<i>{text}</i>\n"
    "Anh/chị không cần thực hiện việc này nữa; bot thôi nhắc."
)
TASK_CANCELLED_REASON = " — lý do: {reason}"
TASK_REASSIGNED_AWAY_NOTICE = (
    "🔁 Nhiệm vụ #{number} ({committee}) <b>đã được giao lại</b> cho {lead} (do {who} sửa).\n"
    "<i>{text}</i>\n"
    "Anh/chị không còn phụ trách việc này; bot thôi nhắc anh/chị."
)
TASK_REASSIGNED_TO_NOTICE = (
    "📌 Anh/chị <b>được giao</b> nhiệm vụ #{number} ({committee}) (do {who} giao lại):\n"
    "<i>{text}</i>\n"
    "{icon} Chủ trì: {lead}{support}\n"
    "📅 Hạn: {due}\n"
    "Gõ /viec để xem các việc của mình; bot sẽ nhắc trước hạn."
)
TASK_REASSIGNED_SUPPORT = "\n🤝 Phối hợp: {support}"
# /xem in a private chat: the person's own tasks across committees, and any task of a committee where
# they are chair or secretary; nothing of a committee they have no part in.
PRIVATE_SHOW_NONE = (
    "Không thấy nhiệm vụ #{number} trong các việc của anh/chị. Gõ /viec để xem số các việc của mình "
    "(theo từng Ban); việc khác của Ban thì gõ <code>/xem {number}</code> trong nhóm của Ban đó."
)
PRIVATE_SHOW_HEADER = "🏛 <b>{committee}</b>"
PRIVATE_SHOW_CHOOSE = "Số #{number} có ở nhiều Ban chỉ đạo của anh/chị. Bấm nút để xem từng việc:"
BTN_PRIVATE_SHOW = "#{number} — {committee}"
# /giahan (and the chair's «📅 Hạn mới») to a day already past: which day the words mean, that it is
# past, and what to write instead. {when}: a day («Chủ Nhật, 22/11/2026») or a period (PAST_PERIOD).
EXTEND_PAST = (
    "«{phrase}» là {when} — đã qua (hôm nay là {today}), không gia hạn về ngày đã qua được.\n"
    "{rule} Hãy ghi một ngày cụ thể, ví dụ: <code>/giahan {number} {example} chờ số liệu</code>"
)
PAST_PERIOD = "khoảng từ {first} đến {last}"
EXTEND_PAST_RULE_LATER = "Hạn mới phải sau hạn hiện tại ({due})."
EXTEND_PAST_RULE_TODAY = "Hạn mới phải từ hôm nay trở đi."
# A private /nhap gathering: a photo or a scan is read into the conclusion being gathered (no preview yet).
OCR_STARTED_GATHERING = (
    "⏳ Đang đọc chữ trong ảnh: {pages} trang, khoảng {seconds} giây. Chữ đọc được sẽ thêm vào kết luận đang "
    "nhận, như một phần; bản xem trước có khi anh/chị bấm «Xong, phân tích»."
)
IMPORT_GATHER_READ = (
    "📷 Đã đọc được {chars} ký tự từ ảnh, thêm vào kết luận làm phần {part}. Máy đọc có thể sai chữ: "
    "bản xem trước sẽ nêu các dòng cần kiểm tra."
)
# Talk during a gathering («ok», «đợi chút», an emoji: domain/chatter.py) is not put in the conclusion.
IMPORT_GATHER_TALK = "💬 «{text}» là lời nhắn, không thêm vào kết luận."
IMPORT_GATHER_NONE_YET = "Chưa nhận phần nào của kết luận."
IMPORT_GATHER_SHORT = (
    "ℹ️ «{text}» ngắn, chưa rõ là nội dung hay lời nhắn: bot vẫn giữ trong kết luận và sẽ nêu ở bản xem trước."
)
IMPORT_SHORT_KEPT_NOTE = (
    "ℹ️ Tin ngắn gửi trong lúc nhập, đã giữ trong văn bản: {texts}. Nếu chỉ là lời nhắn mà thành một mục, "
    "hãy bấm «🗑 Bỏ mục…» để bỏ mục đó."
)
# /sua <số> han and the «Ngày khác…» answer with words naming a past day.
DUE_PAST_WORDS = (
    "«{phrase}» là {when} — đã qua (hôm nay là {today}). Hạn phải từ hôm nay trở đi; hãy ghi một ngày cụ thể, "
    "ví dụ: <code>{example}</code>"
)


# --- qa7 ---
# A cancelled task refused a change: "Nhiệm vụ #3 đã bị huỷ, không thay đổi được nữa." (TASK_CLOSED
# with STATUS_CANCELLED read «đã đã huỷ»).
STATE_CANCELLED = "bị huỷ"
# Someone who left comes back to the group: the open tasks they lost (nobody given them since) are theirs again.
MEMBER_BACK = (
    "👋 <b>{who}</b> đã trở lại nhóm và nhận lại {count} nhiệm vụ chưa giao cho ai khác: {numbers}. "
    "Vai trò và đơn vị phụ trách (nếu có) cần Trưởng ban giao lại bằng <code>/vaitro</code>, <code>/donvi gan</code>."
)
EVENT_NAMES["assignee_returned"] = "người thực hiện trở lại nhóm, nhận lại việc"


# --- qa8 ---
# `nhacviec status`: Telegram unreachable for longer than bot.metrics.TELEGRAM_DOWN_ALERT is a problem
# (nothing has been delivered meanwhile), not only a line to read.
STATUS_TELEGRAM_DOWN_TOO_LONG = (
    "⚠️ Quá {limit} không gửi được gì: kiểm tra mạng của máy chủ (tường lửa, DNS, proxy) và TELEGRAM_API_URL."
)
# `nhacviec sandbox` started in an SSH session: the page listens on the server's 127.0.0.1 only.
SANDBOX_OVER_SSH = """\
Anh/chị đang làm việc qua SSH: trang trên chỉ mở được ngay trên máy chủ này. Để mở trên máy tính của
mình, mở một cửa sổ dòng lệnh khác trên máy tính đó, gõ
  ssh -L {port}:127.0.0.1:{port} {user}@{server}
(để nguyên cửa sổ đó), rồi mở http://127.0.0.1:{port} trong trình duyệt.
"""
# `nhacviec restore FILE` when the user running it (the service's, through `sudo nhacviec`) cannot read FILE.
RESTORE_UNREADABLE = (
    "Người dùng «{user}» (người chạy bot và lệnh này) không đọc được {path}. Chép bản sao lưu vào thư mục "
    "dữ liệu của bot cho người dùng đó, ví dụ: sudo install -o {user} -m 600 {path} {folder}/ — rồi "
    "chạy lại lệnh với tệp đã chép. Không thay đổi gì."
)
# `nhacviec backup --to PLACE` where the user running it (the service's, through `sudo nhacviec`) may not write.
BACKUP_UNWRITABLE = (
    "Người dùng «{user}» (người chạy bot và lệnh này) không ghi được {target} ({error}). Chọn một chỗ "
    "người dùng đó ghi được, ví dụ: --to {example}, rồi chép bản sao đi nơi khác nếu cần."
)


# --- gaps2 ---
# A deadline changed by someone other than its doers (/sua N han, the chair's /giahan, «📅 Hạn mới», the
# board, an approved request for the other doers): told to them privately when they opened a chat with
# the bot, else named in one group message (NOTICE_FOR). {by}: DUE_CHANGED_BY_CHAIR / _BY_SECRETARY.
DUE_CHANGED_NOTICE = (
    "📅 {by} đặt hạn mới cho nhiệm vụ #{number} ({committee}): <b>{due}</b>{old}.\n"
    "<i>{text}</i>\n"
    "Người sửa: {who}{reason}. Bot sẽ nhắc theo hạn mới."
)
DUE_CHANGED_BY_CHAIR = "Trưởng ban"
DUE_CHANGED_BY_SECRETARY = "Thư ký"
DUE_CHANGED_OLD = " (hạn cũ: {old})"
DUE_CHANGED_OLD_NONE = " (trước đây không có hạn)"
DUE_CHANGED_REASON = " — lý do: {reason}"
DUE_CHANGED_ASKED_BY = " — theo đề nghị của {who}"
# A sticker, a GIF, a voice message, a place… sent during a private /nhap gathering: left out, said so.
IMPORT_GATHER_MEDIA = (
    "💬 {what} không có chữ để đọc nên không thêm vào kết luận. Muốn thêm nội dung thì gõ hoặc dán chữ, "
    "hoặc gửi file (.docx, .pdf, .xlsx) hay ảnh chụp trang văn bản."
)
MEDIA_NAMES = {
    "sticker": "Nhãn dán (sticker)",
    "animation": "Ảnh động (GIF)",
    "voice": "Tin nhắn thoại",
    "video_note": "Video tròn",
    "video": "Video",
    "audio": "Tệp âm thanh",
    "location": "Vị trí được chia sẻ",
    "venue": "Địa điểm được chia sẻ",
    "contact": "Danh thiếp liên hệ",
    "poll": "Cuộc bình chọn",
    "dice": "Xúc xắc",
}
# --- qa9 ---
# A group-only command (/ds, /tonghop, ...) typed in the private chat: why, and what works here instead.
GROUP_ONLY = (
    "Lệnh này dùng trong nhóm của Ban chỉ đạo: hãy gõ trong nhóm. Trong trò chuyện riêng với bot: "
    "/viec — việc của anh/chị ở mọi Ban; /xem 5 — chi tiết việc số 5."
)
# /nhap saved from the private chat: «Gõ /ds để xem» would not work there (/ds is a group command), and
# the committee's group did not see the preview: it is told in one line, as private reports are.
IMPORT_SAVED_PRIVATE = "💾 Đã lưu {count} nhiệm vụ (#{first}–#{last}) của cuộc họp «{title}»."
IMPORT_SAVED_ONE_PRIVATE = "💾 Đã lưu nhiệm vụ #{first} của cuộc họp «{title}»."
IMPORT_SAVED_TOLD_GROUP = "📣 Đã báo vào nhóm của Ban. Xem danh sách: gõ /ds trong nhóm; việc của anh/chị: /viec."
IMPORT_SAVED_IN_GROUP = (
    "📥 {who} đã nhập kết luận «{title}» (qua tin nhắn riêng): {count} nhiệm vụ {numbers}. Gõ /ds để xem."
)
IMPORT_UNDONE_IN_GROUP = "↩️ {who} đã hoàn tác lần nhập kết luận «{title}»: {numbers} được huỷ (ghi sai)."
# A text in the private chat long after the bot asked something there (handlers.answers.on_private_text).
ANSWER_BY_REPLY = (
    "Bot chưa ghi tin này. Để trả lời câu hỏi của bot «{asked}», chạm giữ (hoặc vuốt sang trái) tin hỏi đó, "
    "chọn «Trả lời» rồi gõ lại."
)
ANSWER_BY_REPLY_PLAIN = (
    "Bot chưa ghi tin này. Để trả lời câu hỏi của bot, chạm giữ (hoặc vuốt sang trái) tin hỏi đó, chọn «Trả lời» "
    "rồi gõ lại."
)
# The /nhap preview's quick-edit line: its example names an item the preview has (a two-item preview was
# told «3 hạn 20/12 (chỉ đổi hạn mục 3)», and the secretary who copied it got «không có mục 3») and a
# deadline a week ahead (a fixed 20/12 read in January is a date eleven months away).
IMPORT_EDIT_HELP_FOR = (
    "✏️ Sửa nhanh một mục: trả lời (reply) bản xem trước bằng <code>{k} hạn {due}</code> (chỉ đổi hạn mục {k}) "
    "hoặc <code>{k} giao Phòng Văn hoá</code> (chỉ đổi người/đơn vị chủ trì mục {k})."
)
IMPORT_SAVED_SEE_VIEC = "Việc của anh/chị: /viec."

# --- gaps3 ---
# A task just logged (/giao, a /nhap save) told at once to each contact person who opened a private chat
# with the bot (not only the group's card): one message per person and save, split between tasks.
NEW_TASKS_HEADER_ONE = "📌 <b>Anh/chị được giao nhiệm vụ mới</b> — {committee}"
NEW_TASKS_HEADER_MANY = "📌 <b>Anh/chị được giao {count} nhiệm vụ mới</b> — {committee}"
NEW_TASKS_PART = " (phần {part}/{parts})"
NEW_TASKS_BY = "Người giao: {who}{meeting}"
NEW_TASKS_MEETING = " · {meeting}"
NEW_TASKS_ITEM = "<b>#{number}</b> {text}\n📅 Hạn: {due}{lead}"
NEW_TASKS_LEAD = "\n{icon} Chủ trì: {lead}"  # icon: lead_icon (report11)
NEW_TASKS_FOOTER = (
    "Bot sẽ nhắc trước hạn. Xong việc, báo tiến độ, xin gia hạn: bấm nút bên dưới, hoặc gõ /xong, /tiendo, "
    "/giahan kèm số nhiệm vụ; /viec xem mọi việc của anh/chị."
)
# The same tasks taken back at once as a slip («↩️ Hoàn tác» on the /giao card or under a saved /nhap):
# those told privately of them are told they are taken back (the group's card is edited already).
NEW_TASKS_UNDONE_ONE = "↩️ Nhiệm vụ #{numbers} ({committee}) vừa giao cho anh/chị <b>đã được rút lại</b> (giao nhầm). Anh/chị không cần thực hiện; bot không nhắc việc này."
NEW_TASKS_UNDONE_MANY = "↩️ {count} nhiệm vụ ({numbers}, {committee}) vừa giao cho anh/chị <b>đã được rút lại</b> (giao nhầm). Anh/chị không cần thực hiện; bot không nhắc các việc này."

# --- product10 ---
# A new-task message (NEW_TASKS_*) that a private chat refused (the person blocked the bot before the bot
# heard of it): the group gets one short line per person and save — who, how many, how to open the chat —
# not the whole list with its buttons (jobs/new_tasks_fallback.py).
NEW_TASKS_REFUSED_IN_GROUP = (
    "📨 {who}: bot không gửi được tin nhắn riêng cho anh/chị (có thể anh/chị đã chặn bot) để báo {what}.\n{how}"
)
NEW_TASKS_REFUSED_ONE = "nhiệm vụ mới {numbers}"
NEW_TASKS_REFUSED_MANY = "{count} nhiệm vụ mới được giao ({numbers})"
NEW_TASKS_REFUSED_HOW_LINK = (
    '💬 Để nhận việc và nhắc việc riêng: <a href="{link}">' + START_LINK_LABEL + "</a>, bấm «Bỏ chặn» hoặc "
    "«Bắt đầu» (Start), rồi gõ /viec để xem các việc của mình."
)
NEW_TASKS_REFUSED_HOW = (
    "💬 Để nhận việc và nhắc việc riêng: mở trò chuyện riêng với bot, bấm «Bỏ chặn» hoặc «Bắt đầu» (Start), "
    "rồi gõ /viec để xem các việc của mình."
)
# An extension approved, told in the group in one message to the requester and the other doers named there
# (he asked in the group, or blocked the bot since): handlers/approval_once.py.
EXTEND_APPROVED_GROUP = (
    "✅ Trưởng ban đã <b>đồng ý</b> gia hạn nhiệm vụ #{number} ({committee}) theo đề nghị của {asker}.\n"
    "<i>{text}</i>\n📅 Hạn mới: <b>{due}</b>; hạn cũ: {old}.\nBot sẽ nhắc theo hạn mới."
)
EXTEND_APPROVED_GROUP_NO_OLD = "không có hạn"


def extension_approved_group(
    number: int, committee: str, asker: str, text: str, due: date | None, old: date | None, today: date
) -> str:
    """The group's one message of an approved extension (handlers.approval_once when the requester asked in the
    group, jobs.approval_fallback when his private chat refused it): plain values in, escaped here."""
    return EXTEND_APPROVED_GROUP.format(
        number=number,
        committee=esc(committee),
        asker=esc(asker),
        text=esc(shorten(text, 300)),
        due=fmt_due(due, today),
        old=fmt_day(old) if old is not None else EXTEND_APPROVED_GROUP_NO_OLD,
    )
# A board action whose own group message (a new deadline, a cancellation… naming the doers) is the group's
# one message about it: that message says where it was done (bot/board/one_message.py).
BOARD_VIA_IN_NOTICE = "🗂 Thực hiện trên Bảng việc."
# A new task told to the contact people of its coordinating units («phối hợp») too, in the same one message a
# person and save (handlers/new_tasks.py): marked under its lead; not reminded (the lead's unit is), so the
# buttons are «Tiến độ» and «Vướng mắc» and the footer says who answers for the deadline.
NEW_TASKS_SUPPORT_UNIT = "\n🤝 Phối hợp: {unit} (đơn vị của anh/chị)"
NEW_TASKS_SUPPORT_PERSON = "\n🤝 Anh/chị phối hợp thực hiện"
NEW_TASKS_SUPPORT_HEADER_ONE = "🤝 <b>Anh/chị được giao phối hợp thực hiện nhiệm vụ mới</b> — {committee}"
NEW_TASKS_SUPPORT_HEADER_MANY = "🤝 <b>Anh/chị được giao phối hợp thực hiện {count} nhiệm vụ mới</b> — {committee}"
NEW_TASKS_SUPPORT_FOOTER = (
    "Đơn vị chủ trì chịu trách nhiệm về tiến độ và được bot nhắc hạn. Báo tiến độ phần việc phối hợp hoặc "
    "vướng mắc: bấm nút bên dưới, hoặc gõ /tiendo, /vuongmac kèm số nhiệm vụ; /viec xem mọi việc của anh/chị."
)
NEW_TASKS_SUPPORT_NOTE = "\nViệc anh/chị phối hợp (🤝): đơn vị chủ trì chịu trách nhiệm về tiến độ và được bot nhắc hạn."
# --- qa10 ---
# The committee's last chair left and the group has no administrator to take over (Telegram does not pass
# a group's ownership on when its owner leaves; an owner who comes back is the owner again).
NO_CHAIR_LEFT = (
    "⚠️ <b>Ban không còn Trưởng ban</b>: nhóm không còn quản trị viên nào. Trưởng ban là người tạo nhóm và "
    "các quản trị viên của nhóm: mời người tạo nhóm quay lại nhóm (Telegram giữ quyền chủ nhóm cho người đó), "
    "rồi người đó đặt thêm quản trị viên nếu cần."
)
# Added under a refusal of what only a chair may do, while the committee has none.
NO_CHAIR_HINT = (
    "ℹ️ Ban hiện không có Trưởng ban (nhóm không còn quản trị viên nào): mời người tạo nhóm quay lại nhóm — "
    "người tạo nhóm và các quản trị viên của nhóm là Trưởng ban."
)
ROLES_NO_CHAIR = "⚠️ Chưa có Trưởng ban: nhóm không còn quản trị viên nào. Mời người tạo nhóm quay lại nhóm."
# The owner (or an administrator) back in a group whose committee had no chair.
CHAIR_BACK = "👤 {names} là Trưởng ban của Ban từ nay (quản trị viên của nhóm)."
# A file over what the Bot API lets a bot download. Sizes as Telegram's apps show them (1 MB = 1024 KB).
IMPORT_FILE_TOO_BIG_HOW = (
    "File «{name}» quá lớn ({size} MB): Telegram chỉ cho bot tải file tối đa {limit} MB. Hãy gửi bản "
    ".docx hoặc .pdf xuất từ Word (nhẹ hơn nhiều bản quét), chỉ các trang có kết luận, hoặc chụp từng trang "
    "gửi dạng ảnh."
)
# «Xong, phân tích» pressed while a photo or scan of the gathering is still being read (a button's answer:
# at most 200 characters).
IMPORT_GATHER_WAIT_READING = "⏳ Bot còn đang đọc chữ trong ảnh/tệp vừa gửi. Đọc xong, bot phân tích ngay và gửi bản xem trước."
# Under a chair-only refusal, to one whose chair role ended when the group took their administrator rights.
CHAIR_ENDED_HINT = (
    "ℹ️ Anh/chị không còn là quản trị viên của nhóm nên không còn quyền Trưởng ban. Trưởng ban là quản trị "
    "viên của nhóm, hoặc người được Trưởng ban giao bằng <code>/vaitro @tên truongban</code>."
)
# A file or photo sent to the bot in the private chat with no command and no /nhap gathering open.
FILE_WITHOUT_COMMAND = (
    "📎 Bot đã thấy tệp «{name}» nhưng chưa biết dùng vào việc gì, nên chưa đọc.\n"
    "• Nhập kết luận từ tệp: gửi lại tệp kèm chú thích <code>/nhap</code> (hoặc gõ /nhap rồi gửi tệp).\n"
    "• Báo hoàn thành kèm tệp: gửi lại tệp kèm chú thích <code>/xong &lt;số&gt; ghi chú</code>."
)
# /giahan by a secretary on a task not theirs: the chair approves extensions; a secretary edits the deadline.
SECRETARY_SETS_DUE = "ℹ️ Thư ký đổi hạn bằng lệnh sửa: <code>/sua {number} han {due}</code> (ghi vào lịch sử, người thực hiện được báo)."
# --- polish2 ---
# /xong with a photo (a phone photo of the signed paper): marked in the note as a file is ([tệp: …]).
ATTACHED_PHOTO = " [ảnh đính kèm]"
# A photo sent to the bot in the private chat with no command: what it may be for, as for a file.
PHOTO_WITHOUT_COMMAND_OR_DONE = (
    "📷 Bot đã thấy ảnh nhưng chưa biết dùng vào việc gì, nên chưa đọc.\n"
    "• Nhập kết luận từ ảnh chụp: gửi lại ảnh kèm chú thích <code>/nhap</code> (hoặc gõ /nhap rồi gửi ảnh).\n"
    "• Báo hoàn thành kèm ảnh: gửi lại ảnh kèm chú thích <code>/xong &lt;số&gt; ghi chú</code>."
)
# --- docs11 ---
# The /nhap preview of an Excel tracking sheet: which sheets were read, which column gave what, rows left out.
SHEET_NOTE = "📊 <b>Đọc từ bảng Excel</b>{sheets}: {rows} dòng việc, mỗi dòng một mục."
SHEET_NOTE_SHEETS = " (trang {names})"
SHEET_NOTE_COLUMNS = "Cột đã dùng: {columns}."
SHEET_NOTE_HEADINGS = "Bỏ qua {count} dòng đề mục (phần I, II…, tên lĩnh vực)."
SHEET_NOTE_NO_LEAD = "Bảng không có cột đơn vị chủ trì: chủ trì đọc từ nội dung từng việc."
SHEET_ROLE_NAMES = {"task": "nội dung", "lead": "chủ trì", "support": "phối hợp", "due": "hạn"}


def sheet_note(sheet: dict[str, object]) -> str:
    """The lines under the /nhap preview's header for a conclusion read from an Excel sheet."""
    names = [str(n) for n in sheet.get("sheets", []) or []]  # type: ignore[union-attr]
    shown = SHEET_NOTE_SHEETS.format(names=", ".join(f"«{esc(n)}»" for n in names)) if names else ""
    lines = [SHEET_NOTE.format(sheets=shown, rows=sheet.get("rows", 0))]
    columns = dict(sheet.get("columns", {}) or {})  # type: ignore[call-overload]
    used = [f"«{esc(columns[role])}» → {name}" for role, name in SHEET_ROLE_NAMES.items() if role in columns]
    if used:
        lines.append(SHEET_NOTE_COLUMNS.format(columns="; ".join(used)))
    if "lead" not in columns:
        lines.append(SHEET_NOTE_NO_LEAD)
    if sheet.get("headings"):
        lines.append(SHEET_NOTE_HEADINGS.format(count=sheet["headings"]))
    return "\n".join(lines)

# --- product11 ---
# A reassignment made on the board: its one group line (bot/board/one_message.py) says by when, and names
# who gets the task and who no longer has it (they have no private chat with the bot: this is their notice).
BOARD_REASSIGN_DUE = "📅 Hạn: {due}"
BOARD_REASSIGN_TO = "📌 {who}: anh/chị được giao việc này; gõ /viec để xem, bot sẽ nhắc trước hạn."
BOARD_REASSIGN_AWAY = "🔁 {who}: anh/chị không còn phụ trách việc này; bot thôi nhắc."
# The sandbox page's member controls (bot/sandbox.py change_member): Telegram's own rules, said on the page.
SANDBOX_MEMBER_NOT_ADMIN = (
    "chỉ người tạo nhóm hoặc quản trị viên mới đổi quyền thành viên (như trong Telegram). "
    "Chọn Trưởng ban ở mục «Bạn là» rồi thử lại."
)
SANDBOX_MEMBER_CREATOR = "không ai đổi được quyền của người tạo nhóm."
SANDBOX_MEMBER_CANNOT = "việc này không áp dụng được cho {name} lúc này."
# --- qa11 ---
# /donvi them: a name or alias another unit already answers to is not given twice («/giao VP …» would be a
# guess between two units); a name that differs from a unit's only by punctuation is most likely that unit.
UNIT_NAME_TAKEN = (
    "«{written}» đã là tên gọi của «{name}», chưa thêm đơn vị nào. Muốn thêm bí danh cho đơn vị đó: "
    "<code>/donvi them {name} = bí danh</code>. Gõ /donvi để xem danh sách."
)
UNIT_ALIAS_TAKEN = "⚠️ «{alias}» đã là tên gọi của «{name}»: không dùng làm bí danh của đơn vị mới."
UNIT_LOOKS_LIKE = (
    "⚠️ Tên này gần giống «{other}» đã có. Nếu là một đơn vị, bỏ đơn vị vừa thêm: "
    "<code>/donvi bo {name}</code>"
)
# A long text pasted to the bot in private without /nhap: a reply «/nhap» to it takes it as it is (the hint
# said only «gõ /nhap rồi dán lại toàn văn»: copying a long text again on a phone).
IMPORT_NOT_GATHERING_REPLY = (
    "Bot chưa nhận kết luận nào vào lúc này. Để nhập văn bản vừa dán: trả lời (reply) tin vừa dán bằng "
    "<code>/nhap</code> — không cần dán lại. Nếu Telegram đã chia văn bản thành nhiều tin: gõ <code>/nhap</code> "
    "rồi dán lại toàn văn (hoặc gửi file .docx / .txt / .pdf)."
)
# An impossible date (31/02) in /giahan, /sua … han or a preview correction: the example is of the same command
# (it was «xong trước ngày 15/12», an example of /giao, whatever had been typed).
INVALID_DATE_EXAMPLE = "Ngày «{phrase}» không tồn tại. Hãy kiểm tra lại, ví dụ: <code>{example}</code>."

# --- tasks saved with no lead ---
# After /nhap saves tasks, those the conclusion gave to nobody are named (they are reminded to no one until
# overdue): the secretary gives each a lead with /sua.
IMPORT_SAVED_NO_LEAD = (
    "⚠️ {count} nhiệm vụ chưa có người/đơn vị chủ trì ({numbers}): bot chưa nhắc được ai. "
    "Giao cho từng việc: <code>/sua {example} giao Tên đơn vị</code> (hoặc <code>@ten_nguoi</code>)."
)

# --- ops11 ---
# A DATABASE_URL that cannot be used as written (bot/dburl.py): what is wrong, how it is written, where to
# fix it; said by `nhacviec run` and the admin commands, exit 2 (systemd does not restart on it).
DBURL_UNREADABLE = "DATABASE_URL không đúng dạng một địa chỉ cơ sở dữ liệu."
DBURL_SQLITE_SLASHES = (
    "DATABASE_URL của SQLite thiếu dấu «/»: sau «sqlite:» phải có ba dấu «/» rồi mới đến tên tệp "
    "(bốn dấu nếu đường dẫn bắt đầu từ «/»)."
)
DBURL_UNKNOWN_KIND = "DATABASE_URL bắt đầu bằng «{kind}://»: bot chỉ dùng SQLite hoặc PostgreSQL."
DBURL_NO_FOLDER = "Thư mục {folder} của tệp SQLite trong DATABASE_URL không có."
DBURL_HOW = (
    "Viết theo một trong hai dạng:\n"
    "  DATABASE_URL=sqlite:////var/lib/nhacviec/nhacviec.db\n"
    "  DATABASE_URL=postgresql://người_dùng:mật_khẩu@máy_chủ:5432/tên_cơ_sở_dữ_liệu"
)
DBURL_WHERE = "Sửa trong {place} rồi chạy lại."
CONFIG_PLACE_DEFAULT = "tệp .env (hoặc biến môi trường)"
# `nhacviec --env-file FILE` (the systemd wrapper `sudo nhacviec ...` always gives /etc/nhacviec/nhacviec.env)
# with a FILE that is not there or not readable: named, instead of running on the default settings.
ENV_FILE_MISSING = (
    "Không có tệp cấu hình {path}. Tạo lại bằng: sudo scripts/install-service.sh (trong thư mục mã nguồn), "
    "hoặc sửa đường dẫn sau --env-file."
)
ENV_FILE_UNREADABLE = (
    "Không đọc được tệp cấu hình {path} (không có quyền đọc). Tệp cần chủ root, nhóm nhacviec, quyền 0640: "
    "sudo chown root:nhacviec {path} && sudo chmod 0640 {path}"
)
# `nhacviec db downgrade REV` with a REV this release does not have: refused before the backup and the change.
DB_UNKNOWN_REVISION = (
    "Không có phiên bản lược đồ {revision}. Các phiên bản bản này biết: {known} (xem: nhacviec db history). "
    "Không thay đổi gì."
)
# Under `sudo nhacviec ...` and systemd (NHACVIEC_ENV_FILE) the settings are not in a ".env": the start-up
# errors that say "sửa ... trong .env" are followed by the file that is actually read.
CONFIG_FILE_IS = "Tệp cấu hình của bot này: {path}"
# TZ_NAME and LOG_LEVEL that do not exist (bot/config_check.py): one line each, exit 2.
TZ_NAME_INVALID = "TZ_NAME={value} không phải tên một múi giờ."
TZ_NAME_HOW = "Ở Việt Nam: TZ_NAME=Asia/Ho_Chi_Minh (hoặc bỏ dòng TZ_NAME: mặc định đã là Asia/Ho_Chi_Minh)."
LOG_LEVEL_INVALID = "LOG_LEVEL={value} không phải một mức ghi nhật ký."
LOG_LEVEL_HOW = "Dùng một trong: DEBUG, INFO, WARNING, ERROR (hoặc bỏ dòng LOG_LEVEL: mặc định là INFO)."
# The SQLite database's folder (or file) that the user running the bot cannot write (bot/config_check.py).
DB_FOLDER_NOT_WRITABLE = (
    "Người dùng {user} không ghi được vào thư mục {folder} hoặc tệp {name} trong đó: SQLite cần ghi tệp cơ sở "
    "dữ liệu và các tệp -wal, -shm, .lock cạnh nó."
)
DB_FOLDER_HOW = (
    "Trả quyền cho người dùng của dịch vụ: sudo chown -R nhacviec:nhacviec {folder} && sudo chmod 0700 {folder} "
    "(hoặc đặt DATABASE_URL vào một thư mục người dùng đó ghi được)."
)
# --- report11 ---
# The icon of a «Chủ trì: …» line: a person for a task led by people (an @name, a member named), a
# building for a unit (qa saw «🏢 Chủ trì: <a person>» in the private message of a new task).
LEAD_ICON_PERSON = "👤"
LEAD_ICON_UNIT = "🏢"


def lead_icon(people: bool) -> str:
    return LEAD_ICON_PERSON if people else LEAD_ICON_UNIT


# --- ops12 ---
# A BOT_TOKEN without a token's shape (bot/config_check.token_problem), told before Telegram is asked: one
# line, exit 2. Only the bot's number and the length are shown, never the token's secret part.
TOKEN_MALFORMED_START = "BOT_TOKEN không đúng dạng token của Telegram"
TOKEN_MALFORMED = (
    TOKEN_MALFORMED_START + " ({shown}, {length} ký tự: {found}). Token đúng có dạng 123456789:AA… — số của "
    "bot, dấu hai chấm, rồi 35 chữ cái, chữ số, - hoặc _, không dấu cách, không dấu nháy; chép lại từ @BotFather "
    "(/token) vào {place} rồi chạy lại."
)
TOKEN_HAS_SPACE = "có dấu cách"
TOKEN_HAS_QUOTE = "có dấu nháy"
TOKEN_WRONG_SHAPE = "thiếu số của bot, dấu hai chấm, hoặc phần sau dấu hai chấm quá ngắn hay có ký tự lạ"
# `nhacviec backup --keep N` (bot/backup.py rotate): the nightly crontab line removes the oldest of its series.
CLI_BACKUP_KEEP_HELP = (
    "giữ N bản sao lưu mới nhất cùng loạt với tệp đích (cùng tên, khác ngày giờ), xóa các bản cũ hơn của loạt đó; "
    "không có --keep: không xóa gì"
)
BACKUP_KEEP_INVALID = "--keep cần một số nguyên từ 1 trở lên (số bản sao lưu giữ lại), không phải «{value}»"
BACKUP_KEEP_NO_DATE = (
    "--keep chỉ dùng được khi tên tệp đích có ngày hoặc giờ (ví dụ nhacviec-$(date +%F).db): «{name}» không có, "
    "nên không biết bản nào là bản cũ cùng loạt. Không sao lưu, không xóa gì."
)
BACKUP_ROTATED = "Đã xóa {removed} bản sao lưu cũ (giữ {keep} bản mới nhất; cũ nhất còn lại: {oldest})."
BACKUP_ROTATE_FAILED = "Đã sao lưu, nhưng không xóa được bản sao lưu cũ: {error}"


# --- qa12 ---
# The bot's arrival in a group (handlers/membership.welcome_text): who is Trưởng ban, by name, and what it reads.
QA12_BOT_ADDED = (
    "Xin chào {title}! Nhóm này đã trở thành một Ban chỉ đạo trên <b>Nhắc việc</b>.\n"
    "👤 Trưởng ban: {chairs} (quản trị viên của nhóm). Trưởng ban cho thêm người làm thư ký bằng /vaitro.\n"
    "🔒 Bot chỉ đọc các lệnh bắt đầu bằng «/» và tin trả lời (reply) tin nhắn của bot; "
    "các tin trò chuyện khác trong nhóm bot không đọc.\n"
    "Gõ /huongdan để xem cách dùng."
)
QA12_CHAIRS_UNKNOWN = "các quản trị viên của nhóm"
# The examples' person (HELP, GIAO_USAGE, NO_ASSIGNEE, UNITS_USAGE) was «@lan»: no Telegram username (they have 5
# letters at least), so «/giao @lan …» copied from /huongdan was refused «Chưa rõ ai thực hiện» with the same
# example. /huongdan shows the reader's own @username (copied, the task is hers and she sees how it works); the
# refusals show this placeholder of the right form.
QA12_EXAMPLE_PERSON = "@ten_nguoi"


def qa12_help(username: str | None) -> str:
    """/huongdan with its example naming the reader (handlers/guide.py)."""
    return HELP.replace(f"{QA12_EXAMPLE_PERSON} ", f"@{username} ") if username else HELP
# «/huongdan giao», «/help xong»: that command's use and example, not the whole guide again (handlers/guide.py).
# Commands without a usage text of their own get their line(s) of HELP.
QA12_COMMAND_HELP = {
    "giao": GIAO_USAGE, "tiendo": PROGRESS_USAGE, "sua": EDIT_USAGE, "giahan": EXTEND_USAGE,
    "donvi": UNITS_USAGE, "vaitro": ROLES_USAGE, "nhap": IMPORT_USAGE, "vuongmac": BLOCKED_USAGE,
}
QA12_COMMAND_HELP_TAIL = "\n\nTất cả các lệnh: /huongdan"
# /start in a private chat by someone with no committee yet (handlers/guide.py): the first day's next step.
QA12_START_NO_GROUP = (
    "\n\n<b>Đưa bot vào nhóm của Ban</b> (Trưởng ban hoặc văn phòng làm một lần)\n"
    "Mở nhóm Telegram của Ban → bấm tên nhóm → <b>Thêm thành viên</b> → tìm <b>@{bot}</b> → Thêm; "
    "hoặc bấm https://t.me/{bot}?startgroup=1 rồi chọn nhóm. Người tạo nhóm và các quản trị viên nhóm là "
    "Trưởng ban; các lệnh /giao, /ds, /donvi… gõ trong nhóm."
)
# «/giao anh Tuấn …» when the bot has not met anyone of the group by that name (handlers/directives._logged_reply).
QA12_UNKNOWN_TITLED = (
    "⚠️ Bot chưa xác định được «{label}» là ai trong nhóm (chưa gặp người này, hoặc nhóm có nhiều người cùng tên) "
    "nên chưa nhắc được. Ghi lại bằng @tên Telegram: "
    "<code>/sua {number} giao @ten_nguoi</code>, hoặc nhờ người đó gửi một tin trong nhóm (ví dụ /viec) "
    "rồi giao lại bằng tên."
)
# «/giao anh Hùng …»: the chair's message notified nobody (no @, no mention); the bot's confirmation names them.
QA12_NAMED_TOLD = "🔔 {people}: anh/chị có nhiệm vụ mới #{number}."


# --- product13: a bare name nobody could place ---
# «/giao … phối hợp Hùng …», «Tuấn Anh chủ trì …»: written as a person's name, neither a member the bot found
# nor a unit (domain/lead_kinds.py). Its «Chủ trì» icon claims neither a person nor a unit.
LEAD_ICON_UNKNOWN = "❓"


def lead_icon_of(kind: str) -> str:
    """The «Chủ trì» icon of a lead kind (domain.lead_kinds.lead_kind): 👤, 🏢 or ❓."""
    return {"person": LEAD_ICON_PERSON, "unknown": LEAD_ICON_UNKNOWN}.get(kind, LEAD_ICON_UNIT)


UNKNOWN_NAME = (
    "❓ Bot chưa rõ «{label}» là ai hay đơn vị nào. Nếu là một người trong nhóm: "
    "<code>/sua {number} giao @ten_nguoi</code> (hoặc nhờ người đó gửi một tin trong nhóm, ví dụ /viec, rồi giao "
    "lại bằng tên). Nếu là một đơn vị: bấm nút bên dưới, hoặc <code>/donvi them {label}</code>."
)


# --- product13: a plain date in a directive whose deadline phrase was not read ---
# «/giao … truwowcs ngayf 15/12» (Telex typed raw): the date is offered under ASK_DEADLINE, never guessed.
PLAIN_DATE_OFFER = "Trong tin có ngày {day}: nếu đó là hạn, bấm nút «📅 Hạn {day}»."
BTN_DUE_PLAIN = "📅 Hạn {day}"
# --- ops13: copies set aside by `nhacviec restore` (bot/restore_aside.py) ---
CLI_RESTORE_KEEP_HELP = (
    "giữ N bản cơ sở dữ liệu đặt riêng mới nhất (nhacviec-before-restore-…), kể cả bản của lần khôi phục này, "
    "xóa các bản cũ hơn; mặc định 3"
)
RESTORE_KEEP_INVALID = (
    "--keep-aside cần một số nguyên từ 1 trở lên (bản đặt riêng của lần khôi phục này luôn được giữ), "
    "không phải «{value}»"
)
RESTORE_ASIDE_PRUNED = (
    "Đã xóa {sets} bản đặt riêng cũ của các lần khôi phục trước (giữ {keep} bản mới nhất, kể cả bản vừa đặt riêng; "
    "đổi bằng --keep-aside N): {files}"
)
RESTORE_ASIDE_PRUNE_FAILED = "Đã khôi phục, nhưng không xóa được bản đặt riêng cũ: {error}"
# `nhacviec migrate-to-postgres` (bot/migrate_pg.py NOT_COPIED): the old bot's heartbeats are not data.
MOVE_TABLE_NOT_COPIED = "  {table}: {source} → không chép (tín hiệu sống của bot cũ đã dừng, không phải dữ liệu)"
# --- qa13: a conclusion imported again ---
# /nhap of a conclusion whose directives the committee has saved already (the signed scan after the .docx):
# said above the items, and on each repeated item (handlers/importing.py, db/import_repeats.py).
QA13_IMPORT_REPEATS = (
    "⚠️ Mục {items} giống nhiệm vụ đã lưu ({numbers}): có lẽ kết luận này đã được nhập rồi. "
    "Lưu nữa thì mỗi việc thành hai, đơn vị bị nhắc hai lần — bấm «🗑 Bỏ mục…» để bỏ các mục trùng, "
    "hoặc «✖️ Huỷ» nếu cả kết luận đã nhập."
)
QA13_IMPORT_FLAG_REPEAT = "⚠️ Trùng với nhiệm vụ #{number} đã lưu (xem: /xem {number})"
# A lead the catalogue knows but that is none of the committee's units (/donvi): saving would add a new
# unit nobody is reminded for — often a misread name («Phòng TC-KH» from an OCR «Kế hoạch» lost).
QA13_IMPORT_FLAG_NEW_UNIT = (
    "🆕 «{names}» chưa có trong các đơn vị của Ban (/donvi): lưu sẽ thêm đơn vị mới, chưa ai nhận nhắc. "
    "Nếu là đơn vị đã có, trả lời (reply) bản xem trước: <code>{k} giao &lt;tên đơn vị&gt;</code>"
)


# --- qa13: a unit's contact person left the group ---
# (db/contact_return.py) written in the history of the unit's open tasks; what the chair is told when the person
# comes back is qa15's MEMBER_BACK_UNIT.
EVENT_NAMES["contact_left"] = "người liên hệ của đơn vị rời nhóm: đơn vị chưa có ai nhận nhắc"


# --- qa13: units an undone import had added ---
QA13_IMPORT_UNITS_DROPPED = "🏢 Các đơn vị lần nhập này đã thêm vào danh sách của Ban cũng được bỏ: {names}."


# --- qa13: the coordinators of a previewed item corrected by a reply ---
QA13_IMPORT_EDITED_SUPPORT = (
    "✏️ Mục {k}: phối hợp {support}; nội dung, chủ trì và hạn giữ nguyên. Bản xem trước mới ở bên dưới."
)
QA13_IMPORT_EDITED_NO_SUPPORT = (
    "✏️ Mục {k}: bỏ đơn vị phối hợp; nội dung, chủ trì và hạn giữ nguyên. Bản xem trước mới ở bên dưới."
)
# --- qa14: the board ---
# The people who carry a task (assigned by name, or the contacts of the units given it), in its detail.
BOARD_TEXTS["people"] = "Người thực hiện"
# A district chair's board refused a ward (its link revoked meanwhile) said only «not in the group».
BOARD_FORBIDDEN = (
    "Anh/chị không xem được bảng của Ban này: anh/chị không ở trong nhóm của Ban, hoặc Ban không còn liên kết "
    "với Ban cấp trên của anh/chị."
)
BOARD_TEXTS["forbidden"] = BOARD_FORBIDDEN
# «Lịch hạn» lists what falls due from today on: overdue work is said apart, and an empty calendar says so.
BOARD_TEXTS["calendar_none"] = "Không có nhiệm vụ nào đến hạn trong 4 tuần tới."
BOARD_TEXTS["calendar_overdue"] = "{n} nhiệm vụ đã quá hạn (không có trong lịch này):"
# Under a ward's name on a district chair's board: back to the district's list of wards.
BOARD_TEXTS["back_to_upper"] = "← {title}"
# «#12» typed in the board's search when the list shows no #12 (closed long ago, or outside the filter).
BOARD_TEXTS["open_number"] = "Mở nhiệm vụ #{n}"
# Under the first hundred cards of a long list: the next hundred.
BOARD_TEXTS["show_more"] = "Xem thêm (còn {n} nhiệm vụ)"
# «Biểu đồ» of a period with no task of the committee's own (a district's work is its wards').
BOARD_TEXTS["chart_none"] = "Chưa có nhiệm vụ nào của Ban trong kỳ này."
BOARD_TEXTS["chart_see_lower"] = "Số liệu của từng Ban cấp dưới: xem thẻ «Ban cấp dưới»."


# --- qa15: people and the group changing in Telegram ---
MEMBER_LEFT_UNIT_TASKS = "{unit} (nhiệm vụ đang mở: {numbers})"
MEMBER_BACK_PLAIN = "👋 <b>{who}</b> đã trở lại nhóm."
MEMBER_BACK_ROLE = "• Vai trò {role} đã bỏ khi người này rời nhóm — giao lại: <code>{command}</code>"
MEMBER_BACK_UNIT = "• Đơn vị {unit} vẫn chưa có người nhận nhắc việc{tasks} — giao lại: <code>{command}</code>"
MEMBER_BACK_UNIT_TASKS = " (nhiệm vụ đang mở: {numbers})"
MEMBER_BACK_MORE_UNITS = "• và {count} đơn vị khác: xem /donvi"
MEMBER_BACK_NO_HANDLE = "@tên_người_này"
BTN_DONE_TAGGED = "✅ Xong #{number} {committee}"
BTN_PROGRESS_TAGGED = "📝 Tiến độ #{number} {committee}"
BTN_EXTEND_TAGGED = "⏳ Gia hạn #{number} {committee}"
BTN_BLOCKED_TAGGED = "🚧 Vướng mắc #{number} {committee}"
MEMBER_BACK_TASKS = "👋 <b>{who}</b> đã trở lại nhóm và nhận lại {count} nhiệm vụ chưa giao cho ai khác: {numbers}."
MY_TASKS_PAUSED = "{title} · tạm dừng: bot không còn trong nhóm"


# --- qa16: the board's chart says its period; history without a person ---
# Under each of the chart's headings («Tháng 12/2026»): which month it is. In the first week of a month the
# month just ended comes first — the month the Monday summary and /tonghop report that week.
BOARD_TEXTS["period_last_month"] = "tháng trước — số liệu của bản tổng hợp thứ Hai tuần này"
BOARD_TEXTS["period_last_quarter"] = "quý trước — số liệu của bản tổng hợp thứ Hai tuần này"
BOARD_TEXTS["period_month"] = "tháng này, tính đến hôm nay"
BOARD_TEXTS["period_quarter"] = "quý này, tính đến hôm nay"
# In a task's history (/xem and the board), the one who acted when no person did (the next period of a recurring
# task made when the last one closed): said so, not «bot», which an official does not read as anyone.
HISTORY_BY_SYSTEM = "Hệ thống tự động"


# --- committee tags ---
# A reminder's buttons name the committee when two committees' tasks share a number (qa15): the title
# without the «BCĐ» / «Ban chỉ đạo» every title starts with, so that the words telling the two apart
# are the ones that fit in the button's 18 characters.
COMMITTEE_TAG_MAX = 18
_COMMITTEE_WORD = re.compile(r"^(BCĐ|Ban chỉ đạo)\s+", re.IGNORECASE)


def committee_tag(title: str) -> str:
    """«BCĐ Cải cách hành chính huyện» → «Cải cách hành…»."""
    return shorten(_COMMITTEE_WORD.sub("", title), COMMITTEE_TAG_MAX)


# --- db downgrade: the versions a release has ---
# `nhacviec db downgrade REV` refused (DB_UNKNOWN_REVISION): the versions listed exactly as this release
# has them, and a number never used said so (0004 never existed: 0005 follows 0003), so that the gap
# does not read as a version left out of the list.
DB_UNUSED_NUMBERS = "số {numbers} không được dùng"


def db_known_revisions(known: Sequence[str]) -> str:
    """«0001, 0002, 0003, 0005; số 0004 không được dùng» — `known` as the release's migrations name them."""
    listed = ", ".join(known)
    numbered = [r for r in known if r.isdigit()]
    if not numbered:
        return listed
    used = {int(r) for r in numbered}
    width = max(len(r) for r in numbered)
    unused = [f"{n:0{width}d}" for n in range(min(used), max(used) + 1) if n not in used]
    return f"{listed}; {DB_UNUSED_NUMBERS.format(numbers=', '.join(unused))}" if unused else listed
# --- board (session 10) ---
# A ward's line (the district's board and its Monday summary): open and overdue now; done on time out of the
# tasks of the month the chart shows first — the month the Monday summary reports — that month named, as
# «5/9», which is what the ward's own chart reads for that month. Wards most overdue first.
SUMMARY_LOWER_TITLE_OF = (
    "🏘 <b>Các Ban cấp dưới</b>, quá hạn nhiều xếp trước\n"
    "(đang mở · quá hạn · xong đúng hạn / số nhiệm vụ {period})"
)
SUMMARY_LOWER_LINE_OF = "• {title}: {open} · {overdue} · {done}/{counted}"
SUMMARY_LOWER_LINE_NONE = "• {title}: {open} · {overdue} · chưa có nhiệm vụ trong tháng"
BOARD_TEXTS["lower_order"] = "Xếp theo số nhiệm vụ quá hạn, nhiều nhất trước."
BOARD_TEXTS["lower_month"] = "{period}: {done}/{counted} xong đúng hạn"
BOARD_TEXTS["lower_month_none"] = "{period}: chưa có nhiệm vụ"
SUMMARY_LOWER_TOTAL = "<b>Cộng {n} Ban: {open} · {overdue} · {done}/{counted}</b>"
BOARD_TEXTS["lower_total"] = "Cộng {n} Ban cấp dưới"
# The chart's first row in each period: the committee as a whole (a ward's line on its district's board).
BOARD_TEXTS["whole"] = "Cả Ban"
# The Monday summary of a district that gives no tasks of its own: its figures are its wards' (listed below it).
SUMMARY_EMPTY_UPPER = "Ban chưa giao nhiệm vụ riêng. Tình hình các Ban cấp dưới ở cuối bản tổng hợp."
# --- qa (session 10) ---
# (qa17) `/sua N han <ngày> <lý do>`: the reason written after the date, said back under the edit.
QA17_EDIT_DUE_REASON = "📝 Lý do: {reason}"
# (qa17) A /nhap preview item whose deadline is words that give no day («trước khi ban hành và áp dụng»).
QA17_IMPORT_DUE_NO_DAY = "không có hạn (kết luận ghi «{phrase}»)"
QA17_IMPORT_FLAG_NO_DAY = (
    "⚠️ Không có ngày cụ thể: lưu sẽ không có hạn, bot không nhắc hạn việc này. "
    "Đặt hạn: trả lời (reply) bản xem trước: <code>{k} hạn {example}</code>"
)
# (qa17) Under a /nhap preview with items already saved: the warning said at its top, again by the buttons.
QA17_IMPORT_REPEATS_AGAIN = (
    "⚠️ {count}/{of} mục trùng nhiệm vụ đã lưu (xem cảnh báo ở đầu bản xem trước): «Lưu tất cả» sẽ lưu cả "
    "các mục trùng."
)
# (qa17) /vaitro: a secretary whom Telegram made an administrator acts as chair until that ends.
QA17_ROLE_SECRETARY_ADMIN = "Trưởng ban (quản trị viên nhóm; thôi quản trị thì là Thư ký)"
# (qa17) The Monday summary: a person who left the group while leading open tasks (nobody is reminded of them).
QA17_SUMMARY_LEFT = " (đã rời nhóm)"
# --- documents (session 10) ---
# (docs14) A task table in a scan or a photo, its rows and columns rebuilt from where each word lies: said in the
# preview, so that the secretary counts the rows against the paper (a row OCR lost shows as one item too few).
OCR_TABLE_ROWS = (
    "📋 Bảng nhiệm vụ trong ảnh được đọc theo từng hàng ({rows} hàng; cột nội dung, chủ trì, phối hợp, thời hạn): "
    "hãy đếm lại số hàng với bản giấy."
)


# --- operations (session 10) ---
# `nhacviec status` after `git pull`, before the restart: the database is at an older schema this release raises.
STATUS_SCHEMA_BEHIND = (
    "Phiên bản lược đồ: {revision} (bản bot này: {head} — tự nâng khi bot khởi động, hoặc `nhacviec db upgrade`)"
)
# `nhacviec status`: the oldest reminder / Monday summary due and not sent yet (README «Theo dõi»).
STATUS_LATE_REMINDER = "⚠️ Có nhắc việc đến giờ mà chưa gửi: cũ nhất từ {ago} trước"
STATUS_LATE_SUMMARY = "⚠️ Bản tổng hợp thứ Hai đến giờ mà chưa gửi: từ {ago} trước"


# --- qa (session 10, qa18) ---
# /xong, /tiendo, /giahan, /vuongmac typed privately for a number open in several committees: a button each
# (handlers.own_pick) runs the command, with what was written after the number, in that committee.
QA18_PRIVATE_TASK_PICK = (
    "Anh/chị có nhiệm vụ #{number} ở nhiều Ban chỉ đạo: {committees}. "
    "Bấm nút của Ban muốn báo — lệnh và nội dung anh/chị vừa gõ được giữ nguyên:"
)
# The command quoted by the button's message is gone (deleted) or was not the presser's: nothing to run again.
QA18_PICK_GONE = "Không còn thấy lệnh anh/chị đã gõ: hãy gõ lại lệnh, kèm số việc."
# A part of an import preview above the saved message (handlers.preview_inplace.mark_saved): no longer a decision.
QA18_PREVIEW_PART_SAVED = "💾 <b>Bản xem trước này đã được lưu thành nhiệm vụ</b> (xem tin báo lưu bên dưới)."
# A one-item correction's answer (IMPORT_EDITED_*) when the preview was edited where it stands, not sent again.
QA18_PREVIEW_BELOW = "Bản xem trước mới ở bên dưới."
QA18_PREVIEW_EDITED_ABOVE = "Đã sửa ngay trong bản xem trước ở trên."
# A member made an administrator of the group: a chair by Telegram's rule (handlers.membership._promoted), said in
# the group once, when the role changes (a chair made admin, nothing; a committee without chair: CHAIR_BACK).
QA18_PROMOTED_CHAIR = (
    "👤 {name} vừa được đặt làm quản trị viên nhóm nên là Trưởng ban từ nay: duyệt gia hạn, huỷ nhiệm vụ, "
    "đổi cài đặt. Xem vai trò: /vaitro"
)
QA18_PROMOTED_SECRETARY = (
    "👤 {name} (Thư ký) vừa được đặt làm quản trị viên nhóm nên có quyền Trưởng ban: duyệt gia hạn, huỷ nhiệm vụ, "
    "đổi cài đặt; thôi quản trị thì lại là Thư ký. Xem vai trò: /vaitro"
)
QA18_PREVIEW_PART_CANCELLED = "✖️ <b>Bản xem trước này đã được huỷ</b>, không lưu gì."


# --- board (session 10, board18) ---
# The board's «15 đã hoàn thành» counts every task ever closed, beside a district line's «Tháng 11/2026: 8/25»
# (one month): the period said, so the two do not read as contradicting each other.
BOARD_TEXTS["total_done_period"] = "từ trước đến nay"
# A committee with no task at all (a new ward): said once, in place of 0 · 0 · 0, the filters and «Không có…».
BOARD_TEXTS["committee_empty"] = "Ban này chưa có nhiệm vụ nào."
# …a district whose work is its wards' (as the Monday summary says it: SUMMARY_EMPTY_UPPER), with the way to them.
BOARD_TEXTS["committee_empty_upper"] = "Ban chưa giao nhiệm vụ riêng."
BOARD_TEXTS["go_lower"] = "Xem các Ban cấp dưới"
# The chart with nothing in any of its periods: one line naming them, not a heading and the same line for each.
BOARD_TEXTS["chart_none_all"] = "Chưa có nhiệm vụ nào của Ban trong {periods}."
BOARD_TEXTS["and"] = "và"
# --- qa (session 10, qa19) ---
# A task given to an @name Telegram says is not in the group (a mistyped @username): kept, nothing sent to
# that person privately, the chair asked to check (handlers.strangers).
QA19_NOT_IN_GROUP = (
    "⚠️ {name} chưa thấy trong nhóm — kiểm tra lại tên? Việc vẫn được giao nhưng chưa nhắn riêng cho người này; "
    "nếu gõ nhầm, sửa bằng <code>/sua {number} giao @tên_đúng</code>."
)
# --- qa20 ---
# The preview's warning above the items when some deadlines are already past: its example names the first late
# item and a day a week ahead (a fixed «3 hạn 20/12» named an item that was not late, and a day gone by after 20/12).
QA20_IMPORT_PAST_SUMMARY = (
    "⚠️ Mục {items} có hạn đã qua. Hãy sửa hạn (trả lời bản xem trước, ví dụ <code>{k} hạn {due}</code>) "
    "hoặc bỏ các mục đó trước khi lưu."
)
# A reply to the preview the bot does not take: the forms it takes, shown with an item the preview has and a day a
# week ahead (a fixed «3 hạn 20/12» named an item a two-item preview lacks, and was a day gone by after 20/12),
# and how an item is dropped (a secretary replied «bỏ 2» to drop a repeated item).
QA20_IMPORT_EDIT_USAGE = (
    "Chưa hiểu yêu cầu sửa, không có gì thay đổi. Trả lời bản xem trước theo mẫu:\n"
    "<code>{k} hạn {due}</code> — đổi hạn mục {k} (<code>{k} hạn không</code> để bỏ hạn);\n"
    "<code>{k} giao Phòng Văn hoá</code> — đổi người/đơn vị chủ trì mục {k} (hoặc <code>{k} giao @tên</code>);\n"
    "<code>{k} phối hợp Công an phường</code> — đổi đơn vị phối hợp mục {k} "
    "(<code>{k} phối hợp không</code> để bỏ).\n"
    "Sửa cả câu: bấm «✏️ Sửa mục…». Bỏ một mục: bấm «🗑 Bỏ mục…»."
)
# The board's «Lịch hạn» shows four weeks: the open tasks due after its last day are counted under it, with a
# button to the tasks (it ended with nothing said, and a chair read that nothing fell due in January).
BOARD_TEXTS["calendar_later"] = "Còn {n} nhiệm vụ có hạn sau {date} (lịch chỉ hiện 4 tuần tới):"


# --- sec15 ---
# A reminder whose assignee Telegram says is not in the group (a mistyped @name saved anyway, someone who
# never joined): it went to the group instead of their private chat; the group (its chair) is told once per
# task and person (jobs/presence.py).
SEC15_NOT_IN_GROUP = (
    "⚠️ <b>Người thực hiện không có trong nhóm</b>\n{lines}\n"
    "Nhắc việc của họ được gửi vào nhóm này, không nhắn riêng. Trưởng ban kiểm tra lại người thực hiện: "
    "<code>/sua {number} giao @tên_đúng</code>, hoặc thêm người đó vào nhóm."
)
SEC15_NOT_IN_GROUP_LINE = "• Việc #{number}: {name}"
EVENT_NAMES["assignee_not_in_group"] = "người thực hiện không có trong nhóm: nhắc việc gửi vào nhóm"
# An assignee who is not in the committee's group (as Telegram says now) acting on the task from a private chat.
SEC15_ASSIGNEE_OUTSIDE = (
    "⛔ Anh/chị không có trong nhóm của Ban chỉ đạo giao nhiệm vụ #{number}, nên không báo được về việc này. "
    "Nếu đúng là việc của anh/chị, nhờ Trưởng ban thêm anh/chị vào nhóm."
)


# --- sec16 ---
# The footer of a group reminder that mentions an assignee Telegram says is not in the group (jobs.presence):
# «open a private chat with the bot» would not help them (the bot writes privately only to members).
SEC16_NOT_IN_GROUP_HINT = (
    "🚪 Người thực hiện chưa ở trong nhóm nên chưa nhận được nhắc việc riêng: hãy vào nhóm này, "
    "hoặc nhờ Trưởng ban giao lại việc."
)


# --- ops15 ---
# Telegram refused the token of a bot that was running (revoked or replaced with /revoke in @BotFather): the bot
# stops (exit 2, not restarted by systemd) instead of staying up without receiving anything (bot/cli.py).
OPS15_TOKEN_REVOKED = (
    "Telegram không nhận BOT_TOKEN nữa (token vừa bị thu hồi hoặc đổi ở @BotFather): bot đã dừng. "
    "Lấy token mới ở @BotFather (/token), sửa BOT_TOKEN trong tệp cấu hình rồi khởi động lại bot "
    "(systemd: sudo systemctl restart nhacviec)."
)
# Telegram answered a start-up call with 400 (setWebhook: «https url must be provided», a port it does not
# call...): it was reached, so «không kết nối được» sent the administrator to the firewall (bot/startup.py).
OPS15_TELEGRAM_REFUSED = (
    "Telegram từ chối khi bot khởi động: {error}. Thường do WEBHOOK_URL: phải là https://… ở cổng 443, 80, 88 "
    "hoặc 8443. Sửa trong tệp cấu hình rồi chạy lại."
)
# `nhacviec run` when a restore was cut off (power cut) after the database was set aside and before the copy
# took its place: starting would make a new, empty database (bot/restore.py interrupted_restore).
OPS15_RESTORE_INTERRUPTED = (
    "Lần khôi phục trước bị ngắt giữa chừng: chưa có cơ sở dữ liệu, chỉ có {partial}. Bot không khởi động "
    "(nếu không sẽ tạo một cơ sở dữ liệu trống). Chạy lại đúng lệnh khôi phục (sudo nhacviec restore TỆP_SAO_LƯU) "
    "rồi khởi động bot; cơ sở dữ liệu trước khi khôi phục nằm trong tệp …-before-restore-… cùng thư mục."
)
# `nhacviec restore --check FILE`: is this backup good? (the restore's own checks, nothing changed)
OPS15_CLI_RESTORE_CHECK_HELP = (
    "chỉ kiểm tra bản sao lưu (toàn vẹn, đúng cơ sở dữ liệu Nhắc việc, lược đồ bản này biết) và in nó chứa gì; "
    "không thay đổi gì, bot vẫn chạy được"
)
OPS15_BACKUP_GOOD = (
    "Bản sao lưu tốt: {path} — toàn vẹn, khôi phục được bằng bản bot này: {committees} Ban chỉ đạo, {tasks} "
    "nhiệm vụ, ghi nhận mới nhất ngày {newest} (lược đồ {revision}). Không thay đổi gì."
)
# `nhacviec status` when the disk of the SQLite database is nearly full (bot/status.py DISK_LOW).
OPS15_STATUS_DISK_LOW = (
    "⚠️ Ổ đĩa chứa cơ sở dữ liệu chỉ còn {free} trống ({folder}): đầy thì bot không lưu được gì (trả lời «Hệ thống "
    "đang bận»). Xóa bớt bản sao lưu cũ, thu gọn nhật ký (sudo journalctl --vacuum-size=200M), xem: df -h {folder}"
)
# `nhacviec migrate-to-postgres --to postgresql://nhacviec@máy/nhacviec` (no password in the command line).
OPS15_PG_PASSWORD_PROMPT = "Mật khẩu PostgreSQL (không hiện khi gõ): "
# `nhacviec … --help` (bot/cli.py vietnamese_help): argparse's own words, and what `status` does.
OPS15_CLI_USAGE = "cách dùng: "
OPS15_CLI_POSITIONALS = "tham số"
OPS15_CLI_OPTIONS = "tùy chọn"
OPS15_CLI_HELP = "in hướng dẫn này rồi thoát"
OPS15_CLI_VERSION = "in phiên bản rồi thoát"
OPS15_CLI_STATUS_DESCRIPTION = (
    "bot có đang chạy và gửi nhắc việc không: cơ sở dữ liệu, lược đồ, số tin chờ gửi, lần quét gần nhất, "
    "Telegram, ổ đĩa. Mã thoát 0: BÌNH THƯỜNG; 1: CÓ VẤN ĐỀ (dòng ⚠️ nói gì)."
)
OPS15_CLI_DB_REV_HELP = "phiên bản lược đồ muốn hạ về, ví dụ 0009 (các phiên bản: nhacviec db history)"
# `nhacviec backup` onto a full disk (bot/backup.py): which disk, how to see it, what to free. Nothing half-written
# is left.
OPS15_BACKUP_DISK_FULL = (
    "Ổ đĩa chứa {folder} đã đầy (xem: df -h {folder}). Xóa bớt bản sao lưu cũ (hoặc dùng --keep N), thu gọn nhật "
    "ký (sudo journalctl --vacuum-size=200M), rồi sao lưu lại. Không có tệp dở nào được để lại."
)
# --- cli help ---
# argparse's own words in every `nhacviec …` command (bot/cli_parser.py): its help titles and the error lines an
# administrator meets after a mistyped command. Keys are argparse's message ids (Python 3.11–3.13), as written there.
CLI_ARGPARSE = {
    "usage: ": OPS15_CLI_USAGE,
    "positional arguments": OPS15_CLI_POSITIONALS,
    "options": OPS15_CLI_OPTIONS,
    "optional arguments": OPS15_CLI_OPTIONS,
    "show this help message and exit": OPS15_CLI_HELP,
    "show program's version number and exit": OPS15_CLI_VERSION,
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "lệnh này không có tham số hay tùy chọn: %s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "expected one argument": "cần một giá trị theo sau",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có %(value)r (chọn một trong: %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "không có %(value)r — có phải %(closest)r? (chọn một trong: %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị: %r",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
}
# After the usage line, on a mistyped command (exit 2): what is wrong, then where every option is explained.
CLI_ERROR = "{prog}: lỗi: {message}\nXem hướng dẫn: {prog} --help\n"
CLI_PORT_INVALID = "cổng phải là một số từ 1 đến 65535, không phải «{value}»"
CLI_COMMAND_METAVAR = "LỆNH"
CLI_TEXT_METAVAR = "VĂN_BẢN"
CLI_DATE_METAVAR = "NGÀY"
CLI_PORT_METAVAR = "CỔNG"
CLI_HOST_METAVAR = "ĐỊA_CHỈ"
# --- postgres backup ---
# `nhacviec backup` on PostgreSQL (bot/backup_pg.py): the dump is taken, and how to put it back is said.
PG_BACKUP_DONE = (
    "Đã sao lưu PostgreSQL bằng pg_dump → {target} ({size} byte, quyền 0600). Khôi phục (dừng bot trước; "
    "pg_restore hỏi mật khẩu PostgreSQL):\n  pg_restore --clean --if-exists --no-owner --dbname=\"{url}\" {target}"
)
PG_DUMP_MISSING = (
    "Không sao lưu được: máy này chưa có pg_dump (Debian/Ubuntu: sudo apt-get install postgresql-client, cùng phiên "
    "bản chính với máy chủ PostgreSQL hoặc mới hơn). Hoặc sao lưu từ máy khác có pg_dump:"
)
# `nhacviec restore FILE` on PostgreSQL: it restores SQLite only; the pg_restore lines for this database and file.
PG_RESTORE_LINES = """\
Cơ sở dữ liệu là PostgreSQL: nhacviec restore chỉ khôi phục SQLite. Không thay đổi gì.
Khôi phục bản pg_dump bằng pg_restore: dừng bot (sudo systemctl stop nhacviec), gõ mật khẩu PostgreSQL (dòng đầu), \
chạy dòng thứ hai, rồi khởi động bot:

  read -rs PGPASSWORD && export PGPASSWORD
  pg_restore --clean --if-exists --no-owner --dbname="{url}" {file}
"""
# --- postgres refusals ---
# PostgreSQL answered and refused (bot/pg_refusal.py): `nhacviec run` (exit 2), `status`, `migrate-to-postgres`.
PG_REFUSED_PASSWORD = (
    "PostgreSQL ở {host} từ chối mật khẩu của người dùng «{user}» (máy chủ vẫn chạy): sửa mật khẩu (trong "
    "DATABASE_URL, hay gõ lại), hoặc đặt mật khẩu mới: sudo -u postgres psql -c \"\\password {user}\""
)
PG_REFUSED_NOT_ALLOWED = (
    "PostgreSQL ở {host} không cho người dùng «{user}» vào cơ sở dữ liệu «{database}» từ máy này: người dùng chưa "
    "có (sudo -u postgres createuser --pwprompt {user}) hoặc pg_hba.conf thiếu dòng cho máy này "
    "(host {database} {user} ĐỊA_CHỈ/24 scram-sha-256, rồi sudo systemctl reload postgresql)."
)
PG_REFUSED_NO_DATABASE = (
    "PostgreSQL ở {host} không có cơ sở dữ liệu «{database}»: tạo nó (sudo -u postgres createdb --owner {user} "
    "{database}) hoặc sửa tên cuối DATABASE_URL."
)
PG_MIGRATE_ASK_AT_TERMINAL = (
    "Địa chỉ sau --to không có mật khẩu, và lệnh chỉ hỏi mật khẩu khi chạy trong một cửa sổ lệnh: chạy lại lệnh "
    "trong cửa sổ lệnh (ssh -t nếu qua SSH) rồi gõ mật khẩu khi được hỏi."
)
PG_MIGRATE_REFUSED = "{reason}\nKhông lưu gì vào PostgreSQL; SQLite không bị thay đổi."
# `nhacviec db upgrade|downgrade` on PostgreSQL: the pg_dump taken first (bot/dbcli.py), as SQLite's copy.
DB_PG_BACKED_UP = (
    "Đã sao lưu trước khi đổi lược đồ: {target} (khôi phục: pg_restore --clean --if-exists --no-owner "
    "--dbname=\"{url}\" {target})"
)
DB_PG_NOT_CHANGED = "Không đổi lược đồ khi chưa sao lưu được (hoặc thêm --no-backup nếu đã sao lưu bằng cách khác)."
# `nhacviec restore --check X.dump` (a pg_dump file): pg_restore reads its table of contents (bot/backup_pg.py).
PG_DUMP_GOOD = (
    "Bản pg_dump đọc được: {path} — tạo lúc {created}, mục lục có đủ các bảng của Nhắc việc ({tables} bảng). Không "
    "thay đổi gì. (pg_restore --list chỉ đọc mục lục; dữ liệu được đọc hết khi khôi phục thử vào một cơ sở dữ liệu "
    "trống.)"
)
PG_DUMP_UNREADABLE = "{path} không đọc được như một bản pg_dump ({error}). Không thay đổi gì."
PG_DUMP_NOT_NHACVIEC = "{path} không phải bản sao lưu của Nhắc việc (thiếu bảng: {missing}). Không thay đổi gì."
PG_RESTORE_MISSING = (
    "Máy này chưa có pg_restore để đọc bản pg_dump (Debian/Ubuntu: sudo apt-get install postgresql-client)."
)


# --- qa21 ---
# A chair by being a group admin, no longer an admin (handlers.membership._demoted): said in the group once, as the
# promotion of a new chair is (QA18_PROMOTED_CHAIR), with who the chairs are now.
QA21_CHAIR_DEMOTED = (
    "👤 {name} không còn là quản trị viên nhóm nên thôi quyền Trưởng ban (duyệt gia hạn, huỷ nhiệm vụ, đổi cài đặt). "
    "Trưởng ban hiện nay: {chairs}. Xem vai trò: /vaitro"
)
# …and no administrator is left to be the chair (Telegram gives nobody the rights): the way back.
QA21_CHAIR_DEMOTED_NONE = (
    "👤 {name} không còn là quản trị viên nhóm nên thôi quyền Trưởng ban. Nhóm chưa có quản trị viên nào khác: "
    "người tạo nhóm đặt một quản trị viên, người đó là Trưởng ban. Xem vai trò: /vaitro"
)
# A recurring directive in the /nhap preview (handlers.importing._due_label): the first period's day it will be saved
# with, beside «🔁 định kỳ (hằng tháng)».
QA21_IMPORT_RECURRING_DUE = "{due} (kỳ đầu) · {recurring}"
# A secretary refused what only a chair does (handlers.command.refusal_text): her part, and whom to ask, by name.
QA21_SECRETARY_ASK_CHAIR = (
    "Thư ký ghi, sửa nhiệm vụ; việc này do Trưởng ban làm — nhờ Trưởng ban ({chairs}) gõ lệnh này."
)
# A /nhap preview's deadline on a weekend or a public holiday (handlers.importing._day_off): «31/10/2026 (Thứ Bảy,
# ngày nghỉ)», as /giao says it, to be moved by a reply before saving.
QA21_IMPORT_DUE_DAY_OFF = " ({weekday}, ngày nghỉ)"

# --- wards16 ---
# A district's directive to its linked ward committees (handlers.ward_handoff): how the preview names them,
# the line under /giao's confirmation, and the ward group's message.
WARDS16_SEVERAL = "{count} {level}: {names}"
WARDS16_HANDED = "→ {wards} — mỗi nơi nhận việc trong nhóm của mình ({numbers})."
WARDS16_FROM_UPPER = "📥 <b>{upper}</b> giao (#{upper_number} của Ban cấp trên) — nhiệm vụ <b>#{number}</b> của Ban:"
WARDS16_TAKEN_BACK = (
    "↩️ <b>{upper}</b> đã rút lại nhiệm vụ #{upper_number} của Ban cấp trên: nhiệm vụ <b>#{number}</b> của Ban "
    "đã huỷ theo.\n📌 {text}"
)

# --- board16 ---
# The chart's «x/y»: of the tasks whose deadline falls in the period, how many were done by it — said in words,
# with the period's whole count apart («0/10 đúng hạn» over every task live in the month read as ten tasks due).
BOARD_TEXTS["chart_due"] = "{done}/{due} việc đến hạn trong kỳ xong đúng hạn"
BOARD_TEXTS["chart_due_none"] = "không có việc đến hạn trong kỳ"
BOARD_TEXTS["chart_in_period"] = "{n} việc trong kỳ"
# «Tuần này» lists what falls due this week (Monday to Sunday); work overdue from earlier weeks is «Quá hạn».
BOARD_TEXTS["filter_week"] = "Hạn tuần này"
BOARD_TEXTS["week_hint"] = "Hạn từ {start} đến {end}. Việc quá hạn từ các tuần trước: xem «Quá hạn»."
# A recurring duty on the board: marked on its card, its cadence in words in its detail (as LABEL_RECURRING).
BOARD_TEXTS["recurring_mark"] = "🔁 định kỳ"
BOARD_TEXTS["recurring_title"] = "Định kỳ"
BOARD_TEXTS["recurring_detail"] = "🔁 {cadence}"
BOARD_TEXTS["cadence_names"] = dict(CADENCE_NAMES)
# A district's /baocao and /xuat: its wards' lines (the Monday summary's, handlers.ward_lines), under this heading.
BOARD16_WARDS_HEADING = "Các Ban cấp dưới (liên kết), quá hạn nhiều xếp trước"

# --- ward17 ---
# A ward's copy of a district's task reports back up (handlers.ward_report): what the district's task records
# (its history, /xem) and the one brief line its group gets when a ward finishes.
EVENT_NAMES["ward_done"] = "Ban cấp dưới hoàn thành"
EVENT_NAMES["ward_progress"] = "Ban cấp dưới báo tiến độ"
EVENT_NAMES["ward_extended"] = "Ban cấp dưới được gia hạn"
WARD17_DONE_NOTE = "{ward} đã hoàn thành (#{number} của {level}) ngày {day}"
WARD17_PROGRESS_NOTE = "{ward} báo tiến độ (#{number} của {level}): {note}"
WARD17_BLOCKED_NOTE = "{ward} báo vướng mắc (#{number} của {level}): {note}"
WARD17_EXTENDED_NOTE = "{ward} được gia hạn (#{number} của {level}) đến {due}"
WARD17_DONE_TOLD = "📤 {ward} đã hoàn thành phần việc của nhiệm vụ <b>#{number}</b>{rest}"
WARD17_REST_OPEN = " ({done}/{total} nơi chủ trì đã xong)."
WARD17_REST_CLOSED = " — mọi nơi chủ trì đã xong: ✅ #{number} đã hoàn thành — {verdict}."
WARD17_REST_CHAIR = "; nhiệm vụ còn mở để Trưởng ban đóng (/xong {number})."
WARD17_CLOSED_NOTE = "các Ban cấp dưới chủ trì đã hoàn thành cả"

# --- chat17 ---
# /ds tuannay reads «tuần này» as the board's «Hạn tuần này» does (board16): deadlines from this week's Monday
# (on a weekend: the coming week, today included) to its Sunday; older overdue work is /ds quahan's, counted here.
CHAT17_LIST_FILTER_WEEK = "hạn tuần này, {start} – {end}"
CHAT17_WEEK_OLDER_OVERDUE = "⚠️ Còn {count} nhiệm vụ đã quá hạn (hạn trước {start}), không tính ở đây: xem /ds quahan."
# A button's alert (at most 200 characters) to a chair whose role ended with the group's admin rights, above the
# refusal; a command's answer says it in CHAIR_ENDED_HINT's words.
CHAT17_CHAIR_ENDED_ALERT = "ℹ️ Anh/chị không còn là quản trị viên của nhóm nên không còn quyền Trưởng ban."
