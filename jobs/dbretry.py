"""Recording what Telegram already accepted, through a database that is briefly unavailable.

Once a reminder or a summary part is sent, the row that says so must be written: if the write failed
for good, the claim's lease would run out and the message would go out a second time. A SQLite writer
holding the lock or a PostgreSQL restart lasts seconds, so the write is retried with backoff, for
well under the claim lease (db.reminders.CLAIM_LEASE, 5 minutes). Other errors (bugs) are not retried.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from bot.errors import database_unavailable

log = logging.getLogger(__name__)

T = TypeVar("T")

# Seconds between attempts: about a minute and a half in all.
RECORD_BACKOFF: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 30.0)


async def retry_db(
    write: Callable[[], Awaitable[T]],
    sleep: Callable[[float], Awaitable[None]],
    backoff: Sequence[float] = RECORD_BACKOFF,
) -> T:
    for delay in backoff:
        try:
            return await write()
        except Exception as exc:
            if not database_unavailable(exc):
                raise
            log.warning("database unavailable while recording a delivery (%s); again in %.1f s", exc, delay)
            await sleep(delay)
    return await write()
