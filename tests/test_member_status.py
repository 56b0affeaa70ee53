"""bot.member_status: one answer of Telegram per (group, person), read as admin / present / gone (sec15)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from telegram.error import BadRequest, NetworkError

from bot.member_status import MemberStatuses, Standing

T0 = datetime(2026, 12, 7, 8, tzinfo=UTC)
GROUP, USER = -100, 7


class Telegram:
    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.calls = 0

    async def get_chat_member(self, chat_id: int, user_id: int) -> SimpleNamespace:
        self.calls += 1
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return SimpleNamespace(status=answer, is_member=answer == "restricted")


async def test_one_answer_serves_both_questions_for_a_minute() -> None:
    members, telegram = MemberStatuses(), Telegram("administrator", "member")
    assert await members.ask(telegram, GROUP, USER, T0) is Standing.ADMIN  # type: ignore[arg-type]
    assert await members.ask(telegram, GROUP, USER, T0 + timedelta(seconds=59)) is Standing.ADMIN  # type: ignore[arg-type]
    assert telegram.calls == 1
    assert await members.ask(telegram, GROUP, USER, T0 + timedelta(seconds=60)) is Standing.PRESENT  # type: ignore[arg-type]
    assert telegram.calls == 2


async def test_telegram_unreachable_gives_its_last_answer_however_old() -> None:
    """A demoted admin asked about a day later while Telegram fails: not an admin (its last word), not the
    stored chair role."""
    members, telegram = MemberStatuses(), Telegram("member", NetworkError("502"))
    await members.ask(telegram, GROUP, USER, T0)  # type: ignore[arg-type]
    assert await members.ask(telegram, GROUP, USER, T0 + timedelta(days=1)) is Standing.PRESENT  # type: ignore[arg-type]
    assert await MemberStatuses().ask(Telegram(NetworkError("502")), GROUP, USER, T0) is None  # type: ignore[arg-type]


async def test_a_person_telegram_does_not_know_in_the_group_is_gone() -> None:
    members = MemberStatuses()
    assert await members.ask(Telegram(BadRequest("Bad Request: user not found")), GROUP, USER, T0) is Standing.GONE  # type: ignore[arg-type]
    assert await members.ask(Telegram("left"), GROUP, USER + 1, T0) is Standing.GONE  # type: ignore[arg-type]
    assert await members.ask(Telegram("restricted"), GROUP, USER + 2, T0) is Standing.PRESENT  # type: ignore[arg-type]


async def test_what_the_bot_is_told_replaces_the_answer_at_once() -> None:
    members, telegram = MemberStatuses(), Telegram("administrator", "member")
    await members.ask(telegram, GROUP, USER, T0)  # type: ignore[arg-type]
    members.forget(GROUP, USER)  # a chat_member update: ask again
    assert await members.ask(telegram, GROUP, USER, T0 + timedelta(seconds=1)) is Standing.PRESENT  # type: ignore[arg-type]
    members.remember(GROUP, USER, Standing.GONE, T0 + timedelta(seconds=2))  # «X left»
    assert members.cached(GROUP, USER, T0 + timedelta(seconds=3)) is Standing.GONE
    members.not_admin(GROUP, USER, T0 + timedelta(seconds=4))  # left out of the admins' list: still gone
    assert members.cached(GROUP, USER, T0 + timedelta(seconds=4)) is Standing.GONE


# ------------------------------------------------------------------------ the bot's own standing (sec17)
async def test_the_bots_admin_rights_count_from_when_they_were_heard_or_first_asked() -> None:
    """Since when the bot has heard every departure in a group: from the my_chat_member that made it an admin
    (its rights edited later keep that moment; made a member, none); found an admin by asking, from then —
    and still from the earlier moment when asked again a week on and still an admin."""
    members = MemberStatuses()
    members.bot_heard(GROUP, Standing.ADMIN, T0)
    members.bot_heard(GROUP, Standing.ADMIN, T0 + timedelta(hours=1))  # its rights edited
    assert (standing := members.bot_standing(GROUP, T0 + timedelta(days=1))) and standing.admin_since == T0
    members.bot_heard(GROUP, Standing.PRESENT, T0 + timedelta(days=2))
    assert (standing := members.bot_standing(GROUP, T0 + timedelta(days=2))) and standing.admin_since is None

    other, telegram = -200, Telegram("administrator", "administrator")
    telegram.id = 42  # type: ignore[attr-defined]
    asked = await members.ask_bot(telegram, other, T0)  # type: ignore[arg-type]
    assert asked is not None and asked.admin_since == T0
    assert await members.ask_bot(telegram, other, T0 + timedelta(days=6)) == asked  # type: ignore[arg-type]
    again = await members.ask_bot(telegram, other, T0 + timedelta(days=7))  # type: ignore[arg-type]
    assert again is not None and again.admin_since == T0 and telegram.calls == 2
