"""The committee named on a reminder's buttons when two committees' tasks share a number (qa15):
bot.texts.committee_tag, as jobs/dispatcher.reminder_keyboard shows it."""

from __future__ import annotations

from datetime import date

from bot import texts
from domain.reminders import ReminderItem, ReminderKind
from jobs.dispatcher import reminder_keyboard


def test_the_tag_drops_the_word_every_committee_title_starts_with() -> None:
    assert texts.committee_tag("BCĐ Chuyển đổi số") == "Chuyển đổi số"
    assert texts.committee_tag("Ban chỉ đạo  An toàn giao thông") == "An toàn giao thông"
    assert texts.committee_tag("ban chỉ đạo Tổ công tác") == "Tổ công tác"  # typed in lower case
    assert texts.committee_tag("BCĐ Cải cách hành chính huyện") == "Cải cách hành…"  # cut at a word
    assert texts.committee_tag("Tổ công tác BCĐ 35") == "Tổ công tác BCĐ 35"  # only a leading word goes
    assert len(texts.committee_tag("BCĐ " + "Phát triển kinh tế xã hội")) <= texts.COMMITTEE_TAG_MAX


def test_two_committees_same_number_buttons_carry_their_tags() -> None:
    def item(task_id: int, committee: str) -> ReminderItem:
        return ReminderItem(task_id, 3, "Báo cáo", committee, date(2026, 12, 20), ReminderKind.BEFORE)

    keyboard = reminder_keyboard([item(11, "BCĐ Chuyển đổi số"), item(12, "Ban chỉ đạo An toàn giao thông")])
    labels = [b.text for row in keyboard.inline_keyboard for b in row]
    assert "✅ Xong #3 Chuyển đổi số" in labels
    assert "🚧 Vướng mắc #3 An toàn giao thông" in labels
    assert not any("BCĐ" in label or "Ban chỉ đạo" in label for label in labels)
