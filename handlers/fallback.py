"""The last handlers: a command no handler took, a button no handler took. Neither may pass in
silence (SPEC: "never silence"): the person is told what to do instead."""

from __future__ import annotations

from telegram import MessageEntity, Update
from telegram.ext import CallbackQueryHandler, ContextTypes

from bot import texts as T
from domain.commands import close_command
from handlers.common import answer, is_group, reply


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    if msg is None or not msg.text or not msg.entities:
        return
    first = msg.entities[0]
    if first.type != MessageEntity.BOT_COMMAND or first.offset != 0:
        return
    word = msg.parse_entity(first).lstrip("/")
    name, _, target = word.partition("@")
    # "/lenh@AnotherBot" is for another bot in the group: not ours to answer.
    if target and target.lower() != (context.bot.username or "").lower():
        return
    from handlers.registry import command_names  # the registry imports this module

    close = close_command(name, command_names())
    # In a group other bots have commands of their own (/stats, /ban...): answer only a command
    # addressed to this bot (/lenh@ThisBot) or one a letter or two off one of ours.
    if is_group(msg.chat) and not target and close is None:
        return
    if close is not None:
        await reply(update, T.UNKNOWN_COMMAND_CLOSE.format(name=T.esc(name[:64]), close=close))
        return
    await reply(update, T.UNKNOWN_COMMAND.format(name=T.esc(name[:64])))


async def unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Data no handler's pattern accepts: an old button from a previous version, or forged data."""
    query = update.callback_query
    if query is not None:
        await answer(query, T.BUTTON_STALE, alert=True)


class NoDataButton(CallbackQueryHandler):  # type: ignore[type-arg]
    """A press that carries no data. PTB hands such a query to every handler with a pattern (its
    check only looks at data that is there), so the first one, /nhap's, would read nothing: this
    handler, registered before them, takes it instead."""

    def __init__(self) -> None:
        super().__init__(unknown_button)

    def check_update(self, update: object) -> bool:
        return isinstance(update, Update) and update.callback_query is not None and not update.callback_query.data
