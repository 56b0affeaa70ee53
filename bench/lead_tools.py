"""What the lead tools (devmiss, lead_figures, lead_miss_kinds, lead_span_check, leadscore, checkset)
share: the project on the import path, their `--dir DIR` option, the refusal of held-out sets, and a
dev set found by its name. Written once so that the guard on held-out sets cannot drift between them.

Imported first by each tool (`from lead_tools import …`: the tool's own folder is on the path when
it is run as `python bench/<tool>.py`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.domain.unseen_scoring import load_jsonl  # noqa: E402  (needs ROOT on the path)

DATA = Path("tests/data")  # as the tools always read it: from the project's root


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
