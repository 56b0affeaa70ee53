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

(sec17) The memory also keeps the bot's OWN standing in each group, and since when it has been an
administrator there: only an admin bot gets chat_member updates (it asks for them: bot.cli.ALLOWED_UPDATES),
so only there does it hear every departure — a «left» service message can be hidden by the group or deleted
before the bot reads it. The reminder dispatcher (jobs.presence) believes «in the group» a week only where
the bot has heard since the answer was given. The bot's standing comes from my_chat_member (which every bot
gets, admin or not: `bot_heard`) or, when this process has heard nothing of the group, one getChatMember about
the bot itself a week (`ask_bot`).
"""

from __future__ import annotations

import contextlib
import enum
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from telegram import Bot, ChatMember
from telegram.error import BadRequest, RetryAfter, TelegramError

from bot.reply_retry import dispatcher_send

log = logging.getLogger(__name__)

TTL = timedelta(seconds=60)
# The bot's own standing asked of Telegram is asked again after this (a change is heard at once anyway:
# my_chat_member comes to every bot); a week costs one look-up a group a week.
BOT_TTL = timedelta(days=7)


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


@dataclass(frozen=True)
class BotStanding:
    """The bot in a group: an administrator since `admin_since` (None: not an admin), known at `at`."""

    admin_since: datetime | None
    at: datetime


@dataclass
class MemberStatuses:
    ttl: timedelta = TTL
    _seen: dict[tuple[int, int], tuple[datetime, Standing]] = field(default_factory=dict)
    _bot: dict[int, BotStanding] = field(default_factory=dict)

    def cached(self, chat_id: int, user_id: int, now: datetime, ttl: timedelta | None = None) -> Standing | None:
        """The answer remembered, if younger than `ttl` (default: the memory's own, 60 s)."""
        hit = self._seen.get((chat_id, user_id))
        if hit and timedelta(0) <= now - hit[0] < (self.ttl if ttl is None else ttl):
            return hit[1]
        return None

    def answered_at(self, chat_id: int, user_id: int) -> tuple[datetime, Standing] | None:
        """When Telegram last said something of the person here, and what."""
        return self._seen.get((chat_id, user_id))

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
        self._bot.clear()

    def copy(self) -> MemberStatuses:
        return MemberStatuses(self.ttl, dict(self._seen), dict(self._bot))

    # ------------------------------------------------------------------ the bot's own standing (sec17)
    def bot_heard(self, chat_id: int, standing: Standing, now: datetime) -> None:
        """Telegram told the bot its standing in the group changed (my_chat_member). An admin still an
        admin (its rights edited) keeps its `since`."""
        was = self._bot.get(chat_id)
        if standing is not Standing.ADMIN:
            self._bot[chat_id] = BotStanding(None, now)
        elif was is None or was.admin_since is None:
            self._bot[chat_id] = BotStanding(now, now)
        else:
            self._bot[chat_id] = BotStanding(was.admin_since, now)

    def bot_standing(self, chat_id: int, now: datetime) -> BotStanding | None:
        """What is known of the bot in the group, if younger than BOT_TTL."""
        hit = self._bot.get(chat_id)
        if hit and timedelta(0) <= now - hit.at < BOT_TTL:
            return hit
        return None

    async def ask_bot(self, bot: Bot, chat_id: int, now: datetime) -> BotStanding | None:
        """The bot's standing in the group (known, or getChatMember about itself), None when Telegram could
        not say. A RetryAfter is raised (the caller asks many in a row and stops). An admin found by asking
        counts from now (still one if it was one when last known): nothing says since when, and with several
        instances behind a webhook another one may have had the my_chat_member."""
        known = self.bot_standing(chat_id, now)
        if known is not None:
            return known
        try:
            with dispatcher_send():  # no inline retries: a 429 reaches the caller at once
                member = await bot.get_chat_member(chat_id, bot.id)
        except RetryAfter:
            raise
        except TelegramError as exc:
            log.warning("getChatMember about the bot itself failed in chat %s: %s", chat_id, exc)
            return None
        was = self._bot.get(chat_id)
        if standing_of(member) is not Standing.ADMIN:
            since = None
        else:
            since = was.admin_since if was is not None and was.admin_since is not None else now
        self._bot[chat_id] = BotStanding(since, now)
        return self._bot[chat_id]

    async def ask(
        self, bot: Bot, chat_id: int, user_id: int, now: datetime, *, raise_flood: bool = False
    ) -> Standing | None:
        """The cached answer, or Telegram's (getChatMember), remembered. When Telegram cannot be asked now:
        its last answer, however old — newer than anything stored from an earlier one (a demoted admin
        whose /huy met a getChatMember failure a day later kept a chair's rights on the stored role) — or
        None when it never said anything of the person (the caller keeps what it knows). `raise_flood`: a
        RetryAfter is raised, for a caller that asks many in a row (the reminder dispatcher) to stop — at
        once: the request is made outside AIORateLimiter's 429 retries (bot.reply_retry.dispatcher_send),
        which would hold the whole reminder round inside one look-up for twice the flood wait."""
        hit = self.cached(chat_id, user_id, now)
        if hit is not None:
            return hit
        try:
            with dispatcher_send() if raise_flood else contextlib.nullcontext():
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
