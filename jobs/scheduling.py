"""Scheduled work registered with the JobQueue. (Placeholder until the reminders branch lands.)"""

from __future__ import annotations

from telegram.ext import Application


def schedule_jobs(app: Application) -> None:  # type: ignore[type-arg]
    return None
