"""The board: a Telegram Mini App served by the bot process (aiohttp, as the sandbox).

Who may see what, decided here and nowhere else:
- Identity is Telegram's signed `initData` (domain.initdata), sent by the page in the
  `Authorization: tma <initData>` header of every API call; forged, altered or stale → 401, and
  nothing is read or changed.
- A committee's board is open to the people Telegram says are in its group *now* (getChatMember,
  cached briefly in bot.member_status): someone who left sees nothing of it any more. Their role follows the
  group too: an administrator is the chair; a secretary is one the chair named and who is still in
  the group; everyone else is a member.
- An upper committee's chair and secretary may open the boards of the committees linked under it,
  read-only; its other members see each lower committee's line of figures (as in the Monday summary)
  and no more: ward chairs sit in the district's group, and a ward sees nothing of its siblings' (qa14).
  A lower committee sees nothing of its upper committee's.
- Actions (close, set a deadline, decide an extension, cancel, reassign) are the chat's own domain
  operations (handlers.task_actions), with the same permission checks, recorded in the same history;
  the group is told in one line, so the chat sees what was done on the board.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession
from telegram.error import TelegramError
from telegram.ext import Application

from bot import texts as T
from bot.board.one_message import hold_reassign_names, reassign_lines, told_group_already
from bot.member_status import Standing, standing_of
from bot.services import Services, services_of
from db import board as db_board
from db import committees as db_committees
from db import membership as db_membership
from db import tasks as db_tasks
from db import units as db_units
from db.models import Committee, Person
from db.outbox import enqueue_notice
from db.reminders import settings_of
from domain import board as domain_board
from domain.initdata import InitDataError, WebAppUser, verify
from domain.permissions import Action, Role, allowed, current_role
from domain.reminders import iso_week_of, nominal_summary_day
from domain.understand.deadlines import find_invalid_date_in_answer, parse_deadline_answer
from handlers.common import Actor, plain, send_stored_notices

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
IN_GROUP = (Standing.ADMIN, Standing.PRESENT)
ACTIONS = ("close", "set_due", "approve", "reject", "cancel", "reassign")
JSON = dict[str, Any]
# Who of an upper committee opens a lower one's board (its other members, often the wards' own chairs,
# see only each ward's line of figures).
LOWER_READERS = (Role.CHAIR, Role.SECRETARY)


@dataclass(frozen=True)
class Access:
    committee: Committee
    role: Role | None  # None: read-only (an upper committee's member looking at a lower one)

    @property
    def read_only(self) -> bool:
        return self.role is None


class Board:
    def __init__(self, application: Application) -> None:  # type: ignore[type-arg]
        self.application = application

    @property
    def services(self) -> Services:
        return services_of(self.application)

    def web_app(self) -> web.Application:
        app = web.Application(middlewares=[self._errors])
        app.router.add_get("/", self._index)
        app.router.add_static("/static/", STATIC)
        app.router.add_get("/api/me", self._api_me)
        app.router.add_get("/api/c/{committee}", self._api_committee)
        app.router.add_get("/api/c/{committee}/t/{number}", self._api_task)
        app.router.add_post("/api/c/{committee}/t/{number}", self._api_action)
        return app

    # ------------------------------------------------------------------------------ identity

    def user_of(self, request: web.Request) -> WebAppUser:
        scheme, _, init_data = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "tma" or not init_data:
            raise web.HTTPUnauthorized(text=T.BOARD_UNAUTHORIZED)
        token = self.services.settings.bot_token or ""
        try:
            return verify(init_data, token, self.services.clock.now())
        except InitDataError as exc:
            log.info("board: initData refused (%s)", exc)
            raise web.HTTPUnauthorized(text=T.BOARD_UNAUTHORIZED) from None

    async def status_in(self, committee: Committee, user_id: int) -> Standing | None:
        """The user's standing in the committee's group as Telegram says it now, through the bot's one member
        memory (bot.member_status, on Services: what a chat command asked a minute ago is reused, and what
        Telegram tells the chat side — left, demoted — ends it on the board at once; sec16: the board kept a
        second memory, dropped by hand beside the first). A failed look-up is None — no access — not the
        memory's last answer, which the chat side falls back on: the board stays as strict as it was."""
        now = self.services.clock.now()
        members = self.services.members
        cached = members.cached(committee.chat_id, user_id, now)
        if cached is not None:
            return cached
        try:
            member = await self.application.bot.get_chat_member(committee.chat_id, user_id)
        except TelegramError as exc:
            log.info("board: getChatMember %s/%s failed: %s", committee.chat_id, user_id, exc)
            return None
        standing = standing_of(member)
        members.remember(committee.chat_id, user_id, standing, now)
        return standing

    async def role_in(self, session: AsyncSession, committee: Committee, person: Person, user_id: int) -> Role | None:
        status = await self.status_in(committee, user_id)
        if status not in IN_GROUP:
            return None
        # The chat's own rule (domain.permissions.current_role): admins are chairs while admins; a role
        # the chair granted stays while the person is in the group.
        row = await db_membership.role_row(session, committee.id, person.id)
        return current_role(
            Role(row.role) if row is not None else None,
            granted_by_chair=row is not None and row.granted_by is not None,
            telegram_admin=status is Standing.ADMIN,
        )

    async def access(self, session: AsyncSession, person: Person, user: WebAppUser, committee_id: int) -> Access:
        committee = await session.get(Committee, committee_id)
        if committee is None:
            raise web.HTTPForbidden(text=T.BOARD_FORBIDDEN)
        role = await self.role_in(session, committee, person, user.id)
        if role is not None:
            return Access(committee, role)
        upper = await db_board.upper_committee(session, committee.id)
        if upper is not None and await self.role_in(session, upper, person, user.id) in LOWER_READERS:
            return Access(committee, None)
        raise web.HTTPForbidden(text=T.BOARD_FORBIDDEN)

    async def _person(self, session: AsyncSession, user: WebAppUser) -> Person:
        return await db_committees.ensure_person(session, user.id, user.username, user.full_name or str(user.id))

    # ------------------------------------------------------------------------------ routes

    @web.middleware
    async def _errors(self, request: web.Request, handler: Any) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException:
            raise
        except (ValueError, KeyError, TypeError, json.JSONDecodeError):
            raise web.HTTPBadRequest(text=T.BOARD_BAD_REQUEST) from None

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})

    async def _api_me(self, request: web.Request) -> web.StreamResponse:
        user = self.user_of(request)
        out: list[JSON] = []
        start: int | None = None
        async with self.services.session_factory() as session, session.begin():
            person = await self._person(session, user)
            candidates = {c.id: c for c in await db_board.committees_touching(session, person.id)}
            linked = re.fullmatch(r"c(-?\d{1,20})", user.start_param or "")
            if linked:
                # Opened from a group's link: that group's committee (t.me/<bot>/<app>?startapp=c<chat>).
                # Anyone can write a link: any other start_param is ignored, never an error.
                started = await db_committees.committee_by_chat(session, int(linked.group(1)))
                if started is not None:
                    candidates.setdefault(started.id, started)
                    start = started.id
            for committee in sorted(candidates.values(), key=lambda c: c.title):
                role = await self.role_in(session, committee, person, user.id)
                if role is None:
                    continue
                lower = [{"id": c.id, "title": c.title} for c in await db_board.lower_committees(session, committee.id)]
                out.append({"id": committee.id, "title": committee.title, "role": role.value, "lower": lower})
        if start is not None and not any(c["id"] == start for c in out):
            start = None
        body = {"user": {"id": user.id, "name": user.full_name}, "committees": out, "start": start,
                "texts": T.BOARD_TEXTS}  # fmt: skip
        return _json(body)

    async def _api_committee(self, request: web.Request) -> web.StreamResponse:
        user = self.user_of(request)
        committee_id = int(request.match_info["committee"])
        async with self.services.session_factory() as session, session.begin():
            person = await self._person(session, user)
            access = await self.access(session, person, user, committee_id)
            today = self._today(access.committee)
            views = await _views(session, access.committee)
            # The week's summary day decides which month the chart shows first, as /tonghop does (jobs.summary),
            # and which month the wards' lines count (the same one, named).
            summary_day = nominal_summary_day(iso_week_of(today), settings_of(access.committee))
            lower = []
            if not access.read_only:
                wards = await db_board.lower_committees(session, access.committee.id)
                counted = await db_board.counting_views(session, [c.id for c in wards])
                lower = [domain_board.lower_line(c.id, c.title, counted[c.id], today, summary_day) for c in wards]
            people = await db_board.people_of_tasks(session, access.committee.id)
            carriers = await db_board.people_of_tasks(session, access.committee.id, roles=db_board.CARRIERS)
            body = domain_board.board(views, today, lower, people, carriers, summary_day=summary_day)
        body["committee"] = _committee_json(access)
        return _json(body)

    async def _api_task(self, request: web.Request) -> web.StreamResponse:
        user = self.user_of(request)
        committee_id, number = int(request.match_info["committee"]), int(request.match_info["number"])
        async with self.services.session_factory() as session, session.begin():
            person = await self._person(session, user)
            access = await self.access(session, person, user, committee_id)
            body = await self._detail(session, access, number, person)
        return _json(body)

    async def _api_action(self, request: web.Request) -> web.StreamResponse:
        user = self.user_of(request)
        committee_id, number = int(request.match_info["committee"]), int(request.match_info["number"])
        payload = await request.json()
        action, value = str(payload["action"]), str(payload.get("value") or "").strip()
        if action not in ACTIONS:
            raise web.HTTPBadRequest(text=T.BOARD_BAD_REQUEST)
        # Deferred: handlers.task_actions imports the reminder planner, which the page's reads never need.
        from handlers.task_actions import Refused

        async with self.services.session_factory() as session, session.begin():
            person = await self._person(session, user)
            access = await self.access(session, person, user, committee_id)
            if access.read_only or access.role is None:
                raise web.HTTPForbidden(text=T.BOARD_READ_ONLY)
            committee = access.committee

            async def present(user_id: int) -> bool | None:  # the chair's typed @name: in the group? (qa19)
                status = await self.status_in(committee, user_id)
                return None if status is None else status in IN_GROUP

            actor = Actor(person, committee, access.role, self.services.clock.now(), _tz(committee),
                          present_lookup=present)
            try:
                result = await _act(session, actor, number, action, value)
            except Refused as refusal:
                return _json({"ok": False, "message": plain(str(refusal))}, status=409)
            detail = await self._detail(session, access, number, person)
            # The group is told by a new message, through the outbox (stored with the change itself): who
            # did what on the board, and which task (the group may not know it by its number) — unless the
            # action told the group itself (product10: one message, bot.board.one_message).
            if not await told_group_already(session, access.committee):
                line = T.BOARD_DONE_IN_GROUP.format(who=T.esc(person.full_name), result=result)
                line += "\n" + T.BOARD_DONE_TASK_LINE.format(text=T.esc(T.shorten(detail["text"], 120)))
                line += reassign_lines(session)  # a reassignment: who was told, named here (product11)
                await enqueue_notice(session, access.committee.id, access.committee.chat_id, line,
                                     now=actor.now, kind="board")  # fmt: skip
        await send_stored_notices(self.application, session)
        return _json({"ok": True, "message": plain(result), "task": detail})

    # ------------------------------------------------------------------------------ helpers

    def _today(self, committee: Committee) -> date:
        return self.services.clock.now().astimezone(_tz(committee)).date()

    async def _detail(self, session: AsyncSession, access: Access, number: int, person: Person) -> JSON:
        task = await db_tasks.task_by_number(session, access.committee.id, number)
        if task is None:
            raise web.HTTPNotFound(text=T.BOARD_NOT_FOUND)
        # Closing is the chair's, and the task's own assignee's (a unit's contact), as with /xong: the page
        # offers «Đóng» to whoever the server will let close this task.
        assignee = await db_tasks.is_assignee(session, task, person.id)
        may_close = access.role is not None and allowed(Action.CLOSE, access.role, is_assignee=assignee)
        today = self._today(access.committee)
        view = (await db_tasks.task_views(session, access.committee, [task]))[0]
        tz = _tz(access.committee)
        history = [
            {
                "at": event.at.astimezone(tz).strftime("%d/%m/%Y %H:%M"),
                "who": who.full_name if who else T.HISTORY_BY_SYSTEM,
                "what": T.EVENT_NAMES.get(event.kind, event.kind),
                "note": event.note,
                "due": (event.data or {}).get("due"),
                "file": (event.data or {}).get("file_name"),
            }
            for event, who in await db_tasks.events_of(session, task.id)
        ]
        pending = await db_tasks.pending_extension(session, task.id)
        # Who carries it (the people the bot reminds): a district chair reading a ward's overdue task
        # needs whom to call, not only the unit's name (qa14).
        people = (await db_board.people_of_tasks(session, access.committee.id, task.number)).get(task.number, [])
        carriers = await db_board.people_of_tasks(session, access.committee.id, task.number, db_board.CARRIERS)
        body = domain_board.task_json(view, today, people, carriers.get(task.number, []))
        body["history"] = history
        body["pending_request"] = (
            {"id": pending.id, "due": pending.new_due.isoformat(), "reason": pending.reason} if pending else None
        )
        body["committee"] = _committee_json(access)
        body["can_close"] = may_close
        return body


async def _views(session: AsyncSession, committee: Committee) -> list[Any]:
    tasks = await db_tasks.all_tasks(session, committee.id)
    return await db_tasks.task_views(session, committee, tasks)


def _tz(committee: Committee) -> ZoneInfo:
    return ZoneInfo(committee.tz_name)


def _committee_json(access: Access) -> JSON:
    role = access.role
    chair = role is Role.CHAIR
    editor = role in (Role.CHAIR, Role.SECRETARY)
    return {
        "id": access.committee.id,
        "title": access.committee.title,
        "role": role.value if role else None,
        "read_only": access.read_only,
        # What the page offers; the server checks again on every action (handlers.task_actions).
        "can": {"close": chair, "set_due": editor, "approve": chair, "cancel": chair, "reassign": editor,
                "open_lower": role in LOWER_READERS},
    }


async def _act(session: AsyncSession, actor: Actor, number: int, action: str, value: str) -> str:
    from handlers import task_actions as A

    task = await A.find_task(session, actor, number)
    today = actor.today
    if action == "close":
        return await A.mark_done(session, actor, task, value or None, today)
    if action == "cancel":
        return await A.cancel(session, actor, task, value or None)
    if action == "set_due":
        bad = find_invalid_date_in_answer(value, today)
        if bad:
            raise A.Refused(T.INVALID_DATE.format(phrase=T.esc(bad)))
        due = date.fromisoformat(value) if _iso(value) else parse_deadline_answer(value, today).due
        if due is None:
            raise A.Refused(T.DUE_NOT_UNDERSTOOD.format(text=T.esc(value[:60])))
        done = await A.set_due(session, actor, task, due, today, extension=False, reason=None)
        # A weekend or a holiday is said, as in the chat (/sua N han …, /giao): the office is closed.
        from handlers.directives import day_off_notice

        day_off = day_off_notice(task, today)
        return done + "\n" + day_off[0] if day_off else done
    if action in ("approve", "reject"):
        req = await db_tasks.pending_extension(session, task.id)
        if req is None:
            raise A.Refused(T.EXTEND_ALREADY_DECIDED)
        return (await A.decide_extension(session, actor, req, action == "approve", today))[1]
    return await _reassign(session, actor, task, value)


# An @username typed in the board's field: a Telegram message would carry it as a mention entity.
_TYPED_USERNAME = re.compile(r"(?<![\w@])@([A-Za-z][A-Za-z0-9_]{3,31})\b")


async def _reassign(session: AsyncSession, actor: Actor, task: Any, value: str) -> str:
    """«👤 Giao lại» from the board's text field: what the chair types there is what `/sua N giao …`
    takes, with the two things only a Telegram message gives made explicit — @usernames (mention
    entities in a message) and a bare unit name or alias with nothing around it ("Y tế", "CA")."""
    from domain.assign import Mention
    from handlers.directives import reassign_to
    from handlers.task_actions import Refused

    mentions = []
    for m in _TYPED_USERNAME.finditer(value):
        person = await db_committees.person_by_username(session, m.group(1), create=True)
        assert person is not None
        label = db_committees.person_label(person, m.group(0))
        mentions.append(Mention(m.start(), m.end(), str(person.id), label))
    body = value
    if not mentions and actor.committee is not None:
        unit = await db_units.find_unit(session, actor.committee.id, value)
        if unit is not None:
            body = unit.name
    hold_reassign_names(session)  # those named in the group are named in the board's one line
    try:
        done = await reassign_to(session, actor, task, body, mentions)
    except Refused as refusal:
        if str(refusal) == T.NO_ASSIGNEE:
            raise Refused(T.BOARD_REASSIGN_UNKNOWN.format(name=T.esc(value[:60]))) from None
        raise
    return done


def _iso(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _json(body: JSON, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, dumps=lambda v: json.dumps(v, ensure_ascii=False, default=str))
