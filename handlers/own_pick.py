"""own:<task> — the committee chosen for a task command typed privately under a number open in several
committees (handlers.task_actions.find_own_task offers a button each, qa18).

The button's message quotes the person's command (handlers.common.reply quotes it), and a callback's
message carries what it replied to: the command is run again from that message, its note, file or photo
included, with the chosen task, so nothing they typed is lost. No copy of the note is stored: a command
deleted meanwhile is simply asked again.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.ext import ContextTypes

from bot import texts as T
from handlers import meetings, progress
from handlers.command import Answer, CommandBody, run_as_actor
from handlers.common import Actor, answer, command_args
from handlers.task_actions import CHOSEN_TASK

# The commands that look a number up among the person's own tasks (find_own_task), aliases included.
_BODIES: dict[str, CommandBody] = {
    "xong": progress._xong, "done": progress._xong,
    "tiendo": progress._tiendo, "progress": progress._tiendo,
    "giahan": progress._giahan, "extend": progress._giahan,
    "vuongmac": meetings._vuongmac, "blocked": meetings._vuongmac,
}


def _command_of(msg: Message) -> str:
    words = (msg.text or msg.caption or "").split(maxsplit=1)
    return words[0][1:].split("@", 1)[0].lower() if words and words[0].startswith("/") else ""


async def on_pick(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    task_id = int(query.data.split(":")[1])
    quoted = query.message.reply_to_message if isinstance(query.message, Message) else None
    body = _BODIES.get(_command_of(quoted)) if quoted is not None else None
    if quoted is None or body is None or quoted.from_user is None or quoted.from_user.id != query.from_user.id:
        await answer(query, T.QA18_PICK_GONE, alert=True)
        return
    await answer(query, None)
    args, offset = command_args(quoted)

    async def on_actor(session: AsyncSession, actor: Actor) -> Answer:
        assert body is not None and quoted is not None
        return await body(session, actor, quoted, args, offset)

    chosen = CHOSEN_TASK.set(task_id)  # find_own_task takes this task, checked as the person's own
    try:
        await run_as_actor(update, context, on_actor, notices=True)
    finally:
        CHOSEN_TASK.reset(chosen)
