"""A task given to an @name of nobody in the committee's group (qa19).

«/giao @binh_lee …» for «@binh_le»: the bot knew a «@binh_lee» (someone who once wrote to it, from another
committee or nowhere) and told him the committee's task in his private chat; reminders followed. What a
committee expects: the chair is told at once, in the confirmation, that this @name is not in the group
(«kiểm tra lại tên?»), the task stays as logged (the person may join later, the chair may mean it), and
nothing is sent to that person's private chat on this save. Reminders already go to a person's private
chat only while the bot can reach them; a person who is not in the group is asked about again at the next
/giao or reassignment.

Telegram is asked as the membership code asks (handlers.common.telegram_present, cached; the board's own
cache there): a person the bot has never seen (no Telegram id) cannot be asked — the existing «Bot chưa
gặp … trong nhóm» line covers them — and Telegram not answering counts as present (never a false alarm).
"""

from __future__ import annotations

from collections.abc import Iterable

from bot import texts as T
from db.models import Person
from handlers.common import Actor


async def not_in_group(actor: Actor, people: Iterable[Person]) -> list[Person]:
    """The people among `people` Telegram says are not in the actor's committee's group now."""
    if actor.present_lookup is None:
        return []
    out: list[Person] = []
    for person in people:
        if person.tg_user_id is None or person.id == actor.person.id or person in out:
            continue
        if await actor.present_lookup(person.tg_user_id) is False:
            out.append(person)
    return out


def warning_lines(people: Iterable[Person], number: int) -> list[str]:
    return [T.QA19_NOT_IN_GROUP.format(name=T.esc(_name(p)), number=number) for p in people]


def _name(person: Person) -> str:
    return f"@{person.username}" if person.username else person.full_name
