"""Every command and every button kind × every role: allowed ones act, refused ones change nothing
and answer a clear Vietnamese refusal.

The expected table is written out from SPEC.md ("The chat contract" and "Bad input, permissions,
isolation"):
- chair: everything; secretary: log (/giao, /nhap, /hop moi), edit (/sua, deadline buttons, undo of
  what she gave herself: the tasks here are the chair's, and undoing them would be cancelling),
  export; assignee: close and report on their own task (/xong, /tiendo, /vuongmac, ask an
  extension, the reminder buttons); member, and an admin demoted to member: read only; the outsider
  (not in the group: a member of another committee's group, writing there) reaches nothing of this
  committee; in a private chat (the assignee) /start, /huongdan, /viec, /bang, the reminder buttons
  and the reports on their own open tasks (/xong, /tiendo, /giahan, /vuongmac, numbered as /viec lists
  them) work.

Each cell on a task acts on a task of its own (logged by the chair just before), so the cells don't
disturb each other. The bot, its emulator and the committee (`setup`) are built once for the module (`matrix`):
building them for each of the 14 tests was the same work 14 times. Each test starts from exactly what
`setup` left (`world`): the database's rows put back, the bot's remembered admin answers and clock too, so no
test sees what another wrote (a /vaitro, a /caidat, the tasks of its cells).

"acts" = the committee's stored state changed (writes) or an answer without a refusal (reads);
"refused" = nothing stored changed and the answer (or the button's alert) says why.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

import pytest
import pytest_asyncio
from sqlalchemy import func, select

from bot.member_status import MemberStatuses
from db.models import Committee, ExtensionRequest, Meeting, PendingInput, Role, Task, TaskEvent, Unit
from emulator import Chat, Message, User, text_mention
from tests.conftest import fresh_database
from tests.hostile.conftest import HostileEnv, Rows, hostile_bot, put_back, stored_rows

pytestmark = pytest.mark.asyncio(loop_scope="module")  # the module's one bot lives in one event loop

ROLES = ("chair", "secretary", "assignee", "member", "outsider", "private", "demoted")
A, R = "acts", "refused"
READ, WRITE = "read", "write"

# Refusals all start with one of these (bot/texts.py).
REFUSAL = re.compile(
    r"⛔|Lệnh này dùng trong nhóm|Không tìm thấy nhiệm vụ|Nút này không còn|không thay đổi được nữa|"
    r"Bản xem trước này|không phải người thực hiện|Chỉ Trưởng ban|Không có nhiệm vụ #\d+ trong Ban này"
)


@dataclass(frozen=True)
class Row:
    what: str  # command text ({n}: the cell's task number) or button "kind:..." ({id}, {req}, {draft})
    effect: str  # READ or WRITE
    expect: dict[str, str]


def row(what: str, effect: str, chair: str, secretary: str, assignee: str, member: str, outsider: str,
        private: str) -> Row:
    # A group admin demoted to member (Telegram no longer lists them as admin) has a member's rights.
    demoted = member
    return Row(what, effect, dict(zip(ROLES, (chair, secretary, assignee, member, outsider, private, demoted),
                                      strict=True)))


# --------------------------------------------------------------------------------------------- commands
#   command                                   effect  chair secr. assig. member outsider private
COMMAND_ROWS = [
    row("/{c} ", READ, A, A, A, A, A, A),  # /start, /huongdan, /help
    row("/giao ASSIGNEE soạn báo cáo quý trước 20/12", WRITE, A, A, R, R, R, R),
    row("/nhap 1. Giao Văn phòng tổng hợp số liệu trước 15/12.", WRITE, A, A, R, R, R, R),
    row("/sua {n} han 20/12", WRITE, A, A, R, R, R, R),
    row("/huy {n} trùng việc", WRITE, A, R, R, R, R, R),
    row("/viec", READ, A, A, A, A, A, A),
    row("/ds", READ, A, A, A, A, A, R),
    row("/xem {n}", READ, A, A, A, A, R, A),  # in private: the assignee's own task (a member's: not found)
    row("/xong {n} đã xong", WRITE, A, R, A, R, R, A),
    row("/tiendo {n} đã làm một nửa", WRITE, A, R, A, R, R, A),
    row("/giahan {n} 28/12 chờ số liệu", WRITE, A, R, A, R, R, A),
    row("/vuongmac {n} thiếu kinh phí", WRITE, A, R, A, R, R, A),
    row("/hop", READ, A, A, A, A, A, R),
    row("/hop moi Giao ban tháng 12 ngày 30/11", WRITE, A, A, R, R, R, R),
    row("/donvi", READ, A, A, A, A, A, R),
    row("/donvi them Phòng số {k} = P{k}", WRITE, A, R, R, R, R, R),
    row("/vaitro", READ, A, A, A, A, A, R),
    row("/vaitro @minh_member {grant}", WRITE, A, R, R, R, R, R),
    row("/caidat", READ, A, A, A, A, A, R),
    row("/caidat gio {hour}:00", WRITE, A, R, R, R, R, R),
    row("/tonghop", READ, A, A, A, A, A, R),
    row("/xuat", READ, A, A, R, R, R, R),
    row("/baocao", READ, A, A, R, R, R, R),
    row("/bang", READ, A, A, A, A, A, A),
    row("/lienket", READ, A, A, A, A, A, R),
    row("/lienket ma", READ, A, R, R, R, R, R),
]
ALIASES = {
    "giao": "assign", "nhap": "import", "sua": "edit", "huy": "cancel", "viec": "mytasks", "ds": "list",
    "xem": "show", "xong": "done", "tiendo": "progress", "giahan": "extend", "vuongmac": "blocked",
    "hop": "meeting", "donvi": "units", "vaitro": "roles", "caidat": "settings", "tonghop": "summary",
    "xuat": "export", "baocao": "report", "bang": "board", "lienket": "link",
}  # fmt: skip

# --------------------------------------------------------------------------------------------- buttons
#   button data                               effect  chair secr. assig. member outsider private
BUTTON_ROWS = [
    row("undo:{id}", WRITE, A, R, R, R, R, R),  # the chair's task: the secretary would be cancelling it
    row("fixdue:{id}", READ, A, A, R, R, R, R),
    row("due:{id}:1w", WRITE, A, A, R, R, R, R),
    row("due:{id}:other", WRITE, A, A, R, R, R, R),
    row("addunit:{unit}", WRITE, A, A, R, R, R, R),
    row("done:{id}", WRITE, A, R, A, R, R, A),
    row("prog:{id}", WRITE, A, R, A, R, R, A),
    row("ext:{id}", WRITE, A, R, A, R, R, A),
    row("blk:{id}", WRITE, A, R, A, R, R, A),
    row("extok:{req}", WRITE, A, R, R, R, R, R),
    row("extno:{req}", WRITE, A, R, R, R, R, R),
    row("cdue:{id}", WRITE, A, R, R, R, R, R),  # the chair's actions on an escalation (issue 14)
    row("cgive:{id}", WRITE, A, A, R, R, R, R),
    row("cnote:{id}", WRITE, A, A, R, R, R, R),
    row("imp:{draft}:save", WRITE, A, A, R, R, R, R),
    row("imp:{draft}:drop:1", WRITE, A, A, R, R, R, R),
    row("imp:{draft}:fix:1", WRITE, A, A, R, R, R, R),
    row("imp:{draft}:cancel", WRITE, A, A, R, R, R, R),
    row("reassign:{id}", WRITE, A, A, R, R, R, R),  # after someone left: asks for the new assignee
    row("xem:{id}", READ, A, A, A, A, R, A),  # one of several tasks a private /xem found under one number
]


@dataclass
class People:
    chair: User
    secretary: User
    assignee: User
    member: User
    outsider: User
    group: Chat
    other: Chat
    demoted: User


async def setup(env: HostileEnv) -> People:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    secretary = w.add_user("Hoa", "Trần", username="hoa_thuky")
    assignee = w.add_user("Bình", "Lê")
    member = w.add_user("Minh", "Phạm", username="minh_member")
    outsider = w.add_user("Tú", "Đỗ", username="tu_outsider")
    other_chair = w.add_user("Quang", "Vũ", username="quang_chair")
    demoted = w.add_user("Quân", "Hà", username="quan_demoted")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[secretary, assignee, member],
                        admins=[demoted])
    other = w.add_group("BCĐ Cải cách hành chính phường Phúc Đồng", creator=other_chair, members=[outsider])
    for user in (chair, secretary, assignee, member, outsider):
        w.start_private(user)
        await env.idle()
    await env.say(chair, group, "/vaitro @hoa_thuky thuky")
    await env.say(secretary, group, "/viec")
    await env.say(member, group, "/viec")
    await env.say(outsider, other, "/viec")
    # Quân acted as an admin (recorded as chair), then was demoted; the bot is no admin here, so it
    # learns it from getChatMember once its cached answer (60 s) is old.
    await env.say(demoted, group, "/vaitro")
    w.demote_admin(group, demoted)
    env.advance(seconds=61)
    await env.say(demoted, group, "/viec")  # the role ends here: the cells then start from a member
    # Open work from the start: the read commands (/ds, /tonghop, /xuat, /baocao, /bang) read something
    # in every cell, not only after a cell of their own logged a task.
    await env.say(chair, group, ["/giao ", text_mention(assignee), " chuẩn bị hội nghị sơ kết trước 18/12"])
    return People(chair, secretary, assignee, member, outsider, group, other, demoted)


@dataclass
class Matrix:
    env: HostileEnv
    people: People
    rows: Rows  # the database as `setup` left it
    members: MemberStatuses  # what the bot learnt of the group's admins (the demoted one)
    now: datetime


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def matrix(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Matrix]:
    async with fresh_database(tmp_path_factory.mktemp("matrix")) as url, hostile_bot(url) as env:
        people = await setup(env)
        yield Matrix(env, people, await stored_rows(env), env.services.members.copy(),
                     env.clock.now())


@pytest_asyncio.fixture(loop_scope="module")
async def world(matrix: Matrix) -> tuple[HostileEnv, People]:
    """The module's bot as `setup` left it, whatever the test before did."""
    env = matrix.env
    await env.idle()  # nothing of the test before still on its way
    await put_back(env, matrix.rows)
    bot_data = env.app.bot_data  # type: ignore[attr-defined]
    env.services.members = matrix.members.copy()
    bot_data.pop("import_hints", None)
    env.clock.set(matrix.now)
    env.errors.clear()
    return env, matrix.people


async def snapshot(env: HostileEnv, chat: Chat) -> tuple[object, ...]:
    """Everything a command or button of this committee could change."""
    async with env.sessions() as s:
        committee = await s.scalar(select(Committee).where(Committee.chat_id == chat.id))
        assert committee is not None
        cid = committee.id
        tasks = (await s.execute(
            select(Task.number, Task.status, Task.due_current, Task.text).where(Task.committee_id == cid)
            .order_by(Task.number))).all()
        task_ids = select(Task.id).where(Task.committee_id == cid)
        count = func.count()
        return (
            tuple(tasks),
            await s.scalar(select(count).select_from(TaskEvent).where(TaskEvent.task_id.in_(task_ids))),
            tuple((await s.execute(select(ExtensionRequest.id, ExtensionRequest.status)
                                   .where(ExtensionRequest.task_id.in_(task_ids)))).all()),
            await s.scalar(select(count).select_from(Unit).where(Unit.committee_id == cid, Unit.active)),
            tuple((await s.execute(select(Role.person_id, Role.role).where(Role.committee_id == cid))).all()),
            (committee.remind_time, committee.remind_offsets, committee.summary_time),
            await s.scalar(select(count).select_from(Meeting).where(Meeting.committee_id == cid)),
            tuple((await s.execute(select(PendingInput.id, PendingInput.kind, PendingInput.data)
                                   .order_by(PendingInput.id))).all()),
        )


async def fresh_task(env: HostileEnv, p: People) -> tuple[int, int, Message]:
    """A new open task led by the assignee: its number, its id, and the bot's reply with its buttons."""
    reply = await env.say(p.chair, p.group, ["/giao ", text_mention(p.assignee), " rà soát hồ sơ trước 15/12"])
    number = int(re.search(r"#(\d+)", reply.plain).group(1))  # type: ignore[union-attr]
    task = await env.task(number, p.group)
    return number, task.id, reply


def where(p: People, role: str) -> tuple[User, Chat | User]:
    if role == "private":
        return p.assignee, p.assignee
    if role == "outsider":
        return p.outsider, p.other
    return getattr(p, role), p.group


def command_cases() -> list[tuple[str, str, str, str]]:
    """(command text, effect, role, expected) for every command name and alias."""
    out = []
    for r in COMMAND_ROWS:
        if r.what.startswith("/{c}"):
            texts = ["/start", "/huongdan", "/help"]
        else:
            name = r.what[1:].split()[0]
            texts = [r.what, r.what.replace("/" + name, "/" + ALIASES[name], 1)]
        for text in texts:
            for role in ROLES:
                out.append((text, r.effect, role, r.expect[role]))
    return out


@pytest.mark.parametrize("role", ROLES)
async def test_commands(world: tuple[HostileEnv, People], role: str) -> None:
    env, p = world
    user, chat = where(p, role)
    problems = []
    for cell, (text, effect, cell_role, expected) in enumerate(command_cases()):
        if cell_role != role:
            continue
        # A task of the cell's own for a command on a task ({n}); the others act on none, and logging one
        # for them (a whole /giao each: 39 of the 53 cells of a role) was most of the matrix's time.
        number = (await fresh_task(env, p))[0] if "{n}" in text else 0
        # Consecutive cells (a command, then its alias) must each change something: vary the values.
        alias = text.split()[0] in {"/" + a for a in ALIASES.values()}
        fields = {"n": number, "k": cell, "grant": "bo" if alias else "thuky", "hour": 10 if alias else 9}
        parts: list[object] = [text.format(**fields)]
        if "ASSIGNEE" in text:
            head, tail = text.split("ASSIGNEE")
            parts = [head, text_mention(p.assignee), tail]
        before = await snapshot(env, p.group)
        answer = await env.say(user, chat, parts)  # type: ignore[arg-type]
        after = await snapshot(env, p.group)
        refused = bool(REFUSAL.search(answer.plain))
        label = f"{role}: {text!r} -> {answer.plain[:120]!r}"
        if expected == R:
            if not refused or after != before:
                problems.append(f"should be refused, changing nothing: {label}")
        else:
            if refused or (effect == WRITE and after == before and role != "outsider"):
                problems.append(f"should act: {label}")
    assert not problems, "\n".join(problems)
    assert not env.errors, env.errors


async def button_data(env: HostileEnv, p: People, template: str) -> str:
    number, task_id, _ = await fresh_task(env, p)
    fields: dict[str, object] = {"id": task_id}
    if "{unit}" in template:
        reply = await env.say(p.chair, p.group, f"/giao Tổ công tác số {number} xây dựng kế hoạch trước 20/12")
        data = [b["callback_data"] for r in reply.buttons for b in r if b["callback_data"].startswith("addunit:")]
        return data[0]
    if "{req}" in template:
        await env.say(p.assignee, p.group, f"/giahan {number} 28/12 chờ số liệu")
        ask = env.world.last_bot_message(p.group)
        assert ask is not None
        return [b["callback_data"] for r in ask.buttons for b in r][0 if template.startswith("extok") else 1]
    if "{draft}" in template:
        draft = await env.say(
            p.chair, p.group, "/nhap\n1. Giao Văn phòng tổng hợp số liệu trước 15/12.\n2. Giao Công an rà soát."
        )
        fields["draft"] = int(draft.buttons[0][0]["callback_data"].split(":")[1])
    return template.format(**fields)


@pytest.mark.parametrize("role", ROLES)
async def test_buttons(world: tuple[HostileEnv, People], role: str) -> None:
    env, p = world
    user, chat = where(p, role)
    problems = []
    for r in BUTTON_ROWS:
        expected = r.expect[role]
        data = await button_data(env, p, r.what)
        # The press happens on a message in the presser's chat (a reminder in private, the card in a group).
        message = env.world.last_bot_message(chat)
        assert message is not None
        before = await snapshot(env, p.group)
        query = env.world.press_forged(user, message, data)
        await env.world.wait_until(lambda q=query: q.answered)
        await env.idle()
        after = await snapshot(env, p.group)
        label = f"{role}: {data!r} -> alert={query.show_alert} {query.answer_text!r}"
        if expected == R:
            clear = query.show_alert and query.answer_text and REFUSAL.search(query.answer_text)
            if not clear or after != before:
                problems.append(f"should be refused, changing nothing: {label}")
        elif query.show_alert or (r.effect == WRITE and after == before):
            problems.append(f"should act: {label}")
    assert not problems, "\n".join(problems)
    assert not env.errors, env.errors
