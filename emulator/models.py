"""The objects of the emulated Telegram and their Bot API JSON shapes.

Each object knows how Telegram writes it in an update or a method result (`to_api`), so that the
python-telegram-bot classes parse them as they parse Telegram's own answers. Fields that Telegram
does not send (who blocked the bot, what parse mode the bot used) are emulator state, kept here so
that tests can look at them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from emulator.entities import Entity

JSON = dict[str, Any]

# Telegram's service account that "sends" anonymous admins' messages in groups.
GROUP_ANONYMOUS_BOT_ID = 1087968824


@dataclass(eq=False)
class User:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    is_bot: bool = False
    language_code: str | None = "vi"
    # Emulator state: the user's private chat with the bot.
    started: bool = False  # pressed Start (or wrote to the bot) at least once
    blocked: bool = False  # blocked the bot

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name

    def to_api(self) -> JSON:
        data: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code and not self.is_bot:
            data["language_code"] = self.language_code
        return data


@dataclass(eq=False)
class Chat:
    id: int
    type: str  # "private" | "group" | "supergroup"
    title: str | None = None
    username: str | None = None
    user: User | None = None  # the other side of a private chat
    # user id -> "creator" | "administrator" | "member" | "left" | "kicked"
    members: dict[int, str] = field(default_factory=dict)
    bot_status: str = "member"
    migrated_to: int | None = None  # a basic group upgraded to a supergroup
    deleted: bool = False  # the group was deleted by its creator
    # The creator's user id. Telegram keeps the owner's rights for one who leaves and comes back (they
    # are not passed on when the owner leaves): re-added, the owner is "creator" again.
    owner: int | None = None
    next_message_id: int = 1

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")

    def status_of(self, user_id: int) -> str:
        return self.members.get(user_id, "left")

    def is_admin(self, user_id: int) -> bool:
        return self.status_of(user_id) in ("creator", "administrator")

    def is_member(self, user_id: int) -> bool:
        return self.status_of(user_id) in ("creator", "administrator", "member")

    def to_api(self) -> JSON:
        data: JSON = {"id": self.id, "type": self.type}
        if self.user is not None:
            data["first_name"] = self.user.first_name
            if self.user.last_name:
                data["last_name"] = self.user.last_name
            if self.user.username:
                data["username"] = self.user.username
        else:
            data["title"] = self.title
            if self.username:
                data["username"] = self.username
        return data

    def full_info(self) -> JSON:
        """The ChatFullInfo object `getChat` returns."""
        return {
            **self.to_api(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                "premium_subscription": False, "gifts_from_channels": False,
            },
        }


@dataclass(eq=False)
class StoredFile:
    """Bytes someone uploaded: a user's document, or what the bot sent with sendDocument/sendPhoto."""

    file_id: str
    file_unique_id: str
    data: bytes
    filename: str | None
    mime_type: str | None
    file_path: str
    width: int = 0
    height: int = 0

    def document_api(self) -> JSON:
        data: JSON = {"file_id": self.file_id, "file_unique_id": self.file_unique_id,
                      "file_size": len(self.data)}
        if self.filename:
            data["file_name"] = self.filename
        if self.mime_type:
            data["mime_type"] = self.mime_type
        return data

    def photo_api(self) -> list[JSON]:
        return [{"file_id": self.file_id, "file_unique_id": self.file_unique_id,
                 "file_size": len(self.data), "width": self.width, "height": self.height}]

    def file_api(self) -> JSON:
        return {"file_id": self.file_id, "file_unique_id": self.file_unique_id,
                "file_size": len(self.data), "file_path": self.file_path}


@dataclass(eq=False)
class Message:
    message_id: int
    chat: Chat
    date: int
    from_user: User | None = None
    sender_chat: Chat | None = None
    text: str | None = None
    entities: list[Entity] = field(default_factory=list)
    caption: str | None = None
    caption_entities: list[Entity] = field(default_factory=list)
    document: StoredFile | None = None
    photo: StoredFile | None = None
    reply_to: Message | None = None
    reply_markup: JSON | None = None
    new_chat_members: list[User] = field(default_factory=list)
    left_chat_member: User | None = None
    group_chat_created: bool = False
    migrate_to_chat_id: int | None = None
    migrate_from_chat_id: int | None = None
    # Content other than text, a document or a photo, as the Bot API shapes it (World.send_sticker …):
    # {"sticker": {…}}, {"animation": {…}, "document": {…}}, {"voice": {…}}, {"location": {…}}.
    media: JSON | None = None
    edit_date: int | None = None
    # Emulator state, for tests: how the bot asked for this message.
    parse_mode: str | None = None
    source_text: str | None = None  # text or caption exactly as the bot sent it (HTML included)
    disable_notification: bool = False
    link_preview_options: JSON | None = None
    deleted: bool = False

    @property
    def by_bot(self) -> bool:
        return self.from_user is not None and self.from_user.is_bot

    @property
    def plain(self) -> str:
        """What a person reads: the text or caption, markup already rendered away."""
        return self.text if self.text is not None else (self.caption or "")

    @property
    def buttons(self) -> list[list[JSON]]:
        """The inline keyboard's rows (empty without one)."""
        if not self.reply_markup:
            return []
        return self.reply_markup.get("inline_keyboard", [])

    def button_texts(self) -> list[str]:
        return [button["text"] for row in self.buttons for button in row]

    def find_button(self, label: str) -> JSON:
        """The button whose text contains `label` (ValueError when none or several do)."""
        matches = [button for row in self.buttons for button in row if label in button["text"]]
        if len(matches) != 1:
            raise ValueError(f"{len(matches)} buttons match {label!r}; buttons: {self.button_texts()}")
        return matches[0]

    def snapshot(self) -> Message:
        """A copy frozen in time (events keep what a message looked like when it was sent/edited)."""
        return copy.copy(self)

    def to_api(self, *, with_reply: bool = True) -> JSON:
        data: JSON = {"message_id": self.message_id, "date": self.date, "chat": self.chat.to_api()}
        if self.from_user is not None:
            data["from"] = self.from_user.to_api()
        if self.sender_chat is not None:
            data["sender_chat"] = self.sender_chat.to_api()
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if self.text is not None:
            data["text"] = self.text
            if self.entities:
                data["entities"] = copy.deepcopy(self.entities)
        if self.document is not None:
            data["document"] = self.document.document_api()
        if self.photo is not None:
            data["photo"] = self.photo.photo_api()
        if self.media:
            data.update(copy.deepcopy(self.media))
        if self.caption is not None:
            data["caption"] = self.caption
            if self.caption_entities:
                data["caption_entities"] = copy.deepcopy(self.caption_entities)
        if self.reply_to is not None and with_reply:
            data["reply_to_message"] = self.reply_to.to_api(with_reply=False)
        # Telegram shows only an inline keyboard here; a ForceReply or reply keyboard the bot sent
        # is not part of the message as others receive it (PTB fails on one: no inline_keyboard).
        if self.reply_markup is not None and "inline_keyboard" in self.reply_markup:
            data["reply_markup"] = copy.deepcopy(self.reply_markup)
        if self.new_chat_members:
            data["new_chat_members"] = [user.to_api() for user in self.new_chat_members]
            data["new_chat_member"] = self.new_chat_members[0].to_api()
            data["new_chat_participant"] = self.new_chat_members[0].to_api()
        if self.left_chat_member is not None:
            data["left_chat_member"] = self.left_chat_member.to_api()
            data["left_chat_participant"] = self.left_chat_member.to_api()
        if self.group_chat_created:
            data["group_chat_created"] = True
        if self.migrate_to_chat_id is not None:
            data["migrate_to_chat_id"] = self.migrate_to_chat_id
        if self.migrate_from_chat_id is not None:
            data["migrate_from_chat_id"] = self.migrate_from_chat_id
        return data

    def describe(self) -> JSON:
        """The emulator's view for tests and the sandbox UI: the API shape plus how it was sent."""
        return {
            **self.to_api(),
            "plain": self.plain,
            "parse_mode": self.parse_mode,
            "source_text": self.source_text,
            "disable_notification": self.disable_notification,
            "deleted": self.deleted,
            "buttons": copy.deepcopy(self.buttons),
            "force_reply": bool(self.reply_markup and self.reply_markup.get("force_reply")),
        }


@dataclass(eq=False)
class CallbackQuery:
    """A button press and, once the bot answers it, the answer."""

    id: str
    user: User
    message: Message
    data: str
    answered: bool = False
    answer_text: str | None = None
    show_alert: bool = False
    answer_url: str | None = None

    def to_api(self) -> JSON:
        return {
            "id": self.id,
            "from": self.user.to_api(),
            "message": self.message.to_api(),
            "chat_instance": str(abs(self.message.chat.id) * 7919 % 10**12),
            "data": self.data,
        }


@dataclass(frozen=True)
class BotEvent:
    """One thing the bot did to a message: "sent", "edited" or "deleted" (message as it was then)."""

    seq: int
    kind: str
    message: Message

    def describe(self) -> JSON:
        return {"seq": self.seq, "kind": self.kind, "message": self.message.describe()}
