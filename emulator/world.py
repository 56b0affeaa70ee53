"""The emulated Telegram: people, chats, messages, the bot's update queue — plain Python.

Tests (and the sandbox, through `emulator.control`) act as the people: they add users and groups,
write messages, press buttons, block the bot, upgrade a group. Each action produces the updates
Telegram would send the bot. The server (`emulator.server`) serves those updates to the bot and
turns its Bot API calls into changes here (`emulator.methods`); everything the bot sent, edited or
deleted is recorded as a BotEvent, and `wait_for` / `wait_idle` let a test wait for the bot
without sleeping.

Arguments that name a user, chat or message accept the object or its id, so that every control
operation can also be called with JSON values.
"""

from __future__ import annotations

import asyncio
import itertools
import mimetypes
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from emulator.entities import (
    MAX_TEXT_UTF16,
    Entity,
    TextMention,
    compose,
    detect_entities,
    sort_entities,
    split_for_sending,
    utf16_len,
)
from emulator.models import (
    GROUP_ANONYMOUS_BOT_ID,
    JSON,
    BotEvent,
    CallbackQuery,
    Chat,
    Message,
    StoredFile,
    User,
)

DEFAULT_TOKEN = "5000000001:AAEmulatorTokenForTestsOnly_nhacviec"
# How long a wait below lasts at most when the caller names no limit: a ceiling for a loaded, shared CI
# machine, not a time anything is expected to take — every wait returns as soon as its condition holds.
# (5 s was reached by a chart drawn in a worker thread at load 11; only a failing test waits this long.)
WAIT_CEILING = 60.0

# The update types Telegram sends when the bot has not asked for specific ones.
DEFAULT_ALLOWED_UPDATES = frozenset(
    {"message", "edited_message", "channel_post", "edited_channel_post", "inline_query",
     "chosen_inline_result", "callback_query", "shipping_query", "pre_checkout_query", "poll",
     "poll_answer", "my_chat_member", "chat_join_request"}
)

UserRef = User | int
ChatRef = Chat | User | int
TextParts = str | Sequence[str | TextMention]
# A message: ours, a PTB Message (duck-typed: .chat.id and .message_id) or (chat_id, message_id).
MessageRef = Any


class Clock(Protocol):
    def now(self) -> Any:  # an aware datetime (bot.clock.Clock)
        ...


class Conflict(Exception):
    """Another getUpdates request took over (Telegram answers 409 to the older one)."""


@dataclass(frozen=True)
class SendRecord:
    """One message the bot sent: `at` on Telegram's monotonic clock (rates), `date` on the world's
    clock (unix time: with the bot's ManualClock as world clock, "was it sent at 08:00?")."""

    method: str
    chat_id: int
    at: float
    date: int


class World:
    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "NhacViecTestBot",
        bot_name: str = "Nhắc việc",
        privacy_mode: bool = True,
        clock: Clock | None = None,
        strict_ampersand: bool = True,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.bot = User(id=int(token.split(":", 1)[0]), first_name=bot_name, username=bot_username,
                        is_bot=True, language_code=None)
        self.anonymous_admin = User(id=GROUP_ANONYMOUS_BOT_ID, first_name="Group",
                                    username="GroupAnonymousBot", is_bot=True, language_code=None)
        # Privacy mode (Telegram's default): in groups where it is not an admin the bot only gets
        # commands, replies to its messages, mentions of it and service messages.
        self.privacy_mode = privacy_mode
        self.clock = clock  # message dates; None: the real time
        self.strict_ampersand = strict_ampersand
        self.monotonic = monotonic

        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, StoredFile] = {}
        self.callback_queries: dict[str, CallbackQuery] = {}
        self.commands: dict[str, list[JSON]] = {}  # scope+language key -> BotCommand list
        self.menu_button: JSON = {"type": "default"}  # setChatMenuButton (the bot's default one)
        self.webhook_url: str = ""
        self.webhook_secret: str = ""  # setWebhook's secret_token, sent back in every push
        self.allow_http_webhook = False  # Telegram wants HTTPS; local tests push to http://127.0.0.1
        self.webhook_pushes = 0  # updates delivered by webhook (the bot answered 200)
        self.webhook_refusals: list[int] = []  # HTTP statuses of refused pushes (retried, as Telegram does)
        self.allowed_updates: frozenset[str] = DEFAULT_ALLOWED_UPDATES
        self.events: list[BotEvent] = []

        # Counters a test can assert on.
        self.calls: Counter[str] = Counter()  # Bot API method -> calls (as the client spelled it)
        self.too_many_requests = 0  # 429s answered (flood limits and injected faults)
        self.member_lookups: Counter[int] = Counter()  # getChatMember answered, by the user asked about
        # Calls Telegram refused on their merits (method, status, description); injected faults not
        # included. An edit refused here is a bug the e2e harness reports (tests/e2e/conftest.py).
        self.refused: list[tuple[str, int, str]] = []
        self.send_log: list[SendRecord] = []

        self._messages: dict[tuple[int, int], Message] = {}
        self._bot_messages: list[Message] = []
        self._updates: list[tuple[int, str, JSON]] = []
        self._update_ids = itertools.count(700_000_001)
        self._user_ids = itertools.count(200_000_001)
        self._group_ids = itertools.count(4_000_000_001)
        self._channel_ids = itertools.count(2_000_000_001)
        self._file_ids = itertools.count(1)
        self._query_ids = itertools.count(4_382_000_000_000_001)
        self._poller: object | None = None
        self._in_flight = 0
        self._activity = 0
        self._waiters: set[asyncio.Future[None]] = set()
        self._closed = False
        self._action_cursor = 0

    # ------------------------------------------------------------------------------ lookups

    def now(self) -> int:
        """Unix time for message dates."""
        return int(self.clock.now().timestamp()) if self.clock is not None else int(time.time())

    def user(self, ref: UserRef) -> User:
        if isinstance(ref, User):
            return ref
        if ref == self.bot.id:
            return self.bot
        try:
            return self.users[int(ref)]
        except KeyError:
            raise ValueError(f"no user {ref}") from None

    def chat(self, ref: ChatRef) -> Chat:
        """A chat by object or id; a User (or a user id) means that user's private chat."""
        if isinstance(ref, Chat):
            return ref
        if isinstance(ref, User):
            ref = ref.id
        chat = self.chats.get(int(ref))
        if chat is None:
            raise ValueError(f"no chat {ref}")
        return chat

    def find_chat(self, chat_id: int | str) -> Chat | None:
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            name = chat_id[1:].lower()
            return next((c for c in self.chats.values() if (c.username or "").lower() == name), None)
        return self.chats.get(int(chat_id))

    def message(self, chat: ChatRef, message_id: int) -> Message:
        found = self._messages.get((self.chat(chat).id, int(message_id)))
        if found is None:
            raise ValueError(f"no message {message_id} in chat {self.chat(chat).id}")
        return found

    def find_message(self, chat_id: int, message_id: int) -> Message | None:
        return self._messages.get((chat_id, message_id))

    def private_chat(self, user: UserRef) -> Chat:
        return self.chat(self.user(user).id)

    # --------------------------------------------------------------------------- people, groups

    def add_user(self, first_name: str, last_name: str | None = None, username: str | None = None,
                 *, language_code: str | None = "vi") -> User:
        if username is not None and not _valid_username(username):
            raise ValueError(f"usernames are 5-32 of [A-Za-z0-9_], starting with a letter: {username!r}")
        user = User(id=next(self._user_ids), first_name=first_name, last_name=last_name,
                    username=username, language_code=language_code)
        self.users[user.id] = user
        self.chats[user.id] = Chat(id=user.id, type="private", user=user, members={user.id: "member"})
        return user

    def add_group(self, title: str, creator: UserRef, members: Sequence[UserRef] = (),
                  admins: Sequence[UserRef] = (), *, supergroup: bool = False,
                  bot_status: str | None = "member", username: str | None = None) -> Chat:
        """A group that already exists; the bot is in it with `bot_status` (None: not in it)."""
        chat_id = -(10**12 + next(self._channel_ids)) if supergroup else -next(self._group_ids)
        chat = Chat(id=chat_id, type="supergroup" if supergroup else "group", title=title,
                    username=username, bot_status=bot_status or "left")
        chat.members[self.user(creator).id] = "creator"
        chat.owner = self.user(creator).id
        for member in members:
            chat.members.setdefault(self.user(member).id, "member")
        for admin in admins:
            if chat.members.get(self.user(admin).id) != "creator":
                chat.members[self.user(admin).id] = "administrator"
        self.chats[chat.id] = chat
        return chat

    def add_member(self, chat: ChatRef, user: UserRef, by: UserRef | None = None) -> Message:
        """`user` joins (or is added by `by`): the "new_chat_members" service message."""
        chat_, user_ = self._open_group(chat), self.user(user)
        old = chat_.status_of(user_.id)
        chat_.members[user_.id] = "creator" if user_.id == chat_.owner else "member"
        actor = self.user(by) if by is not None else user_
        self._chat_member_update(chat_, user_, actor, old)
        return self._user_message(chat_, actor, new_chat_members=[user_])

    def remove_member(self, chat: ChatRef, user: UserRef, by: UserRef | None = None) -> Message:
        chat_, user_ = self._open_group(chat), self.user(user)
        old = chat_.status_of(user_.id)
        chat_.members[user_.id] = "left" if by is None else "kicked"
        actor = self.user(by) if by is not None else user_
        self._chat_member_update(chat_, user_, actor, old)
        return self._user_message(chat_, actor, left_chat_member=user_)

    def leave_unheard(self, chat: ChatRef, user: UserRef) -> None:
        """`user` leaves, and no «X left» message reaches the bot: the group hides join and leave messages, or
        one was deleted before the bot read it. Only an admin bot that asked for chat_member updates hears."""
        chat_, user_ = self._open_group(chat), self.user(user)
        old = chat_.status_of(user_.id)
        chat_.members[user_.id] = "left"
        self._chat_member_update(chat_, user_, user_, old)
        self._mark_action()

    def promote_admin(self, chat: ChatRef, user: UserRef, by: UserRef | None = None) -> None:
        chat_, user_ = self._open_group(chat), self.user(user)
        old = chat_.status_of(user_.id)
        chat_.members[user_.id] = "administrator"
        actor = self.user(by) if by is not None else self._creator(chat_)
        self._chat_member_update(chat_, user_, actor, old)
        self._mark_action()

    def demote_admin(self, chat: ChatRef, user: UserRef, by: UserRef | None = None) -> None:
        """An administrator becomes an ordinary member again. Telegram posts no service message:
        only an admin bot that asked for chat_member updates hears of it; any other bot finds out by
        asking getChatMember."""
        chat_, user_ = self._open_group(chat), self.user(user)
        old = chat_.status_of(user_.id)
        if old != "administrator":
            raise ValueError(f"{user_.full_name} is not an administrator of {chat_.title} ({old})")
        chat_.members[user_.id] = "member"
        actor = self.user(by) if by is not None else self._creator(chat_)
        self._chat_member_update(chat_, user_, actor, old)
        self._mark_action()

    def start_private(self, user: UserRef, send_start: bool = True) -> Message | None:
        """The user opens the private chat with the bot: sends "/start" (or just opens it)."""
        user_ = self.user(user)
        if not send_start:
            self._reopen_private(user_)
            user_.started = True
            self._mark_action()
            return None
        return self.send_text(user_, user_, "/start")

    def block_bot(self, user: UserRef) -> None:
        user_ = self.user(user)
        if user_.blocked:
            return
        user_.blocked = True
        chat = self.private_chat(user_)
        self._my_chat_member(chat, user_, "member", "kicked")
        self._mark_action()

    def unblock_bot(self, user: UserRef, send_start: bool = False) -> Message | None:
        """The user unblocks the bot ("Unblock"; with `send_start`, "Restart", which also sends /start):
        Telegram tells the bot with my_chat_member (kicked -> member) in the private chat."""
        user_ = self.user(user)
        if send_start:
            return self.send_text(user_, user_, "/start")  # writing reopens the chat (_reopen_private)
        self._reopen_private(user_)
        self._mark_action()
        return None

    def delete_group(self, chat: ChatRef) -> None:
        """The creator deletes the group: the bot is out of it (my_chat_member: left) and anything it
        sends there afterwards is refused (403 "the group chat was deleted")."""
        chat_ = self._open_group(chat)
        old = chat_.bot_status
        chat_.bot_status = "left"
        chat_.deleted = True
        self._my_chat_member(chat_, self._creator(chat_), old, "left")
        self._mark_action()

    def remove_bot(self, chat: ChatRef, by: UserRef | None = None) -> None:
        """An admin removes the bot from the group (Telegram sends my_chat_member: kicked)."""
        chat_ = self._open_group(chat)
        old = chat_.bot_status
        chat_.bot_status = "kicked"
        self._my_chat_member(chat_, self.user(by) if by is not None else self._creator(chat_), old, "kicked")
        self._mark_action()

    def add_bot(self, chat: ChatRef, by: UserRef, *, as_admin: bool = False) -> Message:
        """`by` adds the bot to the group: my_chat_member, then the "new_chat_members" message."""
        chat_, actor = self._open_group(chat), self.user(by)
        old = chat_.bot_status
        chat_.bot_status = "administrator" if as_admin else "member"
        self._my_chat_member(chat_, actor, old, chat_.bot_status)
        return self._user_message(chat_, actor, new_chat_members=[self.bot])

    def migrate_to_supergroup(self, chat: ChatRef, by: UserRef | None = None, *,
                              bot_joins: str | None = None) -> Chat:
        """Upgrade a basic group: a new -100… id; the old id stops working, as on Telegram.

        Telegram also tells the bot it joined the supergroup (my_chat_member, left → its status;
        tdlib/telegram-bot-api#266), in no documented order with the two service messages:
        `bot_joins` "first" sends it before them, "between" after the old group's message."""
        old = self._open_group(chat)
        if old.type != "group":
            raise ValueError("only a basic group can be upgraded")
        actor = self.user(by) if by is not None else self._creator(old)
        new = Chat(id=-(10**12 + next(self._channel_ids)), type="supergroup", title=old.title,
                   members=dict(old.members), bot_status=old.bot_status, owner=old.owner)
        self.chats[new.id] = new
        if bot_joins == "first":
            self._my_chat_member(new, actor, "left", new.bot_status)
        self._user_message(old, actor, migrate_to_chat_id=new.id)
        old.migrated_to = new.id
        if bot_joins == "between":
            self._my_chat_member(new, actor, "left", new.bot_status)
        self._user_message(new, actor, migrate_from_chat_id=old.id, sender_chat=new)
        return new

    # ------------------------------------------------------------------------------ user messages

    def send_text(self, user: UserRef, chat: ChatRef, text: TextParts, *,
                  reply_to: MessageRef | int | None = None, entities: Sequence[Entity] | None = None,
                  as_chat: bool = False) -> Message:
        """`user` writes `text` in `chat` (a group, or the user's own private chat with the bot).

        Bot commands and @mentions get their entities as Telegram's apps attach them; parts made
        with `text_mention(user, name)` become text_mention entities; `entities` adds any others.
        `as_chat=True`: an anonymous admin posting as the group (from = GroupAnonymousBot).
        """
        return self.send_texts(user, chat, text, reply_to=reply_to, entities=entities, as_chat=as_chat)[0]

    def send_texts(self, user: UserRef, chat: ChatRef, text: TextParts, *,
                   reply_to: MessageRef | int | None = None, entities: Sequence[Entity] | None = None,
                   as_chat: bool = False) -> list[Message]:
        """`send_text`, returning every message sent: a text longer than Telegram's 4096 UTF-16 units
        is cut by the user's app into several messages (`split_for_sending`: at a line break or a space
        when possible), each its own update; a command, its entities and the reply are in the first only.
        With privacy mode a group bot therefore sees only the first part of a long `/nhap ...`."""
        user_, chat_ = self.user(user), self._writable_chat(user, chat)
        plain, mentions = compose(text)
        sender, sender_chat = user_, None
        if as_chat:
            if not chat_.is_admin(user_.id):
                raise ValueError("only an administrator can post as the group")
            sender, sender_chat = self.anonymous_admin, chat_
        target = self._reply_target(chat_, reply_to)
        sent = []
        given = [*mentions, *(entities or [])]
        # Short texts go as typed (the emulator has always kept their whitespace); long ones are cut.
        chunks = split_for_sending(plain, given) if utf16_len(plain) > MAX_TEXT_UTF16 else [(plain, given)]
        for part, part_entities in chunks:
            all_entities = sort_entities([*detect_entities(part), *part_entities])
            sent.append(self._user_message(chat_, sender, text=part, entities=all_entities,
                                           reply_to=target if not sent else None, sender_chat=sender_chat))
        return sent

    def edit_text(self, user: UserRef, message: MessageRef, text: TextParts) -> Message:
        """The user edits their message: an `edited_message` update."""
        live = self._live_message(message)
        if live.from_user is not self.user(user):
            raise ValueError("a user can only edit their own messages")
        plain, mentions = compose(text)
        live.text = plain
        live.entities = sort_entities([*detect_entities(plain), *mentions])
        live.edit_date = self.now()
        if self._bot_sees(live):
            self._push_update("edited_message", live.to_api())
        self._mark_action()
        return live

    def edit_caption(self, user: UserRef, message: MessageRef, caption: TextParts) -> Message:
        """The user edits the caption of their file or photo: an `edited_message` update carrying the
        same file and the new caption (Telegram lets a caption be edited for 48 hours)."""
        live = self._live_message(message)
        if live.from_user is not self.user(user):
            raise ValueError("a user can only edit their own messages")
        plain, mentions = compose(caption)
        live.caption = plain
        live.caption_entities = sort_entities([*detect_entities(plain), *mentions])
        live.edit_date = self.now()
        if self._bot_sees(live):
            self._push_update("edited_message", live.to_api())
        self._mark_action()
        return live

    def send_document(self, user: UserRef, chat: ChatRef, filename: str, data: bytes,
                      caption: TextParts | None = None, *, mime_type: str | None = None,
                      reply_to: MessageRef | int | None = None) -> Message:
        user_, chat_ = self.user(user), self._writable_chat(user, chat)
        stored = self.store_file(data, filename=filename, mime_type=mime_type or _guess_mime(filename))
        return self._captioned_message(chat_, user_, reply_to, caption, document=stored)

    def send_photo(self, user: UserRef, chat: ChatRef, data: bytes, caption: TextParts | None = None, *,
                   reply_to: MessageRef | int | None = None) -> Message:
        """`user` sends a picture as a photo (not as a file): the update carries `photo` sizes, no
        file name. (Telegram would recompress it to a JPEG of at most 1280 pixels; tests send that.)"""
        from emulator.methods import _image_size  # methods imports this module

        user_, chat_ = self.user(user), self._writable_chat(user, chat)
        width, height = _image_size(data)
        stored = self.store_file(data, filename=None, mime_type="image/jpeg", kind="photo", width=width,
                                 height=height)
        return self._captioned_message(chat_, user_, reply_to, caption, photo=stored)

    # ------------------------------------------------------------------ stickers, GIFs, voice, places
    # What people also send while a bot waits for text; shaped as the Bot API delivers them.

    def send_sticker(self, user: UserRef, chat: ChatRef, emoji: str = "👍", *, set_name: str = "HotCherry",
                     animated: bool = False, reply_to: MessageRef | int | None = None) -> Message:
        """A sticker: `sticker` (a Sticker: type, size, the emoji it stands for, its set), no text."""
        stored = self.store_file(b"RIFF\x00\x00\x00\x00WEBPVP8 ", filename=None, mime_type=None, kind="sticker",
                                 width=512, height=512)
        sticker: JSON = {
            "file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "type": "regular",
            "width": 512, "height": 512, "is_animated": animated, "is_video": False, "emoji": emoji,
            "set_name": set_name, "file_size": len(stored.data),
        }
        return self._media_message(user, chat, {"sticker": sticker}, reply_to)

    def send_animation(self, user: UserRef, chat: ChatRef, *, file_name: str = "ok.gif.mp4",
                       caption: TextParts | None = None, reply_to: MessageRef | int | None = None) -> Message:
        """A GIF: Telegram sends it as an MPEG-4 `animation` and, for older clients, as a `document` too."""
        stored = self.store_file(b"\x00\x00\x00\x18ftypmp42", filename=file_name, mime_type="video/mp4",
                                 kind="animation", width=320, height=240)
        animation: JSON = {**stored.document_api(), "width": 320, "height": 240, "duration": 2}
        return self._media_message(user, chat, {"animation": animation, "document": stored.document_api()},
                                   reply_to, caption)

    def send_voice(self, user: UserRef, chat: ChatRef, seconds: int = 4, *,
                   reply_to: MessageRef | int | None = None) -> Message:
        """A voice message: `voice` (an OGG/Opus recording and its length)."""
        stored = self.store_file(b"OggS\x00\x02", filename=None, mime_type="audio/ogg", kind="voice")
        voice: JSON = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "duration": seconds,
                       "mime_type": "audio/ogg", "file_size": len(stored.data)}
        return self._media_message(user, chat, {"voice": voice}, reply_to)

    def send_location(self, user: UserRef, chat: ChatRef, latitude: float = 21.0285, longitude: float = 105.8542,
                      *, reply_to: MessageRef | int | None = None) -> Message:
        """A shared place: `location` (latitude, longitude), no text."""
        return self._media_message(user, chat, {"location": {"latitude": latitude, "longitude": longitude}},
                                   reply_to)

    def _media_message(self, user: UserRef, chat: ChatRef, media: JSON, reply_to: MessageRef | int | None,
                       caption: TextParts | None = None) -> Message:
        user_, chat_ = self.user(user), self._writable_chat(user, chat)
        return self._captioned_message(chat_, user_, reply_to, caption, media=media)

    def _captioned_message(self, chat: Chat, sender: User, reply_to: MessageRef | int | None,
                           caption: TextParts | None, **fields: Any) -> Message:
        """A user's message carrying a file or media (`fields`), and its caption with the entities
        Telegram detects in it."""
        fields["reply_to"] = self._reply_target(chat, reply_to)
        if caption is not None:
            plain, mentions = compose(caption)
            fields["caption"] = plain
            fields["caption_entities"] = sort_entities([*detect_entities(plain), *mentions])
        return self._user_message(chat, sender, **fields)

    def press_button(self, user: UserRef, message: MessageRef, callback_data: str | None = None, *,
                     text: str | None = None) -> CallbackQuery:
        """`user` presses an inline button of a bot message (by its callback data or its label).

        `message`: ours, a PTB Message (anything with .chat.id and .message_id) or (chat_id, message_id).
        """
        user_ = self.user(user)
        live = self._live_message(message)
        if live.deleted:
            raise ValueError("the message was deleted")
        if not (live.chat.is_member(user_.id) or live.chat.id == user_.id):
            raise ValueError("the user cannot see this chat")
        if text is not None:
            callback_data = live.find_button(text).get("callback_data")
        datas = [b.get("callback_data") for row in live.buttons for b in row]
        if callback_data is None or callback_data not in datas:
            raise ValueError(f"no button with callback data {callback_data!r}; buttons: {live.buttons}")
        query = CallbackQuery(id=str(next(self._query_ids)), user=user_, message=live, data=callback_data)
        self.callback_queries[query.id] = query
        self._push_update("callback_query", query.to_api())
        self._mark_action()
        return query

    def press_forged(self, user: UserRef, message: MessageRef, callback_data: str) -> CallbackQuery:
        """A callback query with any data on a message the user can see, as a modified client (or
        a stale button after the bot changed its format) can send: for hostile-input tests."""
        user_ = self.user(user)
        live = self._live_message(message)
        query = CallbackQuery(id=str(next(self._query_ids)), user=user_, message=live, data=callback_data)
        self.callback_queries[query.id] = query
        self._push_update("callback_query", query.to_api())
        self._mark_action()
        return query

    # ----------------------------------------------------------------------------- bot's records

    def bot_messages(self, chat: ChatRef | None = None, *, include_deleted: bool = True) -> list[Message]:
        """Messages the bot sent, in order, as they are now (edits applied, `deleted` flagged)."""
        chat_id = None if chat is None else self.chat(chat).id
        return [m for m in self._bot_messages
                if (chat_id is None or m.chat.id == chat_id) and (include_deleted or not m.deleted)]

    def last_bot_message(self, chat: ChatRef | None = None) -> Message | None:
        found = self.bot_messages(chat, include_deleted=False)
        return found[-1] if found else None

    def cursor(self) -> int:
        """A position in the event log: pass it as `since` to wait only for later events."""
        return len(self.events)

    def sends_to(self, chat: ChatRef) -> list[SendRecord]:
        chat_id = self.chat(chat).id
        return [record for record in self.send_log if record.chat_id == chat_id]

    def pending_updates(self) -> int:
        """Updates the bot has not confirmed yet."""
        return len(self._deliverable())

    def history(self, chat: ChatRef) -> list[Message]:
        """Every message of a chat, people's and the bot's, in order (the sandbox page shows them)."""
        chat_id = self.chat(chat).id
        return [m for (cid, _), m in self._messages.items() if cid == chat_id]

    @property
    def revision(self) -> int:
        """Grows whenever something happened (a message, an edit, a call): the sandbox page's cue."""
        return self._activity

    def next_update(self) -> JSON | None:
        """The oldest update not yet confirmed (the webhook pusher's next one), as sent to the bot."""
        pending = self._deliverable()
        if not pending:
            return None
        update_id, kind, payload = pending[0]
        return {"update_id": update_id, kind: payload}

    def confirm_update(self, update_id: int) -> None:
        """The bot took this update (webhook answered 200): Telegram forgets it."""
        self._updates = [u for u in self._updates if u[0] != update_id]
        self._touch()

    async def wait_for_webhook_update(self) -> bool:
        """Until a webhook is set and an update waits for it: True; False once the world closes."""
        while not (self.webhook_url and self._deliverable()) and not self._closed:
            await self._changed()
        return not self._closed

    # ------------------------------------------------------------------------------ waiting

    # The `timeout` parameters below are the API the tests read best (ASYNC109 prefers a caller's
    # asyncio.timeout; here the deadline belongs to the wait itself and shapes its error message).
    async def wait_until(self, condition: Callable[[], bool], timeout: float = WAIT_CEILING) -> None:  # noqa: ASYNC109
        """Return as soon as `condition()` holds; it is re-checked whenever the world changes."""
        async with asyncio.timeout(timeout):
            while not condition():
                await self._changed()

    async def wait_for(self, predicate: Callable[[Message], bool] | None = None,
                       timeout: float = WAIT_CEILING, *,  # noqa: ASYNC109
                       chat: ChatRef | None = None, since: int | None = None,
                       kinds: Sequence[str] = ("sent", "edited")) -> Message:
        """The first bot message (as sent or edited) matching `predicate`, as soon as it exists.

        Looks at events from `since` (a `cursor()`), by default from the last user action
        (send_text, press_button, add_bot...), so "the reply to what the user just did" is found
        even when the bot answered before the test started waiting.
        """
        chat_id = None if chat is None else self.chat(chat).id
        position = self._action_cursor if since is None else since

        def find() -> Message | None:
            nonlocal position
            for event in self.events[position:]:
                if event.kind in kinds and (chat_id is None or event.message.chat.id == chat_id) and (
                        predicate is None or predicate(event.message)):
                    return event.message
            position = len(self.events)
            return None

        start = position
        try:
            async with asyncio.timeout(timeout):
                while (found := find()) is None:
                    await self._changed()
                return found
        except TimeoutError:
            seen = [f"{e.kind} {e.message.chat.id}: {e.message.plain[:80]!r}" for e in self.events[start:]]
            raise TimeoutError(f"no matching bot message in {timeout}s; bot events since: {seen}") from None

    async def wait_idle(self, timeout: float = WAIT_CEILING, *,  # noqa: ASYNC109
                        update_queue: asyncio.Queue[Any] | None = None, settle: float = 0.05) -> None:
        """Wait until the bot has confirmed every update, no call is in flight and nothing moved
        for `settle` seconds. Pass the Application's `update_queue` to also wait until its handlers
        have finished (then `settle` only covers work a handler starts in the background)."""

        def quiet() -> bool:
            return not self._deliverable() and self._in_flight == 0

        try:
            async with asyncio.timeout(timeout):
                while True:
                    await self.wait_until(quiet, timeout)
                    if update_queue is not None:
                        await update_queue.join()
                    mark = self._activity
                    await asyncio.sleep(settle)
                    if self._activity == mark and quiet():
                        return
        except TimeoutError:
            raise TimeoutError(f"bot not idle after {timeout}s: {len(self._deliverable())} updates "
                               f"unconfirmed, {self._in_flight} calls in flight") from None

    # -------------------------------------------------------------------- server-facing operations

    def request_started(self, method: str, counts_as_work: bool = True) -> None:
        self.calls[method] += 1
        if counts_as_work:
            self._in_flight += 1
        # A long poll arriving is not activity (wait_idle would never settle), but wakes waiters.
        self._touch(activity=counts_as_work)

    def request_finished(self, counts_as_work: bool = True) -> None:
        if counts_as_work:
            self._in_flight -= 1
            self._touch()

    async def get_updates(self, offset: int | None, limit: int, poll_seconds: float,
                          allowed_updates: Sequence[str] | None) -> list[JSON]:
        """getUpdates: confirm what is below `offset`, then wait up to `poll_seconds` for updates."""
        if allowed_updates is not None:
            self.allowed_updates = frozenset(allowed_updates) or DEFAULT_ALLOWED_UPDATES
        self._confirm(offset)
        # Telegram does not keep updates of types the bot did not ask for.
        self._updates = self._deliverable()
        ticket = object()
        if self._poller is not None:
            self._touch()  # wakes the older poll, which then answers 409
        self._poller = ticket
        try:
            async with asyncio.timeout(max(poll_seconds, 0.0)):
                while not self._deliverable() and not self._closed:
                    await self._changed()
                    if self._poller is not ticket:
                        raise Conflict
        except TimeoutError:
            pass
        finally:
            if self._poller is ticket:
                self._poller = None
        batch = self._deliverable()[: max(limit, 1)]
        return [{"update_id": update_id, kind: payload} for update_id, kind, payload in batch]

    def drop_pending_updates(self) -> None:
        self._updates.clear()
        self._touch()

    def changed(self) -> None:
        """Tell waiters that something they may wait on changed (e.g. a callback query answer)."""
        self._touch()

    def close(self) -> None:
        """Wake every waiter (the server is stopping): long polls answer at once."""
        self._closed = True
        self._touch()

    def new_message(self, chat: Chat, **fields: Any) -> Message:
        message = Message(message_id=chat.next_message_id, chat=chat, date=self.now(), **fields)
        chat.next_message_id += 1
        self._messages[(chat.id, message.message_id)] = message
        return message

    def record(self, kind: str, message: Message) -> None:
        """Log what the bot did ("sent", "edited", "deleted")."""
        if kind == "sent":
            self._bot_messages.append(message)
        self.events.append(BotEvent(seq=len(self.events), kind=kind, message=message.snapshot()))
        self._touch()

    def store_file(self, data: bytes, *, filename: str | None, mime_type: str | None,
                   kind: str = "document", width: int = 0, height: int = 0) -> StoredFile:
        number = next(self._file_ids)
        # Telegram's file ids start with the kind: photo, sticker, GIF, voice, else a document.
        prefix = {"photo": "AgAC", "sticker": "CAAC", "animation": "CgAC", "voice": "AwAC"}.get(kind, "BQAC")
        extension = filename.rsplit(".", 1)[-1] if filename and "." in filename else (
            {"photo": "jpg", "sticker": "webp", "voice": "oga"}.get(kind, "bin"))
        stored = StoredFile(file_id=f"{prefix}AgIAAxkBAAE{number:010d}", file_unique_id=f"AQAD{number:08d}",
                            data=data, filename=filename, mime_type=mime_type,
                            file_path=f"{kind}s/file_{number}.{extension}", width=width, height=height)
        self.files[stored.file_id] = stored
        return stored

    def file_by_path(self, path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.file_path == path), None)

    def bot_left(self, chat: Chat) -> None:
        """leaveChat: the bot leaves; Telegram tells it with my_chat_member."""
        old = chat.bot_status
        chat.bot_status = "left"
        self._my_chat_member(chat, self.bot, old, "left")

    def chat_member_api(self, chat: Chat, user: User) -> JSON:
        if user is self.bot:
            status = chat.bot_status
        elif chat.type == "private":
            status = "member"
        else:
            status = chat.status_of(user.id)
        return _member_api(user, status)

    # ------------------------------------------------------------------------------- internals

    def _touch(self, activity: bool = True) -> None:
        if activity:
            self._activity += 1
        waiters, self._waiters = self._waiters, set()
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def _changed(self) -> None:
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            await waiter
        finally:
            self._waiters.discard(waiter)

    def _mark_action(self) -> None:
        self._action_cursor = len(self.events)

    def _push_update(self, kind: str, payload: JSON) -> None:
        self._updates.append((next(self._update_ids), kind, payload))
        self._touch()

    def _deliverable(self) -> list[tuple[int, str, JSON]]:
        return [u for u in self._updates if u[1] in self.allowed_updates]

    def _confirm(self, offset: int | None) -> None:
        if offset is None or not self._updates:
            return
        before = len(self._updates)
        if offset < 0:
            self._updates = self._updates[offset:]
        else:
            self._updates = [u for u in self._updates if u[0] >= offset]
        if len(self._updates) != before:
            self._touch()

    def _creator(self, chat: Chat) -> User:
        creator = next(uid for uid, status in chat.members.items() if status == "creator")
        return self.user(creator)

    def _open_group(self, chat: ChatRef) -> Chat:
        chat_ = self.chat(chat)
        if not chat_.is_group:
            raise ValueError(f"chat {chat_.id} is not a group")
        if chat_.migrated_to is not None:
            raise ValueError(f"group {chat_.id} was upgraded to supergroup {chat_.migrated_to}")
        if chat_.deleted:
            raise ValueError(f"group {chat_.id} was deleted")
        return chat_

    def _writable_chat(self, user: UserRef, chat: ChatRef) -> Chat:
        user_, chat_ = self.user(user), self.chat(chat)
        if chat_.type == "private":
            if chat_.id != user_.id:
                raise ValueError("a user writes to the bot in their own private chat")
            self._reopen_private(user_)
            user_.started = True
            return chat_
        chat_ = self._open_group(chat_)
        if not chat_.is_member(user_.id):
            raise ValueError(f"{user_.full_name} is not a member of {chat_.title}")
        return chat_

    def _reopen_private(self, user: User) -> None:
        """Writing to a bot one blocked means pressing "Restart": the bot learns it is unblocked."""
        if user.blocked:
            user.blocked = False
            self._my_chat_member(self.private_chat(user), user, "kicked", "member")

    def _live_message(self, ref: MessageRef) -> Message:
        if isinstance(ref, tuple):
            return self.message(ref[0], ref[1])
        return self.message(int(ref.chat.id), int(ref.message_id))

    def _reply_target(self, chat: Chat, reply_to: MessageRef | int | None) -> Message | None:
        if reply_to is None:
            return None
        if isinstance(reply_to, int):
            return self.message(chat, reply_to)
        target = self._live_message(reply_to)
        if target.chat is not chat:
            raise ValueError("a reply must be in the same chat")
        return target

    def _user_message(self, chat: Chat, sender: User, **fields: Any) -> Message:
        message = self.new_message(chat, from_user=sender, **fields)
        if self._bot_sees(message):
            self._push_update("message", message.to_api())
        self._mark_action()
        return message

    def _bot_sees(self, message: Message) -> bool:
        chat = message.chat
        if chat.type == "private":
            return True
        if chat.bot_status not in ("member", "administrator", "creator"):
            return False
        service = (message.new_chat_members or message.left_chat_member or message.migrate_to_chat_id
                   or message.migrate_from_chat_id or message.group_chat_created)
        if service or not self.privacy_mode or chat.bot_status == "administrator":
            return True
        if message.reply_to is not None and message.reply_to.from_user is self.bot:
            return True
        text = message.text if message.text is not None else (message.caption or "")
        entities = message.entities if message.text is not None else message.caption_entities
        own = f"@{self.bot.username}".lower()
        for entity in entities:
            raw = text.encode("utf-16-le")[2 * entity["offset"]: 2 * (entity["offset"] + entity["length"])]
            word = raw.decode("utf-16-le").lower()
            if entity["type"] == "bot_command" and ("@" not in word or word.endswith(own)):
                return True
            if entity["type"] == "mention" and word == own:
                return True
        return False

    def _my_chat_member(self, chat: Chat, actor: User, old: str, new: str) -> None:
        self._push_update("my_chat_member", {
            "chat": chat.to_api(), "from": actor.to_api(), "date": self.now(),
            "old_chat_member": _member_api(self.bot, old), "new_chat_member": _member_api(self.bot, new),
        })

    def _chat_member_update(self, chat: Chat, user: User, actor: User, old: str) -> None:
        # Telegram sends chat_member only to admin bots that asked for it (allowed_updates).
        if chat.bot_status != "administrator":
            return
        self._push_update("chat_member", {
            "chat": chat.to_api(), "from": actor.to_api(), "date": self.now(),
            "old_chat_member": _member_api(user, old),
            "new_chat_member": _member_api(user, chat.status_of(user.id)),
        })


# A picture sent "as a photo" reaches bots as Telegram recompressed it: a JPEG at most this many pixels on
# its longer side (the largest of the PhotoSizes; the app's «send as file» keeps the original).
PHOTO_MAX_SIDE = 1280
PHOTO_QUALITY = 87


def as_telegram_photo(data: bytes) -> bytes:
    """`data` (a PNG or JPEG) as Telegram delivers a photo: scaled down to PHOTO_MAX_SIDE, re-encoded as
    JPEG. (qa10: the sandbox handed the bot a phone's full-size picture, so OCR of photos read better
    there than through Telegram.) Bytes Pillow cannot read are given back as they are."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError):
        return data
    if image.format == "JPEG" and max(image.size) <= PHOTO_MAX_SIDE:
        return data
    image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="JPEG", quality=PHOTO_QUALITY)
    return out.getvalue()


def text_mention(user: User, name: str | None = None) -> TextMention:
    """A part of `send_text`'s text that mentions `user` by name (a text_mention entity)."""
    return TextMention(user=user.to_api(), name=name if name is not None else user.full_name)


_ADMIN_RIGHTS = ("can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
                 "can_manage_video_chats", "can_restrict_members", "can_promote_members", "can_change_info",
                 "can_invite_users", "can_post_stories", "can_edit_stories", "can_delete_stories",
                 "can_pin_messages")


def _member_api(user: User, status: str) -> JSON:
    data: JSON = {"status": status, "user": user.to_api()}
    if status == "creator":
        data["is_anonymous"] = False
    elif status == "administrator":
        data.update({right: right not in ("can_be_edited", "is_anonymous") for right in _ADMIN_RIGHTS})
    elif status == "kicked":
        data["until_date"] = 0
    return data


def _valid_username(name: str) -> bool:
    return 5 <= len(name) <= 32 and name[0].isascii() and name[0].isalpha() and all(
        c.isascii() and (c.isalnum() or c == "_") for c in name)


def _guess_mime(filename: str) -> str | None:
    guessed, _ = mimetypes.guess_type(filename)
    return guessed
