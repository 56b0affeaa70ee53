"""A local Telegram Bot API emulator for end-to-end tests and `nhacviec sandbox`.

    from emulator import Emulator, text_mention

    async with Emulator() as emu:                    # 127.0.0.1, a free port, this event loop
        app = (ApplicationBuilder().token(emu.token).base_url(emu.base_url)
               .base_file_url(emu.base_file_url).build())
        world = emu.world
        chair = world.add_user("Lan", "Nguyễn", username="lan_nguyen")
        binh = world.add_user("Bình", "Trần")        # no username: mention with text_mention()
        group = world.add_group("BCĐ Chuyển đổi số", creator=chair, members=[binh])
        world.start_private(binh)                    # otherwise the bot may not write to Bình
        async with app:
            await app.start()
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
            world.send_text(chair, group, ["/giao ", text_mention(binh), " nộp báo cáo trước 15/12"])
            reply = await world.wait_for(lambda m: "#1" in m.plain)
            await world.wait_idle(update_queue=app.update_queue)
            await app.updater.stop()
            await app.stop()

Behaviours worth knowing (all as on Telegram unless said):
- Privacy mode is on: in a group where it is not an admin the bot only receives commands, replies
  to its own messages, @mentions of it and service messages (World(privacy_mode=False) to change).
- A bot can only write to a user who started it (`start_private`) and has not blocked it.
- HTML is parsed like Telegram's server; a bare "&" is refused too (stricter than Telegram, on
  purpose: it means user text was not escaped). World(strict_ampersand=False) accepts it.
- Flood limits are off unless `Emulator(strict=True)` (or `rate_limits=RateLimits(...)`).
- Message dates come from `World(clock=...)` (give it the bot's ManualClock), else real time.
- After setWebhook, updates are POSTed to the URL with the X-Telegram-Bot-Api-Secret-Token header
  (emulator/webhook.py) and getUpdates answers 409; `Emulator(http_webhooks=True)` accepts the
  plain-http URL of a local bot (Telegram insists on HTTPS).
"""

from emulator.entities import HtmlParseError, TextMention, parse_html, utf16_len
from emulator.faults import FaultKind, FaultPlan, FaultRule
from emulator.methods import ApiError, BotApi
from emulator.models import GROUP_ANONYMOUS_BOT_ID, BotEvent, CallbackQuery, Chat, Message, StoredFile, User
from emulator.ratelimit import RateLimits
from emulator.server import Emulator
from emulator.world import DEFAULT_TOKEN, SendRecord, World, text_mention

__all__ = [
    "DEFAULT_TOKEN",
    "GROUP_ANONYMOUS_BOT_ID",
    "ApiError",
    "BotApi",
    "BotEvent",
    "CallbackQuery",
    "Chat",
    "Emulator",
    "FaultKind",
    "FaultPlan",
    "FaultRule",
    "HtmlParseError",
    "Message",
    "RateLimits",
    "SendRecord",
    "StoredFile",
    "TextMention",
    "User",
    "World",
    "parse_html",
    "text_mention",
    "utf16_len",
]
