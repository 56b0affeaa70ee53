"""One bot process for the replication test: exactly `nhacviec run --webhook` (bot.cli.run_bot), with
a few test-only changes: the clock is read from a file the test rewrites when it moves time, the
weekly-summary planner wakes every SUMMARY_PLANNER_INTERVAL seconds instead of hourly, and the
dispatcher claims DISPATCH_BATCH rows at a time instead of 500 — with a handful of rows per claim
the two instances' drains interleave claim after claim, so the claims really race. With BEAT_EVERY
set, the instances beat every BEAT_EVERY seconds instead of 10 (a dead one is seen sooner).

    NHACVIEC_CLOCK_FILE=/tmp/clock BOT_TOKEN=... DATABASE_URL=... WEBHOOK_URL=... python instance.py
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any


class FileClock:
    """bot.clock.Clock whose time is an ISO datetime in a file (written atomically by the test)."""

    def __init__(self, path: str) -> None:
        self._path = Path(path)

    def now(self) -> datetime:
        return datetime.fromisoformat(self._path.read_text().strip())


def main() -> int:
    import jobs.scheduling
    from bot.cli import run_bot
    from bot.settings import load_settings
    from jobs.runtime import DispatchRuntime

    jobs.scheduling.SUMMARY_PLANNER_INTERVAL = float(os.environ.get("SUMMARY_PLANNER_INTERVAL", "3600"))
    if os.environ.get("BEAT_EVERY"):  # instances' heartbeats (jobs/instances.py): a dead one is seen sooner
        import jobs.dispatcher

        jobs.dispatcher.BEAT_EVERY = float(os.environ["BEAT_EVERY"])
    batch = int(os.environ.get("DISPATCH_BATCH", "500"))
    create = DispatchRuntime.create.__func__  # type: ignore[attr-defined]

    def small_batches(cls: type[DispatchRuntime], *args: Any, **kwargs: Any) -> DispatchRuntime:
        return create(cls, *args, **{**kwargs, "batch_size": batch, "summary_batch": batch})

    DispatchRuntime.create = classmethod(small_batches)  # type: ignore[method-assign, assignment]
    clock = FileClock(os.environ["NHACVIEC_CLOCK_FILE"])
    return run_bot(load_settings(env_file=None), webhook=True, clock=clock)


if __name__ == "__main__":
    sys.exit(main())
