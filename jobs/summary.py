"""The weekly summary: built on demand (/tonghop) and sent once a week to each committee group.

Sending goes through the same claim / send / record cycle as reminders (db.summaries): the
SummaryRun row of the committee and ISO week is claimed, the summary is rendered (split at task
boundaries), each part is sent in order and counted in `parts_sent`, so that a crash resumes at the
next part and a restart never posts a second summary for the same week. A summary found late
(downtime) goes out at once if it is still its week and an allowed moment; a past week's is
skipped — the next one replaces it.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot

from bot import metrics
from bot.texts import SUMMARY_EMPTY, SUMMARY_EMPTY_UPPER, render_lower_lines, render_summary
from db.board import counting_views, lower_committees
from db.committees import migrate_chat
from db.models import Committee
from db.reminders import as_utc, pause_committee, settings_of
from db.summaries import (
    DueSummary,
    claim_due_summaries,
    defer_summary,
    load_task_views,
    mark_summary_failed,
    mark_summary_part_sent,
    mark_summary_retry,
    mark_summary_sent,
    skip_summary,
)
from domain.board import lower_line, order_lower
from domain.reminders import iso_week_of, nominal_summary_day, summary_applying_now
from domain.summary import build_summary
from jobs.dbretry import retry_db
from jobs.delivery import Delivery, Outcome, send_with_policy
from jobs.runtime import DispatchRuntime, DispatchStats, run_bounded

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)


async def summary_messages(
    session: AsyncSession, committee_id: int, now: datetime, week: tuple[int, int] | None = None
) -> list[str]:
    """The committee's summary as of `now`, as Telegram-HTML messages (≤ 4096 UTF-16 units each).
    For /tonghop and the weekly post alike: month/quarter figures appear in the week whose
    (nominal) summary day is the first of its month/quarter."""
    com = await session.get(Committee, committee_id)
    if com is None:
        return []
    settings = settings_of(com)
    today = as_utc(now).astimezone(settings.tz).date()
    views = await load_task_views(session, committee_id)
    nominal = nominal_summary_day(week or iso_week_of(today), settings)
    summary = build_summary(views, today, com.title, summary_day=nominal)
    wards = await lower_committees(session, committee_id)
    own_none = wards and summary.totals.total == 0
    if own_none:
        # A district whose work is its wards': «Chưa có nhiệm vụ nào được giao. Dùng /giao…» over a month of
        # zeros read as if nothing was going on; it says its figures are its wards', below.
        summary = replace(summary, month=None, quarter=None)
    parts = render_summary(summary)
    if own_none:
        parts[0] = parts[0].replace(SUMMARY_EMPTY, SUMMARY_EMPTY_UPPER)
    # A district committee's summary ends with one line per ward committee linked under it: most overdue
    # first, «xong đúng hạn» of the month this summary reports (the board's ward lines say the same). Counted
    # from one light query for all the wards, as the board counts them (db.board.counting_views): a full
    # task view per ward (notes, units, assignees) was read only to be counted.
    counted = await counting_views(session, [c.id for c in wards])
    lower = order_lower([lower_line(c.id, c.title, counted[c.id], today, nominal) for c in wards])
    if lower:
        parts.append(render_lower_lines(lower))
    return parts


async def _record_part_sent(
    services: Services, runtime: DispatchRuntime, run_id: int, parts_sent: int, *, last: bool
) -> None:
    """Telegram has the part: the record must survive a busy or restarting database (else: resent).
    The last part's count and the run's end go in one write (a transaction less per committee on a
    Monday with 10,000 of them: bench/scale_bench.py)."""

    async def write() -> None:
        async with runtime.record_lock, services.session_factory() as s, s.begin():
            if last:
                await mark_summary_sent(s, run_id, runtime.worker_id, services.clock.now(), parts_sent=parts_sent)
            else:
                await mark_summary_part_sent(s, run_id, runtime.worker_id, parts_sent)

    await retry_db(write, runtime.policy.sleep)


async def _send_summary(
    services: Services,
    bot: Bot,
    runtime: DispatchRuntime,
    run: DueSummary,
    now: datetime,
    stats: DispatchStats,
) -> None:
    settings = run.committee.settings
    worker = runtime.worker_id
    moment = summary_applying_now(run.week, now.astimezone(settings.tz), settings)
    if moment is None or moment > now:
        async with services.session_factory() as s, s.begin():
            if moment is None:
                stats.summaries_skipped += 1
                await skip_summary(s, run.id, worker, "its week is over")
            else:
                stats.summaries_deferred += 1
                await defer_summary(s, run.id, worker, moment)
        return
    async with services.session_factory() as s:
        parts = await summary_messages(s, run.committee.id, now, run.week)
    chat_id = runtime.migrated.get(run.committee.chat_id, run.committee.chat_id)

    async def on_migrated(new_chat_id: int) -> None:
        runtime.migrated[chat_id] = new_chat_id
        async with services.session_factory() as s, s.begin():
            await migrate_chat(s, chat_id, new_chat_id)

    for index in range(run.parts_sent, len(parts)):

        async def record(_d: Delivery, parts_sent: int = index + 1) -> None:
            await _record_part_sent(services, runtime, run.id, parts_sent, last=parts_sent == len(parts))

        # Recorded while the send's guard is held: a crash re-sends only a few (jobs/runtime.py).
        d = await send_with_policy(
            bot, runtime.policy, chat_id, parts[index], None, on_migrated, guard=runtime.unrecorded, on_sent=record
        )
        chat_id = d.chat_id
        if d.outcome is Outcome.SENT:
            stats.summary_parts_sent += 1
            continue
        async with services.session_factory() as s, s.begin():
            if d.outcome is Outcome.RETRY_LATER:
                retry_at = services.clock.now() + timedelta(seconds=d.retry_in)
                await mark_summary_retry(s, run.id, worker, retry_at, d.error or "")
            elif d.outcome is Outcome.FORBIDDEN:  # removed from the group: resume when re-added
                await pause_committee(s, run.committee.id)
                await mark_summary_retry(s, run.id, worker, services.clock.now(), d.error or "")
            else:
                await mark_summary_failed(s, run.id, worker, d.error or "")
                metrics.SUMMARIES_FAILED.inc()
        return
    if run.parts_sent >= len(parts):  # every part was sent before (the last one's record closes the run)
        async with services.session_factory() as s, s.begin():
            await mark_summary_sent(s, run.id, worker, services.clock.now())
    stats.summaries_sent += 1


async def _send_one(
    services: Services,
    bot: Bot,
    runtime: DispatchRuntime,
    run: DueSummary,
    now: datetime,
    stats: DispatchStats,
) -> None:
    try:
        await _send_summary(services, bot, runtime, run, now, stats)
    except Exception:
        # Left claimed: the lease brings it back; it resumes at the next unsent part.
        log.exception("weekly summary of committee %s failed", run.committee.id)


async def send_due_summaries(
    services: Services, bot: Bot, now: datetime, runtime: DispatchRuntime, stats: DispatchStats
) -> None:
    async with services.session_factory() as s, s.begin():
        runs = await claim_due_summaries(s, now, runtime.worker_id, runtime.summary_batch)
    stats.summaries_claimed += len(runs)
    await run_bounded((_send_one(services, bot, runtime, run, now, stats) for run in runs), runtime.concurrency)
