"""The dispatcher of the one outbox (db/outbox.py): each tick sends the notices due (jobs/notices.py),
then the reminders (here), then the weekly summaries (jobs/summary.py) — claim what is due, send it,
record what happened, plan the next one. Every send passes through jobs.delivery.send_with_policy
(one place where a delivery succeeds or fails), under the runtime's pace (jobs/ratelimit.py, shared
by the dispatchers alive: `share_pace`) and its in-flight bound (what a crash can re-send).

Reminders:

A tick (`dispatch_once`) works from the database alone, so a restart loses nothing and repeats
nothing: rows due while the bot was down are simply due now. For each claimed row it asks the
plan what applies *now* (`domain.reminders.reminder_applying_now`): today's reminder (kind and
day counts of today, once), or later (weekend, holiday, quiet hours, already reminded today), or
nothing (the task was closed meanwhile). Rows to send are grouped per destination — one private
message per person, one group message per committee — so that several reminders for one person at
one moment arrive as one message (at most MAX_TASKS_PER_MESSAGE tasks each).

Delivery goes to the person's private chat when they opened one with the bot and did not block
it; otherwise, or when the private send is refused (403), to the committee group with a mention
(tg://user?id=… links reach people without a username). Errors are handled in jobs/delivery.py.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.errors import log_background_failure
from db.committees import migrate_chat
from db.outbox import beat, due_work
from db.reminders import (
    DueReminder,
    any_paused,
    claim_due,
    defer,
    mark_cancelled,
    mark_failed,
    mark_person_blocked,
    mark_retry,
    mark_sent,
    pause_committee,
    plan_next,
    release,
)
from domain.reminders import (
    PlannedReminder,
    RecipientRole,
    ReminderItem,
    ReminderKind,
    ReminderPerson,
    reminder_applying_now,
)
from jobs.dbretry import retry_db
from jobs.delivery import Delivery, Outcome, send_with_policy
from jobs.notices import send_due_notices
from jobs.presence import Absent, ask_presence, tell_once
from jobs.runtime import DispatchRuntime, DispatchStats, run_bounded
from jobs.summary import send_due_summaries

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

MAX_TASKS_PER_MESSAGE = 10  # keeps a message readable and its keyboard small
_SEVERITY = {ReminderKind.BEFORE: 0, ReminderKind.DUE: 1, ReminderKind.OVERDUE: 2, ReminderKind.ESCALATION: 3}


@dataclass
class _Sending:
    """A claimed row on its way out, with the kind and day it is sent as."""

    row: DueReminder
    kind: ReminderKind
    day: date


@dataclass
class _Outgoing:
    chat_id: int
    in_group: bool
    committee_id: int  # the committee whose group this is (group messages), or of the first row
    items: list[_Sending] = field(default_factory=list)
    person_id: int | None = None  # private messages
    text: str = ""  # rendered by _fit
    keyboard: InlineKeyboardMarkup | None = None

    @property
    def row_ids(self) -> list[int]:
        return [s.row.id for s in self.items]


# --------------------------------------------------------------------------- decide


def _decide(row: DueReminder, now: datetime) -> tuple[str, PlannedReminder | None]:
    """'send' | 'defer' | 'cancel', with the reminder to send or keep."""
    if not row.task_open or row.due is None:
        return "cancel", None
    settings = row.committee.settings
    planned = reminder_applying_now(row.due, now.astimezone(settings.tz), settings, row.last_sent_day, row.role)
    if planned is None:
        return "cancel", None
    if planned.at > now:
        return "defer", planned
    return "send", planned


def _group_chat(row: DueReminder, runtime: DispatchRuntime) -> int:
    chat = row.committee.chat_id
    return runtime.migrated.get(chat, chat)


def _route(sendings: Sequence[_Sending], runtime: DispatchRuntime, now: datetime) -> list[_Outgoing]:
    """One private message per person, one group message per committee; long ones chunked."""
    private: dict[int, list[_Sending]] = defaultdict(list)
    group: dict[int, list[_Sending]] = defaultdict(list)
    for s in sendings:
        person = s.row.person
        if person is not None and person.reachable_privately and person.tg_user_id is not None:
            private[person.tg_user_id].append(s)
        else:
            group[s.row.committee.id].append(s)
    out: list[_Outgoing] = []
    for tg_id, items in private.items():
        items.sort(key=lambda s: (s.row.due or date.max, s.row.committee.id, s.row.task_number))
        for chunk in _chunks(items):
            person_id = chunk[0].row.person_id
            out += _fit(_Outgoing(tg_id, False, chunk[0].row.committee.id, chunk, person_id), now)
    for committee_id, items in group.items():
        items.sort(key=lambda s: (s.row.due or date.max, s.row.task_number))
        for chunk in _chunks(items):
            out += _fit(_Outgoing(_group_chat(chunk[0].row, runtime), True, committee_id, chunk), now)
    return out


def _fit(msg: _Outgoing, now: datetime) -> list[_Outgoing]:
    """Halve a message between tasks until each part fits Telegram's 4096 UTF-16 units (measured on
    the HTML, never shorter than what Telegram counts). One task always fits: its text and its list
    of people are shortened when rendered."""
    tasks = list(dict.fromkeys(x.row.task_id for x in msg.items))
    msg.text, msg.keyboard = _render(msg, now)
    if len(tasks) < 2 or texts.utf16_len(msg.text) <= texts.MESSAGE_LIMIT:
        return [msg]
    first = set(tasks[: len(tasks) // 2])
    halves = (
        [x for x in msg.items if x.row.task_id in first],
        [x for x in msg.items if x.row.task_id not in first],
    )
    return [part for half in halves for part in _fit(replace(msg, items=half), now)]


def _chunks(items: list[_Sending]) -> list[list[_Sending]]:
    """Split so that no message holds more than MAX_TASKS_PER_MESSAGE distinct tasks (rows of one
    task — several people mentioned in a group — stay together)."""
    chunks: list[list[_Sending]] = []
    tasks_in_chunk: set[int] = set()
    for s in items:
        if s.row.task_id not in tasks_in_chunk and len(tasks_in_chunk) >= MAX_TASKS_PER_MESSAGE:
            chunks.append([])
            tasks_in_chunk = set()
        if not chunks:
            chunks.append([])
        chunks[-1].append(s)
        tasks_in_chunk.add(s.row.task_id)
    return chunks


# --------------------------------------------------------------------------- render


def _reminder_items(msg: _Outgoing) -> list[ReminderItem]:
    by_task: dict[int, list[_Sending]] = {}
    for s in msg.items:
        by_task.setdefault(s.row.task_id, []).append(s)
    items = []
    for sendings in by_task.values():
        row = sendings[0].row
        kind = max((s.kind for s in sendings), key=_SEVERITY.__getitem__)
        people = tuple(
            ReminderPerson(s.row.person.display_name, s.row.person.tg_user_id, s.row.person.username,
                           s.row.person.not_in_group)
            for s in sendings
            if s.row.person is not None
        )
        lead_pid = row.lead_person_id
        lead_is_the_person = lead_pid is not None and [s.row.person_id for s in sendings if s.row.person] == [lead_pid]
        no_contact = any(s.row.person is None and s.row.role is RecipientRole.ASSIGNEE for s in sendings)
        items.append(
            ReminderItem(
                task_id=row.task_id,
                number=row.task_number,
                text=row.task_text,
                committee=row.committee.title,
                due=row.due or sendings[0].day,
                kind=kind,
                lead=row.lead,
                people=people if msg.in_group else (),
                no_contact=no_contact and msg.in_group,
                obstacle=row.obstacle if kind is ReminderKind.ESCALATION else None,
                lead_is_the_person=lead_is_the_person and msg.in_group,
                lead_kind=row.lead_kind,
            )
        )
    return items


def _chair_row(i: ReminderItem) -> list[InlineKeyboardButton]:
    """The chair's actions on an overdue task (an escalation): a new deadline, another assignee, a
    note — not the assignee's buttons (pressing «Gia hạn» asked the chair to ask herself)."""
    return [
        InlineKeyboardButton(texts.BTN_CHAIR_DUE_N.format(number=i.number), callback_data=f"cdue:{i.task_id}"),
        InlineKeyboardButton(texts.BTN_CHAIR_REASSIGN_N.format(number=i.number), callback_data=f"cgive:{i.task_id}"),
        InlineKeyboardButton(texts.BTN_CHAIR_NOTE_N.format(number=i.number), callback_data=f"cnote:{i.task_id}"),
    ]


def reminder_keyboard(items: Sequence[ReminderItem], chair_tasks: set[int] | None = None) -> InlineKeyboardMarkup:
    """The assignee's four buttons per task; callback data 'done:<task id>', 'prog:<id>', 'ext:<id>',
    'blk:<id>' (blocked: what the assignee is stuck on goes to the next meeting's agenda). An
    escalation (the chair's copy of an overdue task) carries the chair's actions instead:
    'cdue:<id>' (new deadline), 'cgive:<id>' (reassign), 'cnote:<id>' (note). `chair_tasks`: the
    tasks addressed to the chair only (default: the escalations); a group message that also reminds
    the assignees of a task keeps their buttons."""
    if chair_tasks is None:
        chair_tasks = {i.task_id for i in items if i.kind is ReminderKind.ESCALATION}
    if len(items) == 1 and items[0].task_id not in chair_tasks:
        tid = items[0].task_id
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(texts.BTN_DONE, callback_data=f"done:{tid}"),
                    InlineKeyboardButton(texts.BTN_PROGRESS, callback_data=f"prog:{tid}"),
                ],
                [
                    InlineKeyboardButton(texts.BTN_EXTEND, callback_data=f"ext:{tid}"),
                    InlineKeyboardButton(texts.BTN_BLOCKED, callback_data=f"blk:{tid}"),
                ],
            ]
        )
    # qa15: a person in several committees may get two tasks of the same number in one private reminder:
    # their rows would read the same («#1 ✅ Xong» twice); those rows name their committee instead.
    clashing = {n for n in {i.number for i in items} if len({i.committee for i in items if i.number == n}) > 1}
    rows: list[list[InlineKeyboardButton]] = []
    for i in items:
        if i.task_id not in chair_tasks and i.number in clashing:
            rows.extend(_tagged_rows(i))
        else:
            rows.append(_chair_row(i) if i.task_id in chair_tasks else _assignee_row(i))
    return InlineKeyboardMarkup(rows)


def _tagged_rows(i: ReminderItem) -> list[list[InlineKeyboardButton]]:
    """The assignee's four buttons, action first, then «#1 Cải cách hành…» (Telegram cuts a long label
    at its end: the action must survive), two to a row."""
    tag = texts.committee_tag(i.committee)
    labels = (texts.BTN_DONE_TAGGED, texts.BTN_PROGRESS_TAGGED, texts.BTN_EXTEND_TAGGED, texts.BTN_BLOCKED_TAGGED)
    buttons = [
        InlineKeyboardButton(label.format(number=i.number, committee=tag), callback_data=f"{kind}:{i.task_id}")
        for label, kind in zip(labels, ("done", "prog", "ext", "blk"), strict=True)
    ]
    return [buttons[:2], buttons[2:]]


def _assignee_row(i: ReminderItem) -> list[InlineKeyboardButton]:
    return [
        InlineKeyboardButton(texts.BTN_DONE_N.format(number=i.number), callback_data=f"done:{i.task_id}"),
        InlineKeyboardButton(texts.BTN_PROGRESS_N.format(number=i.number), callback_data=f"prog:{i.task_id}"),
        InlineKeyboardButton(texts.BTN_EXTEND_N.format(number=i.number), callback_data=f"ext:{i.task_id}"),
        InlineKeyboardButton(texts.BTN_BLOCKED_N.format(number=i.number), callback_data=f"blk:{i.task_id}"),
    ]


def _render(msg: _Outgoing, now: datetime) -> tuple[str, InlineKeyboardMarkup]:
    items = _reminder_items(msg)
    today = now.astimezone(msg.items[0].row.committee.settings.tz).date()
    assignee_tasks = {s.row.task_id for s in msg.items if s.kind is not ReminderKind.ESCALATION}
    # An escalation whose task has nobody to remind (a unit without contact people: «chưa có người nhận
    # nhắc việc riêng») gets the chair's buttons too: «Giao lại» is what such a task needs, and nobody
    # but the chair could press the assignee's.
    reminded = {
        s.row.task_id
        for s in msg.items
        if s.kind is not ReminderKind.ESCALATION
        and (s.row.person is not None or s.row.role is not RecipientRole.ASSIGNEE)
    }
    escalated = {s.row.task_id for s in msg.items if s.kind is ReminderKind.ESCALATION}
    chair_tasks = ({i.task_id for i in items} - assignee_tasks) | (escalated - reminded)
    return (texts.render_reminder(items, today, in_group=msg.in_group, chair_tasks=chair_tasks),
            reminder_keyboard(items, chair_tasks))


# --------------------------------------------------------------------------- send and record


async def _record_sent(services: Services, runtime: DispatchRuntime, msg: _Outgoing, d: Delivery) -> None:
    # Telegram has it: the record must survive a busy or restarting database (else: resent).
    await retry_db(lambda: _write_sent(services, runtime, msg, d), runtime.policy.sleep)


async def _write_sent(services: Services, runtime: DispatchRuntime, msg: _Outgoing, d: Delivery) -> None:
    now = services.clock.now()
    async with runtime.record_lock, services.session_factory() as s, s.begin():
        owned = await mark_sent(
            s,
            [(x.row.id, x.kind, x.day) for x in msg.items],
            now,
            runtime.worker_id,
            d.chat_id,
            d.message_id,
        )
        for x in msg.items:
            if x.row.id in owned:
                await plan_next(s, x.row, x.day, now)


async def _deliver(
    services: Services, bot: Bot, runtime: DispatchRuntime, msg: _Outgoing, stats: DispatchStats
) -> list[_Sending]:
    """Send one message and record the outcome. Returns the items to send to the group instead
    (a private chat refused them)."""

    async def on_migrated(new_chat_id: int) -> None:
        runtime.migrated[msg.chat_id] = new_chat_id
        async with services.session_factory() as s, s.begin():
            await migrate_chat(s, msg.chat_id, new_chat_id)

    async def record(d: Delivery) -> None:
        await _record_sent(services, runtime, msg, d)

    async def still_due() -> bool:
        if not _still_due(msg, services.clock.now()):
            log.info("reminder message to chat %s held past its day: decided again", msg.chat_id)
            return False
        try:
            async with services.session_factory() as s:
                paused = await any_paused(s, {x.row.committee.id for x in msg.items})
        except Exception:  # the database is down: send as decided (the record is retried)
            log.warning("could not check the committee before a reminder", exc_info=True)
            return True
        if paused:
            log.info("reminder message to chat %s: its committee was paused meanwhile", msg.chat_id)
        return not paused

    migrated = on_migrated if msg.in_group else None
    # Recorded while the send's guard is held: a crash re-sends only a few (jobs/runtime.py).
    d = await send_with_policy(
        bot,
        runtime.policy,
        msg.chat_id,
        msg.text,
        msg.keyboard,
        migrated,
        guard=runtime.unrecorded,
        on_sent=record,
        still_due=still_due,
    )
    if d.outcome is Outcome.SENT:
        stats.messages_sent += 1
        stats.reminders_sent += len(msg.items)
        return []
    not_found = d.outcome is Outcome.FAILED and "chat not found" in (d.error or "").lower()
    if not msg.in_group and (d.outcome is Outcome.FORBIDDEN or not_found):
        # Blocked, or never really opened: the group it is, with a mention — now and from now on.
        stats.fallbacks += len(msg.items)
        if msg.person_id is not None and d.outcome is Outcome.FORBIDDEN:
            async with services.session_factory() as s, s.begin():
                await mark_person_blocked(s, msg.person_id)
        return [
            replace(x, row=replace(x.row, person=replace(x.row.person, blocked_bot=True)))
            if x.row.person is not None
            else x
            for x in msg.items
        ]
    async with services.session_factory() as s, s.begin():
        if d.outcome is Outcome.STALE:
            # Its day passed, or its committee was paused (the bot removed from the group), while it
            # waited its turn: the rows go back, to be decided again by a later tick (what applies
            # then, once; a paused committee's when the bot is back); a row a re-plan superseded
            # meanwhile is dropped — the pair's new row carries on. Sent late, it would repeat that
            # row's reminder on the same day.
            stats.stale += len(msg.items)
            await release(s, msg.row_ids, runtime.worker_id)
        elif d.outcome is Outcome.RETRY_LATER:
            stats.retry_later += len(msg.items)
            retry_at = services.clock.now() + timedelta(seconds=d.retry_in)
            await mark_retry(s, msg.row_ids, runtime.worker_id, retry_at, d.error or "")
        elif d.outcome is Outcome.FORBIDDEN:  # the bot is not in the group any more: pause
            stats.paused += len(msg.items)
            await pause_committee(s, msg.committee_id)
            await release(s, msg.row_ids, runtime.worker_id)
        else:
            stats.failed += len(msg.items)
            now = services.clock.now()
            tried = [(x.row.id, x.day) for x in msg.items]
            owned = await mark_failed(s, tried, runtime.worker_id, d.error or "")
            for x in msg.items:  # recorded; the plan moves on
                if x.row.id in owned:
                    await plan_next(s, x.row, x.day, now)
    return []


def _still_due(msg: _Outgoing, now: datetime) -> bool:
    """Each reminder of the message goes out on the (local) day it was decided for, or not at all
    (the other check before a send, in `_deliver`: its committee is not paused).

    A tick decides at its `now` what applies to each claimed row (kind, days left, "not twice a
    day"); a send can wait long after that. Delivered on a later day, the message would carry a
    stale count of days, and, when a re-plan superseded its row meanwhile, it would come besides the
    new day's reminder that the re-plan planned (the dispatcher decided that one without knowing
    of a send still in flight): the same reminder twice in one day."""
    return all(now.astimezone(x.row.committee.settings.tz).date() == x.day for x in msg.items)


async def _send_chat(
    services: Services,
    bot: Bot,
    runtime: DispatchRuntime,
    msgs: list[_Outgoing],
    stats: DispatchStats,
    to_group: list[_Sending],
) -> None:
    for msg in msgs:  # one chat's messages in order
        try:
            to_group.extend(await _deliver(services, bot, runtime, msg, stats))
        except Exception:
            # Unexpected (a bug, the database gone): leave the rows claimed; the lease brings them
            # back. Other chats go on.
            log.exception("reminder delivery to chat %s failed", msg.chat_id)


async def _send_all(
    services: Services, bot: Bot, runtime: DispatchRuntime, msgs: list[_Outgoing], stats: DispatchStats
) -> list[_Sending]:
    per_chat: dict[int, list[_Outgoing]] = defaultdict(list)
    for msg in msgs:
        per_chat[msg.chat_id].append(msg)
    to_group: list[_Sending] = []
    await run_bounded(
        (_send_chat(services, bot, runtime, m, stats, to_group) for m in per_chat.values()), runtime.concurrency
    )
    return to_group


async def dispatch_reminders(
    services: Services, bot: Bot, now: datetime, runtime: DispatchRuntime, stats: DispatchStats
) -> None:
    async with services.session_factory() as s, s.begin():
        due = await claim_due(s, now, runtime.worker_id, runtime.batch_size)
    stats.claimed += len(due)
    if not due:
        return
    sendings: list[_Sending] = []
    cancelled: list[int] = []
    deferred: list[tuple[int, PlannedReminder]] = []
    for row in due:
        verdict, planned = _decide(row, now)
        if verdict == "send" and planned is not None:
            sendings.append(_Sending(row, planned.kind, planned.local_day))
        elif verdict == "defer" and planned is not None:
            deferred.append((row.id, planned))
        else:
            cancelled.append(row.id)
    if cancelled or deferred:
        async with services.session_factory() as s, s.begin():
            await mark_cancelled(s, cancelled, runtime.worker_id, "task closed or without deadline")
            for row_id, planned in deferred:
                await defer(s, row_id, runtime.worker_id, planned)
    stats.cancelled += len(cancelled)
    stats.deferred += len(deferred)

    sendings, told = await _screen(services, bot, runtime, sendings, now)

    # Private chats first: what they refuse joins the group messages, one per committee.
    routed = _route(sendings, runtime, now)
    refused = await _send_all(services, bot, runtime, [m for m in routed if not m.in_group], stats)
    group_items = [x for m in routed if m.in_group for x in m.items] + refused
    await _send_all(services, bot, runtime, _route(group_items, runtime, now), stats)
    if told:  # after the reminders they explain (in the group: the same pace)
        await send_due_notices(services, bot, now, runtime, stats, only=told)


async def _screen(
    services: Services, bot: Bot, runtime: DispatchRuntime, sendings: list[_Sending], now: datetime
) -> tuple[list[_Sending], list[int]]:
    """Private reminders only to people Telegram says are in the committee's group now (jobs/presence.py):
    the others' go to the group (and the group is told once that the assignee is not a member); those
    Telegram could not tell about wait. Returns the sendings to route and the notices stored."""
    def key(s: _Sending) -> tuple[int, int] | None:
        p = s.row.person
        if p is None or not p.reachable_privately or p.tg_user_id is None:
            return None
        return _group_chat(s.row, runtime), p.tg_user_id

    pairs = [k for s in sendings if (k := key(s)) is not None]
    if not pairs:
        return sendings, []
    presence = await ask_presence(services, bot, runtime.policy.limiter, pairs, now)
    if not presence.gone and not presence.unknown:
        return sendings, []
    kept: list[_Sending] = []
    waiting: list[int] = []
    absent: list[Absent] = []
    for s in sendings:
        k = key(s)
        person = s.row.person
        if k is None or person is None:
            kept.append(s)
        elif k in presence.unknown:
            waiting.append(s.row.id)
        elif k in presence.gone:
            log.info("reminder %s: person %s not in the group of committee %s: sent to the group", s.row.id,
                     person.id, s.row.committee.id)
            kept.append(replace(s, row=replace(s.row, person=replace(person, private_chat=False, not_in_group=True))))
            if s.row.role is RecipientRole.ASSIGNEE:
                name = f"@{person.username}" if person.username else person.full_name
                absent.append(Absent(s.row.committee.id, k[0], s.row.task_id, s.row.task_number, person.id,
                                     texts.esc(name)))
        else:
            kept.append(s)
    async with services.session_factory() as session, session.begin():
        if waiting:
            await mark_retry(session, waiting, runtime.worker_id, now + presence.wait,
                             "getChatMember: Telegram could not say whether the person is in the group")
        told = await tell_once(session, absent, now)
    return kept, told


async def dispatch_once(
    services: Services, bot: Bot, now: datetime, runtime: DispatchRuntime | None = None
) -> DispatchStats:
    """One tick: a batch of due reminders, then due weekly summaries. `now` comes from the app's
    clock (bot/clock.py). Returns what happened."""
    runtime = runtime or DispatchRuntime.create(services.instance_id)
    stats = DispatchStats()
    await share_pace(services, runtime)
    async with services.session_factory() as s:
        due = await due_work(s, now)
    if due.notices:  # first: a decision someone waits for
        await send_due_notices(services, bot, now, runtime, stats)
    if due.reminders:
        await dispatch_reminders(services, bot, now, runtime, stats)
    if due.summaries:
        await send_due_summaries(services, bot, now, runtime, stats)
    return stats


BEAT_EVERY = 10.0  # seconds (monotonic) between two heartbeats of a dispatcher


async def share_pace(services: Services, runtime: DispatchRuntime) -> None:
    """Every BEAT_EVERY seconds: say this dispatcher is alive and count those alive, so that each
    paces itself at its part of the bot's limits (two instances at 30 messages/s each drew 429s).
    Wall time, not the bot's clock: liveness is about processes (a test clock may stand still)."""
    limiter = runtime.policy.limiter
    moment = limiter.monotonic()
    if runtime.beat_at is not None and moment - runtime.beat_at < BEAT_EVERY:
        return
    runtime.beat_at = moment
    # Alive: beaten within three ticks (a tick beats at most every BEAT_EVERY seconds).
    stale = timedelta(seconds=3 * max(BEAT_EVERY, services.settings.dispatch_interval))
    try:
        async with services.session_factory() as s, s.begin():
            runtime.instances = await beat(s, runtime.worker_id, datetime.now(UTC), stale)
    except Exception as exc:  # the database is down: keep the last count; the tick itself will report it
        log_background_failure(log, "dispatcher heartbeat failed", exc)
        return
    if runtime.instances != limiter.instances:
        log.info("%d dispatcher(s) alive: each sends %.1f messages/s", runtime.instances,
                 limiter._base[0] / runtime.instances)
    limiter.share(runtime.instances)


async def drain(services: Services, bot: Bot, runtime: DispatchRuntime, max_rounds: int = 1000) -> DispatchStats:
    """Tick until nothing more is due now (a backlog after downtime is sent batch by batch, each
    claimed fresh so that no claim outlives its lease)."""
    total = DispatchStats()
    for _ in range(max_rounds):
        stats = await dispatch_once(services, bot, services.clock.now(), runtime)
        total.add(stats)
        if (
            stats.claimed < runtime.batch_size
            and stats.summaries_claimed < runtime.summary_batch
            and stats.notices_claimed < runtime.notice_batch
        ):
            break
    return total
