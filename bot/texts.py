"""Every text the bot shows a user, in one place (reviewable by a non-coder).

Messages use Telegram HTML: anything that comes from a user must go through `esc()`.
Each section belongs to one feature; keep texts inside their section.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

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
UNKNOWN_COMMAND = "Không có lệnh này. Gõ /huongdan để xem các lệnh."

# ============================================================================ core loop (issue 2)

# ============================================================================ units and roles

# ============================================================================ import /nhap (issue 3)

# ============================================================================ reminders (issue 4)
# A reminder message lists one or more tasks (several due to one person at one moment go in one
# message). Blocks are built by `render_reminder`; the keyboard labels are used by jobs/dispatcher.

REMINDER_KIND_ICON = {"before": "⏰", "due": "📌", "overdue": "⚠️", "escalation": "🔺"}
REMINDER_HEADER = "⏰ <b>Nhắc việc</b>"
REMINDER_HEADER_MANY = "⏰ <b>Nhắc việc</b> — {count} nhiệm vụ cần anh/chị chú ý"
REMINDER_HEADER_ESCALATION = "🔺 <b>Báo cáo Trưởng ban</b> — nhiệm vụ đã quá hạn"
REMINDER_HEADER_GROUP = "⏰ <b>Nhắc việc</b> — các nhiệm vụ sau cần được chú ý"
REMINDER_DUE_LINE = "Hạn: {due}"
REMINDER_LEAD_LINE = "Chủ trì: {lead}"
REMINDER_PEOPLE_LINE = "👤 {people}"
REMINDER_NO_CONTACT = (
    "👥 Chưa có người nhận nhắc việc riêng — Trưởng ban dùng /donvi gan để gán người phụ trách."
)
REMINDER_FOOTER_PRIVATE = "Bấm nút bên dưới để báo đã xong, báo tiến độ hoặc xin gia hạn."
REMINDER_FOOTER_GROUP = "Người được nhắc bấm nút bên dưới để báo đã xong, báo tiến độ hoặc xin gia hạn."
REMINDER_PRIVATE_HINT = "💬 Nhắn riêng /start cho bot để nhận nhắc việc riêng."
# Buttons. Callback data ("done:<id>", "prog:<id>", "ext:<id>") is handled by the core handlers.
BTN_DONE = "✅ Đã xong"
BTN_PROGRESS = "📝 Báo cáo tiến độ"
BTN_EXTEND = "⏳ Xin gia hạn"
BTN_DONE_N = "✅ Xong #{number}"
BTN_PROGRESS_N = "📝 Tiến độ #{number}"
BTN_EXTEND_N = "⏳ Gia hạn #{number}"
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
    icon = REMINDER_KIND_ICON.get(item.kind, "⏰")
    lines = [f"{icon} <b>#{item.number}</b> · <i>{esc(item.committee)}</i>", esc(shorten(item.text))]
    lines.append(REMINDER_DUE_LINE.format(due=fmt_due(item.due, today)))
    if item.lead and (item.kind == "escalation" or in_group):
        lines.append(REMINDER_LEAD_LINE.format(lead=esc(item.lead)))
    if in_group and item.people:
        lines.append(
            REMINDER_PEOPLE_LINE.format(
                people=", ".join(mention(p.name, p.tg_user_id, p.username) for p in item.people)
            )
        )
    if in_group and item.no_contact:
        lines.append(REMINDER_NO_CONTACT)
    return "\n".join(lines)


def render_reminder(items: Sequence[ReminderItem], today: date, *, in_group: bool) -> str:
    """One reminder message (private chat, or the committee group with mentions)."""
    if in_group:
        header = REMINDER_HEADER_GROUP
    elif all(i.kind == "escalation" for i in items):
        header = REMINDER_HEADER_ESCALATION
    elif len(items) > 1:
        header = REMINDER_HEADER_MANY.format(count=len(items))
    else:
        header = REMINDER_HEADER
    blocks = [header, *(_reminder_block(i, today, in_group=in_group) for i in items)]
    blocks.append(REMINDER_FOOTER_GROUP if in_group else REMINDER_FOOTER_PRIVATE)
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


def _lead(lead: str | None) -> str:
    return SUMMARY_LEAD.format(lead=esc(lead)) if lead else SUMMARY_NO_LEAD


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
    week = SUMMARY_WEEK.format(
        start=s.week_start.strftime("%d/%m"), end=fmt_date(s.week_end), today=fmt_day(s.today)
    )
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
                            lead=_lead(x.lead),
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
                        lead=_lead(x.lead),
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
    if s.units and t.total:
        sections.append(
            (
                SUMMARY_UNITS_TITLE,
                [
                    SUMMARY_UNIT_LINE.format(
                        unit=esc(u.unit),
                        done=u.done,
                        total=u.total,
                        overdue=SUMMARY_UNIT_OVERDUE.format(count=u.overdue) if u.overdue else "",
                    )
                    for u in s.units
                ],
            )
        )
    return "\n".join(head), sections


def pack_messages(
    head: str, sections: Sequence[tuple[str, Sequence[str]]], limit: int = MESSAGE_LIMIT
) -> list[str]:
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

# ============================================================================ sandbox (issue 7)
