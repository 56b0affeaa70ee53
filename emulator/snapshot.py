"""The emulated Telegram written to JSON and read back: people, chats, every message and file.

The sandbox keeps its conversation beside its database (`nhacviec sandbox --db FILE`), so that a
restart finds the chat as it was left — and, as on Telegram, message ids go on from where they
were (the bot's database refers to them: questions waiting for a reply, import previews).

Only what a conversation is made of is kept: users, chats, messages (with their buttons, replies,
files) and the file counter. Callback queries, updates not yet fetched and the rate counters are
the moment's, not the conversation's.
"""

from __future__ import annotations

import base64
import itertools
from typing import Any

from emulator.models import JSON, Chat, Message, StoredFile, User
from emulator.world import World

FORMAT = 1

_USER_FIELDS = ("id", "first_name", "last_name", "username", "is_bot", "language_code", "started", "blocked")
_CHAT_FIELDS = ("id", "type", "title", "username", "bot_status", "migrated_to", "deleted", "next_message_id")
_FILE_FIELDS = ("file_id", "file_unique_id", "filename", "mime_type", "file_path", "width", "height")
_MESSAGE_FIELDS = (
    "message_id", "date", "text", "entities", "caption", "caption_entities", "reply_markup", "group_chat_created",
    "migrate_to_chat_id", "migrate_from_chat_id", "edit_date", "parse_mode", "source_text", "disable_notification",
    "link_preview_options", "deleted",
)


def _peek(counter: itertools.count[int]) -> tuple[int, itertools.count[int]]:
    value = next(counter)
    return value, itertools.count(value)


def dump(world: World) -> JSON:
    """The conversation as JSON (files base64-encoded)."""
    next_file, world._file_ids = _peek(world._file_ids)
    next_user, world._user_ids = _peek(world._user_ids)
    next_group, world._group_ids = _peek(world._group_ids)
    messages: list[JSON] = []
    for m in world._messages.values():
        data: JSON = {name: getattr(m, name) for name in _MESSAGE_FIELDS}
        data["chat"] = m.chat.id
        data["from"] = m.from_user.id if m.from_user is not None else None
        data["sender_chat"] = m.sender_chat.id if m.sender_chat is not None else None
        data["document"] = m.document.file_id if m.document is not None else None
        data["photo"] = m.photo.file_id if m.photo is not None else None
        data["reply_to"] = [m.reply_to.chat.id, m.reply_to.message_id] if m.reply_to is not None else None
        data["new_chat_members"] = [u.id for u in m.new_chat_members]
        data["left_chat_member"] = m.left_chat_member.id if m.left_chat_member is not None else None
        data["media"] = m.media
        messages.append(data)
    return {
        "format": FORMAT,
        "users": [{name: getattr(u, name) for name in _USER_FIELDS} for u in world.users.values()],
        "chats": [
            {**{name: getattr(c, name) for name in _CHAT_FIELDS},
             "user": c.user.id if c.user is not None else None, "owner": c.owner,
             "members": [[uid, status] for uid, status in c.members.items()]}
            for c in world.chats.values()
        ],
        "files": [
            {**{name: getattr(f, name) for name in _FILE_FIELDS}, "data": base64.b64encode(f.data).decode("ascii")}
            for f in world.files.values()
        ],
        "messages": messages,
        "bot_messages": [[m.chat.id, m.message_id] for m in world._bot_messages],
        "counters": {"file": next_file, "user": next_user, "group": next_group},
    }


def load(world: World, data: JSON) -> None:
    """Puts a dumped conversation into a fresh World (raises ValueError when it is not one)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a sandbox conversation of this version")
    if world.users or world.chats or world._messages:
        raise ValueError("the world is not empty")
    users = {u["id"]: User(**{name: u[name] for name in _USER_FIELDS}) for u in data["users"]}

    def user(uid: Any) -> User | None:
        if uid is None:
            return None
        if uid == world.bot.id:
            return world.bot
        if uid == world.anonymous_admin.id:
            return world.anonymous_admin
        return users[uid]

    chats: dict[int, Chat] = {}
    for c in data["chats"]:
        chat = Chat(**{name: c[name] for name in _CHAT_FIELDS}, user=user(c["user"]))
        chat.members = {int(uid): status for uid, status in c["members"]}
        chat.owner = c.get("owner")  # (a state kept before qa10 has none)
        chats[chat.id] = chat
    files = {
        f["file_id"]: StoredFile(**{name: f[name] for name in _FILE_FIELDS}, data=base64.b64decode(f["data"]))
        for f in data["files"]
    }
    messages: dict[tuple[int, int], Message] = {}
    for m in data["messages"]:
        message = Message(
            **{name: m[name] for name in _MESSAGE_FIELDS},
            chat=chats[m["chat"]],
            from_user=user(m["from"]),
            sender_chat=chats.get(m["sender_chat"]) if m["sender_chat"] is not None else None,
            document=files.get(m["document"]) if m["document"] is not None else None,
            photo=files.get(m["photo"]) if m["photo"] is not None else None,
            new_chat_members=[u for u in (user(uid) for uid in m["new_chat_members"]) if u is not None],
            left_chat_member=user(m["left_chat_member"]),
            media=m.get("media"),  # (absent from snapshots written before stickers were sent)
        )
        messages[(message.chat.id, message.message_id)] = message
    for m in data["messages"]:  # replies point at messages kept before them
        if m["reply_to"] is not None:
            messages[(m["chat"], m["message_id"])].reply_to = messages.get((m["reply_to"][0], m["reply_to"][1]))
    world.users.update(users)
    world.chats.update(chats)
    world.files.update(files)
    world._messages.update(messages)
    world._bot_messages.extend(messages[(cid, mid)] for cid, mid in data["bot_messages"] if (cid, mid) in messages)
    counters = data["counters"]
    world._file_ids = itertools.count(int(counters["file"]))
    world._user_ids = itertools.count(int(counters["user"]))
    world._group_ids = itertools.count(int(counters["group"]))
    world.changed()
