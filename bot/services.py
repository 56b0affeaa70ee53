"""What handlers and jobs need, as one typed object kept in `application.bot_data["services"]`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.member_status import MemberStatuses
from bot.settings import Settings

if TYPE_CHECKING:
    from telegram.ext import Application


@dataclass
class Services:
    settings: Settings
    clock: Clock
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    # Identifies this process in claims (reminder outbox), so a second instance never takes the same row.
    instance_id: str = field(default="main")
    # What Telegram last said of each person in each group (admin / present / gone), shared by the
    # handlers and the reminder dispatcher (bot/member_status.py).
    members: MemberStatuses = field(default_factory=MemberStatuses)


def services_of(application: Application) -> Services:  # type: ignore[type-arg]
    return application.bot_data["services"]
