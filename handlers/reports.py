"""Reports: /xuat (the Excel workbook of a period), /tonghop (counts now) and /tonghop bieudo (the
completion chart per unit).

The workbook and the chart are CPU-bound (openpyxl, matplotlib): they are built in a worker thread
(`asyncio.to_thread`) after the database session is closed, and both commands are registered as
non-blocking handlers (handlers.registry), so a committee with hundreds of tasks asking for its
workbook does not hold up everyone else's commands while the file is made.

`/tonghop` has two paths kept apart on purpose: `counts` (no argument, or a period) is a real
summary of the current state from `domain.report_stats`; the Monday summary (reminders work) may
replace it with the full weekly summary, while `chart` stays as it is.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import texts as T
from db import tasks as db_tasks
from db.models import Committee, PendingInput
from domain.agenda import pack
from domain.chart import CHART_TITLE, CHART_TITLE_WITH_PEOPLE, completion_chart
from domain.committee_settings import ReportHeading
from domain.periods import ALL_TIME, Period, PeriodError, month_of, parse_period, tasks_in_period
from domain.permissions import Action
from domain.report_stats import StateCounts, count_states, per_unit_and_person
from domain.types import TaskView
from domain.understand.textnorm import fold, nfc
from handlers.command import load_as_actor, run_as_actor
from handlers.common import Actor, ask_before_sending, command_args, reply, resolve_actor, transaction
from handlers.task_actions import Refused, in_group, require_role
from handlers.ward_lines import ward_part
from jobs.summary import summary_messages

log = logging.getLogger(__name__)


# openpyxl (and matplotlib, see domain.chart) are imported on first use, not at start: together they
# were most of the bot's import time and ~30 MB of its idle memory, for commands used once a month.
def build_workbook(
    committee: str, period: Period, tasks: Sequence[TaskView], today: date, agency: str | None = None,
    wards: Sequence[str] = (),
) -> bytes:
    from domain.report_xlsx import build_workbook as build

    return build(committee, period, tasks, today, agency, wards)


def workbook_filename(committee: str, period: Period) -> str:
    from domain.report_xlsx import workbook_filename as filename

    return filename(committee, period)

# "/tonghop bieudo", "/tonghop biểu đồ", "/tonghop chart" (on folded text).
_CHART_WORD = re.compile(r"^(?:bieu\s*do|chart)(?=\s|$)")


# ---------------------------------------------------------------------------------------------- loading
def _period(args: str, today: date, example: str, *, default: Period) -> Period:
    if not args.strip():
        return default
    try:
        return parse_period(args, today)
    except PeriodError as err:
        # The message never repeats the input (domain.periods), so it is safe HTML as it is.
        raise Refused(f"{err}\n{example}") from None


async def period_views(session: AsyncSession, committee: Committee, period: Period) -> list[TaskView]:
    """The committee's tasks a report of `period` lists (see `domain.periods.belongs_to`)."""
    tasks = await db_tasks.all_tasks(session, committee.id)
    return tasks_in_period(await db_tasks.task_views(session, committee, tasks), period)


@dataclass(frozen=True)
class _Loaded:
    committee: Committee
    period: Period
    views: list[TaskView]
    today: date
    wards: list[str] = field(default_factory=list)  # a district's ward lines (handlers.ward_lines), for /xuat


async def _load(
    session: AsyncSession, actor: Actor, args: str, example: str, *, default: Period, export: str | None = None
) -> _Loaded:
    """The tasks of the period `args` names (`default` when none), for /tonghop, /tonghop bieudo and
    /xuat. Refused in this order: outside a group; for a file handed out (`export` names it), anyone
    but the chair or the secretary; a period not understood (with `example`)."""
    committee = in_group(actor)
    if export is not None:
        require_role(actor, Action.EXPORT, export)
    today = actor.today
    period = _period(args, today, example, default=default)
    wards = await ward_part(session, committee, today) if export is not None else []
    return _Loaded(committee, period, await period_views(session, committee, period), today, wards)


def chart_title(period: Period, people: bool = False) -> str:
    """`people`: people given tasks directly are drawn too (under the units): the title names them."""
    return (CHART_TITLE_WITH_PEOPLE if people else CHART_TITLE).format(period=period.label)


async def period_chart(session: AsyncSession, committee: Committee, period: Period, today: date) -> bytes | None:
    """PNG of completion per unit for `period`, or None when there is nothing to draw. Built in a
    worker thread. For the first-Monday-of-the-month summary (period: `periods.previous_month`)."""
    views = await period_views(session, committee, period)
    units, people = per_unit_and_person(views, today)
    if count_states(views, today).total == 0:
        return None
    title = chart_title(period, any(c.total for _, c in people))
    return await asyncio.to_thread(completion_chart, units, title, people)


# ---------------------------------------------------------------------------------------------- sending
async def send_file(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    data: bytes,
    *,
    caption: str,
    filename: str | None = None,
    photo: bool = False,
) -> bool:
    """Send bytes as a document (or a photo) answering the command; False when Telegram refused."""
    chat = update.effective_chat
    msg = update.effective_message
    if chat is None:
        return False
    quote = ReplyParameters(msg.message_id, allow_sending_without_reply=True) if msg is not None else None
    try:
        if photo:
            await context.bot.send_photo(
                chat.id, photo=data, caption=caption, parse_mode=ParseMode.HTML, reply_parameters=quote
            )
        else:
            await context.bot.send_document(
                chat.id,
                document=data,
                filename=filename,
                caption=caption,
                parse_mode=ParseMode.HTML,
                reply_parameters=quote,
            )
    except TelegramError as exc:
        log.warning("sending a %s to chat %s failed: %s", "photo" if photo else "document", chat.id, exc)
        return False
    return True


# ---------------------------------------------------------------------------------------------- /xuat
async def xuat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/xuat [thang M/yyyy | quy I/yyyy | nam yyyy | tatca]: the workbook (chair, secretary)."""
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)
    loaded = await load_as_actor(
        update, context,
        lambda session, actor: _load(session, actor, args, T.EXPORT_EXAMPLE, default=ALL_TIME, export=T.EXPORT_ACTION),
    )
    if loaded is None:
        return
    title, agency = loaded.committee.title, loaded.committee.report_agency
    period, views, today = loaded.period, loaded.views, loaded.today
    # The session is closed: the thread does not hold a database connection while it works.
    data = await asyncio.to_thread(build_workbook, title, period, views, today, agency, loaded.wards)
    fields = {"committee": T.esc(title), "period": period.label, "today": T.fmt_date(today)}
    # Counted as /tonghop and the workbook's «Tổng cộng» count: cancelled tasks apart, said as such.
    totals = count_states(views, today)
    if not views:
        caption = T.EXPORT_EMPTY_CAPTION.format(**fields)
    elif totals.cancelled:
        caption = T.EXPORT_CAPTION_CANCELLED.format(count=totals.total, cancelled=totals.cancelled, **fields)
    else:
        caption = T.EXPORT_CAPTION.format(count=totals.total, **fields)
    if not await send_file(update, context, data, caption=caption, filename=workbook_filename(title, period)):
        await reply(update, T.EXPORT_FAILED)


# ---------------------------------------------------------------------------------------------- /tonghop
async def tonghop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/tonghop — the Monday summary now; /tonghop <kỳ> — counts for a period; /tonghop bieudo [kỳ] — the chart."""
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)
    args = nfc(args)
    chart_word = _CHART_WORD.match(fold(args))
    if chart_word:
        await chart(update, context, args[chart_word.end() :].strip())
    elif args:
        await counts(update, context, args)
    else:
        await summary_now(update, context)


async def summary_now(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/tonghop: the same summary the committee gets on Monday morning, as of now."""

    async def body(session: AsyncSession, actor: Actor) -> list[str]:
        return await summary_messages(session, in_group(actor).id, actor.now)

    await run_as_actor(update, context, body)


async def chart(update: Update, context: ContextTypes.DEFAULT_TYPE, args: str) -> None:
    """The completion chart per unit for a period (default: this month), as a photo."""
    loaded = await load_as_actor(
        update, context,
        lambda session, actor: _load(session, actor, args, T.CHART_EXAMPLE, default=month_of(actor.today)),
    )
    if loaded is None:
        return
    period, views, today = loaded.period, loaded.views, loaded.today
    totals = count_states(views, today)
    if totals.total == 0:
        await reply(update, T.CHART_EMPTY.format(period=period.label))
        return
    units, people = per_unit_and_person(views, today)
    title = chart_title(period, any(c.total for _, c in people))
    png = await asyncio.to_thread(completion_chart, units, title, people)
    caption = (T.CHART_CAPTION_WITH_PEOPLE if any(c.total for _, c in people) else T.CHART_CAPTION).format(
        period=period.label,
        done=totals.done,
        total=totals.total,
        overdue=totals.open_overdue,
        today=T.fmt_date(today),
    )
    if not await send_file(update, context, png, caption=caption, photo=True):
        await reply(update, T.CHART_FAILED)


def _rate(counts: StateCounts) -> str:
    rate = counts.on_time_rate
    return "—" if rate is None else f"{rate * 100:.1f}".replace(".", ",").removesuffix(",0") + "%"


def counts_messages(committee: str, period: Period, views: Sequence[TaskView], today: date) -> list[str]:
    """The state of a committee's tasks: totals, on-time rate, and one line per lead unit."""
    totals = count_states(views, today)
    if totals.total == 0 and totals.cancelled == 0:
        return [T.COUNTS_EMPTY.format(period=period.label)]
    head = [
        T.COUNTS_HEADER.format(committee=T.esc(committee), period=period.label, today=T.fmt_date(today)),
        "",
        T.COUNTS_TOTALS.format(total=totals.total, done=totals.done, open=totals.open, **_fields(totals)),
    ]
    if totals.cancelled:
        head.append(T.COUNTS_CANCELLED.format(count=totals.cancelled))
    head.append(T.COUNTS_RATE.format(rate=_rate(totals)))
    def lines(of: Sequence[tuple[str, StateCounts]]) -> list[str]:
        return [
            T.COUNTS_UNIT_LINE.format(
                unit=T.esc(unit),
                done=c.done,
                total=c.total,
                overdue=T.COUNTS_UNIT_OVERDUE.format(count=c.open_overdue) if c.open_overdue else "",
            )
            for unit, c in of
            if c.total
        ]

    # People led tasks directly (counted under no unit) are listed apart, as in the Monday summary.
    units, people = per_unit_and_person(views, today)
    sections = [
        (title, rows)
        for title, rows in ((T.COUNTS_UNITS, lines(units)), (T.SUMMARY_PEOPLE_TITLE, lines(people)))
        if rows
    ]
    parts = pack(
        "\n".join(head),
        sections,
        continued=T.MESSAGE_CONTINUED,
        section_continued=T.SECTION_CONTINUED,
        tail=T.COUNTS_FOOTER,
    )
    return parts


def _fields(c: StateCounts) -> dict[str, int]:
    return {
        "done_on_time": c.done_on_time,
        "done_late": c.done_late,
        "open_on_time": c.open_on_time,
        "open_overdue": c.open_overdue,
    }


async def counts(update: Update, context: ContextTypes.DEFAULT_TYPE, args: str) -> None:
    """/tonghop [kỳ]: counts of the four states, overall and per unit (default: all tasks)."""

    async def body(session: AsyncSession, actor: Actor) -> list[str]:
        loaded = await _load(session, actor, args, T.COUNTS_EXAMPLE, default=ALL_TIME)
        return counts_messages(loaded.committee.title, loaded.period, loaded.views, loaded.today)

    await run_as_actor(update, context, body)


# ---------------------------------------------------------------------------------------------- /baocao
def build_report(
    heading: ReportHeading, period: Period, views: Sequence[TaskView], today: date, wards: Sequence[str] = ()
) -> bytes:
    from domain.report_docx import build_report as build

    return build(heading, period, views, today, wards)


def report_heading(committee: Committee) -> ReportHeading:
    return ReportHeading(
        committee=committee.title,
        agency=committee.report_agency,
        place=committee.report_place,
        signer=committee.report_signer,
        code=committee.report_code,
    )


def heading_missing(committee: Committee) -> bool:
    """Never asked: None. Once answered or skipped ("bỏ qua" stores empty strings), not asked again."""
    return committee.report_agency is None and committee.report_place is None and committee.report_signer is None


async def baocao(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/baocao [kỳ]: the period's report as a Word file to sign (chair, secretary). The first time,
    the bot asks once for the agency, the place name and the signer (a reply), then sends it."""
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)

    async def body(session: AsyncSession, actor: Actor) -> tuple[int, Period] | _AskHeading:
        committee = in_group(actor)
        require_role(actor, Action.EXPORT, T.REPORT_ACTION)
        period = _period(args, actor.today, T.REPORT_EXAMPLE, default=month_of(actor.today))
        if heading_missing(committee):
            return _AskHeading(actor.person.id, actor.now)  # asked below, once this transaction is over
        return committee.id, period

    loaded = await load_as_actor(update, context, body)
    if loaded is None:
        return
    if isinstance(loaded, _AskHeading):
        # Asked: the report follows the answer (on_heading_answer). /baocao runs as its own task, so the
        # question is stored before it is sent: a quick reply is not lost (ask_before_sending).
        assert msg.from_user is not None
        await ask_before_sending(
            context, loaded.person_id, loaded.now, msg.chat, msg.from_user, T.REPORT_ASK_HEADING, "report_heading",
            asked_by=msg.message_id, data={"period": args},
        )
        return
    await send_report(update, context, *loaded)


@dataclass(frozen=True)
class _AskHeading:
    """/baocao before the heading is known: whom to ask, and when."""

    person_id: int
    now: datetime


async def on_heading_answer(actor: Actor, pending: PendingInput, text: str) -> tuple[str, Period]:
    """The answer to «cơ quan; địa danh; người ký» (or «bỏ qua»): stored, then the report follows."""
    committee = in_group(actor)
    # Checked again at the answer: the role may have gone since /baocao asked (isolation, session 10).
    require_role(actor, Action.EXPORT, T.REPORT_ACTION)
    asked = str((pending.data or {}).get("period", ""))
    period = _period(asked, actor.today, T.REPORT_EXAMPLE, default=month_of(actor.today))
    if fold(text).strip(" .") in T.REPORT_SKIP_WORDS:
        committee.report_agency = committee.report_agency or ""
        committee.report_place = committee.report_place or ""
        committee.report_signer = committee.report_signer or ""
        return T.REPORT_HEADING_SKIPPED, period
    parts = [" ".join(p.split()) for p in re.split(r"[;\n]", text)]
    parts = [p for p in parts if p]
    if len(parts) != 3 or len(parts[0]) > 255 or len(parts[1]) > 100 or len(parts[2]) > 100:
        raise Refused(T.REPORT_HEADING_USAGE)
    committee.report_agency, committee.report_place, committee.report_signer = parts
    return T.REPORT_HEADING_SAVED.format(agency=T.esc(parts[0]), place=T.esc(parts[1]), signer=T.esc(parts[2])), period


async def send_report(update: Update, context: ContextTypes.DEFAULT_TYPE, committee_id: int, period: Period) -> None:
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None or actor.committee is None or actor.committee.id != committee_id:
            return
        committee = actor.committee
        today = actor.today
        views = await period_views(session, committee, period)
        heading = report_heading(committee)
        wards = await ward_part(session, committee, today)
    # As for the workbook: built in a thread once the session is closed.
    data = await asyncio.to_thread(build_report, heading, period, views, today, wards)
    # An empty period is said before the file is opened (as /xuat does).
    template = T.REPORT_CAPTION if views else T.REPORT_CAPTION_EMPTY
    caption = template.format(committee=T.esc(heading.committee), period=period.label, today=T.fmt_date(today))
    if not await send_file(update, context, data, caption=caption, filename=report_filename(heading.committee, period)):
        await reply(update, T.REPORT_FAILED)


def report_filename(committee: str, period: Period) -> str:
    from domain.report_docx import report_filename as filename

    return filename(committee, period)
