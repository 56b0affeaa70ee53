"""Instances alive, on PostgreSQL where several may run: each says it is alive every BEAT_EVERY
seconds (a dispatcher beat, db.outbox.beat), on its own — not only between two dispatcher batches: a
drain held by a group's 20 messages a minute can take minutes, and an instance is not dead for that.

What a dead instance held is taken over by the living: its membership look-ups
(jobs/membership_check.resume_membership_checks) — on SQLite the instance lock makes every claim
found at start a dead process's, and no beat is needed.

Liveness is wall time, not the bot's clock (a test clock standing still must not keep the dead
alive): an instance is alive while its beat is younger than ALIVE_WITHIN_BEATS beats.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot.services import services_of
from db.outbox import beat

if TYPE_CHECKING:
    from telegram.ext import Application, CallbackContext

log = logging.getLogger(__name__)

INSTANCE_BEAT_JOB = "instance-beat"
ALIVE_WITHIN_BEATS = 3  # beats an instance may miss (a busy event loop) before it counts as dead


def beat_every() -> float:
    """Seconds between two beats: the dispatcher's (jobs.dispatcher.BEAT_EVERY), read when asked."""
    from jobs import dispatcher

    return dispatcher.BEAT_EVERY


def alive_within() -> timedelta:
    return timedelta(seconds=ALIVE_WITHIN_BEATS * beat_every())


async def instance_beat(application: Application) -> None:  # type: ignore[type-arg]
    """This instance is alive (its beat row touched, wall time)."""
    services = services_of(application)
    async with services.session_factory() as s, s.begin():
        await beat(s, services.instance_id, datetime.now(UTC), alive_within())


async def instance_tick(context: CallbackContext) -> None:  # type: ignore[type-arg]
    try:
        await instance_beat(context.application)
    except Exception:  # the database is down: the next beat tries again
        log.warning("instance heartbeat failed", exc_info=True)
