"""Every handler, registered in one ordered place. Order matters where noted."""

from __future__ import annotations

from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.texts import COMMAND_DESCRIPTIONS
from handlers import (
    answers,
    board,
    directives,
    fallback,
    guide,
    importing,
    meetings,
    membership,
    own_pick,
    progress,
    reports,
    roles,
    settings,
    tasks,
    units,
)

# Vietnamese command first, then its English alias (Telegram allows only [a-z0-9_]).
COMMANDS = {
    ("start",): guide.start,
    ("huongdan", "help"): guide.huongdan,
    ("giao", "assign"): directives.giao,
    ("nhap", "import"): importing.nhap,
    ("sua", "edit"): directives.sua,
    ("huy", "cancel"): directives.huy,
    ("viec", "mytasks"): tasks.viec,
    ("ds", "list"): tasks.ds,
    ("xem", "show"): tasks.xem,
    ("xong", "done"): progress.xong,
    ("tiendo", "progress"): progress.tiendo,
    ("giahan", "extend"): progress.giahan,
    ("vuongmac", "blocked"): meetings.vuongmac,
    ("hop", "meeting"): meetings.hop,
    ("donvi", "units"): units.donvi,
    ("vaitro", "roles"): roles.vaitro,
    ("caidat", "settings"): settings.caidat,
    ("bang", "board"): board.bang,
    ("lienket", "link"): board.lienket,
}

# Commands that build a file or a picture in a worker thread: run as their own tasks (block=False) so
# that the next updates are handled while the workbook or chart is being made.
SLOW_COMMANDS = {
    ("xuat", "export"): reports.xuat,
    ("baocao", "report"): reports.baocao,
    ("tonghop", "summary"): reports.tonghop,
}


# Messages with nothing to read as text (domain.chatter.LEFT_OUT_KINDS).
_LEFT_OUT = (
    filters.Sticker.ALL | filters.ANIMATION | filters.VOICE | filters.VIDEO_NOTE | filters.VIDEO | filters.AUDIO
    | filters.LOCATION | filters.VENUE | filters.CONTACT | filters.POLL | filters.Dice.ALL
)


def register(app: Application) -> None:  # type: ignore[type-arg]
    # Service messages about the group itself come first: they carry no command.
    app.add_handler(ChatMemberHandler(membership.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(ChatMemberHandler(membership.on_chat_member, ChatMemberHandler.CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.LEFT_CHAT_MEMBER, membership.on_left_message))
    app.add_handler(MessageHandler(filters.StatusUpdate.NEW_CHAT_MEMBERS, membership.on_joined_message))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, membership.on_migrate))
    app.add_handler(MessageHandler(filters.StatusUpdate.NEW_CHAT_TITLE, membership.on_title))

    # The t.me link of a cut /nhap preview (t.me/<bot>?start=nhap_<committee>): before /start itself.
    app.add_handler(
        CommandHandler(
            "start",
            importing.start_link,
            filters=filters.UpdateType.MESSAGE
            & filters.ChatType.PRIVATE
            & filters.Regex(r"^/start\s+nhap_\d{1,9}\s*$"),
        )
    )
    for names, callback in COMMANDS.items():
        # Edited commands are not re-run: an edit must not log a directive twice.
        app.add_handler(CommandHandler(list(names), callback, filters=filters.UpdateType.MESSAGE))
    for names, callback in SLOW_COMMANDS.items():
        app.add_handler(CommandHandler(list(names), callback, filters=filters.UpdateType.MESSAGE, block=False))
    # /xong with a file or a photo (a phone photo of the signed paper): the command is in the caption.
    # Only new messages, as for typed commands: an edited caption arrives as `edited_message` with the
    # same file, and is no second report (nor, below, a second import).
    app.add_handler(
        MessageHandler(
            filters.UpdateType.MESSAGE
            & filters.CaptionRegex(r"^/(xong|done)(@\w+)?(\s|$)")
            & (filters.Document.ALL | filters.PHOTO),
            progress.xong,
        )
    )

    # /nhap with a file or a photo: the command is in the caption. A scan or a photo is read by OCR
    # for up to a minute: its own task (block=False), so others are answered meanwhile.
    app.add_handler(
        MessageHandler(
            filters.UpdateType.MESSAGE
            & filters.CaptionRegex(r"^/(nhap|import)(@\w+)?(\s|$)")
            & (filters.Document.ALL | filters.PHOTO),
            importing.nhap,
            block=False,
        )
    )

    # Patterns match the whole data the bot puts on its buttons (ids of at most 9 digits fit the
    # database's integer keys); anything else (forged, or from an older version) goes to the fallback.
    app.add_handler(fallback.NoDataButton())
    app.add_handler(
        CallbackQueryHandler(importing.on_button, pattern=r"^imp:\d{1,9}:(save|drop|fix|cancel|back)(:\d{1,4})?$")
    )
    app.add_handler(CallbackQueryHandler(importing.on_undo, pattern=r"^impundo:\d{1,9}$"))
    app.add_handler(CallbackQueryHandler(importing.on_gather_button, pattern=r"^impg:\d{1,9}:(done|cancel|c:\d{1,9})$"))
    app.add_handler(
        CallbackQueryHandler(
            directives.on_button,
            # (dYYYYMMDD: a date written in the directive, offered as its deadline: product13)
            pattern=r"^((undo|fixdue|addunit):\d{1,9}|due:\d{1,9}:(3d|1w|eom|wd|none|other|d\d{8}))$",
        )
    )
    app.add_handler(
        CallbackQueryHandler(progress.on_button, pattern=r"^(done|prog|ext|blk|extok|extno|cdue|cgive|cnote):\d{1,9}$")
    )
    app.add_handler(CallbackQueryHandler(tasks.on_page, pattern=r"^ds:\d{1,4}:(a|q|w|u\d{1,9}|m\d{1,9})$"))
    app.add_handler(CallbackQueryHandler(tasks.on_show, pattern=r"^xem:\d{1,9}$"))
    app.add_handler(CallbackQueryHandler(own_pick.on_pick, pattern=r"^own:\d{1,9}$"))
    app.add_handler(CallbackQueryHandler(membership.on_reassign_button, pattern=r"^reassign:\d{1,9}$"))
    app.add_handler(CallbackQueryHandler(fallback.unknown_button))

    # Answers to the bot's questions: replies that are not commands. After the commands on purpose.
    app.add_handler(MessageHandler(filters.REPLY & filters.TEXT & ~filters.COMMAND, answers.on_reply))
    # In a private chat, a text or a file that answers nothing: a part of a conclusion being gathered
    # (/nhap there gathers until «Xong, phân tích»). After the replies, which may be that too.
    # Texts in order (the parts of one paste must be joined in the order sent); a file or a photo may be
    # read by OCR for up to a minute: its own task, so others are answered meanwhile.
    app.add_handler(
        MessageHandler(
            filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND,
            importing.on_private_message,
        )
    )
    # A sticker, a GIF, a voice message, a place… (no text to read): told it is left out of a gathering.
    # Before files: a GIF comes with a `document` too.
    app.add_handler(
        MessageHandler(filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & _LEFT_OUT, importing.on_private_message)
    )
    app.add_handler(
        MessageHandler(
            filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & (filters.Document.ALL | filters.PHOTO),
            importing.on_private_message,
            block=False,
        )
    )
    # Last: a command none of the above took gets told what the commands are.
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.COMMAND, fallback.unknown_command))


def command_names() -> list[str]:
    """Every command the bot answers, Vietnamese and English."""
    return [name for names in (*COMMANDS, *SLOW_COMMANDS) for name in names]


def command_list() -> list[tuple[str, str]]:
    return list(COMMAND_DESCRIPTIONS.items())
