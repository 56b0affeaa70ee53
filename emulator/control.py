"""World control operations with JSON arguments and results (the sandbox's HTTP `/_control/<op>`).

Each operation is a World method; here only JSON is turned into its arguments (ids stay ids: the
World accepts them) and results into JSON. Message references are {"chat": id, "message_id": n};
text may be a string or a list of parts, a part being a string or {"text_mention": user_id,
"name": "..."}; file contents travel as base64.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from emulator.entities import TextMention
from emulator.models import JSON, CallbackQuery, Chat, Message, User
from emulator.world import TextParts, World, text_mention


def _parts(world: World, text: Any) -> TextParts:
    if isinstance(text, str):
        return text
    parts: list[str | TextMention] = []
    for part in text:
        if isinstance(part, dict):
            parts.append(text_mention(world.user(part["text_mention"]), part.get("name")))
        else:
            parts.append(str(part))
    return parts


def _send_text(world: World, args: JSON) -> Message:
    return world.send_text(args["user"], args["chat"], _parts(world, args["text"]),
                           reply_to=args.get("reply_to"), as_chat=bool(args.get("as_chat")))


def _send_texts(world: World, args: JSON) -> list[Message]:
    """As send_text, with every message a long text was cut into (as Telegram's apps cut it)."""
    return world.send_texts(args["user"], args["chat"], _parts(world, args["text"]),
                            reply_to=args.get("reply_to"), as_chat=bool(args.get("as_chat")))


def _send_document(world: World, args: JSON) -> Message:
    caption = args.get("caption")
    return world.send_document(args["user"], args["chat"], args["filename"], base64.b64decode(args["data"]),
                               None if caption is None else _parts(world, caption),
                               mime_type=args.get("mime_type"), reply_to=args.get("reply_to"))


def _send_photo(world: World, args: JSON) -> Message:
    caption = args.get("caption")
    return world.send_photo(args["user"], args["chat"], base64.b64decode(args["data"]),
                            None if caption is None else _parts(world, caption), reply_to=args.get("reply_to"))


def _press_button(world: World, args: JSON) -> CallbackQuery:
    return world.press_button(args["user"], (int(args["chat"]), int(args["message_id"])),
                              args.get("callback_data"), text=args.get("text"))


def _state(world: World, args: JSON) -> JSON:
    return {
        "bot": world.bot.to_api(),
        "users": [_user_json(u) for u in world.users.values()],
        "chats": [_chat_json(c) for c in world.chats.values() if c.type != "private"],
        "cursor": world.cursor(),
    }


def _bot_messages(world: World, args: JSON) -> list[Message]:
    return world.bot_messages(args.get("chat"))


def _passthrough(name: str, *keys: str) -> Callable[[World, JSON], Any]:
    def run(world: World, args: JSON) -> Any:
        return getattr(world, name)(**{k: v for k, v in args.items() if k in keys})

    return run


OPERATIONS: dict[str, Callable[[World, JSON], Any]] = {
    "state": _state,
    "add_user": _passthrough("add_user", "first_name", "last_name", "username", "language_code"),
    "add_group": _passthrough("add_group", "title", "creator", "members", "admins", "supergroup",
                              "bot_status", "username"),
    "add_member": _passthrough("add_member", "chat", "user", "by"),
    "remove_member": _passthrough("remove_member", "chat", "user", "by"),
    "promote_admin": _passthrough("promote_admin", "chat", "user", "by"),
    "demote_admin": _passthrough("demote_admin", "chat", "user", "by"),
    "start_private": _passthrough("start_private", "user", "send_start"),
    "block_bot": _passthrough("block_bot", "user"),
    "unblock_bot": _passthrough("unblock_bot", "user", "send_start"),
    "delete_group": _passthrough("delete_group", "chat"),
    "remove_bot": _passthrough("remove_bot", "chat", "by"),
    "add_bot": _passthrough("add_bot", "chat", "by", "as_admin"),
    "migrate_to_supergroup": _passthrough("migrate_to_supergroup", "chat", "by"),
    "send_text": _send_text,
    "send_texts": _send_texts,
    "send_document": _send_document,
    "send_photo": _send_photo,
    "press_button": _press_button,
    "bot_messages": _bot_messages,
}


def run_operation(world: World, op: str, args: JSON) -> Any:
    """Run a control operation; ValueError/KeyError/TypeError mean bad arguments."""
    if op not in OPERATIONS:
        raise ValueError(f"unknown operation {op!r}; known: {sorted(OPERATIONS)}")
    return to_json(OPERATIONS[op](world, args))


def _user_json(user: User) -> JSON:
    return {**user.to_api(), "started": user.started, "blocked": user.blocked}


def _chat_json(chat: Chat) -> JSON:
    return {**chat.to_api(), "members": {str(k): v for k, v in chat.members.items()},
            "bot_status": chat.bot_status, "migrated_to": chat.migrated_to}


def to_json(value: Any) -> Any:
    if isinstance(value, User):
        return _user_json(value)
    if isinstance(value, Chat):
        return _chat_json(value)
    if isinstance(value, Message):
        return value.describe()
    if isinstance(value, CallbackQuery):
        return {"id": value.id, "data": value.data, "answered": value.answered,
                "answer_text": value.answer_text, "show_alert": value.show_alert}
    if isinstance(value, list):
        return [to_json(item) for item in value]
    return value
