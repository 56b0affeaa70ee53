"""(qa12) A person of the group named in /giao by name, as a chair says it aloud: «/giao anh Hùng làm báo cáo
trước thứ 6», «/giao cho chị Mai …», «/giao đồng chí Trần Văn Hùng …». Without an @username or a reply the
name was taken for a unit (🏢 «anh Hùng», with a button to add it as one) or refused («Chưa rõ ai thực hiện»),
and the person was never reminded. When the name at the head of the task — after «cho» and a title — is the
name of exactly one person the bot has seen who is in the group now (Telegram asked), it is that person."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, ChatMember
from telegram.error import TelegramError

from db.committees import committee_by_chat
from db.membership import people_linked
from db.models import Person
from db.people_names import people_named
from domain.assign import Mention
from domain.titled_names import titled_person
from domain.types import Assignees
from domain.understand.textnorm import fold

log = logging.getLogger(__name__)

# «cho», then the titles officials use before a colleague's name (with or without diacritics).
_HEAD = re.compile(
    r"\s*(?:cho\s+)?(?:(?:anh|chị|chi|ông|ong|bà|ba|cô|co|chú|chu|em|đồng\s+chí|dong\s+chi|đ/c|d/c|đc|dc)\.?\s+)?",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[^\W\d_]+")
_MAX_WORDS = 4  # «Nguyễn Thị Thanh Hoa»
_MAX_LOOKUPS = 5  # getChatMember calls for one name (several people of other groups may share it)
_PRESENT = (ChatMember.OWNER, ChatMember.ADMINISTRATOR, ChatMember.MEMBER, ChatMember.RESTRICTED)


def name_prefixes(text: str) -> tuple[int, list[tuple[int, str]]]:
    """Where the head (cho, title) starts and the capitalised name words after it: (end, written) of each
    prefix, longest first."""
    head = _HEAD.match(text)
    assert head is not None
    pos, out = head.end(), []
    while len(out) < _MAX_WORDS:
        word = _NAME_WORD.match(text, pos)
        if word is None or not word.group()[0].isupper():
            break
        out.append((word.end(), text[head.end() : word.end()]))
        if word.end() >= len(text) or text[word.end()] != " ":
            break
        pos = word.end() + 1
    return len(text) - len(text.lstrip()), out[::-1]


def _names(written: str, full_name: str) -> bool:
    said, known = written.split(), full_name.split()
    if not said or not known:
        return False
    if len(said) == 1:  # a given name: first or last of Telegram's name («Hùng Trần Văn», «Trần Văn Hùng»)
        return said[0] in (known[0], known[-1])
    return sorted(said) == sorted(known)


# «Is this Telegram user in the group now?» — handlers.common.Actor.present_lookup: the bot's one member memory
# (bot.member_status), shared with the role checks and the reminder job. None: Telegram could not say.
PresentLookup = Callable[[int], Awaitable[bool | None]]


async def named_member(
    session: AsyncSession, bot: Bot, chat_id: int, text: str, *, offset: int = 0, linked: list[Person] | None = None,
    present: PresentLookup | None = None,
) -> tuple[Mention, Person] | None:
    """The person of the group `text` starts by naming (its Mention shifted by `offset`), or None. `linked`:
    the committee's own people (read once by the caller for several names). `present`: the shared member
    memory (the handlers pass theirs: a chair's second «/giao anh Hùng …» within its minute costs no
    getChatMember — flood limits); without it Telegram is asked directly (benches, db tests)."""
    start, prefixes = name_prefixes(text)
    if not prefixes:
        return None
    if linked is None:
        linked = await _linked_people(session, chat_id)
    own = {p.id for p in linked}
    for end, written in prefixes:
        # The committee's own people first, then the other holders of the name (indexed, at most
        # db.people_names.CANDIDATES of them): in a province's database a common name («Hùng») has many
        # holders in other groups, and the one of this group must not be left out behind them.
        seen = [*linked, *await people_named(session, written, leave_out=own)]
        # Written as the person's name (diacritics and all) first; without diacritics only when none is.
        matches = [p for p in seen if _names(written.casefold(), p.full_name.casefold())]
        if not matches:
            matches = [p for p in seen if _names(fold(written), fold(p.full_name))]
        here = [p for p in matches[:_MAX_LOOKUPS] if await _in_group(bot, chat_id, p, present)]
        if len(here) == 1:
            person = here[0]
            return Mention(offset + start, offset + end, str(person.id), person.full_name), person
        if here:
            return None  # two people of the group answer to it: not guessed
    return None


async def named_members(
    session: AsyncSession, bot: Bot, chat_id: int, text: str, assignees: Assignees, *,
    present: PresentLookup | None = None,
) -> list[tuple[Mention, Person]]:
    """The people of the group `text` names where /giao's reader found no one it knows: at its head (no lead,
    or a lead that is no unit: «anh Hùng làm …») and at each assignee it read that is no unit («chị Mai, anh
    Hùng phối hợp …»)."""
    spots: list[tuple[int, int]] = []
    if not assignees.lead or not assignees.lead[0].unit_key:
        spots.append((0, len(text)))
    spots += [r.span for r in (*assignees.lead, *assignees.support) if not r.unit_key and r.span is not None]
    if not spots:
        return []
    linked = await _linked_people(session, chat_id)
    found: list[tuple[Mention, Person]] = []
    for s, e in spots:
        hit = await named_member(session, bot, chat_id, text[s:e], offset=s, linked=linked, present=present)
        if hit is not None and all(hit[0].end <= m.start or hit[0].start >= m.end for m, _p in found):
            found.append(hit)
    return found


async def _linked_people(session: AsyncSession, chat_id: int) -> list[Person]:
    """The people the group's committee counts on (role holders, unit contacts, assignees:
    db.membership.people_linked), asked of Telegram before the other holders of a name."""
    committee = await committee_by_chat(session, chat_id)
    return await people_linked(session, committee.id) if committee is not None else []


async def _in_group(bot: Bot, chat_id: int, person: Person, present: PresentLookup | None) -> bool:
    assert person.tg_user_id is not None
    if present is not None:
        return await present(person.tg_user_id) is True  # Telegram could not say: the name is not taken
    try:
        member = await bot.get_chat_member(chat_id, person.tg_user_id)
    except TelegramError as exc:
        log.info("getChatMember %s in %s failed (%s): the name is not taken for them", person.id, chat_id, exc)
        return False
    return member.status in _PRESENT and (member.status != ChatMember.RESTRICTED or bool(member.is_member))


_TITLE_AT = re.compile(r"(?:(?<=\s)|^)(?:anh|chị|ông|bà|cô|chú|đồng\s+chí|đ/c|đc)\.?\s+(?=[^\W\d_])", re.IGNORECASE)


async def titled_member_in(
    session: AsyncSession, bot: Bot, chat_id: int, text: str, *, present: PresentLookup | None = None
) -> tuple[int, Person] | None:
    """«/donvi gan Văn phòng anh Hùng»: where in `text` a title starts that names one person of the group,
    and who (the first such title)."""
    for m in _TITLE_AT.finditer(text):
        if not titled_person(text[m.start() :]):
            continue
        hit = await named_member(session, bot, chat_id, text[m.start() :], present=present)
        if hit is not None:
            return m.start(), hit[1]
    return None
