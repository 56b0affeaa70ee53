"""A board action the group already hears of, told once (helper «product10»).

Every action on the board is told in the group by a new line («🗂 Lan (trên Bảng việc): Đã đổi hạn #1 …»)
— the group would not know otherwise. Some actions tell the group themselves, through the outbox: a
deadline changed, a task cancelled, an extension decided, each naming the doers who have
no private chat with the bot. The group then got two messages about one change, a moment apart. Now the
action's own group message stands alone and says where it was done (T.BOARD_VIA_IN_NOTICE); the board
line goes out only when the action told the group nothing."""

from __future__ import annotations

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
