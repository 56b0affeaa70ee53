"""A local Telegram Bot API emulator for end-to-end tests and `nhacviec sandbox`.

    from emulator import Emulator, World, text_mention

    async with Emulator() as emu:
        world = emu.world
        chair = world.add_user("Lan", "Nguyễn", username="lan_nguyen")
        group = world.add_group("BCĐ Chuyển đổi số", creator=chair)
        ...  # build the Application with base_url=emu.base_url, base_file_url=emu.base_file_url
        world.send_text(chair, group, "/giao @binh_tran nộp báo cáo trước 15/12")
        reply = await world.wait_for(lambda m: "#1" in m.plain)
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
