"""/giao (log one directive), /sua (edit), /huy (cancel), and the buttons under a logged directive."""

from __future__ import annotations

import calendar as pycal
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import CallbackQuery, Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from db import committees as db_committees
from db import meetings as db_meetings
from db import membership as db_membership
from db import reminders, unit_places
from db import tasks as db_tasks
from db import units as db_units
from db.models import Committee, PendingInput, Person, Task, TaskAssignee
from db.tasks import NewAssignee
from domain.assign import Mention, arrange, for_reading, has_task_text
from domain.calendar import is_holiday, is_working_day, working_day_on_or_before
from domain.commands import MAX_DIRECTIVE_CHARS, keyword
from domain.lead_kinds import bare_name, lead_kind
from domain.lead_text import without_leading_mentions
from domain.past_words import past_deadline
from domain.permissions import Action, Role
from domain.plain_dates import offered_date
from domain.titled_names import titled_person
from domain.types import AssigneeRef, Assignees, Deadline, DeadlineKind
from domain.understand.assignees import parse_assignees
from domain.understand.deadline_dates import period_end
from domain.understand.deadlines import (
    NOTE_WEEKEND_WEEK,
    find_invalid_date,
    find_invalid_date_in_answer,
    parse_deadline_answer,
)
from domain.understand.directive import parse_directive
from domain.understand.units_catalog import builtin_unit, collective_as_written
from domain.understand.vntokens import has_diacritics
from handlers import named_people, new_tasks, render, strangers, ward_handoff
from handlers.button import Pressed, run_button
from handlers.command import run_command
from handlers.common import (
    Actor,
    Buttons,
    ask_by_reply,
    display_name,
    mentioned_person,
    mentions_in,
    user_link,
    year_guessed_note,
)
from handlers.edit_due_reason import due_edit_reason
from handlers.numbered_units import kind_name, numbered_unit
from handlers.task_actions import (
    Refused,
    assignee_people,
    cancel,
    example_date,
    find_task,
    in_group,
    numbered,
    numbered_with_text,
    require,
    require_open,
    require_role,
    role_in_task_committee,
    set_due,
    task_for_button,
    tell_people,
)


class Usage(Exception):
    pass


# ---------------------------------------------------------------------------------------------- /giao
async def giao(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_command(update, context, _log_directive, notices=True)  # the doers told privately (new_tasks)


async def _log_directive(
    session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int
) -> tuple[str, Buttons | None]:
    committee = in_group(actor)
    require_role(actor, Action.LOG, T.ACT_ASSIGN)
    if not args:
        raise Refused(T.GIAO_USAGE)
    if len(args) > MAX_DIRECTIVE_CHARS:
        raise Refused(T.TOO_LONG.format(length=len(args), limit=MAX_DIRECTIVE_CHARS))
    today = actor.today
    bad = find_invalid_date(args)
    if bad:
        raise Refused(T.INVALID_DATE.format(phrase=T.esc(bad)))
    units = await db_units.units_of(session, committee.id)
    mentions, people = await _mentioned_people(session, msg, offset)
    parsed = parse_directive(for_reading(args, mentions), today, db_units.known_units(units))
    assignees = arrange(args, parsed.assignees, mentions)
    named: list[tuple[Mention, Person]] = []
    if msg.reply_to_message is None:
        # «/giao anh Hùng làm …»: people of the group named as said aloud (qa12, handlers.named_people)
        named = await named_people.named_members(
            session, msg.get_bot(), committee.chat_id, args, assignees, present=actor.present_lookup
        )
        for mention, person in named:
            mentions.append(mention)
            people[str(person.id)] = person
        if named:
            parsed = parse_directive(for_reading(args, mentions), today, db_units.known_units(units))
            assignees = arrange(args, parsed.assignees, mentions)
    if not assignees.lead and msg.reply_to_message is not None:
        author = msg.reply_to_message.from_user
        if author is not None and not author.is_bot:
            person = await db_committees.ensure_person(session, author.id, author.username, display_name(author))
            people[str(person.id)] = person
            ref = AssigneeRef(person.full_name, f"person:{person.id}")
            assignees = Assignees(lead=(ref,), support=assignees.support, executor=assignees.executor)
    if not assignees.lead:
        raise Refused(T.NO_ASSIGNEE)
    deadline = parsed.deadline
    if not has_task_text(args, assignees, mentions, deadline.span):
        raise Refused(T.GIAO_NO_TASK.format(due=T.GIAO_NO_TASK_DUE if deadline.span else ""))
    due = first_due(deadline, today)
    if due is not None and due < today:
        raise Refused(
            T.PAST_DEADLINE.format(due=T.fmt_date(due), today=T.fmt_date(today), example=example_date(today))
        )
    new_assignees = await resolve_assignees(session, actor, assignees)
    meeting = await db_meetings.current_meeting(session, committee.id, today, actor.tz)
    task = await db_tasks.create_task(
        session,
        committee,
        # «/giao @binh_le rà soát …»: the name is the lead line's, not the task's (product11)
        text=without_leading_mentions(args, mentions, _lead_person_keys(assignees)),
        assignees=new_assignees,
        deadline=deadline,
        due=due,
        assigned_on=today,
        actor_id=actor.person.id,
        now=actor.now,
        meeting_id=meeting.id if meeting else None,
        source_message_id=msg.message_id,
    )
    await reminders.replan_task(session, task.id, actor.now)
    handed = await ward_handoff.hand_down(session, actor, task, units, deadline, due)  # the linked wards' own copies
    away = await strangers.not_in_group(actor, people.values())  # a mistyped @name (qa19)
    await new_tasks.tell_new_tasks(session, actor, committee, [task], frozenset(p.id for p in away))
    text, buttons = _logged_reply(task, today, people, deadline, meeting.title if meeting else None)
    text += "".join("\n" + line for line in strangers.warning_lines(away, task.number))
    text += "".join("\n" + line for line in ward_handoff.confirmation_lines(handed))
    if named:
        # Named without an @ or a mention, nobody was notified by the chair's message: this line does (qa12).
        links = ", ".join(user_link(p) for _m, p in named)
        text += "\n" + T.QA12_NAMED_TOLD.format(people=links, number=task.number)
    return text, buttons


def _lead_person_keys(assignees: Assignees) -> set[str]:
    """The Mention keys (person ids) of the people who lead: the lead line names them. (A coordinator
    named first, «@an phối hợp, …», stays in the text: the words after it need him.)"""
    return {r.unit_key.split(":", 1)[1] for r in assignees.lead if r.unit_key and r.unit_key.startswith("person:")}


def first_due(deadline: Deadline, today: date) -> date | None:
    """The deadline's day; for a recurring duty (one task per period), the end of the current period."""
    if deadline.due is None and deadline.cadence is not None:
        return period_end(deadline.cadence, today)
    return deadline.due


async def _mentioned_people(
    session: AsyncSession, msg: Message, offset: int
) -> tuple[list[Mention], dict[str, Person]]:
    mentions: list[Mention] = []
    people: dict[str, Person] = {}
    for m in mentions_in(msg):
        if m.start < offset:
            continue
        person = await mentioned_person(session, m)
        people[str(person.id)] = person
        # A person the bot has seen is named as Telegram has them, even when written as @username.
        label = person.full_name if m.user is not None else db_committees.person_label(person, m.label)
        mentions.append(Mention(m.start - offset, m.end - offset, str(person.id), label))
    return mentions, people


def builtin_name(written: str, key: str) -> str:
    """The name a built-in unit ("builtin:<slug>") is saved under when `written` names it."""
    known = builtin_unit(key)
    if (as_written := collective_as_written(written, known)) is not None:
        return as_written  # «UBND các xã», never the entry's «UBND các phường, xã» (qafix13)
    name = known.name if known else written
    if numbered_unit(written, name):  # «Tổ dân phố số 5»: that group, not the kind (handlers.numbered_units)
        return " ".join(written.split())
    if db_units.same_but_level(written, name):
        # "Công an phường" for the catalogue's "Công an": the committee's own, fuller name.
        fuller = " ".join(written.split())
        if known is not None and not has_diacritics(fuller):
            # Typed on a phone without a Vietnamese keyboard («Cong an phuong»): the unit is saved, listed and
            # summed up under the catalogue's spelling of that name, with its diacritics (SPEC: replies in
            # full Vietnamese), or the catalogue's name; never «Cong an phuong» in every report.
            return next((a for a in known.aliases if db_units.norm(a) == db_units.norm(fuller)), name)
        name = fuller
    return name


def level_checked(ref: AssigneeRef, registered: list[db_units.Unit]) -> AssigneeRef:
    """`ref` as the committee's unit only when its level words fit that unit (qa19): the reader of names
    takes «UBND quận» for a ward committee's registered «UBND»; it is the district's, another body, read
    again against the catalogue alone (a 🆕 unit in a preview, a unit of its own when saved)."""
    # (leadshape) «UBND TP. Huế», «Công an Q. 1» in a ward's committee: another place's body, kept as written
    ref = unit_places.other_place(ref, registered)
    key = ref.unit_key or ""
    unit = next((u for u in registered if str(u.id) == key), None) if key.isdigit() else None
    if unit is None or db_units.fits_level(ref.text, unit, registered):
        return ref
    alone = parse_assignees(ref.text)
    again = next((r.unit_key for r in alone.lead if db_units.norm(r.text) == db_units.norm(ref.text)), None)
    return AssigneeRef(ref.text, again, ref.span)


def registered_match(ref: AssigneeRef, registered: list[db_units.Unit]) -> db_units.Unit | None:
    """The committee's unit a name read as a built-in unit (or not placed) means: by an alias or a near name
    ("Y tế", "Trạm Y tế" for "Trạm Y tế phường"). The one rule of the preview (planned_name, the import's
    «new unit» flag) and of saving (resolve_assignees): the preview is the promise (qa18)."""
    if ward_handoff.meant(ref, registered):
        return None  # the linked wards (handlers.ward_handoff): no unit to match, none to add
    ref = level_checked(ref, registered)
    key = ref.unit_key or ""
    if key and not key.startswith("builtin:"):
        return None
    known = builtin_unit(key) if key else None
    return db_units.near(registered, ref.text, kind_name(ref.text, known))


def planned_name(ref: AssigneeRef, registered: list[db_units.Unit]) -> str:
    """The name `resolve_assignees` will save `ref` under (a preview shows what will be saved): a
    committee's unit by its name, a built-in unit by the catalogue's name, anything else as written."""
    if wards := ward_handoff.meant(ref, registered):
        return ward_handoff.planned(wards)  # «3 phường: A, B, C»
    ref = level_checked(ref, registered)
    key = ref.unit_key or ""
    if (unit := registered_match(ref, registered)) is not None:
        return unit.name
    if key.isdigit():
        return next((u.name for u in registered if str(u.id) == key), ref.text)
    if key.startswith("builtin:"):
        return builtin_name(ref.text, key)
    return ref.text


async def resolve_assignees(
    session: AsyncSession, actor: Actor, assignees: Assignees, registered: list[db_units.Unit] | None = None
) -> list[NewAssignee]:
    """AssigneeRefs -> rows: people, committee units, built-in units (added to the committee), or
    names as written (kept, and the chair is asked about them). `registered`: the committee's units to
    match against — an import passes those it had before saving, as its preview did: a unit its item 1
    adds («UBND») must not swallow item 2's «UBND quận» by a near name the preview never showed (qa18)."""
    assert actor.committee is not None
    out: list[NewAssignee] = []
    if registered is None:
        registered = await db_units.units_of(session, actor.committee.id)
    for role, refs in (("lead", assignees.lead), ("support", assignees.support), ("executor", assignees.executor)):
        for ref in refs:
            if wards := ward_handoff.meant(ref, registered):  # one unit of the district per linked ward
                out.extend(await ward_handoff.ward_assignees(session, actor.committee.id, role, wards))
                continue
            ref = level_checked(ref, registered)
            key = ref.unit_key or ""
            # A registered unit named by an alias or a near name is that unit: never a second unit that
            # would split its counts.
            if (unit := registered_match(ref, registered)) is not None:
                key = str(unit.id)
            if key.startswith("person:"):
                out.append(NewAssignee(role, ref.text, person_id=int(key.split(":", 1)[1])))
            elif key.isdigit():
                unit = await session.get(db_units.Unit, int(key))
                out.append(NewAssignee(role, unit.name if unit else ref.text, unit_id=int(key)))
            elif key.startswith("builtin:"):
                # A usual unit of a ward/district named for the first time: the committee gets it under its
                # full name, with the words the chair used as an alias.
                name = builtin_name(ref.text, key)
                aliases = [ref.text] if db_units.norm(ref.text) != db_units.norm(name) else []
                unit = await db_units.add_unit(session, actor.committee.id, name, aliases)
                out.append(NewAssignee(role, unit.name, unit_id=unit.id))
            else:
                out.append(NewAssignee(role, ref.text))
    return out


def _logged_reply(
    task: Task, today: date, people: dict[str, Person], deadline: Deadline, meeting_title: str | None = None
) -> tuple[str, Buttons]:
    lines = [render.card(task, today, header=T.TASK_LOGGED.format(number=task.number))]
    if meeting_title:
        lines.append(T.MEETING_LINKED.format(title=T.esc(meeting_title)))
    if deadline.note == NOTE_WEEKEND_WEEK and task.due_current is not None:
        lines.append(T.DUE_WEEKEND_WEEK.format(due=T.fmt_date(task.due_current)))
    year_note = year_guessed_note(deadline, today)
    if year_note:
        lines.append(year_note)
    buttons: list[list[tuple[str, str]]] = []
    for a in task.assignees:
        if a.unit_id is None and a.person_id is None and titled_person(a.label):
            # «anh Tuấn»: a person nobody has told the bot of (qa12) — not a unit to add
            lines.append(T.QA12_UNKNOWN_TITLED.format(label=T.esc(a.label), number=task.number))
        elif a.unit_id is None and a.person_id is None and bare_name(a.label):
            # «Hùng», «Tuấn Anh»: a person's name or a unit's? Not known: both offered (domain/lead_kinds)
            lines.append(T.UNKNOWN_NAME.format(label=T.esc(a.label), number=task.number))
            buttons.append([(T.BTN_ADD_UNIT.format(label=_button_label(a.label)), f"addunit:{a.id}")])
        elif a.unit_id is None and a.person_id is None:
            lines.append(T.UNKNOWN_ASSIGNEE.format(label=T.esc(a.label)))
            buttons.append([(T.BTN_ADD_UNIT.format(label=_button_label(a.label)), f"addunit:{a.id}")])
    for person in people.values():
        if person.tg_user_id is None:
            lines.append(T.unknown_person(T.esc(person.full_name)))
    if task.due_current is None and task.cadence is None:
        lines.append(T.URGENT_NO_DATE if deadline.kind is DeadlineKind.IMMEDIATE else T.ASK_DEADLINE)
        plain = offered_date(task.text, today) if deadline.kind is DeadlineKind.NONE else None
        if plain is not None:  # «… truwowcs ngayf 15/12»: the date offered, not guessed (domain/plain_dates)
            lines.append(T.PLAIN_DATE_OFFER.format(day=T.fmt_date(plain)))
            buttons.append([(T.BTN_DUE_PLAIN.format(day=T.fmt_date(plain)), f"due:{task.id}:d{plain:%Y%m%d}")])
        buttons.extend(_due_choices(task.id))
        buttons.append([(T.BTN_UNDO, f"undo:{task.id}")])
    else:
        day_off = day_off_notice(task, today)
        if day_off is not None:
            lines.append(day_off[0])
            buttons.append([day_off[1]])
        buttons.append([(T.BTN_FIX_DUE, f"fixdue:{task.id}"), (T.BTN_UNDO, f"undo:{task.id}")])
    return "\n".join(lines), buttons


def day_off_notice(task: Task, today: date) -> tuple[str, tuple[str, str]] | None:
    """A deadline on a weekend or a public holiday is kept as the chair wrote it, but said, with the
    working day before offered (offices are closed that day: the work is handed in before)."""
    due = task.due_current
    if due is None or is_working_day(due):
        return None
    before = working_day_on_or_before(due)
    if before < today:
        return None
    why = T.DAY_OFF_HOLIDAY if is_holiday(due) else T.DAY_OFF_WEEKEND
    text = T.DUE_DAY_OFF.format(day=T.fmt_day(due), why=why, before=T.fmt_day(before))
    return text, (T.BTN_DUE_WORKING_DAY.format(day=T.fmt_day(before)), f"due:{task.id}:wd")


def _button_label(label: str) -> str:
    return label if len(label) <= 30 else label[:29] + "…"


def _due_choices(task_id: int) -> list[list[tuple[str, str]]]:
    return [
        [
            (T.BTN_DUE_3D, f"due:{task_id}:3d"),
            (T.BTN_DUE_1W, f"due:{task_id}:1w"),
            (T.BTN_DUE_EOM, f"due:{task_id}:eom"),
        ],
        [(T.BTN_DUE_NONE, f"due:{task_id}:none"), (T.BTN_DUE_OTHER, f"due:{task_id}:other")],
    ]


def quick_due(code: str, today: date, current: date | None = None) -> date | None:
    if code == "wd" and current is not None:
        return working_day_on_or_before(current)
    if code == "3d":
        return today + timedelta(days=3)
    if code == "1w":
        return today + timedelta(days=7)
    if code == "eom":
        return today.replace(day=pycal.monthrange(today.year, today.month)[1])
    if len(code) == 9 and code[0] == "d" and code[1:].isdigit():  # a date written in the text (PLAIN_DATE_OFFER)
        try:
            return date(int(code[1:5]), int(code[5:7]), int(code[7:9]))
        except ValueError:
            return None
    return None


# What the giver may still have done to a directive that is undone as a slip (the confirmation's buttons).
_UNDO_KEEPS = frozenset({"created", "deadline_changed", "assignees_changed", "edited"})


async def still_as_logged(session: AsyncSession, task: Task) -> bool:
    """The directive is still being logged: only its giver has touched it (its card's deadline buttons
    complete the /giao, which tells nobody privately) and no reminder has gone out. A deadline set then is
    not told to the doers as a change; later, from the same card, it is (tasks.set_due)."""
    events = await db_tasks.events_of(session, task.id)
    if any(e.kind not in _UNDO_KEEPS or e.actor_id != task.created_by for e, _ in events):
        return False
    return not await reminders.any_sent(session, task.id)


async def check_undo(session: AsyncSession, actor: Actor, task: Task) -> None:
    """«↩️ Hoàn tác» takes back a slip: by the one who gave the task or the chair, while nobody else has
    acted on it. The button stays under the confirmation for good; pressed later it would cancel a task
    people are working on (their reports thrown away, nobody told), and a secretary could cancel the
    chair's directive, which only the chair may do (/huy)."""
    require_open(task)
    role = await role_in_task_committee(session, actor, task)
    if actor.person.id != task.created_by and role is not Role.CHAIR:
        # A member too: «thư ký mới được huỷ» was wrong (/huy is the chair's) and /vaitro no way to undo.
        raise Refused(T.UNDO_NOT_GIVER.format(number=task.number))
    await require(session, actor, task, Action.EDIT, T.ACT_CANCEL)  # a giver who is no longer secretary
    events = await db_tasks.events_of(session, task.id)
    if any(e.kind not in _UNDO_KEEPS or e.actor_id != task.created_by for e, _ in events):
        raise Refused(T.UNDO_TOO_LATE.format(number=task.number))


# ---------------------------------------------------------------------------------------------- buttons
async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """undo:<task> · fixdue:<task> · due:<task>:<3d|1w|eom|wd|none|other|dYYYYMMDD> · addunit:<assignee>"""
    # Notices: a deadline changed from the card once the task is out is told to its doers.
    await run_button(update, context, _pressed, notices=True)


async def _pressed(session: AsyncSession, actor: Actor, query: CallbackQuery) -> Pressed:
    assert query.data is not None
    kind, _, rest = query.data.partition(":")
    if kind == "addunit":
        text, new_card = await _add_unit_from_task(session, actor, int(rest))
        return Pressed(text, new_card)
    task_id, _, code = rest.partition(":")
    task = await task_for_button(session, actor, int(task_id))
    if kind == "undo":
        await check_undo(session, actor, task)
        text = await cancel(session, actor, task, None, kind="undone")
        await new_tasks.tell_taken_back(session, actor, [task])
        return Pressed(text, (render.card(task, actor.today) + "\n\n" + text, None))
    if kind == "fixdue":
        # A closed task's deadline cannot change: say so now, not after the choice.
        require_open(task)
        await require(session, actor, task, Action.EDIT, T.ACT_EDIT_DUE)
        return Pressed(card=(render.card(task, actor.today), [*_due_choices(task.id)]))
    if code == "other":
        require_open(task)  # else a prompt would ask for a date that can no longer be set
        await require(session, actor, task, Action.EDIT, T.ACT_EDIT_DUE)
        if query.message is not None:
            prompt = T.ASK_OTHER_DUE.format(number=task.number)
            await ask_by_reply(
                query.get_bot(), session, actor, query.message.chat, query.from_user, prompt, "due", task_id=task.id
            )
        return Pressed()
    due = quick_due(code, actor.today, task.due_current)
    tell = not await still_as_logged(session, task)
    text = await set_due(session, actor, task, due, actor.today, extension=False, reason=None, tell=tell)
    fix = [[(T.BTN_FIX_DUE, f"fixdue:{task.id}")]]
    return Pressed(text, (render.card(task, actor.today) + "\n\n" + text, fix))


async def _add_unit_from_task(
    session: AsyncSession, actor: Actor, assignee_id: int
) -> tuple[str, tuple[str, Buttons | None]]:
    row = await session.get(TaskAssignee, assignee_id)
    if row is None or actor.committee is None:
        raise Refused(T.BUTTON_STALE)
    task = await task_for_button(session, actor, row.task_id)
    require_role(actor, Action.LOG, T.ACT_ADD_UNIT)
    if row.unit_id is None:
        unit = await db_units.add_unit(session, actor.committee.id, row.label, [])
        row.unit_id = unit.id
    text = T.UNIT_ADDED_FROM_TASK.format(name=T.esc(row.label), number=task.number)
    return text, (render.card(task, actor.today) + "\n\n" + text, [[(T.BTN_FIX_DUE, f"fixdue:{task.id}")]])


async def on_due_reply(session: AsyncSession, actor: Actor, pending: PendingInput, text: str) -> str:
    """The chair answered 'Ngày khác…' with a deadline phrase."""
    task = await db_tasks.task_by_id(session, pending.task_id or 0)
    if task is None:
        raise Refused(T.BUTTON_STALE)
    due, year_note = _due_from_answer(text, actor.today, example_date(actor.today))
    tell = not await still_as_logged(session, task)
    done = await set_due(session, actor, task, due, actor.today, extension=False, reason=None, tell=tell)
    return done + "\n" + year_note if year_note else done


def _due_from_answer(text: str, today: date, example: str) -> tuple[date, str | None]:
    """The deadline answered, and the warning when a day-month without a year was read as next year's.
    `example`: what to write instead of a past day («/sua 3 han 30/11»)."""
    bad = find_invalid_date_in_answer(text, today)
    if bad:
        raise Refused(T.INVALID_DATE_EXAMPLE.format(phrase=T.esc(bad), example=T.esc(example)))
    deadline = parse_deadline_answer(text, today)
    past = past_deadline(text, today, deadline.span)  # «hôm qua», «thứ Sáu tuần trước»: not read as ahead
    if past is not None:
        raise Refused(T.DUE_PAST_WORDS.format(
            phrase=T.esc(past.phrase.strip()), when=render.past_when(past.first, past.last),
            today=T.fmt_date(today), example=example,
        ))
    if deadline.due is None:
        raise Refused(T.DUE_NOT_UNDERSTOOD.format(text=T.esc(text[:60])))
    return deadline.due, year_guessed_note(deadline, today, text)


# ---------------------------------------------------------------------------------------------- /sua /huy
async def sua(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    # Notices: a reassignment takes its «🔁 Giao lại» button off a departure notice.
    await run_command(update, context, _edit, notices=True)


async def _edit(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
    in_group(actor)
    require_role(actor, Action.EDIT, T.ACT_EDIT_TASK)
    ref = numbered_with_text(args, T.EDIT_USAGE)
    task = await find_task(session, actor, ref.number)
    today = actor.today
    if kw := keyword(ref.rest, "han", "hạn"):
        if not kw[1]:
            raise Refused(T.EDIT_USAGE)
        due, year_note = _due_from_answer(kw[1], today, f"/sua {task.number} han {example_date(today)}")
        reason = due_edit_reason(kw[1], today)  # qa17: «/sua 9 han 15/12 theo ý kiến Trưởng ban»
        await set_due(session, actor, task, due, today, extension=False, reason=reason)
        done = T.EDIT_OK.format(number=task.number, what=T.EDIT_WHAT_DUE.format(due=T.fmt_due(due, today)))
        done = done + "\n" + T.QA17_EDIT_DUE_REASON.format(reason=T.esc(reason)) if reason else done
        day_off = day_off_notice(task, today)
        done = done + "\n" + day_off[0] if day_off else done
        return done + "\n" + year_note if year_note else done
    if kw := keyword(ref.rest, "giao", "nguoi", "người"):
        body = kw[1]
        body_offset = offset + args.index(body) if body else offset
        return await reassign(session, actor, task, msg, body, body_offset)
    body = kw[1] if (kw := keyword(ref.rest, "noidung", "nội dung", "nd")) else ref.rest
    if not body:
        raise Refused(T.EDIT_USAGE)
    if len(body) > MAX_DIRECTIVE_CHARS:
        raise Refused(T.TOO_LONG.format(length=len(body), limit=MAX_DIRECTIVE_CHARS))
    if task.status != "open":
        raise Refused(T.TASK_CLOSED.format(number=task.number, state=T.STATE_CLOSED))
    old = task.text
    task.text = body
    db_tasks.add_event(session, task, "edited", actor.person.id, actor.now, data={"old": old})
    return T.EDIT_OK.format(number=task.number, what=T.EDIT_WHAT_TEXT)


async def reassign(session: AsyncSession, actor: Actor, task: Task, msg: Message, body: str, body_offset: int) -> str:
    """New assignees for a task, read from `body` (at `body_offset` in the message: its mentions
    count): `/sua <số> giao …`, and the answer to «🔁 Giao lại #N» after someone left the group."""
    mentions, _people = await _mentioned_people(session, msg, body_offset)
    if actor.committee is not None:  # «/sua 5 giao anh Hùng»: as in /giao (qa12, handlers.named_people)
        named = await named_people.named_member(
            session, msg.get_bot(), actor.committee.chat_id, body, present=actor.present_lookup
        )
        if named is not None:
            mentions.append(named[0])
    return await reassign_to(session, actor, task, body, mentions)


async def reassign_to(session: AsyncSession, actor: Actor, task: Task, body: str, mentions: list[Mention]) -> str:
    """The same, from text and the people it mentions (the board's «Giao lại» has no message)."""
    assert actor.committee is not None
    if task.status != "open":
        raise Refused(T.TASK_CLOSED.format(number=task.number, state=T.STATE_CLOSED))
    await require(session, actor, task, Action.EDIT, T.ACT_EDIT_TASK)
    units = await db_units.units_of(session, actor.committee.id)
    parsed = parse_directive(for_reading(body, mentions), actor.today, db_units.known_units(units))
    assignees = arrange(body, parsed.assignees, mentions)
    if not assignees.lead:
        raise Refused(T.NO_ASSIGNEE)
    rows = await resolve_assignees(session, actor, assignees)
    named = [p for p in [await session.get(Person, a.person_id) for a in rows if a.person_id] if p is not None]
    away = await strangers.not_in_group(actor, named)  # a mistyped @name (qa19)
    before = await assignee_people(session, task)
    task.assignees.clear()
    await session.flush()
    for a in rows:
        task.assignees.append(TaskAssignee(role=a.role, label=a.label, unit_id=a.unit_id, person_id=a.person_id))
    db_tasks.add_event(
        session, task, "assignees_changed", actor.person.id, actor.now, data={"labels": [a.label for a in rows]}
    )
    db_membership.note_reassigned(session, task.id)  # its «🔁 Giao lại» button, if any, goes (send_notices)
    await reminders.replan_task(session, task.id, actor.now)
    # Nobody outside the group is told privately, of the task given or of it taken away (qa19).
    outside = frozenset(p.id for p in [*away, *await strangers.not_in_group(actor, before)])
    await _tell_reassigned(session, actor, task, before, outside)
    # Who has it now («người thực hiện» alone does not tell the committee), in the chat and on the board.
    lead = [a.label for a in rows if a.role == "lead"]
    support = [a.label for a in rows if a.role != "lead"]
    icon = T.lead_icon_of(lead_kind(rows))
    who = T.BOARD_REASSIGNED_LEAD.format(icon=icon, lead=T.esc(", ".join(lead)))
    if support:
        who += T.BOARD_REASSIGNED_SUPPORT.format(support=T.esc(", ".join(support)))
    warned = "".join("\n" + line for line in strangers.warning_lines(away, task.number))
    return T.EDIT_OK.format(number=task.number, what=T.EDIT_WHAT_ASSIGNEES) + "\n" + who + warned


async def _tell_reassigned(
    session: AsyncSession, actor: Actor, task: Task, before: list[Person], not_told: frozenset[int] = frozenset()
) -> None:
    """Who no longer has the task is told so (the reminders stop without a word otherwise), who has it
    now is told what it is and by when (a unit's contact people learn nothing from the group's card);
    someone who has it still is not told again. The one who reassigned needs no notice."""
    committee = await session.get(Committee, task.committee_id)
    if committee is None or not committee.active:
        return
    after = await assignee_people(session, task)
    kept = {p.id for p in after} & {p.id for p in before}
    removed = [p for p in before if p.id not in kept and p.id != actor.person.id and p.id not in not_told]
    added = [p for p in after if p.id not in kept and p.id != actor.person.id and p.id not in not_told]
    lead = db_tasks.lead_label(task) or "?"
    support = ", ".join(db_tasks.labels(task, "support"))
    common = {
        "number": task.number,
        "committee": T.esc(committee.title),
        "who": T.esc(actor.person.full_name),
        "text": T.esc(T.shorten(task.text, 300)),
    }
    from bot.board.one_message import held_reassign_names

    held = held_reassign_names(session, render.due_text(task, actor.today))  # on the board: its one line
    await tell_people(session, actor, committee, removed,
                      T.TASK_REASSIGNED_AWAY_NOTICE.format(lead=T.esc(lead), **common), kind="task_reassigned",
                      held=held.away if held else None)
    await tell_people(session, actor, committee, added, T.TASK_REASSIGNED_TO_NOTICE.format(
        icon=T.lead_icon_of(db_tasks.lead_kind_of(task)),
        lead=T.esc(lead),
        support=T.TASK_REASSIGNED_SUPPORT.format(support=T.esc(support)) if support else "",
        due=render.due_text(task, actor.today),
        **common,
    ), kind="task_reassigned", held=held.to if held else None)


async def on_reassign_reply(session: AsyncSession, actor: Actor, pending: PendingInput, msg: Message) -> str:
    """The answer to «🔁 Giao lại #N»: the whole reply names the new assignees."""
    task = await db_tasks.task_by_id(session, pending.task_id or 0)
    if task is None or actor.committee is None or task.committee_id != actor.committee.id:
        raise Refused(T.BUTTON_STALE)
    if task.status == "open" and await db_membership.reassigned_since_departure(session, task.id):
        # Someone else reassigned it since the question was asked: this answer would undo their choice.
        raise Refused(T.REASSIGN_SPENT.format(number=task.number, lead=T.esc(db_tasks.lead_label(task) or "?")))
    text = msg.text or ""
    body = text.strip()
    return await reassign(session, actor, task, msg, body, text.index(body) if body else 0)


async def huy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    # Notices: those who were to do the task are told it is cancelled.
    await run_command(update, context, _huy, notices=True)


async def _huy(session: AsyncSession, actor: Actor, msg: Message, args: str, offset: int) -> str:
    ref = numbered(args, T.EXAMPLE_CANCEL)
    task = await find_task(session, actor, ref.number)
    return await cancel(session, actor, task, ref.rest or None)
