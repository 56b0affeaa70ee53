"""On SQLite only one bot process may run: SQLite cannot arbitrate between two dispatchers (no
FOR UPDATE SKIP LOCKED), so a second instance is refused at start instead of double-sending."""

from __future__ import annotations

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
        if self._path is None:
            return
        self._file = open(self._path, "a+")  # noqa: SIM115 - held for the process lifetime
        try:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self._file.close()
            self._file = None
            raise AlreadyRunning(str(self._path)) from exc
        self._file.seek(0)
        self._file.truncate()
        self._file.write(str(os.getpid()))
        self._file.flush()

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None
