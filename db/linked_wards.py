"""A district committee's linked ward/commune committees read as the bodies a directive names (wards16).

In a district (quận/huyện) whose ward committees are linked (/lienket), «các phường», «UBND các phường»,
«các xã, thị trấn», «UBND các xã» name those committees — all of them — and «phường X» / «UBND phường X»
names that one ward. Before, the reader kept such names as written: /giao offered «các phường» as a new unit
to add, and the wards never heard of the task.

The model, without a new table (the data model had no task for a linked committee): the district's task
leads (or is helped by) one unit of the district per ward, named «Phường X» like the ward (so the district's
board counts the task under each ward); each ward committee gets its own copy of the task — its own number,
its own «UBND phường» as lead, reminders and board lines of its own — with a `from_upper` event naming the
district's task (and the district's task a `handed_down` event naming the copies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Committee, CommitteeLink
from domain.understand.textnorm import fold

# A ward committee's level and place in its title: «BCĐ phường Sài Đồng», «Ban chỉ đạo xã Đông Dư».
_LEVEL_IN_TITLE = re.compile(r"(?i)(?<!\w)(phường|xã|thị trấn)\s+(\S.*)$")
_LEVELS_FOLDED = "phuong|xa|thi tran"
# What may stand before a ward's name and still name the ward committee (not one of its bodies).
_HEAD = r"(?:ubnd\s+|uy ban nhan dan\s+)?"
# «các phường», «UBND các xã, thị trấn», «các phường, xã»: the levels listed after «các».
_PLURAL = re.compile(rf"^{_HEAD}cac\s+((?:{_LEVELS_FOLDED})(?:\s*(?:,|va)\s*(?:{_LEVELS_FOLDED}))*)$")


@dataclass(frozen=True)
class Ward:
    committee_id: int
    chat_id: int
    title: str
    level: str  # «phường» | «xã» | «thị trấn», as the title writes it (lower case)
    place: str  # «Sài Đồng»

    @property
    def unit_name(self) -> str:
        """The district's unit for this ward: «Phường Sài Đồng»."""
        return f"{self.level[:1].upper()}{self.level[1:]} {self.place}"


def ward_of(committee: Committee) -> Ward | None:
    """The ward a committee's title names, or None (a title with no ward level: not read as a ward)."""
    m = _LEVEL_IN_TITLE.search(committee.title.strip())
    if m is None:
        return None
    return Ward(committee.id, committee.chat_id, committee.title, m[1].lower(), m[2].strip())


async def linked_wards(session: AsyncSession, upper_id: int) -> tuple[Ward, ...]:
    rows = await session.scalars(
        select(Committee)
        .join(CommitteeLink, CommitteeLink.lower_id == Committee.id)
        .where(CommitteeLink.upper_id == upper_id)
        .order_by(Committee.title)
    )
    return tuple(w for c in rows if (w := ward_of(c)) is not None)


def _norm(text: str) -> str:
    return " ".join(fold(text).replace(",", " , ").split()).replace(" ,", ",")


def wards_meant(written: str, wards: tuple[Ward, ...]) -> tuple[Ward, ...]:
    """The linked wards `written` names: all of the levels it lists («các phường» / «các xã, thị trấn»),
    or the one ward it names («phường Sài Đồng», «UBND phường Sài Đồng»); () when it names none of them."""
    if not wards:
        return ()
    text = _norm(written)
    plural = _PLURAL.match(text)
    if plural is not None:
        levels = {lv for lv in re.split(r"\s*(?:,|\bva\b)\s*", plural[1]) if lv}
        return tuple(w for w in wards if fold(w.level) in levels)
    for w in wards:
        if re.fullmatch(rf"{_HEAD}{re.escape(_norm(w.level + ' ' + w.place))}", text):
            return (w,)
    return ()
