"""Optional compiled build of the understanding code (issue 11 part 4, "Fast").

    python -m domain.understand.accel_build            # build it (needs `pip install cython` and gcc)
    python -m domain.understand.accel_build --status   # say whether this process uses it
    NHACVIEC_PURE=1                              # run plain Python even when a build is there

The hot modules (the assignee reader, the splitter, the deadline grammar and their helpers) are
compiled unchanged by Cython — the same source files, no types added, no file of the package
edited — into C extensions. Cython runs ordinary Python code with the interpreter loop taken out:
same semantics, the same objects, exceptions and caches, but fewer instructions per line (measured
in bench/README.md, round 8). Annotations are NOT turned into checks (`annotation_typing=False`): a
value of another type than annotated flows on exactly as in Python (mypyc, measured in round 3, raises
`TypeError` there instead, and needs every rule to type-check).

A build is tied to the exact sources it was made from: it goes to `_compiled/<fingerprint>/` next to
this file, the fingerprint a hash of every compiled module's source and of the Python that built it.
At import the package (`__init__.py`) puts that directory first on its `__path__` only when the
directory for the current sources exists, so an edited module is never shadowed by a stale build:
after any edit the code runs as plain Python until the build is made again. Modules not in `MODULES`
(and every module, without a build) are plain Python, as before.
"""

from __future__ import annotations

import hashlib
import os
import sysconfig
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The modules a sentence's understanding runs through (profiled: nearly all its time), compiled.
# Not `__init__` (it chooses the build) nor this module; `documents`/`ocr` are not on the hot path.
MODULES = (
    "assignees",
    "conclusion",
    "deadline_dates",
    "deadline_grammar",
    "deadline_scan",
    "deadlines",
    "directive",
    "lead_rules",
    "regex_gates",
    "textnorm",
    "vntokens",
)

COMPILED = HERE / "_compiled"


def fingerprint(sources: Path | None = None) -> str:
    """A hash of the compiled modules' sources (in `sources`, by default this package) and of this
    Python's extension tag."""
    sources = HERE if sources is None else sources
    digest = hashlib.sha256()
    digest.update(str(sysconfig.get_config_var("EXT_SUFFIX")).encode())
    for name in MODULES:
        digest.update(name.encode() + b"\0")
        digest.update((sources / f"{name}.py").read_bytes())
    return digest.hexdigest()[:20]


def build_dir() -> Path:
    return COMPILED / fingerprint()


def wanted() -> bool:
    return os.environ.get("NHACVIEC_PURE", "") in ("", "0")


def activate(package_path: list[str]) -> bool:
    """Put the build for the current sources first on the package's `__path__`, when there is one
    and it is wanted. Never raises: any doubt means plain Python."""
    try:
        if not wanted() or not COMPILED.is_dir():
            return False
        target = build_dir()
        if not (target / "BUILT").is_file():
            return False
    except OSError:
        return False
    if str(target) not in package_path:
        package_path.insert(0, str(target))
    return True


def is_compiled(module: object) -> bool:
    """True when `module` (one of ours) was loaded from the compiled build."""
    return not str(getattr(module, "__file__", "")).endswith(".py")
