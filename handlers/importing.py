"""/nhap: a whole meeting conclusion (pasted, or a .docx/.txt/.pdf file) split into directives,
previewed, fixed or trimmed with buttons, then saved in one transaction with its meeting.

The draft lives in the database (a PendingInput row) so that a restart between preview and save
loses nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Document, ForceReply, Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import texts as T
from db import reminders
from db import tasks as db_tasks
from db import units as db_units
from db.models import Meeting, PendingInput
from domain.permissions import Action, allowed
from domain.types import AssigneeRef, Assignees, Cadence, Deadline, DeadlineKind, ParsedDirective
from domain.understand.conclusion import split_conclusion
from domain.understand.directive import parse_directive
from domain.understand.documents import Extracted
from domain.understand.ocr import Reading
from handlers import scans
from handlers.common import (
    Actor,
    Buttons,
    answer,
    command_args,
    edit,
    keyboard,
    reply,
    resolve_actor,
    services,
    transaction,
)
from handlers.directives import resolve_assignees
from handlers.task_actions import Refused

MAX_TEXT_CHARS = 60_000
PREVIEW_BUDGET = 3600  # characters of preview; Telegram's limit is 4096
MAX_PICK = 90  # item buttons on the drop / fix screen


# ---------------------------------------------------------------------------------------------- drafts
def _ref_json(refs: tuple[AssigneeRef, ...]) -> list[dict[str, Any]]:
    return [{"text": r.text, "unit_key": r.unit_key} for r in refs]


def _refs(items: list[dict[str, Any]]) -> tuple[AssigneeRef, ...]:
    return tuple(AssigneeRef(i["text"], i.get("unit_key")) for i in items)


def directive_to_json(d: ParsedDirective) -> dict[str, Any]:
    return {
        "text": d.text,
        "lead": _ref_json(d.assignees.lead),
        "support": _ref_json(d.assignees.support),
        "executor": _ref_json(d.assignees.executor),
        "deadline": d.deadline.as_json(),
    }


def directive_from_json(item: dict[str, Any]) -> ParsedDirective:
    dl = item["deadline"]
    deadline = Deadline(
        DeadlineKind(dl["kind"]),
        date.fromisoformat(dl["due"]) if dl.get("due") else None,
        dl.get("phrase"),
        Cadence(dl["cadence"]) if dl.get("cadence") else None,
    )
    assignees = Assignees(_refs(item["lead"]), _refs(item["support"]), _refs(item["executor"]))
    return ParsedDirective(text=item["text"], assignees=assignees, deadline=deadline)


# ---------------------------------------------------------------------------------------------- /nhap
async def nhap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)
    try:
        source = await _source_text(context, msg, args)
    except Refused as refusal:
        await reply(update, str(refusal))
        return
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            _check_rights(actor)
            if source is None:
                prompt = await reply_prompt(update, context, T.IMPORT_ASK_TEXT)
                if prompt is not None:
                    session.add(_pending(actor, prompt, "import_text", {}))
                return
            draft = await _make_draft(session, actor, msg, source.text, source.reading)
        except Refused as refusal:
            await reply(update, str(refusal))
            return
    await send_preview(update, context, draft)


async def reply_prompt(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> Message | None:
    chat = update.effective_chat
    assert chat is not None
    try:
        return await context.bot.send_message(
            chat.id, text, parse_mode=ParseMode.HTML, reply_markup=ForceReply(selective=True)
        )
    except TelegramError:
        return None


def _pending(actor: Actor, prompt: Message, kind: str, data: dict[str, Any]) -> PendingInput:
    return PendingInput(
        chat_id=prompt.chat.id,
        prompt_message_id=prompt.message_id,
        person_id=actor.person.id,
        kind=kind,
        created_at=actor.now,
        data=data,
    )


def _check_rights(actor: Actor) -> None:
    if actor.committee is None:
        raise Refused(T.GROUP_ONLY)
    if not allowed(Action.LOG, actor.role):
        raise Refused(T.NOT_CHAIR_OR_SECRETARY.format(action=T.ACT_IMPORT))


async def _source_text(context: ContextTypes.DEFAULT_TYPE, msg: Message, args: str) -> Extracted | None:
    """The conclusion: text after the command, an attached file or photo, or the message replied to."""
    attached = scans.attachment_of(msg)
    if attached is not None:
        return await scans.read_attachment(context, attached, msg.chat_id)
    if args:
        return Extracted(args)
    replied = msg.reply_to_message
    if replied is not None:
        attached = scans.attachment_of(replied)
        if attached is not None:
            return await scans.read_attachment(context, attached, msg.chat_id)
        if replied.text:
            return Extracted(replied.text)
    return None


async def _document_text(context: ContextTypes.DEFAULT_TYPE, doc: Document) -> str:
    """A file's text; a scan, a photo or a .doc is read too (handlers/scans.py)."""
    return (await scans.read_attachment(context, doc)).text


async def _make_draft(
    session: AsyncSession, actor: Actor, msg: Message, source: str, reading: Reading | None = None
) -> PendingInput:
    assert actor.committee is not None
    if len(source) > MAX_TEXT_CHARS:
        raise Refused(T.IMPORT_TEXT_TOO_LONG.format(length=len(source), limit=MAX_TEXT_CHARS))
    units = db_units.known_units(await db_units.units_of(session, actor.committee.id))
    parsed = split_conclusion(source, actor.today, units)
    if not parsed.directives:
        raise Refused(T.IMPORT_NOTHING)
    meeting_day = parsed.meeting_date or actor.today
    draft = PendingInput(
        chat_id=msg.chat.id,
        # Drafts are not answered by reply: a negative id keeps them apart from prompts.
        prompt_message_id=-msg.message_id,
        person_id=actor.person.id,
        kind="import_draft",
        created_at=actor.now,
        data={
            "meeting_date": meeting_day.isoformat(),
            "title": parsed.title or T.IMPORT_DEFAULT_TITLE.format(date=T.fmt_date(meeting_day)),
            "items": [directive_to_json(d) for d in parsed.directives],
            "dropped": [],
            **({"ocr": reading.as_json()} if reading is not None else {}),
        },
    )
    session.add(draft)
    await session.flush()
    return draft


# ---------------------------------------------------------------------------------------------- preview
def preview(draft: PendingInput, today: date) -> tuple[str, Buttons]:
    data = draft.data
    items = data["items"]
    dropped = set(data.get("dropped", []))
    kept = [k for k in range(1, len(items) + 1) if k not in dropped]
    meeting = T.IMPORT_PREVIEW_MEETING.format(
        title=T.esc(data["title"]), date=T.fmt_date(date.fromisoformat(data["meeting_date"]))
    )
    header = T.IMPORT_PREVIEW_HEADER.format(count=len(kept), meeting=meeting)
    header = "\n".join([header, *scans.preview_note(data.get("ocr"))])  # read from an image: say so first
    footer = T.IMPORT_PREVIEW_FOOTER
    if dropped:
        footer = "(" + T.IMPORT_DROPPED.format(items=", ".join(map(str, sorted(dropped)))) + ")\n" + footer
    # Shorten every item's text evenly so the preview fits one message.
    budget = max(60, (PREVIEW_BUDGET - len(header) - len(footer)) // max(1, len(kept)) - 80)
    lines = [header, ""]
    used = len(header) + len(footer)
    for shown, k in enumerate(kept):
        d = directive_from_json(items[k - 1])
        lead = ", ".join(T.esc(a.text) for a in d.assignees.lead) or T.IMPORT_NO_LEAD
        support = d.assignees.support
        support_text = T.SUPPORT_SUFFIX.format(names=T.esc(", ".join(a.text for a in support))) if support else ""
        due = _due_label(d.deadline, today)
        text = d.text if len(d.text) <= budget else d.text[: budget - 1] + "…"
        item = T.IMPORT_PREVIEW_ITEM.format(k=k, text=T.esc(text), lead=lead, support=support_text, due=due)
        used += len(item) + 1
        if used > PREVIEW_BUDGET:
            # A long conclusion (a file of hundreds of points) cannot be shown in one message, which
            # Telegram would refuse: the rest is counted (and saved all the same).
            lines.append(T.IMPORT_PREVIEW_MORE.format(more=len(kept) - shown))
            break
        lines.append(item)
    lines += ["", footer]
    pid = draft.id
    buttons: Buttons = [
        [(T.BTN_IMPORT_SAVE.format(count=len(kept)), f"imp:{pid}:save")] if kept else [],
        [(T.BTN_IMPORT_DROP, f"imp:{pid}:drop"), (T.BTN_IMPORT_FIX, f"imp:{pid}:fix")],
        [(T.BTN_IMPORT_CANCEL, f"imp:{pid}:cancel")],
    ]
    return "\n".join(lines), [row for row in buttons if row]


def _due_label(deadline: Deadline, today: date) -> str:
    if deadline.due is not None:
        return T.fmt_date(deadline.due)
    if deadline.kind is DeadlineKind.IMMEDIATE:
        return T.LABEL_URGENT
    if deadline.kind is DeadlineKind.RECURRING and deadline.cadence:
        return T.LABEL_RECURRING.format(cadence=T.CADENCE_NAMES.get(deadline.cadence.value, deadline.cadence))
    if deadline.phrase:
        return T.esc(deadline.phrase)
    return T.LABEL_NO_DUE


async def send_preview(update: Update, context: ContextTypes.DEFAULT_TYPE, draft: PendingInput) -> None:
    chat = update.effective_chat
    assert chat is not None
    text, buttons = preview(draft, _today(context, draft))
    try:
        await context.bot.send_message(chat.id, text, parse_mode=ParseMode.HTML, reply_markup=keyboard(buttons))
    except TelegramError:
        await reply(update, T.GENERIC_ERROR)


def _today(context: ContextTypes.DEFAULT_TYPE, draft: PendingInput) -> date:
    svc = services(context)
    return svc.clock.now().astimezone(svc.settings.tz).date()


# ---------------------------------------------------------------------------------------------- buttons
async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """imp:<draft>:save|drop|fix|cancel|back · imp:<draft>:drop:<k> · imp:<draft>:fix:<k>"""
    query = update.callback_query
    assert query is not None and query.data is not None
    _, draft_id, action, *arg = query.data.split(":")
    new_text: str | None = None
    new_buttons: Buttons | None = None
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            _check_rights(actor)
            draft = await session.get(PendingInput, int(draft_id))
            chat_id = query.message.chat.id if query.message else None
            if draft is None or draft.kind != "import_draft" or draft.chat_id != chat_id:
                raise Refused(T.IMPORT_EXPIRED)
            if action == "cancel":
                await session.delete(draft)
                new_text = T.IMPORT_CANCELLED
            elif action == "save":
                new_text = await _save(session, actor, draft)
                await session.delete(draft)
            elif action in ("drop", "fix") and not arg:
                new_text, _ = preview(draft, actor.today)
                new_text += "\n\n" + (T.IMPORT_PICK_DROP if action == "drop" else T.IMPORT_PICK_FIX)
                new_buttons = _pick_buttons(draft, action)
            elif action == "drop":
                data = dict(draft.data)
                data["dropped"] = sorted({*data.get("dropped", []), int(arg[0])})
                draft.data = data
                new_text, new_buttons = preview(draft, actor.today)
            elif action == "fix":
                prompt = await reply_prompt(update, context, T.IMPORT_ASK_FIX.format(k=int(arg[0])))
                if prompt is not None:
                    session.add(_pending(actor, prompt, "import_fix", {"draft": draft.id, "k": int(arg[0])}))
            else:  # back
                new_text, new_buttons = preview(draft, actor.today)
        except Refused as refusal:
            await answer(query, str(refusal), alert=True)
            return
    await answer(query)
    if new_text is not None:
        await edit(query, new_text, new_buttons)


def _pick_buttons(draft: PendingInput, action: str) -> Buttons:
    dropped = set(draft.data.get("dropped", []))
    # Telegram takes at most 100 buttons under a message: the first MAX_PICK items can be picked.
    numbers = [k for k in range(1, len(draft.data["items"]) + 1) if k not in dropped][:MAX_PICK]
    rows = [
        [(str(k), f"imp:{draft.id}:{action}:{k}") for k in numbers[i : i + 6]] for i in range(0, len(numbers), 6)
    ]
    return [*rows, [(T.BTN_BACK, f"imp:{draft.id}:back")]]


async def _save(session: AsyncSession, actor: Actor, draft: PendingInput) -> str:
    """All kept directives and their meeting, in the caller's one transaction."""
    assert actor.committee is not None
    data = draft.data
    held_on = date.fromisoformat(data["meeting_date"])
    meeting = Meeting(
        committee_id=actor.committee.id,
        title=data["title"][:500],
        held_on=held_on,
        created_at=actor.now,
        created_by=actor.person.id,
    )
    session.add(meeting)
    await session.flush()
    dropped = set(data.get("dropped", []))
    numbers = []
    for k, item in enumerate(data["items"], start=1):
        if k in dropped:
            continue
        d = directive_from_json(item)
        rows = await resolve_assignees(session, actor, d.assignees)
        task = await db_tasks.create_task(
            session,
            actor.committee,
            text=d.text,
            assignees=rows,
            deadline=d.deadline,
            due=d.deadline.due,
            assigned_on=held_on,
            actor_id=actor.person.id,
            now=actor.now,
            meeting_id=meeting.id,
        )
        await reminders.replan_task(session, task.id, actor.now)
        numbers.append(task.number)
    if not numbers:
        raise Refused(T.IMPORT_NOTHING)
    fmt = T.IMPORT_SAVED if len(numbers) > 1 else T.IMPORT_SAVED_ONE
    return fmt.format(count=len(numbers), first=numbers[0], last=numbers[-1], title=T.esc(meeting.title))


# ---------------------------------------------------------------------------------------------- answers
async def on_text_answer(session: AsyncSession, actor: Actor, pending: PendingInput, msg: Message) -> PendingInput:
    """The conclusion pasted as a reply to the bot's question: becomes a draft."""
    _check_rights(actor)
    return await _make_draft(session, actor, msg, msg.text or "")


async def on_fix_answer(session: AsyncSession, actor: Actor, pending: PendingInput, text: str) -> PendingInput:
    """A corrected item: parsed again (assignees and deadline too) and put back into the draft."""
    _check_rights(actor)
    assert actor.committee is not None
    draft = await session.get(PendingInput, int(pending.data["draft"]))
    if draft is None:
        raise Refused(T.IMPORT_EXPIRED)
    units = db_units.known_units(await db_units.units_of(session, actor.committee.id))
    data = dict(draft.data)
    items = list(data["items"])
    k = int(pending.data["k"])
    if not 1 <= k <= len(items):
        raise Refused(T.IMPORT_EXPIRED)
    items[k - 1] = directive_to_json(parse_directive(text, date.fromisoformat(data["meeting_date"]), units))
    data["items"] = items
    draft.data = data
    return draft
