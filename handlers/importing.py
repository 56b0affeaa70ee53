"""/nhap: a whole meeting conclusion (pasted, or a .docx/.txt/.pdf file) split into directives,
previewed, fixed or trimmed with buttons or one-line replies, then saved in one transaction with its
meeting.

Telegram cuts a paste longer than 4096 characters into several messages, and in a group with privacy
mode the bot sees only the first. So:
- in a private chat with the bot, `/nhap` *gathers* the person's following messages (texts, a file)
  for one committee until they press «Xong, phân tích» or a quiet minute passes (`gather_tick`, a
  JobQueue job reading the one clock), then previews as for a short paste;
- in a group, a text that looks cut is previewed with a warning and a t.me link that opens the
  gathering for this committee in the private chat.

Everything waiting lives in the database (PendingInput rows: "import_gather" while gathering,
"import_draft" for a preview), so a restart loses nothing; no migration was needed, the rows' JSON
`data` holds the parts and the draft. The preview can take several messages (split between items);
their ids are kept in the draft so that a reply to any of them («3 hạn 20/12», «3 giao Văn phòng»)
changes that one field of that one item."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, Chat, Message, MessageEntity, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import CallbackContext, ContextTypes

from bot import texts as T
from bot.errors import database_unavailable
from bot.services import Services, services_of
from db import committees as db_committees
from db import import_units, reminders
from db import pending as db_pending
from db import tasks as db_tasks
from db import units as db_units
from db.import_repeats import repeated_tasks
from db.models import Committee, Meeting, PendingInput, Person, Task, TaskAssignee, Unit
from db.outbox import enqueue_notice
from domain.assign import Mention, arrange_written, written_usernames
from domain.calendar import is_working_day
from domain.chatter import LEFT_OUT_KINDS, Chatter, classify
from domain.due_checks import year_guessed_far_ahead
from domain.lead_kinds import lead_kind
from domain.long_text import CUT_MIN, Part, cut_kind, is_past, join_parts, newline_late, parse_item_edit, utf16_len
from domain.permissions import Action, Role, allowed
from domain.types import AssigneeRef, Assignees, Cadence, Deadline, DeadlineKind, ParsedDirective
from domain.understand.assignees import parse_assignees
from domain.understand.deadlines import find_invalid_date, parse_deadline_answer
from domain.understand.directive import parse_directive
from domain.understand.documents import Extracted
from domain.understand.ocr import Reading
from domain.understand.sheets import split_with_sheets
from handlers import new_tasks, preview_inplace, scans, ward_handoff
from handlers.chair_ended import alert_text
from handlers.command import load_as_actor
from handlers.common import (
    Actor,
    Buttons,
    answer,
    ask_by_reply,
    command_args,
    display_name,
    edit,
    keyboard,
    reply,
    resolve_actor,
    role_from_outside,
    send_notices,
    services,
    transaction,
    visible_text,
    year_guessed_note,
)
from handlers.directives import (
    check_undo,
    first_due,
    level_checked,
    planned_name,
    registered_match,
    resolve_assignees,
)
from handlers.preview_no_day import no_day_flag
from handlers.task_actions import Refused, cancel, example_date, in_group, require_role

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 60_000
PREVIEW_BUDGET = 3800  # UTF-16 units of HTML per preview message; Telegram's limit is 4096 (of the text)
ITEM_BUDGET = 3000  # a single item longer than this (never seen in a real conclusion) is shortened, visibly
MAX_PICK = 90  # item buttons on the drop / fix screen
QUIET = timedelta(minutes=1)  # a gathering with no new message for this long is analysed
GATHER_CHECK_INTERVAL = 15.0  # seconds between the job's looks at the gatherings
GATHER_JOB = "import-gather"
LEAD_MAX = 200


# ---------------------------------------------------------------------------------------------- drafts
def _ref_json(refs: tuple[AssigneeRef, ...], registered: list[Unit] | None = None) -> list[dict[str, Any]]:
    """An assignee as stored in a draft; with `registered` (the committee's units), also the name the
    saved task will give it (a catalogue unit by the catalogue's name), which the preview shows."""
    out: list[dict[str, Any]] = []
    for r in refs:
        row: dict[str, Any] = {"text": r.text, "unit_key": r.unit_key}
        if registered is not None and (name := planned_name(r, registered)) != r.text:
            row["name"] = name
        if registered and _new_unit(r, registered):
            row["new_unit"] = True
        out.append(row)
    return out


def _new_unit(ref: AssigneeRef, registered: list[Unit]) -> bool:
    """A unit of the catalogue that none of the committee's units answers to: saving adds it as a new unit
    with nobody to remind (qa13: an OCR reading «Phòng Tài chính - Kí hofich» became «Phòng TC-KH» beside
    the committee's «Phòng Tài chính - Kế hoạch», and the preview gave no sign of it)."""
    if ward_handoff.meant(ref, registered):
        return False  # the district's linked wards (wards16): no unit to add
    key = level_checked(ref, registered).unit_key or ""
    return key.startswith("builtin:") and registered_match(ref, registered) is None


def _shown(refs: list[dict[str, Any]]) -> list[str]:
    """The assignees of a draft item as the preview names them: as they will be saved."""
    return [r.get("name") or r["text"] for r in refs]


def _refs(items: list[dict[str, Any]]) -> tuple[AssigneeRef, ...]:
    return tuple(AssigneeRef(i["text"], i.get("unit_key")) for i in items)


async def _with_written_people(session: AsyncSession, d: ParsedDirective) -> ParsedDirective:
    """The @usernames written in an item are those people, as /giao reads them (domain.assign.arrange_written):
    «2. Giao @binh_pham cập nhật cổng thông tin» is Bình's task, not one with nobody to lead it."""
    found = written_usernames(d.text)
    if not found:
        return d
    mentions = []
    for start, end, name in found:
        person = await db_committees.person_by_username(session, name, create=True)
        assert person is not None
        mentions.append(Mention(start, end, str(person.id), db_committees.person_label(person, "@" + name)))
    return replace(d, assignees=arrange_written(d.text, d.assignees, mentions))


def directive_to_json(d: ParsedDirective, registered: list[Unit] | None = None) -> dict[str, Any]:
    return {
        "text": d.text,
        "lead": _ref_json(d.assignees.lead, registered),
        "support": _ref_json(d.assignees.support, registered),
        "executor": _ref_json(d.assignees.executor, registered),
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


# ---------------------------------------------------------------------------------------------- rights
async def _role_in(
    session: AsyncSession, context: CallbackContext, committee: Committee, person: Person  # type: ignore[type-arg]
) -> Role:
    """The person's role in a committee, asked from a private chat: the group's rule (handlers.common
    .committee_role: admins are chairs while admins, granted roles while in the group)."""
    return await role_from_outside(context, session, committee, person)


async def _importer(
    session: AsyncSession,
    context: CallbackContext,  # type: ignore[type-arg]
    actor: Actor,
    committee_id: int | None,
    *,
    missing: str = T.IMPORT_EXPIRED,
) -> Actor:
    """The actor as a member of the committee the import is for, allowed to import there (or Refused).
    In a group that is the group's committee; in a private chat the one chosen for the gathering."""
    if actor.committee is not None and (committee_id is None or committee_id == actor.committee.id):
        _check_rights(actor)
        return actor
    committee = await session.get(Committee, committee_id) if committee_id else None
    if committee is None or not committee.active:
        raise Refused(missing)
    role = await _role_in(session, context, committee, actor.person)
    scoped = Actor(actor.person, committee, role, actor.now, ZoneInfo(committee.tz_name))
    _check_rights(scoped)
    return scoped


async def _scoped_answer(session: AsyncSession, actor: Actor, committee_id: int | None) -> Actor:
    """As `_importer`, for an answer to the bot's question (it carries no context): the role as Telegram has
    it now, through the actor's own look-up (handlers.common.resolve_actor: role_from_outside, the shared
    member memory) — sec16: it read the stored role only, and a chair demoted (or a secretary gone from
    the group) between «✏️ Sửa mục…» and her answer still rewrote the committee's preview in private,
    where saving it was already refused. An actor without a look-up keeps the stored role."""
    if actor.committee is not None and (committee_id is None or committee_id == actor.committee.id):
        _check_rights(actor)
        return actor
    committee = await session.get(Committee, committee_id) if committee_id else None
    if committee is None:
        raise Refused(T.IMPORT_EXPIRED)
    if actor.role_lookup is not None:
        role = await actor.role_lookup(session, committee.id)
    else:
        stored = await db_committees.role_of(session, committee.id, actor.person.id)
        role = Role(stored) if stored else Role.MEMBER
    scoped = Actor(actor.person, committee, role, actor.now, ZoneInfo(committee.tz_name))
    _check_rights(scoped)
    return scoped


def _check_rights(actor: Actor) -> None:
    in_group(actor)
    require_role(actor, Action.LOG, T.ACT_IMPORT)


async def _may_import(_session: AsyncSession, actor: Actor) -> bool:
    _check_rights(actor)
    return True


async def _import_committees(
    session: AsyncSession, context: CallbackContext, person: Person  # type: ignore[type-arg]
) -> list[Committee]:
    """The active committees in which the person may import (chair or secretary)."""
    found = []
    for committee in await db_committees.committees_of_person(session, person.id):
        if committee.active and allowed(Action.LOG, await _role_in(session, context, committee, person)):
            found.append(committee)
    return sorted({c.id: c for c in found}.values(), key=lambda c: c.id)


# ---------------------------------------------------------------------------------------------- /nhap
async def nhap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    chat = update.effective_chat
    assert msg is not None and chat is not None
    if chat.type == Chat.PRIVATE:
        await _nhap_private(update, context)
        return
    args, _ = command_args(msg)
    # Rights first, as Telegram has them now (qa18): a member's .docx, PDF or photo was read (seconds of OCR,
    # «Đang đọc…» in the group) before the usual refusal. Nothing is read for someone who may not import.
    if await load_as_actor(update, context, _may_import) is None:
        return
    try:
        source = await _source_text(context, msg, args)
    except Refused as refusal:
        await reply(update, str(refusal))
        return

    async def draft_of(session: AsyncSession, actor: Actor) -> PendingInput | None:
        _check_rights(actor)
        if source is None:
            # Sent once this transaction is committed (a send Telegram refuses only logged).
            # Addressed to who typed /nhap: a selective ForceReply naming nobody opens the reply box for
            # nobody, and a paste that is not a reply never reaches a bot in privacy mode (qa11).
            await ask_by_reply(
                context.bot, session, actor, msg.chat, msg.from_user, T.IMPORT_ASK_TEXT, "import_text", quiet=True
            )
            return None  # the text comes as the answer (on_text_answer)
        # Telegram cut a long paste: this is only its first message (see domain.long_text).
        cut = cut_kind(msg.text or "") if msg.document is None and not msg.photo and args else None
        return await _make_draft(
            session, actor, msg.chat.id, -msg.message_id, source.text, cut=cut, reading=source.reading
        )

    draft = await load_as_actor(update, context, draft_of)
    if draft is not None:
        await send_preview(update, context, draft)


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


async def _make_draft(
    session: AsyncSession, actor: Actor, chat_id: int, key: int, source: str, *, cut: str | None = None,
    reading: Reading | None = None, ocr: dict[str, Any] | None = None, short: list[str] | None = None,
) -> PendingInput:
    """The draft of a conclusion for actor.committee. `key`: a negative number unique in the chat (drafts
    are not answered through the prompt lookup: replies to a preview are matched by its message ids)."""
    assert actor.committee is not None
    if len(source) > MAX_TEXT_CHARS:
        raise Refused(T.IMPORT_TEXT_TOO_LONG.format(length=len(source), limit=MAX_TEXT_CHARS))
    registered = await db_units.units_of(session, actor.committee.id)
    units = db_units.known_units(registered)
    parsed, sheet = split_with_sheets(source, actor.today, units)  # (docs11) an Excel sheet's rows: one item each
    if not parsed.directives:
        raise Refused(T.IMPORT_NOTHING)
    meeting_day = parsed.meeting_date or actor.today
    items = [directive_to_json(await _with_written_people(session, d), registered) for d in parsed.directives]
    # The same conclusion sent again (the signed scan after the .docx): each repeated item names its task.
    for item, number in zip(items, await repeated_tasks(session, actor.committee.id, [i["text"] for i in items]),
                            strict=True):
        if number is not None:
            item["same_as"] = number
    return await db_pending.add_import_draft(
        session,
        chat_id=chat_id,
        key=key,
        person_id=actor.person.id,
        now=actor.now,
        data={
            "committee": actor.committee.id,
            "committee_title": actor.committee.title if actor.committee.chat_id != chat_id else None,
            "meeting_date": meeting_day.isoformat(),
            "title": parsed.title or T.IMPORT_DEFAULT_TITLE.format(date=T.fmt_date(meeting_day)),
            "items": items,
            "dropped": [],
            "cut": cut,
            "messages": [],
            **({"ocr": reading.as_json()} if reading is not None else ({"ocr": ocr} if ocr else {})),
            **({"short": short} if short else {}),
            **({"sheet": sheet.as_json()} if sheet is not None else {}),
        },
    )


# ---------------------------------------------------------------------------------------------- preview
def _item_lines(k: int, item: dict[str, Any], today: date, meeting_day: date | None = None) -> str:
    """One item: its whole text, lead, coordinating units (named as the saved task will name them),
    deadline, and what needs a look. `meeting_day`: the date the conclusion's deadlines were read
    against (an item's deadline edited in the preview was read against the day of the edit)."""
    d = directive_from_json(item)
    text = d.text
    if len(text) > ITEM_BUDGET:
        text = text[:ITEM_BUDGET] + T.IMPORT_ITEM_SHORTENED.format(more=len(d.text) - ITEM_BUDGET)
    lead = ", ".join(T.esc(a) for a in _shown(item["lead"])) or T.IMPORT_NO_LEAD
    support = ", ".join(T.esc(a) for a in _shown(item["support"])) or T.IMPORT_NO_SUPPORT
    due = _due_label(d.deadline, today)
    flags = []
    if is_past(d.deadline.due, today):
        assert d.deadline.due is not None
        flags.append(T.IMPORT_FLAG_PAST.format(days=(today - d.deadline.due).days))
    elif (year_flag := _year_flag(k, item, d.deadline, meeting_day or today, today)) is not None:
        flags.append(year_flag)
    if (no_day := no_day_flag(k, d.deadline, today)) is not None:  # qa17: «trước khi ban hành» is no day
        flags.append(no_day)
    if item.get("same_as"):
        flags.append(T.QA13_IMPORT_FLAG_REPEAT.format(number=item["same_as"]))
    if not d.assignees.lead:
        flags.append(T.IMPORT_FLAG_NOBODY)
    unknown = [a.text for a in (*d.assignees.lead, *d.assignees.support) if not a.unit_key]
    if unknown:
        flags.append(T.IMPORT_FLAG_UNKNOWN.format(names=T.esc(", ".join(unknown))))
    added = [r.get("name") or r["text"] for r in item["lead"] if r.get("new_unit")]
    if added:
        flags.append(T.QA13_IMPORT_FLAG_NEW_UNIT.format(names=T.esc(", ".join(added)), k=k))
    # 👤 when people lead (a member found, an @name, «anh Tuấn»), 🏢 when a unit does (report11), ❓ for a
    # bare name nobody could place (product13, domain/lead_kinds), as saved.
    icon = T.lead_icon_of(lead_kind(_LeadOfItem(r) for r in item["lead"]))
    line = T.IMPORT_ITEM.format(k=k, icon=icon, text=T.esc(text), lead=lead, support=support, due=due)
    return line + "".join("\n    " + f for f in flags)


def _year_flag(k: int, item: dict[str, Any], deadline: Deadline, meeting_day: date, today: date) -> str | None:
    """A day-month without a year read as the next such date ~a year after the day it was read against
    (the meeting's, or the edit's): flagged as /giao and /sua flag it (domain.due_checks)."""
    read_on = date.fromisoformat(item["due_read_on"]) if item.get("due_read_on") else meeting_day
    if deadline.due is None or not year_guessed_far_ahead(deadline, read_on):
        return None
    example = (today + timedelta(days=7)).strftime("%d/%m/%Y")  # a deadline written with its year
    return T.IMPORT_FLAG_YEAR_GUESSED.format(due=T.fmt_date(deadline.due), year=deadline.due.year, k=k, example=example)


def _meeting_line(data: dict[str, Any]) -> str:
    """«Cuộc họp: <title> — ngày <date>»; the date once when the title says it already («Giao ban ngày
    23/11/2026 — ngày 23/11/2026» read as a slip)."""
    day = date.fromisoformat(data["meeting_date"])
    title = data["title"]
    written = (
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}/{day.month:02d}/{day.year}",
        f"{day.day:02d}/{day.month}/{day.year}",
        f"ngày {day.day} tháng {day.month} năm {day.year}",
        f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
    )
    if any(w in " ".join(title.lower().split()) for w in written):
        return T.IMPORT_PREVIEW_MEETING_TITLE.format(title=T.esc(title))
    return T.IMPORT_PREVIEW_MEETING.format(title=T.esc(title), date=T.fmt_date(day))


def preview_pages(draft: PendingInput, today: date, bot_username: str | None = None) -> tuple[list[str], Buttons]:
    """The preview as messages (split between items, each within Telegram's limit) and the buttons
    that go under the last one. Every kept item is shown whole, with its flags."""
    data = draft.data
    items = data["items"]
    dropped = set(data.get("dropped", []))
    kept = [k for k in range(1, len(items) + 1) if k not in dropped]
    meeting = _meeting_line(data)
    header = T.IMPORT_PREVIEW_HEADER.format(count=len(kept), meeting=meeting)
    if data.get("committee_title"):  # previewed in a private chat: for which committee
        header += "\n" + T.IMPORT_PREVIEW_COMMITTEE.format(committee=T.esc(data["committee_title"]))
    header = "\n".join([header, *scans.preview_note(data.get("ocr"))])  # read from an image: say so first
    if data.get("sheet"):  # (docs11) read from an Excel sheet: which sheets and columns
        header += "\n" + T.sheet_note(data["sheet"])
    if data.get("short"):  # short messages of a gathering kept as text: shown, the person decides
        shown = ", ".join(f"«{T.esc(T.shorten(t, 60))}»" for t in data["short"][:5])
        header += "\n" + T.IMPORT_SHORT_KEPT_NOTE.format(texts=shown)
    blocks = []
    if data.get("cut"):
        committee = data.get("committee")
        link = f"https://t.me/{bot_username}?start=nhap_{committee}" if bot_username and committee else None
        warning = T.IMPORT_CUT_WARNING if data["cut"] is True or data["cut"] == "cut" else T.IMPORT_MAYBE_CUT
        blocks.append(warning + (T.IMPORT_CUT_LINK.format(link=link) if link else ""))
    past = [k for k in kept if is_past(directive_from_json(items[k - 1]).deadline.due, today)]
    if past:
        blocks.append(T.QA20_IMPORT_PAST_SUMMARY.format(items=", ".join(map(str, past)), k=past[0],
                                                        due=example_date(today)))
    repeats = [k for k in kept if items[k - 1].get("same_as")]
    if repeats:  # said before the items: «Lưu tất cả» would give every unit its task twice
        numbers = ", ".join(f"#{items[k - 1]['same_as']}" for k in repeats)
        blocks.append(T.QA13_IMPORT_REPEATS.format(items=", ".join(map(str, repeats)), numbers=numbers))
    meeting_day = date.fromisoformat(data["meeting_date"])
    blocks += [_item_lines(k, items[k - 1], today, meeting_day) for k in kept]
    footer = T.IMPORT_PREVIEW_FOOTER + "\n" + _edit_help(kept, today)
    if repeats:  # qa17: said again by the buttons, which a phone shows first of a long preview
        footer = T.QA17_IMPORT_REPEATS_AGAIN.format(count=len(repeats), of=len(kept)) + "\n" + footer
    if dropped:
        footer = "(" + T.IMPORT_DROPPED.format(items=", ".join(map(str, sorted(dropped)))) + ")\n" + footer
    pages: list[list[str]] = [[header]]
    for block in [*blocks, footer]:
        current = pages[-1]
        size = sum(utf16_len(b) + 2 for b in current)
        if current and size + utf16_len(block) > PREVIEW_BUDGET:
            pages.append([])
        pages[-1].append(block)
    texts = ["\n\n".join(page) for page in pages]
    if len(texts) > 1:
        texts = [t + "\n" + T.IMPORT_PAGE.format(n=n, of=len(texts)) for n, t in enumerate(texts, start=1)]
    pid = draft.id
    buttons: Buttons = [
        [(T.BTN_IMPORT_SAVE.format(count=len(kept)), f"imp:{pid}:save")] if kept else [],
        [(T.BTN_IMPORT_DROP, f"imp:{pid}:drop"), (T.BTN_IMPORT_FIX, f"imp:{pid}:fix")],
        [(T.BTN_IMPORT_CANCEL, f"imp:{pid}:cancel")],
    ]
    return texts, [row for row in buttons if row]


def preview(draft: PendingInput, today: date, bot_username: str | None = None) -> tuple[str, Buttons]:
    """The text of the message that carries the buttons, for an edit in place: the whole preview when it
    fits one message; else a summary that points to the items above (re-rendering only the last page
    would shift items between pages, and an item could then be shown nowhere)."""
    texts, buttons = preview_pages(draft, today, bot_username)
    if len(texts) == 1:
        return texts[0], buttons
    data = draft.data
    dropped = sorted(set(data.get("dropped", [])))
    kept = len(data["items"]) - len(dropped)
    meeting = _meeting_line(data)
    lines = [T.IMPORT_PREVIEW_HEADER.format(count=kept, meeting=meeting), T.IMPORT_ITEMS_ABOVE]
    if dropped:
        lines.append("(" + T.IMPORT_DROPPED.format(items=", ".join(map(str, dropped))) + ")")
    shown = [k for k in range(1, len(data["items"]) + 1) if k not in dropped]
    repeats = [k for k in shown if data["items"][k - 1].get("same_as")]
    if repeats:  # qa17: as under the last page
        lines.append(T.QA17_IMPORT_REPEATS_AGAIN.format(count=len(repeats), of=kept))
    lines += [T.IMPORT_PREVIEW_FOOTER, _edit_help(shown, today)]
    return "\n\n".join(lines), buttons


def _edit_help(kept: list[int], today: date) -> str:
    """The quick-edit line with an example the preview can take: an item it shows (3 when it has one),
    a deadline a week from today."""
    return T.IMPORT_EDIT_HELP_FOR.format(k=_example_item(kept), due=example_date(today))


def _example_item(kept: list[int]) -> int:
    """The item an example names: one the preview shows (3 when it has one)."""
    return 3 if 3 in kept else (kept[-1] if kept else 1)


def _due_label(deadline: Deadline, today: date) -> str:
    if deadline.due is not None:
        return T.fmt_date(deadline.due) + _day_off(deadline.due)
    if deadline.kind is DeadlineKind.IMMEDIATE:
        return T.LABEL_URGENT
    if deadline.kind is DeadlineKind.RECURRING and deadline.cadence:
        recurring = T.LABEL_RECURRING.format(cadence=T.CADENCE_NAMES.get(deadline.cadence.value, deadline.cadence))
        # qa21: saved, the first period is due at its end (first_due, as /giao says it); the preview said only
        # «🔁 định kỳ», and the secretary first saw the day (a Saturday, 31/10) in the units' reminders.
        first = first_due(deadline, today)
        if first is None:
            return recurring
        return T.QA21_IMPORT_RECURRING_DUE.format(due=T.fmt_date(first) + _day_off(first), recurring=recurring)
    if deadline.phrase:  # qa17: said as what it will be saved as, the conclusion's words beside it
        return T.QA17_IMPORT_DUE_NO_DAY.format(phrase=T.esc(deadline.phrase))
    return T.LABEL_NO_DUE


def _day_off(due: date) -> str:
    """qa21: «trong tháng 10/2026» is due Saturday 31/10; /giao says so (day_off_notice), the preview showed only
    «31/10/2026»: the weekday of a weekend or holiday deadline, to be moved by «3 hạn 30/10» before saving."""
    return "" if is_working_day(due) else T.QA21_IMPORT_DUE_DAY_OFF.format(weekday=T.WEEKDAYS[due.weekday()])


async def send_preview(update: Update, context: ContextTypes.DEFAULT_TYPE, draft: PendingInput) -> None:
    chat = update.effective_chat
    assert chat is not None
    if await _edit_preview(context.bot, services(context), chat.id, draft):  # (qa18) a correction: in place
        return
    if not await send_preview_to(context.bot, services(context), chat.id, draft):
        await reply(update, T.GENERIC_ERROR)


def edits_in_place(update: Update, context: ContextTypes.DEFAULT_TYPE, draft: PendingInput | None) -> bool:
    """The corrected draft's preview is on screen in this chat and still splits into as many messages: it
    will be edited there (send_preview), and a correction's answer says so instead of «mới ở bên dưới»."""
    chat = update.effective_chat
    if draft is None or chat is None:
        return False
    pages = draft.data.get("pages") or []
    if not pages or draft.data.get("keyboard") != pages[-1] or draft.chat_id != chat.id:
        return False
    svc = services(context)
    today = svc.clock.now().astimezone(svc.settings.tz).date()
    return len(preview_pages(draft, today, context.bot.username)[0]) == len(pages)


async def _edit_preview(bot: Bot, svc: Services, chat_id: int, draft: PendingInput) -> bool:
    """A draft already previewed in this chat, corrected: its messages edited where they changed
    (handlers.preview_inplace). False when it must be sent again."""
    pages = draft.data.get("pages") or []
    if not pages or draft.data.get("keyboard") != pages[-1] or draft.chat_id != chat_id:
        return False
    today = svc.clock.now().astimezone(svc.settings.tz).date()
    texts, buttons = preview_pages(draft, today, bot.username)
    keys = await preview_inplace.edit_changed(bot, chat_id, pages, draft.data.get("page_keys") or [], texts, buttons)
    if keys is None:
        return False
    async with svc.session_factory() as session, session.begin():
        row = await session.get(PendingInput, draft.id)
        if row is not None and row.data.get("pages") == pages:
            row.data = {**row.data, "page_keys": keys}
    return True


async def send_preview_to(bot: Bot, svc: Services, chat_id: int, draft: PendingInput) -> bool:
    """Send the preview (one or more messages, the buttons under the last) and remember its message
    ids in the draft, so that a reply to any of them edits the draft."""
    today = svc.clock.now().astimezone(svc.settings.tz).date()
    texts, buttons = preview_pages(draft, today, bot.username)
    sent: list[int] = []
    try:
        for n, text in enumerate(texts, start=1):
            markup = keyboard(buttons) if n == len(texts) else None
            message = await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup)
            sent.append(message.message_id)
    except TelegramError as exc:
        log.warning("import preview not sent in chat %s: %s", chat_id, exc)
    replaced: int | None = None
    if sent:
        async with svc.session_factory() as session, session.begin():
            row = await session.get(PendingInput, draft.id)
            if row is not None:
                # The message that carries the live buttons: only the newest preview's (on_button). A
                # correction answered while this one was going out (a reply matched by its text or its
                # buttons) has sent a newer preview already: that one keeps the live buttons.
                newer = row.data.get("keyboard") != draft.data.get("keyboard")
                replaced = None if newer else row.data.get("keyboard")
                row.data = {
                    **row.data,
                    "messages": [*row.data.get("messages", []), *sent],
                    "keyboard": row.data.get("keyboard") if newer else sent[-1],
                    # (qa18) the messages of the preview on screen and what each shows: a correction edits them
                    **({} if newer else {"pages": sent, "page_keys": preview_inplace.page_keys(texts, buttons)}),
                }
        if replaced is not None and replaced != sent[-1]:  # the replaced preview's buttons looked alive
            await preview_inplace.drop_old_buttons(bot, chat_id, replaced)
    return len(sent) == len(texts)


# ---------------------------------------------------------------------------------------------- buttons
async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """imp:<draft>:save|drop|fix|cancel|back · imp:<draft>:drop:<k> · imp:<draft>:fix:<k>"""
    query = update.callback_query
    assert query is not None and query.data is not None
    _, draft_id, action, *arg = query.data.split(":")
    new_text: str | None = None
    new_buttons: Buttons | None = None
    done_parts: tuple[list[int], list[str], str] | None = None  # (qa18) the preview's other parts, marked
    redrawn: PendingInput | None = None  # (qa20) a long preview to show again, every part in place
    username = context.bot.username
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            draft = await session.get(PendingInput, int(draft_id))
            chat_id = query.message.chat.id if query.message else None
            if draft is None or draft.kind != "import_draft" or draft.chat_id != chat_id:
                raise Refused(T.IMPORT_EXPIRED)
            actor = await _importer(session, context, actor, draft.data.get("committee"))
            newest = draft.data.get("keyboard")
            if newest is not None and query.message is not None and query.message.message_id != newest:
                # A preview a correction has replaced: it shows the items before the correction, and
                # saving from it would save what it does not show.
                raise Refused(T.IMPORT_PREVIEW_SUPERSEDED)
            if action == "cancel":
                done_parts = (draft.data.get("pages") or [], preview_pages(draft, actor.today, username)[0],
                              T.QA18_PREVIEW_PART_CANCELLED)
                await session.delete(draft)
                new_text = T.IMPORT_CANCELLED
            elif action == "save":
                # (qa18) the preview's other parts, marked saved once the pressed one says what was saved
                done_parts = (draft.data.get("pages") or [], preview_pages(draft, actor.today, username)[0],
                              T.QA18_PREVIEW_PART_SAVED)
                new_text, meeting_id = await _save(session, actor, draft)
                await session.delete(draft)
                # A slip of a whole import (the wrong text, the wrong committee) taken back at once, not
                # with one /huy a task: the importer or the chair, while nobody else has acted (on_undo).
                new_buttons = [[(T.BTN_UNDO_IMPORT, f"impundo:{meeting_id}")]]
            elif action in ("drop", "fix") and not arg:
                new_text = _picking_text(draft, actor.today, username, action)
                new_buttons = _pick_buttons(draft, action)
                _forget_last_page(draft)
            elif action == "drop":
                data = dict(draft.data)
                data["dropped"] = sorted({*data.get("dropped", []), int(arg[0])})
                draft.data = data
                new_text, new_buttons = preview(draft, actor.today, username)
                redrawn = draft
            elif action == "fix":
                assert query.message is not None  # else no draft of this chat was found
                await ask_by_reply(  # addressed to the presser, as every question after a button (qa11)
                    context.bot, session, actor, query.message.chat, query.from_user,
                    T.IMPORT_ASK_FIX.format(k=int(arg[0])),
                    "import_fix", data={"draft": draft.id, "k": int(arg[0])}, quiet=True,
                )
            else:  # back
                new_text, new_buttons = preview(draft, actor.today, username)
                redrawn = draft
        except Refused as refusal:
            stale = str(refusal) in (T.IMPORT_EXPIRED, T.IMPORT_PREVIEW_SUPERSEDED)
            await answer(query, await alert_text(session, actor, refusal), alert=True)
            if stale and query.message is not None:  # its buttons do nothing any more: taken away
                await _drop_buttons(context, query.message.chat.id, query.message.message_id)
            return
    await answer(query)
    if redrawn is not None and query.message is not None and len(redrawn.data.get("pages") or []) > 1:
        # (qa20) An item dropped (or «Quay lại») under a preview of several messages: every part redrawn in place,
        # as a replied correction is (qa18). The stub «Các mục ở các tin nhắn … phía trên» in place of the last
        # part showed its items nowhere, and the parts above still showed the dropped item.
        await show_corrected(context.bot, services(context), query.message.chat.id, redrawn)
    elif new_text is not None:
        await edit(query, new_text, new_buttons)
    if done_parts is not None and query.message is not None:
        pages, texts, head = done_parts
        where, pressed = query.message.chat.id, query.message.message_id
        await preview_inplace.mark_done(context.bot, where, pages, texts, pressed, head)
    # A save: the doers told privately (handlers.new_tasks), and the group's line of an import saved in a
    # private chat.
    await send_notices(context, session)


def _picking_text(draft: PendingInput, today: date, username: str | None, action: str) -> str:
    """The message with the buttons while a number is picked: its own part of the preview (the items it shows
    stay in view: she picks among them) and the question; the short summary only when both do not fit."""
    ask = T.IMPORT_PICK_DROP if action == "drop" else T.IMPORT_PICK_FIX
    last = preview_pages(draft, today, username)[0][-1] + "\n\n" + ask
    if utf16_len(last) <= preview_inplace.TELEGRAM_LIMIT:
        return last
    return preview(draft, today, username)[0] + "\n\n" + ask


def _forget_last_page(draft: PendingInput) -> None:
    """The last part now shows the picking: what it showed before is forgotten, so that redrawing the preview
    in place (show_corrected) edits it back."""
    keys = list(draft.data.get("page_keys") or [])
    if keys:
        draft.data = {**draft.data, "page_keys": [*keys[:-1], ""]}


async def show_corrected(bot: Bot, svc: Services, chat_id: int, draft: PendingInput) -> None:
    """A corrected draft shown: edited in place where it can be, else sent again (the old copy's buttons
    taken away by send_preview_to)."""
    if not await _edit_preview(bot, svc, chat_id, draft):
        await send_preview_to(bot, svc, chat_id, draft)


def _pick_buttons(draft: PendingInput, action: str) -> Buttons:
    dropped = set(draft.data.get("dropped", []))
    # Telegram takes at most 100 buttons under a message: the first MAX_PICK items can be picked.
    numbers = [k for k in range(1, len(draft.data["items"]) + 1) if k not in dropped][:MAX_PICK]
    rows = [
        [(str(k), f"imp:{draft.id}:{action}:{k}") for k in numbers[i : i + 6]] for i in range(0, len(numbers), 6)
    ]
    return [*rows, [(T.BTN_BACK, f"imp:{draft.id}:back")]]


async def _save(session: AsyncSession, actor: Actor, draft: PendingInput) -> tuple[str, int]:
    """All kept directives and their meeting, in the caller's one transaction: the answer, the meeting."""
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
    registered = await db_units.units_of(session, actor.committee.id)  # as the preview matched (qa18)
    units_before = {u.id for u in registered}  # (qa13) the units it adds are undone with it
    dropped = set(data.get("dropped", []))
    numbers = []
    saved: list[Task] = []
    leads: list[TaskAssignee] = []
    for k, item in enumerate(data["items"], start=1):
        if k in dropped:
            continue
        d = directive_from_json(item)
        rows = await resolve_assignees(session, actor, d.assignees, registered)
        task = await db_tasks.create_task(
            session,
            actor.committee,
            text=d.text,
            assignees=rows,
            deadline=d.deadline,
            due=first_due(d.deadline, actor.today),  # a recurring duty: due at the end of this period, as /giao
            assigned_on=held_on,
            actor_id=actor.person.id,
            now=actor.now,
            meeting_id=meeting.id,
        )
        await reminders.replan_task(session, task.id, actor.now)
        await ward_handoff.hand_down(session, actor, task, registered, d.deadline, task.due_current)  # (wards16)
        saved.append(task)
        numbers.append(task.number)
        leads += [a for a in task.assignees if a.role == "lead"]
    if not numbers:
        raise Refused(T.IMPORT_NOTHING)
    await import_units.note_added(session, actor.committee.id, units_before, saved[0])
    await new_tasks.tell_new_tasks(session, actor, actor.committee, saved)  # one message a person
    private = actor.committee.chat_id != draft.chat_id
    if private:  # /ds does not work in a private chat: the private forms do not send the secretary there
        fmt = T.IMPORT_SAVED_PRIVATE if len(numbers) > 1 else T.IMPORT_SAVED_ONE_PRIVATE
    else:
        fmt = T.IMPORT_SAVED if len(numbers) > 1 else T.IMPORT_SAVED_ONE
    text = fmt.format(count=len(numbers), first=numbers[0], last=numbers[-1], title=T.esc(meeting.title))
    if private:  # saved from a private chat: say for which committee, and tell its group (it saw nothing)
        text += "\n" + T.IMPORT_SAVED_FOR.format(committee=T.esc(actor.committee.title))
        if await _tell_group_of_import(session, actor, actor.committee, meeting, T.IMPORT_SAVED_IN_GROUP, numbers):
            text += "\n" + T.IMPORT_SAVED_TOLD_GROUP
        else:  # the bot is out of the group: nothing told there, and /ds there does not answer either
            text += "\n" + T.IMPORT_SAVED_SEE_VIEC
    lines = await _unreminded_leads(session, leads)
    # A task saved with nobody to lead it is reminded to no one until it is overdue: the secretary is told
    # which ones here, while the preview is still in mind, with the command that gives them a lead.
    nobody = [t.number for t in saved if not any(a.role == "lead" for a in t.assignees)]
    if nobody:
        shown = ", ".join(f"#{n}" for n in nobody)
        lines.append(T.IMPORT_SAVED_NO_LEAD.format(count=len(nobody), numbers=shown, example=nobody[0]))
    return text + "".join("\n" + line for line in lines), meeting.id


async def _tell_group_of_import(
    session: AsyncSession, actor: Actor, committee: Committee, meeting: Meeting, line: str, numbers: list[int]
) -> bool:
    """An import saved (or undone) from a private chat, told in the committee's group in one line (through
    the outbox), as a report given privately is (handlers.task_actions.tell_group): the members see the
    new tasks where tasks are given."""
    if not committee.active:
        return False
    shown = f"#{numbers[0]}" if len(numbers) == 1 else f"#{numbers[0]}–#{numbers[-1]}"
    who = T.mention(actor.person.full_name, actor.person.tg_user_id, actor.person.username)
    text = line.format(who=who, title=T.esc(meeting.title), count=len(numbers), numbers=shown)
    await enqueue_notice(session, committee.id, committee.chat_id, text, now=actor.now, kind="import")
    return True


# ---------------------------------------------------------------------------------------------- undo
async def on_undo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """impundo:<meeting> — «↩️ Hoàn tác lần nhập này» under the saved import: every task it saved is taken
    back as a slip, as «↩️ Hoàn tác» does for one /giao (handlers.directives.check_undo, task by task: by the
    one who gave it or the chair, while nobody else has acted on it). All or nothing: one task someone has
    reported on, or that was closed, stops the whole undo — the others stay as they are (/huy for each)."""
    query = update.callback_query
    assert query is not None and query.data is not None
    meeting_id = int(query.data.split(":")[1])
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            meeting = await session.get(Meeting, meeting_id)
            if meeting is None or (actor.committee is not None and meeting.committee_id != actor.committee.id):
                raise Refused(T.BUTTON_STALE)
            saved = select(Task).where(Task.meeting_id == meeting.id).order_by(Task.number)
            tasks = list(await session.scalars(saved))
            if not tasks:
                raise Refused(T.BUTTON_STALE)
            for task in tasks:
                await check_undo(session, actor, task)
            for task in tasks:
                await cancel(session, actor, task, None, kind="undone")
            units_dropped = await import_units.drop_added(session, tasks)
            committee = await session.get(Committee, meeting.committee_id)
            chat_id = query.message.chat.id if query.message else None
            if committee is not None and chat_id != committee.chat_id:  # the group was told of the import
                numbers = [t.number for t in tasks]
                await _tell_group_of_import(session, actor, committee, meeting, T.IMPORT_UNDONE_IN_GROUP, numbers)
            await new_tasks.tell_taken_back(session, actor, tasks)
        except Refused as refusal:
            await answer(query, await alert_text(session, actor, refusal), alert=True)
            return
    await answer(query)
    numbers = [t.number for t in tasks]
    done = T.IMPORT_UNDONE.format(count=len(numbers), first=numbers[0], last=numbers[-1])
    if units_dropped:  # (qa13) the units it had added, that nothing else uses, go with it
        done += "\n" + T.QA13_IMPORT_UNITS_DROPPED.format(names=", ".join(f"«{T.esc(n)}»" for n in units_dropped))
    shown = query.message.text_html if isinstance(query.message, Message) and query.message.text else ""
    await edit(query, f"{shown}\n\n{done}" if shown else done, None)
    await send_notices(context, session)  # the group's line, when the import was told there; those told taken back


async def _unreminded_leads(session: AsyncSession, leads: list[TaskAssignee]) -> list[str]:
    """Lines naming the leads of the saved tasks that nobody will be reminded for in person: units
    without a contact person, and names that are not units (their reminders go to the group only).
    A long conclusion creates many units at once; without this the secretary would not know."""
    unit_ids = sorted({a.unit_id for a in leads if a.unit_id is not None})
    contacts = await db_units.contact_people(session, unit_ids)
    no_contact = _distinct(a.label for a in leads if a.unit_id is not None and not contacts.get(a.unit_id))
    written = _distinct(a.label for a in leads if a.unit_id is None and a.person_id is None)
    lines = []
    if no_contact:
        lines.append(T.IMPORT_SAVED_GROUP_ONLY.format(names=_quoted(no_contact), example=T.esc(no_contact[0])))
    if written:
        lines.append(T.IMPORT_SAVED_NOT_UNITS.format(names=_quoted(written), example=T.esc(written[0])))
    return lines


def _distinct(labels: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(labels))


def _quoted(labels: list[str]) -> str:
    return ", ".join(f"«{T.esc(label)}»" for label in labels)


# ---------------------------------------------------------------------------------------------- answers
async def on_text_answer(session: AsyncSession, actor: Actor, pending: PendingInput, msg: Message) -> PendingInput:
    """The conclusion pasted as a reply to the bot's question: becomes a draft. A long paste is cut by
    Telegram and only its first part is a reply (the only one a group bot sees): flagged as for /nhap."""
    _check_rights(actor)
    text = msg.text or ""
    return await _make_draft(session, actor, msg.chat.id, -msg.message_id, text, cut=cut_kind(text))


async def on_fix_answer(session: AsyncSession, actor: Actor, pending: PendingInput, text: str) -> PendingInput:
    """A corrected item: parsed again (assignees and deadline too) and put back into the draft."""
    draft = await session.get(PendingInput, int(pending.data["draft"]))
    if draft is None:
        raise Refused(T.IMPORT_EXPIRED)
    actor = await _scoped_answer(session, actor, draft.data.get("committee"))
    registered = await db_units.units_of(session, actor.committee.id)
    units = db_units.known_units(registered)
    data = dict(draft.data)
    items = list(data["items"])
    k = int(pending.data["k"])
    if not 1 <= k <= len(items):
        raise Refused(T.IMPORT_EXPIRED)
    meeting_day = date.fromisoformat(data["meeting_date"])
    items[k - 1] = directive_to_json(parse_directive(text, meeting_day, units), registered)
    data["items"] = items
    draft.data = data
    return draft


# ------------------------------------------------------------------------------------ one-line edits
async def on_unclaimed_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A reply no question of the bot's waits for: to a preview, an edit of one item; in a private chat
    during a gathering, one more part of the conclusion."""
    if await _on_preview_reply(update, context):
        return
    chat = update.effective_chat
    if chat is not None and chat.type == Chat.PRIVATE:
        await on_private_message(update, context)


async def _draft_of_message(
    session: AsyncSession, chat_id: int, answered: Message, today: date | None = None, bot_username: str | None = None
) -> PendingInput | None:
    """The draft whose preview `answered` is. Found by the preview's message ids kept in the draft or,
    when they are not written yet, by the draft id in the buttons under the preview's last message, or
    (an earlier page of a long preview, which has no buttons) by the page's text, rendered again from
    the drafts whose ids are not written yet (given `today`): send_preview_to stores the ids only after
    Telegram has answered every send, and a reply handled in that window (a file's /nhap runs in its own
    task, as does the quiet minute of a private gathering) would otherwise be dropped without a word."""
    rows = await session.scalars(
        select(PendingInput).where(PendingInput.chat_id == chat_id, PendingInput.kind == "import_draft")
    )
    drafts = list(rows)
    found = next((d for d in drafts if answered.message_id in d.data.get("messages", [])), None)
    if found is not None:
        return found
    ids = _draft_ids_in_buttons(answered)
    found = next((d for d in drafts if d.id in ids), None)
    if found is not None or today is None:
        return found
    page = _visible(answered.text or "")
    if not page:
        return None
    unsent = [d for d in drafts if not d.data.get("messages")]
    same = [
        d for d in unsent if any(_visible(visible_text(t)) == page for t in preview_pages(d, today, bot_username)[0])
    ]
    return same[0] if len(same) == 1 else None


def _visible(text: str) -> str:
    return " ".join(text.split())


def _draft_ids_in_buttons(message: Message) -> set[int]:
    """Draft ids named by the «imp:<draft>:…» buttons under a message (the preview's last page)."""
    markup = message.reply_markup
    if markup is None:
        return set()
    ids: set[int] = set()
    for row in markup.inline_keyboard:
        for button in row:
            data = button.callback_data
            if isinstance(data, str) and data.startswith("imp:"):
                part = data.split(":")[1]
                if part.isdigit():
                    ids.add(int(part))
    return ids


async def _on_preview_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    msg = update.effective_message
    if msg is None or msg.reply_to_message is None:
        return False
    text: str
    draft: PendingInput | None = None
    async with transaction(context) as session:
        svc = services(context)
        today = svc.clock.now().astimezone(svc.settings.tz).date()
        found = await _draft_of_message(session, msg.chat.id, msg.reply_to_message, today, context.bot.username)
        if found is None:
            return False
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return True
        try:
            actor = await _importer(session, context, actor, found.data.get("committee"))
            text = await _apply_edit(session, actor, found, msg)
            draft = found
        except Refused as refusal:
            text = str(refusal)
    if edits_in_place(update, context, draft):  # (qa18) the preview is edited where it stands (send_preview)
        text = text.replace(T.QA18_PREVIEW_BELOW, T.QA18_PREVIEW_EDITED_ABOVE)
    answered = await reply(update, text)
    if answered is not None:
        # The answer is about this preview: a correction sent as a reply to it («không có mục 7» →
        # «2 hạn 20/12») edits the same draft, as a reply to the preview itself does.
        await _remember_messages(context, found.id, [answered.message_id])
    if draft is not None:
        await send_preview(update, context, draft)
    return True


async def _remember_messages(context: CallbackContext, draft_id: int, ids: list[int]) -> None:  # type: ignore[type-arg]
    """Add message ids to those a reply to which edits the draft (when the draft is still there)."""
    async with transaction(context) as session:
        row = await session.get(PendingInput, draft_id)
        if row is not None and row.kind == "import_draft":
            row.data = {**row.data, "messages": [*row.data.get("messages", []), *ids]}


async def _apply_edit(session: AsyncSession, actor: Actor, draft: PendingInput, msg: Message) -> str:
    """«3 hạn 20/12»: only the deadline of item 3; «3 giao Phòng Văn hoá»: only its lead."""
    assert actor.committee is not None
    edit_ = parse_item_edit(msg.text or "")
    if edit_ is None:
        dropped = set(draft.data.get("dropped", []))
        kept = [k for k in range(1, len(draft.data["items"]) + 1) if k not in dropped]
        raise Refused(T.QA20_IMPORT_EDIT_USAGE.format(k=_example_item(kept), due=example_date(actor.today)))
    data = dict(draft.data)
    items = list(data["items"])
    if not 1 <= edit_.k <= len(items) or edit_.k in data.get("dropped", []):
        raise Refused(T.IMPORT_EDIT_NO_ITEM.format(k=edit_.k, count=len(items)))
    item = dict(items[edit_.k - 1])
    today = actor.today
    if edit_.field == "due":
        deadline = _edited_deadline(edit_.value, today, edit_.k)
        item["deadline"] = deadline.as_json()
        item["due_read_on"] = today.isoformat()  # read against today, not the meeting's date
        what = T.IMPORT_EDITED_DUE.format(k=edit_.k, due=_due_label(deadline, today))
        note = year_guessed_note(deadline, today, edit_.value)
        if note:
            what += "\n" + note
    elif edit_.field == "support":
        what = await _edited_support(session, actor, item, edit_.k, edit_.value)
    else:
        lead, support = await _edited_lead(session, actor, msg, edit_.value)
        registered = await db_units.units_of(session, actor.committee.id)
        item["lead"] = _ref_json(lead, registered)
        lead_text = T.esc(", ".join(_shown(item["lead"])))
        what = T.IMPORT_EDITED_LEAD.format(k=edit_.k, lead=lead_text)
        if support:
            # «3 giao Văn phòng phối hợp Công an phường»: the coordinators written are taken too, not dropped.
            item["support"] = _ref_json(support, registered)
            support_text = T.esc(", ".join(_shown(item["support"])))
            what = T.IMPORT_EDITED_LEAD_SUPPORT.format(k=edit_.k, lead=lead_text, support=support_text)
    items[edit_.k - 1] = item
    data["items"] = items
    draft.data = data
    return what


_NO_DUE_WORDS = {"không", "khong", "không hạn", "khong han", "bỏ", "bo", "bỏ hạn", "bo han"}


def _edited_deadline(value: str, today: date, k: int) -> Deadline:
    if " ".join(value.lower().split()) in _NO_DUE_WORDS:
        return Deadline.none()
    bad = find_invalid_date("hạn " + value, today)  # read as a deadline, as the answer is
    if bad:
        raise Refused(T.INVALID_DATE_EXAMPLE.format(phrase=T.esc(bad), example=f"{k} hạn {example_date(today)}"))
    deadline = parse_deadline_answer(value, today)
    if deadline.due is None:
        raise Refused(T.DUE_NOT_UNDERSTOOD.format(text=T.esc(value[:60])))
    if deadline.due < today:
        raise Refused(
            T.PAST_DEADLINE.format(due=T.fmt_date(deadline.due), today=T.fmt_date(today), example=example_date(today))
        )
    return Deadline(deadline.kind, deadline.due, deadline.phrase, deadline.cadence)


async def _edited_support(session: AsyncSession, actor: Actor, item: dict[str, Any], k: int, value: str) -> str:
    """«3 phối hợp UBND xã Kim Sơn, Công an huyện» (qa13): the item's coordinators become the units (or names)
    written, read as /giao reads them; «3 phối hợp không» takes them away. Lead, text and deadline stay."""
    assert actor.committee is not None
    if len(value) > LEAD_MAX:
        raise Refused(T.IMPORT_EDIT_LEAD_LONG.format(limit=LEAD_MAX))
    registered = await db_units.units_of(session, actor.committee.id)
    if " ".join(value.lower().split()) in _NO_DUE_WORDS:
        item["support"] = []
        return T.QA13_IMPORT_EDITED_NO_SUPPORT.format(k=k)
    parsed = parse_assignees(value, db_units.known_units(registered))
    names = {str(u.id): u.name for u in registered}
    refs = tuple(AssigneeRef(names.get(r.unit_key or "", r.text), r.unit_key) for r in (*parsed.lead, *parsed.support))
    item["support"] = _ref_json(refs or (AssigneeRef(value.strip(" .,;"), None),), registered)
    return T.QA13_IMPORT_EDITED_SUPPORT.format(k=k, support=T.esc(", ".join(_shown(item["support"]))))


async def _edited_lead(
    session: AsyncSession, actor: Actor, msg: Message, value: str
) -> tuple[tuple[AssigneeRef, ...], tuple[AssigneeRef, ...]]:
    """A person (@name, or a name picked from the member list) or a unit, as /giao reads one — and the
    coordinating units when the answer names some («… phối hợp …»). A committee's unit is shown by its
    name, whatever alias was typed («VP» is «Văn phòng HĐND&UBND»), as the saved task will name it."""
    assert actor.committee is not None
    if len(value) > LEAD_MAX:
        raise Refused(T.IMPORT_EDIT_LEAD_LONG.format(limit=LEAD_MAX))
    for ent in msg.entities or ():
        if ent.type == MessageEntity.TEXT_MENTION and ent.user is not None:
            u = ent.user
            person = await db_committees.ensure_person(session, u.id, u.username, display_name(u))
            return (AssigneeRef(person.full_name, f"person:{person.id}"),), ()
        if ent.type == MessageEntity.MENTION:
            name = msg.parse_entity(ent).lstrip("@")
            found = await db_committees.person_by_username(session, name, create=True)
            assert found is not None
            return (AssigneeRef(db_committees.person_label(found, "@" + name), f"person:{found.id}"),), ()
    registered = await db_units.units_of(session, actor.committee.id)
    names = {str(u.id): u.name for u in registered}

    def named(refs: tuple[AssigneeRef, ...]) -> tuple[AssigneeRef, ...]:
        return tuple(AssigneeRef(names.get(r.unit_key or "", r.text), r.unit_key) for r in refs)

    parsed = parse_assignees(value, db_units.known_units(registered))
    lead = named(parsed.lead) or (AssigneeRef(value.strip(" .,;"), None),)
    return lead, named(parsed.support)


# ---------------------------------------------------------------------------------------------- gathering
def _gather_data(committee_id: int | None, parts: list[Part], now: datetime) -> dict[str, Any]:
    return {
        "committee": committee_id,
        "parts": [{"text": p.text, "nl": p.newline_late} for p in parts],
        "last_at": now.isoformat(),
    }


def _parts(row: PendingInput) -> list[Part]:
    return [Part(p["text"], bool(p["nl"])) for p in row.data.get("parts", [])]


def _size(row: PendingInput) -> int:
    return sum(len(p["text"]) for p in row.data.get("parts", []))


async def _gathering_of(
    session: AsyncSession, chat_id: int, person_id: int, *, lock: bool = False
) -> PendingInput | None:
    """The person's open gathering in this chat. `lock`: for adding a part (with several instances behind
    a load balancer two parts may arrive at once; on PostgreSQL the row lock keeps both)."""
    query = (
        select(PendingInput)
        .where(
            PendingInput.chat_id == chat_id,
            PendingInput.person_id == person_id,
            PendingInput.kind == "import_gather",
        )
        .order_by(PendingInput.id.desc())
    )
    return await session.scalar(query.with_for_update() if lock else query)


async def _claim(session: AsyncSession, row_id: int) -> bool:
    """Take a gathering to analyse it: whoever deletes the row (a button, the quiet-minute job, another
    instance) is the only one who goes on."""
    result = await session.execute(
        delete(PendingInput).where(PendingInput.id == row_id, PendingInput.kind == "import_gather")
    )
    return bool(getattr(result, "rowcount", 0))


def _gather_buttons(row_id: int) -> Buttons:
    return [[(T.BTN_GATHER_DONE, f"impg:{row_id}:done"), (T.BTN_GATHER_CANCEL, f"impg:{row_id}:cancel")]]


def _choose_buttons(row_id: int, committees: list[Committee]) -> Buttons:
    rows: list[list[tuple[str, str]]] = [
        [(T.IMPORT_COMMITTEE_BUTTON.format(title=c.title[:40] or c.id), f"impg:{row_id}:c:{c.id}")]
        for c in committees[:20]
    ]
    return [*rows, [(T.BTN_GATHER_CANCEL, f"impg:{row_id}:cancel")]]


def _ack_text(row: PendingInput, committee: Committee | None) -> str:
    parts = row.data.get("parts", [])
    head = T.IMPORT_GATHER_START.format(committee=T.esc(committee.title if committee else ""))
    if not parts:
        return head
    return head + "\n\n" + T.IMPORT_GATHER_GOT.format(parts=len(parts), chars=T.fmt_number(_size(row)))


async def _nhap_private(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/nhap in the private chat: start gathering (with the text after the command, or the file)."""
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)
    if not args and scans.attachment_of(msg) is not None and await _gathering_open(update, context):
        # A file captioned /nhap while a gathering is open (the bot teaches «gửi file … kèm chú thích
        # /nhap»): one more part of it. Starting afresh would drop what was sent before without a word.
        await on_private_message(update, context)
        return
    parts: list[Part] = []
    ocr: dict[str, Any] | None = None
    try:
        attached = scans.attachment_of(msg)  # a file, a scan or a photo (read by OCR)
        if attached is not None:
            read = await scans.read_attachment(context, attached, msg.chat_id, gathering=True)
            parts.append(Part(read.text, True))
            ocr = read.reading.as_json() if read.reading is not None else None
        elif args:
            parts.append(Part(args, newline_late(msg.text or "")))
        elif msg.reply_to_message is not None and msg.reply_to_message.text:
            parts.append(Part(msg.reply_to_message.text, newline_late(msg.reply_to_message.text)))
    except Refused as refusal:
        await reply(update, str(refusal))
        return

    async def gathering(session: AsyncSession, actor: Actor) -> tuple[str, Buttons | None, int | None]:
        committees = await _import_committees(session, context, actor.person)
        if not committees:
            return T.IMPORT_PRIVATE_NO_COMMITTEE, None, None
        return await _start_gathering(session, actor, msg, committees, parts, ocr)

    started = await load_as_actor(update, context, gathering)
    if started is None:
        return
    text, buttons, row_id = started
    sent = await reply(update, text, buttons)
    if row_id is not None:
        await _latest_ack(context, msg.chat.id, row_id, sent)


async def _gathering_open(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    msg, user = update.effective_message, update.effective_user
    if msg is None or user is None:
        return False
    async with transaction(context) as session:
        person = await session.scalar(select(Person).where(Person.tg_user_id == user.id))
        return person is not None and await _gathering_of(session, msg.chat.id, person.id) is not None


async def _start_gathering(
    session: AsyncSession, actor: Actor, msg: Message, committees: list[Committee], parts: list[Part],
    ocr: dict[str, Any] | None = None,
) -> tuple[str, Buttons, int]:
    # One gathering per person and chat: a new /nhap starts afresh (and says what it drops).
    before = await _gathering_of(session, msg.chat.id, actor.person.id)
    dropped = len(before.data.get("parts", [])) if before is not None else 0
    chosen = committees[0] if len(committees) == 1 else None
    row = await db_pending.start_import_gathering(
        session,
        chat_id=msg.chat.id,
        key=-msg.message_id,
        person_id=actor.person.id,
        now=actor.now,
        data={**_gather_data(chosen.id if chosen else None, parts, actor.now), **({"ocr": ocr} if ocr else {})},
    )
    note = "\n\n" + T.IMPORT_GATHER_RESTARTED.format(parts=dropped) if dropped else ""
    if chosen is None:
        return T.IMPORT_CHOOSE_COMMITTEE + note, _choose_buttons(row.id, committees), row.id
    return _ack_text(row, chosen) + note, _gather_buttons(row.id), row.id


async def _latest_ack(context: ContextTypes.DEFAULT_TYPE, chat_id: int, row_id: int, sent: Message | None) -> None:
    """Only the latest answer of a gathering carries its buttons: the one before loses them, so that
    the chat does not fill with «Xong, phân tích» buttons, one under every part received."""
    if sent is None:
        return
    async with transaction(context) as session:
        row = await session.get(PendingInput, row_id, with_for_update=True)
        if row is None or row.kind != "import_gather":
            return
        previous = row.data.get("ack")
        row.data = {**row.data, "ack": sent.message_id}
    if previous and previous != sent.message_id:
        await _drop_buttons(context, chat_id, int(previous))


# The messages whose buttons this process has removed (most recent last, at most DROPPED_KEPT). Two paths may
# take the same message's buttons: «Xong, phân tích» pressed on the newest answer of a gathering while that
# answer's own bookkeeping (_latest_ack) had not stored it yet — both read «the latest answer is the one
# before» and both removed its buttons; Telegram refuses the second edit («message is not modified», a 400),
# seen at load 11 (tests/e2e/test_gather_buttons_race.py). The check and the mark happen with no await
# between them, so in one process the first path removes them and the other leaves them be. (On
# PostgreSQL the row locks of _latest_ack and on_gather_button order the two as well; SQLite has none.)
DROPPED_KEY = "buttons_dropped"
DROPPED_KEPT = 2000


def _dropped(context: CallbackContext) -> dict[tuple[int, int], None]:  # type: ignore[type-arg]
    dropped: dict[tuple[int, int], None] = context.application.bot_data.setdefault(DROPPED_KEY, {})
    return dropped


def _buttons_given(context: CallbackContext, chat_id: int, message_id: int) -> None:  # type: ignore[type-arg]
    """The message carries buttons again (edited with new ones): a later removal is not a repeat."""
    _dropped(context).pop((chat_id, message_id), None)


async def _drop_buttons(context: CallbackContext, chat_id: int, message_id: int) -> None:  # type: ignore[type-arg]
    dropped = _dropped(context)
    if (chat_id, message_id) in dropped:
        return  # removed already, by another path: a second edit is refused
    dropped[(chat_id, message_id)] = None
    while len(dropped) > DROPPED_KEPT:
        del dropped[next(iter(dropped))]
    try:
        await context.bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
    except TelegramError as exc:  # deleted by the person, too old…: the button still answers clearly
        log.info("buttons not removed from message %s in chat %s: %s", message_id, chat_id, exc)


async def start_link(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start nhap_<committee>: the t.me link of a cut preview opens the gathering for that committee."""
    msg = update.effective_message
    assert msg is not None
    args, _ = command_args(msg)
    committee_id = int(args.split("_", 1)[1])
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        try:
            scoped = await _importer(session, context, actor, committee_id, missing=T.IMPORT_LINK_UNKNOWN)
            assert scoped.committee is not None
            text, buttons, row_id = await _start_gathering(session, actor, msg, [scoped.committee], [])
        except Refused as refusal:
            text, buttons, row_id = str(refusal), None, None
    sent = await reply(update, text, buttons)
    if row_id is not None:
        await _latest_ack(context, msg.chat.id, row_id, sent)


async def on_private_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A text or a file in the private chat: one more part of the conclusion being gathered (nothing
    happens when no gathering is open, as before)."""
    msg = update.effective_message
    user = update.effective_user
    if msg is None or user is None:
        return
    async with transaction(context) as session:
        person = await session.scalar(select(Person).where(Person.tg_user_id == user.id))
        open_row = await _gathering_of(session, msg.chat.id, person.id) if person else None
    if open_row is None:
        attached = scans.attachment_of(msg)
        if attached is not None:
            # (qa10) a file or photo sent straight to the bot, with no /nhap: it said nothing at all. What it
            # may be for is said (an import, or a completion report), and how; nothing is read or kept.
            named = T.FILE_WITHOUT_COMMAND.format(name=T.esc(attached.name))
            await reply(update, T.PHOTO_WITHOUT_COMMAND_OR_DONE if attached.photo else named)
            return
        if msg.reply_to_message is None and 0 < utf16_len(msg.text or "") < CUT_MIN:
            from handlers import answers  # (answers routes replies here: imported when used)

            if await answers.on_private_text(update, context):  # qa9: an answer typed without «Trả lời»
                return
        if utf16_len(msg.text or "") >= CUT_MIN:
            # A long paste with no /nhap before it (or after a gathering was analysed): say how, once for
            # the messages of one paste (a hint remembered for a quiet minute; losing it loses nothing).
            now = services(context).clock.now()
            hinted: dict[int, datetime] = context.application.bot_data.setdefault("import_hints", {})
            if now - hinted.get(msg.chat.id, now - QUIET) >= QUIET:
                hinted[msg.chat.id] = now
                await reply(update, T.IMPORT_NOT_GATHERING_REPLY)
        return
    reading: dict[str, Any] | None = None
    kind = Chatter.PART
    # A sticker, a GIF (which comes with a `document` too), a voice message, a place: no text to add.
    media = next((k for k in LEFT_OUT_KINDS if getattr(msg, k, None)), None)
    token: str | None = None
    try:
        attached = scans.attachment_of(msg) if media is None else None
        if media is not None:
            part, kind = Part("", False), Chatter.CHAT
        elif attached is not None:
            token = await _reading_started(context, open_row.id)
            read = await scans.read_attachment(context, attached, msg.chat_id, gathering=True)
            part = Part(read.text, True)
            reading = read.reading.as_json() if read.reading is not None else None
        else:
            part = Part(msg.text or "", newline_late(msg.text or ""))
            kind = classify(part.text)  # «ok», «đợi chút», an emoji: talk, not the conclusion
    except Refused as refusal:
        await reply(update, str(refusal))
        if token is not None:
            await _reading_failed(update, context, open_row.id, token)
        return
    text: str
    buttons: Buttons | None = None
    draft: PendingInput | None = None
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        if actor is None:
            return
        row = await _gathering_of(session, msg.chat.id, actor.person.id, lock=True)
        if row is None:  # analysed or cancelled meanwhile
            return
        row_id = row.id
        if token is not None:
            row.data = {**row.data, "reading": [t for t in row.data.get("reading", []) if t != token]}
        if _size(row) + len(part.text) > MAX_TEXT_CHARS:
            text = T.IMPORT_TEXT_TOO_LONG.format(length=_size(row) + len(part.text), limit=MAX_TEXT_CHARS)
        else:
            # Talk is left out but still counts as the person being there (the quiet minute starts again).
            parts = _parts(row) if kind is Chatter.CHAT else [*_parts(row), part]
            row.data = {**row.data, **_gather_data(row.data.get("committee"), parts, actor.now)}
            if kind is Chatter.SHORT:
                row.data = {**row.data, "short": [*row.data.get("short", []), part.text.strip()]}
            if reading is not None:
                row.data = {**row.data, "ocr": scans.merged_reading(row.data.get("ocr"), reading)}
            committee = await session.get(Committee, row.data["committee"]) if row.data.get("committee") else None
            if committee is None:
                text = T.IMPORT_CHOOSE_COMMITTEE
                buttons = _choose_buttons(row.id, await _import_committees(session, context, actor.person))
            else:
                got = T.IMPORT_GATHER_GOT.format(parts=len(parts), chars=T.fmt_number(_size(row)))
                if kind is Chatter.CHAT:
                    shown = T.esc(T.shorten(part.text, 40))
                    left_out = (T.IMPORT_GATHER_MEDIA.format(what=T.MEDIA_NAMES[media]) if media is not None
                                else T.IMPORT_GATHER_TALK.format(text=shown))
                    got = left_out + "\n" + (got if parts else T.IMPORT_GATHER_NONE_YET)
                elif kind is Chatter.SHORT:
                    got += "\n" + T.IMPORT_GATHER_SHORT.format(text=T.esc(T.shorten(part.text, 60)))
                elif reading is not None:
                    chars = T.fmt_number(len(part.text.strip()))
                    got = T.IMPORT_GATHER_READ.format(chars=chars, part=len(parts)) + "\n" + got
                text, buttons = got + "\n" + T.IMPORT_GATHER_MORE, _gather_buttons(row.id)
                if token is not None and row.data.get("finish") and not _readings(row, actor.now):
                    # «Xong, phân tích» was pressed while this was read: analysed now, with it (qa10)
                    draft, text, buttons = await _finish_after_reading(session, context, actor, row)
    sent = await reply(update, text, buttons)
    if buttons is not None:
        await _latest_ack(context, msg.chat.id, row_id, sent)
    if draft is not None:
        await send_preview(update, context, draft)


# (qa10) A file or photo of a gathering is read for up to a minute (OCR). «Xong, phân tích» pressed meanwhile
# — the bot's own «đang đọc» message invites it — answered «Chưa nhận được nội dung nào» when the photo was
# the first part, and analysed without it otherwise, the text read a moment later then silently dropped (the
# gathering was gone). The reading is noted on the gathering (until when it may last: a crash leaves no
# lasting mark), the press waits for it, and the quiet minute does not analyse a gathering being read.
READING_HOLD = timedelta(seconds=scans.OCR_SECONDS + 30)


def _readings(row: PendingInput, now: datetime) -> list[str]:
    """The readings of this gathering still in progress (each noted as the time it may last until)."""
    return [t for t in row.data.get("reading", []) if datetime.fromisoformat(t) > now]


async def _reading_started(context: ContextTypes.DEFAULT_TYPE, row_id: int) -> str | None:
    async with transaction(context) as session:
        row = await session.get(PendingInput, row_id, with_for_update=True)
        if row is None or row.kind != "import_gather":
            return None
        now = services(context).clock.now()
        token = (now + READING_HOLD).isoformat()
        while token in row.data.get("reading", []):  # two files sent in the same instant
            token = (datetime.fromisoformat(token) + timedelta(microseconds=1)).isoformat()
        row.data = {**row.data, "reading": [*_readings(row, now), token]}
        return token


async def _reading_failed(
    update: Update, context: ContextTypes.DEFAULT_TYPE, row_id: int, token: str
) -> None:
    """A file of the gathering could not be read (its refusal is answered): its mark goes, and a press of
    «Xong, phân tích» that waited for it is carried out with what was gathered (if anything)."""
    draft: PendingInput | None = None
    text: str | None = None
    async with transaction(context) as session:
        actor = await resolve_actor(update, context, session)
        row = await session.get(PendingInput, row_id, with_for_update=True)
        if actor is None or row is None or row.kind != "import_gather":
            return
        row.data = {**row.data, "reading": [t for t in row.data.get("reading", []) if t != token]}
        if row.data.get("finish") and not _readings(row, actor.now):
            if any(p.text.strip() for p in _parts(row)):
                draft, text, _buttons = await _finish_after_reading(session, context, actor, row)
            else:
                row.data = {k: v for k, v in row.data.items() if k != "finish"}  # nothing yet: still gathering
    if text is not None:
        await reply(update, text)
    if draft is not None:
        await send_preview(update, context, draft)


async def _finish_after_reading(
    session: AsyncSession, context: ContextTypes.DEFAULT_TYPE, actor: Actor, row: PendingInput
) -> tuple[PendingInput | None, str, Buttons | None]:
    """What «Xong, phân tích» does (on_gather_button), for a press that waited for a reading."""
    try:
        scoped = await _importer(session, context, actor, row.data["committee"], missing=T.IMPORT_LINK_UNKNOWN)
        parts = _parts(row)
        if not await _claim(session, row.id):
            return None, T.IMPORT_GATHER_EXPIRED, None
        draft = await _make_draft(session, scoped, row.chat_id, row.prompt_message_id, join_parts(parts),
                                  ocr=row.data.get("ocr"), short=row.data.get("short"))
    except Refused as refusal:
        return None, str(refusal), None
    return draft, T.IMPORT_GATHER_ANALYSED.format(parts=len(parts)), None


async def on_gather_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """impg:<row>:done | impg:<row>:cancel | impg:<row>:c:<committee>"""
    query = update.callback_query
    assert query is not None and query.data is not None
    _, row_id, action, *arg = query.data.split(":")
    toast = ""
    text: str | None = None
    buttons: Buttons | None = None
    draft: PendingInput | None = None
    stale_ack: int | None = None
    try:
        # A refusal rolls the whole transaction back: a conclusion in which no task was found stays
        # gathered (the person may send more), nothing half-done.
        async with transaction(context) as session:
            actor = await resolve_actor(update, context, session)
            if actor is None:
                return
            row = await session.get(PendingInput, int(row_id), with_for_update=True)  # vs _latest_ack
            where = query.message.chat.id if query.message else 0
            if row is None or row.kind != "import_gather" or row.chat_id != where:
                raise Refused(T.IMPORT_GATHER_EXPIRED)
            if row.person_id != actor.person.id:
                raise Refused(T.PROMPT_NOT_YOURS)
            pressed = query.message.message_id if query.message else None
            if row.data.get("ack") and row.data["ack"] != pressed:
                stale_ack = int(row.data["ack"])  # the latest answer's buttons go: this one is answered now
            if action == "cancel":
                await _claim(session, row.id)
                text = T.IMPORT_CANCELLED
            elif action == "c":
                scoped = await _importer(session, context, actor, int(arg[0]), missing=T.IMPORT_LINK_UNKNOWN)
                row.data = {**row.data, "committee": int(arg[0]), "last_at": actor.now.isoformat(), "ack": pressed}
                text, buttons = _ack_text(row, scoped.committee), _gather_buttons(row.id)
            else:  # done
                if row.data.get("committee") is None:
                    raise Refused(T.IMPORT_CHOOSE_COMMITTEE)
                scoped = await _importer(session, context, actor, row.data["committee"], missing=T.IMPORT_LINK_UNKNOWN)
                if _readings(row, actor.now):
                    # (qa10) a file is being read: analysed as soon as it is (on_private_message); this
                    # transaction is kept (a refusal would roll the press back)
                    row.data = {**row.data, "finish": True}
                    toast = T.IMPORT_GATHER_WAIT_READING
                else:
                    parts = _parts(row)
                    if not any(p.text.strip() for p in parts):
                        raise Refused(T.IMPORT_GATHER_EMPTY)
                    if not await _claim(session, row.id):
                        raise Refused(T.IMPORT_GATHER_EXPIRED)
                    draft = await _make_draft(session, scoped, row.chat_id, row.prompt_message_id,
                                              join_parts(parts), ocr=row.data.get("ocr"), short=row.data.get("short"))
                    text = T.IMPORT_GATHER_ANALYSED.format(parts=len(parts))
    except Refused as refusal:
        await answer(query, str(refusal), alert=True)
        return
    if toast:  # waits for a reading: the press is remembered, the message left as it is
        await answer(query, toast)
        return
    await answer(query)
    if text is not None:
        await edit(query, text, buttons)
        if buttons is not None and query.message is not None:
            _buttons_given(context, query.message.chat.id, query.message.message_id)
    if stale_ack is not None and query.message is not None:
        await _drop_buttons(context, query.message.chat.id, stale_ack)
    if draft is not None:
        await send_preview(update, context, draft)


async def gather_tick(context: CallbackContext) -> None:  # type: ignore[type-arg]
    """The JobQueue job: every gathering quiet for a minute (by the bot's one clock) is analysed and its
    preview sent, as if «Xong, phân tích» had been pressed. Rows live in the database: after a restart
    the job finds them again."""
    svc = services_of(context.application)
    now = svc.clock.now()
    try:
        async with svc.session_factory() as session:
            rows = list(await session.scalars(select(PendingInput).where(PendingInput.kind == "import_gather")))
    except Exception as exc:  # the database restarting: the next look, in a few seconds, tries again
        if database_unavailable(exc):
            log.warning("gathered conclusions: database unavailable (%s); the next look tries again", exc)
        else:
            log.exception("looking at gathered conclusions failed; the next look tries again")
        return
    for row in rows:
        last = datetime.fromisoformat(row.data.get("last_at", now.isoformat()))
        if row.data.get("committee") is None or not row.data.get("parts") or now - last < QUIET:
            continue
        if _readings(row, now):
            continue  # a file being read: analysed when it is (qa10)
        try:
            await _finish_quietly(context, svc, row.id)
        except Exception:
            log.exception("analysing gathered conclusion %s failed", row.id)


async def _finish_quietly(context: CallbackContext, svc: Services, row_id: int) -> None:  # type: ignore[type-arg]
    draft: PendingInput | None = None
    notice: str | None = None
    async with svc.session_factory() as session, session.begin():
        row = await session.get(PendingInput, row_id)
        if row is None:
            return
        ack = row.data.get("ack")
        if not await _claim(session, row_id):
            return
        chat_id = row.chat_id
        person = await session.get(Person, row.person_id)
        if person is None:
            return
        now = svc.clock.now()
        base = Actor(person, None, Role.MEMBER, now, svc.settings.tz)
        try:
            scoped = await _importer(session, context, base, row.data.get("committee"), missing=T.IMPORT_LINK_UNKNOWN)
            parts = _parts(row)
            draft = await _make_draft(session, scoped, chat_id, row.prompt_message_id, join_parts(parts),
                                      ocr=row.data.get("ocr"), short=row.data.get("short"))
            notice = T.IMPORT_GATHER_QUIET.format(parts=len(parts))
        except Refused as refusal:
            notice = str(refusal)
    if ack:
        await _drop_buttons(context, chat_id, int(ack))  # analysed: «Xong, phân tích» is spent
    try:
        await context.bot.send_message(chat_id, notice, parse_mode=ParseMode.HTML)
    except TelegramError as exc:
        log.warning("gathering notice not sent in chat %s: %s", chat_id, exc)
    if draft is not None:
        await send_preview_to(context.bot, svc, chat_id, draft)


class _LeadOfItem:
    """A lead of a preview's item (JSON: text, unit_key) as domain.lead_kinds.lead_kind reads an assignee."""

    role = "lead"

    def __init__(self, ref: dict[str, Any]) -> None:
        key = ref.get("unit_key") or ""
        self.label: str = ref["text"]
        self.person_id = int(key.split(":", 1)[1]) if key.startswith("person:") else None
        self.unit_id = 0 if key and not key.startswith("person:") else None  # a unit of the committee or built in
