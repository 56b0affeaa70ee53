"""What Prometheus alerts on when reminders are late or the Monday summary did not go out (README
«Theo dõi»: nhacviec_reminder_oldest_due_seconds, nhacviec_summary_oldest_due_seconds). Read from a
database with a committee's real history (tests/ops/conftest.history): its next reminders are planned
for 4/12 08:00 and its summary for Monday 7/12 07:30 (Asia/Ho_Chi_Minh), and nothing sends them here —
exactly a bot whose sends all fail."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bot.clock import ManualClock
from bot.metrics import MetricsServer, oldest_due_ages
from db.engine import create_engine
from tests.conftest import no_database
from tests.ops.conftest import with_history
from tests.ops.test_monitoring import samples

pytestmark = [no_database]  # a SQLite history of its own

REMINDER_DUE = datetime(2026, 12, 4, 1, 0, tzinfo=UTC)  # the oldest pending reminder of the history
SUMMARY_DUE = datetime(2026, 12, 7, 0, 30, tzinfo=UTC)  # the Monday summary of week 50


async def scrape(url: str, now: datetime) -> dict[str, float]:
    engine = create_engine(url)
    try:
        body = (await MetricsServer(engine, "127.0.0.1", 0, ManualClock(now))._metrics(None)).body  # type: ignore[arg-type]
    finally:
        await engine.dispose()
    return samples(bytes(body).decode())


async def test_late_reminder_and_summary_ages(history_file: Path, tmp_path: Path) -> None:
    url = with_history(history_file, tmp_path / "nhacviec.db")
    rows = sqlite3.connect(tmp_path / "nhacviec.db")
    due = rows.execute("select min(due_at) from reminders where status = 'pending'").fetchone()[0]
    assert due.startswith("2026-12-04 01:00"), due  # the history this test reads

    before = await scrape(url, datetime(2026, 12, 4, 0, 59, tzinfo=UTC))
    assert before["nhacviec_reminder_oldest_due_seconds"] == 0  # planned, not due yet: not late
    assert before["nhacviec_summary_oldest_due_seconds"] == 0

    later = await scrape(url, datetime(2026, 12, 4, 1, 45, tzinfo=UTC))
    assert later["nhacviec_reminder_oldest_due_seconds"] == 45 * 60
    assert later["nhacviec_summary_oldest_due_seconds"] == 0

    at = datetime(2026, 12, 7, 1, 30, tzinfo=UTC)
    monday = await scrape(url, at)
    assert monday["nhacviec_summary_oldest_due_seconds"] == (at - SUMMARY_DUE).total_seconds() == 3600
    assert monday["nhacviec_reminder_oldest_due_seconds"] == (at - REMINDER_DUE).total_seconds()

    # Sent rows are not late: the reminders sent, the summary sent -> both gauges back to 0.
    rows.execute("update reminders set status = 'sent' where due_at <= '2026-12-07 01:30'")
    rows.execute("update summary_runs set status = 'sent'")
    rows.commit()
    sent = await scrape(url, datetime(2026, 12, 7, 1, 30, tzinfo=UTC))
    assert sent["nhacviec_reminder_oldest_due_seconds"] == 0
    assert sent["nhacviec_summary_oldest_due_seconds"] == 0
    rows.close()


async def test_a_group_that_removed_the_bot_is_not_late(history_file: Path, tmp_path: Path) -> None:
    """The bot removed from a group: its reminders wait for it on purpose (README «Sự cố»); an alert
    all night for that would teach the administrator to ignore the alert."""
    url = with_history(history_file, tmp_path / "nhacviec.db")
    rows = sqlite3.connect(tmp_path / "nhacviec.db")
    rows.execute("update committees set active = 0")
    rows.commit()
    rows.close()
    engine = create_engine(url)
    try:
        assert await oldest_due_ages(engine, datetime(2026, 12, 7, 1, 30, tzinfo=UTC)) == (0.0, 0.0)
    finally:
        await engine.dispose()


def test_status_says_when_reminders_and_the_summary_are_late(history_file: Path, tmp_path: Path) -> None:
    """`nhacviec status` (for the administrator without Prometheus): one line each, only when late."""
    from bot import texts as T
    from bot.settings import Settings
    from bot.status import collect_status

    url = with_history(history_file, tmp_path / "nhacviec.db")
    settings = Settings(bot_token="123456:status", database_url=url)
    quiet = collect_status(settings, now=datetime(2026, 12, 4, 0, 59, tzinfo=UTC).timestamp()).lines
    assert not [line for line in quiet if line.startswith("⚠️")]
    monday = collect_status(settings, now=datetime(2026, 12, 7, 1, 30, tzinfo=UTC).timestamp()).lines
    assert T.STATUS_LATE_REMINDER.format(ago="72 giờ") in monday
    assert T.STATUS_LATE_SUMMARY.format(ago="60 phút") in monday
