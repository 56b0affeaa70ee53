"""An approved extension told in ONE group message when its requester is to be told in the group
(helper «product10»).

The requester hears the chair's answer where he asked, the task's other doers hear of the new deadline
(handlers.task_actions: `tell_requester`, `tell_due_changed`). When the requester is told in the group
— he asked there, or asked privately and has since blocked the bot — and other doers are named there
too (no private chat with the bot), the group got two messages about one decision a moment apart:
«📨 Gửi Bình: Trưởng ban đã đồng ý gia hạn #1…» and «📨 Gửi An: Trưởng ban đặt hạn mới cho #1… theo
đề nghị của Bình». Now they are one: everyone to be told in the group named once, the decision, the
task, the new and the old deadline. Doers who opened a private chat are told there, as before."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from db.models import Committee, ExtensionRequest, Person, Task
from db.outbox import enqueue_notice
from handlers.common import Actor
from handlers.task_actions import assignee_people, due_changed_text, notice_target, tell_people


def _reachable(p: Person) -> bool:
    return bool(p.private_chat and not p.blocked_bot and p.tg_user_id)


async def tell_approval_in_one_group_message(
    session: AsyncSession, actor: Actor, req: ExtensionRequest, task: Task, old: date | None
) -> bool:
    """Tells the approval (one group message for all named there, private messages to the others) when
    the requester is to be told in the group; returns False, telling nobody, otherwise (the caller tells
    as before: the requester where he asked, the others of the new deadline)."""
    if req.requested_by is None or req.requested_by == actor.person.id:
        return False
    committee = await session.get(Committee, task.committee_id)
    requester = await session.get(Person, req.requested_by)
    if committee is None or requester is None or not committee.active:
        return False
    chat, person_id = notice_target(committee, requester, req.asked_chat_id)
    if person_id is not None or chat != committee.chat_id:
        return False  # told in his private chat: two chats, two messages
    others = [p for p in await assignee_people(session, task) if p.id not in (actor.person.id, requester.id)]
    privately = [p for p in others if _reachable(p)]
    if privately:
        text = await due_changed_text(session, actor, task, committee, old, None, asked_by=requester)
        await tell_people(session, actor, committee, privately, text, kind="due_changed")
    named = [requester, *(p for p in others if not _reachable(p))]
    today = actor.today
    body = T.extension_approved_group(
        task.number, committee.title, requester.full_name, task.text, task.due_current, old, today
    )
    who = ", ".join(T.mention(p.full_name, p.tg_user_id, p.username) for p in named)
    await enqueue_notice(session, committee.id, committee.chat_id, T.NOTICE_FOR.format(who=who, text=body),
                         now=actor.now, kind="extension_decided")
    return True
