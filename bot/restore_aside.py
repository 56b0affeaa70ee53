"""The copies `nhacviec restore` sets aside (`nhacviec-before-restore-YYYYmmdd-HHMMSS.db` with its -wal/-shm):
keep the newest few, remove older ones.

Every restore keeps the database it replaced, so that a restore of the wrong backup loses nothing. But
nothing ever removed them (`nhacviec backup --keep` leaves them alone on purpose: they are not backups of
its series), so a year of monthly restore drills left twelve full copies of the database beside it. What an
administrator expects: the copy of this restore always stays (it may be the only copy of what was just
replaced), and a few earlier ones stay too (a drill done twice, a wrong restore noticed a week later); older
ones go, and the command says which. How many is `--keep-aside N` (default DEFAULT_KEEP).

Only files of this database's set-aside series are touched: in the database's folder, named
`<stem>-before-restore-<8 digits>-<6 digits>[-<n>]<suffix>` (+ -wal/-shm/-journal; `-<n>`: a second restore
within the same second), regular files (no symlinks),
and the main file a SQLite database. A set goes whole (its -wal holds data the .db lacks) or not at all.
"""

from __future__ import annotations

import re
from pathlib import Path

DEFAULT_KEEP = 3
SIDECARS = ("-wal", "-shm", "-journal")


def _pattern(database: Path) -> re.Pattern[str]:
    suffix = database.suffix or ".db"
    sidecars = "|".join(re.escape(s) for s in SIDECARS)
    return re.compile(
        rf"{re.escape(database.stem)}-before-restore-(?P<stamp>\d{{8}}-\d{{6}}(?:-\d+)?){re.escape(suffix)}(?P<side>{sidecars})?"
    )


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:
        return False
    return head in (b"SQLite format 3\x00", b"")  # an empty file is an empty SQLite database


def set_aside_copies(database: Path) -> dict[str, list[Path]]:
    """The set-aside copies of `database`, by stamp: each stamp's files, main file first."""
    pattern = _pattern(database)
    mains: dict[str, Path] = {}
    sides: dict[str, list[Path]] = {}
    for path in database.parent.iterdir():
        found = pattern.fullmatch(path.name)
        if found is None or path.is_symlink() or not path.is_file():
            continue
        if found["side"] is None:
            mains[found["stamp"]] = path
        else:
            sides.setdefault(found["stamp"], []).append(path)
    # A -wal whose main file is gone, or a main file that is no database, is not what a restore made: left alone.
    return {stamp: [main, *sorted(sides.get(stamp, []))] for stamp, main in mains.items() if _is_sqlite(main)}


def _order(stamp: str) -> tuple[str, int]:
    """When a copy was set aside: its time, then its number within that second (…-2 after the first)."""
    time, _, n = stamp[:15], stamp[15:16], stamp[16:]
    return time, int(n) if n else 1


def prune_set_aside(database: Path, keep: int, just_made: Path | None) -> list[list[Path]]:
    """Remove the set-aside copies of `database` beyond the `keep` newest (by the time in their names), never
    the one `just_made`; returns the sets removed (each its files), oldest first."""
    sets = set_aside_copies(database)
    newest_first = sorted(sets, key=_order, reverse=True)
    if just_made is not None:  # first whatever the clock said: it is what this restore just replaced
        made = _pattern(database).fullmatch(just_made.name)
        if made is not None and made["stamp"] in sets:
            newest_first.remove(made["stamp"])
            newest_first.insert(0, made["stamp"])
    removed: list[list[Path]] = []
    for stamp in sorted(newest_first[max(keep, 1):], key=_order):
        for path in sets[stamp]:
            path.unlink(missing_ok=True)
        removed.append(sets[stamp])
    return removed
