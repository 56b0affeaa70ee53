"""Reminder outbox queries. (Placeholder until the reminders branch lands: planning is a no-op.)"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession


async def replan_task(session: AsyncSession, task_id: int, now: datetime) -> None:
    """Re-plan the reminders of a task after it was created or changed."""
    return None
