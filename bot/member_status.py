"""One memory of what Telegram last said about a person in a group: administrator, present, or gone.

Before (sec15) the chat side kept two caches of the same getChatMember answer — «is an admin?»
(handlers.common.telegram_admin) and «is in the group?» (telegram_present) — forgotten and primed in
step by hand. Here there is one answer per (chat, user), read as either, and the reminder dispatcher
(jobs.presence) reads the same memory: a chair's /giao that asked a minute ago costs the morning's
reminder no second call.

An answer is trusted for `ttl` (60 s: a demoted admin keeps a chair's rights at most that long where the
bot hears nothing); what Telegram tells the bot itself (chat_member updates, «X left / joined») replaces or
drops it at once (`forget`, `remember`). Kept per process, on `bot.services.Services`: each instance asks
for itself.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from telegram import Bot, ChatMember
from telegram.error import BadRequest, RetryAfter, TelegramError

log = logging.getLogger(__name__)

TTL = timedelta(seconds=60)


class Standing(enum.StrEnum):
    ADMIN = "admin"  # creator or administrator
    PRESENT = "present"  # in the group without admin rights (a member, or restricted but a member)
    GONE = "gone"  # left, removed, or never there


def standing_of(member: ChatMember) -> Standing:
    if member.status in (ChatMember.OWNER, ChatMember.ADMINISTRATOR):
        return Standing.ADMIN
    if member.status == ChatMember.MEMBER or (
        member.status == ChatMember.RESTRICTED and bool(getattr(member, "is_member", False))
    ):
        return Standing.PRESENT
    return Standing.GONE


# Telegram's way of saying it has no such member to tell of (never in the chat, or an unknown id): gone,
# not «could not ask».
_NO_SUCH_MEMBER = ("user not found", "participant_id_invalid", "member not found")


@dataclass
class MemberStatuses:
    ttl: timedelta = TTL
    _seen: dict[tuple[int, int], tuple[datetime, Standing]] = field(default_factory=dict)

    def cached(self, chat_id: int, user_id: int, now: datetime, ttl: timedelta | None = None) -> Standing | None:
        """The answer remembered, if younger than `ttl` (default: the memory's own, 60 s)."""
        hit = self._seen.get((chat_id, user_id))
        if hit and timedelta(0) <= now - hit[0] < (self.ttl if ttl is None else ttl):
            return hit[1]
        return None

    def last(self, chat_id: int, user_id: int) -> Standing | None:
        """What Telegram said last, however long ago (for when it cannot be asked now)."""
        hit = self._seen.get((chat_id, user_id))
        return hit[1] if hit else None

    def remember(self, chat_id: int, user_id: int, standing: Standing, now: datetime) -> None:
        self._seen[(chat_id, user_id)] = (now, standing)

    def not_admin(self, chat_id: int, user_id: int, now: datetime) -> None:
        """Telegram's list of admins leaves this person out: an admin or present answer becomes present;
        nothing known stays unknown (they may be gone: asked next time)."""
        hit = self.cached(chat_id, user_id, now)
        if hit is Standing.ADMIN or hit is Standing.PRESENT:
            self.remember(chat_id, user_id, Standing.PRESENT, now)
        elif hit is None:
            self.forget(chat_id, user_id)

    def forget(self, chat_id: int, user_id: int) -> None:
        self._seen.pop((chat_id, user_id), None)

    def clear(self) -> None:
        self._seen.clear()

    def copy(self) -> MemberStatuses:
        return MemberStatuses(self.ttl, dict(self._seen))

    async def ask(
        self, bot: Bot, chat_id: int, user_id: int, now: datetime, *, raise_flood: bool = False
    ) -> Standing | None:
        """The cached answer, or Telegram's (getChatMember), remembered. When Telegram cannot be asked now:
        its last answer, however old — newer than anything stored from an earlier one (a demoted admin
        whose /huy met a getChatMember failure a day later kept a chair's rights on the stored role) — or
        None when it never said anything of the person (the caller keeps what it knows). `raise_flood`: a
        RetryAfter is raised, for a caller that asks many in a row (the reminder dispatcher) to stop."""
        hit = self.cached(chat_id, user_id, now)
        if hit is not None:
            return hit
        try:
            member = await bot.get_chat_member(chat_id, user_id)
        except BadRequest as exc:
            if not any(s in str(exc).lower() for s in _NO_SUCH_MEMBER):
                log.warning("getChatMember %s in chat %s refused: %s", user_id, chat_id, exc)
                return self.last(chat_id, user_id)
            standing = Standing.GONE
        except TelegramError as exc:
            if raise_flood and isinstance(exc, RetryAfter):
                raise
            log.warning("getChatMember failed for chat %s: %s", chat_id, exc)
            return self.last(chat_id, user_id)
        else:
            standing = standing_of(member)
        self.remember(chat_id, user_id, standing, now)
        return standing
