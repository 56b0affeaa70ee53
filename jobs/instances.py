"""Instances alive, on PostgreSQL where several may run: each says it is alive every BEAT_EVERY
seconds (a dispatcher beat, db.outbox.beat), on its own — not only between two dispatcher batches: a
drain held by a group's 20 messages a minute can take minutes, and an instance is not dead for that.

What a dead instance held is taken over by the living: its membership look-ups
(jobs/membership_check.resume_membership_checks), and the reminders a re-plan superseded while it
was sending them (db.reminders.restore_dead_superseded, each beat): the re-plan planned their
recipients on from the next day, counting on that send, so left alone they lost the day's reminder.
Its claimed rows come back by the claim lease, as before. On SQLite the instance lock makes every
claim found at start a dead process's (db.outbox.release_stale_claims), and no beat is needed.

Liveness is wall time, not the bot's clock (a test clock standing still must not keep the dead
alive): an instance is alive while its beat is younger than ALIVE_WITHIN_BEATS beats.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot.errors import log_background_failure
from bot.services import services_of
from db.outbox import beat
from db.reminders import restore_dead_superseded

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


async def restore_dead_instances(application: Application) -> int:  # type: ignore[type-arg]
    """Put back the superseded reminders of instances that are dead; returns how many."""
    services = services_of(application)
    async with services.session_factory() as s, s.begin():
        restored = await restore_dead_superseded(s, services.clock.now(), datetime.now(UTC), alive_within())
    if restored:
        log.warning("put back %d reminders a stopped instance was sending when their task was re-planned", restored)
    return restored


async def instance_tick(context: CallbackContext) -> None:  # type: ignore[type-arg]
    try:
        await instance_beat(context.application)
        await restore_dead_instances(context.application)
    except Exception as exc:  # the database is down: the next beat tries again
        log_background_failure(log, "instance heartbeat failed", exc)
