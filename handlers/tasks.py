"""Reading tasks: /viec (mine), /ds (the committee's, filtered), /xem (one task)."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from db import committees as db_committees
from db import tasks as db_tasks
from db import units as db_units
from db.models import Committee, Task
from domain.calendar import week_end, week_start
from domain.commands import keyword
from domain.permissions import Role
from handlers import render
from handlers.command import run_command
from handlers.common import (
    Actor,
    Buttons,
    answer,
    edit,
    pressed_on_its_message,
    reply,
    resolve_actor,
    transaction,
)
from handlers.task_actions import Refused, find_task, in_group, numbered

# One screen: at most this many lines in a list; the rest is counted.
MAX_LIST_LINES = 25


async def viec(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        text, buttons = await _my_page(session, actor, 1)
    await reply(update, text, buttons)


async def _my_page(session: AsyncSession, actor: Actor, page: int) -> tuple[str, Buttons | None]:
    """One page of the person's open tasks, with buttons to the others (as /ds): in a private chat,
    where /ds does not work, the rest of a long list was out of reach."""
    committee_id = actor.committee.id if actor.committee else None
    rows = await db_tasks.open_tasks_of_person(session, actor.person.id, committee_id)
    if actor.committee is None:
        # (sec15) In a private chat, only the committees whose group the person is in (Telegram asked, once a
        # committee): a stranger named by a mistyped @name read the committee's task here.
        away = {c.id for c in {c.id: c for _t, c in rows}.values() if await actor.present_in(session, c.id) is False}
        rows = [(t, c) for t, c in rows if c.id not in away]
    if not rows:
        return T.MY_TASKS_EMPTY, None
    pages = -(-len(rows) // MAX_LIST_LINES)
    page = min(max(page, 1), pages)
    first = (page - 1) * MAX_LIST_LINES
    # Across committees (private chat), each line says which committee it belongs to.
    label = actor.committee is None
    lines = [T.MY_TASKS_HEADER.format(name=T.esc(actor.person.full_name), count=len(rows))]
    lines += [
        render.list_line(t, actor.today, _committee_label(c) if label else None)
        for t, c in rows[first : first + MAX_LIST_LINES]
    ]
    if pages == 1:
        return "\n".join(lines), None
    return _paged(lines, page, pages, f"m{actor.person.id}")


def _committee_label(committee: Committee) -> str:
    """qa15: a committee whose group the bot left (removed, or the group deleted) is paused — no
    reminder, nobody told there: its tasks are marked so, not listed as if alive."""
    return committee.title if committee.active else T.MY_TASKS_PAUSED.format(title=committee.title)


async def ds(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_command(update, context, _ds)


async def _ds(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> tuple[str, Buttons | None]:
    committee = in_group(actor)
    if keyword(args, "quahan", "quá hạn", "overdue"):
        code = "q"
    elif keyword(args, "tuannay", "tuần này", "week"):
        code = "w"
    elif args:
        unit = await db_units.find_unit(session, committee.id, args)
        if unit is None:
            # «/ds Văn phòng» for «Văn phòng HĐND&UBND»: the first words of one unit's name.
            begun = db_units.by_first_words(await db_units.units_of(session, committee.id), args)
            if len(begun) > 1:
                names = ", ".join(T.esc(u.name) for u in begun)
                example = T.esc(begun[0].name)
                raise Refused(T.UNIT_FILTER_AMBIGUOUS.format(name=T.esc(args), units=names, example=example))
            if not begun:
                raise Refused(T.UNKNOWN_UNIT_FILTER.format(name=T.esc(args)))
            unit = begun[0]
        code = f"u{unit.id}"
    else:
        code = "a"
    return await _page(session, actor, code, 1)


async def on_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """ds:<page>:<a|q|w|u<unit>> — another page of a /ds list, drawn again from what is open now;
    ds:<page>:m<person> — of a /viec list, for that person only."""
    query = update.callback_query
    assert query is not None and query.data is not None
    _, page, code = query.data.split(":")
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            if not pressed_on_its_message(query):
                raise Refused(T.BUTTON_STALE)  # a page drawn over another message (a forged press)
            if code.startswith("m"):
                if int(code[1:]) != actor.person.id:
                    raise Refused(T.MY_LIST_NOT_YOURS)
                text, buttons = await _my_page(session, actor, int(page))
            elif actor.committee is None:
                raise Refused(T.GROUP_ONLY)
            else:
                text, buttons = await _page(session, actor, code, int(page))
        except Refused as refusal:
            await answer(query, str(refusal), alert=True)
            return
    await answer(query, None)
    await edit(query, text, buttons)


async def _page(session: AsyncSession, actor: Actor, code: str, page: int) -> tuple[str, Buttons | None]:
    assert actor.committee is not None
    tasks = await db_tasks.open_tasks(session, actor.committee.id)
    today = actor.today
    if code == "q":
        tasks = [t for t in tasks if t.due_current and t.due_current < today]
        what = T.LIST_FILTER_OVERDUE
    elif code == "w":
        # (chat17) The board's «Hạn tuần này»: due from this week's Monday to its end. Work overdue from
        # earlier weeks is /ds quahan's, and the list says how much of it there is, so the two never
        # disagree without saying why.
        start, end = week_start(today), week_end(today)
        older = sum(1 for t in tasks if t.due_current and t.due_current < start)
        tasks = [t for t in tasks if t.due_current and start <= t.due_current <= end]
        what = T.CHAT17_LIST_FILTER_WEEK.format(start=start.strftime("%d/%m"), end=T.fmt_date(end))
        note = T.CHAT17_WEEK_OLDER_OVERDUE.format(count=older, start=start.strftime("%d/%m")) if older else None
        return _list(actor.committee.title, tasks, what, today, code, page, note)
    elif code.startswith("u"):
        unit = await db_units.unit_of_committee(session, actor.committee.id, int(code[1:]))
        if unit is None:
            raise Refused(T.BUTTON_STALE)
        # The same rule as every report: a task belongs to the unit that leads it, a person's task to
        # the unit the person is a contact of; a unit that only coordinates sees the task too.
        lead_units = await db_units.lead_unit_ids(session, actor.committee.id, tasks)
        tasks = [t for t in tasks if lead_units.get(t.id) == unit.id or _has_unit(t, unit.id)]
        what = T.LIST_FILTER_UNIT.format(unit=T.esc(unit.name))
    else:
        what = T.LIST_ALL_OPEN
    return _list(actor.committee.title, tasks, what, today, code, page)


def _has_unit(task: Task, unit_id: int) -> bool:
    return any(a.unit_id == unit_id for a in task.assignees)


def _list(
    title: str, tasks: list[Task], what: str, today: date, code: str, page: int, note: str | None = None
) -> tuple[str, Buttons | None]:
    """`note`: a line under the list (and under its empty answer) on what the filter leaves out."""
    if not tasks:
        empty = T.LIST_EMPTY.format(what=what)
        return (empty + "\n" + note if note else empty), None
    pages = -(-len(tasks) // MAX_LIST_LINES)
    page = min(max(page, 1), pages)
    lines = [T.LIST_HEADER.format(title=T.esc(title), count=len(tasks)) + f" ({what})"]
    first = (page - 1) * MAX_LIST_LINES
    lines += [render.list_line(t, today) for t in tasks[first : first + MAX_LIST_LINES]]
    if note:
        lines.append(note)
    if pages == 1:
        return "\n".join(lines), None
    return _paged(lines, page, pages, code)


def _paged(lines: list[str], page: int, pages: int, code: str) -> tuple[str, Buttons]:
    """One page of a list of several (/viec, /ds): the page number, and the buttons to the pages
    before and after it (ds:<page>:<code>, answered by on_page)."""
    row = []
    if page > 1:
        row.append((T.BTN_PAGE_PREV, f"ds:{page - 1}:{code}"))
    if page < pages:
        row.append((T.BTN_PAGE_NEXT, f"ds:{page + 1}:{code}"))
    return "\n".join([*lines, T.LIST_PAGE.format(page=page, pages=pages)]), [row]


async def xem(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_command(update, context, _xem)


async def _xem(
    session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int
) -> str | tuple[str, Buttons | None]:
    number = numbered(args, "/xem 5").number
    if actor.committee is not None:
        task = await find_task(session, actor, number)
        events = await db_tasks.events_of(session, task.id)
        return render.detail(task, events, actor.today, actor.tz)
    # A private chat: only what the person may see of each committee they are in (never another's).
    seen = await _seen_privately(session, actor, number)
    if not seen:
        raise Refused(T.PRIVATE_SHOW_NONE.format(number=number))
    if len(seen) == 1:
        return await _private_detail(session, actor, *seen[0])
    # The same number in several committees: a button each, not a guess (nor every task at once).
    lines = [T.PRIVATE_SHOW_CHOOSE.format(number=number)]
    lines += [render.list_line(t, _today(c, actor), c.title) for t, c in seen]
    buttons = [[(T.BTN_PRIVATE_SHOW.format(number=number, committee=c.title[:40]), f"xem:{t.id}")] for t, c in seen]
    return "\n".join(lines), buttons


async def _seen_privately(session: AsyncSession, actor: Actor, number: int) -> list[tuple[Task, Committee]]:
    """Task #number where the person, in a private chat, may see it: their own (or their unit's) in any
    committee, as /viec lists them; any of a committee where they are chair or secretary — the role as
    Telegram has it now (an admin no longer admin is not a chair), as in that committee's group."""
    found = {t.id: (t, c) for t, c in await db_tasks.numbered_tasks_of_person(session, actor.person.id, number)}
    for committee in await db_committees.committees_of_person(session, actor.person.id):
        if committee.id in {c.id for _, c in found.values()} or not committee.active:
            continue
        if await actor.role_in(session, committee.id) in (Role.CHAIR, Role.SECRETARY):
            task = await db_tasks.task_by_number(session, committee.id, number)
            if task is not None:
                found[task.id] = (task, committee)
    return sorted(found.values(), key=lambda tc: tc[1].id)


def _today(committee: Committee, actor: Actor) -> date:
    return actor.now.astimezone(ZoneInfo(committee.tz_name)).date()


async def _private_detail(session: AsyncSession, actor: Actor, task: Task, committee: Committee) -> str:
    """/xem's card, headed by the committee's name (a private chat holds several committees' tasks)."""
    tz = ZoneInfo(committee.tz_name)
    events = await db_tasks.events_of(session, task.id)
    today = _today(committee, actor)
    return T.PRIVATE_SHOW_HEADER.format(committee=T.esc(committee.title)) + "\n" + render.detail(
        task, events, today, tz
    )


async def on_show(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """xem:<task> — one of the tasks a private /xem found under one number, checked again when pressed
    (a button is data anyone can send)."""
    query = update.callback_query
    assert query is not None and query.data is not None
    task_id = int(query.data.split(":")[1])
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        task = await db_tasks.task_by_id(session, task_id)
        shown: str | None = None
        if task is not None and actor.committee is None:
            seen = await _seen_privately(session, actor, task.number)
            match = next(((t, c) for t, c in seen if t.id == task.id), None)
            if match is not None:
                shown = await _private_detail(session, actor, *match)
        elif task is not None and actor.committee is not None and task.committee_id == actor.committee.id:
            shown = render.detail(task, await db_tasks.events_of(session, task.id), actor.today, actor.tz)
    if shown is None:
        await answer(query, T.BUTTON_STALE, alert=True)
        return
    await answer(query, None)
    await reply(update, shown)
