"""What the lead tools (devmiss, lead_figures, lead_miss_kinds, lead_span_check, leadscore, checkset)
share: the project on the import path, their `--dir DIR` option, the refusal of held-out sets, the
skipping of closed corpora (tests/data/CLOSED), and a dev set found by its name. Written once so that
the guards on held-out sets and closed corpora cannot drift between them.

Imported first by each tool (`from lead_tools import …`: the tool's own folder is on the path when
it is run as `python bench/<tool>.py`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.domain.unseen_scoring import load_jsonl  # noqa: E402  (needs ROOT on the path)

DATA = Path("tests/data")  # as the tools always read it: from the project's root
# The one list of closed corpora, whatever folder is read. NHACVIEC_CLOSED_LIST lets a test give its own
# list (the project's changes as corpora open and close).
CLOSED_LIST = Path(os.environ.get("NHACVIEC_CLOSED_LIST", ROOT / "tests" / "data" / "CLOSED"))

_Set = TypeVar("_Set", Path, list[Path])


def data_and_names(argv: list[str]) -> tuple[Path, list[str]]:
    """`[--dir DIR] name…` → (the folder of the sets, tests/data without --dir; the set names)."""
    args = list(argv)
    base = DATA
    if "--dir" in args:
        i = args.index("--dir")
        base = Path(args[i + 1])
        del args[i : i + 2]
    return base, args


def unseen_data() -> Path:
    """The folder `NHACVIEC_UNSEEN_DATA` names (a working copy of data still being collected), else
    tests/data."""
    return Path(os.environ.get("NHACVIEC_UNSEEN_DATA", str(DATA)))


def is_heldout(name: str) -> bool:
    return "heldout" in name


def refuse_heldout(name: str, message: str = "held-out sets are not measured here") -> None:
    """Held-out sets are measured by the lead alone, at the end (HELPERS.md): stop before reading one."""
    if is_heldout(name):
        raise SystemExit(message)


def dev_path(name: str, base: Path = DATA) -> Path:
    """A sentence set by name (`v4d` → <base>/v4d_dev.jsonl)."""
    return base / f"{name}_dev.jsonl"


def dev_records(name: str, base: Path = DATA) -> list[dict]:
    return load_jsonl(dev_path(name, base))


def closed_globs(listing: Path = CLOSED_LIST) -> list[str]:
    """The globs of tests/data/CLOSED (comments and blank lines dropped); none when the file is absent."""
    if not listing.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in listing.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def is_closed(path: Path, globs: Iterable[str] | None = None) -> bool:
    """Is `path` (a set's file or folder) part of a closed corpus? A glob matches any file or folder
    name on the path, so `conclusions_v14` closes every document under that folder."""
    globs = closed_globs() if globs is None else list(globs)
    return any(fnmatch(part, g) for part in path.parts for g in globs)


def skip_closed(sets: dict[str, _Set], globs: Iterable[str] | None = None) -> dict[str, _Set]:
    """`sets` (name -> file, or name -> its files) without the closed ones, each skipped set named on
    stderr (so that a figure missing from a table is never a surprise)."""
    globs = closed_globs() if globs is None else list(globs)
    kept: dict[str, _Set] = {}
    skipped = []
    for name, where in sets.items():
        paths = where if isinstance(where, list) else [where]
        if any(is_closed(p, globs) for p in paths):
            skipped.append(name)
        else:
            kept[name] = where
    if skipped:
        print(f"closed corpora skipped (tests/data/CLOSED): {', '.join(skipped)}", file=sys.stderr)
    return kept


def open_paths(paths: Iterable[Path], globs: Iterable[str] | None = None) -> list[Path]:
    """`paths` without those of closed corpora (named on stderr), in their order."""
    paths = list(paths)
    return list(skip_closed({str(p): p for p in paths}, globs).values())


def open_names(names: Iterable[str], base: Path = DATA, globs: Iterable[str] | None = None) -> list[str]:
    """Sentence sets named as the lead tools name them (`v4d` → <base>/v4d_dev.jsonl) without the closed
    ones (named on stderr)."""
    return list(skip_closed({name: dev_path(name, base) for name in names}, globs))
