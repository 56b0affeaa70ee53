"""A board action the group already hears of, told once (helper «product10»).

Every action on the board is told in the group by a new line («🗂 Lan (trên Bảng việc): Đã đổi hạn #1 …»)
— the group would not know otherwise. Some actions tell the group themselves, through the outbox: a
deadline changed, a task cancelled, an extension decided, each naming the doers who have
no private chat with the bot. The group then got two messages about one change, a moment apart. Now the
action's own group message stands alone and says where it was done (T.BOARD_VIA_IN_NOTICE); the board
line goes out only when the action told the group nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from db.models import Committee, Notice
from db.outbox import stored_notices

# The group messages that say the whole change (what, which task, who): a new deadline, an extension decided,
# a cancellation. Not a reassignment's: addressed to the people who lose the task or get it, they do not
# tell the group who has it now, as the board's line does.
FOLDED_KINDS = ("due_changed", "extension_decided", "task_cancelled")


async def told_group_already(session: AsyncSession, committee: Committee) -> bool:
    """The action stored its own message to the committee's group in this transaction: the last such
    message says it was done on the board (returns True), else False (the caller posts its line)."""
    ids = stored_notices(session)
    if not ids:
        return False
    notice = await session.scalar(
        select(Notice)
        .where(Notice.id.in_(ids), Notice.chat_id == committee.chat_id, Notice.status == "pending",
               Notice.kind.in_(FOLDED_KINDS))
        .order_by(Notice.id.desc())
        .limit(1)
    )
    if notice is None:
        return False
    notice.text = notice.text + "\n" + T.BOARD_VIA_IN_NOTICE
    await session.flush()
    return True


# --------------------------------------------------------------------------- a reassignment (product11)
# A reassignment on the board told the people who lose the task and those who get it, each set named in
# its own group message when they have no private chat with the bot, and then the board's line: three
# group messages about one change, two of them saying to a few what the third says to all. Now the
# board's line is the one group message: who has it now and by when, and the people concerned named in
# it (so Telegram notifies them) with what it means for them. Private messages go as before.
_HELD = "board_reassign_named"  # session.info key: set by the board around its reassignment


@dataclass
class HeldNames:
    away: list[str] = field(default_factory=list)  # mentions of those who lose the task
    to: list[str] = field(default_factory=list)  # of those who get it
    due: str = ""  # the task's deadline, as the notice to them says it


def hold_reassign_names(session: AsyncSession) -> None:
    """The board is about to reassign: those to be named in the group are held for its line."""
    session.info[_HELD] = None


def held_reassign_names(session: AsyncSession, due: str) -> HeldNames | None:
    """For handlers.directives: where to put the group's names instead of group messages (None: not on
    the board, they are told in the group as always)."""
    if _HELD not in session.info:
        return None
    held = session.info[_HELD] = HeldNames(due=due)
    return held


def reassign_lines(session: AsyncSession) -> str:
    """The board line's addition naming the people concerned ("" when nobody is named in the group)."""
    held: HeldNames | None = session.info.pop(_HELD, None)
    if held is None:
        return ""
    lines = [T.BOARD_REASSIGN_DUE.format(due=held.due)] if held.due else []
    if held.to:
        lines.append(T.BOARD_REASSIGN_TO.format(who=", ".join(held.to)))
    if held.away:
        lines.append(T.BOARD_REASSIGN_AWAY.format(who=", ".join(held.away)))
    return "\n" + "\n".join(lines) if lines else ""
