"""Delivering notices (db/outbox.py): messages to someone other than the person who acted — the
extension request to the chair, the chair's decision to the requester, a private report told to
the group. Claimed, sent and recorded like reminders and summaries, with the same errors handled
(jobs/delivery.py):

- sent: recorded with the message id (under the runtime's in-flight bound, so a crash re-sends at
  most the few in flight);
- long flood wait or network trouble: back to pending with a backoff (30 s, 1 min, 2 min … 1 h);
- 403 or "chat not found" in a private chat: the person blocked the bot (or never opened the chat):
  marked, and the notice goes to the committee group with a mention, as reminders do;
- 403 in the group: the bot is not in it any more: the committee pauses, the notice waits;
- another BadRequest: recorded as failed, not retried.

A handler sends its notices at once after its own answer (`send_now`); the dispatcher's tick sends
whatever is left (a failure, a restart in between).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import RetryAfter

from bot import texts
from bot.member_status import Standing
from db.committees import migrate_chat
from db.outbox import (
    DueNotice,
    backoff,
    claim_notices,
    mark_notice_failed,
    mark_notice_retry,
    mark_notice_sent,
    release_notice,
    reroute_notice,
)
from db.reminders import mark_person_blocked, pause_committee
from jobs import approval_fallback, new_tasks_fallback
from jobs.dbretry import retry_db
from jobs.delivery import Delivery, Outcome, retry_after_seconds, send_with_policy
from jobs.presence import UNKNOWN_WAIT
from jobs.runtime import DispatchRuntime, DispatchStats, run_bounded

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)


def _keyboard(notice: DueNotice) -> InlineKeyboardMarkup | None:
    if not notice.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in notice.buttons]
    )


async def _deliver(
    services: Services, bot: Bot, runtime: DispatchRuntime, notice: DueNotice, stats: DispatchStats,
    folded: set[int] | None = None,
) -> None:
    """`folded`: ids of notices this one absorbed on the way to the group (the other parts of a
    new-task message, jobs/new_tasks_fallback.py): the caller skips them."""
    worker = runtime.worker_id
    chat_id = runtime.migrated.get(notice.chat_id, notice.chat_id)
    text = notice.text
    markup = _keyboard(notice)
    private = chat_id > 0

    async def on_migrated(new_chat_id: int) -> None:
        runtime.migrated[chat_id] = new_chat_id
        async with services.session_factory() as s, s.begin():
            await migrate_chat(s, chat_id, new_chat_id)

    async def record(d: Delivery) -> None:
        async def write() -> None:
            async with runtime.record_lock, services.session_factory() as s, s.begin():
                await mark_notice_sent(s, notice.id, worker, services.clock.now(), d.chat_id, d.message_id)

        await retry_db(write, runtime.policy.sleep)  # Telegram has it: the record must survive

    async def to_group(blocked: bool) -> bool:
        """The notice goes to the committee's group with a mention (as reminders do); False when it is no
        longer this worker's (the lease ran out meanwhile)."""
        nonlocal text, chat_id, private, markup
        stats.notices_rerouted += 1
        who = texts.mention(notice.person_name, notice.person_tg_id or chat_id, notice.person_username)
        text = texts.NOTICE_FOR.format(who=who, text=notice.text)
        chat_id = runtime.migrated.get(notice.group_chat_id, notice.group_chat_id)
        private = False
        async with services.session_factory() as s, s.begin():
            if notice.person_id is not None and blocked:
                await mark_person_blocked(s, notice.person_id)
            short = notice.kind == new_tasks_fallback.KIND
            if short:  # one line a person and save, not the list of tasks (product10)
                text, absorbed = await new_tasks_fallback.fold_for_group(s, notice, who)
                markup = None
                if folded is not None:
                    folded.update(absorbed)
            elif notice.kind == approval_fallback.KIND and (
                one := await approval_fallback.fold_for_group(s, notice, who, worker, services.clock.now())
            ):  # an approval: one group message with the doers' (product11)
                text, absorbed = one
                if folded is not None:
                    folded.update(absorbed)
            return await reroute_notice(s, notice.id, worker, chat_id, text, drop_buttons=short)

    if private and notice.person_tg_id is not None:
        # (sec15) A message about a committee's task reaches a private chat only while Telegram says the
        # person is in the committee's group (jobs/presence.py): a stranger named by a mistyped @name is
        # not told the committee's business; the group is, with the mention.
        group = runtime.migrated.get(notice.group_chat_id, notice.group_chat_id)
        try:
            standing = await services.members.ask(bot, group, notice.person_tg_id, services.clock.now(),
                                                  raise_flood=True)
        except RetryAfter as exc:
            runtime.policy.limiter.pause(retry_after_seconds(exc))
            standing = None
        if standing is None:  # Telegram could not say: the notice waits
            async with services.session_factory() as s, s.begin():
                wait = max(UNKNOWN_WAIT, backoff(notice.attempts))
                await mark_notice_retry(s, notice.id, worker, services.clock.now() + wait,
                                        "getChatMember: Telegram could not say whether the person is in the group")
            return
        if standing is Standing.GONE:
            log.info("notice %s: person %s not in the group: sent there", notice.id, notice.person_id)
            if not await to_group(blocked=False):
                return

    while True:
        d = await send_with_policy(
            bot,
            runtime.policy,
            chat_id,
            text,
            markup,
            None if private else on_migrated,
            guard=runtime.unrecorded,
            on_sent=record,
        )
        if d.outcome is Outcome.SENT:
            stats.notices_sent += 1
            return
        not_found = d.outcome is Outcome.FAILED and "chat not found" in (d.error or "").lower()
        if private and (d.outcome is Outcome.FORBIDDEN or not_found):
            # Blocked, or never opened: the group it is, with a mention (as reminders do).
            if not await to_group(blocked=d.outcome is Outcome.FORBIDDEN):
                return  # no longer ours (the lease ran out meanwhile)
            continue
        async with services.session_factory() as s, s.begin():
            if d.outcome is Outcome.RETRY_LATER:
                wait = max(timedelta(seconds=d.retry_in), backoff(notice.attempts))
                await mark_notice_retry(s, notice.id, worker, services.clock.now() + wait, d.error or "")
            elif d.outcome is Outcome.FORBIDDEN:  # the bot is not in the group any more: pause
                await pause_committee(s, notice.committee_id)
                await release_notice(s, notice.id, worker)
            else:
                stats.notices_failed += 1
                await mark_notice_failed(s, notice.id, worker, d.error or "")
        return


async def _send_chat(
    services: Services, bot: Bot, runtime: DispatchRuntime, notices: list[DueNotice], stats: DispatchStats,
    folded: set[int],
) -> None:
    for notice in notices:  # one chat's notices in the order they were decided
        if notice.id in folded:
            continue
        try:
            await _deliver(services, bot, runtime, notice, stats, folded)
        except Exception:
            # Unexpected (a bug, the database gone): left claimed; the lease brings it back.
            log.exception("notice %s to chat %s failed", notice.id, notice.chat_id)


async def send_due_notices(
    services: Services,
    bot: Bot,
    now: datetime,
    runtime: DispatchRuntime,
    stats: DispatchStats,
    only: Sequence[int] | None = None,
) -> None:
    async with services.session_factory() as s, s.begin():
        due = await claim_notices(s, now, runtime.worker_id, runtime.notice_batch, only=only)
    stats.notices_claimed += len(due)
    per_chat: dict[int, list[DueNotice]] = defaultdict(list)
    for notice in due:
        per_chat[notice.chat_id].append(notice)
    # Private chats first, then groups: a private notice refused (403) is rerouted to the group and may
    # fold a group notice of the same decision into it (jobs/approval_fallback.py) before that one goes.
    # `folded` is shared: what one chat's notice absorbed, another chat skips.
    folded: set[int] = set()
    for private in (True, False):
        await run_bounded(
            (_send_chat(services, bot, runtime, group, stats, folded)
             for chat_id, group in per_chat.items() if (chat_id > 0) == private),
            runtime.concurrency,
        )


async def send_now(
    services: Services, bot: Bot, runtime: DispatchRuntime, ids: Sequence[int], now: datetime | None = None
) -> DispatchStats:
    """Send these just-stored notices now (a handler, after its own answer). What fails stays in the
    outbox for the dispatcher. `now`: the moment they are claimed as of (default the bot's clock; a
    notice due a little later, the supergroup's welcome, is sent by a job that waited for it)."""
    stats = DispatchStats()
    if ids:
        # No inline network retries here: the handler does not wait through a backoff; the row's
        # next_attempt_at does (the dispatcher's tick).
        runtime.unrecorded, runtime.record_lock  # noqa: B018 - created once, shared with the copy
        policy = replace(runtime.policy, network_retries=0)
        now_runtime = replace(runtime, policy=policy)
        await send_due_notices(services, bot, now or services.clock.now(), now_runtime, stats, only=ids)
    return stats
