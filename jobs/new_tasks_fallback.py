"""A new-task notice (handlers/new_tasks.py) that a private chat refused, told in the group in one
short line (helper «product10»).

Someone who opened a chat with the bot and then blocked it (before the bot heard of it) is told of a
/nhap save of 20 tasks: the private message is refused (403), and the outbox's fallback posted the whole
list in the committee group — 20 tasks with 80 buttons, once per part of a split save — for one person.
The group needs to know only who could not be told, of how many tasks, and how to open the chat again
(the card and /ds show the tasks; /viec lists them for him). So the group gets one line per person and
save, and the save's other parts (rows stored in the same transaction for the same person) are folded
into it: recorded as cancelled, never sent."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from db.models import Notice, Task
from db.outbox import CLAIMED, PENDING, DueNotice, fold_notices

KIND = "task_new"  # handlers.new_tasks.tell_new_tasks
_NUMBERS_SHOWN = 12  # runs of numbers listed before «…»


def task_ids(buttons: list[list[tuple[str, str]]] | list[list[str]] | None) -> list[int]:
    """The tasks a new-task notice lists: every item carries a «📝 Tiến độ» button (`prog:<task id>`)."""
    out: list[int] = []
    for row in buttons or ():
        for _label, data in row:
            kind, _, ident = str(data).partition(":")
            if kind == "prog" and ident.isdigit() and int(ident) not in out:
                out.append(int(ident))
    return out


def number_runs(numbers: list[int]) -> str:
    """#3–#7, #9, #12–#13: consecutive numbers as a run (a save's tasks are numbered in a row)."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    shown = [f"#{a}" if a == b else f"#{a}–#{b}" for a, b in runs[:_NUMBERS_SHOWN]]
    if len(runs) > _NUMBERS_SHOWN:
        shown.append("…")
    return ", ".join(shown)


async def fold_for_group(session: AsyncSession, notice: DueNotice, who: str) -> tuple[str, list[int]]:
    """The group's short line for `notice` (a part of a save's new-task message to one person) and the
    ids of the save's other parts, recorded here as cancelled (folded into this one)."""
    created = await session.scalar(select(Notice.created_at).where(Notice.id == notice.id))
    siblings = (
        await session.execute(
            select(Notice.id, Notice.buttons).where(
                Notice.committee_id == notice.committee_id,
                Notice.person_id == notice.person_id,
                Notice.kind == KIND,
                Notice.created_at == created,
                Notice.status.in_((PENDING, CLAIMED)),
                Notice.id != notice.id,
            )
        )
    ).all()
    ids = task_ids(notice.buttons)
    for _id, buttons in siblings:
        ids += [i for i in task_ids(buttons) if i not in ids]
    numbers = list((await session.scalars(select(Task.number).where(Task.id.in_(ids)))).all()) if ids else []
    folded = [row_id for row_id, _ in siblings]
    await fold_notices(session, folded, notice.id, "the private chat refused it")
    link = T.start_link()
    how = T.NEW_TASKS_REFUSED_HOW_LINK.format(link=T.esc(link)) if link else T.NEW_TASKS_REFUSED_HOW
    count = max(len(numbers), 1)
    text = T.NEW_TASKS_REFUSED_IN_GROUP.format(
        who=who,
        what=T.NEW_TASKS_REFUSED_ONE.format(numbers=number_runs(numbers)) if count == 1
        else T.NEW_TASKS_REFUSED_MANY.format(count=count, numbers=number_runs(numbers)),
        how=how,
    )
    return text, folded
