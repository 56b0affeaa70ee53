"""On SQLite only one bot process may run: SQLite cannot arbitrate between two dispatchers (no
FOR UPDATE SKIP LOCKED), so a second instance is refused at start instead of double-sending."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import IO

from sqlalchemy.engine import make_url

from db.engine import is_sqlite, normalise_url


class AlreadyRunning(RuntimeError):
    pass


class InstanceLock:
    def __init__(self, database_url: str) -> None:
        self._path: Path | None = None
        if is_sqlite(database_url):
            database = make_url(normalise_url(database_url)).database
            if database and database != ":memory:":
                self._path = Path(database).resolve().with_name(Path(database).name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """flock(2) on `<database>.lock`: the kernel drops it when the holder dies (kill -9 included), so a
        file left behind never blocks a start — only a living holder does. The file is removed on release;
        whoever opened it just before (and so locks a removed file) sees the path no longer leads to what it
        locked and starts again on the file at the path."""
        if self._path is None:
            return
        for _ in range(20):
            try:
                file = open(self._path, "a+")  # noqa: SIM115 - held for the process lifetime
            except PermissionError:
                # Left by another user (a command run as root, killed): not writable, but readable, lockable
                # and removable by the owner of the folder — the service's user.
                file = open(self._path)  # noqa: SIM115
            try:
                fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                file.close()
                raise AlreadyRunning(str(self._path)) from exc
            if self._leads_to(file) and file.writable():
                file.seek(0)
                file.truncate()
                file.write(str(os.getpid()))
                file.flush()
                self._file = file
                return
            if self._leads_to(file):  # a stale file we may not write: we hold its lock, nobody uses it
                with contextlib.suppress(OSError):
                    self._path.unlink()
            file.close()
        raise AlreadyRunning(str(self._path))

    def _leads_to(self, file: IO[str]) -> bool:
        """Is the file at the path the one `file` opened (not removed or replaced since)?"""
        assert self._path is not None
        try:
            here = os.stat(self._path)
        except FileNotFoundError:
            return False
        mine = os.fstat(file.fileno())
        return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)

    def release(self) -> None:
        if self._file is not None:
            # Removed while still held: a lock file never outlives its bot (a failed start, a clean stop).
            # A process killed before this line leaves the file; its lock died with it (see acquire).
            if self._path is not None and self._leads_to(self._file):
                with contextlib.suppress(OSError):
                    self._path.unlink()
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None
