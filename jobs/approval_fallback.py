"""An approved extension whose requester's private chat refused the answer (403: he blocked the bot
and Telegram's update never came), told in the group in ONE message (helper «product11»).

When the block is known before the decision, handlers/approval_once.py names the requester and the
task's other doers (no private chat) in one group message. When the bot learns of it only from the 403
at send time, the group got two: the other doers told of the new deadline («📨 Gửi An: … theo đề nghị
của Bình»), then Bình's answer rerouted («📨 Gửi Bình: Trưởng ban đã đồng ý…»). Here the rerouted
answer becomes the same one message approval_once writes, and the doers' group message stored with the
decision (same committee, same moment, not sent yet) is folded into it: recorded as cancelled, never
sent. jobs/notices.py sends private chats before groups, so the fold comes before that message goes."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from db import reminders
from db.models import Committee, ExtensionRequest, Notice, Person, Task, TaskEvent
from db.outbox import CLAIMED, PENDING, DueNotice, fold_notices
from domain.reminders import RecipientRole

KIND = "extension_decided"  # handlers.task_actions.tell_requester
_DOERS_KIND = "due_changed"  # handlers.task_actions.tell_due_changed (its group message)


def _reachable(p: Person) -> bool:
    return bool(p.private_chat and not p.blocked_bot and p.tg_user_id)


async def fold_for_group(
    session: AsyncSession, notice: DueNotice, who: str, worker_id: str, now: datetime
) -> tuple[str, list[int]] | None:
    """The group's one message for the approval `notice` told (the requester's refused private answer)
    and the ids of the notices folded into it; None when `notice` is not an approval (a refusal is
    rerouted as it is) or its decision cannot be found."""
    created = await session.scalar(select(Notice.created_at).where(Notice.id == notice.id))
    req = await session.scalar(
        select(ExtensionRequest)
        .where(ExtensionRequest.requested_by == notice.person_id, ExtensionRequest.status == "approved",
               ExtensionRequest.decided_at == created)
        .order_by(ExtensionRequest.id.desc())
        .limit(1)
    )
    if req is None:
        return None
    task = await session.get(Task, req.task_id)
    committee = await session.get(Committee, notice.committee_id)
    requester = await session.get(Person, notice.person_id)
    if task is None or committee is None or requester is None or task.committee_id != committee.id:
        return None
    event = await session.scalar(
        select(TaskEvent).where(TaskEvent.task_id == task.id, TaskEvent.kind == "extension_approved",
                                TaskEvent.at == created).order_by(TaskEvent.id.desc()).limit(1)
    )
    if event is None or "old" not in (event.data or {}):
        return None  # decided before the old deadline was recorded with it: rerouted as it was
    old = date.fromisoformat(event.data["old"]) if event.data["old"] else None
    # The doers' message stored with the decision and not sent yet: folded. Already sent (an earlier
    # tick): the group has it, and the answer is rerouted as it was (never a second naming of them).
    siblings = list((await session.scalars(
        select(Notice.id).where(
            Notice.committee_id == committee.id, Notice.kind == _DOERS_KIND, Notice.person_id.is_(None),
            Notice.created_at == created, Notice.id != notice.id,
            (Notice.status == PENDING) | ((Notice.status == CLAIMED) & (Notice.claimed_by == worker_id)),
        )
    )).all())
    others = [
        p for r in await reminders.task_recipients(session, task)
        if r.person_id is not None and r.role is RecipientRole.ASSIGNEE
        and r.person_id not in (req.decided_by, requester.id)
        and (p := await session.get(Person, r.person_id)) is not None and not _reachable(p)
    ]
    if others and not siblings:
        return None
    await fold_notices(session, siblings, notice.id, "the requester's private chat refused it")
    today = now.astimezone(ZoneInfo(committee.tz_name)).date()
    body = T.extension_approved_group(
        task.number, committee.title, requester.full_name, task.text, task.due_current, old, today
    )
    names = [who, *(T.mention(p.full_name, p.tg_user_id, p.username) for p in others)]
    return T.NOTICE_FOR.format(who=", ".join(names), text=body), siblings
