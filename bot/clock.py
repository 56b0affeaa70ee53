"""The one clock of the application.

Domain code never reads the time: it takes `now` as a parameter. Handlers and jobs ask this clock,
which is `SystemClock` in production and `ManualClock` in tests and the sandbox (which move it).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware UTC datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when.astimezone(UTC)

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now


# --- test / sandbox only -------------------------------------------------------------------
# A bot run as a separate process (crash tests, the sandbox) still needs its one clock moved from
# outside. NHACVIEC_CLOCK_FILE names a file holding either an ISO-8601 instant (the clock stands
# there) or a number of seconds (an offset added to the real time). Never set in production.
# Writers replace the file (write a temporary file, then rename it): a reader never sees half a
# time, and the new inode tells it the file changed even within one timestamp tick.
CLOCK_FILE_ENV = "NHACVIEC_CLOCK_FILE"


class FileClock:
    """Reads its time from a file, re-read whenever the file changes (cheap: one stat a call)."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._stamp: tuple[int, int, int] | None = None
        self._fixed: datetime | None = None
        self._offset = timedelta(0)

    def _reload(self) -> None:
        import os

        st = os.stat(self._path)
        stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
        if stamp == self._stamp:
            return
        with open(self._path, encoding="utf-8") as f:
            raw = f.read().strip()
        try:
            self._offset, self._fixed = timedelta(seconds=float(raw)), None
        except ValueError:
            fixed = datetime.fromisoformat(raw)
            if fixed.tzinfo is None:
                raise ValueError(f"{self._path}: the instant needs a time zone") from None
            self._fixed = fixed.astimezone(UTC)
        self._stamp = stamp

    def now(self) -> datetime:
        self._reload()
        if self._fixed is not None:
            return self._fixed
        return datetime.now(UTC) + self._offset


def set_clock_file(path: str, when: datetime) -> None:
    """Move a FileClock (from a test or the sandbox): write the instant atomically."""
    import os

    if when.tzinfo is None:
        raise ValueError("the clock file needs an aware datetime")
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(when.isoformat())
    os.replace(tmp, path)


def clock_from_env() -> Clock:
    """SystemClock, unless a test or the sandbox set NHACVIEC_CLOCK_FILE."""
    import os

    path = os.environ.get(CLOCK_FILE_ENV)
    return FileClock(path) if path else SystemClock()
