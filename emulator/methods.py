"""The Bot API methods: validate like Telegram, change the World, answer Telegram-shaped objects.

`BotApi.call(method, params, uploads)` takes already-decoded parameters (the server decodes JSON,
form and multipart bodies) and returns the `result`, or raises ApiError with Telegram's error code,
description and parameters. Descriptions are Telegram's own, so that code matching on them (and
PTB's exception mapping: 400 BadRequest, 403 Forbidden, 429 RetryAfter, migrate_to_chat_id
ChatMigrated) behaves as in production.
"""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from emulator.entities import (
    MAX_CAPTION_UTF16,
    MAX_TEXT_UTF16,
    Entity,
    HtmlParseError,
    parse_html,
    sort_entities,
    utf16_len,
)
from emulator.models import JSON, Chat, Message, StoredFile
from emulator.ratelimit import RateLimiter
from emulator.world import Conflict, SendRecord, World

MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
MAX_CALLBACK_DATA_BYTES = 64


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        data: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            data["parameters"] = self.parameters
        return data


# setWebhook's secret_token: 1-256 characters A-Z, a-z, 0-9, _ and -.
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


def bad_request(text: str, parameters: JSON | None = None) -> ApiError:
    return ApiError(400, f"Bad Request: {text}", parameters)


def forbidden(text: str) -> ApiError:
    return ApiError(403, f"Forbidden: {text}")


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str | None
    data: bytes


Params = dict[str, Any]
Uploads = dict[str, Upload]


class BotApi:
    def __init__(self, world: World, limiter: RateLimiter | None = None) -> None:
        self.world = world
        self.limiter = limiter
        self._methods: dict[str, Callable[[Params, Uploads], Any]] = {
            name.removeprefix("m_").lower(): getattr(self, name)
            for name in dir(self) if name.startswith("m_")
        }

    async def call(self, method: str, params: Params, uploads: Uploads | None = None) -> Any:
        name = method.lower()  # Telegram's method names are case-insensitive
        if name == "getupdates":
            return await self.get_updates(params)
        handler = self._methods.get(name)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return handler(params, uploads or {})

    def chat_id_of(self, params: Params) -> int | None:
        """The chat a call is about (for fault rules), resolving "@username"."""
        raw = params.get("chat_id")
        if raw is None:
            return None
        if isinstance(raw, str) and raw.startswith("@"):
            chat = self.world.find_chat(raw)
            return chat.id if chat else None
        try:
            return int(raw)
        except (TypeError, ValueError):
            return None

    def user_id_of(self, params: Params) -> int | None:
        """The user a call is about (getChatMember, banChatMember...), for fault rules."""
        try:
            return int(params["user_id"])
        except (KeyError, TypeError, ValueError):
            return None

    # ------------------------------------------------------------------------------ updates

    async def get_updates(self, params: Params) -> list[JSON]:
        if self.world.webhook_url:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        try:
            return await self.world.get_updates(
                offset=_opt_int(params.get("offset")), limit=limit,
                poll_seconds=float(params.get("timeout") or 0), allowed_updates=params.get("allowed_updates"))
        except Conflict:
            raise ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only "
                                "one bot instance is running") from None

    def m_deleteWebhook(self, params: Params, uploads: Uploads) -> bool:
        self.world.webhook_url = ""
        self.world.webhook_secret = ""
        if params.get("drop_pending_updates"):
            self.world.drop_pending_updates()
        return True

    def m_setWebhook(self, params: Params, uploads: Uploads) -> bool:
        url = str(params.get("url") or "")
        if url and not url.startswith("https://") and not (self.world.allow_http_webhook
                                                          and url.startswith("http://")):
            raise bad_request("bad webhook: HTTPS url must be provided for webhook")
        secret = str(params.get("secret_token") or "")
        if secret and not _SECRET_TOKEN.fullmatch(secret):
            raise bad_request("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self.world.drop_pending_updates()
        if params.get("allowed_updates") is not None:
            self.world.allowed_updates = frozenset(params["allowed_updates"]) or self.world.allowed_updates
        self.world.webhook_url = url
        self.world.webhook_secret = secret
        self.world.changed()  # wakes the webhook pusher
        return True

    def m_getWebhookInfo(self, params: Params, uploads: Uploads) -> JSON:
        return {"url": self.world.webhook_url, "has_custom_certificate": False,
                "pending_update_count": self.world.pending_updates()}

    # -------------------------------------------------------------------------------- identity

    def m_getMe(self, params: Params, uploads: Uploads) -> JSON:
        return {**self.world.bot.to_api(), "can_join_groups": True,
                "can_read_all_group_messages": not self.world.privacy_mode,
                "supports_inline_queries": False, "can_connect_to_business": False,
                "has_main_web_app": False}

    def m_setMyCommands(self, params: Params, uploads: Uploads) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH" if isinstance(commands, list) else "commands is empty")
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            description = command.get("description", "") if isinstance(command, dict) else ""
            if not (1 <= len(name) <= 32 and all(c.isascii() and (c.islower() or c.isdigit() or c == "_")
                                                 for c in name)):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.world.commands[_scope_key(params)] = [dict(c) for c in commands]
        return True

    def m_getMyCommands(self, params: Params, uploads: Uploads) -> list[JSON]:
        return [dict(c) for c in self.world.commands.get(_scope_key(params), [])]

    def m_setChatMenuButton(self, params: Params, uploads: Uploads) -> bool:
        button = params.get("menu_button")
        if isinstance(button, str):
            button = json.loads(button)
        if button is not None and (not isinstance(button, dict) or button.get("type") not in
                                   ("commands", "web_app", "default")):
            raise bad_request("menu button type is invalid")
        if isinstance(button, dict) and button.get("type") == "web_app":
            url = str((button.get("web_app") or {}).get("url", ""))
            if not url.startswith("https://"):
                raise bad_request("BUTTON_URL_INVALID")  # Telegram: Mini Apps need HTTPS
        self.world.menu_button = button or {"type": "default"}
        return True

    def m_getChatMenuButton(self, params: Params, uploads: Uploads) -> JSON:
        return self.world.menu_button

    def m_deleteMyCommands(self, params: Params, uploads: Uploads) -> bool:
        self.world.commands.pop(_scope_key(params), None)
        return True

    # ---------------------------------------------------------------------------------- sending

    def m_sendMessage(self, params: Params, uploads: Uploads) -> JSON:
        chat = self.target_chat(params)
        text, entities = self.message_text(params)
        markup = validate_markup(params.get("reply_markup"), chat)
        reply_to = self.reply_target(chat, params)
        self.throttle("sendMessage", chat)
        message = self.world.new_message(
            chat, from_user=self.world.bot, text=text, entities=entities, reply_to=reply_to,
            reply_markup=markup, parse_mode=params.get("parse_mode"), source_text=params.get("text"),
            disable_notification=bool(params.get("disable_notification")),
            link_preview_options=params.get("link_preview_options"),
        )
        return self.sent("sendMessage", message)

    def m_sendDocument(self, params: Params, uploads: Uploads) -> JSON:
        return self.send_file("sendDocument", "document", params, uploads)

    def m_sendPhoto(self, params: Params, uploads: Uploads) -> JSON:
        return self.send_file("sendPhoto", "photo", params, uploads)

    def send_file(self, method: str, kind: str, params: Params, uploads: Uploads) -> JSON:
        chat = self.target_chat(params)
        stored = self.input_file(kind, params, uploads)
        caption, caption_entities = None, []
        if params.get("caption"):
            caption, caption_entities = self.format_text(
                params["caption"], params.get("parse_mode"), params.get("caption_entities"),
                limit=MAX_CAPTION_UTF16, what="message caption")
        markup = validate_markup(params.get("reply_markup"), chat)
        reply_to = self.reply_target(chat, params)
        self.throttle(method, chat)
        message = self.world.new_message(
            chat, from_user=self.world.bot, caption=caption, caption_entities=caption_entities,
            reply_to=reply_to, reply_markup=markup, parse_mode=params.get("parse_mode"),
            source_text=params.get("caption"), disable_notification=bool(params.get("disable_notification")),
            **{kind: stored},
        )
        return self.sent(method, message)

    def sent(self, method: str, message: Message) -> JSON:
        self.world.send_log.append(SendRecord(method, message.chat.id, self.world.monotonic(), message.date))
        self.world.record("sent", message)
        return message.to_api()

    def input_file(self, kind: str, params: Params, uploads: Uploads) -> StoredFile:
        upload = uploads.get(kind)
        if upload is None and isinstance(params.get(kind), str) and params[kind].startswith("attach://"):
            upload = uploads.get(params[kind].removeprefix("attach://"))
        if upload is not None:
            if not upload.data:
                raise bad_request("file must be non-empty")
            width, height = _image_size(upload.data) if kind == "photo" else (0, 0)
            return self.world.store_file(upload.data, filename=upload.filename, mime_type=upload.content_type,
                                         kind=kind, width=width, height=height)
        reference = params.get(kind)
        if not reference:
            raise bad_request(f"there is no {kind} in the request")
        stored = self.world.files.get(str(reference))
        if stored is None:  # an URL would make Telegram download it; the emulator has no internet
            raise bad_request("wrong file identifier/HTTP URL specified")
        return stored

    # ---------------------------------------------------------------------------------- editing

    def m_editMessageText(self, params: Params, uploads: Uploads) -> JSON:
        message = self.editable_message(params)
        if message.text is None:
            raise bad_request("there is no text in the message to edit")
        text, entities = self.message_text(params)
        # Telegram drops the inline keyboard when an edit does not repeat it.
        markup = validate_markup(params.get("reply_markup"), message.chat)
        if text == message.text and entities == message.entities and markup == message.reply_markup:
            raise not_modified()
        message.text, message.entities, message.reply_markup = text, entities, markup
        message.parse_mode, message.source_text = params.get("parse_mode"), params.get("text")
        return self.edited(message)

    def m_editMessageReplyMarkup(self, params: Params, uploads: Uploads) -> JSON:
        message = self.editable_message(params)
        markup = validate_markup(params.get("reply_markup"), message.chat)
        if markup == message.reply_markup:
            raise not_modified()
        message.reply_markup = markup
        return self.edited(message)

    def editable_message(self, params: Params) -> Message:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not emulated")
        chat = self.target_chat(params, sending=False)
        message = self.world.find_message(chat.id, _opt_int(params.get("message_id")) or 0)
        if message is None or message.deleted:
            raise bad_request("message to edit not found")
        if message.from_user is not self.world.bot:
            raise bad_request("message can't be edited")
        return message

    def edited(self, message: Message) -> JSON:
        message.edit_date = self.world.now()
        self.world.record("edited", message)
        return message.to_api()

    def m_deleteMessage(self, params: Params, uploads: Uploads) -> bool:
        chat = self.target_chat(params, sending=False)
        message = self.world.find_message(chat.id, _opt_int(params.get("message_id")) or 0)
        if message is None or message.deleted:
            raise bad_request("message to delete not found")
        if message.from_user is not self.world.bot and chat.is_group and chat.bot_status != "administrator":
            raise bad_request("message can't be deleted")
        message.deleted = True
        self.world.record("deleted", message)
        return True

    def m_answerCallbackQuery(self, params: Params, uploads: Uploads) -> bool:
        query = self.world.callback_queries.get(str(params.get("callback_query_id")))
        if query is None or query.answered:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        if len(params.get("text") or "") > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        query.answered = True
        query.answer_text = params.get("text")
        query.show_alert = bool(params.get("show_alert"))
        query.answer_url = params.get("url")
        self.world.changed()
        return True

    # ------------------------------------------------------------------------------------ chats

    def m_getChat(self, params: Params, uploads: Uploads) -> JSON:
        return self.target_chat(params, sending=False).full_info()

    def m_getChatMember(self, params: Params, uploads: Uploads) -> JSON:
        chat = self.target_chat(params, sending=False)
        user_id = _opt_int(params.get("user_id"))
        try:
            user = self.world.user(user_id if user_id is not None else 0)
        except ValueError:
            raise bad_request("user not found") from None
        self.world.member_lookups[user.id] += 1
        return self.world.chat_member_api(chat, user)

    def m_getChatAdministrators(self, params: Params, uploads: Uploads) -> list[JSON]:
        chat = self.target_chat(params, sending=False)
        if not chat.is_group:
            raise bad_request("there are no administrators in the private chat")
        admins = [self.world.chat_member_api(chat, self.world.user(uid))
                  for uid, status in chat.members.items() if status in ("creator", "administrator")]
        if chat.bot_status == "administrator":
            admins.append(self.world.chat_member_api(chat, self.world.bot))
        return admins

    def m_getChatMemberCount(self, params: Params, uploads: Uploads) -> int:
        chat = self.target_chat(params, sending=False)
        if not chat.is_group:
            return 2
        people = sum(1 for uid in chat.members if chat.is_member(uid))
        return people + (1 if chat.bot_status in ("member", "administrator") else 0)

    def m_leaveChat(self, params: Params, uploads: Uploads) -> bool:
        chat = self.target_chat(params, sending=False)
        if not chat.is_group:
            raise bad_request("chat member status can't be changed in private chats")
        self.world.bot_left(chat)
        return True

    # ------------------------------------------------------------------------------------ files

    def m_getFile(self, params: Params, uploads: Uploads) -> JSON:
        stored = self.world.files.get(str(params.get("file_id") or ""))
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.data) > MAX_DOWNLOAD_BYTES:
            raise bad_request("file is too big")
        return stored.file_api()

    # --------------------------------------------------------------------------------- checks

    def target_chat(self, params: Params, *, sending: bool = True) -> Chat:
        """The chat of `chat_id`, refused as Telegram refuses it (migrated, kicked, blocked...)."""
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        try:
            chat = self.world.find_chat(raw)
        except (TypeError, ValueError):
            chat = None
        if chat is None:
            raise bad_request("chat not found")
        if chat.migrated_to is not None:
            raise bad_request("group chat was upgraded to a supergroup chat",
                              {"migrate_to_chat_id": chat.migrated_to})
        if chat.type == "private":
            user = chat.user
            assert user is not None
            if sending and user.is_bot:
                raise forbidden("bot can't send messages to bots")
            if sending and user.blocked:
                raise forbidden("bot was blocked by the user")
            if sending and not user.started:
                raise forbidden("bot can't initiate conversation with a user")
            return chat
        kind = "supergroup chat" if chat.type == "supergroup" else "group chat"
        if chat.deleted:
            raise forbidden(f"the {kind} was deleted")
        if chat.bot_status == "kicked":
            raise forbidden(f"bot was kicked from the {kind}")
        if chat.bot_status not in ("member", "administrator", "creator"):
            raise forbidden(f"bot is not a member of the {kind}")
        return chat

    def message_text(self, params: Params) -> tuple[str, list[Entity]]:
        return self.format_text(params.get("text"), params.get("parse_mode"), params.get("entities"),
                                limit=MAX_TEXT_UTF16, what="message text")

    def format_text(self, raw: Any, parse_mode: Any, entities: Any, *, limit: int,
                    what: str) -> tuple[str, list[Entity]]:
        text = "" if raw is None else str(raw)
        if not text.strip():
            raise bad_request(f"{what} is empty")
        mode = str(parse_mode or "").lower()
        if mode == "html":
            try:
                text, parsed = parse_html(text, strict_ampersand=self.world.strict_ampersand,
                                          known_user=self._known_user)
            except HtmlParseError as exc:
                raise bad_request(f"can't parse entities: {exc}") from None
        elif mode in ("", "markdown", "markdownv2"):
            # Markdown is not emulated: the text is kept as sent (the product uses HTML only).
            parsed = sort_entities(entities) if isinstance(entities, list) else []
        else:
            raise bad_request("unsupported parse_mode")
        if not text.strip():
            raise bad_request(f"{what} is empty")
        if utf16_len(text) > limit:
            raise bad_request(f"{what.replace(' text', '')} is too long")
        return text, parsed

    def _known_user(self, user_id: int) -> JSON | None:
        try:
            return self.world.user(user_id).to_api()
        except ValueError:
            return None

    def reply_target(self, chat: Chat, params: Params) -> Message | None:
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            message_id = _opt_int(reply.get("message_id"))
            allow_missing = bool(reply.get("allow_sending_without_reply"))
            if reply.get("chat_id") not in (None, chat.id):
                raise bad_request("replies to other chats are not emulated")
        else:
            message_id = _opt_int(params.get("reply_to_message_id"))
            allow_missing = bool(params.get("allow_sending_without_reply"))
        if message_id is None:
            return None
        target = self.world.find_message(chat.id, message_id)
        if target is None or target.deleted:
            if allow_missing:
                return None
            raise bad_request("message to be replied not found")
        return target

    def throttle(self, method: str, chat: Chat) -> None:
        if self.limiter is None:
            return
        wait = self.limiter.retry_after(method.lower(), chat.id, chat.is_group)
        if wait is not None:
            self.world.too_many_requests += 1
            raise ApiError(429, f"Too Many Requests: retry after {wait}", {"retry_after": wait})


def not_modified() -> ApiError:
    return bad_request("message is not modified: specified new message content and reply markup are "
                       "exactly the same as a current content and reply markup of the message")


def validate_markup(markup: Any, chat: Chat | None = None) -> JSON | None:
    """Reply markup as Telegram accepts it; inline buttons are checked as Telegram checks them (in
    `chat`, when known: web-app buttons only in private chats)."""
    if markup is None or markup == "":
        return None
    if isinstance(markup, str):
        try:
            markup = json.loads(markup)
        except ValueError:
            raise bad_request("can't parse reply keyboard markup JSON object") from None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup  # reply keyboards, ForceReply, ReplyKeyboardRemove: recorded as given
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays")
    for row in rows:
        for button in row:
            _check_button(button)
            if isinstance(button, dict) and "web_app" in button:
                _check_web_app(button["web_app"], chat)
    return markup


def _check_web_app(web_app: Any, chat: Chat | None) -> None:
    """Telegram: a Mini App opens from an inline button only in a private chat, and only over HTTPS
    (plain HTTP is allowed here on loopback, for the sandbox, which plays Telegram itself)."""
    if chat is not None and chat.is_group:
        raise bad_request("BUTTON_TYPE_INVALID")
    url = str((web_app or {}).get("url", "")) if isinstance(web_app, dict) else ""
    if not re.match(r"^(https://|http://(127\.0\.0\.1|localhost)[:/])", url):
        raise bad_request("BUTTON_URL_INVALID")


def _check_button(button: Any) -> None:
    if not isinstance(button, dict) or not str(button.get("text") or "").strip():
        raise bad_request("can't parse inline keyboard button: Text must be non-empty")
    if "callback_data" in button:
        size = len(str(button["callback_data"]).encode("utf-8"))
        if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    elif "url" in button:
        url = str(button["url"])
        if not url.startswith(("http://", "https://", "tg://")):
            raise bad_request("BUTTON_URL_INVALID")
    elif not any(key in button for key in ("switch_inline_query", "switch_inline_query_current_chat",
                                             "switch_inline_query_chosen_chat", "copy_text", "web_app",
                                             "login_url", "callback_game", "pay")):
        raise bad_request("can't parse inline keyboard button: "
                          "Text buttons are unallowed in the inline keyboard")


def _scope_key(params: Params) -> str:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True) + "|" + str(params.get("language_code") or "")


def _opt_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad_request(f"invalid integer value {value!r}") from None


def _image_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG or JPEG (Telegram reports them in PhotoSize); 0 if unknown."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                break
            marker, length = data[i + 1], struct.unpack(">H", data[i + 2 : i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return width, height
            i += 2 + length
    return 0, 0
