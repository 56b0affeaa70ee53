"""Reading tasks: /viec (mine), /ds (the committee's, filtered), /xem (one task)."""

from __future__ import annotations

from datetime import date, timedelta

from telegram import Update
from telegram.ext import ContextTypes

from bot import texts as T
from db import tasks as db_tasks
from db import units as db_units
from db.models import Task
from domain.commands import keyword, task_ref
from handlers import render
from handlers.common import command_args, reply, resolve_actor, transaction
from handlers.task_actions import Refused, find_task

# One screen: at most this many lines in a list; the rest is counted.
MAX_LIST_LINES = 25


async def viec(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        committee_id = actor.committee.id if actor.committee else None
        rows = await db_tasks.open_tasks_of_person(session, actor.person.id, committee_id)
        today = actor.today
        if not rows:
            text = T.MY_TASKS_EMPTY
        else:
            # Across committees (private chat), each line says which committee it belongs to.
            label = actor.committee is None
            lines = [T.MY_TASKS_HEADER.format(name=T.esc(actor.person.full_name), count=len(rows))]
            lines += [render.list_line(t, today, c.title if label else None) for t, c in rows[:MAX_LIST_LINES]]
            if len(rows) > MAX_LIST_LINES:
                lines.append(T.LIST_MORE.format(more=len(rows) - MAX_LIST_LINES))
            text = "\n".join(lines)
    await reply(update, text)


async def ds(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            if actor.committee is None:
                raise Refused(T.GROUP_ONLY)
            tasks = await db_tasks.open_tasks(session, actor.committee.id)
            today = actor.today
            what = T.LIST_ALL_OPEN
            if keyword(args, "quahan", "quá hạn", "overdue"):
                tasks = [t for t in tasks if t.due_current and t.due_current < today]
                what = T.LIST_FILTER_OVERDUE
            elif keyword(args, "tuannay", "tuần này", "week"):
                end = today + timedelta(days=6 - today.weekday())
                tasks = [t for t in tasks if t.due_current and t.due_current <= end]
                what = T.LIST_FILTER_WEEK
            elif args:
                unit = await db_units.find_unit(session, actor.committee.id, args)
                if unit is None:
                    raise Refused(T.UNKNOWN_UNIT_FILTER.format(name=T.esc(args)))
                tasks = [t for t in tasks if _has_unit(t, unit.id)]
                what = T.LIST_FILTER_UNIT.format(unit=T.esc(unit.name))
            text = _list(actor.committee.title, tasks, what, today)
        except Refused as refusal:
            text = str(refusal)
    await reply(update, text)


def _has_unit(task: Task, unit_id: int) -> bool:
    return any(a.unit_id == unit_id for a in task.assignees)


def _list(title: str, tasks: list[Task], what: str, today: date) -> str:
    if not tasks:
        return T.LIST_EMPTY.format(what=what)
    lines = [T.LIST_HEADER.format(title=T.esc(title), count=len(tasks)) + f" ({what})"]
    lines += [render.list_line(t, today) for t in tasks[:MAX_LIST_LINES]]
    if len(tasks) > MAX_LIST_LINES:
        lines.append(T.LIST_MORE.format(more=len(tasks) - MAX_LIST_LINES))
    return "\n".join(lines)


async def xem(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            ref = task_ref(args)
            if ref is None:
                raise Refused(T.NEED_TASK_NUMBER.format(example="/xem 5"))
            task = await find_task(session, actor, ref.number)
            events = await db_tasks.events_of(session, task.id)
            text = render.detail(task, events, actor.today, actor.tz)
        except Refused as refusal:
            text = str(refusal)
    await reply(update, text)
